namespace DanVan.Domain.WorkItems;

/// <summary>The states officials use for a task's deadline, and the two of a completion awaiting confirmation.</summary>
public enum WorkItemState
{
    /// <summary>Chưa đến hạn.</summary>
    NotYetDue = 1,

    /// <summary>Hoàn thành đúng hạn (confirmed by the assigning unit).</summary>
    DoneOnTime = 2,

    /// <summary>Hoàn thành quá hạn (confirmed by the assigning unit).</summary>
    DoneLate = 3,

    /// <summary>Quá hạn chưa hoàn thành.</summary>
    Overdue = 4,

    /// <summary>Đã báo cáo hoàn thành, chờ xác nhận: reported before the due date passed; not done yet.</summary>
    CompletionReported = 5,

    /// <summary>Quá hạn, đã báo cáo hoàn thành, chờ xác nhận: counts as overdue until the assigning unit confirms.</summary>
    CompletionReportedOverdue = 6,
}

public static class WorkItemStates
{
    /// <summary>
    /// The state of one deadline on a Vietnamese day; an approved extension moves the due date. Only a confirmed
    /// completion (<paramref name="completedOn"/>) counts as done; a reported one (<paramref name="reportedOn"/>) is
    /// "reported", and overdue once the due date has passed, whatever date it names, until it is confirmed.
    /// </summary>
    public static WorkItemState Of(DateOnly dueOn, DateOnly? completedOn, DateOnly today, DateOnly? reportedOn = null) => completedOn switch
    {
        { } done when done <= dueOn => WorkItemState.DoneOnTime,
        not null => WorkItemState.DoneLate,
        null when reportedOn is not null => today > dueOn ? WorkItemState.CompletionReportedOverdue : WorkItemState.CompletionReported,
        null when today > dueOn => WorkItemState.Overdue,
        _ => WorkItemState.NotYetDue,
    };

    public static bool IsDone(WorkItemState state) => state is WorkItemState.DoneOnTime or WorkItemState.DoneLate;

    public static bool IsOverdue(WorkItemState state) => state is WorkItemState.Overdue or WorkItemState.CompletionReportedOverdue;

    public static bool AwaitsConfirmation(WorkItemState state) => state is WorkItemState.CompletionReported or WorkItemState.CompletionReportedOverdue;

    /// <summary>Not done, not overdue, and due within <paramref name="days"/> days.</summary>
    public static bool IsDueSoon(DateOnly dueOn, DateOnly? completedOn, DateOnly today, int days) =>
        completedOn is null && dueOn >= today && dueOn.DayNumber - today.DayNumber <= days;

    public static string Label(WorkItemState state) => state switch
    {
        WorkItemState.NotYetDue => "Chưa đến hạn",
        WorkItemState.DoneOnTime => "Hoàn thành đúng hạn",
        WorkItemState.DoneLate => "Hoàn thành quá hạn",
        WorkItemState.Overdue => "Quá hạn chưa hoàn thành",
        WorkItemState.CompletionReported => "Đã báo cáo hoàn thành, chờ xác nhận",
        WorkItemState.CompletionReportedOverdue => "Quá hạn chưa hoàn thành (đã báo cáo hoàn thành, chờ xác nhận)",
        _ => state.ToString(),
    };

    /// <summary>Days ahead within which an open task is "Sắp đến hạn" unless Tasks:DueSoonDays says otherwise.</summary>
    public const int DefaultDueSoonDays = 7;

    /// <summary>
    /// The label lists, details and plans show: the board's "Sắp đến hạn (còn N ngày)" for an open task due within
    /// <paramref name="soonDays"/> days, so one task reads the same everywhere; otherwise <see cref="Label(WorkItemState)"/>.
    /// </summary>
    public static string Label(WorkItemState state, DateOnly dueOn, DateOnly today, int soonDays = DefaultDueSoonDays) =>
        state == WorkItemState.NotYetDue && IsDueSoon(dueOn, null, today, soonDays)
            ? dueOn == today ? "Sắp đến hạn (hạn hôm nay)" : $"Sắp đến hạn (còn {(dueOn.DayNumber - today.DayNumber).ToString(System.Globalization.CultureInfo.InvariantCulture)} ngày)"
            : Label(state);

    public static string Badge(WorkItemState state, DateOnly dueOn, DateOnly today, int soonDays = DefaultDueSoonDays) =>
        state == WorkItemState.NotYetDue && IsDueSoon(dueOn, null, today, soonDays) ? "text-bg-warning" : Badge(state);

    public static string Badge(WorkItemState state) => state switch
    {
        WorkItemState.DoneOnTime => "text-bg-success",
        WorkItemState.DoneLate => "text-bg-warning",
        WorkItemState.Overdue or WorkItemState.CompletionReportedOverdue => "text-bg-danger",
        WorkItemState.CompletionReported => "text-bg-info",
        _ => "text-bg-secondary",
    };
}
