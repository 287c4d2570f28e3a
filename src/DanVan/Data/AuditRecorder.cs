using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using DanVan.Domain.Audit;
using DanVan.Domain.Units;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace DanVan.Data;

/// <summary>Who is writing: the signed-in user, or the command line.</summary>
public sealed record AuditActorInfo(string? UserId, string UserName, int? UnitId)
{
    public static readonly AuditActorInfo System = new(null, "hệ thống", null);
}

public interface IAuditActor
{
    AuditActorInfo Current { get; }
}

/// <summary>Turns tracked changes into audit entries: before and after values of each changed property.</summary>
internal static class AuditRecorder
{
    /// <summary>System bookkeeping, not user data: key ring, job leases, generated digests.</summary>
    private static readonly HashSet<Type> NotAudited =
        [typeof(AuditEntry), typeof(DataProtectionKeyRecord), typeof(Features.FollowUp.JobLease), typeof(Features.FollowUp.Notification),
         typeof(Domain.Editing.RecordVersion)]; // a version holds the previous values, already in the record's own update entry

    /// <summary>Secrets never reach the audit trail: only the fact that they changed.</summary>
    private static readonly HashSet<string> Masked =
        ["PasswordHash", "SecurityStamp", "ConcurrencyStamp", "Value", "ClaimValue", "Sealed", "AccessKeyHash"];

    /// <summary>Derived columns: recomputed from other values, not worth an entry of their own.</summary>
    private static readonly HashSet<string> Derived = ["SearchText", "NormalizedUserName", "NormalizedEmail", "NormalizedName"];

