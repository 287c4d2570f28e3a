using DanVan.Infrastructure;
using DanVan.Data;
using DanVan.Domain.Access;
using DanVan.Domain.Documents;
using DanVan.Features.Editing;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Features.Documents;

/// <summary>Thu hồi hoặc xóa văn bản, after a confirmation (ADR-019).</summary>
public class RemoveModel(AppDbContext db, CurrentUser currentUser, DocumentEditing editing) : RemovePage
{
    public Document Document { get; private set; } = null!;

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

        TempData["Message"] = $"Đã thu hồi văn bản {Document.Code}.";
        return Redirect($"/Documents/Details/{id}");
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

        TempData["Message"] = $"Đã xóa văn bản {Document.Code}.";
        return Redirect("/Documents");
    }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        var found = await db.Documents.AsNoTracking().Where(d => d.Id == id)
            .Join(db.OrgUnits, d => d.OwnerUnitId, o => o.Id, (d, o) => new { d, o.AncestorPath }).FirstOrDefaultAsync(ct);
        var scope = (await currentUser.GetScopeAsync(ct))!;
        if (found is null || !DocumentAccessRules.CanRead(scope, found.AncestorPath, found.d.OwnerUnitId))
        {
            return NotFound();
        }

        if (!EditAccessRules.CanRemove(scope, found.AncestorPath, found.d.OwnerUnitId))
        {
            return Forbid();
        }

        Document = found.d;
        var info = await editing.InfoAsync(scope, found.d, found.AncestorPath, ct);
        View = new RemoveView("văn bản", $"/Documents/Details/{id}", info, found.d.Version,
            info.Dependants.Any(d => d.Label.StartsWith("kế hoạch", StringComparison.Ordinal) && d.Count > 0) ? "Thu hồi văn bản thì nội dung kế hoạch của nó cũng được thu hồi; nhiệm vụ đã giao theo văn bản vẫn tiếp tục đến khi được thu hồi riêng." : null);
        return null;
    }
}
