using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace DanVan.BrowserTests;

[Collection("Browser")]
public class UnitDirectoryTests(BrowserFixture fx)
{
    [Fact]
    public async Task Coordinator_SignsIn_AndBrowsesTheUnitTree()
    {
        var page = await fx.SignInAsync("dieuphoi");
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Xin chào, Nguyễn Thị Thu Hà");
        await page.GetByRole(AriaRole.Link, new() { Name = "Đơn vị", Exact = true }).ClickAsync();
        var tree = page.GetByTestId("unit-tree");
        await Assertions.Expect(tree).ToContainTextAsync("Tỉnh Tây Ninh");
        await Assertions.Expect(tree).ToContainTextAsync("Phường Tân Ninh");

        // Expanding a department loads its divisions (htmx).
        var department = tree.Locator("details").Filter(new() { HasText = "Sở Nội vụ tỉnh Tây Ninh" }).First;
        await department.Locator("summary").ClickAsync();
        await Assertions.Expect(department).ToContainTextAsync("Văn phòng Sở Nội vụ");
        await Assertions.Expect(department).ToContainTextAsync("Phòng Xây dựng chính quyền và Công tác thanh niên");
        await fx.ScreenshotAsync(page, "01-unit-tree");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Search_TypedWithoutDiacritics_FindsTheUnit()
    {
        var page = await fx.SignInAsync("admin");
        await page.GotoAsync("/Units");
        await page.GetByPlaceholder("Tìm theo tên hoặc mã").FillAsync("quang ngai");
        await page.GetByRole(AriaRole.Button, new() { Name = "Tìm" }).ClickAsync();
        var results = page.GetByTestId("search-results");
        await Assertions.Expect(results).ToContainTextAsync("Tỉnh Quảng Ngãi");
        await fx.ScreenshotAsync(page, "02-search-without-diacritics");
        await page.GetByRole(AriaRole.Link, new() { Name = "Tỉnh Quảng Ngãi" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("unit-name")).ToHaveTextAsync("Tỉnh Quảng Ngãi");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Admin_AddsAUnit_AndSeesItInTheTree()
    {
        var page = await fx.SignInAsync("admin");
        var snv = await fx.UnitIdAsync("80.SNV");
        await page.GotoAsync($"/Units/Details/{snv}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Thêm đơn vị trực thuộc" }).ClickAsync();

        // First a mistake: nothing filled in, an impossible date.
        await page.GetByLabel("Hoạt động từ ngày").FillAsync("30/02/2026");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("create-unit-form")).ToContainTextAsync("Ngày bắt đầu hoạt động không hợp lệ");
        await fx.ScreenshotAsync(page, "03-add-unit-errors");

        var code = "80.SNV.DV" + Guid.NewGuid().ToString("N")[..4].ToUpperInvariant();
        await page.GetByLabel("Tên đơn vị").FillAsync("Phòng Công tác dân vận chính quyền");
        await page.GetByLabel("Mã đơn vị").FillAsync(code);
        await page.GetByLabel("Loại đơn vị").SelectOptionAsync(new SelectOptionValue { Label = "Phòng, ban trực thuộc" });
        await page.GetByLabel("Hoạt động từ ngày").FillAsync("01/12/2026");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("unit-name")).ToHaveTextAsync("Phòng Công tác dân vận chính quyền");
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Đã thêm đơn vị");

        // In the tree: Việt Nam → Tỉnh Tây Ninh → Sở Nội vụ → the new unit.
        await page.GotoAsync("/Units");
        var tree = page.GetByTestId("unit-tree");
        var province = tree.Locator("details").Filter(new() { Has = page.GetByRole(AriaRole.Link, new() { Name = "Tỉnh Tây Ninh", Exact = true }) }).First;
        await province.Locator("summary").First.ClickAsync();
        var department = province.Locator("details").Filter(new() { HasText = "Sở Nội vụ tỉnh Tây Ninh" }).First;
        await department.Locator("summary").ClickAsync();
        await Assertions.Expect(department).ToContainTextAsync("Phòng Công tác dân vận chính quyền");
        await fx.ScreenshotAsync(page, "04-new-unit-in-tree");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task UnitOfficer_IsRefusedAnotherUnitsPage()
    {
        var page = await fx.SignInAsync("canbo");
        var snv = await fx.UnitIdAsync("80.SNV");
        var response = await page.GotoAsync($"/Units/Details/{snv}");
        Assert.Equal(403, response!.Status);
        await Assertions.Expect(page.GetByTestId("error-page")).ToContainTextAsync("Không có quyền truy cập");
        await Assertions.Expect(page.GetByTestId("error-page")).Not.ToContainTextAsync("Sở Nội vụ");
        await fx.ScreenshotAsync(page, "05-officer-refused");

        // Their own unit opens.
        await page.GotoAsync($"/Units/Details/{await fx.UnitIdAsync("25459")}");
        await Assertions.Expect(page.GetByTestId("unit-name")).ToHaveTextAsync("Phường Tân Ninh");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task UnknownUnit_ShowsTheNotFoundPage()
    {
        var page = await fx.SignInAsync("xem");
        var response = await page.GotoAsync("/Units/Details/987654321");
        Assert.Equal(404, response!.Status);
        await Assertions.Expect(page.GetByTestId("error-page")).ToContainTextAsync(new Regex("Không tìm thấy"));
        await page.Context.CloseAsync();
    }
}

[Collection("Browser")]
public class UnitHistoryTests(BrowserFixture fx)
{
    [Fact]
    public async Task Coordinator_SplitsADivision_PickingSuccessorsAcrossSearches()
    {
        var page = await fx.SignInAsync("dieuphoi");
        page.Dialog += (_, dialog) => dialog.AcceptAsync();
        await page.GotoAsync($"/Units/Details/{await fx.UnitIdAsync("80.STP.PBGDPL")}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Chia tách" }).ClickAsync();

        var search = page.GetByPlaceholder("Gõ tên hoặc mã để tìm");
        await search.PressSequentiallyAsync("van phong so tu phap");
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "Văn phòng Sở Tư pháp" }).CheckAsync();
        await search.FillAsync("");
        await search.PressSequentiallyAsync("phong xay dung chinh quyen");
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "Phòng Xây dựng chính quyền và Công tác thanh niên" }).CheckAsync();
        await Assertions.Expect(page.GetByTestId("picked").GetByRole(AriaRole.Checkbox)).ToHaveCountAsync(2);

        await page.GetByLabel("Ngày hiệu lực").FillAsync("01/01/2027");
        await page.GetByLabel("Căn cứ").FillAsync("Quyết định 12/QĐ-UBND");
        await fx.ScreenshotAsync(page, "07-split-unit");
        await page.GetByRole(AriaRole.Button, new() { Name = "Chia tách", Exact = true }).ClickAsync();

        await Assertions.Expect(page.GetByTestId("unit-ended")).ToHaveTextAsync("Ngừng hoạt động từ 01/01/2027");
        var successors = page.GetByTestId("successors");
        await Assertions.Expect(successors).ToContainTextAsync("Văn phòng Sở Tư pháp");
        await Assertions.Expect(successors).ToContainTextAsync("Phòng Xây dựng chính quyền và Công tác thanh niên");
        await Assertions.Expect(page.GetByTestId("unit-events")).ToContainTextAsync("Chia tách");
        await page.Context.CloseAsync();
    }
}
