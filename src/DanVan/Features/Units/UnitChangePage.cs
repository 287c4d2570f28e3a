using DanVan.Data;
using DanVan.Domain.Access;
using DanVan.Domain.Units;
using DanVan.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Features.Units;

/// <summary>Shared loading and checks of the pages that change one unit (rename, move, merge).</summary>
public abstract class UnitChangePage(AppDbContext db, CurrentUser currentUser) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int Id { get; set; }

    public OrgUnit Unit { get; private set; } = null!;

    protected UserScope Scope { get; private set; } = null!;

    protected AppDbContext Db => db;

    protected async Task<IActionResult?> LoadAsync(UnitOperation operation, CancellationToken ct)
    {
        var unit = await db.OrgUnits.AsNoTracking().FirstOrDefaultAsync(u => u.Id == Id, ct);
        if (unit is null)
        {
            return NotFound();
        }

        Scope = (await currentUser.GetScopeAsync(ct))!;
        if (!UnitAccessRules.Allows(Scope, operation, unit.AncestorPath, unit.Id))
        {
            return Forbid();
        }

        Unit = unit;
        return null;
    }
}
