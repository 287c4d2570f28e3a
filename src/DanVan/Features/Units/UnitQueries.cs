using DanVan.Data;
using DanVan.Domain.Access;
using DanVan.Domain.Text;
using DanVan.Domain.Units;
using DanVan.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Features.Units;

public sealed record UnitRow(
    int Id, string Code, string Name, OrgUnitKind Kind, int? ParentId, string? ParentName, string AncestorPath,
    DateOnly? ValidFrom, DateOnly? ValidTo, int ChildCount)
{
    public string KindLabel => OrgUnitKinds.Label(Kind);

    public bool IsActive => ValidTo is null;
}

/// <summary>Reads of the directory, always limited to what the user may see. One query per list, paged.</summary>
public static class UnitQueries
{
    public static IQueryable<OrgUnit> InScope(this IQueryable<OrgUnit> units, UserScope user)
    {
        if (user.IsAdmin)
        {
            return units;
        }

        var prefix = user.ScopePrefix;
        var rootId = UnitPaths.Ancestors(prefix).Last();
        return units.Where(u => u.Id == rootId || u.AncestorPath.StartsWith(prefix));
    }

    /// <summary>Only units in force on <paramref name="today"/> unless history is asked for.</summary>
    public static IQueryable<OrgUnit> Current(this IQueryable<OrgUnit> units, bool includeHistory, DateOnly today) =>
        includeHistory ? units : units.Where(u => u.ValidTo == null || u.ValidTo >= today);

    public static IQueryable<OrgUnit> Matching(this IQueryable<OrgUnit> units, string? query)
    {
        var folded = VietnameseText.Fold(query);
        if (folded.Length == 0)
        {
            return units;
        }

        foreach (var word in folded.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            units = units.Where(u => u.SearchText.Contains(word));
        }

        return units;
    }

    public static IQueryable<OrgUnit> Ordered(this IQueryable<OrgUnit> units) =>
        units.OrderBy(u => u.Depth).ThenBy(u => u.Kind == OrgUnitKind.LegacyDistrict).ThenBy(u => u.SearchText).ThenBy(u => u.Id);

    public static IQueryable<UnitRow> ToRows(this IQueryable<OrgUnit> units, AppDbContext db, bool includeHistory, DateOnly today) =>
        units.Select(u => new UnitRow(
            u.Id, u.Code, u.Name, u.Kind, u.ParentId, u.Parent != null ? u.Parent.Name : null, u.AncestorPath, u.ValidFrom, u.ValidTo,
            db.OrgUnits.Count(c => c.ParentId == u.Id && (includeHistory || c.ValidTo == null || c.ValidTo >= today))));

    /// <summary>Children of a unit in display order: Party and government bodies, departments, then communes by name.</summary>
    public static async Task<List<UnitRow>> ChildrenAsync(AppDbContext db, int parentId, bool includeHistory, DateOnly today, CancellationToken ct)
    {
        var rows = await db.OrgUnits.AsNoTracking()
            .Where(u => u.ParentId == parentId)
            .Current(includeHistory, today)
            .ToRows(db, includeHistory, today)
            .ToListAsync(ct);
        return rows.OrderBy(r => OrgUnitKinds.SortOrder(r.Kind))
            .ThenBy(r => VietnameseText.Fold(r.Name), StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The root a user's tree starts from: the country for admins, else the top of their scope.</summary>
    public static async Task<OrgUnit?> ScopeRootAsync(AppDbContext db, UserScope user, CancellationToken ct)
    {
        var rootId = user.IsAdmin ? (int?)null : UnitPaths.Ancestors(user.ScopePrefix).Last();
        return rootId is null
            ? await db.OrgUnits.AsNoTracking().Where(u => u.ParentId == null).OrderBy(u => u.Id).FirstOrDefaultAsync(ct)
            : await db.OrgUnits.AsNoTracking().FirstOrDefaultAsync(u => u.Id == rootId, ct);
    }

    public static async Task<List<OrgUnit>> AncestorsAsync(AppDbContext db, OrgUnit unit, CancellationToken ct)
    {
        var ids = UnitPaths.Ancestors(unit.AncestorPath);
        var list = await db.OrgUnits.AsNoTracking().Where(u => ids.Contains(u.Id)).ToListAsync(ct);
        return list.OrderBy(u => u.Depth).ToList();
    }
}
