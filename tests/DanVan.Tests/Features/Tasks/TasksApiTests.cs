using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using DanVan.Testing;
using DanVan.Tests.Support;

namespace DanVan.Tests.Features.Tasks;

[Collection("App")]
public partial class TasksApiTests(AppFixture app)
{
    [Fact]
    public async Task Api_Assign_List_Report_AndScope()
    {
        var coordinator = await app.As("dieuphoi");
        var ward = await app.UnitIdAsync("25459");
        var year = DanVan.Infrastructure.VietnamClock.Today(TimeProvider.System).Year + 1;
        var title = "Báo cáo sáu tháng về dân chủ ở cơ sở " + Guid.NewGuid().ToString("N")[..6];
        using var created = await coordinator.PostAsJsonAsync("/api/tasks", new
        {
            title, leadUnitId = ward, schedule = new { kind = "HalfYearly", day = 15, month = 6 },
            periodStart = $"{year}-01-01", periodEnd = $"{year}-12-31",
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        var officer = await app.As("canbo");
        var list = await officer.GetFromJsonAsync<JsonElement>($"/api/tasks?mine=true&q={Uri.EscapeDataString(title)}");
        var items = list.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(2, items.Count);
        Assert.Equal($"{year}-06-15", items[0].GetProperty("dueOn").GetString());
        Assert.Equal("Chưa đến hạn", items[0].GetProperty("stateLabel").GetString());
        var id = items[0].GetProperty("id").GetInt32();

        using var bad = await officer.PostAsJsonAsync($"/api/tasks/{id}/progress", new { progress = 140, note = "" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("Tiến độ là số phần trăm từ 0 đến 100.", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var ok = await officer.PostAsJsonAsync($"/api/tasks/{id}/progress", new { progress = 40, note = "Đã lấy ý kiến Nhân dân ở 3 khu phố." });
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);

        var head = await app.As("lanhdao");
        using var refused = await head.GetAsync($"/api/tasks/{id}");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        using var refusedReport = await head.PostAsJsonAsync($"/api/tasks/{id}/progress", new { progress = 10, note = "x" });
        Assert.Equal(HttpStatusCode.Forbidden, refusedReport.StatusCode);

        using var invalid = await coordinator.PostAsJsonAsync("/api/tasks", new { title = "x", leadUnitId = ward, schedule = new { kind = "Yearly", day = 31, month = 2 } });
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Contains("không tồn tại", await invalid.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ICalendarFeed_CarriesTheUnitsDeadlines_ForWhoeverHoldsTheToken()
    {
        var coordinator = await app.As("dieuphoi");
        var commune = await app.UnitIdAsync("25654"); // Phường Gò Dầu
        var title = "Tiếp công dân định kỳ, đối thoại; " + Guid.NewGuid().ToString("N")[..6];
        using var created = await coordinator.PostAsJsonAsync("/api/tasks", new
        {
            title, leadUnitId = commune,
            schedule = new { kind = "Once", date = DanVan.Infrastructure.VietnamClock.Today(TimeProvider.System).AddDays(20).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        var userName = "gd" + Guid.NewGuid().ToString("N")[..6];
        using var account = await DanVanAppFactory.PostFormAsync(coordinator, "/Users/Create", new Dictionary<string, string>
        {
            ["Input.UserName"] = userName, ["Input.Password"] = "GoDau@2026", ["Input.FullName"] = "Cán bộ Gò Dầu",
            ["Input.UnitId"] = commune.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Input.Role"] = "UnitOfficer",
        });
        var officer = await app.Factory.LoginAsync(userName, "GoDau@2026");
        using var make = await DanVanAppFactory.PostFormAsync(officer, "/Tasks/Feed", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, make.StatusCode);
        var page = await officer.GetStringAsync("/Tasks/Feed");
        var match = FeedUrl().Match(page);
        var url = System.Net.WebUtility.HtmlDecode(match.Groups[1].Success ? match.Groups[1].Value : match.Groups[2].Value);
        Assert.Contains("token=", url, StringComparison.Ordinal);

        var anonymous = app.Factory.CreateBrowserlikeClient();
        using var feed = await anonymous.GetAsync(new Uri(url).PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, feed.StatusCode);
        Assert.Equal("text/calendar", feed.Content.Headers.ContentType!.MediaType);
        var ics = (await feed.Content.ReadAsStringAsync()).Replace("\r\n ", "", StringComparison.Ordinal);
        Assert.StartsWith("BEGIN:VCALENDAR\r\n", ics, StringComparison.Ordinal);
        Assert.Contains("SUMMARY:Hạn: " + title.Replace(",", "\\,", StringComparison.Ordinal).Replace(";", "\\;", StringComparison.Ordinal), ics, StringComparison.Ordinal);
        Assert.Contains("DTSTART;VALUE=DATE:", ics, StringComparison.Ordinal);
        Assert.All((await feed.Content.ReadAsStringAsync()).Split("\r\n"), line => Assert.True(System.Text.Encoding.UTF8.GetByteCount(line) <= 75));

        using var wrong = await anonymous.GetAsync("/Tasks/Feed?handler=Ics&token=khong-dung");
        Assert.Equal(HttpStatusCode.NotFound, wrong.StatusCode);
        using var page2 = await anonymous.GetAsync("/Tasks/Feed");
        Assert.Equal(HttpStatusCode.Redirect, page2.StatusCode);
    }

    [Fact]
    public async Task ProgressReport_WithEvidence_KeepsTheFile_AndRefusesARenamedOne()
    {
        var coordinator = await app.As("dieuphoi");
        var title = "Tuyên truyền Luật Thực hiện dân chủ ở cơ sở " + Guid.NewGuid().ToString("N")[..6];
        using var created = await coordinator.PostAsJsonAsync("/api/tasks", new
        {
            title, leadUnitId = await app.UnitIdAsync("25459"),
            schedule = new { kind = "Once", date = DanVan.Infrastructure.VietnamClock.Today(TimeProvider.System).AddDays(40).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) },
        });
        var officer = await app.As("canbo");
        var list = await officer.GetFromJsonAsync<JsonElement>($"/api/tasks?q={Uri.EscapeDataString(title)}");
        var id = list.GetProperty("items")[0].GetProperty("id").GetInt32();

        async Task<HttpResponseMessage> ReportAsync(string fileName, byte[] content)
        {
            var form = new MultipartFormDataContent
            {
                { new StringContent(await AppFixture.TokenAsync(officer)), "__RequestVerificationToken" },
                { new StringContent("30"), "Input.Progress" },
                { new StringContent("Đã tổ chức 2 buổi tuyên truyền."), "Input.Note" },
                { new ByteArrayContent(content), "Evidence", fileName },
            };
            return await officer.PostAsync($"/Tasks/Details/{id}", form);
        }

        using var renamed = await ReportAsync("anh.jpg", "không phải ảnh"u8.ToArray());
        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        Assert.Contains("Minh chứng phải là tệp PDF, Word (.docx) hoặc ảnh JPEG, PNG.", await renamed.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var ok = await ReportAsync("bien-ban.pdf", TestFiles.Pdf());
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        var page = await officer.GetStringAsync($"/Tasks/Details/{id}");
        var link = EvidenceLink().Match(page).Groups[1].Value;
        Assert.Contains("Minh chứng: bien-ban.pdf", page, StringComparison.Ordinal);
        var bytes = await officer.GetByteArrayAsync(System.Net.WebUtility.HtmlDecode(link));
        Assert.Equal(TestFiles.Pdf(), bytes);
        using var outsider = await (await app.As("lanhdao")).GetAsync(System.Net.WebUtility.HtmlDecode(link));
        Assert.Equal(HttpStatusCode.Forbidden, outsider.StatusCode);
    }

    [GeneratedRegex("href=\"(/Tasks/Details/\\d+\\?handler=Evidence[^\"]+)\"")]
    private static partial Regex EvidenceLink();

    [GeneratedRegex("data-testid=\"feed-url\"[^>]*value=\"([^\"]+)\"|value=\"([^\"]+)\"[^>]*data-testid=\"feed-url\"")]
    private static partial Regex FeedUrl();
}
