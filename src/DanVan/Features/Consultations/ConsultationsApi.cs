using DanVan.Data;
using DanVan.Domain.Access;
using DanVan.Domain.Consultations;
using DanVan.Domain.Text;
using DanVan.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Features.Consultations;

public sealed record ConsultationPageDto(IReadOnlyList<ConsultationRow> Items, int Page, int PageSize, int TotalCount);

public sealed record ParagraphDto(int Number, string? Label, string Text);

public sealed record RespondentDto(int UnitId, string UnitName, string State, int Version, DateTime? AnsweredAtUtc, DateTime? SilenceAppliedAtUtc, string? SignerName);

public sealed record CommentDto(int Id, int Paragraph, string UnitName, string Text, string? Handling, string? Explanation);

public sealed record ConsultationDto(
    int Id, int UnitId, string Title, string Subject, int Round, int? PreviousRoundId, string Audience, DateOnly SentOn, DateOnly DueOn, string DueExplanation,
    string SilenceRule, bool SilenceMeansAgreement, bool Open, IReadOnlyList<ParagraphDto> Paragraphs, IReadOnlyList<RespondentDto> Respondents,
    IReadOnlyList<CommentDto> Comments);

/// <summary>A respondent's answer over the API (no file: files go through the page).</summary>
public sealed record AnswerRequest(bool Agrees, string? GeneralComment, string? SignerName, string? SignerPosition, IReadOnlyList<CommentInput>? Comments, int BaseVersion);

/// <summary>The JSON API of draft consultations: list, one (what the caller may see of it), answer for one's own unit — the same handlers and rules as the pages.</summary>
public static class ConsultationsApi
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/consultations").WithTags("Lấy ý kiến dự thảo").RequireAuthorization();
        group.MapGet("/", ListAsync).WithName("ListConsultations").WithSummary("Dự thảo người dùng được xem (do phạm vi của mình chủ trì hoặc gửi đơn vị mình góp ý), mới nhất trước.");
        group.MapGet("/{id:int}", GetAsync).WithName("GetConsultation").WithSummary("Một dự thảo: các đoạn, đơn vị được lấy ý kiến và tình trạng (Pending, Agreed, Commented, Silent), ý kiến (bên chủ trì thấy tất cả, đơn vị góp ý thấy ý kiến của mình).");
        group.MapPost("/{id:int}/answer", AnswerAsync).WithName("AnswerConsultation").WithSummary("Gửi (hoặc sửa) ý kiến của đơn vị mình: thống nhất, hoặc ý kiến vào từng đoạn; đến hết hạn góp ý.");
    }

    private static async Task<Results<Ok<ConsultationPageDto>, UnauthorizedHttpResult>> ListAsync(
        CurrentUser currentUser, AppDbContext db, string? q, int? page, int? pageSize, CancellationToken ct)
    {
        if (await currentUser.GetScopeAsync(ct) is not { } user)
        {
            return TypedResults.Unauthorized();
        }

        var query = db.Consultations.AsNoTracking().VisibleTo(db, user);
        var folded = VietnameseText.Fold(q);
        if (folded.Length > 0)
        {
            query = query.Where(c => c.SearchText.Contains(folded));
        }

        var paged = await query.OrderByDescending(c => c.SentOn).ThenByDescending(c => c.Id).ToPagedListAsync(x => x.ToRows(db), page, PagedList<ConsultationRow>.ClampSize(pageSize), ct);
        return TypedResults.Ok(new ConsultationPageDto(paged.Items, paged.Page, paged.PageSize, paged.TotalCount));
    }

    private static async Task<Results<Ok<ConsultationDto>, NotFound, UnauthorizedHttpResult>> GetAsync(
        int id, CurrentUser currentUser, AppDbContext db, ConsultationCommands commands, TimeProvider clock, CancellationToken ct)
    {
        if (await currentUser.GetScopeAsync(ct) is not { } user)
        {
            return TypedResults.Unauthorized();
        }

        var c = await db.Consultations.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (c is null)
        {
            return TypedResults.NotFound();
        }

        var reference = await commands.RefAsync(c, ct);
        if (!ConsultationAccessRules.CanRead(user, reference))
        {
            return TypedResults.NotFound();
        }

        var today = VietnamClock.Today(clock);
        if (c.DueOn < today)
        {
            await commands.ApplySilenceAsync(id, ct);
        }

        var all = ConsultationAccessRules.CanSeeAllAnswers(user, reference);
        var paragraphs = await db.DraftParagraphs.AsNoTracking().Where(p => p.ConsultationId == id).OrderBy(p => p.Number)
            .Select(p => new ParagraphDto(p.Number, p.Label, p.Text)).ToListAsync(ct);
        var respondents = await ConsultationQueries.RespondentsAsync(db, id, ct);
        var comments = await ConsultationQueries.CurrentCommentsAsync(db, id, all ? null : user.UnitId, ct);
        return TypedResults.Ok(new ConsultationDto(c.Id, c.UnitId, c.Title, c.Subject, c.Round, c.PreviousRoundId, c.Audience.ToString(), c.SentOn, c.DueOn, c.DueExplanation,
            c.SilenceRule, c.SilenceMeansAgreement, c.DueOn >= today, paragraphs,
            respondents.Select(r => new RespondentDto(r.UnitId, r.UnitName, r.State.ToString(), r.CurrentVersion, r.AnsweredAtUtc, r.SilenceAppliedAtUtc,
                all || r.UnitId == user.UnitId ? r.SignerName : null)).ToList(),
            comments.Select(m => new CommentDto(m.Id, m.ParagraphNumber, m.UnitName, m.Text, m.Handling?.ToString(), m.Explanation)).ToList()));
    }

    private static async Task<IResult> AnswerAsync(int id, AnswerRequest body, CurrentUser currentUser, ConsultationCommands commands, CancellationToken ct)
    {
        if (await currentUser.GetScopeAsync(ct) is not { } user)
        {
            return TypedResults.Unauthorized();
        }

        var input = new AnswerInput
        {
            Agrees = body.Agrees, GeneralComment = body.GeneralComment, SignerName = body.SignerName, SignerPosition = body.SignerPosition,
            Comments = body.Comments?.Take(ConsultationRules.MaxCommentsPerAnswer + 1).ToList() ?? [], BaseVersion = body.BaseVersion,
        };
        var result = await commands.AnswerAsync(user, id, input, null, ct);
        return result.ToHttp(a => TypedResults.Ok(new { a.Id, a.Version, state = a.Agrees ? nameof(RespondentState.Agreed) : nameof(RespondentState.Commented) }));
    }
}
