using DanVan.Data;
using DanVan.Domain.Access;
using DanVan.Domain.WorkItems;
using DanVan.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DanVan.Features.Tasks;

/// <summary>Nhiệm vụ: my unit's deadlines, or all I can see; filtered by state; exported to Excel.</summary>
public class IndexModel(AppDbContext db, CurrentUser currentUser, TimeProvider clock, IConfiguration configuration) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    [BindProperty(SupportsGet = true, Name = "view")]
    public string? View { get; set; }

    [BindProperty(SupportsGet = true, Name = "state")]
    public DeadlineFilter State { get; set; } = DeadlineFilter.Open;

    [BindProperty(SupportsGet = true, Name = "unitId")]
    public int? UnitId { get; set; }

    [BindProperty(SupportsGet = true, Name = "page")]
    public int? PageNumber { get; set; }

    public PagedList<DeadlineRow> Deadlines { get; private set; } = null!;

    public DateOnly Today { get; private set; }

    public DateTime NowUtc { get; private set; }

    public bool CanAssign { get; private set; }

    public int SoonDays => configuration.GetValue("Tasks:DueSoonDays", 7);

    /// <summary>
    /// "mine" (led by my unit), "assigned" (given by my unit) or "all" I may see. Without a choice, coordinators,
    /// reviewers and administrators see everything they may (they assign rather than lead), others their unit's.
    /// </summary>
    public string EffectiveView { get; private set; } = "mine";

    public bool Mine => EffectiveView == "mine" && UnitId is null;

    public bool Assigned => EffectiveView == "assigned" && UnitId is null;

    private void ChooseView(UserScope scope) =>
        EffectiveView = View is "mine" or "assigned" or "all" ? View
            : scope.IsAdmin || Roles.HasProvinceScope(scope.Role) ? "all" : "mine";

    public async Task OnGetAsync(CancellationToken ct)
    {
        var scope = (await currentUser.GetScopeAsync(ct))!;
        Today = VietnamClock.Today(clock);
        NowUtc = clock.GetUtcNow().UtcDateTime;
        CanAssign = scope.Role is Roles.Admin or Roles.Coordinator or Roles.UnitHead;
        ChooseView(scope);
        Deadlines = await (await QueryAsync(scope, ct))
            .OrderBy(d => d.CompletedOn != null).ThenBy(d => d.DueOn).ThenBy(d => d.Id)
            .ToPagedListAsync(q => q.ToRows(db), PageNumber, 50, ct);
    }

    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct)
    {
        var scope = (await currentUser.GetScopeAsync(ct))!;
        Today = VietnamClock.Today(clock);
        ChooseView(scope);
        var rows = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(
            (await QueryAsync(scope, ct)).OrderBy(d => d.DueOn).ThenBy(d => d.Id).ToRows(db).Take(100_000), ct);
        var stream = new MemoryStream();
        XlsxExport.Write(stream, "Nhiệm vụ", ["Nhiệm vụ", "Đơn vị chủ trì", "Hạn", "Hạn ban đầu", "Trạng thái", "Tiến độ (%)", "Ngày hoàn thành (đã xác nhận)", "Ngày báo cáo hoàn thành (chờ xác nhận)"],
            rows.Select(r => (IReadOnlyList<object?>)[r.Title, r.LeadUnitName, r.DueOn, r.OriginalDueOn, WorkItemStates.Label(r.StateOn(Today), r.DueOn, Today, SoonDays), r.Progress, r.CompletedOn, r.ReportedCompletedOn]),
            "DANH SÁCH NHIỆM VỤ", XlsxExport.ExportedOn(Today));
        stream.Position = 0;
        return File(stream, XlsxExport.ContentType, $"nhiem-vu-{Today:yyyyMMdd}.xlsx");
    }

    private async Task<IQueryable<WorkItemDeadline>> QueryAsync(UserScope scope, CancellationToken ct)
    {
        var query = db.WorkItemDeadlines.AsQueryable();
        if (UnitId is { } unitId)
        {
            // A unit's subtree: within the scope it is all visible; outside it, only what the scope rules allow.
            var unit = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.FirstOrDefaultAsync(db.OrgUnits, u => u.Id == unitId, ct);
            query = unit is null ? query.Where(_ => false)
                : scope.IsAdmin || scope.CanSee(unit.AncestorPath, unit.Id) ? await query.LedWithinAsync(db, unit.Id, unit.SubtreePrefix, ct)
                : await (await query.VisibleToAsync(db, scope, ct)).LedWithinAsync(db, unit.Id, unit.SubtreePrefix, ct);
        }
        else if (Mine)
        {
            query = await query.LedWithinAsync(db, scope.UnitId, scope.OwnSubtreePrefix, ct); // the own subtree is always in scope
        }
        else if (Assigned)
        {
            var own = scope.UnitId;
            query = query.Where(d => d.AssignedByUnitId == own);
        }
        else
        {
            query = await query.VisibleToAsync(db, scope, ct);
        }

        return query.Filter(State, Today, SoonDays).Matching(db, Query);
    }

    public string PageUrl(int page) =>
        $"/Tasks?view={EffectiveView}&state={State}&unitId={UnitId}&q={Uri.EscapeDataString(Query ?? "")}&page={page}";

    public static string Age(DateTime utc, DateTime nowUtc)
    {
        var days = (int)(nowUtc - utc).TotalDays;
        return days switch { < 1 => "hôm nay", 1 => "hôm qua", _ => $"{days} ngày trước" };
    }
}
