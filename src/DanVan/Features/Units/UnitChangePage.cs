using System.ComponentModel.DataAnnotations;
using DanVan.Data;
using DanVan.Domain.Access;
using DanVan.Domain.Units;
using DanVan.Features.Shared;
using DanVan.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Features.Units;

/// <summary>The fields every dated change of a unit has.</summary>
public class UnitChangeInput
{
    [Display(Name = "Ngày hiệu lực")]
    public string? EffectiveDate { get; set; }

    [Display(Name = "Căn cứ")]
    public string? LegalBasis { get; set; }
}

/// <summary>Shared loading, checks and posting of the pages that change one unit (rename, move, merge, split).</summary>
public abstract class UnitChangePage<TInput>(AppDbContext db, CurrentUser currentUser, UnitOperation operation) : PageModel
    where TInput : UnitChangeInput, new()
{
    [BindProperty(SupportsGet = true)]
    public int Id { get; set; }

    [BindProperty]
    public TInput Input { get; set; } = new();

    public OrgUnit Unit { get; private set; } = null!;

    protected UserScope Scope { get; private set; } = null!;

    /// <summary>Whether the effective date must be given (otherwise it defaults to today).</summary>
    protected virtual bool DateRequired => false;

    public virtual async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } failed)
        {
            return failed;
        }

        var date = PageResults.ParseDate(ModelState, "Input.EffectiveDate", Input.EffectiveDate, "ngày hiệu lực", DateRequired);
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await RunAsync(date, ct);
        if (this.Failure(result) is { } failure)
        {
            return failure;
        }

        TempData["Message"] = SuccessMessage(result.Value!);
        return Redirect($"/Units/Details/{RedirectTo(result.Value!)}");
    }

    protected abstract Task<Result<OrgUnit>> RunAsync(DateOnly? effectiveDate, CancellationToken ct);

    protected abstract string SuccessMessage(OrgUnit result);

    protected virtual int RedirectTo(OrgUnit result) => Id;

    protected async Task<IActionResult?> LoadAsync(CancellationToken ct)
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
