using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace DanVan.BrowserTests;

/// <summary>
/// Issue 12's "each role's home page showing its real work after the demo seed": every demo role signs in and sees
/// its own work (or, for the administrator, the directory), each count card opens the list behind it with the same
/// number of rows, and nobody is offered an action their role may not take.
/// </summary>
[Collection("Browser")]
public partial class HomePagesTests(BrowserFixture fx)
{
    [GeneratedRegex(@"([0-9.]+) kết quả")]
    private static partial Regex Results();

    private static int Number(string text) => int.Parse(text.Trim().Replace(".", "", StringComparison.Ordinal), CultureInfo.InvariantCulture);

    /// <summary>The card's number, and the number of rows of the list it opens.</summary>
    private static async Task<(int Card, int List)> FollowAsync(IPage page, string testId)
    {
        var card = page.GetByTestId(testId);
        var count = Number(await card.Locator(".display-6").InnerTextAsync());
        await card.ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
        var rows = count == 0 ? 0 : Number(Results().Match(await page.Locator("main").InnerTextAsync()).Groups[1].Value);
        await page.GoBackAsync();
        return (count, rows);
    }

    [Fact]
    public async Task Each_role_sees_its_own_work_and_each_card_opens_the_same_count()
    {
        // The ward officer: the ward's overdue and coming tasks and plans to adopt, not unit counts.
        var officer = await fx.SignInAsync("canbo");
        await Assertions.Expect(officer.GetByTestId("home-work")).ToBeVisibleAsync();
        await Assertions.Expect(officer.Locator("main")).Not.ToContainTextAsync("Tỉnh, thành phố");
        await Assertions.Expect(officer.GetByTestId("home-standing")).ToContainTextAsync("Phường Tân Ninh");
        var overdue = await FollowAsync(officer, "work-overdue");
        Assert.True(overdue.Card >= 1, "the demo ward has an overdue task");
        Assert.Equal(overdue.Card, overdue.List);
        var soon = await FollowAsync(officer, "work-due-soon");
        Assert.Equal(soon.Card, soon.List);
        await Assertions.Expect(officer.GetByTestId("work-to-adopt")).ToBeVisibleAsync();
        await Assertions.Expect(officer.GetByTestId("work-extensions")).ToHaveCountAsync(0); // an officer decides no extension
        await fx.ScreenshotAsync(officer, "home-canbo");
        await officer.Context.CloseAsync();

        // The ward's head: the same work, and the extensions its unit must decide.
        var head = await fx.SignInAsync("lanhdaophuong");
        await Assertions.Expect(head.GetByTestId("work-extensions")).ToBeVisibleAsync();
        var headOverdue = await FollowAsync(head, "work-overdue");
        Assert.Equal(overdue.Card, headOverdue.Card);
        await head.Context.CloseAsync();

        // The coordinator: the province at a glance — adoption of its plans, the year by unit, targets off track.
        var coordinator = await fx.SignInAsync("dieuphoi");
        await Assertions.Expect(coordinator.GetByTestId("home-adoption")).ToBeVisibleAsync();
        await Assertions.Expect(coordinator.GetByTestId("home-standing")).ToContainTextAsync("và các đơn vị trực thuộc");
        await Assertions.Expect(coordinator.GetByTestId("work-targets-off-track")).ToBeVisibleAsync();
        var province = await FollowAsync(coordinator, "work-overdue");
        Assert.True(province.Card >= overdue.Card, "the province's overdue tasks include the ward's");
        Assert.Equal(province.Card, province.List);
        await Assertions.Expect(coordinator.Locator("main")).Not.ToContainTextAsync("0% hoàn thành đúng hạn");
        await fx.ScreenshotAsync(coordinator, "home-dieuphoi");
        await coordinator.Context.CloseAsync();

        // The reviewer sees the province but assigns nothing; the read-only account builds no plan.
        var reviewer = await fx.SignInAsync("thamdinh");
        await Assertions.Expect(reviewer.GetByTestId("home-adoption")).ToBeVisibleAsync();
        await reviewer.GotoAsync("/Tasks");
        await Assertions.Expect(reviewer.GetByRole(AriaRole.Link, new() { Name = "Giao nhiệm vụ" })).ToHaveCountAsync(0);
        await reviewer.Context.CloseAsync();

        var reader = await fx.SignInAsync("xem");
        await Assertions.Expect(reader.GetByTestId("home-work")).ToBeVisibleAsync();
        await reader.GotoAsync("/Plans");
        await Assertions.Expect(reader.GetByRole(AriaRole.Link, new() { Name = "Lập kế hoạch từ văn bản" })).ToHaveCountAsync(0);
        await reader.GotoAsync("/Tasks");
        await Assertions.Expect(reader.GetByRole(AriaRole.Link, new() { Name = "Giao nhiệm vụ" })).ToHaveCountAsync(0);
        await reader.Context.CloseAsync();

        // The administrator keeps the directory in figures.
        var admin = await fx.SignInAsync("admin");
        await Assertions.Expect(admin.Locator("main")).ToContainTextAsync("Xã, phường, đặc khu");
        await Assertions.Expect(admin.GetByTestId("home-work")).ToHaveCountAsync(0);
        await admin.Context.CloseAsync();
    }
}
