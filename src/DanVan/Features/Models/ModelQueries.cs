using DanVan.Data;
using Microsoft.EntityFrameworkCore;
using DanVan.Domain.Access;
using DanVan.Domain.Models;
using DanVan.Domain.Text;
using DanVan.Domain.Units;
using DanVan.Features.Units;

namespace DanVan.Features.Models;

/// <summary>A model as lists show it.</summary>
public sealed record ModelRow(int Id, string Name, ModelKind Kind, ModelSubject Subject, string FieldCode, int Year, ModelStatus State, string? LevelCode,
    DateOnly RegisteredOn, DateOnly? RecognisedOn, int? ReplicatedFromId, int UnitId, string UnitName);

/// <summary>One row of the yearly summary: a unit and field, how many of its models stand in each state.</summary>
public sealed record ModelSummaryRow(int UnitId, string UnitName, string FieldCode, IReadOnlyDictionary<ModelStatus, int> ByState, int Total);

public static class ModelQueries
{
    /// <summary>
    /// Bảng tổng hợp (unit × field × state) of the given models: one grouped query and one for the units' names, rows
    /// by unit name (Vietnamese order) then field. The page's XLSX and /api/models/summary both read it.
    /// </summary>
    public static async Task<List<ModelSummaryRow>> SummaryAsync(this IQueryable<MobilizationModel> models, AppDbContext db, CancellationToken ct)
    {
        var groups = await models.GroupBy(m => new { m.UnitId, m.FieldCode, m.State })
            .Select(g => new { g.Key.UnitId, g.Key.FieldCode, g.Key.State, Count = g.Count() }).ToListAsync(ct);
        var unitIds = groups.Select(g => g.UnitId).Distinct().ToList();
        var names = await db.OrgUnits.AsNoTracking().Where(u => EF.Parameter(unitIds).Contains(u.Id)).Select(u => new { u.Id, u.Name }).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        return groups.GroupBy(g => (g.UnitId, g.FieldCode))
            .Select(g => new ModelSummaryRow(g.Key.UnitId, names.GetValueOrDefault(g.Key.UnitId, ""), g.Key.FieldCode,
                g.GroupBy(x => x.State).ToDictionary(x => x.Key, x => x.Sum(y => y.Count)), g.Sum(x => x.Count)))
            .OrderBy(r => r.UnitName, StringComparer.Create(VietnameseText.Culture, false)).ThenBy(r => r.FieldCode, StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// The models a user may read (as <see cref="ModelAccessRules.CanRead"/>): of units in their scope, registered
    /// with a body in their scope, or recognised in their province. The unit ids are read first and sent as one array
    /// each (ADR-007, EF.Parameter): with path subqueries PostgreSQL scanned every model of the country three times.
    /// </summary>
    public static async Task<IQueryable<MobilizationModel>> VisibleToAsync(this IQueryable<MobilizationModel> models, AppDbContext db, UserScope user, CancellationToken ct)
    {
        if (user.IsAdmin)
        {
            return models;
        }

        var scope = await db.OrgUnits.InScope(user).Select(o => o.Id).ToListAsync(ct);
        var province = UserScope.ProvincePrefix(user.UnitAncestorPath, user.UnitId);
        if (province.StartsWith(user.ScopePrefix, StringComparison.Ordinal))
        {
            // The scope holds the whole province (or more): the province's recognised models are in it, and so is every
            // model registered with a body of the scope, since a body is always of the model's own province (the
            // registration and the replication refuse any other). One array on the unit index, estimated well: with the
            // body's array OR-ed in, PostgreSQL expected ten times the rows and scanned every model (bench notes, 2026-12-03).
            return models.Where(m => EF.Parameter(scope).Contains(m.UnitId));
        }

        var provinceId = UnitPaths.Ancestors(province).Last();
        var provinceUnits = await db.OrgUnits.Where(o => o.Id == provinceId || o.AncestorPath.StartsWith(province)).Select(o => o.Id).ToListAsync(ct);
        return models.Where(m => EF.Parameter(scope).Contains(m.UnitId) || EF.Parameter(scope).Contains(m.RegisteredWithUnitId)
            || ((m.State == ModelStatus.Recognised || m.State == ModelStatus.Commended) && EF.Parameter(provinceUnits).Contains(m.UnitId)));
    }

    public static IQueryable<ModelRow> ToRows(this IQueryable<MobilizationModel> models, AppDbContext db) =>
        models.Select(m => new ModelRow(m.Id, m.Name, m.Kind, m.Subject, m.FieldCode, m.Year, m.State, m.LevelCode, m.RegisteredOn, m.RecognisedOn, m.ReplicatedFromId,
            m.UnitId, db.OrgUnits.Where(o => o.Id == m.UnitId).Select(o => o.Name).First()));
}

/// <summary>The library's filters and sorting, shared by the page /Models, its exports and /api/models.</summary>
public sealed record ModelFilter(string? Query, string? Field, string? Level, int? Unit, int? Year, ModelStatus? State, ModelSubject? Subject, bool Active, string? Sort)
{
    public IQueryable<MobilizationModel> Apply(IQueryable<MobilizationModel> query)
    {
        if (!string.IsNullOrWhiteSpace(Field))
        {
            query = query.Where(m => m.FieldCode == Field);
        }

        if (!string.IsNullOrWhiteSpace(Level))
        {
            query = query.Where(m => m.LevelCode == Level);
        }

        if (Unit is { } unit)
        {
            query = query.Where(m => m.UnitId == unit);
        }

        if (Year is { } year)
        {
            query = query.Where(m => m.Year == year);
        }

        if (State is { } state && Enum.IsDefined(state))
        {
            query = query.Where(m => m.State == state);
        }

        if (Subject is { } subject && Enum.IsDefined(subject))
        {
            query = query.Where(m => m.Subject == subject);
        }

        if (Active)
        {
            query = query.Where(m => m.State >= ModelStatus.Approved && m.State < ModelStatus.Removed);
        }

        var folded = VietnameseText.Fold(Query);
        if (folded.Length > 0)
        {
            query = query.Where(m => m.SearchText.Contains(folded));
        }

        return query;
    }

    /// <summary>"name", "state" or anything else (newest registration first).</summary>
    public IQueryable<MobilizationModel> Order(IQueryable<MobilizationModel> query) => Sort switch
    {
        "name" => query.OrderBy(m => m.SearchText).ThenBy(m => m.Id),
        "state" => query.OrderBy(m => m.State).ThenByDescending(m => m.RegisteredOn).ThenByDescending(m => m.Id),
        _ => query.OrderByDescending(m => m.RegisteredOn).ThenByDescending(m => m.Id),
    };
}
