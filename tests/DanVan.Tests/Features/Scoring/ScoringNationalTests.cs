using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DanVan.Domain.Scoring;
using DanVan.Domain.Text;
using DanVan.Infrastructure;
using DanVan.Testing;
using DanVan.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Tests.Features.Scoring;

/// <summary>
/// The national comparison (page and API) over the demo's published round, and the coordinator's "cập nhật số liệu tự
/// động" of a whole round (page and API), on a real database.
/// </summary>
public sealed class ScoringNationalTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static readonly DateOnly Today = VietnamClock.Today(TimeProvider.System);

    [Fact]
    public async Task TheNationalPage_ShowsTheProvince_AndRanksItsUnits_ForTheAdministrator_AndTheWardStaff()
    {
        await using var db = app.Database.CreateContext();
        var round = await db.ScoringRounds.AsNoTracking().SingleAsync(r => r.State == RoundState.Published);
        var ward = await db.ScoreSheets.AsNoTracking().Where(s => s.RoundId == round.Id && s.Group == RankGroup.Communes && s.FinalTotal != null)
            .OrderByDescending(s => s.FinalTotal).FirstAsync();
        var wardName = await db.OrgUnits.Where(u => u.Id == ward.UnitId).Select(u => u.Name).SingleAsync();

        foreach (var user in new[] { "admin", "canbo" })
        {
            var client = await app.As(user);
            var html = WebUtility.HtmlDecode(await client.GetStringAsync($"/Scoring/National?year={round.Year}"));
            Assert.Contains($"Kết quả đánh giá, xếp loại các tỉnh, thành phố năm {round.Year}", html, StringComparison.Ordinal);
            Assert.Contains("Tỉnh Tây Ninh", html, StringComparison.Ordinal);
            Assert.Contains(wardName, html, StringComparison.Ordinal);
            Assert.Contains(ScoringRules.FormatNumber(ward.FinalTotal!.Value), html, StringComparison.Ordinal);

            using var json = JsonDocument.Parse(await client.GetStringAsync($"/api/scoring/national?year={round.Year}&group=Communes"));
            var first = json.RootElement.GetProperty("ranked").GetProperty("items")[0];
            Assert.Equal(1, first.GetProperty("rank").GetInt32());
            Assert.Equal(wardName, first.GetProperty("unitName").GetString());
            var province = json.RootElement.GetProperty("provinces").EnumerateArray().Single();
            Assert.Equal(await db.ScoreSheets.CountAsync(s => s.RoundId == round.Id), province.GetProperty("sheets").GetInt32());
        }

        // A year nobody assessed falls back to the latest published one; an unknown group to the communes.
        var admin = await app.As("admin");
        var fallback = WebUtility.HtmlDecode(await admin.GetStringAsync("/Scoring/National?year=1999&group=42"));
        Assert.Contains($"năm {round.Year}", fallback, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Remeasuring_ARound_RecomputesEveryDraft_ForTheCoordinatorOnly()
    {
        await using var db = app.Database.CreateContext();
        var framework = await db.ScoringFrameworks.AsNoTracking().Where(f => f.Code == ShippedFrameworks.TayNinhCode).OrderByDescending(f => f.Version).FirstAsync();
        var coordinator = await app.As("dieuphoi");
        using var opened = await DanVanAppFactory.PostFormAsync(coordinator, "/Scoring", new Dictionary<string, string>
        {
            ["Input.FrameworkId"] = framework.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Year"] = Today.Year.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.ObjectionDays"] = "5",
            ["Input.SelfFrom"] = VietnameseText.FormatDate(Today),
            ["Input.SelfDue"] = VietnameseText.FormatDate(Today.AddDays(20)),
            ["Input.AppraisalOn"] = VietnameseText.FormatDate(Today.AddDays(30)),
        }, "/Scoring");
        Assert.True(opened.StatusCode == HttpStatusCode.Redirect, WebUtility.HtmlDecode(await opened.Content.ReadAsStringAsync()));
        var round = await db.ScoringRounds.AsNoTracking().SingleAsync(r => r.Year == Today.Year && r.FrameworkId == framework.Id);
        var sheets = await db.ScoreSheets.CountAsync(s => s.RoundId == round.Id);

        // Spoil every measured figure, then have the coordinator compute them again.
        var measured = await db.ScoringCriteria.Where(c => c.FrameworkId == framework.Id && c.Method == ScoringMethod.Measured).Select(c => c.Id).ToListAsync();
        Assert.NotEmpty(measured);
        var spoiled = await db.ScoreLines.Where(l => measured.Contains(l.CriterionId) && db.ScoreSheets.Any(s => s.Id == l.SheetId && s.RoundId == round.Id))
            .ExecuteUpdateAsync(u => u.SetProperty(l => l.MeasuredValue, 12345).SetProperty(l => l.Provenance, "hỏng"));
        Assert.Equal(sheets * measured.Count, spoiled);

        foreach (var refused in new[] { "thamdinh", "canbo", "xem" })
        {
            using var answer = await (await app.As(refused)).PostAsJsonAsync($"/api/scoring/rounds/{round.Id}/measure", new { });
            Assert.True(answer.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound, $"{refused}: {(int)answer.StatusCode}");
        }

        Assert.Equal(spoiled, await db.ScoreLines.CountAsync(l => l.MeasuredValue == 12345));
        var bulkBefore = await db.AuditEntries.CountAsync(a => a.Action == "bulk" && a.UserName == "dieuphoi");
        using var ok = await coordinator.PostAsJsonAsync($"/api/scoring/rounds/{round.Id}/measure", new { });
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        using var body = JsonDocument.Parse(await ok.Content.ReadAsStringAsync());
        Assert.Equal(sheets, body.RootElement.GetProperty("sheets").GetInt32());
        Assert.Equal(0, await db.ScoreLines.CountAsync(l => l.MeasuredValue == 12345 || l.Provenance == "hỏng"));
        Assert.Equal(bulkBefore + 1, await db.AuditEntries.CountAsync(a => a.Action == "bulk" && a.UserName == "dieuphoi"));

        // The page's button does the same, with its message; a published round refuses it in Vietnamese.
        var roundPage = WebUtility.HtmlDecode(await coordinator.GetStringAsync($"/Scoring/Round/{round.Id}"));
        Assert.Contains("Cập nhật số liệu tự động", roundPage, StringComparison.Ordinal);
        var published = await db.ScoringRounds.AsNoTracking().SingleAsync(r => r.State == RoundState.Published);
        using var late = await coordinator.PostAsJsonAsync($"/api/scoring/rounds/{published.Id}/measure", new { });
        Assert.Equal(HttpStatusCode.BadRequest, late.StatusCode);
        Assert.Contains("đã được công bố", await late.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
