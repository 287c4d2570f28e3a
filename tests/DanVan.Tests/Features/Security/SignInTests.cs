using System.Net;
using DanVan.Data;
using DanVan.Testing;
using DanVan.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DanVan.Tests.Features.Security;

/// <summary>
/// Issue 11, findings 2, 3 and 5: sessions end on the server (logout, lock, password reset), sign-in answers the same
/// for existing and unknown accounts, nobody can lock somebody else out, and parallel correct sign-ins all succeed.
/// Own database: these tests lock accounts.
/// </summary>
public sealed class SignInTests : IAsyncLifetime
{
    private const string Password = DanVan.Features.Demo.DemoSeeder.DemoPassword;
    private readonly AppFixture own = new();

    private TestDatabase Database => own.Database;

    private DanVanAppFactory Factory => own.Factory;

    public Task InitializeAsync() => own.InitializeAsync();

    public Task DisposeAsync() => own.DisposeAsync();

    [Fact]
    public async Task Logout_EndsTheSession_SoACopyOfTheOldCookieNoLongerWorks()
    {
        var (client, cookie) = await SignInAsync("xem");
        Assert.Equal(HttpStatusCode.OK, await StatusWithCookieAsync("/", cookie));

        using var logout = await DanVanAppFactory.PostFormAsync(client, "/Account/Logout", new Dictionary<string, string>(), "/");
        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, await StatusWithCookieAsync("/", cookie)); // to the login page
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusWithCookieAsync("/api/units", cookie));
    }

    [Fact]
    public async Task LockingAnAccount_EndsItsOpenSessionAtOnce()
    {
        var (userName, editUrl) = await CreateUserAsync();
        var (_, cookie) = await SignInAsync(userName, "KhoaThu@2026");
        Assert.Equal(HttpStatusCode.OK, await StatusWithCookieAsync("/api/units", cookie));

        var admin = await Factory.LoginAsync("admin");
        using var locked = await DanVanAppFactory.PostFormAsync(admin, editUrl + "?handler=Lock", new Dictionary<string, string> { ["locked"] = "true" }, editUrl);
        Assert.Equal(HttpStatusCode.Redirect, locked.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusWithCookieAsync("/api/units", cookie));
    }

    [Fact]
    public async Task APasswordReset_EndsTheSessionsOpenedWithTheOldPassword()
    {
        var (userName, editUrl) = await CreateUserAsync();
        var (_, cookie) = await SignInAsync(userName, "KhoaThu@2026");
        var admin = await Factory.LoginAsync("admin");
        using var reset = await DanVanAppFactory.PostFormAsync(admin, editUrl + "?handler=Password", new Dictionary<string, string> { ["NewPassword"] = "MatKhauMoi@2027" }, editUrl);
        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusWithCookieAsync("/api/units", cookie));
        Assert.NotNull(await Factory.LoginAsync(userName, "MatKhauMoi@2027"));
    }

    [Fact]
    public async Task FailedSignIns_AreAnsweredAlike_ForExistingAndUnknownAccounts_AndThrottleOnlyThatClient()
    {
        var attacker = Client("10.9.0.1");
        var answers = new Dictionary<string, List<string>>();
        foreach (var name in new[] { "xem", "khong-co-tai-khoan-nay" })
        {
            answers[name] = [];
            for (var i = 0; i < 7; i++)
            {
                using var response = await DanVanAppFactory.PostFormAsync(attacker, "/Account/Login", new Dictionary<string, string>
                {
                    ["UserName"] = name,
                    ["Password"] = "sai-mat-khau",
                });
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                answers[name].Add(LoginError(await response.Content.ReadAsStringAsync()));
            }
        }

        Assert.Equal(answers["xem"], answers["khong-co-tai-khoan-nay"]);
        Assert.All(answers["xem"].Take(5), a => Assert.Equal("Tên đăng nhập hoặc mật khẩu không đúng.", a));
        Assert.All(answers["xem"].Skip(5), a => Assert.StartsWith("Đăng nhập sai quá nhiều lần từ máy này.", a, StringComparison.Ordinal));

        // The right password from the attacker's address (in any spelling of the name) is throttled too…
        using var throttled = await DanVanAppFactory.PostFormAsync(attacker, "/Account/Login", new Dictionary<string, string>
        {
            ["UserName"] = "  XEM ",
            ["Password"] = Password,
        });
        Assert.StartsWith("Đăng nhập sai quá nhiều lần từ máy này.", LoginError(await throttled.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        // …but the account is not locked: its owner, elsewhere, signs in.
        using var owner = await DanVanAppFactory.PostFormAsync(Client("10.9.0.2"), "/Account/Login", new Dictionary<string, string>
        {
            ["UserName"] = "xem",
            ["Password"] = Password,
        });
        Assert.Equal(HttpStatusCode.Redirect, owner.StatusCode);
        using var scope = Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var xem = await db.Users.AsNoTracking().SingleAsync(u => u.UserName == "xem");
        Assert.Null(xem.LockoutEnd);
        Assert.Equal(0, xem.AccessFailedCount);
        Assert.True(await db.AuditEntries.CountAsync(a => a.Action == "login-failed" && a.Changes.Contains("khong-co-tai-khoan-nay")) >= 5);
    }

    [Fact]
    public async Task AnUnknownAccount_CostsTheSamePasswordHashAsAnExistingOne()
    {
        await using var counted = new DanVanAppFactory(Database, settings: new Dictionary<string, string>());
        var hasher = new CountingHasher();
        using var app = counted.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton<IPasswordHasher<AppUser>>(hasher)));
        var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        foreach (var name in new[] { "thamdinh", "khong-ton-tai" })
        {
            var before = hasher.Verifications;
            using var response = await DanVanAppFactory.PostFormAsync(client, "/Account/Login", new Dictionary<string, string>
            {
                ["UserName"] = name,
                ["Password"] = "sai-mat-khau",
            });
            Assert.Equal(1, hasher.Verifications - before);
        }
    }

    [Fact]
    public async Task ParallelCorrectSignIns_AfterFailedOnes_AllSucceed()
    {
        for (var i = 0; i < 3; i++)
        {
            await DanVanAppFactory.PostFormAsync(Client("10.9.1.1"), "/Account/Login", new Dictionary<string, string>
            {
                ["UserName"] = "thamdinh",
                ["Password"] = "sai-mat-khau",
            });
        }

        var attempts = Enumerable.Range(0, 6).Select(async i =>
        {
            using var response = await DanVanAppFactory.PostFormAsync(Client($"10.9.1.{10 + i}"), "/Account/Login", new Dictionary<string, string>
            {
                ["UserName"] = "thamdinh",
                ["Password"] = Password,
            });
            return response.StatusCode;
        });
        Assert.All(await Task.WhenAll(attempts), s => Assert.Equal(HttpStatusCode.Redirect, s));
    }

    [Fact]
    public async Task ManySignInPostsFromOneClient_AreRefusedWithAVietnamesePage()
    {
        await using var strict = new DanVanAppFactory(Database, settings: new Dictionary<string, string> { ["Security:LoginPostsPerClientPerMinute"] = "3" });
        var client = strict.CreateBrowserlikeClient();
        client.DefaultRequestHeaders.Add(DanVanAppFactory.ClientAddressHeader, "10.9.2.1");
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            using var response = await DanVanAppFactory.PostFormAsync(client, "/Account/Login", new Dictionary<string, string>
            {
                ["UserName"] = "u" + i,
                ["Password"] = "sai-mat-khau",
            });
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                Assert.Contains("Quá nhiều yêu cầu", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
                Assert.NotNull(response.Headers.RetryAfter);
            }
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
    }

    private HttpClient Client(string address)
    {
        var client = Factory.CreateBrowserlikeClient();
        client.DefaultRequestHeaders.Add(DanVanAppFactory.ClientAddressHeader, address);
        return client;
    }

    private async Task<(HttpClient Client, string Cookie)> SignInAsync(string userName, string password = Password)
    {
        var client = Factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var form = await client.GetAsync("/Account/Login");
        var antiforgery = string.Join("; ", form.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));
        var token = DanVanAppFactory.AntiforgeryToken(await form.Content.ReadAsStringAsync())!;
        using var request = new HttpRequestMessage(HttpMethod.Post, "/Account/Login")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["UserName"] = userName,
                ["Password"] = password,
                ["__RequestVerificationToken"] = token,
            }),
        };
        request.Headers.Add("Cookie", antiforgery);
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var auth = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("danvan.auth=", StringComparison.Ordinal)).Split(';')[0];
        var cookie = antiforgery + "; " + auth;
        var signedIn = Factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        signedIn.DefaultRequestHeaders.Add("Cookie", cookie);
        return (signedIn, cookie);
    }

    private async Task<HttpStatusCode> StatusWithCookieAsync(string url, string cookie)
    {
        using var client = Factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add("Cookie", cookie);
        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }

    private async Task<(string UserName, string EditUrl)> CreateUserAsync()
    {
        var admin = await Factory.LoginAsync("admin");
        var userName = "phien" + Guid.NewGuid().ToString("N")[..6];
        using var created = await DanVanAppFactory.PostFormAsync(admin, "/Users/Create", new Dictionary<string, string>
        {
            ["Input.UserName"] = userName,
            ["Input.Password"] = "KhoaThu@2026",
            ["Input.FullName"] = "Người Thử Phiên",
            ["Input.UnitId"] = await UnitIdAsync("80.SXD"),
            ["Input.Role"] = "UnitOfficer",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        return (userName, created.Headers.Location!.ToString());
    }

    private async Task<string> UnitIdAsync(string code)
    {
        using var scope = Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var id = await db.OrgUnits.Where(u => u.Code == code).Select(u => u.Id).SingleAsync();
        return id.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    private static string LoginError(string html)
    {
        var match = System.Text.RegularExpressions.Regex.Match(html, "data-testid=\"login-error\">([^<]*)<");
        return match.Success ? WebUtility.HtmlDecode(match.Groups[1].Value) : "";
    }

    private sealed class CountingHasher : IPasswordHasher<AppUser>
    {
        private readonly PasswordHasher<AppUser> inner = new();
        private int verifications;

        public int Verifications => verifications;

        public string HashPassword(AppUser user, string password) => inner.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(AppUser user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref verifications);
            return inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }
}
