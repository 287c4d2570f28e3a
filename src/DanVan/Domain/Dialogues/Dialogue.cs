namespace DanVan.Domain.Dialogues;

/// <summary>Đối tượng đối thoại: with whom a unit holds the dialogue.</summary>
public enum DialogueAudience
{
    /// <summary>Nhân dân trên địa bàn xã, phường.</summary>
    Residents = 1,

    /// <summary>Nhân dân thôn, tổ dân phố, cụm dân cư.</summary>
    Village = 2,

    /// <summary>Người dân chịu tác động của một dự án, chính sách.</summary>
    AffectedGroup = 3,

    /// <summary>Doanh nghiệp, hộ kinh doanh.</summary>
    Businesses = 4,

    /// <summary>Cán bộ, công chức, viên chức, người lao động của đơn vị.</summary>
    Staff = 5,

    /// <summary>Đối tượng khác.</summary>
    Other = 6,
}

/// <summary>Where a dialogue stands: planned, announced (thông báo công khai), held (biên bản), results published.</summary>
public enum DialogueState
{
    /// <summary>Dự kiến.</summary>
    Planned = 1,

    /// <summary>Đã thông báo.</summary>
    Announced = 2,

    /// <summary>Đã tổ chức.</summary>
    Held = 3,

    /// <summary>Đã công bố kết quả.</summary>
    ResultsPublished = 4,
}

/// <summary>Tình trạng cam kết: open, done; overdue is computed from the deadline and today, never stored.</summary>
public enum CommitmentState
{
    /// <summary>Đang thực hiện.</summary>
    Open = 1,

    /// <summary>Đã hoàn thành.</summary>
    Done = 2,
}

/// <summary>Hội nghị đối thoại với Nhân dân (Điều 43 Luật Tổ chức chính quyền địa phương 2025): notice, record, results.</summary>
public class Dialogue
{
    public int Id { get; set; }

    /// <summary>The unit that holds it (UBND xã, phường, or an agency).</summary>
    public int UnitId { get; set; }

    /// <summary>Chủ đề, nội dung đối thoại.</summary>
    public string Topic { get; set; } = "";

    /// <summary>Người chủ trì (the head): name and position as written.</summary>
    public string ChairName { get; set; } = "";

    public DialogueAudience Audience { get; set; }

    /// <summary>Which village, project or group, in words.</summary>
    public string? AudienceDetail { get; set; }

    /// <summary>Ngày đối thoại.</summary>
    public DateOnly HeldOn { get; set; }

    /// <summary>Địa điểm; for an online dialogue, the platform or link.</summary>
    public string Place { get; set; } = "";

    public bool Online { get; set; }

    /// <summary>Cơ quan phối hợp tổ chức (usually Ủy ban MTTQ).</summary>
    public string? CoOrganiser { get; set; }

    public DialogueState State { get; set; } = DialogueState.Planned;

    /// <summary>Ngày thông báo công khai.</summary>
    public DateOnly? NoticeOn { get; set; }

    /// <summary>The clock's words for the notice: the latest day, the rule and its article.</summary>
    public string? NoticeExplanation { get; set; }

    /// <summary>Số người tham dự (biên bản).</summary>
    public int? Attendees { get; set; }

    /// <summary>Thành phần tham dự and the course of the meeting, as the record says it.</summary>
    public string? RecordSummary { get; set; }

    /// <summary>Hạn công bố kết quả from the statutory clock, set when the record is written.</summary>
    public DateOnly? ResultsDueOn { get; set; }

    public string? ResultsDueExplanation { get; set; }

    public DateOnly? ResultsPublishedOn { get; set; }

    /// <summary>Kết quả đối thoại as published (no personal data).</summary>
    public string? ResultsSummary { get; set; }

    /// <summary>Folded topic, chair, place, audience detail and co-organiser for search.</summary>
    public string SearchText { get; set; } = "";

    public DateTime CreatedAtUtc { get; set; }

    public Guid ConcurrencyStamp { get; set; } = Guid.NewGuid();

    public List<DialogueOpinion> Opinions { get; set; } = [];
}

/// <summary>Một ý kiến, kiến nghị tại đối thoại: who raised it, about what, and the answer on the spot or later.</summary>
public class DialogueOpinion
{
    public int Id { get; set; }

    public int DialogueId { get; set; }

    /// <summary>Order in the record (1, 2, …).</summary>
    public int Number { get; set; }

    /// <summary>Người nêu ý kiến: as written in the record (personal data: never on the public page).</summary>
    public string SpeakerName { get; set; } = "";

    public string Content { get; set; } = "";

    /// <summary>Lĩnh vực: a code of <see cref="Cases.CaseFields"/> (the same list of fields).</summary>
    public string Field { get; set; } = "";

    /// <summary>Đã trả lời tại hội nghị; otherwise the opinion becomes a commitment.</summary>
    public bool AnsweredOnSpot { get; set; }

    public string? Answer { get; set; }
}

/// <summary>Cam kết: an opinion not closed on the spot, owned by a unit with a deadline, followed like a task.</summary>
public class DialogueCommitment
{
    public int Id { get; set; }

    public int DialogueId { get; set; }

    public int OpinionId { get; set; }

    /// <summary>Đơn vị chịu trách nhiệm giải quyết, trả lời.</summary>
    public int OwnerUnitId { get; set; }

    /// <summary>What is committed, as it reads on the board and the public page (no personal data).</summary>
    public string Content { get; set; } = "";

    public DateOnly DueOn { get; set; }

    public CommitmentState State { get; set; } = CommitmentState.Open;

    public DateOnly? DoneOn { get; set; }

    public string? DoneNote { get; set; }

    public DateTime CreatedAtUtc { get; set; }
}
