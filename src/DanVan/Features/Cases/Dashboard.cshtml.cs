using DanVan.Data;
using DanVan.Domain.Cases;
using DanVan.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Features.Cases;

/// <summary>
/// Tình hình đơn thư at a glance for the user's scope: the open backlog by age, overdue, the year's on-time rate, the
/// year's cases by field and the units with most open cases — a handful of grouped queries over the indexed columns,
/// never a row per case.
/// </summary>
public class DashboardModel(AppDbContext db, CurrentUser currentUser, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "year")]
    public int? Year { get; set; }

    public sealed record Bar(string Label, int Count, string? Link = null);

    public int ShownYear { get; private set; }

    public DateOnly Today { get; private set; }

    public int Open { get; private set; }

    public int Overdue { get; private set; }

    public int Received { get; private set; }

    public int Resolved { get; private set; }

    public int OnTime { get; private set; }

    public List<Bar> ByAge { get; } = [];

    public List<Bar> ByField { get; private set; } = [];

    public List<Bar> ByUnit { get; private set; } = [];

    public decimal? OnTimeRate => Resolved == 0 ? null : Math.Round(100m * OnTime / Resolved, 1);

    public async Task OnGetAsync(CancellationToken ct)
    {
        var scope = (await currentUser.GetScopeAsync(ct))!;
        Today = VietnamClock.Today(clock);
        ShownYear = Year is >= 2000 and <= 2100 ? Year.Value : Today.Year;
        var (first, last) = (new DateOnly(ShownYear, 1, 1), new DateOnly(ShownYear, 12, 31));
        var visible = await db.Cases.AsNoTracking().VisibleToAsync(db, scope, ct);
        var today = Today;
        var (d10, d30, d60, d90) = (today.AddDays(-10), today.AddDays(-30), today.AddDays(-60), today.AddDays(-90));
        // Three passes over the scope's cases, not five (bench: cases-dashboard, cases-dashboard-national): the open cases
        // grouped by unit give the backlog by age and the units with most; the year's cases grouped by field give the count.
        var open = visible.Where(c => c.ClosedOn == null);
        var byUnit = await open.GroupBy(c => c.UnitId).Select(g => new
        {
            g.Key,
            All = g.Count(),
            Overdue = g.Count(c => c.State != CaseState.Suspended && c.DueOn < today),
            A = g.Count(c => c.ReceivedOn >= d10),
            B = g.Count(c => c.ReceivedOn < d10 && c.ReceivedOn >= d30),
            C = g.Count(c => c.ReceivedOn < d30 && c.ReceivedOn >= d60),
            D = g.Count(c => c.ReceivedOn < d60 && c.ReceivedOn >= d90),
            E = g.Count(c => c.ReceivedOn < d90),
        }).ToListAsync(ct);
        Open = byUnit.Sum(u => u.All);
        Overdue = byUnit.Sum(u => u.Overdue);
        ByAge.AddRange(
        [
            new("Đến 10 ngày", byUnit.Sum(u => u.A)), new("11 – 30 ngày", byUnit.Sum(u => u.B)), new("31 – 60 ngày", byUnit.Sum(u => u.C)),
            new("61 – 90 ngày", byUnit.Sum(u => u.D)), new("Trên 90 ngày", byUnit.Sum(u => u.E)),
        ]);

        var year = visible.Where(c => c.ReceivedOn >= first && c.ReceivedOn <= last);
        var fields = await year.GroupBy(c => c.Field).Select(g => new { g.Key, N = g.Count() }).ToListAsync(ct);
        Received = fields.Sum(f => f.N);
        var closed = await visible.Where(c => c.WithinCompetence && c.State == CaseState.Resolved && c.ClosedOn >= first && c.ClosedOn <= last)
            .GroupBy(_ => 1).Select(g => new { All = g.Count(), OnTime = g.Count(c => c.ClosedOnTime == true) }).FirstOrDefaultAsync(ct);
        (Resolved, OnTime) = (closed?.All ?? 0, closed?.OnTime ?? 0);
        var fieldNames = await CaseFieldQueries.NamesAsync(db, ct);
        ByField = fields.OrderByDescending(f => f.N).Select(f => new Bar(CaseFieldCatalog.Name(fieldNames, f.Key), f.N)).ToList();
        var units = byUnit.OrderByDescending(u => u.All).ThenBy(u => u.Key).Take(15).ToList();
        var ids = units.Select(u => u.Key).ToList();
        var names = await db.OrgUnits.AsNoTracking().Where(o => ids.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        ByUnit = units.Select(u => new Bar(names.GetValueOrDefault(u.Key) ?? "", u.All)).ToList();
    }

    public static int Percent(int count, int max) => max <= 0 ? 0 : (int)Math.Round(100.0 * count / max);
}
