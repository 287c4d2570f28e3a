using DanVan.Data;
using DanVan.Domain.Access;
using DanVan.Domain.Consultations;
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
[RequestFormLimits(MultipartBodyLengthLimit = 25L * 1024 * 1024)]
public class CreateModel(AppDbContext db, CurrentUser currentUser, ConsultationCommands commands, Import.UnitMatcher matcher, Import.DocumentTextReader reader, TimeProvider clock) : PageModel
{
    [BindProperty]
    public ConsultationInput Input { get; set; } = new();

    [BindProperty]
    public IFormFile? DraftFile { get; set; }

    [BindProperty(SupportsGet = true, Name = "previous")]
    public int? PreviousId { get; set; }

    public Domain.Consultations.Consultation? Previous { get; private set; }

    public List<(int Id, string Name, string Code)> Picked { get; private set; } = [];

    /// <summary>After "Đọc công văn": what was read from the letter, and the addressees no unit was found for.</summary>
    public Domain.Import.ConsultationProposal? Proposal { get; private set; }

    public List<string> Unmatched { get; private set; } = [];

    [BindProperty]
    public IFormFile? Letter { get; set; }

    [BindProperty]
    public string? LetterText { get; set; }

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

    /// <summary>
    /// Đọc công văn lấy ý kiến (seed 003): proposes the subject, the draft's name, the respondents from "Kính gửi"
    /// (kinds such as "Các Sở, ban, ngành" as kinds, others matched by name), the last day, the silence rule and the
    /// enclosed draft; the officer checks the form and sends it. Nothing is saved here.
    /// </summary>
    public async Task<IActionResult> OnPostImportAsync(CancellationToken ct)
    {
        var scope = (await currentUser.GetScopeAsync(ct))!;
        if (!ConsultationAccessRules.CanManage(scope, scope.UnitId))
        {
            return Forbid();
        }

        ModelState.Clear();
        Domain.Import.ParsedDocument parsed;
        try
        {
            string text;
            if (Letter is { Length: > 0 })
            {
                if (Letter.Length > ConsultationCommands.MaxFileBytes)
                {
                    throw new Domain.Import.UnreadableDocumentException($"Tệp lớn hơn {ConsultationCommands.MaxFileBytes / 1024 / 1024} MB, không đọc được.");
                }

                await using var stream = Letter.OpenReadStream();
                text = await reader.ReadAsync(stream, Path.GetFileName(Letter.FileName), ct);
            }
            else if (!string.IsNullOrWhiteSpace(LetterText))
            {
                text = Import.DocumentTextReader.NormaliseText(LetterText);
            }
            else
            {
                ModelState.AddModelError("Letter", "Chọn tệp công văn (Word, PDF, văn bản thuần) hoặc dán nội dung công văn.");
                Input.SentOn = VietnameseText.FormatDate(VietnamClock.Today(clock));
                return Page();
            }

            parsed = Domain.Import.DocumentParser.Parse(text);
        }
        catch (Domain.Import.UnreadableDocumentException ex)
        {
            ModelState.AddModelError("Letter", ex.Message);
            Input.SentOn = VietnameseText.FormatDate(VietnamClock.Today(clock));
            return Page();
        }

        Proposal = Domain.Import.ConsultationLetter.Propose(parsed);
        if (!Domain.Import.ConsultationLetter.IsConsultation(parsed))
        {
            ModelState.AddModelError("Letter", "Văn bản này không phải công văn lấy ý kiến dự thảo (trích yếu không có «lấy ý kiến … dự thảo»); vẫn có thể nhập tay bên dưới.");
        }

        Input = new ConsultationInput
        {
            Title = Proposal.DraftTitle,
            Subject = Proposal.Subject,
            LetterNumber = parsed.Number is null ? null : parsed.Code,
            SentOn = VietnameseText.FormatDate(VietnamClock.Today(clock)),
            DueOn = Proposal.DueOn is { } due ? VietnameseText.FormatDate(due) : null,
            SilenceRule = Proposal.SilenceRule ?? ConsultationRules.DefaultSilenceRule,
            SilenceMeansAgreement = Proposal.SilenceRule is null || Proposal.SilenceMeansAgreement,
            Contact = Proposal.Contact,
            SignerName = parsed.Signer?.Name,
            SignerAuthority = parsed.Signer is { } signer ? string.Join(" / ", new[] { signer.Authority, signer.Position }.Where(x => !string.IsNullOrWhiteSpace(x))) : null,
            DraftText = Proposal.DraftText,
        };

        // Names are matched among the units of the user's province (the handler checks every one again on sending).
        var province = UserScope.For(scope.UserId, scope.UserName, Roles.Coordinator, scope.UnitId, scope.UnitAncestorPath);
        var candidates = (await matcher.CandidatesAsync(province, ct)).Where(u => u.Id != scope.UnitId).ToList();
        foreach (var addressee in Proposal.Addressees)
        {
            if (Domain.Import.ConsultationLetter.GroupOf(addressee) is { } group)
            {
                if (!Input.RespondentGroups.Contains(group))
                {
                    Input.RespondentGroups.Add(group);
                }
            }
            else if (Import.UnitMatcher.Suggest(addressee, candidates, parsed.Place).FirstOrDefault() is { Score: >= Import.UnitMatcher.ConfidentScore } match)
            {
                Input.RespondentUnitIds.Add(match.Id);
            }
            else
            {
                Unmatched.Add(addressee);
            }
        }

        await LoadPickedAsync(ct);
        return Page();
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
