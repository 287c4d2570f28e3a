using DanVan.Data;
using DanVan.Domain.Access;
using DanVan.Domain.Indices;
using DanVan.Domain.Text;
using DanVan.Domain.Units;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Features.Indices;

/// <summary>A value of an index as lists show it: the unit, the year, the value, where it comes from, who entered it.</summary>
public sealed record IndexValueRow(int UnitId, string UnitCode, string UnitName, int Year, double Value, IndexValueSource Source, string? SourceNote,
    string EnteredByUserName, DateTime EnteredAtUtc, Guid Stamp);

/// <summary>The reads of indices: definitions, values of the units the user may read (one query, paged by the caller), their components, a unit's trend.</summary>
public static class IndexQueries
{
    public static Task<List<IndexDefinition>> DefinitionsAsync(AppDbContext db, CancellationToken ct) =>
        db.IndexDefinitions.AsNoTracking().OrderBy(i => i.SortOrder).ThenBy(i => i.Code).ToListAsync(ct);

    public static Task<List<IndexComponent>> ComponentsAsync(AppDbContext db, string code, CancellationToken ct) =>
        db.IndexComponents.AsNoTracking().Where(c => c.IndexCode == code).OrderBy(c => c.SortOrder).ThenBy(c => c.Code).ToListAsync(ct);

    /// <summary>
    /// The index's values (the index itself, not its components) of the units the user may read — its scope and the
    /// units above it — searched by unit (without accents), filtered by year and source, ordered: "nam" newest year first
    /// (the default), "cu" oldest first, "cao" highest value first, "thap" lowest first, "ten" by unit name.
    /// </summary>
    public static IQueryable<IndexValueRow> Values(AppDbContext db, UserScope user, string code, string? q, int? year, IndexValueSource? source, string? sort, int? unitId = null)
    {
        var units = db.OrgUnits.AsNoTracking();
        if (!user.IsAdmin)
        {
            var prefix = user.ScopePrefix;
            var rootId = UnitPaths.Ancestors(prefix).Last();
            var above = UnitPaths.Ancestors(user.UnitAncestorPath).ToList();
            units = units.Where(u => u.Id == rootId || u.AncestorPath.StartsWith(prefix) || EF.Parameter(above).Contains(u.Id));
        }

        var folded = VietnameseText.Fold(q);
        if (folded.Length > 0)
        {
            units = units.Where(u => u.SearchText.Contains(folded) || u.Code.Contains(folded));
        }

        var values = db.IndexValues.AsNoTracking().Where(v => v.IndexCode == code && v.ComponentCode == "");
        if (year is >= 1900 and <= 9999)
        {
            values = values.Where(v => v.Year == year);
        }

        if (unitId is { } only)
        {
            values = values.Where(v => v.UnitId == only);
        }

        if (source is { } s && Enum.IsDefined(s))
        {
            values = values.Where(v => v.Source == s);
        }

        var rows = from v in values
                   join u in units on v.UnitId equals u.Id
                   select new { v, u.Code, u.Name };
        rows = sort switch
        {
            "cu" => rows.OrderBy(r => r.v.Year).ThenByVietnamese(db, r => r.Name).ThenBy(r => r.v.Id),
            "cao" => rows.OrderByDescending(r => r.v.Value).ThenByDescending(r => r.v.Year).ThenBy(r => r.v.Id),
            "thap" => rows.OrderBy(r => r.v.Value).ThenByDescending(r => r.v.Year).ThenBy(r => r.v.Id),
            "ten" => rows.OrderByVietnamese(db, r => r.Name).ThenByDescending(r => r.v.Year).ThenBy(r => r.v.Id),
            _ => rows.OrderByDescending(r => r.v.Year).ThenByVietnamese(db, r => r.Name).ThenBy(r => r.v.Id),
        };
        return rows.Select(r => new IndexValueRow(r.v.UnitId, r.Code, r.Name, r.v.Year, r.v.Value, r.v.Source, r.v.SourceNote, r.v.EnteredByUserName, r.v.EnteredAtUtc, r.v.ConcurrencyStamp));
    }

    /// <summary>The component values of the given (unit, year) pairs of an index, in one query.</summary>
    public static async Task<Dictionary<(int UnitId, int Year), Dictionary<string, double>>> ComponentValuesAsync(AppDbContext db, string code, IReadOnlyCollection<(int UnitId, int Year)> keys, CancellationToken ct)
    {
        var unitIds = keys.Select(k => k.UnitId).Distinct().ToList();
        var years = keys.Select(k => k.Year).Distinct().ToList();
        if (unitIds.Count == 0)
        {
            return [];
        }

        var rows = await db.IndexValues.AsNoTracking()
            .Where(v => v.IndexCode == code && v.ComponentCode != "" && EF.Parameter(unitIds).Contains(v.UnitId) && EF.Parameter(years).Contains(v.Year))
            .Select(v => new { v.UnitId, v.Year, v.ComponentCode, v.Value }).ToListAsync(ct);
        return rows.GroupBy(r => (r.UnitId, r.Year)).ToDictionary(g => g.Key, g => g.ToDictionary(r => r.ComponentCode, r => r.Value, StringComparer.Ordinal));
    }

    /// <summary>One unit's value of an index year by year (the trend chart), oldest first.</summary>
    public static Task<List<(int Year, double Value)>> TrendAsync(AppDbContext db, string code, int unitId, CancellationToken ct) =>
        db.IndexValues.AsNoTracking().Where(v => v.IndexCode == code && v.ComponentCode == "" && v.UnitId == unitId)
            .OrderBy(v => v.Year).Select(v => new ValueTuple<int, double>(v.Year, v.Value)).ToListAsync(ct);
}
