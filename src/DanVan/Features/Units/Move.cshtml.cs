using System.ComponentModel.DataAnnotations;
using DanVan.Data;
using DanVan.Domain.Access;
using DanVan.Features.Shared;
using DanVan.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace DanVan.Features.Units;

public class MoveModel(AppDbContext db, CurrentUser currentUser, UnitCommands commands) : UnitChangePage(db, currentUser)
{
    public sealed class InputModel
    {
        [Display(Name = "Đơn vị cấp trên mới")]
        public int? NewParentId { get; set; }

        [Display(Name = "Ngày hiệu lực")]
        public string? EffectiveDate { get; set; }

        [Display(Name = "Căn cứ")]
        public string? LegalBasis { get; set; }
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(UnitOperation.Move, ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await LoadAsync(UnitOperation.Move, ct) is { } failed)
        {
            return failed;
        }

        var date = PageResults.ParseDate(ModelState, "Input.EffectiveDate", Input.EffectiveDate, "ngày hiệu lực");
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await commands.MoveAsync(Scope, new MoveUnitCommand(Id, Input.NewParentId, date, Input.LegalBasis), ct);
        if (this.Failure(result) is { } failure)
        {
            return failure;
        }

        TempData["Message"] = "Đã chuyển đơn vị sang đơn vị cấp trên mới.";
        return Redirect($"/Units/Details/{Id}");
    }
}
