using DanVan.Domain.Democracy;

namespace DanVan.Tests.Domain.Democracy;

/// <summary>Nhân dân bàn và quyết định as tables: the count against the thresholds (no rounding), the quorum, bad figures.</summary>
public class DecisionRulesTests
{
    private static readonly DateOnly Today = new(2026, 12, 3);

    private static DecisionRule Rule(string code) => DecisionRules.Shipped().Single(r => r.Code == code);

    public static TheoryData<string, DecisionForm, int, int, int, DecisionOutcome> Counts => new()
    {
        // rule, form, entitled, present, for → outcome
        { "dong-gop-ha-tang", DecisionForm.Meeting, 210, 172, 150, DecisionOutcome.Passed },     // 71.4 % ≥ 2/3
        { "dong-gop-ha-tang", DecisionForm.Meeting, 210, 160, 126, DecisionOutcome.Rejected },   // 60 %
        { "dong-gop-ha-tang", DecisionForm.Meeting, 300, 250, 200, DecisionOutcome.Passed },     // exactly 2/3 reaches "at least"
        { "dong-gop-ha-tang", DecisionForm.Meeting, 200, 180, 133, DecisionOutcome.Rejected },   // 66.5 % rounds to 67 % but is not 2/3
        { "huong-uoc", DecisionForm.Meeting, 200, 150, 100, DecisionOutcome.Rejected },          // exactly half is not "more than half"
        { "huong-uoc", DecisionForm.Meeting, 200, 150, 101, DecisionOutcome.Passed },
        { "huong-uoc", DecisionForm.Meeting, 200, 100, 100, DecisionOutcome.NoQuorum },          // half the households present is not a valid meeting
        { "huong-uoc", DecisionForm.Questionnaire, 200, 120, 101, DecisionOutcome.Passed },      // no quorum for a questionnaire
    };

    [Theory]
    [MemberData(nameof(Counts))]
    public void Count_ComparesWholeNumbers_AgainstTheRulesShares(string rule, DecisionForm form, int entitled, int present, int yes, DecisionOutcome outcome)
    {
        var result = DecisionRules.Count(Rule(rule), form, entitled, present, yes);
        Assert.Equal(outcome, result.Outcome);
        Assert.Contains(result.Outcome == DecisionOutcome.NoQuorum ? "tham dự" : "đồng ý", result.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Count_SaysTheFiguresAndTheThreshold()
    {
        Assert.Equal("Không thông qua: 126/210 hộ đồng ý (60,0%), chưa đạt ngưỡng từ 2/3 tổng số hộ.",
            DecisionRules.Count(Rule("dong-gop-ha-tang"), DecisionForm.Meeting, 210, 160, 126).Explanation);
    }

    public static TheoryData<string, DecisionFacts, string?> Checks => new()
    {
        { "valid", new(Rule("huong-uoc"), DecisionForm.Meeting, Today, "Khu phố 1", "Quy ước", 200, 150, 120, 10), null },
        { "present above entitled", new(Rule("huong-uoc"), DecisionForm.Meeting, Today, "Khu phố 1", "Quy ước", 200, 201, 120, 10), "HouseholdsPresent" },
        { "votes above present", new(Rule("huong-uoc"), DecisionForm.Meeting, Today, "Khu phố 1", "Quy ước", 200, 150, 120, 40), "For" },
        { "negative", new(Rule("huong-uoc"), DecisionForm.Meeting, Today, "Khu phố 1", "Quy ước", 200, 150, -1, 10), "For" },
        { "no households", new(Rule("huong-uoc"), DecisionForm.Meeting, Today, "Khu phố 1", "Quy ước", 0, 0, 0, 0), "HouseholdsEntitled" },
        { "in the future", new(Rule("huong-uoc"), DecisionForm.Meeting, Today.AddDays(1), "Khu phố 1", "Quy ước", 200, 150, 120, 10), "HeldOn" },
        { "no rule", new(null, DecisionForm.Meeting, Today, "Khu phố 1", "Quy ước", 200, 150, 120, 10), "RuleCode" },
        { "no form", new(Rule("huong-uoc"), null, Today, "Khu phố 1", "Quy ước", 200, 150, 120, 10), "Form" },
        { "no matter", new(Rule("huong-uoc"), DecisionForm.Meeting, Today, "Khu phố 1", " ", 200, 150, 120, 10), "Matter" },
        { "no community", new(Rule("huong-uoc"), DecisionForm.Meeting, Today, "", "Quy ước", 200, 150, 120, 10), "Community" },
    };

    [Theory]
    [MemberData(nameof(Checks))]
    public void Check_RefusesImpossibleFigures(string because, DecisionFacts facts, string? field)
    {
        var errors = DecisionRules.Check(facts, Today);
        if (field is null)
        {
            Assert.True(errors.Count == 0, because + ": " + string.Join(" ", errors.Values));
        }
        else
        {
            Assert.True(errors.ContainsKey(field), because + ": " + string.Join(" ", errors.Keys));
        }
    }

    [Fact]
    public void TheShippedRules_AskTwoThirdsForContributions_AndMoreThanHalfOtherwise_EachWithItsBasis()
    {
        var rules = DecisionRules.Shipped();
        Assert.All(rules.Where(r => r.Code is "dong-gop-ha-tang" or "quan-ly-dong-gop"), r => Assert.Equal((2, 3, false), (r.ApprovalNumerator, r.ApprovalDenominator, r.ApprovalStrict)));
        Assert.All(rules.Where(r => r.Code is not ("dong-gop-ha-tang" or "quan-ly-dong-gop")), r => Assert.Equal((1, 2, true), (r.ApprovalNumerator, r.ApprovalDenominator, r.ApprovalStrict)));
        Assert.All(rules, r => Assert.False(string.IsNullOrWhiteSpace(r.LegalBasis)));
        Assert.All(rules, r => Assert.Equal((1, 2, true), (r.QuorumNumerator, r.QuorumDenominator, r.QuorumStrict)));
    }
}
