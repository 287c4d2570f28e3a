using DanVan.Domain.Calendar;
using DanVan.Domain.Text;

namespace DanVan.Domain.Deadlines;

/// <summary>An inclusive span of days (a suspension: tạm đình chỉ … đến hết ngày …).</summary>
public sealed record DateSpan(DateOnly From, DateOnly To)
{
    public bool Contains(DateOnly d) => From <= d && d <= To;
}

/// <summary>What a deadline is asked for: the event's date and what is known about the case.</summary>
public sealed record DeadlineRequest
{
    /// <summary>The day of the event the rule counts from (for a minimum notice: the day of the event itself).</summary>
    public required DateOnly From { get; init; }

    public DeadlineConditions Conditions { get; init; }

    /// <summary>
    /// The length of each extension granted, in the rule's counting (gia hạn lần 1, lần 2, …);
    /// <see cref="StatutoryClock.LongestExtension"/> for "as long as the rule allows".
    /// </summary>
    public IReadOnlyList<int> Extensions { get; init; } = [];

    /// <summary>Days the law does not count (e.g. illness or disaster during a limitation period).</summary>
    public int ExtraDays { get; init; }

    /// <summary>Spans during which the clock is stopped (tạm đình chỉ); their days are not counted.</summary>
    public IReadOnlyList<DateSpan> Suspensions { get; init; } = [];
}

/// <summary>A computed deadline, with everything needed to say which rule and article produced it.</summary>
public sealed record Deadline(
    string RuleCode,
    string RuleName,
    DateOnly From,
    DateOnly Date,
    DayCounting Counting,
    DeadlineDirection Direction,
    int Days,
    string Basis,
    DeadlineConditions Conditions,
    int ExtensionCount,
    int SuspendedDays,
    bool MovedOffHoliday,
    string CountsFrom)
{
    /// <summary>"30 ngày kể từ ngày thụ lý (Điều 28 Luật Khiếu nại 02/2011/QH13)" and what changed the plain period.</summary>
    public string Explanation
    {
        get
        {
            var counting = DeadlineRule.CountingLabel(Counting);
            var text = Direction == DeadlineDirection.Before
                ? $"Chậm nhất {Days} {counting} {CountsFrom}"
                : $"{Days} {counting} {CountsFrom}";
            var extras = new List<string>();
            if (Conditions != DeadlineConditions.None)
            {
                extras.Add("trường hợp " + DeadlineRuleVariant.ConditionsLabel(Conditions).ToLower(VietnameseText.Culture));
            }

            if (ExtensionCount > 0)
            {
                extras.Add($"đã gia hạn {ExtensionCount} lần");
            }

            if (SuspendedDays > 0)
            {
                extras.Add($"không tính {SuspendedDays} ngày tạm đình chỉ");
            }

            if (MovedOffHoliday)
            {
                extras.Add(Direction == DeadlineDirection.Before
                    ? "ngày cuối là ngày nghỉ nên lùi về ngày làm việc trước đó"
                    : "ngày cuối là ngày nghỉ nên chuyển sang ngày làm việc tiếp theo");
            }

            if (extras.Count > 0)
            {
                text += "; " + string.Join("; ", extras);
            }

            return $"{text} ({Basis})";
        }
    }
}

/// <summary>Either a deadline or the Vietnamese reason it cannot be given.</summary>
public sealed record DeadlineAnswer(Deadline? Value, string? Error)
{
    public bool IsOk => Value is not null;

    public static DeadlineAnswer Fail(string error) => new(null, error);
}

/// <summary>
/// The statutory clock (đồng hồ pháp định): a deadline from a rule of law, on the Vietnamese working-day calendar.
/// Counting follows Bộ luật Dân sự 2015 Art. 147–148: the day of the event is not counted; a period of calendar days
/// whose last day is a weekend or a holiday ends on the next working day; make-up Saturdays are working days. The
/// days of a suspension are not counted. A minimum notice ("ít nhất 7 ngày trước") counts back from the event and,
/// when it lands on a day off, moves back to the working day before it (moving it later would shorten the notice).
/// </summary>
public static class StatutoryClock
{
    /// <summary>The longest span the clock will walk, a guard against absurd input (about eleven years).</summary>
    public const int MaxTotalDays = 4000;

