namespace DanVan.Domain.Calendar;

/// <summary>
/// The default public holidays of a year under the Labour Code (Bộ luật Lao động 45/2019/QH14, Art. 112): 1/1; Tết
/// Nguyên đán 5 days (here: the last day of the lunar year and mùng 1–4); Giỗ Tổ Hùng Vương 10/3 lunar; 30/4; 1/5;
/// Quốc khánh 2/9 and one adjacent day (here: 1/9). A holiday that falls on a weekend gives a day off on the next
/// working day. The Government's yearly announcement (which days of Tết, swaps with make-up Saturdays) is entered
/// by an administrator on top of these defaults: they are a starting point, not the law of a given year.
/// </summary>
public static class PublicHolidays
{
    public const string Source = "Mặc định theo Điều 112 Bộ luật Lao động 2019 (cần đối chiếu thông báo hằng năm)";

    public static IReadOnlyList<CalendarDay> DefaultsFor(int year)
    {
        var tet = LunarCalendar.NewYear(year);
        var holidays = new List<CalendarDay>
        {
            Day(new DateOnly(year, 1, 1), "Tết Dương lịch"),
            Day(tet.AddDays(-1), "Tết Nguyên đán (ngày cuối năm âm lịch)"),
        };
        for (var i = 0; i < 4; i++)
        {
            holidays.Add(Day(tet.AddDays(i), $"Tết Nguyên đán (mùng {i + 1})"));
        }

        holidays.Add(Day(LunarCalendar.ToSolar(10, 3, year), "Giỗ Tổ Hùng Vương (10/3 âm lịch)"));
        holidays.Add(Day(new DateOnly(year, 4, 30), "Ngày Chiến thắng"));
        holidays.Add(Day(new DateOnly(year, 5, 1), "Ngày Quốc tế Lao động"));
        holidays.Add(Day(new DateOnly(year, 9, 1), "Quốc khánh (ngày liền kề)"));
        holidays.Add(Day(new DateOnly(year, 9, 2), "Quốc khánh"));

        // Tết's last lunar day can fall in the previous solar year only if Tết is on 1/1 — never in practice, but keep the year's own days.
        holidays = holidays.Where(h => h.Date.Year == year).DistinctBy(h => h.Date).OrderBy(h => h.Date).ToList();

        // Nghỉ bù: each holiday on a Saturday or Sunday moves to the next weekday that is not already a holiday.
        var taken = holidays.Select(h => h.Date).ToHashSet();
        var result = new List<CalendarDay>(holidays);
        foreach (var h in holidays.Where(h => h.Date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday))
        {
            var d = h.Date.AddDays(1);
            while (d.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday || taken.Contains(d))
            {
                d = d.AddDays(1);
            }

            taken.Add(d);
            result.Add(new CalendarDay { Date = d, Kind = CalendarDayKind.DayOff, Name = "Nghỉ bù " + h.Name, Source = Source });
        }

        return result.OrderBy(d => d.Date).ToList();
    }

    private static CalendarDay Day(DateOnly date, string name) =>
        new() { Date = date, Kind = CalendarDayKind.Holiday, Name = name, Source = Source };
}
