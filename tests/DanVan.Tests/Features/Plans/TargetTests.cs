using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DanVan.Data;
using DanVan.Domain.Access;
using DanVan.Domain.Plans;
using DanVan.Features.Plans;
using DanVan.Features.Shared;
using DanVan.Infrastructure;
using DanVan.Testing;
using DanVan.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DanVan.Tests.Features.Plans;

/// <summary>
/// Issue 18's targets (ADR-028): a plan of the Sở Tư pháp for 2019 whose "trên 90% nhiệm vụ đúng hạn" is linked to
/// the ratio of two task measures and read 2 ÷ 3; its count target against the pace of the year; links refused by
/// field; tasks linked to close the gap; the page, the list, the API and the Excel export say the same.
/// </summary>
public sealed class TargetTests(AppFixture app) : IClassFixture<AppFixture>
{
    private const string Rate = "Trên 90% nhiệm vụ theo kế hoạch hoàn thành đúng hạn";
    private const string Count = "Tổ chức ít nhất 4 cuộc đối thoại với Nhân dân";

    private async Task<UserScope> ScopeAsync(AppDbContext db, string userName)
    {
        var id = await db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync();
        return (await CurrentUser.LoadScopeAsync(db, id))!;
    }

    /// <summary>The plan, its two targets, and three tasks of the Sở Tư pháp in a past year of the test's own: two done on time, one late.</summary>
    private async Task<(int Plan, int RateTarget, int CountTarget, int[] Tasks)> ArrangeAsync(int year)
    {
        using var scope = app.Factory.Services.CreateScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<AppDbContext>();
        var coordinator = await ScopeAsync(db, "dieuphoi");
        var stp = await app.UnitIdAsync("80.STP");
        var snv = await app.UnitIdAsync("80.SNV");
        var doc = await services.GetRequiredService<DanVan.Features.Documents.DocumentCommands>().RegisterAsync(coordinator, new DanVan.Features.Documents.RegisterDocumentCommand(
            stp, $"{UniqueNumber.Next()}/KH-STP", "Sở Tư pháp tỉnh Tây Ninh", stp, "Tây Ninh", new DateOnly(year, 1, 15),
            $"Thực hiện công tác dân vận chính quyền năm {year}", null, "Giám đốc", "Lê Hoàng Phúc", null, [], null));
        Assert.True(doc.IsOk, string.Join(" ", doc.Errors.SelectMany(e => e.Value)));
        var plan = await services.GetRequiredService<PlanCommands>().CreateAsync(coordinator, new CreatePlanCommand(
            doc.Value!.Id, "Nâng cao chất lượng công tác dân vận chính quyền.", null, $"{Rate}\n{Count}"));
        Assert.True(plan.IsOk, string.Join(" ", plan.Errors.SelectMany(e => e.Value)));
        var targets = await db.PlanTargets.Where(t => t.PlanId == plan.Value!.Id).OrderBy(t => t.Id).Select(t => t.Id).ToListAsync();

        var tasks = new List<int>();
        foreach (var (due, done) in new[] { (new DateOnly(year, 3, 1), new DateOnly(year, 2, 27)), (new DateOnly(year, 6, 3), new DateOnly(year, 6, 3)), (new DateOnly(year, 9, 2), new DateOnly(year, 9, 20)) })
        {
            var created = await services.GetRequiredService<DanVan.Features.Tasks.WorkItemCommands>().CreateAsync(coordinator, new DanVan.Features.Tasks.CreateWorkItemCommand(
                $"Nhiệm vụ năm {year} hạn {due:dd/MM}", null, snv, stp, [], doc.Value.Id, DanVan.Domain.WorkItems.Schedule.Once(due), new DateOnly(year, 1, 15), new DateOnly(year, 12, 31)));
            Assert.True(created.IsOk, string.Join(" ", created.Errors.SelectMany(e => e.Value)));
            tasks.Add(created.Value!.Id);
            await db.WorkItemDeadlines.Where(d => d.WorkItemId == created.Value.Id).ExecuteUpdateAsync(s => s.SetProperty(d => d.CompletedOn, done).SetProperty(d => d.Progress, 100));
        }

        return (plan.Value!.Id, targets[0], targets[1], tasks.ToArray());
    }

