using DanVan.Data;
using DanVan.Domain.Units;
using DanVan.Features.Units;
using DanVan.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using DanVan.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Features.Tasks;

public sealed record BoardLine(int? UnitId, string Name, int ChildCount, int Overdue, int DueSoon, int Open, int OnTime, int Late, int AwaitingConfirmation = 0)
{
    public int Done => OnTime + Late;

    public int OnTimePercent => Done == 0 ? 0 : (int)Math.Round(100.0 * OnTime / Done);
}

/// <summary>The coordinator's board: overdue and due-soon deadlines per unit, drilling down the tree.</summary>
public class BoardModel(AppDbContext db, CurrentUser currentUser, IAuthorizationService authorization, TimeProvider clock, IConfiguration configuration) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "unitId")]
    public int? UnitId { get; set; }

    public OrgUnit Root { get; private set; } = null!;

    public List<OrgUnit> Ancestors { get; private set; } = [];

    public List<BoardLine> Lines { get; private set; } = [];

    public BoardLine Total { get; private set; } = null!;

    public List<DeadlineRow> Overdue { get; private set; } = [];

    public List<DeadlineRow> DueSoon { get; private set; } = [];

    public DateOnly Today { get; private set; }

    public DateTime NowUtc { get; private set; }

    public int SoonDays => configuration.GetValue("Tasks:DueSoonDays", 7);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var scope = (await currentUser.GetScopeAsync(ct))!;
        var root = UnitId is { } id
            ? await db.OrgUnits.AsNoTracking().FirstOrDefaultAsync(u => u.Id == id, ct)
            : await UnitQueries.ScopeRootAsync(db, scope, ct);
        if (root is null)
        {
            return NotFound();
        }

        if (!(await authorization.AuthorizeAsync(User, new UnitResource(root.Id, root.AncestorPath), UnitOperations.Read)).Succeeded)
        {
            return this.ForbidScope();
        }

        Root = root;
        Today = VietnamClock.Today(clock);
        NowUtc = clock.GetUtcNow().UtcDateTime;
        Ancestors = (await UnitQueries.AncestorsAsync(db, root, ct)).Where(a => scope.CanSee(a.AncestorPath, a.Id)).ToList();
        var soonEnd = Today.AddDays(SoonDays);
        // The root passed the Read check, so everything led within its subtree is in the user's scope: no VisibleTo filter.
        var within = await db.WorkItemDeadlines.AsNoTracking().LedWithinAsync(db, root.Id, root.SubtreePrefix, ct);

        // One grouped query for the whole subtree, then buckets by child in memory: no query per unit.
        var byUnit = await within.GroupBy(d => d.LeadUnitId).Select(g => new
        {
            UnitId = g.Key,
            Overdue = g.Count(d => d.CompletedOn == null && d.DueOn < Today),
            Soon = g.Count(d => d.CompletedOn == null && d.DueOn >= Today && d.DueOn <= soonEnd),
            Open = g.Count(d => d.CompletedOn == null),
            OnTime = g.Count(d => d.CompletedOn != null && d.CompletedOn <= d.DueOn),
            Late = g.Count(d => d.CompletedOn != null && d.CompletedOn > d.DueOn),
            Reported = g.Count(d => d.ReportedCompletedOn != null),
        }).ToListAsync(ct);
        var ids = byUnit.Select(b => b.UnitId).ToList();
        var paths = await db.OrgUnits.AsNoTracking().Where(u => ids.Contains(u.Id)).Select(u => new { u.Id, u.AncestorPath }).ToDictionaryAsync(u => u.Id, u => u.AncestorPath, ct);
        var children = await UnitQueries.ChildrenAsync(db, root.Id, includeHistory: false, Today, ct);

        // Each lead unit counts for the child of the root it lies under: the path segment after the root's prefix (one
        // pass over the units, not one per child: the country's board has 35,000 lead units under 34 provinces).
        var rootPrefix = root.SubtreePrefix;
        int ChildOf(int unitId)
        {
            var path = paths.GetValueOrDefault(unitId, "") + unitId.ToString(System.Globalization.CultureInfo.InvariantCulture) + "/";
            if (unitId == root.Id || !path.StartsWith(rootPrefix, StringComparison.Ordinal))
            {
                return root.Id;
            }

            var end = path.IndexOf('/', rootPrefix.Length);
            return int.Parse(path.AsSpan(rootPrefix.Length, end - rootPrefix.Length), System.Globalization.CultureInfo.InvariantCulture);
        }

        var byChild = byUnit.GroupBy(b => ChildOf(b.UnitId)).ToDictionary(g => g.Key, g => g.ToList());

        BoardLine Sum(int? unitId, string name, int childCount, IEnumerable<int> keys)
        {
            var rows = keys.SelectMany(k => byChild.GetValueOrDefault(k) ?? []).ToList();
            return new BoardLine(unitId, name, childCount, rows.Sum(r => r.Overdue), rows.Sum(r => r.Soon), rows.Sum(r => r.Open), rows.Sum(r => r.OnTime), rows.Sum(r => r.Late), rows.Sum(r => r.Reported));
        }

        var own = Sum(null, root.Name + " (trực tiếp chủ trì)", 0, [root.Id]);
        Lines = children
            .Select(c => Sum(c.Id, c.Name, c.ChildCount, [c.Id]))
            .Where(l => l.Open + l.Done > 0)
            .Prepend(own).Where(l => l.Open + l.Done > 0)
            .OrderByDescending(l => l.Overdue).ThenByDescending(l => l.DueSoon).ThenBy(l => l.Name, StringComparer.Ordinal)
            .ToList();
        Total = Sum(root.Id, "Tổng cộng", 0, byChild.Keys);

        Overdue = await within.Where(d => d.CompletedOn == null && d.DueOn < Today).OrderBy(d => d.DueOn).ThenBy(d => d.Id).ToRows(db).Take(50).ToListAsync(ct);
        DueSoon = await within.Where(d => d.CompletedOn == null && d.DueOn >= Today && d.DueOn <= soonEnd).OrderBy(d => d.DueOn).ThenBy(d => d.Id).ToRows(db).Take(50).ToListAsync(ct);
        return Page();
    }
}
