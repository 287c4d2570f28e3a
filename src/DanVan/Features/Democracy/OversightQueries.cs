using DanVan.Data;
using DanVan.Domain.Access;
using DanVan.Domain.Democracy;
using DanVan.Domain.Text;
using DanVan.Domain.Units;
using DanVan.Features.Units;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Features.Democracy;

/// <summary>A board as lists show it.</summary>
public sealed record OversightBoardRow(int Id, int UnitId, string UnitName, OversightBoardKind Kind, string Name, string? Project, DateOnly TermFrom, DateOnly TermTo,
    int MemberCount, int Activities);

/// <summary>A staff conference as lists show it.</summary>
public sealed record StaffConferenceRow(int Id, int UnitId, string UnitName, int Year, DateOnly HeldOn, int Attendees, int StaffTotal, StaffConferenceForm Form,
    string? ResolutionNumber, DateOnly? ResolutionOn);

/// <summary>One agency of the staff-conference compliance view.</summary>
public sealed record StaffConferenceComplianceRow(int UnitId, string UnitName, OrgUnitKind Kind, StaffConferenceStatus Status, DateOnly DueOn, int? ConferenceId, DateOnly? HeldOn);

public static class OversightQueries
{
    /// <summary>The sort keys of the board list.</summary>
    public static readonly string[] BoardSorts = ["term", "name", "unit", "members"];

    public static async Task<IQueryable<OversightBoard>> VisibleToAsync(this IQueryable<OversightBoard> boards, AppDbContext db, UserScope user, CancellationToken ct)
    {
        if (user.IsAdmin)
        {
            return boards;
        }

        var units = await db.OrgUnits.InScope(user).Select(o => o.Id).ToListAsync(ct);
        return boards.Where(b => EF.Parameter(units).Contains(b.UnitId));
    }

    public static async Task<IQueryable<StaffConference>> VisibleToAsync(this IQueryable<StaffConference> rows, AppDbContext db, UserScope user, CancellationToken ct)
    {
        if (user.IsAdmin)
        {
            return rows;
        }

        var units = await db.OrgUnits.InScope(user).Select(o => o.Id).ToListAsync(ct);
        return rows.Where(b => EF.Parameter(units).Contains(b.UnitId));
    }

    public static IQueryable<OversightBoard> Matching(this IQueryable<OversightBoard> query, string? q, OversightBoardKind? kind, int? unit)
    {
        if (kind is { } k && Enum.IsDefined(k))
        {
            query = query.Where(b => b.Kind == k);
        }

        if (unit is { } u)
        {
            query = query.Where(b => b.UnitId == u);
        }

        var folded = VietnameseText.Fold(q);
        return folded.Length > 0 ? query.Where(b => b.SearchText.Contains(folded)) : query;
    }

    public static IQueryable<OversightBoard> Sorted(this IQueryable<OversightBoard> query, AppDbContext db, string? sort) => sort switch
    {
        "name" => query.OrderByVietnamese(db, b => b.Name).ThenBy(b => b.Id),
        "members" => query.OrderByDescending(b => b.MemberCount).ThenBy(b => b.Id),
        "unit" => query.OrderBy(b => b.UnitId).ThenByDescending(b => b.TermFrom).ThenBy(b => b.Id),
        _ => query.OrderByDescending(b => b.TermFrom).ThenByDescending(b => b.Id),
    };

    public static IQueryable<OversightBoardRow> ToRows(this IQueryable<OversightBoard> query, AppDbContext db) =>
        query.Select(b => new OversightBoardRow(b.Id, b.UnitId, db.OrgUnits.Where(o => o.Id == b.UnitId).Select(o => o.Name).First(), b.Kind, b.Name, b.Project, b.TermFrom, b.TermTo,
            b.MemberCount, db.OversightActivities.Count(a => a.BoardId == b.Id)));

    public static IQueryable<StaffConference> Matching(this IQueryable<StaffConference> query, string? q, int? year, int? unit)
    {
        if (year is { } y)
        {
            query = query.Where(c => c.Year == y);
        }

        if (unit is { } u)
        {
            query = query.Where(c => c.UnitId == u);
        }

        var folded = VietnameseText.Fold(q);
        return folded.Length > 0 ? query.Where(c => c.SearchText.Contains(folded)) : query;
    }

    public static IQueryable<StaffConference> Sorted(this IQueryable<StaffConference> query, string? sort) => sort switch
    {
        "year" => query.OrderByDescending(c => c.Year).ThenByDescending(c => c.HeldOn).ThenByDescending(c => c.Id),
        "attendees" => query.OrderByDescending(c => c.Attendees).ThenByDescending(c => c.Id),
        "unit" => query.OrderBy(c => c.UnitId).ThenByDescending(c => c.Year).ThenByDescending(c => c.Id),
        _ => query.OrderByDescending(c => c.HeldOn).ThenByDescending(c => c.Id),
    };

    public static IQueryable<StaffConferenceRow> ToRows(this IQueryable<StaffConference> query, AppDbContext db) =>
        query.Select(c => new StaffConferenceRow(c.Id, c.UnitId, db.OrgUnits.Where(o => o.Id == c.UnitId).Select(o => o.Name).First(), c.Year, c.HeldOn, c.Attendees, c.StaffTotal,
            c.Form, c.ResolutionNumber, c.ResolutionOn));

    /// <summary>
    /// Every agency of the scope in force with its conference for the year, held, not yet due, due or overdue: one query
    /// for the agencies, one for the year's conferences. Overdue first.
    /// </summary>
    public static async Task<List<StaffConferenceComplianceRow>> ComplianceAsync(AppDbContext db, StaffConferenceCommands commands, UserScope user, int year, DateOnly today, string? q,
        CancellationToken ct)
    {
        if (StaffConferenceRules.RuleFor(await commands.RulesAsync(ct), year) is not { } rule)
        {
            return [];
        }

        var kinds = DisclosureRules.KeepingKinds.Where(k => DisclosureRules.ScopeOf(k) == DisclosureScope.Agency).ToList();
        var unitQuery = db.OrgUnits.AsNoTracking().InScope(user).Where(u => u.ValidTo == null && kinds.Contains(u.Kind));
        var folded = VietnameseText.Fold(q);
        if (folded.Length > 0)
        {
            unitQuery = unitQuery.Where(u => u.SearchText.Contains(folded));
        }

        var units = await unitQuery.Select(u => new { u.Id, u.Name, u.Kind }).ToListAsync(ct);
        var ids = units.Select(u => u.Id).ToList();
        var held = await db.StaffConferences.AsNoTracking().Where(c => c.Year == year && EF.Parameter(ids).Contains(c.UnitId))
            .Select(c => new { c.UnitId, c.Id, c.HeldOn }).ToDictionaryAsync(c => c.UnitId, ct);
        var due = StaffConferenceRules.DueOn(rule, year);
        return units.Select(u =>
            {
                var c = held.GetValueOrDefault(u.Id);
                return new StaffConferenceComplianceRow(u.Id, u.Name, u.Kind, StaffConferenceRules.Status(rule, year, c is not null, today), due, c?.Id, c?.HeldOn);
            })
            .OrderBy(r => r.Status switch { StaffConferenceStatus.Overdue => 0, StaffConferenceStatus.DueSoon => 1, StaffConferenceStatus.NotDue => 2, _ => 3 })
            .ThenBy(r => r.UnitName, StringComparer.Create(VietnameseText.Culture, false)).ToList();
    }
}
