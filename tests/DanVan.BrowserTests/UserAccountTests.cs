using Microsoft.Playwright;

namespace DanVan.BrowserTests;

[Collection("Browser")]
public class UserAccountTests(BrowserFixture fx)
{
    [Fact]
    public async Task Coordinator_GivesACommuneOfficerAnAccount_PickingTheUnitByTypingItsName()
    {
        var page = await fx.SignInAsync("dieuphoi");
        await page.GetByRole(AriaRole.Link, new() { Name = "Tài khoản", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Thêm tài khoản" }).ClickAsync();

        var userName = "tm" + Guid.NewGuid().ToString("N")[..6];
        await page.GetByLabel("Tên đăng nhập").FillAsync(userName);
        await page.GetByLabel("Mật khẩu ban đầu").FillAsync("TruongMit@2026");
        await page.GetByLabel("Họ và tên").FillAsync("Huỳnh Thị Mai");
        await page.GetByLabel("Vai trò").SelectOptionAsync(new SelectOptionValue { Label = "Cán bộ đơn vị" });

        // The unit is found as one types, without diacritics (htmx).
        await page.GetByPlaceholder("Gõ tên hoặc mã đơn vị").PressSequentiallyAsync("truong mit");
        var option = page.GetByRole(AriaRole.Radio, new() { Name = "Xã Truông Mít" });
        await option.CheckAsync();
        await fx.ScreenshotAsync(page, "06-create-account");
        await page.GetByRole(AriaRole.Button, new() { Name = "Tạo tài khoản" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync($"Đã tạo tài khoản “{userName}”");
        await Assertions.Expect(page.Locator("#current-unit + label")).ToHaveTextAsync("Xã Truông Mít");
        await page.Context.CloseAsync();
    }
}
