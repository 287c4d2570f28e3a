namespace DanVan.Domain.WorkItems;

/// <summary>Nhiệm vụ: a task assigned by a unit to a lead unit (and coordinating units) on a schedule.</summary>
public class WorkItem : Editing.IVersioned
{
    public int Id { get; set; }

    public string Title { get; set; } = "";

    public string? Description { get; set; }

    /// <summary>The unit that assigned the task: it follows up and decides on extensions.</summary>
    public int AssignedByUnitId { get; set; }

    /// <summary>Đơn vị chủ trì.</summary>
    public int LeadUnitId { get; set; }

    /// <summary>The plan or directive the task comes from, when registered.</summary>
    public int? SourceDocumentId { get; set; }

    public RecurrenceKind Recurrence { get; set; }

    public int RecurDay { get; set; }

    public int RecurMonth { get; set; }

    public DateOnly? RecurAnchor { get; set; }

    /// <summary>The period whose deadlines were generated (a recurring task within a plan's years).</summary>
    public DateOnly PeriodStart { get; set; }

    public DateOnly PeriodEnd { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    /// <summary>
    /// Shared by the tasks created together for many lead units (one assignment, "giao cho nhiều đơn vị"): the
    /// assigning unit follows them as one on /Tasks/Batch. Null for a task assigned to one unit.
    /// </summary>
    public Guid? BatchId { get; set; }


    /// <summary>1 when first saved, one more at each edit (ADR-019): the concurrency token a form carries back.</summary>
    public int Version { get; set; } = 1;

    /// <summary>Thu hồi: when, by whom and why; a withdrawn record stays visible and drops out of boards and counts.</summary>
    public DateTime? WithdrawnAtUtc { get; set; }

    public string? WithdrawnBy { get; set; }

    public string? WithdrawnReason { get; set; }

    public string SearchText { get; set; } = "";

    /// <summary>
    /// Set when the task is an obligation to register models ("ít nhất N mô hình “Dân vận khéo” năm Y"): the lead
    /// unit's registrations of <see cref="ModelYear"/> fulfil it (ADR-015, ModelObligationRules).
    /// </summary>
    public int? ModelQuota { get; set; }

    public int? ModelYear { get; set; }

    public Schedule Schedule => Recurrence == RecurrenceKind.Once
        ? Schedule.Once(PeriodEnd)
        : new Schedule(Recurrence, RecurDay, RecurMonth, RecurAnchor);
}

/// <summary>Đơn vị phối hợp.</summary>
public class WorkItemCoUnit
{
    public int WorkItemId { get; set; }

    public int UnitId { get; set; }
}

/// <summary>One deadline of a task (a recurring task has one per occurrence), with its progress.</summary>
public class WorkItemDeadline
{
    public int Id { get; set; }

    public int WorkItemId { get; set; }

    /// <summary>Copied from the task so that lists by unit and date use one index.</summary>
    public int LeadUnitId { get; set; }

    /// <summary>Copied from the task (never changes): who may see a deadline is one indexed condition.</summary>
    public int AssignedByUnitId { get; set; }

    public DateOnly DueOn { get; set; }

    /// <summary>The due date first set, kept when an extension moves <see cref="DueOn"/>.</summary>
    public DateOnly OriginalDueOn { get; set; }

    /// <summary>The completion date confirmed by the assigning unit: only a confirmed completion counts as done.</summary>
    public DateOnly? CompletedOn { get; set; }

    /// <summary>The completion date the lead unit reported, waiting for the assigning unit to confirm or return it.</summary>
    public DateOnly? ReportedCompletedOn { get; set; }

    /// <summary>When the pending completion was reported (null when none is pending).</summary>
    public DateTime? CompletionReportedAtUtc { get; set; }

    public int Progress { get; set; }

    public DateTime LastUpdatedAtUtc { get; set; }

    /// <summary>The registration that fulfilled a model obligation (the deadline was completed by DanVan, not reported).</summary>
    public int? FulfilledByModelId { get; set; }

    /// <summary>Copied from the task when it is withdrawn: boards, lists, digests and counts skip it (a query filter).</summary>
    public bool Withdrawn { get; set; }
}

/// <summary>What an entry of a deadline's history records.</summary>
public enum WorkItemUpdateKind
{
    /// <summary>Báo cáo tiến độ: a percentage and what was done.</summary>
    Progress = 1,

    /// <summary>Báo cáo hoàn thành: the lead unit says it is done, on a date; waits for confirmation.</summary>
    CompletionReported = 2,

    /// <summary>Xác nhận hoàn thành: the assigning unit confirms the reported completion.</summary>
    CompletionConfirmed = 3,

    /// <summary>Trả lại: the assigning unit returns the reported completion, with a reason.</summary>
    CompletionReturned = 4,

    /// <summary>Trao đổi: a comment between the lead, assigning and coordinating units; changes neither progress nor state.</summary>
    Comment = 5,
}

/// <summary>One entry of a deadline's history: a progress report, a completion report, its confirmation or return.</summary>
public class WorkItemUpdate
{
    public int Id { get; set; }

    public int DeadlineId { get; set; }

    public DateTime AtUtc { get; set; }

    public string UserName { get; set; } = "";

    public int Progress { get; set; }

    public string Note { get; set; } = "";

    public bool Completes { get; set; }

    public WorkItemUpdateKind Kind { get; set; } = WorkItemUpdateKind.Progress;

    /// <summary>The completion date reported, confirmed or returned (null for a progress report).</summary>
    public DateOnly? CompletedOn { get; set; }
}

/// <summary>Minh chứng: a file attached to a progress report (PDF, Word, or a photo).</summary>
public class WorkItemEvidence
{
    public int Id { get; set; }

    public int UpdateId { get; set; }

    public string FileName { get; set; } = "";

    public string ContentType { get; set; } = "";

    public long Size { get; set; }

    public byte[] Content { get; set; } = [];
}
