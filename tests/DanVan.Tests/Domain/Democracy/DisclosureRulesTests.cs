using DanVan.Domain.Access;
using DanVan.Domain.Democracy;
using DanVan.Domain.Units;

namespace DanVan.Tests.Domain.Democracy;

/// <summary>The disclosure register's rules as tables: what a disclosure must carry, and where an item of the register stands.</summary>
public class DisclosureRulesTests
{
    private static readonly DateOnly Today = new(2026, 12, 3);

    private static readonly DisclosureItem Budget = new()
    {
        Code = "XA-02", Name = "Dự toán ngân sách", Scope = DisclosureScope.Commune, Article = "Điều 11 khoản 2", DueMonth = 1, DueDay = 31, ValidFrom = new(2023, 7, 1),
    };

    private static readonly DisclosureItem Complaints = new()
    {
        Code = "XA-07", Name = "Kết quả giải quyết khiếu nại", Scope = DisclosureScope.Commune, Article = "Điều 11 khoản 7", RadioDays = 3, ValidFrom = new(2023, 7, 1),
    };

    private static readonly DisclosureItem AgencyPlan = new()
    {
        Code = "CQ-01", Name = "Kế hoạch công tác", Scope = DisclosureScope.Agency, Article = "Chương III", ValidFrom = new(2023, 7, 1), ValidTo = new(2025, 12, 31),
    };

    public static TheoryData<string, DisclosureFacts, string?> Checks => new()
    {
        { "valid", new(Budget, OrgUnitKind.Ward, 2026, "Dự toán 2026", new(2026, 1, 20), new(2026, 2, 19), DisclosureForms.Posting, null), null },
        { "radio with its days", new(Complaints, OrgUnitKind.Commune, 2026, "Kết quả", new(2026, 7, 1), null, DisclosureForms.Radio | DisclosureForms.Posting, 3), null },
        { "ends before it starts", new(Budget, OrgUnitKind.Ward, 2026, "Dự toán", new(2026, 1, 20), new(2026, 1, 19), DisclosureForms.Posting, null), "EndsOn" },
        { "in the future", new(Budget, OrgUnitKind.Ward, 2026, "Dự toán", Today.AddDays(1), null, DisclosureForms.Posting, null), "DisclosedOn" },
        { "no form", new(Budget, OrgUnitKind.Ward, 2026, "Dự toán", new(2026, 1, 20), null, DisclosureForms.None, null), "Forms" },
        { "radio without days", new(Complaints, OrgUnitKind.Ward, 2026, "Kết quả", new(2026, 7, 1), null, DisclosureForms.Radio, null), "RadioDays" },
        { "radio days absurd", new(Complaints, OrgUnitKind.Ward, 2026, "Kết quả", new(2026, 7, 1), null, DisclosureForms.Radio, 400), "RadioDays" },
        { "no title", new(Budget, OrgUnitKind.Ward, 2026, " ", new(2026, 1, 20), null, DisclosureForms.Posting, null), "Title" },
        { "no item", new(null, OrgUnitKind.Ward, 2026, "Dự toán", new(2026, 1, 20), null, DisclosureForms.Posting, null), "ItemCode" },
        { "an agency's item for a ward", new(AgencyPlan, OrgUnitKind.Ward, 2025, "Kế hoạch", new(2025, 1, 20), null, DisclosureForms.Posting, null), "ItemCode" },
        { "an item no longer in force", new(AgencyPlan, OrgUnitKind.Department, 2026, "Kế hoạch", new(2026, 1, 20), null, DisclosureForms.Posting, null), "ItemCode" },
        { "before the law", new(Budget, OrgUnitKind.Ward, 2022, "Dự toán", new(2022, 1, 20), null, DisclosureForms.Posting, null), "Year" },
        { "too far ahead", new(Budget, OrgUnitKind.Ward, 2028, "Dự toán", new(2026, 1, 20), null, DisclosureForms.Posting, null), "Year" },
        { "absurd year", new(Budget, OrgUnitKind.Ward, 99999, "Dự toán", new(2026, 1, 20), null, DisclosureForms.Posting, null), "Year" },
        { "a unit without a list", new(Budget, OrgUnitKind.Province, 2026, "Dự toán", new(2026, 1, 20), null, DisclosureForms.Posting, null), "" },
    };

