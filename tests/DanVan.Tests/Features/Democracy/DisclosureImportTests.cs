using System.Globalization;
using System.Net;
using DanVan.Data;
using DanVan.Domain.Text;
using DanVan.Infrastructure;
using DanVan.Tests.Support;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DanVan.Tests.Features.Democracy;

/// <summary>
/// The disclosure register's Excel round trip over HTTP on the seeded demo province: the template, an import refused
/// with a row-by-row report and nothing saved, the same file fixed and saved whole, the template sent back unchanged
/// adding nothing, and who may not import.
/// </summary>
public sealed class DisclosureImportTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static readonly DateOnly Today = VietnamClock.Today(TimeProvider.System);

    private static string Year(int year) => year.ToString(CultureInfo.InvariantCulture);

    private async Task<int> CountAsync(int year)
    {
        var ward = await app.UnitIdAsync("25459");
        using var scope = app.Factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Disclosures.CountAsync(d => d.UnitId == ward && d.Year == year);
    }

    private static Dictionary<string, List<List<string>>> Sheets(byte[] xlsx) => TestWorkbooks.Sheets(xlsx);

    private static byte[] Filled(params object?[][] rows) =>
        TestWorkbooks.Filled(["Mã nội dung", "Nội dung đã công khai", "Ngày công khai", "Đến ngày", "Hình thức", "Số ngày phát thanh", "Ghi chú"], rows);

    private static Task<HttpResponseMessage> ImportAsync(HttpClient client, int year, byte[] xlsx) =>
        AppFixture.PostFilesAsync(client, $"/Democracy/Disclosures?handler=Import&year={Year(year)}", new Dictionary<string, string>(), ("Upload", "cong-khai.xlsx", xlsx));

    [Fact]
    public async Task TheTemplate_HoldsTheYearsItemsAndDisclosures_AndComesBackUnchanged_WithoutDuplicates()
    {
        var officer = await app.As("canbo");
        var year = Today.Year - 1;
        var before = await CountAsync(year);
        Assert.True(before > 0, "the demo ward has disclosures last year");

        var register = WebUtility.HtmlDecode(await officer.GetStringAsync($"/Democracy/Disclosures?year={Year(year)}"));
        Assert.Contains("Tải mẫu Excel", register, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"disclosures-import-form\"", register, StringComparison.Ordinal);

        using var response = await officer.GetAsync($"/Democracy/Disclosures?handler=Template&year={Year(year)}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(XlsxExport.ContentType, response.Content.Headers.ContentType?.MediaType);
        var template = await response.Content.ReadAsByteArrayAsync();
        var sheets = Sheets(template);
        Assert.Equal(["Công khai năm " + Year(year), XlsxTable.GuideSheet], sheets.Keys);
        var main = sheets["Công khai năm " + Year(year)];
        Assert.Equal(["Mã nội dung", "Nội dung đã công khai", "Ngày công khai", "Đến ngày", "Hình thức", "Số ngày phát thanh", "Ghi chú"], main[0]);
        Assert.Equal(before, main.Count - 1); // one pre-filled row per disclosure
        Assert.All(main.Skip(1), r => Assert.Matches("^XA-[0-9]{2}$", r[0]));
        Assert.All(main.Skip(1), r => Assert.True(VietnameseText.TryParseDate(r[2], out _), r[2]));
        var guide = sheets[XlsxTable.GuideSheet].SelectMany(r => r).ToList();
        Assert.Contains("XA-01", guide);
        Assert.Contains("XA-14", guide);
        Assert.Contains("Niêm yết", guide);
        Assert.Contains("Hệ thống truyền thanh", guide);

        using (var unchanged = await ImportAsync(officer, year, template))
        {
            Assert.Equal(HttpStatusCode.Redirect, unchanged.StatusCode);
        }

        Assert.Equal(before, await CountAsync(year));
        Assert.Contains("Đã nhập 0 nội dung công khai.", WebUtility.HtmlDecode(await officer.GetStringAsync($"/Democracy/Disclosures?year={Year(year)}")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AWrongRow_IsReportedByRow_AndNothingIsSaved_ThenTheFixedFileIsSavedWhole()
    {
        var officer = await app.As("canbo");
        var year = Today.Year;
        var tag = Guid.NewGuid().ToString("N")[..6];
        var good = new object?[] { "XA-05", "Kế hoạch sử dụng đất " + tag, Today, null, "Niêm yết; Cổng, trang thông tin điện tử", null, "Tại trụ sở" };
        var badDates = new object?[] { "XA-06", "Danh sách hộ nghèo " + tag, VietnameseText.FormatDate(Today), VietnameseText.FormatDate(Today.AddDays(-2)), "Niêm yết", null, null };
        var unknown = new object?[] { "XA-99", "Không có trong danh mục " + tag, VietnameseText.FormatDate(Today), null, "Gửi thư điện tử", null, null };
        var before = await CountAsync(year);

        using (var refused = await ImportAsync(officer, year, Filled(good, badDates, unknown)))
        {
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            var html = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
            Assert.Contains("data-testid=\"import-report\"", html, StringComparison.Ordinal);
            Assert.Contains("Dòng 3: Ngày kết thúc công khai không thể trước ngày bắt đầu công khai.", html, StringComparison.Ordinal);
            Assert.Contains("Dòng 4, cột «Hình thức»: «Gửi thư điện tử» không phải hình thức công khai trong danh sách", html, StringComparison.Ordinal);
            Assert.DoesNotContain("Dòng 2", html, StringComparison.Ordinal);
        }

        Assert.Equal(before, await CountAsync(year)); // the good row was not saved either

        using (var unknownCode = await ImportAsync(officer, year, Filled(good, ["XA-99", "Không có " + tag, Today, null, "Niêm yết", null, null])))
        {
            var html = WebUtility.HtmlDecode(await unknownCode.Content.ReadAsStringAsync());
            Assert.Contains("Dòng 3: mã nội dung «XA-99» không có trong danh mục công khai của đơn vị", html, StringComparison.Ordinal);
        }

        Assert.Equal(before, await CountAsync(year));

        badDates[3] = VietnameseText.FormatDate(Today.AddDays(30));
        using (var saved = await ImportAsync(officer, year, Filled(good, badDates)))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        Assert.Equal(before + 2, await CountAsync(year));
        var page = WebUtility.HtmlDecode(await officer.GetStringAsync($"/Democracy/Disclosures?year={Year(year)}"));
        Assert.Contains("Đã nhập 2 nội dung công khai.", page, StringComparison.Ordinal);
        Assert.Contains("Kế hoạch sử dụng đất " + tag, page, StringComparison.Ordinal);

        // Sent again, the same rows are already in the register: skipped, not duplicated.
        using (var again = await ImportAsync(officer, year, Filled(good, badDates)))
        {
            Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        }

        Assert.Equal(before + 2, await CountAsync(year));
    }

    [Fact]
    public async Task AFileThatIsNotAWorkbook_OrNoFile_IsExplained_AndOthersMayNotImport()
    {
        var officer = await app.As("canbo");
        using (var notXlsx = await AppFixture.PostFilesAsync(officer, "/Democracy/Disclosures?handler=Import", new Dictionary<string, string>(), ("Upload", "a.xlsx", "không phải Excel"u8.ToArray())))
        {
            Assert.Equal(HttpStatusCode.OK, notXlsx.StatusCode);
            Assert.Contains("Tệp nhập phải là bảng tính Excel (.xlsx)", WebUtility.HtmlDecode(await notXlsx.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        }

        using (var renamed = await ImportAsync(officer, Today.Year, Filled()))
        {
            Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
            Assert.Contains("Tệp không có dòng dữ liệu nào dưới dòng tiêu đề.", WebUtility.HtmlDecode(await renamed.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        }

        using (var large = await AppFixture.PostFilesAsync(officer, "/Democracy/Disclosures?handler=Import", new Dictionary<string, string>(), ("Upload", "lon.xlsx", new byte[(5 * 1024 * 1024) + 1000])))
        {
            Assert.Equal(HttpStatusCode.OK, large.StatusCode);
            Assert.Contains("Tệp quá lớn: tối đa 5 MB.", WebUtility.HtmlDecode(await large.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        }

        using (var huge = await AppFixture.PostFilesAsync(officer, "/Democracy/Disclosures?handler=Import", new Dictionary<string, string>(), ("Upload", "rat-lon.xlsx", new byte[7 * 1024 * 1024])))
        {
            Assert.True((int)huge.StatusCode < 500, "7 MB → " + huge.StatusCode);
        }

        foreach (var user in new[] { "xem", "dieuphoi" })
        {
            var other = await app.As(user);
            using var post = await ImportAsync(other, Today.Year, Filled(["XA-05", "Kế hoạch", Today, null, "Niêm yết", null, null]));
            Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
            using var template = await other.GetAsync("/Democracy/Disclosures?handler=Template");
            Assert.Equal(HttpStatusCode.Forbidden, template.StatusCode);
        }
    }
}
