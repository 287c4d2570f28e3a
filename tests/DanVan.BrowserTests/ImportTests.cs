using DanVan.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace DanVan.BrowserTests;

/// <summary>
/// Issue 4's "done means": the coordinator drops seed 002 (Quảng Ngãi, 80/KH-UBND) on the import page, corrects one
/// field, confirms, and finds the plan with its tasks assigned to the Thanh tra tỉnh, the Sở Nội vụ and the others
/// with their deadlines.
/// </summary>
[Collection("Browser")]
public class ImportTests(BrowserFixture fx)
{
    private static string Seed(string prefix) =>
        Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "seeds"), prefix + "_*.txt").Single();

    [Fact]
    public async Task Coordinator_imports_a_provincial_plan_with_its_tasks()
    {
        var page = await fx.SignInAsync("dieuphoi");
        await page.GotoAsync("/Documents");
        await page.GetByTestId("import-link").ClickAsync();
        await page.GetByLabel("Tệp văn bản").SetInputFilesAsync(Seed("002"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Đọc văn bản" }).ClickAsync();

        // The review: fields beside the source, nothing saved yet.
        await Assertions.Expect(page.GetByTestId("import-kind")).ToHaveTextAsync("Kế hoạch");
        await Assertions.Expect(page.GetByLabel("Số, ký hiệu")).ToHaveValueAsync("80/KH-UBND");
        await Assertions.Expect(page.GetByLabel("Ngày ban hành")).ToHaveValueAsync("26/06/2020");
        await Assertions.Expect(page.GetByLabel("Cơ quan ban hành")).ToHaveValueAsync("UBND tỉnh Quảng Ngãi");
        await Assertions.Expect(page.GetByLabel("Họ tên người ký")).ToHaveValueAsync("Trần Ngọc Căng");
        Assert.Equal(18, await page.GetByTestId("import-citations").Locator("input[type=text], input:not([type])").CountAsync());
        Assert.Equal(13, await page.GetByTestId("import-task").CountAsync()); // one per task of each assignment
        using (var scope = fx.App.Services.CreateScope())
        {
            Assert.False(await scope.ServiceProvider.GetRequiredService<AppDbContext>().Documents.AnyAsync(d => d.Code == "80/KH-UBND" && d.IssuerName == "UBND tỉnh Quảng Ngãi"));
        }

        // Each field links to the line it came from.
        await page.GetByTestId("src-Form_Code").ClickAsync();
        await Assertions.Expect(page.Locator("#src-0")).ToContainTextAsync("Số: 80 /KH-UBND");
        await Assertions.Expect(page.Locator(".import-source p:target")).ToHaveCountAsync(1);

        // A Quảng Ngãi plan read in Tây Ninh: a warning, the day deadlines count from, and no unit chosen until asked.
        await Assertions.Expect(page.GetByTestId("import-origin")).ToContainTextAsync("Văn bản do cơ quan của tỉnh Quảng Ngãi ban hành, không thuộc tỉnh Tây Ninh");
        await Assertions.Expect(page.GetByTestId("import-counts-from")).ToContainTextAsync("Thời hạn được tính từ ngày ban hành 26/06/2020");
        var rows = page.GetByTestId("import-task");
        await Assertions.Expect(rows.Filter(new() { HasText = "Tham mưu UBND tỉnh xây dựng Quy chế đối thoại" }).GetByLabel("Đơn vị chủ trì")).ToHaveValueAsync("");
        await page.GetByTestId("import-use-suggestions").ClickAsync();

        // Suggested lead units: the province's Thanh tra and Sở Nội vụ.
        var thanhTra = rows.Filter(new() { HasText = "Tham mưu UBND tỉnh xây dựng Quy chế đối thoại" });
        await Assertions.Expect(thanhTra.GetByLabel("Đơn vị chủ trì")).ToHaveValueAsync((await fx.UnitIdAsync("80.TTR")).ToString(System.Globalization.CultureInfo.InvariantCulture));
        var noiVu = rows.Filter(new() { HasText = "Làm đầu mối theo dõi, đôn đốc" });
        await Assertions.Expect(noiVu.GetByLabel("Đơn vị chủ trì")).ToHaveValueAsync((await fx.UnitIdAsync("80.SNV")).ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Assertions.Expect(rows.Filter(new() { HasText = "trước ngày 15/11 hàng năm" }).GetByLabel("Lặp lại")).ToHaveValueAsync("yearly");

        // The correction: the Ban Dân tộc's work goes to the Sở Dân tộc và Tôn giáo (the 2025 merger), chosen by hand.
        var danToc = rows.Filter(new() { HasText = "Ban Dân tộc" });
        await danToc.GetByLabel("Đơn vị chủ trì").SelectOptionAsync(new SelectOptionValue { Label = "Sở Dân tộc và Tôn giáo tỉnh Tây Ninh" });
        await danToc.GetByLabel("Giao nhiệm vụ này").CheckAsync();
        await fx.ScreenshotAsync(page, "import-review");
        await page.GetByTestId("import-confirm").ClickAsync();

        // The plan, with its tasks and their deadlines.
        await page.WaitForURLAsync(url => url.Contains("/Plans/Details/", StringComparison.Ordinal));
        var tasks = page.GetByTestId("plan-tasks");
        await Assertions.Expect(tasks).ToContainTextAsync("Thanh tra tỉnh Tây Ninh");
        await Assertions.Expect(tasks).ToContainTextAsync("Sở Nội vụ tỉnh Tây Ninh");
        await Assertions.Expect(tasks).ToContainTextAsync("Sở Dân tộc và Tôn giáo tỉnh Tây Ninh");
        await Assertions.Expect(tasks).ToContainTextAsync("Báo và Phát thanh, Truyền hình Tây Ninh");
        await Assertions.Expect(tasks.Locator("tr").Filter(new() { HasText = "Tiếp tục xây dựng, đăng ký mô hình" })).ToHaveCountAsync(0); // no unit matched: left out
        await Assertions.Expect(tasks.Locator("tr").Filter(new() { HasText = "Tham mưu UBND tỉnh xây dựng Quy chế đối thoại" })).ToContainTextAsync("31/12/2020");
        await fx.ScreenshotAsync(page, "import-plan");

        using (var scope = fx.App.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var doc = await db.Documents.SingleAsync(d => d.Code == "80/KH-UBND" && d.IssuerName == "UBND tỉnh Quảng Ngãi");
            Assert.Equal(("UBND tỉnh Quảng Ngãi", new DateOnly(2020, 6, 26), "Trần Ngọc Căng"), (doc.IssuerName, doc.IssuedOn, doc.SignerName));
            Assert.Equal(18, await db.DocumentCitations.CountAsync(c => c.DocumentId == doc.Id));
            var items = await db.WorkItems.Where(w => w.SourceDocumentId == doc.Id).Join(db.OrgUnits, w => w.LeadUnitId, u => u.Id, (w, u) => new { w.Title, u.Code }).ToListAsync();
            Assert.Equal(7, items.Count); // Thanh tra 2, Ban Dân tộc 1, Báo–Đài 1, Sở Nội vụ 3
            Assert.Equal(3, items.Count(i => i.Code == "80.SNV"));
            Assert.Equal(2, items.Count(i => i.Code == "80.TTR"));
        }
    }

    [Fact]
    public async Task A_word_letter_is_kept_as_the_documents_original()
    {
        var number = Random.Shared.Next(1000, 999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        string[] lines =
        [
            "UBND TỈNH TÂY NINH", "SỞ NỘI VỤ", $"Số: {number}/SNV-XDCQ", "Tây Ninh, ngày 05 tháng 3 năm 2026",
            "V/v báo cáo kết quả công tác dân vận chính quyền quý I năm 2026", "Kính gửi: Các sở, ban, ngành tỉnh.",
            "Đề nghị các cơ quan báo cáo kết quả gửi về Sở Nội vụ trước ngày 20/3/2026.", "Nơi nhận:", "- Như trên;", "- Lưu: VT.",
            "GIÁM ĐỐC", "Nguyễn Văn An",
        ];
        var path = Path.Combine(Path.GetTempPath(), $"cong-van-{number}.docx");
        using (var doc = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Create(path, DocumentFormat.OpenXml.WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            main.Document = new DocumentFormat.OpenXml.Wordprocessing.Document(new DocumentFormat.OpenXml.Wordprocessing.Body(
                lines.Select(l => new DocumentFormat.OpenXml.Wordprocessing.Paragraph(new DocumentFormat.OpenXml.Wordprocessing.Run(new DocumentFormat.OpenXml.Wordprocessing.Text(l))))));
            main.Document.Save();
        }

        var page = await fx.SignInAsync("dieuphoi");
        await page.GotoAsync("/Import");
        await page.GetByLabel("Tệp văn bản").SetInputFilesAsync(path);
        await page.GetByRole(AriaRole.Button, new() { Name = "Đọc văn bản" }).ClickAsync();
        await Assertions.Expect(page.GetByLabel("Số, ký hiệu")).ToHaveValueAsync($"{number}/SNV-XDCQ");
        await Assertions.Expect(page.GetByLabel($"Lưu tệp gốc (cong-van-{number}.docx) kèm văn bản")).ToBeCheckedAsync();
        await page.GetByTestId("import-confirm").ClickAsync();

        await page.WaitForURLAsync(url => url.Contains("/Documents/Details/", StringComparison.Ordinal));
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = $"cong-van-{number}.docx" }).ClickAsync());
        var saved = Path.Combine(Path.GetTempPath(), $"danvan-original-{number}.docx");
        await download.SaveAsAsync(saved);
        Assert.Equal(await File.ReadAllBytesAsync(path), await File.ReadAllBytesAsync(saved));
    }

    [Fact]
    public async Task Unreadable_upload_gets_a_message_and_nothing_changes()
    {
        var page = await fx.SignInAsync("dieuphoi");
        await page.GotoAsync("/Import");
        await page.GetByLabel("Hoặc dán nội dung văn bản").FillAsync("This is an English memo with nothing Vietnamese in it at all, sorry.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Đọc văn bản" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("import-error")).ToContainTextAsync("không phải tiếng Việt");
    }
}
