using DanVan.Infrastructure;
using DanVan.Data;
using DanVan.Domain.Access;
using DanVan.Domain.Plans;
using DanVan.Features.Editing;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Features.Plans;

/// <summary>Thu hồi hoặc xóa kế hoạch, after a confirmation (ADR-019).</summary>
public class RemoveModel(AppDbContext db, CurrentUser currentUser, PlanEditing editing) : RemovePage
{
    public Plan Plan { get; private set; } = null!;

    public string Code { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ?? Page();

    public async Task<IActionResult> OnPostWithdrawAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } failed)
        {
            return failed;
        }

        var result = await editing.WithdrawAsync((await currentUser.GetScopeAsync(ct))!, id, Version, Reason, ct);
        if (!result.IsOk)
        {
            return Refused(result);
        }

        TempData["Message"] = $"Đã thu hồi kế hoạch {Code}.";
        return Redirect($"/Plans/Details/{id}");
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } failed)
        {
            return failed;
        }

        var result = await editing.DeleteAsync((await currentUser.GetScopeAsync(ct))!, id, Version, ct);
        if (!result.IsOk)
        {
            return Refused(result);
        }

        TempData["Message"] = $"Đã xóa nội dung kế hoạch {Code}; văn bản vẫn còn trong sổ văn bản.";
        return Redirect($"/Documents/Details/{Plan.DocumentId}");
    }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        var found = await (from p in db.Plans.AsNoTracking()
                           where p.Id == id
                           join d in db.Documents on p.DocumentId equals d.Id
                           join o in db.OrgUnits on p.OwnerUnitId equals o.Id
                           select new { p, d.Code, o.AncestorPath }).FirstOrDefaultAsync(ct);
        var scope = (await currentUser.GetScopeAsync(ct))!;
        if (found is null || !DocumentAccessRules.CanRead(scope, found.AncestorPath, found.p.OwnerUnitId))
        {
            return NotFound();
        }

        if (!EditAccessRules.CanRemove(scope, found.AncestorPath, found.p.OwnerUnitId))
        {
            return Forbid();
        }

        Plan = found.p;
        Code = found.Code;
        var info = await editing.InfoAsync(scope, found.p, found.AncestorPath, ct);
        View = new RemoveView("kế hoạch", $"/Plans/Details/{id}", info, found.p.Version,
            "Văn bản đã đăng ký vẫn còn trong sổ văn bản; nhiệm vụ đã giao theo kế hoạch vẫn tiếp tục đến khi được thu hồi riêng.");
        return null;
    }
}
