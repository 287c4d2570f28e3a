using System.Globalization;

namespace DanVan.Domain.Reports;

/// <summary>An indicator as the arithmetic needs it.</summary>
public sealed record IndicatorDef(int Id, string Code, string Name, string Unit, IndicatorAggregation Aggregation,
    string? NumeratorCode = null, string? DenominatorCode = null, string? NotAboveCode = null)
{
    public static IndicatorDef From(ReportIndicator i) =>
        new(i.Id, i.Code, i.Name, i.Unit, i.Aggregation, i.NumeratorCode, i.DenominatorCode, i.NotAboveCode);
}

/// <summary>What the database returns for one indicator over a set of submissions.</summary>
public sealed record IndicatorAggregate(int IndicatorId, decimal Sum, int Count, decimal? Max, decimal? Latest);

/// <summary>A figure that breaks a rule of the regime.</summary>
public sealed record RuleViolation(string IndicatorCode, string Message);

/// <summary>
/// The arithmetic of reports, pure: computed rates, roll-up of children's figures by each indicator's aggregation,
/// and the checks (no negative counts, "resolved ≤ received").
/// </summary>
public static class ReportMath
{
    /// <summary>A unit's figures with its computed indicators (rates) filled in.</summary>
    public static Dictionary<int, decimal?> Complete(IReadOnlyList<IndicatorDef> defs, IReadOnlyDictionary<int, decimal?> entered)
    {
        var result = defs.ToDictionary(d => d.Id, d => d.Aggregation == IndicatorAggregation.Ratio ? null : entered.GetValueOrDefault(d.Id));
        ComputeRatios(defs, result);
        return result;
    }

    /// <summary>The parent's figures from its children's aggregates.</summary>
    public static Dictionary<int, decimal?> Roll(IReadOnlyList<IndicatorDef> defs, IReadOnlyDictionary<int, IndicatorAggregate> aggregates)
    {
        var result = new Dictionary<int, decimal?>();
        foreach (var d in defs)
        {
            var a = aggregates.GetValueOrDefault(d.Id);
            result[d.Id] = a is null || a.Count == 0 ? null : d.Aggregation switch
            {
                IndicatorAggregation.Sum => a.Sum,
                IndicatorAggregation.Average => Math.Round(a.Sum / a.Count, 2),
                IndicatorAggregation.Max => a.Max,
                IndicatorAggregation.Latest => a.Latest,
                _ => null,
            };
        }

        ComputeRatios(defs, result);
        return result;
    }

    /// <summary>In-memory aggregation of children's figures (the same rules the SQL roll-up applies).</summary>
    public static Dictionary<int, IndicatorAggregate> Aggregate(IReadOnlyList<IndicatorDef> defs, IEnumerable<(IReadOnlyDictionary<int, decimal?> Values, DateTime SubmittedAtUtc)> children)
    {
        var list = children.ToList();
        var result = new Dictionary<int, IndicatorAggregate>();
        foreach (var d in defs)
        {
            var present = list.Where(c => c.Values.GetValueOrDefault(d.Id) is not null).Select(c => (Value: c.Values[d.Id]!.Value, c.SubmittedAtUtc)).ToList();
            result[d.Id] = new IndicatorAggregate(
                d.Id,
                present.Sum(p => p.Value),
                present.Count,
                present.Count == 0 ? null : present.Max(p => p.Value),
                present.Count == 0 ? null : present.OrderBy(p => p.SubmittedAtUtc).Last().Value);
        }

        return result;
    }

    /// <summary>Broken rules of one unit's figures, in the regime's order, with Vietnamese messages.</summary>
    public static List<RuleViolation> Check(IReadOnlyList<IndicatorDef> defs, IReadOnlyDictionary<int, decimal?> values)
    {
        var byCode = defs.ToDictionary(d => d.Code, StringComparer.Ordinal);
        var violations = new List<RuleViolation>();
        foreach (var d in defs.Where(d => d.Aggregation != IndicatorAggregation.Ratio))
        {
            if (values.GetValueOrDefault(d.Id) is not { } v)
            {
                continue;
            }

            if (v < 0)
            {
                violations.Add(new RuleViolation(d.Code, $"“{d.Name}” không thể là số âm."));
            }
            else if (d.Unit == "%" && v > 100)
            {
                violations.Add(new RuleViolation(d.Code, $"“{d.Name}” là tỷ lệ phần trăm, không thể lớn hơn 100."));
            }

            if (d.NotAboveCode is { } other && byCode.TryGetValue(other, out var limit) && values.GetValueOrDefault(limit.Id) is { } max && v > max)
            {
                violations.Add(new RuleViolation(d.Code,
                    $"“{d.Name}” ({Format(v)}) không thể lớn hơn “{limit.Name}” ({Format(max)})."));
            }
        }

        return violations;
    }

    public static string Format(decimal? value) =>
        value is not { } v ? "" : v == decimal.Truncate(v) ? v.ToString("#,##0", Vi) : v.ToString("#,##0.##", Vi);

    private static readonly CultureInfo Vi = CultureInfo.GetCultureInfo("vi-VN");

    private static void ComputeRatios(IReadOnlyList<IndicatorDef> defs, Dictionary<int, decimal?> values)
    {
        var byCode = defs.ToDictionary(d => d.Code, StringComparer.Ordinal);
        foreach (var d in defs.Where(d => d.Aggregation == IndicatorAggregation.Ratio))
        {
            if (d.NumeratorCode is null || d.DenominatorCode is null
                || !byCode.TryGetValue(d.NumeratorCode, out var num) || !byCode.TryGetValue(d.DenominatorCode, out var den))
            {
                continue;
            }

            values[d.Id] = values.GetValueOrDefault(num.Id) is { } n && values.GetValueOrDefault(den.Id) is { } m && m != 0
                ? Math.Round(100m * n / m, 2)
                : null;
        }
    }
}
