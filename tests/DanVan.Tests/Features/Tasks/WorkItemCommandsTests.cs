using DanVan.Domain.WorkItems;
using DanVan.Features.Calendar;
using DanVan.Features.Tasks;
using DanVan.Infrastructure;
using DanVan.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Tests.Features.Tasks;

public class WorkItemCommandsTests(SeededDatabaseFixture fx) : IClassFixture<SeededDatabaseFixture>
{
    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    /// <summary>01/03/2026 09:00 in Việt Nam.</summary>
    private static readonly FixedClock March = new(new DateTimeOffset(2026, 3, 1, 2, 0, 0, TimeSpan.Zero));

    private WorkItemCommands Commands(out DanVan.Data.AppDbContext db, TimeProvider? clock = null)
    {
        db = fx.Context("dieuphoi");
        return new WorkItemCommands(db, new CalendarCommands(db), clock ?? March);
    }

    private static string Errors<T>(Result<T> r) => string.Join(" ", r.Errors.SelectMany(e => e.Value));

    [Fact]
    public async Task Yearly_And_HalfYearly_Tasks_GetOneDeadlinePerOccurrence()
    {
        var coordinator = await fx.ScopeOfAsync("dieuphoi");
        var commune = await fx.UnitIdAsync("25459");
        var commands = Commands(out var db);
        await using (db)
        {
            var report = await commands.CreateAsync(coordinator, new CreateWorkItemCommand(
                "Báo cáo kết quả công tác dân vận chính quyền", null, null, commune, [await fx.UnitIdAsync("80.BTGDV")], null,
                Schedule.HalfYearly(15, 6), new DateOnly(2026, 3, 1), new DateOnly(2027, 12, 31)), CancellationToken.None);
            Assert.True(report.IsOk, Errors(report));
            var dues = await db.WorkItemDeadlines.Where(d => d.WorkItemId == report.Value!.Id).OrderBy(d => d.DueOn).Select(d => d.DueOn).ToListAsync();
            Assert.Equal([new DateOnly(2026, 6, 15), new DateOnly(2026, 12, 15), new DateOnly(2027, 6, 15), new DateOnly(2027, 12, 15)], dues);
            Assert.Single(await db.WorkItemCoUnits.Where(c => c.WorkItemId == report.Value!.Id).ToListAsync());
        }
    }

    [Fact]
    public async Task WorkingDaysAfter_UsesTheCalendarInTheDatabase()
    {
        var coordinator = await fx.ScopeOfAsync("dieuphoi");
        var commands = Commands(out var db);
        await using (db)
        {
            await new CalendarCommands(db).GenerateDefaultsAsync(await fx.ScopeOfAsync("admin"), 2026);
            var task = await commands.CreateAsync(coordinator, new CreateWorkItemCommand(
                "Trả lời ý kiến về dự thảo kế hoạch", null, null, await fx.UnitIdAsync("80.STP"), [], null,
                Schedule.WorkingDaysAfter(new DateOnly(2026, 2, 13), 5), new DateOnly(2026, 2, 13), null), CancellationToken.None);
            Assert.True(task.IsOk, Errors(task));
            Assert.Equal(new DateOnly(2026, 2, 27), await db.WorkItemDeadlines.Where(d => d.WorkItemId == task.Value!.Id).Select(d => d.DueOn).SingleAsync());
        }
    }

    [Fact]
    public async Task BadInput_IsExplained_AndNothingIsSaved()
    {
        var coordinator = await fx.ScopeOfAsync("dieuphoi");
        await using var before = fx.Context();
        var count = await before.WorkItems.CountAsync();
        var commands = Commands(out var db);
        await using (db)
        {
            var noLead = await commands.CreateAsync(coordinator, new CreateWorkItemCommand("", null, null, null, [], null, null, null, null));
            Assert.Contains("Vui lòng nhập nội dung nhiệm vụ.", noLead.Errors["Title"]);
            Assert.Contains("Vui lòng chọn đơn vị chủ trì.", noLead.Errors["LeadUnitId"]);
            Assert.Contains("Vui lòng chọn thời hạn.", noLead.Errors["Schedule"]);

            var impossible = await commands.CreateAsync(coordinator, new CreateWorkItemCommand("Báo cáo", null, null, await fx.UnitIdAsync("80.STP"), [], null, Schedule.Yearly(30, 2), null, null));
            Assert.Contains(impossible.Errors["Schedule"], m => m.Contains("không tồn tại", StringComparison.Ordinal));

            var past = await commands.CreateAsync(coordinator, new CreateWorkItemCommand("Báo cáo", null, null, await fx.UnitIdAsync("80.STP"), [], null, Schedule.Once(new DateOnly(2026, 2, 1)), null, null));
            Assert.True(past.Errors.ContainsKey("PeriodEnd"));

            var otherProvince = await commands.CreateAsync(coordinator, new CreateWorkItemCommand("Báo cáo", null, null, await fx.UnitIdAsync("01"), [], null, Schedule.Once(new DateOnly(2026, 5, 1)), null, null));
            Assert.Equal(ResultStatus.Forbidden, otherProvince.Status);
        }

        await using var after = fx.Context();
        Assert.Equal(count, await after.WorkItems.CountAsync());
    }

