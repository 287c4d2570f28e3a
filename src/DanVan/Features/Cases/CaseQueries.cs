using DanVan.Data;
using DanVan.Domain.Access;
using DanVan.Domain.Cases;
using DanVan.Domain.Text;
using DanVan.Domain.Units;
using DanVan.Features.Units;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Features.Cases;

/// <summary>A row of the register as lists show it: no sender, no denouncer, ever.</summary>
public sealed record CaseRow(int Id, string Code, DateOnly ReceivedOn, CaseKind Kind, string Field, string Summary, CaseState State,
    DateOnly? DueOn, string? DueExplanation, bool? ClosedOnTime, string UnitName);

public static class CaseQueries
{
    /// <summary>The cases of units within the user's scope (one indexed subquery on the unit path).</summary>
    /// <summary>
    /// The cases of units in the user's scope. The scope's unit ids are read first and sent as one array (ADR-007): with
    /// a path subquery PostgreSQL cannot tell how many units a prefix matches and scans every case in the country.
    /// </summary>
    public static async Task<IQueryable<CitizenCase>> VisibleToAsync(this IQueryable<CitizenCase> cases, AppDbContext db, UserScope user, CancellationToken ct)
    {
        if (user.IsAdmin)
        {
            return cases;
        }

        var units = await db.OrgUnits.InScope(user).Select(o => o.Id).ToListAsync(ct);
        return cases.Where(c => units.Contains(c.UnitId));
    }

    /// <summary>The register as its page, export and API list it: filtered, searched, open cases by deadline first.</summary>
    public static async Task<IQueryable<CitizenCase>> RegisterAsync(AppDbContext db, UserScope user, string? q, CaseKind? kind, string? status, DateOnly today, CancellationToken ct)
    {
        var query = await db.Cases.AsNoTracking().VisibleToAsync(db, user, ct);
        if (kind is { } k && Enum.IsDefined(k))
        {
            query = query.Where(c => c.Kind == k);
        }

        query = status switch
        {
            "open" => query.Where(c => c.ClosedOn == null),
            // A handler's own list: the open cases assigned to the user (index on HandlerUserId, State).
            "mine" => query.Where(c => c.HandlerUserId == user.UserId && c.ClosedOn == null),
            "overdue" => query.Where(c => c.ClosedOn == null && c.State != CaseState.Suspended && c.DueOn < today),
            "closed" => query.Where(c => c.ClosedOn != null),
            _ => query,
        };
        var folded = VietnameseText.Fold(q);
        if (folded.Length > 0)
        {
            query = query.Where(c => c.SearchText.Contains(folded));
        }

        return query.OrderBy(c => c.ClosedOn != null).ThenBy(c => c.DueOn).ThenByDescending(c => c.ReceivedOn).ThenByDescending(c => c.Id);
    }

    public static IQueryable<CaseRow> ToRows(this IQueryable<CitizenCase> cases, AppDbContext db) =>
        cases.Select(c => new CaseRow(c.Id, c.Code, c.ReceivedOn, c.Kind, c.Field, c.Summary, c.State, c.DueOn, c.DueExplanation, c.ClosedOnTime,
            db.OrgUnits.Where(o => o.Id == c.UnitId).Select(o => o.Name).First()));
}

/// <summary>The fields of cases as the administrator keeps them (table <c>CaseFields</c>).</summary>
public static class CaseFieldQueries
{
    /// <summary>Every code's name (its latest version's): for lists, exports and dashboards, where old cases keep old fields.</summary>
    public static async Task<IReadOnlyDictionary<string, string>> NamesAsync(AppDbContext db, CancellationToken ct) =>
        (await db.CaseFields.AsNoTracking().Select(f => new { f.Code, f.Name, f.ValidFrom }).ToListAsync(ct))
        .GroupBy(f => f.Code, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.MaxBy(f => f.ValidFrom)!.Name, StringComparer.Ordinal);

    /// <summary>The fields one may choose on a day (the form's list), in their order.</summary>
    public static async Task<IReadOnlyList<Domain.Cases.CaseField>> InForceAsync(AppDbContext db, DateOnly on, CancellationToken ct) =>
        (await db.CaseFields.AsNoTracking().Where(f => f.ValidFrom <= on && (f.ValidTo == null || f.ValidTo >= on)).ToListAsync(ct))
        .GroupBy(f => f.Code, StringComparer.Ordinal).Select(g => g.MaxBy(f => f.ValidFrom)!).OrderBy(f => f.SortOrder).ThenBy(f => f.Code, StringComparer.Ordinal).ToList();
}
