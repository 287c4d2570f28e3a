using DanVan.Data;
using DanVan.Domain.Reception;
using DanVan.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Features.Reception;

/// <summary>What the reception log counts for a unit and period: the head's periodic sessions held, the citizens received.</summary>
public sealed class ReceptionMeasures(AppDbContext db) : IMeasureSource
{
    public const string PeriodicHeld = "tiep-cong-dan-dinh-ky";
    public const string CitizensReceived = "tiep-cong-dan-luot";

    public IReadOnlyList<MeasureDefinition> Definitions { get; } =
    [
        new(PeriodicHeld, "Buổi tiếp công dân định kỳ của người đứng đầu đã tiếp trong kỳ", "buổi", "Tiếp công dân"),
        new(CitizensReceived, "Lượt công dân được tiếp trong kỳ (mọi hình thức)", "lượt", "Tiếp công dân"),
    ];

    public async Task<IReadOnlyDictionary<int, MeasureValue>> ComputeAsync(string code, IReadOnlyCollection<int> unitIds, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var ids = unitIds.ToList();
        var held = db.ReceptionSessions.AsNoTracking().Where(s => ids.Contains(s.UnitId) && s.State == ReceptionState.Held && s.On >= from && s.On <= to);
        var values = code == PeriodicHeld
            ? await held.Where(s => s.Kind == ReceptionKind.Periodic).GroupBy(s => s.UnitId).Select(g => new { g.Key, N = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.N, ct)
            : await held.GroupBy(s => s.UnitId).Select(g => new { g.Key, N = g.Sum(s => s.CitizensReceived ?? 0) }).ToDictionaryAsync(x => x.Key, x => x.N, ct);
        var what = code == PeriodicHeld ? "buổi tiếp định kỳ của người đứng đầu đã ghi sổ" : "lượt công dân được tiếp";
        return MeasureRegistry.Counted(ids, values, "sổ tiếp công dân", what, from, to);
    }
}
