using DanVan.Domain.Calendar;
using DanVan.Domain.Reports;

namespace DanVan.Tests.Domain;

public class ReportMathTests
{
    private static readonly IndicatorDef Received = new(1, "DON_NHAN", "Đơn tiếp nhận", "đơn", IndicatorAggregation.Sum);
    private static readonly IndicatorDef Resolved = new(2, "DON_GQ", "Đơn đã giải quyết", "đơn", IndicatorAggregation.Sum, NotAboveCode: "DON_NHAN");
    private static readonly IndicatorDef Rate = new(3, "TYLE", "Tỷ lệ giải quyết", "%", IndicatorAggregation.Ratio, "DON_GQ", "DON_NHAN");
    private static readonly IndicatorDef Sipas = new(4, "SIPAS", "SIPAS", "%", IndicatorAggregation.Average);
    private static readonly IndicatorDef Peak = new(5, "MAX", "Cao nhất", "người", IndicatorAggregation.Max);
    private static readonly IndicatorDef Stock = new(6, "MH", "Mô hình đang duy trì", "mô hình", IndicatorAggregation.Latest);
    private static readonly IndicatorDef[] Defs = [Received, Resolved, Rate, Sipas, Peak, Stock];

    private static Dictionary<int, decimal?> V(decimal? received, decimal? resolved, decimal? sipas = null, decimal? peak = null, decimal? stock = null) =>
        new() { [1] = received, [2] = resolved, [4] = sipas, [5] = peak, [6] = stock };

    [Fact]
    public void A_unit_rate_is_computed_and_a_zero_denominator_gives_no_rate()
    {
        Assert.Equal(75m, ReportMath.Complete(Defs, V(8, 6))[3]);
        Assert.Null(ReportMath.Complete(Defs, V(0, 0))[3]);
        Assert.Null(ReportMath.Complete(Defs, V(null, 3))[3]);
    }

    [Fact]
    public void Roll_up_applies_each_aggregation_and_the_rate_is_a_ratio_of_sums_not_an_average_of_rates()
    {
        var t0 = new DateTime(2026, 6, 1, 0, 0, 0, DateTimeKind.Utc);
        var children = new (IReadOnlyDictionary<int, decimal?>, DateTime)[]
        {
            (V(10, 10, 90, 5, 3), t0),           // 100 %
            (V(90, 45, 80, 12, 7), t0.AddDays(2)), // 50 %
            (V(null, null, null, null, null), t0.AddDays(1)),
        };
        var rolled = ReportMath.Roll(Defs, ReportMath.Aggregate(Defs, children));
        Assert.Equal(100m, rolled[1]);
        Assert.Equal(55m, rolled[2]);
        Assert.Equal(55m, rolled[3]); // 55/100, not (100+50)/2
        Assert.Equal(85m, rolled[4]);
        Assert.Equal(12m, rolled[5]);
        Assert.Equal(7m, rolled[6]); // the latest submitted
    }

    [Fact]
    public void Checks_find_negative_counts_percentages_above_100_and_resolved_above_received()
    {
        var violations = ReportMath.Check(Defs, V(5, 7, 120));
        Assert.Equal(["DON_GQ", "SIPAS"], violations.Select(v => v.IndicatorCode));
        Assert.Contains("không thể lớn hơn “Đơn tiếp nhận” (5)", violations[0].Message, StringComparison.Ordinal);
        Assert.Contains(ReportMath.Check(Defs, V(-1, 0)), v => v.Message.Contains("số âm", StringComparison.Ordinal));
        Assert.Empty(ReportMath.Check(Defs, V(5, 5, 100)));
    }

    [Fact]
    public void Default_regime_is_consistent()
    {
        var indicators = DefaultRegime.Indicators();
        var codes = indicators.Select(i => i.Code).ToHashSet();
        Assert.Equal(indicators.Count, codes.Count);
        Assert.All(indicators.Where(i => i.NotAboveCode is not null), i => Assert.Contains(i.NotAboveCode!, codes));
        Assert.All(indicators.Where(i => i.Aggregation == IndicatorAggregation.Ratio), i =>
        {
            Assert.Contains(i.NumeratorCode!, codes);
            Assert.Contains(i.DenominatorCode!, codes);
        });
        Assert.Equal(Enumerable.Range(1, indicators.Count), indicators.Select(i => i.Order));
        Assert.Equal(DefaultRegime.Sections().Select(s => s.Order), DefaultRegime.Sections().Select(s => s.Order)); // stable across calls
    }

    [Fact]
    public void Due_date_on_a_day_off_moves_to_the_next_working_day()
    {
        var calendar = new WorkingCalendar([]);
        var rule = DefaultRegime.DueRules().Single(r => r.Kind == ReportPeriodKind.FirstHalf);
        // 15/6/2025 is a Sunday.
        var (start, cutoff, due) = DefaultRegime.Dates(rule, 2025, calendar);
        Assert.Equal((new DateOnly(2025, 1, 1), new DateOnly(2025, 6, 14), new DateOnly(2025, 6, 16)), (start, cutoff, due));
        Assert.Equal("6 tháng đầu năm 2025", DefaultRegime.Label(ReportPeriodKind.FirstHalf, 2025));
    }
}
