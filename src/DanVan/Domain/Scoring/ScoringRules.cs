using System.Globalization;
using DanVan.Domain.Text;
using DanVan.Domain.Units;

namespace DanVan.Domain.Scoring;

/// <summary>
/// The arithmetic of a framework, pure and table-tested: step tables, grade bands, the total with its capped bonus and
/// penalty, disqualification, and what a sheet must carry before it is submitted, appraised or objected to.
/// </summary>
public static class ScoringRules
{
    public const string NotRanked = "Không xếp loại";

    public sealed record Step(double Threshold, double Fraction);

    public sealed record Band(string Name, double Min);

    public sealed record Measured(double? Value, double Points, string Explanation);

    public sealed record Totals(double Regular, double Bonus, double Penalty, double Total, bool Disqualified, string Grade);

    /// <summary>"95=1;80=0,5;0=0" → steps highest first; null when a part does not read.</summary>
    public static IReadOnlyList<Step>? ParseSteps(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        var steps = new List<Step>();
        foreach (var part in text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var kv = part.Split('=', 2, StringSplitOptions.TrimEntries);
            if (kv.Length != 2 || !TryNumber(kv[0], out var threshold) || !TryNumber(kv[1], out var fraction) || fraction is < 0 or > 1 || threshold < 0)
            {
                return null;
            }

            steps.Add(new Step(threshold, fraction));
        }

        return steps.OrderByDescending(s => s.Threshold).ToList();
    }

    /// <summary>"Xuất sắc=90;Tốt=70" → bands best first; null when a part does not read or a name repeats.</summary>
    public static IReadOnlyList<Band>? ParseBands(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var bands = new List<Band>();
        foreach (var part in text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var kv = part.Split('=', 2, StringSplitOptions.TrimEntries);
            if (kv.Length != 2 || kv[0].Length == 0 || !TryNumber(kv[1], out var min) || min < 0)
            {
                return null;
            }

            bands.Add(new Band(kv[0], min));
        }

        return bands.Select(b => b.Name).Distinct(StringComparer.Ordinal).Count() == bands.Count
            ? bands.OrderByDescending(b => b.Min).ToList()
            : null;
    }

    /// <summary>The grade of a total: the first band whose minimum it reaches; "Không xếp loại" when disqualified.</summary>
    public static string Grade(IReadOnlyList<Band> bands, double total, bool disqualified) =>
        disqualified ? NotRanked : bands.FirstOrDefault(b => total >= b.Min - 1e-9)?.Name ?? bands.LastOrDefault()?.Name ?? NotRanked;

    /// <summary>Points of a measured criterion from its numerator and (for a share) denominator.</summary>
    public static Measured Measure(ScoringCriterion c, double numerator, double? denominator)
    {
        var steps = ParseSteps(c.Steps) ?? [];
        if (c.DenominatorCode is not null)
        {
            var den = denominator ?? 0;
            if (den <= 0)
            {
                return c.NoneScoresFull
                    ? new Measured(null, c.MaxPoints, "Không phát sinh trong kỳ: đạt điểm tối đa theo bộ tiêu chí.")
                    : new Measured(null, 0, "Không phát sinh trong kỳ: không có điểm theo bộ tiêu chí.");
            }

            var share = Math.Round(100 * Math.Min(numerator, den) / den, 1);
            var pts = Points(c.MaxPoints, steps, share, proportional: true);
            return new Measured(share, pts, $"Tỷ lệ {FormatNumber(share)}% ({FormatNumber(numerator)}/{FormatNumber(den)}) → {FormatNumber(pts)} điểm.");
        }

        var points = Points(c.MaxPoints, steps, numerator, proportional: false);
        return new Measured(numerator, points, $"{FormatNumber(numerator)} → {FormatNumber(points)} điểm.");
    }

    private static double Points(double max, IReadOnlyList<Step> steps, double value, bool proportional)
    {
        if (steps.Count == 0)
        {
            // Without a table a share scores in proportion, a count scores full once there is one.
            return Round(proportional ? max * Math.Clamp(value / 100, 0, 1) : value > 0 ? max : 0);
        }

        var step = steps.FirstOrDefault(s => value >= s.Threshold - 1e-9);
        return Round(max * (step?.Fraction ?? 0));
    }

    /// <summary>The total: regular points (each within 0..max) + bonus (≤ its cap) − penalty (≤ its cap), never below zero.</summary>
    public static Totals Total(ScoringFramework f, IReadOnlyList<(ScoringCriterion Criterion, double? Points)> lines)
    {
        double regular = 0, bonus = 0, penalty = 0;
        var disqualified = false;
        foreach (var (c, p) in lines)
        {
            var v = Math.Clamp(p ?? 0, 0, c.MaxPoints);
            switch (c.Kind)
            {
                case CriterionKind.Regular: regular += v; break;
                case CriterionKind.Bonus: bonus += v; break;
                case CriterionKind.Penalty: penalty += v; break;
                case CriterionKind.Disqualifier: disqualified |= (p ?? 0) > 0; break;
            }
        }

        bonus = Math.Min(bonus, f.BonusCap);
        penalty = Math.Min(penalty, f.PenaltyCap);
        var total = Round(Math.Max(0, regular + bonus - penalty));
        return new Totals(Round(regular), Round(bonus), Round(penalty), total, disqualified, Grade(ParseBands(f.Bands) ?? [], total, disqualified));
    }

