using DanVan.Data;
using DanVan.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Features.Tasks;

/// <summary>What tasks count for a unit and period: deadlines due, of those completed (by the period's end), and completed on time.</summary>
public sealed class TaskMeasures(AppDbContext db) : IMeasureSource
{
    public const string Due = "nhiem-vu-den-han";
    public const string OnTime = "nhiem-vu-dung-han";
    public const string Completed = "nhiem-vu-hoan-thanh";

    public IReadOnlyList<MeasureDefinition> Definitions { get; } =
    [
        new(Due, "Hạn nhiệm vụ đến hạn trong kỳ", "nhiệm vụ", "Nhiệm vụ"),
        new(OnTime, "Hạn nhiệm vụ hoàn thành đúng hạn", "nhiệm vụ", "Nhiệm vụ"),
        new(Completed, "Hạn nhiệm vụ đến hạn trong kỳ đã hoàn thành (đến cuối kỳ)", "nhiệm vụ", "Nhiệm vụ"),
    ];

    public async Task<IReadOnlyDictionary<int, MeasureValue>> ComputeAsync(string code, IReadOnlyCollection<int> unitIds, DateOnly from, DateOnly to, CancellationToken ct) =>
        (await ComputeManyAsync([code], unitIds, from, to, ct))[code];

    /// <summary>Every code asked for from one grouped query: it counts the deadlines due, done and on time together.</summary>
    public async Task<IReadOnlyDictionary<string, IReadOnlyDictionary<int, MeasureValue>>> ComputeManyAsync(
        IReadOnlyCollection<string> codes, IReadOnlyCollection<int> unitIds, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var ids = unitIds.ToList();
        var counts = await db.WorkItemDeadlines.AsNoTracking()
            .Where(d => ids.Contains(d.LeadUnitId) && d.DueOn >= from && d.DueOn <= to)
            .GroupBy(d => d.LeadUnitId)
            .Select(g => new { UnitId = g.Key, Due = g.Count(), OnTime = g.Count(d => d.CompletedOn != null && d.CompletedOn <= d.DueOn), Done = g.Count(d => d.CompletedOn != null && d.CompletedOn <= to) })
            .ToDictionaryAsync(x => x.UnitId, ct);
        var range = MeasureRegistry.Range(from, to);
        var distinct = ids.Distinct().ToList();
        return codes.Distinct().ToDictionary(code => code, code => (IReadOnlyDictionary<int, MeasureValue>)distinct.ToDictionary(id => id, id =>
        {
            var c = counts.GetValueOrDefault(id);
            return code switch
            {
                Due => new MeasureValue(c?.Due ?? 0, $"Theo dõi trên DanVan: {c?.Due ?? 0} hạn nhiệm vụ đến hạn trong kỳ ({range})."),
                Completed => new MeasureValue(c?.Done ?? 0, $"Theo dõi trên DanVan: {c?.Done ?? 0} hạn nhiệm vụ đến hạn trong kỳ đã hoàn thành ({range})."),
                _ => new MeasureValue(c?.OnTime ?? 0, $"Theo dõi trên DanVan: {c?.OnTime ?? 0} hạn nhiệm vụ hoàn thành đúng hạn trong kỳ ({range})."),
            };
        }));
    }

    public async Task<IReadOnlyList<MeasureRecord>> RecordsAsync(string code, int unitId, DateOnly from, DateOnly to, int limit, CancellationToken ct)
    {
        var query = db.WorkItemDeadlines.AsNoTracking().Where(d => d.LeadUnitId == unitId && d.DueOn >= from && d.DueOn <= to);
        query = code switch
        {
            OnTime => query.Where(d => d.CompletedOn != null && d.CompletedOn <= d.DueOn),
            Completed => query.Where(d => d.CompletedOn != null && d.CompletedOn <= to),
            _ => query,
        };
        var rows = await (from d in query
                          join w in db.WorkItems.AsNoTracking() on d.WorkItemId equals w.Id
                          orderby d.DueOn descending, d.Id descending
                          select new { w.Id, w.Title, d.DueOn, d.CompletedOn }).Take(limit).ToListAsync(ct);
        return rows.Select(r => new MeasureRecord(r.Title, r.DueOn,
            r.CompletedOn is { } done ? (done <= r.DueOn ? "Hoàn thành đúng hạn" : "Hoàn thành trễ hạn") + " ngày " + Domain.Text.VietnameseText.FormatDate(done) : "Chưa hoàn thành",
            "/Tasks/Details/" + r.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToList();
    }
}
