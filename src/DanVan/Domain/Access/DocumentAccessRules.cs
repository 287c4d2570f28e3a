using DanVan.Domain.Units;

namespace DanVan.Domain.Access;

/// <summary>Who may read and register documents. Pure; table-tested.</summary>
public static class DocumentAccessRules
{
    /// <summary>
    /// A document is read by everyone whose scope holds its owner unit, and by every unit below the owner: a
    /// province's plan reaches all its departments and communes.
    /// </summary>
    public static bool CanRead(UserScope user, string ownerAncestorPath, int ownerId) =>
        user.IsAdmin
        || user.CanSee(ownerAncestorPath, ownerId)
        || UnitPaths.IsWithin(user.UnitAncestorPath, user.UnitId, UnitPaths.SubtreePrefix(ownerAncestorPath, ownerId));

    /// <summary>Registering or changing a document for a unit: staff with write roles, within their scope.</summary>
    public static bool CanWrite(UserScope user, string ownerAncestorPath, int ownerId) =>
        user.IsAdmin
        || ((user.Role is Roles.Coordinator or Roles.UnitHead or Roles.UnitOfficer) && user.CanSee(ownerAncestorPath, ownerId));
}
