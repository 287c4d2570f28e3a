using DanVan.Domain.Models;
using DanVan.Domain.Units;

namespace DanVan.Tests.Domain.Models;

public class ModelRulesTests
{
    private static readonly DateOnly Today = new(2026, 9, 15);

    private static ModelDraft Complete() => new()
    {
        Name = "Phố phường sạch đẹp", Situation = "Rác thải sinh hoạt để không đúng nơi quy định", Objectives = "100% hộ phân loại rác tại nguồn",
        Content = "Tổ tự quản thu gom theo lịch", AreaAndTargets = "Khu phố 1, 320 hộ", Forces = "Chi bộ chủ trì, MTTQ phối hợp, hộ dân tham gia",
        Resources = "Xã hội hóa 20 triệu đồng, 200 ngày công", StartOn = new DateOnly(2026, 3, 1), EvaluationOn = new DateOnly(2026, 11, 30),
        Milestones = [("Ra mắt", new DateOnly(2026, 3, 15)), ("Sơ kết 6 tháng", new DateOnly(2026, 9, 1))],
        Outputs = "Khu phố không còn điểm rác tự phát", Sustainability = "Nhân rộng ra các khu phố khác của phường",
    };

    [Fact]
    public void CheckRegistration_WhenComplete_HasNoErrors() => Assert.Empty(ModelRules.CheckRegistration(Complete()));

    [Fact]
    public void CheckRegistration_WhenEverythingIsMissing_NamesEveryEntryAtOnce()
    {
        var errors = ModelRules.CheckRegistration(new ModelDraft());
        Assert.Equal(
            ["AreaAndTargets", "Content", "EvaluationOn", "Forces", "Milestones", "Name", "Objectives", "Outputs", "Resources", "Situation", "StartOn", "Sustainability"],
            errors.Keys.Order(StringComparer.Ordinal).ToArray());
        Assert.Equal("Vui lòng ghi mục tiêu và tiêu chí đo được.", errors["Objectives"]);
    }

    public static TheoryData<string, (string?, DateOnly?)[], string> BadMilestones => new()
    {
        { "out of order", [("Ra mắt", new DateOnly(2026, 6, 1)), ("Triển khai", new DateOnly(2026, 4, 1))], "Các mốc phải theo thứ tự thời gian: mốc 2 (01/04/2026) trước mốc 1 (01/06/2026)." },
        { "before the start", [("Ra mắt", new DateOnly(2026, 2, 1))], "Mốc 1 (01/02/2026) trước ngày bắt đầu (01/03/2026)." },
        { "after the evaluation", [("Tổng kết", new DateOnly(2026, 12, 31))], "Mốc 1 (31/12/2026) sau ngày sơ kết, đánh giá (30/11/2026)." },
        { "without a date", [("Ra mắt", null)], "Mốc 1: vui lòng ghi cả nội dung và ngày." },
        { "none", [], "Vui lòng ghi ít nhất một mốc thời gian thực hiện (nội dung và ngày)." },
    };

    [Theory]
    [MemberData(nameof(BadMilestones))]
    public void CheckRegistration_RefusesMilestones(string why, (string?, DateOnly?)[] milestones, string message)
    {
        var errors = ModelRules.CheckRegistration(Complete() with { Milestones = milestones });
        Assert.True(errors.ContainsKey("Milestones"), why);
        Assert.Equal(message, errors["Milestones"]);
    }

    [Fact]
    public void CheckRegistration_WhenEvaluationIsNotAfterStart_Refuses() =>
        Assert.Equal("Ngày sơ kết, đánh giá phải sau ngày bắt đầu (01/03/2026).",
            ModelRules.CheckRegistration(Complete() with { EvaluationOn = new DateOnly(2026, 3, 1), Milestones = [("Ra mắt", new DateOnly(2026, 3, 1))] })["EvaluationOn"]);

    private static readonly RecognitionLevel Base = new() { Code = "co-so", Name = "Cấp cơ sở", Rank = 1 };
    private static readonly RecognitionLevel Province = new() { Code = "tinh", Name = "Cấp tỉnh", Rank = 3 };

    private const int OwnUnit = 10;
    private const int OtherUnit = 20;

