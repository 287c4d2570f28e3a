using DanVan.Data;
using DanVan.Domain.Access;
using DanVan.Domain.Dialogues;
using DanVan.Domain.Units;
using DanVan.Features.FollowUp;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Features.Dialogues;

/// <summary>A dialogue as lists show it.</summary>
public sealed record DialogueRow(int Id, string Topic, DialogueAudience Audience, DateOnly HeldOn, string Place, bool Online, DialogueState State,
    DateOnly? NoticeOn, DateOnly? ResultsDueOn, DateOnly? ResultsPublishedOn, string UnitName, int Opinions, int OpenCommitments);

/// <summary>A commitment as the board, a details page and the public page show it (no speaker).</summary>
public sealed record CommitmentRow(int Id, int DialogueId, int DialogueUnitId, string DialogueTopic, DateOnly HeldOn, int OpinionNumber, string Content, int OwnerUnitId,
    string OwnerUnitName, DateOnly DueOn, CommitmentState State, DateOnly? DoneOn, string? DoneNote);

public static class DialogueQueries
{
    /// <summary>The dialogues of units within the user's scope (one indexed subquery on the unit path).</summary>
    public static IQueryable<Dialogue> VisibleTo(this IQueryable<Dialogue> dialogues, AppDbContext db, UserScope user)
    {
        if (user.IsAdmin)
        {
            return dialogues;
        }

        var prefix = user.ScopePrefix;
        var rootId = UnitPaths.Ancestors(prefix).Last();
        return dialogues.Where(d => db.OrgUnits.Any(o => o.Id == d.UnitId && (o.Id == rootId || o.AncestorPath.StartsWith(prefix))));
    }

    public static IQueryable<DialogueRow> ToRows(this IQueryable<Dialogue> dialogues, AppDbContext db) =>
        dialogues.Select(d => new DialogueRow(d.Id, d.Topic, d.Audience, d.HeldOn, d.Place, d.Online, d.State, d.NoticeOn, d.ResultsDueOn, d.ResultsPublishedOn,
            db.OrgUnits.Where(o => o.Id == d.UnitId).Select(o => o.Name).First(),
            db.DialogueOpinions.Count(o => o.DialogueId == d.Id),
            db.DialogueCommitments.Count(c => c.DialogueId == d.Id && c.State == CommitmentState.Open)));

    public static IQueryable<CommitmentRow> ToRows(this IQueryable<DialogueCommitment> commitments, AppDbContext db) =>
        from c in commitments
        join d in db.Dialogues on c.DialogueId equals d.Id
        join o in db.DialogueOpinions on c.OpinionId equals o.Id
        join u in db.OrgUnits on c.OwnerUnitId equals u.Id
        select new CommitmentRow(c.Id, d.Id, d.UnitId, d.Topic, d.HeldOn, o.Number, c.Content, c.OwnerUnitId, u.Name, c.DueOn, c.State, c.DoneOn, c.DoneNote);

    /// <summary>The unit's dialogue held before this one, if any: the next dialogue opens with its commitments.</summary>
    public static async Task<Dialogue?> PreviousAsync(AppDbContext db, Dialogue current, CancellationToken ct) =>
        await db.Dialogues.AsNoTracking()
            .Where(d => d.UnitId == current.UnitId && d.Id != current.Id && d.State >= DialogueState.Held
                && (d.HeldOn < current.HeldOn || (d.HeldOn == current.HeldOn && d.Id < current.Id)))
            .OrderByDescending(d => d.HeldOn).ThenByDescending(d => d.Id)
            .FirstOrDefaultAsync(ct);
}

/// <summary>Dialogue commitments in the daily digest and on the home page, through the follow-up extension point.</summary>
public sealed class DialogueFollowUp(AppDbContext db) : IFollowUpSource
{
    public async Task<IReadOnlyList<FollowUpItem>> OpenAsync(DateOnly horizon, IReadOnlyCollection<int>? unitIds, CancellationToken ct)
    {
        var query = db.DialogueCommitments.AsNoTracking().Where(c => c.State == CommitmentState.Open && c.DueOn <= horizon);
        if (unitIds is not null)
        {
            var ids = unitIds.ToList();
            query = query.Where(c => ids.Contains(c.OwnerUnitId));
        }

        var rows = await (from c in query
                          join d in db.Dialogues on c.DialogueId equals d.Id
                          join u in db.OrgUnits on c.OwnerUnitId equals u.Id
                          orderby c.DueOn
                          select new { c.Content, c.OwnerUnitId, u.Name, c.DueOn, d.Id, d.Topic }).Take(unitIds is null ? int.MaxValue : 500).ToListAsync(ct); // the digest takes all; a home page its first 500
        return rows.Select(r => new FollowUpItem(
            $"Cam kết sau đối thoại «{Short(r.Topic, 80)}»: {Short(r.Content, 160)}", r.OwnerUnitId, r.Name, r.DueOn, $"/Dialogues/Details/{r.Id}")).ToList();
    }

    private static string Short(string text, int max) => text.Length > max ? text[..max] + "…" : text;
}

/// <summary>The commitments table of a details page or the board, with who may close which.</summary>
public sealed record CommitmentsPartial(IReadOnlyList<CommitmentRow> Rows, DateOnly Today, Func<CommitmentRow, bool> CanClose, CommitmentDoneInput Done, bool ShowDialogue = false);
