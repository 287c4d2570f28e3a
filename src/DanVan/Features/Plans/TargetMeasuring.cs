using DanVan.Data;
using DanVan.Domain.Plans;
using DanVan.Domain.Text;
using DanVan.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Features.Plans;

/// <summary>A target as its lists show it: its plan, the unit it is measured on (the responsible unit, else the plan's owner), its year.</summary>
public sealed record TargetRow(
    int Id, int PlanId, string PlanCode, string PlanTitle, int Year, string Description, string Comparison, int Level, string Unit,
    string? MeasureCode, string? DenominatorCode, int UnitId, string UnitName, string UnitPath, int OwnerUnitId, int Version);

/// <summary>A target read against its figures: the reading, the numerator and denominator summed, and where they come from.</summary>
public sealed record TargetStatus(TargetRow Target, TargetReading Reading, decimal? Numerator, decimal? Denominator, string Provenance)
{
    public string Standing => TargetProgress.Label(Reading.Standing);

    public string Gap => TargetProgress.GapText(Reading, Target.Comparison, Target.Unit);
}

/// <summary>One point of a target's trend: its value from 1 January to the end of a month.</summary>
public sealed record TrendPoint(int Month, decimal? Value);

/// <summary>
/// Measures targets through the one extension point (<see cref="MeasureRegistry"/>), never a capability directly
/// (ADR-028). A count is summed over the measured unit and every unit under it; a measure already in per cent (an
/// index) is the unit's own. Many targets cost one query per source and year (ADR-029: a source counts its measures
/// together where one query holds them, else one per measure), not one per target.
/// </summary>
public sealed class TargetMeasuring(AppDbContext db, MeasureRegistry measures, TimeProvider clock)
{
    /// <summary>Live targets (not withdrawn, not dropped, on a live plan) as rows.</summary>
    public IQueryable<TargetRowData> Query() =>
        from t in db.PlanTargets.AsNoTracking()
        join p in db.Plans on t.PlanId equals p.Id
        join d in db.Documents on p.DocumentId equals d.Id
        join u in db.OrgUnits on t.ResponsibleUnitId ?? p.OwnerUnitId equals u.Id
        where t.WithdrawnAtUtc == null && t.DroppedReason == null && p.WithdrawnAtUtc == null
        select new TargetRowData
        {
            Id = t.Id, PlanId = p.Id, PlanCode = d.Code, PlanTitle = d.Title, IssuedOn = d.IssuedOn, Description = t.Description, Comparison = t.Comparison,
            Level = t.Value, Unit = t.Unit, MeasureCode = t.MeasureCode, DenominatorCode = t.DenominatorCode, UnitId = u.Id, UnitName = u.Name,
            UnitPath = u.AncestorPath, OwnerUnitId = p.OwnerUnitId, Version = t.Version,
        };

    /// <summary>What <see cref="Query"/> reads (init-only so that EF can still filter on it).</summary>
    public sealed class TargetRowData
    {
        public int Id { get; init; }

        public int PlanId { get; init; }

        public string PlanCode { get; init; } = "";

        public string PlanTitle { get; init; } = "";

        public DateOnly? IssuedOn { get; init; }

        public string Description { get; init; } = "";

        public string Comparison { get; init; } = "";

        public int Level { get; init; }

        public string Unit { get; init; } = "";

        public string? MeasureCode { get; init; }

        public string? DenominatorCode { get; init; }

        public int UnitId { get; init; }

        public string UnitName { get; init; } = "";

        public string UnitPath { get; init; } = "";

        public int OwnerUnitId { get; init; }

        public int Version { get; init; }

        public TargetRow ToRow() => new(Id, PlanId, PlanCode, PlanTitle, TargetProgress.PlanYear(PlanTitle, IssuedOn ?? new DateOnly(2000, 1, 1)),
            Description, Comparison, Level, Unit, MeasureCode, DenominatorCode, UnitId, UnitName, UnitPath, OwnerUnitId, Version);
    }

    /// <summary>At most this many targets are read for one list (a province holds a few hundred; the country some ten thousand).</summary>
    public const int MaxListed = 20_000;

