using DanVan.Data;
using DanVan.Domain.Documents;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Infrastructure;

/// <summary>Reference tables every installation needs (not demo data): filled once, then kept as editable data.</summary>
public static class ReferenceData
{
    public static async Task EnsureAsync(AppDbContext db, CancellationToken ct = default)
    {
        if (!await db.DocumentTypes.AnyAsync(ct))
        {
            db.DocumentTypes.AddRange(DocumentType.Defaults);
            db.BulkAuditSummary = "Danh mục loại văn bản mặc định";
            await db.SaveChangesAsync(ct);
        }
    }
}
