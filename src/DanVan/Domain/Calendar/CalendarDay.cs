namespace DanVan.Domain.Calendar;

public enum CalendarDayKind
{
    /// <summary>Nghỉ lễ, Tết: a public holiday.</summary>
    Holiday = 1,

    /// <summary>Nghỉ bù hoặc nghỉ thêm theo thông báo: a weekday off that is not itself a holiday.</summary>
    DayOff = 2,

    /// <summary>Làm bù: a Saturday or Sunday worked in exchange for a day off.</summary>
    WorkingDay = 3,
}

/// <summary>A day that departs from the Monday–Friday week: kept as data an administrator edits each year.</summary>
public class CalendarDay
{
    public int Id { get; set; }

    public DateOnly Date { get; set; }

    public CalendarDayKind Kind { get; set; }

    public string Name { get; set; } = "";

    /// <summary>Where the day comes from: the Labour Code default, or the Government's yearly announcement.</summary>
    public string? Source { get; set; }

    public static string Label(CalendarDayKind kind) => kind switch
    {
        CalendarDayKind.Holiday => "Nghỉ lễ, Tết",
        CalendarDayKind.DayOff => "Nghỉ bù / nghỉ thêm",
        CalendarDayKind.WorkingDay => "Làm bù",
        _ => kind.ToString(),
    };
}
