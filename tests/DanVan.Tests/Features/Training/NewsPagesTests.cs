using System.Net;
using DanVan.Domain.Text;
using DanVan.Features.Shared;
using DanVan.Features.Training.News;
using DanVan.Infrastructure;
using DanVan.Testing;
using DanVan.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DanVan.Tests.Features.Training;

/// <summary>
/// The register of news items and broadcasts over HTTP on the demo province: the ward's portal and radio items, one
/// more recorded, bad input refused by field with nothing saved, the antiforgery token, 403 for a read-only user, the
/// list searched without accents, the Excel export, the API and the measure "tin-bai".
/// </summary>
public sealed class NewsPagesTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static readonly DateOnly Today = VietnamClock.Today(TimeProvider.System);

    private async Task<double> CountAsync(int ward)
    {
        using var scope = app.Factory.Services.CreateScope();
        var registry = scope.ServiceProvider.GetRequiredService<MeasureRegistry>();
        var values = await registry.ComputeAsync(NewsMeasures.Items, [ward], Today.AddDays(-60), Today, default);
        Assert.StartsWith("Theo dõi trên DanVan (sổ tin, bài, phát thanh):", values[ward].Provenance, StringComparison.Ordinal);
        return values[ward].Value;
    }

    private async Task<int> RowsAsync()
    {
        await using var db = app.Database.CreateContext();
        return await db.NewsItems.CountAsync();
    }

    [Fact]
    public async Task TheWardRecordsAnItem_BadInputIsRefusedByField_AndTheMeasureCountsIt()
    {
        var ward = await app.UnitIdAsync("25459");
        var before = await CountAsync(ward);
        Assert.True(before >= 3, $"{before}"); // the demo's four (one may be deleted by the other test)
        var rows = await RowsAsync();
        var officer = await app.As("canbo");
        Assert.Contains("Tin, bài, phát thanh", await officer.GetStringAsync("/Training"), StringComparison.Ordinal);

        var fields = new Dictionary<string, string>
        {
            ["Input.Kind"] = "Television", ["Input.Title"] = "", ["Input.Channel"] = new string('x', 201),
            ["Input.PublishedOn"] = VietnameseText.FormatDate(Today.AddDays(1)), ["Input.Link"] = "javascript:alert(1)",
        };
        using (var bad = await DanVanAppFactory.PostFormAsync(officer, "/Training/News/Create", fields))
        {
            var html = WebUtility.HtmlDecode(await bad.Content.ReadAsStringAsync());
            Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
            Assert.Contains("Vui lòng ghi tiêu đề tin, bài.", html, StringComparison.Ordinal);
            Assert.Contains("Tên báo, đài, chuyên mục không được dài quá 200 ký tự.", html, StringComparison.Ordinal);
            Assert.Contains("Ngày đăng, phát không được sau hôm nay", html, StringComparison.Ordinal);
            Assert.Contains("Đường dẫn phải là địa chỉ web bắt đầu bằng http:// hoặc https://", html, StringComparison.Ordinal);
        }

        fields["Input.PublishedOn"] = "31/02/2026";
        using (var badDay = await DanVanAppFactory.PostFormAsync(officer, "/Training/News/Create", fields))
        {
            Assert.Contains("Ngày đăng, phát không hợp lệ", WebUtility.HtmlDecode(await badDay.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        }

        Assert.Equal(rows, await RowsAsync()); // nothing saved
        Assert.Equal(before, await CountAsync(ward));

        using (var noToken = await officer.PostAsync("/Training/News/Create", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Kind"] = "News", ["Input.Title"] = "Không có mã chống giả mạo", ["Input.Channel"] = "Cổng", ["Input.PublishedOn"] = VietnameseText.FormatDate(Today),
        })))
        {
            Assert.Equal(HttpStatusCode.BadRequest, noToken.StatusCode);
        }

        fields["Input.Title"] = "Phóng sự truyền hình: Đối thoại với Nhân dân khu phố 3";
        fields["Input.Channel"] = "Đài Phát thanh và Truyền hình Tây Ninh";
        fields["Input.PublishedOn"] = VietnameseText.FormatDate(Today);
        fields["Input.Link"] = "https://baotayninh.vn/doi-thoai-khu-pho-3";
        using (var saved = await DanVanAppFactory.PostFormAsync(officer, "/Training/News/Create", fields))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        Assert.Equal(rows + 1, await RowsAsync());
        Assert.Equal(before + 1, await CountAsync(ward));

        // A read-only user sees the list and may not record.
        var viewer = await app.As("xem");
        using (var refused = await viewer.GetAsync("/Training/News/Create"))
        {
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        }

        using (var refusedPost = await DanVanAppFactory.PostFormAsync(viewer, "/Training/News/Create", fields))
        {
            Assert.Equal(HttpStatusCode.Forbidden, refusedPost.StatusCode);
        }

        Assert.Equal(rows + 1, await RowsAsync());

        var coordinator = await app.As("dieuphoi");
        var found = WebUtility.HtmlDecode(await coordinator.GetStringAsync("/Training/News?q=doi+thoai+voi+nhan+dan"));
        Assert.Contains("Phóng sự truyền hình: Đối thoại với Nhân dân khu phố 3", found, StringComparison.Ordinal);
        Assert.DoesNotContain("Khu phố sáng, xanh, sạch, đẹp", found, StringComparison.Ordinal);
        var radio = WebUtility.HtmlDecode(await coordinator.GetStringAsync($"/Training/News?kind=Radio&year={Today.AddDays(-7).Year}"));
        Assert.Contains("Khu phố sáng, xanh, sạch, đẹp", radio, StringComparison.Ordinal);
        Assert.DoesNotContain("Đối thoại với Nhân dân khu phố 3", radio, StringComparison.Ordinal);

        var sheets = TestWorkbooks.Sheets(await coordinator.GetByteArrayAsync("/Training/News?handler=Export&kind=Television"));
        var sheet = Assert.Single(sheets).Value;
        Assert.Equal("Tiêu đề", sheet[0][2]);
        var row = Assert.Single(sheet.Skip(1));
        Assert.Equal("Phóng sự truyền hình: Đối thoại với Nhân dân khu phố 3", row[2]);
        Assert.Equal("Chuyên mục truyền hình", row[1]);
        Assert.Equal("Phường Tân Ninh", row[5]);
    }

    [Fact]
    public async Task TheApi_ListsTheItemsInScope_Paged()
    {
        var coordinator = await app.As("dieuphoi");
        using var list = System.Text.Json.JsonDocument.Parse(await coordinator.GetStringAsync("/api/news-items?kind=Radio&pageSize=500"));
        Assert.Equal(200, list.RootElement.GetProperty("pageSize").GetInt32());
        var items = list.RootElement.GetProperty("items").EnumerateArray().ToList();
        Assert.NotEmpty(items);
        Assert.All(items, i => Assert.Equal("Radio", i.GetProperty("kind").GetString()));
        var item = items.First(i => i.GetProperty("title").GetString()!.Contains("Dân vận khéo", StringComparison.Ordinal));
        Assert.Equal("Chuyên mục phát thanh", item.GetProperty("kindName").GetString());
        Assert.Equal("Đài truyền thanh phường Tân Ninh", item.GetProperty("channel").GetString());
        Assert.Equal("Phường Tân Ninh", item.GetProperty("unitName").GetString());
    }

    [Fact]
    public async Task TheWardDeletesAnItem_WithItsStamp_AndAStaleStampIsRefused()
    {
        await using var db = app.Database.CreateContext();
        var item = await db.NewsItems.AsNoTracking().FirstAsync(n => n.Title.StartsWith("Chuyên mục Dân chủ ở cơ sở"));
        var officer = await app.As("canbo");
        using (var stale = await DanVanAppFactory.PostFormAsync(officer, $"/Training/News?handler=Delete&id={item.Id}",
            new Dictionary<string, string> { ["Stamp"] = Guid.NewGuid().ToString() }, "/Training/News"))
        {
            Assert.Contains(NewsCommands.Stale, WebUtility.HtmlDecode(await stale.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        }

        using (var forbidden = await DanVanAppFactory.PostFormAsync(await app.As("dieuphoi"), $"/Training/News?handler=Delete&id={item.Id}",
            new Dictionary<string, string> { ["Stamp"] = item.ConcurrencyStamp.ToString() }, "/Training/News"))
        {
            Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        }

        using (var deleted = await DanVanAppFactory.PostFormAsync(officer, $"/Training/News?handler=Delete&id={item.Id}",
            new Dictionary<string, string> { ["Stamp"] = item.ConcurrencyStamp.ToString() }, "/Training/News"))
        {
            Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        }

        Assert.False(await db.NewsItems.AnyAsync(n => n.Id == item.Id));
    }
}
