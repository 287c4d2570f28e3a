namespace DanVan.Domain.Access;

/// <summary>
/// Who may do what in the scoring of units' dân vận work. Pure; table-tested. The province's coordinator (Sở Nội vụ)
/// opens the round, appraises with the reviewer (Ban Tuyên giáo và Dân vận), decides objections, publishes and
/// proposes commendations; a unit's officers and head fill and submit its own sheet and object once; the unit's
/// staff and those above it read the sheet; once published, every signed-in user of the province reads the ranking.
/// </summary>
public static class ScoringAccessRules
{
    public static bool CanOpen(UserScope user) => user.Role == Roles.Coordinator;

    public static bool CanReadSheet(UserScope user, string unitAncestorPath, int unitId) =>
        user.IsAdmin || user.CanSee(unitAncestorPath, unitId);

    /// <summary>Tự chấm, nộp, có ý kiến: the unit's own officers and head.</summary>
    public static bool CanFill(UserScope user, int unitId) =>
        user.Role is Roles.UnitOfficer or Roles.UnitHead && user.UnitId == unitId;

    /// <summary>Thẩm định: the coordinator and the reviewer of the sheet's province.</summary>
    public static bool CanAppraise(UserScope user, string unitAncestorPath, int unitId) =>
        Roles.HasProvinceScope(user.Role) && user.CanSee(unitAncestorPath, unitId);

    /// <summary>Decide an objection, publish, propose commendations: the coordinator of the province.</summary>
    public static bool CanDecide(UserScope user, string unitAncestorPath, int unitId) =>
        user.Role == Roles.Coordinator && user.CanSee(unitAncestorPath, unitId);

    /// <summary>The round's list, progress and provisional ranking: the province's coordinator, reviewer, and the administrator.</summary>
    public static bool CanFollowRound(UserScope user, string provincePath, int provinceId) =>
        user.IsAdmin || (Roles.HasProvinceScope(user.Role) && user.CanSee(provincePath, provinceId));

    /// <summary>The published ranking: everyone signed in within the province.</summary>
    public static bool CanReadRanking(UserScope user, string provincePath, int provinceId, bool published) =>
        CanFollowRound(user, provincePath, provinceId)
        || (published && UserScope.ProvincePrefix(user.UnitAncestorPath, user.UnitId) == Units.UnitPaths.SubtreePrefix(provincePath, provinceId));

    /// <summary>Edit a framework or make a new version: the administrator, or the coordinator for its own province's frameworks.</summary>
    public static bool CanEditFramework(UserScope user, bool ownProvince) => user.IsAdmin || (user.Role == Roles.Coordinator && ownProvince);
}
