using DanVan.Features.Demo;
using DanVan.Testing;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Tests.Features.Demo;

/// <summary>Issue 12: the demo seed shows a year in progress — the province's plan mostly adopted, a batch of tasks in every state.</summary>
public class DemoYearTests
{
    [Fact]
    public async Task TheDemoSeed_AdoptsThePlanInMostUnits_NotTheDemoWard_AndLeavesTheBatchInEveryState_AndSeedingAgainChangesNothing()
    {
        await using var db = await TestDatabase.CreateSeededAsync();
        await using (var context = db.CreateContext())
        {
            var plan = await context.Plans.SingleAsync(p => p.ParentPlanId == null && context.Documents.Any(d => d.Id == p.DocumentId && d.Code == "80/KH-UBND"));
            var rows = await new DanVan.Features.Plans.PlanCommands(context, TimeProvider.System, null!).AdoptionAsync(plan, CancellationToken.None);
            var adopted = rows.Count(r => r.PlanId is not null);
            var share = 100.0 * adopted / rows.Count;
            Assert.InRange(share, 60, 90);
            Assert.Contains(rows, r => r.PlanId is not null && r.Late);
            Assert.Contains(rows, r => r.PlanId is not null && !r.Late);
            var ward = await context.OrgUnits.SingleAsync(u => u.Code == "25459");
            Assert.Null(rows.Single(r => r.UnitId == ward.Id).PlanId);

            var today = DanVan.Infrastructure.VietnamClock.Today(TimeProvider.System);
            var batch = await context.WorkItems.Where(w => w.Title == DemoSeeder.YearBatchTitle).Select(w => w.Id).ToListAsync();
            Assert.Equal(96, batch.Count); // every xã, phường, đặc khu of Tây Ninh, as BulkAssignmentTests counts them
            Assert.Single(await context.WorkItems.Where(w => batch.Contains(w.Id)).Select(w => w.BatchId).Distinct().ToListAsync());
            var deadlines = await context.WorkItemDeadlines.Where(d => batch.Contains(d.WorkItemId)).ToListAsync();
            Assert.Contains(deadlines, d => d.CompletedOn is { } c && c <= d.DueOn);                   // done on time
            Assert.Contains(deadlines, d => d.CompletedOn is { } c && c > d.DueOn);                    // done late, confirmed
            Assert.Contains(deadlines, d => d.CompletedOn is null && d.ReportedCompletedOn is not null); // awaiting confirmation
            Assert.Contains(deadlines, d => d.CompletedOn is null && d.ReportedCompletedOn is null && d.Progress is > 0 and < 100); // in progress
            Assert.Contains(deadlines, d => d.CompletedOn is null && d.ReportedCompletedOn is null && d.Progress == 0 && d.DueOn < today); // overdue, nothing done
            Assert.Contains(deadlines, d => d.LeadUnitId == ward.Id && d.CompletedOn is null && d.ReportedCompletedOn is null && d.Progress == 60);
        }

        int plans, items, updates, audit;
        await using (var context = db.CreateContext())
        {
            (plans, items, updates, audit) = (await context.Plans.CountAsync(), await context.WorkItems.CountAsync(), await context.WorkItemUpdates.CountAsync(), await context.AuditEntries.CountAsync());
        }

        await db.SeedDemoAsync();
        await using (var context = db.CreateContext())
        {
            Assert.Equal((plans, items, updates, audit),
                (await context.Plans.CountAsync(), await context.WorkItems.CountAsync(), await context.WorkItemUpdates.CountAsync(), await context.AuditEntries.CountAsync()));
        }
    }
}
