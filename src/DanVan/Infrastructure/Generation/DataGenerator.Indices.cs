using DanVan.Domain.Indices;
using DanVan.Domain.Units;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Infrastructure.Generation;

public sealed partial class DataGenerator
{
    /// <summary>
    /// Index values at scale (issue 18): every province's published SIPAS (with its five elements), PAR INDEX, PAPI, PCI,
    /// DTI and 766 (with its five groups) for the ten years before this one, each from the index's first year, drifting
    /// upwards year by year; a (index, component, province, year) already held (the demo's) is left alone.
    /// </summary>
    private async Task<long> GenerateIndicesAsync(BulkInsert bulk, Random rng, List<Unit> all, DateOnly today, DateTime now, Action<string, double> report, CancellationToken ct)
    {
        report("Chỉ số", 0);
        var provinces = all.Where(u => u.Kind == OrgUnitKind.Province).ToList();
        var ids = provinces.Select(p => p.Id).ToList();
        var held = (await db.IndexValues.AsNoTracking().Where(v => EF.Parameter(ids).Contains(v.UnitId)).Select(v => new { v.IndexCode, v.ComponentCode, v.UnitId, v.Year }).ToListAsync(ct))
            .Select(v => (v.IndexCode, v.ComponentCode, v.UnitId, v.Year)).ToHashSet();
        var (indices, components) = IndexRules.Shipped();
        var byIndex = components.ToLookup(c => c.IndexCode);
        IEnumerable<object?[]> Rows()
        {
            foreach (var p in provinces)
            {
                foreach (var index in indices.Where(i => i.Code != "DDCI"))
                {
                    var parts = byIndex[index.Code].ToList();
                    var span = index.ScaleMax - index.ScaleMin;
                    var level = index.ScaleMin + span * (0.62 + rng.NextDouble() * 0.2); // where the province starts ten years ago
                    for (var year = Math.Max(index.FirstYear, today.Year - 10); year < today.Year; year++)
                    {
                        level = Math.Min(index.ScaleMax, level + span * (rng.NextDouble() * 0.025 - 0.005));
                        double value;
                        var shares = new List<double>();
                        if (parts.Count > 0 && index.Combination != IndexCombination.None && parts.All(c => c.MaxPoints is not null))
                        {
                            // The components first, the index from them: SIPAS the average of its elements, 766 the sum of its groups.
                            var ratio = (level - index.ScaleMin) / span;
                            shares = parts.Select(c => Math.Round(Math.Clamp(ratio + (rng.NextDouble() * 0.08 - 0.04), 0, 1) * c.MaxPoints!.Value, 2)).ToList();
                            value = Math.Round(index.Combination == IndexCombination.Sum ? shares.Sum() : shares.Average(), 2);
                            value = Math.Clamp(value, index.ScaleMin, index.ScaleMax);
                        }
                        else
                        {
                            value = Math.Round(level, index.ScaleMax <= 1 ? 4 : 2);
                        }

                        if (held.Contains((index.Code, "", p.Id, year)))
                        {
                            continue;
                        }

                        var note = $"Sinh để đo hiệu năng: {index.Owner} công bố";
                        yield return [index.Code, "", p.Id, year, value, (int)IndexValueSource.Published, note, "sinh-du-lieu", now, new Guid(NextBytes(rng))];
                        for (var k = 0; k < shares.Count; k++)
                        {
                            yield return [index.Code, parts[k].Code, p.Id, year, shares[k], (int)IndexValueSource.Published, note, "sinh-du-lieu", now, new Guid(NextBytes(rng))];
                        }
                    }
                }
            }
        }

        return await bulk.InsertAsync("IndexValues", ["IndexCode", "ComponentCode", "UnitId", "Year", "Value", "Source", "SourceNote", "EnteredByUserName", "EnteredAtUtc", "ConcurrencyStamp"],
            Rows(), n => report("Chỉ số", Math.Min(1, n / Math.Max(1.0, provinces.Count * 90.0))), ct);
    }
}
