using DanVan.Domain.Dialogues;
using DanVan.Features.Calendar;
using DanVan.Features.Deadlines;
using DanVan.Features.Dialogues;
using DanVan.Features.FollowUp;
using DanVan.Infrastructure;
using DanVan.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;

namespace DanVan.Tests.Features.Dialogues;

/// <summary>
/// Issue 17, done-means (1) at the handler level on a real database and a fixed clock: a ward's yearly dialogue on the
/// statutory clock, four opinions of which two become commitments of two units, one done and one overdue in the
/// owner's digest, the results within their limit, the measures DT_*, the next dialogue opening with both.
/// </summary>
public class DialogueCommandTests(SeededDatabaseFixture fx) : IClassFixture<SeededDatabaseFixture>
{
    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    /// <summary>A day of November 2026 in Việt Nam, 10:00.</summary>
    private static FixedClock On(int day, int month = 11) => new(new DateTimeOffset(2026, month, day, 3, 0, 0, TimeSpan.Zero));

    private static string Date(int day, int month = 11) => $"{day:00}/{month:00}/2026";

    private DialogueCommands Commands(string actor, TimeProvider clock, out DanVan.Data.AppDbContext db)
    {
        db = fx.Context(actor);
        return new DialogueCommands(db, new StatutoryDeadlines(db, new CalendarCommands(db), clock), clock);
    }

    private static string Errors<T>(Result<T> r) => string.Join(" ", r.Errors.SelectMany(e => e.Value));

    private static DialogueInput Plan(string topic, string held, string? notice) => new()
    {
        Topic = topic, ChairName = "Nguyễn Văn Hùng, Chủ tịch UBND phường", Audience = DialogueAudience.Residents, HeldOn = held,
        Place = "Hội trường UBND phường Tân Ninh", CoOrganiser = "Ủy ban MTTQ Việt Nam phường Tân Ninh", NoticeOn = notice,
    };

