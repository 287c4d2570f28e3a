using DanVan.Domain.Access;
using DanVan.Domain.Calendar;
using DanVan.Domain.Consultations;
using DanVan.Domain.Deadlines;

namespace DanVan.Tests.Domain;

/// <summary>Consultation rules on the shipped clock rule "gop-y-du-thao" and the 2026 calendar: dates, answers, silence, handling, paragraphs, access.</summary>
public class ConsultationRulesTests
{
    private static readonly WorkingCalendar Calendar = new(PublicHolidays.DefaultsFor(2026).Concat(PublicHolidays.DefaultsFor(2027)));

    private static DateOnly D(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    private static Deadline Minimum(DateOnly sent)
    {
        var rule = StatutoryClock.RuleFor(ShippedRules.All(), ConsultationRules.MinimumPeriodRule, sent) ?? throw new InvalidOperationException();
        return StatutoryClock.Compute(rule, new DeadlineRequest { From = sent }, Calendar).Value!;
    }

    // Sent Monday 2/11/2026: 20 days on is Sunday 22/11, moved on to Monday 23/11 — the earliest end for the people of a commune.
    [Theory]
    [InlineData(ConsultationAudience.CommunePeople, "2026-11-02", "2026-11-23", null)]
    [InlineData(ConsultationAudience.CommunePeople, "2026-11-02", "2026-11-20", "DueOn")] // 18 days: too short
    [InlineData(ConsultationAudience.Units, "2026-11-02", "2026-11-06", null)] // agencies: the letter's own deadline
    [InlineData(ConsultationAudience.Units, "2026-11-02", "2026-11-01", "DueOn")] // before sending
    [InlineData(ConsultationAudience.Units, "2026-10-01", "2026-10-20", "DueOn")] // already past
    [InlineData(ConsultationAudience.Units, "2026-11-02", "2028-01-01", "DueOn")] // absurd
    [InlineData(ConsultationAudience.Units, "2025-01-02", "2025-12-01", "SentOn")]
    public void Dates_AreCheckedAgainstTheLetter_AndTheClockWhereItApplies(ConsultationAudience audience, string sent, string due, string? errorKey)
    {
        var errors = ConsultationRules.CheckDates(audience, D(sent), D(due), Minimum(D(sent)), D("2026-11-02"));
        if (errorKey is null)
        {
            Assert.Empty(errors);
        }
        else
        {
            Assert.Contains(errorKey, errors.Keys);
        }
    }

    [Fact]
    public void TooShortAPeriod_NamesTheEarliestDay_AndTheArticle()
    {
        var errors = ConsultationRules.CheckDates(ConsultationAudience.CommunePeople, D("2026-11-02"), D("2026-11-20"), Minimum(D("2026-11-02")), D("2026-11-02"));
        Assert.Contains("23/11/2026", errors["DueOn"], StringComparison.Ordinal);
        Assert.Contains("Điều 28", errors["DueOn"], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(RespondentState.Pending, "2026-11-20", "2026-11-20", true)] // the last day itself
    [InlineData(RespondentState.Pending, "2026-11-20", "2026-11-21", false)]
    [InlineData(RespondentState.Agreed, "2026-11-20", "2026-11-10", true)] // editable until the deadline
    [InlineData(RespondentState.Commented, "2026-11-20", "2026-11-21", false)]
    [InlineData(RespondentState.Silent, "2026-11-20", "2026-11-10", false)]
    public void Answers_AreAccepted_UntilTheLastDay(RespondentState state, string due, string today, bool accepted) =>
        Assert.Equal(accepted, ConsultationRules.CheckCanAnswer(state, D(due), D(today)) is null);

    [Theory]
    [InlineData(RespondentState.Pending, "2026-11-20", "2026-11-19", false)]
    [InlineData(RespondentState.Pending, "2026-11-20", "2026-11-20", false)] // never on the last day: it may still answer
    [InlineData(RespondentState.Pending, "2026-11-20", "2026-11-21", true)]
    [InlineData(RespondentState.Agreed, "2026-11-20", "2026-11-25", false)]
    [InlineData(RespondentState.Silent, "2026-11-20", "2026-11-25", false)]
    public void Silence_IsRecorded_OnlyAfterTheDeadline(RespondentState state, string due, string today, bool applies)
    {
        Assert.Equal(applies, ConsultationRules.CheckSilence(state, D(due), D(today)) is null);
        if (state == RespondentState.Pending)
        {
            Assert.Equal(applies, ConsultationRules.SilenceDue(D(due), D(today)));
        }
    }

    [Theory]
    [InlineData(true, 0, false, "Nguyễn Văn A", null)]
    [InlineData(false, 3, false, "Nguyễn Văn A", null)]
    [InlineData(false, 0, true, "Nguyễn Văn A", null)] // a general comment only
    [InlineData(true, 2, false, "Nguyễn Văn A", "Agrees")] // agree and comment at once
    [InlineData(false, 0, false, "Nguyễn Văn A", "Agrees")] // nothing
    [InlineData(true, 0, false, " ", "SignerName")]
    [InlineData(false, 501, false, "Nguyễn Văn A", "Comments")]
    public void Answer_IsAgreeOrComments_SignedByANamedPerson(bool agrees, int comments, bool general, string signer, string? errorKey)
    {
        var errors = ConsultationRules.CheckAnswer(agrees, comments, general, signer);
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
    [InlineData(CommentHandling.Accepted, null, null)]
    [InlineData(CommentHandling.Accepted, "Đã sửa đoạn 3", null)]
    [InlineData(CommentHandling.PartlyAccepted, null, "Explanation")]
    [InlineData(CommentHandling.PartlyAccepted, "Tiếp thu ý 1; ý 2 không phù hợp", null)]
    [InlineData(CommentHandling.Explained, "", "Explanation")]
    [InlineData(CommentHandling.Explained, "Đã quy định tại Kế hoạch khác", null)]
    [InlineData(null, "x", "Handling")]
    [InlineData((CommentHandling)9, "x", "Handling")]
    public void Handling_NeedsAnExplanation_UnlessFullyAccepted(CommentHandling? handling, string? explanation, string? errorKey)
    {
        var errors = ConsultationRules.CheckHandling(handling, explanation);
        if (errorKey is null)
        {
            Assert.Empty(errors);
        }
        else
        {
            Assert.Contains(errorKey, errors.Keys);
        }
    }

    [Fact]
    public void Draft_IsSplitIntoNumberedParagraphs_WithTheirLabels()
    {
        var p = ConsultationRules.SplitPasted("I. MỤC ĐÍCH, YÊU CẦU\r\n\r\n1. Xác định công tác dân vận là nhiệm vụ quan trọng.\n   \na) Tiếp tục   triển khai\nĐiều 5. Trách nhiệm thi hành\nTrên đây là Kế hoạch.");
        Assert.Equal([1, 2, 3, 4, 5], p.Select(x => x.Number));
        Assert.Equal(["I", "1", "a)", "Điều 5", null], p.Select(x => x.Label));
        Assert.Equal("a) Tiếp tục triển khai", p[2].Text);
    }

    [Theory]
    [InlineData(RespondentState.Silent, true, "Không có ý kiến — xem như thống nhất")]
    [InlineData(RespondentState.Silent, false, "Không có ý kiến")]
    [InlineData(RespondentState.Pending, true, "Chưa có ý kiến")]
    public void Labels_SayWhatSilenceMeans(RespondentState state, bool agreement, string label) =>
        Assert.Equal(label, ConsultationRules.Label(state, agreement));

    // Drafting unit 10 (Sở Nội vụ) under province 2; respondents 11 (a department) and 12 (a ward).
    private static readonly ConsultationAccessRules.ConsultationRef Ref = new(10, "/1/2/", [11, 12]);

    private static UserScope User(string role, int unit, string path = "/1/2/") => UserScope.For("u", "u", role, unit, path);

    [Theory]
    [InlineData(Roles.Coordinator, 10, true, true, true, false)] // the Sở Nội vụ's coordinator
    [InlineData(Roles.UnitOfficer, 10, true, true, true, false)]
    [InlineData(Roles.UnitOfficer, 11, true, false, false, true)] // a respondent: reads, answers for itself, sees no other answer
    [InlineData(Roles.UnitHead, 12, true, false, false, true)]
    [InlineData(Roles.ReadOnly, 11, true, false, false, false)]
    [InlineData(Roles.UnitOfficer, 13, false, false, false, false)] // a unit neither drafting nor consulted
    [InlineData(Roles.Reviewer, 14, true, false, true, false)] // province scope: follows, does not write
    [InlineData(Roles.Admin, 0, true, false, true, false)]
    public void Access(string role, int unit, bool read, bool manage, bool allAnswers, bool answerOwn)
    {
        var user = role == Roles.Admin ? UserScope.For("a", "a", role, 1, "/") : User(role, unit);
        Assert.Equal(read, ConsultationAccessRules.CanRead(user, Ref));
        Assert.Equal(manage, ConsultationAccessRules.CanManage(user, Ref.UnitId));
        Assert.Equal(allAnswers, ConsultationAccessRules.CanSeeAllAnswers(user, Ref));
        Assert.Equal(answerOwn, unit is 11 or 12 && ConsultationAccessRules.CanAnswer(user, unit));
        Assert.False(ConsultationAccessRules.CanAnswer(user, 99)); // never for another unit
    }

    [Fact]
    public void OneUnitsStaff_NeverAnswerForAnother()
    {
        var officer = User(Roles.UnitOfficer, 11);
        Assert.True(ConsultationAccessRules.CanAnswer(officer, 11));
        Assert.False(ConsultationAccessRules.CanAnswer(officer, 12));
        Assert.False(ConsultationAccessRules.CanManage(officer, 10));
    }
}
