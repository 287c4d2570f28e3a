using DanVan.Infrastructure;
using DanVan.Domain.WorkItems;
using DanVan.Features.Editing;
using Microsoft.AspNetCore.Mvc;

namespace DanVan.Features.Tasks;

/// <summary>Thu hồi hoặc xóa nhiệm vụ (reached by one of its deadlines), after a confirmation (ADR-019).</summary>
public class RemoveModel(CurrentUser currentUser, WorkItemEditing editing) : RemovePage
{
    public WorkItem Item { get; private set; } = null!;

    public int DeadlineId { get; private set; }

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

        TempData["Message"] = "Đã thu hồi nhiệm vụ; đơn vị chủ trì được thông báo.";
        return Redirect($"/Tasks/Details/{id}");
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

        TempData["Message"] = $"Đã xóa nhiệm vụ “{Item.Title}”.";
        return Redirect("/Tasks");
    }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        var scope = (await currentUser.GetScopeAsync(ct))!;
        if (await editing.InfoAsync(scope, id, ct) is not var (item, info))
        {
            return NotFound();
        }

        if (!info.CanRemove && item.WithdrawnAtUtc is null)
        {
            return Forbid();
        }

        Item = item;
        DeadlineId = id;
        View = new RemoveView("nhiệm vụ", $"/Tasks/Details/{id}", info, item.Version,
            item.Recurrence == RecurrenceKind.Once ? null : "Thu hồi hoặc xóa áp dụng cho mọi kỳ hạn của nhiệm vụ định kỳ.");
        return null;
    }
}
