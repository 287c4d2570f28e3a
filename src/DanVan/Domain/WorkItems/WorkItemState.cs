namespace DanVan.Domain.WorkItems;

/// <summary>The four states officials already use for a task's deadline.</summary>
public enum WorkItemState
{
    /// <summary>Chưa đến hạn.</summary>
    NotYetDue = 1,

    /// <summary>Hoàn thành đúng hạn.</summary>
    DoneOnTime = 2,

    /// <summary>Hoàn thành quá hạn.</summary>
    DoneLate = 3,

    /// <summary>Quá hạn chưa hoàn thành.</summary>
    Overdue = 4,
}

public static class WorkItemStates
{
    /// <summary>The state of one deadline on a Vietnamese day; an approved extension moves the due date.</summary>
    public static WorkItemState Of(DateOnly dueOn, DateOnly? completedOn, DateOnly today) => completedOn switch
    {
        { } done when done <= dueOn => WorkItemState.DoneOnTime,
        not null => WorkItemState.DoneLate,
        null when today > dueOn => WorkItemState.Overdue,
        _ => WorkItemState.NotYetDue,
    };

    /// <summary>Not done, not overdue, and due within <paramref name="days"/> days.</summary>
    public static bool IsDueSoon(DateOnly dueOn, DateOnly? completedOn, DateOnly today, int days) =>
        completedOn is null && dueOn >= today && dueOn.DayNumber - today.DayNumber <= days;

    public static string Label(WorkItemState state) => state switch
    {
        WorkItemState.NotYetDue => "Chưa đến hạn",
        WorkItemState.DoneOnTime => "Hoàn thành đúng hạn",
        WorkItemState.DoneLate => "Hoàn thành quá hạn",
        WorkItemState.Overdue => "Quá hạn chưa hoàn thành",
        _ => state.ToString(),
    };

    public static string Badge(WorkItemState state) => state switch
    {
        WorkItemState.DoneOnTime => "text-bg-success",
        WorkItemState.DoneLate => "text-bg-warning",
        WorkItemState.Overdue => "text-bg-danger",
        _ => "text-bg-secondary",
    };
}
