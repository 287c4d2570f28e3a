using System.Globalization;
using System.Net;
using System.Text.Json;
using DanVan.Data;
using DanVan.Domain.Scoring;
using DanVan.Domain.Text;
using DanVan.Infrastructure;
using DanVan.Testing;
using DanVan.Tests.Support;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DanVan.Tests.Features.Scoring;

/// <summary>
/// The scoring pages over HTTP on the seeded demo province: who may post what (another province's coordinator sees
/// nothing, the read-only account and the wrong roles are refused with 403), antiforgery, bad input answered in
/// Vietnamese with nothing saved, a stale form, and every export of the demo's published round reopened with OpenXML.
/// </summary>
public sealed class ScoringPagesTests(AppFixture app) : IClassFixture<AppFixture>
{
    private const string Stale = "Phiếu chấm điểm vừa được người khác cập nhật; tải lại trang rồi làm lại.";

    private static readonly DateOnly Today = VietnamClock.Today(TimeProvider.System);

    private static string D(DateOnly d) => VietnameseText.FormatDate(d);

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    private async Task<T> DbAsync<T>(Func<AppDbContext, Task<T>> read)
    {
        using var scope = app.Factory.Services.CreateScope();
        return await read(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    /// <summary>This year's round on a fresh copy of Tây Ninh's framework, opened through the page by the coordinator; the sheets by unit code.</summary>
    private async Task<(int RoundId, Dictionary<string, int> Sheets)> OpenRoundAsync()
    {
        var frameworkId = await DbAsync(db => ScoringTestData.FrameworkAsync(db));
        var coordinator = await app.As("dieuphoi");
        using var opened = await DanVanAppFactory.PostFormAsync(coordinator, "/Scoring", new Dictionary<string, string>
        {
            ["Input.FrameworkId"] = Id(frameworkId), ["Input.Year"] = Id(Today.Year), ["Input.SelfFrom"] = D(Today), ["Input.SelfDue"] = D(Today.AddDays(10)),
            ["Input.AppraisalOn"] = D(Today.AddDays(20)), ["Input.ObjectionDays"] = "5",
        });
        Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
        var roundId = int.Parse(opened.Headers.Location!.ToString().Split('/').Last(), CultureInfo.InvariantCulture);
        var sheets = await DbAsync(db => (from s in db.ScoreSheets join u in db.OrgUnits on s.UnitId equals u.Id where s.RoundId == roundId select new { u.Code, s.Id })
            .ToDictionaryAsync(x => x.Code, x => x.Id));
        return (roundId, sheets);
    }

    private Task<string> SnapshotAsync(int sheetId) => DbAsync(async db =>
    {
        var s = await db.ScoreSheets.AsNoTracking().Include(x => x.Lines).SingleAsync(x => x.Id == sheetId);
        return JsonSerializer.Serialize(new
        {
            s.State, s.Explanation, s.SelfTotal, s.AppraisedTotal, s.Grade, s.ConcurrencyStamp, s.UpdatedAtUtc,
            Lines = s.Lines.OrderBy(l => l.Id).Select(l => new { l.Id, l.SelfPoints, l.Note, l.AppraisedPoints, l.AppraisalReason }),
        });
    });

    private Task<Guid> StampAsync(int sheetId) => DbAsync(db => db.ScoreSheets.Where(s => s.Id == sheetId).Select(s => s.ConcurrencyStamp).SingleAsync());

    private Task<Dictionary<string, int>> LineIdsAsync(int sheetId) => DbAsync(db => (from l in db.ScoreLines join c in db.ScoringCriteria on l.CriterionId equals c.Id where l.SheetId == sheetId select new { c.Code, l.Id })
        .ToDictionaryAsync(x => x.Code, x => x.Id));

    /// <summary>The sheet's form as the page posts it: the stamp and the typed lines.</summary>
    private async Task<Dictionary<string, string>> SheetFormAsync(int sheetId, params (string Code, string Points)[] lines)
    {
        var ids = await LineIdsAsync(sheetId);
        var form = new Dictionary<string, string> { ["Input.Stamp"] = (await StampAsync(sheetId)).ToString(), ["Input.Explanation"] = "Báo cáo giải trình của đơn vị." };
        for (var i = 0; i < lines.Length; i++)
        {
            form[$"Input.Lines[{i}].LineId"] = Id(ids[lines[i].Code]);
            form[$"Input.Lines[{i}].Points"] = lines[i].Points;
        }

        return form;
    }

    /// <summary>A coordinator of Hà Nội, signed in.</summary>
    private async Task<HttpClient> ForeignCoordinatorAsync()
    {
        var admin = await app.As("admin");
        var userName = "dieuphoihn" + Guid.NewGuid().ToString("N")[..6];
        using var created = await DanVanAppFactory.PostFormAsync(admin, "/Users/Create", new Dictionary<string, string>
        {
            ["Input.UserName"] = userName, ["Input.Password"] = "NgoaiTinh@2026", ["Input.FullName"] = "Điều phối Hà Nội",
            ["Input.UnitId"] = Id(await app.UnitIdAsync("01")), ["Input.Role"] = "Coordinator",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        return await app.Factory.LoginAsync(userName, "NgoaiTinh@2026");
    }

    private static async Task<string> TextAsync(HttpResponseMessage response) => WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

    [Fact]
    public async Task Posts_ByAnotherProvincesCoordinator_AreNotFound_ByTheReadOnlyAccountAndTheWrongRoles_Forbidden_AndNothingChanges()
    {
        var (roundId, sheets) = await OpenRoundAsync();
        var ward = sheets["25459"];
        var finance = sheets["80.STC"]; // the read-only account's own unit
        var wardBefore = await SnapshotAsync(ward);
        var financeBefore = await SnapshotAsync(finance);

        // Hà Nội's coordinator: not the sheet, not the round, not the ranking of the demo round.
        var foreign = await ForeignCoordinatorAsync();
        var demoRound = await DbAsync(db => db.ScoringRounds.Where(r => r.State == RoundState.Published).OrderBy(r => r.Id).Select(r => r.Id).FirstAsync());
        foreach (var url in new[] { $"/Scoring/Sheet/{ward}", $"/Scoring/Round/{roundId}", $"/Scoring/Ranking/{demoRound}", $"/Scoring/Ranking/{demoRound}?handler=Annex", $"/Scoring/Commendations/{demoRound}?handler=Dossier" })
        {
            using var get = await foreign.GetAsync(url);
            Assert.True(get.StatusCode == HttpStatusCode.NotFound, $"{url}: {(int)get.StatusCode}");
        }

        using (var save = await DanVanAppFactory.PostFormAsync(foreign, $"/Scoring/Sheet/{ward}?handler=Save", await SheetFormAsync(ward, ("TC4.1", "1")), "/"))
        {
            Assert.Equal(HttpStatusCode.NotFound, save.StatusCode);
        }

        using (var publish = await DanVanAppFactory.PostFormAsync(foreign, $"/Scoring/Round/{roundId}?handler=Publish", new Dictionary<string, string>(), "/"))
        {
            Assert.Equal(HttpStatusCode.NotFound, publish.StatusCode);
        }

        // The read-only account reads its unit's sheet but saves nothing, opens no round, follows no round, publishes nothing.
        var reader = await app.As("xem");
        var page = await TextAsync(await reader.GetAsync($"/Scoring/Sheet/{finance}"));
        Assert.Contains("Đang tự chấm", page, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"sheet-save\"", page, StringComparison.Ordinal);
        using (var save = await DanVanAppFactory.PostFormAsync(reader, $"/Scoring/Sheet/{finance}?handler=Save", await SheetFormAsync(finance, ("TC4.1", "15")), "/"))
        {
            Assert.Equal(HttpStatusCode.Forbidden, save.StatusCode);
            Assert.Contains("Vai trò «Chỉ xem» của tài khoản không được thực hiện thao tác này trên phiếu chấm điểm.", await TextAsync(save), StringComparison.Ordinal);
        }

        using (var submit = await DanVanAppFactory.PostFormAsync(reader, $"/Scoring/Sheet/{finance}?handler=Submit", await SheetFormAsync(finance), "/"))
        {
            Assert.Equal(HttpStatusCode.Forbidden, submit.StatusCode);
        }

        using (var open = await DanVanAppFactory.PostFormAsync(reader, "/Scoring", new Dictionary<string, string> { ["Input.Year"] = Id(Today.Year) }, "/"))
        {
            Assert.Equal(HttpStatusCode.Forbidden, open.StatusCode);
        }

        using (var round = await reader.GetAsync($"/Scoring/Round/{roundId}"))
        {
            Assert.Equal(HttpStatusCode.Forbidden, round.StatusCode);
        }

        using (var publish = await DanVanAppFactory.PostFormAsync(reader, $"/Scoring/Round/{roundId}?handler=Publish", new Dictionary<string, string>(), "/"))
        {
            Assert.Equal(HttpStatusCode.Forbidden, publish.StatusCode);
        }

        // The ward's officer does not appraise its own sheet, nor publish; the reviewer does not publish.
        var officer = await app.As("canbo");
        using (var appraise = await DanVanAppFactory.PostFormAsync(officer, $"/Scoring/Sheet/{ward}?handler=Appraise", await SheetFormAsync(ward, ("TC4.1", "15")), "/"))
        {
            Assert.Equal(HttpStatusCode.Forbidden, appraise.StatusCode);
        }

        foreach (var user in new[] { "canbo", "thamdinh" })
        {
            using var publish = await DanVanAppFactory.PostFormAsync(await app.As(user), $"/Scoring/Round/{roundId}?handler=Publish", new Dictionary<string, string>(), "/");
            Assert.True(publish.StatusCode == HttpStatusCode.Forbidden, $"{user}: {(int)publish.StatusCode}");
        }

        Assert.Equal(wardBefore, await SnapshotAsync(ward));
        Assert.Equal(financeBefore, await SnapshotAsync(finance));
        Assert.Equal(RoundState.Open, await DbAsync(db => db.ScoringRounds.Where(r => r.Id == roundId).Select(r => r.State).SingleAsync()));
    }

    [Fact]
    public async Task Posts_WithoutTheAntiforgeryToken_AreRefused_AndNothingIsSaved()
    {
        var (roundId, sheets) = await OpenRoundAsync();
        var ward = sheets["25459"];
        var before = await SnapshotAsync(ward);
        var officer = await app.As("canbo");
        using (var save = await officer.PostAsync($"/Scoring/Sheet/{ward}?handler=Save", new FormUrlEncodedContent(await SheetFormAsync(ward, ("TC4.1", "15")))))
        {
            Assert.Equal(HttpStatusCode.BadRequest, save.StatusCode);
        }

        var coordinator = await app.As("dieuphoi");
        using (var publish = await coordinator.PostAsync($"/Scoring/Round/{roundId}?handler=Publish", new FormUrlEncodedContent(new Dictionary<string, string>())))
        {
            Assert.Equal(HttpStatusCode.BadRequest, publish.StatusCode);
        }

        var rounds = await DbAsync(db => db.ScoringRounds.CountAsync());
        using (var open = await coordinator.PostAsync("/Scoring", new FormUrlEncodedContent(new Dictionary<string, string> { ["Input.Year"] = Id(Today.Year) })))
        {
            Assert.Equal(HttpStatusCode.BadRequest, open.StatusCode);
        }

        Assert.Equal(before, await SnapshotAsync(ward));
        Assert.Equal(rounds, await DbAsync(db => db.ScoringRounds.CountAsync()));
    }

    [Fact]
    public async Task TheSheetForm_AnswersBadPointsInVietnamese_SavesNothing_ThenSaves_AndAStaleFormIsToldToReload()
    {
        var (_, sheets) = await OpenRoundAsync();
        var ward = sheets["25459"];
        var officer = await app.As("canbo");
        var before = await SnapshotAsync(ward);
        var oldForm = await SheetFormAsync(ward, ("TC4.1", "16"), ("TC1.1", "ba"), ("THUONG", "6"), ("TC3.1", "10"));
        using (var bad = await DanVanAppFactory.PostFormAsync(officer, $"/Scoring/Sheet/{ward}?handler=Save", oldForm, $"/Scoring/Sheet/{ward}"))
        {
            Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
            var html = await TextAsync(bad);
            Assert.Contains("TC4.1: điểm phải từ 0 đến 15.", html, StringComparison.Ordinal);
            Assert.Contains("TC1.1: điểm “ba” không hợp lệ: nhập số, tối đa hai chữ số thập phân (ví dụ 7,5).", html, StringComparison.Ordinal);
            Assert.Contains("THUONG: điểm thưởng phải từ 0 đến 5.", html, StringComparison.Ordinal);
            Assert.Contains("value=\"ba\"", html, StringComparison.Ordinal); // what was typed is kept to correct
        }

        Assert.Equal(before, await SnapshotAsync(ward));

        using (var good = await DanVanAppFactory.PostFormAsync(officer, $"/Scoring/Sheet/{ward}?handler=Save", await SheetFormAsync(ward, ("TC4.1", "14,5"), ("TC3.1", "10")), $"/Scoring/Sheet/{ward}"))
        {
            Assert.Equal(HttpStatusCode.Redirect, good.StatusCode);
            Assert.Equal($"/Scoring/Sheet/{ward}", good.Headers.Location!.ToString());
        }

        var lines = await LineIdsAsync(ward);
        Assert.Equal(14.5, await DbAsync(db => db.ScoreLines.Where(l => l.Id == lines["TC4.1"]).Select(l => l.SelfPoints).SingleAsync()));
        var saved = await SnapshotAsync(ward);

        // The form opened before that save carries the old stamp.
        oldForm[$"Input.Lines[0].Points"] = "15";
        oldForm.Remove("Input.Lines[1].LineId");
        oldForm.Remove("Input.Lines[1].Points");
        using (var stale = await DanVanAppFactory.PostFormAsync(officer, $"/Scoring/Sheet/{ward}?handler=Save", oldForm, $"/Scoring/Sheet/{ward}"))
        {
            Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
            Assert.Contains(Stale, await TextAsync(stale), StringComparison.Ordinal);
        }

        Assert.Equal(saved, await SnapshotAsync(ward));

        // Submitting without the evidence the framework asks for says which line, and keeps the sheet a draft.
        using (var submit = await DanVanAppFactory.PostFormAsync(officer, $"/Scoring/Sheet/{ward}?handler=Submit", await SheetFormAsync(ward), $"/Scoring/Sheet/{ward}"))
        {
            Assert.Equal(HttpStatusCode.OK, submit.StatusCode);
            var html = await TextAsync(submit);
            Assert.Contains("TC3.1: tiêu chí này phải kèm minh chứng.", html, StringComparison.Ordinal);
            Assert.Contains("TC1.1: chưa tự chấm điểm.", html, StringComparison.Ordinal);
        }

        Assert.Equal(SheetState.Draft, await DbAsync(db => db.ScoreSheets.Where(s => s.Id == ward).Select(s => s.State).SingleAsync()));
    }

    [Fact]
    public async Task OpeningARound_WithBadDates_AnswersInVietnamese_AndOpensNothing()
    {
        var coordinator = await app.As("dieuphoi");
        var frameworkId = await DbAsync(db => ScoringTestData.FrameworkAsync(db));
        var rounds = await DbAsync(db => db.ScoringRounds.CountAsync());
        using var bad = await DanVanAppFactory.PostFormAsync(coordinator, "/Scoring", new Dictionary<string, string>
        {
            ["Input.FrameworkId"] = Id(frameworkId), ["Input.Year"] = Id(Today.Year), ["Input.SelfFrom"] = D(Today), ["Input.SelfDue"] = D(Today.AddDays(-1)),
            ["Input.AppraisalOn"] = D(Today.AddDays(-2)), ["Input.ObjectionDays"] = "0",
        });
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        var html = await TextAsync(bad);
        Assert.Contains("Hạn nộp không thể trước ngày bắt đầu tự đánh giá.", html, StringComparison.Ordinal);
        Assert.Contains($"Hạn nộp {D(Today.AddDays(-1))} đã qua: chọn ngày từ hôm nay ({D(Today)}).", html, StringComparison.Ordinal);
        Assert.Contains("Ngày thẩm định phải sau hạn nộp hồ sơ.", html, StringComparison.Ordinal);
        Assert.Contains("Thời hạn đơn vị có ý kiến sau thẩm định phải từ 1 đến 60 ngày.", html, StringComparison.Ordinal);
        Assert.Equal(rounds, await DbAsync(db => db.ScoringRounds.CountAsync()));
    }

    /// <summary>The export's table from its header row, without its STT column (see <see cref="TestWorkbooks.First"/>).</summary>
    private static List<List<string>> Rows(byte[] xlsx) => TestWorkbooks.First(xlsx).Rows;

    private static string DocxText(byte[] docx)
    {
        DanVan.Testing.Nd30Layout.AssertValid(docx);
        using var doc = WordprocessingDocument.Open(new MemoryStream(docx), false);
        return string.Join("\n", doc.MainDocumentPart!.Document.Body!.Descendants<DocumentFormat.OpenXml.Wordprocessing.Paragraph>().Select(p => p.InnerText));
    }

    /// <summary>The tables' rows of a DOCX, each as its cells' text.</summary>
    private static List<List<string>> DocxRows(byte[] docx)
    {
        using var doc = WordprocessingDocument.Open(new MemoryStream(docx), false);
        return doc.MainDocumentPart!.Document.Body!.Descendants<DocumentFormat.OpenXml.Wordprocessing.TableRow>()
            .Select(r => r.Elements<DocumentFormat.OpenXml.Wordprocessing.TableCell>().Select(c => c.InnerText).ToList()).ToList();
    }

    private static bool HasNumber(IEnumerable<string> cells, double value) =>
        cells.Any(c => double.TryParse(c, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && Math.Abs(v - value) < 1e-9);

    private static async Task<byte[]> DownloadAsync(HttpClient client, string url, string contentType)
    {
        using var response = await client.GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode}");
        Assert.Equal(contentType, response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadAsByteArrayAsync();
    }

    [Fact]
    public async Task TheExportsOfThePublishedDemoRound_ReopenWithTheWardsNameTotalAndGrade()
    {
        const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
        const string Docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
        var demo = await DbAsync(async db =>
        {
            var round = await db.ScoringRounds.AsNoTracking().Where(r => r.State == RoundState.Published).OrderBy(r => r.Id).FirstAsync();
            var sheet = await (from s in db.ScoreSheets join u in db.OrgUnits on s.UnitId equals u.Id where s.RoundId == round.Id && u.Code == "25459" select new { s.Id, s.FinalTotal, s.SelfTotal, s.Grade, u.Name }).SingleAsync();
            var title = await (from p in db.CommendationProposals join t in db.CommendationTitles on p.TitleId equals t.Id where p.RoundId == round.Id select t.Name).SingleAsync();
            return (RoundId: round.Id, round.Year, SheetId: sheet.Id, Total: sheet.FinalTotal!.Value, sheet.SelfTotal, Grade: sheet.Grade!, sheet.Name, Title: title);
        });
        var total = ScoringRules.FormatNumber(demo.Total);
        var coordinator = await app.As("dieuphoi");

        // The round's list of sheets.
        var list = Rows(await DownloadAsync(coordinator, $"/Scoring/Round/{demo.RoundId}?handler=Export", Xlsx));
        Assert.Equal(["Đơn vị", "Nhóm", "Tình trạng", "Ngày nộp", "Tự chấm", "Thẩm định", "Kết quả", "Xếp loại"], list[0]);
        var wardRow = Assert.Single(list, r => r.Contains(demo.Name));
        Assert.Contains("Đã chốt kết quả", wardRow);
        Assert.True(HasNumber(wardRow, demo.Total), string.Join(" | ", wardRow));
        Assert.Contains(demo.Grade, wardRow);

        // The draft decision and its annex.
        var decisionBytes = await DownloadAsync(coordinator, $"/Scoring/Ranking/{demo.RoundId}?handler=Decision", Docx);
        var decision = DocxText(decisionBytes);
        Assert.Contains("QUYẾT ĐỊNH", decision, StringComparison.Ordinal);
        Assert.Contains($"Công nhận kết quả đánh giá, xếp loại công tác dân vận chính quyền năm {demo.Year}", decision, StringComparison.Ordinal);
        var decisionRow = Assert.Single(DocxRows(decisionBytes), r => r.Contains(demo.Name)); // the annex table: unit, total, grade, rank
        Assert.Equal([demo.Name, total, demo.Grade], decisionRow.Skip(1).Take(3));
        var annex = Rows(await DownloadAsync(coordinator, $"/Scoring/Ranking/{demo.RoundId}?handler=Annex", Xlsx));
        Assert.Equal(["Cơ quan, đơn vị, địa phương", "Nhóm", "Tổng điểm", "Xếp loại", "Thứ hạng"], annex[0]);
        var annexRow = Assert.Single(annex, r => r.Contains(demo.Name));
        Assert.True(HasNumber(annexRow, demo.Total), string.Join(" | ", annexRow));
        Assert.Contains(demo.Grade, annexRow);

        // The commendation dossier and its list.
        var dossier = DocxText(await DownloadAsync(coordinator, $"/Scoring/Commendations/{demo.RoundId}?handler=Dossier", Docx));
        Assert.Contains("TỜ TRÌNH", dossier, StringComparison.Ordinal);
        Assert.Contains("Sở Nội vụ đề nghị khen thưởng 1 tập thể và 0 cá nhân", dossier, StringComparison.Ordinal);
        Assert.Contains($"1. {demo.Name} — {demo.Title}: ", dossier, StringComparison.Ordinal);
        Assert.Contains($"{demo.Grade} ({total} điểm)", dossier, StringComparison.Ordinal);
        var proposals = Rows(await DownloadAsync(coordinator, $"/Scoring/Commendations/{demo.RoundId}?handler=List", Xlsx));
        Assert.Equal(2, proposals.Count);
        Assert.Equal("Hình thức", proposals[0][0]);
        Assert.Equal(demo.Title, proposals[1][0]);
        Assert.Equal("Tập thể", proposals[1][1]);
        Assert.Contains(demo.Name, proposals[1]);
        Assert.True(HasNumber(proposals[1], demo.Total), string.Join(" | ", proposals[1]));

        // The ward's own sheet, with its explanation.
        var sheetBytes = await DownloadAsync(await app.As("canbo"), $"/Scoring/Sheet/{demo.SheetId}?handler=Docx", Docx);
        var sheet = DocxText(sheetBytes);
        Assert.Contains($"Kết quả tự đánh giá, chấm điểm công tác dân vận chính quyền năm {demo.Year}", sheet, StringComparison.Ordinal);
        var totalRow = Assert.Single(DocxRows(sheetBytes), r => r.Count > 0 && r[0] == "Tổng cộng");
        Assert.Equal(ScoringRules.FormatNumber(demo.SelfTotal), totalRow[2]);
        Assert.Equal(total, totalRow[3]); // the appraised total, which publication made final
        Assert.Contains("II. BÁO CÁO GIẢI TRÌNH", sheet, StringComparison.Ordinal);

        // Published, the ranking is the province's to read — not the dossier, which is the coordinator's and reviewer's.
        var reader = await app.As("xem");
        Assert.True(HasNumber(Assert.Single(Rows(await DownloadAsync(reader, $"/Scoring/Ranking/{demo.RoundId}?handler=Annex", Xlsx)), r => r.Contains(demo.Name)), demo.Total));
        using var dossierForReader = await reader.GetAsync($"/Scoring/Commendations/{demo.RoundId}?handler=Dossier");
        Assert.Equal(HttpStatusCode.Forbidden, dossierForReader.StatusCode);
        using var roundForReader = await reader.GetAsync($"/Scoring/Round/{demo.RoundId}?handler=Export");
        Assert.Equal(HttpStatusCode.Redirect, roundForReader.StatusCode); // to the published ranking, not the round's sheets
    }
}
