using DanVan.Domain.Units;
using DanVan.Domain.WorkItems;
using DanVan.Features.Tasks;
using DanVan.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Tests.Features.Tasks;

/// <summary>Who sees which deadline: led, assigned or coordinated by a unit in the user's scope, nothing else.</summary>
public class WorkItemQueriesTests(SeededDatabaseFixture fx) : IClassFixture<SeededDatabaseFixture>
{
    private static readonly DateOnly Due = new(2026, 6, 15);

    private async Task<int> DeadlineAsync(string title, int assignedBy, int lead, int? coordinator = null)
    {
        await using var db = fx.Context("admin");
        var item = new WorkItem
        {
            Title = title, AssignedByUnitId = assignedBy, LeadUnitId = lead, Recurrence = RecurrenceKind.Once,
            PeriodStart = Due.AddDays(-30), PeriodEnd = Due, CreatedAtUtc = new DateTime(2026, 5, 1, 0, 0, 0, DateTimeKind.Utc), SearchText = "x",
        };
        db.WorkItems.Add(item);
        await db.SaveChangesAsync();
        if (coordinator is { } c)
        {
            db.WorkItemCoUnits.Add(new WorkItemCoUnit { WorkItemId = item.Id, UnitId = c });
        }

        var deadline = new WorkItemDeadline
        {
            WorkItemId = item.Id, LeadUnitId = lead, AssignedByUnitId = assignedBy, DueOn = Due, OriginalDueOn = Due, LastUpdatedAtUtc = item.CreatedAtUtc,
        };
        db.WorkItemDeadlines.Add(deadline);
        await db.SaveChangesAsync();
        return deadline.Id;
    }

    [Fact]
    public async Task Visibility_FollowsTheLeadTheAssigningAndTheCoordinatingUnits()
    {
        var department = await fx.UnitIdAsync("80.SNV");     // Sở Nội vụ Tây Ninh: in the coordinator's scope
        var ward = (await fx.ScopeOfAsync("canbo")).UnitId; // Phường Tân Ninh: the officer's own unit
        int outside, outsideToo, province;
        await using (var db = fx.Context())
        {
            var snv = await db.OrgUnits.SingleAsync(u => u.Id == department);
            province = UnitPaths.Ancestors(snv.AncestorPath).Skip(1).First(); // below Việt Nam
            var others = await db.OrgUnits.Where(u => u.Kind == OrgUnitKind.Commune && !u.AncestorPath.Contains("/" + province + "/"))
                .OrderBy(u => u.Id).Select(u => u.Id).Take(2).ToListAsync();
            (outside, outsideToo) = (others[0], others[1]);
        }

        var assignedHere = await DeadlineAsync("Giao cho tỉnh khác", department, outside);
        var coordinatedByWard = await DeadlineAsync("Phường phối hợp", outside, outsideToo, ward);
        var ledByWard = await DeadlineAsync("Phường chủ trì", department, ward);
        var elsewhere = await DeadlineAsync("Không liên quan", outside, outsideToo);
        int[] mine = [assignedHere, coordinatedByWard, ledByWard, elsewhere];

        async Task<List<int>> SeenBy(string user)
        {
            await using var db = fx.Context();
            var scope = await fx.ScopeOfAsync(user);
            var visible = await db.WorkItemDeadlines.Where(d => mine.Contains(d.Id)).VisibleToAsync(db, scope, CancellationToken.None);
            return await visible.OrderBy(d => d.Id).Select(d => d.Id).ToListAsync();
        }

        Assert.Equal([assignedHere, coordinatedByWard, ledByWard], await SeenBy("dieuphoi"));
        Assert.Equal([coordinatedByWard, ledByWard], await SeenBy("canbo"));
        Assert.Equal(mine.Order().ToList(), await SeenBy("admin"));

        await using (var db = fx.Context())
        {
            var led = await db.WorkItemDeadlines.Where(d => mine.Contains(d.Id)).LedWithinAsync(db, department, UnitPaths.SubtreePrefix((await db.OrgUnits.SingleAsync(u => u.Id == department)).AncestorPath, department), CancellationToken.None);
            Assert.Empty(await led.ToListAsync());
            var tayNinh = await db.OrgUnits.SingleAsync(u => u.Id == province);
            led = await db.WorkItemDeadlines.Where(d => mine.Contains(d.Id)).LedWithinAsync(db, tayNinh.Id, tayNinh.SubtreePrefix, CancellationToken.None);
            Assert.Equal([ledByWard], await led.Select(d => d.Id).ToListAsync());
            var country = await db.OrgUnits.SingleAsync(u => u.Kind == OrgUnitKind.Country);
            led = await db.WorkItemDeadlines.Where(d => mine.Contains(d.Id)).LedWithinAsync(db, country.Id, country.SubtreePrefix, CancellationToken.None);
            Assert.Equal(mine.Order().ToList(), await led.OrderBy(d => d.Id).Select(d => d.Id).ToListAsync());
        }
    }
}
