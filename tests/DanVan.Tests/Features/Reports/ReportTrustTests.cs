using DanVan.Data;
using DanVan.Domain.Reports;
using DanVan.Features.Calendar;
using DanVan.Features.FollowUp;
using DanVan.Features.Reports;
using DanVan.Infrastructure;
using DanVan.Testing;
using DanVan.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Tests.Features.Reports;

/// <summary>
/// Issue 12 on each engine: required items and empty reports, the head's approval before the receiving unit, a period's
/// own due date and its extensions (for all, for one unit), reminders to units that have not submitted.
/// </summary>
public class ReportTrustTests(SeededDatabaseFixture fx) : IClassFixture<SeededDatabaseFixture>
{
    private static readonly FakeClock Clock = new(new DateTimeOffset(2026, 12, 1, 23, 0, 0, TimeSpan.Zero)); // 02/12/2026 in Việt Nam

    private static readonly DateOnly Today = new(2026, 12, 2);

    private static ReportCommands Commands(AppDbContext db) => new(db, new CalendarCommands(db), TestMeasures.All(db), Clock);

    private async Task<int> RegimeAsync()
    {
        await using var db = fx.Context();
        return await db.ReportRegimes.Where(r => r.Code == DefaultRegime.Code).Select(r => r.Id).SingleAsync();
    }

    private async Task<ReportPeriod> OpenAsync(ReportPeriodKind kind, int year, DateOnly? due)
    {
        await using var db = fx.Context("dieuphoi");
        var opened = await Commands(db).OpenAsync(await fx.ScopeOfAsync("dieuphoi"), new OpenPeriodCommand(await RegimeAsync(), kind, year, DueOn: due));
        Assert.True(opened.IsOk, string.Join("; ", opened.Errors.SelectMany(e => e.Value)));
        return opened.Value!;
    }

    private async Task<ReportSubmission> SlotAsync(int periodId, string unitCode)
    {
        await using var db = fx.Context();
        var unitId = await fx.UnitIdAsync(unitCode);
        return await db.ReportSubmissions.AsNoTracking().SingleAsync(s => s.PeriodId == periodId && s.UnitId == unitId);
    }

    private async Task<SaveReportCommand> CompleteAsync(ReportSubmission slot, bool submit = true)
    {
        await using var db = fx.Context();
        var regime = await RegimeAsync();
        var indicators = await db.ReportIndicators.Where(i => i.RegimeId == regime).ToDictionaryAsync(i => i.Code, i => i.Id);
        var sections = await db.ReportSections.Where(i => i.RegimeId == regime).ToDictionaryAsync(i => i.Code, i => i.Id);
        return new SaveReportCommand(slot.Id, slot.ConcurrencyStamp,
            new Dictionary<int, string?> { [indicators["TCD_DINHKY"]] = "6", [indicators["DON_NHAN"]] = "4", [indicators["DT_CUOC"]] = "2" },
            new Dictionary<int, string?> { [indicators["DT_CUOC"]] = "Đối thoại tổ chức trước khi dùng DanVan (dữ liệu thử)." },
            new Dictionary<int, string?> { [sections["I"]] = "Tình hình ổn định.", [sections["III"]] = "Hoàn thành kế hoạch." }, submit);
    }

    [Fact]
    public async Task An_empty_report_is_refused_naming_every_missing_item_and_nothing_is_saved()
    {
        var period = await OpenAsync(ReportPeriodKind.Year, 2025, new DateOnly(2026, 12, 20));
        var slot = await SlotAsync(period.Id, "25459");
        await using var db = fx.Context("canbo");
        var empty = await Commands(db).SaveAsync(await fx.ScopeOfAsync("canbo"),
            new SaveReportCommand(slot.Id, slot.ConcurrencyStamp, new Dictionary<int, string?>(), new Dictionary<int, string?>(), new Dictionary<int, string?>(), true));
        Assert.Equal(ResultStatus.Invalid, empty.Status);
        var summary = empty.Errors[""];
        Assert.Contains(summary, m => m.StartsWith("Báo cáo trống", StringComparison.Ordinal));
        Assert.Contains(summary, m => m.Contains("3 chỉ tiêu bắt buộc", StringComparison.Ordinal) && m.Contains("Buổi tiếp công dân định kỳ", StringComparison.Ordinal)
            && m.Contains("Đơn khiếu nại, tố cáo", StringComparison.Ordinal) && m.Contains("Cuộc đối thoại với Nhân dân", StringComparison.Ordinal));
        Assert.Contains(summary, m => m.Contains("2 phần bắt buộc của đề cương: I. Đặc điểm, tình hình; III. Đánh giá chung", StringComparison.Ordinal));
        await using var check = fx.Context();
        Assert.Equal(SubmissionStatus.Pending, (await check.ReportSubmissions.SingleAsync(s => s.Id == slot.Id)).Status);
        Assert.False(await check.ReportVersions.AnyAsync(v => v.SubmissionId == slot.Id));

        var complete = await Commands(db).SaveAsync(await fx.ScopeOfAsync("canbo"), await CompleteAsync(slot));
        Assert.True(complete.IsOk, string.Join("; ", complete.Errors.SelectMany(e => e.Value)));
        Assert.Equal(SubmissionStatus.Submitted, complete.Value!.Status); // the default regime has no approval step
    }

