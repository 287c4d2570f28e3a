using DanVan.Domain.Calendar;
using DanVan.Domain.Deadlines;

namespace DanVan.Tests.Domain;

/// <summary>
/// The rule engine's table: each row a case with the date worked out by hand on the 2026 announced calendar (2/1 off
/// for Saturday 10/1; Tết 16–20/2; 27/4 in lieu of Giỗ Tổ; 30/4, 1/5; 31/8 off for Saturday 22/8; 1–2/9) and the
/// Labour Code defaults of 2025 and 2027 (Tết 2027: 5/2 and 8–11/2 off).
/// </summary>
public class StatutoryClockTests
{
    private static readonly IReadOnlyList<DeadlineRule> Rules = ShippedRules.All();

    private static readonly WorkingCalendar Calendar = new(
        PublicHolidays.DefaultsFor(2025).Concat(PublicHolidays.DefaultsFor(2026)).Concat(PublicHolidays.DefaultsFor(2027)));

    private static DeadlineAnswer Compute(string code, string from, DeadlineConditions conditions = DeadlineConditions.None,
        int[]? extensions = null, int extra = 0, DateSpan[]? suspended = null)
    {
        var date = DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture);
        var rule = StatutoryClock.RuleFor(Rules, code, date) ?? throw new InvalidOperationException("no rule " + code);
        return StatutoryClock.Compute(rule, new DeadlineRequest
        {
            From = date,
            Conditions = conditions,
            Extensions = extensions ?? [],
            ExtraDays = extra,
            Suspensions = suspended ?? [],
        }, Calendar);
    }

    private const DeadlineConditions C = DeadlineConditions.Complex;
    private const DeadlineConditions E = DeadlineConditions.EspeciallyComplex;
    private const DeadlineConditions R = DeadlineConditions.Remote;
    private const DeadlineConditions P = DeadlineConditions.SeveralPlaces;
    private const DeadlineConditions Two = DeadlineConditions.SecondInstance;
    private const DeadlineConditions D = DeadlineConditions.Dismissal;

    public static TheoryData<string, string, DeadlineConditions, int[], int, string, int, string> Cases => new()
    {
        // rule, from, conditions, extensions, extra days, expected, days counted, why
        { "khieu-nai-lan-dau-giai-quyet", "2026-02-10", 0, [], 0, "2026-03-12", 30, "30 calendar days; Tết inside does not matter" },
        { "khieu-nai-lan-dau-giai-quyet", "2026-02-10", C, [], 0, "2026-03-27", 45, "complicated: 45" },
        { "khieu-nai-lan-dau-giai-quyet", "2026-02-10", R, [], 0, "2026-03-27", 45, "remote: 45" },
        { "khieu-nai-lan-dau-giai-quyet", "2026-02-10", R | C, [], 0, "2026-04-13", 60, "remote and complicated: 60, Saturday 11/4 → Monday" },
        { "khieu-nai-lan-dau-giai-quyet", "2026-02-10", R | E, [], 0, "2026-04-13", 60, "especially complicated counts as complicated" },
        { "khieu-nai-lan-hai-giai-quyet", "2026-06-01", R | C, [], 0, "2026-08-10", 70, "second instance, remote, complicated: 70" },
        { "khieu-nai-lan-hai-giai-quyet", "2026-06-01", 0, [], 0, "2026-07-16", 45, "second instance: 45" },
        { "khieu-nai-lan-hai-thoi-han", "2026-06-01", R, [], 0, "2026-07-16", 45, "second complaint, remote: 45" },
        { "khieu-nai-lan-dau-thu-ly", "2026-02-06", 0, [], 0, "2026-02-23", 10, "last day 16/2 in Tết → first working day after it" },
        { "khieu-nai-lan-dau-thu-ly", "2027-01-30", 0, [], 0, "2027-02-12", 10, "Tết 2027 (defaults): 9/2 off, 10–11/2 nghỉ bù" },
        { "khieu-nai-gui-quyet-dinh-lan-hai", "2026-01-25", 0, [], 0, "2026-02-02", 7, "month end: Sunday 1/2 → Monday 2/2" },
        { "khieu-nai-thoi-hieu", "2026-01-05", 0, [], 0, "2026-04-06", 90, "90 days end on Sunday 5/4 → Monday" },
        { "khieu-nai-thoi-hieu", "2026-01-05", 0, [], 10, "2026-04-15", 100, "ten days of illness not counted" },
        { "khieu-nai-ky-luat-thoi-hieu", "2026-03-02", 0, [], 0, "2026-03-17", 15, "disciplinary, first complaint: 15" },
        { "khieu-nai-ky-luat-thoi-hieu", "2026-03-02", D, [], 0, "2026-03-17", 15, "dismissal alone does not change the first complaint" },
        { "khieu-nai-ky-luat-thoi-hieu", "2026-03-02", Two, [], 0, "2026-03-12", 10, "disciplinary, second complaint: 10" },
        { "khieu-nai-ky-luat-thoi-hieu", "2026-03-02", Two | D, [], 0, "2026-04-01", 30, "second complaint against a dismissal: 30" },
        { "khieu-nai-ky-luat-giai-quyet", "2026-03-02", R | C, [], 0, "2026-04-16", 45, "no remote variant: complicated 45" },
        { "to-cao-giai-quyet", "2026-03-02", 0, [], 0, "2026-04-01", 30, "denunciation: 30" },
        { "to-cao-giai-quyet", "2026-03-02", C, [30], 0, "2026-05-04", 60, "one extension: 1/5 holiday, weekend → Monday 4/5" },
        { "to-cao-giai-quyet", "2026-03-02", E, [30, 30], 0, "2026-06-01", 90, "two extensions: Sunday 31/5 → Monday" },
        { "to-cao-giai-quyet", "2026-03-02", E, [15], 0, "2026-04-16", 45, "a shorter extension" },
        { "to-cao-giai-quyet", "2026-03-02", E, [StatutoryClock.LongestExtension, StatutoryClock.LongestExtension], 0, "2026-06-01", 90, "two extensions as long as the rule allows" },
        { "to-cao-xu-ly-ban-dau", "2026-02-12", 0, [], 0, "2026-03-02", 7, "7 working days across Tết" },
        { "to-cao-xu-ly-ban-dau", "2026-02-12", P, [], 0, "2026-03-05", 10, "several places: 10 working days" },
        { "to-cao-thong-bao-thu-ly", "2026-01-07", 0, [], 0, "2026-01-13", 5, "make-up Saturday 10/1 is a working day" },
        { "to-cao-gui-ket-luan", "2026-08-27", 0, [], 0, "2026-09-08", 5, "31/8 swapped off, 1–2/9 holidays" },
        { "to-cao-cong-khai-ket-luan", "2026-04-24", 0, [], 0, "2026-05-08", 7, "27/4 in lieu of Giỗ Tổ, 30/4 and 1/5" },
        { "tiep-cong-dan-tra-loi", "2026-12-24", 0, [], 0, "2027-01-08", 10, "year end: 1/1/2027 off" },
        { "to-cao-tiep", "2026-12-15", 0, [], 0, "2027-01-04", 20, "20 days end on Monday 4/1/2027" },
        { "doi-thoai-thong-bao", "2026-09-08", 0, [], 0, "2026-08-28", 7, "notice 7 days before: 1/9 holiday, 31/8 off, weekend → back to Friday 28/8" },
        { "doi-thoai-thong-bao", "2026-03-20", 0, [], 0, "2026-03-13", 7, "notice 7 days before a Friday" },
        { "doi-thoai-cong-bo-ket-qua", "2026-04-20", 0, [], 0, "2026-05-04", 10, "10 days end on 30/4 → Monday 4/5" },
        { "gop-y-du-thao", "2026-04-10", 0, [], 0, "2026-05-04", 20, "20 days end on 30/4 → Monday 4/5" },
        { "khieu-nai-lan-dau-thu-ly", "2025-01-20", 0, [], 0, "2025-02-04", 10, "Tết 2025 (defaults): 30/1, 31/1 and nghỉ bù 3/2" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Deadline_IsTheDayWorkedOutByHand(string code, string from, DeadlineConditions conditions, int[] extensions, int extra, string expected, int days, string why)
    {
        var answer = Compute(code, from, conditions, extensions, extra);
        Assert.True(answer.IsOk, answer.Error);
        Assert.Equal(expected, answer.Value!.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(days, answer.Value.Days);
        Assert.False(string.IsNullOrEmpty(why));
    }

    [Fact]
    public void Suspension_StopsTheClock_OnCalendarAndWorkingDays()
    {
        // 30 days from 2/3 with 10/3–19/3 suspended: 40 days → Saturday 11/4 → Monday 13/4.
        var complaint = Compute("khieu-nai-lan-dau-giai-quyet", "2026-03-02", suspended: [new(new(2026, 3, 10), new(2026, 3, 19))]);
        Assert.Equal(new DateOnly(2026, 4, 13), complaint.Value!.Date);
        Assert.Equal(10, complaint.Value.SuspendedDays);
        Assert.Contains("không tính 10 ngày tạm đình chỉ", complaint.Value.Explanation, StringComparison.Ordinal);

        // 7 working days from Monday 2/3 with 4/3–5/3 suspended: 13/3 instead of 11/3.
        var plain = Compute("to-cao-xu-ly-ban-dau", "2026-03-02");
        var stopped = Compute("to-cao-xu-ly-ban-dau", "2026-03-02", suspended: [new(new(2026, 3, 4), new(2026, 3, 5))]);
        Assert.Equal(new DateOnly(2026, 3, 11), plain.Value!.Date);
        Assert.Equal(new DateOnly(2026, 3, 13), stopped.Value!.Date);
    }

    [Theory]
    [InlineData("to-cao-giai-quyet", C, new[] { 30, 30 }, 0, "tối đa 1 lần")]
    [InlineData("to-cao-giai-quyet", E, new[] { 30, 30, 30 }, 0, "tối đa 2 lần")]
    [InlineData("to-cao-giai-quyet", DeadlineConditions.None, new[] { 30 }, 0, "không được gia hạn")]
    [InlineData("to-cao-giai-quyet", E, new[] { 31 }, 0, "không quá 30 ngày")]
    [InlineData("khieu-nai-lan-dau-giai-quyet", C, new[] { 10 }, 0, "không được gia hạn")]
    [InlineData("khieu-nai-lan-dau-giai-quyet", DeadlineConditions.None, new int[0], 5, "không có quy định cộng thêm")]
    [InlineData("khieu-nai-thoi-hieu", DeadlineConditions.None, new int[0], -1, "không được âm")]
    public void WhatTheRuleDoesNotAllow_IsRefusedInVietnamese(string code, DeadlineConditions conditions, int[] extensions, int extra, string message)
    {
        var answer = Compute(code, "2026-03-02", conditions, extensions, extra);
        Assert.False(answer.IsOk);
        Assert.Contains(message, answer.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void ASuspension_MustBeAfterTheStart_AndInOrder()
    {
        Assert.Contains("kết thúc trước ngày bắt đầu",
            Compute("to-cao-giai-quyet", "2026-03-02", suspended: [new(new(2026, 3, 10), new(2026, 3, 5))]).Error, StringComparison.Ordinal);
        Assert.Contains("phải sau ngày bắt đầu tính",
            Compute("to-cao-giai-quyet", "2026-03-02", suspended: [new(new(2026, 3, 1), new(2026, 3, 5))]).Error, StringComparison.Ordinal);
    }

    [Fact]
    public void AnAmendedRule_AppliesFromItsDate_AndTheOldOneBefore()
    {
        var old = ShippedRules.All().Single(r => r.Code == "to-cao-giai-quyet");
        old.ValidTo = new DateOnly(2026, 6, 30);
        var amended = ShippedRules.All().Single(r => r.Code == "to-cao-giai-quyet");
        amended.ValidFrom = new DateOnly(2026, 7, 1);
        amended.Days = 45;
        amended.Basis = "Điều 30 Luật Tố cáo (sửa đổi 2025)";
        var versions = new[] { old, amended };

        Assert.Same(old, StatutoryClock.RuleFor(versions, "to-cao-giai-quyet", new DateOnly(2026, 6, 30)));
        Assert.Same(amended, StatutoryClock.RuleFor(versions, "to-cao-giai-quyet", new DateOnly(2026, 7, 1)));
        Assert.Null(StatutoryClock.RuleFor(versions, "to-cao-giai-quyet", new DateOnly(2018, 12, 31)));

        var answer = StatutoryClock.Compute(old, new DeadlineRequest { From = new DateOnly(2026, 7, 2) }, Calendar);
        Assert.Contains("chỉ áp dụng từ 01/01/2019 đến 30/06/2026", answer.Error, StringComparison.Ordinal);
        var later = StatutoryClock.Compute(amended, new DeadlineRequest { From = new DateOnly(2026, 7, 2) }, Calendar);
        Assert.Equal(new DateOnly(2026, 8, 17), later.Value!.Date); // 45 days → Sunday 16/8 → Monday
        Assert.Contains("sửa đổi 2025", later.Value.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void TheExplanation_NamesThePeriod_TheEvent_AndTheArticle()
    {
        var d = Compute("khieu-nai-lan-dau-giai-quyet", "2026-02-10", C).Value!;
        Assert.Equal("45 ngày kể từ ngày thụ lý; trường hợp phức tạp (Điều 28 Luật Khiếu nại 02/2011/QH13)", d.Explanation);
        var w = Compute("to-cao-xu-ly-ban-dau", "2026-02-12").Value!;
        Assert.StartsWith("7 ngày làm việc kể từ ngày nhận được tố cáo", w.Explanation, StringComparison.Ordinal);
        var n = Compute("doi-thoai-thong-bao", "2026-09-08").Value!;
        Assert.Contains("Chậm nhất 7 ngày trước ngày đối thoại", n.Explanation, StringComparison.Ordinal);
        Assert.Contains("lùi về ngày làm việc trước đó", n.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryShippedRule_HasABasis_AValidFrom_AndUniqueCode()
    {
        var all = ShippedRules.All();
        Assert.Equal(all.Count, all.Select(r => r.Code).Distinct().Count());
        Assert.All(all, r =>
        {
            Assert.Matches("^[a-z0-9-]+$", r.Code);
            Assert.Matches("(Điều|Thông tư) ", r.Basis);
            Assert.True(r.ValidFrom > new DateOnly(2010, 1, 1));
            Assert.Equal(r.Variants.Count, r.Variants.Select(v => v.Conditions).Distinct().Count());
        });
        string[] required =
        [
            "khieu-nai-thoi-hieu", "khieu-nai-lan-dau-thu-ly", "khieu-nai-lan-dau-giai-quyet", "khieu-nai-lan-hai-thoi-han",
            "khieu-nai-lan-hai-thu-ly", "khieu-nai-lan-hai-giai-quyet", "khieu-nai-gui-quyet-dinh-lan-hai", "khieu-nai-ky-luat-thoi-hieu",
            "to-cao-xu-ly-ban-dau", "to-cao-chuyen-don", "to-cao-thong-bao-thu-ly", "to-cao-giai-quyet", "to-cao-gui-ket-luan",
            "to-cao-cong-khai-ket-luan", "to-cao-tiep", "tiep-cong-dan-tra-loi", "doi-thoai-thong-bao", "doi-thoai-cong-bo-ket-qua", "gop-y-du-thao",
        ];
        Assert.Empty(required.Except(all.Select(r => r.Code)));
    }

    [Fact]
    public void The2026Calendar_HasTheAnnouncedSwaps()
    {
        var days = PublicHolidays.DefaultsFor(2026).ToDictionary(d => d.Date, d => d.Kind);
        Assert.Equal(CalendarDayKind.DayOff, days[new DateOnly(2026, 1, 2)]);
        Assert.Equal(CalendarDayKind.WorkingDay, days[new DateOnly(2026, 1, 10)]);
        Assert.Equal(CalendarDayKind.WorkingDay, days[new DateOnly(2026, 8, 22)]);
        Assert.Equal(CalendarDayKind.DayOff, days[new DateOnly(2026, 8, 31)]);
        Assert.Equal(CalendarDayKind.DayOff, days[new DateOnly(2026, 4, 27)]);
        Assert.Equal(5, days.Count(d => d.Key.Month == 2 && d.Value != CalendarDayKind.WorkingDay));
        Assert.DoesNotContain(PublicHolidays.DefaultsFor(2027), d => d.Kind == CalendarDayKind.WorkingDay);
    }
}
