using DanVan.Data;
using DanVan.Domain.Democracy;
using DanVan.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Features.Democracy;

/// <summary>
/// What the people's supervision counts for a unit and period: inspections and supervisions of its Ban Thanh tra nhân
/// dân (DC_GIAMSAT) and, for an agency, its Hội nghị cán bộ, công chức, viên chức held in the period (DC_HNCB).
/// </summary>
public sealed class OversightMeasures(AppDbContext db) : IMeasureSource
{
    public const string Inspections = "giam-sat-ttnd";
    public const string Conferences = "hoi-nghi-can-bo";

    public IReadOnlyList<MeasureDefinition> Definitions { get; } =
    [
        new(Inspections, "Cuộc kiểm tra, giám sát của Ban Thanh tra nhân dân trong kỳ", "cuộc", "Dân chủ ở cơ sở"),
        new(Conferences, "Hội nghị cán bộ, công chức, viên chức đã tổ chức trong kỳ", "hội nghị", "Dân chủ ở cơ sở"),
    ];

    public async Task<IReadOnlyDictionary<int, MeasureValue>> ComputeAsync(string code, IReadOnlyCollection<int> unitIds, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var ids = unitIds.Distinct().ToList();
        var (rows, register, what) = code switch
        {
            Inspections => (db.OversightActivities.AsNoTracking()
                    .Where(a => EF.Parameter(ids).Contains(a.UnitId) && a.BoardKind == OversightBoardKind.PeopleInspection && a.HeldOn >= from && a.HeldOn <= to).Select(a => a.UnitId),
                "sổ hoạt động Ban Thanh tra nhân dân", "cuộc kiểm tra, giám sát"),
            Conferences => (db.StaffConferences.AsNoTracking().Where(c => EF.Parameter(ids).Contains(c.UnitId) && c.HeldOn >= from && c.HeldOn <= to).Select(c => c.UnitId),
                "sổ Hội nghị cán bộ, công chức, viên chức", "hội nghị"),
            _ => throw Unknown(code),
        };
        var counts = await rows.GroupBy(u => u).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        return MeasureRegistry.Counted(ids, counts, register, what, from, to);
    }

    public async Task<IReadOnlyList<MeasureRecord>> RecordsAsync(string code, int unitId, DateOnly from, DateOnly to, int limit, CancellationToken ct)
    {
        static string Id(int id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        switch (code)
        {
            case Inspections:
                var activities = await db.OversightActivities.AsNoTracking()
                    .Where(a => a.UnitId == unitId && a.BoardKind == OversightBoardKind.PeopleInspection && a.HeldOn >= from && a.HeldOn <= to)
                    .OrderByDescending(a => a.HeldOn).ThenByDescending(a => a.Id).Select(a => new { a.BoardId, a.Subject, a.HeldOn, a.Kind }).Take(limit).ToListAsync(ct);
                return activities.Select(r => new MeasureRecord(r.Subject, r.HeldOn, OversightRules.Label(r.Kind), "/Democracy/Oversight/Details/" + Id(r.BoardId))).ToList();
            case Conferences:
                var held = await db.StaffConferences.AsNoTracking().Where(c => c.UnitId == unitId && c.HeldOn >= from && c.HeldOn <= to)
                    .OrderByDescending(c => c.HeldOn).ThenByDescending(c => c.Id).Select(c => new { c.Id, c.Year, c.HeldOn, c.Form }).Take(limit).ToListAsync(ct);
                return held.Select(r => new MeasureRecord("Hội nghị cán bộ, công chức, viên chức năm " + Id(r.Year), r.HeldOn, StaffConferenceRules.Label(r.Form),
                    "/Democracy/StaffConferences/Edit/" + Id(r.Id))).ToList();
            default:
                throw Unknown(code);
        }
    }

    private static InvalidOperationException Unknown(string code) => new($"Không có số liệu tự động mã \"{code}\".");
}
