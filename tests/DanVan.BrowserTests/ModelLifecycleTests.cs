using DanVan.Data;
using DanVan.Testing;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace DanVan.BrowserTests;

/// <summary>The app on a clock the test moves: 05/10/2026 08:00 in Việt Nam at the start.</summary>
public sealed class ModelFixture : BrowserFixture
{
    public FakeClock FakeClock { get; } = new(new DateTimeOffset(2026, 10, 5, 1, 0, 0, TimeSpan.Zero));

    protected override TimeProvider? Clock => FakeClock;
}

/// <summary>
/// Issue 15's golden path in a real browser: Phường Tân Ninh registers a model, the Ban Tuyên giáo và Dân vận returns
/// it for a missing criterion, the ward corrects it, it is approved, launched, reports progress with a photo, is
/// reviewed, recognised at provincial level by the Sở Nội vụ, and another ward replicates it.
/// </summary>
public class ModelLifecycleTests(ModelFixture fx) : IClassFixture<ModelFixture>
{
    [Fact]
    public async Task RegisterReturnCorrectApproveLaunchProgressReviewRecognise_ThenAnotherWardReplicates()
    {
        var name = "Dân vận khéo trong cải cách hành chính " + Guid.NewGuid().ToString("N")[..4];

        // 05/10: the Sở Nội vụ, implementing the province's plan, obliges every commune and ward to register at
        // least one model of 2026 by 31/10/2026.
        var obligation = "Xây dựng hoặc nhân rộng ít nhất 01 mô hình “Dân vận khéo” năm 2026 " + Guid.NewGuid().ToString("N")[..4];
        var coordinator = await fx.SignInAsync("dieuphoi");
        await coordinator.GotoAsync("/Tasks/Create");
        await coordinator.GetByLabel("Nội dung nhiệm vụ").FillAsync(obligation);
        await coordinator.Locator("#assign-Kind").CheckAsync();
        await coordinator.GetByLabel("Tất cả xã, phường, đặc khu").CheckAsync();
        await coordinator.GetByLabel("Hạn hoàn thành").FillAsync("31/10/2026");
        await coordinator.GetByLabel("Văn bản giao nhiệm vụ (số, ký hiệu)").FillAsync("80/KH-UBND");
        await coordinator.GetByLabel("Nhiệm vụ đăng ký mô hình “Dân vận khéo”").CheckAsync();
        await coordinator.GetByLabel("Số mô hình tối thiểu mỗi đơn vị").FillAsync("0");
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Giao nhiệm vụ" }).ClickAsync();
        await Assertions.Expect(coordinator.GetByTestId("create-task-form")).ToContainTextAsync("Số mô hình mỗi đơn vị phải đăng ký là số nguyên từ 1 đến");
        await coordinator.GetByLabel("Số mô hình tối thiểu mỗi đơn vị").FillAsync("1");
        await coordinator.GetByLabel("Mô hình của năm").FillAsync("2026");
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Giao nhiệm vụ" }).ClickAsync();
        await Assertions.Expect(coordinator.GetByTestId("assign-preview")).ToBeVisibleAsync();
        await coordinator.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Xác nhận giao cho") }).ClickAsync();
        await coordinator.WaitForURLAsync(u => !u.Contains("/Tasks/Create", StringComparison.Ordinal));

        // A second ward registers a model of its own: its task is done by the registration.
        var (firstUser, firstWard) = await WardUserAsync("canbophuongmot", "PhuongMot@2026", lowest: true);
        var first = await fx.SignInAsync(firstUser, "PhuongMot@2026");
        await first.GotoAsync("/Models/Create");
        await FillRegistrationAsync(first, "Tổ tự quản khu phố sáng – xanh – sạch " + Guid.NewGuid().ToString("N")[..4]);
        await first.GetByLabel("3. Mục tiêu, tiêu chí (đo được)").FillAsync("100% hộ phân loại rác tại nguồn trong 6 tháng.");
        await first.GetByRole(AriaRole.Button, new() { Name = "Gửi đăng ký" }).ClickAsync();
        await Assertions.Expect(first.GetByTestId("model-state")).ToHaveTextAsync("Đã đăng ký, chờ duyệt");
        await first.GotoAsync("/Tasks?state=All&q=" + Uri.EscapeDataString(obligation));
        await first.GetByRole(AriaRole.Link, new() { Name = obligation }).First.ClickAsync();
        await Assertions.Expect(first.GetByTestId("task-model-obligation")).ToContainTextAsync("hoàn thành bằng đăng ký mô hình");
        await Assertions.Expect(first.GetByTestId("task-state")).ToContainTextAsync("Hoàn thành");
        await fx.ScreenshotAsync(first, "33-model-obligation-fulfilled");
        await first.Context.CloseAsync();
        await coordinator.Context.CloseAsync();

        // The ward officer of Phường Tân Ninh registers, first without a measurable criterion.
        var officer = await fx.SignInAsync("canbo");
        await officer.GotoAsync("/Models/Create");
        await FillRegistrationAsync(officer, name);
        await officer.GetByRole(AriaRole.Button, new() { Name = "Gửi đăng ký" }).ClickAsync();
        await Assertions.Expect(officer.GetByTestId("model-form")).ToContainTextAsync("Vui lòng ghi mục tiêu và tiêu chí đo được.");
        await officer.GetByLabel("3. Mục tiêu, tiêu chí (đo được)").FillAsync("Hỗ trợ người dân nộp hồ sơ trực tuyến.");
        await officer.GetByRole(AriaRole.Button, new() { Name = "Gửi đăng ký" }).ClickAsync();
        await Assertions.Expect(officer.GetByTestId("model-state")).ToHaveTextAsync("Đã đăng ký, chờ duyệt");
        var url = new Uri(officer.Url).PathAndQuery;
        await fx.ScreenshotAsync(officer, "30-model-registered");

        // The body registered with returns it: the criterion is not measurable.
        var reviewer = await fx.SignInAsync("thamdinh");
        await Step(reviewer, url, "Trả lại", note: "Mục tiêu chưa có tiêu chí đo được: ghi tỷ lệ hồ sơ trực tuyến cần đạt.");
        await Assertions.Expect(reviewer.GetByTestId("model-state")).ToHaveTextAsync("Trả lại để hoàn thiện");

        // The ward corrects and sends it again; the body approves.
        await officer.GotoAsync(url);
        await officer.GetByTestId("model-edit").ClickAsync();
        await Assertions.Expect(officer.GetByTestId("return-reason")).ToContainTextAsync("tiêu chí đo được");
        await officer.GetByLabel("3. Mục tiêu, tiêu chí (đo được)").FillAsync("80% hồ sơ thủ tục hành chính nộp trực tuyến; 95% người dân hài lòng.");
        await officer.GetByRole(AriaRole.Button, new() { Name = "Gửi lại đăng ký" }).ClickAsync();
        await Assertions.Expect(officer.GetByTestId("model-state")).ToHaveTextAsync("Đã đăng ký, chờ duyệt");
        await Step(reviewer, url, "Duyệt, đưa vào danh mục");
        await Assertions.Expect(reviewer.GetByTestId("model-state")).ToHaveTextAsync("Đã duyệt, vào danh mục");

        // 15/10: launched; 15/01: progress with a photo.
        // Sessions end with the days that pass: sign in again after moving the clock.
        fx.FakeClock.Advance(TimeSpan.FromDays(10));
        await officer.Context.CloseAsync();
        await reviewer.Context.CloseAsync();
        officer = await fx.SignInAsync("canbo");
        await Step(officer, url, "Ra mắt", note: "Ra mắt tại hội trường UBND phường, 80 người dự.");
        await Assertions.Expect(officer.GetByTestId("model-state")).ToHaveTextAsync("Đã ra mắt");
        fx.FakeClock.Advance(TimeSpan.FromDays(92));
        await officer.Context.CloseAsync();
        officer = await fx.SignInAsync("canbo");
        reviewer = await fx.SignInAsync("thamdinh");
        await officer.GotoAsync(url);
        await officer.GetByLabel("Việc").SelectOptionAsync(new SelectOptionValue { Label = "Báo cáo tiến độ" });
        await officer.GetByLabel("Ngày", new() { Exact = true }).FillAsync("15/01/2027");
        await officer.Locator("#Input_Note").FillAsync("82% hồ sơ nộp trực tuyến trong quý; 96% người dân hài lòng.");
        await officer.GetByLabel("Mốc đã đạt (nếu có)").SelectOptionAsync(new SelectOptionValue { Label = "2. Sơ kết 3 tháng" });
        await officer.Locator("#Evidence").SetInputFilesAsync(TempFile("anh-mot-cua.png", Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==")));
        await officer.GetByRole(AriaRole.Button, new() { Name = "Ghi bước" }).ClickAsync();
        await Assertions.Expect(officer.GetByTestId("model-state")).ToHaveTextAsync("Đang triển khai");
        await Assertions.Expect(officer.GetByTestId("model-timeline")).ToContainTextAsync("Minh chứng: anh-mot-cua.png");
        await Assertions.Expect(officer.GetByTestId("model-milestones")).ToContainTextAsync("15/01/2027");

        // Reviewed by the Ban, recognised at provincial level by the Sở Nội vụ.
        // Scored against the five criteria of a collective model (data): the total is their sum, each criterion on the timeline.
        await Step(reviewer, url, "Sơ kết, đánh giá", note: "Đạt và vượt tiêu chí; người dân đồng tình.", points: ["18", "19", "17", "18", "18"]);
        await Assertions.Expect(reviewer.GetByTestId("model-state")).ToHaveTextAsync("Đã sơ kết, đánh giá");
        await Assertions.Expect(reviewer.GetByTestId("model-timeline")).ToContainTextAsync(": 90 điểm");
        await Assertions.Expect(reviewer.GetByTestId("model-review-scores")).ToContainTextAsync("Huy động được nhiều lực lượng cùng tham gia: 17/20 điểm");
        coordinator = await fx.SignInAsync("dieuphoi");
        await Step(coordinator, url, "Công nhận", level: "Cấp tỉnh");
        await Assertions.Expect(coordinator.GetByTestId("model-state")).ToHaveTextAsync("Đã công nhận");
        await Assertions.Expect(coordinator.GetByTestId("model-level")).ToHaveTextAsync("Cấp tỉnh");
        await fx.ScreenshotAsync(coordinator, "31-model-recognised");

        // A third ward did nothing: it is listed as short of its model and reminded in its digest (overdue since 31/10).
        var otherWard = await WardUserAsync("canbophuongkhac", "PhuongKhac@2026", lowest: false);
        await coordinator.GotoAsync("/Models/Compliance?year=2026&none=true");
        await Assertions.Expect(coordinator.GetByTestId("compliance-obligations")).ToContainTextAsync(obligation);
        await Assertions.Expect(coordinator.GetByTestId("compliance-summary")).ToContainTextAsync("đã quá hạn đăng ký");
        await Assertions.Expect(coordinator.GetByTestId("compliance-table")).ToContainTextAsync(otherWard.UnitName);
        await Assertions.Expect(coordinator.GetByTestId("compliance-table")).Not.ToContainTextAsync(firstWard);
        await fx.ScreenshotAsync(coordinator, "34-model-compliance");
        using (var scope = fx.App.Services.CreateScope())
        {
            Assert.True((await scope.ServiceProvider.GetRequiredService<DanVan.Features.FollowUp.DigestJob>().RunAsync(new DateOnly(2027, 1, 15), "browser-test")).Ran);
        }

        var adopter = await fx.SignInAsync(otherWard.UserName, "PhuongKhac@2026");
        await adopter.GetByTestId("notifications-link").ClickAsync();
        await Assertions.Expect(adopter.GetByTestId("notification").First).ToContainTextAsync(obligation);

        // That ward replicates the recognised model; the original shows where.
        adopter.Dialog += AcceptDialog;
        await adopter.GotoAsync(url);
        await adopter.GetByTestId("model-replicate").ClickAsync();
        await Assertions.Expect(adopter.GetByTestId("model-source")).ToContainTextAsync("Nhân rộng từ mô hình «" + name + "» của Phường Tân Ninh");
        await Assertions.Expect(adopter.GetByTestId("model-state")).ToHaveTextAsync("Đã đăng ký, chờ duyệt");
        await coordinator.GotoAsync(url);
        await Assertions.Expect(coordinator.GetByTestId("model-copies")).ToContainTextAsync(otherWard.UnitName);
        await Assertions.Expect(coordinator.GetByTestId("model-timeline")).ToContainTextAsync("Được nhân rộng tại " + otherWard.UnitName);
        await fx.ScreenshotAsync(coordinator, "32-model-replicated");

        // The registration form and the yearly summary come out as files that reopen with the right content.
        var docx = await coordinator.RunAndWaitForDownloadAsync(() => coordinator.GetByTestId("model-docx").ClickAsync());
        using (var word = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(await docx.PathAsync(), false))
        {
            var text = word.MainDocumentPart!.Document.Body!.InnerText;
            Assert.Contains(name, text, StringComparison.Ordinal);
            Assert.Contains("80% hồ sơ thủ tục hành chính nộp trực tuyến", text, StringComparison.Ordinal);
        }

        await coordinator.GotoAsync("/Models?year=2026");
        var xlsx = await coordinator.RunAndWaitForDownloadAsync(() => coordinator.GetByTestId("models-summary").ClickAsync());
        using (var book = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(await xlsx.PathAsync(), false))
        {
            var shared = book.WorkbookPart!.SharedStringTablePart?.SharedStringTable.Elements<DocumentFormat.OpenXml.Spreadsheet.SharedStringItem>().Select(i => i.InnerText).ToList() ?? [];
            var cells = book.WorkbookPart.WorksheetParts.SelectMany(w => w.Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Cell>())
                .Select(c => c.DataType?.Value == DocumentFormat.OpenXml.Spreadsheet.CellValues.SharedString ? shared[int.Parse(c.InnerText, System.Globalization.CultureInfo.InvariantCulture)] : c.InnerText).ToList();
            Assert.Contains("Phường Tân Ninh", cells);
            Assert.Contains(firstWard, cells);
        }

        // The six-month report of 2027: Phường Tân Ninh's figure of recognised models and the replicating ward's
        // registrations are pre-filled from the catalogue, each with where it comes from.
        await coordinator.GotoAsync("/Reports");
        var open = coordinator.GetByTestId("open-period");
        await open.GetByLabel("Kỳ").SelectOptionAsync(new SelectOptionValue { Label = "6 tháng đầu năm" });
        await open.GetByLabel("Năm").FillAsync("2027");
        await open.GetByRole(AriaRole.Button, new() { Name = "Mở kỳ báo cáo" }).ClickAsync();
        await Assertions.Expect(coordinator.GetByTestId("period-title")).ToHaveTextAsync("Kỳ báo cáo 6 tháng đầu năm 2027");
        async Task<int> PrefilledAsync(IPage page, string code)
        {
            var row = page.Locator("tr", new() { Has = page.Locator($"input[data-code='{code}']") });
            var value = await row.Locator($"input[data-code='{code}']").InputValueAsync();
            await Assertions.Expect(row).ToContainTextAsync(new System.Text.RegularExpressions.Regex($"Theo dõi trên DanVan \\(danh mục mô hình “Dân vận khéo”\\): {value} "));
            return int.Parse(value, System.Globalization.CultureInfo.InvariantCulture);
        }

        await officer.GotoAsync("/Reports");
        await officer.GetByTestId("my-reports").Locator("tr", new() { HasText = "6 tháng đầu năm 2027" }).GetByRole(AriaRole.Link).ClickAsync();
        Assert.Equal(1, await PrefilledAsync(officer, "MH_CONGNHAN"));
        Assert.Equal(0, await PrefilledAsync(officer, "MH_DANGKY")); // its model was registered in October 2026
        await fx.ScreenshotAsync(officer, "35-model-report-prefilled");
        await adopter.GotoAsync("/Reports");
        await adopter.GetByTestId("my-reports").Locator("tr", new() { HasText = "6 tháng đầu năm 2027" }).GetByRole(AriaRole.Link).ClickAsync();
        Assert.Equal(1, await PrefilledAsync(adopter, "MH_DANGKY"));
        Assert.Equal(0, await PrefilledAsync(adopter, "MH_CONGNHAN"));

        foreach (var page in new[] { officer, reviewer, coordinator, adopter })
        {
            await page.Context.CloseAsync();
        }
    }

    private static async Task FillRegistrationAsync(IPage officer, string name)
    {
        await officer.GetByLabel("Lĩnh vực").SelectOptionAsync(new SelectOptionValue { Label = "Xây dựng hệ thống chính trị" });
        await officer.GetByLabel("Đăng ký với").SelectOptionAsync(new SelectOptionValue { Label = "Ban Tuyên giáo và Dân vận Tỉnh ủy Tây Ninh" });
        await officer.GetByLabel("1. Tên mô hình").FillAsync(name);
        await officer.GetByLabel("2. Thực trạng, lý do xây dựng").FillAsync("Người dân còn phải đi lại nhiều lần để làm thủ tục.");
        await officer.GetByLabel("4. Nội dung, cách thức thực hiện").FillAsync("Tổ thanh niên tình nguyện hướng dẫn nộp hồ sơ trực tuyến tại bộ phận một cửa.");
        await officer.GetByLabel("5. Địa bàn, đối tượng").FillAsync("Bộ phận một cửa Phường Tân Ninh; người dân đến làm thủ tục.");
        await officer.GetByLabel("6. Lực lượng thực hiện").FillAsync("Văn phòng UBND phường chủ trì; Đoàn thanh niên phối hợp.");
        await officer.GetByLabel("7. Nguồn lực").FillAsync("Ngân sách phường 10 triệu đồng; 2 máy tính.");
        await officer.GetByLabel("Ngày bắt đầu").FillAsync("01/10/2026");
        await officer.GetByLabel("Ngày sơ kết, đánh giá").FillAsync("31/03/2027");
        await officer.GetByPlaceholder("Mốc 1: nội dung (ví dụ: Ra mắt mô hình)").FillAsync("Ra mắt mô hình");
        await officer.GetByLabel("Ngày mốc 1").FillAsync("15/10/2026");
        await officer.GetByPlaceholder("Mốc 2: nội dung (ví dụ: Ra mắt mô hình)").FillAsync("Sơ kết 3 tháng");
        await officer.GetByLabel("Ngày mốc 2").FillAsync("15/01/2027");
        await officer.GetByLabel("9. Sản phẩm, kết quả đầu ra").FillAsync("Tỷ lệ hồ sơ trực tuyến công khai hằng tháng.");
        await officer.GetByLabel("Khả năng duy trì, nhân rộng").FillAsync("Duy trì bằng quy chế của UBND phường.");
    }

    private static async Task Step(IPage page, string url, string action, string? note = null, string[]? points = null, string? level = null)
    {
        await page.GotoAsync(url);
        if (!await page.GetByTestId("model-step-form").IsVisibleAsync())
        {
            throw new InvalidOperationException("No step form for «" + action + "» on " + page.Url + ": " + await page.Locator("main").InnerTextAsync());
        }

        await page.GetByLabel("Việc").SelectOptionAsync(new SelectOptionValue { Label = action });
        if (note is not null)
        {
            await page.Locator("#Input_Note").FillAsync(note);
        }

        if (points is not null)
        {
            var inputs = page.GetByTestId("model-review-criteria").Locator("input");
            await Assertions.Expect(inputs).ToHaveCountAsync(points.Length);
            for (var i = 0; i < points.Length; i++)
            {
                await inputs.Nth(i).FillAsync(points[i]);
            }
        }

        if (level is not null)
        {
            await page.GetByLabel("Cấp công nhận").SelectOptionAsync(new SelectOptionValue { Label = level });
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Ghi bước" }).ClickAsync();
        await page.WaitForURLAsync(u => !u.Contains("handler=", StringComparison.Ordinal));
    }

    /// <summary>An officer of another ward of the demo province (the demo has accounts for Phường Tân Ninh only): the ward with the lowest or highest code without any model.</summary>
    private async Task<(string UserName, string UnitName)> WardUserAsync(string userName, string password, bool lowest)
    {
        using var scope = fx.App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        if (await users.FindByNameAsync(userName) is { } existing)
        {
            return (userName, await db.OrgUnits.Where(u => u.Id == existing.OrgUnitId).Select(u => u.Name).SingleAsync());
        }

        var tanNinh = await db.OrgUnits.SingleAsync(u => u.Code == "25459");
        var wards = db.OrgUnits.Where(u => u.AncestorPath == tanNinh.AncestorPath && u.Id != tanNinh.Id && u.Kind == DanVan.Domain.Units.OrgUnitKind.Ward && u.ValidTo == null
            && !db.MobilizationModels.Any(m => m.UnitId == u.Id));
        var ward = await (lowest ? wards.OrderBy(u => u.Code) : wards.OrderByDescending(u => u.Code)).FirstAsync();
        var user = new AppUser { UserName = userName, Email = userName + "@danvan.local", EmailConfirmed = true, FullName = "Cán bộ " + ward.Name, OrgUnitId = ward.Id, LockoutEnabled = true };
        Assert.True((await users.CreateAsync(user, password)).Succeeded);
        await users.AddToRoleAsync(user, DanVan.Domain.Access.Roles.UnitOfficer);
        return (userName, ward.Name);
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