    /// <summary>An extension asked "as long as the rule allows" (the deadline verb's --extensions N).</summary>
    public const int LongestExtension = -1;

    /// <summary>The version of a rule in force on the day of the event; the latest one when versions overlap.</summary>
    public static DeadlineRule? RuleFor(IEnumerable<DeadlineRule> rules, string code, DateOnly on) =>
        rules.Where(r => string.Equals(r.Code, code, StringComparison.Ordinal) && r.AppliesOn(on))
            .OrderByDescending(r => r.ValidFrom)
            .FirstOrDefault();

    /// <summary>Especially complicated cases are complicated cases too.</summary>
    public static DeadlineConditions Normalise(DeadlineConditions c) =>
        c.HasFlag(DeadlineConditions.EspeciallyComplex) ? c | DeadlineConditions.Complex : c;

    /// <summary>The most specific variant whose conditions the case has all of; null for the plain period.</summary>
    public static DeadlineRuleVariant? VariantFor(DeadlineRule rule, DeadlineConditions conditions)
    {
        var c = Normalise(conditions);
        return rule.Variants
            .Where(v => v.Conditions != DeadlineConditions.None && (Normalise(v.Conditions) & c) == Normalise(v.Conditions))
            .OrderByDescending(v => System.Numerics.BitOperations.PopCount((uint)Normalise(v.Conditions)))
            .ThenBy(v => v.Id)
            .FirstOrDefault();
    }

    public static int MaxExtensions(DeadlineRule rule, DeadlineConditions conditions) =>
        VariantFor(rule, conditions)?.MaxExtensions ?? rule.MaxExtensions;

    public static DeadlineAnswer Compute(DeadlineRule rule, DeadlineRequest request, WorkingCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(calendar);

        if (!rule.AppliesOn(request.From))
        {
            return DeadlineAnswer.Fail(
                $"Quy tắc «{rule.Name}» theo {rule.Basis} chỉ áp dụng {ValidityText(rule)}; ngày {VietnameseText.FormatDate(request.From)} nằm ngoài khoảng đó.");
        }

        var variant = VariantFor(rule, request.Conditions);
        var days = variant?.Days ?? rule.Days;
        var basis = variant?.Basis is { Length: > 0 } vb ? $"{vb} {rule.Basis}" : rule.Basis;
        var maxExtensions = variant?.MaxExtensions ?? rule.MaxExtensions;
        var counting = DeadlineRule.CountingLabel(rule.Counting);
        if (request.Extensions.Contains(LongestExtension))
        {
            var longest = rule.ExtensionDays ?? days;
            request = request with { Extensions = request.Extensions.Select(e => e == LongestExtension ? longest : e).ToList() };
        }

        if (request.Extensions.Count > 0)
        {
            if (maxExtensions == 0)
            {
                return DeadlineAnswer.Fail(
                    $"«{rule.Name}» không được gia hạn trong trường hợp {DeadlineRuleVariant.ConditionsLabel(Normalise(request.Conditions)).ToLower(VietnameseText.Culture)} ({rule.Basis}).");
            }

            if (request.Extensions.Count > maxExtensions)
            {
                return DeadlineAnswer.Fail(
                    $"«{rule.Name}» chỉ được gia hạn tối đa {maxExtensions} lần trong trường hợp {DeadlineRuleVariant.ConditionsLabel(Normalise(request.Conditions)).ToLower(VietnameseText.Culture)}; yêu cầu {request.Extensions.Count} lần ({rule.Basis}).");
            }

            foreach (var e in request.Extensions)
            {
                if (e <= 0)
                {
                    return DeadlineAnswer.Fail("Số ngày gia hạn phải lớn hơn 0.");
                }

                if (rule.ExtensionDays is { } cap && e > cap)
                {
                    return DeadlineAnswer.Fail($"Mỗi lần gia hạn «{rule.Name}» không quá {cap} {counting} ({rule.Basis}); yêu cầu {e} {counting}.");
                }
            }
        }

        if (request.ExtraDays < 0)
        {
            return DeadlineAnswer.Fail("Số ngày không tính vào thời hạn không được âm.");
        }

        if (request.ExtraDays > 0 && !rule.AllowsExtraDays)
        {
            return DeadlineAnswer.Fail($"«{rule.Name}» không có quy định cộng thêm thời gian trở ngại khách quan ({rule.Basis}).");
        }

        foreach (var s in request.Suspensions)
        {
            if (s.To < s.From)
            {
                return DeadlineAnswer.Fail(
                    $"Khoảng tạm đình chỉ {VietnameseText.FormatDate(s.From)}–{VietnameseText.FormatDate(s.To)} có ngày kết thúc trước ngày bắt đầu.");
            }

            if (s.From <= request.From)
            {
                return DeadlineAnswer.Fail(
                    $"Ngày tạm đình chỉ ({VietnameseText.FormatDate(s.From)}) phải sau ngày bắt đầu tính thời hạn ({VietnameseText.FormatDate(request.From)}).");
            }
        }

        if (request.Suspensions.Count > 0 && rule.Direction == DeadlineDirection.Before)
        {
            return DeadlineAnswer.Fail($"«{rule.Name}» là thời hạn báo trước, không có tạm đình chỉ.");
        }

        var total = days + request.Extensions.Sum() + request.ExtraDays;
        var suspendedSpan = request.Suspensions.Sum(s => s.To.DayNumber - s.From.DayNumber + 1);
        if (total > MaxTotalDays || suspendedSpan > MaxTotalDays)
        {
            return DeadlineAnswer.Fail($"Thời hạn quá dài để tính (tối đa {MaxTotalDays} ngày).");
        }

        if (request.From.DayNumber + ((long)(total + suspendedSpan) * 2) + 30 > DateOnly.MaxValue.DayNumber
            || request.From.DayNumber - ((long)total * 2) - 30 < DateOnly.MinValue.DayNumber)
        {
            return DeadlineAnswer.Fail("Ngày bắt đầu tính thời hạn không hợp lệ.");
        }

        return rule.Direction == DeadlineDirection.Before
            ? new DeadlineAnswer(Backward(rule, request, calendar, total, basis), null)
            : new DeadlineAnswer(Forward(rule, request, calendar, total, basis), null);
    }

