using System.Globalization;
using System.Text.RegularExpressions;

namespace DanVan.Domain.Plans;

/// <summary>Where a target stands against the figure that tracks it (ADR-028).</summary>
public enum TargetStanding
{
    /// <summary>No measure is linked: the target cannot be followed.</summary>
    NotLinked = 0,

    /// <summary>The plan's year has not begun.</summary>
    NotStarted = 1,

    /// <summary>A ratio with nothing under it yet (no case resolved, no task due).</summary>
    NoData = 2,

    Met = 3,

    /// <summary>A count not reached yet but at least where the elapsed share of the year puts it.</summary>
    OnTrack = 4,

    /// <summary>A rate below its level, a count behind the year's pace, a ceiling exceeded.</summary>
    OffTrack = 5,
}

/// <summary>A target's current value, how far it is from its level (positive: still missing), and its standing.</summary>
public sealed record TargetReading(decimal? Value, decimal? Gap, TargetStanding Standing, decimal? Expected);

/// <summary>
/// Reads a target against its measured value. A rate ("trên 90%") is judged as it stands: below its level it is off
/// track whatever the month. A count ("ít nhất 4 cuộc đối thoại") is judged against the pace of the year: by the end of
/// June half of it is expected. A ceiling ("không quá 5%", "dưới 2 vụ") is off track as soon as it is exceeded.
/// </summary>
public static partial class TargetProgress
{
    public static bool IsRate(string unit) => unit == "%";

    public static bool IsCeiling(string comparison) => comparison is "<" or "<=";

    public static bool Meets(string comparison, decimal value, decimal level) => comparison switch
    {
        ">" => value > level,
        ">=" => value >= level,
        "<" => value < level,
        "<=" => value <= level,
        _ => value == level,
    };

    /// <param name="elapsed">Share of the target's year passed, 0 before it starts, 1 once it is over.</param>
    /// <param name="asItStands">A level rather than a count that grows through the year (a ratio, an index): no pace.</param>
    public static TargetReading Read(string comparison, int level, string unit, bool linked, decimal? value, double elapsed, bool asItStands = false)
    {
        if (!linked)
        {
            return new TargetReading(null, null, TargetStanding.NotLinked, null);
        }

        if (elapsed <= 0)
        {
            return new TargetReading(null, null, TargetStanding.NotStarted, null);
        }

        if (value is not { } v)
        {
            return new TargetReading(null, null, TargetStanding.NoData, null);
        }

        var gap = IsCeiling(comparison) ? v - level : level - v;
        if (Meets(comparison, v, level))
        {
            return new TargetReading(v, Math.Min(0, gap), TargetStanding.Met, null);
        }

        if (IsRate(unit) || asItStands || IsCeiling(comparison) || elapsed >= 1)
        {
            return new TargetReading(v, gap, TargetStanding.OffTrack, null);
        }

        // A count under way: the pace expected so far, rounded down (one dialogue of four is on track in April).
        var expected = Math.Floor(level * (decimal)Math.Clamp(elapsed, 0, 1));
        return new TargetReading(v, gap, v >= expected ? TargetStanding.OnTrack : TargetStanding.OffTrack, expected);
    }

    /// <summary>Share of the year <paramref name="year"/> passed on <paramref name="today"/> (counting today).</summary>
    public static double Elapsed(int year, DateOnly today)
    {
        var first = new DateOnly(year, 1, 1);
        var last = new DateOnly(year, 12, 31);
        if (today < first)
        {
            return 0;
        }

        return today >= last ? 1 : (today.DayNumber - first.DayNumber + 1) / (double)(last.DayNumber - first.DayNumber + 1);
    }

    /// <summary>The year a plan is for: "… năm 2026" in its title when near its date, else the year it was issued.</summary>
    public static int PlanYear(string? title, DateOnly issuedOn)
    {
        foreach (Match m in YearPattern().Matches(Text.VietnameseText.Nfc(title) ?? ""))
        {
            var year = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
            if (Math.Abs(year - issuedOn.Year) <= 1)
            {
                return year;
            }
        }

        return issuedOn.Year;
    }

    public static string Label(TargetStanding standing) => standing switch
    {
        TargetStanding.NotLinked => "Chưa gắn số liệu theo dõi",
        TargetStanding.NotStarted => "Chưa đến kỳ",
        TargetStanding.NoData => "Chưa có số liệu",
        TargetStanding.Met => "Đạt",
        TargetStanding.OnTrack => "Đúng tiến độ",
        _ => "Chưa đạt",
    };

    public static string Tone(TargetStanding standing) => standing switch
    {
        TargetStanding.Met => "success",
        TargetStanding.OnTrack => "info",
        TargetStanding.OffTrack => "danger",
        _ => "secondary",
    };

    /// <summary>"90%", "4 cuộc": a level or a value as the target writes it.</summary>
    public static string Amount(decimal value, string unit) =>
        value.ToString("0.#", Text.VietnameseText.Culture) + (IsRate(unit) ? "%" : " " + unit);

    /// <summary>"còn thiếu 4,3 điểm %", "vượt 2 cuộc so với mức tối đa", "" when met.</summary>
    public static string GapText(TargetReading reading, string comparison, string unit)
    {
        if (reading.Gap is not { } gap || reading.Standing == TargetStanding.Met)
        {
            return reading.Standing == TargetStanding.Met ? "Đã đạt" : "";
        }

        var amount = gap.ToString("0.#", Text.VietnameseText.Culture) + (IsRate(unit) ? " điểm %" : " " + unit);
        if (IsCeiling(comparison))
        {
            return $"Vượt mức tối đa {amount}";
        }

        return gap == 0 ? "Cần vượt mức chỉ tiêu" : $"Còn thiếu {amount}";
    }

    /// <summary>
    /// The measure a target's words point to, offered (never imposed) when nobody has linked one yet: "… đúng hạn" of
    /// đơn or hồ sơ is the share of cases resolved on time, of tasks the share done on time; "đối thoại", "mô hình"… a count.
    /// </summary>
    public static (string Numerator, string? Denominator)? Suggest(string description, string unit)
    {
        var text = Text.VietnameseText.Fold(description);
        bool Has(params string[] words) => words.Any(w => text.Contains(w, StringComparison.Ordinal));
        if (IsRate(unit))
        {
            return Has("dung han") && Has("nhiem vu") ? ("nhiem-vu-dung-han", "nhiem-vu-den-han")
                : Has("dung han") && Has("don", "ho so", "khieu nai", "to cao", "kien nghi", "phan anh") ? ("don-giai-quyet-dung-han", "don-da-giai-quyet")
                : Has("hai long", "sipas") ? ("chi-so-sipas", null)
                : null;
        }

        return Has("doi thoai") ? ("doi-thoai-cuoc", null)
            : Has("tiep cong dan") ? ("tiep-cong-dan-dinh-ky", null)
            : Has("mo hinh") ? ("mo-hinh-dang-ky", null)
            : Has("tuyen truyen", "quan triet", "tap huan") ? ("tuyen-truyen-cuoc", null)
            : Has("hoi nghi can bo") ? ("hoi-nghi-can-bo", null)
            : Has("giam sat", "thanh tra nhan dan") ? ("giam-sat-ttnd", null)
            : Has("van ban") ? ("van-ban-ban-hanh", null)
            : null;
    }

    [GeneratedRegex(@"năm\s+(\d{4})\b", RegexOptions.IgnoreCase)]
    private static partial Regex YearPattern();
}
