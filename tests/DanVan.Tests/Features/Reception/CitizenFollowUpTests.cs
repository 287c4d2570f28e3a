using DanVan.Features.Cases;
using DanVan.Features.FollowUp;
using DanVan.Features.Reception;
using DanVan.Infrastructure;
using DanVan.Testing;
using DanVan.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;

namespace DanVan.Tests.Features.Reception;

/// <summary>Cases due or overdue and the coming receptions reach the ward's staff in the daily digest, through the follow-up extension point.</summary>
public class CitizenFollowUpTests(SeededDatabaseFixture fx) : IClassFixture<SeededDatabaseFixture>
{

    [Fact]
    public async Task TheDigest_NamesTheOverdueCaseByCode_AndTheComingReception_WithoutTheSender()
    {
        // The demo (seeded on today's clock) has a complaint accepted 36 days ago (30 days to resolve) and Thursday receptions ahead.
        var today = VietnamClock.Today(TimeProvider.System);
        await using var db = fx.Context();
        var overdue = await db.Cases.AsNoTracking().Where(c => c.ClosedOn == null && c.DueOn < today && c.SenderName == "Trần Thị Mai").SingleAsync();
        await using (var wdb = fx.Context("canbo"))
        {
            var scheduled = await new ReceptionCommands(wdb, TimeProvider.System).ScheduleAsync(await fx.ScopeOfAsync("canbo"), new ReceptionScheduleInput
            {
                On = DanVan.Domain.Text.VietnameseText.FormatDate(today.AddDays(3)), Kind = DanVan.Domain.Reception.ReceptionKind.Routine,
                Place = "Bộ phận tiếp công dân phường", HostName = "Phạm Thị Lan", HostPost = "Công chức tiếp công dân",
            });
            Assert.True(scheduled.IsOk);
        }

        var job = new DigestJob(db, new NoEmail(), new FakeClock(TimeProvider.System.GetUtcNow()), new ConfigurationBuilder().Build(), NullLogger<DigestJob>.Instance,
            [new CaseFollowUp(db), new ReceptionFollowUp(db)]);
        await job.RunAsync(today, "test");

        var officer = await db.Users.Where(u => u.UserName == "canbo").Select(u => u.Id).SingleAsync();
        var digest = await db.Set<Notification>().AsNoTracking().SingleAsync(n => n.UserId == officer && n.Day == today && n.Source == Notification.DigestSource);
        Assert.Contains($"Đơn {overdue.Code} (khiếu nại): hạn giải quyết", digest.Body, StringComparison.Ordinal);
        Assert.Contains($"Tiếp công dân thường xuyên ngày {DanVan.Domain.Text.VietnameseText.FormatDate(today.AddDays(3))} (Công chức tiếp công dân): tiếp và ghi sổ", digest.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("Trần Thị Mai", digest.Body, StringComparison.Ordinal);
        Assert.DoesNotContain(overdue.Summary, digest.Body, StringComparison.Ordinal);

        // The home page's share: the ward's own items only.
        var mine = await new CaseFollowUp(db).OpenAsync(today.AddDays(7), [overdue.UnitId], CancellationToken.None);
        Assert.Contains(mine, i => i.Link == $"/Cases/Details/{overdue.Id}");
        Assert.Empty(await new CaseFollowUp(db).OpenAsync(today.AddDays(7), [await fx.UnitIdAsync("80.STC")], CancellationToken.None));
    }
}
