using System.Net;
using DanVan.Infrastructure;
using DanVan.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace DanVan.Tests.Infrastructure;

/// <summary>The reference page of bench/run.sh exists only when Bench:Enabled is true.</summary>
[Collection("App")]
public class BenchEndpointsTests(AppFixture app)
{
    [Fact]
    public async Task FixedPage_WithoutTheFlag_DoesNotExist()
    {
        using var signedIn = await app.Factory.LoginAsync("admin");
        using var asAdmin = await signedIn.GetAsync("/bench/fixed?bytes=1000");
        Assert.Equal(HttpStatusCode.NotFound, asAdmin.StatusCode);

        using var anonymous = app.Factory.CreateBrowserlikeClient();
        using var asGuest = await anonymous.GetAsync("/bench/fixed?bytes=1000");
        Assert.Equal(HttpStatusCode.Redirect, asGuest.StatusCode);
        Assert.StartsWith("/Account/Login", asGuest.Headers.Location?.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FixedPage_WithTheFlag_AnswersExactlyTheBytesAskedFor_Anonymously()
    {
        await using var bench = app.Factory.WithWebHostBuilder(b => b.UseSetting("Bench:Enabled", "true"));
        using var client = bench.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var response = await client.GetAsync("/bench/fixed?bytes=23456");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(23456, body.Length);
        var html = System.Text.Encoding.ASCII.GetString(body);
        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.EndsWith("</html>\n", html, StringComparison.Ordinal);

        using var tooSmall = await client.GetAsync("/bench/fixed?bytes=10");
        Assert.Equal(HttpStatusCode.BadRequest, tooSmall.StatusCode);
        using var tooLarge = await client.GetAsync($"/bench/fixed?bytes={BenchEndpoints.MaxBytes + 1}");
        Assert.Equal(HttpStatusCode.BadRequest, tooLarge.StatusCode);
    }
}
