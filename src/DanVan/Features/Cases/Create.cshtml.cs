using DanVan.Domain.Access;
using DanVan.Domain.Text;
using DanVan.Features.Shared;
using DanVan.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DanVan.Features.Cases;

/// <summary>Tiếp nhận đơn: the officer enters a đơn; DanVan gives its code, receipt key and first deadline.</summary>
public class CreateModel(CurrentUser currentUser, CaseCommands commands, TimeProvider clock) : PageModel
{
    [BindProperty]
    public CaseIntake Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var scope = (await currentUser.GetScopeAsync(ct))!;
        if (!CaseAccessRules.CanHandle(scope, scope.UnitId))
        {
            return Forbid();
        }

        Input.ReceivedOn = VietnameseText.FormatDate(VietnamClock.Today(clock));
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var scope = (await currentUser.GetScopeAsync(ct))!;
        if (!ModelState.IsValid)
        {
            return CaseAccessRules.CanHandle(scope, scope.UnitId) ? Page() : Forbid();
        }

        var result = await commands.RegisterAsync(scope, Input, ct);
        if (this.Failure(result) is { } failure)
        {
            return failure;
        }

        TempData["Message"] = $"Đã vào sổ đơn {result.Value!.Case.Code}. Mã bảo mật in trên phiếu biên nhận cho người gửi: {result.Value.AccessKey} (chỉ hiện một lần).";
        return Redirect($"/Cases/Details/{result.Value.Case.Id}");
    }
}
