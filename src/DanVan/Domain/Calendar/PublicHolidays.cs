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

    /// <summary>
    /// Years whose schedule the Government has announced, with the swaps the Labour Code cannot compute (a weekday off
    /// worked back on a Saturday). 2026: 2/1 off for Saturday 10/1; 27/4 off in lieu of Giỗ Tổ (Sunday 26/4); 31/8 off
    /// for Saturday 22/8 (facts.md §2.0). Every day of such a year carries the announcement as its source.
    /// </summary>
    public static readonly IReadOnlyDictionary<int, Announcement> Announced = new Dictionary<int, Announcement>
    {
        [2026] = new(
            "Lịch nghỉ lễ, Tết năm 2026 của cán bộ, công chức, viên chức (thông báo của Chính phủ, Bộ Nội vụ)",
            [
                (new DateOnly(2026, 1, 2), CalendarDayKind.DayOff, "Nghỉ hoán đổi, làm bù thứ Bảy 10/01/2026"),
                (new DateOnly(2026, 1, 10), CalendarDayKind.WorkingDay, "Làm bù cho ngày nghỉ 02/01/2026"),
                (new DateOnly(2026, 8, 22), CalendarDayKind.WorkingDay, "Làm bù cho ngày nghỉ 31/08/2026"),
                (new DateOnly(2026, 8, 31), CalendarDayKind.DayOff, "Nghỉ hoán đổi, làm bù thứ Bảy 22/08/2026"),
            ]),
    };

    /// <summary>A year's announced schedule: its source and the swapped days on top of the Labour Code defaults.</summary>
    public sealed record Announcement(string Source, IReadOnlyList<(DateOnly Date, CalendarDayKind Kind, string Name)> Swaps);

    /// <summary>The days of <paramref name="year"/>: the announced schedule when there is one, else the defaults.</summary>
    public static IReadOnlyList<CalendarDay> DefaultsFor(int year)
    {
        var defaults = LabourCodeDefaults(year);
        if (!Announced.TryGetValue(year, out var announced))
        {
            return defaults;
        }

        var swapDates = announced.Swaps.Select(s => s.Date).ToHashSet();
        return defaults.Where(d => !swapDates.Contains(d.Date))
            .Select(d => new CalendarDay { Date = d.Date, Kind = d.Kind, Name = d.Name, Source = announced.Source })
            .Concat(announced.Swaps.Select(s => new CalendarDay { Date = s.Date, Kind = s.Kind, Name = s.Name, Source = announced.Source }))
            .OrderBy(d => d.Date)
            .ToList();
    }

    private static IReadOnlyList<CalendarDay> LabourCodeDefaults(int year)
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
