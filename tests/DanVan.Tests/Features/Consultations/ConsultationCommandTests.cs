using DanVan.Domain.Access;
using DanVan.Domain.Consultations;
using DanVan.Features.Calendar;
using DanVan.Features.Consultations;
using DanVan.Features.Deadlines;
using DanVan.Features.Documents;
using DanVan.Features.FollowUp;
using DanVan.Features.Import;
using DanVan.Infrastructure;
using DanVan.Tests.Support;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;

namespace DanVan.Tests.Features.Consultations;

/// <summary>
/// Issue 17, done-means (2) at the handler level on a real database and a fixed clock: the Sở Nội vụ sends a draft to
/// ten units; four comment on paragraphs, two agree, four are silent and are recorded only after the deadline; every
/// comment is handled; the synthesis DOCX and XLSX reopen with every comment and the three lists. Plus the bad input.
/// </summary>
public class ConsultationCommandTests(SeededDatabaseFixture fx) : IClassFixture<SeededDatabaseFixture>
{
    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    private static readonly string[] Respondents = ["80.STC", "80.STP", "80.SXD", "80.SNNMT", "80.SCT", "80.SGDDT", "80.SYT", "80.SVHTTDL", "80.SKHCN", "80.SDTTG"];

    /// <summary>A day of November 2026 in Việt Nam, 10:00.</summary>
    private static FixedClock On(int day, int month = 11) => new(new DateTimeOffset(2026, month, day, 3, 0, 0, TimeSpan.Zero));

    private static string Date(int day, int month = 11) => $"{day:00}/{month:00}/2026";

    private ConsultationCommands Commands(string? actor, TimeProvider clock, out DanVan.Data.AppDbContext db)
    {
        db = fx.Context(actor);
        return new ConsultationCommands(db, new StatutoryDeadlines(db, new CalendarCommands(db), clock), new DocumentTextReader(), new ConfigurationBuilder().Build(), clock);
    }

    private static string Errors<T>(Result<T> r) => string.Join(" ", r.Errors.SelectMany(e => e.Value));

    private async Task<UserScope> OfficerOfAsync(string code)
    {
        await using var db = fx.Context();
        var unit = await db.OrgUnits.SingleAsync(u => u.Code == code);
        return UserScope.For("t-" + code, "canbo-" + code, Roles.UnitOfficer, unit.Id, unit.AncestorPath);
    }

    private async Task<List<int>> UnitIdsAsync(params string[] codes)
    {
        var ids = new List<int>();
        foreach (var c in codes)
        {
            ids.Add(await fx.UnitIdAsync(c));
        }

        return ids;
    }

    private static ConsultationInput Input(string title, List<int> units, string sent = "02/11/2026", string due = "20/11/2026") => new()
    {
        Title = title, Subject = "V/v lấy ý kiến góp ý dự thảo Kế hoạch của Chủ tịch UBND tỉnh về công tác dân vận", SentOn = sent, DueOn = due,
        DraftText = "I. MỤC ĐÍCH, YÊU CẦU\n1. Xác định công tác dân vận là nhiệm vụ quan trọng, thường xuyên.\n2. Đẩy mạnh tuyên truyền.\nII. NỘI DUNG CHỦ YẾU\n1. Quán triệt, học tập các Chỉ thị, Nghị quyết.\nIII. TỔ CHỨC THỰC HIỆN",
        RespondentUnitIds = units, SignerName = "Trương Thanh Long", SignerAuthority = "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC",
    };

