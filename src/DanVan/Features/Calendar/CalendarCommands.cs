using DanVan.Data;
using DanVan.Domain.Access;
using DanVan.Domain.Calendar;
using DanVan.Domain.Text;
using DanVan.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Features.Calendar;

/// <summary>The working-day calendar as data: read by every deadline, edited by system administrators.</summary>
public sealed class CalendarCommands(AppDbContext db)
{
    public const int FirstYear = 2000;
    public const int LastYear = 2100;

    /// <summary>A calendar covering <paramref name="from"/> and the year after it: enough for any "N ngày làm việc".</summary>
    public async Task<WorkingCalendar> LoadAsync(DateOnly from, DateOnly? to = null, CancellationToken ct = default)
    {
        var end = to ?? from.AddYears(1);
        var days = await db.CalendarDays.AsNoTracking().Where(d => d.Date >= from && d.Date <= end).ToListAsync(ct);

        // A year an administrator has not entered at all still has Tết: it counts with the announced or Labour Code days.
        var entered = days.Select(d => d.Date.Year).ToHashSet();
        for (var y = from.Year; y <= end.Year; y++)
        {
            if (!entered.Contains(y) && y is >= FirstYear and <= LastYear
                && !await db.CalendarDays.AnyAsync(d => d.Date >= new DateOnly(y, 1, 1) && d.Date <= new DateOnly(y, 12, 31), ct))
            {
                days.AddRange(PublicHolidays.DefaultsFor(y));
            }
        }

        return new WorkingCalendar(days);
    }

    /// <summary>Adds the Labour Code defaults of a year for the dates that have no entry yet; returns how many.</summary>
    public async Task<Result<int>> GenerateDefaultsAsync(UserScope user, int year, CancellationToken ct = default)
    {
        if (!user.IsAdmin)
        {
            return Result<int>.Forbidden();
        }

        if (year is < FirstYear or > LastYear)
        {
            return Result<int>.Invalid("Year", $"Năm phải trong khoảng {FirstYear}–{LastYear}.");
        }

        var from = new DateOnly(year, 1, 1);
        var to = new DateOnly(year, 12, 31);
        var existing = (await db.CalendarDays.Where(d => d.Date >= from && d.Date <= to).Select(d => d.Date).ToListAsync(ct)).ToHashSet();
        var added = PublicHolidays.DefaultsFor(year).Where(d => !existing.Contains(d.Date)).ToList();
        db.CalendarDays.AddRange(added);
        await db.SaveChangesAsync(ct);
        return Result<int>.Ok(added.Count);
    }

    public async Task<Result<CalendarDay>> AddAsync(UserScope user, DateOnly? date, CalendarDayKind? kind, string? name, string? source, CancellationToken ct = default)
    {
        if (!user.IsAdmin)
        {
            return Result<CalendarDay>.Forbidden();
        }

        var errors = new FieldErrors();
        if (date is null)
        {
            errors.Add("Date", "Vui lòng nhập ngày.");
        }
        else if (date.Value.Year is < FirstYear or > LastYear)
        {
            errors.Add("Date", $"Năm phải trong khoảng {FirstYear}–{LastYear}.");
        }
        else if (await db.CalendarDays.AnyAsync(d => d.Date == date, ct))
        {
            errors.Add("Date", $"Ngày {VietnameseText.FormatDate(date)} đã có trong lịch; xóa mục cũ trước nếu muốn đổi.");
        }

        if (kind is null || !Enum.IsDefined(kind.Value))
        {
            errors.Add("Kind", "Vui lòng chọn loại ngày.");
        }
        else if (date is { } d)
        {
            var weekend = d.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
            if (kind == CalendarDayKind.WorkingDay && !weekend)
            {
                errors.Add("Kind", "Ngày làm bù phải là thứ Bảy hoặc Chủ nhật.");
            }
            else if (kind == CalendarDayKind.DayOff && weekend)
            {
                errors.Add("Kind", "Ngày nghỉ bù phải là ngày trong tuần (thứ Hai đến thứ Sáu).");
            }
        }

        if (string.IsNullOrWhiteSpace(name))
        {
            errors.Add("Name", "Vui lòng nhập tên ngày (ví dụ: Nghỉ Tết Nguyên đán).");
        }
        else if (name.Trim().Length > 200)
        {
            errors.Add("Name", "Tên ngày không quá 200 ký tự.");
        }

        if (source is not null && source.Trim().Length > 300)
        {
            errors.Add("Source", "Căn cứ không quá 300 ký tự.");
        }

        if (errors.Any)
        {
            return Result<CalendarDay>.Invalid(errors.ToDictionary());
        }

        var day = new CalendarDay
        {
            Date = date!.Value,
            Kind = kind!.Value,
            Name = VietnameseText.Nfc(name!.Trim())!,
            Source = VietnameseText.Optional(source),
        };
        db.CalendarDays.Add(day);
        if (!await db.TrySaveUniqueAsync(ct))
        {
            return Result<CalendarDay>.Invalid("Date", $"Ngày {VietnameseText.FormatDate(date)} đã có trong lịch; xóa mục cũ trước nếu muốn đổi.");
        }

        return Result<CalendarDay>.Ok(day);
    }

    public async Task<Result<CalendarDay>> RemoveAsync(UserScope user, int id, CancellationToken ct = default)
    {
        if (!user.IsAdmin)
        {
            return Result<CalendarDay>.Forbidden();
        }

        var day = await db.CalendarDays.FirstOrDefaultAsync(d => d.Id == id, ct);
        if (day is null)
        {
            return Result<CalendarDay>.NotFound();
        }

        db.CalendarDays.Remove(day);
        await db.SaveChangesAsync(ct);
        return Result<CalendarDay>.Ok(day);
    }
}