    [Fact]
    public async Task Reporting_MovesTheStateFromNotYetDueToDoneLate()
    {
        var coordinator = await fx.ScopeOfAsync("dieuphoi");
        var officer = await fx.ScopeOfAsync("canbo");
        var commands = Commands(out var db);
        int deadlineId;
        await using (db)
        {
            var task = await commands.CreateAsync(coordinator, new CreateWorkItemCommand(
                "Tổ chức đối thoại với Nhân dân", null, null, await fx.UnitIdAsync("25459"), [], null, Schedule.Once(new DateOnly(2026, 3, 20)), null, null));
            Assert.True(task.IsOk, Errors(task));
            deadlineId = await db.WorkItemDeadlines.Where(d => d.WorkItemId == task.Value!.Id).Select(d => d.Id).SingleAsync();
        }

        // 25/03: overdue; the officer reports it done that day.
        var late = new FixedClock(new DateTimeOffset(2026, 3, 25, 3, 0, 0, TimeSpan.Zero));
        var reporting = Commands(out var db2, late);
        await using (db2)
        {
            var empty = await reporting.ReportAsync(officer, new ReportProgressCommand(deadlineId, 150, "", false, null));
            Assert.True(empty.Errors.ContainsKey("Progress"));
            Assert.True(empty.Errors.ContainsKey("Note"));

            var done = await reporting.ReportAsync(officer, new ReportProgressCommand(deadlineId, null, "Đã tổ chức đối thoại tại phường, 120 người dự.", true, null));
            Assert.True(done.IsOk, Errors(done));
            Assert.Null(done.Value!.CompletedOn);
            Assert.Equal(new DateOnly(2026, 3, 25), done.Value.ReportedCompletedOn);
            Assert.Equal(WorkItemState.CompletionReportedOverdue, WorkItemStates.Of(done.Value.DueOn, done.Value.CompletedOn, new DateOnly(2026, 3, 25), done.Value.ReportedCompletedOn));
            Assert.Equal(100, done.Value.Progress);

            var again = await reporting.ReportAsync(officer, new ReportProgressCommand(deadlineId, 100, "Lần nữa", true, null));
            Assert.True(again.Errors.ContainsKey(""));
        }

        var confirming = Commands(out var db4, late);
        await using (db4)
        {
            var confirmed = await confirming.ConfirmCompletionAsync(coordinator, deadlineId, null);
            Assert.True(confirmed.IsOk, Errors(confirmed));
            Assert.Equal(WorkItemState.DoneLate, WorkItemStates.Of(confirmed.Value!.DueOn, confirmed.Value.CompletedOn, new DateOnly(2026, 3, 25), confirmed.Value.ReportedCompletedOn));
        }

        var stranger = await fx.ScopeOfAsync("lanhdao");
        var other = Commands(out var db3, late);
        await using (db3)
        {
            Assert.Equal(ResultStatus.Forbidden, (await other.ReportAsync(stranger, new ReportProgressCommand(deadlineId, 50, "Không phải việc của tôi", false, null))).Status);
        }
    }

    [Fact]
    public async Task Extension_AskedByTheLeadUnit_DecidedByTheAssigningUnit_MovesTheDeadline()
    {
        var coordinator = await fx.ScopeOfAsync("dieuphoi");
        var officer = await fx.ScopeOfAsync("canbo");
        var commands = Commands(out var db);
        await using (db)
        {
            var task = await commands.CreateAsync(coordinator, new CreateWorkItemCommand(
                "Rà soát hương ước, quy ước", null, null, await fx.UnitIdAsync("25459"), [], null, Schedule.Once(new DateOnly(2026, 4, 10)), null, null));
            var deadlineId = await db.WorkItemDeadlines.Where(d => d.WorkItemId == task.Value!.Id).Select(d => d.Id).SingleAsync();

            var early = await commands.RequestExtensionAsync(officer, deadlineId, new DateOnly(2026, 4, 1), "Thiếu người");
            Assert.Contains(early.Errors["RequestedDueOn"], m => m.Contains("phải sau hạn hiện tại", StringComparison.Ordinal));
            var noReason = await commands.RequestExtensionAsync(officer, deadlineId, new DateOnly(2026, 4, 30), " ");
            Assert.True(noReason.Errors.ContainsKey("Reason"));

            var asked = await commands.RequestExtensionAsync(officer, deadlineId, new DateOnly(2026, 4, 30), "Chờ hướng dẫn của tỉnh về mẫu hương ước.");
            Assert.True(asked.IsOk, Errors(asked));
            var twice = await commands.RequestExtensionAsync(officer, deadlineId, new DateOnly(2026, 5, 5), "Lần hai");
            Assert.True(twice.Errors.ContainsKey(""));

            Assert.Equal(ResultStatus.Forbidden, (await commands.DecideExtensionAsync(officer, asked.Value!.Id, true, null)).Status);
            var approved = await commands.DecideExtensionAsync(coordinator, asked.Value.Id, true, "Đồng ý");
            Assert.True(approved.IsOk, Errors(approved));

            await using var check = fx.Context();
            var deadline = await check.WorkItemDeadlines.SingleAsync(d => d.Id == deadlineId);
            Assert.Equal(new DateOnly(2026, 4, 30), deadline.DueOn);
            Assert.Equal(new DateOnly(2026, 4, 10), deadline.OriginalDueOn);
            Assert.True((await commands.DecideExtensionAsync(coordinator, asked.Value.Id, false, null)).Errors.ContainsKey(""));
        }
    }
}
