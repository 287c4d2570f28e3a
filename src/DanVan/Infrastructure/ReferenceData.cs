using DanVan.Data;
using DanVan.Domain.Documents;
using DanVan.Domain.Reports;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Infrastructure;

/// <summary>Reference tables every installation needs (not demo data): filled once, then kept as editable data.</summary>
public static class ReferenceData
{
    public static async Task EnsureAsync(AppDbContext db, CancellationToken ct = default, TimeProvider? clock = null)
    {
        if (!await db.DocumentTypes.AnyAsync(ct))
        {
            db.DocumentTypes.AddRange(DocumentType.Defaults);
            db.BulkAuditSummary = "Danh mục loại văn bản mặc định";
            await db.SaveChangesAsync(ct);
        }

        if (!await db.ReportRegimes.AnyAsync(r => r.Code == DefaultRegime.Code, ct))
        {
            await using var tx = await db.BeginOrJoinTransactionAsync(ct);
            var regime = DefaultRegime.Regime();
            regime.CreatedAtUtc = (clock ?? TimeProvider.System).GetUtcNow().UtcDateTime;
            db.ReportRegimes.Add(regime);
            db.BulkAuditSummary = "Chế độ báo cáo mặc định: " + regime.Name;
            await db.SaveChangesAsync(ct);
            var rules = DefaultRegime.DueRules();
            var sections = DefaultRegime.Sections();
            var indicators = DefaultRegime.Indicators();
            foreach (var r in rules)
            {
                r.RegimeId = regime.Id;
            }

            foreach (var x in sections)
            {
                x.RegimeId = regime.Id;
            }

            foreach (var x in indicators)
            {
                x.RegimeId = regime.Id;
            }

            db.BulkAuditSummary = "Hạn, đề cương và chỉ tiêu của chế độ báo cáo mặc định";
            db.ReportDueRules.AddRange(rules);
            db.ReportSections.AddRange(sections);
            db.ReportIndicators.AddRange(indicators);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
    }
}