    [Fact]
    public async Task AWardsYearlyDialogue_FromNoticeToCommitments_OnTheStatutoryClock()
    {
        // The demo dialogues are dated from the real today; this test runs in November 2026, so it starts without them.
        await using (var clean = fx.Context())
        {
            await clean.Dialogues.Where(d => d.Topic.Contains("dữ liệu minh họa")).ExecuteDeleteAsync();
        }

        var officer = await fx.ScopeOfAsync("canbo");
        var ward = await fx.UnitIdAsync("25459");
        var justice = await fx.UnitIdAsync("80.STP");
        var topic = "Đối thoại năm 2026 về chỉnh trang đô thị " + SeededDatabaseFixture.NewCode();

        // Friday 6/11: a notice for Wednesday 11/11 is 5 days ahead — refused, with the latest day and the article.
        var tooLate = await Commands("canbo", On(6), out var db).PlanAsync(officer, Plan(topic, Date(11), Date(6)));
        await db.DisposeAsync();
        Assert.Equal(ResultStatus.Invalid, tooLate.Status);
        Assert.Contains("chỉ trước ngày đối thoại 5 ngày", tooLate.Errors["NoticeOn"][0], StringComparison.Ordinal);
        Assert.Contains("04/11/2026", tooLate.Errors["NoticeOn"][0], StringComparison.Ordinal);
        Assert.Contains("Điều 43", tooLate.Errors["NoticeOn"][0], StringComparison.Ordinal);

        // All errors at once, nothing saved.
        var empty = await Commands("canbo", On(6), out db).PlanAsync(officer, new DialogueInput { NoticeOn = "31/02/2026" });
        await db.DisposeAsync();
        Assert.Equal(["Audience", "ChairName", "HeldOn", "NoticeOn", "Place", "Topic"], empty.Errors.Keys.Order(StringComparer.Ordinal));

        // 7 days ahead (Friday 13/11): accepted and announced.
        var planned = await Commands("canbo", On(6), out db).PlanAsync(officer, Plan(topic, Date(13), Date(6)));
        await db.DisposeAsync();
        Assert.True(planned.IsOk, Errors(planned));
        Assert.Equal(DialogueState.Announced, planned.Value!.State);
        var id = planned.Value.Id;

        // A record before the day is refused; on 13/11 it is written and the results' limit set (10 days: Monday 23/11).
        var early = await Commands("canbo", On(12), out db).RecordAsync(officer, id, new RecordInput { Attendees = 120, Summary = "x", Stamp = planned.Value.ConcurrencyStamp });
        await db.DisposeAsync();
        Assert.Equal(ResultStatus.Invalid, early.Status);
        var recorded = await Commands("canbo", On(13), out db).RecordAsync(officer, id, new RecordInput
        {
            Attendees = 120, Summary = "Chủ tịch UBND phường chủ trì; đại diện Ủy ban MTTQ, các tổ dân phố.", Stamp = planned.Value.ConcurrencyStamp,
        });
        await db.DisposeAsync();
        Assert.True(recorded.IsOk, Errors(recorded));
        Assert.Equal(new DateOnly(2026, 11, 23), recorded.Value!.ResultsDueOn);

        // A commitment without owner or deadline: both errors, nothing saved.
        var bad = await Commands("canbo", On(13), out db).AddOpinionAsync(officer, id, new OpinionInput { SpeakerName = "Ông A", Content = "Đèn đường", Field = "khac" });
        await db.DisposeAsync();
        Assert.Equal(["DueOn", "OwnerUnitId"], bad.Errors.Keys.Order(StringComparer.Ordinal));

        async Task Opinion(string speaker, string content, bool onSpot, int? owner = null, string? due = null)
        {
            var r = await Commands("canbo", On(13), out var d).AddOpinionAsync(officer, id, new OpinionInput
            {
                SpeakerName = speaker, Content = content, Field = "nha-o", AnsweredOnSpot = onSpot, Answer = onSpot ? "Đã trả lời tại hội nghị." : null,
                OwnerUnitId = owner, DueOn = due,
            });
            await d.DisposeAsync();
            Assert.True(r.IsOk, Errors(r));
        }

        await Opinion("Bà Trần Thị B, khu phố 1", "Thời gian cấp giấy phép xây dựng", true);
        await Opinion("Ông Lê Văn C, khu phố 2", "Lịch thu gom rác", true);
        await Opinion("Ông Phạm Văn D, khu phố 3", "Sửa đèn chiếu sáng hẻm 12 " + topic, false, ward, Date(20));
        await Opinion("Bà Võ Thị E, khu phố 4", "Hướng dẫn chứng thực hợp đồng " + topic, false, justice, Date(27));

        await using (var check = fx.Context())
        {
            Assert.Equal(4, await check.DialogueOpinions.CountAsync(o => o.DialogueId == id));
            Assert.Equal(2, await check.DialogueCommitments.CountAsync(c => c.DialogueId == id));
            Assert.True(await check.AuditEntries.AnyAsync(a => a.EntityType == nameof(DialogueCommitment) && a.UserName == "canbo"));
        }

        // Results on 20/11, within the limit.
        var stamp = (await fx.Context().Dialogues.AsNoTracking().SingleAsync(d => d.Id == id)).ConcurrencyStamp;
        var results = await Commands("canbo", On(20), out db).PublishResultsAsync(officer, id, new ResultsInput
        {
            PublishedOn = Date(20), Summary = "Tiếp thu 4 ý kiến; 2 ý kiến trả lời tại hội nghị, 2 ý kiến giao đơn vị giải quyết.", Stamp = stamp,
        });
        await db.DisposeAsync();
        Assert.True(results.IsOk, Errors(results));

        // 25/11: the ward's commitment is done (a note is required); the Sở Tư pháp's stays open.
        int wardCommitment;
        await using (var check = fx.Context())
        {
            wardCommitment = await check.DialogueCommitments.Where(c => c.DialogueId == id && c.OwnerUnitId == ward).Select(c => c.Id).SingleAsync();
        }

        var noNote = await Commands("canbo", On(25), out db).CompleteCommitmentAsync(officer, wardCommitment, new CommitmentDoneInput { DoneOn = Date(25) });
        await db.DisposeAsync();
        Assert.Contains("Note", noNote.Errors.Keys);
        var foreignCloser = await fx.ScopeOfAsync("xem");
        var refused = await Commands("xem", On(25), out db).CompleteCommitmentAsync(foreignCloser, wardCommitment, new CommitmentDoneInput { DoneOn = Date(25), Note = "x" });
        await db.DisposeAsync();
        Assert.NotEqual(ResultStatus.Ok, refused.Status);
        var done = await Commands("canbo", On(25), out db).CompleteCommitmentAsync(officer, wardCommitment, new CommitmentDoneInput { DoneOn = Date(25), Note = "Đã thay 6 bóng đèn." });
        await db.DisposeAsync();
        Assert.True(done.IsOk, Errors(done));

        // 30/11: the Sở Tư pháp's commitment is overdue and in its head's digest.
        await using (var digestDb = fx.Context())
        {
            var job = new DigestJob(digestDb, new NoEmail(), On(30), new ConfigurationBuilder().Build(), NullLogger<DigestJob>.Instance, [new DialogueFollowUp(digestDb)]);
            await job.RunAsync(new DateOnly(2026, 11, 30), "test");
            var head = await digestDb.Users.Where(u => u.UserName == "lanhdao").Select(u => u.Id).SingleAsync();
            var digest = await digestDb.Set<Notification>().AsNoTracking().SingleAsync(n => n.UserId == head && n.Day == new DateOnly(2026, 11, 30) && n.Source == Notification.DigestSource);
            Assert.Contains("Hướng dẫn chứng thực hợp đồng " + topic, digest.Body, StringComparison.Ordinal);
            Assert.DoesNotContain("Sửa đèn chiếu sáng hẻm 12 " + topic, digest.Body, StringComparison.Ordinal);
        }

        // Measures for the ward in November: 1 dialogue, 4 opinions, 3 answered or resolved.
        await using (var mdb = fx.Context())
        {
            var measures = new DialogueMeasures(mdb);
            var from = new DateOnly(2026, 11, 13);
            var to = new DateOnly(2026, 11, 30);
            Assert.Equal(1, (await measures.ComputeAsync(DialogueMeasures.Held, [ward], from, to, default))[ward].Value);
            Assert.Equal(4, (await measures.ComputeAsync(DialogueMeasures.Opinions, [ward], from, to, default))[ward].Value);
            var resolved = (await measures.ComputeAsync(DialogueMeasures.Resolved, [ward], from, to, default))[ward];
            Assert.Equal(3, resolved.Value);
            Assert.StartsWith("Theo dõi trên DanVan", resolved.Provenance, StringComparison.Ordinal);
        }

        // The next dialogue of the ward opens with the previous one's commitments: one done, one overdue.
        var next = await Commands("canbo", On(1, 12), out db).PlanAsync(officer, Plan("Đối thoại bổ sung " + topic, Date(28, 12), null));
        await db.DisposeAsync();
        Assert.True(next.IsOk, Errors(next));
        await using (var qdb = fx.Context())
        {
            var previous = await DialogueQueries.PreviousAsync(qdb, next.Value!, default);
            Assert.Equal(id, previous!.Id);
            var commitments = await qdb.DialogueCommitments.AsNoTracking().Where(c => c.DialogueId == previous.Id).ToRows(qdb).ToListAsync();
            Assert.Equal(2, commitments.Count);
            Assert.Contains(commitments, c => c.State == CommitmentState.Done && c.DoneNote == "Đã thay 6 bóng đèn.");
            Assert.Contains(commitments, c => DialogueRules.IsOverdue(c.State, c.DueOn, new DateOnly(2026, 12, 1)) && c.OwnerUnitId == justice);
        }
    }

