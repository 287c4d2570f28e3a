using System.Globalization;
using DanVan.Data;
using DanVan.Domain.Indices;
using DanVan.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Features.Indices;

/// <summary>
/// What the indices offer reports and targets: for each shipped index ("chi-so-sipas", "chi-so-par-index"…) the unit's
/// own value of the year the period ends in, with its source. A unit with no value for that year is left out: the report
/// line then stays the unit's to type (a 0 would pull the province's SIPAS average down), scoring counts 0.
/// </summary>
public sealed class IndexMeasures(AppDbContext db) : IMeasureSource
{
    public const string Sipas = "chi-so-sipas";

    /// <summary>The measures are those of the shipped indices: an index an administrator adds later has values but no measure yet (ADR-027).</summary>
    private static readonly IReadOnlyList<IndexDefinition> Shipped = IndexRules.Shipped().Indices;

    public IReadOnlyList<MeasureDefinition> Definitions { get; } = Shipped
        .Select(i => new MeasureDefinition(IndexRules.MeasureCode(i.Code), $"{i.Name} của đơn vị, năm của kỳ", i.Unit, "Chỉ số", Additive: false)).ToList();

    public async Task<IReadOnlyDictionary<int, MeasureValue>> ComputeAsync(string code, IReadOnlyCollection<int> unitIds, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var indexCode = CodeOf(code);
        var ids = unitIds.Distinct().ToList();
        var year = to.Year;
        var index = await db.IndexDefinitions.AsNoTracking().Where(i => i.Code == indexCode).Select(i => new { i.Code, i.Unit }).FirstOrDefaultAsync(ct);
        if (index is null || ids.Count == 0)
        {
            return new Dictionary<int, MeasureValue>();
        }

        var rows = await (from v in db.IndexValues.AsNoTracking()
                          join u in db.OrgUnits on v.UnitId equals u.Id
                          where v.IndexCode == indexCode && v.ComponentCode == "" && v.Year == year && EF.Parameter(ids).Contains(v.UnitId)
                          select new { v.UnitId, u.Name, v.Value, v.Source, v.SourceNote }).ToListAsync(ct);
        var y = year.ToString(CultureInfo.InvariantCulture);
        return rows.ToDictionary(r => r.UnitId, r => new MeasureValue(r.Value,
            $"Theo dõi trên DanVan (chỉ số): {index.Code.Replace('_', ' ')} năm {y} của {r.Name} = {IndexRules.Format(r.Value, index.Unit)} (nguồn: {IndexRules.Label(r.Source).ToLower(Domain.Text.VietnameseText.Culture)}{(string.IsNullOrEmpty(r.SourceNote) ? "" : " — " + r.SourceNote)})."));
    }

    public async Task<IReadOnlyList<MeasureRecord>> RecordsAsync(string code, int unitId, DateOnly from, DateOnly to, int limit, CancellationToken ct)
    {
        var indexCode = CodeOf(code);
        var rows = await db.IndexValues.AsNoTracking().Where(v => v.IndexCode == indexCode && v.ComponentCode == "" && v.UnitId == unitId && v.Year <= to.Year)
            .OrderByDescending(v => v.Year).Take(limit).Select(v => new { v.Year, v.Value, v.Source }).ToListAsync(ct);
        return rows.Select(r => new MeasureRecord($"{indexCode.Replace('_', ' ')} năm {r.Year.ToString(CultureInfo.InvariantCulture)}: {IndexRules.Format(r.Value)}", null,
            IndexRules.Label(r.Source), $"/Indices?code={indexCode}&unit={unitId.ToString(CultureInfo.InvariantCulture)}")).ToList();
    }

    private static string CodeOf(string measure) =>
        Shipped.FirstOrDefault(i => IndexRules.MeasureCode(i.Code) == measure)?.Code ?? throw new InvalidOperationException($"Không có số liệu tự động mã \"{measure}\".");
}
