using DanVan.Data;
using DanVan.Domain.Access;
using DanVan.Domain.Consultations;
using DanVan.Domain.Units;
using DanVan.Features.FollowUp;
using DanVan.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Features.Consultations;

/// <summary>A consultation as lists show it, with its respondents counted by state.</summary>
public sealed record ConsultationRow(int Id, string Title, string Subject, int Round, string UnitName, DateOnly SentOn, DateOnly DueOn,
    int Respondents, int Agreed, int Commented, int Silent, int Comments);

/// <summary>A respondent as the details page and the synthesis show it.</summary>
public sealed record RespondentRow(int Id, int UnitId, string UnitName, string UnitCode, RespondentState State, int CurrentVersion, DateTime? AnsweredAtUtc,
    DateTime? SilenceAppliedAtUtc, string? SignerName, string? SignerPosition, string? GeneralComment, int? AnswerId, string? FileName);

/// <summary>One comment of an answer in force, with its paragraph, unit and handling (a line of the synthesis).</summary>
public sealed record CommentRow(int Id, int ParagraphNumber, string? ParagraphLabel, string UnitName, string Text, CommentHandling? Handling, string? Explanation, string? HandledBy);

public static class ConsultationQueries
{
    /// <summary>Consultations drafted within the user's scope, or sent to the user's own unit (one indexed subquery each).</summary>
    public static IQueryable<Consultation> VisibleTo(this IQueryable<Consultation> consultations, AppDbContext db, UserScope user)
    {
        if (user.IsAdmin)
        {
            return consultations;
        }

        var prefix = user.ScopePrefix;
        var rootId = UnitPaths.Ancestors(prefix).Last();
        var own = user.UnitId;
        return consultations.Where(c => db.OrgUnits.Any(o => o.Id == c.UnitId && (o.Id == rootId || o.AncestorPath.StartsWith(prefix)))
            || db.ConsultationRespondents.Any(r => r.ConsultationId == c.Id && r.UnitId == own));
    }

    public static IQueryable<ConsultationRow> ToRows(this IQueryable<Consultation> consultations, AppDbContext db) =>
        consultations.Select(c => new ConsultationRow(c.Id, c.Title, c.Subject, c.Round,
            db.OrgUnits.Where(o => o.Id == c.UnitId).Select(o => o.Name).First(), c.SentOn, c.DueOn,
            db.ConsultationRespondents.Count(r => r.ConsultationId == c.Id),
            db.ConsultationRespondents.Count(r => r.ConsultationId == c.Id && r.State == RespondentState.Agreed),
            db.ConsultationRespondents.Count(r => r.ConsultationId == c.Id && r.State == RespondentState.Commented),
            db.ConsultationRespondents.Count(r => r.ConsultationId == c.Id && r.State == RespondentState.Silent),
            db.ConsultationComments.Count(m => m.ConsultationId == c.Id
                && db.ConsultationAnswers.Any(a => a.Id == m.AnswerId && db.ConsultationRespondents.Any(r => r.Id == a.RespondentId && r.CurrentVersion == a.Version)))));

    public static async Task<List<RespondentRow>> RespondentsAsync(AppDbContext db, int consultationId, CancellationToken ct) =>
        await (from r in db.ConsultationRespondents.AsNoTracking()
               where r.ConsultationId == consultationId
               join u in db.OrgUnits on r.UnitId equals u.Id
               join a in db.ConsultationAnswers on new { R = r.Id, V = r.CurrentVersion } equals new { R = a.RespondentId, V = a.Version } into answers
               from a in answers.DefaultIfEmpty()
               orderby u.Code
               select new RespondentRow(r.Id, r.UnitId, u.Name, u.Code, r.State, r.CurrentVersion, r.AnsweredAtUtc, r.SilenceAppliedAtUtc,
                   a == null ? null : a.SignerName, a == null ? null : a.SignerPosition, a == null ? null : a.GeneralComment,
                   a == null ? null : a.Id, a == null ? null : a.FileName)).ToListAsync(ct);

    /// <summary>The comments of the answers in force, by paragraph then unit: the body of the synthesis.</summary>
    public static async Task<List<CommentRow>> CurrentCommentsAsync(AppDbContext db, int consultationId, int? respondentUnitId, CancellationToken ct)
    {
        var query = from m in db.ConsultationComments.AsNoTracking()
                    where m.ConsultationId == consultationId
                    join a in db.ConsultationAnswers on m.AnswerId equals a.Id
                    join r in db.ConsultationRespondents on a.RespondentId equals r.Id
                    where a.Version == r.CurrentVersion
                    join p in db.DraftParagraphs on m.ParagraphId equals p.Id
                    join u in db.OrgUnits on r.UnitId equals u.Id
                    select new { m, p.Number, p.Label, u.Name, u.Code, r.UnitId };
        if (respondentUnitId is { } only)
        {
            query = query.Where(x => x.UnitId == only);
        }

        return (await query.OrderBy(x => x.Number).ThenBy(x => x.Code).ThenBy(x => x.m.Id).ToListAsync(ct))
            .Select(x => new CommentRow(x.m.Id, x.Number, x.Label, x.Name, x.m.Text, x.m.Handling, x.m.Explanation, x.m.HandledBy)).ToList();
    }

    /// <summary>The rounds of a consultation, first to last, from any of them.</summary>
    public static async Task<List<Consultation>> RoundsAsync(AppDbContext db, Consultation current, CancellationToken ct)
    {
        var rounds = new List<Consultation> { current };
        var back = current;
        while (back.PreviousRoundId is { } pid && rounds.Count < 50)
        {
            back = await db.Consultations.AsNoTracking().SingleAsync(c => c.Id == pid, ct);
            rounds.Insert(0, back);
        }

        var forward = current;
        while (rounds.Count < 50 && await db.Consultations.AsNoTracking().FirstOrDefaultAsync(c => c.PreviousRoundId == forward.Id, ct) is { } next)
        {
            rounds.Add(next);
            forward = next;
        }

        return rounds;
    }
}

/// <summary>Consultations a unit must still answer, in its digest and on its home page, through the follow-up extension point.</summary>
public sealed class ConsultationFollowUp(AppDbContext db, TimeProvider clock) : IFollowUpSource
{
    public async Task<IReadOnlyList<FollowUpItem>> OpenAsync(DateOnly horizon, IReadOnlyCollection<int>? unitIds, CancellationToken ct)
    {
        // Only until the last day: after it the unit can no longer answer and its silence is recorded (ADR-018).
        var today = VietnamClock.Today(clock);
        var query = from r in db.ConsultationRespondents.AsNoTracking()
                    where r.State == RespondentState.Pending
                    join c in db.Consultations on r.ConsultationId equals c.Id
                    where c.DueOn <= horizon && c.DueOn >= today
                    join u in db.OrgUnits on r.UnitId equals u.Id
                    select new { r.UnitId, u.Name, c.DueOn, c.Id, c.Title };
        if (unitIds is not null)
        {
            var ids = unitIds.ToList();
            query = query.Where(x => ids.Contains(x.UnitId));
        }

        var rows = await query.OrderBy(x => x.DueOn).Take(unitIds is null ? int.MaxValue : 500).ToListAsync(ct);
        return rows.Select(r => new FollowUpItem($"Góp ý dự thảo «{Short(r.Title, 120)}»", r.UnitId, r.Name, r.DueOn, $"/Consultations/Answer/{r.Id}")).ToList();
    }

    private static string Short(string text, int max) => text.Length > max ? text[..max] + "…" : text;
}
