using DanVan.Data;
using DanVan.Domain.Access;
using DanVan.Domain.Democracy;
using DanVan.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Features.Democracy.StaffConferences;

/// <summary>Hội nghị cán bộ, công chức, viên chức: the conferences of the agencies in the user's scope, searched, filtered by year, sorted, paged, exported.</summary>
public class IndexModel(AppDbContext db, CurrentUser currentUser, StaffConferenceCommands commands, TimeProvider clock) : PageModel
{
    public static readonly string[] Sorts = ["held", "year", "attendees", "unit"];

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    [BindProperty(SupportsGet = true, Name = "year")]
    public int? Year { get; set; }

    [BindProperty(SupportsGet = true, Name = "sort")]
    public string? Sort { get; set; }

    [BindProperty(SupportsGet = true, Name = "page")]
    public int? PageNumber { get; set; }

    public PagedList<StaffConferenceRow> Conferences { get; private set; } = null!;

    public bool CanRecord { get; private set; }

    public bool CanSeeCompliance { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var scope = (await currentUser.GetScopeAsync(ct))!;
        CanRecord = await commands.CanRecordAsync(scope, ct);
        CanSeeCompliance = DisclosureAccessRules.CanSeeCompliance(scope);
        Conferences = await (await FilteredAsync(scope, ct)).ToPagedListAsync(q => q.ToRows(db), PageNumber, 50, ct);
    }

    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct)
    {
        var scope = (await currentUser.GetScopeAsync(ct))!;
        var rows = await (await FilteredAsync(scope, ct)).ToRows(db).Take(100_000).ToListAsync(ct);
        var stream = new MemoryStream();
        XlsxExport.Write(stream, "Hội nghị CBCCVC", ["Đơn vị", "Tổng kết năm", "Ngày tổ chức", "Hình thức", "Số người dự", "Tổng số CB, CC, VC, NLĐ", "Số nghị quyết", "Ngày nghị quyết"],
            rows.Select(r => (IReadOnlyList<object?>)[r.UnitName, r.Year, r.HeldOn, StaffConferenceRules.Label(r.Form), r.Attendees, r.StaffTotal, r.ResolutionNumber, r.ResolutionOn]),
            "DANH SÁCH HỘI NGHỊ CÁN BỘ, CÔNG CHỨC, VIÊN CHỨC, NGƯỜI LAO ĐỘNG", XlsxExport.ExportedOn(VietnamClock.Today(clock)));
        stream.Position = 0;
        return File(stream, XlsxExport.ContentType, $"hoi-nghi-can-bo-cong-chuc-{VietnamClock.Today(clock):yyyyMMdd}.xlsx");
    }

    private async Task<IQueryable<StaffConference>> FilteredAsync(UserScope scope, CancellationToken ct) =>
        (await db.StaffConferences.AsNoTracking().VisibleToAsync(db, scope, ct)).Matching(Query, Year, null).Sorted(SortKey);

    public string SortKey => Sort is { } s && Sorts.Contains(s) ? s : "held";

    private string Filters => $"q={Uri.EscapeDataString(Query ?? "")}&year={Year}&sort={SortKey}";

    public string PageUrl(int page) => $"/Democracy/StaffConferences?{Filters}&page={page}";

    public string ExportUrl => $"/Democracy/StaffConferences?handler=Export&{Filters}";
}
