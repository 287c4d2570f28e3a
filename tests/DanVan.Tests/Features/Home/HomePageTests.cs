using System.Net;
using System.Text.RegularExpressions;
using DanVan.Tests.Support;

namespace DanVan.Tests.Features.Home;

/// <summary>Issue 12: each role's home page says what that person must do, from the demo seed's real records.</summary>
[Collection("App")]
public partial class HomePageTests(AppFixture app)
{
    private static int Count(string html, string testId)
    {
        var m = Regex.Match(html, $"data-testid=\"{testId}\">\\s*<div class=\"card-body\">\\s*<div class=\"display-6[^\"]*\">([0-9.]+)</div>");
        Assert.True(m.Success, $"no card {testId}");
        return int.Parse(m.Groups[1].Value.Replace(".", "", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task TheWardOfficer_SeesTheWardsOverdueAndComingTasks_AndItsYear_NotUnitCounts()
    {
        var html = WebUtility.HtmlDecode(await (await app.As("canbo")).GetStringAsync("/"));
        Assert.DoesNotContain("Tỉnh, thành phố", html, StringComparison.Ordinal);
        Assert.True(Count(html, "work-overdue") >= 1, "the demo ward's dialogue task is five days overdue");
        Assert.True(Count(html, "work-due-soon") >= 1, "the demo ward's model task is due in three days");
        Assert.Contains("href=\"/Tasks?state=Overdue\"", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"work-to-adopt\"", html, StringComparison.Ordinal);
        Assert.Contains("Kết quả thực hiện nhiệm vụ năm", html, StringComparison.Ordinal);
        Assert.Contains("Phường Tân Ninh", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"work-extensions\"", html, StringComparison.Ordinal); // an officer decides no extension
    }

    [Fact]
    public async Task TheCoordinator_SeesTheProvinceAtAGlance_AndWhatWaitsForTheirDecision()
    {
        var html = WebUtility.HtmlDecode(await (await app.As("dieuphoi")).GetStringAsync("/"));
        Assert.True(Count(html, "work-overdue") >= 1);
        Assert.Contains("href=\"/Tasks?view=all&state=Overdue\"", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"work-extensions\"", html, StringComparison.Ordinal);
        Assert.Contains("và các đơn vị trực thuộc", html, StringComparison.Ordinal);
        Assert.Contains("Bảng theo dõi theo đơn vị", html, StringComparison.Ordinal);
        Assert.DoesNotContain("0% hoàn thành đúng hạn", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheAdministrator_KeepsTheDirectoryInFigures()
    {
        var html = WebUtility.HtmlDecode(await (await app.As("admin")).GetStringAsync("/"));
        Assert.Contains("Xã, phường, đặc khu", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"home-work\"", html, StringComparison.Ordinal);
    }
}
