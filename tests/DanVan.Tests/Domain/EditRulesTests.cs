using DanVan.Domain.Access;
using DanVan.Domain.Editing;
using DanVan.Domain.Units;

namespace DanVan.Tests.Domain;

public class EditRulesTests
{
    public static TheoryData<bool, int, int, RemovalKind> RemovalCases => new()
    {
        // withdrawn, dependants of one kind, of another, what may be done
        { false, 0, 0, RemovalKind.Delete },
        { false, 1, 0, RemovalKind.Withdraw },
        { false, 0, 3, RemovalKind.Withdraw },
        { true, 0, 0, RemovalKind.None },
        { true, 2, 1, RemovalKind.None },
    };

    [Theory]
    [MemberData(nameof(RemovalCases))]
    public void Removal_DeletesWhatNothingDependsOn_WithdrawsTheRest(bool withdrawn, int plans, int tasks, RemovalKind expected)
    {
        Dependant[] dependants = [new("kế hoạch", plans), new("nhiệm vụ", tasks)];
        Assert.Equal(expected, EditRules.Removal(withdrawn, dependants));
        var refusal = EditRules.DeleteRefusal(RecordKind.Document, withdrawn, dependants);
        Assert.Equal(expected == RemovalKind.Delete, refusal is null);
        if (expected == RemovalKind.Withdraw)
        {
            Assert.Contains("Chỉ có thể thu hồi", refusal, StringComparison.Ordinal);
            Assert.DoesNotContain("0 ", refusal, StringComparison.Ordinal); // only what is there is named
        }
    }

    [Theory]
    [InlineData(false, null, "Vui lòng nêu lý do thu hồi.")]
    [InlineData(false, "   ", "Vui lòng nêu lý do thu hồi.")]
    [InlineData(true, "Ban hành nhầm", "Kế hoạch đã thu hồi.")]
    [InlineData(false, "Ban hành nhầm", null)]
    public void Withdraw_NeedsAReason_AndHappensOnce(bool withdrawn, string? reason, string? expected) =>
        Assert.Equal(expected, EditRules.WithdrawRefusal(RecordKind.Plan, withdrawn, reason));

    [Fact]
    public void Withdraw_RefusesAReasonLongerThanTheLimit() =>
        Assert.Equal("Lý do thu hồi không quá 2.000 ký tự.", EditRules.WithdrawRefusal(RecordKind.Target, false, new string('a', 2001)));

    [Theory]
    [InlineData(RecordKind.Document, false, null)]
    [InlineData(RecordKind.WorkItem, true, "Nhiệm vụ đã thu hồi, không sửa được.")]
    [InlineData(RecordKind.Target, true, "Chỉ tiêu đã thu hồi, không sửa được.")]
    public void Edit_IsRefusedOnceWithdrawn(RecordKind kind, bool withdrawn, string? expected) =>
        Assert.Equal(expected, EditRules.EditRefusal(kind, withdrawn));

    [Fact]
    public void Stale_SaysWhatHappenedInVietnamese() =>
        Assert.StartsWith("Văn bản vừa được người khác sửa", EditRules.Stale(RecordKind.Document), StringComparison.Ordinal);

    public static TheoryData<bool, OrgUnitKind[], OrgUnitKind[], bool> ObligationCases => new()
    {
        // requires, new kinds (empty = all), kinds that have adopted, refused
        { true, [OrgUnitKind.Ward], [], false },                                  // set after creation: nobody adopted yet
        { false, [], [], false },                                                  // removed before anyone adopted
        { false, [], [OrgUnitKind.Ward], true },                                   // removed after a ward adopted
        { true, [OrgUnitKind.Commune], [OrgUnitKind.Ward], true },                 // narrowed past an adopter
        { true, [OrgUnitKind.Commune, OrgUnitKind.Ward], [OrgUnitKind.Ward], false }, // widened
        { true, [], [OrgUnitKind.Ward, OrgUnitKind.Department], false },           // every kind
    };

    [Theory]
    [MemberData(nameof(ObligationCases))]
    public void Obligation_CanChange_ButNeverUnobligesAUnitThatAdopted(bool requires, OrgUnitKind[] kinds, OrgUnitKind[] adopted, bool refused) =>
        Assert.Equal(refused, ObligationRules.Refusal(requires, kinds, adopted) is not null);

