using DanVan.Data;
using DanVan.Domain.Access;
using DanVan.Domain.Dialogues;
using DanVan.Domain.Text;
using DanVan.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Features.Dialogues;

public sealed record DialoguePageDto(IReadOnlyList<DialogueRow> Items, int Page, int PageSize, int TotalCount);

/// <summary>An opinion over the API: the speaker only for the dialogue unit's staff, as on the page.</summary>
public sealed record OpinionDto(int Number, string? Speaker, string Content, string Field, bool AnsweredOnSpot, string? Answer);

public sealed record CommitmentDto(int Id, int OpinionNumber, string Content, int OwnerUnitId, string OwnerUnitName, DateOnly DueOn, string State, DateOnly? DoneOn, string? DoneNote);

public sealed record DialogueDto(
    int Id, int UnitId, string Topic, string ChairName, string Audience, string? AudienceDetail, DateOnly HeldOn, string Place, bool Online,
    string? CoOrganiser, string State, DateOnly? NoticeOn, string? NoticeExplanation, int? Attendees, DateOnly? ResultsDueOn, string? ResultsDueExplanation,
    DateOnly? ResultsPublishedOn, string? ResultsSummary, IReadOnlyList<OpinionDto> Opinions, IReadOnlyList<CommitmentDto> Commitments);

/// <summary>The JSON API of dialogues (reads; writes go through the pages' handlers, the same DialogueCommands).</summary>
public static class DialoguesApi
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/dialogues").WithTags("Đối thoại").RequireAuthorization();
        group.MapGet("/", ListAsync).WithName("ListDialogues").WithSummary("Cuộc đối thoại người dùng được xem (tìm không dấu, phân trang), mới nhất trước.");
        group.MapGet("/{id:int}", GetAsync).WithName("GetDialogue").WithSummary("Một cuộc đối thoại: thông báo, biên bản, ý kiến, cam kết (tình trạng: Open, Done, Overdue), kết quả.");
    }

    private static async Task<Results<Ok<DialoguePageDto>, UnauthorizedHttpResult>> ListAsync(
        CurrentUser currentUser, AppDbContext db, string? q, int? page, int? pageSize, CancellationToken ct)
    {
        if (await currentUser.GetScopeAsync(ct) is not { } user)
        {
            return TypedResults.Unauthorized();
        }

        var query = db.Dialogues.AsNoTracking().VisibleTo(db, user);
        var folded = VietnameseText.Fold(q);
        if (folded.Length > 0)
        {
            query = query.Where(d => d.SearchText.Contains(folded));
        }

        var paged = await query.OrderByDescending(d => d.HeldOn).ThenByDescending(d => d.Id).ToPagedListAsync(x => x.ToRows(db), page, PagedList<DialogueRow>.ClampSize(pageSize), ct);
        return TypedResults.Ok(new DialoguePageDto(paged.Items, paged.Page, paged.PageSize, paged.TotalCount));
    }

    private static async Task<Results<Ok<DialogueDto>, NotFound, UnauthorizedHttpResult>> GetAsync(
        int id, CurrentUser currentUser, AppDbContext db, DialogueCommands commands, TimeProvider clock, CancellationToken ct)
    {
        if (await currentUser.GetScopeAsync(ct) is not { } user)
        {
            return TypedResults.Unauthorized();
        }

        var d = await db.Dialogues.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (d is null || !await commands.CanReadAsync(user, d, ct))
        {
            return TypedResults.NotFound();
        }

        var today = VietnamClock.Today(clock);
        var speakers = DialogueAccessRules.CanSeeSpeakers(user, d.UnitId);
        var opinions = await db.DialogueOpinions.AsNoTracking().Where(o => o.DialogueId == id).OrderBy(o => o.Number).ToListAsync(ct);
        var commitments = (await db.DialogueCommitments.AsNoTracking().Where(c => c.DialogueId == id).ToRows(db).ToListAsync(ct)).OrderBy(c => c.OpinionNumber);
        return TypedResults.Ok(new DialogueDto(d.Id, d.UnitId, d.Topic, d.ChairName, d.Audience.ToString(), d.AudienceDetail, d.HeldOn, d.Place, d.Online, d.CoOrganiser,
            d.State.ToString(), d.NoticeOn, d.NoticeExplanation, d.Attendees, d.ResultsDueOn, d.ResultsDueExplanation, d.ResultsPublishedOn, d.ResultsSummary,
            opinions.Select(o => new OpinionDto(o.Number, speakers ? o.SpeakerName : null, o.Content, o.Field, o.AnsweredOnSpot, o.Answer)).ToList(),
            commitments.Select(c => new CommitmentDto(c.Id, c.OpinionNumber, c.Content, c.OwnerUnitId, c.OwnerUnitName, c.DueOn,
                DialogueRules.IsOverdue(c.State, c.DueOn, today) ? "Overdue" : c.State.ToString(), c.DoneOn, c.DoneNote)).ToList()));
    }
}
