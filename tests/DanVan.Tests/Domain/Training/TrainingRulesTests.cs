using DanVan.Domain.Training;

namespace DanVan.Tests.Domain.Training;

/// <summary>Propaganda and training as tables: the share briefed (rounded down), who is on staff on a day, every bad session.</summary>
public class TrainingRulesTests
{
    private static readonly DateOnly Today = new(2026, 12, 3);

    public static TheoryData<int, int, int?, bool, string> Coverages => new()
    {
        // staff, briefed → percent, complete, text
        { 11, 9, 81, false, "9/11 người (81 %)" },
        { 30, 29, 96, false, "29/30 người (96 %)" },     // 96.7 % is not rounded up to 97, let alone 100
        { 200, 199, 99, false, "199/200 người (99 %)" },  // 99.5 % is not 100 %
        { 11, 11, 100, true, "11/11 người (100 %)" },
        { 0, 0, null, false, "chưa có danh sách cán bộ" },
    };

    [Theory]
    [MemberData(nameof(Coverages))]
    public void Coverage_RoundsDown_AndIsCompleteOnlyWhenEveryoneWasThere(int staff, int briefed, int? percent, bool complete, string text)
    {
        var c = new Coverage(staff, briefed);
        Assert.Equal(percent, c.Percent);
        Assert.Equal(complete, c.Complete);
        Assert.Equal(text, c.Text);
    }

    public static TheoryData<DateOnly?, DateOnly?, DateOnly, bool> Serving => new()
    {
        { null, null, Today, true },
        { Today, null, Today, true },                      // joins on the day: counted
        { Today.AddDays(1), null, Today, false },          // not yet there
        { null, Today, Today, false },                     // leaves on the day: no longer counted
        { null, Today.AddDays(1), Today, true },
        { new DateOnly(2020, 1, 1), new DateOnly(2025, 1, 1), Today, false },
    };

    [Theory]
    [MemberData(nameof(Serving))]
    public void OnStaff_FromTheDayOfJoining_UntilTheDayOfLeaving(DateOnly? joined, DateOnly? left, DateOnly day, bool expected) =>
        Assert.Equal(expected, TrainingRules.OnStaff(joined, left, day));

    private static SessionFacts Good => new(SessionKind.Briefing, "Quán triệt kế hoạch", Today, SessionAudience.Staff, 20, 15, 10, 1);

    public static TheoryData<string, string, string> Bad => new()
    {
        // what is wrong → field, message
        { "no kind", "Kind", "Vui lòng chọn loại" },
        { "unknown kind", "Kind", "Vui lòng chọn loại" },
        { "briefing without document", "DocumentIds", "Buổi học tập, quán triệt phải ghi văn bản được quán triệt" },
        { "no title", "Title", "Vui lòng ghi nội dung, chủ đề" },
        { "tomorrow", "HeldOn", "Ngày tổ chức không được sau hôm nay" },
        { "no audience", "Audience", "Vui lòng chọn đối tượng" },
        { "unknown audience", "Audience", "Vui lòng chọn đối tượng" },
        { "invited zero", "AudienceSize", "Số người được mời phải từ 1" },
        { "negative attendees", "Attendees", "Số lượt người tham dự phải là số nguyên từ 0" },
        { "no attendees", "Attendees", "Số lượt người tham dự phải là số nguyên từ 0" },
        { "absurd attendees", "Attendees", "Số lượt người tham dự phải là số nguyên từ 0" },
        { "above invited", "Attendees", "Số lượt người tham dự (21) không thể lớn hơn số người được mời (20)." },
        { "below staff present", "Attendees", "Số lượt người tham dự (9) không thể ít hơn số cán bộ của đơn vị được đánh dấu có mặt (10)." },
    };

    [Theory]
    [MemberData(nameof(Bad))]
    public void Check_RefusesEachBadSession_ByField(string wrong, string field, string message)
    {
        var s = wrong switch
        {
            "no kind" => Good with { Kind = null },
            "unknown kind" => Good with { Kind = (SessionKind)9 },
            "briefing without document" => Good with { Documents = 0 },
            "no title" => Good with { Title = " " },
            "tomorrow" => Good with { HeldOn = Today.AddDays(1) },
            "no audience" => Good with { Audience = SessionAudience.None },
            "unknown audience" => Good with { Audience = (SessionAudience)64 },
            "invited zero" => Good with { AudienceSize = 0 },
            "negative attendees" => Good with { Attendees = -1 },
            "no attendees" => Good with { Attendees = null },
            "absurd attendees" => Good with { Attendees = 2_000_000 },
            "above invited" => Good with { Attendees = 21 },
            "below staff present" => Good with { Attendees = 9 },
            _ => throw new ArgumentOutOfRangeException(nameof(wrong)),
        };
        var errors = TrainingRules.Check(s, Today);
        Assert.True(errors.ContainsKey(field), wrong);
        Assert.StartsWith(message, errors[field], StringComparison.Ordinal);
    }

    [Fact]
    public void Check_AcceptsAGoodSession_AndAPropagandaEveningWithoutDocuments()
    {
        Assert.Empty(TrainingRules.Check(Good, Today));
        Assert.Empty(TrainingRules.Check(Good with { Kind = SessionKind.Propaganda, Documents = 0, Audience = SessionAudience.People, AudienceSize = null, Attendees = 120, StaffPresent = 1 }, Today));
    }

    [Fact]
    public void CheckStaff_WantsAName_AndALeavingDayAfterTheJoiningDay()
    {
        Assert.Empty(TrainingRules.CheckStaff("Nguyễn Văn A", Today.AddDays(-10), Today));
        var errors = TrainingRules.CheckStaff(" ", Today, Today);
        Assert.Equal("Vui lòng ghi họ và tên.", errors["FullName"]);
        Assert.Equal("Ngày thôi công tác phải sau ngày về đơn vị.", errors["LeftOn"]);
    }
}
