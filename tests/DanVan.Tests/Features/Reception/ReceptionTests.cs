using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using DanVan.Data;
using DanVan.Domain.Reception;
using DanVan.Domain.Text;
using DanVan.Features.Shared;
using DanVan.Infrastructure;
using DanVan.Testing;
using DanVan.Tests.Support;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DanVan.Tests.Features.Reception;

/// <summary>Citizen reception over HTTP on a real database: the public schedule, the log, cases raised at a session, the duty.</summary>
public sealed partial class ReceptionTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static readonly DateOnly Today = VietnamClock.Today(TimeProvider.System);

    private static Dictionary<string, string> Schedule(DateOnly on, string kind = "Periodic", string host = "Nguyễn Văn Hùng") => new()
    {
        ["Input.On"] = VietnameseText.FormatDate(on), ["Input.Kind"] = kind, ["Input.Time"] = "07h30 – 11h00",
        ["Input.Place"] = "Trụ sở UBND phường Tân Ninh", ["Input.HostName"] = host, ["Input.HostPost"] = "Chủ tịch UBND phường",
    };

    private static async Task<int> ScheduleAsync(HttpClient client, Dictionary<string, string> form)
    {
        using var response = await DanVanAppFactory.PostFormAsync(client, "/Reception/Create", form);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        return int.Parse(response.Headers.Location!.ToString().Split('/').Last(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, int id, string handler, Dictionary<string, string> fields)
    {
        var page = await client.GetStringAsync($"/Reception/Details/{id}");
        var form = new Dictionary<string, string>(fields) { ["Stamp"] = StampRegex().Match(page).Groups[1].Value };
        return await DanVanAppFactory.PostFormAsync(client, $"/Reception/Details/{id}?handler={handler}", form, $"/Reception/Details/{id}");
    }

    private async Task<double> MeasureAsync(string code, DateOnly on)
    {
        using var scope = app.Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var unit = await db.OrgUnits.Where(u => u.Code == "25459").Select(u => u.Id).SingleAsync();
        var values = await scope.ServiceProvider.GetRequiredService<MeasureRegistry>().ComputeAsync(code, [unit], on, on, CancellationToken.None);
        return values[unit].Value;
    }

    [Fact]
    public async Task ASession_IsScheduledPublicly_Logged_AndAMatterRaisedThereBecomesACase()
    {
        var officer = await app.As("canbo");
        using (var empty = await DanVanAppFactory.PostFormAsync(officer, "/Reception/Create", new Dictionary<string, string> { ["Input.Place"] = "" }))
        {
            var html = WebUtility.HtmlDecode(await empty.Content.ReadAsStringAsync());
            Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
            foreach (var message in new[] { "Vui lòng nhập ngày tiếp công dân.", "Vui lòng chọn hình thức tiếp", "Vui lòng nhập địa điểm tiếp.", "Vui lòng nhập họ tên người chủ trì tiếp.", "Vui lòng nhập chức vụ người chủ trì tiếp." })
            {
                Assert.Contains(message, html, StringComparison.Ordinal);
            }
        }

        using (var impossible = await DanVanAppFactory.PostFormAsync(officer, "/Reception/Create", new Dictionary<string, string>(Schedule(Today)) { ["Input.On"] = "31/02/2026" }))
        {
            Assert.Contains("Ngày tiếp không hợp lệ", WebUtility.HtmlDecode(await impossible.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        }

        // On the public schedule, for anyone, cached; what citizens will raise is not there.
        var upcoming = await ScheduleAsync(officer, Schedule(Today.AddDays(9), kind: "Routine", host: "Trần Công Khai")); // the demo's weekly sessions are periodic
        using (var twice = await DanVanAppFactory.PostFormAsync(officer, "/Reception/Create", Schedule(Today.AddDays(9), kind: "Routine", host: "Ai đó")))
        {
            Assert.Contains("Đã có buổi tiếp công dân thường xuyên ngày", WebUtility.HtmlDecode(await twice.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        }

        using var anonymous = app.Factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using (var schedule = await anonymous.GetAsync("/Public/Reception?q=tan+ninh"))
        {
            Assert.Equal(HttpStatusCode.OK, schedule.StatusCode);
            Assert.Contains("public", schedule.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
            var html = WebUtility.HtmlDecode(await schedule.Content.ReadAsStringAsync());
            Assert.Contains("Trần Công Khai", html, StringComparison.Ordinal);
            Assert.Contains(VietnameseText.FormatDate(Today.AddDays(9)), html, StringComparison.Ordinal);
            Assert.Contains(VietnameseText.DayName(Today.AddDays(9)), html, StringComparison.Ordinal);
        }

        using (var early = await PostAsync(officer, upcoming, "Log", new() { ["Log.CitizensReceived"] = "3", ["Log.Matters"] = "x" }))
        {
            Assert.Contains("chưa diễn ra", WebUtility.HtmlDecode(await early.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        }

        // A session held two days ago: its log, every error at once first.
        var held = await ScheduleAsync(officer, Schedule(Today.AddDays(-2), kind: "AdHoc"));
        var before = await MeasureAsync(DanVan.Features.Reception.ReceptionMeasures.CitizensReceived, Today.AddDays(-2));
        using (var bad = await PostAsync(officer, held, "Log", new() { ["Log.CitizensReceived"] = "8", ["Log.Groups"] = "1", ["Log.Matters"] = "" }))
        {
            var html = WebUtility.HtmlDecode(await bad.Content.ReadAsStringAsync());
            Assert.Contains("ghi người đại diện của từng đoàn", html, StringComparison.Ordinal);
            Assert.Contains("Ghi tóm tắt nội dung công dân trình bày.", html, StringComparison.Ordinal);
        }

        Assert.Equal(before, await MeasureAsync(DanVan.Features.Reception.ReceptionMeasures.CitizensReceived, Today.AddDays(-2)));
        using (var logged = await PostAsync(officer, held, "Log", new()
        {
            ["Log.CitizensReceived"] = "8", ["Log.Groups"] = "1", ["Log.GroupRepresentatives"] = "Bà Lê Thị Đại Diện",
            ["Log.Matters"] = "Các hộ khu phố 5 khiếu nại mức bồi thường khi mở rộng đường.", ["Log.Conclusion"] = "Thụ lý đơn khiếu nại theo quy định.",
        }))
        {
            Assert.Equal(HttpStatusCode.Redirect, logged.StatusCode);
        }

        Assert.Equal(before + 8, await MeasureAsync(DanVan.Features.Reception.ReceptionMeasures.CitizensReceived, Today.AddDays(-2)));

        // The thông báo kết luận: the host, the count, what was raised and the conclusion; no representative named.
        using (var notice = await officer.GetAsync($"/Reception/Details/{held}?handler=Notice"))
        {
            Assert.Equal(HttpStatusCode.OK, notice.StatusCode);
            Assert.StartsWith("thong-bao-ket-luan-tiep-cong-dan-", notice.Content.Headers.ContentDisposition?.FileNameStar ?? notice.Content.Headers.ContentDisposition?.FileName, StringComparison.Ordinal);
            var noticeBytes = await notice.Content.ReadAsByteArrayAsync();
            DanVan.Testing.Nd30Layout.AssertValid(noticeBytes);
            using var word = WordprocessingDocument.Open(new MemoryStream(noticeBytes), false);
            var text = string.Join("\n", word.MainDocumentPart!.Document.Body!.Descendants<DocumentFormat.OpenXml.Wordprocessing.Paragraph>().Select(p => p.InnerText));
            Assert.Contains("ỦY BAN NHÂN DÂN PHƯỜNG TÂN NINH", text.ToUpper(VietnameseText.Culture), StringComparison.Ordinal);
            Assert.Contains("THÔNG BÁO", text, StringComparison.Ordinal);
            Assert.Contains("Đã tiếp 8 lượt công dân, trong đó 1 đoàn đông người.", text, StringComparison.Ordinal);
            Assert.Contains("Các hộ khu phố 5 khiếu nại mức bồi thường khi mở rộng đường.", text, StringComparison.Ordinal);
            Assert.Contains("Thụ lý đơn khiếu nại theo quy định.", text, StringComparison.Ordinal);
            Assert.Contains("CHỦ TỊCH", text, StringComparison.Ordinal);
            Assert.DoesNotContain("Đại Diện", text, StringComparison.Ordinal);
        }

        // Its PDF copy (issue 12, ADR-033): the same notice converted, and the same refusal before the session is logged.
        using (var pdf = await officer.GetAsync($"/Reception/Details/{held}?handler=Notice&format=pdf"))
        {
            Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
            Assert.EndsWith(".pdf", pdf.Content.Headers.ContentDisposition?.FileNameStar ?? pdf.Content.Headers.ContentDisposition?.FileName, StringComparison.Ordinal);
            Assert.Contains("Thụ lý đơn khiếu nại theo quy định.", DanVan.Tests.Features.Pdf.PdfCopyTests.PdfText(await pdf.Content.ReadAsByteArrayAsync()), StringComparison.Ordinal);
        }

        foreach (var format in new[] { "", "&format=pdf" })
        {
            using var notYet = await officer.GetAsync($"/Reception/Details/{upcoming}?handler=Notice{format}");
            Assert.Contains("Chưa có thông báo kết luận", WebUtility.HtmlDecode(await notYet.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        }
        Assert.Contains("Bà Lê Thị Đại Diện", WebUtility.HtmlDecode(await officer.GetStringAsync($"/Reception/Details/{held}")), StringComparison.Ordinal);
        var coordinator = await app.As("dieuphoi");
        var followed = WebUtility.HtmlDecode(await coordinator.GetStringAsync($"/Reception/Details/{held}"));
        Assert.Contains("Các hộ khu phố 5", followed, StringComparison.Ordinal);
        Assert.DoesNotContain("Bà Lê Thị Đại Diện", followed, StringComparison.Ordinal);
        using (var other = await (await app.As("xem")).GetAsync($"/Reception/Details/{held}"))
        {
            Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        }

        using (var foreignWrite = await DanVanAppFactory.PostFormAsync(coordinator, $"/Reception/Details/{held}?handler=NotHeld",
            new Dictionary<string, string> { ["NotHeldReason"] = "x" }, $"/Reception/Details/{held}"))
        {
            Assert.Equal(HttpStatusCode.Forbidden, foreignWrite.StatusCode);
        }

        // The matter becomes a case in one step: source and date from the session, linked both ways.
        var form = WebUtility.HtmlDecode(await officer.GetStringAsync($"/Cases/Create?reception={held}"));
        Assert.Contains("data-testid=\"from-reception\"", form, StringComparison.Ordinal);
        var intake = new Dictionary<string, string>
        {
            ["Input.ReceivedOn"] = VietnameseText.FormatDate(Today.AddDays(-2)), ["Input.Source"] = "Reception", ["Input.Kind"] = "Complaint", ["Input.Instance"] = "1",
            ["Input.Summary"] = "Khiếu nại mức bồi thường khi mở rộng đường khu phố 5", ["Input.Field"] = "boi-thuong", ["Input.SenderName"] = "Lê Thị Đại Diện",
            ["Input.Signatories"] = "6", ["Input.Representatives"] = "Bà Lê Thị Đại Diện", ["Input.Respondent"] = "Phương án bồi thường của UBND phường",
            ["Input.WithinCompetence"] = "true", ["Input.ReceptionSessionId"] = held.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        using (var wrongSource = await DanVanAppFactory.PostFormAsync(officer, "/Cases/Create", new Dictionary<string, string>(intake) { ["Input.Source"] = "Post" }, "/Cases/Create"))
        {
            Assert.Contains("có nguồn “Tiếp công dân”", WebUtility.HtmlDecode(await wrongSource.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        }

        using (var notHeldYet = await DanVanAppFactory.PostFormAsync(officer, "/Cases/Create",
            new Dictionary<string, string>(intake) { ["Input.ReceptionSessionId"] = upcoming.ToString(System.Globalization.CultureInfo.InvariantCulture) }, "/Cases/Create"))
        {
            Assert.Contains("chưa diễn ra", WebUtility.HtmlDecode(await notHeldYet.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        }

        using var created = await DanVanAppFactory.PostFormAsync(officer, "/Cases/Create", intake, "/Cases/Create");
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var caseId = created.Headers.Location!.ToString().Split('/').Last();
        Assert.Contains($"/Reception/Details/{held}", await officer.GetStringAsync($"/Cases/Details/{caseId}"), StringComparison.Ordinal);
        Assert.Contains($"/Cases/Details/{caseId}", await officer.GetStringAsync($"/Reception/Details/{held}"), StringComparison.Ordinal);

        // A session that did not take place: its reason is required, and it cannot be logged afterwards.
        using (var noReason = await PostAsync(officer, upcoming, "NotHeld", new() { ["NotHeldReason"] = " " }))
        {
            Assert.Contains("Vui lòng nhập lý do không tiếp.", WebUtility.HtmlDecode(await noReason.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        }

        using (var cancelled = await PostAsync(officer, upcoming, "NotHeld", new() { ["NotHeldReason"] = "Chủ tịch dự họp của tỉnh." }))
        {
            Assert.Equal(HttpStatusCode.Redirect, cancelled.StatusCode);
        }

        Assert.DoesNotContain("Trần Công Khai", await anonymous.GetStringAsync("/Public/Reception?q=tan+ninh"), StringComparison.Ordinal);

        using var scope = app.Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.Equal(ReceptionState.NotHeld, (await db.ReceptionSessions.SingleAsync(s => s.Id == upcoming)).State);
        Assert.True(await db.AuditEntries.AnyAsync(a => a.EntityType == nameof(ReceptionSession) && a.Action == "read" && a.UserName == "canbo"));
        Assert.True(await db.AuditEntries.AnyAsync(a => a.EntityType == nameof(ReceptionSession) && a.EntityId == held.ToString(System.Globalization.CultureInfo.InvariantCulture) && a.UserName == "canbo" && a.Action != "read"));
    }

    [Fact]
    public async Task TheLog_ExportsToExcel_AndUnitsThatMissedTheirDuty_AreNamed()
    {
        var officer = await app.As("canbo");
        var on = Today.AddDays(-1);
        var id = await ScheduleAsync(officer, Schedule(on, kind: "Routine", host: "Người Chủ Trì Xuất Excel"));
        using (var logged = await PostAsync(officer, id, "Log", new() { ["Log.CitizensReceived"] = "4", ["Log.Groups"] = "0", ["Log.Matters"] = "Phản ánh rác thải." }))
        {
            Assert.Equal(HttpStatusCode.Redirect, logged.StatusCode);
        }

        var month = on.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
        using var export = await officer.GetAsync($"/Reception?handler=Export&month={month}");
        Assert.Equal(XlsxExport.ContentType, export.Content.Headers.ContentType!.MediaType);
        var log = TestWorkbooks.First(await export.Content.ReadAsByteArrayAsync());
        Assert.StartsWith("SỔ TIẾP CÔNG DÂN THÁNG", log.Title, StringComparison.Ordinal);
        var row = Assert.Single(log.Data, r => r.Contains("Người Chủ Trì Xuất Excel"));
        Assert.Equal(VietnameseText.FormatDate(on), row[0]); // a real date, shown dd/mm/yyyy

        // Last month is over: the province's communes with no periodic session logged in a week are named, with the law.
        var last = new DateOnly(Today.Year, Today.Month, 1).AddMonths(-1).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
        var page = WebUtility.HtmlDecode(await (await app.As("dieuphoi")).GetStringAsync($"/Reception?month={last}"));
        Assert.Contains("Chưa tiếp công dân định kỳ đủ theo quy định", page, StringComparison.Ordinal);
        Assert.Contains("Phường Gò Dầu", page, StringComparison.Ordinal);
        Assert.Contains("Khoản 2 Điều 15 Luật Tiếp công dân 42/2013/QH13", page, StringComparison.Ordinal);
        using (var bad = await officer.GetAsync("/Reception?month=2026-13&kind=9&page=-4"))
        {
            Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        }
    }

    [Fact]
    public async Task TheApi_SchedulesAndLogsLikeThePages_AndNamesRepresentativesOnlyToTheUnit()
    {
        var officer = await app.As("canbo");
        using (var bad = await officer.PostAsJsonAsync("/api/reception", new { on = "31/02/2026", place = "", hostName = "", hostPost = "" }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            var problem = await bad.Content.ReadAsStringAsync();
            Assert.Contains("ngày/tháng/năm", problem, StringComparison.Ordinal);
            Assert.Contains("địa điểm tiếp", problem, StringComparison.Ordinal);
        }

        var on = Today.AddDays(-3);
        int id;
        Guid stamp;
        using (var created = await officer.PostAsJsonAsync("/api/reception", new
        {
            on = VietnameseText.FormatDate(on), kind = "AdHoc", time = "14:00", place = "Hội trường UBND phường", hostName = "Người Chủ Trì API", hostPost = "Chủ tịch UBND phường",
        }))
        {
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            var json = await created.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
            id = json.GetProperty("id").GetInt32();
            stamp = json.GetProperty("concurrencyStamp").GetGuid();
        }

        using (var foreign = await (await app.As("dieuphoi")).PostAsJsonAsync($"/api/reception/{id}/log", new { citizensReceived = 1, matters = "x", concurrencyStamp = stamp }))
        {
            Assert.Equal(HttpStatusCode.Forbidden, foreign.StatusCode);
        }

        using (var logged = await officer.PostAsJsonAsync($"/api/reception/{id}/log", new
        {
            citizensReceived = 12, groups = 1, groupRepresentatives = "Ông Trần Văn Đạidiện API", matters = "Phản ánh ngập nước khu phố 3.", conclusion = "Giao phòng chuyên môn kiểm tra.",
            concurrencyStamp = stamp,
        }))
        {
            Assert.Equal(HttpStatusCode.OK, logged.StatusCode);
        }

        using (var stale = await officer.PostAsJsonAsync($"/api/reception/{id}/not-held", new { reason = "Bận họp", concurrencyStamp = stamp }))
        {
            Assert.NotEqual(HttpStatusCode.OK, stale.StatusCode);
        }

        var mine = await officer.GetStringAsync($"/api/reception/{id}");
        Assert.Contains("Ông Trần Văn Đạidiện API", mine, StringComparison.Ordinal);
        var followed = await (await app.As("dieuphoi")).GetStringAsync($"/api/reception/{id}");
        Assert.Contains("Phản ánh ngập nước khu phố 3.", followed, StringComparison.Ordinal);
        Assert.DoesNotContain("Đạidiện", followed, StringComparison.Ordinal);
        using (var other = await (await app.As("xem")).GetAsync($"/api/reception/{id}"))
        {
            Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        }

        var iso = (DateOnly d) => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var list = await officer.GetStringAsync($"/api/reception?from={iso(on)}&to={iso(on)}&kind=AdHoc");
        Assert.Contains("Người Chủ Trì API", list, StringComparison.Ordinal);
        Assert.DoesNotContain("Đạidiện", list, StringComparison.Ordinal);
        using (var tooLong = await officer.GetAsync($"/api/reception?from={iso(on.AddDays(-400))}&to={iso(on)}"))
        {
            Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        }

        var last = new DateOnly(Today.Year, Today.Month, 1).AddMonths(-1);
        var duties = await (await app.As("dieuphoi")).GetStringAsync($"/api/reception/duties?from={iso(last)}&to={iso(last.AddMonths(1).AddDays(-1))}");
        Assert.Contains("Luật Tiếp công dân", duties, StringComparison.Ordinal);

        using var scope = app.Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == "read" && a.EntityType == nameof(ReceptionSession) && a.EntityId == id.ToString(System.Globalization.CultureInfo.InvariantCulture) && a.UserName == "canbo"));
    }

    [GeneratedRegex("name=\"Stamp\" value=\"([0-9a-f-]{36})\"")]
    private static partial Regex StampRegex();
}
