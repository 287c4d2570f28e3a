using DanVan.Data;
using DanVan.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Features.Tasks;

/// <summary>What tasks count for a unit and period: deadlines due, and of those completed on time.</summary>
public sealed class TaskMeasures(AppDbContext db) : IMeasureSource
{
    public const string Due = "nhiem-vu-den-han";
    public const string OnTime = "nhiem-vu-dung-han";

    public IReadOnlyList<MeasureDefinition> Definitions { get; } =
    [
        new(Due, "Hạn nhiệm vụ đến hạn trong kỳ", "nhiệm vụ", "Nhiệm vụ"),
        new(OnTime, "Hạn nhiệm vụ hoàn thành đúng hạn", "nhiệm vụ", "Nhiệm vụ"),
    ];

    public async Task<IReadOnlyDictionary<int, MeasureValue>> ComputeAsync(string code, IReadOnlyCollection<int> unitIds, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var ids = unitIds.ToList();
        var counts = await db.WorkItemDeadlines.AsNoTracking()
            .Where(d => ids.Contains(d.LeadUnitId) && d.DueOn >= from && d.DueOn <= to)
            .GroupBy(d => d.LeadUnitId)
            .Select(g => new { UnitId = g.Key, Due = g.Count(), OnTime = g.Count(d => d.CompletedOn != null && d.CompletedOn <= d.DueOn) })
            .ToDictionaryAsync(x => x.UnitId, ct);
        var range = MeasureRegistry.Range(from, to);
        return ids.Distinct().ToDictionary(id => id, id =>
        {
            var c = counts.GetValueOrDefault(id);
            return code == Due
                ? new MeasureValue(c?.Due ?? 0, $"Theo dõi trên DanVan: {c?.Due ?? 0} hạn nhiệm vụ đến hạn trong kỳ ({range}).")
                : new MeasureValue(c?.OnTime ?? 0, $"Theo dõi trên DanVan: {c?.OnTime ?? 0} hạn nhiệm vụ hoàn thành đúng hạn trong kỳ ({range}).");
        });
    }
}
