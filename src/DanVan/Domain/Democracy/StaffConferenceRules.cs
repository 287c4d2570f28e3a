namespace DanVan.Domain.Democracy;

/// <summary>A conference as typed, after parsing.</summary>
public sealed record StaffConferenceFacts(DisclosureScope? Scope, int? Year, DateOnly? HeldOn, int? Attendees, int? StaffTotal, StaffConferenceForm? Form,
    DateOnly? ResolutionOn, StaffConferenceRule? Rule);

/// <summary>
/// Hội nghị cán bộ, công chức, viên chức (Luật 10/2022/QH15 Điều 50–51; facts.md §3.6): once a year after the working
/// year, by a due date of the next year that is data (<see cref="StaffConferenceRule"/>). Pure; table-tested.
/// </summary>
public static class StaffConferenceRules
{
    /// <summary>The first working year a conference may review (the old Nghị định 04/2015 asked the same).</summary>
    public const int FirstYear = 2015;

    public static string Label(StaffConferenceForm f) => f switch
    {
        StaffConferenceForm.Plenary => "Hội nghị toàn thể",
        StaffConferenceForm.Delegates => "Hội nghị đại biểu",
        _ => f.ToString(),
    };

    public static string Label(StaffConferenceStatus s) => s switch
    {
        StaffConferenceStatus.Held => "Đã tổ chức",
        StaffConferenceStatus.Overdue => "Quá hạn chưa tổ chức",
        StaffConferenceStatus.DueSoon => "Chưa tổ chức (trong hạn)",
        _ => "Chưa đến kỳ",
    };

    public static bool IsYear(int? year) => year is >= FirstYear and <= 9000;

    /// <summary>The rule for the conference reviewing a year: the one in force on the year's last day (the latest version).</summary>
    public static StaffConferenceRule? RuleFor(IEnumerable<StaffConferenceRule> rules, int year)
    {
        if (!IsYear(year))
        {
            return null;
        }

        var on = new DateOnly(year, 12, 31);
        var inForce = rules.Where(r => r.ValidFrom <= on && (r.ValidTo is null || r.ValidTo >= on)).OrderByDescending(r => r.ValidFrom).FirstOrDefault();
        return inForce ?? rules.OrderBy(r => r.ValidFrom).FirstOrDefault();
    }

    /// <summary>The latest day of the conference reviewing <paramref name="year"/> (a day of the next year, clamped to the month).</summary>
    public static DateOnly DueOn(StaffConferenceRule rule, int year)
    {
        var month = Math.Clamp(rule.DueMonth, 1, 12);
        return new DateOnly(year + 1, month, Math.Clamp(rule.DueDay, 1, DateTime.DaysInMonth(year + 1, month)));
    }

    public static StaffConferenceStatus Status(StaffConferenceRule rule, int year, bool held, DateOnly today) =>
        held ? StaffConferenceStatus.Held
        : today > DueOn(rule, year) ? StaffConferenceStatus.Overdue
        : today > new DateOnly(year, 12, 31) ? StaffConferenceStatus.DueSoon
        : StaffConferenceStatus.NotDue;

    /// <summary>Every error of a conference at once, by field; empty when it may be saved.</summary>
    public static IReadOnlyDictionary<string, string> Check(StaffConferenceFacts c, DateOnly today)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        if (c.Scope != DisclosureScope.Agency)
        {
            errors[""] = "Hội nghị cán bộ, công chức, viên chức do cơ quan, đơn vị tổ chức; đơn vị này không thuộc diện tổ chức.";
        }

        var validYear = IsYear(c.Year) && c.Year <= today.Year;
        if (!validYear)
        {
            errors["Year"] = $"Năm được tổng kết phải từ {FirstYear} đến {today.Year}.";
        }

        if (c.HeldOn is { } on)
        {
            if (on > today)
            {
                errors["HeldOn"] = "Ngày tổ chức không được sau hôm nay: chỉ ghi hội nghị đã diễn ra.";
            }
            else if (validYear && (on.Year < c.Year || on.Year > c.Year + 1))
            {
                errors["HeldOn"] = $"Hội nghị tổng kết năm {c.Year} phải họp cuối năm {c.Year} hoặc trong năm {c.Year + 1}.";
            }

            if (c.ResolutionOn is { } r && r < on)
            {
                errors["ResolutionOn"] = "Ngày nghị quyết không thể trước ngày tổ chức hội nghị.";
            }
        }

        if (c.StaffTotal is not (>= 1 and <= 1_000_000))
        {
            errors["StaffTotal"] = "Tổng số cán bộ, công chức, viên chức, người lao động phải từ 1 đến 1.000.000.";
        }

        if (c.Attendees is not (>= 1 and <= 1_000_000))
        {
            errors["Attendees"] = "Số người dự hội nghị phải từ 1 trở lên.";
        }
        else if (c.StaffTotal is >= 1 and var staff && c.Attendees > staff)
        {
            errors["Attendees"] = $"Số người dự ({c.Attendees}) không thể lớn hơn tổng số cán bộ, công chức, viên chức, người lao động ({staff}).";
        }

        if (c.Form is not { } form || !Enum.IsDefined(form))
        {
            errors["Form"] = "Vui lòng chọn hình thức: hội nghị toàn thể hoặc hội nghị đại biểu.";
        }
        else if (form == StaffConferenceForm.Delegates && c.Rule is { } rule && c.StaffTotal is >= 1 and var total && total < rule.PlenaryBelow)
        {
            errors["Form"] = $"Cơ quan, đơn vị dưới {rule.PlenaryBelow} người tổ chức hội nghị toàn thể ({rule.LegalBasis}).";
        }

        return errors;
    }

    /// <summary>
    /// The shipped rule (facts.md §3.6 ✅): once a year after the working year, no later than three months into the next
    /// (31/03); plenary below 100 staff. Data: an administrator corrects it, ReferenceData copies it only when missing.
    /// </summary>
    public static IReadOnlyList<StaffConferenceRule> Shipped() =>
    [
        new()
        {
            Code = "hncb", DueMonth = 3, DueDay = 31, PlenaryBelow = 100, ValidFrom = new DateOnly(2023, 7, 1),
            LegalBasis = "Luật Thực hiện dân chủ ở cơ sở 10/2022/QH15, Điều 50 khoản 1 (chậm nhất 03 tháng sau khi kết thúc năm công tác) và Điều 51",
        },
    ];
}
