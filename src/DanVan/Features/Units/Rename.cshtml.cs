using System.ComponentModel.DataAnnotations;
using DanVan.Data;
using DanVan.Domain.Access;
using DanVan.Features.Shared;
using DanVan.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace DanVan.Features.Units;

public class RenameModel(AppDbContext db, CurrentUser currentUser, UnitCommands commands) : UnitChangePage(db, currentUser)
{
    public sealed class InputModel
    {
        [Display(Name = "Tên mới")]
        public string? NewName { get; set; }

        [Display(Name = "Ngày hiệu lực")]
        public string? EffectiveDate { get; set; }

        [Display(Name = "Căn cứ")]
        public string? LegalBasis { get; set; }
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var failed = await LoadAsync(UnitOperation.Rename, ct);
        Input.NewName ??= failed is null ? Unit.Name : null;
        return failed ?? Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await LoadAsync(UnitOperation.Rename, ct) is { } failed)
        {
            return failed;
        }

        var date = PageResults.ParseDate(ModelState, "Input.EffectiveDate", Input.EffectiveDate, "ngày hiệu lực");
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await commands.RenameAsync(Scope, new RenameUnitCommand(Id, Input.NewName, date, Input.LegalBasis), ct);
        if (this.Failure(result) is { } failure)
        {
            return failure;
        }

        TempData["Message"] = $"Đã đổi tên thành “{result.Value!.Name}”.";
        return Redirect($"/Units/Details/{Id}");
    }
}
