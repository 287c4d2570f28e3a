using DanVan.Data;
using DanVan.Domain.Access;
using DanVan.Domain.Units;
using DanVan.Features.Units;
using DanVan.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Features;

public class IndexModel(AppDbContext db, CurrentUser currentUser, Reports.ReportQueries reports, TimeProvider clock, IEnumerable<FollowUp.IFollowUpSource> followUps) : PageModel
{
    public UserScope Scope { get; private set; } = null!;

    public OrgUnit? Unit { get; private set; }

    public OrgUnit? ScopeRoot { get; private set; }

    public List<(string Label, int Count)> Counts { get; } = [];

    public DateOnly Today { get; private set; }

    /// <summary>Open report periods the user compiles or reports in, for the dashboard.</summary>
    public List<Reports.PeriodRow> OpenPeriods { get; private set; } = [];

    /// <summary>The user's own unit's reports still to submit.</summary>
    public List<(int SubmissionId, string Period, DateOnly DueOn, bool Returned)> ToSubmit { get; private set; } = [];

    /// <summary>For a unit head: the unit's reports officers submitted, waiting for their approval.</summary>
    public List<(int SubmissionId, string Period, string SubmittedBy)> ToApprove { get; private set; } = [];

    /// <summary>Completions reported to a unit in the manager's scope, waiting for confirmation (ADR-013).</summary>
    public int ToConfirm { get; private set; }

    /// <summary>What the user's unit must do within a week (or is overdue), from every capability's follow-up source.</summary>
    public List<FollowUp.FollowUpItem> FollowUps { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Scope = (await currentUser.GetScopeAsync(ct))!;
        Today = VietnamClock.Today(clock);
        Unit = await db.OrgUnits.AsNoTracking().FirstOrDefaultAsync(u => u.Id == Scope.UnitId, ct);
        ScopeRoot = await UnitQueries.ScopeRootAsync(db, Scope, ct);
        var byKind = await db.OrgUnits.AsNoTracking().InScope(Scope).Current(false, Today)
            .GroupBy(u => u.Kind).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        int Sum(params OrgUnitKind[] kinds) => byKind.Where(k => kinds.Contains(k.Key)).Sum(k => k.Count);
        Counts.Add(("Tỉnh, thành phố", Sum(OrgUnitKind.Province)));
        Counts.Add(("Xã, phường, đặc khu", Sum(OrgUnitKind.Commune, OrgUnitKind.Ward, OrgUnitKind.SpecialZone)));
        Counts.Add(("Sở, ban, ngành và cơ quan", Sum(OrgUnitKind.Department, OrgUnitKind.Inspectorate, OrgUnitKind.PeoplesCommittee, OrgUnitKind.CommitteeOffice, OrgUnitKind.PublicServiceUnit)));
        Counts.Add(("Cơ quan Đảng, Mặt trận", Sum(OrgUnitKind.PartyCommittee, OrgUnitKind.PartyBoard, OrgUnitKind.FrontCommittee)));
        OpenPeriods = (await reports.PeriodsAsync(Scope, ct)).Where(p => !p.Closed).Take(3).ToList();
        ToSubmit = (await (from s in db.ReportSubmissions.AsNoTracking()
                           join p in db.ReportPeriods on s.PeriodId equals p.Id
                           where s.UnitId == Scope.UnitId && p.ClosedAtUtc == null
                                 && (s.Status == Domain.Reports.SubmissionStatus.Pending || s.Status == Domain.Reports.SubmissionStatus.Returned)
                           let due = s.OwnDueOn != null && s.OwnDueOn > p.DueOn ? s.OwnDueOn.Value : p.DueOn
                           orderby due
                           select new { s.Id, p.Label, DueOn = due, Returned = s.Status == Domain.Reports.SubmissionStatus.Returned }).Take(5).ToListAsync(ct))
            .Select(x => (x.Id, x.Label, x.DueOn, x.Returned)).ToList();
        if (Scope.Role == Domain.Access.Roles.UnitHead)
        {
            ToApprove = (await (from s in db.ReportSubmissions.AsNoTracking()
                                join p in db.ReportPeriods on s.PeriodId equals p.Id
                                where s.UnitId == Scope.UnitId && s.Status == Domain.Reports.SubmissionStatus.AwaitingApproval && p.ClosedAtUtc == null
                                orderby p.DueOn
                                select new { s.Id, p.Label, s.SubmittedBy }).Take(5).ToListAsync(ct))
                .Select(x => (x.Id, x.Label, x.SubmittedBy ?? "")).ToList();
        }

        if (Scope.Role is Domain.Access.Roles.UnitOfficer or Domain.Access.Roles.UnitHead)
        {
            foreach (var source in followUps)
            {
                FollowUps.AddRange(await source.OpenAsync(Today.AddDays(7), [Scope.UnitId], ct));
            }

            FollowUps = FollowUps.OrderBy(f => f.DueOn).Take(10).ToList();
        }

        if (Scope.Role is Domain.Access.Roles.Coordinator or Domain.Access.Roles.UnitHead)
        {
            var units = await db.OrgUnits.AsNoTracking().InScope(Scope).Select(o => o.Id).ToListAsync(ct);
            ToConfirm = await db.WorkItemDeadlines.AsNoTracking()
                .Where(d => units.Contains(d.AssignedByUnitId) && d.ReportedCompletedOn != null).CountAsync(ct);
        }
    }
}
