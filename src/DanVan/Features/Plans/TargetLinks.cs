using DanVan.Data;
using DanVan.Domain.Access;
using DanVan.Domain.Plans;
using DanVan.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Features.Plans;

/// <summary>A task that may be (or is) meant to close a target's gap, with how its deadlines stand.</summary>
public sealed record TargetTaskRow(int WorkItemId, string Title, string LeadUnit, DateOnly? NextDueOn, int Deadlines, int Done, int Overdue);

/// <summary>
/// Nhiệm vụ nhằm đạt chỉ tiêu (ADR-028): the tasks of the target's year led within its unit or assigned by the plan's
/// owner may be linked to it; who may edit the plan links and unlinks them; each link is audited.
/// </summary>
public sealed class TargetLinks(AppDbContext db, TimeProvider clock, TargetEditing editing, TargetMeasuring measuring)
{
    public const int MaxCandidates = 200;

    /// <summary>The linked tasks, each with its deadlines counted in one grouped query.</summary>
    public async Task<IReadOnlyList<TargetTaskRow>> LinkedAsync(int targetId, CancellationToken ct)
    {
        var ids = await db.PlanTargetTasks.AsNoTracking().Where(l => l.PlanTargetId == targetId).Select(l => l.WorkItemId).ToListAsync(ct);
        return await RowsAsync(db.WorkItems.AsNoTracking().Where(w => ids.Contains(w.Id)), ct);
    }

    /// <summary>Tasks of the target's year led within its unit or assigned by the plan's owner, not withdrawn and not linked yet.</summary>
    public async Task<IReadOnlyList<TargetTaskRow>> CandidatesAsync(TargetRow target, CancellationToken ct) =>
        await RowsAsync(Candidates(target), ct);

    public async Task<Result<PlanTargetTask>> LinkAsync(UserScope user, int targetId, int version, int workItemId, CancellationToken ct = default)
    {
        await using var tx = await db.BeginOrJoinTransactionAsync(ct);
        if (await RefusalAsync(user, targetId, version, ct) is { } refused)
        {
            return refused;
        }

        if (await measuring.ByIdAsync(targetId, ct) is not { } row)
        {
            return Result<PlanTargetTask>.Invalid("", "Chỉ tiêu đã bỏ hoặc đã thu hồi: không gắn nhiệm vụ.");
        }

        if (await db.PlanTargetTasks.AnyAsync(l => l.PlanTargetId == targetId && l.WorkItemId == workItemId, ct))
        {
            return Result<PlanTargetTask>.Invalid("WorkItemId", "Nhiệm vụ này đã được gắn với chỉ tiêu.");
        }

        if (!await Candidates(row).AnyAsync(w => w.Id == workItemId, ct))
        {
            return Result<PlanTargetTask>.Invalid("WorkItemId", "Chọn một nhiệm vụ trong năm của chỉ tiêu, do đơn vị thực hiện chỉ tiêu chủ trì hoặc đơn vị ban hành kế hoạch giao.");
        }

        var link = new PlanTargetTask { PlanTargetId = targetId, WorkItemId = workItemId, LinkedByUserName = user.UserName, LinkedAtUtc = clock.GetUtcNow().UtcDateTime };
        db.PlanTargetTasks.Add(link);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return Result<PlanTargetTask>.Ok(link);
    }

    public async Task<Result<PlanTargetTask>> UnlinkAsync(UserScope user, int targetId, int version, int workItemId, CancellationToken ct = default)
    {
        await using var tx = await db.BeginOrJoinTransactionAsync(ct);
        if (await RefusalAsync(user, targetId, version, ct) is { } refused)
        {
            return refused;
        }

        var link = await db.PlanTargetTasks.FirstOrDefaultAsync(l => l.PlanTargetId == targetId && l.WorkItemId == workItemId, ct);
        if (link is null)
        {
            return Result<PlanTargetTask>.Invalid("WorkItemId", "Nhiệm vụ này không còn gắn với chỉ tiêu.");
        }

        db.PlanTargetTasks.Remove(link);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return Result<PlanTargetTask>.Ok(link);
    }

    private async Task<Result<PlanTargetTask>?> RefusalAsync(UserScope user, int targetId, int version, CancellationToken ct)
    {
        var refusal = TargetEditing.EditRefusal(user, await editing.LoadAsync(targetId, ct), version);
        return refusal is null ? null
            : refusal.Status == ResultStatus.NotFound ? Result<PlanTargetTask>.NotFound()
            : refusal.Status == ResultStatus.Forbidden ? Result<PlanTargetTask>.Forbidden()
            : Result<PlanTargetTask>.Invalid(refusal.Errors);
    }

    private IQueryable<Domain.WorkItems.WorkItem> Candidates(TargetRow target)
    {
        var prefix = Domain.Units.UnitPaths.SubtreePrefix(target.UnitPath, target.UnitId);
        var (first, last) = (new DateOnly(target.Year, 1, 1), new DateOnly(target.Year, 12, 31));
        var linked = db.PlanTargetTasks.Where(l => l.PlanTargetId == target.Id).Select(l => l.WorkItemId);
        return from w in db.WorkItems.AsNoTracking()
               join u in db.OrgUnits on w.LeadUnitId equals u.Id
               where w.WithdrawnAtUtc == null && w.PeriodStart <= last && w.PeriodEnd >= first && !linked.Contains(w.Id)
                     && (u.Id == target.UnitId || u.AncestorPath.StartsWith(prefix) || w.AssignedByUnitId == target.OwnerUnitId)
               select w;
    }

    private async Task<IReadOnlyList<TargetTaskRow>> RowsAsync(IQueryable<Domain.WorkItems.WorkItem> tasks, CancellationToken ct)
    {
        var today = VietnamClock.Today(clock);
        var rows = await (from w in tasks
                          join u in db.OrgUnits on w.LeadUnitId equals u.Id
                          orderby w.PeriodEnd, w.Id
                          select new { w.Id, w.Title, Lead = u.Name }).Take(MaxCandidates).ToListAsync(ct);
        var ids = rows.Select(r => r.Id).ToList();
        var deadlines = await db.WorkItemDeadlines.AsNoTracking().Where(d => ids.Contains(d.WorkItemId) && !d.Withdrawn)
            .GroupBy(d => d.WorkItemId)
            .Select(g => new
            {
                g.Key,
                Count = g.Count(),
                Done = g.Count(d => d.CompletedOn != null),
                Overdue = g.Count(d => d.CompletedOn == null && d.DueOn < today),
                Next = g.Where(d => d.CompletedOn == null).Min(d => (DateOnly?)d.DueOn),
            }).ToDictionaryAsync(x => x.Key, ct);
        return rows.Select(r => deadlines.TryGetValue(r.Id, out var d)
            ? new TargetTaskRow(r.Id, r.Title, r.Lead, d.Next, d.Count, d.Done, d.Overdue)
            : new TargetTaskRow(r.Id, r.Title, r.Lead, null, 0, 0, 0)).ToList();
    }
}
