using DanVan.Data;
using DanVan.Domain.Access;
using DanVan.Domain.Text;
using DanVan.Domain.WorkItems;
using DanVan.Features.Units;

namespace DanVan.Features.Tasks;

public sealed record DeadlineRow(
    int Id, int WorkItemId, string Title, int LeadUnitId, string LeadUnitName, DateOnly DueOn, DateOnly OriginalDueOn,
    DateOnly? CompletedOn, int Progress, DateTime LastUpdatedAtUtc, RecurrenceKind Recurrence)
{
    public WorkItemState StateOn(DateOnly today) => WorkItemStates.Of(DueOn, CompletedOn, today);
}

public enum DeadlineFilter
{
    All,
    Open,
    Overdue,
    DueSoon,
    Done,
}

public static class WorkItemQueries
{
    /// <summary>Deadlines of tasks the user may see: led, assigned or coordinated by a unit in their scope.</summary>
    public static IQueryable<WorkItemDeadline> VisibleTo(this IQueryable<WorkItemDeadline> deadlines, AppDbContext db, UserScope user)
    {
        if (user.IsAdmin)
        {
            return deadlines;
        }

        // A UNION of two index-friendly parts (led in scope; assigned or coordinated in scope) rather than one OR, which
        // no index serves (bench: overdue list of a coordinator at 500,000 tasks).
        var units = db.OrgUnits.InScope(user).Select(o => o.Id);
        var items = db.WorkItems.Where(w => units.Contains(w.AssignedByUnitId)).Select(w => w.Id)
            .Union(db.WorkItemCoUnits.Where(c => units.Contains(c.UnitId)).Select(c => c.WorkItemId));
        return deadlines.Where(d => units.Contains(d.LeadUnitId)).Union(deadlines.Where(d => items.Contains(d.WorkItemId)));
    }

    /// <summary>Deadlines led by a unit or any unit below it.</summary>
    public static IQueryable<WorkItemDeadline> LedWithin(this IQueryable<WorkItemDeadline> deadlines, AppDbContext db, int unitId, string subtreePrefix)
    {
        var units = db.OrgUnits.Where(o => o.Id == unitId || o.AncestorPath.StartsWith(subtreePrefix)).Select(o => o.Id);
        return deadlines.Where(d => units.Contains(d.LeadUnitId));
    }

    public static IQueryable<WorkItemDeadline> Filter(this IQueryable<WorkItemDeadline> deadlines, DeadlineFilter filter, DateOnly today, int soonDays) => filter switch
    {
        DeadlineFilter.Open => deadlines.Where(d => d.CompletedOn == null),
        DeadlineFilter.Overdue => deadlines.Where(d => d.CompletedOn == null && d.DueOn < today),
        DeadlineFilter.DueSoon => deadlines.Where(d => d.CompletedOn == null && d.DueOn >= today && d.DueOn <= today.AddDays(soonDays)),
        DeadlineFilter.Done => deadlines.Where(d => d.CompletedOn != null),
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
        select new DeadlineRow(d.Id, w.Id, w.Title, u.Id, u.Name, d.DueOn, d.OriginalDueOn, d.CompletedOn, d.Progress, d.LastUpdatedAtUtc, w.Recurrence);
}
