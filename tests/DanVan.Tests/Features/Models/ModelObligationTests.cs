using DanVan.Data;
using DanVan.Domain.Access;
using DanVan.Domain.Models;
using DanVan.Domain.Text;
using DanVan.Domain.Units;
using DanVan.Domain.WorkItems;
using DanVan.Features.Models;
using DanVan.Features.Tasks;
using DanVan.Infrastructure;
using DanVan.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DanVan.Tests.Features.Models;

/// <summary>
/// A task that obliges units to register models ("ít nhất N mô hình năm Y, đăng ký trước ngày D") is fulfilled by the
/// registrations themselves (ADR-015), on the engine under test.
/// </summary>
public sealed class ModelObligationTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static readonly DateOnly Today = VietnamClock.Today(TimeProvider.System);

    private static string D(DateOnly d) => VietnameseText.FormatDate(d);

    private async Task<T> WithAsync<T>(Func<IServiceProvider, AppDbContext, Task<T>> act)
    {
        using var scope = app.Factory.Services.CreateScope();
        return await act(scope.ServiceProvider, scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    private async Task<UserScope> ScopeAsync(string role, string unitCode, string name) => await WithAsync(async (_, db) =>
    {
        var unit = await db.OrgUnits.SingleAsync(u => u.Code == unitCode);
        return UserScope.For("id-" + name, name, role, unit.Id, unit.AncestorPath);
    });

    /// <summary>Wards of the demo province other than Phường Tân Ninh without any model (the demo's replication is in one of them).</summary>
    private async Task<List<(int Id, string Code)>> WardsAsync(int skip, int take) => await WithAsync(async (_, db) =>
    {
        var tanNinh = await db.OrgUnits.SingleAsync(u => u.Code == "25459");
        return (await db.OrgUnits.Where(u => u.AncestorPath == tanNinh.AncestorPath && u.Id != tanNinh.Id && u.Kind == OrgUnitKind.Ward && u.ValidTo == null
                && !db.MobilizationModels.Any(m => m.UnitId == u.Id))
            .OrderBy(u => u.Code).Skip(skip).Take(take).Select(u => new { u.Id, u.Code }).ToListAsync()).Select(u => (u.Id, u.Code)).ToList();
    });

    private async Task<ModelForm> FormAsync(string name) => await WithAsync(async (_, db) => new ModelForm
    {
        FieldCode = "VHXH", RegisteredWithUnitId = await db.OrgUnits.Where(u => u.Code == "80.BTGDV").Select(u => u.Id).SingleAsync(), Name = name,
        Situation = "Rác thải sinh hoạt còn để không đúng nơi quy định", Objectives = "100% hộ phân loại rác tại nguồn",
        Content = "Tổ tự quản thu gom theo lịch", AreaAndTargets = "Khu phố 1, 320 hộ", Forces = "Chi bộ chủ trì, MTTQ phối hợp, hộ dân tham gia",
        Resources = "Xã hội hóa 20 triệu đồng", StartOn = D(Today.AddDays(-30)), EvaluationOn = D(Today.AddDays(150)),
        Milestones = [new() { Title = "Ra mắt", DueOn = D(Today.AddDays(-20)) }],
        Outputs = "Khu phố không còn điểm rác tự phát", Sustainability = "Nhân rộng ra các khu phố khác",
    });

    private Task<List<WorkItemDeadline>> DeadlinesAsync(IReadOnlyList<int> workItemIds) =>
        WithAsync((_, db) => db.WorkItemDeadlines.AsNoTracking().Where(d => workItemIds.Contains(d.WorkItemId)).OrderBy(d => d.WorkItemId).ToListAsync());

    private static CreateWorkItemsCommand Obligation(IReadOnlyList<int> units, int? quota = 1, Schedule? schedule = null, DateOnly? start = null) =>
        new("Xây dựng hoặc nhân rộng ít nhất 01 mô hình “Dân vận khéo”", null, null, units, [], null, schedule ?? Schedule.Once(Today.AddDays(20)), start, null,
            new ModelObligation(quota, Today.Year));

    [Fact]
    public async Task TheRegistrationFulfilsTheTask_AReturnReopensIt_TheCorrectionFulfilsItAgain_AndNobodyReportsItByHand()
    {
        var wards = await WardsAsync(0, 2);
        var coordinator = await ScopeAsync(Roles.Coordinator, "80.SNV", "dieuphoi-test");
        var assigned = await WithAsync((sp, _) => sp.GetRequiredService<WorkItemCommands>().CreateManyAsync(coordinator, Obligation(wards.Select(w => w.Id).ToList())));
        Assert.True(assigned.IsOk, string.Join(" ", assigned.Errors.SelectMany(e => e.Value)));
        var items = await WithAsync((_, db) => db.WorkItems.AsNoTracking().Where(w => assigned.Value!.WorkItemIds.Contains(w.Id)).OrderBy(w => w.Id).ToListAsync());
        Assert.All(items, w => Assert.Equal((1, Today.Year), (w.ModelQuota, w.ModelYear)));
        var before = await DeadlinesAsync(assigned.Value!.WorkItemIds);
        Assert.All(before, d => Assert.Null(d.CompletedOn));

        // The first ward registers: its deadline is done today, with the model as evidence; the second's is not.
        var officer = await ScopeAsync(Roles.UnitOfficer, wards[0].Code, "canbo-w1");
        var registered = await WithAsync(async (sp, _) => await sp.GetRequiredService<ModelCommands>().RegisterAsync(officer, await FormAsync("Khu phố sáng – xanh – sạch")));
        Assert.True(registered.IsOk, string.Join(" ", registered.Errors.SelectMany(e => e.Value)));
        var id = registered.Value!.Id;
        var after = await DeadlinesAsync(assigned.Value.WorkItemIds);
        var first = after.Single(d => d.LeadUnitId == wards[0].Id);
        Assert.Equal((Today, id, 100), (first.CompletedOn, first.FulfilledByModelId, first.Progress));
        Assert.Null(after.Single(d => d.LeadUnitId == wards[1].Id).CompletedOn);
        var note = await WithAsync((_, db) => db.WorkItemUpdates.Where(u => u.DeadlineId == first.Id).OrderByDescending(u => u.Id).Select(u => u.Note).FirstAsync());
        Assert.Contains("Hoàn thành trên DanVan", note, StringComparison.Ordinal);

        // The Ban returns it for correction: the task is open again; the corrected registration closes it again.
        var body = await ScopeAsync(Roles.Reviewer, "80.BTGDV", "thamdinh-test");
        async Task<Guid> Stamp() => await WithAsync((_, db) => db.MobilizationModels.Where(m => m.Id == id).Select(m => m.ConcurrencyStamp).SingleAsync());
        var stamp = await Stamp();
        var returned = await WithAsync((sp, _) => sp.GetRequiredService<ModelCommands>().StepAsync(body, id, new ModelStepRequest(ModelAction.Return, Today, "Tiêu chí chưa đo được"), stamp));
        Assert.True(returned.IsOk, string.Join(" ", returned.Errors.SelectMany(e => e.Value)));
        var reopened = (await DeadlinesAsync(assigned.Value.WorkItemIds)).Single(d => d.LeadUnitId == wards[0].Id);
        Assert.Equal(((DateOnly?)null, (int?)null), (reopened.CompletedOn, reopened.FulfilledByModelId));

        stamp = await Stamp();
        var corrected = await WithAsync(async (sp, _) => await sp.GetRequiredService<ModelCommands>().ResubmitAsync(officer, id, await FormAsync("Khu phố sáng – xanh – sạch"), stamp));
        Assert.True(corrected.IsOk, string.Join(" ", corrected.Errors.SelectMany(e => e.Value)));
        var again = (await DeadlinesAsync(assigned.Value.WorkItemIds)).Single(d => d.LeadUnitId == wards[0].Id);
        Assert.Equal((Today, id), (again.CompletedOn, again.FulfilledByModelId));

        // The second ward may report progress but not completion: only a registration completes it.
        var other = await ScopeAsync(Roles.UnitOfficer, wards[1].Code, "canbo-w2");
        var open = after.Single(d => d.LeadUnitId == wards[1].Id);
        var byHand = await WithAsync((sp, _) => sp.GetRequiredService<WorkItemCommands>().ReportAsync(other, new ReportProgressCommand(open.Id, 100, "Đã xây dựng mô hình", true, Today)));
        Assert.Equal(ResultStatus.Invalid, byHand.Status);
        Assert.Contains("đăng ký đủ số mô hình", string.Join(" ", byHand.Errors.SelectMany(e => e.Value)), StringComparison.Ordinal);
        Assert.Null((await DeadlinesAsync(assigned.Value.WorkItemIds)).Single(d => d.LeadUnitId == wards[1].Id).CompletedOn);
        var progress = await WithAsync((sp, _) => sp.GetRequiredService<WorkItemCommands>().ReportAsync(other, new ReportProgressCommand(open.Id, 30, "Đang khảo sát nội dung mô hình", false, null)));
        Assert.True(progress.IsOk);
    }

    [Fact]
    public async Task AUnitThatAlreadyRegistered_IsDoneWhenTheTaskIsAssigned_AndAQuotaOfTwoWaitsForTheSecond()
    {
        var wards = await WardsAsync(2, 1);
        var officer = await ScopeAsync(Roles.UnitOfficer, wards[0].Code, "canbo-w3");
        Assert.True((await WithAsync(async (sp, _) => await sp.GetRequiredService<ModelCommands>().RegisterAsync(officer, await FormAsync("Dân vận khéo trong xây dựng nông thôn mới")))).IsOk);
        var coordinator = await ScopeAsync(Roles.Coordinator, "80.SNV", "dieuphoi-test");
        var one = await WithAsync((sp, _) => sp.GetRequiredService<WorkItemCommands>().CreateAsync(coordinator,
            new CreateWorkItemCommand("Đăng ký mô hình “Dân vận khéo”", null, null, wards[0].Id, [], null, Schedule.Once(Today.AddDays(10)), null, null, new ModelObligation(1, Today.Year))));
        Assert.True(one.IsOk, string.Join(" ", one.Errors.SelectMany(e => e.Value)));
        Assert.Equal(Today, (await DeadlinesAsync([one.Value!.Id])).Single().CompletedOn);

        var two = await WithAsync((sp, _) => sp.GetRequiredService<WorkItemCommands>().CreateManyAsync(coordinator, Obligation([wards[0].Id], quota: 2)));
        Assert.True(two.IsOk);
        Assert.Null((await DeadlinesAsync(two.Value!.WorkItemIds)).Single().CompletedOn);
        Assert.True((await WithAsync(async (sp, _) => await sp.GetRequiredService<ModelCommands>().RegisterAsync(officer, await FormAsync("Dân vận khéo trong chuyển đổi số")))).IsOk);
        Assert.Equal(Today, (await DeadlinesAsync(two.Value.WorkItemIds)).Single().CompletedOn);
    }

    [Fact]
    public async Task ABadObligation_NamesItsFields_AndSavesNothing()
    {
        var wards = await WardsAsync(3, 1);
        var coordinator = await ScopeAsync(Roles.Coordinator, "80.SNV", "dieuphoi-test");
        var count = await WithAsync((_, db) => db.WorkItems.CountAsync());
        var zero = await WithAsync((sp, _) => sp.GetRequiredService<WorkItemCommands>().CreateManyAsync(coordinator, Obligation([wards[0].Id], quota: 0)));
        Assert.Contains("ModelQuota", zero.Errors.Keys);
        var none = await WithAsync((sp, _) => sp.GetRequiredService<WorkItemCommands>().CreateManyAsync(coordinator, Obligation([wards[0].Id], quota: null)));
        Assert.Contains("ModelQuota", none.Errors.Keys);
        var twice = await WithAsync((sp, _) => sp.GetRequiredService<WorkItemCommands>().CreateManyAsync(coordinator,
            Obligation([wards[0].Id], schedule: Schedule.HalfYearly(30, 6), start: new DateOnly(Today.Year, 1, 1))));
        Assert.Contains("Schedule", twice.Errors.Keys);
        Assert.Equal(count, await WithAsync((_, db) => db.WorkItems.CountAsync()));
    }
}
