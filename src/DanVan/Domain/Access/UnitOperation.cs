using DanVan.Domain.Units;

namespace DanVan.Domain.Access;

public enum UnitOperation
{
    Read,
    CreateChild,
    Rename,
    Move,
    Merge,
}

/// <summary>The pure rules for what a user may do to a unit of the directory. Table-tested.</summary>
public static class UnitAccessRules
{
    public static bool Allows(UserScope user, UnitOperation operation, string unitAncestorPath, int unitId)
    {
        if (user.IsAdmin)
        {
            return true;
        }

        var inScope = user.CanSee(unitAncestorPath, unitId);
        if (!inScope)
        {
            return false;
        }

        var isOwnUnit = unitId == user.UnitId;
        var isCountryOrProvince = UnitPaths.Ancestors(unitAncestorPath).Length < 2;
        return operation switch
        {
            UnitOperation.Read => true,
            // The coordinator manages the province's directory, but not the province node itself (national data).
            UnitOperation.CreateChild => user.Role == Roles.Coordinator
                || (user.Role == Roles.UnitHead),
            UnitOperation.Rename or UnitOperation.Move or UnitOperation.Merge =>
                (user.Role == Roles.Coordinator && !isCountryOrProvince)
                || (user.Role == Roles.UnitHead && !isOwnUnit && operation == UnitOperation.Rename),
            _ => false,
        };
    }

    public static string Describe(UnitOperation operation) => operation switch
    {
        UnitOperation.Read => "xem",
        UnitOperation.CreateChild => "thêm đơn vị trực thuộc",
        UnitOperation.Rename => "đổi tên",
        UnitOperation.Move => "chuyển đơn vị quản lý",
        UnitOperation.Merge => "sáp nhập",
        _ => operation.ToString(),
    };
}
