using DanVan.Data;
using DanVan.Domain.Access;
using DanVan.Domain.Reports;
using DanVan.Domain.Units;
using DanVan.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Features.Reports;

public sealed record PeriodRow(int Id, string Label, string RegimeName, string OwnerName, DateOnly DueOn, bool Closed, int Total, int Submitted, int Accepted, int Returned);

public sealed record SlotRow(int SubmissionId, int UnitId, string UnitName, SubmissionStatus Status, int Version, DateTime? SubmittedAtUtc, bool Late);

/// <summary>One line of a drill-down: a child unit (or province) and its figures.</summary>
public sealed record RollupLine(int UnitId, string Name, int Reports, IReadOnlyDictionary<int, decimal?> Values);

public sealed record RollupFlag(int UnitId, string UnitName, string Message);

public sealed record Rollup(
    ReportPeriod Period, OrgUnit Root, IReadOnlyList<ReportIndicator> Indicators, IReadOnlyDictionary<int, decimal?> Totals, int Reports,
    IReadOnlyList<RollupLine> Children, IReadOnlyList<RollupFlag> Flags, IReadOnlyList<SlotRow> Missing, IReadOnlyList<SlotRow> Late, bool FlagsChecked);

/// <summary>Reads of periods, slots and roll-ups. Every figure counts only submitted and accepted reports.</summary>
public sealed class ReportQueries(AppDbContext db, TimeProvider clock)
{
    private static readonly SubmissionStatus[] Counted = [SubmissionStatus.Submitted, SubmissionStatus.Accepted];

    /// <summary>Periods the user compiles or reports in: opened for a unit they see, or with a slot of a unit they see.</summary>
    public async Task<List<PeriodRow>> PeriodsAsync(UserScope user, CancellationToken ct)
    {
        var prefix = user.ScopePrefix;
        var ownSubtree = user.OwnSubtreePrefix;
        var periods = await (from p in db.ReportPeriods
                             join o in db.OrgUnits on p.OwnerUnitId equals o.Id
                             join r in db.ReportRegimes on p.RegimeId equals r.Id
                             where user.IsAdmin || (o.AncestorPath + o.Id + "/").StartsWith(prefix)
                                || db.ReportSubmissions.Any(s => s.PeriodId == p.Id && s.UnitPath.StartsWith(ownSubtree))
                             orderby p.Year descending, p.Kind descending
                             select new { p.Id, p.Label, Regime = r.Name, Owner = o.Name, p.DueOn, Closed = p.ClosedAtUtc != null })
            .Take(100).ToListAsync(ct);
        var ids = periods.Select(p => p.Id).ToList();
        var counts = await db.ReportSubmissions.AsNoTracking().Where(s => ids.Contains(s.PeriodId))
            .GroupBy(s => new { s.PeriodId, s.Status }).Select(g => new { g.Key.PeriodId, g.Key.Status, N = g.Count() }).ToListAsync(ct);
        return periods.Select(p =>
        {
            int N(SubmissionStatus s) => counts.Where(c => c.PeriodId == p.Id && c.Status == s).Sum(c => c.N);
            return new PeriodRow(p.Id, p.Label, p.Regime, p.Owner, p.DueOn, p.Closed,
                counts.Where(c => c.PeriodId == p.Id).Sum(c => c.N), N(SubmissionStatus.Submitted) + N(SubmissionStatus.Accepted),
                N(SubmissionStatus.Accepted), N(SubmissionStatus.Returned));
        }).ToList();
    }

    /// <summary>The slots of units the user sees in a period, with late ones marked (a page at a time).</summary>
    public async Task<(List<SlotRow> Rows, int Total)> SlotsAsync(UserScope user, ReportPeriod period, SubmissionStatus? status, string? query, int page, int pageSize, CancellationToken ct)
    {
        var prefix = user.IsAdmin ? "/" : user.ScopePrefix;
        var q = from s in db.ReportSubmissions
                join u in db.OrgUnits on s.UnitId equals u.Id
                where s.PeriodId == period.Id && s.UnitPath.StartsWith(prefix)
                select new { s, u.Name, u.SearchText };
        if (status is { } st)
        {
            q = q.Where(x => x.s.Status == st);
        }

        if (!string.IsNullOrWhiteSpace(query))
        {
            var folded = Domain.Text.VietnameseText.Fold(query);
            q = q.Where(x => x.SearchText.Contains(folded));
        }

        var total = await q.CountAsync(ct);
        var rows = await q.OrderBy(x => x.s.Status).ThenByVietnamese(db, x => x.Name).Skip((page - 1) * pageSize).Take(pageSize)
            .Select(x => new { x.s.Id, x.s.UnitId, x.Name, x.s.Status, x.s.Version, x.s.SubmittedAtUtc, x.s.OwnDueOn }).ToListAsync(ct);
        var today = VietnamClock.Today(clock);
        return (rows.Select(r => new SlotRow(r.Id, r.UnitId, r.Name, r.Status, r.Version, r.SubmittedAtUtc, IsLate(period, r.OwnDueOn, r.Status, r.SubmittedAtUtc, today))).ToList(), total);
    }

