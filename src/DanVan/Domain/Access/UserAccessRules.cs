namespace DanVan.Domain.Access;

/// <summary>Who may manage which accounts, and hand out which roles. Pure; table-tested.</summary>
public static class UserAccessRules
{
    /// <summary>The roles a manager may give: never more than their own reach.</summary>
    public static IReadOnlyList<string> AssignableRoles(UserScope manager) => manager.Role switch
    {
        Roles.Admin => Roles.All,
        Roles.Coordinator => [Roles.Coordinator, Roles.Reviewer, Roles.UnitHead, Roles.UnitOfficer, Roles.ReadOnly],
        Roles.UnitHead => [Roles.UnitOfficer, Roles.ReadOnly],
        _ => [],
    };

    public static bool CanManageUsers(UserScope manager) => AssignableRoles(manager).Count > 0;

    /// <summary>
    /// A manager may manage an account (existing or to be created) that belongs to a unit within their scope and has
    /// (or would have) a role they may assign. Nobody changes their own account here (no self-promotion).
    /// </summary>
    public static bool CanManage(UserScope manager, string? targetUserId, string unitAncestorPath, int unitId, string role)
    {
        if (targetUserId is not null && targetUserId == manager.UserId)
        {
            return false;
        }

        if (!AssignableRoles(manager).Contains(role))
        {
            return false;
        }

        return manager.IsAdmin || manager.CanSee(unitAncestorPath, unitId);
    }
}
