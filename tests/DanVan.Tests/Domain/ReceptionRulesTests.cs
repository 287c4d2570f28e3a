using DanVan.Domain.Access;
using DanVan.Domain.Reception;
using DanVan.Domain.Units;

namespace DanVan.Tests.Domain;

/// <summary>The duties of periodic reception as data, the periods judged, what a log must say, and who may do what.</summary>
public class ReceptionRulesTests
{
    private static readonly ReceptionDuty Weekly = ReceptionRules.Shipped().Single(d => d.Code == "chu-tich-ubnd-xa");
    private static readonly ReceptionDuty Monthly = ReceptionRules.Shipped().Single(d => d.Code == "thu-truong-co-quan");

    private static DateOnly D(int month, int day) => new(2026, month, day);

    [Theory]
    [InlineData(OrgUnitKind.Ward, "chu-tich-ubnd-xa")]
    [InlineData(OrgUnitKind.Commune, "chu-tich-ubnd-xa")]
    [InlineData(OrgUnitKind.SpecialZone, "chu-tich-ubnd-xa")]
    [InlineData(OrgUnitKind.Department, "thu-truong-co-quan")]
    [InlineData(OrgUnitKind.Province, "chu-tich-ubnd-tinh")]
    [InlineData(OrgUnitKind.PublicServiceUnit, null)]
    public void EachKindOfUnit_HasItsHeadsDuty_FromTheLaw(OrgUnitKind kind, string? code)
    {
        var duty = ReceptionRules.DutyOf(ReceptionRules.Shipped(), kind, D(12, 1));
        Assert.Equal(code, duty?.Code);
        Assert.All(ReceptionRules.Shipped(), d => Assert.Contains("Luật Tiếp công dân 42/2013/QH13", d.Basis, StringComparison.Ordinal));
    }

    [Fact]
    public void ADuty_EndedByANewVersion_GivesWayToIt()
    {
        var old = ReceptionRules.Shipped().Single(d => d.Code == "chu-tich-ubnd-xa");
        old.ValidTo = new DateOnly(2026, 6, 30);
        var amended = new ReceptionDuty { Code = old.Code, Holder = old.Holder, UnitKinds = old.UnitKinds, Minimum = 2, Per = DutyPeriod.Week, Basis = "Sửa đổi", ValidFrom = new DateOnly(2026, 7, 1) };
        Assert.Equal(1, ReceptionRules.DutyOf([old, amended], OrgUnitKind.Ward, D(6, 30))!.Minimum);
        Assert.Equal(2, ReceptionRules.DutyOf([old, amended], OrgUnitKind.Ward, D(7, 1))!.Minimum);
    }

    /// <summary>
    /// November 2026: Mondays 2, 9, 16, 23, 30. Today Wednesday 25/11: the weeks ending 1/11 (it ends in November), 8, 15
    /// and 22/11 are judged; the week under way is not.
    /// </summary>
    [Fact]
    public void AWeeklyDuty_JudgesEveryWeekAlreadyOver_AndNamesTheMissedOnes()
    {
        var held = new[] { D(11, 5), D(11, 19), D(11, 26) };
        var weeks = ReceptionRules.Check(Weekly, held, D(11, 1), D(11, 30), today: D(11, 25));
        Assert.Equal([(D(10, 26), D(11, 1), false), (D(11, 2), D(11, 8), true), (D(11, 9), D(11, 15), false), (D(11, 16), D(11, 22), true)],
            weeks.Select(w => (w.From, w.To, w.Met)));
        Assert.Equal(0, weeks[2].Held);
        Assert.Equal(1, weeks[2].Required);
    }