    /// <summary>Where a user's roll-up starts when the period's owner is above them: their province, or their own unit.</summary>
    public static int ScopeRootId(UserScope user) =>
        Roles.HasProvinceScope(user.Role) ? ReportCommands.ProvinceOf(user.UnitAncestorPath, user.UnitId) : user.UnitId;

    /// <summary>Late against the unit's effective due date (the period's, or its own extension).</summary>
    public static bool IsLate(ReportPeriod period, DateOnly? ownDueOn, SubmissionStatus status, DateTime? submittedAtUtc, DateOnly today) =>
        ReportDueDates.IsLate(ReportDueDates.Effective(period.DueOn, ownDueOn), status,
            submittedAtUtc is { } at ? DateOnly.FromDateTime(VietnamClock.ToLocal(at)) : null, today);

    /// <summary>
    /// The figures of a subtree for a period: totals by each indicator's aggregation (in SQL), a drill-down by child
    /// (by province from the country), checks on children's figures, and the units late or missing.
    /// </summary>
    public async Task<Rollup> RollupAsync(ReportPeriod period, OrgUnit root, CancellationToken ct)
    {
        var indicators = await db.ReportIndicators.AsNoTracking().Where(i => i.RegimeId == period.RegimeId).OrderBy(i => i.Order).ToListAsync(ct);
        var defs = indicators.Select(IndicatorDef.From).ToList();
        var prefix = UnitPaths.SubtreePrefix(root.AncestorPath, root.Id);
        var counted = db.ReportSubmissions.Where(s => s.PeriodId == period.Id && s.UnitPath.StartsWith(prefix) && Counted.Contains(s.Status));
        var reports = await counted.CountAsync(ct);

        var children = new List<RollupLine>();
        var flags = new List<RollupFlag>();
        var flagsChecked = root.Kind != OrgUnitKind.Country;
        IReadOnlyDictionary<int, decimal?> totals;
        if (root.Kind == OrgUnitKind.Country)
        {
            // National: one pass over the period's figures grouped by province and indicator (in SQL); the totals add
            // the provinces up, and each province is a line of the drill-down.
            var latestIds = indicators.Where(i => i.Aggregation == IndicatorAggregation.Latest).Select(i => i.Id).ToList();
            var latest = latestIds.Count == 0 ? [] : (await (from v in db.ReportValues
                                                             join s in counted on v.SubmissionId equals s.Id
                                                             where v.PeriodId == period.Id && v.Value != null && latestIds.Contains(v.IndicatorId)
                                                             select new { v.IndicatorId, v.Value, s.SubmittedAtUtc, s.ProvinceId }).ToListAsync(ct));
            decimal? LatestOf(int indicatorId, int? provinceId) => latest.Where(l => l.IndicatorId == indicatorId && (provinceId == null || l.ProvinceId == provinceId))
                .OrderBy(l => l.SubmittedAtUtc).Select(l => (decimal?)l.Value).LastOrDefault();

            var byProvince = await (from v in db.ReportValues
                                    join s in counted on v.SubmissionId equals s.Id
                                    where v.PeriodId == period.Id && v.Value != null
                                    group v by new { s.ProvinceId, v.IndicatorId } into g
                                    select new { g.Key.ProvinceId, g.Key.IndicatorId, Sum = g.Sum(x => x.Value!.Value), Count = g.Count(), Max = g.Max(x => x.Value!.Value) })
                .ToListAsync(ct);
            totals = ReportMath.Roll(defs, byProvince.GroupBy(x => x.IndicatorId).ToDictionary(
                g => g.Key,
                g => new IndicatorAggregate(g.Key, (decimal)g.Sum(x => x.Sum), g.Sum(x => x.Count), (decimal)g.Max(x => x.Max), LatestOf(g.Key, null))));
            var reportCounts = await counted.GroupBy(s => s.ProvinceId).Select(g => new { g.Key, N = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.N, ct);
            var names = await db.OrgUnits.AsNoTracking().Where(u => u.AncestorPath == prefix).OrderByVietnamese(db, u => u.Name).Select(u => new { u.Id, u.Name }).ToListAsync(ct);
            foreach (var p in names)
            {
                var aggregates = byProvince.Where(x => x.ProvinceId == p.Id).ToDictionary(
                    x => x.IndicatorId,
                    x => new IndicatorAggregate(x.IndicatorId, (decimal)x.Sum, x.Count, (decimal)x.Max, LatestOf(x.IndicatorId, p.Id)));
                children.Add(new RollupLine(p.Id, p.Name, reportCounts.GetValueOrDefault(p.Id), ReportMath.Roll(defs, aggregates)));
            }
        }
        else
        {
            // A province or below: each report's figures (a few thousand reports at most), read once and folded here
            // into the totals, the root's children and the checks (bench: a second grouped query for the totals cost
            // as much again).
            var rows = await (from v in db.ReportValues
                              join s in counted on v.SubmissionId equals s.Id
                              where v.PeriodId == period.Id
                              select new { s.Id, s.UnitId, s.UnitPath, s.SubmittedAtUtc, v.IndicatorId, v.Value }).ToListAsync(ct);
            var bySubmission = rows.GroupBy(r => r.Id).Select(g => new
            {
                g.First().UnitId,
                Child = int.Parse(g.First().UnitPath[prefix.Length..].Split('/', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? root.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), System.Globalization.CultureInfo.InvariantCulture),
                SubmittedAtUtc = g.First().SubmittedAtUtc ?? DateTime.MinValue,
                Values = (IReadOnlyDictionary<int, decimal?>)g.ToDictionary(r => r.IndicatorId, r => r.Value is { } d ? (decimal?)(decimal)d : null),
            }).ToList();
            totals = ReportMath.Roll(defs, ReportMath.Aggregate(defs, bySubmission.Select(b => (b.Values, b.SubmittedAtUtc))));
            var childIds = bySubmission.Select(b => b.Child).Append(0).Distinct().ToList();
            var unitIds = bySubmission.Select(b => b.UnitId).Concat(childIds).Distinct().ToList();
            var names = await db.OrgUnits.AsNoTracking().Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
            foreach (var group in bySubmission.GroupBy(b => b.Child).OrderBy(g => names.GetValueOrDefault(g.Key)))
            {
                var aggregates = ReportMath.Aggregate(defs, group.Select(g => (g.Values, g.SubmittedAtUtc)));
                children.Add(new RollupLine(group.Key, names.GetValueOrDefault(group.Key) ?? "", group.Count(), ReportMath.Roll(defs, aggregates)));
            }

            flags.AddRange(Flags(defs, bySubmission.Select(b => (b.UnitId, names.GetValueOrDefault(b.UnitId) ?? "", b.Values)).ToList()));
        }

        var today = VietnamClock.Today(clock);
        var slotsInTree = from s in db.ReportSubmissions
                          join u in db.OrgUnits on s.UnitId equals u.Id
                          where s.PeriodId == period.Id && s.UnitPath.StartsWith(prefix)
                          select new { s, u.Name };
        var missing = (await slotsInTree.Where(x => x.s.Status == SubmissionStatus.Pending || x.s.Status == SubmissionStatus.Returned || x.s.Status == SubmissionStatus.AwaitingApproval)
                .OrderByVietnamese(db, x => x.Name).Take(2000).Select(x => new { x.s.Id, x.s.UnitId, x.Name, x.s.Status, x.s.Version, x.s.SubmittedAtUtc, x.s.OwnDueOn }).ToListAsync(ct))
            .Select(r => new SlotRow(r.Id, r.UnitId, r.Name, r.Status, r.Version, r.SubmittedAtUtc, IsLate(period, r.OwnDueOn, r.Status, r.SubmittedAtUtc, today))).ToList();
        var dueEndUtc = period.DueOn.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc).AddHours(-7); // end of the due day in Việt Nam
        var late = (await slotsInTree.Where(x => (x.s.Status == SubmissionStatus.Submitted || x.s.Status == SubmissionStatus.Accepted) && x.s.SubmittedAtUtc > dueEndUtc)
                .OrderByVietnamese(db, x => x.Name).Take(2000).Select(x => new { x.s.Id, x.s.UnitId, x.Name, x.s.Status, x.s.Version, x.s.SubmittedAtUtc, x.s.OwnDueOn }).ToListAsync(ct))
            .Where(r => IsLate(period, r.OwnDueOn, r.Status, r.SubmittedAtUtc, today)) // an extension for the unit alone moves its due day (always later)
            .Select(r => new SlotRow(r.Id, r.UnitId, r.Name, r.Status, r.Version, r.SubmittedAtUtc, true)).ToList();
        return new Rollup(period, root, indicators, totals, reports, children, flags, missing, late, flagsChecked);
    }

