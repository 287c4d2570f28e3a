using Microsoft.Playwright;

namespace DanVan.BrowserTests;

/// <summary>The reporting regime as data: the administrator adds an indicator through the form; others only read.</summary>
[Collection("Browser")]
public class RegimeTests(BrowserFixture fx)
{
    [Fact]
    public async Task Administrator_adds_an_indicator_and_a_coordinator_sees_it_without_the_form()
    {
        var admin = await fx.SignInAsync("admin");
        await admin.GotoAsync("/Reports");
        await admin.GetByTestId("regimes").GetByRole(AriaRole.Link).First.ClickAsync();
        await Assertions.Expect(admin.GetByTestId("regime-name")).ToHaveTextAsync("Báo cáo công tác dân vận chính quyền và thực hiện dân chủ ở cơ sở");

        // A mistake first: a rate without its two figures.
        var form = admin.GetByTestId("add-indicator");
        await form.GetByLabel("Mã chỉ tiêu").FillAsync("TTHC_DUNGHAN_TL");
        await form.GetByLabel("Tên chỉ tiêu").FillAsync("Tỷ lệ hồ sơ thủ tục hành chính giải quyết đúng hạn");
        await form.GetByLabel("Nhóm").FillAsync("8. Cải cách hành chính");
        await form.GetByLabel("Cách tổng hợp").SelectOptionAsync(new SelectOptionValue { Label = "Tỷ lệ (tử số / mẫu số)" });
        await form.GetByRole(AriaRole.Button, new() { Name = "Thêm chỉ tiêu" }).ClickAsync();
        await Assertions.Expect(admin.GetByText("Vui lòng chọn tử số.")).ToBeVisibleAsync();

        // Then a plain count.
        form = admin.GetByTestId("add-indicator");
        await form.GetByLabel("Mã chỉ tiêu").FillAsync("TTHC_DUNGHAN");
        await form.GetByLabel("Tên chỉ tiêu").FillAsync("Hồ sơ thủ tục hành chính giải quyết đúng hạn");
        await form.GetByLabel("Đơn vị tính").FillAsync("hồ sơ");
        await form.GetByLabel("Nhóm").FillAsync("8. Cải cách hành chính");
        await form.GetByLabel("Cách tổng hợp").SelectOptionAsync(new SelectOptionValue { Label = "Cộng" });
        await form.GetByRole(AriaRole.Button, new() { Name = "Thêm chỉ tiêu" }).ClickAsync();
        await Assertions.Expect(admin.Locator(".alert", new() { HasText = "Đã thêm chỉ tiêu TTHC_DUNGHAN" })).ToBeVisibleAsync();
        await Assertions.Expect(admin.GetByTestId("indicators").Locator("tr[data-code='TTHC_DUNGHAN']")).ToContainTextAsync("hồ sơ");
        await fx.ScreenshotAsync(admin, "report-regime");

        var coordinator = await fx.SignInAsync("dieuphoi");
        await coordinator.GotoAsync(admin.Url);
        await Assertions.Expect(coordinator.GetByTestId("indicators").Locator("tr[data-code='TTHC_DUNGHAN']")).ToBeVisibleAsync();
        await Assertions.Expect(coordinator.GetByTestId("add-indicator")).ToHaveCountAsync(0);
    }
}
