using System.ComponentModel.DataAnnotations;
using DanVan.Data;
using DanVan.Domain.Units;
using DanVan.Features.Shared;
using DanVan.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Features.Units;

public class CreateModel(AppDbContext db, CurrentUser currentUser, UnitCommands commands) : PageModel
{
    public sealed class InputModel
    {
        [Display(Name = "Mã đơn vị")]
        public string? Code { get; set; }

        [Display(Name = "Tên đơn vị")]
        public string? Name { get; set; }

        [Display(Name = "Loại đơn vị")]
        public OrgUnitKind? Kind { get; set; }

        [Display(Name = "Tên viết tắt")]
        public string? ShortName { get; set; }

        [Display(Name = "Hoạt động từ ngày")]
        public string? ValidFrom { get; set; }

        [Display(Name = "Căn cứ (quyết định thành lập)")]
        public string? LegalBasis { get; set; }
    }

    [BindProperty(SupportsGet = true)]
    public int ParentId { get; set; }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public OrgUnit Parent { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } failed)
        {
            return failed;
        }

        var validFrom = PageResults.ParseDate(ModelState, "Input.ValidFrom", Input.ValidFrom, "ngày bắt đầu hoạt động");
        var scope = (await currentUser.GetScopeAsync(ct))!;
        var command = new CreateUnitCommand(ParentId, Input.Code, Input.Name, Input.Kind, Input.ShortName, validFrom, Input.LegalBasis);

        // With a field already wrong, still report every other problem at once, but save nothing.
        var result = await commands.CreateAsync(scope, command, ct, validateOnly: !ModelState.IsValid);
        if (this.Failure(result) is { } failure)
        {
            return failure;
        }

        TempData["Message"] = $"Đã thêm đơn vị “{result.Value!.Name}”.";
        return Redirect($"/Units/Details/{result.Value.Id}");
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        var parent = await db.OrgUnits.AsNoTracking().FirstOrDefaultAsync(u => u.Id == ParentId, ct);
        if (parent is null)
        {
            return NotFound();
        }

        var scope = (await currentUser.GetScopeAsync(ct))!;
        if (!Domain.Access.UnitAccessRules.Allows(scope, Domain.Access.UnitOperation.CreateChild, parent.AncestorPath, parent.Id))
        {
            return Forbid();
        }

        Parent = parent;
        return null;
    }
}
