using DanVan.Testing;
using Microsoft.Playwright;

namespace DanVan.BrowserTests;

/// <summary>The app on a clock the test moves: 20/11/2026 08:00 in Việt Nam at the start.</summary>
public sealed class CompletionFixture : BrowserFixture
{
    public FakeClock FakeClock { get; } = new(new DateTimeOffset(2026, 11, 20, 1, 0, 0, TimeSpan.Zero));

    protected override TimeProvider? Clock => FakeClock;
}

/// <summary>
/// Issue 12's observed case, in a real browser: a task due 27/11 is reported done on 02/12 "on 25/11". It stays
/// overdue (not done) on the list and the board until the Sở Nội vụ, which assigned it, confirms it; then it is done
/// on time, the confirmer vouching for the date.
/// </summary>
public class CompletionConfirmationTests(CompletionFixture fx) : IClassFixture<CompletionFixture>
{
    [Fact]
    public async Task ALateCompletionWithAnEarlierDate_CountsAsLateUntilConfirmed()
    {
        var title = "Tổ chức hội nghị đối thoại với Nhân dân về thủ tục đất đai " + Guid.NewGuid().ToString("N")[..4];

        // 20/11: the coordinator (Sở Nội vụ) assigns it to Phường Tân Ninh, due 27/11.
        var coordinator = await fx.SignInAsync("dieuphoi");
        await coordinator.GotoAsync("/Tasks/Create");
        await coordinator.GetByLabel("Nội dung nhiệm vụ").FillAsync(title);
        await coordinator.GetByPlaceholder("Gõ tên đơn vị chủ trì").PressSequentiallyAsync("phuong tan ninh");
        await coordinator.GetByRole(AriaRole.Radio, new() { Name = "Phường Tân Ninh" }).CheckAsync();
        await coordinator.GetByLabel("Hạn hoàn thành").FillAsync("27/11/2026");
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Giao nhiệm vụ" }).ClickAsync();
        await Assertions.Expect(coordinator.GetByTestId("task-state")).ToHaveTextAsync("Sắp đến hạn (còn 7 ngày)"); // as the board counts it
        var url = new Uri(coordinator.Url).PathAndQuery;
        await coordinator.Context.CloseAsync();

        // 02/12: the ward officer reports it done "on 25/11". A date after today is refused first, the text kept.
        fx.FakeClock.Advance(TimeSpan.FromDays(12));
        var officer = await fx.SignInAsync("canbo");
        await officer.GotoAsync(url);
        await Assertions.Expect(officer.GetByTestId("task-state")).ToHaveTextAsync("Quá hạn chưa hoàn thành");
        await officer.GetByLabel("Kết quả thực hiện").FillAsync("Đã tổ chức hội nghị tại nhà văn hóa khu phố 2, 96 người dự.");
        await officer.GetByLabel("Ngày hoàn thành", new() { Exact = true }).FillAsync("03/12/2026");
        await officer.GetByLabel("Đã hoàn thành").CheckAsync();
        await officer.GetByRole(AriaRole.Button, new() { Name = "Gửi báo cáo" }).ClickAsync();
        await Assertions.Expect(officer.GetByTestId("report-form")).ToContainTextAsync("Ngày hoàn thành không thể sau hôm nay (02/12/2026).");
        await Assertions.Expect(officer.GetByLabel("Kết quả thực hiện")).ToHaveValueAsync("Đã tổ chức hội nghị tại nhà văn hóa khu phố 2, 96 người dự.");
        await Assertions.Expect(officer.GetByLabel("Đã hoàn thành")).ToBeCheckedAsync();

        await officer.GetByLabel("Ngày hoàn thành", new() { Exact = true }).FillAsync("25/11/2026");
        await officer.GetByLabel("Minh chứng").SetInputFilesAsync(TempFile("bien-ban-hoi-nghi.pdf", "%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"u8.ToArray()));
        await officer.GetByRole(AriaRole.Button, new() { Name = "Gửi báo cáo" }).ClickAsync();
        await Assertions.Expect(officer.GetByTestId("task-state")).ToHaveTextAsync("Quá hạn chưa hoàn thành (đã báo cáo hoàn thành, chờ xác nhận)");
        await Assertions.Expect(officer.GetByTestId("completion-pending")).ToContainTextAsync("ngày hoàn thành 25/11/2026");
        await Assertions.Expect(officer.GetByTestId("task-updates")).ToContainTextAsync("báo cáo hoàn thành, ngày hoàn thành 25/11/2026");

        // Until confirmed: overdue on the list and the board, not among the done ones.
        var confirmer = await fx.SignInAsync("dieuphoi");
        await confirmer.GotoAsync("/Tasks?view=all&state=Overdue&q=" + Uri.EscapeDataString(title));
        await Assertions.Expect(confirmer.GetByTestId("tasks-table")).ToContainTextAsync("Quá hạn chưa hoàn thành");
        await Assertions.Expect(confirmer.GetByTestId("tasks-table")).ToContainTextAsync("báo cáo hoàn thành ngày 25/11/2026");
        await confirmer.GotoAsync("/Tasks?view=all&state=Done&q=" + Uri.EscapeDataString(title));
        await Assertions.Expect(confirmer.GetByTestId("tasks-empty")).ToBeVisibleAsync();
        var ward = await fx.UnitIdAsync("25459");
        await confirmer.GotoAsync($"/Tasks/Board?unitId={ward}");
        await Assertions.Expect(confirmer.GetByTestId("overdue-list")).ToContainTextAsync(title);
        await Assertions.Expect(confirmer.GetByTestId("overdue-list")).ToContainTextAsync("đã báo cáo hoàn thành ngày 25/11/2026, chờ xác nhận");
        await fx.ScreenshotAsync(confirmer, "14-completion-awaiting-board");

        // The Sở Nội vụ sees the evidence and confirms.
        await confirmer.GotoAsync(url);
        await Assertions.Expect(confirmer.GetByTestId("confirm-evidence")).ToContainTextAsync("bien-ban-hoi-nghi.pdf");
        await Assertions.Expect(confirmer.GetByTestId("confirm-card")).ToContainTextAsync("hoàn thành đúng hạn");
        await fx.ScreenshotAsync(confirmer, "15-completion-confirm");
        await confirmer.GetByRole(AriaRole.Button, new() { Name = "Xác nhận hoàn thành" }).ClickAsync();
        await Assertions.Expect(confirmer.GetByTestId("task-state")).ToHaveTextAsync("Hoàn thành đúng hạn");
        await Assertions.Expect(confirmer.GetByTestId("task-updates")).ToContainTextAsync("xác nhận hoàn thành, ngày hoàn thành 25/11/2026");

        await confirmer.GotoAsync("/Tasks?view=all&state=Done&q=" + Uri.EscapeDataString(title));
        await Assertions.Expect(confirmer.GetByTestId("tasks-table")).ToContainTextAsync("Hoàn thành đúng hạn");
        await confirmer.GotoAsync($"/Tasks/Board?unitId={ward}");
        await Assertions.Expect(confirmer.GetByTestId("overdue-list")).Not.ToContainTextAsync(title);
        await fx.ScreenshotAsync(confirmer, "16-completion-confirmed");

        // The ward is told.
        await officer.GotoAsync("/Notifications");
        await Assertions.Expect(officer.GetByTestId("notification").First).ToContainTextAsync("Đã xác nhận hoàn thành: " + title);
        await officer.Context.CloseAsync();
        await confirmer.Context.CloseAsync();
    }

    private static string TempFile(string name, byte[] content)
    {
        var folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "danvan-upload-" + Guid.NewGuid().ToString("N")));
        var path = Path.Combine(folder.FullName, name);
        File.WriteAllBytes(path, content);
        return path;
    }
}
