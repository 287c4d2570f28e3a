using DanVan.Domain.Scoring;

namespace DanVan.Tests.Domain;

/// <summary>Issue 16's rules as tables: step tables and bands as written by officials, measured points, totals with caps and disqualifiers, the shipped frameworks.</summary>
public class ScoringRulesTests
{
    [Theory]
    [InlineData("95=1;80=0,5;0=0", 3)]
    [InlineData("100=1; 50=0.5", 2)]
    [InlineData("", 0)]
    [InlineData(null, 0)]
    public void StepTables_Read(string? text, int count) => Assert.Equal(count, ScoringRules.ParseSteps(text)!.Count);

    [Theory]
    [InlineData("95=2")] // a fraction above 1
    [InlineData("95")]
    [InlineData("abc=1")]
    [InlineData("-5=1")]
    public void BadStepTables_AreRefused(string text) => Assert.Null(ScoringRules.ParseSteps(text));

    [Fact]
    public void Bands_ReadBestFirst_AndRefuseRepeatsOrBadNumbers()
    {
        var bands = ScoringRules.ParseBands("Hoàn thành=50;Hoàn thành xuất sắc=90;Không hoàn thành=0;Hoàn thành tốt=70")!;
        Assert.Equal(["Hoàn thành xuất sắc", "Hoàn thành tốt", "Hoàn thành", "Không hoàn thành"], bands.Select(b => b.Name));
        Assert.Null(ScoringRules.ParseBands("Tốt=70;Tốt=50"));
        Assert.Null(ScoringRules.ParseBands("Tốt=bảy mươi"));
        Assert.Null(ScoringRules.ParseBands(""));
    }

    [Fact]
    public void Check_RefusesTwoBandsFromTheSameScore_TheSecondCouldNeverBeGiven()
    {
        var f = new ScoringFramework { Bands = "Tốt=70;Khá=70;Chưa tốt=0" };
        Assert.Equal(["Hai mức xếp loại “Tốt” và “Khá” cùng từ 70 điểm: mỗi mức phải có điểm tối thiểu riêng."], ScoringRules.Check(f));
        Assert.Empty(ScoringRules.Check(new ScoringFramework { Bands = "Tốt=70;Khá=60;Chưa tốt=0" }));
    }

    [Theory]
    [InlineData(100, "Hoàn thành xuất sắc")]
    [InlineData(90, "Hoàn thành xuất sắc")]
    [InlineData(89.99, "Hoàn thành tốt")]
    [InlineData(70, "Hoàn thành tốt")]
    [InlineData(50, "Hoàn thành")]
    [InlineData(49.5, "Không hoàn thành")]
    [InlineData(0, "Không hoàn thành")]
    public void Grades_AtTheBandEdges(double total, string grade) =>
        Assert.Equal(grade, ScoringRules.Grade(ScoringRules.ParseBands("Hoàn thành xuất sắc=90;Hoàn thành tốt=70;Hoàn thành=50;Không hoàn thành=0")!, total, false));

    [Theory]
    [InlineData(19, 20, 4)] // 95 %: full
    [InlineData(18, 20, 2)] // 90 %: half
    [InlineData(15, 20, 0)] // 75 %
    [InlineData(25, 20, 4)] // more done than due counts as 100 %
    public void AShare_ScoresThroughItsStepTable(double done, double due, double points)
    {
        var c = new ScoringCriterion { Code = "TC1.2", MaxPoints = 4, Method = ScoringMethod.Measured, MeasureCode = "nhiem-vu-dung-han", DenominatorCode = "nhiem-vu-den-han", Steps = "95=1;80=0,5;0=0" };
        Assert.Equal(points, ScoringRules.Measure(c, done, due).Points);
    }

