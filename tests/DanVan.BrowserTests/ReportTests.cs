using DanVan.Testing;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.Playwright;

namespace DanVan.BrowserTests;

/// <summary>
/// Issue 5's "done means": the coordinator opens the six-month period; two communes and one department submit (one
/// is returned and resubmitted); the roll-up shows the sums with drill-down; the compiled DOCX and XLSX download and
/// reopen with the right figures; a unit that did not submit is listed as missing.
/// </summary>
[Collection("Browser")]
public class ReportTests(BrowserFixture fx)
{
    internal static async Task FillAsync(IPage page, Dictionary<string, string> figures, string narrative)
    {
        figures = new Dictionary<string, string>(figures);
        figures.TryAdd("TCD_DINHKY", "6"); // required by the default regime, as are parts I and III
        foreach (var (code, value) in figures)
        {
            var input = page.Locator($"input[data-code='{code}']");
            var counted = await input.InputValueAsync();
            await input.FillAsync(value);
            var reason = page.Locator($"input[data-reason-for='{code}']");
            if (counted != value && await reason.CountAsync() == 1)
            {
                // DanVan counts this figure from the unit's records (cases, dialogues, tasks…); a different one needs its reason.
                await reason.FillAsync("Số liệu theo sổ theo dõi giấy trước khi đơn vị dùng DanVan.");
            }
        }

        await page.GetByLabel("II.6. Đối thoại với Nhân dân").FillAsync(narrative);
        await page.GetByLabel("I. Đặc điểm, tình hình").FillAsync("Tình hình chính trị, trật tự an toàn xã hội ổn định.");
        await page.GetByLabel("III. Đánh giá chung").FillAsync("Hoàn thành các nhiệm vụ của kế hoạch dân vận chính quyền.");
    }

    private static async Task SubmitAsync(IPage page)
    {
        page.Dialog += AcceptDialog;
        await page.GetByTestId("submit-report").ClickAsync();
        await Assertions.Expect(page.Locator(".badge", new() { HasText = "Đã nộp, chờ tiếp nhận" })).ToBeVisibleAsync();
        page.Dialog -= AcceptDialog;
    }

    private static async void AcceptDialog(object? sender, IDialog dialog) => await dialog.AcceptAsync();

    [Fact]
    public async Task Six_month_report_from_opening_to_the_compiled_document()
    {
        // 1. The coordinator opens the six-month period of 2025.
        var coordinator = await fx.SignInAsync("dieuphoi");
        await coordinator.GotoAsync("/Reports");
        var open = coordinator.GetByTestId("open-period");
        await open.GetByLabel("Kỳ").SelectOptionAsync(new SelectOptionValue { Label = "6 tháng đầu năm" });
        await open.GetByLabel("Năm").FillAsync("2025");
        // The regime's due date (16/6/2025) has passed: the period gets its own, a month from today.
        await open.GetByLabel("Hạn nộp").FillAsync(DanVan.Infrastructure.VietnamClock.Today(TimeProvider.System).AddDays(30).ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture));
        await open.GetByRole(AriaRole.Button, new() { Name = "Mở kỳ báo cáo" }).ClickAsync();
        await Assertions.Expect(coordinator.GetByTestId("period-title")).ToHaveTextAsync("Kỳ báo cáo 6 tháng đầu năm 2025");
        var periodUrl = coordinator.Url;

        // 2. A ward officer fills and submits the ward's report.
        var officer = await fx.SignInAsync("canbo");
        await officer.GotoAsync("/Reports");
        await officer.GetByTestId("my-reports").Locator("tr", new() { HasText = "6 tháng đầu năm 2025" }).GetByRole(AriaRole.Link).ClickAsync();
        await FillAsync(officer, new() { ["DT_CUOC"] = "2", ["DT_YKIEN"] = "13", ["DT_GQ"] = "9", ["DON_NHAN"] = "12", ["DON_TQ"] = "10", ["DON_GQ"] = "8", ["DON_DUNGHAN"] = "6" },
            "Phường tổ chức 2 hội nghị đối thoại với Nhân dân về chỉnh trang đô thị.");
        await officer.Locator("input[data-code='DON_GQ']").FillAsync("11"); // more resolved than within competence
        await officer.GetByRole(AriaRole.Button, new() { Name = "Lưu nháp" }).ClickAsync();
        await Assertions.Expect(officer.GetByTestId("report-errors")).ToContainTextAsync("không thể lớn hơn");
        await officer.Locator("input[data-code='DON_GQ']").FillAsync("8");
        await SubmitAsync(officer);
        var wardUrl = officer.Url;

