using DanVan.Data;
using DanVan.Domain.Models;
using DanVan.Domain.WorkItems;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Features.Tasks;

/// <summary>
/// Keeps model obligations (tasks "ít nhất N mô hình “Dân vận khéo” năm Y", ADR-015) in step with the lead units'
/// registrations: a deadline is completed by DanVan, on the day, once its unit's counted registrations of the year reach
/// N (the deadline keeps the model as its evidence); a return for correction that drops the count below N reopens it,
/// and the corrected registration completes it again. A deadline completed any other way is left alone. Runs inside
/// the caller's transaction after its own save; the caller saves again.
/// </summary>
public static class ModelObligations
{
    /// <summary>After a registration, a correction, a return or a replication of one of the unit's models of <paramref name="year"/>.</summary>
    public static Task SyncUnitAsync(AppDbContext db, string userName, int unitId, int year, DateOnly today, DateTime now, CancellationToken ct) =>
        SyncAsync(db, userName, year, db.WorkItemDeadlines.Where(d => d.LeadUnitId == unitId), [unitId], today, now, ct);

    /// <summary>Just after model obligations were assigned: units that already registered enough are done at once.</summary>
    public static async Task SyncAssignedAsync(AppDbContext db, string userName, IReadOnlyList<WorkItem> items, DateOnly today, DateTime now, CancellationToken ct)
    {
        foreach (var group in items.Where(i => i.ModelQuota is not null && i.ModelYear is not null).GroupBy(i => i.ModelYear!.Value))
        {
            var itemIds = group.Select(i => i.Id).ToList();
            var unitIds = group.Select(i => i.LeadUnitId).Distinct().ToList();
            await SyncAsync(db, userName, group.Key, db.WorkItemDeadlines.Where(d => EF.Parameter(itemIds).Contains(d.WorkItemId)), unitIds, today, now, ct);
        }
    }

    private static async Task SyncAsync(
        AppDbContext db, string userName, int year, IQueryable<WorkItemDeadline> deadlines, IReadOnlyList<int> unitIds, DateOnly today, DateTime now, CancellationToken ct)
    {
        var open = await (from d in deadlines
                          join w in db.WorkItems on d.WorkItemId equals w.Id
                          where w.ModelQuota != null && w.ModelYear == year && (d.CompletedOn == null || d.FulfilledByModelId != null)
                          select new { Deadline = d, Quota = w.ModelQuota!.Value }).ToListAsync(ct);
        if (open.Count == 0)
        {
            return;
        }

        var ids = unitIds.ToList();
        var models = (await db.MobilizationModels.AsNoTracking().Where(ModelObligationRules.Counted).Where(m => EF.Parameter(ids).Contains(m.UnitId) && m.Year == year)
                .Select(m => new { m.Id, m.UnitId, m.Name }).ToListAsync(ct))
            .GroupBy(m => m.UnitId).ToDictionary(g => g.Key, g => g.OrderBy(m => m.Id).ToList());
        foreach (var (deadline, quota) in open.Select(o => (o.Deadline, o.Quota)))
        {
            var counted = models.TryGetValue(deadline.LeadUnitId, out var list) ? list : [];
            var fulfilled = ModelObligationRules.IsFulfilled(counted.Count, quota);
            if (fulfilled && deadline.CompletedOn is null)
            {
                var last = counted[^1];
                deadline.CompletedOn = today;
                deadline.ReportedCompletedOn = null;
                deadline.CompletionReportedAtUtc = null;
                deadline.Progress = 100;
                deadline.FulfilledByModelId = last.Id;
                deadline.LastUpdatedAtUtc = now;
                db.WorkItemUpdates.Add(new WorkItemUpdate
                {
                    DeadlineId = deadline.Id, AtUtc = now, UserName = userName, Progress = 100, CompletedOn = today, Kind = WorkItemUpdateKind.CompletionConfirmed,
                    Note = $"Hoàn thành trên DanVan: đơn vị đã đăng ký {counted.Count} mô hình năm {year} (mới nhất: “{Short(last.Name)}”).",
                });
            }
            else if (!fulfilled && deadline.FulfilledByModelId is not null)
            {
                deadline.CompletedOn = null;
                deadline.Progress = 0;
                deadline.FulfilledByModelId = null;
                deadline.LastUpdatedAtUtc = now;
                db.WorkItemUpdates.Add(new WorkItemUpdate
                {
                    DeadlineId = deadline.Id, AtUtc = now, UserName = userName, Progress = 0, Kind = WorkItemUpdateKind.Progress,
                    Note = $"Mô hình được trả lại để hoàn thiện: đơn vị còn {counted.Count}/{quota} mô hình đăng ký năm {year}, nhiệm vụ chưa hoàn thành.",
                });
            }
        }
    }

    private static string Short(string name) => name.Length <= 300 ? name : name[..300] + "…";
}
