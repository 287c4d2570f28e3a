using System.Globalization;

namespace DanVan.Domain.Democracy;

/// <summary>A vote as typed: what the rules check and count.</summary>
public sealed record DecisionFacts(DecisionRule? Rule, DecisionForm? Form, DateOnly? HeldOn, string? Community, string? Matter, int? Entitled, int? Present, int? For, int? Against);

/// <summary>The outcome with the figures that decided it, in words.</summary>
public sealed record DecisionResult(DecisionOutcome Outcome, string Explanation);

/// <summary>
/// Nhân dân bàn và quyết định: validation and the count (Điều 15, Điều 21 Luật 10/2022/QH15; Nghị định 59/2023 and
/// 61/2023). Pure; table-tested. Shares are compared in whole numbers (for × d ≥ n × entitled), never rounded: 133 of
/// 200 households is not two thirds, although 66.5 % rounds to 67 %.
/// </summary>
public static class DecisionRules
{
    public static string Label(DecisionForm f) => f switch
    {
        DecisionForm.Meeting => "Họp cộng đồng dân cư",
        DecisionForm.Questionnaire => "Phát phiếu lấy ý kiến hộ gia đình",
        DecisionForm.Online => "Biểu quyết trực tuyến",
        _ => f.ToString(),
    };

    public static string Label(DecisionOutcome o) => o switch
    {
        DecisionOutcome.Passed => "Thông qua",
        DecisionOutcome.Rejected => "Không thông qua",
        _ => "Không đủ số hộ tham dự",
    };

    /// <summary>"từ 2/3" (at least) or "trên 1/2" (more than) of the households.</summary>
    public static string Share(int numerator, int denominator, bool strict) =>
        $"{(strict ? "trên" : "từ")} {numerator.ToString(CultureInfo.InvariantCulture)}/{denominator.ToString(CultureInfo.InvariantCulture)}";

    public static string ThresholdText(DecisionRule rule) =>
        $"Thông qua khi {Share(rule.ApprovalNumerator, rule.ApprovalDenominator, rule.ApprovalStrict)} tổng số hộ gia đình đồng ý; "
        + $"cuộc họp hợp lệ khi {Share(rule.QuorumNumerator, rule.QuorumDenominator, rule.QuorumStrict)} tổng số hộ tham dự";

    /// <summary>Whether <paramref name="part"/> of <paramref name="whole"/> reaches n/d (at least, or more than when strict), in whole numbers.</summary>
    public static bool Reaches(int part, int whole, int numerator, int denominator, bool strict)
    {
        var left = (long)part * denominator;
        var right = (long)numerator * whole;
        return strict ? left > right : left >= right;
    }

    /// <summary>Every error of a vote at once, by field; empty when it may be counted and saved.</summary>
    public static IReadOnlyDictionary<string, string> Check(DecisionFacts d, DateOnly today)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        if (d.Rule is null)
        {
            errors["RuleCode"] = "Vui lòng chọn loại nội dung Nhân dân bàn và quyết định (Điều 15).";
        }

        if (d.Form is not { } form || !Enum.IsDefined(form))
        {
            errors["Form"] = "Vui lòng chọn hình thức: họp cộng đồng dân cư, phát phiếu hoặc trực tuyến.";
        }

        if (string.IsNullOrWhiteSpace(d.Matter))
        {
            errors["Matter"] = "Vui lòng ghi nội dung đưa ra để Nhân dân bàn và quyết định.";
        }

        if (string.IsNullOrWhiteSpace(d.Community))
        {
            errors["Community"] = "Vui lòng ghi thôn, tổ dân phố (hoặc “toàn xã”).";
        }

        if (d.HeldOn is { } on && on > today)
        {
            errors["HeldOn"] = "Ngày biểu quyết không được sau hôm nay: chỉ ghi việc đã diễn ra.";
        }

        if (d.Entitled is not (>= 1 and <= 1_000_000))
        {
            errors["HouseholdsEntitled"] = "Tổng số hộ gia đình phải từ 1 đến 1.000.000.";
        }

        if (d.Present is not (>= 0 and <= 1_000_000))
        {
            errors["HouseholdsPresent"] = "Số hộ tham dự (hoặc trả lời phiếu) phải là số không âm.";
        }
        else if (d.Entitled is >= 1 and var entitled && d.Present > entitled)
        {
            errors["HouseholdsPresent"] = $"Số hộ tham dự ({d.Present}) không thể lớn hơn tổng số hộ gia đình ({entitled}).";
        }

        if (d.For is not (>= 0 and <= 1_000_000))
        {
            errors["For"] = "Số hộ đồng ý phải là số không âm.";
        }

