namespace DanVan.Domain.Access;

/// <summary>Who may open report periods, fill and submit a unit's report, and accept or return it. Pure; table-tested.</summary>
public static class ReportAccessRules
{
    /// <summary>The coordinator opens and closes periods for the province (or an administrator, anywhere).</summary>
    public static bool CanOpen(UserScope user, string ownerAncestorPath, int ownerId) =>
        user.IsAdmin || (user.Role == Roles.Coordinator && user.CanSee(ownerAncestorPath, ownerId));

    /// <summary>Whoever sees the unit reads its report (reviewers and read-only users included).</summary>
    public static bool CanRead(UserScope user, string unitAncestorPath, int unitId) =>
        user.IsAdmin || user.CanSee(unitAncestorPath, unitId);

    /// <summary>The unit's own staff fill and submit it; the coordinator may do it on their behalf.</summary>
    public static bool CanEdit(UserScope user, string unitAncestorPath, int unitId) =>
        user.IsAdmin || ((user.Role is Roles.Coordinator or Roles.UnitHead or Roles.UnitOfficer) && user.CanSee(unitAncestorPath, unitId));

    /// <summary>The receiving unit's managers accept or return it: the province's coordinator, or the head of the receiving unit.</summary>
    public static bool CanDecide(UserScope user, string receiverAncestorPath, int receiverId) =>
        user.IsAdmin || ((user.Role is Roles.Coordinator or Roles.UnitHead) && user.CanSee(receiverAncestorPath, receiverId));

    /// <summary>The head (Lãnh đạo đơn vị) of the reporting unit itself approves its officers' report before it is sent on.</summary>
    public static bool CanApprove(UserScope user, int unitId) =>
        user.IsAdmin || (user.Role == Roles.UnitHead && user.UnitId == unitId);
}
