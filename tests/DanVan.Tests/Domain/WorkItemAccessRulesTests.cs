using DanVan.Domain.Access;
using static DanVan.Domain.Access.WorkItemAccessRules;

namespace DanVan.Tests.Domain;

public class WorkItemAccessRulesTests
{
    // 1 Việt Nam / 10 Tỉnh A / 11 Sở Nội vụ A / 13 Xã A1 / 14 Xã A2 ; 20 Tỉnh B
    private static readonly Dictionary<int, string> Paths = new() { [1] = "/", [10] = "/1/", [11] = "/1/10/", [13] = "/1/10/", [14] = "/1/10/", [20] = "/1/" };

    private static UnitRef U(int id) => new(id, Paths[id]);

    private static UserScope User(string role, int unit) => UserScope.For("u", "u", role, unit, Paths[unit]);

    [Theory]
    [InlineData(Roles.UnitOfficer, 13, 13, 11, 0, true)]   // led by my commune
    [InlineData(Roles.UnitOfficer, 14, 13, 11, 14, true)]  // my commune coordinates
    [InlineData(Roles.UnitOfficer, 14, 13, 11, 0, false)]  // a sibling commune's task
    [InlineData(Roles.UnitHead, 11, 13, 11, 0, true)]      // assigned by my department
    [InlineData(Roles.Coordinator, 11, 14, 10, 0, true)]
    [InlineData(Roles.Coordinator, 11, 20, 20, 0, false)]
    public void CanRead_FollowsLeadAssignerAndCoordinatingUnits(string role, int unit, int lead, int assigner, int co, bool expected) =>
        Assert.Equal(expected, CanRead(User(role, unit), U(lead), U(assigner), co == 0 ? [] : [U(co)]));

    [Theory]
    [InlineData(Roles.Coordinator, 11, 10, 13, true)]
    [InlineData(Roles.Coordinator, 11, 10, 20, false)]
    [InlineData(Roles.UnitOfficer, 13, 13, 13, false)]
    [InlineData(Roles.Reviewer, 11, 10, 13, false)]
    [InlineData(Roles.Admin, 1, 1, 20, true)]
    public void CanAssign_ByManagersWithinScope(string role, int unit, int assigner, int lead, bool expected) =>
        Assert.Equal(expected, CanAssign(User(role, unit), U(assigner), U(lead)));

    [Theory]
    [InlineData(Roles.UnitOfficer, 13, 13, true)]
    [InlineData(Roles.UnitOfficer, 14, 13, false)]
    [InlineData(Roles.ReadOnly, 13, 13, false)]
    [InlineData(Roles.Coordinator, 11, 13, true)]
    public void CanReport_ByTheLeadUnitsStaff(string role, int unit, int lead, bool expected) =>
        Assert.Equal(expected, CanReport(User(role, unit), U(lead)));

    /// <summary>User names: "u" is the caller (see <see cref="User"/>); the reporter is named in the row.</summary>
    [Theory]
    [InlineData(Roles.UnitHead, 11, 11, "canbo", true)]        // head of the assigning department
    [InlineData(Roles.Coordinator, 11, 10, "canbo", true)]     // the province's coordinator, for the province's committee
    [InlineData(Roles.Coordinator, 11, 20, "canbo", false)]    // another province's task
    [InlineData(Roles.UnitOfficer, 11, 11, "canbo", false)]    // officers report, they do not confirm
    [InlineData(Roles.UnitHead, 13, 11, "canbo", false)]       // the lead commune's head cannot confirm its own report
    [InlineData(Roles.Reviewer, 11, 11, "canbo", false)]
    [InlineData(Roles.ReadOnly, 11, 11, "canbo", false)]
    [InlineData(Roles.Coordinator, 11, 10, "u", false)]        // whoever reported it cannot confirm it
    [InlineData(Roles.Coordinator, 11, 10, "U", false)]        // names compare like sign-in names
    [InlineData(Roles.Admin, 1, 20, "canbo", true)]
    [InlineData(Roles.Admin, 1, 20, "u", false)]
    public void CanConfirmCompletion_ByTheAssigningUnitsManagers_NeverTheReporter(string role, int unit, int assigner, string reportedBy, bool expected) =>
        Assert.Equal(expected, CanConfirmCompletion(User(role, unit), U(assigner), reportedBy));
}
