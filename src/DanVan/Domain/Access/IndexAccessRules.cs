using DanVan.Domain.Indices;
using DanVan.Domain.Units;

namespace DanVan.Domain.Access;

/// <summary>
/// Who may read and enter index values (SIPAS, PAR INDEX…). Pure; table-tested. Results are read by whoever's scope
/// covers the unit, and by the units below it (a commune sees its province's PCI). The coordinator (Sở Nội vụ) enters
/// every kind of value for the province and any unit in its scope; a unit's officers and head enter their own unit's
/// self-assessed values and nothing else: never a published or surveyed value, nor over one.
/// </summary>
public static class IndexAccessRules
{
    public static bool CanRead(UserScope user, string unitAncestorPath, int unitId) =>
        user.IsAdmin || user.CanSee(unitAncestorPath, unitId) || UnitPaths.Ancestors(user.UnitAncestorPath).Contains(unitId);

    /// <summary>Enter (or replace) a value of a unit from a source; <paramref name="existing"/> is the source of the value it would replace.</summary>
    public static bool CanWrite(UserScope user, string unitAncestorPath, int unitId, IndexValueSource source, IndexValueSource? existing) =>
        user.IsAdmin
        || (user.Role == Roles.Coordinator && user.CanSee(unitAncestorPath, unitId))
        || (user.Role is Roles.UnitOfficer or Roles.UnitHead && user.UnitId == unitId && source == IndexValueSource.SelfAssessed
            && existing is null or IndexValueSource.SelfAssessed);

    /// <summary>Whether the user enters values at all (the form and the Excel template are offered).</summary>
    public static bool CanEnter(UserScope user) => user.IsAdmin || user.Role is Roles.Coordinator or Roles.UnitOfficer or Roles.UnitHead;

    /// <summary>Whether the user may enter values of other units than its own (the coordinator, the administrator).</summary>
    public static bool EntersForOthers(UserScope user) => user.IsAdmin || user.Role == Roles.Coordinator;
}
