using DanVan.Data;
using DanVan.Domain.Reports;
using DanVan.Features.Calendar;
using DanVan.Features.Reports;
using DanVan.Testing;
using DanVan.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Tests.Features.Reports;

/// <summary>Changing a regime: administrators only, every input checked, nothing half-saved, audited.</summary>
public class ReportRegimeCommandsTests(SeededDatabaseFixture fx) : IClassFixture<SeededDatabaseFixture>
{
    private async Task<int> RegimeIdAsync()
    {
        await using var db = fx.Context();
        return await db.ReportRegimes.Where(r => r.Code == DefaultRegime.Code).Select(r => r.Id).SingleAsync();
    }

    private static string Errors<T>(DanVan.Infrastructure.Result<T> r) => string.Join(" | ", r.Errors.SelectMany(e => e.Value));

    [Fact]
    public async Task Bad_indicators_are_refused_with_reasons_and_only_an_administrator_adds_one()
    {
        var regimeId = await RegimeIdAsync();
        await using var db = fx.Context("admin");
        var commands = new ReportRegimeCommands(db);
        var before = await db.ReportIndicators.CountAsync(i => i.RegimeId == regimeId);

        var coordinator = await commands.AddIndicatorAsync(await fx.ScopeOfAsync("dieuphoi"), regimeId,
            new IndicatorInput("DT_TRUCTUYEN", "Cuộc đối thoại trực tuyến", "cuộc", "5. Đối thoại", IndicatorAggregation.Sum));
        Assert.Equal(DanVan.Infrastructure.ResultStatus.Forbidden, coordinator.Status);

        var admin = await fx.ScopeOfAsync("admin");
        var bad = await commands.AddIndicatorAsync(admin, regimeId, new IndicatorInput("đối thoại", "", null, "5. Đối thoại", null));
        var messages = Errors(bad);
        Assert.Contains("Mã chỉ tiêu gồm chữ in không dấu", messages, StringComparison.Ordinal);
        Assert.Contains("Vui lòng nhập tên chỉ tiêu.", messages, StringComparison.Ordinal);
        Assert.Contains("Vui lòng chọn cách tổng hợp.", messages, StringComparison.Ordinal);

        var duplicate = await commands.AddIndicatorAsync(admin, regimeId, new IndicatorInput("DON_NHAN", "Đơn", "đơn", "4. Tiếp công dân, xử lý đơn", IndicatorAggregation.Sum));
        Assert.Contains("Mã DON_NHAN đã có", Errors(duplicate), StringComparison.Ordinal);

        var ratio = await commands.AddIndicatorAsync(admin, regimeId,
            new IndicatorInput("DT_TYLE", "Tỷ lệ ý kiến được trả lời", null, "5. Đối thoại", IndicatorAggregation.Ratio, "DON_TYLE", null));
        Assert.Contains("Tử số phải là một chỉ tiêu nhập số liệu", Errors(ratio), StringComparison.Ordinal);
        Assert.Contains("Vui lòng chọn mẫu số.", Errors(ratio), StringComparison.Ordinal);
        Assert.Equal(before, await db.ReportIndicators.CountAsync(i => i.RegimeId == regimeId));

        // A rate of two entered figures, at the end of its group: the groups after it move down by one.
        var ok = await commands.AddIndicatorAsync(admin, regimeId,
            new IndicatorInput("dt_tyle", "Tỷ lệ ý kiến đối thoại đã được trả lời", null, "5. Đối thoại", IndicatorAggregation.Ratio, "DT_GQ", "DT_YKIEN"));
        Assert.True(ok.IsOk, Errors(ok));
        await using var check = fx.Context();
        var order = await check.ReportIndicators.Where(i => i.RegimeId == regimeId).OrderBy(i => i.Order).Select(i => i.Code).ToListAsync();
        Assert.Equal(before + 1, order.Count);
        Assert.Equal(["DT_CUOC", "DT_YKIEN", "DT_GQ", "DT_TYLE", "MH_DANGKY"], order.SkipWhile(c => c != "DT_CUOC").Take(5));
        var added = await check.ReportIndicators.SingleAsync(i => i.RegimeId == regimeId && i.Code == "DT_TYLE");
        Assert.Equal(("%", "DT_GQ", "DT_YKIEN"), (added.Unit, added.NumeratorCode, added.DenominatorCode));
        var addedId = added.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(await check.AuditEntries.AnyAsync(a => a.EntityType == nameof(ReportIndicator) && a.EntityId == addedId && a.UserName == "admin"));
    }

    [Fact]
    public async Task A_new_due_day_applies_to_periods_opened_afterwards()
    {
        var regimeId = await RegimeIdAsync();
        await using var db = fx.Context("admin");
        var rule = await db.ReportDueRules.AsNoTracking().SingleAsync(r => r.RegimeId == regimeId && r.Kind == ReportPeriodKind.FirstHalf);
        var commands = new ReportRegimeCommands(db);
        var admin = await fx.ScopeOfAsync("admin");

        var bad = await commands.SetDueRuleAsync(admin, rule.Id, new DueRuleInput(31, 2, 14, 13));
        Assert.Contains("Ngày của hạn nộp không có trong tháng 2.", Errors(bad), StringComparison.Ordinal);
        Assert.Contains("Tháng của ngày chốt số liệu phải từ 1 đến 12.", Errors(bad), StringComparison.Ordinal);
        Assert.Equal(DanVan.Infrastructure.ResultStatus.Forbidden, (await commands.SetDueRuleAsync(await fx.ScopeOfAsync("dieuphoi"), rule.Id, new DueRuleInput(20, 6, 19, 6))).Status);
        Assert.Equal(15, (await db.ReportDueRules.AsNoTracking().SingleAsync(r => r.Id == rule.Id)).DueDay);

        Assert.True((await commands.SetDueRuleAsync(admin, rule.Id, new DueRuleInput(20, 6, 19, 6))).IsOk);
        await using var opener = fx.Context("dieuphoi");
        var clock = new FakeClock(new DateTimeOffset(2027, 6, 1, 2, 0, 0, TimeSpan.Zero));
        var opened = await new ReportCommands(opener, new CalendarCommands(opener), TestMeasures.All(opener), clock)
            .OpenAsync(await fx.ScopeOfAsync("dieuphoi"), new OpenPeriodCommand(regimeId, ReportPeriodKind.FirstHalf, 2027));
        Assert.True(opened.IsOk, Errors(opened));
        Assert.Equal(new DateOnly(2027, 6, 21), opened.Value!.DueOn); // 20/6/2027 is a Sunday
    }
}
