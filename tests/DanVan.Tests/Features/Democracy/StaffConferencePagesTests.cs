using System.Globalization;
using System.Net;
using DanVan.Data;
using DanVan.Domain.Text;
using DanVan.Features.Democracy;
using DanVan.Features.FollowUp;
using DanVan.Features.Shared;
using DanVan.Infrastructure;
using DanVan.Testing;
using DanVan.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DanVan.Tests.Features.Democracy;

/// <summary>Hội nghị cán bộ, công chức, viên chức over HTTP on the demo province: bad figures, double submits, DC_HNCB, the compliance view, the digest.</summary>
public sealed class StaffConferencePagesTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static readonly DateOnly Today = VietnamClock.Today(TimeProvider.System);

    private static string N(int n) => n.ToString(CultureInfo.InvariantCulture);

    private static Dictionary<string, string> Conference(int year, DateOnly heldOn, int attendees, int staff, string form = "Plenary") => new()
    {
        ["Input.Year"] = N(year), ["Input.HeldOn"] = VietnameseText.FormatDate(heldOn), ["Input.Attendees"] = N(attendees), ["Input.StaffTotal"] = N(staff), ["Input.Form"] = form,
        ["Input.ResolutionNumber"] = "01/NQ-HNCBCCVC", ["Input.ResolutionText"] = "Thông qua quy chế chi tiêu nội bộ",
    };

    private async Task<T> DbAsync<T>(Func<AppDbContext, Task<T>> read)
    {
        using var scope = app.Factory.Services.CreateScope();
        return await read(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    [Fact]
    public async Task BadFiguresAreRefusedByField_ASecondConferenceOfTheYearToo_AndDC_HNCBCountsIt()
    {
        var head = await app.As("lanhdao"); // Giám đốc Sở Tư pháp
        var year = Today.Year - 3;
        var held = new DateOnly(year + 1, 2, 20);
        var before = await DbAsync(db => db.StaffConferences.CountAsync());
        foreach (var (form, message) in new[]
        {
            (Conference(year, held, 90, 85), "Số người dự (90) không thể lớn hơn tổng số cán bộ, công chức, viên chức, người lao động (85)."),
            (Conference(year, held, 40, 60, "Delegates"), "Cơ quan, đơn vị dưới 100 người tổ chức hội nghị toàn thể"),
            (Conference(year, held, -5, 60), "Số người dự hội nghị phải từ 1 trở lên."),
            (Conference(year, Today.AddDays(1), 40, 60), "Ngày tổ chức không được sau hôm nay"),
            (Conference(Today.Year + 1, held, 40, 60), "Năm được tổng kết phải từ 2015"),
            (new Dictionary<string, string>(Conference(year, held, 40, 60)) { ["Input.HeldOn"] = "" }, "Vui lòng nhập ngày tổ chức hội nghị."),
            (new Dictionary<string, string>(Conference(year, held, 40, 60)) { ["Input.Notes"] = new string('a', 2001) }, "Ghi chú không quá 2.000 ký tự."),
        })
        {
            using var bad = await DanVanAppFactory.PostFormAsync(head, "/Democracy/StaffConferences/Create", form);
            Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
            Assert.Contains(message, WebUtility.HtmlDecode(await bad.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        }

        Assert.Equal(before, await DbAsync(db => db.StaffConferences.CountAsync()));
        using (var saved = await DanVanAppFactory.PostFormAsync(head, "/Democracy/StaffConferences/Create", Conference(year, held, 58, 62)))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        using (var twice = await DanVanAppFactory.PostFormAsync(head, "/Democracy/StaffConferences/Create", Conference(year, held, 58, 62)))
        {
            Assert.Equal(HttpStatusCode.OK, twice.StatusCode);
            Assert.Contains($"Đơn vị đã ghi Hội nghị cán bộ, công chức, viên chức tổng kết năm {year}", WebUtility.HtmlDecode(await twice.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        }

        Assert.Equal(before + 1, await DbAsync(db => db.StaffConferences.CountAsync()));
        var justice = await app.UnitIdAsync("80.STP");
        using var scope = app.Factory.Services.CreateScope();
        var value = await scope.ServiceProvider.GetRequiredService<MeasureRegistry>()
            .ComputeAsync(OversightMeasures.Conferences, [justice, await app.UnitIdAsync("25459")], new DateOnly(year + 1, 1, 1), new DateOnly(year + 1, 12, 31), default);
        Assert.Equal(1, value[justice].Value);
        Assert.StartsWith("Theo dõi trên DanVan (sổ Hội nghị cán bộ, công chức, viên chức):", value[justice].Provenance, StringComparison.Ordinal);
        Assert.True(await DbAsync(db => db.AuditEntries.AnyAsync(a => a.EntityType == "StaffConference" && a.Action == "create" && a.UnitId == justice)));
        var list = WebUtility.HtmlDecode(await head.GetStringAsync($"/Democracy/StaffConferences?year={year}&q=so+tu+phap"));
        Assert.Contains("Sở Tư pháp", list, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheCoordinatorSeesWhoMissedLastYearsConference_AndTheAgencysDigestSaysSo()
    {
        var last = Today.Year - 1;
        var coordinator = await app.As("dieuphoi");
        var page = WebUtility.HtmlDecode(await coordinator.GetStringAsync($"/Democracy/StaffConferences/Compliance?year={last}&q=so+xay+dung"));
        Assert.Contains("Sở Xây dựng tỉnh Tây Ninh", page, StringComparison.Ordinal);
        Assert.Contains(Today > new DateOnly(Today.Year, 3, 31) ? "Quá hạn chưa tổ chức" : "Chưa tổ chức (trong hạn)", page, StringComparison.Ordinal);
        var held = WebUtility.HtmlDecode(await coordinator.GetStringAsync($"/Democracy/StaffConferences/Compliance?year={last}&status=Held"));
        Assert.Contains("Sở Tư pháp", held, StringComparison.Ordinal);
        Assert.DoesNotContain("Sở Xây dựng tỉnh Tây Ninh", held, StringComparison.Ordinal);
        using (var fuzz = await coordinator.GetAsync("/Democracy/StaffConferences/Compliance?year=-1"))
        {
            Assert.Equal(HttpStatusCode.OK, fuzz.StatusCode);
        }

        var officer = await app.As("canbo");
        using (var refused = await officer.GetAsync("/Democracy/StaffConferences/Compliance"))
        {
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        }

        using (var ward = await officer.GetAsync("/Democracy/StaffConferences/Create"))
        {
            Assert.Equal(HttpStatusCode.Forbidden, ward.StatusCode); // a ward holds no staff conference
        }

        var building = await app.UnitIdAsync("80.SXD");
        var justice = await app.UnitIdAsync("80.STP");
        using var scope = app.Factory.Services.CreateScope();
        var source = scope.ServiceProvider.GetServices<IFollowUpSource>().OfType<StaffConferenceFollowUp>().Single();
        foreach (var horizon in new[] { new DateOnly(Today.Year, 3, 25).AddDays(7), new DateOnly(Today.Year, 5, 10) }) // a week before the due date, and after it
        {
            var items = await source.OpenAsync(horizon, [building, justice], default);
            var item = Assert.Single(items);
            Assert.Equal($"Chưa tổ chức Hội nghị cán bộ, công chức, viên chức năm {last}", item.Title);
            Assert.Equal(building, item.UnitId);
            Assert.Equal(new DateOnly(Today.Year, 3, 31), item.DueOn);
        }

        Assert.Empty(await source.OpenAsync(new DateOnly(Today.Year, 2, 1), [building], default)); // not yet within the horizon
        Assert.Empty(await source.OpenAsync(new DateOnly(Today.Year, 8, 1), [building], default)); // ninety days after, left to the compliance view
        var json = await coordinator.GetStringAsync($"/api/staff-conferences?year={last}&pageSize=5");
        Assert.Contains("\"totalCount\":4", json, StringComparison.Ordinal);
    }
}
