using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using DanVan.Data;
using DanVan.Domain.Reports;
using DanVan.Domain.Text;
using DanVan.Features.Democracy;
using DanVan.Features.Shared;
using DanVan.Infrastructure;
using DanVan.Testing;
using DanVan.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DanVan.Tests.Features.Democracy;

/// <summary>Lấy ý kiến Nhân dân over HTTP on the demo province: recorded after a clear refusal, corrected with its stamp, reported as DOCX, deleted; DC_YKIEN; 403s.</summary>
public sealed partial class PeopleConsultationPagesTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static readonly DateOnly Today = VietnamClock.Today(TimeProvider.System);

    [GeneratedRegex("name=\"Input.Stamp\" value=\"([0-9a-f-]+)\"")]
    private static partial Regex StampRegex();

    private static string N(int n) => n.ToString(CultureInfo.InvariantCulture);

    private static Dictionary<string, string> Fields(string subject, DateOnly opens, DateOnly closes, int received, int agreed, int other) => new()
    {
        ["Input.MatterCode"] = "du-an-dau-tu", ["Input.Subject"] = subject, ["Input.Community"] = "Khu phố 5", ["Input.Forms"] = "CommunityMeeting",
        ["Input.OpensOn"] = VietnameseText.FormatDate(opens), ["Input.ClosesOn"] = VietnameseText.FormatDate(closes), ["Input.OpinionsReceived"] = N(received),
        ["Input.OpinionsAgreed"] = N(agreed), ["Input.OpinionsOther"] = N(other), ["Input.Response"] = "Tiếp thu đề nghị làm mương thoát nước hai bên đường.",
    };

    private async Task<int> CountAsync(string subject)
    {
        using var scope = app.Factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().PeopleConsultations.CountAsync(c => c.Subject == subject);
    }

    [Fact]
    public async Task TheWard_RecordsAConsultation_AfterAClearRefusal_CorrectsItWithItsStamp_ReportsIt_AndDeletesIt()
    {
        var officer = await app.As("canbo");
        var subject = "Nâng cấp đường Lạc Long Quân " + Guid.NewGuid().ToString("N")[..6];
        var bad = Fields(subject, Today.AddDays(-10), Today.AddDays(-20), 100, 120, -3);
        bad.Remove("Input.Forms"); // no box ticked: a browser sends nothing
        using (var refused = await AppFixture.PostFilesAsync(officer, "/Democracy/PeopleConsultations/Create", bad, ("Upload", "tong-hop.pdf", "không phải PDF"u8.ToArray())))
        {
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            var html = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
            Assert.Contains("Ngày kết thúc lấy ý kiến không thể trước ngày bắt đầu.", html, StringComparison.Ordinal);
            Assert.Contains("Số ý kiến đồng ý (120) không thể lớn hơn số ý kiến nhận được (100).", html, StringComparison.Ordinal);
            Assert.Contains("Số ý kiến khác, đề xuất phải là số nguyên không âm.", html, StringComparison.Ordinal);
            Assert.Contains("Vui lòng chọn ít nhất một hình thức lấy ý kiến (Điều 26).", html, StringComparison.Ordinal);
            Assert.Contains("Tệp đính kèm phải là PDF, Word (.docx), Excel (.xlsx) hoặc ảnh JPEG, PNG.", html, StringComparison.Ordinal);
            Assert.Contains(subject, html, StringComparison.Ordinal); // what was typed stays
        }

        Assert.Equal(0, await CountAsync(subject));

        var good = Fields(subject, Today.AddDays(-30), Today.AddDays(-10), 240, 200, 30);
        int id;
        using (var saved = await AppFixture.PostFilesAsync(officer, "/Democracy/PeopleConsultations/Create", good, ("Upload", "tong-hop.pdf", TestFiles.Pdf())))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
            id = int.Parse(saved.Headers.Location!.ToString().Split('/').Last(), CultureInfo.InvariantCulture);
        }

        using (var twice = await AppFixture.PostFilesAsync(officer, "/Democracy/PeopleConsultations/Create", good))
        {
            Assert.Equal(HttpStatusCode.OK, twice.StatusCode); // a double submit records nothing more
            Assert.Contains(PeopleConsultationCommands.Duplicate, WebUtility.HtmlDecode(await twice.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        }

        Assert.Equal(1, await CountAsync(subject));
        var details = WebUtility.HtmlDecode(await officer.GetStringAsync($"/Democracy/PeopleConsultations/Details/{id}"));
        Assert.Contains("240 ý kiến nhận được; đồng ý 200; ý kiến khác, đề xuất 30", details, StringComparison.Ordinal);
        Assert.Contains("data-confirm=", details, StringComparison.Ordinal);
        Assert.Equal(TestFiles.Pdf(), await officer.GetByteArrayAsync($"/Democracy/PeopleConsultations/Details/{id}?handler=File"));

        // Corrected: a stale stamp is refused with a message, the current one saves the decision.
        var edit = await officer.GetStringAsync($"/Democracy/PeopleConsultations/Edit/{id}");
        var stamp = StampRegex().Match(edit).Groups[1].Value;
        var changed = Fields(subject, Today.AddDays(-30), Today.AddDays(-10), 240, 200, 30);
        changed["Input.Decision"] = "Quyết định phê duyệt chủ trương đầu tư nâng cấp đường";
        changed["Input.DecidedOn"] = VietnameseText.FormatDate(Today.AddDays(-2));
        changed["Input.Stamp"] = Guid.NewGuid().ToString();
        using (var stale = await AppFixture.PostFilesAsync(officer, $"/Democracy/PeopleConsultations/Edit/{id}", changed))
        {
            Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
            Assert.Contains(PeopleConsultationCommands.Stale, WebUtility.HtmlDecode(await stale.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        }

        changed["Input.Stamp"] = stamp;
        using (var ok = await AppFixture.PostFilesAsync(officer, $"/Democracy/PeopleConsultations/Edit/{id}", changed))
        {
            Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        }

        var bytes = await officer.GetByteArrayAsync($"/Democracy/PeopleConsultations/Details/{id}?handler=Docx");
        DanVan.Testing.Nd30Layout.AssertValid(bytes);
        using (var docx = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(new MemoryStream(bytes), false))
        {
            var text = docx.MainDocumentPart!.Document.Body!.InnerText;
            Assert.Contains("ỦY BAN NHÂN DÂN PHƯỜNG TÂN NINH", text, StringComparison.Ordinal);
            Assert.Contains("BÁO CÁO", text, StringComparison.Ordinal);
            Assert.Contains("Kết quả lấy ý kiến Nhân dân", text, StringComparison.Ordinal);
            Assert.Contains("về " + subject, text, StringComparison.Ordinal);
            Assert.Contains("Phạm vi: Khu phố 5.", text, StringComparison.Ordinal);
            Assert.Contains("Hình thức (Điều 26): Họp cộng đồng dân cư.", text, StringComparison.Ordinal);
            Assert.Contains("83,3%", text, StringComparison.Ordinal); // 200 of 240 agreed
            Assert.Contains("Tiếp thu đề nghị làm mương thoát nước", text, StringComparison.Ordinal);
            Assert.Contains("Quyết định phê duyệt chủ trương đầu tư nâng cấp đường", text, StringComparison.Ordinal);
        }

        // Found without diacritics, exported, and listed by the API (its page size capped at 200).
        var list = WebUtility.HtmlDecode(await officer.GetStringAsync("/Democracy/PeopleConsultations?q=" + Uri.EscapeDataString(VietnameseText.Fold(subject)) + $"&year={Today.AddDays(-10).Year}&matter=du-an-dau-tu&sort=opinions"));
        Assert.Contains(subject, list, StringComparison.Ordinal);
        var xlsx = await officer.GetByteArrayAsync("/Democracy/PeopleConsultations?handler=Export&q=" + Uri.EscapeDataString(VietnameseText.Fold(subject)));
        using (var book = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(new MemoryStream(xlsx), false))
        {
            Assert.NotNull(book.WorkbookPart);
        }

        using (var json = JsonDocument.Parse(await officer.GetStringAsync("/api/people-consultations?pageSize=500&q=" + Uri.EscapeDataString(subject))))
        {
            Assert.Equal(200, json.RootElement.GetProperty("pageSize").GetInt32());
            var item = Assert.Single(json.RootElement.GetProperty("items").EnumerateArray());
            Assert.Equal(240, item.GetProperty("opinionsReceived").GetInt32());
        }

        // Deleted after confirmation: gone, its file with it.
        var current = StampRegex().Match(await officer.GetStringAsync($"/Democracy/PeopleConsultations/Edit/{id}")).Groups[1].Value;
        using (var deleted = await DanVanAppFactory.PostFormAsync(officer, $"/Democracy/PeopleConsultations/Details/{id}?handler=Delete",
            new Dictionary<string, string> { ["Stamp"] = current }, $"/Democracy/PeopleConsultations/Details/{id}"))
        {
            Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        }

        using var gone = await officer.GetAsync($"/Democracy/PeopleConsultations/Details/{id}");
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        Assert.Equal(0, await CountAsync(subject));
    }

    [Fact]
    public async Task APostWithoutItsAntiforgeryToken_IsRefused_AndOnlyTheCommuneRecords()
    {
        var officer = await app.As("canbo");
        using (var forged = await officer.PostAsync("/Democracy/PeopleConsultations/Create", new FormUrlEncodedContent(Fields("Giả mạo", Today.AddDays(-3), Today, 1, 1, 0))))
        {
            Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        }

        var coordinator = await app.As("dieuphoi");
        using (var refused = await coordinator.GetAsync("/Democracy/PeopleConsultations/Create"))
        {
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        }

        var page = WebUtility.HtmlDecode(await coordinator.GetStringAsync("/Democracy/PeopleConsultations?q=ke+hoach+su+dung+dat"));
        Assert.Contains("kế hoạch sử dụng đất năm", page, StringComparison.Ordinal); // the ward's demo consultation, read by the province
        Assert.DoesNotContain("Ghi đợt lấy ý kiến</a>", page, StringComparison.Ordinal);

        int demo;
        using (var scope = app.Factory.Services.CreateScope())
        {
            demo = await scope.ServiceProvider.GetRequiredService<AppDbContext>().PeopleConsultations.Where(c => c.MatterCode == "quy-hoach-dat").Select(c => c.Id).FirstAsync();
        }

        using (var edit = await coordinator.GetAsync($"/Democracy/PeopleConsultations/Edit/{demo}"))
        {
            Assert.Equal(HttpStatusCode.Forbidden, edit.StatusCode);
        }

        using var odd = await coordinator.GetAsync("/Democracy/PeopleConsultations?year=-1&page=-1&size=-1&sort=xyz&matter=%C3%A0%27%22");
        Assert.Equal(HttpStatusCode.OK, odd.StatusCode);
    }

    [Fact]
    public async Task TheDemoConsultations_CountForDC_YKIEN_ByTheirClosingDate_WithTheirRecords()
    {
        var ward = await app.UnitIdAsync("25459");
        using var scope = app.Factory.Services.CreateScope();
        var measures = scope.ServiceProvider.GetRequiredService<MeasureRegistry>();
        var last = Today.Year - 1;
        DateOnly[] closings = [new(last, 10, 25), new(last, 5, 30), Today.AddDays(-20), Today.AddDays(-130)]; // as the demo seeder dates them
        var lastYear = await measures.ComputeAsync(DemocracyMeasures.Consulted, [ward, ward + 100_000], new DateOnly(last, 1, 1), new DateOnly(last, 12, 31), default);
        Assert.Equal(closings.Count(d => d.Year == last), lastYear[ward].Value);
        Assert.Equal(0, lastYear[ward + 100_000].Value);
        Assert.StartsWith("Theo dõi trên DanVan (sổ lấy ý kiến Nhân dân):", lastYear[ward].Provenance, StringComparison.Ordinal);

        var recent = await measures.ComputeAsync(DemocracyMeasures.Consulted, [ward], Today.AddDays(-25), Today.AddDays(-15), default);
        Assert.True(recent[ward].Value >= 1);
        var records = await measures.RecordsAsync(DemocracyMeasures.Consulted, ward, new DateOnly(last, 1, 1), new DateOnly(last, 12, 31), 10, default);
        Assert.Contains(records, r => r.Label.StartsWith("Dự thảo kế hoạch phát triển kinh tế – xã hội", StringComparison.Ordinal) && r.Link!.StartsWith("/Democracy/PeopleConsultations/Details/", StringComparison.Ordinal));

        var indicators = DefaultRegime.Indicators();
        Assert.Equal(DemocracyMeasures.Consulted, indicators.Single(i => i.Code == "DC_YKIEN").MeasureCode);
        Assert.NotNull(measures.Find(indicators.Single(i => i.Code == "VB").MeasureCode));
    }
}
