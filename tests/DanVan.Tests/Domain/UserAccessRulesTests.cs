using DanVan.Domain.Access;

namespace DanVan.Tests.Domain;

public class UserAccessRulesTests
{
    // 1 Việt Nam / 10 Tỉnh A / 11 Sở Nội vụ A / 12 Phòng / 13 Xã A1 ; 20 Tỉnh B
    private static readonly Dictionary<int, string> Paths = new() { [1] = "/", [10] = "/1/", [11] = "/1/10/", [12] = "/1/10/11/", [13] = "/1/10/", [20] = "/1/" };

    private static UserScope Manager(string role, int unit) => UserScope.For("me", "me", role, unit, Paths[unit]);

    public static TheoryData<string, int, string?, int, string, bool> Cases => new()
    {
        // manager role, manager unit, target user id, target unit, role to hold, allowed
        { Roles.Admin, 1, "x", 20, Roles.Admin, true },
        { Roles.Coordinator, 11, null, 13, Roles.UnitOfficer, true },
        { Roles.Coordinator, 11, "x", 12, Roles.Reviewer, true },
        { Roles.Coordinator, 11, null, 13, Roles.Admin, false },        // no admins from a province
        { Roles.Coordinator, 11, null, 20, Roles.UnitOfficer, false },  // not another province
        { Roles.Coordinator, 11, "me", 11, Roles.Coordinator, false },  // not oneself
        { Roles.UnitHead, 11, null, 12, Roles.UnitOfficer, true },
        { Roles.UnitHead, 11, null, 12, Roles.UnitHead, false },        // no new heads
        { Roles.UnitHead, 11, null, 13, Roles.UnitOfficer, false },     // outside the unit
        { Roles.Reviewer, 11, null, 12, Roles.ReadOnly, false },
        { Roles.UnitOfficer, 13, null, 13, Roles.ReadOnly, false },
        { Roles.ReadOnly, 11, null, 11, Roles.ReadOnly, false },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void CanManage_FollowsRoleScopeAndSelf(string role, int unit, string? target, int targetUnit, string targetRole, bool expected) =>
        Assert.Equal(expected, UserAccessRules.CanManage(Manager(role, unit), target, Paths[targetUnit], targetUnit, targetRole));
}
