namespace DanVan.Domain.Democracy;

/// <summary>Toàn thể or đại biểu (Điều 51 Luật 10/2022/QH15).</summary>
public enum StaffConferenceForm
{
    Plenary = 1,
    Delegates = 2,
}

/// <summary>Where an agency's yearly conference for a year stands.</summary>
public enum StaffConferenceStatus
{
    /// <summary>The working year has not ended.</summary>
    NotDue = 1,

    /// <summary>The year has ended, the due date not yet passed.</summary>
    DueSoon = 2,

    Overdue = 3,
    Held = 4,
}

/// <summary>
/// When the yearly Hội nghị cán bộ, công chức, viên chức falls due (a day of the following year) and below how many
/// staff it must be plenary: data with its basis and validity, not constants.
/// </summary>
public class StaffConferenceRule
{
    public int Id { get; set; }

    public string Code { get; set; } = "";

    public int DueMonth { get; set; }

    public int DueDay { get; set; }

    /// <summary>Below this many staff the conference is plenary (toàn thể).</summary>
    public int PlenaryBelow { get; set; }

    public string LegalBasis { get; set; } = "";

    public DateOnly ValidFrom { get; set; }

    public DateOnly? ValidTo { get; set; }
}

/// <summary>Hội nghị cán bộ, công chức, viên chức of an agency reviewing a year.</summary>
public class StaffConference
{
    public int Id { get; set; }

    public int UnitId { get; set; }

    /// <summary>The working year the conference reviews.</summary>
    public int Year { get; set; }

    public DateOnly HeldOn { get; set; }

    public int Attendees { get; set; }

    public int StaffTotal { get; set; }

    public StaffConferenceForm Form { get; set; }

    public string? ResolutionNumber { get; set; }

    public DateOnly? ResolutionOn { get; set; }

    public string? ResolutionText { get; set; }

    public string? Notes { get; set; }

    public string SearchText { get; set; } = "";

    public string RecordedByUserName { get; set; } = "";

    public DateTime RecordedAtUtc { get; set; }

    public Guid ConcurrencyStamp { get; set; } = Guid.NewGuid();
}
