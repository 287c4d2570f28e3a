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

    /// <summary>How a unit heads its paper (Nghị định 30/2020, ô 2) and the place in its date line.</summary>
    public sealed record Issuing(OrgUnit Unit, string Place, string? ParentBody, string Issuer);

    /// <summary>
    /// "Ủy ban nhân dân phường Tân Ninh" with no parent body for a commune, ward, special zone or province; a provincial
    /// agency ("Sở Nội vụ") under "Ủy ban nhân dân tỉnh Tây Ninh"; a unit under a commune under that commune's committee;
    /// any other body (a people's committee, a Party or Front body) under its own name alone.
    /// </summary>
    public static async Task<Issuing> IssuingAsync(AppDbContext db, int unitId, CancellationToken ct)
    {
        var (unit, place) = await OfUnitAsync(db, unitId, ct);
        if (IsLocality(unit.Kind))
        {
            return new Issuing(unit, place, null, Committee(unit.Name));
        }

        var parent = unit.ParentId is { } pid ? await db.OrgUnits.AsNoTracking().Where(u => u.Id == pid).Select(u => new { u.Name, u.Kind }).FirstOrDefaultAsync(ct) : null;
        var state = unit.Kind is OrgUnitKind.Department or OrgUnitKind.Inspectorate or OrgUnitKind.CommitteeOffice or OrgUnitKind.PublicServiceUnit;
        var parentBody = !state || parent is null ? null
            : IsLocality(parent.Kind) ? Committee(parent.Name)
            : parent.Kind == OrgUnitKind.PeoplesCommittee ? parent.Name : null;
        return new Issuing(unit, place, parentBody, unit.Name);
    }

    private static bool IsLocality(OrgUnitKind kind) =>
        kind is OrgUnitKind.Province or OrgUnitKind.Commune or OrgUnitKind.Ward or OrgUnitKind.SpecialZone;

    /// <summary>"Phường Tân Ninh" → "Ủy ban nhân dân phường Tân Ninh".</summary>
    public static string Committee(string localityName) =>
        "Ủy ban nhân dân " + (localityName.Length > 0 ? char.ToLower(localityName[0], Domain.Text.VietnameseText.Culture) + localityName[1..] : localityName);
}
