using DanVan.Data;
using DanVan.Domain.Democracy;
using DanVan.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Features.Democracy;

/// <summary>What the people decided in a period (DC_BAN): every matter put to a community's vote, passed or not.</summary>
public sealed class DecisionMeasures(AppDbContext db) : IMeasureSource
{
    public const string Decided = "dan-ban-quyet-dinh";

    public IReadOnlyList<MeasureDefinition> Definitions { get; } =
    [
        new(Decided, "Nội dung Nhân dân bàn và quyết định trực tiếp trong kỳ", "nội dung", "Dân chủ ở cơ sở"),
    ];

    public async Task<IReadOnlyDictionary<int, MeasureValue>> ComputeAsync(string code, IReadOnlyCollection<int> unitIds, DateOnly from, DateOnly to, CancellationToken ct)
    {
        Check(code);
        var ids = unitIds.Distinct().ToList();
        var counts = await db.PeopleDecisions.AsNoTracking().Where(d => EF.Parameter(ids).Contains(d.UnitId) && d.HeldOn >= from && d.HeldOn <= to)
            .GroupBy(d => d.UnitId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        return MeasureRegistry.Counted(ids, counts, "sổ Nhân dân bàn và quyết định", "nội dung Nhân dân bàn và quyết định", from, to);
    }

    public async Task<IReadOnlyList<MeasureRecord>> RecordsAsync(string code, int unitId, DateOnly from, DateOnly to, int limit, CancellationToken ct)
    {
        Check(code);
        var rows = await db.PeopleDecisions.AsNoTracking().Where(d => d.UnitId == unitId && d.HeldOn >= from && d.HeldOn <= to)
            .OrderByDescending(d => d.HeldOn).ThenByDescending(d => d.Id).Select(d => new { d.Id, d.Matter, d.HeldOn, d.Outcome }).Take(limit).ToListAsync(ct);
        return rows.Select(r => new MeasureRecord(r.Matter, r.HeldOn, DecisionRules.Label(r.Outcome),
            "/Democracy/Decisions/Details/" + r.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToList();
    }

    private static void Check(string code)
    {
        if (code != Decided)
        {
            throw new InvalidOperationException($"Không có số liệu tự động mã \"{code}\".");
        }
    }
}
