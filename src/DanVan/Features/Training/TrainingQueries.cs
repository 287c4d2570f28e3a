using DanVan.Data;
using DanVan.Domain.Access;
using DanVan.Domain.Text;
using DanVan.Domain.Training;
using DanVan.Features.Units;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Features.Training;

/// <summary>
/// How far the staff of units were briefed on a document on a day ("100 % cán bộ … được học tập, quán triệt"): two
/// grouped queries for any number of units — the staff of the day per unit, and the distinct staff of the day present
/// at a session of their unit on the document held on or before it.
/// </summary>
public static class TrainingQueries
{
    /// <summary>
    /// The sessions of the units in the user's scope, searched (without accents), filtered by kind and year, ordered:
    /// "moi" newest first (the default), "cu" oldest first, "dong" most attended first. The list page and the API.
    /// </summary>
    public static async Task<IQueryable<TrainingSession>> SessionsAsync(AppDbContext db, UserScope scope, string? q, SessionKind? kind, int? year, string? sort, CancellationToken ct)
    {
        var query = db.TrainingSessions.AsNoTracking();
        if (!scope.IsAdmin)
        {
            var units = await db.OrgUnits.AsNoTracking().InScope(scope).Select(u => u.Id).ToListAsync(ct);
            query = query.Where(s => EF.Parameter(units).Contains(s.UnitId));
        }

        if (kind is { } k && Enum.IsDefined(k))
        {
            query = query.Where(s => s.Kind == k);
        }

        if (year is >= 2000 and <= 9000)
        {
            var (from, to) = (new DateOnly(year.Value, 1, 1), new DateOnly(year.Value, 12, 31));
            query = query.Where(s => s.HeldOn >= from && s.HeldOn <= to);
        }

        var folded = VietnameseText.Fold(q);
        if (folded.Length > 0)
        {
            query = query.Where(s => s.SearchText.Contains(folded));
        }

        return sort switch
        {
            "cu" => query.OrderBy(s => s.HeldOn).ThenBy(s => s.Id),
            "dong" => query.OrderByDescending(s => s.Attendees).ThenByDescending(s => s.HeldOn).ThenByDescending(s => s.Id),
            _ => query.OrderByDescending(s => s.HeldOn).ThenByDescending(s => s.Id),
        };
    }

    public static async Task<Dictionary<int, Coverage>> CoverageAsync(AppDbContext db, IReadOnlyCollection<int> unitIds, int documentId, DateOnly asOf, CancellationToken ct)
    {
        var ids = unitIds.Distinct().ToList();
        var staff = await OnStaff(db, ids, asOf).GroupBy(s => s.UnitId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var briefed = await BriefedIds(db, ids, documentId, asOf)
            .Join(db.StaffMembers, a => a, s => s.Id, (a, s) => s.UnitId)
            .GroupBy(u => u).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        return ids.ToDictionary(id => id, id => new Coverage(staff.GetValueOrDefault(id), briefed.GetValueOrDefault(id)));
    }

    /// <summary>One unit's coverage of several documents on a day, in two queries whatever their number (a session's documents).</summary>
    public static async Task<Dictionary<int, Coverage>> CoverageOfDocumentsAsync(AppDbContext db, int unitId, IReadOnlyCollection<int> documentIds, DateOnly asOf, CancellationToken ct)
    {
        var ids = documentIds.Distinct().ToList();
        var staff = await OnStaff(db, [unitId], asOf).CountAsync(ct);
        var briefed = await (from a in db.TrainingAttendances
                             join s in db.TrainingSessions on a.SessionId equals s.Id
                             join d in db.TrainingSessionDocuments on s.Id equals d.SessionId
                             join m in db.StaffMembers on a.StaffMemberId equals m.Id
                             where EF.Parameter(ids).Contains(d.DocumentId) && s.HeldOn <= asOf && s.UnitId == unitId && m.UnitId == unitId
                                 && (m.JoinedOn == null || m.JoinedOn <= asOf) && (m.LeftOn == null || m.LeftOn > asOf)
                             select new { d.DocumentId, a.StaffMemberId }).Distinct()
            .GroupBy(x => x.DocumentId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        return ids.ToDictionary(id => id, id => new Coverage(staff, briefed.GetValueOrDefault(id)));
    }

    /// <summary>The unit's staff of the day not yet at any session on the document, by name.</summary>
    public static Task<List<StaffMember>> NotBriefedAsync(AppDbContext db, int unitId, int documentId, DateOnly asOf, CancellationToken ct)
    {
        var briefed = BriefedIds(db, [unitId], documentId, asOf);
        return OnStaff(db, [unitId], asOf).Where(s => !briefed.Contains(s.Id)).OrderByVietnamese(db, s => s.FullName).ThenBy(s => s.Id).Take(1000).ToListAsync(ct);
    }

    /// <summary>The unit's staff on a day (joined on or before it, not yet left): <see cref="TrainingRules.OnStaff"/> in SQL.</summary>
    public static IQueryable<StaffMember> OnStaff(AppDbContext db, List<int> unitIds, DateOnly day) =>
        db.StaffMembers.AsNoTracking().Where(s => EF.Parameter(unitIds).Contains(s.UnitId)
            && (s.JoinedOn == null || s.JoinedOn <= day) && (s.LeftOn == null || s.LeftOn > day));

    /// <summary>Distinct ids of staff of the units, on staff on the day, present at a session of their unit on the document held on or before it.</summary>
    private static IQueryable<int> BriefedIds(AppDbContext db, List<int> unitIds, int documentId, DateOnly asOf) =>
        (from a in db.TrainingAttendances
         join s in db.TrainingSessions on a.SessionId equals s.Id
         join d in db.TrainingSessionDocuments on s.Id equals d.SessionId
         join m in db.StaffMembers on a.StaffMemberId equals m.Id
         where d.DocumentId == documentId && s.HeldOn <= asOf && EF.Parameter(unitIds).Contains(s.UnitId) && m.UnitId == s.UnitId
             && (m.JoinedOn == null || m.JoinedOn <= asOf) && (m.LeftOn == null || m.LeftOn > asOf)
         select a.StaffMemberId).Distinct();
}
