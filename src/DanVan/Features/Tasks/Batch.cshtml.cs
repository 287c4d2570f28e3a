using DanVan.Data;
using DanVan.Domain.Text;
using DanVan.Domain.WorkItems;
using DanVan.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Features.Tasks;

/// <summary>
/// One assignment to many units followed across them (issue 12): the tasks created together share a batch id; the
/// page counts their deadlines by state and lists every unit with its due date, state, progress and last report.
/// A batch holds at most <see cref="WorkItemCommands.MaxLeadUnits"/> units, so its deadlines are read in one query.
/// </summary>
public class BatchModel(AppDbContext db, CurrentUser currentUser, TimeProvider clock, IConfiguration configuration) : PageModel
{
    public const int PageSize = 100;

    [BindProperty(SupportsGet = true, Name = "id")]
    public Guid Id { get; set; }

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    [BindProperty(SupportsGet = true, Name = "state")]
    public DeadlineFilter State { get; set; } = DeadlineFilter.All;

    [BindProperty(SupportsGet = true, Name = "page")]
    public int? PageNumber { get; set; }

    public string Title { get; private set; } = "";

    public string AssignedBy { get; private set; } = "";

    public List<DeadlineRow> All { get; private set; } = [];

    public List<DeadlineRow> Shown { get; private set; } = [];

    public int Units { get; private set; }

    public int Matching { get; private set; }

    public DateOnly Today { get; private set; }

    public DateTime NowUtc { get; private set; }

    public int SoonDays => configuration.GetValue("Tasks:DueSoonDays", WorkItemStates.DefaultDueSoonDays);

    public int CurrentPage => Math.Max(1, PageNumber ?? 1);

    public int Pages => Math.Max(1, (Matching + PageSize - 1) / PageSize);

    public int Count(Func<DeadlineRow, bool> predicate) => All.Count(predicate);

    public int DonePercent => All.Count == 0 ? 0 : (int)Math.Round(100.0 * All.Count(r => r.CompletedOn is not null) / All.Count);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        var stream = new MemoryStream();
        XlsxExport.Write(stream, "Tiến độ", ["Đơn vị chủ trì", "Hạn", "Trạng thái", "Tiến độ (%)", "Ngày hoàn thành (đã xác nhận)", "Ngày báo cáo hoàn thành (chờ xác nhận)", "Cập nhật"],
            Filtered().Select(r => (IReadOnlyList<object?>)[r.LeadUnitName, r.DueOn, WorkItemStates.Label(r.StateOn(Today), r.DueOn, Today, SoonDays), r.Progress, r.CompletedOn, r.ReportedCompletedOn, r.UpdatedText(NowUtc)]),
            "TIẾN ĐỘ NHIỆM VỤ: " + Title.ToUpper(VietnameseText.Culture), XlsxExport.ExportedOn(Today));
        stream.Position = 0;
        return File(stream, XlsxExport.ContentType, $"tien-do-nhiem-vu-{Today:yyyyMMdd}.xlsx");
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var scope = await currentUser.GetScopeAsync(ct);
        if (scope is null || Id == Guid.Empty)
        {
            return false;
        }

        Today = VietnamClock.Today(clock);
        NowUtc = clock.GetUtcNow().UtcDateTime;
        var items = db.WorkItems.Where(w => w.BatchId == Id).Select(w => w.Id);
        var visible = await db.WorkItemDeadlines.Where(d => items.Contains(d.WorkItemId)).VisibleToAsync(db, scope, ct);
        All = await visible.OrderBy(d => d.Id).ToRows(db).Take(WorkItemCommands.MaxLeadUnits * 4).ToListAsync(ct);
        if (All.Count == 0)
        {
            return false; // an unknown batch and one the user may not see answer alike
        }

        All.Sort((a, b) => VietnameseText.Culture.CompareInfo.Compare(a.LeadUnitName, b.LeadUnitName, System.Globalization.CompareOptions.None) is var c && c != 0 ? c : a.DueOn.CompareTo(b.DueOn));
        Title = All[0].Title;
        var first = All[0].WorkItemId;
        AssignedBy = await db.WorkItems.Where(w => w.Id == first).Join(db.OrgUnits, w => w.AssignedByUnitId, u => u.Id, (w, u) => u.Name).FirstAsync(ct);
        Units = All.Select(r => r.LeadUnitId).Distinct().Count();
        var filtered = Filtered().ToList();
        Matching = filtered.Count;
        Shown = filtered.Skip((CurrentPage - 1) * PageSize).Take(PageSize).ToList();
        return true;
    }

    private IEnumerable<DeadlineRow> Filtered()
    {
        var words = VietnameseText.Fold(Query).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return All.Where(r => words.All(w => VietnameseText.Fold(r.LeadUnitName).Contains(w, StringComparison.Ordinal)))
            .Where(r => State switch
            {
                DeadlineFilter.Open => r.CompletedOn is null,
                DeadlineFilter.Overdue => WorkItemStates.IsOverdue(r.StateOn(Today)),
                DeadlineFilter.DueSoon => r.StateOn(Today) == WorkItemState.NotYetDue && WorkItemStates.IsDueSoon(r.DueOn, null, Today, SoonDays),
                DeadlineFilter.Done => r.CompletedOn is not null,
                DeadlineFilter.AwaitingConfirmation => WorkItemStates.AwaitsConfirmation(r.StateOn(Today)),
                _ => true,
            });
    }

    public string PageUrl(int page, DeadlineFilter? state = null) =>
        $"/Tasks/Batch?id={Id}&state={state ?? State}&q={Uri.EscapeDataString(Query ?? "")}&page={page}";
}
