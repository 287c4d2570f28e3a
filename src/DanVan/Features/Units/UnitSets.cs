using DanVan.Data;
using DanVan.Domain.Access;
using DanVan.Domain.Units;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Features.Units;

/// <summary>
/// "Giao cho / gửi đến nhiều đơn vị": the units listed plus the active units of the chosen kinds under a root, read
/// in one query (ADR-007, ADR-017). Shared by tasks given to many units and consultations sent to many respondents;
/// each caller then checks every unit with its own access rule and names the refused ones.
/// </summary>
public static class UnitSets
{
    public sealed record Member(int Id, string Code, string Name, string AncestorPath, bool Closed);

    /// <summary>
    /// Where "all units of a kind" are looked for: the province of <paramref name="fromPath"/>/<paramref name="fromId"/>,
    /// narrowed to the user's own scope when that is smaller (a ward head's kind selection is its own subtree).
    /// </summary>
    public static string KindRoot(UserScope user, string fromPath, int fromId)
    {
        var root = UserScope.ProvincePrefix(fromPath, fromId);
        if (!user.IsAdmin && user.ScopePrefix.Length > root.Length && user.ScopePrefix.StartsWith(root, StringComparison.Ordinal))
        {
            root = user.ScopePrefix;
        }

        return root;
    }

    /// <summary>At most <paramref name="max"/> + 1 units (so that the caller can say "too many"), ordered by code; and how many listed ids do not exist.</summary>
    public static async Task<(List<Member> Units, int Missing)> ReadAsync(
        AppDbContext db, IReadOnlyCollection<int> ids, IReadOnlyCollection<OrgUnitKind> kinds, string root, int max, CancellationToken ct)
    {
        var idList = ids.Distinct().ToList();
        var kindList = kinds.Distinct().ToList();
        var byKind = kindList.Count > 0;
        var units = await db.OrgUnits.AsNoTracking()
            .Where(u => idList.Contains(u.Id) || (byKind && kindList.Contains(u.Kind) && u.ValidTo == null && u.AncestorPath.StartsWith(root)))
            .OrderBy(u => u.Code).Take(max + 1)
            .Select(u => new Member(u.Id, u.Code, u.Name, u.AncestorPath, u.ValidTo != null))
            .ToListAsync(ct);
        return (units, idList.Except(units.Select(u => u.Id)).Count());
    }
}
