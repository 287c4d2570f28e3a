using DanVan.Domain.WorkItems;

namespace DanVan.Tests.Domain;

public class DigestPlannerTests
{
    private static readonly DateOnly Today = new(2026, 6, 10);

    private static DigestDeadline D(int id, int unit, int daysFromToday) => new(id, "Nhiệm vụ " + id, unit, "Đơn vị " + unit, Today.AddDays(daysFromToday));

    private static readonly DigestPlanner.Recipient[] Staff =
    [
        new("officer-1", 1, false), new("head-1", 1, true), new("head-2", 2, true),
    ];

    [Fact]
    public void Reminders_OnTheConfiguredDaysBefore_AndEveryDayOnceOverdue()
    {
        var plan = DigestPlanner.Plan(Today, [D(1, 1, 7), D(2, 1, 5), D(3, 1, 1), D(4, 1, -1)], Staff, FollowUpSettings.Default);
        var lines = plan["officer-1"];
        Assert.Equal([4, 3, 1], lines.Select(l => l.Deadline.DeadlineId));
        Assert.Equal(DigestReason.Overdue, lines[0].Reason);
        Assert.False(plan.ContainsKey("head-1")); // not escalated yet
    }

    [Fact]
    public void OverdueLongEnough_IsEscalatedToTheHead()
    {
        var plan = DigestPlanner.Plan(Today, [D(5, 1, -3)], Staff, FollowUpSettings.Default);
        Assert.Equal(DigestReason.Escalated, plan["head-1"].Single().Reason);
        Assert.Equal(DigestReason.Escalated, plan["officer-1"].Single().Reason);
    }

    [Fact]
    public void AUnitWithoutOfficers_HasItsHeadReminded()
    {
        var plan = DigestPlanner.Plan(Today, [D(6, 2, 3)], Staff, FollowUpSettings.Default);
        Assert.Equal(DigestReason.DueSoon, plan["head-2"].Single().Reason);
    }

    [Fact]
    public void NothingDue_MeansNoDigest() =>
        Assert.Empty(DigestPlanner.Plan(Today, [D(7, 1, 5), D(8, 1, 30)], Staff, FollowUpSettings.Default));

    [Fact]
    public void Settings_AreData() =>
        Assert.Single(DigestPlanner.Plan(Today, [D(9, 1, 5)], Staff, new FollowUpSettings([5], 10)));
}
