using DanVan.Data;
using DanVan.Domain.Cases;
using DanVan.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Features.Cases;

/// <summary>What cases count for a unit and period: received, within competence, resolved, resolved on time.</summary>
public sealed class CaseMeasures(AppDbContext db) : IMeasureSource
{
    public const string Received = "don-nhan";
    public const string WithinCompetence = "don-thuoc-tham-quyen";
    public const string Resolved = "don-da-giai-quyet";
    public const string OnTime = "don-giai-quyet-dung-han";

    public IReadOnlyList<MeasureDefinition> Definitions { get; } =
    [
        new(Received, "Đơn tiếp nhận trong kỳ", "đơn", "Đơn thư"),
        new(WithinCompetence, "Đơn tiếp nhận trong kỳ thuộc thẩm quyền", "đơn", "Đơn thư"),
        new(Resolved, "Đơn thuộc thẩm quyền đã giải quyết trong kỳ", "đơn", "Đơn thư"),
        new(OnTime, "Đơn thuộc thẩm quyền giải quyết đúng hạn trong kỳ", "đơn", "Đơn thư"),
    ];

    public async Task<IReadOnlyDictionary<int, MeasureValue>> ComputeAsync(string code, IReadOnlyCollection<int> unitIds, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var ids = unitIds.ToList();
        var query = Filter(code, db.Cases.AsNoTracking().Where(c => ids.Contains(c.UnitId)), from, to);
        var counts = await query.GroupBy(c => c.UnitId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        return MeasureRegistry.Counted(ids, counts, "sổ theo dõi đơn", Definitions.First(d => d.Code == code).Name.ToLower(Domain.Text.VietnameseText.Culture), from, to);
    }

    /// <summary>Resolved and resolved on time, when both are asked, from one grouped query; any other code from its own.</summary>
    public async Task<IReadOnlyDictionary<string, IReadOnlyDictionary<int, MeasureValue>>> ComputeManyAsync(
        IReadOnlyCollection<string> codes, IReadOnlyCollection<int> unitIds, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var values = new Dictionary<string, IReadOnlyDictionary<int, MeasureValue>>();
        var asked = codes.Distinct().ToList();
        if (asked.Contains(Resolved) && asked.Contains(OnTime))
        {
            var ids = unitIds.ToList();
            var counts = await Filter(Resolved, db.Cases.AsNoTracking().Where(c => ids.Contains(c.UnitId)), from, to)
                .GroupBy(c => c.UnitId).Select(g => new { g.Key, Resolved = g.Count(), OnTime = g.Count(c => c.ClosedOnTime == true) })
                .ToListAsync(ct);
            values[Resolved] = MeasureRegistry.Counted(ids, counts.ToDictionary(x => x.Key, x => x.Resolved), "sổ theo dõi đơn", What(Resolved), from, to);
            values[OnTime] = MeasureRegistry.Counted(ids, counts.ToDictionary(x => x.Key, x => x.OnTime), "sổ theo dõi đơn", What(OnTime), from, to);
        }

        foreach (var code in asked.Where(c => !values.ContainsKey(c)))
        {
            values[code] = await ComputeAsync(code, unitIds, from, to, ct);
        }

        return values;
    }

    private string What(string code) => Definitions.First(d => d.Code == code).Name.ToLower(Domain.Text.VietnameseText.Culture);

    /// <summary>The cases counted, by code, kind and state only: a sender or a content never leaves the register here.</summary>
    public async Task<IReadOnlyList<MeasureRecord>> RecordsAsync(string code, int unitId, DateOnly from, DateOnly to, int limit, CancellationToken ct)
    {
        var rows = await Filter(code, db.Cases.AsNoTracking().Where(c => c.UnitId == unitId), from, to)
            .OrderByDescending(c => c.ReceivedOn).ThenByDescending(c => c.Id)
            .Select(c => new { c.Id, c.Code, c.Kind, c.State, c.ReceivedOn, c.ClosedOnTime }).Take(limit).ToListAsync(ct);
        return rows.Select(r => new MeasureRecord($"{r.Code} — {CaseRules.Label(r.Kind)}", r.ReceivedOn,
            CaseRules.Label(r.State) + (r.ClosedOnTime is { } onTime ? (onTime ? " (đúng hạn)" : " (quá hạn)") : ""),
            "/Cases/Details/" + r.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToList();
    }

    private static IQueryable<CitizenCase> Filter(string code, IQueryable<CitizenCase> query, DateOnly from, DateOnly to) => code switch
    {
        Received => query.Where(c => c.ReceivedOn >= from && c.ReceivedOn <= to),
        WithinCompetence => query.Where(c => c.ReceivedOn >= from && c.ReceivedOn <= to && c.WithinCompetence),
        Resolved => query.Where(c => c.WithinCompetence && c.State == CaseState.Resolved && c.ClosedOn >= from && c.ClosedOn <= to),
        _ => query.Where(c => c.WithinCompetence && c.State == CaseState.Resolved && c.ClosedOn >= from && c.ClosedOn <= to && c.ClosedOnTime == true),
    };
}