    [Fact]
    public async Task TheSoNoiVu_SendsADraftToTenUnits_AndGetsItsSynthesis()
    {
        var coordinator = await fx.ScopeOfAsync("dieuphoi");
        var units = await UnitIdsAsync(Respondents);
        var title = "Kế hoạch tiếp tục thực hiện và đổi mới công tác dân vận " + SeededDatabaseFixture.NewCode();

        var created = await Commands("dieuphoi", On(2), out var db).CreateAsync(coordinator, Input(title, units), null);
        await db.DisposeAsync();
        Assert.True(created.IsOk, Errors(created));
        var id = created.Value!.Id;
        await using (var check = fx.Context())
        {
            Assert.Equal(6, await check.DraftParagraphs.CountAsync(p => p.ConsultationId == id));
            Assert.Equal(10, await check.ConsultationRespondents.CountAsync(r => r.ConsultationId == id && r.State == RespondentState.Pending));
            Assert.True(await check.AuditEntries.AnyAsync(a => a.EntityType == nameof(Consultation) && a.EntityId == id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        // The respondents see it due in their digest and on their home page (follow-up extension point).
        await using (var fdb = fx.Context())
        {
            var items = await new ConsultationFollowUp(fdb, On(14)).OpenAsync(new DateOnly(2026, 11, 21), [units[0]], default);
            Assert.Contains(items, i => i.Title.Contains(title, StringComparison.Ordinal) && i.DueOn == new DateOnly(2026, 11, 20));
        }

        // Four comment on paragraphs, two agree (one of them first comments, then changes its mind: version 2).
        async Task<Result<ConsultationAnswer>> Answer(string code, AnswerInput input, int day = 10, UploadedFile? file = null)
        {
            var r = await Commands(null, On(day), out var d).AnswerAsync(await OfficerOfAsync(code), id, input, file);
            await d.DisposeAsync();
            return r;
        }

        for (var i = 0; i < 4; i++)
        {
            var r = await Answer(Respondents[i], new AnswerInput
            {
                SignerName = "Người ký " + i,
                SignerPosition = "Phó Giám đốc",
                Comments = [new() { Paragraph = 2, Text = $"Ý kiến {i}: bổ sung chỉ tiêu cụ thể." }, new() { Paragraph = i + 3, Text = $"Ý kiến {i}: sửa câu chữ." }],
            }, file: i == 0 ? new UploadedFile("gop-y.pdf", TestPdf.WithText(new TestPdf.Line(72, 700, "Góp ý của Sở Tài chính"))) : null);
            Assert.True(r.IsOk, Errors(r));
        }

        var first = await Answer(Respondents[4], new AnswerInput { SignerName = "Nguyễn Văn A", Comments = [new() { Paragraph = 1, Text = "Sẽ rút lại" }] }, day: 9);
        Assert.True(first.IsOk, Errors(first));
        var second = await Answer(Respondents[4], new AnswerInput { Agrees = true, SignerName = "Nguyễn Văn A", BaseVersion = 1 }, day: 11);
        Assert.True(second.IsOk, Errors(second));
        Assert.Equal(2, second.Value!.Version);
        var agree = await Answer(Respondents[5], new AnswerInput { Agrees = true, SignerName = "Trần Thị B" });
        Assert.True(agree.IsOk, Errors(agree));

        // Two people of one unit at once: the one who read version 0 after another sent version 1 is refused.
        var stale = await Answer(Respondents[5], new AnswerInput { Agrees = true, SignerName = "Người thứ hai", BaseVersion = 0 });
        Assert.Contains("vừa có người khác gửi ý kiến", Errors(stale), StringComparison.Ordinal);

        // Silence is never recorded before the deadline: on 20/11 (the last day) four units are still only pending.
        var early = await Commands(null, On(20), out db).ApplySilenceAsync(id);
        await db.DisposeAsync();
        Assert.Equal(0, early);

        // Answering after the deadline is refused; on 21/11 the four silent units are recorded, with the time.
        var late = await Answer(Respondents[6], new AnswerInput { Agrees = true, SignerName = "Muộn" }, day: 21);
        Assert.Contains("hết hạn", Errors(late), StringComparison.Ordinal);
        var silent = await Commands(null, On(21), out db).ApplySilenceAsync(id);
        await db.DisposeAsync();
        Assert.Equal(4, silent);
        Assert.Equal(0, await Commands(null, On(22), out db).ApplySilenceAsync(id)); // idempotent
        await db.DisposeAsync();

        // The drafting officer handles every comment; a refusal without explanation is refused itself.
        var comments = await ConsultationQueries.CurrentCommentsAsync(fx.Context(), id, null, default);
        Assert.Equal(8, comments.Count); // the withdrawn version's comment is history, not in the synthesis
        var unexplained = await Commands("dieuphoi", On(23), out db).HandleAsync(coordinator, id, comments[0].Id, new HandlingInput { Handling = CommentHandling.Explained });
        await db.DisposeAsync();
        Assert.Contains("Explanation", unexplained.Errors.Keys);
        var foreign = await Commands(null, On(23), out db).HandleAsync(await OfficerOfAsync(Respondents[0]), id, comments[0].Id, new HandlingInput { Handling = CommentHandling.Accepted });
        await db.DisposeAsync();
        Assert.Equal(ResultStatus.Forbidden, foreign.Status);
        foreach (var (m, i) in comments.Select((m, i) => (m, i)))
        {
            var handling = (CommentHandling)(i % 3 + 1);
            var h = await Commands("dieuphoi", On(23), out db).HandleAsync(coordinator, id, m.Id, new HandlingInput { Handling = handling, Explanation = "Giải trình " + i });
            await db.DisposeAsync();
            Assert.True(h.IsOk, Errors(h));
        }

        // The synthesis as DOCX and XLSX: every comment, its handling, and the three lists.
        await using (var sdb = fx.Context())
        {
            var row = await sdb.Consultations.AsNoTracking().SingleAsync(c => c.Id == id);
            var facts = new ConsultationOutputs.Facts(row, "Sở Nội vụ tỉnh Tây Ninh", DanVan.Domain.Units.OrgUnitKind.Department, "Tỉnh Tây Ninh", new DateOnly(2026, 11, 23),
                await ConsultationQueries.RespondentsAsync(sdb, id, default), await ConsultationQueries.CurrentCommentsAsync(sdb, id, null, default));
            Assert.Equal(4, facts.Respondents.Count(r => r.State == RespondentState.Silent && r.SilenceAppliedAtUtc is not null));
            using var docx = new MemoryStream();
            ConsultationOutputs.SynthesisDocx(docx, facts);
            DanVan.Testing.Nd30Layout.AssertValid(docx.ToArray());
            docx.Position = 0;
            using (var word = WordprocessingDocument.Open(docx, false))
            {
                var text = word.MainDocumentPart!.Document.Body!.InnerText;
                Assert.Contains("BẢNG TỔNG HỢP, TIẾP THU, GIẢI TRÌNH Ý KIẾN GÓP Ý", text, StringComparison.Ordinal);
                foreach (var m in facts.Comments)
                {
                    Assert.Contains(m.Text, text, StringComparison.Ordinal);
                }

                Assert.Contains("Giải trình, không tiếp thu", text, StringComparison.Ordinal);
                Assert.Contains("Tiếp thu một phần", text, StringComparison.Ordinal);
                Assert.Contains("Đơn vị đã có ý kiến (6)", text, StringComparison.Ordinal);
                Assert.Contains("Đơn vị thống nhất với dự thảo (2)", text, StringComparison.Ordinal);
                Assert.Contains("Đơn vị không có ý kiến — xem như thống nhất (4)", text, StringComparison.Ordinal);
                Assert.Contains("Sở Y tế tỉnh Tây Ninh", text, StringComparison.Ordinal); // a silent one
            }

            using var xlsx = new MemoryStream();
            ConsultationOutputs.SynthesisXlsx(xlsx, facts);
            xlsx.Position = 0;
            using var book = SpreadsheetDocument.Open(xlsx, false);
            var cells = book.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Cell>().Select(c => c.InnerText).ToList();
            foreach (var m in facts.Comments)
            {
                Assert.Contains(m.Text, cells);
            }

            Assert.Contains("Đơn vị thống nhất với dự thảo (2)", cells);
            Assert.Contains("Đơn vị không có ý kiến — xem như thống nhất (4)", cells);

            using var letter = new MemoryStream();
            ConsultationOutputs.Letter(letter, facts);
            DanVan.Testing.Nd30Layout.AssertValid(letter.ToArray(), titleAfterHeader: false);
            letter.Position = 0;
            using var lw = WordprocessingDocument.Open(letter, false);
            var lt = lw.MainDocumentPart!.Document.Body!.InnerText;
            Assert.Contains("V/v lấy ý kiến góp ý dự thảo", lt, StringComparison.Ordinal);
            Assert.Contains("Kính gửi:", lt, StringComparison.Ordinal);
            Assert.Contains("20/11/2026", lt, StringComparison.Ordinal);
            Assert.Contains(ConsultationRules.DefaultSilenceRule, lt, StringComparison.Ordinal);
        }

        // Measures: the Sở Y tế was asked once in November and did not answer; the Sở Tài chính answered on time.
        await using (var mdb = fx.Context())
        {
            var measures = new ConsultationMeasures(mdb);
            var from = new DateOnly(2026, 11, 1);
            var to = new DateOnly(2026, 11, 30);
            var asked = await measures.ComputeAsync(ConsultationMeasures.Asked, [units[0], units[6]], from, to, default);
            var onTime = await measures.ComputeAsync(ConsultationMeasures.AnsweredOnTime, [units[0], units[6]], from, to, default);
            Assert.True(asked[units[6]].Value >= 1);
            Assert.True(onTime[units[0]].Value >= 1);
            Assert.True(onTime[units[6]].Value < asked[units[6]].Value);
        }

        // A follow-up round on the revised draft keeps the first: same respondents by default.
        var round = await Commands("dieuphoi", On(24), out db).CreateAsync(coordinator, Input(title, [], "24/11/2026", "04/12/2026"), null, id);
        await db.DisposeAsync();
        Assert.True(round.IsOk, Errors(round));
        Assert.Equal(2, round.Value!.Round);
        await using (var rdb = fx.Context())
        {
            Assert.Equal(10, await rdb.ConsultationRespondents.CountAsync(r => r.ConsultationId == round.Value.Id));
            Assert.Equal(8, await rdb.ConsultationComments.CountAsync(c => c.ConsultationId == id && c.Handling != null));
            var rounds = await ConsultationQueries.RoundsAsync(rdb, round.Value, default);
            Assert.Equal([id, round.Value.Id], rounds.Select(r => r.Id));
        }

        var third = await Commands("dieuphoi", On(25), out db).CreateAsync(coordinator, Input(title, [], "25/11/2026", "04/12/2026"), null, id);
        await db.DisposeAsync();
        Assert.Contains("Đã có vòng lấy ý kiến tiếp theo", Errors(third), StringComparison.Ordinal);
    }

    [Fact]
    public async Task BadInput_IsRefused_WithEveryError_AndNothingSaved()
    {
        var coordinator = await fx.ScopeOfAsync("dieuphoi");
        var units = await UnitIdsAsync("80.STC", "80.STP");
        await using (var count = fx.Context())
        {
            var before = await count.Consultations.CountAsync();
            var empty = await Commands("dieuphoi", On(2), out var db).CreateAsync(coordinator, new ConsultationInput { SilenceRule = "", SentOn = "31/02/2026" }, null);
            await db.DisposeAsync();
            Assert.Equal(["DraftText", "DueOn", "RespondentUnitIds", "SentOn", "SilenceRule", "Subject", "Title"], empty.Errors.Keys.Order(StringComparer.Ordinal));

            // A draft that is not a DOCX.
            var pdf = await Commands("dieuphoi", On(2), out db).CreateAsync(coordinator, Input("Dự thảo", units), new UploadedFile("du-thao.pdf", TestPdf.WithText(new TestPdf.Line(72, 700, "Dự thảo"))));
            await db.DisposeAsync();
            Assert.Contains("DraftText", pdf.Errors.Keys); // both a file and pasted text
            var input = Input("Dự thảo", units);
            input.DraftText = null;
            var notDocx = await Commands("dieuphoi", On(2), out db).CreateAsync(coordinator, input, new UploadedFile("du-thao.pdf", TestPdf.WithText(new TestPdf.Line(72, 700, "Dự thảo"))));
            await db.DisposeAsync();
            Assert.Contains("Word (.docx)", string.Join(" ", notDocx.Errors["DraftFile"]), StringComparison.Ordinal);

            // The people of a commune: fewer than the clock's 20 days is refused with the earliest day.
            var people = Input("Dự thảo Quy chế", units);
            people.Audience = ConsultationAudience.CommunePeople;
            var tooShort = await Commands("dieuphoi", On(2), out db).CreateAsync(coordinator, people, null);
            await db.DisposeAsync();
            Assert.Contains("23/11/2026", tooShort.Errors["DueOn"][0], StringComparison.Ordinal);

            // A read-only user may not open one.
            var viewer = await Commands("xem", On(2), out db).CreateAsync(await fx.ScopeOfAsync("xem"), Input("x", units), null);
            await db.DisposeAsync();
            Assert.Equal(ResultStatus.Forbidden, viewer.Status);
            Assert.Equal(before, await count.Consultations.CountAsync());
        }

        var ok = await Commands("dieuphoi", On(2), out var d2).CreateAsync(coordinator, Input("Dự thảo Quy chế phối hợp " + SeededDatabaseFixture.NewCode(), units), null);
        await d2.DisposeAsync();
        Assert.True(ok.IsOk, Errors(ok));

        // A unit that is not a respondent; a comment on a paragraph that does not exist; agree and comment at once.
        var outsider = await Commands(null, On(5), out d2).AnswerAsync(await OfficerOfAsync("80.SYT"), ok.Value!.Id, new AnswerInput { Agrees = true, SignerName = "X" }, null);
        await d2.DisposeAsync();
        Assert.Equal(ResultStatus.NotFound, outsider.Status); // neither consulted nor above the drafting unit: it does not exist for it
        var officer = await OfficerOfAsync("80.STC");
        var bad = await Commands(null, On(5), out d2).AnswerAsync(officer, ok.Value.Id, new AnswerInput
        {
            SignerName = "", Comments = [new() { Paragraph = 99, Text = "Không có đoạn này" }, new() { Paragraph = 1, Text = "" }],
        }, new UploadedFile("a.png", [1, 2, 3]));
        await d2.DisposeAsync();
        Assert.Contains("dự thảo không có đoạn số 99", Errors(bad), StringComparison.Ordinal);
        Assert.Contains("SignerName", bad.Errors.Keys);
        Assert.Contains("File", bad.Errors.Keys);
        Assert.Contains("Comments[1]", bad.Errors.Keys);
        await using var check = fx.Context();
        Assert.False(await check.ConsultationAnswers.AnyAsync(a => a.ConsultationId == ok.Value.Id));
        Assert.All(await check.ConsultationRespondents.Where(r => r.ConsultationId == ok.Value.Id).ToListAsync(), r => Assert.Equal(RespondentState.Pending, r.State));
    }
}