        // 3. The Sở Tư pháp's head submits the department's report.
        var head = await fx.SignInAsync("lanhdao");
        await head.GotoAsync("/Reports");
        await head.GetByTestId("my-reports").Locator("tr", new() { HasText = "6 tháng đầu năm 2025" }).GetByRole(AriaRole.Link).ClickAsync();
        await FillAsync(head, new() { ["DT_CUOC"] = "1", ["DT_YKIEN"] = "4", ["DT_GQ"] = "4", ["DON_NHAN"] = "30", ["DON_TQ"] = "20", ["DON_GQ"] = "20", ["DON_DUNGHAN"] = "18" },
            "Sở tổ chức đối thoại với người dân về trợ giúp pháp lý.");
        await SubmitAsync(head);

        // 4. The coordinator submits for a second commune that reported on paper.
        await coordinator.GotoAsync(periodUrl + "?q=go+dau");
        await coordinator.GetByTestId("slots").Locator("tr", new() { HasText = "Phường Gò Dầu" }).GetByRole(AriaRole.Link, new() { Name = "Mở" }).ClickAsync();
        await FillAsync(coordinator, new() { ["DT_CUOC"] = "3", ["DT_YKIEN"] = "20", ["DT_GQ"] = "15", ["DON_NHAN"] = "8", ["DON_TQ"] = "8", ["DON_GQ"] = "8", ["DON_DUNGHAN"] = "8" },
            "Phường đối thoại 3 lần theo khu phố.");
        await SubmitAsync(coordinator);

        // 5. The ward's report is returned, corrected and resubmitted, then accepted.
        await coordinator.GotoAsync(wardUrl);
        await coordinator.GetByTestId("decide-form").GetByLabel("Ý kiến").FillAsync("Bổ sung số ý kiến đã giải quyết sau đối thoại tháng 5.");
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Trả lại để chỉnh sửa" }).ClickAsync();
        await Assertions.Expect(coordinator.GetByTestId("return-comment")).ToContainTextAsync("Bổ sung số ý kiến");
        await officer.ReloadAsync();
        await Assertions.Expect(officer.GetByTestId("return-comment")).ToBeVisibleAsync();
        await officer.Locator("input[data-code='DT_GQ']").FillAsync("12");
        await SubmitAsync(officer);
        await Assertions.Expect(officer.GetByTestId("versions").Locator("tbody tr")).ToHaveCountAsync(2);
        await coordinator.ReloadAsync();
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Tiếp nhận" }).ClickAsync();
        await Assertions.Expect(coordinator.Locator(".badge", new() { HasText = "Đã tiếp nhận" })).ToBeVisibleAsync();

        // 6. The roll-up: sums, rate from sums, drill-down, the missing units.
        await coordinator.GotoAsync(periodUrl);
        await coordinator.GetByRole(AriaRole.Link, new() { Name = "Tổng hợp số liệu" }).ClickAsync();
        var totals = coordinator.GetByTestId("totals");
        await Assertions.Expect(totals.Locator("tr[data-code='DT_CUOC'] td").Last).ToHaveTextAsync("6");
        await Assertions.Expect(totals.Locator("tr[data-code='DT_GQ'] td").Last).ToHaveTextAsync("31");
        await Assertions.Expect(totals.Locator("tr[data-code='DON_NHAN'] td").Last).ToHaveTextAsync("50");
        await Assertions.Expect(totals.Locator("tr[data-code='DON_TYLE'] td").Last).ToHaveTextAsync("88,89"); // (6+18+8)/(8+20+8)
        var drill = coordinator.GetByTestId("drilldown");
        await Assertions.Expect(drill).ToContainTextAsync("Phường Tân Ninh");
        await Assertions.Expect(drill).ToContainTextAsync("Sở Tư pháp tỉnh Tây Ninh");
        await coordinator.GetByTestId("drilldown-groups").GetByRole(AriaRole.Link, new() { Name = "5. Đối thoại" }).ClickAsync();
        await Assertions.Expect(drill.Locator("thead")).ToContainTextAsync("Cuộc đối thoại với Nhân dân");
        await Assertions.Expect(drill.Locator("thead")).Not.ToContainTextAsync("Lượt công dân được tiếp");
        await Assertions.Expect(drill.Locator("tbody tr", new() { HasText = "Phường Tân Ninh" }).Locator("td").Nth(2)).ToHaveTextAsync("2");
        await Assertions.Expect(coordinator.GetByTestId("missing")).ToContainTextAsync("Sở Tài chính tỉnh Tây Ninh");
        await fx.ScreenshotAsync(coordinator, "report-rollup");

