using DanVan.Data;
using DanVan.Domain.Access;
using DanVan.Domain.Democracy;
using DanVan.Domain.Text;
using DanVan.Features.Shared;
using DanVan.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Features.Democracy.Disclosures;

/// <summary>Ghi nội dung đã công khai: the item, what was made public, when, how, for how long, with the file.</summary>
[RequestFormLimits(MultipartBodyLengthLimit = 12L * 1024 * 1024)]
[RequestSizeLimit(12L * 1024 * 1024)]
public class CreateModel(AppDbContext db, CurrentUser currentUser, DisclosureCommands commands, TimeProvider clock) : PageModel
{
    [BindProperty]
    public DisclosureInput Input { get; set; } = new();

    [BindProperty]
    public IFormFile? Upload { get; set; }

    public List<DisclosureItem> Items { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int? year, string? item, CancellationToken ct)
    {
        var today = VietnamClock.Today(clock);
        Input.Year = DisclosureRules.IsYear(year) ? year : today.Year;
        Input.ItemCode = item;
        Input.DisclosedOn = VietnameseText.FormatDate(today);
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

        var scope = (await currentUser.GetScopeAsync(ct))!;
        var result = await commands.RecordAsync(scope, Input, file, ct);
        if (this.Failure(result) is { } failure)
        {
            return failure;
        }

        TempData["Message"] = $"Đã ghi nội dung công khai «{result.Value!.Title}» ngày {VietnameseText.FormatDate(result.Value.DisclosedOn)}.";
        return Redirect($"/Democracy/Disclosures?year={result.Value.Year}");
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        var scope = (await currentUser.GetScopeAsync(ct))!;
        var kind = await db.OrgUnits.AsNoTracking().Where(u => u.Id == scope.UnitId).Select(u => u.Kind).FirstOrDefaultAsync(ct);
        if (!DisclosureAccessRules.CanRecord(scope, scope.UnitId) || DisclosureRules.ScopeOf(kind) is not { } list)
        {
            return Forbid();
        }

        var year = DisclosureRules.IsYear(Input.Year) ? Input.Year!.Value : VietnamClock.Today(clock).Year;
        Items = await commands.ItemsAsync(list, year, ct);
        return null;
    }
}
