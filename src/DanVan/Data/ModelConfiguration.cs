using DanVan.Domain.Audit;
using DanVan.Domain.Calendar;
using DanVan.Domain.Cases;
using DanVan.Domain.Deadlines;
using DanVan.Domain.Dialogues;
using DanVan.Domain.Documents;
using DanVan.Domain.Models;
using DanVan.Domain.WorkItems;
using DanVan.Domain.Plans;
using DanVan.Domain.Reports;
using DanVan.Domain.Units;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Data;

/// <summary>The mapping of DanVan's own tables. Identical on both engines except for PostgreSQL index operator classes.</summary>
internal static class ModelConfiguration
{
    /// <summary>The columns of a record edited with history (ADR-019): its version, the concurrency token, and its withdrawal.</summary>
    private static void Versioned<T>(Microsoft.EntityFrameworkCore.Metadata.Builders.EntityTypeBuilder<T> e)
        where T : class, Domain.Editing.IVersioned
    {
        e.Property(x => x.Version).IsConcurrencyToken();
        e.Property(x => x.WithdrawnBy).HasMaxLength(256);
        e.Property(x => x.WithdrawnReason).HasMaxLength(2000);
    }

    public static void Apply(ModelBuilder builder, bool isPostgres)
    {
        builder.Entity<OrgUnit>(e =>
        {
            e.ToTable("OrgUnits");
            e.Property(u => u.Code).HasMaxLength(32).IsRequired();
            e.Property(u => u.Name).HasMaxLength(300).IsRequired();
            e.Property(u => u.SearchText).HasMaxLength(400).IsRequired();
            e.Property(u => u.ShortName).HasMaxLength(100);
            e.Property(u => u.AncestorPath).HasMaxLength(400).IsRequired();
            e.Property(u => u.LegalBasis).HasMaxLength(300);
            e.HasIndex(u => u.Code).IsUnique();
            e.HasIndex(u => new { u.ParentId, u.Kind });
            var path = e.HasIndex(u => u.AncestorPath);
            if (isPostgres)
            {
                // LIKE 'prefix%' can use a btree index only with the pattern operator class under a non-C collation.
                path.HasOperators("text_pattern_ops");
            }

            e.HasOne(u => u.Parent).WithMany().HasForeignKey(u => u.ParentId).OnDelete(DeleteBehavior.Restrict);
            e.Ignore(u => u.SubtreePrefix);
        });

        builder.Entity<OrgUnitEvent>(e =>
        {
            e.ToTable("OrgUnitEvents");
            e.Property(x => x.OldName).HasMaxLength(300);
            e.Property(x => x.NewName).HasMaxLength(300);
            e.Property(x => x.LegalBasis).HasMaxLength(300);
            e.Property(x => x.Note).HasMaxLength(1000);
            e.HasIndex(x => new { x.UnitId, x.EffectiveDate });
            e.HasOne(x => x.Unit).WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<OrgUnitSuccession>(e =>
        {
            e.ToTable("OrgUnitSuccessions");
            e.HasIndex(x => x.PredecessorId);
            e.HasIndex(x => x.SuccessorId);
            e.HasOne(x => x.Predecessor).WithMany().HasForeignKey(x => x.PredecessorId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<OrgUnit>().WithMany().HasForeignKey(x => x.SuccessorId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne(x => x.Event).WithMany().HasForeignKey(x => x.EventId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<AuditEntry>(e =>
        {
            e.ToTable("AuditEntries");
            e.Property(x => x.UserId).HasMaxLength(450);
            e.Property(x => x.UserName).HasMaxLength(256).IsRequired();
            e.Property(x => x.Action).HasMaxLength(32).IsRequired();
            e.Property(x => x.EntityType).HasMaxLength(100).IsRequired();
            e.Property(x => x.EntityId).HasMaxLength(450).IsRequired();
            e.Property(x => x.Changes).IsRequired();
            e.HasIndex(x => x.AtUtc);
            e.HasIndex(x => new { x.EntityType, x.EntityId });
            e.HasIndex(x => x.UserId);
            e.HasIndex(x => x.UnitId);
        });

        builder.Entity<CalendarDay>(e =>
        {
            e.ToTable("CalendarDays");
            e.Property(x => x.Name).HasMaxLength(200).IsRequired();
            e.Property(x => x.Source).HasMaxLength(300);
            e.HasIndex(x => x.Date).IsUnique();
        });

        builder.Entity<DeadlineRule>(e =>
        {
            e.ToTable("DeadlineRules");
            e.Property(x => x.Code).HasMaxLength(60).IsRequired();
            e.Property(x => x.Procedure).HasMaxLength(60).IsRequired();
            e.Property(x => x.Name).HasMaxLength(300).IsRequired();
            e.Property(x => x.CountsFrom).HasMaxLength(300).IsRequired();
            e.Property(x => x.Basis).HasMaxLength(300).IsRequired();
            e.Property(x => x.Note).HasMaxLength(2000);
            e.HasIndex(x => new { x.Code, x.ValidFrom }).IsUnique();
            e.HasMany(x => x.Variants).WithOne().HasForeignKey(v => v.RuleId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<DeadlineRuleVariant>(e =>
        {
            e.ToTable("DeadlineRuleVariants");
            e.Property(x => x.Basis).HasMaxLength(100);
            e.HasIndex(x => new { x.RuleId, x.Conditions }).IsUnique();
        });

        builder.Entity<CitizenCase>(e =>
        {
            e.ToTable("Cases");
            e.Property(x => x.Code).HasMaxLength(60).IsRequired();
            e.Property(x => x.AccessKeyHash).HasMaxLength(64).IsRequired();
            e.Property(x => x.Summary).HasMaxLength(4000).IsRequired();
            e.Property(x => x.Field).HasMaxLength(40).IsRequired();
            e.Property(x => x.SenderName).HasMaxLength(300);
            e.Property(x => x.SenderAddress).HasMaxLength(500);
            e.Property(x => x.SenderPhone).HasMaxLength(30);
            e.Property(x => x.Representatives).HasMaxLength(1000);
            e.Property(x => x.Respondent).HasMaxLength(500);
            e.Property(x => x.HandlerUserId).HasMaxLength(450);
            e.Property(x => x.DueRuleCode).HasMaxLength(60);
            e.Property(x => x.DueExplanation).HasMaxLength(600);
            e.Property(x => x.SearchText).HasMaxLength(1200).IsRequired();
            e.Property(x => x.ConcurrencyStamp).IsConcurrencyToken();
            e.HasIndex(x => x.Code).IsUnique();
            e.HasIndex(x => new { x.UnitId, x.State, x.DueOn });
            // The year's cases of a scope by field (dashboard) read from the index alone (bench: cases-dashboard, 0026).
            e.HasIndex(x => new { x.UnitId, x.ReceivedOn, x.Field });
            e.HasIndex(x => new { x.HandlerUserId, x.State });
            e.HasIndex(x => x.DuplicateOfId);
            e.HasIndex(x => x.ReceptionSessionId);
            // The open register (every coordinator's first list): only the open cases, by unit and deadline (bench: cases);
            // State and ReceivedOn let the dashboard's backlog by age come from the index alone (0026).
            e.HasIndex(x => new { x.UnitId, x.DueOn, x.State, x.ReceivedOn }, "IX_Cases_Open").HasFilter("\"ClosedOn\" IS NULL");
            // Closed cases by unit and day, with what the on-time rate and the measures count (dashboard, DON_GQ, DON_DUNGHAN).
            e.HasIndex(x => new { x.UnitId, x.ClosedOn, x.State, x.WithinCompetence, x.ClosedOnTime }, "IX_Cases_Closed").HasFilter("\"ClosedOn\" IS NOT NULL");
            e.HasOne<OrgUnit>().WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Domain.Reception.ReceptionSession>().WithMany().HasForeignKey(x => x.ReceptionSessionId).OnDelete(DeleteBehavior.Restrict);
            e.HasMany(x => x.Steps).WithOne().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<CaseStep>(e =>
        {
            e.ToTable("CaseSteps");
            e.Property(x => x.Reason).HasMaxLength(2000);
            e.Property(x => x.ToBody).HasMaxLength(300);
            e.Property(x => x.DueExplanation).HasMaxLength(600);
            e.Property(x => x.ByUserName).HasMaxLength(256).IsRequired();
            e.HasIndex(x => new { x.CaseId, x.Id });
        });

        builder.Entity<MobilizationModel>(e =>
        {
            e.ToTable("MobilizationModels");
            e.Property(x => x.FieldCode).HasMaxLength(20).IsRequired();
            e.Property(x => x.Name).HasMaxLength(300).IsRequired();
            foreach (var text in new[] { nameof(MobilizationModel.Situation), nameof(MobilizationModel.Objectives), nameof(MobilizationModel.Content),
                nameof(MobilizationModel.AreaAndTargets), nameof(MobilizationModel.Forces), nameof(MobilizationModel.Resources),
                nameof(MobilizationModel.Outputs), nameof(MobilizationModel.Sustainability) })
            {
                e.Property(text).HasMaxLength(4000).IsRequired();
            }

            e.Property(x => x.LevelCode).HasMaxLength(20);
            e.Property(x => x.SearchText).HasMaxLength(1200).IsRequired();
            e.Property(x => x.ConcurrencyStamp).IsConcurrencyToken();
            e.HasIndex(x => new { x.UnitId, x.RegisteredOn });
            e.HasIndex(x => new { x.UnitId, x.State });
            e.HasIndex(x => new { x.RegisteredWithUnitId, x.State });
            e.HasIndex(x => new { x.Year, x.State });
            e.HasIndex(x => new { x.State, x.RecognisedOn });
            e.HasIndex(x => x.ReplicatedFromId);
            e.HasOne<OrgUnit>().WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<OrgUnit>().WithMany().HasForeignKey(x => x.RegisteredWithUnitId).OnDelete(DeleteBehavior.Restrict);
            e.HasMany(x => x.Milestones).WithOne().HasForeignKey(x => x.ModelId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(x => x.Steps).WithOne().HasForeignKey(x => x.ModelId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<ModelMilestone>(e =>
        {
            e.ToTable("ModelMilestones");
            e.Property(x => x.Title).HasMaxLength(300).IsRequired();
            e.HasIndex(x => new { x.ModelId, x.Order }).IsUnique();
        });

        builder.Entity<ModelStep>(e =>
        {
            e.ToTable("ModelSteps");
            e.Property(x => x.Note).HasMaxLength(2000);
            e.Property(x => x.LevelCode).HasMaxLength(20);
            e.Property(x => x.ByUserName).HasMaxLength(256).IsRequired();
            e.HasIndex(x => new { x.ModelId, x.Id });
            e.HasMany(x => x.Scores).WithOne().HasForeignKey(x => x.StepId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<ModelReviewScore>(e =>
        {
            e.ToTable("ModelReviewScores");
            e.HasKey(x => new { x.StepId, x.CriterionCode });
            e.Property(x => x.CriterionCode).HasMaxLength(20);
            e.Property(x => x.CriterionName).HasMaxLength(300).IsRequired();
        });

        builder.Entity<Domain.Democracy.DisclosureItem>(e =>
        {
            e.ToTable("DisclosureItems");
            e.Property(x => x.Code).HasMaxLength(20).IsRequired();
            e.Property(x => x.Name).HasMaxLength(500).IsRequired();
            e.Property(x => x.Article).HasMaxLength(100).IsRequired();
            e.Property(x => x.LegalBasis).HasMaxLength(500).IsRequired();
            e.HasIndex(x => new { x.Code, x.ValidFrom }).IsUnique();
        });

        builder.Entity<Domain.Democracy.Disclosure>(e =>
        {
            e.ToTable("Disclosures");
            e.Property(x => x.ItemCode).HasMaxLength(20).IsRequired();
            e.Property(x => x.Title).HasMaxLength(500).IsRequired();
            e.Property(x => x.Note).HasMaxLength(2000);
            e.Property(x => x.FileName).HasMaxLength(260);
            e.Property(x => x.FileContentType).HasMaxLength(100);
            e.Property(x => x.SearchText).HasMaxLength(1200).IsRequired();
            e.Property(x => x.RecordedByUserName).HasMaxLength(256).IsRequired();
            e.Property(x => x.ConcurrencyStamp).IsConcurrencyToken();
            e.HasIndex(x => new { x.UnitId, x.Year, x.ItemCode });
            e.HasIndex(x => new { x.Year, x.ItemCode });
            e.HasIndex(x => new { x.UnitId, x.DisclosedOn });
            e.HasOne<OrgUnit>().WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<Domain.Democracy.DecisionRule>(e =>
        {
            e.ToTable("DecisionRules");
            e.Property(x => x.Code).HasMaxLength(40).IsRequired();
            e.Property(x => x.Name).HasMaxLength(300).IsRequired();
            e.Property(x => x.LegalBasis).HasMaxLength(500).IsRequired();
            e.HasIndex(x => new { x.Code, x.ValidFrom }).IsUnique();
        });

        builder.Entity<Domain.Democracy.PeopleDecision>(e =>
        {
            e.ToTable("PeopleDecisions");
            e.Property(x => x.Community).HasMaxLength(200).IsRequired();
            e.Property(x => x.RuleCode).HasMaxLength(40).IsRequired();
            e.Property(x => x.Matter).HasMaxLength(1000).IsRequired();
            e.Property(x => x.Place).HasMaxLength(300);
            e.Property(x => x.ThresholdText).HasMaxLength(500).IsRequired();
            e.Property(x => x.LegalBasis).HasMaxLength(500).IsRequired();
            e.Property(x => x.ChairName).HasMaxLength(200);
            e.Property(x => x.SecretaryName).HasMaxLength(200);
            e.Property(x => x.Conclusion).HasMaxLength(2000);
            e.Property(x => x.SearchText).HasMaxLength(1500).IsRequired();
            e.Property(x => x.RecordedByUserName).HasMaxLength(256).IsRequired();
            e.Property(x => x.ConcurrencyStamp).IsConcurrencyToken();
            e.HasIndex(x => new { x.UnitId, x.HeldOn });
            e.HasOne<OrgUnit>().WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<Domain.Indices.IndexDefinition>(e =>
        {
            e.ToTable("IndexDefinitions");
            e.Property(x => x.Code).HasMaxLength(20).IsRequired();
            e.Property(x => x.Name).HasMaxLength(300).IsRequired();
            e.Property(x => x.Owner).HasMaxLength(300).IsRequired();
            e.Property(x => x.LegalBasis).HasMaxLength(500).IsRequired();
            e.Property(x => x.Unit).HasMaxLength(10).IsRequired();
            e.Property(x => x.Note).HasMaxLength(1000);
            e.HasIndex(x => x.Code).IsUnique();
        });

        builder.Entity<Domain.Indices.IndexComponent>(e =>
        {
            e.ToTable("IndexComponents");
            e.Property(x => x.IndexCode).HasMaxLength(20).IsRequired();
            e.Property(x => x.Code).HasMaxLength(20).IsRequired();
            e.Property(x => x.Name).HasMaxLength(300).IsRequired();
            e.HasIndex(x => new { x.IndexCode, x.Code }).IsUnique();
        });

        builder.Entity<Domain.Indices.IndexValue>(e =>
        {
            e.ToTable("IndexValues");
            e.Property(x => x.IndexCode).HasMaxLength(20).IsRequired();
            e.Property(x => x.ComponentCode).HasMaxLength(20).IsRequired();
            e.Property(x => x.SourceNote).HasMaxLength(300);
            e.Property(x => x.EnteredByUserName).HasMaxLength(256).IsRequired();
            e.Property(x => x.ConcurrencyStamp).IsConcurrencyToken();
            e.HasIndex(x => new { x.IndexCode, x.ComponentCode, x.UnitId, x.Year }).IsUnique();
            e.HasIndex(x => new { x.UnitId, x.Year });
            e.HasIndex(x => new { x.IndexCode, x.Year });
            e.HasOne<OrgUnit>().WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<Domain.Democracy.PeopleConsultationMatter>(e =>
        {
            e.ToTable("PeopleConsultationMatters");
            e.Property(x => x.Code).HasMaxLength(40).IsRequired();
            e.Property(x => x.Name).HasMaxLength(500).IsRequired();
            e.Property(x => x.Article).HasMaxLength(100).IsRequired();
            e.Property(x => x.LegalBasis).HasMaxLength(500).IsRequired();
            e.HasIndex(x => new { x.Code, x.ValidFrom }).IsUnique();
        });

        builder.Entity<Domain.Democracy.PeopleConsultation>(e =>
        {
            e.ToTable("PeopleConsultations");
            e.Property(x => x.MatterCode).HasMaxLength(40).IsRequired();
            e.Property(x => x.Subject).HasMaxLength(1000).IsRequired();
            e.Property(x => x.Community).HasMaxLength(200).IsRequired();
            e.Property(x => x.Response).HasMaxLength(4000);
            e.Property(x => x.Decision).HasMaxLength(2000);
            e.Property(x => x.FileName).HasMaxLength(260);
            e.Property(x => x.FileContentType).HasMaxLength(100);
            e.Property(x => x.SearchText).HasMaxLength(1500).IsRequired();
            e.Property(x => x.RecordedByUserName).HasMaxLength(256).IsRequired();
            e.Property(x => x.ConcurrencyStamp).IsConcurrencyToken();
            e.HasIndex(x => new { x.UnitId, x.ClosesOn });
            e.HasIndex(x => new { x.MatterCode, x.ClosesOn });
            e.HasIndex(x => x.ClosesOn);
            e.HasOne<OrgUnit>().WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<Domain.Democracy.PeopleConsultationFile>(e =>
        {
            e.ToTable("PeopleConsultationFiles");
            e.HasKey(x => x.ConsultationId);
            e.Property(x => x.Content).IsRequired();
            e.HasOne<Domain.Democracy.PeopleConsultation>().WithOne().HasForeignKey<Domain.Democracy.PeopleConsultationFile>(x => x.ConsultationId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<Domain.Democracy.OversightBoardRule>(e =>
        {
            e.ToTable("OversightBoardRules");
            e.Property(x => x.Code).HasMaxLength(40).IsRequired();
            e.Property(x => x.LegalBasis).HasMaxLength(500).IsRequired();
            e.HasIndex(x => new { x.Code, x.ValidFrom }).IsUnique();
        });

        builder.Entity<Domain.Democracy.OversightBoard>(e =>
        {
            e.ToTable("OversightBoards");
            e.Property(x => x.Name).HasMaxLength(300).IsRequired();
            e.Property(x => x.Project).HasMaxLength(500);
            e.Property(x => x.SearchText).HasMaxLength(1500).IsRequired();
            e.Property(x => x.RecordedByUserName).HasMaxLength(256).IsRequired();
            e.Property(x => x.ConcurrencyStamp).IsConcurrencyToken();
            e.HasIndex(x => new { x.UnitId, x.TermFrom });
            e.HasIndex(x => x.TermFrom);
            e.HasOne<OrgUnit>().WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
            e.HasMany(x => x.Members).WithOne().HasForeignKey(x => x.BoardId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<Domain.Democracy.OversightBoardMember>(e =>
        {
            e.ToTable("OversightBoardMembers");
            e.Property(x => x.Name).HasMaxLength(200).IsRequired();
            e.HasIndex(x => x.BoardId);
        });

        builder.Entity<Domain.Democracy.OversightActivity>(e =>
        {
            e.ToTable("OversightActivities");
            e.Property(x => x.Subject).HasMaxLength(1000).IsRequired();
            e.Property(x => x.Findings).HasMaxLength(4000);
            e.Property(x => x.Recommendations).HasMaxLength(4000);
            e.Property(x => x.SearchText).HasMaxLength(1500).IsRequired();
            e.Property(x => x.RecordedByUserName).HasMaxLength(256).IsRequired();
            e.Property(x => x.ConcurrencyStamp).IsConcurrencyToken();
            e.HasIndex(x => new { x.BoardId, x.HeldOn });
            e.HasIndex(x => new { x.UnitId, x.HeldOn });
            e.HasOne<Domain.Democracy.OversightBoard>().WithMany().HasForeignKey(x => x.BoardId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<OrgUnit>().WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<Domain.Democracy.StaffConferenceRule>(e =>
        {
            e.ToTable("StaffConferenceRules");
            e.Property(x => x.Code).HasMaxLength(40).IsRequired();
            e.Property(x => x.LegalBasis).HasMaxLength(500).IsRequired();
            e.HasIndex(x => new { x.Code, x.ValidFrom }).IsUnique();
        });

        builder.Entity<Domain.Democracy.StaffConference>(e =>
        {
            e.ToTable("StaffConferences");
            e.Property(x => x.ResolutionNumber).HasMaxLength(50);
            e.Property(x => x.ResolutionText).HasMaxLength(4000);
            e.Property(x => x.Notes).HasMaxLength(2000);
            e.Property(x => x.SearchText).HasMaxLength(1500).IsRequired();
            e.Property(x => x.RecordedByUserName).HasMaxLength(256).IsRequired();
            e.Property(x => x.ConcurrencyStamp).IsConcurrencyToken();
            e.HasIndex(x => new { x.UnitId, x.Year }).IsUnique();
            e.HasIndex(x => new { x.UnitId, x.HeldOn });
            e.HasIndex(x => x.HeldOn);
            e.HasOne<OrgUnit>().WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<Domain.Democracy.DisclosureFile>(e =>
        {
            e.ToTable("DisclosureFiles");
            e.HasKey(x => x.DisclosureId);
            e.Property(x => x.Content).IsRequired();
            e.HasOne<Domain.Democracy.Disclosure>().WithOne().HasForeignKey<Domain.Democracy.DisclosureFile>(x => x.DisclosureId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<ModelReviewCriterion>(e =>
        {
            e.ToTable("ModelReviewCriteria");
            e.Property(x => x.Code).HasMaxLength(20).IsRequired();
            e.Property(x => x.Name).HasMaxLength(300).IsRequired();
            e.Property(x => x.LegalBasis).HasMaxLength(500).IsRequired();
            e.HasIndex(x => new { x.Code, x.ValidFrom }).IsUnique();
        });

        builder.Entity<ModelEvidence>(e =>
        {
            e.ToTable("ModelEvidence");
            e.Property(x => x.FileName).HasMaxLength(260).IsRequired();
            e.Property(x => x.ContentType).HasMaxLength(100).IsRequired();
            e.Property(x => x.Content).IsRequired();
            e.HasIndex(x => x.StepId);
            e.HasOne<ModelStep>().WithMany().HasForeignKey(x => x.StepId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<Domain.Cases.CaseField>(e =>
        {
            e.ToTable("CaseFields");
            e.Property(x => x.Code).HasMaxLength(40).IsRequired();
            e.Property(x => x.Name).HasMaxLength(200).IsRequired();
            e.Property(x => x.LegalBasis).HasMaxLength(500).IsRequired();
            e.HasIndex(x => new { x.Code, x.ValidFrom }).IsUnique();
        });
        builder.Entity<ModelField>(e =>
        {
            e.ToTable("ModelFields");
            e.Property(x => x.Code).HasMaxLength(20).IsRequired();
            e.Property(x => x.Name).HasMaxLength(200).IsRequired();
            e.Property(x => x.Description).HasMaxLength(1000);
            e.Property(x => x.LegalBasis).HasMaxLength(500).IsRequired();
            e.HasIndex(x => new { x.Code, x.ValidFrom }).IsUnique();
        });

        builder.Entity<RecognitionLevel>(e =>
        {
            e.ToTable("RecognitionLevels");
            e.Property(x => x.Code).HasMaxLength(20).IsRequired();
            e.Property(x => x.Name).HasMaxLength(200).IsRequired();
            e.Property(x => x.LegalBasis).HasMaxLength(500).IsRequired();
            e.HasIndex(x => new { x.Code, x.ValidFrom }).IsUnique();
        });

        builder.Entity<CaseIdentity>(e =>
        {
            e.ToTable("CaseIdentities");
            e.HasKey(x => x.CaseId);
            e.Property(x => x.KeyId).HasMaxLength(40).IsRequired();
            e.Property(x => x.Sealed).HasMaxLength(4000).IsRequired();
            e.HasOne<CitizenCase>().WithOne().HasForeignKey<CaseIdentity>(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<Domain.Reception.ReceptionDuty>(e =>
        {
            e.ToTable("ReceptionDuties");
            e.Property(x => x.Code).HasMaxLength(60).IsRequired();
            e.Property(x => x.Holder).HasMaxLength(200).IsRequired();
            e.Property(x => x.UnitKinds).HasMaxLength(100).IsRequired();
            e.Property(x => x.Basis).HasMaxLength(500).IsRequired();
            e.HasIndex(x => new { x.Code, x.ValidFrom }).IsUnique();
        });

        builder.Entity<Domain.Reception.ReceptionSession>(e =>
        {
            e.ToTable("ReceptionSessions");
            e.Property(x => x.Time).HasMaxLength(60);
            e.Property(x => x.Place).HasMaxLength(300).IsRequired();
            e.Property(x => x.HostName).HasMaxLength(200).IsRequired();
            e.Property(x => x.HostPost).HasMaxLength(200).IsRequired();
            e.Property(x => x.GroupRepresentatives).HasMaxLength(1000);
            e.Property(x => x.Matters).HasMaxLength(4000);
            e.Property(x => x.Conclusion).HasMaxLength(4000);
            e.Property(x => x.NotHeldReason).HasMaxLength(1000);
            e.Property(x => x.CreatedBy).HasMaxLength(256).IsRequired();
            e.Property(x => x.RecordedBy).HasMaxLength(256);
            e.Property(x => x.ConcurrencyStamp).IsConcurrencyToken();
            e.HasIndex(x => new { x.UnitId, x.On });
            e.HasIndex(x => new { x.On, x.State });
            e.HasOne<OrgUnit>().WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<Dialogue>(e =>
        {
            e.ToTable("Dialogues");
            e.Property(x => x.Topic).HasMaxLength(500).IsRequired();
            e.Property(x => x.ChairName).HasMaxLength(300).IsRequired();
            e.Property(x => x.AudienceDetail).HasMaxLength(500);
            e.Property(x => x.Place).HasMaxLength(500).IsRequired();
            e.Property(x => x.CoOrganiser).HasMaxLength(300);
            e.Property(x => x.NoticeExplanation).HasMaxLength(600);
            e.Property(x => x.RecordSummary).HasMaxLength(4000);
            e.Property(x => x.ResultsDueExplanation).HasMaxLength(600);
            e.Property(x => x.ResultsSummary).HasMaxLength(4000);
            e.Property(x => x.SearchText).HasMaxLength(2000).IsRequired();
            e.Property(x => x.ConcurrencyStamp).IsConcurrencyToken();
            e.HasIndex(x => new { x.UnitId, x.HeldOn });
            e.HasIndex(x => new { x.State, x.HeldOn });
            e.HasOne<OrgUnit>().WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
            e.HasMany(x => x.Opinions).WithOne().HasForeignKey(x => x.DialogueId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<DialogueOpinion>(e =>
        {
            e.ToTable("DialogueOpinions");
            e.Property(x => x.SpeakerName).HasMaxLength(300).IsRequired();
            e.Property(x => x.Content).HasMaxLength(4000).IsRequired();
            e.Property(x => x.Field).HasMaxLength(40).IsRequired();
            e.Property(x => x.Answer).HasMaxLength(4000);
            e.HasIndex(x => new { x.DialogueId, x.Number }).IsUnique();
        });

        builder.Entity<DialogueCommitment>(e =>
        {
            e.ToTable("DialogueCommitments");
            e.Property(x => x.Content).HasMaxLength(4000).IsRequired();
            e.Property(x => x.DoneNote).HasMaxLength(2000);
            e.HasIndex(x => x.DialogueId);
            e.HasIndex(x => x.OpinionId).IsUnique();
            e.HasIndex(x => new { x.OwnerUnitId, x.State, x.DueOn });
            e.HasIndex(x => new { x.State, x.DueOn });
            e.HasOne<Dialogue>().WithMany().HasForeignKey(x => x.DialogueId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<DialogueOpinion>().WithOne().HasForeignKey<DialogueCommitment>(x => x.OpinionId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<OrgUnit>().WithMany().HasForeignKey(x => x.OwnerUnitId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<Domain.Scoring.ScoringFramework>(e =>
        {
            e.ToTable("ScoringFrameworks");
            e.Property(x => x.Code).HasMaxLength(60).IsRequired();
            e.Property(x => x.Name).HasMaxLength(500).IsRequired();
            e.Property(x => x.ProvinceCode).HasMaxLength(20);
            e.Property(x => x.LegalBasis).HasMaxLength(1000).IsRequired();
            e.Property(x => x.AppliesToKinds).HasMaxLength(200).IsRequired();
            e.Property(x => x.Bands).HasMaxLength(500).IsRequired();
            e.Property(x => x.Note).HasMaxLength(2000);
            e.HasIndex(x => new { x.Code, x.Version }).IsUnique();
            e.HasMany(x => x.Criteria).WithOne().HasForeignKey(x => x.FrameworkId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<Domain.Scoring.ScoringCriterion>(e =>
        {
            e.ToTable("ScoringCriteria");
            e.Property(x => x.Code).HasMaxLength(20).IsRequired();
            e.Property(x => x.Name).HasMaxLength(500).IsRequired();
            e.Property(x => x.MeasureCode).HasMaxLength(60);
            e.Property(x => x.DenominatorCode).HasMaxLength(60);
            e.Property(x => x.Steps).HasMaxLength(200);
            e.Property(x => x.Guidance).HasMaxLength(1000);
            e.HasIndex(x => new { x.FrameworkId, x.Code }).IsUnique();
            e.HasIndex(x => x.ParentId);
            e.HasOne<Domain.Scoring.ScoringCriterion>().WithMany().HasForeignKey(x => x.ParentId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<Domain.Scoring.ScoringRound>(e =>
        {
            e.ToTable("ScoringRounds");
            e.Property(x => x.OpenedBy).HasMaxLength(256).IsRequired();
            e.Property(x => x.PublishedBy).HasMaxLength(256);
            e.HasIndex(x => new { x.ProvinceUnitId, x.Year, x.FrameworkId }).IsUnique();
            e.HasIndex(x => x.FrameworkId);
            e.HasOne<Domain.Scoring.ScoringFramework>().WithMany().HasForeignKey(x => x.FrameworkId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<OrgUnit>().WithMany().HasForeignKey(x => x.ProvinceUnitId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<Domain.Scoring.ScoreSheet>(e =>
        {
            e.ToTable("ScoreSheets");
            e.Property(x => x.UnitPath).HasMaxLength(400).IsRequired();
            e.Property(x => x.Explanation).HasMaxLength(8000);
            e.Property(x => x.Grade).HasMaxLength(100);
            e.Property(x => x.SubmittedBy).HasMaxLength(256);
            e.Property(x => x.AppraisedBy).HasMaxLength(256);
            e.Property(x => x.ObjectionText).HasMaxLength(4000);
            e.Property(x => x.ObjectedBy).HasMaxLength(256);
            e.Property(x => x.DecisionText).HasMaxLength(4000);
            e.Property(x => x.DecidedBy).HasMaxLength(256);
            e.Property(x => x.ConcurrencyStamp).IsConcurrencyToken();
            e.HasIndex(x => new { x.RoundId, x.UnitId }).IsUnique();
            e.HasIndex(x => new { x.RoundId, x.Group, x.FinalTotal });
            e.HasIndex(x => new { x.RoundId, x.State });
            e.HasIndex(x => new { x.UnitId, x.RoundId });
            e.HasOne<Domain.Scoring.ScoringRound>().WithMany().HasForeignKey(x => x.RoundId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<OrgUnit>().WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
            e.HasMany(x => x.Lines).WithOne().HasForeignKey(x => x.SheetId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<Domain.Scoring.ScoreLine>(e =>
        {
            e.ToTable("ScoreLines");
            e.Ignore(x => x.Points);
            e.Property(x => x.Provenance).HasMaxLength(1000);
            e.Property(x => x.Note).HasMaxLength(4000);
            e.Property(x => x.AppraisalReason).HasMaxLength(2000);
            e.HasIndex(x => new { x.SheetId, x.CriterionId }).IsUnique();
            e.HasIndex(x => x.CriterionId);
            e.HasOne<Domain.Scoring.ScoringCriterion>().WithMany().HasForeignKey(x => x.CriterionId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<Domain.Scoring.ScoreEvidence>(e =>
        {
            e.ToTable("ScoreEvidence");
            e.Property(x => x.FileName).HasMaxLength(260).IsRequired();
            e.Property(x => x.ContentType).HasMaxLength(100).IsRequired();
            e.Property(x => x.UploadedBy).HasMaxLength(256).IsRequired();
            e.HasIndex(x => x.LineId);
            e.HasIndex(x => x.SheetId);
            e.HasOne<Domain.Scoring.ScoreLine>().WithMany().HasForeignKey(x => x.LineId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<Domain.Scoring.CommendationTitle>(e =>
        {
            e.ToTable("CommendationTitles");
            e.Property(x => x.Code).HasMaxLength(60).IsRequired();
            e.Property(x => x.Form).HasMaxLength(100).IsRequired();
            e.Property(x => x.Name).HasMaxLength(300).IsRequired();
            e.Property(x => x.Level).HasMaxLength(100).IsRequired();
            e.Property(x => x.LegalBasis).HasMaxLength(1000).IsRequired();
            e.HasIndex(x => new { x.Code, x.ValidFrom }).IsUnique();
        });

        builder.Entity<Domain.Scoring.CommendationProposal>(e =>
        {
            e.ToTable("CommendationProposals");
            e.Ignore(x => x.IsIndividual);
            e.Property(x => x.Form).HasMaxLength(100).IsRequired();
            e.Property(x => x.SubjectKey).HasMaxLength(300).IsRequired();
            e.Property(x => x.PersonName).HasMaxLength(200);
            e.Property(x => x.PersonPosition).HasMaxLength(200);
            e.Property(x => x.Achievements).HasMaxLength(8000).IsRequired();
            e.Property(x => x.ProposedBy).HasMaxLength(256).IsRequired();
            e.HasIndex(x => new { x.Year, x.SubjectKey, x.Form }).IsUnique();
            e.HasIndex(x => new { x.RoundId, x.TitleId });
            e.HasIndex(x => x.TitleId);
            e.HasIndex(x => x.UnitId);
            e.HasOne<Domain.Scoring.ScoringRound>().WithMany().HasForeignKey(x => x.RoundId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<Domain.Scoring.CommendationTitle>().WithMany().HasForeignKey(x => x.TitleId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<OrgUnit>().WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<Domain.Consultations.Consultation>(e =>
        {
            e.ToTable("Consultations");
            e.Property(x => x.Title).HasMaxLength(1000).IsRequired();
            e.Property(x => x.Subject).HasMaxLength(1000).IsRequired();
            e.Property(x => x.LetterNumber).HasMaxLength(100);
            e.Property(x => x.DueExplanation).HasMaxLength(600).IsRequired();
            e.Property(x => x.SilenceRule).HasMaxLength(1000).IsRequired();
            e.Property(x => x.Contact).HasMaxLength(300);
            e.Property(x => x.DraftFileName).HasMaxLength(260);
            e.Property(x => x.SignerName).HasMaxLength(200);
            e.Property(x => x.SignerAuthority).HasMaxLength(200);
            e.Property(x => x.SearchText).HasMaxLength(2000).IsRequired();
            e.Property(x => x.CreatedBy).HasMaxLength(256).IsRequired();
            e.Property(x => x.ConcurrencyStamp).IsConcurrencyToken();
            e.HasIndex(x => new { x.UnitId, x.SentOn });
            e.HasIndex(x => new { x.Audience, x.SentOn }); // the public page: the people's consultations, newest first
            e.HasIndex(x => x.DueOn);
            e.HasIndex(x => x.PreviousRoundId);
            e.HasOne<OrgUnit>().WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Domain.Consultations.Consultation>().WithMany().HasForeignKey(x => x.PreviousRoundId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<Domain.Consultations.DraftParagraph>(e =>
        {
            e.ToTable("DraftParagraphs");
            e.Property(x => x.Label).HasMaxLength(40);
            e.Property(x => x.Text).HasMaxLength(8000).IsRequired();
            e.HasIndex(x => new { x.ConsultationId, x.Number }).IsUnique();
            e.HasOne<Domain.Consultations.Consultation>().WithMany().HasForeignKey(x => x.ConsultationId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<Domain.Consultations.ConsultationRespondent>(e =>
        {
            e.ToTable("ConsultationRespondents");
            e.HasIndex(x => new { x.ConsultationId, x.UnitId }).IsUnique();
            e.HasIndex(x => new { x.UnitId, x.State });
            e.HasOne<Domain.Consultations.Consultation>().WithMany().HasForeignKey(x => x.ConsultationId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<OrgUnit>().WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<Domain.Consultations.ConsultationAnswer>(e =>
        {
            e.ToTable("ConsultationAnswers");
            e.Property(x => x.GeneralComment).HasMaxLength(4000);
            e.Property(x => x.SignerName).HasMaxLength(200).IsRequired();
            e.Property(x => x.SignerPosition).HasMaxLength(200);
            e.Property(x => x.FileName).HasMaxLength(260);
            e.Property(x => x.FileContentType).HasMaxLength(100);
            e.Property(x => x.SubmittedBy).HasMaxLength(256).IsRequired();
            e.HasIndex(x => new { x.RespondentId, x.Version }).IsUnique();
            e.HasIndex(x => x.ConsultationId);
            e.HasOne<Domain.Consultations.ConsultationRespondent>().WithMany().HasForeignKey(x => x.RespondentId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<Domain.Consultations.ConsultationComment>(e =>
        {
            e.ToTable("ConsultationComments");
            e.Property(x => x.Text).HasMaxLength(4000).IsRequired();
            e.Property(x => x.Explanation).HasMaxLength(4000);
            e.Property(x => x.HandledBy).HasMaxLength(256);
            e.HasIndex(x => x.AnswerId);
            e.HasIndex(x => x.ParagraphId);
            e.HasIndex(x => new { x.ConsultationId, x.ParagraphId });
            e.HasOne<Domain.Consultations.ConsultationAnswer>().WithMany().HasForeignKey(x => x.AnswerId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<Domain.Consultations.DraftParagraph>().WithMany().HasForeignKey(x => x.ParagraphId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<DocumentType>(e =>
        {
            e.ToTable("DocumentTypes");
            e.HasKey(x => x.Code);
            e.Property(x => x.Code).HasMaxLength(10);
            e.Property(x => x.Name).HasMaxLength(100).IsRequired();
        });

        builder.Entity<Document>(e =>
        {
            Versioned(e);
            e.ToTable("Documents");
            e.Property(x => x.IssuerName).HasMaxLength(300).IsRequired();
            e.Property(x => x.Code).HasMaxLength(100).IsRequired();
            e.Property(x => x.TypeCode).HasMaxLength(10);
            e.Property(x => x.IssuerSymbol).HasMaxLength(100).IsRequired();
            e.Property(x => x.TypeName).HasMaxLength(100).IsRequired();
            e.Property(x => x.Place).HasMaxLength(100);
            e.Property(x => x.Title).HasMaxLength(1000).IsRequired();
            e.Property(x => x.SignerAuthority).HasMaxLength(10);
            e.Property(x => x.SignerPosition).HasMaxLength(200);
            e.Property(x => x.SignerName).HasMaxLength(200);
            e.Property(x => x.Recipients).HasMaxLength(4000);
            e.Property(x => x.SearchText).HasMaxLength(1600).IsRequired();
            e.HasIndex(x => new { x.OwnerUnitId, x.IssuedOn });
            e.HasIndex(x => x.Code);
            e.HasIndex(x => new { x.IssuingUnitId, x.IssuedOn }); // VB: documents a unit issued in a period (0035)
            e.HasOne<OrgUnit>().WithMany().HasForeignKey(x => x.OwnerUnitId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<OrgUnit>().WithMany().HasForeignKey(x => x.IssuingUnitId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<DocumentCitation>(e =>
        {
            e.ToTable("DocumentCitations");
            e.Property(x => x.CitedCode).HasMaxLength(100);
            e.Property(x => x.Description).HasMaxLength(500).IsRequired();
            e.HasIndex(x => x.DocumentId);
            e.HasIndex(x => x.CitedDocumentId);
            e.HasIndex(x => x.CitedCode);
            e.HasOne<Document>().WithMany().HasForeignKey(x => x.DocumentId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<Document>().WithMany().HasForeignKey(x => x.CitedDocumentId).OnDelete(DeleteBehavior.SetNull);
        });

        builder.Entity<DocumentFile>(e =>
        {
            e.ToTable("DocumentFiles");
            e.Property(x => x.FileName).HasMaxLength(260).IsRequired();
            e.Property(x => x.ContentType).HasMaxLength(100).IsRequired();
            e.Property(x => x.Content).IsRequired();
            e.HasIndex(x => x.DocumentId).IsUnique();
            e.HasOne<Document>().WithMany().HasForeignKey(x => x.DocumentId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<WorkItem>(e =>
        {
            Versioned(e);
            e.ToTable("WorkItems");
            e.Property(x => x.Title).HasMaxLength(500).IsRequired();
            e.Property(x => x.Description).HasMaxLength(4000);
            e.Property(x => x.SearchText).HasMaxLength(600).IsRequired();
            e.Ignore(x => x.Schedule);
            e.HasIndex(x => x.LeadUnitId);
            e.HasIndex(x => x.AssignedByUnitId);
            e.HasIndex(x => x.SourceDocumentId);
            e.HasIndex(x => x.BatchId).HasFilter("\"BatchId\" IS NOT NULL");
            e.HasIndex(x => new { x.ModelYear, x.LeadUnitId }, "IX_WorkItems_ModelObligations").HasFilter("\"ModelQuota\" IS NOT NULL");
            e.HasOne<OrgUnit>().WithMany().HasForeignKey(x => x.LeadUnitId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<OrgUnit>().WithMany().HasForeignKey(x => x.AssignedByUnitId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Document>().WithMany().HasForeignKey(x => x.SourceDocumentId).OnDelete(DeleteBehavior.SetNull);
        });

        builder.Entity<WorkItemCoUnit>(e =>
        {
            e.ToTable("WorkItemCoUnits");
            e.HasKey(x => new { x.WorkItemId, x.UnitId });
            e.HasIndex(x => x.UnitId);
            e.HasOne<WorkItem>().WithMany().HasForeignKey(x => x.WorkItemId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<OrgUnit>().WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<WorkItemDeadline>(e =>
        {
            e.HasQueryFilter(x => !x.Withdrawn); // a withdrawn task leaves boards, lists, digests and counts (ADR-019)
            e.ToTable("WorkItemDeadlines");
            e.HasIndex(x => new { x.LeadUnitId, x.DueOn });
            e.HasIndex(x => new { x.AssignedByUnitId, x.DueOn });
            e.HasIndex(x => new { x.DueOn, x.CompletedOn });
            e.HasIndex(x => new { x.AssignedByUnitId, x.ReportedCompletedOn });
            e.HasIndex(x => x.WorkItemId);
            e.HasOne<WorkItem>().WithMany().HasForeignKey(x => x.WorkItemId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<WorkItemUpdate>(e =>
        {
            e.ToTable("WorkItemUpdates");
            e.Property(x => x.UserName).HasMaxLength(256).IsRequired();
            e.Property(x => x.Note).HasMaxLength(2000).IsRequired();
            e.HasIndex(x => x.DeadlineId);
            e.HasOne<WorkItemDeadline>().WithMany().HasForeignKey(x => x.DeadlineId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<WorkItemEvidence>(e =>
        {
            e.ToTable("WorkItemEvidence");
            e.Property(x => x.FileName).HasMaxLength(260).IsRequired();
            e.Property(x => x.ContentType).HasMaxLength(100).IsRequired();
            e.Property(x => x.Content).IsRequired();
            e.HasIndex(x => x.UpdateId);
            e.HasOne<WorkItemUpdate>().WithMany().HasForeignKey(x => x.UpdateId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<ExtensionRequest>(e =>
        {
            e.ToTable("ExtensionRequests");
            e.Property(x => x.Reason).HasMaxLength(2000).IsRequired();
            e.Property(x => x.RequestedBy).HasMaxLength(256).IsRequired();
            e.Property(x => x.DecidedBy).HasMaxLength(256);
            e.Property(x => x.DecisionNote).HasMaxLength(2000);
            e.HasIndex(x => new { x.DeadlineId, x.Status });
            e.HasOne<WorkItemDeadline>().WithMany().HasForeignKey(x => x.DeadlineId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<Features.FollowUp.Notification>(e =>
        {
            e.ToTable("Notifications");
            e.Property(x => x.UserId).HasMaxLength(450).IsRequired();
            e.Property(x => x.Title).HasMaxLength(300).IsRequired();
            e.Property(x => x.Body).IsRequired();
            e.Property(x => x.Source).HasMaxLength(200).IsRequired();
            e.Property(x => x.Link).HasMaxLength(500);
            e.HasIndex(x => new { x.UserId, x.Day, x.Source }).IsUnique();
            e.HasIndex(x => new { x.UserId, x.ReadAtUtc });
            e.HasOne<AppUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<Features.FollowUp.JobLease>(e =>
        {
            e.ToTable("JobLeases");
            e.HasKey(x => x.Name);
            e.Property(x => x.Name).HasMaxLength(100);
            e.Property(x => x.Holder).HasMaxLength(200);
        });

        builder.Entity<Domain.Editing.RecordVersion>(e =>
        {
            e.ToTable("RecordVersions");
            e.Property(x => x.Snapshot).IsRequired();
            e.Property(x => x.ReplacedBy).HasMaxLength(256).IsRequired();
            e.Property(x => x.Reason).HasMaxLength(2000);
            e.HasIndex(x => new { x.Kind, x.RecordId, x.Version }).IsUnique();
            e.HasIndex(x => x.UnitId);
            e.HasOne<OrgUnit>().WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<Plan>(e =>
        {
            Versioned(e);
            e.ToTable("Plans");
            e.Property(x => x.Purposes).HasMaxLength(8000).IsRequired();
            e.Property(x => x.Body).IsRequired();
            e.HasIndex(x => x.DocumentId).IsUnique();
            e.HasIndex(x => x.OwnerUnitId);
            e.HasIndex(x => x.ParentPlanId);
            e.Property(x => x.AdoptionKinds).HasMaxLength(300);
            e.Ignore(x => x.AdoptionKindList);
            e.HasOne<Plan>().WithMany().HasForeignKey(x => x.ParentPlanId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Document>().WithMany().HasForeignKey(x => x.DocumentId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<OrgUnit>().WithMany().HasForeignKey(x => x.OwnerUnitId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<PlanTarget>(e =>
        {
            Versioned(e);
            e.ToTable("PlanTargets");
            e.Property(x => x.Description).HasMaxLength(500).IsRequired();
            e.Property(x => x.Comparison).HasMaxLength(2).IsRequired();
            e.Property(x => x.Unit).HasMaxLength(20).IsRequired();
            e.Property(x => x.Measure).HasMaxLength(300);
            e.Property(x => x.MeasureCode).HasMaxLength(60);
            e.Property(x => x.DenominatorCode).HasMaxLength(60);
            e.Property(x => x.DroppedReason).HasMaxLength(500);
            e.HasIndex(x => x.PlanId);
            e.HasIndex(x => x.MeasureCode);
            e.HasOne<Plan>().WithMany().HasForeignKey(x => x.PlanId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<OrgUnit>().WithMany().HasForeignKey(x => x.ResponsibleUnitId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<PlanTargetTask>(e =>
        {
            e.ToTable("PlanTargetTasks");
            e.HasKey(x => new { x.PlanTargetId, x.WorkItemId });
            e.Property(x => x.LinkedByUserName).HasMaxLength(256).IsRequired();
            e.HasIndex(x => x.WorkItemId);
            e.HasOne<PlanTarget>().WithMany().HasForeignKey(x => x.PlanTargetId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<Domain.WorkItems.WorkItem>().WithMany().HasForeignKey(x => x.WorkItemId).OnDelete(DeleteBehavior.Cascade);
        });

        ConfigureReports(builder, isPostgres);

        builder.Entity<DataProtectionKeyRecord>(e =>
        {
            e.ToTable("DataProtectionKeys");
            e.Property(x => x.FriendlyName).HasMaxLength(200);
            e.Property(x => x.Xml).IsRequired();
        });

        builder.Entity<UserSession>(e =>
        {
            e.ToTable("UserSessions");
            e.Property(x => x.Id).HasMaxLength(32);
            e.Property(x => x.UserId).IsRequired();
            e.Property(x => x.EndReason).HasMaxLength(100);
            e.HasIndex(x => new { x.UserId, x.CreatedAtUtc });
            e.HasOne<AppUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<AppUser>(e =>
        {
            e.Property(u => u.FullName).HasMaxLength(200).IsRequired();
            e.Property(u => u.Position).HasMaxLength(200);
            e.HasIndex(u => u.OrgUnitId);
            e.HasOne<OrgUnit>().WithMany().HasForeignKey(u => u.OrgUnitId).OnDelete(DeleteBehavior.Restrict);
        });
    }

    private static void ConfigureReports(ModelBuilder builder, bool isPostgres)
    {
        builder.Entity<ReportRegime>(e =>
        {
            e.ToTable("ReportRegimes");
            e.Property(x => x.Code).HasMaxLength(30).IsRequired();
            e.Property(x => x.Name).HasMaxLength(300).IsRequired();
            e.Property(x => x.LegalBasis).HasMaxLength(2000);
            e.Property(x => x.ObligatedKinds).HasMaxLength(300).IsRequired();
            e.HasIndex(x => x.Code).IsUnique();
        });

        builder.Entity<ReportDueRule>(e =>
        {
            e.ToTable("ReportDueRules");
            e.HasIndex(x => new { x.RegimeId, x.Kind }).IsUnique();
            e.HasOne<ReportRegime>().WithMany().HasForeignKey(x => x.RegimeId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<ReportSection>(e =>
        {
            e.ToTable("ReportSections");
            e.Property(x => x.Code).HasMaxLength(20).IsRequired();
            e.Property(x => x.Title).HasMaxLength(300).IsRequired();
            e.Property(x => x.Guidance).HasMaxLength(1000);
            e.HasIndex(x => new { x.RegimeId, x.Code }).IsUnique();
            e.HasOne<ReportRegime>().WithMany().HasForeignKey(x => x.RegimeId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<ReportIndicator>(e =>
        {
            e.Property(x => x.MeasureCode).HasMaxLength(60);
            e.ToTable("ReportIndicators");
            e.Property(x => x.Code).HasMaxLength(30).IsRequired();
            e.Property(x => x.Name).HasMaxLength(300).IsRequired();
            e.Property(x => x.Unit).HasMaxLength(30).IsRequired();
            e.Property(x => x.Group).HasMaxLength(200).IsRequired();
            e.Property(x => x.NumeratorCode).HasMaxLength(30);
            e.Property(x => x.DenominatorCode).HasMaxLength(30);
            e.Property(x => x.NotAboveCode).HasMaxLength(30);
            e.Ignore(x => x.IsComputed);
            e.HasIndex(x => new { x.RegimeId, x.Code }).IsUnique();
            e.HasOne<ReportRegime>().WithMany().HasForeignKey(x => x.RegimeId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<ReportPeriod>(e =>
        {
            e.ToTable("ReportPeriods");
            e.Property(x => x.Label).HasMaxLength(100).IsRequired();
            e.HasIndex(x => new { x.OwnerUnitId, x.RegimeId, x.Kind, x.Year }).IsUnique();
            e.HasIndex(x => new { x.RegimeId, x.Year });
            e.HasOne<ReportRegime>().WithMany().HasForeignKey(x => x.RegimeId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<OrgUnit>().WithMany().HasForeignKey(x => x.OwnerUnitId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<ReportSubmission>(e =>
        {
            e.ToTable("ReportSubmissions");
            e.Property(x => x.UnitPath).HasMaxLength(200).IsRequired();
            e.Property(x => x.SubmittedBy).HasMaxLength(256);
            e.Property(x => x.DecidedBy).HasMaxLength(256);
            e.Property(x => x.ReturnComment).HasMaxLength(2000);
            e.Property(x => x.ApprovedBy).HasMaxLength(256);
            e.Property(x => x.ConcurrencyStamp).IsConcurrencyToken();
            e.HasIndex(x => new { x.PeriodId, x.UnitId }).IsUnique();
            var path = e.HasIndex(x => new { x.PeriodId, x.UnitPath });
            if (isPostgres)
            {
                path.HasOperators(null!, "text_pattern_ops"); // LIKE 'prefix%' on the path (see OrgUnits.AncestorPath)
            }

            e.HasIndex(x => new { x.PeriodId, x.Status });
            e.HasIndex(x => new { x.PeriodId, x.ProvinceId });
            e.HasIndex(x => new { x.UnitId, x.Status });
            e.HasOne<ReportPeriod>().WithMany().HasForeignKey(x => x.PeriodId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<OrgUnit>().WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<ReportValue>(e =>
        {
            e.ToTable("ReportValues");
            e.HasKey(x => new { x.SubmissionId, x.IndicatorId });
            e.Property(x => x.Provenance).HasMaxLength(500);
            e.Property(x => x.OverrideReason).HasMaxLength(500);
            e.HasIndex(x => x.IndicatorId);
            e.HasIndex(x => new { x.PeriodId, x.IndicatorId });
            e.HasOne<ReportSubmission>().WithMany().HasForeignKey(x => x.SubmissionId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<ReportIndicator>().WithMany().HasForeignKey(x => x.IndicatorId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<ReportNarrative>(e =>
        {
            e.ToTable("ReportNarratives");
            e.HasKey(x => new { x.SubmissionId, x.SectionId });
            e.Property(x => x.Text).IsRequired();
            e.HasIndex(x => x.SectionId);
            e.HasOne<ReportSubmission>().WithMany().HasForeignKey(x => x.SubmissionId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<ReportSection>().WithMany().HasForeignKey(x => x.SectionId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<ReportVersion>(e =>
        {
            e.ToTable("ReportVersions");
            e.Property(x => x.SubmittedBy).HasMaxLength(256).IsRequired();
            e.Property(x => x.ValuesJson).IsRequired();
            e.Property(x => x.NarrativeJson).IsRequired();
            e.Property(x => x.DecisionComment).HasMaxLength(2000);
            e.Property(x => x.DecidedBy).HasMaxLength(256);
            e.Property(x => x.ApprovedBy).HasMaxLength(256);
            e.HasIndex(x => new { x.SubmissionId, x.Version }).IsUnique();
            e.HasOne<ReportSubmission>().WithMany().HasForeignKey(x => x.SubmissionId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<ReportDueChange>(e =>
        {
            e.ToTable("ReportDueChanges");
            e.Property(x => x.Reason).HasMaxLength(1000).IsRequired();
            e.Property(x => x.ChangedBy).HasMaxLength(256).IsRequired();
            e.HasIndex(x => new { x.PeriodId, x.ChangedAtUtc });
            e.HasIndex(x => x.SubmissionId);
            e.HasOne<ReportPeriod>().WithMany().HasForeignKey(x => x.PeriodId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<ReportSubmission>().WithMany().HasForeignKey(x => x.SubmissionId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<ReportReminder>(e =>
        {
            e.ToTable("ReportReminders");
            e.Property(x => x.SentBy).HasMaxLength(256).IsRequired();
            e.HasIndex(x => new { x.PeriodId, x.SentAtUtc });
            e.HasOne<ReportPeriod>().WithMany().HasForeignKey(x => x.PeriodId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<ReportAttachment>(e =>
        {
            e.ToTable("ReportAttachments");
            e.Property(x => x.FileName).HasMaxLength(260).IsRequired();
            e.Property(x => x.ContentType).HasMaxLength(100).IsRequired();
            e.Property(x => x.UploadedBy).HasMaxLength(256).IsRequired();
            e.Property(x => x.Content).IsRequired();
            e.HasIndex(x => x.SubmissionId);
            e.HasOne<ReportSubmission>().WithMany().HasForeignKey(x => x.SubmissionId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<Domain.Training.StaffMember>(e =>
        {
            e.ToTable("StaffMembers");
            e.Property(x => x.FullName).HasMaxLength(200).IsRequired();
            e.Property(x => x.Position).HasMaxLength(200);
            e.Property(x => x.SearchText).HasMaxLength(500).IsRequired();
            e.Property(x => x.ConcurrencyStamp).IsConcurrencyToken();
            e.HasIndex(x => new { x.UnitId, x.FullName });
            e.HasOne<OrgUnit>().WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<Domain.Training.TrainingSession>(e =>
        {
            e.ToTable("TrainingSessions");
            e.Property(x => x.Title).HasMaxLength(500).IsRequired();
            e.Property(x => x.Place).HasMaxLength(300);
            e.Property(x => x.Note).HasMaxLength(2000);
            e.Property(x => x.SearchText).HasMaxLength(1200).IsRequired();
            e.Property(x => x.RecordedByUserName).HasMaxLength(256).IsRequired();
            e.Property(x => x.ConcurrencyStamp).IsConcurrencyToken();
            e.HasIndex(x => new { x.UnitId, x.HeldOn });
            e.HasOne<OrgUnit>().WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<Domain.Training.NewsItem>(e =>
        {
            e.ToTable("NewsItems");
            e.Property(x => x.Title).HasMaxLength(500).IsRequired();
            e.Property(x => x.Channel).HasMaxLength(200).IsRequired();
            e.Property(x => x.Link).HasMaxLength(1000);
            e.Property(x => x.SearchText).HasMaxLength(1000).IsRequired();
            e.Property(x => x.RecordedByUserName).HasMaxLength(256).IsRequired();
            e.Property(x => x.ConcurrencyStamp).IsConcurrencyToken();
            e.HasIndex(x => new { x.UnitId, x.PublishedOn });
            e.HasOne<OrgUnit>().WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<Domain.Training.TrainingSessionDocument>(e =>
        {
            e.ToTable("TrainingSessionDocuments");
            e.HasKey(x => new { x.SessionId, x.DocumentId });
            e.HasIndex(x => x.DocumentId);
            e.HasOne<Domain.Training.TrainingSession>().WithMany().HasForeignKey(x => x.SessionId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<Document>().WithMany().HasForeignKey(x => x.DocumentId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<Domain.Training.TrainingAttendance>(e =>
        {
            e.ToTable("TrainingAttendances");
            e.HasKey(x => new { x.SessionId, x.StaffMemberId });
            e.HasIndex(x => x.StaffMemberId);
            e.HasOne<Domain.Training.TrainingSession>().WithMany().HasForeignKey(x => x.SessionId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<Domain.Training.StaffMember>().WithMany().HasForeignKey(x => x.StaffMemberId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}

