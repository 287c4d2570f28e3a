namespace DanVan.Domain.Access;

/// <summary>
/// Who may see and keep the reception schedule and log (tiếp công dân). Pure; table-tested. A unit's sessions are its
/// own officers' and head's to schedule and record; the province's coordinators and reviewers follow them; the names
/// of the groups' representatives are citizens' personal data, for the unit's own staff (each read logged).
/// </summary>
public static class ReceptionAccessRules
{
    public static bool CanRead(UserScope user, string unitAncestorPath, int unitId) => user.IsAdmin || user.CanSee(unitAncestorPath, unitId);

    /// <summary>Schedule a session, record its log, mark it not held: the unit's own officers and head.</summary>
    public static bool CanManage(UserScope user, int unitId) => user.Role is Roles.UnitOfficer or Roles.UnitHead && user.UnitId == unitId;

    public static bool CanSeePersonalData(UserScope user, int unitId) => CanManage(user, unitId);
}
