using System.Globalization;
using System.Text.RegularExpressions;
using DanVan.Infrastructure;
using Microsoft.Playwright;

namespace DanVan.BrowserTests;

/// <summary>
/// Issue 12's "one task assigned to all wards of the province in one step and followed across them": the Sở Nội vụ
/// gives one task to every commune and ward of Tây Ninh, sees the count before confirming, lands on the batch's page
/// (every unit, none updated yet), Phường Tân Ninh reports half done and another ward reports it done, and the
/// batch page counts them, filters by state and finds a unit by name typed without diacritics.
/// </summary>
[Collection("Browser")]
public partial class TaskBatchTests(BrowserFixture fx)
{
    [GeneratedRegex(@"Sẽ giao cho (\d+) đơn vị")]
    private static partial Regex PreviewCount();

    [Fact]
    public async Task One_task_for_every_commune_and_ward_is_followed_across_them()
    {
        var title = "Rà soát hương ước, quy ước khu dân cư " + Guid.NewGuid().ToString("N")[..6];
        var due = VietnamClock.Today(TimeProvider.System).AddDays(20).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

        var coordinator = await fx.SignInAsync("dieuphoi");
        await coordinator.GotoAsync("/Tasks/Create");
        await coordinator.GetByLabel("Nội dung nhiệm vụ").FillAsync(title);
        await coordinator.GetByLabel("Tất cả đơn vị một loại, dưới đơn vị giao").CheckAsync();
        await coordinator.GetByLabel("Tất cả xã, phường, đặc khu").CheckAsync();
        await coordinator.GetByLabel("Hạn hoàn thành").FillAsync(due);
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Giao nhiệm vụ" }).ClickAsync();
        var preview = await coordinator.GetByTestId("assign-preview").InnerTextAsync();
        var count = int.Parse(PreviewCount().Match(preview).Groups[1].Value, CultureInfo.InvariantCulture);
        Assert.True(count >= 90, preview); // Tây Ninh has 96 communes and wards
        await coordinator.GetByRole(AriaRole.Button, new() { Name = $"Xác nhận giao cho {count} đơn vị" }).ClickAsync();

        await Assertions.Expect(coordinator.GetByTestId("batch-title")).ToHaveTextAsync(title, new() { Timeout = 30_000 }); // 96 tasks in one transaction
        Assert.Contains("/Tasks/Batch?id=", coordinator.Url, StringComparison.Ordinal);
        var batchUrl = new Uri(coordinator.Url).PathAndQuery;
        await Assertions.Expect(coordinator.GetByTestId("batch-units")).ToHaveTextAsync(count.ToString(CultureInfo.InvariantCulture));
        await Assertions.Expect(coordinator.GetByTestId("batch-never")).ToHaveTextAsync(count.ToString(CultureInfo.InvariantCulture));
        await Assertions.Expect(coordinator.GetByTestId("batch-row").First).ToContainTextAsync("chưa cập nhật");

        // Phường Tân Ninh reports half of it, from its own task list.
        var officer = await fx.SignInAsync("canbo");
        await officer.GotoAsync("/Tasks?q=" + Uri.EscapeDataString(title));
        await officer.GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();
        await Assertions.Expect(officer.GetByTestId("task-batch")).ToBeVisibleAsync();
        await officer.GetByLabel("Tiến độ (%)").FillAsync("50");
        await officer.GetByLabel("Kết quả thực hiện").FillAsync("Đã rà soát 6 trên 12 khu phố.");
        await officer.GetByRole(AriaRole.Button, new() { Name = "Gửi báo cáo" }).ClickAsync();
        await Assertions.Expect(officer.GetByTestId("task-updates")).ToContainTextAsync("6 trên 12 khu phố");

        // The Sở Nội vụ follows the assignment as one: one unit fewer never updated, Tân Ninh at 50 %.
        await coordinator.GotoAsync(batchUrl);
        await Assertions.Expect(coordinator.GetByTestId("batch-never")).ToHaveTextAsync((count - 1).ToString(CultureInfo.InvariantCulture));
        await coordinator.GetByLabel("Tìm đơn vị").FillAsync("tan ninh");
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Lọc" }).ClickAsync();
        var tanNinh = coordinator.GetByTestId("batch-row").Filter(new() { HasText = "Phường Tân Ninh" });
        await Assertions.Expect(tanNinh).ToHaveCountAsync(1);
        await Assertions.Expect(tanNinh).ToContainTextAsync("50%");
        await Assertions.Expect(tanNinh).ToContainTextAsync("cập nhật hôm nay");
        await fx.ScreenshotAsync(coordinator, "task-batch");

        // The Excel export of the batch lists every unit.
        await coordinator.GotoAsync(batchUrl);
        var download = await coordinator.RunAndWaitForDownloadAsync(() => coordinator.GetByRole(AriaRole.Link, new() { Name = "Xuất Excel" }).ClickAsync());
        var path = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N") + ".xlsx");
        await download.SaveAsAsync(path);
        List<List<string>> table;
        using (var book = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(path, false))
        {
            var sheet = book.WorkbookPart!.WorksheetParts.First().Worksheet;
            table = sheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Row>()
                .Select(r => r.Elements<DocumentFormat.OpenXml.Spreadsheet.Cell>().Select(c => c.InnerText).ToList()).ToList();
        }

        File.Delete(path);
        var header = table.FindIndex(r => r.Contains("Đơn vị chủ trì"));
        Assert.True(header >= 1, "a title above the header");
        var data = table.Skip(header + 1).Where(r => r.Any(c => c.Length > 0)).ToList();
        Assert.Equal(count, data.Count);
        Assert.Contains(data, r => r.Contains("Phường Tân Ninh"));

        await officer.Context.CloseAsync();
        await coordinator.Context.CloseAsync();
    }
}
