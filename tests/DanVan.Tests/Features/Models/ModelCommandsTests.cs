using DanVan.Data;
using DanVan.Domain.Access;
using DanVan.Domain.Models;
using DanVan.Domain.Text;
using DanVan.Domain.Units;
using DanVan.Features.Documents;
using DanVan.Features.Models;
using DanVan.Infrastructure;
using DanVan.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DanVan.Tests.Features.Models;

/// <summary>The model handlers against the seeded demo province, on the engine under test.</summary>
public sealed class ModelCommandsTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static readonly DateOnly Today = VietnamClock.Today(TimeProvider.System);

    private static string D(DateOnly d) => VietnameseText.FormatDate(d);

    private async Task<UserScope> ScopeAsync(string role, string unitCode, string name)
    {
        using var scope = app.Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var unit = await db.OrgUnits.SingleAsync(u => u.Code == unitCode);
        return UserScope.For("id-" + name, name, role, unit.Id, unit.AncestorPath);
    }

    /// <summary>Another ward of the demo province than Phường Tân Ninh.</summary>
    private async Task<string> OtherWardCodeAsync()
    {
        using var scope = app.Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var tanNinh = await db.OrgUnits.SingleAsync(u => u.Code == "25459");
        return await db.OrgUnits.Where(u => u.AncestorPath == tanNinh.AncestorPath && u.Id != tanNinh.Id && (u.Kind == OrgUnitKind.Ward || u.Kind == OrgUnitKind.Commune) && u.ValidTo == null)
            .OrderBy(u => u.Code).Select(u => u.Code).FirstAsync();
    }

    private async Task<int> BodyAsync(string code = "80.BTGDV") => await app.UnitIdAsync(code);

    private async Task<ModelForm> FormAsync(string name) => new()
    {
        FieldCode = "VHXH", RegisteredWithUnitId = await BodyAsync(), Name = name,
        Situation = "Rác thải sinh hoạt còn để không đúng nơi quy định", Objectives = "100% hộ phân loại rác tại nguồn",
        Content = "Tổ tự quản thu gom theo lịch", AreaAndTargets = "Khu phố 1, 320 hộ", Forces = "Chi bộ chủ trì, MTTQ phối hợp, hộ dân tham gia",
        Resources = "Xã hội hóa 20 triệu đồng", StartOn = D(Today.AddDays(-30)), EvaluationOn = D(Today.AddDays(150)),
        Milestones = [new() { Title = "Ra mắt", DueOn = D(Today.AddDays(-20)) }, new() { Title = "Sơ kết", DueOn = D(Today.AddDays(90)) }],
        Outputs = "Khu phố không còn điểm rác tự phát", Sustainability = "Nhân rộng ra các khu phố khác",
    };

    private async Task<T> WithAsync<T>(Func<ModelCommands, AppDbContext, Task<T>> act)
    {
        using var scope = app.Factory.Services.CreateScope();
        return await act(scope.ServiceProvider.GetRequiredService<ModelCommands>(), scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    private async Task<Guid> StampAsync(int id) =>
        await WithAsync((_, db) => db.MobilizationModels.Where(m => m.Id == id).Select(m => m.ConcurrencyStamp).SingleAsync());

    private async Task<DanVan.Infrastructure.Result<MobilizationModel>> StepAsync(UserScope user, int id, ModelStepRequest request) =>
        await WithAsync(async (c, _) => await c.StepAsync(user, id, request, await StampAsync(id)));

    [Fact]
    public async Task Register_WithNothingFilledIn_NamesEveryMissingEntry_AndSavesNothing()
    {
        var officer = await ScopeAsync(Roles.UnitOfficer, "25459", "canbo-test");
        var before = await WithAsync((_, db) => db.MobilizationModels.CountAsync());
        var result = await WithAsync((c, _) => c.RegisterAsync(officer, new ModelForm()));
        Assert.Equal(ResultStatus.Invalid, result.Status);
        foreach (var field in new[] { "Name", "Situation", "Objectives", "Content", "AreaAndTargets", "Forces", "Resources", "StartOn", "EvaluationOn", "Milestones", "Outputs", "Sustainability", "FieldCode", "RegisteredWithUnitId" })
        {
            Assert.True(result.Errors.ContainsKey(field), field);
        }

        Assert.Equal(before, await WithAsync((_, db) => db.MobilizationModels.CountAsync()));
    }

    [Fact]
    public async Task Register_MilestonesOutOfOrder_IsRefused()
    {
        var officer = await ScopeAsync(Roles.UnitOfficer, "25459", "canbo-test");
        var form = await FormAsync("Mốc lộn xộn");
        form.Milestones = [new() { Title = "Sơ kết", DueOn = D(Today.AddDays(90)) }, new() { Title = "Ra mắt", DueOn = D(Today.AddDays(-20)) }];
        var result = await WithAsync((c, _) => c.RegisterAsync(officer, form));
        Assert.StartsWith("Các mốc phải theo thứ tự thời gian", result.Errors["Milestones"][0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheWholeLifecycle_RegisterReturnCorrectApproveLaunchProgressReviewRecogniseReplicate()
    {
        var officer = await ScopeAsync(Roles.UnitOfficer, "25459", "canbo-test");
        var wardHead = await ScopeAsync(Roles.UnitHead, "25459", "lanhdaophuong-test");
        var body = await ScopeAsync(Roles.Reviewer, "80.BTGDV", "thamdinh-test");
        var coordinator = await ScopeAsync(Roles.Coordinator, "80.SNV", "dieuphoi-test");
        var otherWard = await ScopeAsync(Roles.UnitOfficer, await OtherWardCodeAsync(), "canbo-khac");

        var registered = await WithAsync(async (c, _) => await c.RegisterAsync(officer, await FormAsync("Khu phố xanh – sạch – đẹp")));
        Assert.True(registered.IsOk, string.Join(" ", registered.Errors.SelectMany(e => e.Value)));
        var id = registered.Value!.Id;

        // A unit does not approve its own registration; the body it registered with returns it with reasons.
        Assert.Equal(ResultStatus.Forbidden, (await StepAsync(wardHead, id, new ModelStepRequest(ModelAction.Approve, Today, null))).Status);
        Assert.Equal(ResultStatus.Invalid, (await StepAsync(body, id, new ModelStepRequest(ModelAction.Return, Today, null))).Status);
        Assert.True((await StepAsync(body, id, new ModelStepRequest(ModelAction.Return, Today, "Tiêu chí chưa đo được"))).IsOk);

        var corrected = await FormAsync("Khu phố xanh – sạch – đẹp");
        corrected.Objectives = "100% hộ phân loại rác; giảm 50% lượng rác chôn lấp trong 6 tháng";
        corrected.Milestones.Add(new MilestoneInput { Title = "Tổng kết", DueOn = D(Today.AddDays(140)) });
        var resubmitted = await WithAsync(async (c, _) => await c.ResubmitAsync(officer, id, corrected, await StampAsync(id)));
        Assert.True(resubmitted.IsOk, string.Join(" ", resubmitted.Errors.SelectMany(e => e.Value)));

        Assert.True((await StepAsync(body, id, new ModelStepRequest(ModelAction.Approve, Today, null))).IsOk);
        Assert.True((await StepAsync(officer, id, new ModelStepRequest(ModelAction.Launch, Today, "Ra mắt tại nhà văn hóa khu phố"))).IsOk);

        // A "photo" that is not an image is refused, and nothing of the report is kept.
        var milestone = await WithAsync((_, db) => db.ModelMilestones.Where(m => m.ModelId == id).OrderBy(m => m.Order).Select(m => m.Id).FirstAsync());
        var fake = await StepAsync(officer, id, new ModelStepRequest(ModelAction.Progress, Today, "Đã thu gom 12 tấn rác", MilestoneId: milestone,
            Evidence: new UploadedFile("anh.jpg", "không phải ảnh"u8.ToArray())));
        Assert.True(fake.Errors.ContainsKey("Evidence"));
        Assert.Equal(0, await WithAsync((_, db) => db.ModelSteps.CountAsync(s => s.ModelId == id && s.Action == ModelAction.Progress)));
        var progress = await StepAsync(officer, id, new ModelStepRequest(ModelAction.Progress, Today, "Đã thu gom 12 tấn rác", MilestoneId: milestone,
            Evidence: new UploadedFile("anh-ra-mat.png", TestFiles.Png())));
        Assert.True(progress.IsOk, string.Join(" ", progress.Errors.SelectMany(e => e.Value)));
        Assert.Equal(1, await WithAsync((_, db) => db.ModelEvidence.CountAsync(e => db.ModelSteps.Any(s => s.Id == e.StepId && s.ModelId == id))));

        // Recognising before any review is refused; the ward's own head may not review it.
        var early = await StepAsync(coordinator, id, new ModelStepRequest(ModelAction.Recognise, Today, null, LevelCode: "tinh"));
        Assert.Equal("Mô hình chưa được sơ kết, đánh giá: chưa thể công nhận.", early.Errors[""][0]);
        var own = await StepAsync(wardHead, id, new ModelStepRequest(ModelAction.Review, Today, "Tự đánh giá tốt", Score: 95));
        Assert.Equal(ResultStatus.Forbidden, own.Status);

        // The review is scored against the criteria in force (data): a missing or out-of-range criterion is refused with its
        // name and maximum, and nothing is saved.
        var points = new Dictionary<string, int?> { ["TT1"] = 18, ["TT2"] = 17, ["TT3"] = 16, ["TT4"] = 15, ["TT5"] = 19 };
        var partial = await StepAsync(body, id, new ModelStepRequest(ModelAction.Review, Today, "Đạt tiêu chí",
            Points: new Dictionary<string, int?>(points) { ["TT2"] = null, ["TT5"] = 25 }));
        Assert.Equal("Điểm tiêu chí «Vận động được Nhân dân tự giác chấp hành chủ trương, chính sách, pháp luật» phải từ 0 đến 20.", partial.Errors["Points[TT2]"][0]);
        Assert.Equal("Điểm tiêu chí «Bền vững, có khả năng duy trì và nhân rộng» phải từ 0 đến 20.", partial.Errors["Points[TT5]"][0]);
        Assert.Equal(2, partial.Errors.Count);
        Assert.Equal(0, await WithAsync((_, db) => db.ModelSteps.CountAsync(s => s.ModelId == id && s.Action == ModelAction.Review)));
        Assert.Equal(0, await WithAsync((_, db) => db.ModelReviewScores.CountAsync(x => db.ModelSteps.Any(s => s.Id == x.StepId && s.ModelId == id))));

        // Two reviewers save at once: one gets a Vietnamese message, not a 500 and not a lost review.
        var stamp = await StampAsync(id);
        var first = await WithAsync((c, _) => c.StepAsync(body, id, new ModelStepRequest(ModelAction.Review, Today, "Đạt tiêu chí", Points: points), stamp));
        var second = await WithAsync((c, _) => c.StepAsync(coordinator, id, new ModelStepRequest(ModelAction.Review, Today, "Đạt", Points: points), stamp));
        Assert.True(first.IsOk, string.Join(" ", first.Errors.SelectMany(e => e.Value)));
        Assert.Equal(ModelCommands.Stale, second.Errors[""][0]);
        var review = await WithAsync((_, db) => db.ModelSteps.SingleAsync(s => s.ModelId == id && s.Action == ModelAction.Review));
        Assert.Equal(85, review.Score);
        var scores = await WithAsync((_, db) => db.ModelReviewScores.Where(s => s.StepId == review.Id).OrderBy(s => s.CriterionCode).ToListAsync());
        Assert.Equal(["TT1", "TT2", "TT3", "TT4", "TT5"], scores.Select(s => s.CriterionCode));
        Assert.Equal([18, 17, 16, 15, 19], scores.Select(s => s.Points));
        Assert.All(scores, s => Assert.Equal(20, s.MaxPoints));

        // The ward's head recognises at base level only; the province recognises at provincial level.
        var tooHigh = await StepAsync(wardHead, id, new ModelStepRequest(ModelAction.Recognise, Today, null, LevelCode: "tinh"));
        Assert.Equal("Cấp công nhận «Cấp tỉnh» vượt thẩm quyền của cơ quan công nhận.", tooHigh.Errors["LevelCode"][0]);
        Assert.True((await StepAsync(coordinator, id, new ModelStepRequest(ModelAction.Recognise, Today, null, LevelCode: "tinh"))).IsOk);

        // Another ward replicates it; the original says where it was copied.
        var copy = await WithAsync((c, _) => c.ReplicateAsync(otherWard, id, null));
        Assert.True(copy.IsOk, string.Join(" ", copy.Errors.SelectMany(e => e.Value)));
        Assert.Equal(id, copy.Value!.ReplicatedFromId);
        Assert.Equal(ModelStatus.Registered, copy.Value.State);
        var again = await WithAsync((c, _) => c.ReplicateAsync(otherWard, id, null));
        Assert.Equal("Đơn vị đã đăng ký nhân rộng mô hình này.", again.Errors[""][0]);
        var timeline = await WithAsync((_, db) => db.ModelSteps.Where(s => s.ModelId == id).OrderBy(s => s.Id).Select(s => s.Action).ToListAsync());
        Assert.Equal([ModelAction.Register, ModelAction.Return, ModelAction.Resubmit, ModelAction.Approve, ModelAction.Launch, ModelAction.Progress,
            ModelAction.Review, ModelAction.Recognise, ModelAction.Replicated], timeline);

        // A copy that is not recognised is not even visible to the first ward, let alone replicable (ModelRulesTests has the rule itself).
        var unrecognised = await WithAsync((c, _) => c.ReplicateAsync(officer, copy.Value.Id, null));
        Assert.Equal(ResultStatus.NotFound, unrecognised.Status);

        // Measures count them for the report, with provenance.
        var measures = await WithAsync(async (_, db) =>
        {
            var m = new ModelMeasures(db);
            var range = (Today.AddDays(-1), Today.AddDays(1));
            return (await m.ComputeAsync(ModelMeasures.Registered, [officer.UnitId, otherWard.UnitId], range.Item1, range.Item2, default),
                await m.ComputeAsync(ModelMeasures.Recognised, [officer.UnitId], range.Item1, range.Item2, default),
                await m.ComputeAsync(ModelMeasures.Replicated, [otherWard.UnitId], range.Item1, range.Item2, default),
                await m.ComputeAsync(ModelMeasures.Active, [officer.UnitId], range.Item1, range.Item2, default));
        });
        Assert.True(measures.Item1[officer.UnitId].Value >= 1);
        Assert.True(measures.Item2[officer.UnitId].Value >= 1);
        Assert.True(measures.Item3[otherWard.UnitId].Value >= 1);
        Assert.True(measures.Item4[officer.UnitId].Value >= 1);
        Assert.StartsWith("Theo dõi trên DanVan (danh mục mô hình “Dân vận khéo”):", measures.Item2[officer.UnitId].Provenance, StringComparison.Ordinal);

        // Every write is in the audit trail, under the ward.
        var audited = await WithAsync((_, db) => db.AuditEntries.CountAsync(a => a.EntityType == nameof(MobilizationModel) && a.UnitId == officer.UnitId));
        Assert.True(audited >= 5);
    }

    [Fact]
    public async Task ForeignUsers_DoNotSeeOrTouchAModel()
    {
        var officer = await ScopeAsync(Roles.UnitOfficer, "25459", "canbo-test");
        var registered = await WithAsync(async (c, _) => await c.RegisterAsync(officer, await FormAsync("Mô hình riêng của phường")));
        var id = registered.Value!.Id;
        var foreign = await WithAsync(async (_, db) =>
        {
            var hanoi = await db.OrgUnits.SingleAsync(u => u.Code == "01");
            return UserScope.For("x", "x", Roles.Coordinator, hanoi.Id, hanoi.AncestorPath);
        });
        Assert.Equal(ResultStatus.NotFound, (await StepAsync(foreign, id, new ModelStepRequest(ModelAction.Approve, Today, null))).Status);
        var otherWard = await ScopeAsync(Roles.UnitOfficer, await OtherWardCodeAsync(), "canbo-khac");
        Assert.Equal(ResultStatus.NotFound, (await WithAsync((c, _) => c.ReplicateAsync(otherWard, id, null))).Status);
    }

    [Fact]
    public async Task TheWardsReport_IsPrefilledWithItsModelCounts_WithProvenance()
    {
        var officer = await ScopeAsync(Roles.UnitOfficer, "25459", "canbo-test");
        var registered = await WithAsync(async (c, _) => await c.RegisterAsync(officer, await FormAsync("Mô hình cho báo cáo")));
        Assert.True(registered.IsOk);
        var coordinator = await ScopeAsync(Roles.Coordinator, "80.SNV", "dieuphoi-test");
        using var scope = app.Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var regime = await db.ReportRegimes.SingleAsync(r => r.Code == DanVan.Domain.Reports.DefaultRegime.Code);
        var opened = await scope.ServiceProvider.GetRequiredService<DanVan.Features.Reports.ReportCommands>()
            .OpenAsync(coordinator, new DanVan.Features.Reports.OpenPeriodCommand(regime.Id, DanVan.Domain.Reports.ReportPeriodKind.Year, Today.Year, DueOn: Today.AddDays(30)));
        Assert.True(opened.IsOk, string.Join(" ", opened.Errors.SelectMany(e => e.Value)));
        var slot = await db.ReportSubmissions.SingleAsync(s => s.PeriodId == opened.Value!.Id && s.UnitId == officer.UnitId);
        var values = await db.ReportValues.Where(v => v.SubmissionId == slot.Id)
            .Join(db.ReportIndicators, v => v.IndicatorId, i => i.Id, (v, i) => new { i.Code, v.Value, v.Source, v.Provenance }).ToListAsync();
        var registeredCount = values.Single(v => v.Code == "MH_DANGKY");
        Assert.Equal(DanVan.Domain.Reports.ValueSource.Prefilled, registeredCount.Source);
        Assert.True(registeredCount.Value >= 1);
        Assert.Contains("danh mục mô hình “Dân vận khéo”", registeredCount.Provenance, StringComparison.Ordinal);
        Assert.Contains(values, v => v.Code == "MH_HIEUQUA" && v.Source == DanVan.Domain.Reports.ValueSource.Prefilled);
        Assert.Contains(values, v => v.Code == "MH_NHANRONG" && v.Source == DanVan.Domain.Reports.ValueSource.Prefilled);
    }
}
