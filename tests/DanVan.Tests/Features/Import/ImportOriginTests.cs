using System.Net;
using System.Text.RegularExpressions;
using DanVan.Domain.Units;
using DanVan.Features.Import;
using DanVan.Tests.Support;

namespace DanVan.Tests.Features.Import;

/// <summary>
/// Issue 12's importer findings: units of the user's province are chosen for a document's tasks only when the document
/// is of that province (a warning otherwise, and for a province merged away in 2025), and only due dates the
/// confirmation will accept are proposed, with the day they count from shown.
/// </summary>
public class ImportOriginTests(SeededDatabaseFixture fx) : IClassFixture<SeededDatabaseFixture>
{
    [Fact]
    public async Task A_document_of_the_users_province_is_matched_without_a_word()
    {
        await using var db = fx.Context();
        var origin = await new UnitMatcher(db).OriginAsync(await fx.ScopeOfAsync("dieuphoi"), "Tây Ninh", null, "UBND tỉnh Tây Ninh", CancellationToken.None);
        Assert.True(origin.Preselect);
        Assert.Null(origin.Warning);
        Assert.Contains("Tây Ninh", origin.ProvinceName, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_provinces_document_is_only_offered_with_a_warning()
    {
        await using var db = fx.Context();
        var origin = await new UnitMatcher(db).OriginAsync(await fx.ScopeOfAsync("dieuphoi"), "Thanh Hóa", "TỈNH ỦY THANH HÓA", "Ban Dân vận Tỉnh ủy", CancellationToken.None);
        Assert.False(origin.Preselect);
        // the directory writes "Thanh Hoá"; the warning names the province as the directory does
        Assert.Contains($"Văn bản do cơ quan của t{origin.ProvinceName![1..]} ban hành, không thuộc tỉnh Tây Ninh", origin.Warning, StringComparison.Ordinal);

        var city = await new UnitMatcher(db).OriginAsync(await fx.ScopeOfAsync("dieuphoi"), null, null, "Ủy ban nhân dân Thành phố Hồ Chí Minh", CancellationToken.None);
        Assert.False(city.Preselect);
        Assert.Contains("thành phố Hồ Chí Minh", city.Warning, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_province_merged_away_is_named_with_the_province_it_became()
    {
        await using var db = fx.Context();
        var matcher = new UnitMatcher(db);
        var dieuphoi = await fx.ScopeOfAsync("dieuphoi");

        // Long An is part of Tây Ninh since 12/06/2025: matched at home, with a word that the issuer no longer exists.
        var longAn = await matcher.OriginAsync(dieuphoi, "Long An", "UBND TỈNH LONG AN", "SỞ NỘI VỤ", CancellationToken.None);
        Assert.True(longAn.Preselect);
        Assert.Contains("Tỉnh Long An không còn là đơn vị hành chính từ 12/06/2025", longAn.Warning, StringComparison.Ordinal);
        Assert.Contains("Nghị quyết 202/2025/QH15", longAn.Warning, StringComparison.Ordinal);
        Assert.Contains("nay thuộc tỉnh Tây Ninh", longAn.Warning, StringComparison.Ordinal);

        // Bình Dương became part of Hồ Chí Minh City: foreign to Tây Ninh.
        var binhDuong = await matcher.OriginAsync(dieuphoi, "Bình Dương", null, "UBND tỉnh Bình Dương", CancellationToken.None);
        Assert.False(binhDuong.Preselect);
        Assert.Contains("nay thuộc thành phố Hồ Chí Minh", binhDuong.Warning, StringComparison.Ordinal);
        Assert.Contains("không thuộc tỉnh Tây Ninh", binhDuong.Warning, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_administrator_gets_the_units_of_the_documents_province()
    {
        await using var db = fx.Context();
        var matcher = new UnitMatcher(db);
        var admin = await fx.ScopeOfAsync("admin");
        var origin = await matcher.OriginAsync(admin, "Thanh Hóa", null, "UBND tỉnh Thanh Hóa", CancellationToken.None);
        Assert.True(origin.Preselect);
        var candidates = await matcher.CandidatesAsync(admin, CancellationToken.None, origin);
        Assert.NotEmpty(candidates);
        var thanhHoa = db.OrgUnits.Single(u => u.Kind == OrgUnitKind.Province && u.SearchText.Contains("thanh hoa"));
        Assert.All(candidates.Where(c => c.Id != admin.UnitId).Take(50), c => Assert.StartsWith(thanhHoa.SubtreePrefix, db.OrgUnits.Single(u => u.Id == c.Id).AncestorPath + c.Id + "/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_text_naming_no_province_is_taken_as_the_users_own()
    {
        await using var db = fx.Context();
        var origin = await new UnitMatcher(db).OriginAsync(await fx.ScopeOfAsync("canbo"), "Tân Ninh", null, "UBND phường Tân Ninh", CancellationToken.None);
        Assert.Same(ImportOrigin.Unknown, origin);
    }

    [Fact]
    public void Every_former_province_points_to_a_province_of_today()
    {
        Assert.Equal(29, ProvinceMerger.Former.Count); // 63 provinces became 34
        Assert.Equal(23, ProvinceMerger.Former.Values.Distinct().Count());
        Assert.Equal("ba ria vung tau", ProvinceMerger.Key("Bà Rịa - Vũng Tàu"));
        Assert.True(ProvinceMerger.Mentions("UBND TỈNH BÀ RỊA – VŨNG TÀU", ProvinceMerger.Key("Bà Rịa - Vũng Tàu")));
        Assert.False(ProvinceMerger.Mentions("Hà Nội", ProvinceMerger.Key("Hà Nam")));
    }
}

/// <summary>The review screen over HTTP for a document of another province and for deadlines before the issue date.</summary>
[Collection("App")]
public class ImportReviewTests(AppFixture app)
{
    private static async Task<string> ParseAsync(HttpClient client, string text)
    {
        var fields = new Dictionary<string, string> { ["Pasted"] = text, ["__RequestVerificationToken"] = await AppFixture.TokenAsync(client) };
        using var response = await client.PostAsync("/Import?handler=Parse", new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    private static int SelectedLeads(string html) =>
        Regex.Matches(html, "<select[^>]*name=\"Form\\.Tasks\\[\\d+\\]\\.LeadUnitId\"[^>]*>(.*?)</select>", RegexOptions.Singleline)
            .Count(m => m.Groups[1].Value.Contains("selected=\"selected\"", StringComparison.Ordinal));

    [Fact]
    public async Task A_plan_of_another_province_is_proposed_with_a_warning_and_no_unit_chosen()
    {
        var html = await ParseAsync(await app.As("dieuphoi"), Seeds.Text("002").Replace("Quảng Ngãi", "Thanh Hóa", StringComparison.Ordinal));
        Assert.Contains("data-testid=\"import-origin\"", html, StringComparison.Ordinal);
        Assert.Contains("không thuộc tỉnh Tây Ninh", html, StringComparison.Ordinal);
        Assert.Contains("Giao theo gợi ý", html, StringComparison.Ordinal);
        Assert.Equal(0, SelectedLeads(html));

        // The same plan as Tây Ninh's own: the Thanh tra and Sở Nội vụ are chosen, no warning.
        var own = await ParseAsync(await app.As("dieuphoi"), Seeds.Text("002").Replace("Quảng Ngãi", "Tây Ninh", StringComparison.Ordinal));
        Assert.DoesNotContain("data-testid=\"import-origin\"", own, StringComparison.Ordinal);
        Assert.True(SelectedLeads(own) >= 5, $"{SelectedLeads(own)} lead units chosen");
    }

    [Fact]
    public async Task A_deadline_before_the_issue_date_is_not_proposed_and_the_start_is_shown()
    {
        // Issued on 20/7/2020, after its own "trước ngày 10/7/2020".
        var text = Seeds.Text("002").Replace("Quảng Ngãi", "Tây Ninh", StringComparison.Ordinal)
            .Replace("ngày 26 tháng 6 năm 2020", "ngày 20 tháng 7 năm 2020", StringComparison.Ordinal);
        var html = await ParseAsync(await app.As("dieuphoi"), text);
        Assert.Contains("Thời hạn được tính từ ngày ban hành <strong>20/07/2020</strong>", html, StringComparison.Ordinal);
        Assert.Contains("Văn bản ghi hạn 10/07/2020, trước ngày bắt đầu tính hạn 20/07/2020: nhập hạn mới nếu vẫn giao nhiệm vụ này.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("value=\"10/07/2020\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"15/11/2020\"", html, StringComparison.Ordinal); // the yearly one stays
    }
}
