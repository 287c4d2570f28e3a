using DanVan.Data;
using DanVan.Domain.Access;
using DanVan.Domain.Text;
using DanVan.Features.Documents;
using DanVan.Features.Shared;
using DanVan.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Features.Consultations;

/// <summary>
/// Lấy ý kiến dự thảo mới (or, with ?previous=id, the next round on a revised draft): the draft uploaded as DOCX or
/// pasted, the respondents picked or by kind, the deadline and the rule for silence as the letter writes it.
/// </summary>
public class CreateModel(AppDbContext db, CurrentUser currentUser, ConsultationCommands commands, TimeProvider clock) : PageModel
{
    [BindProperty]
    public ConsultationInput Input { get; set; } = new();

    [BindProperty]
    public IFormFile? DraftFile { get; set; }

    [BindProperty(SupportsGet = true, Name = "previous")]
    public int? PreviousId { get; set; }

    public Domain.Consultations.Consultation? Previous { get; private set; }

    public List<(int Id, string Name, string Code)> Picked { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var scope = (await currentUser.GetScopeAsync(ct))!;
        if (await LoadPreviousAsync(scope, ct) is { } failed)
        {
            return failed;
        }

        if (!ConsultationAccessRules.CanManage(scope, scope.UnitId))
        {
            return Forbid();
        }

        var today = VietnamClock.Today(clock);
        Input.SentOn = VietnameseText.FormatDate(today);
        if (Previous is { } p)
        {
            Input.Title = p.Title;
            Input.Subject = p.Subject;
            Input.SilenceRule = p.SilenceRule;
            Input.SilenceMeansAgreement = p.SilenceMeansAgreement;
            Input.Audience = p.Audience;
            Input.Contact = p.Contact;
            Input.SignerName = p.SignerName;
            Input.SignerAuthority = p.SignerAuthority;
            Input.RespondentUnitIds = await db.ConsultationRespondents.Where(r => r.ConsultationId == p.Id).Select(r => r.UnitId).ToListAsync(ct);
        }

        await LoadPickedAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var scope = (await currentUser.GetScopeAsync(ct))!;
        if (await LoadPreviousAsync(scope, ct) is { } failed)
        {
            return failed;
        }

        if (!ConsultationAccessRules.CanManage(scope, scope.UnitId))
        {
            return Forbid();
        }

        UploadedFile? draft = null;
        if (DraftFile is { Length: > 0 })
        {
            draft = await UploadedFile.ReadAsync(DraftFile, ct); // size and kind checked by the handler, with every other error
        }

        var result = await commands.CreateAsync(scope, Input, draft, PreviousId, ct);
        if (result.IsOk)
        {
            TempData["Message"] = $"Đã gửi dự thảo lấy ý kiến; các đơn vị thấy dự thảo trên trang chủ và trong thư nhắc việc hằng ngày cho đến hạn {VietnameseText.FormatDate(result.Value!.DueOn)}.";
            return Redirect($"/Consultations/Details/{result.Value.Id}");
        }

        if (result.Status is ResultStatus.NotFound or ResultStatus.Forbidden)
        {
            return this.Failure(result)!;
        }

        if (result.Errors.TryGetValue("DraftFile", out var fileErrors))
        {
            foreach (var e in fileErrors)
            {
                ModelState.AddModelError("DraftFile", e);
            }
        }

        await LoadPickedAsync(ct);
        return this.Failure(Result<Domain.Consultations.Consultation>.Invalid(result.Errors.Where(e => e.Key != "DraftFile").ToDictionary(e => e.Key, e => e.Value))) ?? Page();
    }

    private async Task<IActionResult?> LoadPreviousAsync(UserScope scope, CancellationToken ct)
    {
        if (PreviousId is not { } id)
        {
            return null;
        }

        Previous = await db.Consultations.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
        if (Previous is null || !await commands.CanReadAsync(scope, Previous, ct))
        {
            return NotFound();
        }

        return ConsultationAccessRules.CanManage(scope, Previous.UnitId) ? null : Forbid();
    }

    private async Task LoadPickedAsync(CancellationToken ct)
    {
        var ids = Input.RespondentUnitIds.Distinct().Take(ConsultationCommands.MaxRespondents).ToList();
        Picked = (await db.OrgUnits.AsNoTracking().Where(u => ids.Contains(u.Id)).OrderBy(u => u.Code).Select(u => new { u.Id, u.Name, u.Code }).ToListAsync(ct))
            .Select(u => (u.Id, u.Name, u.Code)).ToList();
    }
}
