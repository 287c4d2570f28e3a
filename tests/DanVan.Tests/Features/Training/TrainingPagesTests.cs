using System.Globalization;
using System.Net;
using DanVan.Domain.Text;
using DanVan.Features.Shared;
using DanVan.Features.Training;
using DanVan.Infrastructure;
using DanVan.Testing;
using DanVan.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DanVan.Tests.Features.Training;

/// <summary>
/// Propaganda and training over HTTP on the demo province: the ward's roster, the share of its staff briefed on the
/// province's plan (nine of eleven, then all after a second session for the two missing), TT_CUOC and TT_LUOT, bad
/// input refused with nothing saved, 403 for roles that do not record.
/// </summary>
public sealed class TrainingPagesTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static readonly DateOnly Today = VietnamClock.Today(TimeProvider.System);

    private static string S(int n) => n.ToString(CultureInfo.InvariantCulture);

    private async Task<(int Plan, int Kim, int Duc)> DemoAsync()
    {
        await using var db = app.Database.CreateContext();
        var plan = await db.Documents.Where(d => d.Code == "80/KH-UBND").Select(d => d.Id).SingleAsync();
        var kim = await db.StaffMembers.Where(s => s.FullName == "Lý Thị Kim").Select(s => s.Id).SingleAsync();
        var duc = await db.StaffMembers.Where(s => s.FullName == "Trương Văn Đức").Select(s => s.Id).SingleAsync();
        return (plan, kim, duc);
    }

    private async Task<(double Sessions, double Attendances)> MeasuresAsync(int ward)
    {
        using var scope = app.Factory.Services.CreateScope();
        var registry = scope.ServiceProvider.GetRequiredService<MeasureRegistry>();
        var sessions = await registry.ComputeAsync(TrainingMeasures.Sessions, [ward], Today.AddDays(-60), Today, default);
        var people = await registry.ComputeAsync(TrainingMeasures.Attendances, [ward], Today.AddDays(-60), Today, default);
        Assert.StartsWith("Theo dõi trên DanVan (sổ tuyên truyền, tập huấn):", sessions[ward].Provenance, StringComparison.Ordinal);
        return (sessions[ward].Value, people[ward].Value);
    }

    [Fact]
    public async Task TheWardBriefedNineOfEleven_TheTwoMissingAreNamed_AndASecondSessionBringsItTo100()
    {
        var (plan, kim, duc) = await DemoAsync();
        var ward = await app.UnitIdAsync("25459");
        var officer = await app.As("canbo");
        var before = WebUtility.HtmlDecode(await officer.GetStringAsync($"/Training/Coverage?documentId={plan}"));
        Assert.Contains("9/11 người (81 %)", before, StringComparison.Ordinal);
        Assert.Contains("Lý Thị Kim, Trương Văn Đức", before, StringComparison.Ordinal);
        var (sessions, attendances) = await MeasuresAsync(ward);
        Assert.True(sessions >= 3 && attendances >= 140, $"{sessions} {attendances}");

        var fields = new Dictionary<string, string>
        {
            ["Input.Kind"] = "Briefing", ["Input.Title"] = "Quán triệt bổ sung Kế hoạch 80/KH-UBND", ["Input.HeldOn"] = VietnameseText.FormatDate(Today),
            ["Input.Audience[0]"] = "Staff", ["Input.Attendees"] = "1", ["Input.StaffIds[0]"] = S(kim), ["Input.StaffIds[1]"] = S(duc),
        };
        using (var bad = await DanVanAppFactory.PostFormAsync(officer, "/Training/Create", fields))
        {
            var html = WebUtility.HtmlDecode(await bad.Content.ReadAsStringAsync());
            Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
            Assert.Contains("Buổi học tập, quán triệt phải ghi văn bản được quán triệt", html, StringComparison.Ordinal);
            Assert.Contains("Số lượt người tham dự (1) không thể ít hơn số cán bộ của đơn vị được đánh dấu có mặt (2).", html, StringComparison.Ordinal);
            Assert.Contains("value=\"Quán triệt bổ sung Kế hoạch 80/KH-UBND\"", html, StringComparison.Ordinal); // the form keeps what was typed
        }

        Assert.Equal((sessions, attendances), await MeasuresAsync(ward)); // nothing saved
        fields["Input.Attendees"] = "2";
        fields["Input.DocumentIds[0]"] = S(plan);
        int id;
        using (var saved = await DanVanAppFactory.PostFormAsync(officer, "/Training/Create", fields))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
            id = int.Parse(saved.Headers.Location!.ToString().Split('/').Last(), CultureInfo.InvariantCulture);
        }

        var details = WebUtility.HtmlDecode(await officer.GetStringAsync($"/Training/Details/{id}"));
        Assert.Contains("11/11 người (100 %)", details, StringComparison.Ordinal);
        Assert.Contains("Lý Thị Kim, Trương Văn Đức", details, StringComparison.Ordinal);
        Assert.Contains("data-confirm=", details, StringComparison.Ordinal);
        var after = WebUtility.HtmlDecode(await officer.GetStringAsync($"/Training/Coverage?documentId={plan}"));
        Assert.Contains("Đạt 100 %", after, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"coverage-missing\"", after, StringComparison.Ordinal);
        Assert.Equal((sessions + 1, attendances + 2), await MeasuresAsync(ward));

        // The coordinator sees the ward among the province's units at 100 %, and may not record for it.
        var coordinator = await app.As("dieuphoi");
        var province = WebUtility.HtmlDecode(await coordinator.GetStringAsync($"/Training/Coverage?documentId={plan}"));
        Assert.Contains("Phường Tân Ninh", province, StringComparison.Ordinal);
        Assert.Contains("1/1 đơn vị có danh sách cán bộ đã quán triệt đủ 100 %", province, StringComparison.Ordinal);
        using (var refused = await coordinator.GetAsync("/Training/Create"))
        {
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        }

        var list = WebUtility.HtmlDecode(await coordinator.GetStringAsync("/Training?q=quan+triet+bo+sung"));
        Assert.Contains("Quán triệt bổ sung Kế hoạch 80/KH-UBND", list, StringComparison.Ordinal);
        var xlsx = await coordinator.GetByteArrayAsync("/Training?handler=Export&kind=Briefing");
        using var book = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(new MemoryStream(xlsx), false);
        var text = string.Join("|", book.WorkbookPart!.SharedStringTablePart?.SharedStringTable.Elements<DocumentFormat.OpenXml.Spreadsheet.SharedStringItem>().Select(i => i.InnerText) ?? []);
        var cells = string.Join("|", book.WorkbookPart.WorksheetParts.SelectMany(p => p.Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Cell>()).Select(c => c.InnerText));
        Assert.Contains("Quán triệt bổ sung Kế hoạch 80/KH-UBND", text + "|" + cells, StringComparison.Ordinal);
        Assert.DoesNotContain("Tuyên truyền Luật Thực hiện dân chủ", text + "|" + cells, StringComparison.Ordinal); // filtered to briefings
    }

    [Fact]
    public async Task TheRoster_RefusesBadPeople_KeepsThoseWhoAttended_AndDeletesAnError()
    {
        var officer = await app.As("canbo");
        using (var bad = await DanVanAppFactory.PostFormAsync(officer, "/Training/Staff?handler=Add", new Dictionary<string, string>
        {
            ["Input.FullName"] = "", ["Input.JoinedOn"] = "10/10/2026", ["Input.LeftOn"] = "01/10/2026",
        }, "/Training/Staff"))
        {
            var html = WebUtility.HtmlDecode(await bad.Content.ReadAsStringAsync());
            Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
            Assert.Contains("Vui lòng ghi họ và tên.", html, StringComparison.Ordinal);
            Assert.Contains("Ngày thôi công tác phải sau ngày về đơn vị.", html, StringComparison.Ordinal);
        }

        using (var added = await DanVanAppFactory.PostFormAsync(officer, "/Training/Staff?handler=Add", new Dictionary<string, string>
        {
            ["Input.FullName"] = "Nguyễn Thị Nhập Nhầm", ["Input.Position"] = "Công chức",
        }, "/Training/Staff"))
        {
            Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        }

        await using var db = app.Database.CreateContext();
        var wrong = await db.StaffMembers.SingleAsync(s => s.FullName == "Nguyễn Thị Nhập Nhầm");
        var chairman = await db.StaffMembers.SingleAsync(s => s.FullName == "Nguyễn Văn Hùng");
        var found = WebUtility.HtmlDecode(await officer.GetStringAsync("/Training/Staff?q=nhap+nham"));
        Assert.Contains("Nguyễn Thị Nhập Nhầm", found, StringComparison.Ordinal); // searched without accents
        Assert.DoesNotContain("Trương Văn Đức", found, StringComparison.Ordinal);

        using (var kept = await DanVanAppFactory.PostFormAsync(officer, $"/Training/Staff?handler=Delete&id={chairman.Id}",
            new Dictionary<string, string> { ["Stamp"] = chairman.ConcurrencyStamp.ToString() }, "/Training/Staff"))
        {
            Assert.Equal(HttpStatusCode.OK, kept.StatusCode);
            Assert.Contains("Nguyễn Văn Hùng đã có tên trong buổi quán triệt, tập huấn: không xóa được.", WebUtility.HtmlDecode(await kept.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        }

        using (var stale = await DanVanAppFactory.PostFormAsync(officer, $"/Training/Staff?handler=Delete&id={wrong.Id}",
            new Dictionary<string, string> { ["Stamp"] = Guid.NewGuid().ToString() }, "/Training/Staff"))
        {
            Assert.Contains(TrainingCommands.Stale, WebUtility.HtmlDecode(await stale.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        }

        using (var deleted = await DanVanAppFactory.PostFormAsync(officer, $"/Training/Staff?handler=Delete&id={wrong.Id}",
            new Dictionary<string, string> { ["Stamp"] = wrong.ConcurrencyStamp.ToString() }, "/Training/Staff"))
        {
            Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        }

        Assert.False(await db.StaffMembers.AnyAsync(s => s.Id == wrong.Id));
        Assert.True(await db.StaffMembers.AnyAsync(s => s.Id == chairman.Id));

        var coordinator = await app.As("dieuphoi");
        using (var forbidden = await DanVanAppFactory.PostFormAsync(coordinator, "/Training/Staff?handler=Add",
            new Dictionary<string, string> { ["Input.FullName"] = "Người ngoài" }, "/Training/Staff"))
        {
            Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        }

        var xlsx = await officer.GetByteArrayAsync("/Training/Staff?handler=Export");
        using var book = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(new MemoryStream(xlsx), false);
        var strings = book.WorkbookPart!.SharedStringTablePart?.SharedStringTable.InnerText ?? "";
        var cells = string.Concat(book.WorkbookPart.WorksheetParts.SelectMany(p => p.Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Cell>()).Select(c => c.InnerText));
        Assert.Contains("Trương Văn Đức", strings + cells, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheApi_ListsTheSessions_AndTheCoverage_WithTheSameAnswersAsThePages()
    {
        var (plan, _, _) = await DemoAsync();
        var coordinator = await app.As("dieuphoi");
        using (var list = System.Text.Json.JsonDocument.Parse(await coordinator.GetStringAsync("/api/training-sessions?kind=Workshop&pageSize=500")))
        {
            var items = list.RootElement.GetProperty("items");
            Assert.Equal(200, list.RootElement.GetProperty("pageSize").GetInt32());
            var workshop = items.EnumerateArray().Single(i => i.GetProperty("title").GetString() == "Tập huấn nghiệp vụ tiếp công dân, xử lý đơn thư");
            Assert.Equal("Workshop", workshop.GetProperty("kind").GetString());
            Assert.Equal("Tập huấn", workshop.GetProperty("kindName").GetString());
            Assert.Equal(6, workshop.GetProperty("staffPresent").GetInt32());
            Assert.All(items.EnumerateArray(), i => Assert.Equal("Workshop", i.GetProperty("kind").GetString()));
        }

        using (var coverage = System.Text.Json.JsonDocument.Parse(await coordinator.GetStringAsync($"/api/training-sessions/coverage?documentId={plan}")))
        {
            var ward = coverage.RootElement.GetProperty("units").EnumerateArray().Single(u => u.GetProperty("unitName").GetString() == "Phường Tân Ninh");
            Assert.Equal(11, ward.GetProperty("staff").GetInt32());
            Assert.InRange(ward.GetProperty("briefed").GetInt32(), 9, 11); // 9 in the demo, 11 once the other test has run
        }

        using var bad = await coordinator.GetAsync("/api/training-sessions/coverage?on=31/02/2026");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var problem = WebUtility.HtmlDecode(await bad.Content.ReadAsStringAsync());
        Assert.Contains("documentId", problem, StringComparison.Ordinal);
        using var missing = await coordinator.GetAsync("/api/training-sessions/coverage?documentId=987654321");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }
}
