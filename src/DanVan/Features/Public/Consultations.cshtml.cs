using DanVan.Data;
using DanVan.Domain.Consultations;
using DanVan.Domain.Text;
using DanVan.Features.Consultations;
using DanVan.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Features.Public;

/// <summary>
/// Nhân dân tham gia ý kiến (Điều 25–28 Luật Thực hiện dân chủ ở cơ sở 2022): the drafts a commune puts to its people
/// (<see cref="ConsultationAudience.CommunePeople"/>) with their paragraphs and deadline, and once the deadline has
/// passed the synthesis — each comment with its handling (tiếp thu, tiếp thu một phần, giải trình). Nothing personal:
/// no signer, no account of who handled what. Searched, paged, one consultation in full with <c>?id=</c>; cached.
/// Units-audience consultations (agencies consulting agencies) are never shown here.
/// </summary>
public class ConsultationsModel(AppDbContext db, TimeProvider clock) : PageModel
{
    public const int PageSize = 10;

    /// <summary>Paragraphs shown per consultation in the list; the whole draft is on its own page.</summary>
    public const int Preview = 5;

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    [BindProperty(SupportsGet = true, Name = "page")]
    public int? PageNumber { get; set; }

    /// <summary>One consultation in full (its whole draft and synthesis).</summary>
    [BindProperty(SupportsGet = true, Name = "id")]
    public int? Id { get; set; }

    public sealed record PublicConsultation(int Id, string Title, string Subject, int Round, string Unit, DateOnly SentOn, DateOnly DueOn, string DueExplanation,
        string SilenceRule, bool SilenceMeansAgreement, string? Contact, int Paragraphs, int Respondents, int Answered);

    /// <summary>Comments of the answers in force by consultation and handling (null: not handled yet).</summary>
    public sealed record HandlingCount(int ConsultationId, CommentHandling? Handling, int Count);

    public DateOnly Today { get; private set; }

    public PagedList<PublicConsultation> Consultations { get; private set; } = new([], 1, PageSize, 0);

    /// <summary>The consultation asked for with <c>?id=</c>, else null (the list).</summary>
    public PublicConsultation? One { get; private set; }

    public ILookup<int, DraftParagraph> Paragraphs { get; private set; } = Array.Empty<DraftParagraph>().ToLookup(p => p.ConsultationId);

    public ILookup<int, HandlingCount> Handling { get; private set; } = Array.Empty<HandlingCount>().ToLookup(h => h.ConsultationId);

    /// <summary>The synthesis of <see cref="One"/>, after its deadline only.</summary>
    public ILookup<int, CommentRow> CommentsByParagraph { get; private set; } = Array.Empty<CommentRow>().ToLookup(c => c.ParagraphNumber);

    public int CommentCount { get; private set; }

    public bool Closed(PublicConsultation c) => c.DueOn < Today;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Response.Headers.CacheControl = "public, max-age=300";
        Today = VietnamClock.Today(clock);
        var people = db.Consultations.AsNoTracking().Where(c => c.Audience == ConsultationAudience.CommunePeople);
        if (Id is { } id)
        {
            One = await Project(people.Where(c => c.Id == id)).FirstOrDefaultAsync(ct);
            if (One is null)
            {
                return NotFound();
            }

            Paragraphs = (await db.DraftParagraphs.AsNoTracking().Where(p => p.ConsultationId == id).OrderBy(p => p.Number).ToListAsync(ct)).ToLookup(p => p.ConsultationId);
            if (Closed(One))
            {
                // The synthesis: what each comment said and how it was handled; the signer and the handling officer stay inside.
                var comments = await ConsultationQueries.CurrentCommentsAsync(db, id, null, ct);
                CommentCount = comments.Count;
                CommentsByParagraph = comments.ToLookup(c => c.ParagraphNumber);
                Handling = comments.GroupBy(c => c.Handling).Select(g => new HandlingCount(id, g.Key, g.Count())).ToLookup(h => h.ConsultationId);
            }

            return Page();
        }

        var folded = VietnameseText.Fold(Query);
        if (folded.Length is > 0 and <= 200)
        {
            people = people.Where(c => c.SearchText.Contains(folded));
        }

        Consultations = await people.OrderByDescending(c => c.SentOn).ThenByDescending(c => c.Id)
            .ToPagedListAsync(Project, PageNumber is > 0 and < 10_000 ? PageNumber : 1, PageSize, ct);
        var ids = Consultations.Items.Select(c => c.Id).ToList();
        Paragraphs = (await db.DraftParagraphs.AsNoTracking().Where(p => ids.Contains(p.ConsultationId) && p.Number <= Preview)
            .OrderBy(p => p.ConsultationId).ThenBy(p => p.Number).ToListAsync(ct)).ToLookup(p => p.ConsultationId);
        var closed = Consultations.Items.Where(Closed).Select(c => c.Id).ToList();
        var counts = await (from m in db.ConsultationComments.AsNoTracking()
                            where closed.Contains(m.ConsultationId)
                            join a in db.ConsultationAnswers on m.AnswerId equals a.Id
                            join r in db.ConsultationRespondents on a.RespondentId equals r.Id
                            where a.Version == r.CurrentVersion
                            group m by new { m.ConsultationId, m.Handling } into g
                            select new { g.Key.ConsultationId, g.Key.Handling, Count = g.Count() }).ToListAsync(ct);
        Handling = counts.Select(c => new HandlingCount(c.ConsultationId, c.Handling, c.Count)).ToLookup(h => h.ConsultationId);
        return Page();
    }

    private IQueryable<PublicConsultation> Project(IQueryable<Consultation> q) =>
        q.Select(c => new PublicConsultation(c.Id, c.Title, c.Subject, c.Round, db.OrgUnits.Where(u => u.Id == c.UnitId).Select(u => u.Name).First(),
            c.SentOn, c.DueOn, c.DueExplanation, c.SilenceRule, c.SilenceMeansAgreement, c.Contact,
            db.DraftParagraphs.Count(p => p.ConsultationId == c.Id),
            db.ConsultationRespondents.Count(r => r.ConsultationId == c.Id),
            db.ConsultationRespondents.Count(r => r.ConsultationId == c.Id && (r.State == RespondentState.Agreed || r.State == RespondentState.Commented))));

    /// <summary>"12 ý kiến: 5 tiếp thu, 4 tiếp thu một phần, 3 giải trình" for a closed consultation.</summary>
    public string HandlingSummary(int consultationId)
    {
        var counts = Handling[consultationId].ToList();
        var total = counts.Sum(c => c.Count);
        if (total == 0)
        {
            return "Không có ý kiến góp ý vào các đoạn của dự thảo.";
        }

        int Of(CommentHandling? h) => counts.Where(c => c.Handling == h).Sum(c => c.Count);
        var parts = new List<string>();
        foreach (var h in Enum.GetValues<CommentHandling>())
        {
            if (Of(h) > 0)
            {
                parts.Add($"{Of(h)} {HandlingLabel(h).ToLower(VietnameseText.Culture)}");
            }
        }

        if (Of(null) > 0)
        {
            parts.Add($"{Of(null)} đang tổng hợp, tiếp thu");
        }

        return $"{total} ý kiến góp ý: {string.Join(", ", parts)}.";
    }

    public static string HandlingLabel(CommentHandling? h) => h is null ? "Đang tổng hợp, tiếp thu" : ConsultationRules.Label(h);

    public string PageUrl(int page) => $"/Public/Consultations?q={Uri.EscapeDataString(Query ?? "")}&page={page}";
}
