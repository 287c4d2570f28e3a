using DanVan.Domain.Democracy;

namespace DanVan.Tests.Domain.Democracy;

/// <summary>Lấy ý kiến Nhân dân as tables: dates, counts, the decision after the closing, the shipped list of Điều 25.</summary>
public class PeopleConsultationRulesTests
{
    private static readonly DateOnly Today = new(2026, 12, 3);

    private static readonly PeopleConsultationMatter Land = PeopleConsultationRules.Shipped().Single(m => m.Code == "quy-hoach-dat");

    private static PeopleConsultationFacts Valid() => new(Land, "Dự thảo kế hoạch sử dụng đất năm 2027", "Toàn phường", ConsultationForms.CommunityMeeting | ConsultationForms.Portal,
        new DateOnly(2026, 10, 1), new DateOnly(2026, 10, 31), 420, 390, 25, "Nghị quyết số 12/NQ-HĐND", new DateOnly(2026, 11, 20));

    public static TheoryData<string, PeopleConsultationFacts, string> Refused => new()
    {
        // case, facts → field refused
        { "no matter", Valid() with { Matter = null }, "MatterCode" },
        { "matter not yet in force", Valid() with { OpensOn = new DateOnly(2023, 1, 2), ClosesOn = new DateOnly(2023, 1, 20), DecidedOn = null }, "MatterCode" },
        { "empty subject", Valid() with { Subject = "  " }, "Subject" },
        { "no community", Valid() with { Community = null }, "Community" },
        { "no form", Valid() with { Forms = ConsultationForms.None }, "Forms" },
        { "closing before opening", Valid() with { ClosesOn = new DateOnly(2026, 9, 30) }, "ClosesOn" },
        { "longer than a year", Valid() with { OpensOn = new DateOnly(2025, 1, 1), ClosesOn = new DateOnly(2026, 6, 1), DecidedOn = null }, "ClosesOn" },
        { "opening far ahead", Valid() with { OpensOn = Today.AddDays(120), ClosesOn = Today.AddDays(130), DecidedOn = null }, "OpensOn" },
        { "opening in an absurd year", Valid() with { OpensOn = new DateOnly(1900, 1, 1), ClosesOn = new DateOnly(1900, 1, 20), DecidedOn = null }, "OpensOn" },
        { "negative received", Valid() with { Received = -1 }, "OpinionsReceived" },
        { "no received", Valid() with { Received = null }, "OpinionsReceived" },
        { "absurd received", Valid() with { Received = 50_000_000 }, "OpinionsReceived" },
        { "agreed above received", Valid() with { Agreed = 421 }, "OpinionsAgreed" },
        { "negative agreed", Valid() with { Agreed = -5 }, "OpinionsAgreed" },
        { "negative other", Valid() with { Other = -1 }, "OpinionsOther" },
        { "agreed and other above received", Valid() with { Other = 31 }, "OpinionsOther" },
        { "decided before closing", Valid() with { DecidedOn = new DateOnly(2026, 10, 30) }, "DecidedOn" },
        { "decided in the future", Valid() with { DecidedOn = Today.AddDays(1) }, "DecidedOn" },
        { "decision date without decision", Valid() with { Decision = "" }, "Decision" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void Check_RefusesBadInput_ByField(string name, PeopleConsultationFacts facts, string field)
    {
        var errors = PeopleConsultationRules.Check(facts, Today);
        Assert.True(errors.ContainsKey(field), $"{name}: {string.Join(" | ", errors.Select(e => e.Key + ": " + e.Value))}");
        Assert.Single(errors);
    }

    public static TheoryData<string, PeopleConsultationFacts> Accepted => new()
    {
        { "complete", Valid() },
        { "no opinions at all", Valid() with { Received = 0, Agreed = 0, Other = 0 } },
        { "one day", Valid() with { ClosesOn = new DateOnly(2026, 10, 1), DecidedOn = null, Decision = null } },
        { "decided on the closing day", Valid() with { DecidedOn = new DateOnly(2026, 10, 31) } },
        { "still open (closes next month)", Valid() with { OpensOn = Today.AddDays(-5), ClosesOn = Today.AddDays(25), DecidedOn = null, Decision = null } },
        { "decision text without date", Valid() with { DecidedOn = null } },
    };

    [Theory]
    [MemberData(nameof(Accepted))]
    public void Check_AcceptsWhatTheLawAllows(string name, PeopleConsultationFacts facts) =>
        Assert.True(PeopleConsultationRules.Check(facts, Today).Count == 0, name);

    [Fact]
    public void Check_GivesEveryErrorAtOnce()
    {
        var errors = PeopleConsultationRules.Check(new PeopleConsultationFacts(null, "", "", ConsultationForms.None, new DateOnly(2026, 5, 2), new DateOnly(2026, 5, 1), -1, -1, -1, null, null), Today);
        Assert.Equal(["ClosesOn", "Community", "Forms", "MatterCode", "OpinionsAgreed", "OpinionsOther", "OpinionsReceived", "Subject"], errors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("Ngày kết thúc lấy ý kiến không thể trước ngày bắt đầu.", errors["ClosesOn"]);
    }

    [Fact]
    public void Shipped_IsData_WithArticleBasisAndValidity_AndTheFormsAreTheEightPoints()
    {
        var matters = PeopleConsultationRules.Shipped();
        Assert.Equal(matters.Count, matters.Select(m => m.Code).Distinct().Count());
        Assert.All(matters, m =>
        {
            Assert.StartsWith("Điều 25", m.Article, StringComparison.Ordinal);
            Assert.Contains("10/2022/QH15", m.LegalBasis, StringComparison.Ordinal);
            Assert.Equal(new DateOnly(2023, 7, 1), m.ValidFrom);
        });
        Assert.Equal(["a", "b", "c", "d", "đ", "e", "g", "h"], PeopleConsultationRules.AllForms.Select(PeopleConsultationRules.Point));
        Assert.Equal("Họp cộng đồng dân cư; Cổng, trang thông tin điện tử của xã", PeopleConsultationRules.Labels(ConsultationForms.CommunityMeeting | ConsultationForms.Portal));
    }
}