    [Fact]
    public void AWeekStraddlingTheMonthEnd_IsJudgedInTheMonthItEnds()
    {
        // The week 26/10–1/11 ends in November: a session on 29/10 counts for it.
        var weeks = ReceptionRules.Check(Weekly, [D(10, 29)], D(11, 1), D(11, 30), today: D(12, 10));
        Assert.Equal(D(10, 26), weeks[0].From);
        Assert.True(weeks[0].Met);
        Assert.Equal(5, weeks.Count); // ending 1, 8, 15, 22, 29/11; the week ending 6/12 belongs to December
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(1, true)]
    [InlineData(3, true)]
    public void AMonthlyDuty_NeedsOneDayInTheMonth(int sessions, bool met)
    {
        var held = Enumerable.Range(1, sessions).Select(i => D(10, i * 3)).ToList();
        var months = ReceptionRules.Check(Monthly, held, D(10, 1), D(10, 31), today: D(11, 2));
        Assert.Equal(met, Assert.Single(months).Met);
        Assert.Empty(ReceptionRules.Check(Monthly, held, D(10, 1), D(10, 31), today: D(10, 31))); // the month is not over yet
    }

    private static ReceptionSession Session(ReceptionState state, DateOnly on) => new() { State = state, On = on };

    [Fact]
    public void ALog_ForASessionNotHeldOrNotYetHeld_IsRefused()
    {
        Assert.Contains("không tiếp", ReceptionRules.CheckLog(Session(ReceptionState.NotHeld, D(11, 5)), D(11, 6), 3, 0, null, "x")[""], StringComparison.Ordinal);
        Assert.Contains("chưa diễn ra", ReceptionRules.CheckLog(Session(ReceptionState.Scheduled, D(11, 12)), D(11, 6), 3, 0, null, "x")[""], StringComparison.Ordinal);
        Assert.Empty(ReceptionRules.CheckLog(Session(ReceptionState.Scheduled, D(11, 6)), D(11, 6), 3, 0, null, "Phản ánh đường ngập"));
        Assert.Empty(ReceptionRules.CheckLog(Session(ReceptionState.Scheduled, D(11, 6)), D(11, 6), 0, null, null, null)); // nobody came
    }

    [Theory]
    [InlineData(null, 0, null, "x", "CitizensReceived")]
    [InlineData(-1, 0, null, "x", "CitizensReceived")]
    [InlineData(6, 1, null, "x", "GroupRepresentatives")]
    [InlineData(6, 2, "Ông A; bà B", "x", "Groups")]       // two groups of at least five need ten people
    [InlineData(6, -1, null, "x", "Groups")]
    [InlineData(3, 0, null, " ", "Matters")]
    public void ALog_SaysWhoCameAndWhatWasRaised(int? citizens, int? groups, string? representatives, string? matters, string field) =>
        Assert.Contains(field, ReceptionRules.CheckLog(Session(ReceptionState.Scheduled, D(11, 5)), D(11, 6), citizens, groups, representatives, matters).Keys);

    // 1 Việt Nam / 10 Tỉnh A / 13 Phường A1 / 14 Phường A2 ; 20 Tỉnh B
    private static readonly Dictionary<int, string> Paths = new() { [1] = "/", [10] = "/1/", [13] = "/1/10/", [14] = "/1/10/", [20] = "/1/" };

    private static UserScope User(string role, int unit) => UserScope.For("u", "u", role, unit, Paths[unit]);

    [Theory]
    [InlineData(Roles.UnitOfficer, 13, 13, true, true, true)]
    [InlineData(Roles.UnitHead, 13, 13, true, true, true)]
    [InlineData(Roles.UnitOfficer, 14, 13, false, false, false)]   // a neighbouring ward
    [InlineData(Roles.Coordinator, 10, 13, true, false, false)]    // follows the province, no personal data
    [InlineData(Roles.Reviewer, 10, 13, true, false, false)]
    [InlineData(Roles.Coordinator, 20, 13, false, false, false)]   // another province
    [InlineData(Roles.ReadOnly, 13, 13, true, false, false)]
    [InlineData(Roles.Admin, 1, 13, true, false, false)]
    public void WhoMayReadKeepAndSeeRepresentatives(string role, int userUnit, int sessionUnit, bool read, bool manage, bool personal)
    {
        var user = User(role, userUnit);
        Assert.Equal(read, ReceptionAccessRules.CanRead(user, Paths[sessionUnit], sessionUnit));
        Assert.Equal(manage, ReceptionAccessRules.CanManage(user, sessionUnit));
        Assert.Equal(personal, ReceptionAccessRules.CanSeePersonalData(user, sessionUnit));
    }
}