    /// <summary>
    /// The live targets of the plans owned by units in the user's scope for one year, read against their figures,
    /// filtered by words of the target or its unit (diacritics ignored) and by standing.
    /// </summary>
    public async Task<IReadOnlyList<TargetStatus>> InScopeAsync(Domain.Access.UserScope scope, int year, string? words, TargetStanding? standing, CancellationToken ct)
    {
        var units = Units.UnitQueries.InScope(db.OrgUnits.AsNoTracking(), scope).Select(u => u.Id);
        var (from, to) = (new DateOnly(year - 1, 1, 1), new DateOnly(year + 1, 12, 31));
        var rows = (await Query().Where(t => units.Contains(t.OwnerUnitId) && t.IssuedOn >= from && t.IssuedOn <= to)
                .OrderBy(t => t.PlanId).ThenBy(t => t.Id).Take(MaxListed).ToListAsync(ct))
            .Select(t => t.ToRow()).Where(t => t.Year == year).ToList();
        var folded = VietnameseText.Fold(words).Trim();
        if (folded.Length > 0)
        {
            rows = rows.Where(t => VietnameseText.Fold(t.Description + " " + t.UnitName + " " + t.PlanCode).Contains(folded, StringComparison.Ordinal)).ToList();
        }

        var read = await ReadAsync(rows, ct);
        return standing is { } only ? read.Where(s => s.Reading.Standing == only).ToList() : read;
    }

    /// <summary>One live target as a row, or null.</summary>
    public async Task<TargetRow?> ByIdAsync(int id, CancellationToken ct) =>
        (await Query().Where(t => t.Id == id).FirstOrDefaultAsync(ct))?.ToRow();

    public DateOnly Today => Infrastructure.VietnamClock.Today(clock);

    /// <summary>Whether the codes name measures DanVan has (a denominator only with a numerator).</summary>
    public bool Linked(TargetRow t) =>
        measures.Find(t.MeasureCode) is not null && (t.DenominatorCode is null || measures.Find(t.DenominatorCode) is not null);

    /// <summary>Reads every target in one pass: the units under theirs in one query, each (measure, year) in one query.</summary>
    public async Task<IReadOnlyList<TargetStatus>> ReadAsync(IReadOnlyList<TargetRow> targets, CancellationToken ct)
    {
        var today = Today;
        var linked = targets.Where(t => Linked(t) && TargetProgress.Elapsed(t.Year, today) > 0).ToList();
        var tree = await SubtreesAsync(linked, ct);

        // (code, year) → the values of every unit any target of that year needs: each source asked once per year for
        // all of its codes over the year's units (ADR-029), so a ratio of two counts of one register is one query.
        var values = new Dictionary<(string Code, int Year), IReadOnlyDictionary<int, MeasureValue>>();
        foreach (var year in linked.GroupBy(t => t.Year))
        {
            var units = year.SelectMany(t => Members(tree, t)).Distinct().ToList();
            var codes = year.SelectMany(t => new[] { t.MeasureCode!, t.DenominatorCode }).OfType<string>().Distinct().ToList();
            var (from, to) = Period(year.Key, today);
            foreach (var (code, byUnit) in await measures.ComputeManyAsync(codes, units, from, to, ct))
            {
                values[(code, year.Key)] = byUnit;
            }
        }

        var read = linked.ToHashSet();

        return targets.Select(t =>
        {
            if (!read.Contains(t))
            {
                return new TargetStatus(t, TargetProgress.Read(t.Comparison, t.Level, t.Unit, Linked(t), null, TargetProgress.Elapsed(t.Year, today)), null, null, "");
            }

            var members = Members(tree, t);
            var numerator = Sum(t.MeasureCode!, t, members, values[(t.MeasureCode!, t.Year)]);
            var denominator = t.DenominatorCode is null ? null : Sum(t.DenominatorCode, t, members, values[(t.DenominatorCode, t.Year)]);
            return Status(t, numerator, denominator, members.Count, today);
        }).ToList();
    }

    /// <summary>The target's value from 1 January to the end of each month of its year so far (or of the whole year).</summary>
    public async Task<IReadOnlyList<TrendPoint>> TrendAsync(TargetRow t, CancellationToken ct)
    {
        var today = Today;
        if (!Linked(t) || TargetProgress.Elapsed(t.Year, today) <= 0)
        {
            return [];
        }

        var members = Members(await SubtreesAsync([t], ct), t);
        var last = today.Year > t.Year ? 12 : today.Month;
        var points = new List<TrendPoint>();
        for (var month = 1; month <= last; month++)
        {
            var to = new DateOnly(t.Year, month, DateTime.DaysInMonth(t.Year, month));
            to = to > today ? today : to;
            var from = new DateOnly(t.Year, 1, 1);
            var figures = await measures.ComputeManyAsync(t.DenominatorCode is null ? [t.MeasureCode!] : [t.MeasureCode!, t.DenominatorCode], members, from, to, ct);
            var numerator = Sum(t.MeasureCode!, t, members, figures[t.MeasureCode!]);
            var denominator = t.DenominatorCode is null ? null : Sum(t.DenominatorCode, t, members, figures[t.DenominatorCode]);
            points.Add(new TrendPoint(month, Value(numerator, denominator, t.DenominatorCode is not null)));
        }

        return points;
    }

    /// <summary>The measures a target may be linked to, grouped as the select shows them.</summary>
    public IReadOnlyList<MeasureDefinition> Definitions => measures.Definitions;

