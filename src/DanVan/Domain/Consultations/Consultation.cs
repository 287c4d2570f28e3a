namespace DanVan.Domain.Consultations;

/// <summary>Who is consulted: agencies and units (the Sở Nội vụ letter of seed 003) or the people of a commune on its draft.</summary>
public enum ConsultationAudience
{
    /// <summary>Cơ quan, đơn vị, địa phương: the deadline is the one the letter states.</summary>
    Units = 1,

    /// <summary>Nhân dân cấp xã (Luật Thực hiện dân chủ ở cơ sở): the deadline may not be earlier than the statutory minimum.</summary>
    CommunePeople = 2,
}

/// <summary>Where a respondent unit stands. Silent is written only at or after the deadline, never before.</summary>
public enum RespondentState
{
    /// <summary>Chưa có ý kiến.</summary>
    Pending = 1,

    /// <summary>Thống nhất (no comments).</summary>
    Agreed = 2,

    /// <summary>Có ý kiến góp ý.</summary>
    Commented = 3,

    /// <summary>Không có ý kiến — the consultation's silence rule applied at the deadline.</summary>
    Silent = 4,
}

/// <summary>How the drafting unit handled one comment (bảng tổng hợp, tiếp thu, giải trình).</summary>
public enum CommentHandling
{
    /// <summary>Tiếp thu.</summary>
    Accepted = 1,

    /// <summary>Tiếp thu một phần.</summary>
    PartlyAccepted = 2,

    /// <summary>Giải trình, không tiếp thu.</summary>
    Explained = 3,
}

/// <summary>
/// Lấy ý kiến dự thảo: a drafting unit sends a draft to obliged respondents with a deadline and a rule for silence
/// ("không có ý kiến xem như thống nhất"). A follow-up round on a revised draft points at the previous round.
/// </summary>
public class Consultation
{
    public int Id { get; set; }

    /// <summary>Đơn vị chủ trì soạn thảo (e.g. Sở Nội vụ).</summary>
    public int UnitId { get; set; }

    /// <summary>Tên dự thảo ("Kế hoạch tiếp tục thực hiện và đổi mới công tác dân vận…").</summary>
    public string Title { get; set; } = "";

    /// <summary>Trích yếu of the letter: "V/v lấy ý kiến góp ý dự thảo Kế hoạch …".</summary>
    public string Subject { get; set; } = "";

    /// <summary>Số, ký hiệu of the letter once the văn thư numbers it ("123/SNV-TCBM"); optional.</summary>
    public string? LetterNumber { get; set; }

    public ConsultationAudience Audience { get; set; } = ConsultationAudience.Units;

    /// <summary>Ngày gửi (công bố) dự thảo: the clock counts the minimum period from it.</summary>
    public DateOnly SentOn { get; set; }

    /// <summary>The last day an answer is accepted ("trước ngày 10/01/2022" is stored as 09/01/2022).</summary>
    public DateOnly DueOn { get; set; }

    /// <summary>Where the deadline comes from: the letter, or the clock's minimum and its article.</summary>
    public string DueExplanation { get; set; } = "";

    /// <summary>The rule for silence as the letter writes it.</summary>
    public string SilenceRule { get; set; } = "";

    /// <summary>Whether silence counts as agreement (default_on_silence = Agree); otherwise it is only recorded.</summary>
    public bool SilenceMeansAgreement { get; set; } = true;

    /// <summary>Vòng lấy ý kiến (1, 2, …).</summary>
    public int Round { get; set; } = 1;

    public int? PreviousRoundId { get; set; }

    /// <summary>Người liên hệ, địa chỉ nhận ý kiến as the letter says (e-mail…).</summary>
    public string? Contact { get; set; }

    /// <summary>The uploaded draft (DOCX) as it came; null for a pasted draft.</summary>
    public string? DraftFileName { get; set; }

    public byte[]? DraftContent { get; set; }

    /// <summary>Người ký công văn (name) and the authority line ("KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC").</summary>
    public string? SignerName { get; set; }

    public string? SignerAuthority { get; set; }

    public string SearchText { get; set; } = "";

    public string CreatedBy { get; set; } = "";

    public DateTime CreatedAtUtc { get; set; }

    public Guid ConcurrencyStamp { get; set; } = Guid.NewGuid();
}

/// <summary>One numbered paragraph (or article) of the draft; comments point at one.</summary>
public class DraftParagraph
{
    public int Id { get; set; }

    public int ConsultationId { get; set; }

    /// <summary>1, 2, … in the order of the draft.</summary>
    public int Number { get; set; }

    /// <summary>"Điều 3", "II.1" when the paragraph starts with one; otherwise null.</summary>
    public string? Label { get; set; }

    public string Text { get; set; } = "";
}

/// <summary>An obliged respondent unit and where it stands.</summary>
public class ConsultationRespondent
{
    public int Id { get; set; }

    public int ConsultationId { get; set; }

    public int UnitId { get; set; }

    public RespondentState State { get; set; } = RespondentState.Pending;

    /// <summary>Number of the answer version in force (0: none yet).</summary>
    public int CurrentVersion { get; set; }

    public DateTime? AnsweredAtUtc { get; set; }

    /// <summary>When the silence rule was recorded for this unit (at or after the deadline).</summary>
    public DateTime? SilenceAppliedAtUtc { get; set; }
}

/// <summary>One version of a respondent's answer: agree, or comments; signed by a named person; an attached file.</summary>
public class ConsultationAnswer
{
    public int Id { get; set; }

    public int RespondentId { get; set; }

    public int ConsultationId { get; set; }

    public int Version { get; set; }

    public bool Agrees { get; set; }

    /// <summary>Ý kiến chung (general remarks), optional.</summary>
    public string? GeneralComment { get; set; }

    /// <summary>Người ký (named person) and position.</summary>
    public string SignerName { get; set; } = "";

    public string? SignerPosition { get; set; }

    public string? FileName { get; set; }

    public string? FileContentType { get; set; }

    public byte[]? FileContent { get; set; }

    public string SubmittedBy { get; set; } = "";

    public DateTime SubmittedAtUtc { get; set; }
}

/// <summary>A comment of an answer version, anchored to a paragraph, with the drafting unit's handling.</summary>
public class ConsultationComment
{
    public int Id { get; set; }

    public int AnswerId { get; set; }

    public int ConsultationId { get; set; }

    public int ParagraphId { get; set; }

    public string Text { get; set; } = "";

    public CommentHandling? Handling { get; set; }

    /// <summary>Nội dung tiếp thu, giải trình.</summary>
    public string? Explanation { get; set; }

    public string? HandledBy { get; set; }

    public DateTime? HandledAtUtc { get; set; }
}
