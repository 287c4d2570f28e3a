using System.ComponentModel.DataAnnotations;
using DanVan.Data;
using DanVan.Domain.Access;
using DanVan.Domain.Units;
using DanVan.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace DanVan.Features.Units;

public sealed class RenameInput : UnitChangeInput
{
    [Display(Name = "Tên mới")]
    public string? NewName { get; set; }
}

public class RenameModel(AppDbContext db, CurrentUser currentUser, UnitCommands commands)
    : UnitChangePage<RenameInput>(db, currentUser, UnitOperation.Rename)
{
    public override async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var failed = await LoadAsync(ct);
        Input.NewName ??= failed is null ? Unit.Name : null;
        return failed ?? Page();
    }

    protected override Task<Result<OrgUnit>> RunAsync(DateOnly? effectiveDate, CancellationToken ct) =>
        commands.RenameAsync(Scope, new RenameUnitCommand(Id, Input.NewName, effectiveDate, Input.LegalBasis), ct);

    protected override string SuccessMessage(OrgUnit result) => $"Đã đổi tên thành “{result.Name}”.";
}
