using System.Globalization;
using System.Net;
using DanVan.Data;
using DanVan.Domain.Text;
using DanVan.Features.Democracy;
using DanVan.Features.Shared;
using DanVan.Infrastructure;
using DanVan.Testing;
using DanVan.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DanVan.Tests.Features.Democracy;

/// <summary>Nhân dân kiểm tra, giám sát over HTTP on the demo province: boards with their bounds, activities, DC_GIAMSAT, the list, 403s and antiforgery.</summary>
public sealed class OversightPagesTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static readonly DateOnly Today = VietnamClock.Today(TimeProvider.System);

    private static string D(DateOnly d) => VietnameseText.FormatDate(d);

    private static Dictionary<string, string> Board(string kind, string name, int members, string? project = "Nâng cấp đường hẻm 7", DateOnly? from = null, DateOnly? to = null)
    {
        var form = new Dictionary<string, string>
        {
            ["Input.Kind"] = kind, ["Input.Name"] = name, ["Input.Project"] = project ?? "", ["Input.TermFrom"] = D(from ?? Today.AddDays(-30)), ["Input.TermTo"] = D(to ?? Today.AddDays(700)),
        };
        for (var i = 0; i < members; i++)
        {
            form[$"Input.Members[{i}].Name"] = $"Thành viên số {i + 1}";
            form[$"Input.Members[{i}].Role"] = i == 0 ? "Head" : "Member";
        }

        return form;
    }

    private async Task<T> DbAsync<T>(Func<AppDbContext, Task<T>> read)
    {
        using var scope = app.Factory.Services.CreateScope();
        return await read(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    [Fact]
    public async Task ABoardOutsideItsBounds_IsRefusedByField_ThenSaved_AndItsActivitiesCount()
    {
        var officer = await app.As("canbo");
        var before = await DbAsync(db => db.OversightBoards.CountAsync());
        foreach (var (form, message) in new[]
        {
            (Board("CommunityInvestment", "Ban giám sát hẻm 7", 4), "Ban Giám sát đầu tư của cộng đồng có từ 5 đến 7 thành viên"),
            (Board("CommunityInvestment", "Ban giám sát hẻm 7", 8), "danh sách đang có 8 người."),
            (Board("CommunityInvestment", "Ban giám sát hẻm 7", 5, project: ""), "Vui lòng ghi chương trình, dự án"),
            (Board("PeopleInspection", "", 5), "Vui lòng ghi tên ban"),
            (Board("PeopleInspection", "Ban TTND", 5, from: Today, to: Today.AddDays(-1)), "Ngày kết thúc nhiệm kỳ không thể trước ngày bắt đầu nhiệm kỳ."),
            (Board("PeopleInspection", "Ban TTND", 0), "Ban phải có một Trưởng ban."),
            (Board("PeopleInspection", new string('x', 301), 5), "Tên ban không quá 300 ký tự."),
            (new Dictionary<string, string>(Board("PeopleInspection", "Ban TTND", 5)) { ["Input.TermFrom"] = "31/02/2026" }, "không hợp lệ: nhập theo dạng ngày/tháng/năm"),
        })
        {
            using var bad = await DanVanAppFactory.PostFormAsync(officer, "/Democracy/Oversight/Create", form);
            Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
            Assert.Contains(message, WebUtility.HtmlDecode(await bad.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        }

        Assert.Equal(before, await DbAsync(db => db.OversightBoards.CountAsync()));

        int id;
        using (var saved = await DanVanAppFactory.PostFormAsync(officer, "/Democracy/Oversight/Create", Board("CommunityInvestment", "Ban giám sát đường hẻm bảy", 6)))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
            id = int.Parse(saved.Headers.Location!.ToString().Split('/').Last(), CultureInfo.InvariantCulture);
        }

        var details = $"/Democracy/Oversight/Details/{id}";
        using (var future = await DanVanAppFactory.PostFormAsync(officer, details + "?handler=Activity", new Dictionary<string, string>
        {
            ["Activity.Kind"] = "Supervision", ["Activity.HeldOn"] = D(Today.AddDays(1)), ["Activity.Subject"] = "Giám sát đổ bê tông",
        }, details))
        {
            Assert.Equal(HttpStatusCode.OK, future.StatusCode);
            Assert.Contains("không được sau hôm nay", WebUtility.HtmlDecode(await future.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        }

        using (var held = await DanVanAppFactory.PostFormAsync(officer, details + "?handler=Activity", new Dictionary<string, string>
        {
            ["Activity.Kind"] = "Supervision", ["Activity.HeldOn"] = D(Today), ["Activity.Subject"] = "Giám sát đổ bê tông đoạn giữa", ["Activity.Recommendations"] = "Bảo dưỡng bê tông đủ ngày",
        }, details))
        {
            Assert.Equal(HttpStatusCode.Redirect, held.StatusCode);
        }

        var page = WebUtility.HtmlDecode(await officer.GetStringAsync(details));
        Assert.Contains("Giám sát đổ bê tông đoạn giữa", page, StringComparison.Ordinal);
        Assert.Contains("Thành viên số 6 — Thành viên", page, StringComparison.Ordinal);
        Assert.Contains("Chưa được giải quyết", page, StringComparison.Ordinal);
        Assert.Contains("data-confirm=", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", page, StringComparison.Ordinal);
        var list = WebUtility.HtmlDecode(await officer.GetStringAsync("/Democracy/Oversight?q=duong+hem+bay&sort=name"));
        Assert.Contains("Ban giám sát đường hẻm bảy", list, StringComparison.Ordinal);
        Assert.DoesNotContain("Ban Thanh tra nhân dân phường Tân Ninh", list, StringComparison.Ordinal);

        // Ban GSĐTCĐ activities are not Ban TTND inspections: the measure counts the demo's Ban TTND only.
        var ward = await app.UnitIdAsync("25459");
        using var scope = app.Factory.Services.CreateScope();
        var registry = scope.ServiceProvider.GetRequiredService<MeasureRegistry>();
        var value = await registry.ComputeAsync(OversightMeasures.Inspections, [ward], new DateOnly(Today.Year - 1, 1, 1), new DateOnly(Today.Year - 1, 12, 31), default);
        var lastYear = await DbAsync(db => db.OversightActivities.CountAsync(a => a.UnitId == ward && a.BoardKind == DanVan.Domain.Democracy.OversightBoardKind.PeopleInspection
            && a.HeldOn >= new DateOnly(Today.Year - 1, 1, 1) && a.HeldOn <= new DateOnly(Today.Year - 1, 12, 31)));
        Assert.True(lastYear >= 2);
        Assert.Equal(lastYear, value[ward].Value);
        Assert.StartsWith("Theo dõi trên DanVan (sổ hoạt động Ban Thanh tra nhân dân):", value[ward].Provenance, StringComparison.Ordinal);
        var records = await registry.RecordsAsync(OversightMeasures.Inspections, ward, new DateOnly(Today.Year - 1, 1, 1), Today, 10, default);
        Assert.True(records.Count >= 3);
        Assert.DoesNotContain(records, r => r.Label.Contains("đổ bê tông", StringComparison.Ordinal));

        using (var deleted = await DanVanAppFactory.PostFormAsync(officer, details + "?handler=Delete", new Dictionary<string, string>
        {
            ["Stamp"] = (await DbAsync(db => db.OversightBoards.Where(b => b.Id == id).Select(b => b.ConcurrencyStamp).SingleAsync())).ToString(),
        }, details))
        {
            Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        }

        Assert.Equal(0, await DbAsync(db => db.OversightActivities.CountAsync(a => a.BoardId == id)));
        Assert.True(await DbAsync(db => db.AuditEntries.AnyAsync(a => a.EntityType == "OversightActivity" && a.Action == "delete" && a.UnitId == ward)));
    }

    [Fact]
    public async Task OthersRead_OnlyTheUnitRecords_AndAPostWithoutTokenIsRefused()
    {
        var board = await DbAsync(db => db.OversightBoards.Where(b => b.Name == "Ban Thanh tra nhân dân phường Tân Ninh").Select(b => b.Id).SingleAsync());
        var coordinator = await app.As("dieuphoi");
        var page = WebUtility.HtmlDecode(await coordinator.GetStringAsync($"/Democracy/Oversight/Details/{board}"));
        Assert.Contains("Trần Văn Sáu — Trưởng ban", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Ghi cuộc kiểm tra, giám sát", page, StringComparison.Ordinal);
        using (var refused = await coordinator.GetAsync("/Democracy/Oversight/Create"))
        {
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        }

        using (var edit = await coordinator.GetAsync($"/Democracy/Oversight/Edit/{board}"))
        {
            Assert.Equal(HttpStatusCode.Forbidden, edit.StatusCode);
        }

        var officer = await app.As("canbo");
        using (var noToken = await officer.PostAsync("/Democracy/Oversight/Create", new FormUrlEncodedContent(Board("PeopleInspection", "Ban không có mã chống giả mạo", 5))))
        {
            Assert.Equal(HttpStatusCode.BadRequest, noToken.StatusCode);
        }

        Assert.False(await DbAsync(db => db.OversightBoards.AnyAsync(b => b.Name == "Ban không có mã chống giả mạo")));
        var xlsx = await coordinator.GetByteArrayAsync("/Democracy/Oversight?handler=Export");
        using (var book = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(new MemoryStream(xlsx), false))
        {
            Assert.NotNull(book.WorkbookPart);
        }

        var json = await coordinator.GetStringAsync("/api/oversight?pageSize=500&q=tan+ninh");
        Assert.Contains("\"pageSize\":200", json, StringComparison.Ordinal);
        Assert.Contains("Ban Thanh tra nhân dân phường Tân Ninh", json, StringComparison.Ordinal);
    }
}
