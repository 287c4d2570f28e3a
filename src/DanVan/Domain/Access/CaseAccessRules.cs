namespace DanVan.Domain.Access;

/// <summary>
/// Who may see and handle citizens' cases (đơn thư). Pure; table-tested. Cases are the receiving unit's: its officers
/// and head handle them; coordinators and reviewers of the province follow them (without personal data); the
/// denouncer's identity is for the assigned handler and the unit's head only — not for administrators either.
/// </summary>
public static class CaseAccessRules
{
    public sealed record CaseRef(int UnitId, string UnitAncestorPath, string? HandlerUserId);

    public static bool CanRead(UserScope user, CaseRef c) => user.IsAdmin || user.CanSee(c.UnitAncestorPath, c.UnitId);

    /// <summary>Register a case for a unit, or record a step: the unit's own officers and head.</summary>
    public static bool CanHandle(UserScope user, int unitId) =>
        user.Role is Roles.UnitOfficer or Roles.UnitHead && user.UnitId == unitId;

    /// <summary>Assign the handler: the unit's head.</summary>
    public static bool CanAssign(UserScope user, int unitId) => user.Role == Roles.UnitHead && user.UnitId == unitId;

    /// <summary>A complainant's or petitioner's name, address and phone: the unit's own staff, each read logged.</summary>
    public static bool CanSeePersonalData(UserScope user, CaseRef c) => CanHandle(user, c.UnitId);

    /// <summary>A denouncer's identity (Luật Tố cáo Art. 47): the handler assigned to the case and the head who assigns.</summary>
    public static bool CanRevealDenouncer(UserScope user, CaseRef c) =>
        (user.Role == Roles.UnitHead && user.UnitId == c.UnitId)
        || (user.Role is Roles.UnitOfficer or Roles.UnitHead && user.UnitId == c.UnitId && c.HandlerUserId == user.UserId);
}
