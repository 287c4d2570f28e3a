using System.Net;
using DanVan.Data;
using DanVan.Infrastructure;
using DanVan.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DanVan.Tests.Features.Training;

/// <summary>
/// The sessions' Excel round trip over HTTP on the demo province: the template with its lists, a file refused row by
/// row with nothing saved, the same file fixed and saved whole (the two staff it names now briefed), sent again adding
/// nothing, and a coordinator who may not import.
/// </summary>
public sealed class TrainingImportTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static readonly DateOnly Today = VietnamClock.Today(TimeProvider.System);

    private static readonly object?[] Header =
        ["Loại", "Nội dung, chủ đề", "Ngày tổ chức", "Địa điểm, hình thức", "Đối tượng", "Số người được mời", "Số lượt người tham dự", "Văn bản được quán triệt (số, ký hiệu)", "Cán bộ của đơn vị có mặt", "Ghi chú"];

    private async Task<int> CountAsync()
    {
        var ward = await app.UnitIdAsync("25459");
        using var scope = app.Factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().TrainingSessions.CountAsync(s => s.UnitId == ward);
    }

    private static Task<HttpResponseMessage> ImportAsync(HttpClient client, byte[] xlsx) =>
        AppFixture.PostFilesAsync(client, "/Training?handler=Import", new Dictionary<string, string>(), ("Upload", "tuyen-truyen.xlsx", xlsx));

    [Fact]
    public async Task AFileWithBadRows_SavesNothing_TheFixedFileSavesAll_AndTheSameFileAgainAddsNothing()
    {
        var officer = await app.As("canbo");
        var template = await officer.GetByteArrayAsync("/Training?handler=Template");
        var sheets = TestWorkbooks.Sheets(template);
        var first = sheets.First().Value;
        Assert.Equal(Header.Cast<string>(), first[0]);
        var ward = await app.UnitIdAsync("25459");
        await using (var db = app.Database.CreateContext())
        {
            var thisYear = new DateOnly(Today.Year, 1, 1);
            Assert.Equal(await db.TrainingSessions.CountAsync(s => s.UnitId == ward && s.HeldOn >= thisYear), first.Count - 1); // a row per session of this year
        }

        var guide = string.Join("|", sheets["Hướng dẫn"].SelectMany(r => r));
        Assert.Contains("Lý Thị Kim", guide, StringComparison.Ordinal);
        Assert.Contains("80/KH-UBND", guide, StringComparison.Ordinal);
        Assert.Contains("Học tập, quán triệt", guide, StringComparison.Ordinal);

        var before = await CountAsync();
        object?[] good = ["Học tập, quán triệt", "Quán triệt Kế hoạch 80/KH-UBND cho cán bộ mới", Today.AddDays(-2), "Phòng họp UBND phường", "Cán bộ, công chức, viên chức", 5, 3,
            "80/kh-ubnd", "Lý Thị Kim; truong van duc", null];
        object?[] unknown = ["Hội thảo", "Hội thảo chuyên đề", Today.AddDays(-3), null, "Nhân dân", null, 40, null, "Người Lạ", null];
        object?[] crowded = ["Tuyên truyền, phổ biến", "Tuyên truyền pháp luật tại khu phố 3", Today.AddDays(-4), null, "Nhân dân", 10, 30, null, null, null];
        using (var refused = await ImportAsync(officer, TestWorkbooks.Filled(Header, good, unknown, crowded)))
        {
            var html = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            Assert.Contains("Chưa nhập được tệp: không dòng nào được lưu.", html, StringComparison.Ordinal);
            Assert.Contains("Dòng 3, cột «Loại»: «Hội thảo» không phải loại buổi trong danh sách", html, StringComparison.Ordinal);
            Assert.Contains("Dòng 3, cột «Cán bộ của đơn vị có mặt»: không có người «Người Lạ» có trong danh sách cán bộ của đơn vị", html, StringComparison.Ordinal);
            Assert.Contains("Dòng 4: Số lượt người tham dự (30) không thể lớn hơn số người được mời (10).", html, StringComparison.Ordinal);
            Assert.DoesNotContain("Dòng 2", html, StringComparison.Ordinal);
        }

        Assert.Equal(before, await CountAsync()); // the good row was not kept either

        object?[] fixedKind = ["Tuyên truyền, phổ biến", "Hội thảo chuyên đề", Today.AddDays(-3), null, "Nhân dân", null, 40, null, null, null];
        object?[] fixedCount = ["Tuyên truyền, phổ biến", "Tuyên truyền pháp luật tại khu phố 3", Today.AddDays(-4), null, "Nhân dân", 30, 30, null, null, null];
        var file = TestWorkbooks.Filled(Header, good, fixedKind, fixedCount);
        using (var saved = await ImportAsync(officer, file))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        Assert.Equal(before + 3, await CountAsync());
        await using (var db = app.Database.CreateContext())
        {
            var plan = await db.Documents.Where(d => d.Code == "80/KH-UBND").Select(d => d.Id).SingleAsync();
            var coverage = await DanVan.Features.Training.TrainingQueries.CoverageAsync(db, [ward], plan, Today, default);
            Assert.Equal("11/11 người (100 %)", coverage.Single().Value.Text); // the two named in the file were the two missing
        }

        using (var again = await ImportAsync(officer, file))
        {
            Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
            Assert.Contains("Bỏ qua 3 dòng đã có.", WebUtility.HtmlDecode(await officer.GetStringAsync("/Training")), StringComparison.Ordinal);
        }

        Assert.Equal(before + 3, await CountAsync());
        var coordinator = await app.As("dieuphoi");
        using var forbidden = await AppFixture.PostFilesAsync(coordinator, "/Training?handler=Import", new Dictionary<string, string>(), ("Upload", "x.xlsx", file));
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
    }
}
