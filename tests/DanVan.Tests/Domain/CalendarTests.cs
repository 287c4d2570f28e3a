using DanVan.Domain.Calendar;

namespace DanVan.Tests.Domain;

public class LunarCalendarTests
{
    [Theory]
    [InlineData(2020, 1, 25)]
    [InlineData(2021, 2, 12)]
    [InlineData(2022, 2, 1)]
    [InlineData(2023, 1, 22)]
    [InlineData(2024, 2, 10)]
    [InlineData(2025, 1, 29)]
    [InlineData(2026, 2, 17)]
    [InlineData(2027, 2, 6)]
    public void NewYear_FallsOnTheKnownTetDate(int year, int month, int day) =>
        Assert.Equal(new DateOnly(year, month, day), LunarCalendar.NewYear(year));

    [Theory]
    [InlineData(2024, 4, 18)]
    [InlineData(2025, 4, 7)]
    [InlineData(2026, 4, 26)]
    public void GioTo_IsTheTenthDayOfTheThirdLunarMonth(int year, int month, int day) =>
        Assert.Equal(new DateOnly(year, month, day), LunarCalendar.ToSolar(10, 3, year));

    [Theory]
    [InlineData(2023, 9, 29)]
    [InlineData(2024, 9, 17)]
    [InlineData(2025, 10, 6)] // after the leap 6th month of Ất Tỵ
    public void MidAutumn_AccountsForLeapMonths(int year, int month, int day) =>
        Assert.Equal(new DateOnly(year, month, day), LunarCalendar.ToSolar(15, 8, year));

    [Fact]
    public void ALeapMonthThatDoesNotExist_IsRefused() =>
        Assert.Throws<ArgumentException>(() => LunarCalendar.ToSolar(1, 3, 2024, leap: true));
}

public class WorkingCalendarTests
{
    [Fact]
    public void Defaults2026_CloseTheWeekOfTet()
    {
        var days = PublicHolidays.DefaultsFor(2026);
        var tet = days.Where(d => d.Name.StartsWith("Tết Nguyên đán", StringComparison.Ordinal)).Select(d => d.Date).ToList();
        Assert.Equal([new(2026, 2, 16), new(2026, 2, 17), new(2026, 2, 18), new(2026, 2, 19), new(2026, 2, 20)], tet);
        var calendar = new WorkingCalendar(days);
        Assert.False(calendar.IsWorkingDay(new DateOnly(2026, 2, 18)));
        Assert.True(calendar.IsWorkingDay(new DateOnly(2026, 2, 23)));

        // Received on Friday 13/02/2026: five working days skip the whole Tết week.
        Assert.Equal(new DateOnly(2026, 2, 27), calendar.AddWorkingDays(new DateOnly(2026, 2, 13), 5));
    }

    [Fact]
    public void Defaults2025_GiveADayOffWhenTetFallsOnASaturday()
    {
        var days = PublicHolidays.DefaultsFor(2025);
        Assert.Contains(days, d => d.Date == new DateOnly(2025, 2, 1) && d.Kind == CalendarDayKind.Holiday); // mùng 4, a Saturday
        Assert.Contains(days, d => d.Date == new DateOnly(2025, 2, 3) && d.Kind == CalendarDayKind.DayOff);  // nghỉ bù on Monday
        var calendar = new WorkingCalendar(days);
        Assert.Equal(new DateOnly(2025, 2, 6), calendar.AddWorkingDays(new DateOnly(2025, 1, 27), 3));
    }

    [Fact]
    public void AnnouncedSwaps_ChangeTheCount()
    {
        // The Government may add a day off and move it to a Saturday worked in exchange (hoán đổi ngày làm việc).
        var days = PublicHolidays.DefaultsFor(2025).Concat(
        [
            new CalendarDay { Date = new DateOnly(2025, 1, 27), Kind = CalendarDayKind.DayOff, Name = "Nghỉ thêm" },
            new CalendarDay { Date = new DateOnly(2025, 2, 8), Kind = CalendarDayKind.WorkingDay, Name = "Làm bù" },
        ]);
        var calendar = new WorkingCalendar(days);
        Assert.False(calendar.IsWorkingDay(new DateOnly(2025, 1, 27)));
        Assert.True(calendar.IsWorkingDay(new DateOnly(2025, 2, 8)));
        Assert.Equal(new DateOnly(2025, 2, 7), calendar.AddWorkingDays(new DateOnly(2025, 1, 24), 4));
        Assert.Equal(new DateOnly(2025, 2, 8), calendar.AddWorkingDays(new DateOnly(2025, 1, 24), 5)); // the make-up Saturday counts
    }

    [Fact]
    public void NationalDay_AndItsAdjacentDay_AreOff()
    {
        var calendar = new WorkingCalendar(PublicHolidays.DefaultsFor(2026));
        Assert.False(calendar.IsWorkingDay(new DateOnly(2026, 9, 1)));
        Assert.False(calendar.IsWorkingDay(new DateOnly(2026, 9, 2)));
        Assert.Equal(2, calendar.WorkingDaysBetween(new DateOnly(2026, 8, 31), new DateOnly(2026, 9, 4)));
    }

    [Fact]
    public void ZeroWorkingDays_FromAWeekend_IsTheNextMonday() =>
        Assert.Equal(new DateOnly(2026, 11, 23), new WorkingCalendar([]).AddWorkingDays(new DateOnly(2026, 11, 21), 0));
}
