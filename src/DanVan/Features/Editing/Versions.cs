using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using DanVan.Data;
using DanVan.Domain.Access;
using DanVan.Domain.Documents;
using DanVan.Domain.Editing;
using DanVan.Domain.Plans;
using DanVan.Domain.Text;
using DanVan.Domain.Units;
using DanVan.Domain.WorkItems;
using DanVan.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Features.Editing;

/// <summary>
/// The history every editable record shares (ADR-019): before an edit is saved, the fields as they were go whole into
/// <see cref="RecordVersion"/> as JSON, and the record's version number moves on.
/// </summary>
public static class Versions
{
    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    public static Dictionary<string, string?> Of(Document d) => new(StringComparer.Ordinal)
    {
        ["Code"] = d.Code, ["IssuerName"] = d.IssuerName, ["Place"] = d.Place, ["IssuedOn"] = Iso(d.IssuedOn), ["Title"] = d.Title,
        ["SignerAuthority"] = d.SignerAuthority, ["SignerPosition"] = d.SignerPosition, ["SignerName"] = d.SignerName, ["Recipients"] = d.Recipients,
    };

    public static Dictionary<string, string?> Of(Plan p) => new(StringComparer.Ordinal)
    {
        ["Purposes"] = p.Purposes, ["Body"] = p.Body, ["RequiresAdoption"] = p.RequiresAdoption ? "true" : "false",
        ["AdoptionDueOn"] = Iso(p.AdoptionDueOn), ["AdoptionKinds"] = p.AdoptionKinds,
    };

    public static Dictionary<string, string?> Of(PlanTarget t) => new(StringComparer.Ordinal)
    {
        ["Description"] = t.Description, ["Measure"] = t.Measure, ["Comparison"] = t.Comparison,
        ["Value"] = t.Value.ToString(CultureInfo.InvariantCulture), ["Unit"] = t.Unit,
        ["MeasureCode"] = t.MeasureCode, ["DenominatorCode"] = t.DenominatorCode,
    };

    public static Dictionary<string, string?> Of(WorkItem w) => new(StringComparer.Ordinal)
    {
        ["Title"] = w.Title, ["Description"] = w.Description, ["DueOn"] = w.Recurrence == RecurrenceKind.Once ? Iso(w.PeriodEnd) : null,
    };

    public static bool Same(IReadOnlyDictionary<string, string?> a, IReadOnlyDictionary<string, string?> b) =>
        a.Count == b.Count && a.All(kv => b.TryGetValue(kv.Key, out var v) && string.Equals(kv.Value, v, StringComparison.Ordinal));

    /// <summary>Keeps <paramref name="before"/> as the record's current version and moves the record to the next one.</summary>
    public static void Keep(AppDbContext db, RecordKind kind, int recordId, IVersioned record, int unitId,
        IReadOnlyDictionary<string, string?> before, UserScope user, string? reason, DateTime nowUtc)
    {
        db.RecordVersions.Add(new RecordVersion
        {
            Kind = kind, RecordId = recordId, Version = record.Version, UnitId = unitId,
            Snapshot = JsonSerializer.Serialize(before, Json), ReplacedAtUtc = nowUtc, ReplacedBy = user.UserName, Reason = reason,
        });
        record.Version++;
    }

    public static void Withdraw(IVersioned record, UserScope user, string reason, DateTime nowUtc)
    {
        record.WithdrawnAtUtc = nowUtc;
        record.WithdrawnBy = user.UserName;
        record.WithdrawnReason = reason;
        record.Version++;
    }

    public static Dictionary<string, string?> Read(RecordVersion version) =>
        JsonSerializer.Deserialize<Dictionary<string, string?>>(version.Snapshot, Json) ?? [];

    /// <summary>A kept value as an official reads it: dates dd/MM/yyyy, yes/no, unit kinds by name; "—" when empty.</summary>
    public static string Display(string field, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "—";
        }

        if (value is "true" or "false")
        {
            return value == "true" ? "Có" : "Không";
        }

        if (field == "AdoptionKinds")
        {
            return string.Join(", ", value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(k => Enum.TryParse<OrgUnitKind>(k, out var kind) ? OrgUnitKinds.Label(kind) : k));
        }

        return field.EndsWith("On", StringComparison.Ordinal) && DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? VietnameseText.FormatDate(date)
            : value;
    }

    /// <summary>The optional "lý do sửa": at most 2.000 characters; null when empty.</summary>
    public static string? Reason(FieldErrors errors, string? reason, string field = "Reason")
    {
        var text = errors.Text(field, reason, EditRules.MaxReason, "Lý do");
        return VietnameseText.Optional(text);
    }

    /// <summary>Saves and commits; a concurrent save of the same record (its version moved meanwhile) is the stale-form answer.</summary>
    public static async Task<Result<T>> SaveAsync<T>(AppDbContext db, TransactionExtensions.JoinedTransaction tx, RecordKind kind, T value, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Result<T>.Invalid("", EditRules.Stale(kind));
        }

        await tx.CommitAsync(ct);
        return Result<T>.Ok(value);
    }

    /// <summary>The history of a record, newest first (the current version is the record itself).</summary>
    public static Task<List<RecordVersion>> HistoryAsync(AppDbContext db, RecordKind kind, int recordId, CancellationToken ct) =>
        db.RecordVersions.AsNoTracking().Where(v => v.Kind == kind && v.RecordId == recordId)
            .OrderByDescending(v => v.Version).Take(200).ToListAsync(ct);

    /// <summary>Removes the history of a deleted record (the audit trail keeps the deletion and its values).</summary>
    public static Task<int> ForgetAsync(AppDbContext db, RecordKind kind, int recordId, CancellationToken ct) =>
        db.RecordVersions.Where(v => v.Kind == kind && v.RecordId == recordId).ExecuteDeleteAsync(ct);

    private static string? Iso(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
