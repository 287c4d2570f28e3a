using DanVan.Data;
using DanVan.Domain.Access;
using DanVan.Domain.Consultations;
using DanVan.Domain.Text;
using DanVan.Features.Documents;
using DanVan.Features.Shared;
using DanVan.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Features.Consultations;

/// <summary>Gửi ý kiến: a respondent unit agrees or comments on paragraphs, signed by a named person; editable until the deadline, every version kept.</summary>
[RequestFormLimits(MultipartBodyLengthLimit = 25L * 1024 * 1024)]
public class AnswerModel(AppDbContext db, CurrentUser currentUser, ConsultationCommands commands, TimeProvider clock) : ConsultationPage(db, currentUser, commands, clock)
{
    public const int BlankRows = 5;

    [BindProperty]
    public AnswerInput Input { get; set; } = new();

    [BindProperty]
    public IFormFile? Attachment { get; set; }

    public List<ConsultationAnswer> Versions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await LoadForAnswerAsync(id, ct) is { } failed)
        {
            return failed;
        }

        if (Versions.FirstOrDefault() is { } current)
        {
            Input.Agrees = current.Agrees;
            Input.GeneralComment = current.GeneralComment;
            Input.SignerName = current.SignerName;
            Input.SignerPosition = current.SignerPosition;
            var numbers = Paragraphs.ToDictionary(p => p.Id, p => p.Number);
            Input.Comments = await Db.ConsultationComments.AsNoTracking().Where(m => m.AnswerId == current.Id).OrderBy(m => m.Id)
                .Select(m => new CommentInput { Paragraph = numbers.GetValueOrDefault(m.ParagraphId), Text = m.Text }).ToListAsync(ct);
        }

        Input.BaseVersion = Mine!.CurrentVersion;
        Input.Comments.AddRange(Enumerable.Range(0, BlankRows).Select(_ => new CommentInput()));
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (await LoadForAnswerAsync(id, ct) is { } failed)
        {
            return failed;
        }

        var file = Attachment is { Length: > 0 } ? await UploadedFile.ReadAsync(Attachment, ct) : null;
        var result = await Commands.AnswerAsync(Scope, id, Input, file, ct);
        if (result.IsOk)
        {
            TempData["Message"] = result.Value!.Agrees
                ? $"Đã gửi ý kiến thống nhất (phiên bản {result.Value.Version}). Có thể sửa đến hết ngày {VietnameseText.FormatDate(Consultation.DueOn)}."
                : $"Đã gửi ý kiến góp ý (phiên bản {result.Value.Version}). Có thể sửa đến hết ngày {VietnameseText.FormatDate(Consultation.DueOn)}.";
            return Redirect($"/Consultations/Details/{id}");
        }

        if (result.Errors.TryGetValue("File", out var fileErrors))
        {
            foreach (var e in fileErrors)
            {
                ModelState.AddModelError("Attachment", e);
            }
        }

        while (Input.Comments.Count(c => c.Paragraph is null && string.IsNullOrWhiteSpace(c.Text)) < 2)
        {
            Input.Comments.Add(new CommentInput());
        }

        return this.Failure(result.Status == ResultStatus.Invalid
            ? Result<ConsultationAnswer>.Invalid(result.Errors.Where(e => e.Key != "File").ToDictionary(e => e.Key, e => e.Value))
            : result) ?? Page();
    }

    private async Task<IActionResult?> LoadForAnswerAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } failed)
        {
            return failed;
        }

        if (Mine is null || !ConsultationAccessRules.CanAnswer(Scope, Mine.UnitId))
        {
            return Forbid();
        }

        Versions = await Db.ConsultationAnswers.AsNoTracking().Where(a => a.RespondentId == Mine.Id).OrderByDescending(a => a.Version)
            .Select(a => new ConsultationAnswer
            {
                Id = a.Id, Version = a.Version, Agrees = a.Agrees, GeneralComment = a.GeneralComment, SignerName = a.SignerName, SignerPosition = a.SignerPosition,
                FileName = a.FileName, SubmittedBy = a.SubmittedBy, SubmittedAtUtc = a.SubmittedAtUtc,
            }).ToListAsync(ct);
        return null;
    }
}
