using DanVan.Domain.Access;

namespace DanVan.Tests.Domain;

/// <summary>
/// The tree used here: 1 Việt Nam / 10 Tỉnh A / 11 Sở Nội vụ A / 12 Phòng thuộc Sở / 13 Xã A1 ; 20 Tỉnh B / 21 Xã B1.
/// </summary>
public class UnitAccessRulesTests
{
    private static readonly Dictionary<int, string> Paths = new()
    {
        [1] = "/", [10] = "/1/", [11] = "/1/10/", [12] = "/1/10/11/", [13] = "/1/10/", [20] = "/1/", [21] = "/1/20/",
    };

    private static UserScope User(string role, int unit) => UserScope.For("u", "u", role, unit, Paths[unit]);

    public static TheoryData<string, int, UnitOperation, int, bool> Cases => new()
    {
        // role, user's unit, operation, target unit, allowed
        { Roles.Admin, 1, UnitOperation.Read, 21, true },
        { Roles.Admin, 1, UnitOperation.Merge, 13, true },
        { Roles.Coordinator, 11, UnitOperation.Read, 13, true },      // coordinator reads the whole province
        { Roles.Coordinator, 11, UnitOperation.Read, 10, true },
        { Roles.Coordinator, 11, UnitOperation.Read, 21, false },     // not another province
        { Roles.Coordinator, 11, UnitOperation.CreateChild, 10, true },
        { Roles.Coordinator, 11, UnitOperation.Rename, 13, true },
        { Roles.Coordinator, 11, UnitOperation.Rename, 10, false },   // the province itself is national data
        { Roles.Coordinator, 11, UnitOperation.Move, 12, true },
        { Roles.Coordinator, 11, UnitOperation.Merge, 21, false },
        { Roles.Reviewer, 11, UnitOperation.Read, 13, true },
        { Roles.Reviewer, 11, UnitOperation.Read, 21, false },
        { Roles.Reviewer, 11, UnitOperation.CreateChild, 11, false }, // reviewers read and score, they do not edit
        { Roles.UnitHead, 11, UnitOperation.Read, 12, true },
        { Roles.UnitHead, 11, UnitOperation.Read, 13, false },        // a sibling unit of the same province
        { Roles.UnitHead, 11, UnitOperation.CreateChild, 11, true },
        { Roles.UnitHead, 11, UnitOperation.Rename, 12, true },
        { Roles.UnitHead, 11, UnitOperation.Rename, 11, false },
        { Roles.UnitHead, 11, UnitOperation.Move, 12, false },
        { Roles.UnitOfficer, 13, UnitOperation.Read, 13, true },
        { Roles.UnitOfficer, 13, UnitOperation.Read, 11, false },
        { Roles.UnitOfficer, 13, UnitOperation.Read, 10, false },     // not even the parent province
        { Roles.UnitOfficer, 13, UnitOperation.CreateChild, 13, false },
        { Roles.ReadOnly, 11, UnitOperation.Read, 12, true },
        { Roles.ReadOnly, 11, UnitOperation.Rename, 12, false },
        { Roles.ReadOnly, 11, UnitOperation.Read, 21, false },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Allows_FollowsRoleAndScope(string role, int userUnit, UnitOperation operation, int target, bool expected) =>
        Assert.Equal(expected, UnitAccessRules.Allows(User(role, userUnit), operation, Paths[target], target));

    [Fact]
    public void ProvincePrefix_OfAnAgency_IsItsProvince() =>
        Assert.Equal("/1/10/", UserScope.ProvincePrefix("/1/10/11/", 12));

    [Fact]
    public void ProvincePrefix_OfTheProvinceItself_IsItsOwnSubtree() =>
        Assert.Equal("/1/10/", UserScope.ProvincePrefix("/1/", 10));

    [Fact]
    public void Scope_DoesNotConfuseIdsThatShareDigits()
    {
        // Unit 1 0 vs 10: the path separator keeps "/1/1/" from matching "/1/10/".
        var user = UserScope.For("u", "u", Roles.UnitOfficer, 1, "/");
        Assert.True(user.CanSee("/1/", 10));
        var officer = UserScope.For("u", "u", Roles.UnitOfficer, 2, "/1/");
        Assert.False(officer.CanSee("/1/", 20));
        Assert.False(officer.CanSee("/1/20/", 21));
    }
}
