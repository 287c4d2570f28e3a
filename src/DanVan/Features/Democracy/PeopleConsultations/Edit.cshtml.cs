using DanVan.Data;
using DanVan.Domain.Democracy;
using DanVan.Domain.Text;
using DanVan.Features.Shared;
using DanVan.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DanVan.Features.Democracy.PeopleConsultations;

/// <summary>Sửa đợt lấy ý kiến: the commune's own officers and head, with the record's concurrency stamp; a file replaces the one kept.</summary>
[RequestFormLimits(MultipartBodyLengthLimit = 12L * 1024 * 1024)]
[RequestSizeLimit(12L * 1024 * 1024)]
public class EditModel(AppDbContext db, CurrentUser currentUser, PeopleConsultationCommands commands, TimeProvider clock) : PageModel
{
    [BindProperty]
    public PeopleConsultationInput Input { get; set; } = new();

    [BindProperty]
    public IFormFile? Upload { get; set; }

    public PeopleConsultation Row { get; private set; } = null!;

    public List<PeopleConsultationMatter> Matters { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } failed)
        {
            return failed;
        }

        Input = new PeopleConsultationInput
        {
            MatterCode = Row.MatterCode, Subject = Row.Subject, Community = Row.Community, Forms = PeopleConsultationRules.AllForms.Where(f => Row.Forms.HasFlag(f)).ToList(),
            OpensOn = VietnameseText.FormatDate(Row.OpensOn), ClosesOn = VietnameseText.FormatDate(Row.ClosesOn), OpinionsReceived = Row.OpinionsReceived,
            OpinionsAgreed = Row.OpinionsAgreed, OpinionsOther = Row.OpinionsOther, Response = Row.Response, Decision = Row.Decision,
            DecidedOn = Row.DecidedOn is { } d ? VietnameseText.FormatDate(d) : null, Stamp = Row.ConcurrencyStamp,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } failed)
        {
            return failed;
        }

        var file = Upload is { Length: > 0 } ? await Documents.UploadedFile.ReadAsync(Upload, ct) : null;
        var result = await commands.UpdateAsync((await currentUser.GetScopeAsync(ct))!, id, Input, file, ct);
        if (this.Failure(result) is { } failure)
        {
            return failure;
        }

        TempData["Message"] = "Đã lưu thay đổi.";
        return Redirect($"/Democracy/PeopleConsultations/Details/{id}");
    }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        if (await LoadedConsultation.LoadAsync(db, (await currentUser.GetScopeAsync(ct))!, id, ct) is not { } found)
        {
            return NotFound();
        }

        if (!found.CanRecord)
        {
            return Forbid();
        }

        Row = found.Row;
        var matters = await commands.MattersAsync(VietnamClock.Today(clock), ct);
        if (found.Matter is { } kept && matters.All(m => m.Code != kept.Code))
        {
            matters.Add(kept); // a kind no longer in force stays choosable for the records made under it
        }

        Matters = matters;
        return null;
    }
}
