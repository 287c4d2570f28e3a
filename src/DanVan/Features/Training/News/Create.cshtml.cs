using DanVan.Domain.Access;
using DanVan.Domain.Text;
using DanVan.Domain.Training;
using DanVan.Features.Shared;
using DanVan.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DanVan.Features.Training.News;

/// <summary>Ghi nhận tin, bài, phóng sự, chuyên mục phát thanh, truyền hình đã đăng, phát.</summary>
public class CreateModel(CurrentUser currentUser, NewsCommands commands, TimeProvider clock) : PageModel
{
    [BindProperty]
    public NewsInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var scope = (await currentUser.GetScopeAsync(ct))!;
        if (!DisclosureAccessRules.CanRecord(scope, scope.UnitId))
        {
            return Forbid();
        }

        Input.PublishedOn = VietnameseText.FormatDate(VietnamClock.Today(clock));
        Input.Kind = NewsKind.News;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var result = await commands.RecordAsync((await currentUser.GetScopeAsync(ct))!, Input, ct);
        if (this.Failure(result) is { } failure)
        {
            return failure;
        }

        TempData["Message"] = $"Đã ghi nhận «{result.Value!.Title}».";
        return Redirect("/Training/News");
    }
}
