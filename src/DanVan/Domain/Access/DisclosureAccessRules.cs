namespace DanVan.Domain.Access;

/// <summary>
/// Who may see and keep a unit's disclosure register (công khai). Pure; table-tested. The unit's officers and head
/// record and correct its disclosures; whoever's scope covers the unit reads them; the coordinators and reviewers of
/// the province see every unit's compliance. What is public is public anyway (the public page shows it).
/// </summary>
public static class DisclosureAccessRules
{
    public static bool CanRead(UserScope user, string unitAncestorPath, int unitId) => user.IsAdmin || user.CanSee(unitAncestorPath, unitId);

    /// <summary>Record, correct or delete a disclosure of a unit: its own officers and head.</summary>
    public static bool CanRecord(UserScope user, int unitId) => user.Role is Roles.UnitOfficer or Roles.UnitHead && user.UnitId == unitId;

    /// <summary>The compliance of every unit of the scope: coordinators, reviewers and administrators.</summary>
    public static bool CanSeeCompliance(UserScope user) => user.IsAdmin || Roles.HasProvinceScope(user.Role);
}
