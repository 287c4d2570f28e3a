using DanVan.Data;
using DanVan.Domain.Access;
using DanVan.Domain.Text;
using DanVan.Domain.WorkItems;
using DanVan.Features.Units;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Features.Tasks;

public sealed record DeadlineRow(
    int Id, int WorkItemId, string Title, int LeadUnitId, string LeadUnitName, DateOnly DueOn, DateOnly OriginalDueOn,
    DateOnly? CompletedOn, int Progress, DateTime LastUpdatedAtUtc, RecurrenceKind Recurrence, DateOnly? ReportedCompletedOn = null,
    DateTime? AssignedAtUtc = null)
{
    /// <summary>Nothing reported since the task was assigned (its last update is its creation): "chưa cập nhật", not "hôm nay".</summary>
    public bool NeverUpdated => AssignedAtUtc is { } assigned && LastUpdatedAtUtc <= assigned && Progress == 0 && CompletedOn is null && ReportedCompletedOn is null;

    /// <summary>"cập nhật hôm qua", "cập nhật 5 ngày trước", or "chưa cập nhật".</summary>
    public string UpdatedText(DateTime nowUtc) => NeverUpdated ? "chưa cập nhật" : "cập nhật " + IndexModel.Age(LastUpdatedAtUtc, nowUtc);

    public WorkItemState StateOn(DateOnly today) => WorkItemStates.Of(DueOn, CompletedOn, today, ReportedCompletedOn);
}

public enum DeadlineFilter
{
    All,
    Open,
    Overdue,
    DueSoon,
    Done,

    /// <summary>Đã báo cáo hoàn thành, chờ xác nhận (overdue or not).</summary>
    AwaitingConfirmation,
}

public static class WorkItemQueries
{
    /// <summary>Deadlines of tasks the user may see: led, assigned or coordinated by a unit in their scope.</summary>
    /// <remarks>
    /// The scope's units (about a thousand for a province) and the tasks they coordinate are read first and sent as
    /// arrays, so the database sees one condition on three indexed columns of the deadline itself (lead, assigning unit,
    /// task) and combines the indexes. Bench (coordinator, 500,000 tasks): the earlier subqueries through WorkItems
    /// scanned both tables, 0.2 s for the count and again for the page; this is ~35 ms and ~6 ms.
    /// </remarks>
    public static async Task<IQueryable<WorkItemDeadline>> VisibleToAsync(this IQueryable<WorkItemDeadline> deadlines, AppDbContext db, UserScope user, CancellationToken ct)
    {
        if (user.IsAdmin)
        {
            return deadlines;
        }

        var units = await db.OrgUnits.InScope(user).Select(o => o.Id).ToListAsync(ct);
        var coordinated = await db.WorkItemCoUnits.Where(c => units.Contains(c.UnitId)).Select(c => c.WorkItemId).Distinct().ToListAsync(ct);
        return deadlines.Where(d => units.Contains(d.LeadUnitId) || units.Contains(d.AssignedByUnitId) || coordinated.Contains(d.WorkItemId));
    }

    /// <summary>Deadlines led by a unit or any unit below it.</summary>
    /// <remarks>
    /// The subtree's unit ids are read first and sent as an array: with a subquery PostgreSQL cannot tell how many units
    /// a path prefix matches and scans every deadline (bench: a province's board, 500,000 tasks, 70 ms on three
    /// processes; with the array one index scan, 17 ms).
    /// </remarks>
    public static async Task<IQueryable<WorkItemDeadline>> LedWithinAsync(this IQueryable<WorkItemDeadline> deadlines, AppDbContext db, int unitId, string subtreePrefix, CancellationToken ct)
    {
        if (subtreePrefix.Count(c => c == '/') == 2)
        {
            return deadlines; // the root of the directory (Việt Nam): every unit is below it
        }

        var units = await db.OrgUnits.Where(o => o.Id == unitId || o.AncestorPath.StartsWith(subtreePrefix)).Select(o => o.Id).ToListAsync(ct);
        return deadlines.Where(d => units.Contains(d.LeadUnitId));
    }

    public static IQueryable<WorkItemDeadline> Filter(this IQueryable<WorkItemDeadline> deadlines, DeadlineFilter filter, DateOnly today, int soonDays) => filter switch
    {
        DeadlineFilter.Open => deadlines.Where(d => d.CompletedOn == null),
        DeadlineFilter.Overdue => deadlines.Where(d => d.CompletedOn == null && d.DueOn < today),
        DeadlineFilter.DueSoon => deadlines.Where(d => d.CompletedOn == null && d.DueOn >= today && d.DueOn <= today.AddDays(soonDays)),
        DeadlineFilter.Done => deadlines.Where(d => d.CompletedOn != null),
        DeadlineFilter.AwaitingConfirmation => deadlines.Where(d => d.ReportedCompletedOn != null),
        _ => deadlines,
    };

    public static IQueryable<WorkItemDeadline> Matching(this IQueryable<WorkItemDeadline> deadlines, AppDbContext db, string? query)
    {
        foreach (var word in VietnameseText.Fold(query).Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            deadlines = deadlines.Where(d => db.WorkItems.Any(w => w.Id == d.WorkItemId && w.SearchText.Contains(word)));
        }

        return deadlines;
    }

    public static IQueryable<DeadlineRow> ToRows(this IQueryable<WorkItemDeadline> deadlines, AppDbContext db) =>
        from d in deadlines
        join w in db.WorkItems on d.WorkItemId equals w.Id
        join u in db.OrgUnits on d.LeadUnitId equals u.Id
        select new DeadlineRow(d.Id, w.Id, w.Title, u.Id, u.Name, d.DueOn, d.OriginalDueOn, d.CompletedOn, d.Progress, d.LastUpdatedAtUtc, w.Recurrence, d.ReportedCompletedOn, w.CreatedAtUtc);
}