    public MeasureDefinition? Find(string? code) => measures.Find(code);

    public static (DateOnly From, DateOnly To) Period(int year, DateOnly today)
    {
        var last = new DateOnly(year, 12, 31);
        return (new DateOnly(year, 1, 1), today < last ? today : last);
    }

    private TargetStatus Status(TargetRow t, decimal? numerator, decimal? denominator, int units, DateOnly today)
    {
        var ratio = t.DenominatorCode is not null;
        var value = Value(numerator, denominator, ratio);
        var num = measures.Find(t.MeasureCode)!;
        var reading = TargetProgress.Read(t.Comparison, t.Level, t.Unit, true, value, TargetProgress.Elapsed(t.Year, today), asItStands: ratio || IsRate(num));
        var (from, to) = Period(t.Year, today);
        var of = units > 1 && !IsRate(num) ? $"{t.UnitName} và {units - 1} đơn vị trực thuộc" : t.UnitName;
        string Figure(decimal? x) => x is { } v ? v.ToString("0.#", VietnameseText.Culture) : "chưa có";
        var provenance = ratio
            ? $"Theo dõi trên DanVan: {Lower(num.Name)} {Figure(numerator)} ÷ {Lower(measures.Find(t.DenominatorCode)!.Name)} {Figure(denominator)}"
            : $"Theo dõi trên DanVan: {Lower(num.Name)} {Figure(numerator)}";
        return new TargetStatus(t, reading, numerator, denominator, $"{provenance} — {of}, {MeasureRegistry.Range(from, to)}.");
    }

    private static string Lower(string name) => name.ToLower(VietnameseText.Culture);

    private static decimal? Value(decimal? numerator, decimal? denominator, bool ratio) =>
        !ratio ? numerator
        : numerator is { } n && denominator is { } d && d > 0 ? Math.Round(100m * n / d, 1, MidpointRounding.ToZero) // never rounded up to a level not reached
        : null;

    /// <summary>A measure read as the unit's own value, never summed: a per-cent figure or an index.</summary>
    private static bool IsRate(MeasureDefinition d) => d.Unit == "%" || !d.Additive;

    /// <summary>A count summed over the units; a per-cent measure (an index) is the measured unit's own, or nothing.</summary>
    private decimal? Sum(string code, TargetRow t, IReadOnlyCollection<int> members, IReadOnlyDictionary<int, MeasureValue> values)
    {
        if (IsRate(measures.Find(code)!))
        {
            return values.TryGetValue(t.UnitId, out var own) ? (decimal)own.Value : null;
        }

        return members.Sum(id => values.TryGetValue(id, out var v) ? (decimal)v.Value : 0m);
    }

    private static List<int> Members(IReadOnlyDictionary<int, List<int>> tree, TargetRow t) =>
        tree.TryGetValue(t.UnitId, out var members) ? members : [t.UnitId];

    /// <summary>Each measured unit with every unit under it, read in one query over the smallest set of subtrees.</summary>
    private async Task<IReadOnlyDictionary<int, List<int>>> SubtreesAsync(IReadOnlyCollection<TargetRow> targets, CancellationToken ct)
    {
        var roots = targets.Select(t => (t.UnitId, Prefix: Domain.Units.UnitPaths.SubtreePrefix(t.UnitPath, t.UnitId))).Distinct().ToList();
        // Keep only the outermost roots: a ward's subtree is read with its province's.
        var rootIds = roots.Select(r => r.UnitId).ToHashSet();
        var outer = roots.Where(r => !Domain.Units.UnitPaths.Ancestors(r.Prefix).SkipLast(1).Any(rootIds.Contains)).ToList();
        var units = new List<(int Id, int? ParentId)>();
        foreach (var chunk in outer.Chunk(20))
        {
            var ids = chunk.Select(r => r.UnitId).ToList();
            var query = db.OrgUnits.AsNoTracking().Where(u => ids.Contains(u.Id));
            foreach (var prefix in chunk.Select(r => r.Prefix))
            {
                query = query.Union(db.OrgUnits.AsNoTracking().Where(u => u.AncestorPath.StartsWith(prefix)));
            }

            units.AddRange((await query.Select(u => new { u.Id, u.ParentId }).ToListAsync(ct)).Select(u => (u.Id, u.ParentId)));
        }

        var children = units.Where(u => u.ParentId is not null).GroupBy(u => u.ParentId!.Value).ToDictionary(g => g.Key, g => g.Select(u => u.Id).Distinct().ToList());
        var result = new Dictionary<int, List<int>>();
        foreach (var (root, _) in roots)
        {
            var members = new List<int> { root };
            for (var i = 0; i < members.Count; i++)
            {
                members.AddRange(children.GetValueOrDefault(members[i]) ?? []);
            }

            result[root] = members;
        }

        return result;
    }
}
