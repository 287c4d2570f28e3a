using DanVan.Domain.WorkItems;

namespace DanVan.Tests.Domain;

public class CompletionRulesTests
{
    private static DateOnly D(string s) => DateOnly.ParseExact(s, "dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture);

    private static DateOnly? N(string? s) => s is null ? null : D(s);

    /// <summary>The observed bug of issue 12: due 27/11, reported on 02/12 as done on 25/11.</summary>
    [Theory]
    [InlineData("27/11/2026", null, null, "26/11/2026", WorkItemState.NotYetDue)]
    [InlineData("27/11/2026", null, null, "02/12/2026", WorkItemState.Overdue)]
    [InlineData("27/11/2026", null, "25/11/2026", "26/11/2026", WorkItemState.CompletionReported)]        // reported in time, not done yet
    [InlineData("27/11/2026", null, "25/11/2026", "02/12/2026", WorkItemState.CompletionReportedOverdue)] // reported late with an earlier date: late until confirmed
    [InlineData("27/11/2026", null, "27/11/2026", "28/11/2026", WorkItemState.CompletionReportedOverdue)] // reported on time, due date passed before confirmation
    [InlineData("27/11/2026", "25/11/2026", null, "02/12/2026", WorkItemState.DoneOnTime)]               // confirmed with that date: the confirmer vouches for it
    [InlineData("27/11/2026", "27/11/2026", null, "02/12/2026", WorkItemState.DoneOnTime)]
    [InlineData("27/11/2026", "28/11/2026", null, "02/12/2026", WorkItemState.DoneLate)]
    public void State_CountsOnlyConfirmedCompletionsAsDone(string due, string? confirmed, string? reported, string today, WorkItemState expected)
    {
        var state = WorkItemStates.Of(D(due), N(confirmed), D(today), N(reported));
        Assert.Equal(expected, state);
        Assert.Equal(confirmed is not null, WorkItemStates.IsDone(state));
        Assert.Equal(reported is not null, WorkItemStates.AwaitsConfirmation(state));
    }

    [Theory]
    [InlineData(WorkItemState.Overdue, true, "Quá hạn chưa hoàn thành")]
    [InlineData(WorkItemState.CompletionReportedOverdue, true, "Quá hạn chưa hoàn thành (đã báo cáo hoàn thành, chờ xác nhận)")]
    [InlineData(WorkItemState.CompletionReported, false, "Đã báo cáo hoàn thành, chờ xác nhận")]
    [InlineData(WorkItemState.DoneOnTime, false, "Hoàn thành đúng hạn")]
    public void Overdue_AndLabels(WorkItemState state, bool overdue, string label)
    {
        Assert.Equal(overdue, WorkItemStates.IsOverdue(state));
        Assert.Equal(label, WorkItemStates.Label(state));
    }

    [Theory]
    [InlineData(null, null, CompletionStage.InProgress)]
    [InlineData(null, "25/11/2026", CompletionStage.AwaitingConfirmation)]
    [InlineData("25/11/2026", null, CompletionStage.Confirmed)]
    public void Stage_FollowsTheTwoDates(string? confirmed, string? reported, CompletionStage expected) =>
        Assert.Equal(expected, CompletionRules.StageOf(N(confirmed), N(reported)));

    [Theory]
    [InlineData(CompletionStage.InProgress, CompletionAction.ReportProgress, null)]
    [InlineData(CompletionStage.InProgress, CompletionAction.ReportCompletion, null)]
    [InlineData(CompletionStage.InProgress, CompletionAction.Confirm, "không có báo cáo hoàn thành nào đang chờ xác nhận")]
    [InlineData(CompletionStage.InProgress, CompletionAction.Return, "không có báo cáo hoàn thành nào đang chờ xác nhận")]
    [InlineData(CompletionStage.AwaitingConfirmation, CompletionAction.ReportProgress, "đang chờ đơn vị giao xác nhận")]
    [InlineData(CompletionStage.AwaitingConfirmation, CompletionAction.ReportCompletion, "đang chờ đơn vị giao xác nhận")]
    [InlineData(CompletionStage.AwaitingConfirmation, CompletionAction.Confirm, null)]
    [InlineData(CompletionStage.AwaitingConfirmation, CompletionAction.Return, null)]
    [InlineData(CompletionStage.Confirmed, CompletionAction.ReportProgress, "đã được xác nhận hoàn thành")]
    [InlineData(CompletionStage.Confirmed, CompletionAction.Confirm, "đã được xác nhận hoàn thành")]
    [InlineData(CompletionStage.Confirmed, CompletionAction.Return, "đã được xác nhận hoàn thành")]
    public void Transitions_AllowedOnlyFromTheirStage(CompletionStage stage, CompletionAction action, string? refusal)
    {
        var actual = CompletionRules.Refusal(stage, action, D("25/11/2026"), D("25/11/2026"));
        if (refusal is null)
        {
            Assert.Null(actual);
        }
        else
        {
            Assert.Contains(refusal, actual, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("25/11/2026", "02/12/2026", null, "")]
    [InlineData("02/12/2026", "02/12/2026", "02/12/2026", "")]                                       // the day of the last report
    [InlineData("03/12/2026", "02/12/2026", null, "sau hôm nay (02/12/2026)")]
    [InlineData("19/11/2026", "02/12/2026", "20/11/2026", "trước ngày báo cáo tiến độ gần nhất (20/11/2026)")]
    [InlineData("01/01/2027", "02/12/2026", "20/01/2027", "sau hôm nay (02/12/2026)|trước ngày báo cáo tiến độ gần nhất (20/01/2027)")] // both at once
    public void CompletionDate_NotInTheFuture_NotBeforeTheLastProgressReport(string completedOn, string today, string? lastProgress, string expected)
    {
        var errors = CompletionRules.CheckCompletionDate(D(completedOn), D(today), N(lastProgress));
        var wanted = expected.Split('|', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(wanted.Length, errors.Count);
        foreach (var w in wanted)
        {
            Assert.Contains(errors, e => e.Contains(w, StringComparison.Ordinal));
        }
    }

    [Theory]
    [InlineData("27/11/2026", "25/11/2026", true)]
    [InlineData("27/11/2026", "27/11/2026", true)]
    [InlineData("27/11/2026", "28/11/2026", false)]
    public void OnTime_IffTheConfirmedDateIsNotAfterTheDueDate(string due, string confirmed, bool expected) =>
        Assert.Equal(expected, CompletionRules.OnTime(D(due), D(confirmed)));

    [Theory]
    [InlineData(null, 0)]
    [InlineData(60, 60)]
    [InlineData(150, 100)]
    public void Return_FallsBackToTheLastProgressReported(int? last, int expected) =>
        Assert.Equal(expected, CompletionRules.ProgressAfterReturn(last));
}
