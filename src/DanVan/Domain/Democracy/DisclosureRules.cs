using DanVan.Domain.Units;

namespace DanVan.Domain.Democracy;

/// <summary>Where an item of a unit's register stands for a year.</summary>
public enum DisclosureStatus
{
    NotDue = 1,
    DueSoon = 2,
    Overdue = 3,
    Disclosed = 4,
}

/// <summary>A disclosure as typed, after parsing: what the rules check.</summary>
public sealed record DisclosureFacts(DisclosureItem? Item, OrgUnitKind UnitKind, int? Year, string? Title, DateOnly? DisclosedOn, DateOnly? EndsOn,
    DisclosureForms Forms, int? RadioDays);

/// <summary>One item of a unit's register for a year: its status, its disclosures' first date and what is missing.</summary>
public sealed record RegisterLine(DisclosureItem Item, DateOnly DueOn, DisclosureStatus Status, int Count, DateOnly? FirstOn, string? Missing);

/// <summary>
/// The disclosure register's rules (Luật Thực hiện dân chủ ở cơ sở 10/2022/QH15, Điều 11–12 and Chương III). Pure;
/// table-tested. The lists are data (<see cref="DisclosureItem"/>); the law took effect on 01/07/2023.
/// </summary>
public static class DisclosureRules
{
    public const int FirstYear = 2023;

    /// <summary>How many days before its review date an item shows as due soon.</summary>
    public const int DueSoonDays = 30;

    public static DisclosureScope? ScopeOf(OrgUnitKind kind) => kind switch
    {
        OrgUnitKind.Commune or OrgUnitKind.Ward or OrgUnitKind.SpecialZone => DisclosureScope.Commune,
        OrgUnitKind.Department or OrgUnitKind.Inspectorate or OrgUnitKind.PublicServiceUnit or OrgUnitKind.CommitteeOffice => DisclosureScope.Agency,
        _ => null,
    };

    /// <summary>The unit kinds that keep a register (those <see cref="ScopeOf"/> gives a list).</summary>
    public static IReadOnlyList<OrgUnitKind> KeepingKinds { get; } = Enum.GetValues<OrgUnitKind>().Where(k => ScopeOf(k) is not null).ToList();

    public static IReadOnlyList<DisclosureForms> AllForms { get; } = Enum.GetValues<DisclosureForms>().Where(f => f != DisclosureForms.None).ToList();

    public static string Label(DisclosureForms form) => form switch
    {
        DisclosureForms.Posting => "Niêm yết",
        DisclosureForms.Portal => "Cổng, trang thông tin điện tử",
        DisclosureForms.Radio => "Hệ thống truyền thanh",
        DisclosureForms.VillageHead => "Qua Trưởng thôn, Tổ trưởng tổ dân phố",
        DisclosureForms.Letter => "Gửi văn bản đến Nhân dân",
        DisclosureForms.Conference => "Hội nghị, đối thoại với Nhân dân",
        DisclosureForms.Reception => "Tiếp công dân, tiếp xúc cử tri, họp báo",
        DisclosureForms.Organisations => "Qua Mặt trận, tổ chức chính trị – xã hội",
        DisclosureForms.Network => "Mạng viễn thông, mạng xã hội",
        _ => form.ToString(),
    };

    public static string Labels(DisclosureForms forms) => string.Join("; ", AllForms.Where(f => forms.HasFlag(f)).Select(Label));

    public static string Label(DisclosureStatus s) => s switch
    {
        DisclosureStatus.Disclosed => "Đã công khai",
        DisclosureStatus.Overdue => "Quá hạn chưa công khai",
        DisclosureStatus.DueSoon => "Sắp đến hạn",
        _ => "Chưa đến hạn",
    };

    public static string Label(DisclosureScope s) => s == DisclosureScope.Commune ? "xã, phường, đặc khu" : "cơ quan, đơn vị";

    /// <summary>The item's review date in a year (the day clamped to the month's length).</summary>
    public static DateOnly DueOn(DisclosureItem item, int year)
    {
        var month = Math.Clamp(item.DueMonth, 1, 12);
        return new DateOnly(year, month, Math.Clamp(item.DueDay, 1, DateTime.DaysInMonth(year, month)));
    }

    /// <summary>Whether a year can be a register's year at all (dates can be built from it).</summary>
    public static bool IsYear(int? year) => year is >= FirstYear and <= 9000;