    [Fact]
    public void NothingDue_ScoresAsTheFrameworkSays()
    {
        var full = new ScoringCriterion { MaxPoints = 5, Method = ScoringMethod.Measured, MeasureCode = "a", DenominatorCode = "b", NoneScoresFull = true };
        var none = new ScoringCriterion { MaxPoints = 4, Method = ScoringMethod.Measured, MeasureCode = "a", DenominatorCode = "b", NoneScoresFull = false };
        Assert.Equal(5, ScoringRules.Measure(full, 0, 0).Points);
        Assert.Null(ScoringRules.Measure(full, 0, 0).Value);
        Assert.Equal(0, ScoringRules.Measure(none, 0, 0).Points);
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 8)]
    [InlineData(3, 8)]
    public void ACount_ScoresFromItsThreshold(double count, double points) =>
        Assert.Equal(points, ScoringRules.Measure(new ScoringCriterion { MaxPoints = 8, Method = ScoringMethod.Measured, MeasureCode = "doi-thoai-cuoc", Steps = "1=1;0=0" }, count, null).Points);

    [Fact]
    public void Totals_CapBonusAndPenalty_ClampEachLine_AndDisqualify()
    {
        var f = new ScoringFramework { BonusCap = 5, PenaltyCap = 10, Bands = "Tốt=70;Chưa tốt=0" };
        var a = new ScoringCriterion { Kind = CriterionKind.Regular, MaxPoints = 60 };
        var b = new ScoringCriterion { Kind = CriterionKind.Regular, MaxPoints = 40 };
        var bonus = new ScoringCriterion { Kind = CriterionKind.Bonus, MaxPoints = 8 };
        var penalty = new ScoringCriterion { Kind = CriterionKind.Penalty, MaxPoints = 20 };
        var kxl = new ScoringCriterion { Kind = CriterionKind.Disqualifier, MaxPoints = 1 };

        var t = ScoringRules.Total(f, [(a, 70), (b, 30), (bonus, 8), (penalty, 15), (kxl, 0)]);
        Assert.Equal(60 + 30, t.Regular); // 70 typed on a 60-point line counts 60
        Assert.Equal(5, t.Bonus);
        Assert.Equal(10, t.Penalty);
        Assert.Equal(85, t.Total);
        Assert.Equal("Tốt", t.Grade);

        var out1 = ScoringRules.Total(f, [(a, 60), (b, 40), (kxl, 1)]);
        Assert.True(out1.Disqualified);
        Assert.Equal(ScoringRules.NotRanked, out1.Grade);
        Assert.Equal(0, ScoringRules.Total(f, [(a, 2), (penalty, 10)]).Total); // never below zero
    }

    [Theory]
    [InlineData("7,5", true, 7.5)]
    [InlineData("7.5", true, 7.5)]
    [InlineData(" 10 ", true, 10)]
    [InlineData("7,555", false, 0)]
    [InlineData("abc", false, 0)]
    [InlineData("-1", false, 0)]
    [InlineData("", false, 0)]
    public void Points_AsTyped(string text, bool ok, double value)
    {
        Assert.Equal(ok, ScoringRules.TryNumber(text, out var v));
        if (ok)
        {
            Assert.Equal(value, v);
        }
    }

    [Fact]
    public void TheShippedFrameworks_Check_AndAddUpTo100()
    {
        foreach (var spec in ShippedFrameworks.All())
        {
            var f = Build(spec);
            Assert.Empty(ScoringRules.Check(f));
            Assert.Equal(100, f.Criteria.Where(c => c.Kind == CriterionKind.Regular).Sum(c => c.MaxPoints));
            Assert.NotEmpty(f.LegalBasis);
        }

        Assert.Equal([10, 10, 20, 20, 20, 20], Build(ShippedFrameworks.TayNinh()).Criteria.Where(c => c.Kind == CriterionKind.Group).Select(c => c.MaxPoints));
    }

    [Fact]
    public void AGroupThatDoesNotAddUp_IsNamed()
    {
        var f = Build(ShippedFrameworks.TayNinh());
        f.Criteria.Single(c => c.Code == "TC1.1").MaxPoints = 5;
        Assert.Contains(ScoringRules.Check(f), p => p.StartsWith("TC1: điểm tối đa 10 khác tổng các tiểu mục (12)", StringComparison.Ordinal));
    }

    private static ScoringFramework Build(ShippedFrameworks.FrameworkSpec spec)
    {
        var f = spec.Framework;
        var ids = spec.Criteria.Select((c, i) => (c.Code, Id: i + 1)).ToDictionary(x => x.Code, x => x.Id);
        f.Criteria = spec.Criteria.Select((c, i) => new ScoringCriterion
        {
            Id = i + 1, ParentId = c.Parent is null ? null : ids[c.Parent], Code = c.Code, Name = c.Name, Kind = c.Kind, MaxPoints = c.Max, Method = c.Method,
            MeasureCode = c.Measure, DenominatorCode = c.Denominator, Steps = c.Steps, EvidenceRequired = c.Evidence, NoneScoresFull = c.NoneScoresFull, SortOrder = i,
        }).ToList();
        return f;
    }
}
