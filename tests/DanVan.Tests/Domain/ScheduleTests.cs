using DanVan.Domain.Calendar;
using DanVan.Domain.WorkItems;

namespace DanVan.Tests.Domain;

public class ScheduleTests
{
    private static readonly WorkingCalendar Calendar = new(PublicHolidays.DefaultsFor(2026));

    private static List<DateOnly> In2026(Schedule s) => s.Occurrences(new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31), Calendar).ToList();

    [Fact]
    public void Yearly_ReportBefore15November() =>
        Assert.Equal([new DateOnly(2026, 11, 15)], In2026(Schedule.Yearly(15, 11)));

    [Fact]
    public void HalfYearly_15JuneAnd15December() =>
        Assert.Equal([new DateOnly(2026, 6, 15), new DateOnly(2026, 12, 15)], In2026(Schedule.HalfYearly(15, 6)));

    [Fact]
    public void Quarterly_OnTheLastMonthOfEachQuarter() =>
        Assert.Equal([new DateOnly(2026, 3, 20), new DateOnly(2026, 6, 20), new DateOnly(2026, 9, 20), new DateOnly(2026, 12, 20)], In2026(Schedule.Quarterly(20, 3)));

    [Fact]
    public void Monthly_OnThe31st_UsesTheLastDayOfShortMonths()
    {
        var dates = In2026(Schedule.Monthly(31));
        Assert.Equal(12, dates.Count);
        Assert.Equal(new DateOnly(2026, 2, 28), dates[1]);
        Assert.Equal(new DateOnly(2026, 4, 30), dates[3]);
    }

    [Fact]
    public void WorkingDaysAfter_SkipsTet() =>
        Assert.Equal([new DateOnly(2026, 2, 27)], In2026(Schedule.WorkingDaysAfter(new DateOnly(2026, 2, 13), 5)));

    [Fact]
    public void Occurrences_AcrossYears_AreInOrder() =>
        Assert.Equal(
            [new DateOnly(2026, 11, 15), new DateOnly(2027, 11, 15)],
            Schedule.Yearly(15, 11).Occurrences(new DateOnly(2026, 7, 1), new DateOnly(2028, 6, 30), Calendar).ToList());

    [Theory]
    [InlineData(RecurrenceKind.Yearly, 30, 2, "không tồn tại")]
    [InlineData(RecurrenceKind.HalfYearly, 15, 11, "kỳ đầu năm")]
    [InlineData(RecurrenceKind.Quarterly, 15, 4, "Hạn hằng quý")]
    [InlineData(RecurrenceKind.Monthly, 0, 1, "Hạn hằng tháng")]
    public void Validate_ExplainsImpossibleSchedules(RecurrenceKind kind, int day, int month, string expected) =>
        Assert.Contains(expected, new Schedule(kind, day, month).Validate(), StringComparison.Ordinal);

    [Theory]
    [InlineData("2026-06-15", null, "2026-06-10", WorkItemState.NotYetDue)]
    [InlineData("2026-06-15", "2026-06-15", "2026-06-20", WorkItemState.DoneOnTime)]
    [InlineData("2026-06-15", "2026-06-16", "2026-06-20", WorkItemState.DoneLate)]
    [InlineData("2026-06-15", null, "2026-06-16", WorkItemState.Overdue)]
    [InlineData("2026-06-15", null, "2026-06-15", WorkItemState.NotYetDue)]
    public void State_FollowsDueDateAndCompletion(string due, string? done, string today, WorkItemState expected) =>
        Assert.Equal(expected, WorkItemStates.Of(DateOnly.Parse(due, System.Globalization.CultureInfo.InvariantCulture),
            done is null ? null : DateOnly.Parse(done, System.Globalization.CultureInfo.InvariantCulture),
            DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void DueSoon_CountsDaysAhead()
    {
        var today = new DateOnly(2026, 6, 10);
        Assert.True(WorkItemStates.IsDueSoon(new DateOnly(2026, 6, 13), null, today, 3));
        Assert.False(WorkItemStates.IsDueSoon(new DateOnly(2026, 6, 14), null, today, 3));
        Assert.False(WorkItemStates.IsDueSoon(new DateOnly(2026, 6, 9), null, today, 3));
        Assert.False(WorkItemStates.IsDueSoon(new DateOnly(2026, 6, 12), today, today, 3));
    }
}
