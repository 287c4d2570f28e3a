using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace DanVan.Load;

/// <summary>What one request got back: the status, the body's size, the body itself when asked for, the redirect target.</summary>
public readonly record struct Answer(int Status, long Bytes, string? Body, string? Location)
{
    public bool IsSuccess => Status is >= 200 and < 300;
}

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

    /// <summary>A browser-like client for one user, not signed in yet: its own cookies, redirects not followed.</summary>
    public static WebSession Open(Uri baseUri, string userName, int connections, TimeSpan timeout)
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
        return new WebSession(new HttpClient(handler) { BaseAddress = baseUri, Timeout = timeout }, userName);
    }

    /// <summary>GET /Account/Login for the antiforgery token, POST UserName and Password with it; 302 means signed in.</summary>
    public static async Task<WebSession> SignInAsync(Uri baseUri, string userName, string password, int connections)
    {
        var session = Open(baseUri, userName, connections, TimeSpan.FromSeconds(120));
        try
        {
            var form = await session.ExchangeAsync(HttpMethod.Get, "/Account/Login", null, null, CancellationToken.None);
            var answer = await session.PostLoginAsync(FormToken(form.Body ?? ""), password, CancellationToken.None);
            if (answer.Status != (int)HttpStatusCode.Redirect)
            {
                throw new InvalidOperationException($"sign-in as {userName} failed: HTTP {answer.Status} (wrong password, locked account, rate limit or two-factor?)");
            }

            return session;
        }
        catch
        {
            session.Dispose();
            throw;
        }
    }

    /// <summary>The login form's POST with the token of the GET before it.</summary>
    public Task<Answer> PostLoginAsync(string token, string password, CancellationToken ct) =>
        ExchangeAsync(HttpMethod.Post, "/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = UserName,
            ["Password"] = password,
            ["__RequestVerificationToken"] = token,
        }), null, ct);

    /// <summary>Sends a request and reads the whole body; anything but 2xx is a failure.</summary>
    public async Task<Outcome> SendAsync(HttpMethod method, string path, string? json, byte[] buffer, CancellationToken ct)
    {
        var answer = await ExchangeAsync(method, path, json is null ? null : JsonContent(json), buffer, ct);
        return answer.IsSuccess ? Outcome.Ok(answer.Bytes) : Outcome.Failed($"HTTP {answer.Status}");
    }

    /// <summary>
    /// A public form POSTed as a citizen behind the province's reverse proxy: <paramref name="clientAddress"/> goes in
    /// X-Forwarded-For (trusted from loopback), so each simulated citizen is its own client for the rate limiter.
    /// </summary>
    public async Task<Outcome> PostFormAsync(string path, IReadOnlyDictionary<string, string> form, string clientAddress, byte[] buffer, CancellationToken ct)
    {
        var answer = await ExchangeAsync(HttpMethod.Post, path, new FormUrlEncodedContent(form), buffer, ct, clientAddress);
        return answer.IsSuccess ? Outcome.Ok(answer.Bytes) : Outcome.Failed($"HTTP {answer.Status}");
    }

    /// <summary>
    /// One request, whatever it answers: the body is drained into <paramref name="buffer"/> (not kept), or kept as text when
    /// there is no buffer. Takes ownership of <paramref name="content"/>.
    /// </summary>
    public async Task<Answer> ExchangeAsync(HttpMethod method, string path, HttpContent? content, byte[]? buffer, CancellationToken ct, string? forwardedFor = null)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative)) { Content = content };
        if (forwardedFor is not null)
        {
            request.Headers.TryAddWithoutValidation("X-Forwarded-For", forwardedFor);
        }

        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
        var status = (int)response.StatusCode;
        var location = response.Headers.Location?.OriginalString;
        if (buffer is null)
        {
            var body = await response.Content.ReadAsStringAsync(ct);
            return new Answer(status, Encoding.UTF8.GetByteCount(body), body, location);
        }

        await using var stream = await response.Content.ReadAsStreamAsync(ct);
        long total = 0;
        int read;
        while ((read = await stream.ReadAsync(buffer, ct)) > 0)
        {
            total += read;
        }

        return new Answer(status, total, null, location);
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

    /// <summary>POSTs JSON and returns the status and the body's text.</summary>
    public Task<Answer> PostJsonAsync(string path, string json) => ExchangeAsync(HttpMethod.Post, path, JsonContent(json), null, CancellationToken.None);

    public static StringContent JsonContent(string json) => new(json, Encoding.UTF8, new MediaTypeHeaderValue("application/json"));

    public void Dispose() => http.Dispose();

    /// <summary>A failed connection in a few words, for grouping: the kind, and the socket's reason when there is one.</summary>
    public static string Describe(HttpRequestException ex) =>
        $"connection: {ex.HttpRequestError}" + (ex.InnerException is IOException { InnerException: System.Net.Sockets.SocketException se } ? $" ({se.SocketErrorCode})"
            : ex.InnerException is System.Net.Sockets.SocketException se2 ? $" ({se2.SocketErrorCode})" : "");

    /// <summary>The first antiforgery token of a page's forms.</summary>
    public static string FormToken(string html) =>
        TokenPattern().Match(html) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value)
            : throw new InvalidOperationException("no __RequestVerificationToken on the page");

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]*)\"")]
    private static partial Regex TokenPattern();
}
