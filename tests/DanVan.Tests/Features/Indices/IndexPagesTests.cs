using System.Globalization;
using System.Net;
using System.Text.Json;
using DanVan.Data;
using DanVan.Domain.Reports;
using DanVan.Features.Indices;
using DanVan.Features.Reports;
using DanVan.Features.Shared;
using DanVan.Infrastructure;
using DanVan.Testing;
using DanVan.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DanVan.Tests.Features.Indices;

/// <summary>
/// Indices over HTTP on the demo province (engine under test): the definitions and Tây Ninh's values with the trend, the
/// form refusing bad input by field and replacing a value with its audit, the Excel round trip refusing a wrong column,
/// a wrong type, a duplicate and a formula by row and column with nothing saved, antiforgery, 403s, the API, and the
/// ward's six-month report pre-filling SIPAS from its self-assessed value.
/// </summary>
public sealed class IndexPagesTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static readonly int ThisYear = VietnamClock.Today(TimeProvider.System).Year;

    private static string S(int n) => n.ToString(CultureInfo.InvariantCulture);

    private async Task<int> CountAsync(string code, int unitId)
    {
        await using var db = app.Database.CreateContext();
        return await db.IndexValues.CountAsync(v => v.IndexCode == code && v.UnitId == unitId);
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string url, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = await AppFixture.TokenAsync(client);
        return await client.PostAsync(url, new FormUrlEncodedContent(fields));
    }

    [Fact]
    public async Task TheList_ShowsTheSevenIndices_AndTayNinhsSipasByYear_WithItsTrend_AndExportsIt()
    {
        var coordinator = await app.As("dieuphoi");
        var list = WebUtility.HtmlDecode(await coordinator.GetStringAsync("/Indices"));
        foreach (var code in new[] { "SIPAS", "PAR INDEX", "PAPI", "PCI", "DTI", "DDCI", "QD766" })
        {
            Assert.Contains($">{code}</a>", list, StringComparison.Ordinal);
        }

        Assert.Contains("Quyết định số 766/QĐ-TTg ngày 23/6/2022", list, StringComparison.Ordinal);
        Assert.Contains("Số hóa hồ sơ (22 điểm)", list, StringComparison.Ordinal);
        Assert.Contains("Chưa xác nhận", list, StringComparison.Ordinal);

        var province = await app.UnitIdAsync("80");
        var sipas = WebUtility.HtmlDecode(await coordinator.GetStringAsync($"/Indices?code=SIPAS&unit={province}"));
        Assert.Contains("data-testid=\"index-trend\"", sipas, StringComparison.Ordinal);
        Assert.Contains($"{S(ThisYear - 1)}: <strong>85,6 %</strong>", sipas, StringComparison.Ordinal);   // the average of its five elements
        Assert.Contains($"{S(ThisYear - 3)}: <strong>82,9 %</strong>", sipas, StringComparison.Ordinal);
        Assert.Contains("Phường Tân Ninh", sipas, StringComparison.Ordinal);                                // the ward's self-assessment, read by the province

        var sorted = WebUtility.HtmlDecode(await coordinator.GetStringAsync("/Indices?code=SIPAS&sort=thap&q=tay+ninh"));
        Assert.True(sorted.IndexOf("82,9", StringComparison.Ordinal) < sorted.IndexOf("85,6", StringComparison.Ordinal));

        var export = await coordinator.GetByteArrayAsync("/Indices?handler=Export&code=SIPAS");
        var rows = TestWorkbooks.Sheets(export).First().Value;
        Assert.Contains("Tiếp cận dịch vụ", rows[0]);
        Assert.Contains(rows, r => r.Contains("80") && r.Contains(S(ThisYear - 1)));

        using var odd = await coordinator.GetAsync("/Indices?code=SIPAS&year=-1&page=-1&sort=xyz&source=9&unit=-1&q=%C3%A0%27%22");
        Assert.Equal(HttpStatusCode.OK, odd.StatusCode);
        using var unknown = await coordinator.GetAsync("/Indices?code=KHONG_CO");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task TheForm_RefusesAValueOutsideTheScaleAndAWrongYear_ByField_ThenSaves_AndReenteringReplacesWithAudit()
    {
        var coordinator = await app.As("dieuphoi");
        var province = await app.UnitIdAsync("80");
        var before = await CountAsync("DDCI", province);
        var fields = new Dictionary<string, string>
        {
            ["Input.UnitId"] = S(province), ["Input.Year"] = S(ThisYear + 1), ["Input.Value"] = "101,5", ["Input.Source"] = "Survey", ["Input.SourceNote"] = "Khảo sát DDCI",
        };
        using (var bad = await PostAsync(coordinator, "/Indices/Enter?code=DDCI", new(fields)))
        {
            var html = WebUtility.HtmlDecode(await bad.Content.ReadAsStringAsync());
            Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
            Assert.Contains("Giá trị 101,5 nằm ngoài thang đo của chỉ số DDCI (từ 0 đến 100 điểm).", html, StringComparison.Ordinal);
            Assert.Contains($"Năm {S(ThisYear + 1)} chưa đến", html, StringComparison.Ordinal);
        }

        using (var word = await PostAsync(coordinator, "/Indices/Enter?code=DDCI", new(fields) { ["Input.Value"] = "tám mươi", ["Input.Year"] = "2014" }))
        {
            var html = WebUtility.HtmlDecode(await word.Content.ReadAsStringAsync());
            Assert.Contains("«tám mươi» không phải số", html, StringComparison.Ordinal);
            Assert.Contains("chỉ số DDCI chỉ có kết quả từ năm 2015", html, StringComparison.Ordinal);
        }

        Assert.Equal(before, await CountAsync("DDCI", province));
        using (var saved = await PostAsync(coordinator, "/Indices/Enter?code=DDCI", new(fields) { ["Input.Value"] = "71,3", ["Input.Year"] = S(ThisYear - 1) }))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        Guid stamp;
        await using (var db = app.Database.CreateContext())
        {
            var row = await db.IndexValues.SingleAsync(v => v.IndexCode == "DDCI" && v.UnitId == province && v.Year == ThisYear - 1);
            Assert.Equal(71.3, row.Value, 6);
            Assert.Equal("dieuphoi", row.EnteredByUserName);
            stamp = row.ConcurrencyStamp;
        }

        // Entered again without the stamp of the value shown: refused as stale; with it: replaced, the audit keeps 71.3.
        using (var stale = await PostAsync(coordinator, "/Indices/Enter?code=DDCI", new(fields) { ["Input.Value"] = "72", ["Input.Year"] = S(ThisYear - 1) }))
        {
            Assert.Contains("vừa được người khác ghi hoặc thay đổi", WebUtility.HtmlDecode(await stale.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        }

        var form = WebUtility.HtmlDecode(await coordinator.GetStringAsync($"/Indices/Enter?code=DDCI&unit={province}&year={ThisYear - 1}"));
        Assert.Contains("Đơn vị đã có kết quả năm", form, StringComparison.Ordinal);
        using (var replaced = await PostAsync(coordinator, "/Indices/Enter?code=DDCI", new(fields) { ["Input.Value"] = "72", ["Input.Year"] = S(ThisYear - 1), ["Stamp"] = stamp.ToString() }))
        {
            Assert.Equal(HttpStatusCode.Redirect, replaced.StatusCode);
        }

        await using (var db = app.Database.CreateContext())
        {
            Assert.Equal(72, (await db.IndexValues.SingleAsync(v => v.IndexCode == "DDCI" && v.UnitId == province && v.Year == ThisYear - 1)).Value, 6);
            var audit = await db.AuditEntries.Where(a => a.EntityType == "IndexValue" && a.UnitId == province).OrderByDescending(a => a.Id).FirstAsync();
            Assert.Contains("71.3", audit.Changes, StringComparison.Ordinal);
            Assert.Contains("72", audit.Changes, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task AWard_EntersOnlyItsOwnSelfAssessment_OthersGet403_AndAPostWithoutTokenIsRefused()
    {
        var officer = await app.As("canbo");
        var ward = await app.UnitIdAsync("25459");
        var province = await app.UnitIdAsync("80");
        var fields = new Dictionary<string, string> { ["Input.UnitId"] = S(ward), ["Input.Year"] = S(ThisYear), ["Input.Value"] = "80", ["Input.Source"] = "Published" };
        using (var forged = await officer.PostAsync("/Indices/Enter?code=QD766", new FormUrlEncodedContent(fields)))
        {
            Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        }

        using (var published = await PostAsync(officer, "/Indices/Enter?code=QD766", new(fields)))
        {
            Assert.Contains("Đơn vị chỉ ghi kết quả tự đánh giá của mình", WebUtility.HtmlDecode(await published.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        }

        Assert.Equal(0, await CountAsync("QD766", ward));
        using (var own = await PostAsync(officer, "/Indices/Enter?code=QD766", new(fields) { ["Input.Source"] = "SelfAssessed", ["Input.UnitId"] = S(province) })) // the unit field is its own
        {
            Assert.Equal(HttpStatusCode.Redirect, own.StatusCode);
        }

        Assert.Equal(1, await CountAsync("QD766", ward));
        await using (var db = app.Database.CreateContext())
        {
            var commands = new IndexCommands(db, TimeProvider.System);
            var scope = (await CurrentUser.LoadScopeAsync(db, await db.Users.Where(u => u.UserName == "canbo").Select(u => u.Id).SingleAsync(), default))!;
            var forProvince = await commands.EnterAsync(scope, "SIPAS", new IndexValueInput { UnitId = province, Year = ThisYear, Value = "90", Source = DanVan.Domain.Indices.IndexValueSource.SelfAssessed }, Guid.Empty);
            Assert.Equal(ResultStatus.Forbidden, forProvince.Status);
        }

        foreach (var user in new[] { "xem", "thamdinh" })
        {
            var client = await app.As(user);
            using var page = await client.GetAsync("/Indices/Enter?code=SIPAS");
            Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
            using var post = await PostAsync(client, "/Indices/Enter?code=SIPAS", new(fields) { ["Input.Source"] = "SelfAssessed" });
            Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
            using var template = await client.GetAsync("/Indices?handler=Template&code=SIPAS");
            Assert.Equal(HttpStatusCode.Forbidden, template.StatusCode);
        }
    }

    private static readonly object?[] Header = ["Mã đơn vị", "Tên đơn vị", "Năm", "Giá trị", "Công khai, minh bạch", "Tiến độ, kết quả giải quyết", "Số hóa hồ sơ", "Cung cấp dịch vụ trực tuyến", "Mức độ hài lòng", "Nguồn", "Ghi chú nguồn"];

    private static Task<HttpResponseMessage> ImportAsync(HttpClient client, byte[] xlsx) =>
        AppFixture.PostFilesAsync(client, "/Indices?handler=Import&code=QD766", new Dictionary<string, string>(), ("Upload", "chi-so.xlsx", xlsx));

    [Fact]
    public async Task TheExcelRoundTrip_RefusesAWrongColumn_AWrongType_ADuplicate_AndAFormula_ByRowAndColumn_SavingNothing_ThenSavesAll()
    {
        var coordinator = await app.As("dieuphoi");
        var template = TestWorkbooks.Sheets(await coordinator.GetByteArrayAsync($"/Indices?handler=Template&code=QD766&year={ThisYear - 1}"));
        Assert.Equal(Header.Cast<string>(), template.First().Value[0]);
        Assert.Contains(template.First().Value, r => r.Contains("80") && r.Contains("85.8")); // the province's demo value comes back pre-filled
        var guide = string.Join("|", template["Hướng dẫn"].SelectMany(r => r));
        Assert.Contains("Kết quả công bố", guide, StringComparison.Ordinal);
        Assert.Contains("80.SNV", guide, StringComparison.Ordinal);

        var province = await app.UnitIdAsync("80");
        var department = await app.UnitIdAsync("80.STP");
        var before = (await CountAsync("QD766", province), await CountAsync("QD766", department));

        var renamed = Header.ToArray();
        renamed[3] = "Điểm";
        using (var wrongColumn = await ImportAsync(coordinator, TestWorkbooks.Filled(renamed, ["80", null, ThisYear - 2, 80.5, null, null, null, null, null, "Kết quả công bố", null])))
        {
            Assert.Contains("Cột D phải là «Giá trị», không phải «Điểm».", WebUtility.HtmlDecode(await wrongColumn.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        }

        object?[] good = ["80", "Tỉnh Tây Ninh", ThisYear - 2, null, 14.5, 16.0, 18.25, 19.0, 14.0, "Kết quả công bố", "Cổng DVC quốc gia"];
        object?[] wrongType = ["80.STP", null, ThisYear - 1, "tám mươi", null, null, null, null, null, "Kết quả công bố", null];
        object?[] duplicate = ["80", null, ThisYear - 2, 70.0, null, null, null, null, null, "Kết quả công bố", null];
        object?[] formula = ["80.STP", null, ThisYear - 2, new TestWorkbooks.Formula("SUM(E5:I5)", 81), null, null, null, null, null, "Tự đánh giá", null];
        object?[] outside = ["80.SNV", null, ThisYear - 1, 77.0, 19.0, null, null, null, null, "Kết quả công bố", null];
        using (var refused = await ImportAsync(coordinator, TestWorkbooks.Filled(Header, good, wrongType, duplicate, formula, outside)))
        {
            var html = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            Assert.Contains("Chưa nhập được tệp: không dòng nào được lưu.", html, StringComparison.Ordinal);
            Assert.Contains("Dòng 3, cột «Giá trị»: «tám mươi» không phải số", html, StringComparison.Ordinal);
            Assert.Contains("Dòng 4 trùng với dòng 2", html, StringComparison.Ordinal);
            Assert.Contains("Dòng 5, cột «Giá trị»: ô chứa công thức", html, StringComparison.Ordinal);
            Assert.Contains("Dòng 6, cột «Công khai, minh bạch»: Thành phần «Công khai, minh bạch»: 19 nằm ngoài khoảng cho phép (từ 0 đến 18 điểm).", html, StringComparison.Ordinal);
            Assert.DoesNotContain("Dòng 2,", html, StringComparison.Ordinal);
        }

        Assert.Equal(before, (await CountAsync("QD766", province), await CountAsync("QD766", department))); // the good row was not kept either

        object?[] fixedType = ["80.STP", null, ThisYear - 1, 80.0, null, null, null, null, null, "Tự đánh giá", null];
        var file = TestWorkbooks.Filled(Header, good, fixedType);
        using (var saved = await ImportAsync(coordinator, file))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        await using (var db = app.Database.CreateContext())
        {
            var total = await db.IndexValues.SingleAsync(v => v.IndexCode == "QD766" && v.ComponentCode == "" && v.UnitId == province && v.Year == ThisYear - 2);
            Assert.Equal(81.75, total.Value, 6); // the sum of the five groups
            Assert.Equal(5, await db.IndexValues.CountAsync(v => v.IndexCode == "QD766" && v.ComponentCode != "" && v.UnitId == province && v.Year == ThisYear - 2));
        }

        var after = (await CountAsync("QD766", province), await CountAsync("QD766", department));
        using (var again = await ImportAsync(coordinator, file))
        {
            Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        }

        Assert.Equal(after, (await CountAsync("QD766", province), await CountAsync("QD766", department))); // nothing new: skipped

        // A ward's file naming another unit, or a published value: refused by row.
        var officer = await app.As("canbo");
        using var foreign = await ImportAsync(officer, TestWorkbooks.Filled(Header, ["80.STP", null, ThisYear, 50.0, null, null, null, null, null, "Tự đánh giá", null],
            ["25459", null, ThisYear, 50.0, null, null, null, null, null, "Kết quả công bố", null]));
        var refusedHtml = WebUtility.HtmlDecode(await foreign.Content.ReadAsStringAsync());
        Assert.Contains("Dòng 2, cột «Mã đơn vị»: không có đơn vị mã «80.STP» trong phạm vi của bạn", refusedHtml, StringComparison.Ordinal);
        Assert.Contains("Dòng 3: Đơn vị chỉ ghi kết quả tự đánh giá của mình", refusedHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheApi_ListsTheDefinitions_AndTheValuesTheUserMayRead()
    {
        var officer = await app.As("canbo");
        using var definitions = JsonDocument.Parse(await officer.GetStringAsync("/api/indices"));
        var sipas = definitions.RootElement.EnumerateArray().Single(i => i.GetProperty("code").GetString() == "SIPAS");
        Assert.Equal("chi-so-sipas", sipas.GetProperty("measure").GetString());
        Assert.Equal(5, sipas.GetProperty("components").GetArrayLength());

        var province = await app.UnitIdAsync("80");
        using var values = JsonDocument.Parse(await officer.GetStringAsync($"/api/indices/SIPAS/values?unitId={province}"));
        Assert.True(values.RootElement.GetProperty("totalCount").GetInt32() >= 3); // the ward reads its province's published SIPAS
        var last = values.RootElement.GetProperty("items").EnumerateArray().First();
        Assert.Equal(ThisYear - 1, last.GetProperty("year").GetInt32());
        Assert.Equal(5, last.GetProperty("components").EnumerateObject().Count());

        var other = await app.UnitIdAsync("80.STP");
        using var hidden = JsonDocument.Parse(await officer.GetStringAsync($"/api/indices/SIPAS/values?unitId={other}"));
        Assert.Equal(0, hidden.RootElement.GetProperty("totalCount").GetInt32());
        using var unknown = await officer.GetAsync("/api/indices/KHONG/values");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task TheWardsSixMonthReport_PrefillsSipasFromItsSelfAssessment_WithProvenance_AndLeavesUnitsWithoutOneBlank()
    {
        var ward = await app.UnitIdAsync("25459");
        using var scope = app.Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var measures = scope.ServiceProvider.GetRequiredService<MeasureRegistry>();
        var other = await db.OrgUnits.Where(u => u.Kind == DanVan.Domain.Units.OrgUnitKind.Ward && u.Id != ward && u.AncestorPath.StartsWith("/")).Select(u => u.Id).FirstAsync();
        var figures = await measures.ComputeAsync(IndexMeasures.Sipas, [ward, other], new DateOnly(ThisYear, 1, 1), new DateOnly(ThisYear, 6, 30), default);
        Assert.False(figures.ContainsKey(other));
        Assert.Equal(86.4, figures[ward].Value, 6);

        var regime = await db.ReportRegimes.SingleAsync(r => r.Code == DefaultRegime.Code);
        Assert.Equal(IndexMeasures.Sipas, (await db.ReportIndicators.SingleAsync(i => i.RegimeId == regime.Id && i.Code == "SIPAS")).MeasureCode);
        var coordinator = (await CurrentUser.LoadScopeAsync(db, await db.Users.Where(u => u.UserName == "dieuphoi").Select(u => u.Id).SingleAsync(), default))!;
        var opened = await scope.ServiceProvider.GetRequiredService<ReportCommands>()
            .OpenAsync(coordinator, new OpenPeriodCommand(regime.Id, ReportPeriodKind.FirstHalf, ThisYear, DueOn: new DateOnly(ThisYear, 12, 30)));
        Assert.True(opened.IsOk, string.Join(" ", opened.Errors.SelectMany(e => e.Value)));
        var sipas = await db.ReportIndicators.Where(i => i.RegimeId == regime.Id && i.Code == "SIPAS").Select(i => i.Id).SingleAsync();
        var slot = await db.ReportSubmissions.SingleAsync(s => s.PeriodId == opened.Value!.Id && s.UnitId == ward);
        var value = await db.ReportValues.SingleAsync(v => v.SubmissionId == slot.Id && v.IndicatorId == sipas);
        Assert.Equal(ValueSource.Prefilled, value.Source);
        Assert.Equal(86.4, value.Value!.Value, 6);
        Assert.Equal($"Theo dõi trên DanVan (chỉ số): SIPAS năm {S(ThisYear)} của Phường Tân Ninh = 86,4 % (nguồn: tự đánh giá — Phiếu khảo sát tại Bộ phận một cửa phường, 320 phiếu (số liệu minh họa)).", value.Provenance);

        // A ward without a SIPAS value has no figure typed for it (not 0), so the province's average counts only those who have one.
        var others = await db.ReportSubmissions.Where(s => s.PeriodId == opened.Value!.Id && s.UnitId != ward).Select(s => s.Id).ToListAsync();
        Assert.NotEmpty(others);
        Assert.False(await db.ReportValues.AnyAsync(v => others.Contains(v.SubmissionId) && v.IndicatorId == sipas));
    }
}
