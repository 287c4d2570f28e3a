using DanVan.Data;
using DanVan.Domain.Training;
using DanVan.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Features.Training;

/// <summary>What propaganda and training count for a unit and period: sessions held (TT_CUOC) and attendances (TT_LUOT).</summary>
public sealed class TrainingMeasures(AppDbContext db) : IMeasureSource
{
    public const string Sessions = "tuyen-truyen-cuoc";
    public const string Attendances = "tuyen-truyen-luot";

    public IReadOnlyList<MeasureDefinition> Definitions { get; } =
    [
        new(Sessions, "Cuộc tuyên truyền, phổ biến, quán triệt, tập huấn trong kỳ", "cuộc", "Tuyên truyền, tập huấn"),
        new(Attendances, "Lượt người tham dự tuyên truyền, quán triệt, tập huấn trong kỳ", "lượt người", "Tuyên truyền, tập huấn"),
    ];

    public async Task<IReadOnlyDictionary<int, MeasureValue>> ComputeAsync(string code, IReadOnlyCollection<int> unitIds, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var ids = unitIds.Distinct().ToList();
        var sessions = db.TrainingSessions.AsNoTracking().Where(s => EF.Parameter(ids).Contains(s.UnitId) && s.HeldOn >= from && s.HeldOn <= to);
        return code switch
        {
            Sessions => MeasureRegistry.Counted(ids,
                await sessions.GroupBy(s => s.UnitId).Select(g => new { g.Key, N = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.N, ct),
                "sổ tuyên truyền, tập huấn", "cuộc", from, to),
            Attendances => MeasureRegistry.Counted(ids,
                await sessions.GroupBy(s => s.UnitId).Select(g => new { g.Key, N = g.Sum(s => s.Attendees) }).ToDictionaryAsync(x => x.Key, x => x.N, ct),
                "sổ tuyên truyền, tập huấn", "lượt người tham dự", from, to),
            _ => throw Unknown(code),
        };
    }

    public async Task<IReadOnlyList<MeasureRecord>> RecordsAsync(string code, int unitId, DateOnly from, DateOnly to, int limit, CancellationToken ct)
    {
        if (code is not (Sessions or Attendances))
        {
            throw Unknown(code);
        }

        var rows = await db.TrainingSessions.AsNoTracking().Where(s => s.UnitId == unitId && s.HeldOn >= from && s.HeldOn <= to)
            .OrderByDescending(s => s.HeldOn).ThenByDescending(s => s.Id).Select(s => new { s.Id, s.Title, s.HeldOn, s.Kind, s.Attendees }).Take(limit).ToListAsync(ct);
        return rows.Select(r => new MeasureRecord(r.Title, r.HeldOn,
            $"{TrainingRules.Label(r.Kind)} · {r.Attendees.ToString(System.Globalization.CultureInfo.InvariantCulture)} lượt người",
            "/Training/Details/" + r.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToList();
    }

    private static InvalidOperationException Unknown(string code) => new($"Không có số liệu tự động mã \"{code}\".");
}
