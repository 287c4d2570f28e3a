using Microsoft.Playwright;

namespace DanVan.BrowserTests;

/// <summary>
/// Issue 12's golden paths: an empty report is refused with every missing item named; a period opened with its own
/// due date is extended for one unit; with the head's approval switched on, a ward officer's report reaches the
/// province only after the ward's head approves it.
/// </summary>
[Collection("Browser")]
public class ReportTrustTests(BrowserFixture fx)
{
    private static string InDays(int days) =>
        DanVan.Infrastructure.VietnamClock.Today(TimeProvider.System).AddDays(days).ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture);

    private static async void AcceptDialog(object? sender, IDialog dialog) => await dialog.AcceptAsync();

    /// <summary>The coordinator opens the yearly period of <paramref name="year"/> with a due date of its own; returns its page address.</summary>
    private async Task<(IPage Coordinator, string PeriodUrl)> OpenAsync(int year, string due)
    {
        var coordinator = await fx.SignInAsync("dieuphoi");
        await coordinator.GotoAsync("/Reports");
        var open = coordinator.GetByTestId("open-period");
        await open.GetByLabel("Kỳ").SelectOptionAsync(new SelectOptionValue { Label = "Cả năm" });
        await open.GetByLabel("Năm").FillAsync(year.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await open.GetByRole(AriaRole.Button, new() { Name = "Mở kỳ báo cáo" }).ClickAsync();
        await Assertions.Expect(coordinator.GetByText("đã qua; nhập hạn nộp cho kỳ này").First).ToBeVisibleAsync(); // the regime's 16/11 has passed
        open = coordinator.GetByTestId("open-period");
        await open.GetByLabel("Năm").FillAsync(year.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await open.GetByLabel("Kỳ").SelectOptionAsync(new SelectOptionValue { Label = "Cả năm" });
        await open.GetByLabel("Hạn nộp").FillAsync(due);
        await open.GetByRole(AriaRole.Button, new() { Name = "Mở kỳ báo cáo" }).ClickAsync();
        await Assertions.Expect(coordinator.GetByTestId("period-title")).ToHaveTextAsync($"Kỳ báo cáo Năm {year}");
        await Assertions.Expect(coordinator.GetByTestId("period-due")).ToHaveTextAsync(due);
        return (coordinator, coordinator.Url);
    }

    private static async Task<IPage> OwnReportAsync(IPage page, string period)
    {
        await page.GotoAsync("/Reports");
        await page.GetByTestId("my-reports").Locator("tr", new() { HasText = period }).GetByRole(AriaRole.Link).ClickAsync();
        return page;
    }

    [Fact]
    public async Task An_empty_report_is_refused_and_a_period_with_its_own_due_date_is_extended_for_one_unit()
    {
        var due = InDays(20);
        var (coordinator, periodUrl) = await OpenAsync(2021, due);
        await Assertions.Expect(coordinator.Locator(".badge", new() { HasText = "Trễ hạn" })).ToHaveCountAsync(0); // nobody late on opening day

        // (a) The ward officer presses "Nộp báo cáo" on an empty report.
        var officer = await OwnReportAsync(await fx.SignInAsync("canbo"), "Năm 2021");
        officer.Dialog += AcceptDialog;
        await officer.GetByTestId("submit-report").ClickAsync();
        var errors = officer.GetByTestId("report-errors");
        await Assertions.Expect(errors).ToContainTextAsync("Báo cáo trống");
        // The required figures (petitions, periodic receptions, dialogues) are all counted by DanVan from the case register,
        // the reception log and the dialogues: none is missing, but the report is still empty of the unit's own work.
        await Assertions.Expect(errors).Not.ToContainTextAsync("chỉ tiêu bắt buộc");
        await Assertions.Expect(errors).ToContainTextAsync("Chưa viết 2 phần bắt buộc của đề cương: I. Đặc điểm, tình hình; III. Đánh giá chung");
        await Assertions.Expect(officer.Locator(".badge", new() { HasText = "Chưa nộp" })).ToBeVisibleAsync();
        await fx.ScreenshotAsync(officer, "report-empty-refused");
        officer.Dialog -= AcceptDialog;

        // (c) The coordinator extends the ward's due date alone, with a reason.
        await coordinator.GotoAsync(periodUrl + "?q=tan+ninh");
        await coordinator.GetByTestId("slots").Locator("tr", new() { HasText = "Phường Tân Ninh" }).GetByRole(AriaRole.Link, new() { Name = "Mở" }).ClickAsync();
        var extend = coordinator.GetByTestId("extend-unit");
        await extend.GetByLabel("Hạn nộp mới").FillAsync(InDays(10)); // earlier than the period's: refused
        await extend.GetByLabel("Lý do gia hạn").FillAsync("Phường bị ngập do mưa lớn");
        await extend.GetByRole(AriaRole.Button, new() { Name = "Gia hạn" }).ClickAsync();
        await Assertions.Expect(coordinator.GetByTestId("extend-unit")).ToContainTextAsync("Hạn nộp mới phải sau hạn hiện tại");
        extend = coordinator.GetByTestId("extend-unit");
        await extend.GetByLabel("Hạn nộp mới").FillAsync(InDays(35));
        await extend.GetByLabel("Lý do gia hạn").FillAsync("Phường bị ngập do mưa lớn");
        await extend.GetByRole(AriaRole.Button, new() { Name = "Gia hạn" }).ClickAsync();
        await Assertions.Expect(coordinator.GetByTestId("submission-due")).ToHaveTextAsync(InDays(35));
        await Assertions.Expect(coordinator.GetByTestId("unit-due-changes")).ToContainTextAsync("Phường bị ngập do mưa lớn");
        await coordinator.GotoAsync(periodUrl);
        await Assertions.Expect(coordinator.GetByTestId("period-due")).ToHaveTextAsync(due); // the others keep the period's
        await Assertions.Expect(coordinator.GetByTestId("due-changes")).ToContainTextAsync("Phường Tân Ninh");
        await fx.ScreenshotAsync(coordinator, "report-extended-for-one-unit");
        await officer.ReloadAsync();
        await Assertions.Expect(officer.GetByTestId("submission-due")).ToHaveTextAsync(InDays(35));
    }

    [Fact]
    public async Task With_head_approval_a_ward_report_reaches_the_province_after_the_head_approves()
    {
        var admin = await fx.SignInAsync("admin");
        await admin.GotoAsync("/Reports");
        await admin.GetByTestId("regimes").GetByRole(AriaRole.Link).First.ClickAsync();
        var regimeUrl = admin.Url;
        await admin.GetByTestId("requirements").GetByLabel("Lãnh đạo đơn vị duyệt báo cáo của cán bộ").CheckAsync();
        await admin.GetByTestId("requirements").GetByRole(AriaRole.Button, new() { Name = "Lưu mục bắt buộc" }).ClickAsync();
        await Assertions.Expect(admin.GetByTestId("approval-setting")).ToContainTextAsync("gửi lãnh đạo đơn vị duyệt");
        try
        {
            var (coordinator, _) = await OpenAsync(2020, InDays(25));

            var officer = await OwnReportAsync(await fx.SignInAsync("canbo"), "Năm 2020");
            await ReportTests.FillAsync(officer, new() { ["DT_CUOC"] = "2", ["DON_NHAN"] = "5" }, "Phường đối thoại 2 lần về chỉnh trang đô thị.");
            officer.Dialog += AcceptDialog;
            await officer.GetByTestId("submit-report").ClickAsync();
            await Assertions.Expect(officer.Locator(".badge", new() { HasText = "Chờ lãnh đạo duyệt" })).ToBeVisibleAsync();
            officer.Dialog -= AcceptDialog;
            var reportUrl = officer.Url;

            // The province does not have it yet.
            await coordinator.GotoAsync(reportUrl);
            await Assertions.Expect(coordinator.GetByTestId("awaiting-approval")).ToBeVisibleAsync();
            await Assertions.Expect(coordinator.GetByTestId("decide-form")).ToHaveCountAsync(0);

            // The ward's head finds it on the home page and in the notifications, and approves it.
            var head = await fx.SignInAsync("lanhdaophuong");
            await head.GotoAsync("/");
            await Assertions.Expect(head.GetByTestId("reports-to-approve")).ToContainTextAsync("Báo cáo năm 2020");
            await head.GotoAsync("/Notifications");
            await Assertions.Expect(head.GetByTestId("notification").First).ToContainTextAsync("Báo cáo chờ duyệt: Năm 2020");
            await head.GotoAsync(reportUrl);
            await fx.ScreenshotAsync(head, "report-awaiting-head-approval");
            head.Dialog += AcceptDialog;
            await head.GetByTestId("approve-form").GetByRole(AriaRole.Button, new() { Name = "Duyệt và gửi" }).ClickAsync();
            await Assertions.Expect(head.Locator(".badge", new() { HasText = "Đã nộp, chờ tiếp nhận" })).ToBeVisibleAsync();
            head.Dialog -= AcceptDialog;
            await Assertions.Expect(head.GetByTestId("versions")).ToContainTextAsync("lãnh đạo lanhdaophuong đã duyệt");

            // Now the province receives it.
            await coordinator.ReloadAsync();
            await coordinator.GetByRole(AriaRole.Button, new() { Name = "Tiếp nhận" }).ClickAsync();
            await Assertions.Expect(coordinator.Locator(".badge", new() { HasText = "Đã tiếp nhận" })).ToBeVisibleAsync();
            await fx.ScreenshotAsync(coordinator, "report-approved-then-accepted");
        }
        finally
        {
            await admin.GotoAsync(regimeUrl);
            await admin.GetByTestId("requirements").GetByLabel("Lãnh đạo đơn vị duyệt báo cáo của cán bộ").UncheckAsync();
            await admin.GetByTestId("requirements").GetByRole(AriaRole.Button, new() { Name = "Lưu mục bắt buộc" }).ClickAsync();
            await Assertions.Expect(admin.GetByTestId("approval-setting")).ToContainTextAsync("nộp thẳng");
        }
    }
}
