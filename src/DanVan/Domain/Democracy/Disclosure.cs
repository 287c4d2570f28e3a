namespace DanVan.Domain.Democracy;

/// <summary>Whose list an item belongs to: the commune's government (Điều 11) or an agency's (Chương III).</summary>
public enum DisclosureScope
{
    Commune = 1,
    Agency = 2,
}

/// <summary>The forms of disclosure of Điều 12 khoản 1 Luật 10/2022/QH15 (facts.md §3.1); a disclosure uses one or more.</summary>
[Flags]
public enum DisclosureForms
{
    None = 0,
    Posting = 1,
    Portal = 2,
    Radio = 4,
    VillageHead = 8,
    Letter = 16,
    Conference = 32,
    Reception = 64,
    Organisations = 128,
    Network = 256,
}

/// <summary>
/// One content the law requires a commune or an agency to make public (Điều 11 for communes; Chương III for agencies):
/// data with its article, basis and validity, editable by an administrator. <see cref="DueMonth"/>/<see cref="DueDay"/>
/// is the day of the year by which DanVan expects it disclosed (a review date the province sets, not the law's).
/// </summary>
public class DisclosureItem
{
    public int Id { get; set; }

    public string Code { get; set; } = "";

    public string Name { get; set; } = "";

    public DisclosureScope Scope { get; set; }

    /// <summary>"Điều 11 khoản 1".</summary>
    public string Article { get; set; } = "";

    public string LegalBasis { get; set; } = "";

    public int DueMonth { get; set; } = 12;

    public int DueDay { get; set; } = 31;

    /// <summary>Consecutive days it must also be broadcast on the commune's radio (3 for Điều 11 khoản 7–12), if any.</summary>
    public int? RadioDays { get; set; }

    public int SortOrder { get; set; }

    public DateOnly ValidFrom { get; set; }

    public DateOnly? ValidTo { get; set; }
}

/// <summary>Một lần công khai: what a unit made public for an item of a year, when, how, for how long, with the file.</summary>
public class Disclosure
{
    public int Id { get; set; }

    public int UnitId { get; set; }

    /// <summary>The year the content concerns (the register is kept per year).</summary>
    public int Year { get; set; }

    public string ItemCode { get; set; } = "";

    /// <summary>What was made public, as the unit names it ("Dự toán ngân sách xã năm 2026").</summary>
    public string Title { get; set; } = "";

    public DateOnly DisclosedOn { get; set; }

    /// <summary>The last day it stayed posted, when it is posted for a time.</summary>
    public DateOnly? EndsOn { get; set; }

    public DisclosureForms Forms { get; set; }

    /// <summary>Consecutive days broadcast on the radio, when <see cref="DisclosureForms.Radio"/> is among the forms.</summary>
    public int? RadioDays { get; set; }

    public string? Note { get; set; }

    /// <summary>Whether the record and its file appear on the unit's public page (on by default: it is public already).</summary>
    public bool IsPublic { get; set; } = true;

    public string? FileName { get; set; }

    public string? FileContentType { get; set; }

    public long FileSize { get; set; }

    public string SearchText { get; set; } = "";

    public string RecordedByUserName { get; set; } = "";

    public DateTime RecordedAtUtc { get; set; }

    public Guid ConcurrencyStamp { get; set; } = Guid.NewGuid();
}

/// <summary>The file of a disclosure, apart so that lists never read it.</summary>
public class DisclosureFile
{
    public int DisclosureId { get; set; }

    public byte[] Content { get; set; } = [];
}