    public static TheoryData<ModelStatus, ModelAction, string?, int?, int, int, RecognitionLevel?, int, ModelStatus?, string?> Steps => new()
    {
        // state, action, note, score, reviews, actor unit, level, actor rank → new state or the error's field
        { ModelStatus.Registered, ModelAction.Approve, null, null, 0, OtherUnit, null, 0, ModelStatus.Approved, null },
        { ModelStatus.Registered, ModelAction.Return, "Thiếu tiêu chí đo được", null, 0, OtherUnit, null, 0, ModelStatus.Returned, null },
        { ModelStatus.Registered, ModelAction.Return, null, null, 0, OtherUnit, null, 0, null, "Note" },
        { ModelStatus.Registered, ModelAction.Launch, null, null, 0, OwnUnit, null, 0, null, "" },
        { ModelStatus.Returned, ModelAction.Resubmit, null, null, 0, OwnUnit, null, 0, ModelStatus.Registered, null },
        { ModelStatus.Returned, ModelAction.Approve, null, null, 0, OtherUnit, null, 0, null, "" },
        { ModelStatus.Approved, ModelAction.Launch, null, null, 0, OwnUnit, null, 0, ModelStatus.Launched, null },
        { ModelStatus.Launched, ModelAction.Progress, "Đã thu gom 12 tấn rác", null, 0, OwnUnit, null, 0, ModelStatus.InProgress, null },
        { ModelStatus.Launched, ModelAction.Progress, " ", null, 0, OwnUnit, null, 0, null, "Note" },
        { ModelStatus.InProgress, ModelAction.Review, "Đạt các tiêu chí", 85, 0, OtherUnit, null, 0, ModelStatus.Reviewed, null },
        { ModelStatus.InProgress, ModelAction.Review, "Tự đánh giá", 95, 0, OwnUnit, null, 0, null, "" },
        { ModelStatus.InProgress, ModelAction.Review, "Điểm vô lý", 150, 0, OtherUnit, null, 0, null, "Score" },
        { ModelStatus.InProgress, ModelAction.Recognise, null, null, 0, OtherUnit, Province, 3, null, "" },
        { ModelStatus.Reviewed, ModelAction.Review, "Đánh giá thứ hai", 80, 1, OtherUnit, null, 0, ModelStatus.Reviewed, null },
        { ModelStatus.Reviewed, ModelAction.Recognise, null, null, 1, OtherUnit, Province, 3, ModelStatus.Recognised, null },
        { ModelStatus.Reviewed, ModelAction.Recognise, null, null, 1, OtherUnit, Base, 1, ModelStatus.Recognised, null },
        { ModelStatus.Reviewed, ModelAction.Recognise, null, null, 1, OtherUnit, Province, 1, null, "LevelCode" },
        { ModelStatus.Reviewed, ModelAction.Recognise, null, null, 1, OtherUnit, null, 3, null, "LevelCode" },
        { ModelStatus.Reviewed, ModelAction.Commend, "Bằng khen", null, 1, OtherUnit, null, 0, null, "" },
        { ModelStatus.Recognised, ModelAction.Commend, "Bằng khen của Chủ tịch UBND tỉnh", null, 1, OtherUnit, null, 0, ModelStatus.Commended, null },
        { ModelStatus.Recognised, ModelAction.Commend, null, null, 1, OtherUnit, null, 0, null, "Note" },
        { ModelStatus.Commended, ModelAction.Remove, "Không còn hiệu quả", null, 1, OtherUnit, null, 0, ModelStatus.Removed, null },
        { ModelStatus.Approved, ModelAction.Remove, null, null, 0, OtherUnit, null, 0, null, "Note" },
        { ModelStatus.Removed, ModelAction.Progress, "Vẫn làm", null, 0, OwnUnit, null, 0, null, "" },
    };

    [Theory]
    [MemberData(nameof(Steps))]
    public void Check_FollowsTheLifecycle(ModelStatus state, ModelAction action, string? note, int? score, int reviews, int actorUnit,
        RecognitionLevel? level, int actorRank, ModelStatus? expected, string? errorField)
    {
        var outcome = ModelRules.Check(
            new ModelFacts { State = state, UnitId = OwnUnit, LastStepOn = Today.AddDays(-3), Reviews = reviews },
            new ModelStepCommand { Action = action, On = Today, Note = note, Score = score, Level = level, ActorUnitId = actorUnit, ActorGrantRank = actorRank },
            Today);
        Assert.Equal(expected, outcome.NewState);
        if (errorField is null)
        {
            Assert.Empty(outcome.Errors);
        }
        else
        {
            Assert.Contains(errorField, outcome.Errors.Keys);
        }
    }

    [Fact]
    public void Check_RecogniseNeverReviewed_SaysSo()
    {
        var outcome = ModelRules.Check(new ModelFacts { State = ModelStatus.InProgress, UnitId = OwnUnit, LastStepOn = Today, Reviews = 0 },
            new ModelStepCommand { Action = ModelAction.Recognise, On = Today, Level = Province, ActorUnitId = OtherUnit, ActorGrantRank = 3 }, Today);
        Assert.Equal("Mô hình chưa được sơ kết, đánh giá: chưa thể công nhận.", outcome.Errors[""]);
    }

