using DanVan.Domain.Access;
using DanVan.Domain.Calendar;
using DanVan.Domain.Deadlines;
using DanVan.Domain.Dialogues;

namespace DanVan.Tests.Domain;

/// <summary>Dialogue rules on the shipped clock rules and the 2026 calendar: notice, record, results, commitments, access.</summary>
public class DialogueRulesTests
{
    private static readonly IReadOnlyList<DeadlineRule> Rules = ShippedRules.All();

    private static readonly WorkingCalendar Calendar = new(PublicHolidays.DefaultsFor(2026).Concat(PublicHolidays.DefaultsFor(2027)));

    private static DateOnly D(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    private static Deadline Clock(string code, DateOnly from)
    {
        var rule = StatutoryClock.RuleFor(Rules, code, from) ?? throw new InvalidOperationException(code);
        var answer = StatutoryClock.Compute(rule, new DeadlineRequest { From = from }, Calendar);
        return answer.Value ?? throw new InvalidOperationException(answer.Error);
    }

    // Dialogue on Friday 13/11/2026: 7 days before is Friday 6/11 (a working day).
    [Theory]
    [InlineData("2026-11-13", "2026-11-06", true)] // exactly 7 days ahead
    [InlineData("2026-11-13", "2026-11-02", true)] // 11 days ahead
    [InlineData("2026-11-13", "2026-11-08", false)] // 5 days ahead
    [InlineData("2026-11-13", "2026-11-07", false)] // 6 days ahead
    [InlineData("2026-11-13", "2026-11-13", false)] // on the day
    [InlineData("2026-11-16", "2026-11-09", true)] // Monday dialogue, Monday notice
    [InlineData("2026-11-16", "2026-11-10", false)] // 6 days
    [InlineData("2026-11-15", "2026-11-08", false)] // Sunday 8/11 is a day off: the latest moves back to Friday 6/11
    [InlineData("2026-11-15", "2026-11-06", true)]
    public void Notice_IsCheckedAgainstTheClocksMinimumNotice(string held, string notice, bool accepted)
    {
        var latest = Clock(DialogueRules.NoticeRule, D(held));
        var errors = DialogueRules.CheckNotice(DialogueState.Planned, D(held), D(notice), latest, D("2026-12-31"));
        Assert.Equal(accepted, errors.Count == 0);
        if (!accepted)
        {
            Assert.Contains("chậm nhất ngày", errors["NoticeOn"], StringComparison.Ordinal);
            Assert.Contains("Điều 43", errors["NoticeOn"], StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Notice_InTheFuture_OrTwice_IsRefused()
    {
        var latest = Clock(DialogueRules.NoticeRule, D("2026-12-20"));
        Assert.Contains("NoticeOn", DialogueRules.CheckNotice(DialogueState.Planned, D("2026-12-20"), D("2026-12-05"), latest, D("2026-12-02")).Keys);
        Assert.Contains("", DialogueRules.CheckNotice(DialogueState.Announced, D("2026-12-20"), D("2026-12-01"), latest, D("2026-12-02")).Keys);
    }

    // Dialogue on Friday 13/11/2026: results within 10 days, by Monday 23/11 (the 10th day is a Monday).
    [Theory]
    [InlineData("2026-11-13", "2026-11-13", true)]
    [InlineData("2026-11-13", "2026-11-23", true)]
    [InlineData("2026-11-13", "2026-11-24", false)]
    [InlineData("2026-11-13", "2026-11-12", false)]
    [InlineData("2026-11-20", "2026-11-30", true)] // the 10th day, Monday 30/11
    [InlineData("2026-11-18", "2026-11-30", true)] // the 10th day is Saturday 28/11: moves on to Monday 30/11
    [InlineData("2026-11-18", "2026-12-01", false)]
    public void Results_AreCheckedAgainstTheirLimit(string held, string published, bool accepted)
    {
        var limit = Clock(DialogueRules.ResultsRule, D(held));
        var errors = DialogueRules.CheckResults(DialogueState.Held, D(held), D(published), limit, D("2026-12-31"));
        Assert.Equal(accepted, errors.Count == 0);
    }

    [Theory]
    [InlineData(DialogueState.Planned, "2026-11-13", 50, "")]
    [InlineData(DialogueState.Held, "2026-11-13", 50, "")]
    [InlineData(DialogueState.Announced, "2026-12-13", 50, "")] // not yet the day
    [InlineData(DialogueState.Announced, "2026-11-13", null, "Attendees")]
    [InlineData(DialogueState.Announced, "2026-11-13", 0, "Attendees")]
    [InlineData(DialogueState.Announced, "2026-11-13", 50, null)]
    public void Record_OnlyAfterTheNotice_AndOnTheDay(DialogueState state, string held, int? attendees, string? errorKey)
    {
        var errors = DialogueRules.CheckRecord(state, D(held), attendees, D("2026-12-02"));
        if (errorKey is null)
        {
            Assert.Empty(errors);
        }
        else
        {
            Assert.Contains(errorKey, errors.Keys);
        }
    }

    [Theory]
    [InlineData(null, "2026-12-01", "OwnerUnitId")]
    [InlineData(5, null, "DueOn")]
    [InlineData(5, "2026-11-01", "DueOn")] // before the dialogue
    [InlineData(5, "2029-01-01", "DueOn")] // absurdly far
    [InlineData(5, "2026-12-01", null)]
    public void Commitment_NeedsAnOwner_AndADeadline(int? owner, string? due, string? errorKey)
    {
        var errors = DialogueRules.CheckCommitment(owner, due is null ? null : D(due), D("2026-11-13"));
        if (errorKey is null)
        {
            Assert.Empty(errors);
        }
        else
        {
            Assert.Contains(errorKey, errors.Keys);
        }
    }

    [Theory]
    [InlineData(CommitmentState.Open, "2026-12-02", "Đang thực hiện")]
    [InlineData(CommitmentState.Open, "2026-12-01", "Quá hạn")]
    [InlineData(CommitmentState.Done, "2026-12-01", "Đã hoàn thành")]
    public void Commitment_IsOverdue_OnlyWhenOpenPastItsDeadline(CommitmentState state, string due, string label)
    {
        Assert.Equal(label, DialogueRules.StatusLabel(state, D(due), D("2026-12-02")));
        Assert.Equal(label == "Quá hạn", DialogueRules.IsOverdue(state, D(due), D("2026-12-02")));
    }

    [Theory]
    [InlineData(DialogueState.Planned, false)]
    [InlineData(DialogueState.Announced, false)]
    [InlineData(DialogueState.Held, true)]
    [InlineData(DialogueState.ResultsPublished, false)]
    public void Opinions_AreAdded_WhileTheRecordIsOpen(DialogueState state, bool allowed) =>
        Assert.Equal(allowed, DialogueRules.CheckOpinion(state) is null);

    // Units: 1 country, 2 province, 3 ward, 4 another ward, 5 a department; 9 another province.
    private static UserScope User(string role, int unit, string path) => UserScope.For("u", "u", role, unit, path);

    [Theory]
    [InlineData(Roles.UnitOfficer, 3, "/1/2/", true, true, true)]
    [InlineData(Roles.UnitHead, 3, "/1/2/", true, true, true)]
    [InlineData(Roles.UnitOfficer, 4, "/1/2/", false, false, false)] // a sister ward
    [InlineData(Roles.UnitOfficer, 5, "/1/2/", true, false, false)] // owns a commitment: reads, cannot manage
    [InlineData(Roles.Coordinator, 5, "/1/2/", true, false, false)] // province scope
    [InlineData(Roles.Reviewer, 5, "/1/2/", true, false, false)]
    [InlineData(Roles.ReadOnly, 4, "/1/2/", false, false, false)]
    [InlineData(Roles.Coordinator, 9, "/1/8/", false, false, false)] // another province
    [InlineData(Roles.Admin, 1, "/", true, false, false)]
    public void Access_ByRoleAndUnit(string role, int unit, string path, bool read, bool manage, bool speakers)
    {
        var user = User(role, unit, path);
        var dialogue = new DialogueAccessRules.DialogueRef(3, "/1/2/", [5]);
        Assert.Equal(read, DialogueAccessRules.CanRead(user, dialogue));
        Assert.Equal(manage, DialogueAccessRules.CanManage(user, 3));
        Assert.Equal(speakers, DialogueAccessRules.CanSeeSpeakers(user, 3));
    }

    [Theory]
    [InlineData(Roles.UnitOfficer, 5, true)] // the owner unit
    [InlineData(Roles.UnitHead, 3, true)] // the dialogue's unit
    [InlineData(Roles.UnitOfficer, 4, false)]
    [InlineData(Roles.Coordinator, 5, false)]
    [InlineData(Roles.ReadOnly, 5, false)]
    public void CommitmentClosing_ByOwnerOrDialogueUnit(string role, int unit, bool allowed) =>
        Assert.Equal(allowed, DialogueAccessRules.CanCloseCommitment(User(role, unit, "/1/2/"), 3, 5));
}
