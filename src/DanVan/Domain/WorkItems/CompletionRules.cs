namespace DanVan.Domain.WorkItems;

/// <summary>Where a deadline stands in the completion loop: reported by the lead unit, confirmed by the assigning unit.</summary>
public enum CompletionStage
{
    /// <summary>Đang thực hiện: progress may be reported, and completion.</summary>
    InProgress = 1,

    /// <summary>Đã báo cáo hoàn thành, chờ xác nhận: only the assigning unit acts (confirm or return).</summary>
    AwaitingConfirmation = 2,

    /// <summary>Đã xác nhận hoàn thành: nothing more to report.</summary>
    Confirmed = 3,
}

public enum CompletionAction
{
    ReportProgress,
    ReportCompletion,
    Confirm,
    Return,
}

/// <summary>The rules of reporting and confirming a completion. Pure; table-tested (ADR-013).</summary>
public static class CompletionRules
{
    public const int MaxNoteLength = 2000;

    public static CompletionStage StageOf(DateOnly? completedOn, DateOnly? reportedOn) =>
        completedOn is not null ? CompletionStage.Confirmed
        : reportedOn is not null ? CompletionStage.AwaitingConfirmation
        : CompletionStage.InProgress;

    /// <summary>Null when the action is allowed at this stage, else why not, in Vietnamese.</summary>
    public static string? Refusal(CompletionStage stage, CompletionAction action, DateOnly? completedOn = null, DateOnly? reportedOn = null) => (stage, action) switch
    {
        (CompletionStage.InProgress, CompletionAction.ReportProgress or CompletionAction.ReportCompletion) => null,
        (CompletionStage.AwaitingConfirmation, CompletionAction.Confirm or CompletionAction.Return) => null,
        (CompletionStage.Confirmed, _) => $"Hạn này đã được xác nhận hoàn thành ngày {Format(completedOn)}.",
        (CompletionStage.AwaitingConfirmation, _) => $"Đã báo cáo hoàn thành ngày {Format(reportedOn)}, đang chờ đơn vị giao xác nhận.",
        _ => "Hạn này không có báo cáo hoàn thành nào đang chờ xác nhận.",
    };

    /// <summary>
    /// Checks a reported completion date: not after today (Việt Nam), not before the last progress report (which said
    /// the work was still going on). Every error at once.
    /// </summary>
    public static List<string> CheckCompletionDate(DateOnly completedOn, DateOnly today, DateOnly? lastProgressOn)
    {
        var errors = new List<string>();
        if (completedOn > today)
        {
            errors.Add($"Ngày hoàn thành không thể sau hôm nay ({Format(today)}).");
        }

        if (lastProgressOn is { } last && completedOn < last)
        {
            errors.Add($"Ngày hoàn thành không thể trước ngày báo cáo tiến độ gần nhất ({Format(last)}).");
        }

        return errors;
    }

    /// <summary>A confirmed completion is on time when the confirmed date is on or before the due date: the confirmer vouches for it.</summary>
    public static bool OnTime(DateOnly dueOn, DateOnly confirmedOn) => confirmedOn <= dueOn;

    /// <summary>The progress a returned completion falls back to: the last progress reported before it (0 when none).</summary>
    public static int ProgressAfterReturn(int? lastReportedProgress) => Math.Clamp(lastReportedProgress ?? 0, 0, 100);

    private static string Format(DateOnly? d) => d?.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture) ?? "";
}
