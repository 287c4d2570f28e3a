using System.Net;
using System.Net.Http.Json;
using DanVan.Testing;
using DanVan.Tests.Support;

namespace DanVan.Tests.Features;

/// <summary>Nothing a user types or edits into a URL produces a 500.</summary>
[Collection("App")]
public class BadInputTests(AppFixture app)
{
    [Theory]
    [InlineData("/Units?page=-5")]
    [InlineData("/Units?page=abc")]
    [InlineData("/Units?q=%25%27%22%3C%3E_%5C&page=999999")]
    [InlineData("/Units?q=" + "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    [InlineData("/Units?history=maybe")]
    [InlineData("/Units/Details/abc")]
    [InlineData("/Units/Details/99999999999999")]
    [InlineData("/Units?handler=Children&id=abc")]
    [InlineData("/Units?handler=Nope")]
    [InlineData("/Units/Lookup?q=%00&field=%3Cscript%3E")]
    [InlineData("/Units/Create?parentId=-1")]
    [InlineData("/Users?page=0&q=%27")]
    [InlineData("/Users/Edit/khong-co")]
    [InlineData("/Audit?page=-1&entity=%27&entityId=%22")]
    [InlineData("/api/units?page=-1&pageSize=100000&q=%25")]
    [InlineData("/api/units/abc")]
    [InlineData("/api/units?parentId=abc")]
    public async Task OddUrls_AreAnsweredWithoutAServerError(string url)
    {
        var client = await app.As("admin");
        using var response = await client.GetAsync(url);
        Assert.True((int)response.StatusCode < 500, $"{url} → {(int)response.StatusCode}");
    }

    [Theory]
    [InlineData("\u0001Tên có ký tự điều khiển", "ký tự không hợp lệ")]
    [InlineData("x", null)]
    public async Task CreateForm_RejectsControlCharactersAndOverlongNames(string name, string? expected)
    {
        var client = await app.As("admin");
        var parent = await app.UnitIdAsync("80.SNV");
        var longName = name == "x" ? new string('x', 400) : name;
        using var response = await DanVanAppFactory.PostFormAsync(client, $"/Units/Create?parentId={parent}", new Dictionary<string, string>
        {
            ["ParentId"] = parent.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Name"] = longName,
            ["Input.Code"] = "80.X" + Guid.NewGuid().ToString("N")[..6],
            ["Input.Kind"] = "Division",
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(expected ?? "không quá 300 ký tự", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task FormPost_WithANulCharacter_IsABadRequestWithTheVietnamesePage()
    {
        var client = await app.As("admin");
        var parent = await app.UnitIdAsync("80.SNV");
        using var response = await DanVanAppFactory.PostFormAsync(client, $"/Units/Create?parentId={parent}", new Dictionary<string, string>
        {
            ["Input.Name"] = "\u0000Tên",
            ["Input.Code"] = "80.X" + Guid.NewGuid().ToString("N")[..6],
            ["Input.Kind"] = "Division",
        });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Yêu cầu không hợp lệ", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task FormPost_WithoutAntiforgeryToken_IsRefusedNotCrashed()
    {
        var client = await app.As("admin");
        using var response = await client.PostAsync($"/Units/Rename/{await app.UnitIdAsync("80.SNV.VP")}",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["Input.NewName"] = "Giả mạo" }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var unit = await client.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/units/{await app.UnitIdAsync("80.SNV.VP")}");
        Assert.Equal("Văn phòng Sở Nội vụ", unit.GetProperty("name").GetString());
    }
}