    [Fact]
    public async Task A_period_opened_after_its_regime_due_date_needs_its_own_and_keeps_it()
    {
        await using var db = fx.Context("dieuphoi");
        var coordinator = await fx.ScopeOfAsync("dieuphoi");
        var regime = await RegimeAsync();
        var refused = await Commands(db).OpenAsync(coordinator, new OpenPeriodCommand(regime, ReportPeriodKind.Year, 2026)); // due 16/11/2026 by the regime
        Assert.Contains("16/11/2026", refused.Errors["DueOn"].Single(), StringComparison.Ordinal);
        var past = await Commands(db).OpenAsync(coordinator, new OpenPeriodCommand(regime, ReportPeriodKind.Year, 2026, DueOn: new DateOnly(2026, 12, 1)));
        Assert.Contains("đã qua", past.Errors["DueOn"].Single(), StringComparison.Ordinal);
        await using var check = fx.Context();
        Assert.False(await check.ReportPeriods.AnyAsync(p => p.Year == 2026 && p.Kind == ReportPeriodKind.Year));

        var period = await OpenAsync(ReportPeriodKind.Year, 2026, new DateOnly(2026, 12, 18));
        Assert.Equal(new DateOnly(2026, 12, 18), period.DueOn);
        await using var q = fx.Context();
        var (rows, _) = await new ReportQueries(q, Clock).SlotsAsync(coordinator, period, null, null, 1, 200, CancellationToken.None);
        Assert.DoesNotContain(rows, r => r.Late); // nobody is late on the day it opens
    }

    [Fact]
    public async Task Extensions_for_one_unit_and_for_all_move_lateness_and_keep_their_history()
    {
        var period = await OpenAsync(ReportPeriodKind.FirstHalf, 2026, Today.AddDays(2));
        var coordinator = await fx.ScopeOfAsync("dieuphoi");
        var ward = await SlotAsync(period.Id, "25459");
        await using (var db = fx.Context("dieuphoi"))
        {
            var noReason = await Commands(db).ExtendAsync(coordinator, new ExtendDueCommand(period.Id, ward.Id, Today.AddDays(10), " "));
            Assert.Contains("lý do", noReason.Errors["Reason"].Single(), StringComparison.Ordinal);
            var earlier = await Commands(db).ExtendAsync(coordinator, new ExtendDueCommand(period.Id, ward.Id, Today.AddDays(1), "Mất điện"));
            Assert.Contains("sau hạn hiện tại", earlier.Errors["DueOn"].Single(), StringComparison.Ordinal);
            Assert.Equal(ResultStatus.Forbidden, (await Commands(db).ExtendAsync(await fx.ScopeOfAsync("thamdinh"), new ExtendDueCommand(period.Id, ward.Id, Today.AddDays(10), "x"))).Status);
            Assert.Equal(ResultStatus.Forbidden, (await Commands(db).ExtendAsync(await fx.ScopeOfAsync("canbo"), new ExtendDueCommand(period.Id, null, Today.AddDays(10), "x"))).Status);
            var one = await Commands(db).ExtendAsync(coordinator, new ExtendDueCommand(period.Id, ward.Id, Today.AddDays(10), "Phường bị ngập do mưa lớn"));
            Assert.True(one.IsOk, string.Join("; ", one.Errors.SelectMany(e => e.Value)));
        }

        // Five days on: the period's due date has passed for everyone but the ward.
        var later = new FakeClock(new DateTimeOffset(2026, 12, 6, 23, 0, 0, TimeSpan.Zero));
        await using (var q = fx.Context())
        {
            var stored = await q.ReportPeriods.AsNoTracking().SingleAsync(p => p.Id == period.Id);
            var (rows, _) = await new ReportQueries(q, later).SlotsAsync(coordinator, stored, null, null, 1, 500, CancellationToken.None);
            Assert.False(rows.Single(r => r.SubmissionId == ward.Id).Late);
            Assert.True(rows.Single(r => r.UnitName.StartsWith("Sở Tài chính", StringComparison.Ordinal)).Late);
        }

        await using (var db = fx.Context("dieuphoi"))
        {
            var all = await Commands(db).ExtendAsync(coordinator, new ExtendDueCommand(period.Id, null, Today.AddDays(15), "Ủy ban nhân dân tỉnh cho lùi hạn"));
            Assert.True(all.IsOk);
        }

        await using var check = fx.Context();
        Assert.Equal(Today.AddDays(15), (await check.ReportPeriods.SingleAsync(p => p.Id == period.Id)).DueOn);
        var history = await check.ReportDueChanges.Where(c => c.PeriodId == period.Id).OrderBy(c => c.Id).ToListAsync();
        Assert.Equal(new (int?, DateOnly, DateOnly)[] { (ward.Id, Today.AddDays(2), Today.AddDays(10)), (null, Today.AddDays(2), Today.AddDays(15)) },
            history.Select(h => (h.SubmissionId, h.PreviousDueOn, h.NewDueOn)));
        Assert.True(await check.AuditEntries.AnyAsync(a => a.EntityType == nameof(ReportDueChange)));
        Assert.Equal(Today.AddDays(15), ReportDueDates.Effective(Today.AddDays(15), (await check.ReportSubmissions.SingleAsync(s => s.Id == ward.Id)).OwnDueOn));
    }