    [Fact]
    public async Task ARateTarget_IsTheRatioOfTwoMeasures_ACountOneMeasure_AndEveryWrongLinkIsRefusedByField()
    {
        var (_, rate, count, tasks) = await ArrangeAsync(2019);
        using var scope = app.Factory.Services.CreateScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<AppDbContext>();
        var editing = services.GetRequiredService<TargetEditing>();
        var measures = services.GetRequiredService<MeasureRegistry>();
        var measuring = services.GetRequiredService<TargetMeasuring>();
        var coordinator = await ScopeAsync(db, "dieuphoi");
        int Version(int id) => db.PlanTargets.AsNoTracking().Single(t => t.Id == id).Version;
        string Errors<T>(Result<T> r) => string.Join(" | ", r.Errors.SelectMany(e => e.Value.Select(m => e.Key + ": " + m)));

        // Refused, by field, nothing saved.
        Assert.Contains("DenominatorCode: Chỉ tiêu tính theo tỷ lệ %: chọn số liệu để chia",
            Errors(await editing.LinkMeasureAsync(coordinator, rate, new LinkMeasureCommand(Version(rate), "nhiem-vu-dung-han", null, null), measures)), StringComparison.Ordinal);
        Assert.Contains("MeasureCode: Số liệu theo dõi đã chọn không có trong danh mục",
            Errors(await editing.LinkMeasureAsync(coordinator, rate, new LinkMeasureCommand(Version(rate), "khong-co", "nhiem-vu-den-han", null), measures)), StringComparison.Ordinal);
        Assert.Contains("DenominatorCode: Số liệu để chia phải khác số liệu theo dõi.",
            Errors(await editing.LinkMeasureAsync(coordinator, rate, new LinkMeasureCommand(Version(rate), "nhiem-vu-den-han", "nhiem-vu-den-han", null), measures)), StringComparison.Ordinal);
        Assert.Contains("MeasureCode: Chọn số liệu theo dõi (tử số) trước",
            Errors(await editing.LinkMeasureAsync(coordinator, rate, new LinkMeasureCommand(Version(rate), "", "nhiem-vu-den-han", null), measures)), StringComparison.Ordinal);
        Assert.Contains("MeasureCode: Chỉ tiêu đếm theo “cuộc”: chọn một số liệu đếm",
            Errors(await editing.LinkMeasureAsync(coordinator, count, new LinkMeasureCommand(Version(count), "doi-thoai-cuoc", "nhiem-vu-den-han", null), measures)), StringComparison.Ordinal);
        Assert.Contains("vừa được người khác sửa",
            Errors(await editing.LinkMeasureAsync(coordinator, rate, new LinkMeasureCommand(Version(rate) + 1, "nhiem-vu-dung-han", "nhiem-vu-den-han", null), measures)), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(ResultStatus.Forbidden, (await editing.LinkMeasureAsync(await ScopeAsync(db, "thamdinh"), rate,
            new LinkMeasureCommand(Version(rate), "nhiem-vu-dung-han", "nhiem-vu-den-han", null), measures)).Status);
        Assert.Null(db.PlanTargets.AsNoTracking().Single(t => t.Id == rate).MeasureCode);

        // Linked: 2 of the 3 deadlines of 2019 done on time = 66,6 % (rounded down), 23,4 points short, off track.
        Assert.True((await editing.LinkMeasureAsync(coordinator, rate, new LinkMeasureCommand(Version(rate), "nhiem-vu-dung-han", "nhiem-vu-den-han", "Đo theo nhiệm vụ"), measures)).IsOk);
        Assert.True((await editing.LinkMeasureAsync(coordinator, count, new LinkMeasureCommand(Version(count), "doi-thoai-cuoc", null, null), measures)).IsOk);
        var rows = (await measuring.Query().Where(t => t.Id == rate || t.Id == count).ToListAsync()).Select(t => t.ToRow()).OrderBy(t => t.Id).ToList();
        var read = await measuring.ReadAsync(rows, default);
        Assert.Equal(2019, read[0].Target.Year);
        Assert.Equal((2m, 3m, 66.6m, 23.4m, TargetStanding.OffTrack), (read[0].Numerator!.Value, read[0].Denominator!.Value, read[0].Reading.Value!.Value, read[0].Reading.Gap!.Value, read[0].Reading.Standing));
        Assert.Equal("Còn thiếu 23,4 điểm %", read[0].Gap);
        Assert.Equal("Theo dõi trên DanVan: hạn nhiệm vụ hoàn thành đúng hạn 2 ÷ hạn nhiệm vụ đến hạn trong kỳ 3 — Sở Tư pháp tỉnh Tây Ninh và 2 đơn vị trực thuộc, 01/01/2019–31/12/2019.", read[0].Provenance);
        Assert.Equal((0m, 4m, TargetStanding.OffTrack), (read[1].Reading.Value!.Value, read[1].Reading.Gap!.Value, read[1].Reading.Standing)); // the year is over, no dialogue

        // The trend: nothing due before March, 1 of 1 by March, 2 of 2 by June, 2 of 3 from September.
        var trend = await measuring.TrendAsync(rows[0], default);
        Assert.Equal(12, trend.Count);
        Assert.Equal(new decimal?[] { null, null, 100, 100, 100, 100, 100, 100, 66.6m, 66.6m, 66.6m, 66.6m }, trend.Select(p => p.Value));

        // The change is kept as a version, with its reason, and audited.
        Assert.Equal(2, Version(rate));
        Assert.True(await db.AuditEntries.AnyAsync(a => a.EntityType == "PlanTarget" && a.EntityId == rate.ToString(System.Globalization.CultureInfo.InvariantCulture) && a.Changes.Contains("nhiem-vu-dung-han")));

        // Tasks meant to close the gap: a task of the year led by the unit may be linked once, one of another unit's year may not.
        var links = services.GetRequiredService<TargetLinks>();
        Assert.Contains((await links.CandidatesAsync(rows[0], default)).Select(c => c.WorkItemId), id => id == tasks[2]);
        Assert.True((await links.LinkAsync(coordinator, rate, Version(rate), tasks[2])).IsOk);
        Assert.Contains("đã được gắn", Errors(await links.LinkAsync(coordinator, rate, Version(rate), tasks[2])), StringComparison.Ordinal);
        var elsewhere = await db.WorkItems.Where(w => w.PeriodStart.Year >= 2026).Select(w => w.Id).FirstAsync();
        Assert.Contains("WorkItemId: Chọn một nhiệm vụ trong năm của chỉ tiêu", Errors(await links.LinkAsync(coordinator, rate, Version(rate), elsewhere)), StringComparison.Ordinal);
        var linked = Assert.Single(await links.LinkedAsync(rate, default));
        Assert.Equal((tasks[2], 1, 1, 0), (linked.WorkItemId, linked.Deadlines, linked.Done, linked.Overdue));
        Assert.True((await links.UnlinkAsync(coordinator, rate, Version(rate), tasks[2])).IsOk);
        Assert.Empty(await links.LinkedAsync(rate, default));
        Assert.Equal(ResultStatus.Forbidden, (await links.LinkAsync(await ScopeAsync(db, "thamdinh"), rate, Version(rate), tasks[2])).Status);
    }

    [Fact]
    public async Task ThePageListApiAndExcel_ShowTheValueAndGap_AndTheFormRefusesInVietnamese()
    {
        var (planId, rate, _, tasks) = await ArrangeAsync(2018);
        var coordinator = await app.As("dieuphoi");
        var page = WebUtility.HtmlDecode(await coordinator.GetStringAsync($"/Plans/Target/{rate}"));
        Assert.Contains("Chưa gắn số liệu theo dõi", page, StringComparison.Ordinal);
        Assert.Contains("DanVan gợi ý cách đo", page, StringComparison.Ordinal); // the words point to tasks on time

        // A rate with a count only: refused on the page, the choice kept.
        using (var bad = await DanVanAppFactory.PostFormAsync(coordinator, $"/Plans/Target/{rate}?handler=Measure", new Dictionary<string, string>
               {
                   ["Input.Version"] = "1", ["Input.MeasureCode"] = "nhiem-vu-dung-han", ["Input.DenominatorCode"] = "",
               }, $"/Plans/Target/{rate}"))
        {
            Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
            Assert.Contains("Chỉ tiêu tính theo tỷ lệ %: chọn số liệu để chia (mẫu số)", WebUtility.HtmlDecode(await bad.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        }

        using (var noToken = await coordinator.PostAsync($"/Plans/Target/{rate}?handler=Measure", new FormUrlEncodedContent(new Dictionary<string, string> { ["Input.Version"] = "1" })))
        {
            Assert.Equal(HttpStatusCode.BadRequest, noToken.StatusCode);
        }

        var reviewer = await app.As("thamdinh");
        Assert.DoesNotContain("Lưu cách đo", await reviewer.GetStringAsync($"/Plans/Target/{rate}"), StringComparison.Ordinal);
        using (var forbidden = await DanVanAppFactory.PostFormAsync(reviewer, $"/Plans/Target/{rate}?handler=Measure", new Dictionary<string, string>
               {
                   ["Input.Version"] = "1", ["Input.MeasureCode"] = "nhiem-vu-dung-han", ["Input.DenominatorCode"] = "nhiem-vu-den-han",
               }, $"/Plans/Target/{rate}"))
        {
            Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        }

        using (var saved = await DanVanAppFactory.PostFormAsync(coordinator, $"/Plans/Target/{rate}?handler=Measure", new Dictionary<string, string>
               {
                   ["Input.Version"] = "1", ["Input.MeasureCode"] = "nhiem-vu-dung-han", ["Input.DenominatorCode"] = "nhiem-vu-den-han",
               }, $"/Plans/Target/{rate}"))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        using (var link = await DanVanAppFactory.PostFormAsync(coordinator, $"/Plans/Target/{rate}?handler=Link", new Dictionary<string, string>
               {
                   ["Input.Version"] = "2", ["WorkItemId"] = tasks[2].ToString(System.Globalization.CultureInfo.InvariantCulture),
               }, $"/Plans/Target/{rate}"))
        {
            Assert.Equal(HttpStatusCode.Redirect, link.StatusCode);
        }

        page = WebUtility.HtmlDecode(await coordinator.GetStringAsync($"/Plans/Target/{rate}"));
        Assert.Contains("66,6%", page, StringComparison.Ordinal);
        Assert.Contains("Còn thiếu 23,4 điểm %", page, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"target-trend\"", page, StringComparison.Ordinal);
        Assert.Contains("Nhiệm vụ năm 2018 hạn 02/09", page, StringComparison.Ordinal);

        var plan = WebUtility.HtmlDecode(await coordinator.GetStringAsync($"/Plans/Details/{planId}"));
        Assert.Contains($"data-testid=\"target-standing-{rate}\">Chưa đạt", plan, StringComparison.Ordinal);

        var list = WebUtility.HtmlDecode(await coordinator.GetStringAsync("/Plans/Targets?year=2018&standing=OffTrack&q=nhiem+vu+theo+ke+hoach"));
        Assert.Contains(Rate, list, StringComparison.Ordinal);
        Assert.DoesNotContain(Count, list, StringComparison.Ordinal); // not linked: not off track

        var api = await coordinator.GetFromJsonAsync<JsonElement>("/api/targets?year=2018&standing=OffTrack");
        var item = api.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("id").GetInt32() == rate);
        Assert.Equal((66.6m, "OffTrack", "Chưa đạt"), (item.GetProperty("value").GetDecimal(), item.GetProperty("standing").GetString(), item.GetProperty("standingLabel").GetString()));
        var one = await coordinator.GetFromJsonAsync<JsonElement>($"/api/targets/{rate}");
        Assert.Equal(12, one.GetProperty("trend").GetArrayLength());
        Assert.Equal(tasks[2], one.GetProperty("tasks")[0].GetProperty("workItemId").GetInt32());
        using (var badYear = await coordinator.GetAsync("/api/targets?year=1"))
        {
            Assert.Equal(HttpStatusCode.BadRequest, badYear.StatusCode);
        }

        var sheet = TestWorkbooks.Sheets(await coordinator.GetByteArrayAsync("/Plans/Targets?handler=Export&year=2018&q=nhiem+vu+theo+ke+hoach")).First().Value;
        var row = sheet.Single(r => r.Contains(Rate));
        Assert.Contains("trên 90%", row);
        Assert.Contains("Chưa đạt", row);
        Assert.Contains("Còn thiếu 23,4 điểm %", row);
    }
}
