using System.Text.RegularExpressions;
using DanVan.Testing;
using Microsoft.Playwright;

namespace DanVan.BrowserTests;

/// <summary>The app on a clock the test moves: Monday 02/03/2026 08:00 in Việt Nam at the start.</summary>
public sealed class CaseFixture : BrowserFixture
{
    public FakeClock FakeClock { get; } = new(new DateTimeOffset(2026, 3, 2, 1, 0, 0, TimeSpan.Zero));

    protected override TimeProvider? Clock => FakeClock;
}

/// <summary>
/// Issue 13 in a real browser: a ward officer receives a complaint, accepts it, the deadline comes from the law with
/// its article, the case is found complicated (45 days instead of 30) and resolved on time; the coordinator follows it
/// without the citizen's name; the citizen follows it on the public page with the receipt's code and key.
/// </summary>
public partial class CaseTests(CaseFixture fx) : IClassFixture<CaseFixture>
{
    [Fact]
    public async Task AComplaint_IsReceived_Accepted_FoundComplicated_AndResolvedOnTime_AndTheCitizenFollowsIt()
    {
        var officer = await fx.SignInAsync("canbo");
        await officer.GetByRole(AriaRole.Link, new() { Name = "Đơn thư", Exact = true }).ClickAsync();
        await officer.GetByRole(AriaRole.Link, new() { Name = "Tiếp nhận đơn" }).ClickAsync();
        await Assertions.Expect(officer.GetByLabel("Ngày nhận đơn")).ToHaveValueAsync("02/03/2026");
        await officer.GetByLabel("Nguồn đơn").SelectOptionAsync(new SelectOptionValue { Label = "Qua tiếp công dân" });
        await officer.GetByLabel("Loại đơn").SelectOptionAsync(new SelectOptionValue { Label = "Khiếu nại" });
        await officer.GetByLabel("Nội dung tóm tắt").FillAsync("Khiếu nại quyết định thu hồi đất để mở rộng chợ Tân Ninh, chưa được bồi thường tài sản trên đất.");
        await officer.GetByLabel("Lĩnh vực").SelectOptionAsync(new SelectOptionValue { Label = "Bồi thường, hỗ trợ, tái định cư" });
        await officer.GetByLabel("Người, cơ quan bị khiếu nại, tố cáo").FillAsync("Quyết định thu hồi đất số 45/QĐ-UBND của Chủ tịch UBND phường");
        await officer.GetByLabel("Họ và tên").FillAsync("Hoàng Văn Dânthử");
        await officer.GetByLabel("Điện thoại").FillAsync("0987000111");
        await fx.ScreenshotAsync(officer, "40-case-intake");
        await officer.GetByRole(AriaRole.Button, new() { Name = "Vào sổ đơn" }).ClickAsync();

        var message = await officer.GetByRole(AriaRole.Status).InnerTextAsync();
        var receipt = ReceiptRegex().Match(message);
        Assert.True(receipt.Success, message);
        var (code, key) = (receipt.Groups[1].Value, receipt.Groups[2].Value);
        await Assertions.Expect(officer.GetByTestId("case-state")).ToHaveTextAsync("Đang xử lý đơn");
        await Assertions.Expect(officer.GetByTestId("case-deadline")).ToContainTextAsync("Hạn xử lý đơn: 12/03/2026");
        await Assertions.Expect(officer.GetByTestId("case-deadline-basis")).ToContainTextAsync("Điều 27 Luật Khiếu nại 02/2011/QH13");

        // Thụ lý the same day: 30 days from acceptance (Art. 28) → 01/04/2026.
        await officer.GetByLabel("Việc", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Thụ lý" });
        await officer.GetByRole(AriaRole.Button, new() { Name = "Ghi bước" }).ClickAsync();
        await Assertions.Expect(officer.GetByTestId("case-state")).ToHaveTextAsync("Đã thụ lý, đang giải quyết");
        await Assertions.Expect(officer.GetByTestId("case-deadline")).ToContainTextAsync("Hạn giải quyết: 01/04/2026");
        await Assertions.Expect(officer.GetByTestId("case-deadline-basis")).ToHaveTextAsync("30 ngày kể từ ngày thụ lý (Điều 28 Luật Khiếu nại 02/2011/QH13)");

        // Ten days later the verification shows it is complicated: 45 days → 16/04/2026. (Sessions last 7 days: sign in again.)
        var caseUrl = officer.Url;
        fx.FakeClock.Advance(TimeSpan.FromDays(10));
        await officer.Context.CloseAsync();
        officer = await fx.SignInAsync("canbo");
        await officer.GotoAsync(caseUrl);
        await officer.GetByLabel("Việc", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Xác định vụ việc phức tạp" });
        await officer.GetByRole(AriaRole.Button, new() { Name = "Ghi bước" }).ClickAsync();
        await Assertions.Expect(officer.GetByText("Vui lòng ghi vì sao vụ việc phức tạp")).ToBeVisibleAsync();
        await officer.GetByLabel("Việc", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Xác định vụ việc phức tạp" });
        await officer.GetByLabel("Lý do, căn cứ, nội dung").FillAsync("Nhiều hộ dân cùng khiếu nại một nội dung; phải xác minh tại hai khu phố.");
        await officer.GetByRole(AriaRole.Button, new() { Name = "Ghi bước" }).ClickAsync();
        await Assertions.Expect(officer.GetByTestId("case-deadline")).ToContainTextAsync("Hạn giải quyết: 16/04/2026");
        await Assertions.Expect(officer.GetByTestId("case-deadline-basis")).ToHaveTextAsync("45 ngày kể từ ngày thụ lý; trường hợp phức tạp (Điều 28 Luật Khiếu nại 02/2011/QH13)");
        await fx.ScreenshotAsync(officer, "41-case-complicated");

        // The coordinator follows the ward's cases without the citizen's name or phone.
        var coordinator = await fx.SignInAsync("dieuphoi");
        await coordinator.GotoAsync("/Cases");
        await coordinator.GetByRole(AriaRole.Link, new() { Name = code }).ClickAsync();
        await Assertions.Expect(coordinator.GetByTestId("case-sender")).ToContainTextAsync("Ẩn");
        Assert.DoesNotContain("Dânthử", await coordinator.ContentAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("0987000111", await coordinator.ContentAsync(), StringComparison.Ordinal);

        // Resolved on 10/04/2026: on time.
        fx.FakeClock.Advance(TimeSpan.FromDays(29));
        await officer.Context.CloseAsync();
        officer = await fx.SignInAsync("canbo");
        await officer.GotoAsync(caseUrl);
        await officer.GetByLabel("Việc", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Ban hành kết quả giải quyết" });
        await officer.GetByLabel("Lý do, căn cứ, nội dung").FillAsync("Quyết định giải quyết khiếu nại lần đầu số 12/QĐ-UBND.");
        await officer.GetByRole(AriaRole.Button, new() { Name = "Ghi bước" }).ClickAsync();
        await Assertions.Expect(officer.GetByTestId("case-state")).ToHaveTextAsync("Đã giải quyết");
        await Assertions.Expect(officer.GetByText("Kết thúc ngày 10/04/2026 — đúng hạn")).ToBeVisibleAsync();
        await Assertions.Expect(officer.GetByTestId("case-timeline").Locator("li")).ToHaveCountAsync(4);
        await fx.ScreenshotAsync(officer, "42-case-resolved");

        // The citizen, with the receipt only.
        var citizen = await fx.Browser.NewPageAsync(new() { BaseURL = fx.BaseAddress.ToString(), Locale = "vi-VN" });
        await citizen.GotoAsync("/Public/Cases");
        await citizen.GetByLabel("Mã đơn").FillAsync(code);
        await citizen.GetByLabel("Mã bảo mật").FillAsync("SAI00000");
        await citizen.GetByRole(AriaRole.Button, new() { Name = "Tra cứu" }).ClickAsync();
        await Assertions.Expect(citizen.GetByTestId("public-lookup-error")).ToContainTextAsync("Không tìm thấy đơn");
        await citizen.GetByLabel("Mã bảo mật").FillAsync(key);
        await citizen.GetByRole(AriaRole.Button, new() { Name = "Tra cứu" }).ClickAsync();
        await Assertions.Expect(citizen.GetByTestId("public-case-state")).ToHaveTextAsync("Đã giải quyết");
        Assert.DoesNotContain("Dânthử", await citizen.ContentAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("chợ Tân Ninh", await citizen.ContentAsync(), StringComparison.Ordinal);
        await fx.ScreenshotAsync(citizen, "43-case-public");

        await citizen.Context.CloseAsync();
        await coordinator.Context.CloseAsync();
        await officer.Context.CloseAsync();
    }

    [GeneratedRegex("Đã vào sổ đơn ([0-9A-Z.-]+)\\. Mã bảo mật in trên phiếu biên nhận cho người gửi: ([A-Z0-9]{8})")]
    private static partial Regex ReceiptRegex();
}
