using DanVan.Domain.WorkItems;
using DanVan.Features.Calendar;
using DanVan.Features.FollowUp;
using DanVan.Features.Tasks;
using DanVan.Infrastructure;
using DanVan.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Tests.Features.Tasks;

/// <summary>Issue 12: a reported completion counts as done only once the assigning unit confirms it (ADR-013).</summary>
public class CompletionConfirmationTests(SeededDatabaseFixture fx) : IClassFixture<SeededDatabaseFixture>
{
    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    /// <summary>A day in Việt Nam, 10:00.</summary>
    private static FixedClock On(int month, int day) => new(new DateTimeOffset(2026, month, day, 3, 0, 0, TimeSpan.Zero));

    private static DateOnly D(int month, int day) => new(2026, month, day);

    private WorkItemCommands Commands(string actor, TimeProvider clock, out DanVan.Data.AppDbContext db)
    {
        db = fx.Context(actor);
        return new WorkItemCommands(db, new CalendarCommands(db), clock);
    }

    private static string Errors<T>(Result<T> r) => string.Join(" ", r.Errors.SelectMany(e => e.Value));

    /// <summary>A task of the Sở Nội vụ for Phường Tân Ninh, due 20/03/2026, with a 60 % report on 10/03.</summary>
    private async Task<int> TaskDueOn20MarchAsync(string title)
    {
        var coordinator = await fx.ScopeOfAsync("dieuphoi");
        var officer = await fx.ScopeOfAsync("canbo");
        var commands = Commands("dieuphoi", On(3, 1), out var db);
        await using (db)
        {
            var task = await commands.CreateAsync(coordinator, new CreateWorkItemCommand(
                title, null, null, await fx.UnitIdAsync("25459"), [], null, Schedule.Once(D(3, 20)), null, null));
            Assert.True(task.IsOk, Errors(task));
            var id = await db.WorkItemDeadlines.Where(d => d.WorkItemId == task.Value!.Id).Select(d => d.Id).SingleAsync();
            var progress = await Commands("canbo", On(3, 10), out var db2).ReportAsync(officer, new ReportProgressCommand(id, 60, "Đã chuẩn bị địa điểm, giấy mời.", false, null));
            await db2.DisposeAsync();
            Assert.True(progress.IsOk, Errors(progress));
            return id;
        }
    }

    private async Task<WorkItemDeadline> DeadlineAsync(int id)
    {
        await using var db = fx.Context();
        return await db.WorkItemDeadlines.AsNoTracking().SingleAsync(d => d.Id == id);
    }

    private async Task<List<Notification>> NotificationsOfAsync(string userName, int deadlineId)
    {
        await using var db = fx.Context();
        var userId = await db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync();
        return await db.Set<Notification>().AsNoTracking().Where(n => n.UserId == userId && n.Link == $"/Tasks/Details/{deadlineId}").ToListAsync();
    }

