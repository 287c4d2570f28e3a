using DanVan.Domain.Audit;
using DanVan.Domain.Calendar;
using DanVan.Domain.Cases;
using DanVan.Domain.Deadlines;
using DanVan.Domain.Documents;
using DanVan.Domain.Models;
using DanVan.Domain.WorkItems;
using DanVan.Domain.Plans;
using DanVan.Domain.Reports;
using DanVan.Domain.Units;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Data;

public class AppDbContext(DbContextOptions<AppDbContext> options, IAuditActor? actor = null, TimeProvider? clock = null)
    : IdentityDbContext<AppUser>(options)
{
    private bool savingAudit;

    public DbSet<OrgUnit> OrgUnits => Set<OrgUnit>();

    public DbSet<OrgUnitEvent> OrgUnitEvents => Set<OrgUnitEvent>();

    public DbSet<OrgUnitSuccession> OrgUnitSuccessions => Set<OrgUnitSuccession>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<CalendarDay> CalendarDays => Set<CalendarDay>();

    public DbSet<DeadlineRule> DeadlineRules => Set<DeadlineRule>();

    public DbSet<CitizenCase> Cases => Set<CitizenCase>();

    public DbSet<CaseStep> CaseSteps => Set<CaseStep>();

    public DbSet<Domain.Dialogues.Dialogue> Dialogues => Set<Domain.Dialogues.Dialogue>();

    public DbSet<Domain.Dialogues.DialogueOpinion> DialogueOpinions => Set<Domain.Dialogues.DialogueOpinion>();

    public DbSet<Domain.Dialogues.DialogueCommitment> DialogueCommitments => Set<Domain.Dialogues.DialogueCommitment>();

    public DbSet<Domain.Consultations.Consultation> Consultations => Set<Domain.Consultations.Consultation>();

    public DbSet<Domain.Consultations.DraftParagraph> DraftParagraphs => Set<Domain.Consultations.DraftParagraph>();

    public DbSet<Domain.Consultations.ConsultationRespondent> ConsultationRespondents => Set<Domain.Consultations.ConsultationRespondent>();

    public DbSet<Domain.Consultations.ConsultationAnswer> ConsultationAnswers => Set<Domain.Consultations.ConsultationAnswer>();

    public DbSet<Domain.Consultations.ConsultationComment> ConsultationComments => Set<Domain.Consultations.ConsultationComment>();

    public DbSet<CaseIdentity> CaseIdentities => Set<CaseIdentity>();

    public DbSet<Domain.Reception.ReceptionDuty> ReceptionDuties => Set<Domain.Reception.ReceptionDuty>();

    public DbSet<Domain.Reception.ReceptionSession> ReceptionSessions => Set<Domain.Reception.ReceptionSession>();
    public DbSet<MobilizationModel> MobilizationModels => Set<MobilizationModel>();

    public DbSet<ModelMilestone> ModelMilestones => Set<ModelMilestone>();

    public DbSet<ModelStep> ModelSteps => Set<ModelStep>();

    public DbSet<ModelEvidence> ModelEvidence => Set<ModelEvidence>();

    public DbSet<ModelField> ModelFields => Set<ModelField>();

    public DbSet<Domain.Cases.CaseField> CaseFields => Set<Domain.Cases.CaseField>();

    public DbSet<Domain.Scoring.ScoringFramework> ScoringFrameworks => Set<Domain.Scoring.ScoringFramework>();

    public DbSet<Domain.Scoring.ScoringCriterion> ScoringCriteria => Set<Domain.Scoring.ScoringCriterion>();

    public DbSet<Domain.Scoring.ScoringRound> ScoringRounds => Set<Domain.Scoring.ScoringRound>();

    public DbSet<Domain.Scoring.ScoreSheet> ScoreSheets => Set<Domain.Scoring.ScoreSheet>();

    public DbSet<Domain.Scoring.ScoreLine> ScoreLines => Set<Domain.Scoring.ScoreLine>();

    public DbSet<Domain.Scoring.ScoreEvidence> ScoreEvidence => Set<Domain.Scoring.ScoreEvidence>();

    public DbSet<Domain.Scoring.CommendationTitle> CommendationTitles => Set<Domain.Scoring.CommendationTitle>();

    public DbSet<Domain.Scoring.CommendationProposal> CommendationProposals => Set<Domain.Scoring.CommendationProposal>();

    public DbSet<RecognitionLevel> RecognitionLevels => Set<RecognitionLevel>();

    public DbSet<ModelReviewCriterion> ModelReviewCriteria => Set<ModelReviewCriterion>();

    public DbSet<ModelReviewScore> ModelReviewScores => Set<ModelReviewScore>();

    public DbSet<Domain.Democracy.DisclosureItem> DisclosureItems => Set<Domain.Democracy.DisclosureItem>();

    public DbSet<Domain.Democracy.Disclosure> Disclosures => Set<Domain.Democracy.Disclosure>();

    public DbSet<Domain.Democracy.DisclosureFile> DisclosureFiles => Set<Domain.Democracy.DisclosureFile>();

    public DbSet<Domain.Democracy.DecisionRule> DecisionRules => Set<Domain.Democracy.DecisionRule>();

    public DbSet<Domain.Democracy.PeopleDecision> PeopleDecisions => Set<Domain.Democracy.PeopleDecision>();

    public DbSet<Domain.Democracy.PeopleConsultationMatter> PeopleConsultationMatters => Set<Domain.Democracy.PeopleConsultationMatter>();

    public DbSet<Domain.Democracy.PeopleConsultation> PeopleConsultations => Set<Domain.Democracy.PeopleConsultation>();

    public DbSet<Domain.Democracy.PeopleConsultationFile> PeopleConsultationFiles => Set<Domain.Democracy.PeopleConsultationFile>();
    public DbSet<Domain.Democracy.OversightBoardRule> OversightBoardRules => Set<Domain.Democracy.OversightBoardRule>();

    public DbSet<Domain.Democracy.OversightBoard> OversightBoards => Set<Domain.Democracy.OversightBoard>();

    public DbSet<Domain.Democracy.OversightBoardMember> OversightBoardMembers => Set<Domain.Democracy.OversightBoardMember>();

    public DbSet<Domain.Democracy.OversightActivity> OversightActivities => Set<Domain.Democracy.OversightActivity>();

    public DbSet<Domain.Democracy.StaffConferenceRule> StaffConferenceRules => Set<Domain.Democracy.StaffConferenceRule>();

    public DbSet<Domain.Democracy.StaffConference> StaffConferences => Set<Domain.Democracy.StaffConference>();

    public DbSet<Domain.Indices.IndexDefinition> IndexDefinitions => Set<Domain.Indices.IndexDefinition>();

    public DbSet<Domain.Indices.IndexComponent> IndexComponents => Set<Domain.Indices.IndexComponent>();

    public DbSet<Domain.Indices.IndexValue> IndexValues => Set<Domain.Indices.IndexValue>();

    public DbSet<DeadlineRuleVariant> DeadlineRuleVariants => Set<DeadlineRuleVariant>();

    public DbSet<DocumentType> DocumentTypes => Set<DocumentType>();

    public DbSet<Document> Documents => Set<Document>();

    public DbSet<DocumentCitation> DocumentCitations => Set<DocumentCitation>();

    public DbSet<DocumentFile> DocumentFiles => Set<DocumentFile>();

    public DbSet<WorkItem> WorkItems => Set<WorkItem>();

    public DbSet<WorkItemCoUnit> WorkItemCoUnits => Set<WorkItemCoUnit>();

    public DbSet<WorkItemDeadline> WorkItemDeadlines => Set<WorkItemDeadline>();

    public DbSet<WorkItemUpdate> WorkItemUpdates => Set<WorkItemUpdate>();

    public DbSet<ExtensionRequest> ExtensionRequests => Set<ExtensionRequest>();

    public DbSet<WorkItemEvidence> WorkItemEvidence => Set<WorkItemEvidence>();

    public DbSet<Plan> Plans => Set<Plan>();

    public DbSet<PlanTarget> PlanTargets => Set<PlanTarget>();

    public DbSet<PlanTargetTask> PlanTargetTasks => Set<PlanTargetTask>();

    public DbSet<Domain.Editing.RecordVersion> RecordVersions => Set<Domain.Editing.RecordVersion>();

    public DbSet<UserSession> UserSessions => Set<UserSession>();

    public DbSet<DataProtectionKeyRecord> DataProtectionKeys => Set<DataProtectionKeyRecord>();

    public DbSet<ReportRegime> ReportRegimes => Set<ReportRegime>();

    public DbSet<ReportDueRule> ReportDueRules => Set<ReportDueRule>();

    public DbSet<ReportSection> ReportSections => Set<ReportSection>();

    public DbSet<ReportIndicator> ReportIndicators => Set<ReportIndicator>();

    public DbSet<ReportPeriod> ReportPeriods => Set<ReportPeriod>();

    public DbSet<ReportSubmission> ReportSubmissions => Set<ReportSubmission>();

    public DbSet<ReportValue> ReportValues => Set<ReportValue>();

    public DbSet<ReportNarrative> ReportNarratives => Set<ReportNarrative>();

    public DbSet<ReportVersion> ReportVersions => Set<ReportVersion>();

    public DbSet<ReportAttachment> ReportAttachments => Set<ReportAttachment>();

    public DbSet<ReportDueChange> ReportDueChanges => Set<ReportDueChange>();

    public DbSet<ReportReminder> ReportReminders => Set<ReportReminder>();

    public DbSet<Domain.Training.StaffMember> StaffMembers => Set<Domain.Training.StaffMember>();

    public DbSet<Domain.Training.TrainingSession> TrainingSessions => Set<Domain.Training.TrainingSession>();

    public DbSet<Domain.Training.NewsItem> NewsItems => Set<Domain.Training.NewsItem>();

    public DbSet<Domain.Training.TrainingSessionDocument> TrainingSessionDocuments => Set<Domain.Training.TrainingSessionDocument>();

    public DbSet<Domain.Training.TrainingAttendance> TrainingAttendances => Set<Domain.Training.TrainingAttendance>();

    public bool IsPostgres => Database.ProviderName == "Npgsql.EntityFrameworkCore.PostgreSQL";

    /// <summary>When set, one summary audit entry is written instead of one per row (bulk imports).</summary>
    public string? BulkAuditSummary { get; set; }

    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder) =>
        optionsBuilder.AddInterceptors(VietnameseOrder.SqliteInterceptor.Instance); // Vietnamese order on SQLite too

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        ModelConfiguration.Apply(builder, IsPostgres);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        throw new NotSupportedException("DanVan saves asynchronously: use SaveChangesAsync.");

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        if (savingAudit)
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        var now = (clock ?? TimeProvider.System).GetUtcNow().UtcDateTime;
        var pending = AuditRecorder.Capture(ChangeTracker);
        if (pending.Count == 0)
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        // The change and its audit entries commit together or not at all.
        var ownTransaction = Database.CurrentTransaction is null
            ? await Database.BeginTransactionAsync(cancellationToken)
            : null;
        try
        {
            var written = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            var who = actor?.Current ?? AuditActorInfo.System;
            if (BulkAuditSummary is { } summary)
            {
                AuditEntries.Add(AuditRecorder.Summary(pending, summary, who, now));
                BulkAuditSummary = null;
            }
            else
            {
                AuditEntries.AddRange(pending.Select(p => p.ToEntry(who, now)));
            }

            savingAudit = true;
            try
            {
                await base.SaveChangesAsync(true, cancellationToken);
            }
            finally
            {
                savingAudit = false;
            }

            if (ownTransaction is not null)
            {
                await ownTransaction.CommitAsync(cancellationToken);
            }

            return written;
        }
        catch
        {
            if (ownTransaction is not null)
            {
                await ownTransaction.RollbackAsync(CancellationToken.None);
            }

            throw;
        }
        finally
        {
            if (ownTransaction is not null)
            {
                await ownTransaction.DisposeAsync();
            }
        }
    }
}
