using DanVan.Domain.Access;
using DanVan.Domain.WorkItems;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Features.Demo;

public sealed partial class DemoSeeder
{
    /// <summary>Title of the demo's task for every commune, ward and special zone (issue 12's year in progress).</summary>
    public const string YearBatchTitle = "Tự kiểm tra việc thực hiện dân chủ ở cơ sở, gửi kết quả về Sở Nội vụ (dữ liệu minh họa)";

    /// <summary>
    /// Issue 12, a year in progress: three units in four of those the province's plan obliges adopt it (by unit code
    /// order; one in four of them after the due date), Phường Tân Ninh not among them; one task for every commune, ward
    /// and special zone in one batch, due ten days ago: done on time, done late (both confirmed by the Sở Nội vụ),
    /// reported and awaiting confirmation, progress only, nothing yet. Everything through the feature commands.
    /// </summary>
    private async Task<bool> SeedYearAsync(CancellationToken ct)
    {
        var plan = await db.Plans.AsNoTracking()
            .Where(p => p.ParentPlanId == null && p.RequiresAdoption && db.Documents.Any(d => d.Id == p.DocumentId && d.Code == "80/KH-UBND"))
            .FirstOrDefaultAsync(ct);
        if (plan is null)
        {
            return false;
        }

        var changed = false;
        if (!await db.Plans.AnyAsync(p => p.ParentPlanId == plan.Id, ct))
        {
            await SeedAdoptionsAsync(plan, ct);
            changed = true;
        }

        if (!await db.WorkItems.AnyAsync(w => w.Title == YearBatchTitle, ct))
        {
            await SeedYearBatchAsync(plan.DocumentId, ct);
            changed = true;
        }

        return changed;
    }

    private static UserScope OfficerScope(int unitId, string code, string ancestorPath) =>
        UserScope.For("demo", "canbo-" + code, Roles.UnitOfficer, unitId, ancestorPath);

    private static T DemoOk<T>(Infrastructure.Result<T> r, string what) =>
        r.IsOk ? r.Value! : throw new InvalidOperationException(what + ": " + string.Join(" ", r.Errors.SelectMany(e => e.Value)));

    private async Task SeedAdoptionsAsync(Domain.Plans.Plan plan, CancellationToken ct)
    {
        var issued = await db.Documents.AsNoTracking().Where(d => d.Id == plan.DocumentId).Select(d => d.IssuedOn).SingleAsync(ct) ?? Infrastructure.VietnamClock.Today(clock);
        var today = Infrastructure.VietnamClock.Today(clock);
        var due = plan.AdoptionDueOn ?? issued.AddDays(30);
        var obliged = (await plans.AdoptionAsync(plan, ct)).Select(r => r.UnitId).ToList();
        var units = (await db.OrgUnits.AsNoTracking().Where(u => obliged.Contains(u.Id)).Select(u => new { u.Id, u.Code, u.Name, u.AncestorPath }).ToListAsync(ct))
            .OrderBy(u => u.Code, StringComparer.Ordinal).ToList();
        for (var i = 0; i < units.Count; i++)
        {
            var unit = units[i];
            if (i % 4 == 3 || unit.Code == "25459")
            {
                continue; // not adopted yet: the ward officer's home page still shows a plan to adopt
            }

            // One in four adopters after the due date (late), the others within it.
            var late = i % 4 == 2;
            var adoptedOn = late
                ? Min(due.AddDays(1 + (i % 20)), today)
                : Min(issued.AddDays(3 + (i % 25)), due);
            DemoOk(await plans.AdoptAsync(OfficerScope(unit.Id, unit.Code, unit.AncestorPath), new Plans.AdoptPlanCommand(
                plan.Id, string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{100 + i}/KH-UBND"), adoptedOn,
                $"Thực hiện công tác dân vận chính quyền năm {issued.Year} của {unit.Name} (dữ liệu minh họa)",
                "KT.", "Phó Chủ tịch", "Nguyễn Văn B", plan.Purposes, plan.Body, new Dictionary<int, string?>(), null), ct), "Demo adoption " + unit.Code);
        }

        static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
    }

