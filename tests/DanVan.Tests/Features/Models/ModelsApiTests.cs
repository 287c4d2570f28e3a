using System.Net;
using System.Text.Json;
using DanVan.Tests.Features.Security;

namespace DanVan.Tests.Features.Models;

/// <summary>/api/models over HTTP: sign-in required, the library's filters and page cap, one model with its timeline, another province's model unseen.</summary>
[Collection("Foreign")]
public sealed class ModelsApiTests(ForeignDataFixture app)
{
    [Fact]
    public async Task WithoutSignIn_TheApiAnswers401()
    {
        using var anonymous = app.Factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var list = await anonymous.GetAsync("/api/models");
        Assert.Equal(HttpStatusCode.Unauthorized, list.StatusCode);
        using var one = await anonymous.GetAsync("/api/models/1");
        Assert.Equal(HttpStatusCode.Unauthorized, one.StatusCode);
        using var summary = await anonymous.GetAsync("/api/models/summary");
        Assert.Equal(HttpStatusCode.Unauthorized, summary.StatusCode);
    }

    [Fact]
    public async Task TheYearlySummary_CountsEachUnitAndFieldByState_AsTheWorkbookDoes()
    {
        var coordinator = await app.As("dieuphoi");
        var year = DanVan.Infrastructure.VietnamClock.Today(TimeProvider.System).AddDays(-20).Year; // the demo's recognised model
        using var doc = JsonDocument.Parse(await coordinator.GetStringAsync($"/api/models/summary?year={year}"));
        var root = doc.RootElement;
        Assert.Equal(year, root.GetProperty("year").GetInt32());
        Assert.Contains(root.GetProperty("states").EnumerateArray(), s => s.GetProperty("code").GetString() == "Recognised" && s.GetProperty("name").GetString() == "Đã công nhận");
        var rows = root.GetProperty("rows").EnumerateArray().ToList();
        var culture = rows.Single(r => r.GetProperty("unitName").GetString() == "Phường Tân Ninh" && r.GetProperty("fieldCode").GetString() == "VHXH");
        var byState = culture.GetProperty("byState").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt32());
        Assert.True(byState.GetValueOrDefault("Recognised") + byState.GetValueOrDefault("Commended") >= 1);
        Assert.Equal(byState.Values.Sum(), culture.GetProperty("total").GetInt32());
        Assert.Equal(rows.Sum(r => r.GetProperty("total").GetInt32()), root.GetProperty("total").GetInt32());

        // A field filter narrows it as on the page; another year has none of the demo's models.
        using var economy = JsonDocument.Parse(await coordinator.GetStringAsync($"/api/models/summary?year={year}&field=KT"));
        Assert.All(economy.RootElement.GetProperty("rows").EnumerateArray(), r => Assert.Equal("KT", r.GetProperty("fieldCode").GetString()));
        using var empty = JsonDocument.Parse(await coordinator.GetStringAsync("/api/models/summary?year=1990"));
        Assert.Equal(0, empty.RootElement.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task TheLibrary_FiltersAsThePage_CapsThePageAt200_AndOneModelCarriesItsTimeline()
    {
        var officer = await app.As("canbo");
        using var found = JsonDocument.Parse(await officer.GetStringAsync("/api/models?q=khu+pho+sang&pageSize=5000"));
        var root = found.RootElement;
        Assert.Equal(200, root.GetProperty("pageSize").GetInt32());
        var items = root.GetProperty("items").EnumerateArray().ToList();
        var row = Assert.Single(items, i => i.GetProperty("name").GetString() == "Khu phố sáng – xanh – sạch – đẹp");
        Assert.DoesNotContain(items, i => i.GetProperty("name").GetString()!.Contains("bánh tráng", StringComparison.Ordinal));
        Assert.Equal("Recognised", row.GetProperty("state").GetString() is "Commended" ? "Recognised" : row.GetProperty("state").GetString());

        using var none = JsonDocument.Parse(await officer.GetStringAsync("/api/models?q=khu+pho+sang&year=1990"));
        Assert.Equal(0, none.RootElement.GetProperty("totalCount").GetInt32());

        var id = row.GetProperty("id").GetInt32();
        using var one = JsonDocument.Parse(await officer.GetStringAsync($"/api/models/{id}"));
        Assert.Equal("Khu phố sáng – xanh – sạch – đẹp", one.RootElement.GetProperty("name").GetString());
        Assert.NotEmpty(one.RootElement.GetProperty("milestones").EnumerateArray());
        Assert.Contains(one.RootElement.GetProperty("steps").EnumerateArray(), s => s.GetProperty("action").GetString() == "Review" && s.GetProperty("score").GetInt32() > 0);
    }

    [Fact]
    public async Task AnotherProvincesUnrecognisedModel_Is404_AndNotListed()
    {
        var officer = await app.As("canbo");
        using var foreign = await officer.GetAsync($"/api/models/{app.Ids["model"]}");
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        var list = await officer.GetStringAsync($"/api/models?q={Uri.EscapeDataString(ForeignDataFixture.Marker)}");
        Assert.DoesNotContain(ForeignDataFixture.Marker, list, StringComparison.Ordinal);
        using var missing = await officer.GetAsync("/api/models/999999999");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }
}
