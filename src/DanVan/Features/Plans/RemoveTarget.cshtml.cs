using DanVan.Infrastructure;
using DanVan.Data;
using DanVan.Domain.Access;
using DanVan.Domain.Plans;
using DanVan.Features.Editing;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Features.Plans;

/// <summary>Thu hồi hoặc xóa một chỉ tiêu, after a confirmation (ADR-019).</summary>
public class RemoveTargetModel(AppDbContext db, CurrentUser currentUser, TargetEditing editing) : RemovePage
{
    public PlanTarget Target { get; private set; } = null!;

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

        TempData["Message"] = "Đã thu hồi chỉ tiêu.";
        return Redirect($"/Plans/Details/{Target.PlanId}");
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

        TempData["Message"] = "Đã xóa chỉ tiêu.";
        return Redirect($"/Plans/Details/{Target.PlanId}");
    }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        var scope = (await currentUser.GetScopeAsync(ct))!;
        var found = await editing.LoadAsync(id, ct);
        if (found is not var (target, owner, planWithdrawn) || !DocumentAccessRules.CanRead(scope, owner.AncestorPath, owner.Id))
        {
            return NotFound();
        }

        if (!EditAccessRules.CanRemove(scope, owner.AncestorPath, owner.Id))
        {
            return Forbid();
        }

        Target = target;
        Code = await db.Plans.Where(p => p.Id == target.PlanId).Join(db.Documents, p => p.DocumentId, d => d.Id, (p, d) => d.Code).FirstAsync(ct);
        View = new RemoveView("chỉ tiêu", $"/Plans/Details/{target.PlanId}", await editing.InfoAsync(scope, target, owner, planWithdrawn, ct), target.Version,
            "Chỉ tiêu đã được các kế hoạch cấp dưới kế thừa vẫn giữ nguyên ở các kế hoạch đó.");
        return null;
    }
}
