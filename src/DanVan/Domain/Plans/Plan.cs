using System.Globalization;
using System.Text.RegularExpressions;

namespace DanVan.Domain.Plans;

/// <summary>Kế hoạch: the structured content of a registered plan document.</summary>
public class Plan : Editing.IVersioned
{
    public int Id { get; set; }

    /// <summary>The registered document (type KH) this plan is the content of.</summary>
    public int DocumentId { get; set; }

    public int OwnerUnitId { get; set; }

    /// <summary>I. Mục đích, yêu cầu.</summary>
    public string Purposes { get; set; } = "";

    /// <summary>II. Nội dung (and further sections), as paragraphs; "I.", "1.", "a)" lines are kept as written.</summary>
    public string Body { get; set; } = "";

    public DateTime CreatedAtUtc { get; set; }


    /// <summary>1 when first saved, one more at each edit (ADR-019): the concurrency token a form carries back.</summary>
    public int Version { get; set; } = 1;

    /// <summary>Thu hồi: when, by whom and why; a withdrawn record stays visible and drops out of boards and counts.</summary>
    public DateTime? WithdrawnAtUtc { get; set; }

    public string? WithdrawnBy { get; set; }

    public string? WithdrawnReason { get; set; }

    /// <summary>The plan this one implements (cascade), when it was adopted from a higher unit's plan.</summary>
    public int? ParentPlanId { get; set; }

    /// <summary>Subordinate units must adopt their own plan (kinds in <see cref="AdoptionKinds"/>) by <see cref="AdoptionDueOn"/>.</summary>
    public bool RequiresAdoption { get; set; }

    public DateOnly? AdoptionDueOn { get; set; }

    /// <summary>Comma-separated <see cref="Units.OrgUnitKind"/> names; empty means every kind.</summary>
    public string? AdoptionKinds { get; set; }

    public IReadOnlyList<Units.OrgUnitKind> AdoptionKindList =>
        (AdoptionKinds ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(k => Enum.TryParse<Units.OrgUnitKind>(k, out var kind) ? kind : (Units.OrgUnitKind?)null)
            .Where(k => k is not null).Select(k => k!.Value).ToList();
}

/// <summary>Chỉ tiêu: a numeric target ("trên 90% …"), with who answers for it and how it is measured.</summary>
public class PlanTarget : Editing.IVersioned
{
    public int Id { get; set; }

    public int PlanId { get; set; }

    public string Description { get; set; } = "";

    /// <summary>One of &gt;, &gt;=, =, &lt;, &lt;=.</summary>
    public string Comparison { get; set; } = "=";

    public int Value { get; set; }

    public string Unit { get; set; } = "%";

    public int? ResponsibleUnitId { get; set; }

    public string? Measure { get; set; }

    /// <summary>The measure that tracks the target (a <c>MeasureDefinition</c> code), or the numerator of a ratio (ADR-028).</summary>
    public string? MeasureCode { get; set; }

    /// <summary>When set, the target is the ratio <see cref="MeasureCode"/> ÷ this measure, in per cent.</summary>
    public string? DenominatorCode { get; set; }

    /// <summary>The parent plan's target this one was inherited from.</summary>
    public int? InheritedFromTargetId { get; set; }

    /// <summary>Set when an adopting unit drops an inherited target: the reason is required and kept.</summary>
    public string? DroppedReason { get; set; }


    /// <summary>1 when first saved, one more at each edit (ADR-019): the concurrency token a form carries back.</summary>
    public int Version { get; set; } = 1;

    /// <summary>Thu hồi: when, by whom and why; a withdrawn record stays visible and drops out of boards and counts.</summary>
    public DateTime? WithdrawnAtUtc { get; set; }

    public string? WithdrawnBy { get; set; }

    public string? WithdrawnReason { get; set; }
}

/// <summary>A task meant to close a target's gap ("nhiệm vụ nhằm đạt chỉ tiêu").</summary>
public class PlanTargetTask
{
    public int PlanTargetId { get; set; }

    public int WorkItemId { get; set; }

    public string LinkedByUserName { get; set; } = "";

    public DateTime LinkedAtUtc { get; set; }
}

/// <summary>Reads a target as officials write it: "100% …", "trên 90% …", "ít nhất 80%", "không quá 5%".</summary>
public static partial class TargetText
{
    public sealed record Parsed(string Comparison, int Value, string Unit);

    /// <summary>"trên 90%", "ít nhất 4 cuộc", "không quá 5%": a target's level as officials say it.</summary>
    public static string Describe(string comparison, int value, string unit)
    {
        var word = comparison switch
        {
            ">" => "trên ",
            ">=" => "ít nhất ",
            "<" => "dưới ",
            "<=" => "không quá ",
            _ => "",
        };
        return word + value.ToString(CultureInfo.InvariantCulture) + (unit == "%" ? "%" : " " + unit);
    }

    public static Parsed? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var nfc = Text.VietnameseText.Nfc(text)!;
        var m = Pattern().Match(nfc);
        if (!m.Success)
        {
            // A count: "ít nhất 2 cuộc đối thoại", "Tổ chức 4 hội nghị" — the number must be followed by a unit of count.
            m = CountPattern().Match(nfc);
            if (!m.Success)
            {
                return null;
            }
        }

        var word = Text.VietnameseText.Fold(m.Groups["op"].Value);
        var comparison = word switch
        {
            "tren" or "hon" or "cao hon" or "vuot" => ">",
            "it nhat" or "toi thieu" or "tu" or "dat tu" or "khong duoi" or "khong it hon" => ">=",
            "duoi" or "thap hon" => "<",
            "khong qua" or "toi da" or "khong vuot qua" => "<=",
            _ => "=",
        };
        return new Parsed(comparison, int.Parse(m.Groups["value"].Value, CultureInfo.InvariantCulture), m.Groups["unit"].Value.ToLower(Text.VietnameseText.Culture));
    }

    [GeneratedRegex(@"(?:(?<op>trên|hơn|cao hơn|vượt|ít nhất|tối thiểu|đạt từ|từ|không dưới|không ít hơn|dưới|thấp hơn|không quá|không vượt quá|tối đa)\s+)?(?<value>\d{1,6})\s*(?<unit>%)", RegexOptions.IgnoreCase)]
    private static partial Regex Pattern();

    /// <summary>The units of count officials write after a number in a target (a list of words, not of law).</summary>
    [GeneratedRegex(@"(?:(?<op>trên|hơn|cao hơn|vượt|ít nhất|tối thiểu|đạt từ|từ|không dưới|không ít hơn|dưới|thấp hơn|không quá|không vượt quá|tối đa)\s+)?(?<value>\d{1,6})\s+(?<unit>mô hình|hội nghị|văn bản|tin bài|lượt người|chương trình|sáng kiến|công trình|nhiệm vụ|hồ sơ|vụ việc|vụ|điểm|cuộc|buổi|lớp|đợt|lượt|người|lần|đơn|tin|bài)(?!\p{L})", RegexOptions.IgnoreCase)]
    private static partial Regex CountPattern();
}
