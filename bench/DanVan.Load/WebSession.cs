using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace DanVan.Load;

/// <summary>One signed-in user: a cookie from the real login form, one connection pool shared by the clients.</summary>
public sealed partial class WebSession : IDisposable
{
    private readonly HttpClient http;

    private WebSession(HttpClient http, string userName)
    {
        this.http = http;
        UserName = userName;
    }

    public string UserName { get; }

    /// <summary>GET /Account/Login for the antiforgery token, POST UserName and Password with it; 302 means signed in.</summary>
    public static async Task<WebSession> SignInAsync(Uri baseUri, string userName, string password, int connections)
    {
        var handler = new SocketsHttpHandler
        {
            CookieContainer = new CookieContainer(),
            UseCookies = true,
            AllowAutoRedirect = false,
            MaxConnectionsPerServer = Math.Max(connections, 1),
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            AutomaticDecompression = DecompressionMethods.None,
        };
        var http = new HttpClient(handler) { BaseAddress = baseUri, Timeout = TimeSpan.FromSeconds(120) };
        var form = await http.GetStringAsync(new Uri("/Account/Login", UriKind.Relative));
        var token = TokenPattern().Match(form) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value)
            : throw new InvalidOperationException("no __RequestVerificationToken on /Account/Login");
        using var body = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = userName,
            ["Password"] = password,
            ["__RequestVerificationToken"] = token,
        });
        using var response = await http.PostAsync(new Uri("/Account/Login", UriKind.Relative), body);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            http.Dispose();
            throw new InvalidOperationException($"sign-in as {userName} failed: HTTP {(int)response.StatusCode} (wrong password, locked account or two-factor?)");
        }

        return new WebSession(http, userName);
    }

    /// <summary>Sends a request and reads the whole body; anything but 2xx is a failure.</summary>
    public async Task<Outcome> SendAsync(HttpMethod method, string path, string? json, byte[] buffer, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, new MediaTypeHeaderValue("application/json"));
        }

        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
        await using var stream = await response.Content.ReadAsStreamAsync(ct);
        long total = 0;
        int read;
        while ((read = await stream.ReadAsync(buffer, ct)) > 0)
        {
            total += read;
        }

        var status = (int)response.StatusCode;
        return status is >= 200 and < 300 ? Outcome.Ok(total) : Outcome.Failed($"HTTP {status}");
    }

    public async Task<JsonDocument> GetJsonAsync(string path)
    {
        using var response = await http.GetAsync(new Uri(path, UriKind.Relative));
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"GET {path} as {UserName}: HTTP {(int)response.StatusCode}");
        }

        return await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync());
    }

    public void Dispose() => http.Dispose();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]*)\"")]
    private static partial Regex TokenPattern();
}
