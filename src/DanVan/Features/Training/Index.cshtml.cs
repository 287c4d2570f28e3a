using DanVan.Data;
using DanVan.Domain.Access;
using DanVan.Domain.Text;
using DanVan.Domain.Training;
using DanVan.Features.Units;
using DanVan.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Features.Training;

/// <summary>Tuyên truyền, quán triệt, tập huấn: the sessions of the units in the user's scope, searched, filtered, sorted, paged, exported.</summary>
public class IndexModel(AppDbContext db, CurrentUser currentUser, TimeProvider clock) : PageModel
{
    public sealed record Row(int Id, DateOnly HeldOn, SessionKind Kind, string Title, int Attendees, int Staff, string UnitName);

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    [BindProperty(SupportsGet = true, Name = "kind")]
    public SessionKind? Kind { get; set; }

    [BindProperty(SupportsGet = true, Name = "year")]
    public int? Year { get; set; }

    /// <summary>"moi" (newest first, the default), "cu" (oldest first), "dong" (most attended first).</summary>
    [BindProperty(SupportsGet = true, Name = "sort")]
    public string? Sort { get; set; }

    [BindProperty(SupportsGet = true, Name = "page")]
    public int? PageNumber { get; set; }

    public PagedList<Row> Sessions { get; private set; } = null!;

    public bool CanRecord { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var scope = (await currentUser.GetScopeAsync(ct))!;
        CanRecord = DisclosureAccessRules.CanRecord(scope, scope.UnitId);
        Sessions = await (await FilteredAsync(scope, ct)).ToPagedListAsync(Project, PageNumber, 50, ct);
    }

    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct)
    {
        var scope = (await currentUser.GetScopeAsync(ct))!;
        var rows = await Project(await FilteredAsync(scope, ct)).Take(100_000).ToListAsync(ct);
        var stream = new MemoryStream();
        XlsxExport.Write(stream, "Tuyên truyền, tập huấn", ["Ngày", "Loại", "Nội dung", "Lượt người tham dự", "Cán bộ của đơn vị có mặt", "Đơn vị"],
            rows.Select(r => (IReadOnlyList<object?>)[r.HeldOn, TrainingRules.Label(r.Kind), r.Title, r.Attendees, r.Staff, r.UnitName]));
        stream.Position = 0;
        return File(stream, XlsxExport.ContentType, $"tuyen-truyen-tap-huan-{VietnamClock.Today(clock):yyyyMMdd}.xlsx");
    }

    private async Task<IQueryable<TrainingSession>> FilteredAsync(UserScope scope, CancellationToken ct)
    {
        var query = db.TrainingSessions.AsNoTracking();
        if (!scope.IsAdmin)
        {
            var units = await db.OrgUnits.AsNoTracking().InScope(scope).Select(u => u.Id).ToListAsync(ct);
            query = query.Where(s => EF.Parameter(units).Contains(s.UnitId));
        }

        if (Kind is { } k && Enum.IsDefined(k))
        {
            query = query.Where(s => s.Kind == k);
        }

        if (Year is >= 2000 and <= 9000)
        {
            var (from, to) = (new DateOnly(Year.Value, 1, 1), new DateOnly(Year.Value, 12, 31));
            query = query.Where(s => s.HeldOn >= from && s.HeldOn <= to);
        }

        var folded = VietnameseText.Fold(Query);
        if (folded.Length > 0)
        {
            query = query.Where(s => s.SearchText.Contains(folded));
        }

        return Sort switch
        {
            "cu" => query.OrderBy(s => s.HeldOn).ThenBy(s => s.Id),
            "dong" => query.OrderByDescending(s => s.Attendees).ThenByDescending(s => s.HeldOn).ThenByDescending(s => s.Id),
            _ => query.OrderByDescending(s => s.HeldOn).ThenByDescending(s => s.Id),
        };
    }

    private IQueryable<Row> Project(IQueryable<TrainingSession> q) => q.Select(s => new Row(s.Id, s.HeldOn, s.Kind, s.Title, s.Attendees,
        db.TrainingAttendances.Count(a => a.SessionId == s.Id), db.OrgUnits.Where(o => o.Id == s.UnitId).Select(o => o.Name).First()));

    private string Filters => $"q={Uri.EscapeDataString(Query ?? "")}&kind={Kind}&year={Year}&sort={Uri.EscapeDataString(Sort ?? "")}";

    public string PageUrl(int page) => $"/Training?{Filters}&page={page}";

    public string ExportUrl => $"/Training?handler=Export&{Filters}";
}