    public static TheoryData<bool, OrgUnitKind[], bool, OrgUnitKind[], OrgUnitKind, bool> NewlyObligedCases => new()
    {
        // was required, old kinds, requires, new kinds, the unit's kind, newly obliged
        { false, [], true, [OrgUnitKind.Ward], OrgUnitKind.Ward, true },
        { false, [], true, [OrgUnitKind.Ward], OrgUnitKind.Commune, false },
        { true, [OrgUnitKind.Ward], true, [OrgUnitKind.Ward, OrgUnitKind.Commune], OrgUnitKind.Commune, true },
        { true, [OrgUnitKind.Ward], true, [OrgUnitKind.Ward, OrgUnitKind.Commune], OrgUnitKind.Ward, false }, // already obliged
        { true, [], true, [OrgUnitKind.Ward], OrgUnitKind.Ward, false },   // every kind before
        { true, [OrgUnitKind.Ward], false, [], OrgUnitKind.Ward, false },
    };

    [Theory]
    [MemberData(nameof(NewlyObligedCases))]
    public void NewlyObliged_IsTheUnitsObligedNowAndNotBefore(bool was, OrgUnitKind[] oldKinds, bool requires, OrgUnitKind[] newKinds, OrgUnitKind kind, bool expected) =>
        Assert.Equal(expected, ObligationRules.NewlyObliged(was, oldKinds, requires, newKinds, kind));

    // 1 Việt Nam / 10 Tỉnh A / 11 Sở Nội vụ A / 13 Xã A1 / 14 Xã A2 ; 20 Tỉnh B
    private static readonly Dictionary<int, string> Paths = new() { [1] = "/", [10] = "/1/", [11] = "/1/10/", [13] = "/1/10/", [14] = "/1/10/", [20] = "/1/" };

    public static TheoryData<string, int, int, bool, bool, bool> AccessCases => new()
    {
        // role, user unit, owner (or assigning) unit, may edit, may withdraw/delete, may change a task assigned by the owner
        { Roles.UnitOfficer, 13, 13, true, false, false },  // an officer corrects its unit's document, a head decides its fate
        { Roles.UnitHead, 13, 13, true, true, true },
        { Roles.UnitHead, 13, 14, false, false, false },    // not a sibling's
        { Roles.UnitHead, 13, 10, false, false, false },    // nor the province's
        { Roles.Coordinator, 11, 14, true, true, true },    // the province's coordinator
        { Roles.Coordinator, 11, 20, false, false, false }, // not another province's
        { Roles.Reviewer, 11, 14, false, false, false },
        { Roles.ReadOnly, 13, 13, false, false, false },
        { Roles.Admin, 1, 20, true, true, true },
    };

    [Theory]
    [MemberData(nameof(AccessCases))]
    public void Access_EditByWriters_RemoveByManagers(string role, int unit, int owner, bool edit, bool remove, bool task)
    {
        var user = UserScope.For("u", "u", role, unit, Paths[unit]);
        Assert.Equal(edit, EditAccessRules.CanEdit(user, Paths[owner], owner));
        Assert.Equal(remove, EditAccessRules.CanRemove(user, Paths[owner], owner));
        Assert.Equal(task, EditAccessRules.CanChangeTask(user, new WorkItemAccessRules.UnitRef(owner, Paths[owner])));
    }

    [Theory]
    [InlineData("IssuedOn", "2026-03-12", "12/03/2026")]
    [InlineData("RequiresAdoption", "true", "Có")]
    [InlineData("AdoptionKinds", "Ward,Commune", "Phường, Xã")]
    [InlineData("Title", null, "—")]
    [InlineData("Title", "Kế hoạch", "Kế hoạch")]
    public void AKeptValue_IsShownAsAnOfficialReadsIt(string field, string? value, string expected)
    {
        var shown = DanVan.Features.Editing.Versions.Display(field, value);
        if (field == "AdoptionKinds")
        {
            Assert.Equal(expected.Split(", ").Length, shown.Split(", ").Length);
            Assert.DoesNotContain("Ward", shown, StringComparison.Ordinal);
        }
        else
        {
            Assert.Equal(expected, shown);
        }
    }
}
