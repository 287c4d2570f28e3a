using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using DanVan.Tests.Support;

namespace DanVan.Tests.Features.Units;

/// <summary>
/// A user of one unit can neither read nor change another unit's data by guessing ids, in pages or in the API.
/// Units are named by code ({80.SNV}); the test resolves them to ids, as an attacker would by guessing.
/// </summary>
[Collection("App")]
public partial class AccessMatrixTests(AppFixture app)
{
    public static TheoryData<string, string, string, HttpStatusCode> Cases => new()
    {
        // user, method, url, expected
        { "canbo", "GET", "/Units/Details/{25459}", HttpStatusCode.OK },
        { "canbo", "GET", "/Units/Details/{80.SNV}", HttpStatusCode.Forbidden },
        { "canbo", "GET", "/Units/Details/{80}", HttpStatusCode.Forbidden },
        { "canbo", "GET", "/Units/Details/{01}", HttpStatusCode.Forbidden },
        { "canbo", "GET", "/Units/Details/987654321", HttpStatusCode.NotFound },
        { "canbo", "GET", "/Units?handler=Children&id={80}", HttpStatusCode.Forbidden },
        { "canbo", "GET", "/Units/Rename/{25459}", HttpStatusCode.Forbidden },
        { "canbo", "GET", "/Units/Create?parentId={25459}", HttpStatusCode.Forbidden },
        { "canbo", "POST", "/Units/Rename/{80.SNV.VP}", HttpStatusCode.Forbidden },
        { "canbo", "POST", "/Units/Merge/{80.SNV.VP}", HttpStatusCode.Forbidden },
        { "canbo", "GET", "/api/units/{25459}", HttpStatusCode.OK },
        { "canbo", "GET", "/api/units/{80.SNV}", HttpStatusCode.Forbidden },
        { "canbo", "GET", "/api/units/{80}/children", HttpStatusCode.Forbidden },
        { "canbo", "GET", "/api/units/987654321", HttpStatusCode.NotFound },
        { "canbo", "API-POST", "/api/units/{80.SNV.VP}/rename", HttpStatusCode.Forbidden },
        { "canbo", "API-POST", "/api/units/{80.SNV.VP}/move", HttpStatusCode.Forbidden },
        { "canbo", "API-POST", "/api/units/{80.SNV.VP}/merge", HttpStatusCode.Forbidden },
        { "canbo", "API-POST", "/api/units/{80.SNV.VP}/split", HttpStatusCode.Forbidden },
        { "canbo", "GET", "/Units/Split/{80.SNV.VP}", HttpStatusCode.Forbidden },
        { "canbo", "GET", "/Units?handler=Export", HttpStatusCode.OK },
        { "canbo", "GET", "/Users/Edit/00000000-0000-0000-0000-000000000000", HttpStatusCode.NotFound },
        { "canbo", "GET", "/Audit", HttpStatusCode.Forbidden },
        { "canbo", "GET", "/Documents/Create", HttpStatusCode.OK },
        { "canbo", "GET", "/Documents/Details/987654321", HttpStatusCode.NotFound },
        { "canbo", "GET", "/api/documents/987654321", HttpStatusCode.NotFound },
        { "thamdinh", "GET", "/Documents/Create", HttpStatusCode.Forbidden },
        { "canbo", "GET", "/Import", HttpStatusCode.OK },
        { "thamdinh", "GET", "/Import", HttpStatusCode.Forbidden },
        { "xem", "POST", "/Import?handler=Parse", HttpStatusCode.Forbidden },
        { "xem", "POST", "/Import?handler=Confirm", HttpStatusCode.Forbidden },
        { "", "GET", "/Import", HttpStatusCode.Redirect },
        { "canbo", "GET", "/Reports", HttpStatusCode.OK },
        { "canbo", "GET", "/Reports/Period/987654321", HttpStatusCode.NotFound },
        { "canbo", "GET", "/Reports/Submission/987654321", HttpStatusCode.NotFound },
        { "canbo", "GET", "/Reports/Regime/987654321", HttpStatusCode.NotFound },
        { "", "GET", "/Reports/Regime/1", HttpStatusCode.Redirect },
        { "canbo", "GET", "/api/reports/regimes", HttpStatusCode.OK },
        { "canbo", "GET", "/api/reports/submissions/987654321", HttpStatusCode.NotFound },
        { "canbo", "API-POST", "/api/reports/periods", HttpStatusCode.NotFound },
        { "", "GET", "/api/reports/periods", HttpStatusCode.Unauthorized },
        { "", "GET", "/Reports", HttpStatusCode.Redirect },
        { "", "GET", "/api/documents", HttpStatusCode.Unauthorized },
        { "", "API-POST", "/api/documents/parse", HttpStatusCode.Unauthorized },
        { "xem", "API-POST", "/api/documents/parse", HttpStatusCode.Forbidden },
        { "thamdinh", "API-POST", "/api/documents/parse", HttpStatusCode.Forbidden },
        { "canbo", "API-POST", "/api/documents/parse", HttpStatusCode.BadRequest }, // allowed; the body holds no text
        { "lanhdao", "GET", "/Units/Details/{80.STP.VP}", HttpStatusCode.OK },
        { "lanhdao", "GET", "/Units/Details/{80.SNV}", HttpStatusCode.Forbidden },
        { "lanhdao", "GET", "/Units/Rename/{80.STP.VP}", HttpStatusCode.OK },
        { "lanhdao", "GET", "/Units/Rename/{80.STP}", HttpStatusCode.Forbidden },
        { "lanhdao", "GET", "/Units/Move/{80.STP.VP}", HttpStatusCode.Forbidden },
        { "lanhdao", "POST", "/Units/Rename/{80.SNV.VP}", HttpStatusCode.Forbidden },
        { "lanhdao", "API-POST", "/api/units/{80.SNV.VP}/rename", HttpStatusCode.Forbidden },
        { "dieuphoi", "GET", "/Units/Details/{25459}", HttpStatusCode.OK },
        { "dieuphoi", "GET", "/Units/Details/{80.BTGDV}", HttpStatusCode.OK },
        { "dieuphoi", "GET", "/Units/Details/{01}", HttpStatusCode.Forbidden },
        { "dieuphoi", "GET", "/api/units/{01}/children", HttpStatusCode.Forbidden },
        { "dieuphoi", "GET", "/Units/Merge/{80.SNV.VP}", HttpStatusCode.OK },
        { "dieuphoi", "GET", "/Units/Rename/{80}", HttpStatusCode.Forbidden },
        { "dieuphoi", "POST", "/Units/Rename/{01}", HttpStatusCode.Forbidden },
        { "dieuphoi", "GET", "/Audit", HttpStatusCode.Forbidden },
        { "dieuphoi", "GET", "/Units/Split/{80.SNV.VP}", HttpStatusCode.OK },
        { "dieuphoi", "API-POST", "/api/units/{01}/split", HttpStatusCode.Forbidden },
        { "thamdinh", "GET", "/Units/Details/{25459}", HttpStatusCode.OK },
        { "thamdinh", "GET", "/Units/Create?parentId={80}", HttpStatusCode.Forbidden },
        { "thamdinh", "API-POST", "/api/units/{80.SNV.VP}/rename", HttpStatusCode.Forbidden },
        { "xem", "GET", "/Units/Details/{80.STC}", HttpStatusCode.OK },
        { "xem", "GET", "/Units/Details/{80.SNV}", HttpStatusCode.Forbidden },
        { "xem", "GET", "/api/units/{80.SNV}", HttpStatusCode.Forbidden },
        { "admin", "GET", "/Units/Details/{01}", HttpStatusCode.OK },
        { "admin", "GET", "/Audit", HttpStatusCode.OK },
        { "", "GET", "/api/units", HttpStatusCode.Unauthorized },
        { "", "GET", "/api/units/{80}", HttpStatusCode.Unauthorized },
        { "", "GET", "/Units/Details/{80}", HttpStatusCode.Redirect },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Request_IsAnsweredPerScope(string user, string method, string url, HttpStatusCode expected)
    {
        var resolved = await ResolveAsync(url);
        var client = user.Length == 0 ? app.Factory.CreateBrowserlikeClient() : await app.As(user);
        using var response = method switch
        {
            "GET" => await client.GetAsync(resolved),
            "POST" => await client.PostAsync(resolved, new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = await AppFixture.TokenAsync(client),
                ["Input.NewName"] = "Tên bị đổi trái phép",
                ["Input.TargetId"] = "1",
            })),
            _ => await client.PostAsJsonAsync(resolved, new { name = "Tên bị đổi trái phép", newParentId = 1, targetId = 1, successorIds = new[] { 1, 2 } }),
        };
        Assert.Equal(expected, response.StatusCode);
        if (expected == HttpStatusCode.Forbidden && method != "API-POST" && !resolved.StartsWith("/api", StringComparison.Ordinal) && !resolved.Contains("handler=", StringComparison.Ordinal))
        {
            Assert.Contains("Không có quyền truy cập", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task ApiList_OfAnOfficer_ContainsOnlyTheirSubtree()
    {
        var client = await app.As("canbo");
        var page = await client.GetFromJsonAsync<UnitPage>("/api/units?q=tay%20ninh");
        Assert.Equal(0, page!.TotalCount);
        var own = await client.GetFromJsonAsync<UnitPage>("/api/units");
        Assert.All(own!.Items, u => Assert.Equal("25459", u.Code));
    }

    [Fact]
    public async Task ForbiddenWrites_ChangedNothing()
    {
        var client = await app.As("admin");
        var unit = await client.GetFromJsonAsync<UnitItem>($"/api/units/{await app.UnitIdAsync("80.SNV.VP")}");
        Assert.Equal("Văn phòng Sở Nội vụ", unit!.Name);
    }

    private async Task<string> ResolveAsync(string url)
    {
        foreach (Match m in CodePattern().Matches(url))
        {
            url = url.Replace(m.Value, (await app.UnitIdAsync(m.Groups[1].Value)).ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        }

        return url;
    }

    [GeneratedRegex(@"\{([^}]+)\}")]
    private static partial Regex CodePattern();

    private sealed record UnitPage(List<UnitItem> Items, int TotalCount);

    private sealed record UnitItem(int Id, string Code, string Name);
}
