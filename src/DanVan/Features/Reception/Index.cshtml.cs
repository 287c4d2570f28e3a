using DanVan.Data;
using DanVan.Domain.Access;
using DanVan.Domain.Reception;
using DanVan.Domain.Text;
using DanVan.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Features.Reception;

/// <summary>
/// Sổ tiếp công dân: the sessions of the user's unit (or province) by month, searchable, paged and exported; and who
/// missed the duty of periodic reception in that month.
/// </summary>
public class IndexModel(AppDbContext db, CurrentUser currentUser, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    /// <summary>yyyy-MM; the current month when empty or malformed.</summary>
    [BindProperty(SupportsGet = true, Name = "month")]
    public string? Month { get; set; }

    [BindProperty(SupportsGet = true, Name = "kind")]
    public ReceptionKind? Kind { get; set; }

    [BindProperty(SupportsGet = true, Name = "page")]
    public int? PageNumber { get; set; }


    public PagedList<ReceptionQueries.SessionRow> Sessions { get; private set; } = null!;

    public List<ReceptionQueries.DutyRow> Duties { get; private set; } = [];

    public bool CanSchedule { get; private set; }

    public DateOnly From { get; private set; }

    public DateOnly To { get; private set; }

    public string MonthLabel => $"tháng {From.Month:00}/{From.Year}";

    public async Task OnGetAsync(CancellationToken ct)
    {
        var scope = (await currentUser.GetScopeAsync(ct))!;
        CanSchedule = ReceptionAccessRules.CanManage(scope, scope.UnitId);
        Sessions = await (await FilteredAsync(scope, ct)).ToPagedListAsync(PageNumber, 50, ct);
        Duties = (await ReceptionQueries.DutiesAsync(db, scope, From, To, VietnamClock.Today(clock), ct)).Where(d => d.PeriodsMissed > 0).ToList();
    }

    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct)
    {
        var scope = (await currentUser.GetScopeAsync(ct))!;
        var rows = await (await FilteredAsync(scope, ct)).Take(100_000).ToListAsync(ct);
        var stream = new MemoryStream();
        XlsxExport.Write(stream, "Sổ tiếp công dân", ["Ngày", "Thời gian", "Hình thức", "Người chủ trì", "Chức vụ", "Địa điểm", "Tình trạng", "Lượt công dân", "Đoàn đông người", "Đơn vị"],
            rows.Select(r => (IReadOnlyList<object?>)[r.On, r.Time, ReceptionRules.Label(r.Kind), r.HostName, r.HostPost, r.Place, ReceptionRules.Label(r.State),
                r.CitizensReceived, r.Groups, r.UnitName]),
            $"SỔ TIẾP CÔNG DÂN {MonthLabel.ToUpper(VietnameseText.Culture)}", XlsxExport.ExportedOn(VietnamClock.Today(clock)));
        stream.Position = 0;
        return File(stream, XlsxExport.ContentType, $"so-tiep-cong-dan-{From:yyyyMM}.xlsx");
    }

    private async Task<IQueryable<ReceptionQueries.SessionRow>> FilteredAsync(UserScope scope, CancellationToken ct)
    {
        var today = VietnamClock.Today(clock);
        From = System.Text.RegularExpressions.Regex.IsMatch(Month ?? "", @"^\d{4}-(0[1-9]|1[0-2])$")
            && int.Parse(Month![..4], System.Globalization.CultureInfo.InvariantCulture) is >= 2000 and <= 2100
            ? new DateOnly(int.Parse(Month[..4], System.Globalization.CultureInfo.InvariantCulture), int.Parse(Month[5..], System.Globalization.CultureInfo.InvariantCulture), 1)
            : new DateOnly(today.Year, today.Month, 1);
        Month = $"{From:yyyy-MM}";
        To = From.AddMonths(1).AddDays(-1);
        return await ReceptionQueries.LogAsync(db, scope, From, To, Kind, Query, ct);
    }

    public string PageUrl(int page) =>
        $"/Reception?q={Uri.EscapeDataString(Query ?? "")}&month={Month}&kind={Kind}&page={page}";
}
