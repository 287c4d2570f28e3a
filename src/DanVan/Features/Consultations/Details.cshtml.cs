using DanVan.Data;
using DanVan.Domain.Consultations;
using DanVan.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Features.Consultations;

/// <summary>One consultation: the draft by paragraph, the respondents and where each stands, the rounds, the letter and the synthesis.</summary>
public class DetailsModel(AppDbContext db, CurrentUser currentUser, ConsultationCommands commands, TimeProvider clock) : ConsultationPage(db, currentUser, commands, clock)
{
    public List<RespondentRow> Respondents { get; private set; } = [];

    public Dictionary<int, int> CommentsByParagraph { get; private set; } = [];

    public List<Consultation> Rounds { get; private set; } = [];

    public int Unhandled { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } failed)
        {
            return failed;
        }

        Respondents = await ConsultationQueries.RespondentsAsync(Db, id, ct);
        Rounds = await ConsultationQueries.RoundsAsync(Db, Consultation, ct);
        if (CanSeeAll)
        {
            var comments = await ConsultationQueries.CurrentCommentsAsync(Db, id, null, ct);
            CommentsByParagraph = comments.GroupBy(c => c.ParagraphNumber).ToDictionary(g => g.Key, g => g.Count());
            Unhandled = comments.Count(c => c.Handling is null);
        }

        return Page();
    }

    /// <summary>The letter (công văn lấy ý kiến) and the synthesis (bảng tổng hợp, tiếp thu, giải trình) as DOCX.</summary>
    public async Task<IActionResult> OnGetDocxAsync(int id, string? kind, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } failed)
        {
            return failed;
        }

        var synthesis = kind == "synthesis";
        if (synthesis && !CanSeeAll)
        {
            return Forbid();
        }

        var facts = await FactsAsync(ct);
        var stream = new MemoryStream();
        if (synthesis)
        {
            ConsultationOutputs.SynthesisDocx(stream, facts);
        }
        else
        {
            ConsultationOutputs.Letter(stream, facts);
        }

        stream.Position = 0;
        Response.Headers.CacheControl = "no-store";
        return File(stream, ConsultationOutputs.DocxType, synthesis ? $"tong-hop-y-kien-{id}.docx" : $"cong-van-lay-y-kien-{id}.docx");
    }

    public async Task<IActionResult> OnGetXlsxAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } failed)
        {
            return failed;
        }

        if (!CanSeeAll)
        {
            return Forbid();
        }

        var stream = new MemoryStream();
        ConsultationOutputs.SynthesisXlsx(stream, await FactsAsync(ct));
        stream.Position = 0;
        Response.Headers.CacheControl = "no-store";
        return File(stream, XlsxExport.ContentType, $"tong-hop-y-kien-{id}.xlsx");
    }

    /// <summary>The uploaded draft as it came.</summary>
    public async Task<IActionResult> OnGetDraftAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } failed)
        {
            return failed;
        }

        var file = await Db.Consultations.AsNoTracking().Where(c => c.Id == id).Select(c => new { c.DraftFileName, c.DraftContent }).SingleAsync(ct);
        if (file.DraftContent is null)
        {
            return NotFound();
        }

        Response.Headers.CacheControl = "no-store";
        return File(file.DraftContent, ConsultationOutputs.DocxType, file.DraftFileName ?? $"du-thao-{id}.docx");
    }

    /// <summary>The file attached to an answer: for the drafting side, or the respondent unit itself.</summary>
    public async Task<IActionResult> OnGetFileAsync(int id, int answerId, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } failed)
        {
            return failed;
        }

        var file = await (from a in Db.ConsultationAnswers.AsNoTracking()
                          where a.Id == answerId && a.ConsultationId == id && a.FileContent != null
                          join r in Db.ConsultationRespondents on a.RespondentId equals r.Id
                          select new { a.FileName, a.FileContentType, a.FileContent, r.UnitId }).FirstOrDefaultAsync(ct);
        if (file is null || !(CanSeeAll || file.UnitId == Scope.UnitId))
        {
            return NotFound();
        }

        Response.Headers.CacheControl = "no-store";
        return File(file.FileContent!, file.FileContentType ?? "application/octet-stream", file.FileName ?? $"y-kien-{answerId}");
    }

    public string StateBadge(RespondentState s) => s switch
    {
        RespondentState.Agreed => "text-bg-success",
        RespondentState.Commented => "text-bg-primary",
        RespondentState.Silent => "text-bg-secondary",
        _ => Open ? "text-bg-warning" : "text-bg-light",
    };
}