    /// <summary>
    /// One indicator's figure for a subtree across periods (the trend chart): one grouped query over the periods,
    /// reading only the indicator itself (or a rate's numerator and denominator).
    /// </summary>
    public async Task<List<(ReportPeriod Period, decimal? Value)>> TrendAsync(IReadOnlyList<ReportPeriod> periods, ReportIndicator indicator,
        IReadOnlyList<ReportIndicator> all, OrgUnit root, CancellationToken ct)
    {
        var defs = all.Select(IndicatorDef.From).ToList();
        var needed = indicator.Aggregation == IndicatorAggregation.Ratio
            ? all.Where(i => i.Code == indicator.NumeratorCode || i.Code == indicator.DenominatorCode).Select(i => i.Id).ToList()
            : [indicator.Id];
        var ids = periods.Select(p => p.Id).ToList();
        var prefix = UnitPaths.SubtreePrefix(root.AncestorPath, root.Id);
        var rows = await (from v in db.ReportValues
                          join s in db.ReportSubmissions on v.SubmissionId equals s.Id
                          where ids.Contains(v.PeriodId) && needed.Contains(v.IndicatorId) && v.Value != null
                                && ids.Contains(s.PeriodId) && s.UnitPath.StartsWith(prefix) && Counted.Contains(s.Status)
                          group v by new { v.PeriodId, v.IndicatorId } into g
                          select new { g.Key.PeriodId, g.Key.IndicatorId, Sum = g.Sum(x => x.Value!.Value), Count = g.Count(), Max = g.Max(x => x.Value!.Value) })
            .ToListAsync(ct);
        return periods.Select(p =>
        {
            var aggregates = rows.Where(r => r.PeriodId == p.Id).ToDictionary(r => r.IndicatorId, r => new IndicatorAggregate(r.IndicatorId, (decimal)r.Sum, r.Count, (decimal)r.Max, null));
            return (p, ReportMath.Roll(defs, aggregates).GetValueOrDefault(indicator.Id));
        }).ToList();
    }

