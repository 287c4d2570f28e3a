using System.Net;
using DanVan.Testing;
using DanVan.Tests.Support;

namespace DanVan.Tests.Features.Reports;

[Collection("App")]
public class RegimePageTests(AppFixture app)
{
    [Fact]
    public async Task Everyone_reads_the_regime_and_only_the_administrator_changes_it()
    {
        var coordinator = await app.As("dieuphoi");
        var reports = await coordinator.GetStringAsync("/Reports");
        var link = System.Text.RegularExpressions.Regex.Match(reports, "href=\"(/Reports/Regime/\\d+)\"").Groups[1].Value;
        Assert.NotEmpty(link);
        var page = await coordinator.GetStringAsync(link);
        Assert.Contains("Báo cáo công tác dân vận chính quyền và thực hiện dân chủ ở cơ sở", page, StringComparison.Ordinal);
        Assert.Contains("DON_TYLE", page, StringComparison.Ordinal);
        Assert.Contains("15/6", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Thêm chỉ tiêu", page, StringComparison.Ordinal);

        var code = "TEST_" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        var fields = new Dictionary<string, string>
        {
            ["Input.Code"] = code, ["Input.Name"] = "Buổi đối thoại trực tuyến", ["Input.Unit"] = "buổi", ["Input.Group"] = "5. Đối thoại", ["Input.Aggregation"] = "Sum",
        };
        using var refused = await DanVanAppFactory.PostFormAsync(coordinator, link + "?handler=Indicator", fields, "/Reports");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);

        var admin = await app.As("admin");
        using var bad = await DanVanAppFactory.PostFormAsync(admin, link + "?handler=Indicator", new Dictionary<string, string>(fields) { ["Input.Aggregation"] = "Ratio" }, link);
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Contains("Vui lòng chọn tử số.", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // Text where a number or a choice belongs: Vietnamese messages, nothing changed.
        var adminPage = await admin.GetStringAsync(link);
        using var letters = await DanVanAppFactory.PostFormAsync(admin, link + "?handler=Due", new Dictionary<string, string>
        {
            ["Due.RuleId"] = System.Text.RegularExpressions.Regex.Match(adminPage, "name=\"Due.RuleId\" value=\"(\\d+)\"").Groups[1].Value,
            ["Due.DueDay"] = "mười lăm", ["Due.DueMonth"] = "6", ["Due.CutoffDay"] = "14", ["Due.CutoffMonth"] = "6",
        }, link);
        Assert.Equal(HttpStatusCode.OK, letters.StatusCode);
        var lettersHtml = await letters.Content.ReadAsStringAsync();
        Assert.Contains("không hợp lệ cho trường Ngày hạn nộp", lettersHtml, StringComparison.Ordinal);
        using var bogus = await DanVanAppFactory.PostFormAsync(admin, link + "?handler=Indicator", new Dictionary<string, string>(fields) { ["Input.Aggregation"] = "Tổng" }, link);
        Assert.Equal(HttpStatusCode.OK, bogus.StatusCode);
        Assert.Contains("không hợp lệ cho trường Cách tổng hợp", await bogus.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("15/6", await coordinator.GetStringAsync(link), StringComparison.Ordinal);

        using var added = await DanVanAppFactory.PostFormAsync(admin, link + "?handler=Indicator", fields, link);
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var after = await coordinator.GetStringAsync(link);
        Assert.Contains($"data-code=\"{code}\"", after, StringComparison.Ordinal);
        Assert.Contains("Buổi đối thoại trực tuyến", after, StringComparison.Ordinal);
    }
}
