using DanVan.Data;
using DanVan.Domain.Access;
using DanVan.Domain.Democracy;
using DanVan.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Features.Democracy.PeopleConsultations;

/// <summary>One consultation as the details and edit pages load it: the record, its unit and matter, and whether the user may keep it.</summary>
public sealed record LoadedConsultation(PeopleConsultation Row, string UnitName, PeopleConsultationMatter? Matter, bool CanRecord)
{
    /// <summary>Null when the record does not exist or lies outside the user's scope (the pages answer 404).</summary>
    public static async Task<LoadedConsultation?> LoadAsync(AppDbContext db, UserScope scope, int id, CancellationToken ct)
    {
        var row = await db.PeopleConsultations.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
        var unit = row is null ? null : await db.OrgUnits.AsNoTracking().Where(u => u.Id == row.UnitId).Select(u => new { u.Name, u.AncestorPath }).FirstOrDefaultAsync(ct);
        if (row is null || unit is null || !DisclosureAccessRules.CanRead(scope, unit.AncestorPath, row.UnitId))
        {
            return null;
        }

        var matter = await db.PeopleConsultationMatters.AsNoTracking().Where(m => m.Code == row.MatterCode).OrderByDescending(m => m.ValidFrom).FirstOrDefaultAsync(ct);
        return new LoadedConsultation(row, unit.Name, matter, DisclosureAccessRules.CanRecord(scope, row.UnitId));
    }
}
