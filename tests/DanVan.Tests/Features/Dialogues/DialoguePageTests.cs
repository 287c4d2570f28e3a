using System.Net;
using System.Text.RegularExpressions;
using DanVan.Domain.Text;
using DanVan.Features.Calendar;
using DanVan.Infrastructure;
using DanVan.Testing;
using DanVan.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace DanVan.Tests.Features.Dialogues;

/// <summary>Dialogues over HTTP on a real database: forms, refusals in Vietnamese, the board, the public page, DOCX and XLSX.</summary>
public sealed partial class DialoguePageTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static readonly DateOnly Today = VietnamClock.Today(TimeProvider.System);

    private static string F(DateOnly d) => VietnameseText.FormatDate(d);

    private static Dictionary<string, string> Plan(string topic, DateOnly held, DateOnly? notice) => new()
    {
        ["Input.Topic"] = topic,
        ["Input.ChairName"] = "Nguyễn Văn Hùng, Chủ tịch UBND phường",
        ["Input.Audience"] = "Residents",
        ["Input.HeldOn"] = F(held),
        ["Input.Place"] = "Hội trường UBND phường Tân Ninh",
        ["Input.CoOrganiser"] = "Ủy ban MTTQ Việt Nam phường Tân Ninh",
        ["Input.NoticeOn"] = notice is { } n ? F(n) : "",
    };

    /// <summary>The latest working day on or before today (a notice 7 days before it is then exactly on time).</summary>
    private async Task<DateOnly> LastWorkingDayAsync()
    {
        using var scope = app.Factory.Services.CreateScope();
        var calendar = await scope.ServiceProvider.GetRequiredService<CalendarCommands>().LoadAsync(Today.AddDays(-30), Today);
        var day = Today;
        while (!calendar.IsWorkingDay(day))
        {
            day = day.AddDays(-1);
        }

        return day;
    }

    private static async Task<int> CreatedIdAsync(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return int.Parse(response.Headers.Location!.ToString().Split('/').Last(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task<string> StampAsync(HttpClient client, int id, string form)
    {
        var page = await client.GetStringAsync($"/Dialogues/Details/{id}");
        return Regex.Match(page, $"name=\"{form}.Stamp\" value=\"([0-9a-f-]+)\"").Groups[1].Value;
    }

    private static string DocxText(byte[] bytes)
    {
        DanVan.Testing.Nd30Layout.AssertValid(bytes);
        using var word = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(new MemoryStream(bytes), false);
        return string.Join("\n", word.MainDocumentPart!.Document.Body!.Descendants<DocumentFormat.OpenXml.Wordprocessing.Paragraph>().Select(p => p.InnerText));
    }

    [Fact]
    public async Task ANotice_FiveDaysAhead_IsRefused_SevenDays_IsAccepted_AndPublic()
    {
        var officer = await app.As("canbo");
        var notice = await LastWorkingDayAsync();
        var topic = "Đối thoại về chỉnh trang khu phố " + SeededDatabaseFixture.NewCode();

        using var refused = await DanVanAppFactory.PostFormAsync(officer, "/Dialogues/Create", Plan(topic, notice.AddDays(5), notice), "/Dialogues/Create");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var html = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        Assert.Contains("chỉ trước ngày đối thoại 5 ngày", html, StringComparison.Ordinal);
        Assert.Contains("Điều 43", html, StringComparison.Ordinal);

        var id = await CreatedIdAsync(await DanVanAppFactory.PostFormAsync(officer, "/Dialogues/Create", Plan(topic, notice.AddDays(7), notice), "/Dialogues/Create"));
        var details = WebUtility.HtmlDecode(await officer.GetStringAsync($"/Dialogues/Details/{id}"));
        Assert.Contains("Đã thông báo", details, StringComparison.Ordinal);

        using var anonymous = app.Factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var publicPage = WebUtility.HtmlDecode(await anonymous.GetStringAsync("/Public/Dialogues?q=" + Uri.EscapeDataString("chinh trang khu pho")));
        Assert.Contains(topic, publicPage, StringComparison.Ordinal);
        Assert.Contains(F(notice.AddDays(7)), publicPage, StringComparison.Ordinal);

        // Diacritic-insensitive search in the list, and the Excel export reopens with it.
        var list = WebUtility.HtmlDecode(await officer.GetStringAsync("/Dialogues?q=" + Uri.EscapeDataString("CHINH TRANG KHU PHO") + "&sort=topic"));
        Assert.Contains(topic, list, StringComparison.Ordinal);
        var bytes = await officer.GetByteArrayAsync("/Dialogues?handler=Export&q=" + Uri.EscapeDataString("chinh trang"));
        var export = DanVan.Tests.Support.TestWorkbooks.First(bytes);
        Assert.Equal("Chủ đề", export.Header[1]);
        Assert.Contains(export.Data, r => r.Contains(topic));

        // A read-only user sees it but gets no form, and a post is forbidden.
        var viewer = await app.As("xem");
        using var form = await viewer.GetAsync("/Dialogues/Create");
        Assert.Equal(HttpStatusCode.Forbidden, form.StatusCode);
    }

    [Fact]
    public async Task ARecord_WithFourOpinions_TwoCommitments_ResultsPublished_AndTheDocumentsReopen()
    {
        var officer = await app.As("canbo");
        // Held before the demo ward's last dialogue (40 days ago), so that the demo's next dialogue still follows that one.
        var held = Today.AddDays(-45);
        var topic = "Đối thoại về an toàn giao thông " + SeededDatabaseFixture.NewCode();
        var id = await CreatedIdAsync(await DanVanAppFactory.PostFormAsync(officer, "/Dialogues/Create", Plan(topic, held, Today.AddDays(-60)), "/Dialogues/Create"));

        using var recorded = await DanVanAppFactory.PostFormAsync(officer, $"/Dialogues/Details/{id}?handler=Record", new Dictionary<string, string>
        {
            ["Record.Attendees"] = "85", ["Record.Summary"] = "Đại diện Ủy ban MTTQ, các tổ dân phố và Nhân dân.", ["Record.Stamp"] = await StampAsync(officer, id, "Record"),
        }, $"/Dialogues/Details/{id}");
        Assert.Equal(HttpStatusCode.Redirect, recorded.StatusCode);

        var justice = (await app.UnitIdAsync("80.STP")).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var ward = (await app.UnitIdAsync("25459")).ToString(System.Globalization.CultureInfo.InvariantCulture);
        async Task<HttpResponseMessage> Opinion(string speaker, string content, bool onSpot, string owner = "", string due = "") =>
            await DanVanAppFactory.PostFormAsync(officer, $"/Dialogues/Details/{id}?handler=Opinion", new Dictionary<string, string>
            {
                ["Opinion.SpeakerName"] = speaker, ["Opinion.Content"] = content, ["Opinion.Field"] = "khac", ["Opinion.AnsweredOnSpot"] = onSpot ? "true" : "false",
                ["Opinion.Answer"] = onSpot ? "Đã giải đáp tại hội nghị." : "", ["Opinion.OwnerUnitId"] = owner, ["Opinion.DueOn"] = due,
            }, $"/Dialogues/Details/{id}");

        using (var bad = await Opinion("Ông Nguyễn Văn A", "Lắp gờ giảm tốc", false))
        {
            Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
            var text = WebUtility.HtmlDecode(await bad.Content.ReadAsStringAsync());
            Assert.Contains("phải giao cho một đơn vị", text, StringComparison.Ordinal);
            Assert.Contains("Vui lòng nhập hạn giải quyết", text, StringComparison.Ordinal);
        }

        foreach (var r in new[]
        {
            await Opinion("Bà Trần Thị B", "Giờ làm việc bộ phận một cửa", true),
            await Opinion("Ông Lê Văn C", "Lịch tiêm chủng", true),
            await Opinion("Ông Phạm Văn D", "Lắp biển báo trường học " + topic, false, ward, F(Today.AddDays(20))),
            await Opinion("Bà Võ Thị E", "Hướng dẫn chứng thực " + topic, false, justice, F(Today.AddDays(30))),
        })
        {
            Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
            r.Dispose();
        }

        // The ward's head and the Sở Tư pháp's head see the open commitments on their boards.
        var board = WebUtility.HtmlDecode(await (await app.As("lanhdao")).GetStringAsync("/Dialogues/Commitments"));
        Assert.Contains("Hướng dẫn chứng thực " + topic, board, StringComparison.Ordinal);
        Assert.DoesNotContain("Lắp biển báo trường học " + topic, board, StringComparison.Ordinal);

        using var published = await DanVanAppFactory.PostFormAsync(officer, $"/Dialogues/Details/{id}?handler=Results", new Dictionary<string, string>
        {
            ["Results.PublishedOn"] = F(held.AddDays(9)), ["Results.Summary"] = "Tiếp thu 4 ý kiến; 2 ý kiến giao đơn vị giải quyết.", ["Results.Stamp"] = await StampAsync(officer, id, "Results"),
        }, $"/Dialogues/Details/{id}");
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);

        // Public: results and commitment status, never a speaker's name.
        using var anonymous = app.Factory.CreateClient();
        var publicPage = WebUtility.HtmlDecode(await anonymous.GetStringAsync("/Public/Dialogues?q=" + Uri.EscapeDataString("an toan giao thong")));
        Assert.Contains("Hướng dẫn chứng thực " + topic, publicPage, StringComparison.Ordinal);
        Assert.Contains("Đang thực hiện", publicPage, StringComparison.Ordinal);
        Assert.DoesNotContain("Phạm Văn D", publicPage, StringComparison.Ordinal);

        // The three papers reopen with their content.
        var notice = DocxText(await officer.GetByteArrayAsync($"/Dialogues/Details/{id}?handler=Docx&kind=Notice"));
        Assert.Contains("Về việc tổ chức hội nghị đối thoại với Nhân dân", notice, StringComparison.Ordinal);
        Assert.Contains(F(held), notice, StringComparison.Ordinal);
        var record = DocxText(await officer.GetByteArrayAsync($"/Dialogues/Details/{id}?handler=Docx&kind=Record"));
        Assert.Contains("BIÊN BẢN", record, StringComparison.Ordinal);
        Assert.Contains("Bà Võ Thị E", record, StringComparison.Ordinal);
        Assert.Contains("Giao Sở Tư pháp tỉnh Tây Ninh giải quyết", record, StringComparison.Ordinal);
        var results = DocxText(await officer.GetByteArrayAsync($"/Dialogues/Details/{id}?handler=Docx&kind=Results"));
        Assert.Contains("Kết quả hội nghị đối thoại với Nhân dân", results, StringComparison.Ordinal);
        Assert.Contains("Hướng dẫn chứng thực " + topic, results, StringComparison.Ordinal);
        Assert.DoesNotContain("Võ Thị E", results, StringComparison.Ordinal);

        // The coordinator follows it but cannot download the record (speakers' names) nor write.
        var coordinator = await app.As("dieuphoi");
        using var recordForCoordinator = await coordinator.GetAsync($"/Dialogues/Details/{id}?handler=Docx&kind=Record");
        Assert.Equal(HttpStatusCode.OK, recordForCoordinator.StatusCode);
        Assert.StartsWith("text/html", recordForCoordinator.Content.Headers.ContentType!.MediaType, StringComparison.Ordinal);
        var forCoordinator = WebUtility.HtmlDecode(await coordinator.GetStringAsync($"/Dialogues/Details/{id}"));
        Assert.DoesNotContain("Võ Thị E", forCoordinator, StringComparison.Ordinal);

        // The API says the same, with the same need-to-know rule on speakers.
        var json = System.Text.Json.JsonDocument.Parse(await coordinator.GetStringAsync($"/api/dialogues/{id}")).RootElement;
        Assert.Equal("ResultsPublished", json.GetProperty("state").GetString());
        Assert.Equal(4, json.GetProperty("opinions").GetArrayLength());
        Assert.All(json.GetProperty("opinions").EnumerateArray(), o => Assert.Equal(System.Text.Json.JsonValueKind.Null, o.GetProperty("speaker").ValueKind));
        Assert.Equal(2, json.GetProperty("commitments").GetArrayLength());
        var ownJson = System.Text.Json.JsonDocument.Parse(await officer.GetStringAsync($"/api/dialogues/{id}")).RootElement;
        Assert.Equal("Bà Võ Thị E", ownJson.GetProperty("opinions")[3].GetProperty("speaker").GetString());
        var listJson = System.Text.Json.JsonDocument.Parse(await officer.GetStringAsync("/api/dialogues?q=" + Uri.EscapeDataString("an toan giao thong"))).RootElement;
        Assert.Equal(1, listJson.GetProperty("totalCount").GetInt32());
    }

    [Fact]
    public async Task TheDemoWard_OpensItsNextDialogue_WithThePreviousCommitments_AndSeesThemAtHome()
    {
        int next;
        using (var scope = app.Factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<DanVan.Data.AppDbContext>();
            next = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(
                db.Dialogues.Where(d => d.Topic.StartsWith("Đối thoại với Nhân dân khu phố 3, 4")).Select(d => d.Id));
        }

        var head = await app.As("lanhdaophuong");
        var details = WebUtility.HtmlDecode(await head.GetStringAsync($"/Dialogues/Details/{next}"));
        var previous = details[details.IndexOf("data-testid=\"previous-commitments\"", StringComparison.Ordinal)..];
        Assert.Contains("Đã hoàn thành", previous, StringComparison.Ordinal);
        Assert.Contains("Quá hạn", previous, StringComparison.Ordinal);
        Assert.Contains("Sở Tư pháp tỉnh Tây Ninh", previous, StringComparison.Ordinal);

        var home = WebUtility.HtmlDecode(await head.GetStringAsync("/"));
        Assert.Contains("Lắp biển báo giảm tốc độ", home, StringComparison.Ordinal);

        var board = WebUtility.HtmlDecode(await (await app.As("lanhdao")).GetStringAsync("/Dialogues/Commitments?status=overdue"));
        Assert.Contains("Hướng dẫn thủ tục chứng thực hợp đồng", board, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"commitments-overdue\"", board, StringComparison.Ordinal);
    }
}
