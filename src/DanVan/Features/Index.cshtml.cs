using DanVan.Data;
using DanVan.Domain.Access;
using DanVan.Domain.Units;
using DanVan.Features.Units;
using DanVan.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Features;

public class IndexModel(AppDbContext db, CurrentUser currentUser, TimeProvider clock) : PageModel
{
    public UserScope Scope { get; private set; } = null!;

    public OrgUnit? Unit { get; private set; }

    public OrgUnit? ScopeRoot { get; private set; }

    public List<(string Label, int Count)> Counts { get; } = [];

    public DateOnly Today { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Scope = (await currentUser.GetScopeAsync(ct))!;
        Today = VietnamClock.Today(clock);
        Unit = await db.OrgUnits.AsNoTracking().FirstOrDefaultAsync(u => u.Id == Scope.UnitId, ct);
        ScopeRoot = await UnitQueries.ScopeRootAsync(db, Scope, ct);
        var byKind = await db.OrgUnits.AsNoTracking().InScope(Scope).Current(false, Today)
            .GroupBy(u => u.Kind).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        int Sum(params OrgUnitKind[] kinds) => byKind.Where(k => kinds.Contains(k.Key)).Sum(k => k.Count);
        Counts.Add(("Tỉnh, thành phố", Sum(OrgUnitKind.Province)));
        Counts.Add(("Xã, phường, đặc khu", Sum(OrgUnitKind.Commune, OrgUnitKind.Ward, OrgUnitKind.SpecialZone)));
        Counts.Add(("Sở, ban, ngành và cơ quan", Sum(OrgUnitKind.Department, OrgUnitKind.Inspectorate, OrgUnitKind.PeoplesCommittee, OrgUnitKind.CommitteeOffice, OrgUnitKind.PublicServiceUnit)));
        Counts.Add(("Cơ quan Đảng, Mặt trận", Sum(OrgUnitKind.PartyCommittee, OrgUnitKind.PartyBoard, OrgUnitKind.FrontCommittee)));
    }
}
