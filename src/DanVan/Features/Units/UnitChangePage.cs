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

    /// <summary>htmx: units in the user's scope matching a typed name, to pick a new parent or a merge target.</summary>
    public async Task<IActionResult> OnGetLookupAsync(string? q, string? field, [FromServices] TimeProvider clock, CancellationToken ct)
    {
        if (await LoadAsync(UnitOperation.Read, ct) is { } failed)
        {
            return failed;
        }

        var today = VietnamClock.Today(clock);
        var rows = string.IsNullOrWhiteSpace(q)
            ? []
            : await db.OrgUnits.AsNoTracking().InScope(Scope).Current(false, today).Matching(q)
                .Where(u => u.Id != Id).Ordered().Take(20).ToRows(db, false, today).ToListAsync(ct);
        return Partial("_LookupResults", new LookupModel(rows, field == "TargetId" ? "Input.TargetId" : "Input.NewParentId", q));
    }
}

public sealed record LookupModel(IReadOnlyList<UnitRow> Rows, string FieldName, string? Query);
