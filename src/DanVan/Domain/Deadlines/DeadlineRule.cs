namespace DanVan.Domain.Deadlines;

/// <summary>How a rule counts its days: "ngày" (calendar days) or "ngày làm việc" (working days).</summary>
public enum DayCounting
{
    /// <summary>Ngày: calendar days; a last day on a weekend or holiday moves to the next working day (BLDS Art. 148).</summary>
    Calendar = 1,

    /// <summary>Ngày làm việc: only working days of the calendar count (make-up Saturdays do, holidays do not).</summary>
    Working = 2,
}

/// <summary>Whether the period runs after its starting event (a time limit) or before it (a minimum notice).</summary>
public enum DeadlineDirection
{
    /// <summary>A time limit: the last day by which something must be done, counted from the day after the event.</summary>
    After = 1,

    /// <summary>A minimum notice: the latest day on which something may be done, counted back from the event.</summary>
    Before = 2,
}

/// <summary>The conditions of a case that change a time limit. Stored as a bit set on each variant.</summary>
[Flags]
public enum DeadlineConditions
{
    None = 0,

    /// <summary>Vụ việc phức tạp.</summary>
    Complex = 1,

    /// <summary>Vụ việc đặc biệt phức tạp (implies <see cref="Complex"/>).</summary>
    EspeciallyComplex = 2,

    /// <summary>Vùng sâu, vùng xa, đi lại khó khăn.</summary>
    Remote = 4,

    /// <summary>Cần kiểm tra, xác minh tại nhiều địa điểm.</summary>
    SeveralPlaces = 8,

    /// <summary>Lần hai (second instance, where one rule has both).</summary>
    SecondInstance = 16,

    /// <summary>Quyết định kỷ luật buộc thôi việc.</summary>
    Dismissal = 32,
}

/// <summary>How far a rule's text has been checked against the law (facts.md: ✅ verified, ⚠️ disputed, ❓ not seen).</summary>
public enum RuleVerification
{
    Verified = 1,
    Disputed = 2,
    Unverified = 3,
}

/// <summary>
/// One time limit of the law (quy tắc thời hạn), as data: keyed by <see cref="Code"/> and the day it took effect, so
/// an amended law is a new row from its effective date and the old one keeps answering for earlier events.
/// </summary>
public class DeadlineRule
{
    public int Id { get; set; }

    /// <summary>Stable code, e.g. "khieu-nai-lan-dau-giai-quyet"; the same for every version of the rule.</summary>
    public string Code { get; set; } = "";

    /// <summary>The procedure it belongs to (khiếu nại, tố cáo, tiếp công dân, đối thoại, lấy ý kiến).</summary>
    public string Procedure { get; set; } = "";

    /// <summary>Vietnamese name of the step: "Thời hạn giải quyết khiếu nại lần đầu".</summary>
    public string Name { get; set; } = "";

    /// <summary>The event the period counts from, in words: "kể từ ngày thụ lý".</summary>
    public string CountsFrom { get; set; } = "";

    public DayCounting Counting { get; set; } = DayCounting.Calendar;

    public DeadlineDirection Direction { get; set; } = DeadlineDirection.After;

    /// <summary>The period when no variant matches the case's conditions.</summary>
    public int Days { get; set; }

    /// <summary>Extensions allowed when no variant says otherwise (usually none).</summary>
    public int MaxExtensions { get; set; }

    /// <summary>The longest one extension may be, in the rule's counting; null when the rule has no extensions.</summary>
    public int? ExtensionDays { get; set; }

    /// <summary>Whether days the law does not count (illness, disaster… — e.g. Luật Khiếu nại Art. 9) may be added.</summary>
    public bool AllowsExtraDays { get; set; }

    /// <summary>The article and law: "Điều 28 Luật Khiếu nại 02/2011/QH13".</summary>
    public string Basis { get; set; } = "";

    public DateOnly ValidFrom { get; set; }

    /// <summary>The last day it applies to (inclusive); null while in force.</summary>
    public DateOnly? ValidTo { get; set; }

    public RuleVerification Verification { get; set; } = RuleVerification.Unverified;

    /// <summary>What an administrator should know: a dispute over counting, an amendment not yet seen.</summary>
    public string? Note { get; set; }

    public DateTime UpdatedAtUtc { get; set; }

    public List<DeadlineRuleVariant> Variants { get; set; } = [];

    public bool AppliesOn(DateOnly date) => ValidFrom <= date && (ValidTo is null || date <= ValidTo);

    public static string CountingLabel(DayCounting counting) => counting == DayCounting.Working ? "ngày làm việc" : "ngày";

    public static string VerificationLabel(RuleVerification v) => v switch
    {
        RuleVerification.Verified => "Đã đối chiếu văn bản",
        RuleVerification.Disputed => "Có cách hiểu khác nhau",
        _ => "Chưa đối chiếu được văn bản",
    };
}

/// <summary>A different period (and number of extensions) when a case has all of <see cref="Conditions"/>.</summary>
public class DeadlineRuleVariant
{
    public int Id { get; set; }

    public int RuleId { get; set; }

    public DeadlineConditions Conditions { get; set; }

    public int Days { get; set; }

    /// <summary>Extensions allowed under these conditions; null keeps the rule's.</summary>
    public int? MaxExtensions { get; set; }

    /// <summary>The clause, when it differs from the rule's: "khoản 2 Điều 30".</summary>
    public string? Basis { get; set; }

    public static string ConditionsLabel(DeadlineConditions c)
    {
        if (c == DeadlineConditions.None)
        {
            return "Thông thường";
        }

        var parts = new List<string>();
        if (c.HasFlag(DeadlineConditions.EspeciallyComplex))
        {
            parts.Add("đặc biệt phức tạp");
        }
        else if (c.HasFlag(DeadlineConditions.Complex))
        {
            parts.Add("phức tạp");
        }

        if (c.HasFlag(DeadlineConditions.Remote))
        {
            parts.Add("vùng sâu, vùng xa");
        }

        if (c.HasFlag(DeadlineConditions.SeveralPlaces))
        {
            parts.Add("xác minh nhiều địa điểm");
        }

        if (c.HasFlag(DeadlineConditions.SecondInstance))
        {
            parts.Add("lần hai");
        }

        if (c.HasFlag(DeadlineConditions.Dismissal))
        {
            parts.Add("buộc thôi việc");
        }

        var text = string.Join(", ", parts);
        return char.ToUpper(text[0], System.Globalization.CultureInfo.InvariantCulture) + text[1..];
    }
}
