using System.Text.RegularExpressions;
using DanVan.Testing;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.Playwright;

namespace DanVan.BrowserTests;

/// <summary>Its own app and clock: Monday 02/03/2026 08:00 in Việt Nam at the start.</summary>
public sealed class ReceptionCaseFixture : BrowserFixture
{
    public FakeClock FakeClock { get; } = new(new DateTimeOffset(2026, 3, 2, 1, 0, 0, TimeSpan.Zero));

    protected override TimeProvider? Clock => FakeClock;
}

/// <summary>
/// Issue 13's "done means" end to end: the ward chairman's weekly reception is on the public schedule; a complaint
/// raised there becomes a case, is accepted with its thông báo thụ lý (DOCX reopened), found complicated and resolved
/// on time; a denunciation's denouncer is seen by its handler, not by the coordinator (page, API, export), and the
/// reveal is in the audit trail; a petition outside the ward's competence goes out with a phiếu chuyển đơn; the
/// ward's six-month report shows the counts DanVan kept, with their provenance.
/// </summary>
public partial class ReceptionCaseTests(ReceptionCaseFixture fx) : IClassFixture<ReceptionCaseFixture>
{
    private static async void AcceptDialog(object? sender, IDialog dialog) => await dialog.AcceptAsync();

    private async Task<IPage> AgainAsync(IPage page, string user)
    {
        var url = page.Url;
        await page.Context.CloseAsync();
        var fresh = await fx.SignInAsync(user); // sessions last 7 days on the moving clock
        await fresh.GotoAsync(url);
        return fresh;
    }

    private static async Task StepAsync(IPage page, string action, string? reason = null, string? toBody = null)
    {
        await page.GetByLabel("Việc", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = action });
        if (reason is not null)
        {
            await page.GetByLabel("Lý do, căn cứ, nội dung").FillAsync(reason);
        }

        if (toBody is not null)
        {
            await page.GetByLabel("Chuyển đến").FillAsync(toBody);
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Ghi bước" }).ClickAsync();
    }

    private static async Task<string> DownloadTextAsync(IPage page, ILocator link)
    {
        var download = await page.RunAndWaitForDownloadAsync(() => link.ClickAsync());
        var path = Path.Combine(Path.GetTempPath(), $"danvan-{Guid.NewGuid():N}.docx");
        await download.SaveAsAsync(path);
        using var word = WordprocessingDocument.Open(path, false);
        return word.MainDocumentPart!.Document.Body!.InnerText;
    }

