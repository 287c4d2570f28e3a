using DanVan.Domain.Units;
using DanVan.Domain.WorkItems;
using DanVan.Features.Calendar;
using DanVan.Features.Tasks;
using DanVan.Infrastructure;
using DanVan.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Tests.Features.Tasks;

/// <summary>Giao nhiệm vụ cho nhiều đơn vị: one task for many lead units in one transaction (issue 12).</summary>
public class BulkAssignmentTests(SeededDatabaseFixture fx) : IClassFixture<SeededDatabaseFixture>
{
    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    /// <summary>01/03/2026 09:00 in Việt Nam.</summary>
    private static readonly FixedClock March = new(new DateTimeOffset(2026, 3, 1, 2, 0, 0, TimeSpan.Zero));

    private WorkItemCommands Commands(string userName, out DanVan.Data.AppDbContext db)
    {
        db = fx.Context(userName);
        return new WorkItemCommands(db, new CalendarCommands(db), March);
    }

    private static string Errors<T>(Result<T> r) => string.Join(" ", r.Errors.SelectMany(e => e.Value));

    private static CreateWorkItemsCommand Command(string title, IReadOnlyList<int> ids, params LeadUnitGroup[] groups) =>
        new(title, "Báo cáo bằng văn bản", null, ids, groups, null, Schedule.Once(new DateOnly(2026, 6, 30)), null, null);

    [Fact]
    public async Task Coordinator_AssignsOneTask_ToEveryCommuneWardAndZoneOfTayNinh_WithOneAuditSummary()
    {
        var coordinator = await fx.ScopeOfAsync("dieuphoi");
        var title = "Tổ chức đối thoại với Nhân dân quý II " + Guid.NewGuid().ToString("N")[..6];
        await using var check = fx.Context();
        var province = await check.OrgUnits.Where(u => u.Code == "80").Select(u => new { u.Id, u.AncestorPath }).SingleAsync();
        var prefix = DanVan.Domain.Units.UnitPaths.SubtreePrefix(province.AncestorPath, province.Id);
        var expected = await check.OrgUnits.Where(u => u.AncestorPath.StartsWith(prefix) && u.ValidTo == null
            && (u.Kind == OrgUnitKind.Commune || u.Kind == OrgUnitKind.Ward || u.Kind == OrgUnitKind.SpecialZone)).Select(u => u.Id).ToListAsync();
        Assert.True(expected.Count > 50, $"only {expected.Count} communes in the seed");

        var commands = Commands("dieuphoi", out var db);
        await using (db)
        {
            var preview = await commands.ResolveLeadUnitsAsync(coordinator, null, [], [LeadUnitGroup.CommunesWardsZones]);
            Assert.True(preview.IsOk, Errors(preview));
            Assert.Equal(expected.Count, preview.Value!.Count);

            var result = await commands.CreateManyAsync(coordinator, Command(title, [], LeadUnitGroup.CommunesWardsZones));
            Assert.True(result.IsOk, Errors(result));
            Assert.Equal(expected.Count, result.Value!.WorkItemIds.Count);
        }

        await using var after = fx.Context();
        var items = await after.WorkItems.Where(w => w.Title == title).ToListAsync();
        Assert.Equal(expected.Order(), items.Select(i => i.LeadUnitId).Order());
        Assert.All(items, i => Assert.Equal(coordinator.UnitId, i.AssignedByUnitId));
        var ids = items.Select(i => i.Id).ToList();
        var deadlines = await after.WorkItemDeadlines.Where(d => ids.Contains(d.WorkItemId)).ToListAsync();
        Assert.Equal(items.Count, deadlines.Count);
        Assert.All(deadlines, d =>
        {
            Assert.Equal(new DateOnly(2026, 6, 30), d.DueOn);
            Assert.Equal(items.Single(i => i.Id == d.WorkItemId).LeadUnitId, d.LeadUnitId);
        });
        var audits = await after.AuditEntries.Where(a => a.Action == "bulk" && a.Changes.Contains(title)).ToListAsync();
        var audit = Assert.Single(audits);
        Assert.Contains($"cho {items.Count} đơn vị", audit.Changes, StringComparison.Ordinal);
        var keys = ids.Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(0, await after.AuditEntries.CountAsync(a => a.Action != "bulk" && a.EntityType == "WorkItem" && keys.Contains(a.EntityId)));
    }