    /// <summary>Whether the item is in force at some day of the year.</summary>
    public static bool InForce(DisclosureItem item, int year) =>
        item.ValidFrom <= new DateOnly(year, 12, 31) && (item.ValidTo is null || item.ValidTo >= new DateOnly(year, 1, 1));

    /// <summary>Every error of a disclosure at once, by field; empty when it may be saved.</summary>
    public static IReadOnlyDictionary<string, string> Check(DisclosureFacts d, DateOnly today)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var scope = ScopeOf(d.UnitKind);
        if (scope is null)
        {
            errors[""] = "Đơn vị này không có danh mục nội dung phải công khai (chỉ xã, phường, đặc khu và các cơ quan, đơn vị).";
        }

        var validYear = IsYear(d.Year) && d.Year <= today.Year + 1;
        if (!validYear)
        {
            errors["Year"] = $"Năm công khai phải từ {FirstYear} (Luật có hiệu lực từ 01/07/2023) đến {today.Year + 1}.";
        }

        if (d.Item is null)
        {
            errors["ItemCode"] = "Vui lòng chọn nội dung phải công khai trong danh mục.";
        }
        else if (scope is { } s && d.Item.Scope != s)
        {
            errors["ItemCode"] = $"Nội dung «{d.Item.Name}» không thuộc danh mục công khai của {Label(s)}.";
        }
        else if (validYear && !InForce(d.Item, d.Year!.Value))
        {
            errors["ItemCode"] = $"Nội dung «{d.Item.Name}» không có hiệu lực trong năm {d.Year}.";
        }

        if (string.IsNullOrWhiteSpace(d.Title))
        {
            errors["Title"] = "Vui lòng ghi nội dung đã công khai (ví dụ: Dự toán ngân sách xã năm 2026).";
        }

        if (d.DisclosedOn is { } on)
        {
            if (on > today)
            {
                errors["DisclosedOn"] = "Ngày công khai không được sau hôm nay: chỉ ghi việc đã công khai.";
            }
            else if (on.Year < FirstYear - 1)
            {
                errors["DisclosedOn"] = "Ngày công khai quá xa; kiểm tra lại năm.";
            }

            if (d.EndsOn is { } end && end < on)
            {
                errors["EndsOn"] = "Ngày kết thúc công khai không thể trước ngày bắt đầu công khai.";
            }
        }

        if (d.Forms == DisclosureForms.None)
        {
            errors["Forms"] = "Vui lòng chọn ít nhất một hình thức công khai.";
        }

        if (d.Forms.HasFlag(DisclosureForms.Radio) && d.RadioDays is not (>= 1 and <= 366))
        {
            errors["RadioDays"] = "Vui lòng ghi số ngày phát trên hệ thống truyền thanh (từ 1 đến 366).";
        }

        return errors;
    }

    /// <summary>What an item still lacks although disclosed: the radio broadcast its article asks for.</summary>
    public static string? Missing(DisclosureItem item, IEnumerable<(DisclosureForms Forms, int? RadioDays)> disclosures)
    {
        if (item.RadioDays is not { } days)
        {
            return null;
        }

        return disclosures.Any(d => d.Forms.HasFlag(DisclosureForms.Radio) && d.RadioDays >= days)
            ? null
            : $"Chưa phát trên hệ thống truyền thanh {days:00} ngày liên tục ({item.Article}).";
    }

    /// <summary>One line of the register: disclosed (with its first date and what is missing), overdue, due soon or not due.</summary>
    public static RegisterLine Line(DisclosureItem item, int year, IReadOnlyCollection<(DateOnly On, DisclosureForms Forms, int? RadioDays)> disclosures, DateOnly today)
    {
        var due = DueOn(item, year);
        if (disclosures.Count > 0)
        {
            return new RegisterLine(item, due, DisclosureStatus.Disclosed, disclosures.Count, disclosures.Min(d => d.On),
                Missing(item, disclosures.Select(d => (d.Forms, d.RadioDays))));
        }

        var status = today > due ? DisclosureStatus.Overdue : today >= due.AddDays(-DueSoonDays) ? DisclosureStatus.DueSoon : DisclosureStatus.NotDue;
        return new RegisterLine(item, due, status, 0, null, null);
    }
}
