using DanVan.Domain.Scoring;
using DanVan.Testing;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.Playwright;

namespace DanVan.BrowserTests;

/// <summary>The app on a clock the test moves: 02/11/2026 08:00 in Việt Nam at the start.</summary>
public sealed class ScoringFixture : BrowserFixture
{
    public FakeClock FakeClock { get; } = new(new DateTimeOffset(2026, 11, 2, 1, 0, 0, TimeSpan.Zero));

    protected override TimeProvider? Clock => FakeClock;
}

/// <summary>
/// Issue 16's done means in a real browser: the coordinator opens 2026's assessment on Tây Ninh's framework; Phường
/// Tân Ninh and Sở Tư pháp find their task line measured from the task they did in the test, complete the rest with
/// evidence and submit; the reviewer lowers one sub-criterion with a reason; the ward objects, the coordinator keeps
/// the change; the ranking shows both with grades; the Quyết định DOCX and annex XLSX reopen with the totals; the best
/// ward is proposed for a Bằng khen and a second Bằng khen for it the same year is refused.
/// </summary>
public class ScoringTests(ScoringFixture fx) : IClassFixture<ScoringFixture>
{
    private static readonly string[] Entered = ["TC1.1", "TC2.3", "TC3.1", "TC4.1", "TC4.2", "TC5.3", "TC6.3"];