    [Fact]
    public async Task LateReport_WithAnEarlierDate_IsOverdueUntilConfirmed_ThenDoneOnTime()
    {
        var id = await TaskDueOn20MarchAsync("Tổ chức đối thoại " + SeededDatabaseFixture.NewCode());
        var officer = await fx.ScopeOfAsync("canbo");
        var coordinator = await fx.ScopeOfAsync("dieuphoi");

        // 25/03, after the due date: "done on 18/03".
        var reported = await Commands("canbo", On(3, 25), out var db).ReportAsync(officer, new ReportProgressCommand(id, null, "Đã tổ chức, 120 người dự.", true, D(3, 18)));
        await db.DisposeAsync();
        Assert.True(reported.IsOk, Errors(reported));
        var d = await DeadlineAsync(id);
        Assert.Null(d.CompletedOn);
        Assert.Equal(D(3, 18), d.ReportedCompletedOn);
        Assert.Equal(WorkItemState.CompletionReportedOverdue, WorkItemStates.Of(d.DueOn, d.CompletedOn, D(3, 25), d.ReportedCompletedOn));

        // Every list and count treats it as not done and overdue.
        await using (var read = fx.Context())
        {
            var one = read.WorkItemDeadlines.Where(x => x.Id == id);
            Assert.Equal(1, await one.Filter(DeadlineFilter.Overdue, D(3, 25), 7).CountAsync());
            Assert.Equal(1, await one.Filter(DeadlineFilter.Open, D(3, 25), 7).CountAsync());
            Assert.Equal(1, await one.Filter(DeadlineFilter.AwaitingConfirmation, D(3, 25), 7).CountAsync());
            Assert.Equal(0, await one.Filter(DeadlineFilter.Done, D(3, 25), 7).CountAsync());
        }

        var toConfirm = Assert.Single(await NotificationsOfAsync("dieuphoi", id));
        Assert.StartsWith("Chờ xác nhận hoàn thành: Tổ chức đối thoại", toConfirm.Title, StringComparison.Ordinal);
        Assert.Contains("18/03/2026", toConfirm.Body, StringComparison.Ordinal);

        var confirmed = await Commands("dieuphoi", On(3, 26), out var db2).ConfirmCompletionAsync(coordinator, id, "Đã kiểm tra biên bản.");
        await db2.DisposeAsync();
        Assert.True(confirmed.IsOk, Errors(confirmed));
        d = await DeadlineAsync(id);
        Assert.Equal(D(3, 18), d.CompletedOn);
        Assert.Null(d.ReportedCompletedOn);
        Assert.Equal(WorkItemState.DoneOnTime, WorkItemStates.Of(d.DueOn, d.CompletedOn, D(3, 26), d.ReportedCompletedOn));

        var told = Assert.Single(await NotificationsOfAsync("canbo", id));
        Assert.Contains("hoàn thành đúng hạn", told.Body, StringComparison.Ordinal);

        await using var check = fx.Context();
        var history = await check.WorkItemUpdates.Where(u => u.DeadlineId == id).OrderBy(u => u.Id).Select(u => new { u.Kind, u.Progress, u.CompletedOn, u.UserName }).ToListAsync();
        Assert.Equal([WorkItemUpdateKind.Progress, WorkItemUpdateKind.CompletionReported, WorkItemUpdateKind.CompletionConfirmed], history.Select(h => h.Kind));
        Assert.Equal("dieuphoi", history[2].UserName);
        Assert.Equal(D(3, 18), history[2].CompletedOn);
        var audit = await check.AuditEntries.Where(a => a.EntityType == nameof(WorkItemDeadline) && a.EntityId == id.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .OrderBy(a => a.Id).Select(a => new { a.UserName, a.Changes }).ToListAsync();
        Assert.Contains(audit, a => a.UserName == "canbo" && a.Changes.Contains("ReportedCompletedOn", StringComparison.Ordinal));
        Assert.Contains(audit, a => a.UserName == "dieuphoi" && a.Changes.Contains("\"CompletedOn\":[null,\"2026-03-18\"]", StringComparison.Ordinal));
    }

    [Fact]
    public async Task CompletionDate_InTheFuture_OrBeforeTheLastProgressReport_IsRefused_AllErrorsAtOnce()
    {
        var id = await TaskDueOn20MarchAsync("Rà soát thủ tục " + SeededDatabaseFixture.NewCode());
        var officer = await fx.ScopeOfAsync("canbo");
        var commands = Commands("canbo", On(3, 15), out var db);
        await using (db)
        {
            var future = await commands.ReportAsync(officer, new ReportProgressCommand(id, null, "", true, D(3, 16)));
            Assert.Equal(ResultStatus.Invalid, future.Status);
            Assert.Contains("sau hôm nay (15/03/2026)", string.Join(" ", future.Errors["CompletedOn"]), StringComparison.Ordinal);
            Assert.True(future.Errors.ContainsKey("Note")); // both fields at once

            var early = await commands.ReportAsync(officer, new ReportProgressCommand(id, null, "Xong.", true, D(3, 9)));
            Assert.Contains("trước ngày báo cáo tiến độ gần nhất (10/03/2026)", string.Join(" ", early.Errors["CompletedOn"]), StringComparison.Ordinal);
        }

        var d = await DeadlineAsync(id);
        Assert.Null(d.ReportedCompletedOn);
        Assert.Equal(60, d.Progress);
    }

    [Fact]
    public async Task Return_NeedsAReason_GoesBackToInProgress_TellsTheUnit_AndItMayReportAgain()
    {
        var id = await TaskDueOn20MarchAsync("Xây dựng mô hình " + SeededDatabaseFixture.NewCode());
        var officer = await fx.ScopeOfAsync("canbo");
        var coordinator = await fx.ScopeOfAsync("dieuphoi");
        var reported = await Commands("canbo", On(3, 18), out var db).ReportAsync(officer, new ReportProgressCommand(id, null, "Đã xong.", true, null));
        await db.DisposeAsync();
        Assert.True(reported.IsOk, Errors(reported));
        Assert.Equal(D(3, 18), reported.Value!.ReportedCompletedOn);

        var commands = Commands("dieuphoi", On(3, 19), out var db2);
        await using (db2)
        {
            var noReason = await commands.ReturnCompletionAsync(coordinator, id, "  ");
            Assert.Contains("Vui lòng nhập lý do trả lại.", noReason.Errors["ReturnReason"]);

            var returned = await commands.ReturnCompletionAsync(coordinator, id, "Chưa có biên bản hội nghị.");
            Assert.True(returned.IsOk, Errors(returned));
            Assert.Equal(60, returned.Value!.Progress);
            Assert.Null(returned.Value.ReportedCompletedOn);
            Assert.Null(returned.Value.CompletedOn);

            var twice = await commands.ConfirmCompletionAsync(coordinator, id, null);
            Assert.Contains("không có báo cáo hoàn thành nào đang chờ xác nhận", Errors(twice), StringComparison.Ordinal);
        }

        Assert.Contains(await NotificationsOfAsync("canbo", id), n => n.Body.Contains("Lý do: Chưa có biên bản hội nghị.", StringComparison.Ordinal));
        var again = await Commands("canbo", On(3, 19), out var db3).ReportAsync(officer, new ReportProgressCommand(id, null, "Gửi kèm biên bản.", true, D(3, 19)));
        await db3.DisposeAsync();
        Assert.True(again.IsOk, Errors(again));
    }

    [Fact]
    public async Task OnlyTheAssigningUnitsManagers_Confirm_AndNeverTheirOwnReport()
    {
        var id = await TaskDueOn20MarchAsync("Tuyên truyền pháp luật " + SeededDatabaseFixture.NewCode());
        var coordinator = await fx.ScopeOfAsync("dieuphoi");
        var commands = Commands("dieuphoi", On(3, 12), out var db);
        await using (db)
        {
            // The coordinator records the completion for the ward: it cannot then confirm it itself.
            var reported = await commands.ReportAsync(coordinator, new ReportProgressCommand(id, null, "Phường báo qua điện thoại.", true, null));
            Assert.True(reported.IsOk, Errors(reported));
            var self = await commands.ConfirmCompletionAsync(coordinator, id, null);
            Assert.Equal(ResultStatus.Invalid, self.Status);
            Assert.Contains("không tự xác nhận", Errors(self), StringComparison.Ordinal);

            foreach (var outsider in new[] { "canbo", "lanhdao", "thamdinh", "xem" })
            {
                var scope = await fx.ScopeOfAsync(outsider);
                Assert.Equal(ResultStatus.Forbidden, (await commands.ConfirmCompletionAsync(scope, id, null)).Status);
                Assert.Equal(ResultStatus.Forbidden, (await commands.ReturnCompletionAsync(scope, id, "Không")).Status);
            }

            Assert.Equal(ResultStatus.NotFound, (await commands.ConfirmCompletionAsync(coordinator, int.MaxValue, null)).Status);
        }

        var admin = await fx.ScopeOfAsync("admin");
        var byAdmin = await Commands("admin", On(3, 12), out var db2).ConfirmCompletionAsync(admin, id, null);
        await db2.DisposeAsync();
        Assert.True(byAdmin.IsOk, Errors(byAdmin));
        Assert.Equal(D(3, 12), byAdmin.Value!.CompletedOn);
    }

    [Fact]
    public async Task ConfirmAndReturn_AtOnce_OnlyOneWins()
    {
        var id = await TaskDueOn20MarchAsync("Hội nghị sơ kết " + SeededDatabaseFixture.NewCode());
        var officer = await fx.ScopeOfAsync("canbo");
        var coordinator = await fx.ScopeOfAsync("dieuphoi");
        var admin = await fx.ScopeOfAsync("admin");
        var reported = await Commands("canbo", On(3, 14), out var db).ReportAsync(officer, new ReportProgressCommand(id, null, "Xong.", true, null));
        await db.DisposeAsync();
        Assert.True(reported.IsOk, Errors(reported));

        var c1 = Commands("dieuphoi", On(3, 15), out var db1);
        var c2 = Commands("admin", On(3, 15), out var db2);
        await using (db1)
        await using (db2)
        {
            var results = await Task.WhenAll(
                Task.Run(() => c1.ConfirmCompletionAsync(coordinator, id, null)),
                Task.Run(() => c2.ReturnCompletionAsync(admin, id, "Thiếu minh chứng.")));
            Assert.Single(results, r => r.IsOk);
            Assert.Single(results, r => r.Status == ResultStatus.Invalid);
        }

        await using var check = fx.Context();
        Assert.Equal(1, await check.WorkItemUpdates.CountAsync(u => u.DeadlineId == id && (u.Kind == WorkItemUpdateKind.CompletionConfirmed || u.Kind == WorkItemUpdateKind.CompletionReturned)));
    }
}
