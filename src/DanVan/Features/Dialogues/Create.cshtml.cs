using DanVan.Domain.Access;
using DanVan.Features.Shared;
using DanVan.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DanVan.Features.Dialogues;

/// <summary>Lên kế hoạch đối thoại: topic, chair, with whom, when and where; the notice date when already posted.</summary>
public class CreateModel(CurrentUser currentUser, DialogueCommands commands) : PageModel
{
    [BindProperty]
    public DialogueInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var scope = (await currentUser.GetScopeAsync(ct))!;
        return DialogueAccessRules.CanManage(scope, scope.UnitId) ? Page() : Forbid();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var scope = (await currentUser.GetScopeAsync(ct))!;
        if (!ModelState.IsValid)
        {
            return DialogueAccessRules.CanManage(scope, scope.UnitId) ? Page() : Forbid();
        }

        var result = await commands.PlanAsync(scope, Input, ct);
        if (this.Failure(result) is { } failure)
        {
            return failure;
        }

        TempData["Message"] = result.Value!.NoticeOn is null
            ? "Đã lưu kế hoạch đối thoại. Ghi ngày thông báo khi đã niêm yết, đăng tải công khai."
            : "Đã lưu kế hoạch và thông báo đối thoại; thông báo đã hiện trên trang công khai.";
        return Redirect($"/Dialogues/Details/{result.Value.Id}");
    }
}
