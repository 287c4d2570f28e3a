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

    public sealed record DueChangeRow(DateTime AtUtc, string? UnitName, DateOnly Previous, DateOnly New, string Reason, string By);

    public sealed class ExtendForm
    {
        public string? DueOn { get; set; }

        public string? Reason { get; set; }
    }

    [BindProperty]
    public ExtendForm Extend { get; set; } = new();

    /// <summary>Units of the whole period whose report has not reached the receiving unit (what a reminder goes to).</summary>
    public int NotSubmitted { get; private set; }

    public List<DueChangeRow> DueChanges { get; private set; } = [];

    public ReportReminder? LastReminder { get; private set; }

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
        foreach (var (st, color) in new[] { (SubmissionStatus.Pending, "#6c757d"), (SubmissionStatus.Returned, "#ffc107"), (SubmissionStatus.AwaitingApproval, "#0dcaf0"),
                     (SubmissionStatus.Submitted, "#0d6efd"), (SubmissionStatus.Accepted, "#198754") })
        {
            Counts.Add((st, ReportStatusLabels.Short(st), N(st), color));
        }

        NotSubmitted = await db.ReportSubmissions.AsNoTracking().CountAsync(s => s.PeriodId == Id
            && (s.Status == SubmissionStatus.Pending || s.Status == SubmissionStatus.Returned || s.Status == SubmissionStatus.AwaitingApproval), ct);
        DueChanges = await (from c in db.ReportDueChanges.AsNoTracking()
                            where c.PeriodId == Id
                            join s in db.ReportSubmissions on c.SubmissionId equals s.Id into ss
                            from s in ss.DefaultIfEmpty()
                            join u in db.OrgUnits on s.UnitId equals u.Id into us
                            from u in us.DefaultIfEmpty()
                            orderby c.ChangedAtUtc descending
                            select new DueChangeRow(c.ChangedAtUtc, u == null ? null : u.Name, c.PreviousDueOn, c.NewDueOn, c.Reason, c.ChangedBy)).Take(50).ToListAsync(ct);
        LastReminder = await db.ReportReminders.AsNoTracking().Where(r => r.PeriodId == Id).OrderByDescending(r => r.SentAtUtc).FirstOrDefaultAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostExtendAsync(CancellationToken ct)
    {
        var scope = (await currentUser.GetScopeAsync(ct))!;
        var due = PageResults.ParseDate(ModelState, "Extend.DueOn", Extend.DueOn, "hạn nộp mới", required: true);
        var result = ModelState.IsValid
            ? await commands.ExtendAsync(scope, new ExtendDueCommand(Id, null, due, Extend.Reason), ct)
            : null;
        if (result is null || this.Failure(result, prefix: "Extend") is not null)
        {
            if (result?.Status is ResultStatus.NotFound or ResultStatus.Forbidden)
            {
                return this.Failure(result)!;
            }

            return await OnGetAsync(ct);
        }

        TempData["Message"] = $"Đã gia hạn nộp báo cáo cho tất cả đơn vị đến {Domain.Text.VietnameseText.FormatDate(result.Value!.NewDueOn)}.";
        return Redirect($"/Reports/Period/{Id}");
    }

    public async Task<IActionResult> OnPostRemindAsync(CancellationToken ct)
    {
        var scope = (await currentUser.GetScopeAsync(ct))!;
        var result = await commands.RemindAsync(scope, Id, ct);
        if (result.Status is ResultStatus.NotFound or ResultStatus.Forbidden)
        {
            return this.Failure(result)!;
        }

        if (result.Status == ResultStatus.Invalid)
        {
            TempData["Message"] = result.Errors.Values.SelectMany(v => v).First();
            return Redirect($"/Reports/Period/{Id}");
        }

        TempData["Message"] = $"Đã đôn đốc {result.Value!.Units} đơn vị chưa nộp báo cáo: {result.Value.Recipients} người nhận thông báo trên DanVan.";
        return Redirect($"/Reports/Period/{Id}");
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