    /// <summary>Vietnamese reasons a framework cannot be used (empty when it can): groups adding up, steps and bands that read.</summary>
    public static IReadOnlyList<string> Check(ScoringFramework f)
    {
        var errors = new List<string>();
        var bands = ParseBands(f.Bands);
        if (bands is null)
        {
            errors.Add("Các mức xếp loại không đọc được: viết dạng “Hoàn thành xuất sắc=90;Hoàn thành tốt=70;Hoàn thành=50;Không hoàn thành=0”.");
        }
        else
        {
            // Two grades from the same score: the second could never be given.
            for (var i = 1; i < bands.Count; i++)
            {
                if (Math.Abs(bands[i].Min - bands[i - 1].Min) < 1e-9)
                {
                    errors.Add($"Hai mức xếp loại “{bands[i - 1].Name}” và “{bands[i].Name}” cùng từ {FormatNumber(bands[i].Min)} điểm: mỗi mức phải có điểm tối thiểu riêng.");
                }
            }
        }

        if (f.BonusCap < 0 || f.PenaltyCap < 0)
        {
            errors.Add("Mức tối đa của điểm thưởng, điểm trừ không được âm.");
        }

        foreach (var c in f.Criteria)
        {
            if (c.MaxPoints < 0 || c.MaxPoints > 1000)
            {
                errors.Add($"{c.Code}: điểm tối đa phải từ 0 đến 1.000.");
            }

            if (ParseSteps(c.Steps) is null)
            {
                errors.Add($"{c.Code}: bảng quy đổi không đọc được: viết dạng “95=1;80=0,5;0=0” (ngưỡng=tỷ lệ điểm từ 0 đến 1).");
            }

            if (c.Kind != CriterionKind.Group && c.Method == ScoringMethod.Measured && string.IsNullOrWhiteSpace(c.MeasureCode))
            {
                errors.Add($"{c.Code}: tiêu chí tính từ số liệu phải chọn số liệu.");
            }

            if (c.Kind == CriterionKind.Group)
            {
                var children = f.Criteria.Where(x => x.ParentId == c.Id && x.Kind == CriterionKind.Regular).Sum(x => x.MaxPoints);
                if (Math.Abs(children - c.MaxPoints) > 1e-6)
                {
                    errors.Add($"{c.Code}: điểm tối đa {FormatNumber(c.MaxPoints)} khác tổng các tiểu mục ({FormatNumber(children)}).");
                }
            }
        }

        return errors;
    }

    /// <summary>Whether a day falls within the self-assessment window.</summary>
    public static string? SubmitRefusal(ScoringRound r, DateOnly today) =>
        today < r.SelfFrom ? $"Chưa đến thời gian tự đánh giá: từ ngày {VietnameseText.FormatDate(r.SelfFrom)}."
        : today > r.SelfDue ? $"Đã hết hạn nộp hồ sơ tự đánh giá (ngày {VietnameseText.FormatDate(r.SelfDue)}): liên hệ Sở Nội vụ."
        : null;

    /// <summary>The last day a unit may object to its appraisal.</summary>
    public static DateOnly ObjectionDue(ScoringRound r, DateOnly appraisedOn) => appraisedOn.AddDays(r.ObjectionDays);

    public static RankGroup GroupOf(OrgUnitKind kind) =>
        kind is OrgUnitKind.Commune or OrgUnitKind.Ward or OrgUnitKind.SpecialZone ? RankGroup.Communes : RankGroup.Agencies;

    public static string Label(RankGroup g) => g == RankGroup.Communes ? "Xã, phường, đặc khu" : "Cơ quan, đơn vị cấp tỉnh";

    public static string Label(SheetState s) => s switch
    {
        SheetState.Draft => "Đang tự chấm",
        SheetState.Submitted => "Đã nộp, chờ thẩm định",
        SheetState.Appraised => "Đã thẩm định",
        SheetState.Objected => "Đơn vị có ý kiến",
        SheetState.Final => "Đã chốt kết quả",
        _ => s.ToString(),
    };

    public static IReadOnlySet<OrgUnitKind> Kinds(string csv) =>
        csv.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(s => int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var k) ? (OrgUnitKind?)k : null)
            .Where(k => k is not null).Select(k => k!.Value).ToHashSet();

    /// <summary>Points as typed: "7,5" or "7.5", at most two decimals.</summary>
    public static bool TryNumber(string? text, out double value)
    {
        value = 0;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var t = text.Trim().Replace(',', '.');
        return double.TryParse(t, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value)
            && !double.IsNaN(value) && !double.IsInfinity(value) && Math.Round(value, 2) == value;
    }

    public static double Round(double v) => Math.Round(v, 2, MidpointRounding.AwayFromZero);

    /// <summary>"7,5" as Vietnamese writes it; whole numbers without decimals.</summary>
    public static string FormatNumber(double v) => Round(v).ToString("0.##", VietnameseText.Culture);
}
