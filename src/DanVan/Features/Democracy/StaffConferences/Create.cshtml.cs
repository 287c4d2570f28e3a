using DanVan.Domain.Democracy;
using DanVan.Domain.Text;
using DanVan.Features.Shared;
using DanVan.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DanVan.Features.Democracy.StaffConferences;

/// <summary>Ghi Hội nghị cán bộ, công chức, viên chức of the user's agency for a working year.</summary>
public class CreateModel(CurrentUser currentUser, StaffConferenceCommands commands, TimeProvider clock) : PageModel
{
    [BindProperty]
    public StaffConferenceInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true, Name = "year")]
    public int? ForYear { get; set; }

    public string? RuleText { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var today = VietnamClock.Today(clock);
        Input.Year = StaffConferenceRules.IsYear(ForYear) && ForYear <= today.Year ? ForYear : today.Year - 1;
        Input.HeldOn = VietnameseText.FormatDate(today);
        Input.Form = StaffConferenceForm.Plenary;
        return await LoadAsync(ct) ?? Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } failed)
        {
            return failed;
        }

        var result = await commands.SaveAsync((await currentUser.GetScopeAsync(ct))!, null, Input, null, ct);
        if (this.Failure(result) is { } failure)
        {
            return failure;
        }

        TempData["Message"] = $"Đã ghi Hội nghị cán bộ, công chức, viên chức tổng kết năm {result.Value!.Year}.";
        return Redirect($"/Democracy/StaffConferences/Edit/{result.Value.Id}");
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        if (!await commands.CanRecordAsync((await currentUser.GetScopeAsync(ct))!, ct))
        {
            return Forbid();
        }

        var year = Input.Year is { } y && StaffConferenceRules.IsYear(y) ? y : VietnamClock.Today(clock).Year - 1;
        RuleText = StaffConferenceRules.RuleFor(await commands.RulesAsync(ct), year) is { } rule
            ? $"Tổ chức mỗi năm một lần sau khi kết thúc năm công tác, chậm nhất ngày {VietnameseText.FormatDate(StaffConferenceRules.DueOn(rule, year))} đối với năm {year}; dưới {rule.PlenaryBelow} người thì tổ chức hội nghị toàn thể ({rule.LegalBasis})."
            : null;
        return null;
    }
}