        if (d.Against is not (>= 0 and <= 1_000_000))
        {
            errors["Against"] = "Số hộ không đồng ý phải là số không âm.";
        }

        if (d.For is >= 0 and var yes && d.Against is >= 0 and var no && d.Present is >= 0 and var present && yes + no > present)
        {
            errors["For"] = $"Số hộ đồng ý ({yes}) và không đồng ý ({no}) cộng lại không thể lớn hơn số hộ tham dự ({present}).";
        }

        return errors;
    }

    /// <summary>The outcome of a valid vote: quorum first (a meeting only), then approval, both of the households entitled.</summary>
    public static DecisionResult Count(DecisionRule rule, DecisionForm form, int entitled, int present, int yes)
    {
        static string Pct(int part, int whole) => (100m * part / whole).ToString("0.0", Text.VietnameseText.Culture) + "%";
        var quorum = Share(rule.QuorumNumerator, rule.QuorumDenominator, rule.QuorumStrict);
        if (form == DecisionForm.Meeting && !Reaches(present, entitled, rule.QuorumNumerator, rule.QuorumDenominator, rule.QuorumStrict))
        {
            return new(DecisionOutcome.NoQuorum, $"Cuộc họp không hợp lệ: {present}/{entitled} hộ tham dự ({Pct(present, entitled)}), cần {quorum} tổng số hộ.");
        }

        var approval = Share(rule.ApprovalNumerator, rule.ApprovalDenominator, rule.ApprovalStrict);
        return Reaches(yes, entitled, rule.ApprovalNumerator, rule.ApprovalDenominator, rule.ApprovalStrict)
            ? new(DecisionOutcome.Passed, $"Thông qua: {yes}/{entitled} hộ đồng ý ({Pct(yes, entitled)}), đạt ngưỡng {approval} tổng số hộ.")
            : new(DecisionOutcome.Rejected, $"Không thông qua: {yes}/{entitled} hộ đồng ý ({Pct(yes, entitled)}), chưa đạt ngưỡng {approval} tổng số hộ.");
    }

    /// <summary>
    /// The shipped rules (facts.md §3.2, §3.5): contributions and the people's funds at least two thirds (⚠️ Điều 21 as
    /// summarised; not seen in the law's text), other matters more than half (✅ Nghị định 61/2023 Điều 10 for hương ước,
    /// the general rule of the old Pháp lệnh 34/2007); a meeting valid with more than half of the households (✅ NĐ 61/2023
    /// Điều 10). Data: an administrator corrects them, ReferenceData copies a code only when the database has none.
    /// </summary>
    public static IReadOnlyList<DecisionRule> Shipped()
    {
        var from = new DateOnly(2023, 7, 1);
        const string Contributions = "Luật Thực hiện dân chủ ở cơ sở 10/2022/QH15, Điều 15 khoản 1–2 và Điều 21 (ngưỡng 2/3 theo bản tóm tắt, cần đối chiếu nguyên văn); Nghị định 59/2023/NĐ-CP";
        const string Others = "Luật Thực hiện dân chủ ở cơ sở 10/2022/QH15, Điều 15 và Điều 21; Nghị định 61/2023/NĐ-CP Điều 10 (hương ước, quy ước: trên 50% hộ đồng ý, trên 50% hộ dự họp)";
        DecisionRule R(int order, string code, string name, int n, int d, bool strict, string basis) => new()
        {
            Code = code, Name = name, ApprovalNumerator = n, ApprovalDenominator = d, ApprovalStrict = strict, QuorumNumerator = 1, QuorumDenominator = 2, QuorumStrict = true,
            LegalBasis = basis, SortOrder = order, ValidFrom = from,
        };
        return
        [
            R(1, "dong-gop-ha-tang", "Chủ trương, mức đóng góp xây dựng cơ sở hạ tầng, công trình công cộng do Nhân dân đóng góp", 2, 3, false, Contributions),
            R(2, "quan-ly-dong-gop", "Thu, chi, quản lý các khoản đóng góp của Nhân dân; quỹ, tài sản cộng đồng", 2, 3, false, Contributions),
            R(3, "huong-uoc", "Nội dung hương ước, quy ước của cộng đồng dân cư", 1, 2, true, Others),
            R(4, "truong-thon", "Bầu, cho thôi làm Trưởng thôn, Tổ trưởng tổ dân phố", 1, 2, true, Others),
            R(5, "ban-giam-sat", "Bầu, bãi nhiệm thành viên Ban Thanh tra nhân dân, Ban Giám sát đầu tư của cộng đồng", 1, 2, true, Others),
            R(6, "tu-quan-khac", "Công việc tự quản khác của cộng đồng dân cư", 1, 2, true, Others),
        ];
    }
}
