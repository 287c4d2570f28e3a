using DanVan.Domain.Units;

namespace DanVan.Domain.Access;

/// <summary>
/// Who is asking and where they may look: <see cref="ScopePrefix"/> is the subtree prefix of their unit, or of their
/// province for coordinators and reviewers, or "/" (everything) for system administrators.
/// </summary>
public sealed record UserScope(string UserId, string UserName, string Role, int UnitId, string UnitAncestorPath, string ScopePrefix)
{
    public bool IsAdmin => Role == Roles.Admin;

    public static UserScope For(string userId, string userName, string role, int unitId, string unitAncestorPath)
    {
        string prefix;
        if (role == Roles.Admin)
        {
            prefix = "/";
        }
        else if (Roles.HasProvinceScope(role))
        {
            prefix = ProvincePrefix(unitAncestorPath, unitId);
        }
        else
        {
            prefix = UnitPaths.SubtreePrefix(unitAncestorPath, unitId);
        }

        return new UserScope(userId, userName, role, unitId, unitAncestorPath, prefix);
    }

    /// <summary>
    /// The subtree prefix of the province containing a unit: the path down to depth 1 (depth 0 is the country).
    /// A unit that is itself a province (or the country) yields its own subtree.
    /// </summary>
    public static string ProvincePrefix(string unitAncestorPath, int unitId)
    {
        var ids = UnitPaths.Ancestors(unitAncestorPath).Append(unitId).ToArray();
        var keep = Math.Min(ids.Length, 2);
        return "/" + string.Join('/', ids.Take(keep)) + "/";
    }

    public bool CanSee(string ancestorPath, int id) => UnitPaths.IsWithin(ancestorPath, id, ScopePrefix);

    public string OwnSubtreePrefix => UnitPaths.SubtreePrefix(UnitAncestorPath, UnitId);
}
