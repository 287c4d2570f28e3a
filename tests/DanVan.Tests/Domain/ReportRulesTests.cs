using DanVan.Domain.Access;
using DanVan.Domain.Reports;

namespace DanVan.Tests.Domain;

/// <summary>Issue 12's rules: what a report must contain, where a submitted report goes, due dates and lateness.</summary>
public class ReportRulesTests
{
    private static readonly DateOnly Today = new(2026, 12, 2);

    private static ReportCompleteness.Figure F(int id, bool required, decimal? value, bool prefilled = false, bool computed = false) =>
        new(id, "Chỉ tiêu " + id, required, computed, value, prefilled);

    private static ReportCompleteness.Part P(int id, bool required, string? text) => new(id, "S" + id, "Phần " + id, required, text);

    [Fact]
    public void A_report_with_only_prefilled_figures_and_no_text_is_empty()
    {
        var gaps = ReportCompleteness.Check([F(1, false, 4, prefilled: true), F(2, false, null), F(3, false, 50, computed: true)], [P(1, false, " ")]);
        Assert.Contains(gaps, g => g.Field == "" && g.Message.StartsWith("Báo cáo trống", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_missing_required_item_is_named_at_once_and_on_its_field()
    {
        var gaps = ReportCompleteness.Check([F(1, true, null), F(2, true, 0), F(3, true, null), F(4, false, 5)], [P(7, true, null), P(8, true, "Có nội dung"), P(9, false, null)]);
        var summary = gaps.Where(g => g.Field == "").Select(g => g.Message).ToList();
        Assert.DoesNotContain(summary, m => m.StartsWith("Báo cáo trống", StringComparison.Ordinal)); // it has a figure of its own
        Assert.Contains(summary, m => m.Contains("2 chỉ tiêu bắt buộc: “Chỉ tiêu 1”; “Chỉ tiêu 3”", StringComparison.Ordinal));
        Assert.Contains(summary, m => m.Contains("1 phần bắt buộc của đề cương: S7. Phần 7", StringComparison.Ordinal));
        Assert.Equal(["Values[1]", "Values[3]", "Narrative[7]"], gaps.Where(g => g.Field != "").Select(g => g.Field));
    }

    [Fact]
    public void Zero_is_a_figure_and_a_complete_report_has_no_gaps() =>
        Assert.Empty(ReportCompleteness.Check([F(1, true, 0), F(2, false, null)], [P(1, true, "Tình hình ổn định.")]));

    [Theory]
    [InlineData(true, false, true, true, SubmissionStatus.AwaitingApproval)] // an officer of the unit, a head to approve
    [InlineData(true, true, true, true, SubmissionStatus.Submitted)]         // the head submits: their own approval
    [InlineData(true, false, false, true, SubmissionStatus.Submitted)]       // the coordinator enters a paper report
    [InlineData(true, false, true, false, SubmissionStatus.Submitted)]       // nobody could approve
    [InlineData(false, false, true, true, SubmissionStatus.Submitted)]       // the regime has no approval step
    public void Where_a_submitted_report_goes(bool requires, bool isHead, bool isStaff, bool hasHead, SubmissionStatus expected) =>
        Assert.Equal(expected, ReportApproval.AfterSubmit(requires, isHead, isStaff, hasHead));

    [Fact]
    public void Opening_a_period_whose_regime_due_date_has_passed_asks_for_one()
    {
        var (due, error) = ReportDueDates.ForOpening(null, new DateOnly(2026, 11, 16), new DateOnly(2026, 11, 14), Today);
        Assert.Null(due);
        Assert.Contains("16/11/2026", error, StringComparison.Ordinal);
        Assert.Contains("đã qua", error, StringComparison.Ordinal);

        Assert.Equal(new DateOnly(2026, 12, 20), ReportDueDates.ForOpening(new DateOnly(2026, 12, 20), new DateOnly(2026, 11, 16), new DateOnly(2026, 11, 14), Today).Due);
        Assert.Equal(Today, ReportDueDates.ForOpening(Today, new DateOnly(2026, 11, 16), new DateOnly(2026, 11, 14), Today).Due); // today is not past
        Assert.Contains("đã qua", ReportDueDates.ForOpening(Today.AddDays(-1), new DateOnly(2027, 6, 15), new DateOnly(2026, 11, 14), Today).Error, StringComparison.Ordinal);
        Assert.Contains("chốt số liệu", ReportDueDates.ForOpening(new DateOnly(2027, 6, 1), new DateOnly(2027, 6, 15), new DateOnly(2027, 6, 14), Today).Error, StringComparison.Ordinal);
        Assert.Contains("một năm", ReportDueDates.ForOpening(Today.AddDays(400), new DateOnly(2027, 6, 15), new DateOnly(2027, 6, 14), Today).Error, StringComparison.Ordinal);
        Assert.Equal(new DateOnly(2027, 6, 15), ReportDueDates.ForOpening(null, new DateOnly(2027, 6, 15), new DateOnly(2027, 6, 14), Today).Due);
    }

    [Fact]
    public void An_extension_moves_later_from_today_with_a_reason()
    {
        var current = new DateOnly(2026, 12, 10);
        Assert.Empty(ReportDueDates.CheckExtension(current, new DateOnly(2026, 12, 20), "Bão lũ", Today));
        Assert.Equal(["DueOn", "Reason"], ReportDueDates.CheckExtension(current, current, " ", Today).Select(e => e.Field));
        Assert.Contains("sau hạn hiện tại (10/12/2026)", ReportDueDates.CheckExtension(current, new DateOnly(2026, 12, 5), "x", Today).Single().Message, StringComparison.Ordinal);
        Assert.Contains("đã qua", ReportDueDates.CheckExtension(new DateOnly(2026, 11, 16), new DateOnly(2026, 11, 30), "x", Today).Single().Message, StringComparison.Ordinal);
        Assert.Equal("DueOn", ReportDueDates.CheckExtension(current, null, "x", Today).Single().Field);
        Assert.Equal("Reason", ReportDueDates.CheckExtension(current, new DateOnly(2026, 12, 20), new string('x', 1001), Today).Single().Field);
    }

    [Fact]
    public void Lateness_uses_the_units_effective_due_date()
    {
        var periodDue = new DateOnly(2026, 11, 16);
        Assert.Equal(new DateOnly(2026, 12, 15), ReportDueDates.Effective(periodDue, new DateOnly(2026, 12, 15)));
        Assert.Equal(periodDue, ReportDueDates.Effective(periodDue, new DateOnly(2026, 11, 1))); // a later extension for all wins
        Assert.True(ReportDueDates.IsLate(periodDue, SubmissionStatus.Pending, null, Today));
        Assert.False(ReportDueDates.IsLate(ReportDueDates.Effective(periodDue, new DateOnly(2026, 12, 15)), SubmissionStatus.Pending, null, Today));
        Assert.True(ReportDueDates.IsLate(periodDue, SubmissionStatus.AwaitingApproval, null, Today)); // not yet at the receiving unit
        Assert.False(ReportDueDates.IsLate(periodDue, SubmissionStatus.Submitted, new DateOnly(2026, 11, 16), Today));
        Assert.True(ReportDueDates.IsLate(periodDue, SubmissionStatus.Accepted, new DateOnly(2026, 11, 17), Today));
    }

    [Fact]
    public void Status_labels_are_one_vietnamese_table()
    {
        Assert.Equal("Chờ lãnh đạo duyệt", ReportStatusLabels.Label(SubmissionStatus.AwaitingApproval));
        Assert.Equal("Đã nộp, chờ tiếp nhận", ReportStatusLabels.Label(SubmissionStatus.Submitted));
        Assert.Equal("Chờ tiếp nhận", ReportStatusLabels.Short(SubmissionStatus.Submitted));
        Assert.All(Enum.GetValues<SubmissionStatus>(), s => Assert.False(string.IsNullOrEmpty(ReportStatusLabels.Label(s))));
    }

    [Theory]
    [InlineData(Roles.UnitHead, 5, 5, true)]
    [InlineData(Roles.UnitHead, 6, 5, false)]   // the head of another unit, even a parent one
    [InlineData(Roles.UnitOfficer, 5, 5, false)]
    [InlineData(Roles.Coordinator, 5, 5, false)]
    [InlineData(Roles.Admin, 1, 5, true)]
    public void Only_the_head_of_the_reporting_unit_approves(string role, int userUnit, int reportUnit, bool expected) =>
        Assert.Equal(expected, ReportAccessRules.CanApprove(UserScope.For("u", "u", role, userUnit, "/1/"), reportUnit));
}
