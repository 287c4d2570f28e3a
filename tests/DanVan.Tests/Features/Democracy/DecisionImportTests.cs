using System.Net;
using DanVan.Data;
using DanVan.Domain.Democracy;
using DanVan.Infrastructure;
using DanVan.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DanVan.Tests.Features.Democracy;

/// <summary>
/// The people's votes' Excel round trip over HTTP on the demo province: the template, a file refused row by row with
/// nothing saved, the fixed file saved and each vote counted against its threshold, the same file again adding nothing,
/// and a coordinator who may not import.
/// </summary>
public sealed class DecisionImportTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static readonly DateOnly Today = VietnamClock.Today(TimeProvider.System);

    private static readonly object?[] Header =
        ["Loại nội dung", "Thôn, tổ dân phố", "Nội dung biểu quyết", "Hình thức", "Ngày biểu quyết", "Địa điểm", "Tổng số hộ gia đình", "Số hộ tham dự (trả lời)", "Số hộ đồng ý",
            "Số hộ không đồng ý", "Người chủ trì", "Thư ký", "Kết luận"];

    private async Task<List<PeopleDecision>> VotesAsync()
    {
        var ward = await app.UnitIdAsync("25459");
        using var scope = app.Factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().PeopleDecisions.AsNoTracking().Where(d => d.UnitId == ward).ToListAsync();
    }

    private static Task<HttpResponseMessage> ImportAsync(HttpClient client, byte[] xlsx) =>
        AppFixture.PostFilesAsync(client, "/Democracy/Decisions?handler=Import", new Dictionary<string, string>(), ("Upload", "bieu-quyet.xlsx", xlsx));

    [Fact]
    public async Task AFileWithBadRows_SavesNothing_TheFixedFileIsCounted_AndTheSameFileAgainAddsNothing()
    {
        var officer = await app.As("canbo");
        var rules = DecisionRules.Shipped();
        var contribution = rules.Single(r => r.Code == "dong-gop-ha-tang").Name;
        var sheets = TestWorkbooks.Sheets(await officer.GetByteArrayAsync("/Democracy/Decisions?handler=Template"));
        var first = sheets.First().Value;
        Assert.Equal(Header.Cast<string>(), first[0]);
        var before = await VotesAsync();
        Assert.Equal(before.Count(d => d.HeldOn.Year == Today.Year), first.Count - 1);
        Assert.Contains(contribution, string.Join("|", sheets["Hướng dẫn"].SelectMany(r => r)), StringComparison.Ordinal);

        object?[] passed = [contribution, "Khu phố 4", "Đóng góp bê tông hóa hẻm 20: 300.000 đồng/hộ", "Họp cộng đồng dân cư", Today.AddDays(-1), "Nhà văn hóa khu phố 4",
            120, 100, 80, 15, "Trần Văn Tư", "Lê Thị Năm", null];
        object?[] crowded = [contribution, "Khu phố 4", "Đóng góp lắp đèn hẻm 22", "Họp cộng đồng dân cư", Today.AddDays(-1), null, 120, 130, 90, 10, null, null, null];
        object?[] unknown = ["Bầu trưởng ban", "Khu phố 4", "Việc khác", "Họp chợ", Today.AddDays(-1), null, 120, 100, 80, 10, null, null, null];
        using (var refused = await ImportAsync(officer, TestWorkbooks.Filled(Header, passed, crowded, unknown)))
        {
            var html = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            Assert.Contains("Dòng 3: Số hộ tham dự (130) không thể lớn hơn tổng số hộ gia đình (120).", html, StringComparison.Ordinal);
            Assert.Contains("Dòng 4, cột «Loại nội dung»: «Bầu trưởng ban» không phải loại nội dung trong danh sách", html, StringComparison.Ordinal);
            Assert.Contains("Dòng 4, cột «Hình thức»: «Họp chợ» không phải hình thức trong danh sách", html, StringComparison.Ordinal);
            Assert.DoesNotContain("Dòng 2", html, StringComparison.Ordinal);
        }

        Assert.Equal(before.Count, (await VotesAsync()).Count);
        object?[] fixedCount = [contribution, "Khu phố 4", "Đóng góp lắp đèn hẻm 22", "Họp cộng đồng dân cư", Today.AddDays(-1), null, 120, 110, 70, 30, null, null, null];
        var file = TestWorkbooks.Filled(Header, passed, fixedCount);
        using (var saved = await ImportAsync(officer, file))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        var after = await VotesAsync();
        Assert.Equal(before.Count + 2, after.Count);
        Assert.Equal(DecisionOutcome.Passed, after.Single(d => d.Matter.StartsWith("Đóng góp bê tông hóa hẻm 20", StringComparison.Ordinal)).Outcome);   // 80/120 = 2/3
        Assert.Equal(DecisionOutcome.Rejected, after.Single(d => d.Matter == "Đóng góp lắp đèn hẻm 22").Outcome);                                         // 70/120 < 2/3
        using (var again = await ImportAsync(officer, file))
        {
            Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        }

        Assert.Equal(before.Count + 2, (await VotesAsync()).Count);
        var coordinator = await app.As("dieuphoi");
        using var forbidden = await AppFixture.PostFilesAsync(coordinator, "/Democracy/Decisions?handler=Import", new Dictionary<string, string>(), ("Upload", "x.xlsx", file));
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        using var template = await coordinator.GetAsync("/Democracy/Decisions?handler=Template");
        Assert.Equal(HttpStatusCode.Forbidden, template.StatusCode);
    }
}