    private static Deadline Forward(DeadlineRule rule, DeadlineRequest request, WorkingCalendar calendar, int total, string basis)
    {
        var date = request.From;
        var counted = 0;
        var suspended = 0;
        while (counted < total)
        {
            date = date.AddDays(1);
            if (request.Suspensions.Any(s => s.Contains(date)))
            {
                suspended++;
                continue;
            }

            if (rule.Counting == DayCounting.Working && !calendar.IsWorkingDay(date))
            {
                continue;
            }

            counted++;
        }

        var moved = false;
        while (!calendar.IsWorkingDay(date))
        {
            // Working-day periods end on a working day by construction; calendar periods move on (BLDS Art. 148).
            date = date.AddDays(1);
            moved = true;
        }

        return new Deadline(rule.Code, rule.Name, request.From, date, rule.Counting, rule.Direction, total, basis,
            request.Conditions, request.Extensions.Count, suspended, moved, rule.CountsFrom);
    }

    private static Deadline Backward(DeadlineRule rule, DeadlineRequest request, WorkingCalendar calendar, int total, string basis)
    {
        var date = request.From;
        var counted = 0;
        while (counted < total)
        {
            date = date.AddDays(-1);
            if (rule.Counting == DayCounting.Working && !calendar.IsWorkingDay(date))
            {
                continue;
            }

            counted++;
        }

        var moved = false;
        while (!calendar.IsWorkingDay(date))
        {
            date = date.AddDays(-1);
            moved = true;
        }

        return new Deadline(rule.Code, rule.Name, request.From, date, rule.Counting, rule.Direction, total, basis,
            request.Conditions, request.Extensions.Count, 0, moved, rule.CountsFrom);
    }

    public static string ValidityText(DeadlineRule rule) => rule.ValidTo is { } to
        ? $"từ {VietnameseText.FormatDate(rule.ValidFrom)} đến {VietnameseText.FormatDate(to)}"
        : $"từ {VietnameseText.FormatDate(rule.ValidFrom)}";
}
