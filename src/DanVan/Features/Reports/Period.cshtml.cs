using DanVan.Data;
using DanVan.Domain.Access;
using DanVan.Domain.Reports;
using DanVan.Domain.Units;
using DanVan.Features.Shared;
using DanVan.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Features.Reports;

/// <summary>A period as the compiling unit follows it: who has submitted, who is late, who is missing.</summary>
public class PeriodModel(AppDbContext db, CurrentUser currentUser, ReportQueries queries, ReportCommands commands) : PageModel
{
    private const int PageSize = 50;

    [BindProperty(SupportsGet = true)]
    public int Id { get; set; }

    [BindProperty(SupportsGet = true)]
    public SubmissionStatus? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public ReportPeriod Period { get; private set; } = null!;

    public OrgUnit Owner { get; private set; } = null!;

    public string RegimeName { get; private set; } = "";

    public List<SlotRow> Slots { get; private set; } = [];

    public PagerModel Pager { get; private set; } = null!;

    public List<(SubmissionStatus Status, string Label, int Count, string Color)> Counts { get; } = [];

    public int LateCount { get; private set; }

    public bool CanManage { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } denied)
        {
            return denied;
        }

        PageNumber = Math.Max(1, PageNumber);
        var scope = (await currentUser.GetScopeAsync(ct))!;
        var (rows, total) = await queries.SlotsAsync(scope, Period, Status, Q, PageNumber, PageSize, ct);
        Slots = rows;
        Pager = new PagerModel(PageNumber, Math.Max(1, (total + PageSize - 1) / PageSize), total,
            p => $"/Reports/Period/{Id}?status={Status}&q={Uri.EscapeDataString(Q ?? "")}&p={p}");
        var prefix = scope.IsAdmin ? "/" : scope.ScopePrefix;
        var counts = await db.ReportSubmissions.AsNoTracking().Where(s => s.PeriodId == Id && s.UnitPath.StartsWith(prefix))
            .GroupBy(s => s.Status).Select(g => new { g.Key, N = g.Count() }).ToListAsync(ct);
        int N(SubmissionStatus s) => counts.Where(c => c.Key == s).Sum(c => c.N);
        Counts.Add((SubmissionStatus.Pending, "Chưa nộp", N(SubmissionStatus.Pending), "#6c757d"));
        Counts.Add((SubmissionStatus.Returned, "Bị trả lại", N(SubmissionStatus.Returned), "#ffc107"));
        Counts.Add((SubmissionStatus.Submitted, "Chờ tiếp nhận", N(SubmissionStatus.Submitted), "#0d6efd"));
        Counts.Add((SubmissionStatus.Accepted, "Đã tiếp nhận", N(SubmissionStatus.Accepted), "#198754"));
        return Page();
    }

    public async Task<IActionResult> OnPostCloseAsync(bool close, CancellationToken ct)
    {
        var scope = (await currentUser.GetScopeAsync(ct))!;
        var result = await commands.SetClosedAsync(scope, Id, close, ct);
        if (this.Failure(result, prefix: "") is { } failure)
        {
            return failure;
        }

        TempData["Message"] = close ? "Đã khóa kỳ báo cáo: không nhận thêm báo cáo." : "Đã mở lại kỳ báo cáo.";
        return Redirect($"/Reports/Period/{Id}");
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        var row = await (from p in db.ReportPeriods
                         join o in db.OrgUnits on p.OwnerUnitId equals o.Id
                         join r in db.ReportRegimes on p.RegimeId equals r.Id
                         where p.Id == Id
                         select new { p, o, r.Name }).AsNoTracking().FirstOrDefaultAsync(ct);
        if (row is null)
        {
            return NotFound();
        }

        var scope = (await currentUser.GetScopeAsync(ct))!;
        var own = scope.OwnSubtreePrefix;
        if (!ReportAccessRules.CanRead(scope, row.o.AncestorPath, row.o.Id)
            && !await db.ReportSubmissions.AnyAsync(s => s.PeriodId == Id && s.UnitPath.StartsWith(own), ct))
        {
            return Forbid();
        }

        (Period, Owner, RegimeName) = (row.p, row.o, row.Name);
        CanManage = ReportAccessRules.CanOpen(scope, row.o.AncestorPath, row.o.Id);
        return null;
    }
}
