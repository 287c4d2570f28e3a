using DanVan.Data;
using DanVan.Domain.Units;
using DanVan.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Features.Plans;

public sealed record ToAdoptRow(int PlanId, string Code, string Title, string Issuer, DateOnly? DueOn, int? AdoptedPlanId);

public sealed record ToAdoptPartial(IReadOnlyList<ToAdoptRow> Rows, DateOnly Today);

/// <summary>Kế hoạch cần xây dựng: the cascaded plans of the units above mine that oblige my unit.</summary>
public class ToAdoptModel(AppDbContext db, CurrentUser currentUser, TimeProvider clock) : PageModel
{
    public List<ToAdoptRow> Rows { get; private set; } = [];

    public DateOnly Today { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var scope = (await currentUser.GetScopeAsync(ct))!;
        Today = VietnamClock.Today(clock);
        Rows = await ToAdoptAsync(db, scope, ct);
    }

    /// <summary>The plans above the user's unit that oblige it to adopt its own, the not-yet-adopted first.</summary>
    public static async Task<List<ToAdoptRow>> ToAdoptAsync(AppDbContext db, Domain.Access.UserScope scope, CancellationToken ct)
    {
        var unit = await db.OrgUnits.AsNoTracking().FirstAsync(u => u.Id == scope.UnitId, ct);
        var above = UnitPaths.Ancestors(unit.AncestorPath);
        var candidates = await (from p in db.Plans.AsNoTracking()
                                where p.RequiresAdoption && p.WithdrawnAtUtc == null && above.Contains(p.OwnerUnitId)
                                join d in db.Documents on p.DocumentId equals d.Id
                                select new { p.Id, p.AdoptionKinds, d.Code, d.Title, d.IssuerName, p.AdoptionDueOn,
                                    Adopted = db.Plans.Where(c => c.ParentPlanId == p.Id && c.OwnerUnitId == unit.Id && c.WithdrawnAtUtc == null).Select(c => (int?)c.Id).FirstOrDefault() })
            .ToListAsync(ct);
        return candidates
            .Where(c => string.IsNullOrEmpty(c.AdoptionKinds) || c.AdoptionKinds.Split(',').Contains(unit.Kind.ToString()))
            .OrderBy(c => c.Adopted != null).ThenBy(c => c.AdoptionDueOn)
            .Select(c => new ToAdoptRow(c.Id, c.Code, c.Title, c.IssuerName, c.AdoptionDueOn, c.Adopted)).ToList();
    }
}
