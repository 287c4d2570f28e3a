using DanVan.Data;
using DanVan.Domain.Access;
using DanVan.Domain.Democracy;
using DanVan.Domain.Text;
using DanVan.Domain.Units;
using DanVan.Features.Units;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Features.Democracy;

/// <summary>A disclosure as lists show it (never its file).</summary>
public sealed record DisclosureRow(int Id, int UnitId, string UnitName, int Year, string ItemCode, string Title, DateOnly DisclosedOn, DateOnly? EndsOn,
    DisclosureForms Forms, int? RadioDays, bool IsPublic, string? FileName);

/// <summary>One unit of the compliance view: how many of the year's items it has disclosed, and how many are overdue.</summary>
public sealed record ComplianceRow(int UnitId, string UnitName, OrgUnitKind Kind, int Required, int Disclosed, int Overdue, int MissingRadio);

public static class DisclosureQueries
{
    /// <summary>The disclosures of units in the user's scope, the scope's unit ids read first (ADR-007).</summary>
    public static async Task<IQueryable<Disclosure>> VisibleToAsync(this IQueryable<Disclosure> disclosures, AppDbContext db, UserScope user, CancellationToken ct)
    {
        if (user.IsAdmin)
        {
            return disclosures;
        }

        var units = await db.OrgUnits.InScope(user).Select(o => o.Id).ToListAsync(ct);
        return disclosures.Where(d => EF.Parameter(units).Contains(d.UnitId));
    }

    public static IQueryable<Disclosure> Matching(this IQueryable<Disclosure> query, string? q, int? year, string? item)
    {
        if (year is { } y)
        {
            query = query.Where(d => d.Year == y);
        }

        if (!string.IsNullOrWhiteSpace(item))
        {
            query = query.Where(d => d.ItemCode == item);
        }

        var folded = VietnameseText.Fold(q);
        return folded.Length > 0 ? query.Where(d => d.SearchText.Contains(folded)) : query;
    }

    public static IQueryable<DisclosureRow> ToRows(this IQueryable<Disclosure> query, AppDbContext db) =>
        query.Select(d => new DisclosureRow(d.Id, d.UnitId, db.OrgUnits.Where(o => o.Id == d.UnitId).Select(o => o.Name).First(), d.Year, d.ItemCode, d.Title,
            d.DisclosedOn, d.EndsOn, d.Forms, d.RadioDays, d.IsPublic, d.FileName));

    /// <summary>A unit's register for a year: every item of its list in force that year with its status (two queries).</summary>
    public static async Task<List<RegisterLine>> RegisterAsync(AppDbContext db, DisclosureCommands commands, int unitId, OrgUnitKind kind, int year, DateOnly today, CancellationToken ct)
    {
        if (DisclosureRules.ScopeOf(kind) is not { } scope || !DisclosureRules.IsYear(year))
        {
            return [];
        }

        var items = await commands.ItemsAsync(scope, year, ct);
        var done = (await db.Disclosures.AsNoTracking().Where(d => d.UnitId == unitId && d.Year == year)
                .Select(d => new { d.ItemCode, d.DisclosedOn, d.Forms, d.RadioDays }).ToListAsync(ct))
            .ToLookup(d => d.ItemCode, d => (d.DisclosedOn, d.Forms, d.RadioDays), StringComparer.Ordinal);
        return items.Select(i => DisclosureRules.Line(i, year, done[i.Code].ToList(), today)).ToList();
    }

    /// <summary>
    /// Every unit of the scope that keeps a register (communes and agencies in force), with its counts for the year:
    /// one query for the units, one for the year's disclosures grouped by unit and item. Overdue units first.
    /// </summary>
    public static async Task<List<ComplianceRow>> ComplianceAsync(AppDbContext db, DisclosureCommands commands, UserScope user, int year, DateOnly today, string? q, CancellationToken ct)
    {
        if (!DisclosureRules.IsYear(year))
        {
            return [];
        }

        var kinds = DisclosureRules.KeepingKinds.ToList();
        var unitQuery = db.OrgUnits.AsNoTracking().InScope(user).Where(u => u.ValidTo == null && kinds.Contains(u.Kind));
        var folded = VietnameseText.Fold(q);
        if (folded.Length > 0)
        {
            unitQuery = unitQuery.Where(u => u.SearchText.Contains(folded));
        }

        var units = await unitQuery.Select(u => new { u.Id, u.Name, u.Kind }).ToListAsync(ct);

        var ids = units.Select(u => u.Id).ToList();
        var done = (await db.Disclosures.AsNoTracking().Where(d => d.Year == year && EF.Parameter(ids).Contains(d.UnitId))
                .Select(d => new { d.UnitId, d.ItemCode, d.DisclosedOn, d.Forms, d.RadioDays }).ToListAsync(ct))
            .ToLookup(d => (d.UnitId, d.ItemCode), d => (d.DisclosedOn, d.Forms, d.RadioDays));
        var lists = new Dictionary<DisclosureScope, List<DisclosureItem>>
        {
            [DisclosureScope.Commune] = await commands.ItemsAsync(DisclosureScope.Commune, year, ct),
            [DisclosureScope.Agency] = await commands.ItemsAsync(DisclosureScope.Agency, year, ct),
        };
        return units.Select(u =>
            {
                var lines = lists[DisclosureRules.ScopeOf(u.Kind)!.Value].Select(i => DisclosureRules.Line(i, year, done[(u.Id, i.Code)].ToList(), today)).ToList();
                return new ComplianceRow(u.Id, u.Name, u.Kind, lines.Count, lines.Count(l => l.Status == DisclosureStatus.Disclosed),
                    lines.Count(l => l.Status == DisclosureStatus.Overdue), lines.Count(l => l.Missing is not null));
            })
            .OrderByDescending(r => r.Overdue).ThenBy(r => r.UnitName, StringComparer.Create(VietnameseText.Culture, false)).ToList();
    }
}