    [Theory]
    [MemberData(nameof(Checks))]
    public void Check_RefusesWhatTheRegisterCannotHold(string because, DisclosureFacts facts, string? field)
    {
        var errors = DisclosureRules.Check(facts, Today);
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
    public void Check_SaysEverythingAtOnce_InVietnamese()
    {
        var errors = DisclosureRules.Check(new(Budget, OrgUnitKind.Ward, 2026, "", new(2026, 3, 1), new(2026, 2, 1), DisclosureForms.None, null), Today);
        Assert.Equal(["EndsOn", "Forms", "Title"], errors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("Ngày kết thúc công khai không thể trước ngày bắt đầu công khai.", errors["EndsOn"]);
        Assert.Equal("Vui lòng chọn ít nhất một hình thức công khai.", errors["Forms"]);
    }

    public static TheoryData<DisclosureItem, DateOnly, int, DisclosureStatus, bool> Lines => new()
    {
        // item, today, disclosures (0 none, 1 posted only, 2 posted and 3 days of radio), status, something missing
        { Budget, new(2026, 1, 10), 0, DisclosureStatus.DueSoon, false },
        { Budget, new(2026, 2, 1), 0, DisclosureStatus.Overdue, false },
        { Budget, new(2026, 2, 1), 1, DisclosureStatus.Disclosed, false },
        { Complaints, new(2026, 6, 1), 0, DisclosureStatus.NotDue, false },
        { Complaints, new(2026, 12, 1), 0, DisclosureStatus.DueSoon, false },
        { Complaints, new(2026, 12, 1), 1, DisclosureStatus.Disclosed, true },    // posted but not broadcast 3 days
        { Complaints, new(2026, 12, 1), 2, DisclosureStatus.Disclosed, false },
        { Complaints, new(2027, 1, 1), 0, DisclosureStatus.Overdue, false },
    };

    [Theory]
    [MemberData(nameof(Lines))]
    public void Line_SaysWhereAnItemStands(DisclosureItem item, DateOnly today, int disclosures, DisclosureStatus status, bool missing)
    {
        var list = disclosures switch
        {
            0 => new List<(DateOnly, DisclosureForms, int?)>(),
            1 => [(new DateOnly(2026, 1, 20), DisclosureForms.Posting, null)],
            _ => [(new DateOnly(2026, 1, 20), DisclosureForms.Posting, null), (new DateOnly(2026, 7, 1), DisclosureForms.Radio, 3)],
        };
        var line = DisclosureRules.Line(item, 2026, list, today);
        Assert.Equal(status, line.Status);
        Assert.Equal(missing, line.Missing is not null);
        Assert.Equal(disclosures == 0 ? null : new DateOnly(2026, 1, 20), line.FirstOn);
    }

    [Fact]
    public void DueOn_ClampsTheDayToTheMonth()
    {
        var item = new DisclosureItem { DueMonth = 2, DueDay = 31 };
        Assert.Equal(new DateOnly(2026, 2, 28), DisclosureRules.DueOn(item, 2026));
        Assert.Equal(new DateOnly(2028, 2, 29), DisclosureRules.DueOn(item, 2028));
    }

    [Fact]
    public void TheShippedCatalogue_HasTheFourteenCommuneItems_WithTheRadioRuleOnSevenToTwelve_AndEveryItemHasABasis()
    {
        var items = DemocracyCatalog.Items();
        var commune = items.Where(i => i.Scope == DisclosureScope.Commune).ToList();
        Assert.Equal(14, commune.Count);
        Assert.Equal(Enumerable.Range(7, 6).Select(n => $"XA-{n:00}"), commune.Where(i => i.RadioDays == 3).Select(i => i.Code));
        Assert.All(items, i => Assert.False(string.IsNullOrWhiteSpace(i.LegalBasis)));
        Assert.All(items, i => Assert.Equal(new DateOnly(2023, 7, 1), i.ValidFrom));
        Assert.Equal(items.Count, items.Select(i => i.Code).Distinct().Count());
    }
}

/// <summary>Who keeps and who reads a unit's disclosure register.</summary>
public class DisclosureAccessRulesTests
{
    private static readonly Dictionary<int, string> Paths = new() { [1] = "/", [10] = "/1/", [11] = "/1/10/", [13] = "/1/10/", [15] = "/1/10/", [20] = "/1/", [21] = "/1/20/" };

    private static UserScope User(string role, int unit) => UserScope.For("u", "u", role, unit, Paths[unit]);

    public static TheoryData<string, int, bool, bool, bool> Rows => new()
    {
        // role, user's unit, reads Phường 13, records for Phường 13, sees compliance
        { Roles.UnitOfficer, 13, true, true, false },
        { Roles.UnitHead, 13, true, true, false },
        { Roles.ReadOnly, 13, true, false, false },
        { Roles.UnitOfficer, 15, false, false, false },      // another ward of the province
        { Roles.Coordinator, 11, true, false, true },        // the Sở Nội vụ reads the province, records only for itself
        { Roles.Reviewer, 11, true, false, true },
        { Roles.Coordinator, 21, false, false, true },       // another province's coordinator
        { Roles.Admin, 1, true, false, true },
    };

    [Theory]
    [MemberData(nameof(Rows))]
    public void Rules(string role, int unit, bool reads, bool records, bool compliance)
    {
        var user = User(role, unit);
        Assert.Equal(reads, DisclosureAccessRules.CanRead(user, Paths[13], 13));
        Assert.Equal(records, DisclosureAccessRules.CanRecord(user, 13));
        Assert.Equal(compliance, DisclosureAccessRules.CanSeeCompliance(user));
    }
}