    [Fact]
    public async Task With_head_approval_an_officers_report_reaches_the_province_only_after_the_head_approves()
    {
        var regime = await RegimeAsync();
        await using (var db = fx.Context("admin"))
        {
            var set = await new ReportRegimeCommands(db).SetRequirementsAsync(await fx.ScopeOfAsync("admin"), regime, true, ["TCD_DINHKY", "DON_NHAN", "DT_CUOC"], ["I", "III"]);
            Assert.True(set.IsOk);
            Assert.Equal(ResultStatus.Forbidden, (await new ReportRegimeCommands(db).SetRequirementsAsync(await fx.ScopeOfAsync("dieuphoi"), regime, false, [], [])).Status);
        }

        try
        {
            var period = await OpenAsync(ReportPeriodKind.FirstHalf, 2025, new DateOnly(2026, 12, 20));
            var slot = await SlotAsync(period.Id, "25459");
            await using (var db = fx.Context("canbo"))
            {
                var submitted = await Commands(db).SaveAsync(await fx.ScopeOfAsync("canbo"), await CompleteAsync(slot));
                Assert.True(submitted.IsOk, string.Join("; ", submitted.Errors.SelectMany(e => e.Value)));
                Assert.Equal(SubmissionStatus.AwaitingApproval, submitted.Value!.Status);
            }

            slot = await SlotAsync(period.Id, "25459");
            await using (var db = fx.Context())
            {
                var headId = await db.Users.Where(u => u.UserName == "lanhdaophuong").Select(u => u.Id).SingleAsync();
                var note = await db.Set<Notification>().SingleAsync(n => n.UserId == headId && n.Source == $"report-approval:{slot.Id}:1");
                Assert.Contains("chờ duyệt", note.Title, StringComparison.Ordinal);
                Assert.Equal($"/Reports/Submission/{slot.Id}", note.Link);
                var province = await db.OrgUnits.SingleAsync(u => u.Code == "80");
                var stored = await db.ReportPeriods.SingleAsync(p => p.Id == period.Id);
                Assert.Equal(0, (await new ReportQueries(db, Clock).RollupAsync(stored, province, CancellationToken.None)).Reports); // not at the province yet
            }

            await using (var db = fx.Context("dieuphoi"))
            {
                Assert.Equal(ResultStatus.Invalid, (await Commands(db).DecideAsync(await fx.ScopeOfAsync("dieuphoi"), slot.Id, true, null, slot.ConcurrencyStamp)).Status);
                Assert.Equal(ResultStatus.Forbidden, (await Commands(db).ApproveAsync(await fx.ScopeOfAsync("lanhdao"), slot.Id, true, null, slot.ConcurrencyStamp)).Status); // another unit's head
                Assert.Equal(ResultStatus.Forbidden, (await Commands(db).ApproveAsync(await fx.ScopeOfAsync("dieuphoi"), slot.Id, true, null, slot.ConcurrencyStamp)).Status);
                Assert.Equal(ResultStatus.Forbidden, (await Commands(db).ApproveAsync(await fx.ScopeOfAsync("canbo"), slot.Id, true, null, slot.ConcurrencyStamp)).Status);
            }

            var head = await fx.ScopeOfAsync("lanhdaophuong");
            await using (var db = fx.Context("lanhdaophuong"))
            {
                var noReason = await Commands(db).ApproveAsync(head, slot.Id, false, "  ", slot.ConcurrencyStamp);
                Assert.Contains("lý do trả lại", noReason.Errors["Comment"].Single(), StringComparison.Ordinal);
                Assert.True((await Commands(db).ApproveAsync(head, slot.Id, false, "Bổ sung kết quả đối thoại tháng 5", slot.ConcurrencyStamp)).IsOk);
            }

            slot = await SlotAsync(period.Id, "25459");
            Assert.Equal((SubmissionStatus.Returned, "Bổ sung kết quả đối thoại tháng 5"), (slot.Status, slot.ReturnComment));
            await using (var db = fx.Context("canbo"))
            {
                Assert.Equal(SubmissionStatus.AwaitingApproval, (await Commands(db).SaveAsync(await fx.ScopeOfAsync("canbo"), await CompleteAsync(slot))).Value!.Status);
            }

            slot = await SlotAsync(period.Id, "25459");
            await using (var db = fx.Context("lanhdaophuong"))
            {
                var approved = await Commands(db).ApproveAsync(head, slot.Id, true, null, slot.ConcurrencyStamp);
                Assert.Equal(SubmissionStatus.Submitted, approved.Value!.Status);
            }

            slot = await SlotAsync(period.Id, "25459");
            Assert.Equal("lanhdaophuong", slot.ApprovedBy);
            await using (var db = fx.Context("dieuphoi"))
            {
                Assert.True((await Commands(db).DecideAsync(await fx.ScopeOfAsync("dieuphoi"), slot.Id, true, null, slot.ConcurrencyStamp)).IsOk);
                var versions = await db.ReportVersions.Where(v => v.SubmissionId == slot.Id).OrderBy(v => v.Version).ToListAsync();
                Assert.Equal(new (SubmissionStatus, string?, string?)[] { (SubmissionStatus.Returned, "lanhdaophuong", null), (SubmissionStatus.Accepted, "dieuphoi", "lanhdaophuong") },
                    versions.Select(v => (v.Decision!.Value, v.DecidedBy, v.ApprovedBy)));
            }

            // A head's own report needs nobody's approval.
            var stp = await SlotAsync(period.Id, "80.STP");
            await using (var db = fx.Context("lanhdao"))
            {
                Assert.Equal(SubmissionStatus.Submitted, (await Commands(db).SaveAsync(await fx.ScopeOfAsync("lanhdao"), await CompleteAsync(stp))).Value!.Status);
            }
        }
        finally
        {
            await using var db = fx.Context("admin");
            await new ReportRegimeCommands(db).SetRequirementsAsync(await fx.ScopeOfAsync("admin"), regime, false, ["TCD_DINHKY", "DON_NHAN", "DT_CUOC"], ["I", "III"]);
        }
    }

