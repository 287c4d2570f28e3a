using DanVan.Domain.Democracy;

namespace DanVan.Tests.Domain.Democracy;

/// <summary>Ban Thanh tra nhân dân, Ban Giám sát đầu tư của cộng đồng as tables: the kinds a unit holds, the member bounds (data), terms, activities.</summary>
public class OversightRulesTests
{
    private static readonly DateOnly Today = new(2026, 12, 3);

    private static readonly DateOnly From = new(2025, 1, 1);

    private static List<(string Name, OversightMemberRole? Role)> Members(int count) =>
        Enumerable.Range(1, count).Select(i => ($"Thành viên {i}", (OversightMemberRole?)(i == 1 ? OversightMemberRole.Head : OversightMemberRole.Member))).ToList();

    private static OversightBoardFacts Board(DisclosureScope? scope, OversightBoardKind? kind, int members, string? project = "Dự án A", DateOnly? to = null, string? name = "Ban")
    {
        var rule = kind is { } k && scope is { } s ? OversightRules.RuleFor(OversightRules.Shipped(), k, s, From) : null;
        return new(scope, kind, name, project, From, to ?? From.AddYears(2), Members(members), rule);
    }

    public static TheoryData<DisclosureScope?, OversightBoardKind?, int, string?> Cases => new()
    {
        // scope, kind, members → the field in error (null: valid)
        { DisclosureScope.Commune, OversightBoardKind.CommunityInvestment, 5, null },
        { DisclosureScope.Commune, OversightBoardKind.CommunityInvestment, 7, null },
        { DisclosureScope.Commune, OversightBoardKind.CommunityInvestment, 4, "Members" },   // Ban GSĐTCĐ 5–7
        { DisclosureScope.Commune, OversightBoardKind.CommunityInvestment, 8, "Members" },
        { DisclosureScope.Agency, OversightBoardKind.PeopleInspection, 3, null },             // agency Ban TTND 3–9
        { DisclosureScope.Agency, OversightBoardKind.PeopleInspection, 9, null },
        { DisclosureScope.Agency, OversightBoardKind.PeopleInspection, 2, "Members" },
        { DisclosureScope.Agency, OversightBoardKind.PeopleInspection, 10, "Members" },
        { DisclosureScope.Commune, OversightBoardKind.PeopleInspection, 15, null },           // the commune's: sized by Ủy ban MTTQ xã
        { DisclosureScope.Agency, OversightBoardKind.CommunityInvestment, 5, "Kind" },        // agencies have no Ban GSĐTCĐ
        { DisclosureScope.Commune, null, 5, "Kind" },
        { null, OversightBoardKind.PeopleInspection, 5, "" },                                 // a province holds no board
        { DisclosureScope.Commune, OversightBoardKind.PeopleInspection, 0, "Members" },       // no head
        { DisclosureScope.Commune, OversightBoardKind.PeopleInspection, OversightRules.MaxMembers + 1, "Members" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Check_AppliesTheBoundsInForce_AndTheKindsOfTheUnit(DisclosureScope? scope, OversightBoardKind? kind, int members, string? field)
    {
        var errors = OversightRules.Check(Board(scope, kind, members));
        if (field is null)
        {
            Assert.Empty(errors);
        }
        else
        {
            Assert.True(errors.ContainsKey(field), string.Join("; ", errors.Select(e => $"{e.Key}: {e.Value}")));
        }
    }

    [Fact]
    public void Check_SaysTheBoundsAndTheirBasis_InVietnamese()
    {
        var errors = OversightRules.Check(Board(DisclosureScope.Commune, OversightBoardKind.CommunityInvestment, 4));
        Assert.StartsWith("Ban Giám sát đầu tư của cộng đồng có từ 5 đến 7 thành viên (Luật Thực hiện dân chủ ở cơ sở", errors["Members"], StringComparison.Ordinal);
        Assert.EndsWith("danh sách đang có 4 người.", errors["Members"], StringComparison.Ordinal);
    }

    [Fact]
    public void Check_RefusesATermEndingBeforeItStarts_AMissingProject_TwoHeads_AndAnEmptyName()
    {
        Assert.Equal("Ngày kết thúc nhiệm kỳ không thể trước ngày bắt đầu nhiệm kỳ.",
            OversightRules.Check(Board(DisclosureScope.Commune, OversightBoardKind.PeopleInspection, 5, to: From.AddDays(-1)))["TermTo"]);
        Assert.True(OversightRules.Check(Board(DisclosureScope.Commune, OversightBoardKind.CommunityInvestment, 5, project: " ")).ContainsKey("Project"));
        Assert.True(OversightRules.Check(Board(DisclosureScope.Commune, OversightBoardKind.PeopleInspection, 5, name: "")).ContainsKey("Name"));
        var twoHeads = Board(DisclosureScope.Commune, OversightBoardKind.PeopleInspection, 5) with
        {
            Members = [("A", OversightMemberRole.Head), ("B", OversightMemberRole.Head), ("C", OversightMemberRole.Member)],
        };
        Assert.Equal("Ban chỉ có một Trưởng ban (danh sách đang ghi 2 người).", OversightRules.Check(twoHeads)["Members"]);
        var noRole = Board(DisclosureScope.Commune, OversightBoardKind.PeopleInspection, 5) with { Members = [("A", OversightMemberRole.Head), ("B", (OversightMemberRole)99)] };
        Assert.True(OversightRules.Check(noRole).ContainsKey("Members"));
    }

    [Fact]
    public void RuleFor_TakesTheLatestVersionInForce_SoAProvinceCanCorrectTheBounds()
    {
        var rules = OversightRules.Shipped().Append(new OversightBoardRule
        {
            Code = "gsdtcd", Kind = OversightBoardKind.CommunityInvestment, Scope = DisclosureScope.Commune, MinMembers = 3, MaxMembers = 9, LegalBasis = "Sửa đổi", ValidFrom = new DateOnly(2026, 1, 1),
        }).ToList();
        Assert.Equal(5, OversightRules.RuleFor(rules, OversightBoardKind.CommunityInvestment, DisclosureScope.Commune, new DateOnly(2025, 6, 1))!.MinMembers);
        Assert.Equal(3, OversightRules.RuleFor(rules, OversightBoardKind.CommunityInvestment, DisclosureScope.Commune, new DateOnly(2026, 6, 1))!.MinMembers);
        Assert.Null(OversightRules.RuleFor(rules, OversightBoardKind.CommunityInvestment, DisclosureScope.Agency, Today));
    }

    public static TheoryData<OversightActivityKind?, string?, string?, string?> Activities => new()
    {
        // kind, held on (yyyy-MM-dd), subject → the field in error
        { OversightActivityKind.Supervision, "2026-05-12", "Giám sát quỹ khu phố", null },
        { OversightActivityKind.Inspection, "2026-12-04", "Kiểm tra", "HeldOn" },      // after today
        { OversightActivityKind.Inspection, "2024-12-31", "Kiểm tra", "HeldOn" },      // before the term
        { OversightActivityKind.Inspection, "2027-01-02", "Kiểm tra", "HeldOn" },      // after the term (and today)
        { null, "2026-05-12", "Kiểm tra", "Kind" },
        { (OversightActivityKind)7, "2026-05-12", "Kiểm tra", "Kind" },
        { OversightActivityKind.Inspection, "2026-05-12", "  ", "Subject" },
    };

    [Theory]
    [MemberData(nameof(Activities))]
    public void CheckActivity_WithinTheTerm_NotInTheFuture(OversightActivityKind? kind, string? on, string? subject, string? field)
    {
        var errors = OversightRules.Check(new OversightActivityFacts(kind, on is null ? null : DateOnly.Parse(on, System.Globalization.CultureInfo.InvariantCulture), subject,
            From, From.AddYears(2).AddDays(-1)), Today);
        if (field is null)
        {
            Assert.Empty(errors);
        }
        else
        {
            Assert.True(errors.ContainsKey(field), string.Join("; ", errors.Select(e => $"{e.Key}: {e.Value}")));
        }
    }
}
