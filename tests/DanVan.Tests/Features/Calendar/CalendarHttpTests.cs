using System.Net;
using DanVan.Testing;
using DanVan.Tests.Support;

namespace DanVan.Tests.Features.Calendar;

[Collection("App")]
public class CalendarHttpTests(AppFixture app)
{
    private async Task EnsureYearAsync(int year)
    {
        var admin = await app.As("admin");
        using var response = await DanVanAppFactory.PostFormAsync(admin, $"/Calendar?handler=Generate&year={year}", new Dictionary<string, string>(), $"/Calendar?year={year}");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    [Fact]
    public async Task AnyUser_SeesTheYearsHolidays_AndComputesADeadlineAcrossTet()
    {
        await EnsureYearAsync(2026);
        var officer = await app.As("canbo");
        var html = await officer.GetStringAsync("/Calendar?year=2026");
        Assert.Contains("Tết Nguyên đán (mùng 1)", html, StringComparison.Ordinal);
        Assert.Contains("17/02/2026", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Thêm ngày theo thông báo", html, StringComparison.Ordinal); // editing is for admins

        var due = await officer.GetStringAsync("/Calendar?year=2026&from=13%2F02%2F2026&days=5");
        Assert.Contains("Thứ Sáu, 27/02/2026", due, StringComparison.Ordinal);

        var bad = await officer.GetStringAsync("/Calendar?from=30%2F02%2F2026&days=5");
        Assert.Contains("Ngày bắt đầu không hợp lệ", bad, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OnlyAdmins_ChangeTheCalendar()
    {
        var coordinator = await app.As("dieuphoi");
        using var add = await DanVanAppFactory.PostFormAsync(coordinator, "/Calendar?handler=Add", new Dictionary<string, string>
        {
            ["Input.Date"] = "03/03/2031", ["Input.Kind"] = "DayOff", ["Input.Name"] = "Nghỉ thử",
        }, "/Calendar");
        Assert.Equal(HttpStatusCode.Forbidden, add.StatusCode);
        using var generate = await DanVanAppFactory.PostFormAsync(coordinator, "/Calendar?handler=Generate&year=2031", new Dictionary<string, string>(), "/Calendar");
        Assert.Equal(HttpStatusCode.Forbidden, generate.StatusCode);
    }

    [Fact]
    public async Task Admin_AddsAMakeUpSaturday_RefusesAWeekdayOne_AndRemovesIt()
    {
        var admin = await app.As("admin");
        using var wrong = await DanVanAppFactory.PostFormAsync(admin, "/Calendar?handler=Add", new Dictionary<string, string>
        {
            ["Input.Date"] = "05/03/2032", ["Input.Kind"] = "WorkingDay", ["Input.Name"] = "Làm bù",
        }, "/Calendar");
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Contains("Ngày làm bù phải là thứ Bảy hoặc Chủ nhật.", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var added = await DanVanAppFactory.PostFormAsync(admin, "/Calendar?handler=Add", new Dictionary<string, string>
        {
            ["Input.Date"] = "06/03/2032", ["Input.Kind"] = "WorkingDay", ["Input.Name"] = "Làm bù cho ngày nghỉ thêm", ["Input.Source"] = "Thông báo thử",
        }, "/Calendar");
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var year = await admin.GetStringAsync("/Calendar?year=2032");
        Assert.Contains("Làm bù cho ngày nghỉ thêm", year, StringComparison.Ordinal);
        var due = await admin.GetStringAsync("/Calendar?year=2032&from=05%2F03%2F2032&days=1");
        Assert.Contains("Thứ Bảy, 06/03/2032", due, StringComparison.Ordinal);

        var row = year.Split("<tr>").Single(r => r.Contains("Làm bù cho ngày nghỉ thêm", StringComparison.Ordinal));
        var match = System.Text.RegularExpressions.Regex.Match(row, "id=(\\d+)&amp;handler=Remove|handler=Remove&amp;id=(\\d+)");
        var id = match.Groups[1].Success ? match.Groups[1].Value : match.Groups[2].Value;
        Assert.NotEmpty(id);
        using var removed = await DanVanAppFactory.PostFormAsync(admin, $"/Calendar?handler=Remove&id={id}", new Dictionary<string, string>(), "/Calendar?year=2032");
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.DoesNotContain("Làm bù cho ngày nghỉ thêm", await admin.GetStringAsync("/Calendar?year=2032"), StringComparison.Ordinal);
    }
}