        // 7. The compiled report and its annex.
        var docx = await coordinator.RunAndWaitForDownloadAsync(() => coordinator.GetByTestId("download-docx").ClickAsync());
        var docxPath = Path.Combine(Path.GetTempPath(), $"danvan-report-{Guid.NewGuid():N}.docx");
        await docx.SaveAsAsync(docxPath);
        using (var word = WordprocessingDocument.Open(docxPath, false))
        {
            var text = word.MainDocumentPart!.Document.Body!.InnerText;
            Assert.Contains("BÁO CÁO", text, StringComparison.Ordinal);
            Assert.Contains("6 tháng đầu năm 2025", text, StringComparison.Ordinal);
            Assert.Contains("Phường tổ chức 2 hội nghị đối thoại với Nhân dân về chỉnh trang đô thị.", text, StringComparison.Ordinal);
            Assert.Contains("Cuộc đối thoại với Nhân dâncuộc6", text, StringComparison.Ordinal);
            Assert.Contains("Sở Tài chính tỉnh Tây Ninh", text, StringComparison.Ordinal); // in the annex of units that did not submit
            var paragraphs = word.MainDocumentPart.Document.Body.Descendants<DocumentFormat.OpenXml.Wordprocessing.Paragraph>().Select(p => p.InnerText).ToList();
            Assert.Contains(paragraphs, p => p.StartsWith("Tây Ninh, ngày ", StringComparison.Ordinal));
            Assert.Contains("GIÁM ĐỐC", paragraphs);
            Assert.True(paragraphs.IndexOf("PHỤ LỤC") > paragraphs.IndexOf("Nơi nhận:"), "the list of missing units follows the signature");
        }

        Nd30Layout.AssertValid(await File.ReadAllBytesAsync(docxPath));
        Assert.StartsWith("bao-cao-6-thang-dau-nam-2025-", docx.SuggestedFilename, StringComparison.Ordinal);

        var xlsx = await coordinator.RunAndWaitForDownloadAsync(() => coordinator.GetByTestId("download-xlsx").ClickAsync());
        var xlsxPath = Path.Combine(Path.GetTempPath(), $"danvan-annex-{Guid.NewGuid():N}.xlsx");
        await xlsx.SaveAsAsync(xlsxPath);
        using (var book = SpreadsheetDocument.Open(xlsxPath, false))
        {
            var rows = book.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<Row>()
                .Select(r => r.Elements<Cell>().Select(c => c.InnerText).ToList())
                .SkipWhile(r => !r.Any(h => h.StartsWith("Cuộc đối thoại với Nhân dân", StringComparison.Ordinal))) // the title rows
                .Select(r => r.Skip(1).ToList()).ToList(); // without the STT column
            Assert.Equal(5, rows.Count); // header, three units, total
            var column = rows[0].FindIndex(h => h.StartsWith("Cuộc đối thoại với Nhân dân", StringComparison.Ordinal));
            Assert.Equal("6", rows[^1][column]);
            Assert.Contains(rows, r => r[0] == "Phường Tân Ninh" && r[column] == "2");
        }

        File.Delete(docxPath);
        File.Delete(xlsxPath);
    }
}
