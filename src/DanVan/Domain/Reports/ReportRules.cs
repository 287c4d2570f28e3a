using DanVan.Domain.Text;

namespace DanVan.Domain.Reports;

/// <summary>The Vietnamese name of each state of a unit's report: one table for every page, the API's labels and the documents.</summary>
public static class ReportStatusLabels
{
    public static string Label(SubmissionStatus status) => status switch
    {
        SubmissionStatus.AwaitingApproval => "Chờ lãnh đạo duyệt",
        SubmissionStatus.Submitted => "Đã nộp, chờ tiếp nhận",
        SubmissionStatus.Accepted => "Đã tiếp nhận",
        SubmissionStatus.Returned => "Bị trả lại",
        _ => "Chưa nộp",
    };

    /// <summary>Short form for counters and filters ("Chờ tiếp nhận").</summary>
    public static string Short(SubmissionStatus status) => status == SubmissionStatus.Submitted ? "Chờ tiếp nhận" : Label(status);

    /// <summary>Not yet at the receiving unit: still the unit's to do (or its head's to approve).</summary>
    public static bool NotSubmitted(SubmissionStatus status) =>
        status is SubmissionStatus.Pending or SubmissionStatus.Returned or SubmissionStatus.AwaitingApproval;
}

/// <summary>What a report must contain before it is submitted: the regime's required figures and parts, and something at all.</summary>
public static class ReportCompleteness
{
    public sealed record Figure(int Id, string Name, bool Required, bool Computed, decimal? Value, bool OnlyPrefilled);

    public sealed record Part(int Id, string Code, string Title, bool Required, string? Text);

    public sealed record Gap(string Field, string Message);

    /// <summary>
    /// Every missing item at once, each on its field, and a summary naming them all. A report whose only figures are
    /// DanVan's own pre-filled ones and which has no text is empty: there is nothing of the unit's in it.
    /// </summary>
    public static List<Gap> Check(IReadOnlyList<Figure> figures, IReadOnlyList<Part> parts)
    {
        var gaps = new List<Gap>();
        var entered = figures.Where(f => !f.Computed).ToList();
        if (entered.All(f => f.Value is null || f.OnlyPrefilled) && parts.All(p => string.IsNullOrWhiteSpace(p.Text)))
        {
            gaps.Add(new Gap("", "Báo cáo trống: chưa nhập số liệu hay nội dung nào của đơn vị, không nộp được."));
        }

        var missingFigures = entered.Where(f => f.Required && f.Value is null).ToList();
        var missingParts = parts.Where(p => p.Required && string.IsNullOrWhiteSpace(p.Text)).ToList();
        if (missingFigures.Count > 0)
        {
            gaps.Add(new Gap("", $"Chưa nhập {missingFigures.Count} chỉ tiêu bắt buộc: {string.Join("; ", missingFigures.Select(f => $"“{f.Name}”"))} (không phát sinh thì ghi 0)."));
            gaps.AddRange(missingFigures.Select(f => new Gap($"Values[{f.Id}]", $"“{f.Name}” là chỉ tiêu bắt buộc.")));
        }

        if (missingParts.Count > 0)
        {
            gaps.Add(new Gap("", $"Chưa viết {missingParts.Count} phần bắt buộc của đề cương: {string.Join("; ", missingParts.Select(p => $"{p.Code}. {p.Title}"))}."));
            gaps.AddRange(missingParts.Select(p => new Gap($"Narrative[{p.Id}]", $"Phần “{p.Code}. {p.Title}” là bắt buộc.")));
        }

        return gaps;
    }
}

/// <summary>Where a submitted report goes: to the unit's head first when the regime asks for approval, else to the receiving unit.</summary>
public static class ReportApproval
{
    /// <param name="regimeRequiresApproval">The regime's setting.</param>
    /// <param name="submitterIsUnitHead">The person submitting is the head of the reporting unit (their submission is their approval).</param>
    /// <param name="submitterIsUnitStaff">The person belongs to the reporting unit (a coordinator or administrator entering a paper report does not).</param>
    /// <param name="unitHasHead">The unit has an active head account; without one, nobody could approve and the report goes on.</param>
    public static SubmissionStatus AfterSubmit(bool regimeRequiresApproval, bool submitterIsUnitHead, bool submitterIsUnitStaff, bool unitHasHead) =>
        regimeRequiresApproval && submitterIsUnitStaff && !submitterIsUnitHead && unitHasHead
            ? SubmissionStatus.AwaitingApproval
            : SubmissionStatus.Submitted;
}

