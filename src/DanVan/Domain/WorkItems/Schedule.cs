using DanVan.Domain.Calendar;

namespace DanVan.Domain.WorkItems;

public enum RecurrenceKind
{
    /// <summary>Một lần: a fixed due date.</summary>
    Once = 0,

    /// <summary>Hằng năm: every year on a day and month ("trước ngày 15/11 hàng năm").</summary>
    Yearly = 1,

    /// <summary>Sáu tháng một lần: on a day and month, and six months later.</summary>
    HalfYearly = 2,

    /// <summary>Hằng quý: a day of the n-th month of each quarter.</summary>
    Quarterly = 3,

    /// <summary>Hằng tháng: a day of each month (the last day for short months).</summary>
    Monthly = 4,

    /// <summary>N ngày làm việc sau một ngày (nhận văn bản, sự kiện): one date, on the working-day calendar.</summary>
    WorkingDaysAfter = 5,
}

/// <summary>
/// When a task falls due. Pure: the dates of a schedule within a period, for the task list and the reminders.
/// <see cref="Day"/>/<see cref="Month"/> mean: Once — the date; Yearly/HalfYearly — day and month (first half);
/// Quarterly — day and month within the quarter (1–3); Monthly — day; WorkingDaysAfter — <see cref="Anchor"/> + Day working days.
/// </summary>
public sealed record Schedule(RecurrenceKind Kind, int Day, int Month, DateOnly? Anchor = null, DateOnly? Date = null)
{
    public static Schedule Once(DateOnly date) => new(RecurrenceKind.Once, date.Day, date.Month, Date: date);

    public static Schedule Yearly(int day, int month) => new(RecurrenceKind.Yearly, day, month);

    public static Schedule HalfYearly(int day, int month) => new(RecurrenceKind.HalfYearly, day, month);

    public static Schedule Quarterly(int day, int monthOfQuarter) => new(RecurrenceKind.Quarterly, day, monthOfQuarter);

    public static Schedule Monthly(int day) => new(RecurrenceKind.Monthly, day, 1);

    public static Schedule WorkingDaysAfter(DateOnly anchor, int workingDays) => new(RecurrenceKind.WorkingDaysAfter, workingDays, 0, anchor);

    /// <summary>A Vietnamese description, as officials write it.</summary>
    public string Describe() => Kind switch
    {
        RecurrenceKind.Once => $"Trước ngày {Date:dd/MM/yyyy}",
        RecurrenceKind.Yearly => $"Trước ngày {Day:00}/{Month:00} hằng năm",
        RecurrenceKind.HalfYearly => $"Sáu tháng một lần: trước ngày {Day:00}/{Month:00} và {Day:00}/{((Month + 5) % 12) + 1:00}",
        RecurrenceKind.Quarterly => $"Hằng quý: ngày {Day:00} tháng thứ {Month} của quý",
        RecurrenceKind.Monthly => $"Hằng tháng: ngày {Day:00}",
        RecurrenceKind.WorkingDaysAfter => $"{Day} ngày làm việc kể từ ngày {Anchor:dd/MM/yyyy}",
        _ => Kind.ToString(),
    };

    /// <summary>Checks the numbers; null when valid, else a Vietnamese reason.</summary>
    public string? Validate()
    {
        return Kind switch
        {
            RecurrenceKind.Once when Date is null => "Vui lòng nhập hạn hoàn thành.",
            RecurrenceKind.Yearly or RecurrenceKind.HalfYearly when !IsDayOfMonth(Day, Month) => $"Ngày {Day}/{Month} không tồn tại.",
            RecurrenceKind.HalfYearly when Month > 6 => "Với kỳ sáu tháng, nhập hạn của kỳ đầu năm (tháng 1 đến tháng 6).",
            RecurrenceKind.Quarterly when Month is < 1 or > 3 || Day is < 1 or > 31 => "Hạn hằng quý: ngày 1–31 của tháng thứ 1, 2 hoặc 3 trong quý.",
            RecurrenceKind.Monthly when Day is < 1 or > 31 => "Hạn hằng tháng: ngày từ 1 đến 31.",
            RecurrenceKind.WorkingDaysAfter when Anchor is null => "Vui lòng nhập ngày bắt đầu tính.",
            RecurrenceKind.WorkingDaysAfter when Day is < 1 or > 365 => "Số ngày làm việc từ 1 đến 365.",
            _ => null,
        };
    }

    /// <summary>Every due date of the schedule from <paramref name="from"/> to <paramref name="to"/>, in order.</summary>
    public IEnumerable<DateOnly> Occurrences(DateOnly from, DateOnly to, WorkingCalendar calendar)
    {
        IEnumerable<DateOnly> all = Kind switch
        {
            RecurrenceKind.Once => [Date!.Value],
            RecurrenceKind.WorkingDaysAfter => [calendar.AddWorkingDays(Anchor!.Value, Day)],
            RecurrenceKind.Yearly => Years(from, to).Select(y => Clamp(y, Month, Day)),
            RecurrenceKind.HalfYearly => Years(from, to).SelectMany(y => new[] { Clamp(y, Month, Day), Clamp(y, Month + 6, Day) }),
            RecurrenceKind.Quarterly => Years(from, to).SelectMany(y => Enumerable.Range(0, 4).Select(q => Clamp(y, (q * 3) + Month, Day))),
            RecurrenceKind.Monthly => Years(from, to).SelectMany(y => Enumerable.Range(1, 12).Select(m => Clamp(y, m, Day))),
            _ => [],
        };
        return all.Where(d => d >= from && d <= to).Order();
    }

    private static IEnumerable<int> Years(DateOnly from, DateOnly to) => Enumerable.Range(from.Year, to.Year - from.Year + 1);

    private static DateOnly Clamp(int year, int month, int day) => new(year, month, Math.Min(day, DateTime.DaysInMonth(year, month)));

    private static bool IsDayOfMonth(int day, int month) => month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(2024, month);
}
