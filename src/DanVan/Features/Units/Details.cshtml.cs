using DanVan.Data;
using DanVan.Domain.Access;
using DanVan.Domain.Units;
using DanVan.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using DanVan.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Features.Units;

public class DetailsModel(AppDbContext db, CurrentUser currentUser, IAuthorizationService authorization, TimeProvider clock) : PageModel
{
    public OrgUnit Unit { get; private set; } = null!;

    public List<OrgUnit> Ancestors { get; private set; } = [];

    public List<UnitRow> Children { get; private set; } = [];

    public List<OrgUnitEvent> Events { get; private set; } = [];

    public List<(OrgUnit Unit, DateOnly Date)> Successors { get; private set; } = [];

    public List<(OrgUnit Unit, DateOnly Date)> Predecessors { get; private set; } = [];

    public Dictionary<int, string> ParentNames { get; private set; } = [];

    public int StaffCount { get; private set; }

    public string? ParentUnitName { get; private set; }

    public HashSet<UnitOperation> Allowed { get; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var unit = await db.OrgUnits.AsNoTracking().FirstOrDefaultAsync(u => u.Id == id, ct);
        if (unit is null)
        {
            return NotFound();
        }

        var resource = new UnitResource(unit.Id, unit.AncestorPath);
        if (!(await authorization.AuthorizeAsync(User, resource, UnitOperations.Read)).Succeeded)
        {
            return this.ForbidScope();
        }

        Unit = unit;
        var scope = (await currentUser.GetScopeAsync(ct))!;
        foreach (var op in Enum.GetValues<UnitOperation>())
        {
            if (UnitAccessRules.Allows(scope, op, unit.AncestorPath, unit.Id))
            {
                Allowed.Add(op);
            }
        }

        // Breadcrumb links only to what the user may open.
        var ancestors = await UnitQueries.AncestorsAsync(db, unit, ct);
        ParentUnitName = ancestors.LastOrDefault()?.Name;
        Ancestors = ancestors.Where(a => scope.CanSee(a.AncestorPath, a.Id)).ToList();
        Children = await UnitQueries.ChildrenAsync(db, unit.Id, includeHistory: true, VietnamClock.Today(clock), ct);
        Events = await db.OrgUnitEvents.AsNoTracking().Where(e => e.UnitId == id).OrderByDescending(e => e.EffectiveDate).ThenByDescending(e => e.Id).ToListAsync(ct);
        Successors = (await db.OrgUnitSuccessions.AsNoTracking().Where(s => s.PredecessorId == id)
                .Join(db.OrgUnits.AsNoTracking(), s => s.SuccessorId, u => u.Id, (s, u) => new { u, s.EffectiveDate }).ToListAsync(ct))
            .Select(x => (x.u, x.EffectiveDate)).ToList();
        Predecessors = (await db.OrgUnitSuccessions.AsNoTracking().Where(s => s.SuccessorId == id)
                .Join(db.OrgUnits.AsNoTracking(), s => s.PredecessorId, u => u.Id, (s, u) => new { u, s.EffectiveDate }).ToListAsync(ct))
            .Select(x => (x.u, x.EffectiveDate)).ToList();
        var parentIds = Events.SelectMany(e => new[] { e.OldParentId, e.NewParentId }).Where(i => i is not null).Select(i => i!.Value).Distinct().ToList();
        ParentNames = await db.OrgUnits.AsNoTracking().Where(u => parentIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        StaffCount = await db.Users.CountAsync(u => u.OrgUnitId == id, ct);
        return Page();
    }

    public string ParentName(int? id) => id is { } i && ParentNames.TryGetValue(i, out var n) ? n : "—";
}
