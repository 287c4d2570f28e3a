namespace DanVan.Domain.Editing;

/// <summary>The kinds of record that can be edited with history, withdrawn or deleted (issue 12, ADR-019).</summary>
public enum RecordKind
{
    Document = 1,
    Plan = 2,
    Target = 3,
    WorkItem = 4,
}

/// <summary>
/// One previous version of a record: its editable fields as JSON at the moment an edit replaced it, with who made
/// that edit, when and why. The current version is the record itself.
/// </summary>
public class RecordVersion
{
    public long Id { get; set; }

    public RecordKind Kind { get; set; }

    public int RecordId { get; set; }

    /// <summary>The number of the version kept here (1 = as first saved).</summary>
    public int Version { get; set; }

    /// <summary>The record's owner unit (document, plan) or lead unit (task): who may read the version.</summary>
    public int UnitId { get; set; }

    /// <summary>The fields of that version, <c>{"Title": "…", …}</c> (names as in <see cref="VersionFields"/>).</summary>
    public string Snapshot { get; set; } = "{}";

    /// <summary>When the edit that replaced this version was saved.</summary>
    public DateTime ReplacedAtUtc { get; set; }

    public string ReplacedBy { get; set; } = "";

    /// <summary>Lý do sửa, when given.</summary>
    public string? Reason { get; set; }
}

/// <summary>What depends on a record: its kind in Vietnamese and how many ("2 đơn vị đã xây dựng kế hoạch thực hiện").</summary>
public sealed record Dependant(string Label, int Count);

/// <summary>What a user may do to a record now.</summary>
public enum RemovalKind
{
    /// <summary>Nothing depends on it: it may be deleted after a confirmation.</summary>
    Delete,

    /// <summary>Others depend on it: it can only be withdrawn (thu hồi), with a reason, and stays visible.</summary>
    Withdraw,

    /// <summary>Already withdrawn: nothing more.</summary>
    None,
}

/// <summary>Edit, withdraw or delete: the rules every kind of record shares. Pure; table-tested.</summary>
public static class EditRules
{
    public const int MaxReason = 2000;

    public const string WithdrawnLabel = "Đã thu hồi";

    public static string Label(RecordKind kind) => kind switch
    {
        RecordKind.Document => "văn bản",
        RecordKind.Plan => "kế hoạch",
        RecordKind.Target => "chỉ tiêu",
        RecordKind.WorkItem => "nhiệm vụ",
        _ => kind.ToString(),
    };

    /// <summary>A withdrawn record is kept as it was withdrawn: no edit.</summary>
    public static string? EditRefusal(RecordKind kind, bool withdrawn) =>
        withdrawn ? $"{Capital(Label(kind))} đã thu hồi, không sửa được." : null;

    /// <summary>Delete when nothing depends on the record, withdraw when something does, nothing once withdrawn.</summary>
    public static RemovalKind Removal(bool withdrawn, IEnumerable<Dependant> dependants) =>
        withdrawn ? RemovalKind.None : dependants.Any(d => d.Count > 0) ? RemovalKind.Withdraw : RemovalKind.Delete;

    /// <summary>Why a delete is refused ("Không xóa được kế hoạch: 3 nhiệm vụ giao theo kế hoạch. Chỉ có thể thu hồi."), or null.</summary>
    public static string? DeleteRefusal(RecordKind kind, bool withdrawn, IReadOnlyCollection<Dependant> dependants) => Removal(withdrawn, dependants) switch
    {
        RemovalKind.None => $"{Capital(Label(kind))} đã thu hồi.",
        RemovalKind.Withdraw => $"Không xóa được {Label(kind)}: {Describe(dependants)}. Chỉ có thể thu hồi (nêu lý do).",
        _ => null,
    };

    /// <summary>Why a withdrawal is refused (already withdrawn, no reason, reason too long), or null.</summary>
    public static string? WithdrawRefusal(RecordKind kind, bool withdrawn, string? reason)
    {
        if (withdrawn)
        {
            return $"{Capital(Label(kind))} đã thu hồi.";
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            return "Vui lòng nêu lý do thu hồi.";
        }

        return reason.Trim().Length > MaxReason ? $"Lý do thu hồi không quá {Text.VietnameseText.FormatNumber(MaxReason)} ký tự." : null;
    }

    /// <summary>"1 kế hoạch; 2 nhiệm vụ giao theo văn bản" (only what is there).</summary>
    public static string Describe(IEnumerable<Dependant> dependants) =>
        string.Join("; ", dependants.Where(d => d.Count > 0).Select(d => $"{d.Count} {d.Label}"));

