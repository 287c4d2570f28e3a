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
        var query = db.Cases.AsNoTracking().Where(c => ids.Contains(c.UnitId));
        query = code switch
        {
            Received => query.Where(c => c.ReceivedOn >= from && c.ReceivedOn <= to),
            WithinCompetence => query.Where(c => c.ReceivedOn >= from && c.ReceivedOn <= to && c.WithinCompetence),
            Resolved => query.Where(c => c.WithinCompetence && c.State == CaseState.Resolved && c.ClosedOn >= from && c.ClosedOn <= to),
            _ => query.Where(c => c.WithinCompetence && c.State == CaseState.Resolved && c.ClosedOn >= from && c.ClosedOn <= to && c.ClosedOnTime == true),
        };
        var counts = await query.GroupBy(c => c.UnitId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        return MeasureRegistry.Counted(ids, counts, "sổ theo dõi đơn", Definitions.First(d => d.Code == code).Name.ToLower(Domain.Text.VietnameseText.Culture), from, to);
    }
}