    internal static readonly JsonSerializerOptions Json = new()
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        WriteIndented = false,
    };

    public static List<PendingAudit> Capture(ChangeTracker tracker)
    {
        tracker.DetectChanges();
        var result = new List<PendingAudit>();
        foreach (var entry in tracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted)
                || NotAudited.Contains(entry.Metadata.ClrType))
            {
                continue;
            }

            var changes = new Dictionary<string, object?[]>();
            foreach (var property in entry.Properties)
            {
                var name = property.Metadata.Name;
                if (Derived.Contains(name))
                {
                    continue;
                }

                var changed = entry.State switch
                {
                    EntityState.Added => property.CurrentValue is not null,
                    EntityState.Deleted => property.OriginalValue is not null,
                    _ => property.IsModified && !Equals(property.OriginalValue, property.CurrentValue),
                };
                if (!changed || property.Metadata.IsPrimaryKey())
                {
                    continue;
                }

                var before = entry.State == EntityState.Added ? null : property.OriginalValue;
                var after = entry.State == EntityState.Deleted ? null : property.CurrentValue;
                changes[name] = [Render(MaskKey(entry, name), before), Render(MaskKey(entry, name), after)];
            }

            if (changes.Count == 0)
            {
                continue;
            }

            var action = entry.State switch
            {
                EntityState.Added => "create",
                EntityState.Deleted => "delete",
                _ => "update",
            };
            result.Add(new PendingAudit(entry, action, changes));
        }

        return result;
    }

    /// <summary>A read of need-to-know data (a citizen's details, a denouncer's identity): who read what of which unit.</summary>
    public static AuditEntry Read(Domain.Access.UserScope user, int unitId, string action, string entityType, int entityId, Dictionary<string, string> details, DateTime now) => new()
    {
        AtUtc = now,
        UserId = user.UserId,
        UserName = user.UserName,
        ActorUnitId = user.UnitId,
        UnitId = unitId,
        Action = action,
        EntityType = entityType,
        EntityId = entityId.ToString(CultureInfo.InvariantCulture),
        Changes = JsonSerializer.Serialize(details, Json),
    };

    public static AuditEntry Summary(List<PendingAudit> pending, string summary, AuditActorInfo who, DateTime now)
    {
        var counts = pending.GroupBy(p => p.Entry.Metadata.ClrType.Name + ":" + p.Action)
            .ToDictionary(g => g.Key, g => g.Count());
        return new AuditEntry
        {
            AtUtc = now,
            UserId = who.UserId,
            UserName = who.UserName,
            ActorUnitId = who.UnitId,
            UnitId = who.UnitId,
            Action = "bulk",
            EntityType = "*",
            EntityId = "",
            Changes = JsonSerializer.Serialize(new { summary, counts }, Json),
        };
    }

    /// <summary>
    /// The name masking looks at: "Value" is a secret in Identity's token and claim rows, but an index result is the very
    /// thing its audit must keep (a value entered again replaces it, ADR-027).
    /// </summary>
    private static string MaskKey(EntityEntry entry, string property) => entry.Entity is Domain.Indices.IndexValue && property == "Value" ? "IndexValue.Value" : property;

    private static object? Render(string property, object? value) => value switch
    {
        not null when Masked.Contains(property) => "***",
        byte[] bytes => $"({bytes.Length} byte)",
        null => null,
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime t => t.ToString("O", CultureInfo.InvariantCulture),
        DateTimeOffset t => t.ToString("O", CultureInfo.InvariantCulture),
        Enum e => e.ToString(),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    internal sealed record PendingAudit(EntityEntry Entry, string Action, Dictionary<string, object?[]> Changes)
    {
        public AuditEntry ToEntry(AuditActorInfo who, DateTime now)
        {
            if (Action == "create")
            {
                // Keys generated by the database (and foreign keys to rows added in the same save) are known only now.
                foreach (var property in Entry.Properties)
                {
                    if (Changes.ContainsKey(property.Metadata.Name))
                    {
                        Changes[property.Metadata.Name] = [null, Render(MaskKey(Entry, property.Metadata.Name), property.CurrentValue)];
                    }
                }
            }

            var key = Entry.Metadata.FindPrimaryKey();
            var id = key is null
                ? ""
                : string.Join(",", key.Properties.Select(p => Convert.ToString(Entry.Property(p.Name).CurrentValue, CultureInfo.InvariantCulture)));
            return new AuditEntry
            {
                AtUtc = now,
                UserId = who.UserId,
                UserName = who.UserName,
                ActorUnitId = who.UnitId,
                UnitId = UnitOf(Entry.Entity) ?? who.UnitId,
                Action = Action,
                EntityType = Entry.Metadata.ClrType.Name,
                EntityId = id,
                Changes = JsonSerializer.Serialize(Changes, Json),
            };
        }

        private static int? UnitOf(object entity) => entity switch
        {
            OrgUnit u => u.Id,
            OrgUnitEvent e => e.UnitId,
            OrgUnitSuccession s => s.SuccessorId,
            Domain.Documents.Document d => d.OwnerUnitId,
            Domain.WorkItems.WorkItem w => w.LeadUnitId,
            Domain.Plans.Plan p => p.OwnerUnitId,
            Domain.Editing.RecordVersion v => v.UnitId,
            Domain.WorkItems.WorkItemDeadline wd => wd.LeadUnitId,
            AppUser user => user.OrgUnitId,
            Domain.Dialogues.Dialogue dl => dl.UnitId,
            Domain.Dialogues.DialogueCommitment dc => dc.OwnerUnitId,
            Domain.Models.MobilizationModel m => m.UnitId,
            Domain.Consultations.Consultation c => c.UnitId,
            Domain.Democracy.Disclosure dd => dd.UnitId,
            Domain.Democracy.PeopleDecision pd => pd.UnitId,
            Domain.Training.TrainingSession ts => ts.UnitId,
            Domain.Training.NewsItem ni => ni.UnitId,
            Domain.Training.StaffMember sm => sm.UnitId,
            Domain.Democracy.PeopleConsultation pc => pc.UnitId,
            Domain.Democracy.OversightBoard ob => ob.UnitId,
            Domain.Democracy.OversightActivity oa => oa.UnitId,
            Domain.Democracy.StaffConference sc => sc.UnitId,
            Domain.Indices.IndexValue iv => iv.UnitId,
            _ => null,
        };
    }
}
