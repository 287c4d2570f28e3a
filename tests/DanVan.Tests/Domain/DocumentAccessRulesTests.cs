using DanVan.Domain.Access;

namespace DanVan.Tests.Domain;

public class DocumentAccessRulesTests
{
    // 1 Việt Nam / 10 Tỉnh A / 11 Sở Nội vụ A / 12 Phòng / 13 Xã A1 / 14 Xã A2 ; 20 Tỉnh B
    private static readonly Dictionary<int, string> Paths = new()
    {
        [1] = "/", [10] = "/1/", [11] = "/1/10/", [12] = "/1/10/11/", [13] = "/1/10/", [14] = "/1/10/", [20] = "/1/",
    };

    private static UserScope User(string role, int unit) => UserScope.For("u", "u", role, unit, Paths[unit]);

    public static TheoryData<string, int, int, bool, bool> Cases => new()
    {
        // role, user unit, document owner, can read, can write
        { Roles.UnitOfficer, 13, 10, true, false },   // the province's plan reaches the commune
        { Roles.UnitOfficer, 13, 1, true, false },    // and a national document too
        { Roles.UnitOfficer, 13, 13, true, true },    // its own
        { Roles.UnitOfficer, 13, 14, false, false },  // not a sibling commune's
        { Roles.UnitOfficer, 13, 20, false, false },  // nor another province's
        { Roles.UnitHead, 11, 12, true, true },
        { Roles.UnitHead, 11, 13, false, false },
        { Roles.Coordinator, 11, 14, true, true },    // the province
        { Roles.Coordinator, 11, 20, false, false },
        { Roles.Reviewer, 11, 14, true, false },      // reviewers read, do not register
        { Roles.ReadOnly, 12, 12, true, false },
        { Roles.Admin, 1, 20, true, true },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void ReadAndWrite_FollowScopeAndDirection(string role, int unit, int owner, bool read, bool write)
    {
        var user = User(role, unit);
        Assert.Equal(read, DocumentAccessRules.CanRead(user, Paths[owner], owner));
        Assert.Equal(write, DocumentAccessRules.CanWrite(user, Paths[owner], owner));
    }
}
