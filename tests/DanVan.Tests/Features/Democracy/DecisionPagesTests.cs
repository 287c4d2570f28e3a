using System.Net;
using DanVan.Domain.Text;
using DanVan.Features.Democracy;
using DanVan.Features.Shared;
using DanVan.Infrastructure;
using DanVan.Testing;
using DanVan.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace DanVan.Tests.Features.Democracy;

/// <summary>Nhân dân bàn và quyết định over HTTP on the demo province: the vote recorded and counted, the minutes as DOCX, DC_BAN, 403s.</summary>
public sealed class DecisionPagesTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static readonly DateOnly Today = VietnamClock.Today(TimeProvider.System);

    private static Dictionary<string, string> Vote(string matter, int entitled, int present, int yes, int no) => new()
    {
        ["Input.RuleCode"] = "dong-gop-ha-tang", ["Input.Form"] = "Meeting", ["Input.Matter"] = matter, ["Input.Community"] = "Khu phố 3",
        ["Input.HeldOn"] = VietnameseText.FormatDate(Today), ["Input.HouseholdsEntitled"] = entitled.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Input.HouseholdsPresent"] = present.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Input.For"] = yes.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Input.Against"] = no.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Input.ChairName"] = "Trần Văn Bình", ["Input.SecretaryName"] = "Phạm Thị Lan",
    };

    [Fact]
    public async Task AContributionVote_IsCountedAgainstTwoThirds_AndItsMinutesReopen()
    {
        var officer = await app.As("canbo");
        using (var bad = await DanVanAppFactory.PostFormAsync(officer, "/Democracy/Decisions/Create", Vote("Đóng góp làm đường", 200, 250, 100, 10)))
        {
            Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
            Assert.Contains("Số hộ tham dự (250) không thể lớn hơn tổng số hộ gia đình (200).", WebUtility.HtmlDecode(await bad.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        }

        int id;
        using (var saved = await DanVanAppFactory.PostFormAsync(officer, "/Democracy/Decisions/Create", Vote("Đóng góp làm đường hẻm 5", 200, 180, 133, 20)))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
            id = int.Parse(saved.Headers.Location!.ToString().Split('/').Last(), System.Globalization.CultureInfo.InvariantCulture);
        }

        var details = WebUtility.HtmlDecode(await officer.GetStringAsync($"/Democracy/Decisions/Details/{id}"));
        Assert.Contains("Không thông qua: 133/200 hộ đồng ý (66,5%).", details, StringComparison.Ordinal); // 66.5 % is not two thirds
        Assert.Contains("Thông qua khi từ 2/3 tổng số hộ gia đình đồng ý", details, StringComparison.Ordinal);

        var bytes = await officer.GetByteArrayAsync($"/Democracy/Decisions/Details/{id}?handler=Docx");
        DanVan.Testing.Nd30Layout.AssertValid(bytes, recipients: false);
        using (var docx = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(new MemoryStream(bytes), false))
        {
            var text = docx.MainDocumentPart!.Document.Body!.InnerText;
            Assert.Contains("BIÊN BẢN", text, StringComparison.Ordinal);
            Assert.Contains("Họp cộng đồng dân cư Khu phố 3", text, StringComparison.Ordinal);
            Assert.Contains("Về việc: Đóng góp làm đường hẻm 5", text, StringComparison.Ordinal);
            Assert.Contains("Kết quả: Không thông qua: 133/200 hộ đồng ý", text, StringComparison.Ordinal);
            Assert.Contains("Trần Văn Bình", text, StringComparison.Ordinal);
            Assert.Contains("ỦY BAN NHÂN DÂN PHƯỜNG TÂN NINH", text, StringComparison.Ordinal);
        }

        var list = WebUtility.HtmlDecode(await officer.GetStringAsync("/Democracy/Decisions?q=lam+duong+hem+5"));
        Assert.Contains("Đóng góp làm đường hẻm 5", list, StringComparison.Ordinal);
        Assert.Contains("data-confirm=", await officer.GetStringAsync($"/Democracy/Decisions/Details/{id}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheDemoVotes_CountForDC_BAN_AndOnlyTheCommuneRecords()
    {
        var ward = await app.UnitIdAsync("25459");
        using var scope = app.Factory.Services.CreateScope();
        var value = await scope.ServiceProvider.GetRequiredService<MeasureRegistry>().ComputeAsync(DemocracyMeasures.Decided, [ward], Today.AddDays(-60), Today, default);
        Assert.True(value[ward].Value >= 2);
        Assert.StartsWith("Theo dõi trên DanVan (sổ Nhân dân bàn và quyết định):", value[ward].Provenance, StringComparison.Ordinal);

        var coordinator = await app.As("dieuphoi");
        var page = WebUtility.HtmlDecode(await coordinator.GetStringAsync("/Democracy/Decisions?outcome=Rejected"));
        Assert.Contains("Mức đóng góp lắp camera an ninh", page, StringComparison.Ordinal);
        Assert.DoesNotContain("bê tông hóa hẻm 12", page, StringComparison.Ordinal);
        using var refused = await coordinator.GetAsync("/Democracy/Decisions/Create");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        var xlsx = await coordinator.GetByteArrayAsync("/Democracy/Decisions?handler=Export");
        using (DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(new MemoryStream(xlsx), false))
        {
        }
    }
}
