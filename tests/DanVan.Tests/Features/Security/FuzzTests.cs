using System.Net;
using System.Text;
using DanVan.Testing;
using DanVan.Tests.Support;

namespace DanVan.Tests.Features.Security;

/// <summary>
/// Issue 11, finding 4: every page handler and API endpoint (from the app's metadata, as in
/// <see cref="AccessByMetadataTests"/>) gets a bounded set of malformed requests — wrong types, overflow, NUL and
/// invalid UTF-8, huge strings, empty, duplicated fields, checkbox variants, wrong content types, broken JSON — as a
/// signed-in coordinator and administrator. None may answer 500 or hang; every API error is JSON problem details
/// with a Vietnamese title.
/// </summary>
[Collection("Foreign")]
public sealed class FuzzTests(ForeignDataFixture app)
{
    /// <summary>Values every field gets in turn (one request per value, all fields at once).</summary>
    private static readonly string[] Values =
    [
        "abc", "1", "-1", "2147483648", "99999999999999999999", "1e400", "", "true,false", "on",
        "31/02/2026", "2026-13-45", "a\0b", "\uFFFD\u0001", new string('x', 100_000), "<script>alert(1)</script>",
    ];

    private static readonly string[] JsonBodies = ["", "{", "[]", "null", "\"x\"", "{}", "{\"a\":", "[1,2,3]", "{\"__proto__\":{}}"];

    [Theory]
    [InlineData("dieuphoi")]
    [InlineData("admin")]
    public async Task MalformedRequests_ToEveryEndpoint_AreNeverAServerError(string user)
    {
        var endpoints = (await EndpointCatalog.ReadAsync(app.Factory.Services))
            .Where(e => AccessByMetadataTests.Rows.TryGetValue(e.Key, out var row) && !row.StartsWith("skip:", StringComparison.Ordinal)
                && !(row.StartsWith("self:", StringComparison.Ordinal) && e.Method != "GET"))
            .ToList();
        var client = await app.As(user);
        var token = await AppFixture.TokenAsync(client);
        var failures = new List<string>();
        var sent = 0;
        foreach (var endpoint in endpoints)
        {
            foreach (var request in Requests(endpoint, token))
            {
                using (request)
                {
                    sent++;
                    var label = $"{request.Method} {Shorten(request.RequestUri!.ToString())}";
                    HttpResponseMessage response;
                    try
                    {
                        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
                        response = await client.SendAsync(request, timeout.Token);
                    }
                    catch (TaskCanceledException)
                    {
                        failures.Add($"{label}: no answer in 60 s");
                        continue;
                    }

                    using (response)
                    {
                        var status = (int)response.StatusCode;
                        var body = await response.Content.ReadAsStringAsync();
                        if (status >= 500)
                        {
                            failures.Add($"{label}: {status}");
                        }
                        else if (EnglishFrameworkText(body) is { } english)
                        {
                            failures.Add($"{label}: {status} says \"{english}\" in English");
                        }
                        else if (endpoint.Route.StartsWith("/api/", StringComparison.Ordinal) && status >= 400 && body.Length > 0
                            && (response.Content.Headers.ContentType?.MediaType != "application/problem+json" || !body.Any(c => c > 127)))
                        {
                            failures.Add($"{label}: {status} without Vietnamese problem details: {Shorten(body)}");
                        }
                    }
                }
            }
        }

        // Still signed in (a malformed request must not have cost the session).
        using var check = await client.GetAsync("/api/units");
        Assert.Equal(HttpStatusCode.OK, check.StatusCode);
        Assert.True(failures.Count == 0, $"{failures.Count} of {sent} requests:\n" + string.Join("\n", failures.Distinct().Take(60)));
        Assert.True(sent > 1000, $"only {sent} requests");
    }

