using DanVan.Data;
using DanVan.Domain.Access;
using DanVan.Domain.Models;
using DanVan.Domain.Units;
using DanVan.Infrastructure;
using DanVan.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Features.Models;

/// <summary>
/// For the coordinator: every obliged unit of the province (the kinds the default report regime obliges) with its
/// registered, recognised and replicated models of a year, and those that have none.
/// </summary>
public class ComplianceModel(AppDbContext db, CurrentUser currentUser, TimeProvider clock) : PageModel
{
    public sealed record UnitCounts(int UnitId, string Name, int Registered, int Recognised, int Replicated);

    private static readonly OrgUnitKind[] Obliged =
        [OrgUnitKind.Department, OrgUnitKind.Inspectorate, OrgUnitKind.PublicServiceUnit, OrgUnitKind.Commune, OrgUnitKind.Ward, OrgUnitKind.SpecialZone];

    [BindProperty(SupportsGet = true, Name = "year")]
    public int? Year { get; set; }

    /// <summary>Only units with no registered model.</summary>
    [BindProperty(SupportsGet = true, Name = "none")]
    public bool NoneOnly { get; set; }

    [BindProperty(SupportsGet = true, Name = "page")]
    public int? PageNumber { get; set; }

    public PagedList<UnitCounts> Units { get; private set; } = null!;

    public int Without { get; private set; }

    public int Total { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var scope = (await currentUser.GetScopeAsync(ct))!;
        if (!ModelAccessRules.CanSeeCompliance(scope))
        {
            return this.ForbidRole(scope, "xem tình hình đăng ký mô hình của các đơn vị", "cơ quan điều phối và cơ quan thẩm định");
        }

        var year = Year is >= 2000 and <= 2100 ? Year.Value : VietnamClock.Today(clock).Year;
        Year = year;
        var prefix = scope.ScopePrefix;
        var units = db.OrgUnits.AsNoTracking().Where(u => u.ValidTo == null && Obliged.Contains(u.Kind) && u.AncestorPath.StartsWith(prefix));
        var registered = db.MobilizationModels.Where(m => m.Year == year && m.State != ModelStatus.Returned);
        Total = await units.CountAsync(ct);
        Without = await units.CountAsync(u => !registered.Any(m => m.UnitId == u.Id), ct);
        if (NoneOnly)
        {
            units = units.Where(u => !registered.Any(m => m.UnitId == u.Id));
        }

        var page = await units.OrderBy(u => registered.Count(m => m.UnitId == u.Id)).ThenBy(u => u.Name).ThenBy(u => u.Id)
            .ToPagedListAsync(q => q.Select(u => new UnitCounts(u.Id, u.Name, 0, 0, 0)), PageNumber, 100, ct);
        var ids = page.Items.Select(u => u.UnitId).ToList();
        var counts = await registered.Where(m => ids.Contains(m.UnitId)).GroupBy(m => m.UnitId)
            .Select(g => new { g.Key, Registered = g.Count(), Recognised = g.Count(m => m.RecognisedOn != null), Replicated = g.Count(m => m.ReplicatedFromId != null) })
            .ToDictionaryAsync(x => x.Key, ct);
        Units = new PagedList<UnitCounts>(page.Items.Select(u => counts.TryGetValue(u.UnitId, out var c) ? u with { Registered = c.Registered, Recognised = c.Recognised, Replicated = c.Replicated } : u).ToList(),
            page.Page, page.PageSize, page.TotalCount);
        return Page();
    }

    public string PageUrl(int page) => $"/Models/Compliance?year={Year}&none={(NoneOnly ? "true" : "")}&page={page}";
}