    private async Task SeedYearBatchAsync(int documentId, CancellationToken ct)
    {
        var coordinatorId = await db.Users.Where(u => u.UserName == "dieuphoi").Select(u => u.Id).SingleAsync(ct);
        var coordinator = (await Infrastructure.CurrentUser.LoadScopeAsync(db, coordinatorId, ct))!;
        var today = Infrastructure.VietnamClock.Today(clock);
        var dueOn = today.AddDays(-10);
        var batch = DemoOk(await tasks.CreateManyAsync(coordinator, new Tasks.CreateWorkItemsCommand(
            YearBatchTitle, "Mỗi xã, phường, đặc khu tự kiểm tra việc công khai, bàn và quyết định, tham gia ý kiến, giám sát theo Luật Thực hiện dân chủ ở cơ sở; gửi báo cáo kết quả.",
            coordinator.UnitId, [], [LeadUnitGroup.CommunesWardsZones], documentId, Schedule.Once(dueOn), today.AddDays(-45), new DateOnly(today.Year, 12, 31)), ct), "Demo batch");
        var deadlines = await (from d in db.WorkItemDeadlines.AsNoTracking()
                               where batch.WorkItemIds.Contains(d.WorkItemId)
                               join u in db.OrgUnits.AsNoTracking() on d.LeadUnitId equals u.Id
                               select new { d.Id, u.Code, u.Name, UnitId = u.Id, u.AncestorPath }).ToListAsync(ct);
        var ordered = deadlines.OrderBy(d => d.Code, StringComparer.Ordinal).ToList();
        for (var i = 0; i < ordered.Count; i++)
        {
            var d = ordered[i];
            var officer = OfficerScope(d.UnitId, d.Code, d.AncestorPath);
            // Phường Tân Ninh has reported progress only (no confirmation, so no notification above the ones of its own
            // four tasks). Xã Truông Mít (a Gò Dầu successor) reported nothing: its board has nothing updated yet and no rate.
            var state = d.Code == "25459" ? 6 : d.Name == "Xã Truông Mít" ? 9 : i % 10;
            switch (state)
            {
                case 0 or 1 or 2: // done on time, confirmed
                    DemoOk(await tasks.ReportAsync(officer, new Tasks.ReportProgressCommand(d.Id, null, "Đã tự kiểm tra, báo cáo kết quả gửi kèm.", true, dueOn.AddDays(-2)), ct), "Demo batch report");
                    DemoOk(await tasks.ConfirmCompletionAsync(coordinator, d.Id, "Sở Nội vụ đã nhận báo cáo.", ct), "Demo batch confirm");
                    break;
                case 3 or 4: // done late, confirmed
                    DemoOk(await tasks.ReportAsync(officer, new Tasks.ReportProgressCommand(d.Id, null, "Đã tự kiểm tra (chậm so với hạn), báo cáo gửi kèm.", true, dueOn.AddDays(4)), ct), "Demo batch report");
                    DemoOk(await tasks.ConfirmCompletionAsync(coordinator, d.Id, "Xác nhận hoàn thành sau hạn.", ct), "Demo batch confirm");
                    break;
                case 5: // reported, awaiting the Sở Nội vụ's confirmation
                    DemoOk(await tasks.ReportAsync(officer, new Tasks.ReportProgressCommand(d.Id, null, "Đã tự kiểm tra, đề nghị Sở Nội vụ xác nhận.", true, today.AddDays(-1)), ct), "Demo batch report");
                    break;
                case 6 or 7: // in progress (past the due date, so also overdue)
                    DemoOk(await tasks.ReportAsync(officer, new Tasks.ReportProgressCommand(d.Id, 60, "Đã kiểm tra 3/5 nội dung.", false, null), ct), "Demo batch progress");
                    break;
                default: // nothing reported: overdue
                    break;
            }
        }
    }
}