    [Fact]
    public async Task Results_AfterTheirLimit_AreRefused_AndNothingIsSaved()
    {
        var officer = await fx.ScopeOfAsync("canbo");
        var topic = "Đối thoại với hộ kinh doanh " + SeededDatabaseFixture.NewCode();
        var planned = await Commands("canbo", On(2), out var db).PlanAsync(officer, Plan(topic, Date(10), Date(2)));
        await db.DisposeAsync();
        Assert.True(planned.IsOk, Errors(planned));
        var recorded = await Commands("canbo", On(10), out db).RecordAsync(officer, planned.Value!.Id, new RecordInput { Attendees = 40, Summary = "Hội nghị", Stamp = planned.Value.ConcurrencyStamp });
        await db.DisposeAsync();
        Assert.True(recorded.IsOk, Errors(recorded));

        // 10/11 + 10 days = Friday 20/11; on 24/11 a publication dated 23/11 is too late.
        var late = await Commands("canbo", On(24), out db).PublishResultsAsync(officer, planned.Value.Id, new ResultsInput { PublishedOn = Date(23), Summary = "Kết quả", Stamp = recorded.Value!.ConcurrencyStamp });
        await db.DisposeAsync();
        Assert.Contains("quá hạn công bố kết quả", late.Errors["PublishedOn"][0], StringComparison.Ordinal);
        Assert.Contains("20/11/2026", late.Errors["PublishedOn"][0], StringComparison.Ordinal);
        await using var check = fx.Context();
        Assert.Equal(DialogueState.Held, (await check.Dialogues.AsNoTracking().SingleAsync(d => d.Id == planned.Value.Id)).State);
    }

    [Fact]
    public async Task Writes_ForAnotherUnit_OrByReadOnlyUsers_AreRefused()
    {
        var viewer = await fx.ScopeOfAsync("xem");
        var r = await Commands("xem", On(2), out var db).PlanAsync(viewer, Plan("Không được", Date(20), null));
        await db.DisposeAsync();
        Assert.Equal(ResultStatus.Forbidden, r.Status);
    }
}
