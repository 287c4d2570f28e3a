using DanVan.Data;
using DanVan.Domain.Access;
using DanVan.Domain.Democracy;
using DanVan.Features.Shared;
using DanVan.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Features.Democracy.Decisions;

/// <summary>Ghi kết quả biểu quyết: the matter, the community, the form, the households; DanVan counts the outcome.</summary>
public class CreateModel(AppDbContext db, CurrentUser currentUser, DecisionCommands commands, TimeProvider clock) : PageModel
{
    [BindProperty]
    public DecisionInput Input { get; set; } = new();

    public List<DecisionRule> Rules { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Input.HeldOn = Domain.Text.VietnameseText.FormatDate(VietnamClock.Today(clock));
        Input.Form = DecisionForm.Meeting;
        return await LoadAsync(ct) ?? Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } failed)
        {
            return failed;
        }

        var result = await commands.RecordAsync((await currentUser.GetScopeAsync(ct))!, Input, ct);
        if (this.Failure(result) is { } failure)
        {
            return failure;
        }

        TempData["Message"] = "Đã ghi kết quả: " + DecisionMinutesDocx.Outcome(result.Value!);
        return Redirect($"/Democracy/Decisions/Details/{result.Value!.Id}");
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        var scope = (await currentUser.GetScopeAsync(ct))!;
        var kind = await db.OrgUnits.AsNoTracking().Where(u => u.Id == scope.UnitId).Select(u => u.Kind).FirstOrDefaultAsync(ct);
        if (!DisclosureAccessRules.CanRecord(scope, scope.UnitId) || DisclosureRules.ScopeOf(kind) != DisclosureScope.Commune)
        {
            return Forbid();
        }

        Rules = await commands.RulesAsync(VietnamClock.Today(clock), ct);
        return null;
    }
}
