namespace DanVan.Domain.Access;

/// <summary>Who may see, assign and report on tasks. Pure; table-tested.</summary>
public static class WorkItemAccessRules
{
    public sealed record UnitRef(int Id, string AncestorPath);

    /// <summary>Seen by whoever sees the lead unit, the assigning unit or one of the coordinating units.</summary>
    public static bool CanRead(UserScope user, UnitRef lead, UnitRef assignedBy, IEnumerable<UnitRef> coUnits) =>
        user.IsAdmin
        || user.CanSee(lead.AncestorPath, lead.Id)
        || user.CanSee(assignedBy.AncestorPath, assignedBy.Id)
        || coUnits.Any(c => user.CanSee(c.AncestorPath, c.Id));

    /// <summary>Coordinators and unit heads assign tasks, on behalf of a unit they manage, to units within their scope.</summary>
    public static bool CanAssign(UserScope user, UnitRef assignedBy, UnitRef lead) =>
        user.IsAdmin
        || ((user.Role is Roles.Coordinator or Roles.UnitHead)
            && user.CanSee(assignedBy.AncestorPath, assignedBy.Id)
            && user.CanSee(lead.AncestorPath, lead.Id));

    /// <summary>The lead unit's staff report progress; the coordinator may record it for them.</summary>
    public static bool CanReport(UserScope user, UnitRef lead) =>
        user.IsAdmin
        || ((user.Role is Roles.Coordinator or Roles.UnitHead or Roles.UnitOfficer) && user.CanSee(lead.AncestorPath, lead.Id));

    /// <summary>
    /// Staff who may act on a task — of the lead, the assigning or a coordinating unit, not read-only accounts or
    /// reviewers — exchange comments on it.
    /// </summary>
    public static bool CanComment(UserScope user, UnitRef lead, UnitRef assignedBy, IEnumerable<UnitRef> coUnits) =>
        user.IsAdmin
        || ((user.Role is Roles.Coordinator or Roles.UnitHead or Roles.UnitOfficer) && CanRead(user, lead, assignedBy, coUnits));

    /// <summary>The assigning unit's managers decide on extension requests.</summary>
    public static bool CanDecide(UserScope user, UnitRef assignedBy) =>
        user.IsAdmin || ((user.Role is Roles.Coordinator or Roles.UnitHead) && user.CanSee(assignedBy.AncestorPath, assignedBy.Id));

    /// <summary>
    /// The assigning unit's managers (its heads, or the coordinator of its province, as for extensions) confirm or
    /// return a reported completion; never the person who reported it (a coordinator may report for a unit).
    /// </summary>
    public static bool CanConfirmCompletion(UserScope user, UnitRef assignedBy, string? reportedBy) =>
        CanDecide(user, assignedBy) && !string.Equals(user.UserName, reportedBy, StringComparison.OrdinalIgnoreCase);
}