    [Fact]
    public async Task OpenMeasureFillSubmitAppraiseObjectDecidePublishRankPropose()
    {
        var suffix = Guid.NewGuid().ToString("N")[..4];
        var wardTask = "Tổ chức hội nghị tuyên truyền Luật Thực hiện dân chủ ở cơ sở " + suffix;
        var deptTask = "Rà soát thủ tục hành chính lĩnh vực tư pháp " + suffix;

        // 02/11: the Sở Nội vụ assigns a task to the ward and one to the department; both report it done, it is confirmed.
        var coordinator = await fx.SignInAsync("dieuphoi");
        var wardTaskUrl = await AssignAsync(coordinator, wardTask, "phuong tan ninh", "Phường Tân Ninh");
        var deptTaskUrl = await AssignAsync(coordinator, deptTask, "so tu phap", "Sở Tư pháp tỉnh Tây Ninh");
        var ward = await fx.SignInAsync("canbo");
        var dept = await fx.SignInAsync("lanhdao");
        await ReportDoneAsync(ward, wardTaskUrl);
        await ReportDoneAsync(dept, deptTaskUrl);
        foreach (var url in new[] { wardTaskUrl, deptTaskUrl })
        {
            await coordinator.GotoAsync(url);
            await coordinator.GetByRole(AriaRole.Button, new() { Name = "Xác nhận hoàn thành" }).ClickAsync();
            await Assertions.Expect(coordinator.GetByTestId("task-state")).ToHaveTextAsync("Hoàn thành đúng hạn");
        }

        // The coordinator opens the year's round on Tây Ninh's framework: a bad deadline first, every error at once.
        await coordinator.GotoAsync("/Scoring");
        await coordinator.Locator("#Input_FrameworkId").SelectOptionAsync(new SelectOptionValue { Label = "Tiêu chí đánh giá, chấm điểm công tác dân vận chính quyền tỉnh Tây Ninh (phiên bản 1, từ 01/08/2022)" });
        await coordinator.GetByLabel("Năm đánh giá").FillAsync("2026");
        await coordinator.GetByLabel("Tự đánh giá từ ngày").FillAsync("02/11/2026");
        await coordinator.GetByLabel("Hạn nộp hồ sơ (hết ngày)").FillAsync("31/10/2026");
        await coordinator.GetByLabel("Ngày thẩm định").FillAsync("20/11/2026");
        await coordinator.GetByLabel("Số ngày đơn vị có ý kiến sau thẩm định").FillAsync("5");
        await coordinator.GetByTestId("open-round-submit").ClickAsync();
        await Assertions.Expect(coordinator.GetByTestId("open-round")).ToContainTextAsync("Hạn nộp không thể trước ngày bắt đầu tự đánh giá.");
        await coordinator.GetByLabel("Hạn nộp hồ sơ (hết ngày)").FillAsync("14/11/2026");
        await coordinator.GetByTestId("open-round-submit").ClickAsync();
        await Assertions.Expect(coordinator.GetByTestId("round-progress")).ToContainTextAsync("Đã nộp hồ sơ: 0/");
        var roundUrl = new Uri(coordinator.Url).AbsolutePath;
        var roundId = roundUrl.Split('/').Last();
        await fx.ScreenshotAsync(coordinator, "40-scoring-round-opened");

        // The ward and the department find the task line measured, with the task behind it.
        foreach (var (page, task) in new[] { (ward, wardTask), (dept, deptTask) })
        {
            await page.GotoAsync("/Scoring");
            await page.GetByTestId("own-sheet-2026").ClickAsync();
            await Assertions.Expect(page.GetByTestId("provenance-TC1.2")).ToContainTextAsync("hạn nhiệm vụ hoàn thành đúng hạn");
            await page.GetByTestId("records-TC1.2").ClickAsync();
            await Assertions.Expect(page.GetByTestId("line-TC1.2")).ToContainTextAsync(task);
            await Assertions.Expect(page.GetByTestId("line-TC1.2")).ToContainTextAsync("Hoàn thành đúng hạn");
            Assert.NotEqual("—", await page.GetByTestId("self-TC1.2").InnerTextAsync());
        }

        await fx.ScreenshotAsync(ward, "41-scoring-sheet-measured");

        // Out-of-range points are refused with their reason, nothing saved.
        await ward.GetByTestId("input-TC4.1").FillAsync("16");
        await ward.GetByTestId("sheet-save").ClickAsync();
        await Assertions.Expect(ward.GetByTestId("sheet-errors")).ToContainTextAsync("TC4.1: điểm phải từ 0 đến 15.");

        var wardSheet = await FillAndSubmitAsync(ward, "Phường đã ban hành kế hoạch, tổ chức hội nghị và đối thoại theo quy định.");
        var deptSheet = await FillAndSubmitAsync(dept, "Sở đã ban hành kế hoạch, thực hiện quy chế phối hợp và cải cách hành chính.");
        await Assertions.Expect(ward.GetByTestId("sheet-state")).ToHaveTextAsync("Đã nộp, chờ thẩm định");
        var wardSelf = ScoringRules.TryNumber(await ward.GetByTestId("self-total").InnerTextAsync(), out var ws) ? ws : -1;
        Assert.True(wardSelf >= 49, $"ward self total {wardSelf}: 49 entered points and the measured ones");

        // 20/11: the reviewer lowers TC4.1 of the ward: without a reason refused, then with one.
        fx.FakeClock.Advance(TimeSpan.FromDays(18));
        foreach (var page in new[] { coordinator, ward, dept })
        {
            await page.Context.CloseAsync();
        }

        var reviewer = await fx.SignInAsync("thamdinh");
        await reviewer.GotoAsync(wardSheet);
        await reviewer.GetByTestId("appraise-TC4.1").FillAsync("12");
        await reviewer.GetByTestId("sheet-appraise").ClickAsync();
        await Assertions.Expect(reviewer.GetByTestId("sheet-errors")).ToContainTextAsync("TC4.1: thay đổi điểm (15 → 12) phải ghi lý do.");
        await Assertions.Expect(reviewer.GetByTestId("sheet-state")).ToHaveTextAsync("Đã nộp, chờ thẩm định");
        await reviewer.GetByTestId("appraise-TC4.1").FillAsync("12");
        await reviewer.GetByTestId("reason-TC4.1").FillAsync("Chỉ số cải cách hành chính của phường chưa đạt mục tiêu của tỉnh.");
        await reviewer.GetByTestId("sheet-appraise").ClickAsync();
        await Assertions.Expect(reviewer.GetByTestId("appraised-TC4.1")).ToContainTextAsync("12 (thay đổi)");
        await reviewer.GotoAsync(deptSheet);
        await reviewer.GetByTestId("sheet-appraise").ClickAsync();
        await Assertions.Expect(reviewer.GetByTestId("sheet-state")).ToHaveTextAsync("Đã thẩm định");

        // 21/11: the ward sees the change and objects once; the coordinator keeps the change.
        fx.FakeClock.Advance(TimeSpan.FromDays(1));
        await reviewer.Context.CloseAsync();
        ward = await fx.SignInAsync("canbo");
        ward.Dialog += AcceptDialog;
        await ward.GotoAsync(wardSheet);
        await Assertions.Expect(ward.GetByTestId("reason-text-TC4.1")).ToContainTextAsync("chưa đạt mục tiêu");
        await ward.GetByTestId("objection-text").FillAsync("Đề nghị giữ 15 điểm: phường đạt 98% hồ sơ đúng hạn.");
        await ward.GetByTestId("sheet-object").ClickAsync();
        await Assertions.Expect(ward.GetByTestId("sheet-state")).ToHaveTextAsync("Đơn vị có ý kiến");
        await Assertions.Expect(ward.GetByTestId("sheet-object")).ToHaveCountAsync(0);
        coordinator = await fx.SignInAsync("dieuphoi");
        coordinator.Dialog += AcceptDialog;
        await coordinator.GotoAsync(wardSheet);
        await coordinator.GetByTestId("decision-text").FillAsync("Giữ kết quả thẩm định: chỉ số của tỉnh tính theo cả năm.");
        await coordinator.GetByTestId("sheet-decide").ClickAsync();
        await Assertions.Expect(coordinator.GetByTestId("sheet-state")).ToHaveTextAsync("Đã chốt kết quả");
        var wardFinal = await coordinator.GetByTestId("appraised-total").InnerTextAsync();
        Assert.True(ScoringRules.TryNumber(wardFinal, out var wf) && Math.Abs(wf - (wardSelf - 3)) < 1e-6, $"final {wardFinal}, self {wardSelf}");

        // 26/11, the objection window closed: publish; the ranking shows both with their grades.
        fx.FakeClock.Advance(TimeSpan.FromDays(5));
        await coordinator.Context.CloseAsync();
        await ward.Context.CloseAsync();
        coordinator = await fx.SignInAsync("dieuphoi");
        coordinator.Dialog += AcceptDialog;
        await coordinator.GotoAsync(roundUrl);
        await coordinator.GetByTestId("publish").ClickAsync();
        await Assertions.Expect(coordinator.GetByTestId("ranking-state")).ToHaveTextAsync("Đã công bố");
        var wardId = await fx.UnitIdAsync("25459");
        var deptId = await fx.UnitIdAsync("80.STP");
        await Assertions.Expect(coordinator.GetByTestId($"rank-{wardId}")).ToContainTextAsync(wardFinal);
        var wardGrade = (await coordinator.GetByTestId($"rank-{wardId}").InnerTextAsync()).Split('\t').Last().Trim();
        string[] grades = ["Hoàn thành xuất sắc", "Hoàn thành tốt", "Hoàn thành", "Không hoàn thành"];
        Assert.Contains(wardGrade, grades);
        Assert.Contains((await coordinator.GetByTestId($"rank-{deptId}").InnerTextAsync()).Split('\t').Last().Trim(), grades);
        await fx.ScreenshotAsync(coordinator, "42-scoring-ranking");

        var decision = await coordinator.APIRequest.GetAsync($"/Scoring/Ranking/{roundId}?handler=Decision");
        Assert.True(decision.Ok);
        using (var doc = WordprocessingDocument.Open(new MemoryStream(await decision.BodyAsync()), false))
        {
            var text = doc.MainDocumentPart!.Document.Body!.InnerText;
            Assert.Contains("Công nhận kết quả đánh giá, xếp loại công tác dân vận chính quyền năm 2026", text, StringComparison.Ordinal);
            Assert.Contains("Phường Tân Ninh" + wardFinal, text, StringComparison.Ordinal); // the annex row: unit, then its total
        }

        var annex = await coordinator.APIRequest.GetAsync($"/Scoring/Ranking/{roundId}?handler=Annex");
        Assert.True(annex.Ok);
        using (var book = SpreadsheetDocument.Open(new MemoryStream(await annex.BodyAsync()), false))
        {
            var rows = XlsxRows(book);
            var wardRow = rows.Single(r => r.Contains("Phường Tân Ninh"));
            Assert.Contains(wardRow, c => ScoringRules.TryNumber(c, out var t) && Math.Abs(t - wf) < 1e-6);
            Assert.Contains(wardGrade, wardRow);
            Assert.Contains(rows, r => r.Contains("Sở Tư pháp tỉnh Tây Ninh"));
        }

        // The best ward is proposed for the Bằng khen of the Chủ tịch UBND tỉnh with achievements from its records; a second Bằng khen is refused.
        await coordinator.GotoAsync($"/Scoring/Commendations/{roundId}");
        await coordinator.GetByTestId("proposal-unit").SelectOptionAsync(wardId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Assertions.Expect(coordinator.GetByTestId("proposal-achievements")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("xếp loại công tác dân vận chính quyền"));
        await coordinator.GetByTestId("proposal-title").SelectOptionAsync(new SelectOptionValue { Label = "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh" });
        await coordinator.GetByTestId("proposal-submit").ClickAsync();
        await Assertions.Expect(coordinator.GetByTestId("proposals")).ToContainTextAsync("Phường Tân Ninh");
        await coordinator.GetByTestId("proposal-unit").SelectOptionAsync(wardId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await coordinator.GetByTestId("proposal-title").SelectOptionAsync(new SelectOptionValue { Label = "Bằng khen của Thủ tướng Chính phủ" });
        await coordinator.GetByTestId("proposal-submit").ClickAsync();
        await Assertions.Expect(coordinator.GetByTestId("proposal-errors")).ToContainTextAsync("đã được đề nghị “Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh” năm 2026");
        await fx.ScreenshotAsync(coordinator, "43-scoring-commendation");
        await coordinator.Context.CloseAsync();
    }

    private static async Task<string> AssignAsync(IPage coordinator, string title, string search, string unit)
    {
        await coordinator.GotoAsync("/Tasks/Create");
        await coordinator.GetByLabel("Nội dung nhiệm vụ").FillAsync(title);
        await coordinator.GetByPlaceholder("Gõ tên đơn vị chủ trì").PressSequentiallyAsync(search);
        await coordinator.GetByRole(AriaRole.Radio, new() { Name = unit }).First.CheckAsync(); // the unit first, its divisions after
        await coordinator.GetByLabel("Hạn hoàn thành").FillAsync("06/11/2026");
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Giao nhiệm vụ" }).ClickAsync();
        await Assertions.Expect(coordinator.GetByTestId("task-state")).ToHaveTextAsync("Sắp đến hạn (còn 4 ngày)"); // 02/11, due 06/11
        return new Uri(coordinator.Url).PathAndQuery;
    }

    private static async Task ReportDoneAsync(IPage page, string url)
    {
        await page.GotoAsync(url);
        await page.GetByLabel("Kết quả thực hiện").FillAsync("Đã thực hiện xong, có biên bản kèm theo.");
        await page.GetByLabel("Đã hoàn thành").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Gửi báo cáo" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("task-state")).ToHaveTextAsync("Đã báo cáo hoàn thành, chờ xác nhận");
    }

    /// <summary>Full points on every entered line, the explanation; submit refused until the evidence is there; then submitted.</summary>
    private static async Task<string> FillAndSubmitAsync(IPage page, string explanation)
    {
        page.Dialog += AcceptDialog;
        var framework = ShippedFrameworks.TayNinh();
        foreach (var code in Entered)
        {
            var max = framework.Criteria.Single(c => c.Code == code).Max;
            await page.GetByTestId("input-" + code).FillAsync(ScoringRules.FormatNumber(max));
        }

        await page.GetByTestId("explanation").FillAsync(explanation);
        await page.GetByTestId("sheet-save").ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Đã lưu");
        await page.GetByTestId("sheet-submit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("sheet-errors")).ToContainTextAsync("TC1.1: tiêu chí này phải kèm minh chứng.");
        foreach (var c in framework.Criteria.Where(c => c.Evidence && Entered.Contains(c.Code)))
        {
            await page.GetByLabel("Đính kèm minh chứng cho tiêu chí").SelectOptionAsync(new SelectOptionValue { Label = $"{c.Code} — {c.Name}" });
            await page.Locator("#Evidence").SetInputFilesAsync(TempFile($"minh-chung-{c.Code}.pdf", "%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"u8.ToArray()));
            await page.GetByTestId("evidence-upload").ClickAsync();
            await Assertions.Expect(page.GetByTestId("line-" + c.Code)).ToContainTextAsync($"minh-chung-{c.Code}.pdf");
        }

        await page.GetByTestId("sheet-submit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("sheet-state")).ToHaveTextAsync("Đã nộp, chờ thẩm định");
        return new Uri(page.Url).AbsolutePath;
    }

    private static List<List<string>> XlsxRows(SpreadsheetDocument book)
    {
        var wb = book.WorkbookPart!;
        var shared = wb.SharedStringTablePart?.SharedStringTable.Elements<DocumentFormat.OpenXml.Spreadsheet.SharedStringItem>().Select(s => s.InnerText).ToList() ?? [];
        return wb.WorksheetParts.First().Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Row>().Select(r => r.Elements<DocumentFormat.OpenXml.Spreadsheet.Cell>().Select(c =>
            c.DataType?.Value == DocumentFormat.OpenXml.Spreadsheet.CellValues.SharedString ? shared[int.Parse(c.InnerText, System.Globalization.CultureInfo.InvariantCulture)]
            : c.InnerText).ToList()).ToList();
    }

    private static async void AcceptDialog(object? sender, IDialog dialog) => await dialog.AcceptAsync();

    private static string TempFile(string name, byte[] content)
    {
        var folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "danvan-upload-" + Guid.NewGuid().ToString("N")));
        var path = Path.Combine(folder.FullName, name);
        File.WriteAllBytes(path, content);
        return path;
    }
}
