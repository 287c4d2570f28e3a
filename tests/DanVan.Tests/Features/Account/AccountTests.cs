using System.Net;
using System.Text.RegularExpressions;
using DanVan.Testing;
using DanVan.Tests.Support;

namespace DanVan.Tests.Features.Account;

/// <summary>Sign-in, lockout, two-factor, and two app instances sharing one database. Own database: these tests lock accounts.</summary>
public partial class AccountTests : IAsyncLifetime
{
    private TestDatabase database = null!;
    private DanVanAppFactory factory = null!;

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateSeededAsync();
        factory = new DanVanAppFactory(database);
    }

    public async Task DisposeAsync()
    {
        await factory.DisposeAsync();
        await database.DisposeAsync();
    }

    [Fact]
    public async Task EmptyLoginForm_ExplainsWhatIsMissing()
    {
        var client = factory.CreateBrowserlikeClient();
        using var response = await DanVanAppFactory.PostFormAsync(client, "/Account/Login", new Dictionary<string, string>());
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Vui lòng nhập tên đăng nhập.", html, StringComparison.Ordinal);
        Assert.Contains("Vui lòng nhập mật khẩu.", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LoginReturnUrl_ToAnotherSite_IsIgnored()
    {
        var client = factory.CreateBrowserlikeClient();
        using var response = await DanVanAppFactory.PostFormAsync(client, "/Account/Login?ReturnUrl=https%3A%2F%2Fevil.example", new Dictionary<string, string>
        {
            ["UserName"] = "thamdinh",
            ["Password"] = DanVan.Features.Demo.DemoSeeder.DemoPassword,
            ["ReturnUrl"] = "https://evil.example",
        }, formPage: "/Account/Login");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.ToString());
    }

    [Fact]
    public async Task TwoFactor_OnceEnabled_IsRequiredAtSignIn()
    {
        var client = await factory.LoginAsync("lanhdao");
        var page = await client.GetStringAsync("/Account/TwoFactor");
        var key = KeyPattern().Match(page).Groups[1].Value;
        Assert.False(string.IsNullOrEmpty(key));

        using var wrong = await DanVanAppFactory.PostFormAsync(client, "/Account/TwoFactor?handler=Enable", new Dictionary<string, string> { ["Code"] = "000000" }, "/Account/TwoFactor");
        Assert.Contains("Mã xác thực không đúng", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var enabled = await DanVanAppFactory.PostFormAsync(client, "/Account/TwoFactor?handler=Enable",
            new Dictionary<string, string> { ["Code"] = Totp.Code(key, DateTimeOffset.UtcNow) }, "/Account/TwoFactor");
        Assert.Equal(HttpStatusCode.Redirect, enabled.StatusCode);
        Assert.Contains("đang <strong>bật</strong>", await client.GetStringAsync("/Account/TwoFactor"), StringComparison.Ordinal);

        // A new sign-in now asks for the code.
        var fresh = factory.CreateBrowserlikeClient();
        using var first = await DanVanAppFactory.PostFormAsync(fresh, "/Account/Login", new Dictionary<string, string>
        {
            ["UserName"] = "lanhdao",
            ["Password"] = DanVan.Features.Demo.DemoSeeder.DemoPassword,
        });
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.StartsWith("/Account/LoginWith2fa", first.Headers.Location!.ToString(), StringComparison.Ordinal);
        using var home = await fresh.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode); // not signed in yet

        using var second = await DanVanAppFactory.PostFormAsync(fresh, "/Account/LoginWith2fa", new Dictionary<string, string>
        {
            ["Code"] = Totp.Code(key, DateTimeOffset.UtcNow),
        }, first.Headers.Location!.ToString());
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        using var signedIn = await fresh.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
        Assert.Contains("Lê Hoàng Phúc", await signedIn.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TwoInstances_OnOneDatabase_ServeTheSameSignedInUser()
    {
        await using var second = new DanVanAppFactory(database);
        var a = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        var login = await a.GetAsync("/Account/Login");
        var antiforgeryCookie = Cookies(login);
        var token = DanVanAppFactory.AntiforgeryToken(await login.Content.ReadAsStringAsync())!;
        using var post = new HttpRequestMessage(HttpMethod.Post, "/Account/Login")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["UserName"] = "thamdinh",
                ["Password"] = DanVan.Features.Demo.DemoSeeder.DemoPassword,
                ["__RequestVerificationToken"] = token,
            }),
        };
        post.Headers.Add("Cookie", antiforgeryCookie);
        using var signedIn = await a.SendAsync(post);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        var authCookie = Cookies(signedIn);

        // The cookie issued by instance A opens instance B: the key ring lives in the database.
        var b = second.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Add("Cookie", authCookie);
        using var home = await b.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Contains("Trần Văn Minh", await home.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static string Cookies(HttpResponseMessage response) =>
        string.Join("; ", response.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));

    [GeneratedRegex("data-testid=\"2fa-key\">([^<]+)<")]
    private static partial Regex KeyPattern();
}
