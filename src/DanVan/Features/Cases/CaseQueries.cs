using DanVan.Data;
using DanVan.Domain.Access;
using DanVan.Domain.Cases;
using DanVan.Domain.Units;

namespace DanVan.Features.Cases;

/// <summary>A row of the register as lists show it: no sender, no denouncer, ever.</summary>
public sealed record CaseRow(int Id, string Code, DateOnly ReceivedOn, CaseKind Kind, string Field, string Summary, CaseState State,
    DateOnly? DueOn, string? DueExplanation, bool? ClosedOnTime, string UnitName);

public static class CaseQueries
{
    /// <summary>The cases of units within the user's scope (one indexed subquery on the unit path).</summary>
    public static IQueryable<CitizenCase> VisibleTo(this IQueryable<CitizenCase> cases, AppDbContext db, UserScope user)
    {
        if (user.IsAdmin)
        {
            return cases;
        }

        var prefix = user.ScopePrefix;
        var rootId = UnitPaths.Ancestors(prefix).Last();
        return cases.Where(c => db.OrgUnits.Any(o => o.Id == c.UnitId && (o.Id == rootId || o.AncestorPath.StartsWith(prefix))));
    }

    public static IQueryable<CaseRow> ToRows(this IQueryable<CitizenCase> cases, AppDbContext db) =>
        cases.Select(c => new CaseRow(c.Id, c.Code, c.ReceivedOn, c.Kind, c.Field, c.Summary, c.State, c.DueOn, c.DueExplanation, c.ClosedOnTime,
            db.OrgUnits.Where(o => o.Id == c.UnitId).Select(o => o.Name).First()));
}
