namespace DanVan.Domain.Democracy;

/// <summary>
/// The forms in which the people give their opinions before a decision (Điều 26 Luật 10/2022/QH15, facts.md §3.3,
/// points a–h); the commune chooses one or more.
/// </summary>
[Flags]
public enum ConsultationForms
{
    None = 0,

    /// <summary>a) Hội nghị trao đổi, đối thoại giữa UBND xã với Nhân dân.</summary>
    Dialogue = 1,

    /// <summary>b) Họp cộng đồng dân cư.</summary>
    CommunityMeeting = 2,

    /// <summary>c) Phát phiếu lấy ý kiến hộ gia đình.</summary>
    Questionnaire = 4,

    /// <summary>d) Hòm thư góp ý, đường dây nóng.</summary>
    SuggestionBox = 8,

    /// <summary>đ) Qua Ban công tác Mặt trận và các tổ chức chính trị – xã hội.</summary>
    Organisations = 16,

    /// <summary>e) Cổng, trang thông tin điện tử của xã.</summary>
    Portal = 32,

    /// <summary>g) Mạng viễn thông, mạng xã hội.</summary>
    Network = 64,

    /// <summary>h) Đối thoại với người chịu tác động của biện pháp (khoản 8 Điều 25).</summary>
    AffectedDialogue = 128,
}

/// <summary>
/// A kind of matter on which a commune must take the people's opinions before the competent body decides (Điều 25
/// Luật 10/2022/QH15): data with its article, basis and validity, copied by ReferenceData and editable by an admin.
/// </summary>
public class PeopleConsultationMatter
{
    public int Id { get; set; }

    public string Code { get; set; } = "";

    public string Name { get; set; } = "";

    /// <summary>"Điều 25 khoản 2".</summary>
    public string Article { get; set; } = "";

    public string LegalBasis { get; set; } = "";

    public int SortOrder { get; set; }

    public DateOnly ValidFrom { get; set; }

    public DateOnly? ValidTo { get; set; }
}

/// <summary>
/// Một đợt lấy ý kiến Nhân dân trước khi cơ quan có thẩm quyền quyết định: the commune, the matter and its kind, the
/// community asked (the whole commune or a thôn, tổ dân phố), the forms, the dates, the opinions received (of which
/// agreeing and other proposals), how they were taken into account and explained, and the decision made afterwards.
/// </summary>
public class PeopleConsultation
{
    public int Id { get; set; }

    /// <summary>The commune, ward or special zone that took the opinions.</summary>
    public int UnitId { get; set; }

    public string MatterCode { get; set; } = "";

    /// <summary>What was put to the people ("Dự thảo quy hoạch sử dụng đất đến năm 2030 …").</summary>
    public string Subject { get; set; } = "";

    /// <summary>"Toàn phường" or a thôn, tổ dân phố, khu phố (free text: the directory stops at the commune).</summary>
    public string Community { get; set; } = "";

    public ConsultationForms Forms { get; set; }

    public DateOnly OpensOn { get; set; }

    public DateOnly ClosesOn { get; set; }

    public int OpinionsReceived { get; set; }

    /// <summary>Of the opinions received, those agreeing with the draft.</summary>
    public int OpinionsAgreed { get; set; }

    /// <summary>Of the opinions received, those with other proposals (góp ý khác, đề xuất).</summary>
    public int OpinionsOther { get; set; }

    /// <summary>Tiếp thu, giải trình: how the opinions were taken into account and what was explained.</summary>
    public string? Response { get; set; }

    /// <summary>What the competent body decided afterwards.</summary>
    public string? Decision { get; set; }

    public DateOnly? DecidedOn { get; set; }

    public string? FileName { get; set; }

    public string? FileContentType { get; set; }

    public long FileSize { get; set; }

    public string SearchText { get; set; } = "";

    public string RecordedByUserName { get; set; } = "";

    public DateTime RecordedAtUtc { get; set; }

    public Guid ConcurrencyStamp { get; set; } = Guid.NewGuid();
}

/// <summary>The file of a consultation (the synthesis, the minutes), apart so that lists never read it.</summary>
public class PeopleConsultationFile
{
    public int ConsultationId { get; set; }

    public byte[] Content { get; set; } = [];
}