    [Fact]
    public async Task FromThePublicScheduleToTheSixMonthReport()
    {
        // 1. The schedule: the chairman's Thursday, with the duty the law sets; the same day twice is refused.
        var officer = await fx.SignInAsync("canbo");
        async Task ScheduleAsync(string day)
        {
            await officer.GotoAsync("/Reception");
            await officer.GetByRole(AriaRole.Link, new() { Name = "Lên lịch tiếp công dân" }).ClickAsync();
            await Assertions.Expect(officer.GetByTestId("duty")).ToContainTextAsync("ít nhất 1 ngày mỗi tuần (Khoản 2 Điều 15 Luật Tiếp công dân 42/2013/QH13");
            await Assertions.Expect(officer.GetByLabel("Người chủ trì tiếp")).ToHaveValueAsync("Nguyễn Văn Hùng");
            await officer.GetByLabel("Ngày tiếp").FillAsync(day);
            await officer.GetByRole(AriaRole.Button, new() { Name = "Đưa lên lịch" }).ClickAsync();
        }

        await officer.GetByRole(AriaRole.Link, new() { Name = "Tiếp công dân", Exact = true }).ClickAsync();
        await ScheduleAsync("05/03/2026");
        await Assertions.Expect(officer.GetByTestId("session-state")).ToHaveTextAsync("Đã lên lịch");
        await ScheduleAsync("05/03/2026");
        await Assertions.Expect(officer.GetByText("Đã có buổi tiếp công dân định kỳ ngày 05/03/2026 trên lịch của đơn vị.").First).ToBeVisibleAsync();
        await officer.GetByLabel("Ngày tiếp").FillAsync("12/03/2026");
        await officer.GetByRole(AriaRole.Button, new() { Name = "Đưa lên lịch" }).ClickAsync();
        await Assertions.Expect(officer.GetByTestId("session-state")).ToHaveTextAsync("Đã lên lịch");

        var citizen = await fx.Browser.NewPageAsync(new() { BaseURL = fx.BaseAddress.ToString(), Locale = "vi-VN" });
        await citizen.GotoAsync("/Public/Reception");
        await citizen.GetByLabel("Tìm theo cơ quan, địa phương").FillAsync("tan ninh");
        await citizen.GetByRole(AriaRole.Button, new() { Name = "Tìm" }).ClickAsync();
        var schedule = citizen.GetByTestId("public-reception");
        await Assertions.Expect(schedule.Locator("tr", new() { HasText = "05/03/2026" })).ToContainTextAsync("Nguyễn Văn Hùng");
        await Assertions.Expect(schedule.Locator("tr", new() { HasText = "12/03/2026" })).ToContainTextAsync("Thứ Năm");
        await fx.ScreenshotAsync(citizen, "50-reception-public-schedule");

        // 2. Thursday 05/03: the session is held and logged; a complaint raised there is entered from it.
        fx.FakeClock.Advance(TimeSpan.FromDays(3));
        officer = await AgainAsync(officer, "canbo");
        await officer.GotoAsync("/Reception");
        await officer.GetByTestId("reception-table").Locator("tr", new() { HasText = "05/03/2026" }).GetByRole(AriaRole.Link).ClickAsync();
        await officer.GetByLabel("Lượt công dân được tiếp").FillAsync("4");
        await officer.GetByLabel("Số đoàn đông người").FillAsync("0");
        await officer.GetByLabel("Nội dung công dân trình bày").FillAsync("Ông Trịnh Văn Khiếu khiếu nại việc thu hồi đất làm bãi đỗ xe chợ; hai hộ hỏi thủ tục đất đai.");
        await officer.GetByRole(AriaRole.Button, new() { Name = "Ghi sổ" }).ClickAsync();
        await Assertions.Expect(officer.GetByTestId("session-citizens")).ToHaveTextAsync("4");
        await officer.GetByTestId("case-from-session").ClickAsync();
        await Assertions.Expect(officer.GetByTestId("from-reception")).ToContainTextAsync("05/03/2026");
        await Assertions.Expect(officer.GetByLabel("Ngày nhận đơn")).ToHaveValueAsync("05/03/2026");
        await officer.GetByLabel("Loại đơn").SelectOptionAsync(new SelectOptionValue { Label = "Khiếu nại" });
        await officer.GetByLabel("Nội dung tóm tắt").FillAsync("Khiếu nại quyết định thu hồi đất làm bãi đỗ xe chợ Tân Ninh.");
        await officer.GetByLabel("Lĩnh vực").SelectOptionAsync(new SelectOptionValue { Label = "Đất đai" });
        await officer.GetByLabel("Người, cơ quan bị khiếu nại, tố cáo").FillAsync("Quyết định thu hồi đất số 18/QĐ-UBND");
        await officer.GetByLabel("Họ và tên").FillAsync("Trịnh Văn Khiếu");
        await officer.GetByRole(AriaRole.Button, new() { Name = "Vào sổ đơn" }).ClickAsync();
        await Assertions.Expect(officer.GetByTestId("case-session")).ToBeVisibleAsync();
        await StepAsync(officer, "Thụ lý");
        await Assertions.Expect(officer.GetByTestId("case-deadline")).ToContainTextAsync("Hạn giải quyết: 06/04/2026"); // 30 days from 05/03 (Art. 28)
        var notice = await DownloadTextAsync(officer, officer.GetByTestId("acceptance-notice"));
        Assert.Contains("Về việc thụ lý giải quyết khiếu nại lần đầu", notice, StringComparison.Ordinal);
        Assert.Contains("Trịnh Văn Khiếu", notice, StringComparison.Ordinal);
        Assert.Contains("06/04/2026", notice, StringComparison.Ordinal);
        Assert.Contains("Điều 28 Luật Khiếu nại 02/2011/QH13", notice, StringComparison.Ordinal);
        await StepAsync(officer, "Xác định vụ việc phức tạp", "Phải xác minh hồ sơ thu hồi đất của nhiều hộ.");
        await Assertions.Expect(officer.GetByTestId("case-deadline")).ToContainTextAsync("Hạn giải quyết: 20/04/2026"); // 45 days
        var complaintUrl = officer.Url;

        // 3. A denunciation, sealed: its handler (assigned by the head) sees the denouncer, the coordinator never.
        await officer.GotoAsync("/Cases/Create");
        await officer.GetByLabel("Nguồn đơn").SelectOptionAsync(new SelectOptionValue { Label = "Qua bưu chính" });
        await officer.GetByLabel("Loại đơn").SelectOptionAsync(new SelectOptionValue { Label = "Tố cáo" });
        await officer.GetByLabel("Nội dung tóm tắt").FillAsync("Tố cáo cán bộ thu tiền khi xác nhận hồ sơ đất đai.");
        await officer.GetByLabel("Lĩnh vực").SelectOptionAsync(new SelectOptionValue { Label = "Đất đai" });
        await officer.GetByLabel("Người, cơ quan bị khiếu nại, tố cáo").FillAsync("Một công chức bộ phận một cửa");
        await officer.GetByLabel("Họ và tên").FillAsync("Phan Thị Tốgiác");
        await officer.GetByRole(AriaRole.Button, new() { Name = "Vào sổ đơn" }).ClickAsync();
        var denunciationUrl = officer.Url;
        var head = await fx.SignInAsync("lanhdaophuong");
        await head.GotoAsync(denunciationUrl);
        await head.GetByLabel("Cán bộ thụ lý").SelectOptionAsync(new SelectOptionValue { Label = "Phạm Thị Lan" });
        await head.GetByRole(AriaRole.Button, new() { Name = "Giao", Exact = true }).ClickAsync();
        await officer.ReloadAsync();
        officer.Dialog += AcceptDialog;
        await officer.GetByRole(AriaRole.Button, new() { Name = "Xem danh tính người tố cáo" }).ClickAsync();
        await Assertions.Expect(officer.GetByTestId("denouncer-identity")).ToContainTextAsync("Phan Thị Tốgiác");
        officer.Dialog -= AcceptDialog;
        var coordinator = await fx.SignInAsync("dieuphoi");
        await coordinator.GotoAsync(denunciationUrl);
        await Assertions.Expect(coordinator.GetByTestId("case-sender")).ToContainTextAsync("Được bảo mật");
        Assert.DoesNotContain("Tốgiác", await coordinator.ContentAsync(), StringComparison.Ordinal);
        var id = denunciationUrl.Split('/').Last();
        Assert.DoesNotContain("Tốgiác", await (await coordinator.APIRequest.GetAsync($"/api/cases/{id}")).TextAsync(), StringComparison.Ordinal);
        var export = await coordinator.APIRequest.GetAsync("/Cases?handler=Export");
        Assert.True(export.Ok);
        using (var book = SpreadsheetDocument.Open(new MemoryStream(await export.BodyAsync()), false))
        {
            Assert.DoesNotContain("Tốgiác", book.WorkbookPart!.WorksheetParts.Single().Worksheet.InnerText, StringComparison.Ordinal);
        }

        var admin = await fx.SignInAsync("admin");
        await admin.GotoAsync($"/Audit?entity=CaseIdentity&entityId={id}");
        await Assertions.Expect(admin.Locator("tbody tr", new() { HasText = "Xem danh tính người tố cáo" }).First).ToContainTextAsync("canbo");
        await admin.GotoAsync(denunciationUrl);
        Assert.DoesNotContain("Tốgiác", await admin.ContentAsync(), StringComparison.Ordinal);

        // 4. A petition outside the ward's competence goes out with a phiếu chuyển đơn.
        await officer.GotoAsync("/Cases/Create");
        await officer.GetByLabel("Nguồn đơn").SelectOptionAsync(new SelectOptionValue { Label = "Qua bưu chính" });
        await officer.GetByLabel("Loại đơn").SelectOptionAsync(new SelectOptionValue { Label = "Kiến nghị, phản ánh" });
        await officer.GetByLabel("Nội dung tóm tắt").FillAsync("Kiến nghị sửa chữa quốc lộ 22B đoạn qua phường.");
        await officer.GetByLabel("Lĩnh vực").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await officer.GetByLabel("Họ và tên").FillAsync("Vũ Văn Kiếnnghị");
        await officer.GetByLabel("Thuộc thẩm quyền giải quyết của đơn vị").UncheckAsync();
        await officer.GetByRole(AriaRole.Button, new() { Name = "Vào sổ đơn" }).ClickAsync();
        await StepAsync(officer, "Chuyển đơn", toBody: "Sở Xây dựng tỉnh Tây Ninh");
        var slip = await DownloadTextAsync(officer, officer.GetByTestId("notice-Transfer"));
        Assert.Contains("PHIẾU CHUYỂN ĐƠN", slip, StringComparison.Ordinal);
        Assert.Contains("Kính gửi: Sở Xây dựng tỉnh Tây Ninh", slip, StringComparison.Ordinal);
        Assert.Contains("quốc lộ 22B", slip, StringComparison.Ordinal);

        // 5. 15/04: the complaint is resolved on time.
        fx.FakeClock.Advance(TimeSpan.FromDays(41));
        officer = await AgainAsync(officer, "canbo");
        await officer.GotoAsync(complaintUrl);
        await StepAsync(officer, "Ban hành kết quả giải quyết", "Quyết định giải quyết khiếu nại lần đầu số 21/QĐ-UBND.");
        await Assertions.Expect(officer.GetByText("Kết thúc ngày 15/04/2026 — đúng hạn")).ToBeVisibleAsync();
        await fx.ScreenshotAsync(officer, "51-reception-case-resolved");

        // 6. The six-month report of the ward: the counts DanVan kept, with where they came from.
        coordinator = await AgainAsync(coordinator, "dieuphoi");
        await coordinator.GotoAsync("/Reports");
        var open = coordinator.GetByTestId("open-period");
        await open.GetByLabel("Kỳ").SelectOptionAsync(new SelectOptionValue { Label = "6 tháng đầu năm" });
        await open.GetByLabel("Năm").FillAsync("2026");
        await open.GetByRole(AriaRole.Button, new() { Name = "Mở kỳ báo cáo" }).ClickAsync();
        await Assertions.Expect(coordinator.GetByTestId("period-title")).ToHaveTextAsync("Kỳ báo cáo 6 tháng đầu năm 2026");
        await officer.GotoAsync("/Reports");
        await officer.GetByTestId("my-reports").Locator("tr", new() { HasText = "6 tháng đầu năm 2026" }).GetByRole(AriaRole.Link).ClickAsync();
        foreach (var (code, register) in new[] { ("DON_NHAN", "sổ theo dõi đơn"), ("DON_GQ", "sổ theo dõi đơn"), ("DON_DUNGHAN", "sổ theo dõi đơn"), ("TCD_DINHKY", "sổ tiếp công dân"), ("TCD_LUOT", "sổ tiếp công dân") })
        {
            var row = officer.Locator("tr", new() { Has = officer.Locator($"input[data-code='{code}']") });
            var value = await row.Locator($"input[data-code='{code}']").InputValueAsync();
            await Assertions.Expect(row).ToContainTextAsync(new Regex($"Theo dõi trên DanVan \\({register}\\): {value} "));
            Assert.True(int.Parse(value, System.Globalization.CultureInfo.InvariantCulture) >= 1, code);
        }

        await Assertions.Expect(officer.GetByTestId("computed-DON_TYLE")).ToHaveTextAsync("100");
        await fx.ScreenshotAsync(officer, "52-reception-report-prefilled");

        foreach (var page in new[] { citizen, coordinator, officer, head, admin })
        {
            await page.Context.CloseAsync();
        }
    }
}