    /// <summary>
    /// Checks on children's figures: the regime's rules (a report may predate a rule), and a figure far above its
    /// siblings' (more than ten times their median, and at least 50), which is usually a typing slip.
    /// </summary>
    public static List<RollupFlag> Flags(IReadOnlyList<IndicatorDef> defs, IReadOnlyList<(int UnitId, string Name, IReadOnlyDictionary<int, decimal?> Values)> reports)
    {
        var flags = new List<RollupFlag>();
        foreach (var (unitId, name, values) in reports)
        {
            flags.AddRange(ReportMath.Check(defs, values).Select(v => new RollupFlag(unitId, name, v.Message)));
        }

        if (reports.Count < 4)
        {
            return flags;
        }

        foreach (var d in defs.Where(d => d.Aggregation == IndicatorAggregation.Sum))
        {
            var present = reports.Where(r => r.Values.GetValueOrDefault(d.Id) is not null).Select(r => (r.UnitId, r.Name, Value: r.Values[d.Id]!.Value)).ToList();
            if (present.Count < 4)
            {
                continue;
            }

            var sorted = present.Select(p => p.Value).Order().ToList();
            var median = sorted[sorted.Count / 2];
            foreach (var p in present.Where(p => p.Value >= 50 && p.Value > 10 * Math.Max(median, 1)))
            {
                flags.Add(new RollupFlag(p.UnitId, p.Name, $"“{d.Name}” = {ReportMath.Format(p.Value)}, gấp hơn 10 lần mức phổ biến của các đơn vị khác ({ReportMath.Format(median)}): kiểm tra lại."));
            }
        }

        return flags;
    }
}
