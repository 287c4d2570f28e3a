using System.Text;
using DanVan.Data;
using DanVan.Domain.Access;
using DanVan.Domain.WorkItems;
using DanVan.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Features.FollowUp;

/// <summary>
/// The daily follow-up (đôn đốc): one digest per person per day, in the app and by e-mail, of what falls due soon
/// and what is overdue; nothing when there is nothing. A lease in the database lets one instance run it; a unique
/// index on (user, day) makes each digest exist once even if two runs overlap.
/// </summary>
public sealed class DigestJob(
    AppDbContext db, IEmailSender email, TimeProvider clock, IConfiguration configuration, ILogger<DigestJob> logger, IEnumerable<IFollowUpSource>? sources = null)
{
    public const string LeaseName = "follow-up-digest";

    public sealed record Outcome(bool Ran, int Digests, int Emails);

    public FollowUpSettings Settings => new(
        (configuration["FollowUp:RemindDaysBefore"] ?? "7,3,1").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(s => int.TryParse(s, System.Globalization.CultureInfo.InvariantCulture, out var d) ? d : -1).Where(d => d >= 0).ToList(),
        configuration.GetValue("FollowUp:EscalateAfterDays", 3));

    public async Task<Outcome> RunAsync(DateOnly today, string holder, CancellationToken ct = default)
    {
        if (!await TryAcquireAsync(today, holder, ct))
        {
            return new Outcome(false, 0, 0);
        }

        var settings = Settings;
        var horizon = today.AddDays(settings.RemindDaysBefore.DefaultIfEmpty(0).Max());
        var deadlines = await (from d in db.WorkItemDeadlines.AsNoTracking()
                               where d.CompletedOn == null && d.DueOn <= horizon
                               join w in db.WorkItems on d.WorkItemId equals w.Id
                               join u in db.OrgUnits on d.LeadUnitId equals u.Id
                               // A reported completion is not done until confirmed: still reminded, said to be waiting (ADR-013).
                               select new DigestDeadline(d.Id, d.ReportedCompletedOn == null ? w.Title : w.Title + " (đã báo cáo hoàn thành, chờ xác nhận)", u.Id, u.Name, d.DueOn)).ToListAsync(ct);

        // Periodic reports not yet submitted (or returned for correction) are followed up the same way.
        deadlines.AddRange(await (from s in db.ReportSubmissions.AsNoTracking()
                                  join p in db.ReportPeriods on s.PeriodId equals p.Id
                                  join u in db.OrgUnits on s.UnitId equals u.Id
                                  let due = s.OwnDueOn != null && s.OwnDueOn > p.DueOn ? s.OwnDueOn.Value : p.DueOn // the unit's effective due date
                                  where p.ClosedAtUtc == null && due <= horizon
                                        && (s.Status == Domain.Reports.SubmissionStatus.Pending || s.Status == Domain.Reports.SubmissionStatus.Returned)
                                  select new DigestDeadline(-s.Id, "Báo cáo " + p.Label, u.Id, u.Name, due)).ToListAsync(ct));
        // Every other capability's items through the follow-up extension point (dialogue commitments…).
        foreach (var source in sources ?? [])
        {
            deadlines.AddRange((await source.OpenAsync(horizon, null, ct)).Select(i => new DigestDeadline(0, i.Title, i.UnitId, i.UnitName, i.DueOn)));
        }

        var unitIds = deadlines.Select(d => d.LeadUnitId).Distinct().ToList();
        var staff = await (from user in db.Users.AsNoTracking()
                           where unitIds.Contains(user.OrgUnitId)
                           join ur in db.UserRoles on user.Id equals ur.UserId
                           join r in db.Roles on ur.RoleId equals r.Id
                           where r.Name == Roles.UnitOfficer || r.Name == Roles.UnitHead
                           select new { user.Id, user.OrgUnitId, user.Email, user.LockoutEnd, IsHead = r.Name == Roles.UnitHead }).ToListAsync(ct);
        // Locked accounts get nothing (SQLite cannot compare DateTimeOffset in SQL: filtered here).
        var nowOffset = clock.GetUtcNow();
        staff = staff.Where(s => s.LockoutEnd is null || s.LockoutEnd < nowOffset).ToList();
        var plan = DigestPlanner.Plan(today, deadlines, staff.Select(s => new DigestPlanner.Recipient(s.Id, s.OrgUnitId, s.IsHead)).ToList(), settings);

        var already = (await db.Set<Notification>().AsNoTracking().Where(n => n.Day == today && n.Source == Notification.DigestSource).Select(n => n.UserId).ToListAsync(ct)).ToHashSet();
        var now = clock.GetUtcNow().UtcDateTime;
        var created = plan.Where(p => !already.Contains(p.Key)).Select(p => new Notification
        {
            UserId = p.Key,
            Day = today,
            Title = $"Đôn đốc nhiệm vụ ngày {today:dd/MM/yyyy}: {p.Value.Count(l => l.Reason != DigestReason.DueSoon)} quá hạn, {p.Value.Count(l => l.Reason == DigestReason.DueSoon)} sắp đến hạn",
            Body = Body(p.Value),
            CreatedAtUtc = now,
        }).ToList();
        db.Set<Notification>().AddRange(created);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex)
        {
            // Another run wrote some of today's digests first: the unique index kept them single. Nothing to add.
            logger.LogWarning(ex, "Digest insert raced with another run for {Day}", today);
            db.ChangeTracker.Clear();
            created = [];
        }

        var emails = 0;
        if (email.Enabled && created.Count > 0)
        {
            var addresses = staff.Where(s => s.Email is not null).GroupBy(s => s.Id).ToDictionary(g => g.Key, g => g.First().Email!);
            foreach (var n in created.Where(n => addresses.ContainsKey(n.UserId)))
            {
                try
                {
                    await email.SendAsync(addresses[n.UserId], n.Title, n.Body, ct);
                    n.Emailed = true;
                    emails++;
                }
                catch (Exception ex) when (ex is System.Net.Mail.SmtpException or InvalidOperationException or IOException)
                {
                    logger.LogWarning(ex, "Digest e-mail to user {UserId} failed", n.UserId);
                }
            }

            await db.SaveChangesAsync(ct);
        }

        await db.Set<JobLease>().Where(l => l.Name == LeaseName)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.LastCompletedDay, today).SetProperty(l => l.ExpiresAtUtc, now), ct);
        logger.LogInformation("Follow-up digest for {Day}: {Digests} digests, {Emails} e-mails", today, created.Count, emails);
        return new Outcome(true, created.Count, emails);
    }

    /// <summary>Takes the lease when it is free and today's run is not done: one atomic UPDATE, on both engines.</summary>
    private async Task<bool> TryAcquireAsync(DateOnly today, string holder, CancellationToken ct)
    {
        var leases = db.Set<JobLease>();
        if (!await leases.AnyAsync(l => l.Name == LeaseName, ct))
        {
            leases.Add(new JobLease { Name = LeaseName, ExpiresAtUtc = DateTime.MinValue.ToUniversalTime() });
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                db.ChangeTracker.Clear(); // created by another instance at the same moment
            }
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var until = now.AddMinutes(30);
        var taken = await leases
            .Where(l => l.Name == LeaseName && l.ExpiresAtUtc < now && (l.LastCompletedDay == null || l.LastCompletedDay < today))
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.Holder, holder).SetProperty(l => l.ExpiresAtUtc, until), ct);
        return taken == 1;
    }

    private static string Body(List<DigestLine> lines)
    {
        var sb = new StringBuilder();
        foreach (var group in lines.GroupBy(l => l.Reason).OrderByDescending(g => g.Key))
        {
            sb.AppendLine(group.Key switch
            {
                DigestReason.Escalated => "Quá hạn lâu, báo lãnh đạo:",
                DigestReason.Overdue => "Quá hạn chưa hoàn thành:",
                _ => "Sắp đến hạn:",
            });
            foreach (var l in group)
            {
                sb.Append("- ").Append(l.Deadline.Title).Append(" — ").Append(l.Deadline.LeadUnitName).Append(": ")
                    .AppendLine(DigestPlanner.Describe(l));
            }
        }

        return sb.ToString().TrimEnd();
    }
}

/// <summary>The timer shell: checks every few minutes whether today's digest is due (after FollowUp:RunAtHour, Việt Nam time).</summary>
public sealed class FollowUpService(IServiceScopeFactory scopes, TimeProvider clock, IConfiguration configuration, ILogger<FollowUpService> logger) : BackgroundService
{
    private readonly string holder = Environment.MachineName + ":" + Environment.ProcessId;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!configuration.GetValue("FollowUp:Enabled", true))
        {
            return;
        }

        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(configuration.GetValue("FollowUp:CheckMinutes", 15)), clock);
        do
        {
            try
            {
                var local = VietnamClock.ToLocal(clock.GetUtcNow().UtcDateTime);
                if (local.Hour >= configuration.GetValue("FollowUp:RunAtHour", 7))
                {
                    using var scope = scopes.CreateScope();
                    await scope.ServiceProvider.GetRequiredService<DigestJob>().RunAsync(DateOnly.FromDateTime(local), holder, stoppingToken);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Follow-up digest failed; will retry at the next check");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
