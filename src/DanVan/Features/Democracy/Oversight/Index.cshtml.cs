using DanVan.Data;
using DanVan.Domain.Access;
using DanVan.Domain.Democracy;
using DanVan.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Features.Democracy.Oversight;

/// <summary>Kiểm tra, giám sát: the boards of the units in the user's scope, searched, filtered by kind, sorted, paged, exported.</summary>
public class IndexModel(AppDbContext db, CurrentUser currentUser, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    [BindProperty(SupportsGet = true, Name = "kind")]
    public OversightBoardKind? Kind { get; set; }

    [BindProperty(SupportsGet = true, Name = "sort")]
    public string? Sort { get; set; }

    [BindProperty(SupportsGet = true, Name = "page")]
    public int? PageNumber { get; set; }

    public PagedList<OversightBoardRow> Boards { get; private set; } = null!;

    public bool CanRecord { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var scope = (await currentUser.GetScopeAsync(ct))!;
        var kind = await db.OrgUnits.AsNoTracking().Where(u => u.Id == scope.UnitId).Select(u => (Domain.Units.OrgUnitKind?)u.Kind).FirstOrDefaultAsync(ct);
        CanRecord = DisclosureAccessRules.CanRecord(scope, scope.UnitId) && kind is { } k && DisclosureRules.ScopeOf(k) is not null;
        Boards = await (await FilteredAsync(scope, ct)).ToPagedListAsync(q => q.ToRows(db), PageNumber, 50, ct);
    }

    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct)
    {
        var scope = (await currentUser.GetScopeAsync(ct))!;
        var rows = await (await FilteredAsync(scope, ct)).ToRows(db).Take(100_000).ToListAsync(ct);
        var stream = new MemoryStream();
        XlsxExport.Write(stream, "Ban TTND, Ban GSĐTCĐ", ["Đơn vị", "Loại ban", "Tên ban", "Chương trình, dự án", "Nhiệm kỳ từ", "Nhiệm kỳ đến", "Số thành viên", "Số cuộc kiểm tra, giám sát"],
            rows.Select(r => (IReadOnlyList<object?>)[r.UnitName, OversightRules.Label(r.Kind), r.Name, r.Project, r.TermFrom, r.TermTo, r.MemberCount, r.Activities]),
            "DANH SÁCH BAN THANH TRA NHÂN DÂN, BAN GIÁM SÁT ĐẦU TƯ CỦA CỘNG ĐỒNG", XlsxExport.ExportedOn(VietnamClock.Today(clock)));
        stream.Position = 0;
        return File(stream, XlsxExport.ContentType, $"ban-thanh-tra-giam-sat-{VietnamClock.Today(clock):yyyyMMdd}.xlsx");
    }

    private async Task<IQueryable<OversightBoard>> FilteredAsync(UserScope scope, CancellationToken ct) =>
        (await db.OversightBoards.AsNoTracking().VisibleToAsync(db, scope, ct)).Matching(Query, Kind, null).Sorted(db, Sort);

    public string SortKey => Sort is { } s && OversightQueries.BoardSorts.Contains(s) ? s : "term";

    private string Filters => $"q={Uri.EscapeDataString(Query ?? "")}&kind={Kind}&sort={SortKey}";

    public string PageUrl(int page) => $"/Democracy/Oversight?{Filters}&page={page}";

    public string ExportUrl => $"/Democracy/Oversight?handler=Export&{Filters}";
}
