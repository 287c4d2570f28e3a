using DanVan.Data;
using DanVan.Domain.Democracy;
using DanVan.Domain.Text;
using DanVan.Features.Shared;
using DanVan.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DanVan.Features.Democracy.PeopleConsultations;

/// <summary>Ghi đợt lấy ý kiến Nhân dân: the matter, scope, forms, dates, opinions, the response and the decision, with a file.</summary>
[RequestFormLimits(MultipartBodyLengthLimit = 12L * 1024 * 1024)]
[RequestSizeLimit(12L * 1024 * 1024)]
public class CreateModel(CurrentUser currentUser, PeopleConsultationCommands commands, TimeProvider clock) : PageModel
{
    [BindProperty]
    public PeopleConsultationInput Input { get; set; } = new();

    [BindProperty]
    public IFormFile? Upload { get; set; }

    public List<PeopleConsultationMatter> Matters { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var today = VietnamClock.Today(clock);
        Input.OpensOn = VietnameseText.FormatDate(today.AddDays(-14));
        Input.ClosesOn = VietnameseText.FormatDate(today);
        return await LoadAsync(ct) ?? Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } failed)
        {
            return failed;
        }

        // The request limit (12 MB) bounds what is read; the command refuses a file over its own limit with a message.
        var file = Upload is { Length: > 0 } ? await Documents.UploadedFile.ReadAsync(Upload, ct) : null;
        var result = await commands.RecordAsync((await currentUser.GetScopeAsync(ct))!, Input, file, ct);
        if (this.Failure(result) is { } failure)
        {
            return failure;
        }

        TempData["Message"] = $"Đã ghi đợt lấy ý kiến Nhân dân «{result.Value!.Subject}».";
        return Redirect($"/Democracy/PeopleConsultations/Details/{result.Value.Id}");
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        var scope = (await currentUser.GetScopeAsync(ct))!;
        if (!await commands.CanRecordAsync(scope, ct))
        {
            return Forbid();
        }

        Matters = await commands.MattersAsync(VietnamClock.Today(clock), ct);
        return null;
    }
}
