using DanVan.Data;
using DanVan.Domain.Access;
using DanVan.Domain.Reports;
using DanVan.Features.Shared;
using DanVan.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Features.Reports;

/// <summary>Report periods the user compiles or reports in, the user's own unit's reports, and opening a new period.</summary>
public class IndexModel(AppDbContext db, CurrentUser currentUser, ReportQueries queries, ReportCommands commands, TimeProvider clock) : PageModel
{
    public List<PeriodRow> Periods { get; private set; } = [];

    public List<(SlotRow Slot, string Period, DateOnly DueOn)> MySlots { get; } = [];

    public List<ReportRegime> Regimes { get; private set; } = [];

    public bool CanOpen { get; private set; }

    [BindProperty]
    public int RegimeId { get; set; }

    [BindProperty]
    public ReportPeriodKind Kind { get; set; } = ReportPeriodKind.FirstHalf;

    [BindProperty]
    public int Year { get; set; }

    /// <summary>dd/MM/yyyy; empty: the regime's due date.</summary>
    [BindProperty]
    public string? DueOn { get; set; }

    public static readonly (ReportPeriodKind Kind, string Label)[] KindChoices =
    [
        (ReportPeriodKind.FirstHalf, "6 tháng đầu năm"), (ReportPeriodKind.Year, "Cả năm"), (ReportPeriodKind.NineMonths, "9 tháng"),
        (ReportPeriodKind.Quarter1, "Quý I"), (ReportPeriodKind.Quarter2, "Quý II"), (ReportPeriodKind.Quarter3, "Quý III"), (ReportPeriodKind.Quarter4, "Quý IV"),
    ];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Year = VietnamClock.Today(clock).Year;
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostOpenAsync(CancellationToken ct)
    {
        var scope = (await currentUser.GetScopeAsync(ct))!;
        var due = PageResults.ParseDate(ModelState, nameof(DueOn), DueOn, "hạn nộp");
        if (!ModelState.IsValid)
        {
            await LoadAsync(ct);
            return Page();
        }

        var result = await commands.OpenAsync(scope, new OpenPeriodCommand(RegimeId, Kind, Year, DueOn: due), ct);
        if (this.Failure(result, prefix: "") is { } failure)
        {
            await LoadAsync(ct);
            return failure;
        }

        TempData["Message"] = $"Đã mở kỳ báo cáo {result.Value!.Label}.";
        return Redirect($"/Reports/Period/{result.Value.Id}");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var scope = (await currentUser.GetScopeAsync(ct))!;
        Periods = await queries.PeriodsAsync(scope, ct);
        Regimes = await db.ReportRegimes.AsNoTracking().OrderBy(r => r.Name).ToListAsync(ct);
        CanOpen = scope.IsAdmin || scope.Role == Roles.Coordinator;
        var today = VietnamClock.Today(clock);
        var mine = await (from s in db.ReportSubmissions
                          join p in db.ReportPeriods on s.PeriodId equals p.Id
                          join u in db.OrgUnits on s.UnitId equals u.Id
                          where s.UnitId == scope.UnitId && p.ClosedAtUtc == null
                          orderby p.DueOn descending
                          select new { s.Id, s.UnitId, u.Name, s.Status, s.Version, s.SubmittedAtUtc, s.OwnDueOn, p }).Take(20).ToListAsync(ct);
        foreach (var m in mine)
        {
            MySlots.Add((new SlotRow(m.Id, m.UnitId, m.Name, m.Status, m.Version, m.SubmittedAtUtc, ReportQueries.IsLate(m.p, m.OwnDueOn, m.Status, m.SubmittedAtUtc, today)), m.p.Label, ReportDueDates.Effective(m.p.DueOn, m.OwnDueOn)));
        }
    }
}