/// <summary>Due dates of a period and of one unit's report: choosing them at opening, extending them, lateness.</summary>
public static class ReportDueDates
{
    /// <summary>The furthest a due date may be set ahead of today.</summary>
    public const int MaxDaysAhead = 366;

    /// <summary>A unit's due date: the period's, or its own extension when that is later.</summary>
    public static DateOnly Effective(DateOnly periodDueOn, DateOnly? ownDueOn) =>
        ownDueOn is { } own && own > periodDueOn ? own : periodDueOn;

    /// <summary>
    /// The due date of a period being opened: the one asked for, or the regime's. A due date before today is refused
    /// (whether typed or from the regime): it would make every unit late at the moment the period opens. A due date
    /// before the cut-off of the figures, or more than a year ahead, is refused too.
    /// </summary>
    public static (DateOnly? Due, string? Error) ForOpening(DateOnly? requested, DateOnly regimeDefault, DateOnly cutoff, DateOnly today)
    {
        if (requested is null)
        {
            return regimeDefault < today
                ? (null, $"Hạn nộp theo chế độ báo cáo ({VietnameseText.FormatDate(regimeDefault)}) đã qua; nhập hạn nộp cho kỳ này, từ hôm nay ({VietnameseText.FormatDate(today)}) trở đi.")
                : (regimeDefault, null);
        }

        var due = requested.Value;
        if (due < today)
        {
            return (null, $"Hạn nộp {VietnameseText.FormatDate(due)} đã qua; chọn một ngày từ hôm nay ({VietnameseText.FormatDate(today)}) trở đi.");
        }

        if (due < cutoff)
        {
            return (null, $"Hạn nộp không thể trước ngày chốt số liệu ({VietnameseText.FormatDate(cutoff)}).");
        }

        if (due > today.AddDays(MaxDaysAhead))
        {
            return (null, $"Hạn nộp không quá một năm kể từ hôm nay (đến {VietnameseText.FormatDate(today.AddDays(MaxDaysAhead))}).");
        }

        return (due, null);
    }

    /// <summary>An extension moves a due date later, to today or after, with a reason; the field errors, if any.</summary>
    public static List<(string Field, string Message)> CheckExtension(DateOnly current, DateOnly? requested, string? reason, DateOnly today)
    {
        var errors = new List<(string, string)>();
        if (requested is not { } due)
        {
            errors.Add(("DueOn", "Vui lòng nhập hạn nộp mới."));
        }
        else if (due <= current)
        {
            errors.Add(("DueOn", $"Hạn nộp mới phải sau hạn hiện tại ({VietnameseText.FormatDate(current)})."));
        }
        else if (due < today)
        {
            errors.Add(("DueOn", $"Hạn nộp mới {VietnameseText.FormatDate(due)} đã qua; chọn một ngày từ hôm nay trở đi."));
        }
        else if (due > today.AddDays(MaxDaysAhead))
        {
            errors.Add(("DueOn", "Hạn nộp mới không quá một năm kể từ hôm nay."));
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            errors.Add(("Reason", "Vui lòng nhập lý do gia hạn."));
        }
        else if (reason.Trim().Length > 1000)
        {
            errors.Add(("Reason", "Lý do gia hạn không quá 1.000 ký tự."));
        }

        return errors;
    }

    /// <summary>
    /// Late: not yet at the receiving unit after its due day, or got there after it. A report waiting for its head's
    /// approval has not reached the receiving unit.
    /// </summary>
    public static bool IsLate(DateOnly dueOn, SubmissionStatus status, DateOnly? submittedOn, DateOnly today) =>
        ReportStatusLabels.NotSubmitted(status) ? today > dueOn : submittedOn is { } on && on > dueOn;
}
