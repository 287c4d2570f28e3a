namespace DanVan.Domain.Calendar;

/// <summary>
/// Working days in Vietnamese state agencies: Monday to Friday, except holidays and announced days off, plus the
/// weekend days announced as make-up working days. Every "N ngày làm việc" deadline is computed here.
/// </summary>
public sealed class WorkingCalendar
{
    private readonly Dictionary<DateOnly, CalendarDayKind> exceptions;

    public WorkingCalendar(IEnumerable<CalendarDay> days)
    {
        exceptions = [];
        foreach (var day in days)
        {
            exceptions[day.Date] = day.Kind;
        }
    }

    public bool IsWorkingDay(DateOnly date)
    {
        if (exceptions.TryGetValue(date, out var kind))
        {
            return kind == CalendarDayKind.WorkingDay;
        }

        return date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);
    }

    /// <summary>
    /// The date that is <paramref name="workingDays"/> working days after <paramref name="from"/> (the day of receipt
    /// itself does not count). Zero gives <paramref name="from"/> itself, or the next working day if it is not one.
    /// </summary>
    public DateOnly AddWorkingDays(DateOnly from, int workingDays)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(workingDays);
        var date = from;
        if (workingDays == 0)
        {
            while (!IsWorkingDay(date))
            {
                date = date.AddDays(1);
            }

            return date;
        }

        var counted = 0;
        while (counted < workingDays)
        {
            date = date.AddDays(1);
            if (IsWorkingDay(date))
            {
                counted++;
            }
        }

        return date;
    }

    /// <summary>Working days strictly after <paramref name="from"/> up to and including <paramref name="to"/>.</summary>
    public int WorkingDaysBetween(DateOnly from, DateOnly to)
    {
        var count = 0;
        for (var d = from.AddDays(1); d <= to; d = d.AddDays(1))
        {
            if (IsWorkingDay(d))
            {
                count++;
            }
        }

        return count;
    }
}
