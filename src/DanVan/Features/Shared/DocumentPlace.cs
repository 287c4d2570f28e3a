using DanVan.Data;
using DanVan.Domain.Units;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Features.Shared;

/// <summary>What a unit's paper needs to know about the unit: the unit itself and the place in its date line (its province's name).</summary>
public static class DocumentPlace
{
    /// <summary>The unit and "Tây Ninh" for any unit of Tỉnh Tây Ninh ("Hồ Chí Minh" for Thành phố Hồ Chí Minh).</summary>
    public static async Task<(OrgUnit Unit, string Place)> OfUnitAsync(AppDbContext db, int unitId, CancellationToken ct)
    {
        var unit = await db.OrgUnits.AsNoTracking().SingleAsync(u => u.Id == unitId, ct);
        var ancestors = UnitPaths.Ancestors(unit.AncestorPath).ToList();
        var provinceId = ancestors.Count > 1 ? ancestors[1] : unit.Id;
        var province = provinceId == unit.Id ? unit.Name : await db.OrgUnits.AsNoTracking().Where(u => u.Id == provinceId).Select(u => u.Name).SingleAsync(ct);
        return (unit, province.Replace("Thành phố ", "", StringComparison.Ordinal).Replace("Tỉnh ", "", StringComparison.Ordinal));
    }
}
