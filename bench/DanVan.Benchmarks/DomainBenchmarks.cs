using BenchmarkDotNet.Attributes;
using DanVan.Domain.Calendar;
using DanVan.Domain.Reports;
using DanVan.Domain.WorkItems;

namespace DanVan.Benchmarks;

/// <summary>
/// Deadline computation: a task's due dates over three years on the working-day calendar (with its lunar
/// holidays), for each kind of schedule; and N working days after a date.
/// </summary>
public class DeadlineBenchmarks
{
    private WorkingCalendar calendar = null!;

    [GlobalSetup]
    public void Setup() =>
        calendar = new WorkingCalendar(Enumerable.Range(2024, 4).SelectMany(y => PublicHolidays.DefaultsFor(y)));

    [Benchmark]
    public int HalfYearlyOverThreeYears() => Schedule.HalfYearly(15, 6).Occurrences(new DateOnly(2024, 1, 1), new DateOnly(2026, 12, 31), calendar).Count();

    [Benchmark]
    public int MonthlyOverThreeYears() => Schedule.Monthly(25).Occurrences(new DateOnly(2024, 1, 1), new DateOnly(2026, 12, 31), calendar).Count();

    [Benchmark]
    public DateOnly TwentyWorkingDaysAfter() => calendar.AddWorkingDays(new DateOnly(2026, 1, 20), 20);
}

/// <summary>
/// Roll-up arithmetic in memory: a province's reports (130 units × 60 indicators) aggregated, rolled up with its
/// rates, and checked; the national roll-up does the same from per-province sums computed by PostgreSQL.
/// </summary>
public class RollupBenchmarks
{
    private List<IndicatorDef> defs = [];
    private List<(IReadOnlyDictionary<int, decimal?> Values, DateTime SubmittedAtUtc)> reports = [];

    [GlobalSetup]
    public void Setup()
    {
        var indicators = DefaultRegime.Indicators().ToList();
        for (var i = 1; indicators.Count < 60; i++)
        {
            indicators.Add(new ReportIndicator { Code = $"BS{i:00}", Name = $"Chỉ tiêu {i}", Unit = "lượt", Aggregation = IndicatorAggregation.Sum });
        }

        defs = indicators.Select((x, i) => IndicatorDef.From(x) with { Id = i + 1 }).ToList();
        var rng = new Random(1);
        reports = Enumerable.Range(0, 130).Select(u => ((IReadOnlyDictionary<int, decimal?>)defs.ToDictionary(d => d.Id, d => (decimal?)rng.Next(50)),
            new DateTime(2026, 6, 1, 0, 0, 0, DateTimeKind.Utc).AddMinutes(u))).ToList();
    }

    [Benchmark]
    public int AggregateRollAndCheck()
    {
        var rolled = ReportMath.Roll(defs, ReportMath.Aggregate(defs, reports));
        return rolled.Count + reports.Sum(r => ReportMath.Check(defs, r.Values).Count);
    }
}