    [Fact]
    public async Task A_reminder_reaches_every_unit_that_has_not_submitted_and_is_recorded()
    {
        var period = await OpenAsync(ReportPeriodKind.Year, 2024, new DateOnly(2026, 12, 21));
        var stp = await SlotAsync(period.Id, "80.STP");
        await using (var db = fx.Context("lanhdao"))
        {
            Assert.True((await Commands(db).SaveAsync(await fx.ScopeOfAsync("lanhdao"), await CompleteAsync(stp))).IsOk);
        }

        await using (var db = fx.Context("canbo"))
        {
            Assert.Equal(ResultStatus.Forbidden, (await Commands(db).RemindAsync(await fx.ScopeOfAsync("canbo"), period.Id)).Status);
        }

        await using var cdb = fx.Context("dieuphoi");
        var reminder = await Commands(cdb).RemindAsync(await fx.ScopeOfAsync("dieuphoi"), period.Id);
        Assert.True(reminder.IsOk);
        var total = await cdb.ReportSubmissions.CountAsync(s => s.PeriodId == period.Id);
        Assert.Equal(total - 1, reminder.Value!.Units);
        var canbo = await cdb.Users.Where(u => u.UserName == "canbo").Select(u => u.Id).SingleAsync();
        var lanhdao = await cdb.Users.Where(u => u.UserName == "lanhdao").Select(u => u.Id).SingleAsync();
        var topic = $"report-reminder:{reminder.Value.Id}";
        Assert.True(await cdb.Set<Notification>().AnyAsync(n => n.UserId == canbo && n.Source == topic && n.Body.Contains("chưa nộp")));
        Assert.False(await cdb.Set<Notification>().AnyAsync(n => n.UserId == lanhdao && n.Source == topic)); // Sở Tư pháp has submitted
        Assert.Equal(await cdb.Set<Notification>().CountAsync(n => n.Source == topic), reminder.Value.Recipients);
        Assert.True(await cdb.AuditEntries.AnyAsync(a => a.EntityType == nameof(ReportReminder)));

        // The daily digest of the same day still comes: the reminder is not the digest.
        Assert.False(await cdb.Set<Notification>().AnyAsync(n => n.UserId == canbo && n.Source == Notification.DigestSource && n.Day == Today));
    }
}
