using DanVan.Data;
using DanVan.Domain.Democracy;
using DanVan.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Features.Democracy;

/// <summary>What the disclosure register counts for a unit and period: the contents made public in it (DC_CONGKHAI).</summary>
public sealed class DisclosureMeasures(AppDbContext db) : IMeasureSource
{
    public const string Disclosed = "cong-khai";

    public IReadOnlyList<MeasureDefinition> Definitions { get; } =
    [
        new(Disclosed, "Nội dung đã công khai cho Nhân dân biết trong kỳ", "nội dung", "Dân chủ ở cơ sở"),
    ];

    public async Task<IReadOnlyDictionary<int, MeasureValue>> ComputeAsync(string code, IReadOnlyCollection<int> unitIds, DateOnly from, DateOnly to, CancellationToken ct)
    {
        Check(code);
        var ids = unitIds.Distinct().ToList();
        var counts = await db.Disclosures.AsNoTracking().Where(d => EF.Parameter(ids).Contains(d.UnitId) && d.DisclosedOn >= from && d.DisclosedOn <= to)
            .GroupBy(d => d.UnitId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        return MeasureRegistry.Counted(ids, counts, "sổ theo dõi công khai", "nội dung đã công khai", from, to);
    }

    public async Task<IReadOnlyList<MeasureRecord>> RecordsAsync(string code, int unitId, DateOnly from, DateOnly to, int limit, CancellationToken ct)
    {
        Check(code);
        var rows = await db.Disclosures.AsNoTracking().Where(d => d.UnitId == unitId && d.DisclosedOn >= from && d.DisclosedOn <= to)
            .OrderByDescending(d => d.DisclosedOn).ThenByDescending(d => d.Id).Select(d => new { d.Id, d.Title, d.DisclosedOn, d.Forms }).Take(limit).ToListAsync(ct);
        return rows.Select(r => new MeasureRecord(r.Title, r.DisclosedOn, DisclosureRules.Labels(r.Forms),
            "/Democracy/Disclosures/Edit/" + r.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToList();
    }

    private static void Check(string code)
    {
        if (code != Disclosed)
        {
            throw new InvalidOperationException($"Không có số liệu tự động mã \"{code}\".");
        }
    }
}
