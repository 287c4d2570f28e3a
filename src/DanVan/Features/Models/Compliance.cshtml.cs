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
/// For the coordinator: every obliged unit of the province with its registered, recognised and replicated models of a
/// year, and those short of what they must register. The obliged units are the lead units of the year's model
/// obligations (tasks "ít nhất N mô hình năm Y", ADR-015) in the user's scope; a year without any obligation falls back
/// to the kinds the default report regime obliges, one model each.
/// </summary>
public class ComplianceModel(AppDbContext db, CurrentUser currentUser, TimeProvider clock) : PageModel
{
    public sealed record UnitCounts(int UnitId, string Name, int Registered, int Recognised, int Replicated);

    /// <summary>One obligation of the year as the page heads it: the task, its registration date, its quota and how many units it reaches.</summary>
    public sealed record Obligation(string Title, DateOnly DueOn, int Quota, int Units);

    private static readonly OrgUnitKind[] Obliged =
        [OrgUnitKind.Department, OrgUnitKind.Inspectorate, OrgUnitKind.PublicServiceUnit, OrgUnitKind.Commune, OrgUnitKind.Ward, OrgUnitKind.SpecialZone];

    [BindProperty(SupportsGet = true, Name = "year")]
    public int? Year { get; set; }

    /// <summary>Only units short of their quota.</summary>
    [BindProperty(SupportsGet = true, Name = "none")]
    public bool NoneOnly { get; set; }

    [BindProperty(SupportsGet = true, Name = "page")]
    public int? PageNumber { get; set; }

    public PagedList<UnitCounts> Units { get; private set; } = null!;

    public IReadOnlyList<Obligation> Obligations { get; private set; } = [];

    /// <summary>The models each obliged unit must register (the highest quota of the year's obligations; 1 without any).</summary>
    public int Quota { get; private set; } = 1;

    /// <summary>The earliest registration date of the year's obligations has passed.</summary>
    public bool PastDue { get; private set; }

    public int Without { get; private set; }

    public int Total { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var scope = (await currentUser.GetScopeAsync(ct))!;
        if (!ModelAccessRules.CanSeeCompliance(scope))
        {
            return this.ForbidRole(scope, "xem tình hình đăng ký mô hình của các đơn vị", "cơ quan điều phối và cơ quan thẩm định");
        }

        var today = VietnamClock.Today(clock);
        var year = Year is >= 2000 and <= 2100 ? Year.Value : today.Year;
        Year = year;
        var prefix = scope.ScopePrefix;
        var inScope = db.OrgUnits.AsNoTracking().Where(u => u.AncestorPath.StartsWith(prefix));
        var tasks = db.WorkItems.AsNoTracking().Where(w => w.ModelQuota != null && w.ModelYear == year && w.WithdrawnAtUtc == null);
        Obligations = await (from w in tasks
                             join u in inScope on w.LeadUnitId equals u.Id
                             group w by new { w.Title, w.PeriodEnd, w.ModelQuota } into g
                             orderby g.Key.PeriodEnd, g.Key.Title
                             select new Obligation(g.Key.Title, g.Key.PeriodEnd, g.Key.ModelQuota!.Value, g.Count())).Take(20).ToListAsync(ct);
        var units = Obligations.Count > 0
            ? inScope.Where(u => tasks.Select(w => w.LeadUnitId).Contains(u.Id))
            : inScope.Where(u => u.ValidTo == null && Obliged.Contains(u.Kind));
        Quota = Obligations.Count > 0 ? Obligations.Max(o => o.Quota) : 1;
        PastDue = Obligations.Count > 0 && today > Obligations.Min(o => o.DueOn);
        var quota = Quota;
        var registered = db.MobilizationModels.Where(ModelObligationRules.Counted).Where(m => m.Year == year);
        Total = await units.CountAsync(ct);
        Without = await units.CountAsync(u => registered.Count(m => m.UnitId == u.Id) < quota, ct);
        if (NoneOnly)
        {
            units = units.Where(u => registered.Count(m => m.UnitId == u.Id) < quota);
        }

        var page = await units.OrderBy(u => registered.Count(m => m.UnitId == u.Id)).ThenByVietnamese(db, u => u.Name).ThenBy(u => u.Id)
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
