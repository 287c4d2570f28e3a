using DanVan.Domain.Democracy;
using DanVan.Features.Democracy;
using DanVan.Infrastructure;
using DanVan.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace DanVan.BrowserTests;

/// <summary>The app on a clock the test moves: 05/01/2027 08:00 in Việt Nam, just after the 2026 register's review date.</summary>
public sealed class DemocracyFixture : BrowserFixture
{
    public FakeClock FakeClock { get; } = new(new DateTimeOffset(2027, 1, 5, 1, 0, 0, TimeSpan.Zero));

    protected override TimeProvider? Clock => FakeClock;
}

/// <summary>
/// Issue 18's disclosure and vote path in a real browser: Phường Tân Ninh brings its 2026 disclosure register up to date
/// from the Excel template (a bad row first refused with its message, nothing saved, then accepted), the item it still
/// has not disclosed stays flagged and reaches its digest; a community meeting passes a contribution with two thirds and
/// another falls short at 60 %; the minutes reopen as Word.
/// </summary>
public class DemocracyTests(DemocracyFixture fx) : IClassFixture<DemocracyFixture>
{
    private static async void AcceptDialog(object? sender, IDialog dialog) => await dialog.AcceptAsync();

    private static string TempFile(string name, byte[] content)
    {
        var folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "danvan-upload-" + Guid.NewGuid().ToString("N")));
        var path = Path.Combine(folder.FullName, name);
        File.WriteAllBytes(path, content);
        return path;
    }

    private static byte[] Workbook(params IReadOnlyList<object?>[] rows)
    {
        using var stream = new MemoryStream();
        XlsxTable.WriteTemplate(stream, "Công khai năm 2026", DisclosureWorkbook.Columns, rows);
        return stream.ToArray();
    }

    [Fact]
    public async Task AWardCatchesUpItsRegisterFromExcel_TheMissingItemReachesTheDigest_AndTwoVotesAreCounted()
    {
        // The demo's 2026 register of Phường Tân Ninh (what it holds depends on the day the demo was seeded; never items 6, 12, 14).
        int recorded, items;
        using (var scope = fx.App.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<DanVan.Data.AppDbContext>();
            var ward = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(db.OrgUnits, u => u.Code == "25459");
            var rows = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(db.Disclosures.Where(d => d.UnitId == ward.Id && d.Year == 2026));
            recorded = rows.Count;
            items = rows.Select(d => d.ItemCode).Distinct().Count();
            Assert.DoesNotContain(rows, d => d.ItemCode is "XA-06" or "XA-12" or "XA-14");
        }

        var officer = await fx.SignInAsync("canbo");
        await officer.GotoAsync("/Democracy/Disclosures?year=2026");
        await Assertions.Expect(officer.GetByTestId("disclosures-summary")).ToHaveTextAsync($"{items} / 14 nội dung đã công khai; {14 - items} nội dung quá hạn chưa công khai.");

        // The template comes pre-filled with what the register already holds.
        var template = await officer.RunAndWaitForDownloadAsync(() => officer.GetByTestId("disclosures-template").ClickAsync());
        var read = XlsxTable.Read(await File.ReadAllBytesAsync((await template.PathAsync())!), DisclosureWorkbook.Columns, 500);
        Assert.Empty(read.Errors);
        Assert.Equal(recorded, read.Rows.Count);

        // One bad row: the whole file is refused with the row's message, and nothing is saved.
        const string Loans = "Danh sách hộ được vay vốn giảm nghèo năm 2026";
        const string Funds = "Quỹ khuyến học phường năm 2026";
        var bad = Workbook(
            ["XA-06", Loans, new DateOnly(2026, 12, 20), new DateOnly(2027, 1, 19), "Niêm yết; Qua Trưởng thôn, Tổ trưởng tổ dân phố", null, null],
            ["XA-12", Funds, new DateOnly(2026, 12, 22), new DateOnly(2026, 12, 1), "Niêm yết; Hệ thống truyền thanh", 3, null]);
        await officer.GetByText("Nhập từ Excel", new() { Exact = true }).First.ClickAsync();
        await officer.Locator("#Upload").SetInputFilesAsync(TempFile("cong-khai-2026.xlsx", bad));
        await officer.GetByTestId("disclosures-import-form").GetByRole(AriaRole.Button, new() { Name = "Nhập từ Excel" }).ClickAsync();
        // The message names the sheet's own row of the second item (the template has a title above its header).
        var badLine = XlsxTable.Read(bad, DisclosureWorkbook.Columns, 500).Rows[1].Number;
        Assert.True(badLine > 3);
        await Assertions.Expect(officer.GetByTestId("import-report")).ToContainTextAsync($"Dòng {badLine}:");
        await Assertions.Expect(officer.GetByTestId("import-report")).ToContainTextAsync("Ngày kết thúc công khai không thể trước ngày bắt đầu công khai.");
        await fx.ScreenshotAsync(officer, "60-disclosures-import-refused");
        await officer.GotoAsync("/Democracy/Disclosures?year=2026");
        await Assertions.Expect(officer.GetByTestId("disclosures-summary")).ToContainTextAsync($"{items} / 14");

        // Corrected, both rows go in.
        var good = Workbook(
            ["XA-06", Loans, new DateOnly(2026, 12, 20), new DateOnly(2027, 1, 19), "Niêm yết; Qua Trưởng thôn, Tổ trưởng tổ dân phố", null, null],
            ["XA-12", Funds, new DateOnly(2026, 12, 22), new DateOnly(2027, 1, 21), "Niêm yết; Hệ thống truyền thanh", 3, null]);
        await officer.GetByText("Nhập từ Excel", new() { Exact = true }).First.ClickAsync();
        await officer.Locator("#Upload").SetInputFilesAsync(TempFile("cong-khai-2026.xlsx", good));
        await officer.GetByTestId("disclosures-import-form").GetByRole(AriaRole.Button, new() { Name = "Nhập từ Excel" }).ClickAsync();
        await Assertions.Expect(officer.Locator("body")).ToContainTextAsync("Đã nhập 2 nội dung công khai.");
        await Assertions.Expect(officer.GetByTestId("disclosures-summary")).ToHaveTextAsync($"{items + 2} / 14 nội dung đã công khai; {12 - items} nội dung quá hạn chưa công khai.");
        var missing = officer.GetByTestId("disclosure-register").Locator("tr[data-item='XA-14']");
        await Assertions.Expect(missing).ToContainTextAsync("Quá hạn chưa công khai");
        await Assertions.Expect(officer.GetByTestId("disclosure-register").Locator("tr[data-item='XA-12']")).ToContainTextAsync("Đã công khai");
        await fx.ScreenshotAsync(officer, "61-disclosures-register");

        // The item still missing reaches the ward's digest.
        using (var scope = fx.App.Services.CreateScope())
        {
            Assert.True((await scope.ServiceProvider.GetRequiredService<DanVan.Features.FollowUp.DigestJob>().RunAsync(new DateOnly(2027, 1, 5), "browser-test")).Ran);
        }

        await officer.GetByTestId("notifications-link").ClickAsync();
        await Assertions.Expect(officer.Locator("main")).ToContainTextAsync("Công khai năm 2026: Các nội dung khác theo quy định của pháp luật");

        // Khu phố 3 meets twice: a contribution passed with two thirds, another short at 60 %.
        async Task VoteAsync(string matter, string entitled, string present, string yes, string no)
        {
            await officer.GotoAsync("/Democracy/Decisions/Create");
            await officer.GetByLabel("Loại nội dung (Điều 15)").SelectOptionAsync(new SelectOptionValue { Value = "dong-gop-ha-tang" });
            await officer.GetByLabel("Nội dung biểu quyết").FillAsync(matter);
            await officer.GetByLabel("Thôn, tổ dân phố, khu phố").FillAsync("Khu phố 3");
            await officer.GetByLabel("Ngày biểu quyết").FillAsync("04/01/2027");
            await officer.GetByLabel("Tổng số hộ gia đình").FillAsync(entitled);
            await officer.GetByLabel("Số hộ tham dự (trả lời)").FillAsync(present);
            await officer.GetByLabel("Số hộ đồng ý").FillAsync(yes);
            await officer.GetByLabel("Số hộ không đồng ý").FillAsync(no);
            await officer.GetByLabel("Người chủ trì").FillAsync("Võ Văn Hùng, Trưởng khu phố 3");
            await officer.GetByRole(AriaRole.Button, new() { Name = "Ghi kết quả" }).ClickAsync();
        }

        await VoteAsync("Đóng góp nâng cấp đường hẻm 7: 400.000 đồng/hộ", "150", "180", "100", "10");
        await Assertions.Expect(officer.GetByTestId("decision-form")).ToContainTextAsync("Số hộ tham dự (180) không thể lớn hơn tổng số hộ gia đình (150).");
        await VoteAsync("Đóng góp nâng cấp đường hẻm 7: 400.000 đồng/hộ", "150", "130", "100", "10");
        await Assertions.Expect(officer.GetByTestId("decision-outcome")).ToHaveTextAsync("Thông qua: 100/150 hộ đồng ý (66,7%).");
        var docx = await officer.RunAndWaitForDownloadAsync(() => officer.GetByTestId("decision-docx").ClickAsync());
        using (var word = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open((await docx.PathAsync())!, false))
        {
            var text = word.MainDocumentPart!.Document.Body!.InnerText;
            Assert.Contains("Họp cộng đồng dân cư Khu phố 3", text, StringComparison.Ordinal);
            Assert.Contains("Thông qua: 100/150 hộ đồng ý", text, StringComparison.Ordinal);
            Assert.Contains("từ 2/3", text, StringComparison.Ordinal);
        }

        await VoteAsync("Đóng góp lắp đèn chiếu sáng hẻm 9: 250.000 đồng/hộ", "150", "120", "90", "20");
        await Assertions.Expect(officer.GetByTestId("decision-outcome")).ToHaveTextAsync("Không thông qua: 90/150 hộ đồng ý (60,0%).");
        await fx.ScreenshotAsync(officer, "62-decision-rejected");
        await officer.GotoAsync("/Democracy/Decisions?q=khu+pho+3");
        await Assertions.Expect(officer.GetByTestId("decisions-table").Locator("tbody tr")).ToHaveCountAsync(2);
        await officer.Context.CloseAsync();
    }

    [Fact]
    public async Task ABriefingForTheTwoMissing_BringsTheWardTo100Percent_AndTheSixMonthReportCountsIt()
    {
        // The demo briefed nine of Phường Tân Ninh's eleven serving staff on the province's plan 80/KH-UBND.
        var officer = await fx.SignInAsync("canbo");
        await officer.GotoAsync("/Training");
        await officer.GetByRole(AriaRole.Link, new() { Name = "Mức độ quán triệt văn bản" }).ClickAsync();
        await officer.GetByLabel("Văn bản").SelectOptionAsync(new SelectOptionValue { Label = (await officer.GetByLabel("Văn bản").Locator("option", new() { HasText = "80/KH-UBND" }).First.TextContentAsync())!.Trim() });
        await officer.GetByRole(AriaRole.Button, new() { Name = "Xem" }).ClickAsync();
        await Assertions.Expect(officer.GetByTestId("coverage-own-text")).ToHaveTextAsync("9/11 người (81 %)");
        await Assertions.Expect(officer.GetByTestId("coverage-missing")).ToHaveTextAsync("Lý Thị Kim, Trương Văn Đức");
        await fx.ScreenshotAsync(officer, "63-training-coverage-before");

        // A make-up briefing: first with too few attendees for the two ticked (refused, nothing saved), then right.
        await officer.GetByRole(AriaRole.Link, new() { Name = "Ghi nhận buổi quán triệt bổ sung" }).ClickAsync();
        await officer.GetByLabel("Nội dung, chủ đề").FillAsync("Quán triệt bổ sung Kế hoạch 80/KH-UBND cho cán bộ chưa dự");
        await officer.GetByLabel("Ngày tổ chức").FillAsync("05/01/2027");
        await officer.GetByLabel("Số lượt người tham dự").FillAsync("1");
        await officer.GetByLabel("Lý Thị Kim").CheckAsync();
        await officer.GetByLabel("Trương Văn Đức").CheckAsync();
        await officer.GetByRole(AriaRole.Button, new() { Name = "Ghi nhận", Exact = true }).ClickAsync();
        await Assertions.Expect(officer.GetByTestId("session-form")).ToContainTextAsync("Số lượt người tham dự (1) không thể ít hơn số cán bộ của đơn vị được đánh dấu có mặt (2).");
        await Assertions.Expect(officer.GetByLabel("Lý Thị Kim")).ToBeCheckedAsync(); // what was ticked stays ticked
        await officer.GetByLabel("Số lượt người tham dự").FillAsync("2");
        await officer.GetByRole(AriaRole.Button, new() { Name = "Ghi nhận", Exact = true }).ClickAsync();
        await Assertions.Expect(officer.GetByTestId("session-documents")).ToContainTextAsync("11/11 người (100 %)");
        await Assertions.Expect(officer.GetByTestId("session-present")).ToHaveTextAsync("Lý Thị Kim, Trương Văn Đức");
        await officer.GetByTestId("session-documents").GetByRole(AriaRole.Link, new() { Name = "11/11 người (100 %)" }).ClickAsync();
        await Assertions.Expect(officer.GetByTestId("coverage-own")).ToContainTextAsync("Đạt 100 %");
        await Assertions.Expect(officer.GetByTestId("coverage-missing")).ToHaveCountAsync(0);
        await fx.ScreenshotAsync(officer, "64-training-coverage-100");

        // The ward's self-assessed SIPAS of 2027 (its January survey): a value outside the scale is refused, then the right one kept.
        await officer.GotoAsync("/Indices/Enter?code=SIPAS&year=2027");
        await officer.GetByLabel("Giá trị (%)").FillAsync("120");
        await officer.GetByRole(AriaRole.Button, new() { Name = "Lưu kết quả" }).ClickAsync();
        await Assertions.Expect(officer.GetByTestId("index-form")).ToContainTextAsync("Giá trị 120 nằm ngoài thang đo của chỉ số SIPAS");
        await officer.GetByLabel("Giá trị (%)").FillAsync("87,5");
        await officer.GetByLabel("Ghi chú nguồn (cơ quan công bố, thời điểm, số phiếu…)").FillAsync("Phiếu khảo sát tại bộ phận một cửa, tháng 01/2027");
        await officer.GetByRole(AriaRole.Button, new() { Name = "Lưu kết quả" }).ClickAsync();
        await Assertions.Expect(officer.GetByText("Đã ghi SIPAS năm 2027")).ToBeVisibleAsync();

        // The six-month report of 2027 counts the session and its attendees, saying where they come from.
        var coordinator = await fx.SignInAsync("dieuphoi");
        await coordinator.GotoAsync("/Reports");
        var open = coordinator.GetByTestId("open-period");
        await open.GetByLabel("Kỳ").SelectOptionAsync(new SelectOptionValue { Label = "6 tháng đầu năm" });
        await open.GetByLabel("Năm").FillAsync("2027");
        await open.GetByRole(AriaRole.Button, new() { Name = "Mở kỳ báo cáo" }).ClickAsync();
        await Assertions.Expect(coordinator.GetByTestId("period-title")).ToHaveTextAsync("Kỳ báo cáo 6 tháng đầu năm 2027");
        await officer.GotoAsync("/Reports");
        await officer.GetByTestId("my-reports").Locator("tr", new() { HasText = "6 tháng đầu năm 2027" }).GetByRole(AriaRole.Link).ClickAsync();
        foreach (var (code, value) in new[] { ("TT_CUOC", "1"), ("TT_LUOT", "2") })
        {
            var row = officer.Locator("tr", new() { Has = officer.Locator($"input[data-code='{code}']") });
            await Assertions.Expect(row.Locator($"input[data-code='{code}']")).ToHaveValueAsync(value);
            await Assertions.Expect(row).ToContainTextAsync("Theo dõi trên DanVan (sổ tuyên truyền, tập huấn):");
        }

        // Every figure of the default regime typed into the report is pre-filled from a register; SIPAS from the ward's self-assessed value of the year (indices, ADR-027).
        var codes = await officer.Locator("input[data-code]").EvaluateAllAsync<string[]>("els => els.map(e => e.dataset.code)");
        var byHand = new List<string>();
        foreach (var code in codes)
        {
            var row = officer.Locator("tr", new() { Has = officer.Locator($"input[data-code='{code}']") });
            if (!(await row.InnerTextAsync()).Contains("Theo dõi trên DanVan", StringComparison.Ordinal))
            {
                byHand.Add(code);
            }
        }

        Assert.Equal(24, codes.Length - byHand.Count);
        Assert.Empty(byHand);
        await Assertions.Expect(officer.Locator("input[data-code='SIPAS']")).ToHaveValueAsync("87,5");
        await fx.ScreenshotAsync(officer, "65-training-report-prefilled");
        await officer.Context.CloseAsync();
        await coordinator.Context.CloseAsync();
    }

    [Fact]
    public async Task TheWardsTargetOnCasesOnTime_ShowsItsMeasuredValueAndGap_AndReachesTheCoordinatorsHome()
    {
        // Phường Tân Ninh adopts the province's plan for 2027; the target "trên 90% hồ sơ… đúng hạn" comes with its measure.
        var officer = await fx.SignInAsync("canbo");
        await officer.GotoAsync("/Plans/ToAdopt");
        await officer.GetByTestId("to-adopt").Locator("tr", new() { HasText = "80/KH-UBND" }).GetByRole(AriaRole.Link, new() { Name = "Xây dựng kế hoạch" }).ClickAsync();
        await officer.GetByLabel("Số, ký hiệu").FillAsync($"{DanVan.Testing.UniqueNumber.Next()}/KH-UBND");
        await officer.GetByLabel("Ngày ban hành").FillAsync("05/01/2027");
        await officer.GetByLabel("Trích yếu").FillAsync("Thực hiện công tác dân vận chính quyền năm 2027");
        await officer.GetByRole(AriaRole.Button, new() { Name = "Ban hành kế hoạch của đơn vị" }).ClickAsync();
        var target = officer.GetByTestId("plan-targets").Locator("tr", new() { HasText = "hồ sơ, đơn thư thuộc thẩm quyền" });
        await Assertions.Expect(target).ToContainTextAsync("Chưa có số liệu"); // nothing resolved yet in 2027
        await target.GetByRole(AriaRole.Link, new() { Name = "Chưa có số liệu" }).ClickAsync();
        await Assertions.Expect(officer.GetByTestId("target-title")).ToHaveTextAsync("Trên 90% hồ sơ, đơn thư thuộc thẩm quyền được giải quyết đúng hạn");
        var targetUrl = officer.Url;

        // The ward settles the complaint it let run past its deadline: late.
        int caseId;
        using (var scope = fx.App.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<DanVan.Data.AppDbContext>();
            caseId = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(
                db.Cases.Where(c => c.Summary.StartsWith("Khiếu nại mức bồi thường khi thu hồi đất")).Select(c => c.Id));
        }

        await officer.GotoAsync($"/Cases/Details/{caseId}");
        await officer.GetByLabel("Việc", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Ban hành kết quả giải quyết" });
        await officer.GetByLabel("Lý do, căn cứ, nội dung").FillAsync("Quyết định giải quyết khiếu nại lần đầu số 02/QĐ-UBND.");
        await officer.GetByRole(AriaRole.Button, new() { Name = "Ghi bước" }).ClickAsync();
        await Assertions.Expect(officer.GetByTestId("case-state")).ToHaveTextAsync("Đã giải quyết");
        await Assertions.Expect(officer.GetByText("Kết thúc ngày 05/01/2027 — quá hạn")).ToBeVisibleAsync();

        // The target now reads 0 of 1 on time: its value, its gap, where the figures come from.
        await officer.GotoAsync(targetUrl);
        await Assertions.Expect(officer.GetByTestId("target-value")).ToHaveTextAsync("0%");
        await Assertions.Expect(officer.GetByTestId("target-level")).ToHaveTextAsync("trên 90%");
        await Assertions.Expect(officer.GetByTestId("target-gap")).ToHaveTextAsync("Còn thiếu 90 điểm %");
        await Assertions.Expect(officer.GetByTestId("target-standing")).ToHaveTextAsync("Chưa đạt");
        await Assertions.Expect(officer.GetByTestId("target-provenance")).ToContainTextAsync("đơn thuộc thẩm quyền giải quyết đúng hạn trong kỳ 0 ÷ đơn thuộc thẩm quyền đã giải quyết trong kỳ 1 — Phường Tân Ninh, 01/01/2027–05/01/2027.");
        await Assertions.Expect(officer.GetByTestId("target-trend")).ToBeVisibleAsync();
        await fx.ScreenshotAsync(officer, "66-target-value-and-gap");

        // The Sở Nội vụ sees it among the province's targets off track, on its home page.
        var coordinator = await fx.SignInAsync("dieuphoi");
        var offTrack = coordinator.GetByTestId("home-targets-off-track");
        await Assertions.Expect(offTrack.Locator("tr", new() { HasText = "Phường Tân Ninh" })).ToContainTextAsync("Còn thiếu 90 điểm %");
        await fx.ScreenshotAsync(coordinator, "67-home-targets-off-track");
        await offTrack.GetByRole(AriaRole.Link, new() { Name = "Xem tất cả" }).ClickAsync();
        await Assertions.Expect(coordinator.GetByTestId("targets-table")).ToContainTextAsync("Trên 90% hồ sơ, đơn thư thuộc thẩm quyền được giải quyết đúng hạn");
        await officer.Context.CloseAsync();
        await coordinator.Context.CloseAsync();
    }
}
