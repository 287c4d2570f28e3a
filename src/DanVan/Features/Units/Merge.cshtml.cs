using System.ComponentModel.DataAnnotations;
using DanVan.Data;
using DanVan.Domain.Access;
using DanVan.Features.Shared;
using DanVan.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace DanVan.Features.Units;

public class MergeModel(AppDbContext db, CurrentUser currentUser, UnitCommands commands) : UnitChangePage(db, currentUser)
{
    public sealed class InputModel
    {
        [Display(Name = "Đơn vị nhận sáp nhập")]
        public int? TargetId { get; set; }

        [Display(Name = "Ngày hiệu lực")]
        public string? EffectiveDate { get; set; }

        [Display(Name = "Căn cứ")]
        public string? LegalBasis { get; set; }
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(UnitOperation.Merge, ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await LoadAsync(UnitOperation.Merge, ct) is { } failed)
        {
            return failed;
        }

        var date = PageResults.ParseDate(ModelState, "Input.EffectiveDate", Input.EffectiveDate, "ngày hiệu lực", required: true);
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await commands.MergeAsync(Scope, new MergeUnitsCommand([Id], Input.TargetId, date, Input.LegalBasis), ct);
        if (this.Failure(result) is { } failure)
        {
            return failure;
        }

        TempData["Message"] = $"Đã sáp nhập “{Unit.Name}” vào “{result.Value!.Name}”.";
        return Redirect($"/Units/Details/{result.Value.Id}");
    }
}