    [Fact]
    public void Check_ReviewerOfTheRegisteringUnit_IsRefused()
    {
        var outcome = ModelRules.Check(new ModelFacts { State = ModelStatus.InProgress, UnitId = OwnUnit, LastStepOn = Today, Reviews = 0 },
            new ModelStepCommand { Action = ModelAction.Review, On = Today, Note = "Tốt", Score = 90, ActorUnitId = OwnUnit }, Today);
        Assert.Equal("Người đánh giá không được thuộc chính đơn vị đăng ký mô hình.", outcome.Errors[""]);
    }

    [Theory]
    [InlineData(1, "Ngày 16/09/2026 chưa đến: không ghi trước một việc chưa làm.")]
    [InlineData(-10, "Ngày 05/09/2026 trước bước gần nhất của mô hình (12/09/2026).")]
    public void Check_RefusesImpossibleDates(int days, string message)
    {
        var outcome = ModelRules.Check(new ModelFacts { State = ModelStatus.Registered, UnitId = OwnUnit, LastStepOn = Today.AddDays(-3) },
            new ModelStepCommand { Action = ModelAction.Approve, On = Today.AddDays(days), ActorUnitId = OtherUnit }, Today);
        Assert.Equal(message, outcome.Errors["On"]);
    }

    [Theory]
    [InlineData(ModelStatus.Recognised, OtherUnit, null)]
    [InlineData(ModelStatus.Commended, OtherUnit, null)]
    [InlineData(ModelStatus.Reviewed, OtherUnit, "Chỉ nhân rộng được mô hình đã được công nhận.")]
    [InlineData(ModelStatus.Registered, OtherUnit, "Chỉ nhân rộng được mô hình đã được công nhận.")]
    [InlineData(ModelStatus.Recognised, OwnUnit, "Mô hình này là của chính đơn vị: nhân rộng là áp dụng mô hình của đơn vị khác.")]
    public void CheckReplication_OnlyOfARecognisedModelOfAnotherUnit(ModelStatus source, int adopting, string? refusal) =>
        Assert.Equal(refusal, ModelRules.CheckReplication(source, OwnUnit, adopting));

    [Theory]
    [InlineData(OrgUnitKind.Ward, new[] { OrgUnitKind.Province, OrgUnitKind.Country }, 1)]
    [InlineData(OrgUnitKind.Commune, new[] { OrgUnitKind.Province }, 1)]
    [InlineData(OrgUnitKind.Department, new[] { OrgUnitKind.Province, OrgUnitKind.Country }, 3)]
    [InlineData(OrgUnitKind.PartyBoard, new[] { OrgUnitKind.PartyCommittee, OrgUnitKind.Province }, 3)]
    [InlineData(OrgUnitKind.Division, new[] { OrgUnitKind.Department, OrgUnitKind.Province }, 1)]
    [InlineData(OrgUnitKind.Province, new[] { OrgUnitKind.Country }, 3)]
    [InlineData(OrgUnitKind.LegacyDistrict, new[] { OrgUnitKind.Province }, 2)]
    [InlineData(OrgUnitKind.PeoplesCommittee, new[] { OrgUnitKind.LegacyDistrict, OrgUnitKind.Province }, 2)]
    [InlineData(OrgUnitKind.PartyCommittee, new[] { OrgUnitKind.Ward, OrgUnitKind.Province }, 1)]
    public void GrantorRank_FollowsTheBodysPlace(OrgUnitKind kind, OrgUnitKind[] ancestors, int rank) =>
        Assert.Equal(rank, ModelRules.GrantorRank(kind, ancestors));

    [Fact]
    public void ShippedCatalogue_HasTheFourFields_AndLevelsWithTheirBasis()
    {
        Assert.Equal(["KT", "VHXH", "QPAN", "XDHTCT"], ModelCatalog.Fields().Select(f => f.Code).ToArray());
        Assert.All(ModelCatalog.Levels(), l => Assert.False(string.IsNullOrWhiteSpace(l.LegalBasis)));
        var district = ModelCatalog.Levels().Single(l => l.Code == "huyen");
        Assert.False(ModelCatalog.InForce(district.ValidFrom, district.ValidTo, Today));
        Assert.True(ModelCatalog.InForce(district.ValidFrom, district.ValidTo, new DateOnly(2024, 10, 1)));
    }

    [Theory]
    [InlineData(ModelStatus.Registered, false)]
    [InlineData(ModelStatus.Returned, false)]
    [InlineData(ModelStatus.Approved, true)]
    [InlineData(ModelStatus.Commended, true)]
    [InlineData(ModelStatus.Removed, false)]
    public void IsActive_MeansInTheCatalogue(ModelStatus state, bool active) => Assert.Equal(active, ModelRules.IsActive(state));
}
