using DanVan.Domain.Democracy;

namespace DanVan.Tests.Domain.Democracy;

/// <summary>Hội nghị cán bộ, công chức, viên chức as tables: the due date from data, the status of a year, bad figures.</summary>
public class StaffConferenceRulesTests
{
    private static readonly DateOnly Today = new(2026, 12, 3);

    private static StaffConferenceRule Rule => StaffConferenceRules.Shipped().Single();

    public static TheoryData<int, bool, string, StaffConferenceStatus> Statuses => new()
    {
        // year reviewed, held, today → status
        { 2025, true, "2026-02-10", StaffConferenceStatus.Held },
        { 2025, false, "2025-12-31", StaffConferenceStatus.NotDue },   // the working year has not ended
        { 2025, false, "2026-01-01", StaffConferenceStatus.DueSoon },
        { 2025, false, "2026-03-31", StaffConferenceStatus.DueSoon },  // the due day itself is still in time
        { 2025, false, "2026-04-01", StaffConferenceStatus.Overdue },
        { 2027, false, "2028-03-31", StaffConferenceStatus.DueSoon },
    };

    [Theory]
    [MemberData(nameof(Statuses))]
    public void Status_CountsThreeMonthsIntoTheNextYear(int year, bool held, string today, StaffConferenceStatus status) =>
        Assert.Equal(status, StaffConferenceRules.Status(Rule, year, held, DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void DueOn_IsData_AndClampedToTheMonth()
    {
        Assert.Equal(new DateOnly(2026, 3, 31), StaffConferenceRules.DueOn(Rule, 2025));
        var february = new StaffConferenceRule { Code = "x", DueMonth = 2, DueDay = 31, PlenaryBelow = 100, LegalBasis = "x", ValidFrom = new DateOnly(2026, 1, 1) };
        Assert.Equal(new DateOnly(2028, 2, 29), StaffConferenceRules.DueOn(february, 2027));
        var shipped = Rule;
        var rules = new[] { shipped, february };
        Assert.Same(shipped, StaffConferenceRules.RuleFor(rules, 2025));
        Assert.Same(february, StaffConferenceRules.RuleFor(rules, 2026));
        Assert.Null(StaffConferenceRules.RuleFor(rules, -1)); // an impossible year builds no date
    }

    public static TheoryData<int?, string?, int?, int?, StaffConferenceForm?, string?, string?> Cases => new()
    {
        // year, held on, attendees, staff, form, resolution on → the field in error (null: valid)
        { 2025, "2026-02-10", 80, 85, StaffConferenceForm.Plenary, "2026-02-10", null },
        { 2025, "2025-12-28", 150, 300, StaffConferenceForm.Delegates, null, null },       // held late December, delegates above 100 staff
        { 2025, "2026-02-10", 90, 85, StaffConferenceForm.Plenary, null, "Attendees" },    // more attendees than staff
        { 2025, "2026-02-10", -1, 85, StaffConferenceForm.Plenary, null, "Attendees" },
        { 2025, "2026-02-10", 10, 0, StaffConferenceForm.Plenary, null, "StaffTotal" },
        { 2025, "2026-02-10", 40, 60, StaffConferenceForm.Delegates, null, "Form" },       // below 100 staff: plenary
        { 2025, "2026-02-10", 40, 60, null, null, "Form" },
        { 2025, "2026-12-04", 40, 60, StaffConferenceForm.Plenary, null, "HeldOn" },       // after today
        { 2025, "2027-01-02", 40, 60, StaffConferenceForm.Plenary, null, "HeldOn" },
        { 2023, "2026-01-10", 40, 60, StaffConferenceForm.Plenary, null, "HeldOn" },       // two years later is not this year's conference
        { 2025, "2026-02-10", 40, 60, StaffConferenceForm.Plenary, "2026-02-09", "ResolutionOn" },
        { 2027, "2026-02-10", 40, 60, StaffConferenceForm.Plenary, null, "Year" },
        { -1, "2026-02-10", 40, 60, StaffConferenceForm.Plenary, null, "Year" },
        { null, "2026-02-10", 40, 60, StaffConferenceForm.Plenary, null, "Year" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Check_RefusesWhatCannotBe_ByField(int? year, string? heldOn, int? attendees, int? staff, StaffConferenceForm? form, string? resolutionOn, string? field)
    {
        static DateOnly? D(string? s) => s is null ? null : DateOnly.Parse(s, System.Globalization.CultureInfo.InvariantCulture);
        var errors = StaffConferenceRules.Check(new StaffConferenceFacts(DisclosureScope.Agency, year, D(heldOn), attendees, staff, form, D(resolutionOn), Rule), Today);
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
    public void Check_SaysWhy_InVietnamese_AndRefusesACommune()
    {
        var errors = StaffConferenceRules.Check(new StaffConferenceFacts(DisclosureScope.Commune, 2025, new DateOnly(2026, 2, 1), 90, 85, StaffConferenceForm.Plenary, null, Rule), Today);
        Assert.Equal("Số người dự (90) không thể lớn hơn tổng số cán bộ, công chức, viên chức, người lao động (85).", errors["Attendees"]);
        Assert.True(errors.ContainsKey(""));
    }
}
