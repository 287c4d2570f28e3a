using DanVan.Data;
using DanVan.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace DanVan.BrowserTests;

/// <summary>
/// The real app on a Kestrel port, a seeded database, and Debian's Chromium driven by Playwright (never a
/// downloaded browser). Screenshots go to $DANVAN_ARTIFACTS/screenshots/&lt;engine&gt;/.
/// </summary>
public class BrowserFixture : IAsyncLifetime
{
    /// <summary>When set, the app runs on this clock instead of the system's.</summary>
    protected virtual TimeProvider? Clock => null;

    private IPlaywright? playwright;

    public TestDatabase Database { get; private set; } = null!;

    public DanVanAppFactory App { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public Uri BaseAddress { get; private set; } = null!;

    public string ScreenshotFolder { get; } = Path.Combine(
        Environment.GetEnvironmentVariable("DANVAN_ARTIFACTS") ?? Path.Combine(Path.GetTempPath(), "danvan-artifacts"),
        "screenshots", TestDatabase.ProviderName.ToLowerInvariant());

    public async Task InitializeAsync()
    {
        Database = await TestDatabase.CreateSeededAsync();
        App = new DanVanAppFactory(Database, realServer: true, Clock);
        BaseAddress = App.ServerAddress;
        Directory.CreateDirectory(ScreenshotFolder);
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("DANVAN_CHROMIUM") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
        });
    }

    public virtual async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        playwright?.Dispose();
        await App.DisposeAsync();
        await Database.DisposeAsync();
    }

    /// <summary>A fresh browser context (its own cookies), Vietnamese locale, signed in through the login page.</summary>
    public async Task<IPage> SignInAsync(string userName, string password = Features.Demo.DemoSeeder.DemoPassword)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString().TrimEnd('/'),
            Locale = "vi-VN",
            TimezoneId = "Asia/Ho_Chi_Minh",
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(30_000);
        page.SetDefaultNavigationTimeout(60_000);
        // On a loaded machine (CI shares two cores with the app and the browser) a sign-in once stayed on the login
        // page past the navigation timeout: one more try, then fail with what the page said.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                // The first page of a test class can take long on a loaded machine (the form once did not show within 30 s).
                await page.GotoAsync("/Account/Login");
                if (attempt > 1 && !page.Url.Contains("/Account/Login", StringComparison.Ordinal))
                {
                    return page; // the first try got through after its wait ran out: the login page now sends us home
                }

                await page.GetByLabel("Tên đăng nhập").FillAsync(userName, new() { Timeout = 90_000 });
                await page.GetByLabel("Mật khẩu").FillAsync(password);
                await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync();
                await page.WaitForURLAsync(url => !url.Contains("/Account/Login", StringComparison.Ordinal), new() { Timeout = 45_000 });
                return page;
            }
            catch (TimeoutException) when (attempt == 1)
            {
            }
            catch (TimeoutException ex)
            {
                var said = await page.Locator("main").InnerTextAsync(new() { Timeout = 5_000 });
                throw new TimeoutException($"Sign-in of {userName} stayed on {page.Url}: {said}", ex);
            }
        }
    }

    public async Task ScreenshotAsync(IPage page, string name) =>
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, name + ".png"), FullPage = true });

    public async Task<int> UnitIdAsync(string code)
    {
        using var scope = App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await db.OrgUnits.Where(u => u.Code == code).Select(u => u.Id).SingleAsync();
    }
}

[CollectionDefinition("Browser")]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>;
