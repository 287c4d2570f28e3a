using DanVan.Domain.WorkItems;
using DanVan.Features.FollowUp;
using DanVan.Testing;
using DanVan.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;

namespace DanVan.Tests.Features.Tasks;

/// <summary>The daily digest against a real database: once per person per day, even with two instances.</summary>
public class DigestJobTests : IAsyncLifetime
{
    private static readonly DateOnly Today = new(2026, 6, 10);
    private TestDatabase database = null!;

    private sealed class FixedClock : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(2026, 6, 10, 1, 0, 0, TimeSpan.Zero); // 08:00 in Việt Nam
    }

    private sealed class RecordingEmail(bool enabled) : IEmailSender
    {
        public List<(string To, string Subject)> Sent { get; } = [];

        public bool Enabled => enabled;

        public Task SendAsync(string to, string subject, string body, CancellationToken ct)
        {
            lock (Sent)
            {
                Sent.Add((to, subject));
            }

            return Task.CompletedTask;
        }
    }

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateSeededAsync();

        // The demo tasks are dated from the real today; these tests run on a fixed day, so they start without them.
        await using var db = database.CreateContext();
        await db.WorkItems.ExecuteDeleteAsync();
    }

    public async Task DisposeAsync() => await database.DisposeAsync();

    private DigestJob Job(DanVan.Data.AppDbContext db, IEmailSender email) =>
        new(db, email, new FixedClock(), new ConfigurationBuilder().Build(), NullLogger<DigestJob>.Instance);

    private async Task<int> ArrangeAsync(string unitCode, int daysFromToday, string title)
    {
        await using var db = database.CreateContext();
        var unit = await db.OrgUnits.SingleAsync(u => u.Code == unitCode);
        var item = new WorkItem
        {
            Title = title, AssignedByUnitId = unit.ParentId!.Value, LeadUnitId = unit.Id, Recurrence = RecurrenceKind.Once,
            PeriodStart = Today.AddDays(-60), PeriodEnd = Today.AddDays(daysFromToday), CreatedAtUtc = new DateTime(2026, 4, 1, 0, 0, 0, DateTimeKind.Utc), SearchText = "x",
        };
        db.WorkItems.Add(item);
        await db.SaveChangesAsync();
        db.WorkItemDeadlines.Add(new WorkItemDeadline { WorkItemId = item.Id, LeadUnitId = unit.Id, AssignedByUnitId = item.AssignedByUnitId, DueOn = Today.AddDays(daysFromToday), OriginalDueOn = Today.AddDays(daysFromToday), LastUpdatedAtUtc = item.CreatedAtUtc });
        await db.SaveChangesAsync();
        return unit.Id;
    }

    [Fact]
    public async Task TheDigest_ReachesTheOfficerOnceADay_InTheAppAndByMail()
    {
        await ArrangeAsync("25459", 3, "Báo cáo sơ kết mô hình Dân vận khéo");
        await ArrangeAsync("25459", 20, "Việc còn xa");
        var email = new RecordingEmail(enabled: true);
        await using (var db = database.CreateContext())
        {
            var outcome = await Job(db, email).RunAsync(Today, "test");
            Assert.True(outcome.Ran);
            Assert.Equal(1, outcome.Digests);
        }

        await using (var db = database.CreateContext())
        {
            var officerId = await db.Users.Where(u => u.UserName == "canbo").Select(u => u.Id).SingleAsync();
            var digest = await db.Set<Notification>().SingleAsync(n => n.UserId == officerId && n.Source == Notification.DigestSource);
            Assert.Contains("Báo cáo sơ kết mô hình Dân vận khéo", digest.Body, StringComparison.Ordinal);
            Assert.Contains("còn 3 ngày (hạn 13/06/2026)", digest.Body, StringComparison.Ordinal);
            Assert.DoesNotContain("Việc còn xa", digest.Body, StringComparison.Ordinal);
            Assert.True(digest.Emailed);
            Assert.Equal("canbo@danvan.local", email.Sent.Single().To);

            // Run again the same day: nothing more.
            var again = await Job(db, email).RunAsync(Today, "test");
            Assert.False(again.Ran);
            Assert.Equal(1, await db.Set<Notification>().CountAsync(n => n.Source == Notification.DigestSource));
        }
    }

    [Fact]
    public async Task TwoInstancesAtOnce_SendEachDigestOnce()
    {
        await ArrangeAsync("25459", 1, "Nộp báo cáo 6 tháng");
        await ArrangeAsync("80.STP.VP", -5, "Báo cáo quá hạn của văn phòng");
        var email = new RecordingEmail(enabled: true);
        await using var db1 = database.CreateContext();
        await using var db2 = database.CreateContext();
        var runs = await Task.WhenAll(Job(db1, email).RunAsync(Today, "a"), Job(db2, email).RunAsync(Today, "b"));
        Assert.Single(runs, r => r.Ran);
        await using var check = database.CreateContext();
        var perUser = await check.Set<Notification>().Where(n => n.Source == Notification.DigestSource).GroupBy(n => n.UserId).Select(g => g.Count()).ToListAsync();
        Assert.All(perUser, c => Assert.Equal(1, c));
        Assert.Equal(perUser.Count, email.Sent.Count);
        Assert.Equal(email.Sent.Count, email.Sent.Select(s => s.To).Distinct().Count());
    }

    [Fact]
    public async Task NothingDue_NoDigest_AndMailOffByDefault()
    {
        await ArrangeAsync("25459", 15, "Không nhắc hôm nay");
        var email = new RecordingEmail(enabled: false);
        await using var db = database.CreateContext();
        var outcome = await Job(db, email).RunAsync(Today, "test");
        Assert.True(outcome.Ran);
        Assert.Equal(0, outcome.Digests);
        Assert.Empty(email.Sent);
        Assert.Equal(0, await db.Set<Notification>().CountAsync(n => n.Source == Notification.DigestSource));
    }
}
