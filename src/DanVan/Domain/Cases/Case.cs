using DanVan.Domain.Deadlines;

namespace DanVan.Domain.Cases;

/// <summary>
/// Một đơn, vụ việc (sổ theo dõi đơn): what a unit received from a citizen and how it is being handled. The
/// denouncer's identity is never in this row: it is encrypted in <see cref="CaseIdentity"/>.
/// </summary>
public class CitizenCase
{
    public int Id { get; set; }

    /// <summary>The unit that received it and handles it (or transfers it).</summary>
    public int UnitId { get; set; }

    /// <summary>Mã đơn: "{unit code}-{year}-{number}", printed on the receipt, used with the access key to follow it.</summary>
    public string Code { get; set; } = "";

    /// <summary>SHA-256 of the receipt's second factor (mã bảo mật), for the public tracking page.</summary>
    public string AccessKeyHash { get; set; } = "";

    public DateOnly ReceivedOn { get; set; }

    public CaseSource Source { get; set; }

    public CaseKind Kind { get; set; }

    /// <summary>Lần khiếu nại: 1 or 2 (complaints only).</summary>
    public int Instance { get; set; } = 1;

    /// <summary>Nội dung tóm tắt: what is complained of, denounced or asked, without the denouncer's identity.</summary>
    public string Summary { get; set; } = "";

    /// <summary>Lĩnh vực (đất đai, bồi thường – tái định cư…): a code of <see cref="CaseFields"/>.</summary>
    public string Field { get; set; } = "";

    /// <summary>Người gửi (complaints, petitions): name as written; null for denunciations (see CaseIdentity).</summary>
    public string? SenderName { get; set; }

    public string? SenderAddress { get; set; }

    public string? SenderPhone { get; set; }

    /// <summary>Số người đứng đơn (đơn đông người ≥ 5).</summary>
    public int Signatories { get; set; } = 1;

    /// <summary>Người đại diện (for many signatories).</summary>
    public string? Representatives { get; set; }

    /// <summary>Cơ quan, người bị khiếu nại / bị tố cáo.</summary>
    public string? Respondent { get; set; }

    public bool WithinCompetence { get; set; } = true;

    public bool Anonymous { get; set; }

    public DeadlineConditions Conditions { get; set; }

    public CaseState State { get; set; } = CaseState.Received;

    public DateOnly? AcceptedOn { get; set; }

    public DateOnly? ClosedOn { get; set; }

    /// <summary>Whether the result came by the deadline in force at that moment (null while open).</summary>
    public bool? ClosedOnTime { get; set; }

    /// <summary>The handler (cán bộ thụ lý) the head assigned; they, and the head, may see a denouncer's identity.</summary>
    public string? HandlerUserId { get; set; }

    /// <summary>The current step's deadline from the statutory clock (kept on the row for lists and counts).</summary>
    public DateOnly? DueOn { get; set; }

    public string? DueRuleCode { get; set; }

    /// <summary>The clock's words: which period, from what, under which article.</summary>
    public string? DueExplanation { get; set; }

    /// <summary>An earlier case of the same sender and content (trùng đơn), when one was found.</summary>
    public int? DuplicateOfId { get; set; }

    /// <summary>The reception session (buổi tiếp công dân) where the matter was raised, if any.</summary>
    public int? ReceptionSessionId { get; set; }

    /// <summary>Folded code, summary, field and respondent: never a denouncer's identity.</summary>
    public string SearchText { get; set; } = "";

    public DateTime CreatedAtUtc { get; set; }

    public Guid ConcurrencyStamp { get; set; } = Guid.NewGuid();

    public List<CaseStep> Steps { get; set; } = [];
}

/// <summary>One dated step of a case, kept for its timeline.</summary>
public class CaseStep
{
    public long Id { get; set; }

    public int CaseId { get; set; }

    /// <summary>Null for the intake itself.</summary>
    public CaseAction? Action { get; set; }

    public DateOnly On { get; set; }

    public string? Reason { get; set; }

    public string? ToBody { get; set; }

    public int? Days { get; set; }

    public CaseState StateAfter { get; set; }

    public DateOnly? DueOnAfter { get; set; }

    public string? DueExplanation { get; set; }

    public string ByUserName { get; set; } = "";

    public DateTime AtUtc { get; set; }
}

/// <summary>A denouncer's identity, encrypted with a key kept outside the database (Luật Tố cáo Art. 47, 56).</summary>
public class CaseIdentity
{
    public int CaseId { get; set; }

    /// <summary>Which key encrypted it (the key file's name), so that keys can be rotated.</summary>
    public string KeyId { get; set; } = "";

    /// <summary>AES-GCM nonce, ciphertext and tag, base64.</summary>
    public string Sealed { get; set; } = "";
}

/// <summary>
/// A field of cases (lĩnh vực đơn): the law does not fix the list (facts.md §2.6), so it is data the administrator keeps
/// (`/Cases/Fields`); a code's versions are told apart by <see cref="ValidFrom"/>, and a field no longer used ends with
/// <see cref="ValidTo"/> — cases already filed under it keep it.
/// </summary>
public class CaseField
{
    public int Id { get; set; }

    public string Code { get; set; } = "";

    public string Name { get; set; } = "";

    public int SortOrder { get; set; }

    /// <summary>Where the list comes from (a province's decision, the circular's classification, a suggestion).</summary>
    public string LegalBasis { get; set; } = "";

    public DateOnly ValidFrom { get; set; }

    public DateOnly? ValidTo { get; set; }

    public bool InForce(DateOnly on) => ValidFrom <= on && (ValidTo is null || ValidTo >= on);
}

/// <summary>The fields shipped with DanVan, copied once into <c>CaseFields</c>, then the administrator's to change.</summary>
public static class CaseFieldCatalog
{
    public const string ShippedBasis = "Danh mục gợi ý (facts.md §2.6: đất đai, bồi thường – tái định cư chiếm phần lớn khiếu nại hành chính); "
        + "Thông tư 05/2021/TT-TTCP không quy định danh mục lĩnh vực — tỉnh điều chỉnh theo thực tế.";

    public static readonly DateOnly ShippedFrom = new(2021, 7, 1);

    private static readonly (string Code, string Name)[] Defaults =
    [
        ("dat-dai", "Đất đai"),
        ("boi-thuong", "Bồi thường, hỗ trợ, tái định cư"),
        ("nha-o", "Nhà ở, xây dựng"),
        ("chinh-sach", "Chế độ, chính sách"),
        ("can-bo", "Cán bộ, công chức, kỷ luật"),
        ("moi-truong", "Môi trường"),
        ("tu-phap", "Tư pháp, hộ tịch"),
        ("tham-nhung", "Tham nhũng, tiêu cực"),
        ("khac", "Khác"),
    ];

    public static IReadOnlyList<CaseField> Shipped() =>
        Defaults.Select((d, i) => new CaseField { Code = d.Code, Name = d.Name, SortOrder = (i + 1) * 10, LegalBasis = ShippedBasis, ValidFrom = ShippedFrom }).ToList();

    /// <summary>The name of a code in a name table (the latest version's), or the code itself when unknown.</summary>
    public static string Name(IReadOnlyDictionary<string, string> names, string code) => names.TryGetValue(code, out var n) ? n : code;
}