    [Fact]
    public async Task ExplicitList_WithAUnitOfAnotherProvince_IsRefusedNamingIt_AndNothingIsSaved()
    {
        var coordinator = await fx.ScopeOfAsync("dieuphoi");
        await using var check = fx.Context();
        var foreign = await check.OrgUnits.Where(u => u.Kind == OrgUnitKind.Province && u.Code != "80").OrderBy(u => u.Code).FirstAsync();
        var title = "Rà soát quy chế dân chủ " + Guid.NewGuid().ToString("N")[..6];
        var commands = Commands("dieuphoi", out var db);
        await using (db)
        {
            var result = await commands.CreateManyAsync(coordinator, Command(title, [await fx.UnitIdAsync("25459"), await fx.UnitIdAsync("80.STP"), foreign.Id]));
            Assert.Equal(ResultStatus.Invalid, result.Status);
            var message = Assert.Single(result.Errors["LeadUnitIds"]);
            Assert.Contains(foreign.Name, message, StringComparison.Ordinal);
            Assert.Contains("ngoài phạm vi", message, StringComparison.Ordinal);
        }

        await using var after = fx.Context();
        Assert.Equal(0, await after.WorkItems.CountAsync(w => w.Title == title));
    }

    [Fact]
    public async Task WardOfficer_CannotAssignToItsSiblings_AndAnEmptySelectionIsRefusedInVietnamese()
    {
        var officer = await fx.ScopeOfAsync("canbo");
        var title = "Nhiệm vụ cho các phường bạn " + Guid.NewGuid().ToString("N")[..6];
        var commands = Commands("canbo", out var db);
        await using (db)
        {
            var siblings = await db.OrgUnits.Where(u => u.ParentId == db.OrgUnits.Where(o => o.Id == officer.UnitId).Select(o => o.ParentId).First() && u.Id != officer.UnitId)
                .OrderBy(u => u.Code).Select(u => u.Id).Take(3).ToListAsync();
            Assert.NotEmpty(siblings);
            var refused = await commands.CreateManyAsync(officer, Command(title, siblings));
            Assert.Equal(ResultStatus.Forbidden, refused.Status);
            var byKind = await commands.CreateManyAsync(officer, Command(title, [], LeadUnitGroup.CommunesWardsZones));
            Assert.Equal(ResultStatus.Forbidden, byKind.Status);
        }

        var head = await fx.ScopeOfAsync("lanhdaophuong");
        var headCommands = Commands("lanhdaophuong", out var headDb);
        await using (headDb)
        {
            var siblings = await headDb.OrgUnits.Where(u => u.ParentId == headDb.OrgUnits.Where(o => o.Id == head.UnitId).Select(o => o.ParentId).First() && u.Id != head.UnitId)
                .OrderBy(u => u.Code).Select(u => new { u.Id, u.Name }).Take(2).ToListAsync();
            var refused = await headCommands.CreateManyAsync(head, Command(title, siblings.Select(s => s.Id).ToList()));
            Assert.Equal(ResultStatus.Invalid, refused.Status);
            Assert.All(siblings, s => Assert.Contains(s.Name, Errors(refused), StringComparison.Ordinal));

            var empty = await headCommands.CreateManyAsync(head, Command(title, []));
            Assert.Contains("Vui lòng chọn ít nhất một đơn vị chủ trì.", empty.Errors["LeadUnitIds"]);
        }

        await using var after = fx.Context();
        Assert.Equal(0, await after.WorkItems.CountAsync(w => w.Title == title));
    }

    [Fact]
    public async Task BadSchedule_AndEmptySelection_AreReportedTogether()
    {
        var coordinator = await fx.ScopeOfAsync("dieuphoi");
        var commands = Commands("dieuphoi", out var db);
        await using (db)
        {
            var result = await commands.CreateManyAsync(coordinator, new CreateWorkItemsCommand("", null, null, [], [], null, null, null, null));
            Assert.Contains("Vui lòng chọn ít nhất một đơn vị chủ trì.", result.Errors["LeadUnitIds"]);
            Assert.Contains("Vui lòng nhập nội dung nhiệm vụ.", result.Errors["Title"]);
            Assert.Contains("Vui lòng chọn thời hạn.", result.Errors["Schedule"]);
        }
    }
}