    private static IEnumerable<HttpRequestMessage> Requests(CallableEndpoint endpoint, string token)
    {
        var hasRouteValues = endpoint.Route.Contains('{', StringComparison.Ordinal);
        var okUrl = endpoint.Url(_ => "1");

        // Route values that are not numbers, or overflow.
        if (hasRouteValues)
        {
            foreach (var v in new[] { "abc", "2147483648", "-1", "%C3%28" }) // (a NUL in the path: Kestrel itself answers 400, the test host cannot send it)
            {
                yield return With(new HttpRequestMessage(new HttpMethod(endpoint.Method), endpoint.Url(_ => v)), endpoint, token, []);
            }
        }

        var fields = endpoint.Fields.Concat(endpoint.QueryFields).DistinctBy(f => f.Name).ToList();
        foreach (var value in Values)
        {
            if (endpoint.Method == "GET")
            {
                var query = string.Join("&", endpoint.QueryFields.Append(new BoundField("page", typeof(int))).DistinctBy(f => f.Name)
                    .Select(f => $"{Uri.EscapeDataString(f.Name)}={Uri.EscapeDataString(value)}"));
                yield return new HttpRequestMessage(HttpMethod.Get, okUrl + (okUrl.Contains('?', StringComparison.Ordinal) ? "&" : "?") + query);
                continue;
            }

            yield return With(new HttpRequestMessage(new HttpMethod(endpoint.Method), okUrl), endpoint, token, fields.Select(f => (f.Name, value)).ToList());
        }

        if (endpoint.Method == "GET")
        {
            // Invalid UTF-8 and a field given twice.
            var name = endpoint.QueryFields.FirstOrDefault()?.Name ?? "q";
            yield return new HttpRequestMessage(HttpMethod.Get, okUrl + (okUrl.Contains('?', StringComparison.Ordinal) ? "&" : "?") + $"{name}=%C3%28%FF&{name}=1&{name}=2");
            yield break;
        }

        // A form field given twice, with conflicting values.
        yield return With(new HttpRequestMessage(new HttpMethod(endpoint.Method), okUrl), endpoint, token,
            fields.SelectMany(f => new[] { (f.Name, "1"), (f.Name, "abc") }).ToList());

        // Broken or wrong bodies.
        foreach (var body in JsonBodies)
        {
            var request = new HttpRequestMessage(new HttpMethod(endpoint.Method), okUrl) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
            request.Headers.Add("RequestVerificationToken", token);
            yield return request;
        }

        var wrongType = new HttpRequestMessage(new HttpMethod(endpoint.Method), okUrl) { Content = new StringContent("a=1", Encoding.UTF8, "text/plain") };
        wrongType.Headers.Add("RequestVerificationToken", token);
        yield return wrongType;

        var invalidUtf8 = new HttpRequestMessage(new HttpMethod(endpoint.Method), okUrl) { Content = new ByteArrayContent([0x7B, 0x22, 0x61, 0x22, 0x3A, 0x22, 0xC3, 0x28, 0xFF, 0x22, 0x7D]) };
        invalidUtf8.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(endpoint.IsApi && !endpoint.FormBody ? "application/json" : "application/x-www-form-urlencoded");
        invalidUtf8.Headers.Add("RequestVerificationToken", token);
        yield return invalidUtf8;

        var noBoundary = new HttpRequestMessage(new HttpMethod(endpoint.Method), okUrl) { Content = new StringContent("--x\r\n", Encoding.UTF8) };
        noBoundary.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("multipart/form-data");
        noBoundary.Headers.Add("RequestVerificationToken", token);
        yield return noBoundary;

        if (endpoint.IsApi && endpoint.BodyType is not null)
        {
            // Each property of the JSON body with the wrong kind of value.
            foreach (var json in new[] { "\"abc\"", "2147483648", "1e400", "-1", "{}", "[]", "true", "\"\\u0000\"", "\"" + new string('x', 100_000) + "\"" })
            {
                var body = "{" + string.Join(",", endpoint.Fields.Select(f => $"\"{f.Name}\":{json}")) + "}";
                var request = new HttpRequestMessage(new HttpMethod(endpoint.Method), okUrl) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
                yield return request;
            }
        }
    }

    private static HttpRequestMessage With(HttpRequestMessage request, CallableEndpoint endpoint, string token, List<(string Name, string Value)> fields)
    {
        if (request.Method == HttpMethod.Get)
        {
            return request;
        }

        if (endpoint.IsApi && !endpoint.FormBody)
        {
            var body = "{" + string.Join(",", fields.DistinctBy(f => f.Name).Select(f => $"\"{f.Name}\":{System.Text.Json.JsonSerializer.Serialize(f.Value)}")) + "}";
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
            return request;
        }

        request.Content = new FormUrlEncodedContent(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))
            .Append(new KeyValuePair<string, string>("__RequestVerificationToken", token)));
        return request;
    }

    /// <summary>The framework's own English wording, which no answer of a Vietnamese product should carry.</summary>
    private static string? EnglishFrameworkText(string body)
    {
        foreach (var phrase in EnglishPhrases)
        {
            var at = body.IndexOf(phrase, StringComparison.Ordinal);
            if (at >= 0)
            {
                return Shorten(body.Substring(Math.Max(0, at - 40), Math.Min(body.Length - Math.Max(0, at - 40), 120)));
            }
        }

        return null;
    }

    private static readonly string[] EnglishPhrases =
    [
        "field is required", "is not valid for", "was not in a correct format", "The value '", "must be a number",
        "One or more validation errors", "is invalid.", "A non-empty request body is required", "Failed to read parameter",
    ];

    private static string Shorten(string text) => text.Length > 160 ? text[..160] + "…" : text;
}
