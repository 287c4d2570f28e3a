using DanVan.Data;
using DanVan.Domain.Access;
using DanVan.Features.FollowUp;
using DanVan.Testing;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace DanVan.BrowserTests;

/// <summary>The app on a clock the test moves: 02/03/2026 08:00 in Việt Nam at the start.</summary>
public sealed class PlanLoopFixture : BrowserFixture
{
    public FakeClock FakeClock { get; } = new(new DateTimeOffset(2026, 3, 2, 1, 0, 0, TimeSpan.Zero));

    protected override TimeProvider? Clock => FakeClock;
}

/// <summary>
/// The yearly loop of issue 3, in a real browser: the coordinator registers the province plan with three targets and
/// four tasks and obliges the wards to adopt it; a ward officer adopts it and reports progress with a file; time
/// passes; the overdue task is on the coordinator's board and in the ward head's digest; the plan exports as DOCX.
/// </summary>
public class PlanLoopTests(PlanLoopFixture fx) : IClassFixture<PlanLoopFixture>
{
    private static string TempFile(string name, byte[] content)
    {
        var folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "danvan-upload-" + Guid.NewGuid().ToString("N")));
        var path = Path.Combine(folder.FullName, name);
        File.WriteAllBytes(path, content);
        return path;
    }

    private static byte[] Docx(string text)
    {
        using var stream = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(stream, DocumentFormat.OpenXml.WordprocessingDocumentType.Document))
        {
            doc.AddMainDocumentPart().Document = new Document(new Body(new Paragraph(new Run(new Text(text)))));
        }

        return stream.ToArray();
    }

    [Fact]
    public async Task ThePlanLoop_FromRegistrationToTheOverdueDigest()
    {
        // A head for the ward, to receive the escalation.
        using (var scope = fx.App.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var ward = await scope.ServiceProvider.GetRequiredService<AppDbContext>().OrgUnits.SingleAsync(u => u.Code == "25459");
            var wardHead = new AppUser { UserName = "ct.tanninh", FullName = "Chủ tịch UBND phường Tân Ninh", Email = "ct@danvan.local", OrgUnitId = ward.Id, LockoutEnabled = true };
            Assert.True((await users.CreateAsync(wardHead, "TanNinh@2026")).Succeeded);
            await users.AddToRoleAsync(wardHead, Roles.UnitHead);
        }

        // 1. The coordinator registers the province plan with its original file.
        var coordinator = await fx.SignInAsync("dieuphoi");
        await coordinator.GotoAsync("/Documents/Create");
        await coordinator.GetByLabel("Số, ký hiệu").FillAsync("15/KH-UBND");
        await coordinator.GetByLabel("Ngày ban hành").FillAsync("02/03/2026");
        await coordinator.GetByLabel("Địa danh").FillAsync("Tây Ninh");
        await coordinator.GetByLabel("Cơ quan ban hành").FillAsync("Ủy ban nhân dân tỉnh Tây Ninh");
        await coordinator.GetByLabel("Trích yếu").FillAsync("Thực hiện công tác dân vận chính quyền năm 2026");
        await coordinator.GetByLabel("Thẩm quyền ký").SelectOptionAsync("KT.");
        await coordinator.GetByLabel("Chức vụ người ký").FillAsync("Phó Chủ tịch");
        await coordinator.GetByLabel("Họ tên người ký").FillAsync("Nguyễn Văn Mạnh");
        await coordinator.GetByLabel("Nơi nhận").FillAsync("- Sở Nội vụ;\n- UBND các xã, phường;\n- Lưu: VT, SNV.");
        await coordinator.GetByLabel("Tệp gốc").SetInputFilesAsync(TempFile("ke-hoach.docx", Docx("KẾ HOẠCH 15/KH-UBND")));
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Đăng ký" }).ClickAsync();
        await Assertions.Expect(coordinator.GetByTestId("document-title")).ToContainTextAsync("Kế hoạch số 15/KH-UBND");

        // 2. Its content: three targets, and every ward must adopt it by 31/03.
        await coordinator.GetByRole(AriaRole.Link, new() { Name = "Nhập nội dung kế hoạch" }).ClickAsync();
        await coordinator.GetByLabel("I. Mục đích, yêu cầu").FillAsync("Nâng cao hiệu quả công tác dân vận chính quyền.");
        await coordinator.GetByLabel("Chỉ tiêu").FillAsync("100% cơ quan, đơn vị xây dựng kế hoạch\nMức độ hài lòng của người dân đạt trên 90%\nít nhất 80% phường có mô hình Dân vận khéo");
        await coordinator.GetByLabel("Yêu cầu các đơn vị cấp dưới xây dựng kế hoạch thực hiện").CheckAsync();
        await coordinator.GetByLabel("Thời hạn xây dựng kế hoạch").FillAsync("31/03/2026");
        await coordinator.GetByLabel("Phường", new() { Exact = true }).CheckAsync();
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Lưu" }).ClickAsync();
        await Assertions.Expect(coordinator.GetByTestId("plan-targets").Locator("tbody tr")).ToHaveCountAsync(3);
        var planUrl = coordinator.Url;

        // 3. Four tasks from the plan, to the ward.
        (string Title, string Due)[] tasks =
        [
            ("Tổ chức hội nghị đối thoại với Nhân dân", "10/03/2026"),
            ("Xây dựng mô hình Dân vận khéo về cải cách hành chính", "20/03/2026"),
            ("Tuyên truyền Luật Thực hiện dân chủ ở cơ sở", "15/04/2026"),
            ("Báo cáo sơ kết 6 tháng", "15/06/2026"),
        ];
        foreach (var (title, due) in tasks)
        {
            await coordinator.GotoAsync(planUrl);
            await coordinator.GetByRole(AriaRole.Link, new() { Name = "Giao nhiệm vụ theo kế hoạch" }).ClickAsync();
            await coordinator.GetByLabel("Nội dung nhiệm vụ").FillAsync(title);
            await coordinator.GetByPlaceholder("Gõ tên đơn vị chủ trì").PressSequentiallyAsync("phuong tan ninh");
            await coordinator.GetByRole(AriaRole.Radio, new() { Name = "Phường Tân Ninh" }).CheckAsync();
            await coordinator.GetByLabel("Hạn hoàn thành").FillAsync(due);
            await coordinator.GetByRole(AriaRole.Button, new() { Name = "Giao nhiệm vụ" }).ClickAsync();
            await Assertions.Expect(coordinator.GetByTestId("task-title")).ToHaveTextAsync(title);
        }

        await coordinator.GotoAsync(planUrl);
        await Assertions.Expect(coordinator.GetByTestId("plan-tasks").Locator("tbody tr")).ToHaveCountAsync(4);
        await fx.ScreenshotAsync(coordinator, "11-loop-plan");

        // 4. The ward officer adopts the plan.
        var officer = await fx.SignInAsync("canbo");
        await officer.GetByRole(AriaRole.Link, new() { Name = "Kế hoạch", Exact = true }).ClickAsync();
        await officer.GetByTestId("to-adopt").Locator("tr", new() { HasText = "15/KH-UBND" })
            .GetByRole(AriaRole.Link, new() { Name = "Xây dựng kế hoạch" }).ClickAsync();
        await officer.GetByLabel("Số, ký hiệu").FillAsync("7/KH-UBND");
        await officer.GetByLabel("Ngày ban hành").FillAsync("05/03/2026");
        await officer.GetByRole(AriaRole.Button, new() { Name = "Ban hành kế hoạch của đơn vị" }).ClickAsync();
        await Assertions.Expect(officer.GetByTestId("plan-title")).ToContainTextAsync("Kế hoạch số 7/KH-UBND");
        await Assertions.Expect(officer.GetByTestId("plan-tasks").Locator("tbody tr")).ToHaveCountAsync(4);

        // 5. …and reports progress on one task, with a file.
        await officer.GotoAsync("/Tasks");
        await officer.GetByRole(AriaRole.Link, new() { Name = tasks[1].Title }).ClickAsync();
        await officer.GetByLabel("Tiến độ (%)").FillAsync("50");
        await officer.GetByLabel("Kết quả thực hiện").FillAsync("Đã khảo sát, chọn nội dung mô hình.");
        await officer.GetByLabel("Minh chứng").SetInputFilesAsync(TempFile("bien-ban-khao-sat.pdf", "%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"u8.ToArray()));
        await officer.GetByRole(AriaRole.Button, new() { Name = "Gửi báo cáo" }).ClickAsync();
        await Assertions.Expect(officer.GetByTestId("task-updates")).ToContainTextAsync("Minh chứng: bien-ban-khao-sat.pdf");

        // 6. Time passes: 16/03/2026. The first task is six days overdue.
        fx.FakeClock.Advance(TimeSpan.FromDays(14));
        using (var scope = fx.App.Services.CreateScope())
        {
            var outcome = await scope.ServiceProvider.GetRequiredService<DigestJob>().RunAsync(new DateOnly(2026, 3, 16), "browser-test");
            Assert.True(outcome.Ran);
        }

        var coordinatorAgain = await fx.SignInAsync("dieuphoi");
        await coordinatorAgain.GotoAsync("/Tasks/Board");
        await Assertions.Expect(coordinatorAgain.GetByTestId("overdue-list")).ToContainTextAsync(tasks[0].Title);
        await Assertions.Expect(coordinatorAgain.GetByTestId("overdue-list")).Not.ToContainTextAsync(tasks[1].Title);
        await fx.ScreenshotAsync(coordinatorAgain, "12-loop-board-overdue");

        var head = await fx.SignInAsync("ct.tanninh", "TanNinh@2026");
        await head.GetByTestId("notifications-link").ClickAsync();
        var digest = head.GetByTestId("notification").First;
        await Assertions.Expect(digest).ToContainTextAsync("Đôn đốc nhiệm vụ ngày 16/03/2026");
        await Assertions.Expect(digest).ToContainTextAsync(tasks[0].Title);
        await Assertions.Expect(digest).ToContainTextAsync("báo lãnh đạo đơn vị");
        await fx.ScreenshotAsync(head, "13-loop-head-digest");

        // 7. The plan exports as the Word document the province signs.
        await coordinatorAgain.GotoAsync(planUrl);
        var download = await coordinatorAgain.RunAndWaitForDownloadAsync(() => coordinatorAgain.GetByTestId("export-docx").ClickAsync());
        var path = await download.PathAsync();
        using var word = WordprocessingDocument.Open(path, false);
        var paragraphs = word.MainDocumentPart!.Document.Body!.Descendants<Paragraph>().Select(p => p.InnerText).ToList();
        Assert.Contains("ỦY BAN NHÂN DÂN TỈNH TÂY NINH", paragraphs);
        Assert.Contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", paragraphs);
        Assert.Contains("Số: 15/KH-UBND", paragraphs);
        Assert.Contains("Tây Ninh, ngày 02 tháng 3 năm 2026", paragraphs);
        Assert.Contains("Nơi nhận:", paragraphs);
        Assert.Contains("- Sở Nội vụ;", paragraphs);
        Assert.Contains("- Lưu: VT, SNV.", paragraphs);
        var kt = paragraphs.IndexOf("KT. CHỦ TỊCH"); // Nghị định 30: the authority over the deputy's own title, never one line
        Assert.True(kt >= 0 && paragraphs[kt + 1] == "PHÓ CHỦ TỊCH", string.Join(" | ", paragraphs));
        Nd30Layout.AssertValid(await File.ReadAllBytesAsync(path!));
        Assert.StartsWith("15-KH-UBND-ke-hoach-", download.SuggestedFilename, StringComparison.Ordinal);
    }
}
