using DanVan.Data;
using DanVan.Domain.Access;
using DanVan.Domain.Units;
using DanVan.Features.Tasks;
using DanVan.Features.Units;
using DanVan.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Features;

public class IndexModel(AppDbContext db, CurrentUser currentUser, Reports.ReportQueries reports, Plans.PlanCommands planCommands, TimeProvider clock,
    IEnumerable<FollowUp.IFollowUpSource> followUps, Plans.TargetMeasuring targets) : PageModel
{
    /// <summary>Coordinators and reviewers: the targets of the year's plans in scope that are off track, largest gap first (ADR-028).</summary>
    public List<Plans.TargetStatus> OffTrack { get; private set; } = [];

    public int OffTrackCount { get; private set; }

    public UserScope Scope { get; private set; } = null!;

    public OrgUnit? Unit { get; private set; }

    public OrgUnit? ScopeRoot { get; private set; }

    /// <summary>The administrator's view: the directory in figures (the others see their work instead).</summary>
    public List<(string Label, int Count)> Counts { get; } = [];

    /// <summary>One thing to act on, counted, with the list it opens; "danger" when overdue.</summary>
    public sealed record WorkCard(string Label, int Count, string Link, string Tone, string TestId);

    /// <summary>What the user (their unit) must do now: overdue, due this week, plans to adopt, extensions to decide.</summary>
    public List<WorkCard> Work { get; } = [];

    /// <summary>A unit's or a province's tasks of the year: done on time, done late, open, overdue.</summary>
    public sealed record Standing(string Of, int OnTime, int Late, int Open, int Overdue, string BoardLink)
    {
        public int Done => OnTime + Late;

        /// <summary>Null (shown "chưa có nhiệm vụ hoàn thành") when nothing is done yet: never "0 %".</summary>
        public decimal? OnTimeRate => Done == 0 ? null : Math.Round(100m * OnTime / Done, 1);
    }

    public Standing? Year { get; private set; }

    /// <summary>Coordinators and reviewers: how far the units have adopted the province's plans of the year.</summary>
    public List<(int PlanId, string Title, int Adopted, int Obliged, DateOnly? DueOn)> Adoption { get; } = [];

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
        if (Scope.IsAdmin)
        {
            var byKind = await db.OrgUnits.AsNoTracking().InScope(Scope).Current(false, Today)
                .GroupBy(u => u.Kind).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
            int Sum(params OrgUnitKind[] kinds) => byKind.Where(k => kinds.Contains(k.Key)).Sum(k => k.Count);
            Counts.Add(("Tỉnh, thành phố", Sum(OrgUnitKind.Province)));
            Counts.Add(("Xã, phường, đặc khu", Sum(OrgUnitKind.Commune, OrgUnitKind.Ward, OrgUnitKind.SpecialZone)));
            Counts.Add(("Sở, ban, ngành và cơ quan", Sum(OrgUnitKind.Department, OrgUnitKind.Inspectorate, OrgUnitKind.PeoplesCommittee, OrgUnitKind.CommitteeOffice, OrgUnitKind.PublicServiceUnit)));
            Counts.Add(("Cơ quan Đảng, Mặt trận", Sum(OrgUnitKind.PartyCommittee, OrgUnitKind.PartyBoard, OrgUnitKind.FrontCommittee)));
        }
        else
        {
            await WorkAsync(ct);
        }

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

    /// <summary>
    /// The user's work in a few grouped counts, no query per row: the unit's deadlines (officers and heads) or the
    /// scope's (coordinators, reviewers, read-only users) for the year; plans to adopt; extensions waiting for the
    /// assigning unit. Each card opens the list behind its figure.
    /// </summary>
    private async Task WorkAsync(CancellationToken ct)
    {
        var ownUnit = Scope.Role is Domain.Access.Roles.UnitOfficer or Domain.Access.Roles.UnitHead;
        var root = ownUnit ? Unit : ScopeRoot;
        if (root is null)
        {
            return;
        }

        var (first, last, soonEnd, today) = (new DateOnly(Today.Year, 1, 1), new DateOnly(Today.Year, 12, 31), Today.AddDays(7), Today);
        var led = ownUnit
            ? db.WorkItemDeadlines.AsNoTracking().Where(d => d.LeadUnitId == root.Id)
            : await db.WorkItemDeadlines.AsNoTracking().LedWithinAsync(db, root.Id, root.SubtreePrefix, ct);
        var open = await led.Where(d => d.CompletedOn == null).GroupBy(_ => 1).Select(g => new
        {
            Overdue = g.Count(d => d.DueOn < today),
            Soon = g.Count(d => d.DueOn >= today && d.DueOn <= soonEnd),
        }).FirstOrDefaultAsync(ct);
        var year = await led.Where(d => d.DueOn >= first && d.DueOn <= last).GroupBy(_ => 1).Select(g => new
        {
            OnTime = g.Count(d => d.CompletedOn != null && d.CompletedOn <= d.DueOn),
            Late = g.Count(d => d.CompletedOn != null && d.CompletedOn > d.DueOn),
            Open = g.Count(d => d.CompletedOn == null),
            Overdue = g.Count(d => d.CompletedOn == null && d.DueOn < today),
        }).FirstOrDefaultAsync(ct);
        var tasks = ownUnit ? "/Tasks" : "/Tasks?view=all";
        var sep = tasks.Contains('?', StringComparison.Ordinal) ? "&" : "?";
        Work.Add(new WorkCard(ownUnit ? "Nhiệm vụ quá hạn chưa hoàn thành" : "Nhiệm vụ quá hạn trong phạm vi theo dõi", open?.Overdue ?? 0,
            $"{tasks}{sep}state=Overdue", (open?.Overdue ?? 0) > 0 ? "danger" : "success", "work-overdue"));
        Work.Add(new WorkCard("Đến hạn trong 7 ngày", open?.Soon ?? 0, $"{tasks}{sep}state=DueSoon", (open?.Soon ?? 0) > 0 ? "warning" : "secondary", "work-due-soon"));
        if (ownUnit)
        {
            var toAdopt = (await Plans.ToAdoptModel.ToAdoptAsync(db, Scope, ct)).Count(r => r.AdoptedPlanId is null);
            Work.Add(new WorkCard("Kế hoạch cấp trên yêu cầu xây dựng, chưa xây dựng", toAdopt, "/Plans/ToAdopt", toAdopt > 0 ? "warning" : "secondary", "work-to-adopt"));
        }

        if (Scope.Role is Domain.Access.Roles.UnitHead or Domain.Access.Roles.Coordinator)
        {
            var assigning = ownUnit ? [root.Id] : await db.OrgUnits.AsNoTracking().InScope(Scope).Select(o => o.Id).ToListAsync(ct);
            var extensions = await (from r in db.ExtensionRequests.AsNoTracking()
                                    join d in db.WorkItemDeadlines on r.DeadlineId equals d.Id
                                    where r.Status == Domain.WorkItems.ExtensionStatus.Pending && assigning.Contains(d.AssignedByUnitId)
                                    select r.Id).CountAsync(ct);
            Work.Add(new WorkCard("Đề nghị gia hạn chờ đơn vị giao quyết định", extensions, "/Tasks?view=all&state=Open", extensions > 0 ? "warning" : "secondary", "work-extensions"));
        }

        Year = new Standing(ownUnit ? root.Name : root.Name + " và các đơn vị trực thuộc", year?.OnTime ?? 0, year?.Late ?? 0, year?.Open ?? 0, year?.Overdue ?? 0,
            $"/Tasks/Board?unitId={root.Id}");

        if (Scope.Role is Domain.Access.Roles.Coordinator or Domain.Access.Roles.Reviewer)
        {
            var off = (await targets.InScopeAsync(Scope, Today.Year, null, Domain.Plans.TargetStanding.OffTrack, ct))
                .OrderBy(t => t.Target.UnitPath.Length).ThenByDescending(t => t.Reading.Gap).ToList();
            OffTrackCount = off.Count;
            OffTrack = off.Take(5).ToList();
            Work.Add(new WorkCard("Chỉ tiêu kế hoạch chưa đạt, chậm tiến độ", OffTrackCount, $"/Plans/Targets?year={Today.Year}&standing=OffTrack",
                OffTrackCount > 0 ? "danger" : "success", "work-targets-off-track"));
            var scopeUnits = await db.OrgUnits.AsNoTracking().InScope(Scope).Select(o => o.Id).ToListAsync(ct);
            var plans = await (from p in db.Plans.AsNoTracking()
                               join d in db.Documents on p.DocumentId equals d.Id
                               where p.RequiresAdoption && scopeUnits.Contains(p.OwnerUnitId) && d.IssuedOn >= first.AddYears(-1)
                               orderby d.IssuedOn descending, p.Id descending
                               select p).Take(2).ToListAsync(ct);
            foreach (var p in plans)
            {
                var rows = await planCommands.AdoptionAsync(p, ct);
                var title = await db.Documents.AsNoTracking().Where(d => d.Id == p.DocumentId).Select(d => d.Code + " — " + d.Title).FirstAsync(ct);
                Adoption.Add((p.Id, title, rows.Count(r => r.PlanId is not null), rows.Count, p.AdoptionDueOn));
            }
        }
    }
}
