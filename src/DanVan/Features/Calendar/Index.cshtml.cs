using System.ComponentModel.DataAnnotations;
using DanVan.Data;
using DanVan.Domain.Calendar;
using DanVan.Features.Shared;
using DanVan.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Features.Calendar;

/// <summary>Lịch làm việc: the year's holidays and swaps, a deadline calculator, and (for admins) editing.</summary>
public class IndexModel(AppDbContext db, CurrentUser currentUser, CalendarCommands commands, TimeProvider clock) : PageModel
{
    public sealed class DayInput
    {
        [Display(Name = "Ngày")]
        public string? Date { get; set; }

        [Display(Name = "Loại ngày")]
        public CalendarDayKind? Kind { get; set; }

        [Display(Name = "Tên ngày")]
        public string? Name { get; set; }

        [Display(Name = "Căn cứ")]
        public string? Source { get; set; }
    }

    [BindProperty(SupportsGet = true, Name = "year")]
    public int? Year { get; set; }

    [BindProperty(SupportsGet = true, Name = "from")]
    public string? From { get; set; }

    [BindProperty(SupportsGet = true, Name = "days")]
    public int? Days { get; set; }

    [BindProperty]
    public DayInput Input { get; set; } = new();

    public int ShownYear { get; private set; }

    public List<CalendarDay> Entries { get; private set; } = [];

    public bool IsAdmin { get; private set; }

    public DateOnly? Due { get; private set; }

    public string? CalculatorError { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (From is not null || Days is not null)
        {
            if (!Domain.Text.VietnameseText.TryParseDate(From, out var from))
            {
                CalculatorError = "Ngày bắt đầu không hợp lệ: nhập theo dạng ngày/tháng/năm, ví dụ 13/02/2026.";
            }
            else if (Days is not (>= 0 and <= 365))
            {
                CalculatorError = "Số ngày làm việc phải từ 0 đến 365.";
            }
            else
            {
                Due = (await commands.LoadAsync(from, from.AddYears(2), ct)).AddWorkingDays(from, Days.Value);
            }
        }
    }

    public async Task<IActionResult> OnPostGenerateAsync(CancellationToken ct)
    {
        var scope = (await currentUser.GetScopeAsync(ct))!;
        var year = Year ?? VietnamClock.Today(clock).Year;
        var result = await commands.GenerateDefaultsAsync(scope, year, ct);
        if (result.Status == ResultStatus.Forbidden)
        {
            return Forbid();
        }

        TempData["Message"] = result.IsOk
            ? $"Đã thêm {result.Value} ngày theo mặc định của Bộ luật Lao động cho năm {year}. Hãy đối chiếu với thông báo nghỉ lễ, Tết của năm."
            : string.Join(" ", result.Errors.SelectMany(e => e.Value));
        return Redirect($"/Calendar?year={year}");
    }

    public async Task<IActionResult> OnPostAddAsync(CancellationToken ct)
    {
        var scope = (await currentUser.GetScopeAsync(ct))!;
        var date = PageResults.ParseDate(ModelState, "Input.Date", Input.Date, "ngày", required: true);
        var result = await commands.AddAsync(scope, date, Input.Kind, Input.Name, Input.Source, ct);
        if (result.Status == ResultStatus.Forbidden)
        {
            return Forbid();
        }

        if (!ModelState.IsValid || !result.IsOk)
        {
            await LoadAsync(ct, date?.Year);
            return this.Failure(result) ?? Page();
        }

        TempData["Message"] = $"Đã thêm ngày {Domain.Text.VietnameseText.FormatDate(result.Value!.Date)} vào lịch.";
        return Redirect($"/Calendar?year={result.Value.Date.Year}");
    }

    public async Task<IActionResult> OnPostRemoveAsync(int id, CancellationToken ct)
    {
        var scope = (await currentUser.GetScopeAsync(ct))!;
        var result = await commands.RemoveAsync(scope, id, ct);
        if (this.Failure(result) is { } failure)
        {
            return failure;
        }

        TempData["Message"] = $"Đã xóa ngày {Domain.Text.VietnameseText.FormatDate(result.Value!.Date)} khỏi lịch.";
        return Redirect($"/Calendar?year={result.Value.Date.Year}");
    }

    private async Task LoadAsync(CancellationToken ct, int? year = null)
    {
        var scope = (await currentUser.GetScopeAsync(ct))!;
        IsAdmin = scope.IsAdmin;
        var asked = year ?? Year;
        ShownYear = asked is >= CalendarCommands.FirstYear and <= CalendarCommands.LastYear ? asked.Value : VietnamClock.Today(clock).Year;
        var start = new DateOnly(ShownYear, 1, 1);
        var end = new DateOnly(ShownYear, 12, 31);
        Entries = await db.CalendarDays.AsNoTracking().Where(d => d.Date >= start && d.Date <= end).OrderBy(d => d.Date).ToListAsync(ct);
    }

    public static string Weekday(DateOnly d) => d.DayOfWeek switch
    {
        DayOfWeek.Monday => "Thứ Hai",
        DayOfWeek.Tuesday => "Thứ Ba",
        DayOfWeek.Wednesday => "Thứ Tư",
        DayOfWeek.Thursday => "Thứ Năm",
        DayOfWeek.Friday => "Thứ Sáu",
        DayOfWeek.Saturday => "Thứ Bảy",
        _ => "Chủ nhật",
    };
}
