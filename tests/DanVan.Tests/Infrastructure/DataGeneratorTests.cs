using DanVan.Data;
using DanVan.Domain.Units;
using DanVan.Infrastructure.Generation;
using DanVan.Testing;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Tests.Infrastructure;

/// <summary>The benchmark data: same seed, same data; consistent with what the app itself would write.</summary>
public class DataGeneratorTests
{
    private static async Task<(GenerationSummary Summary, List<string> Tasks)> GenerateAsync(TestDatabase database, int seed)
    {
        await using var db = database.CreateContext();
        var summary = await new DataGenerator(db, new PasswordHasher<AppUser>(), new FakeClock(new DateTimeOffset(2026, 11, 30, 2, 0, 0, TimeSpan.Zero))).GenerateAsync(DataScale.Province, seed);
        var tasks = await (from d in db.WorkItemDeadlines
                           join w in db.WorkItems on d.WorkItemId equals w.Id
                           orderby d.Id
                           select w.Title + "|" + d.LeadUnitId + "|" + d.AssignedByUnitId + "|" + d.DueOn + "|" + d.CompletedOn).ToListAsync();
        return (summary, tasks);
    }

    [Fact]
    public async Task Province_scale_is_the_same_for_the_same_seed_and_fills_every_module()
    {
        await using var first = await TestDatabase.CreateSeededAsync();
        await using var second = await TestDatabase.CreateSeededAsync();
        var (a, tasksA) = await GenerateAsync(first, 7);
        var (b, tasksB) = await GenerateAsync(second, 7);

        Assert.Equal(a with { Elapsed = TimeSpan.Zero }, b with { Elapsed = TimeSpan.Zero });
        Assert.Equal(tasksA, tasksB);
        Assert.Equal(15_000, a.Tasks);
        Assert.Equal(6, a.Periods);
        Assert.True(a.Units > 500 && a.Users > a.Units && a.Submissions > 1000 && a.Values > 50 * a.Submissions, a.ToString());
        Assert.Equal(45_000, a.Cases);
        Assert.True(a.CaseSteps > a.Cases && a.ReceptionSessions > 96 * 140, a.ToString());

        await using var db = first.CreateContext();
        // Deadlines carry their task's lead and assigning units, as WorkItemCommands writes them (visibility relies on it).
        Assert.False(await (from d in db.WorkItemDeadlines
                            join w in db.WorkItems on d.WorkItemId equals w.Id
                            where d.LeadUnitId != w.LeadUnitId || d.AssignedByUnitId != w.AssignedByUnitId
                            select d.Id).AnyAsync());
        // Everything stays in the demo province at this scale.
        var province = await db.OrgUnits.SingleAsync(u => u.Code == DanVan.Features.Demo.DemoSeeder.ProvinceCode);
        var prefix = UnitPaths.SubtreePrefix(province.AncestorPath, province.Id);
        Assert.False(await db.WorkItemDeadlines.AnyAsync(d => !db.OrgUnits.Any(u => u.Id == d.LeadUnitId && (u.Id == province.Id || u.AncestorPath.StartsWith(prefix)))));
        Assert.False(await db.Cases.AnyAsync(c => !db.OrgUnits.Any(u => u.Id == c.UnitId && u.AncestorPath.StartsWith(prefix))));

        // Cases are as the app would hold them: unique codes, a closed one has its outcome, its steps end in its state.
        Assert.Equal(await db.Cases.CountAsync(), await db.Cases.Select(c => c.Code).Distinct().CountAsync());
        Assert.False(await db.Cases.AnyAsync(c => c.ClosedOn != null && c.ClosedOnTime == null));
        Assert.False(await db.Cases.AnyAsync(c => c.Kind == DanVan.Domain.Cases.CaseKind.Denunciation && c.Summary.EndsWith("(dữ liệu sinh thử)") && (c.SenderName != null || !c.Anonymous)));
        var lastSteps = (await db.CaseSteps.Select(s => new { s.CaseId, s.Id, s.On, s.StateAfter }).ToListAsync())
            .GroupBy(s => s.CaseId).Select(g => g.OrderByDescending(s => s.On).ThenByDescending(s => s.Id).First()).ToList();
        var statesById = await db.Cases.ToDictionaryAsync(c => c.Id, c => c.State);
        Assert.All(lastSteps, s => Assert.Equal(statesById[s.CaseId], s.StateAfter));
        Assert.Equal(statesById.Count, lastSteps.Count);

        // Dialogues: every opinion not answered on the spot is one commitment of a unit of the province; done ones have a date.
        Assert.True(a.Dialogues > 300 && a.Opinions > 10 * (a.Dialogues / 2) && a.Commitments > 0, a.ToString());
        Assert.Equal(await db.DialogueOpinions.CountAsync(o => !o.AnsweredOnSpot), await db.DialogueCommitments.CountAsync());
        Assert.False(await db.DialogueCommitments.AnyAsync(c => db.DialogueOpinions.Any(o => o.Id == c.OpinionId && (o.AnsweredOnSpot || o.DialogueId != c.DialogueId))));
        Assert.False(await db.DialogueCommitments.AnyAsync(c => (c.State == DanVan.Domain.Dialogues.CommitmentState.Done) != (c.DoneOn != null)));
        Assert.False(await db.DialogueCommitments.AnyAsync(c => !db.OrgUnits.Any(u => u.Id == c.OwnerUnitId && u.AncestorPath.StartsWith(prefix))));

        // Consultations: past the deadline nobody is pending; comments point at their own consultation's paragraphs; the large one is whole.
        Assert.True(a.Consultations > 50 && a.Respondents > 50 * a.Consultations && a.Comments > a.Consultations, a.ToString());
        Assert.False(await db.ConsultationRespondents.AnyAsync(r => r.State == DanVan.Domain.Consultations.RespondentState.Pending
            && db.Consultations.Any(c => c.Id == r.ConsultationId && c.DueOn < new DateOnly(2026, 11, 30))));
        Assert.False(await db.ConsultationComments.AnyAsync(m => !db.DraftParagraphs.Any(p => p.Id == m.ParagraphId && p.ConsultationId == m.ConsultationId)));
        Assert.False(await db.ConsultationComments.AnyAsync(m => !db.ConsultationAnswers.Any(x => x.Id == m.AnswerId && x.ConsultationId == m.ConsultationId)));
        var large = await db.Consultations.SingleAsync(c => c.Title == DataGenerator.SynthesisTitle);
        Assert.Equal(150, await db.ConsultationRespondents.CountAsync(r => r.ConsultationId == large.Id));
        Assert.Equal(1000, await db.ConsultationComments.CountAsync(m => m.ConsultationId == large.Id && m.Handling != null));
        Assert.Equal(10, await db.ConsultationRespondents.CountAsync(r => r.ConsultationId == large.Id && r.State == DanVan.Domain.Consultations.RespondentState.Silent));

        // Scoring: this year's round is open with drafts only; a published sheet's total is its lines' total, and its grade the band's.
        Assert.True(a.ScoringRounds >= 2 && a.ScoreSheets > 100 && a.ScoreLines > 10 * a.ScoreSheets, a.ToString());
        var open = await db.ScoringRounds.SingleAsync(r => r.Year == 2026 && r.ProvinceUnitId == province.Id);
        Assert.Equal(DanVan.Domain.Scoring.RoundState.Open, open.State);
        Assert.False(await db.ScoreSheets.AnyAsync(s => s.RoundId == open.Id && s.State != DanVan.Domain.Scoring.SheetState.Draft));
        var final = await db.ScoreSheets.Include(s => s.Lines).FirstAsync(s => s.State == DanVan.Domain.Scoring.SheetState.Final
            && db.ScoringRounds.Any(r => r.Id == s.RoundId && r.Year == 2024 && r.ProvinceUnitId == province.Id));
        var framework = await db.ScoringFrameworks.Include(f => f.Criteria).SingleAsync(f => db.ScoringRounds.Any(r => r.Id == final.RoundId && r.FrameworkId == f.Id));
        var criteria = framework.Criteria.ToDictionary(c => c.Id);
        var totals = DanVan.Domain.Scoring.ScoringRules.Total(framework, final.Lines.Select(l => (criteria[l.CriterionId], l.AppraisedPoints ?? l.SelfPoints)).ToList());
        Assert.Equal(totals.Total, final.FinalTotal);
        Assert.Equal(totals.Grade, final.Grade);

        // Models: 0–4 a year per obliged unit, some with none; dates in order with the state; replications only of recognised models of another unit.
        Assert.True(a.Models > 0 && a.ModelSteps > 2 * a.Models && a.Replications > 0, a.ToString());

        // Grassroots democracy: registers with most items disclosed and some missing; votes counted as the rules count them.
        Assert.True(a.Disclosures > 0 && a.PeopleDecisions > 0, a.ToString());
        Assert.Equal(a.Disclosures, await db.Disclosures.LongCountAsync(d => d.Title.StartsWith(DataGenerator.GeneratedDisclosure)));
        var votes = await db.PeopleDecisions.AsNoTracking().Where(d => d.Matter.StartsWith(DataGenerator.GeneratedDisclosure)).ToListAsync();
        Assert.Equal(a.PeopleDecisions, votes.Count);
        var voteRules = DanVan.Domain.Democracy.DecisionRules.Shipped().ToDictionary(r => r.Code);
        Assert.All(votes, v => Assert.Equal(DanVan.Domain.Democracy.DecisionRules.Count(voteRules[v.RuleCode], v.Form, v.HouseholdsEntitled, v.HouseholdsPresent, v.For).Outcome, v.Outcome));
        Assert.All(votes, v => Assert.True(v.For + v.Against <= v.HouseholdsPresent && v.HouseholdsPresent <= v.HouseholdsEntitled));
        Assert.Contains(votes, v => v.Outcome == DanVan.Domain.Democracy.DecisionOutcome.Rejected);

        // Training: rosters, sessions, and briefings whose staff present are of the session's unit and on its staff that day, never above its attendees.
        Assert.True(a.Staff > 0 && a.TrainingSessions > 0 && a.Attendances > 0, a.ToString());
        var present = await (from t in db.TrainingAttendances
                             join s in db.TrainingSessions on t.SessionId equals s.Id
                             join m in db.StaffMembers on t.StaffMemberId equals m.Id
                             where s.Title.StartsWith(DataGenerator.GeneratedDisclosure)
                             select new { s.Id, s.Kind, s.HeldOn, s.Attendees, SessionUnit = s.UnitId, StaffUnit = m.UnitId, m.JoinedOn, m.LeftOn }).ToListAsync();
        Assert.Equal(a.Attendances, present.Count);
        Assert.All(present, p => Assert.True(p.SessionUnit == p.StaffUnit && p.Kind == DanVan.Domain.Training.SessionKind.Briefing
            && DanVan.Domain.Training.TrainingRules.OnStaff(p.JoinedOn, p.LeftOn, p.HeldOn)));
        Assert.All(present.GroupBy(p => p.Id), g => Assert.True(g.Count() <= g.First().Attendees));
        var models = await db.MobilizationModels.AsNoTracking().Where(m => m.Situation == DataGenerator.GeneratedModelSituation).ToListAsync();
        Assert.Equal(a.Models, models.Count);
        var obligedKinds = new[] { OrgUnitKind.Department, OrgUnitKind.Inspectorate, OrgUnitKind.PublicServiceUnit, OrgUnitKind.Commune, OrgUnitKind.Ward, OrgUnitKind.SpecialZone };
        var obliged = await db.OrgUnits.CountAsync(u => u.ValidTo == null && obligedKinds.Contains(u.Kind) && u.AncestorPath.StartsWith(prefix));
        foreach (var year in new[] { 2024, 2025, 2026 })
        {
            var perUnit = models.Where(m => m.Year == year).GroupBy(m => m.UnitId).ToDictionary(g => g.Key, g => g.Count());
            Assert.All(perUnit.Values, n => Assert.InRange(n, 1, 4));
            Assert.InRange(obliged - perUnit.Count, (int)(0.03 * obliged), (int)(0.12 * obliged));
            Assert.InRange(perUnit.Values.Sum(), (int)(2.4 * obliged), (int)(3.2 * obliged));
        }

        var today = new DateOnly(2026, 11, 30);
        Assert.All(models, m =>
        {
            Assert.True(m.RegisteredOn.Year == m.Year && m.RegisteredOn <= today, $"model {m.Id}");
            Assert.True((m.ApprovedOn is null || m.ApprovedOn > m.RegisteredOn) && (m.LaunchedOn is null || (m.ApprovedOn < m.LaunchedOn))
                && (m.RecognisedOn is null || (m.LaunchedOn < m.RecognisedOn && m.RecognisedOn <= today && m.LevelCode != null && m.RecognisedByUnitId != null))
                && (m.RemovedOn is null || (m.LaunchedOn < m.RemovedOn && m.RemovedOn <= today)), $"dates of model {m.Id}");
            Assert.Equal(m.State is DanVan.Domain.Models.ModelStatus.Recognised or DanVan.Domain.Models.ModelStatus.Commended, m.RecognisedOn != null && m.RemovedOn == null);
            Assert.Equal(m.State == DanVan.Domain.Models.ModelStatus.Removed, m.RemovedOn != null);
            Assert.Equal(m.State is DanVan.Domain.Models.ModelStatus.Registered or DanVan.Domain.Models.ModelStatus.Returned, m.ApprovedOn == null);
            Assert.Equal(m.State >= DanVan.Domain.Models.ModelStatus.Launched, m.LaunchedOn != null);
        });
        Assert.Contains(models, m => m.Year < 2026 && m.State == DanVan.Domain.Models.ModelStatus.Removed);
        Assert.Contains(models, m => m.State == DanVan.Domain.Models.ModelStatus.Returned);
        Assert.True(models.Count(m => m.Year == 2026 && m.State <= DanVan.Domain.Models.ModelStatus.InProgress) > 0.8 * models.Count(m => m.Year == 2026));
        var modelById = models.ToDictionary(m => m.Id);
        Assert.All(models.Where(m => m.ReplicatedFromId != null), m =>
        {
            var original = modelById[m.ReplicatedFromId!.Value];
            Assert.True(original.UnitId != m.UnitId && original.RecognisedOn < m.RegisteredOn, $"replication {m.Id} of {original.Id}");
            Assert.True(DanVan.Domain.Models.ModelRules.IsRecognised(original.State));
        });
        var modelSteps = await db.ModelSteps.AsNoTracking().Where(s => db.MobilizationModels.Any(m => m.Id == s.ModelId && m.Situation == DataGenerator.GeneratedModelSituation)).ToListAsync();
        Assert.Equal(models.Count(m => m.ReplicatedFromId != null),
            modelSteps.Count(s => s.Action == DanVan.Domain.Models.ModelAction.Replicated && modelById[s.RelatedModelId!.Value].ReplicatedFromId == s.ModelId));
        // The step log: in date order, its last state-changing step's state is the model's, and every state it passes through is allowed after the one before.
        foreach (var g in modelSteps.Where(s => s.Action != DanVan.Domain.Models.ModelAction.Replicated).GroupBy(s => s.ModelId))
        {
            var log = g.OrderBy(s => s.Id).ToList();
            Assert.Equal(log.OrderBy(s => s.On).Select(s => s.Id), log.Select(s => s.Id));
            Assert.Equal(DanVan.Domain.Models.ModelAction.Register, log[0].Action);
            Assert.Equal(modelById[g.Key].State, log[^1].StateAfter);
            for (var i = 1; i < log.Count; i++)
            {
                Assert.Contains(log[i].Action, DanVan.Domain.Models.ModelRules.Allowed(log[i - 1].StateAfter));
            }

            Assert.Equal(modelById[g.Key].RecognisedOn, log.SingleOrDefault(s => s.Action == DanVan.Domain.Models.ModelAction.Recognise)?.On);
            Assert.Contains(log, s => s.Action == DanVan.Domain.Models.ModelAction.Review || modelById[g.Key].RecognisedOn == null);
        }
    }
}