    /// <summary>The stale-form message: someone saved the record after this form was opened.</summary>
    public static string Stale(RecordKind kind) =>
        $"{Capital(Label(kind))} vừa được người khác sửa sau khi anh/chị mở trang; tải lại trang để xem bản mới nhất rồi làm lại.";

    private static string Capital(string s) => char.ToUpper(s[0], Text.VietnameseText.Culture) + s[1..];
}

/// <summary>
/// Changing a plan's obligation on lower units after it was issued: it may be set, extended or narrowed, but never so
/// that a unit that has already adopted its own plan stops being obliged (its plan would lose its basis). Pure.
/// </summary>
public static class ObligationRules
{
    /// <param name="requires">The new "bắt buộc đơn vị cấp dưới xây dựng kế hoạch".</param>
    /// <param name="kinds">The new kinds (empty: every kind).</param>
    /// <param name="adoptedKinds">The kinds of the units that have adopted a plan implementing this one.</param>
    public static string? Refusal(bool requires, IReadOnlyCollection<Units.OrgUnitKind> kinds, IReadOnlyCollection<Units.OrgUnitKind> adoptedKinds)
    {
        if (adoptedKinds.Count == 0)
        {
            return null;
        }

        if (!requires)
        {
            return "Đã có đơn vị cấp dưới xây dựng kế hoạch thực hiện: không bỏ được yêu cầu xây dựng kế hoạch.";
        }

        var dropped = kinds.Count == 0 ? [] : adoptedKinds.Distinct().Where(k => !kinds.Contains(k)).ToList();
        return dropped.Count == 0
            ? null
            : $"Đã có {string.Join(", ", dropped.Select(Units.OrgUnitKinds.Label).Select(l => l.ToLower(Text.VietnameseText.Culture)))} xây dựng kế hoạch thực hiện: không bỏ được loại đơn vị này.";
    }

    /// <summary>Units obliged now that were not before: they are told (in-app) that they must adopt a plan.</summary>
    public static bool NewlyObliged(bool wasRequired, IReadOnlyCollection<Units.OrgUnitKind> oldKinds, bool requires, IReadOnlyCollection<Units.OrgUnitKind> newKinds, Units.OrgUnitKind unitKind) =>
        requires && (newKinds.Count == 0 || newKinds.Contains(unitKind))
        && !(wasRequired && (oldKinds.Count == 0 || oldKinds.Contains(unitKind)));
}

/// <summary>The Vietnamese labels of the fields kept in a version, in the order they are shown.</summary>
public static class VersionFields
{
    public static IReadOnlyList<(string Name, string Label)> Of(RecordKind kind) => kind switch
    {
        RecordKind.Document =>
        [
            ("Code", "Số, ký hiệu"), ("IssuerName", "Cơ quan ban hành"), ("Place", "Địa danh"), ("IssuedOn", "Ngày ban hành"),
            ("Title", "Trích yếu"), ("SignerAuthority", "Thẩm quyền ký"), ("SignerPosition", "Chức vụ người ký"),
            ("SignerName", "Họ tên người ký"), ("Recipients", "Nơi nhận"),
        ],
        RecordKind.Plan =>
        [
            ("Purposes", "I. Mục đích, yêu cầu"), ("Body", "II. Nội dung"), ("RequiresAdoption", "Bắt buộc đơn vị cấp dưới xây dựng kế hoạch"),
            ("AdoptionDueOn", "Thời hạn xây dựng kế hoạch"), ("AdoptionKinds", "Loại đơn vị phải xây dựng kế hoạch"),
        ],
        RecordKind.Target => [("Description", "Chỉ tiêu"), ("Measure", "Cách đo"), ("Comparison", "So sánh"), ("Value", "Mức"), ("Unit", "Đơn vị tính"),
            ("MeasureCode", "Số liệu theo dõi"), ("DenominatorCode", "Chia cho số liệu")],
        RecordKind.WorkItem => [("Title", "Tên nhiệm vụ"), ("Description", "Nội dung"), ("DueOn", "Hạn hoàn thành")],
        _ => [],
    };
}

/// <summary>A record edited with history and withdrawn rather than deleted once others depend on it.</summary>
public interface IVersioned
{
    /// <summary>1 when first saved, one more at each edit; the concurrency token a form carries back.</summary>
    int Version { get; set; }

    DateTime? WithdrawnAtUtc { get; set; }

    string? WithdrawnBy { get; set; }

    string? WithdrawnReason { get; set; }
}
