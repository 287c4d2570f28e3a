using System.Globalization;
using DanVan.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace DanVan.BrowserTests;

/// <summary>
/// Issue 12's lists: the demo plan's adoption table of every obliged unit searched without diacritics, sorted by a
/// column header with the mouse and the keyboard in Vietnamese order, and read on a 375 px phone as cards, nothing cropped.
/// </summary>
[Collection("Browser")]
public class ListsTests(BrowserFixture fx)
{
    private static readonly CompareInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN").CompareInfo;

    private async Task<int> DemoPlanIdAsync()
    {
        using var scope = fx.App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var documentId = await db.Documents.Where(d => d.Code == "80/KH-UBND").Select(d => d.Id).SingleAsync();
        return await db.Plans.Where(p => p.DocumentId == documentId).Select(p => p.Id).SingleAsync();
    }

    private static async Task<string[]> VisibleUnitsAsync(IPage page) =>
        (await page.Locator("#adoption-rows tr:visible td:first-child").AllInnerTextsAsync()).Select(t => t.Trim()).ToArray();

    [Fact]
    public async Task Adoption_table_is_searched_sorted_and_read_as_cards_on_a_phone()
    {
        var planId = await DemoPlanIdAsync();
        var page = await fx.SignInAsync("dieuphoi");
        await page.GotoAsync($"/Plans/Details/{planId}");
        var all = await VisibleUnitsAsync(page);
        Assert.True(all.Length > 50, $"the province plan obliges every department, commune and ward ({all.Length})");

        // Search without diacritics: "tan ninh" finds Phường Tân Ninh and only rows that contain those words.
        await page.GetByLabel("Tìm đơn vị").FillAsync("tan ninh");
        var found = await VisibleUnitsAsync(page);
        Assert.Contains("Phường Tân Ninh", found);
        Assert.True(found.Length < all.Length);
        await Assertions.Expect(page.Locator("#adoption-found")).ToHaveTextAsync($"Tìm thấy {found.Length} đơn vị");
        await page.GetByLabel("Tìm đơn vị").FillAsync("");
        Assert.Equal(all.Length, (await VisibleUnitsAsync(page)).Length);

        // Sort by the unit's name: click → Vietnamese alphabetical order (Đ after D, "Tân" before "Trảng").
        var header = page.Locator("[data-testid=adoption] th", new() { HasTextString = "Đơn vị" });
        await header.ClickAsync();
        await Assertions.Expect(header).ToHaveAttributeAsync("aria-sort", "ascending");
        var ascending = await VisibleUnitsAsync(page);
        for (var i = 1; i < ascending.Length; i++)
        {
            Assert.True(Vietnamese.Compare(ascending[i - 1], ascending[i], CompareOptions.IgnoreCase) <= 0,
                $"'{ascending[i - 1]}' sorted before '{ascending[i]}'");
        }

        var tanAn = Array.IndexOf(ascending, "Phường Tân An");
        var trangBang = Array.IndexOf(ascending, "Phường Trảng Bàng");
        if (tanAn >= 0 && trangBang >= 0)
        {
            Assert.True(tanAn < trangBang, "Phường Tân An before Phường Trảng Bàng");
        }

        // The keyboard: Enter on the focused header reverses the order.
        await header.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(header).ToHaveAttributeAsync("aria-sort", "descending");
        Assert.Equal(ascending.Reverse(), await VisibleUnitsAsync(page));
        await page.Context.CloseAsync();

        // A phone, 375 px wide: each row is a card with its column names, and the table is never wider than the screen.
        var phone = await fx.SignInAsync("dieuphoi");
        await phone.SetViewportSizeAsync(375, 800);
        await phone.GotoAsync($"/Plans/Details/{planId}");
        var firstCell = phone.Locator("#adoption-rows tr").First.Locator("td").First;
        await Assertions.Expect(firstCell).ToHaveAttributeAsync("data-label", "Đơn vị");
        var widths = await phone.EvaluateAsync<int[]>(
            "() => [document.querySelector('[data-testid=adoption] table').scrollWidth, window.innerWidth]");
        Assert.True(widths[0] <= widths[1], $"the adoption table ({widths[0]} px) fits the screen ({widths[1]} px)");
        Assert.Equal("none", await phone.EvaluateAsync<string>(
            "() => getComputedStyle(document.querySelector('#adoption-rows tr')).display === 'block' ? 'none' : 'table-row'"));
        await fx.ScreenshotAsync(phone, "lists-adoption-375px");
        await phone.Context.CloseAsync();
    }
}
