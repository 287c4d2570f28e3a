namespace DanVan.Domain.Reports;

/// <summary>How often a regime asks for a report (Nghị định 09/2019/NĐ-CP, Art. 12).</summary>
public enum ReportFrequency
{
    Quarterly = 1,
    HalfYearly = 2,
    NineMonthly = 3,
    Yearly = 4,
    AdHoc = 5,
}

/// <summary>Which period of the year a report covers.</summary>
public enum ReportPeriodKind
{
    Quarter1 = 1,
    Quarter2 = 2,
    Quarter3 = 3,
    Quarter4 = 4,
    FirstHalf = 5,
    NineMonths = 6,
    Year = 7,
    AdHoc = 8,
}

/// <summary>How a parent's figure comes from its children's.</summary>
public enum IndicatorAggregation
{
    Sum = 1,
    Average = 2,

    /// <summary>Computed: 100 × Σ numerator / Σ denominator (a rate from two summed counts).</summary>
    Ratio = 3,
    Max = 4,

    /// <summary>The most recently submitted child's value (a stock, not a flow).</summary>
    Latest = 5,
}

public enum SubmissionStatus
{
    /// <summary>Chưa nộp: the slot exists, nothing sent.</summary>
    Pending = 1,

    /// <summary>Đã nộp: waiting for the receiving unit.</summary>
    Submitted = 2,

    /// <summary>Bị trả lại: to correct and resubmit.</summary>
    Returned = 3,

    /// <summary>Đã tiếp nhận.</summary>
    Accepted = 4,

    /// <summary>Chờ lãnh đạo duyệt: an officer submitted it; the unit's head approves before it reaches the receiving unit.</summary>
    AwaitingApproval = 5,
}

public enum ValueSource
{
    Entered = 1,
    Prefilled = 2,

    /// <summary>A pre-filled figure the unit replaced, with a reason.</summary>
    Overridden = 3,
}

/// <summary>
/// A reporting regime as data (the shape Nghị định 09/2019/NĐ-CP gives every chế độ báo cáo): name, legal basis, who
/// reports (unit kinds, each to its parent unit), frequency and due dates, narrative outline and indicator table.
/// </summary>
public class ReportRegime
{
    public int Id { get; set; }

    public string Code { get; set; } = "";

    public string Name { get; set; } = "";

    public string? LegalBasis { get; set; }

    public ReportFrequency Frequency { get; set; }

    /// <summary>Comma-separated <see cref="Units.OrgUnitKind"/> names of the units that must report.</summary>
    public string ObligatedKinds { get; set; } = "";

    /// <summary>An officer's report goes to the unit's head (Lãnh đạo đơn vị) for approval before the receiving unit sees it.</summary>
    public bool RequiresHeadApproval { get; set; }

    public DateTime CreatedAtUtc { get; set; }
}

/// <summary>When a period of a regime is due and where its data are cut off (chốt số liệu).</summary>
public class ReportDueRule
{
    public int Id { get; set; }

    public int RegimeId { get; set; }

    public ReportPeriodKind Kind { get; set; }

    public int DueDay { get; set; }

    public int DueMonth { get; set; }

    public int CutoffDay { get; set; }

    public int CutoffMonth { get; set; }
}

/// <summary>A heading of the narrative outline (đề cương).</summary>
public class ReportSection
{
    public int Id { get; set; }

    public int RegimeId { get; set; }

    public string Code { get; set; } = "";

    public string Title { get; set; } = "";

    public string? Guidance { get; set; }

    public int Order { get; set; }

    /// <summary>A report cannot be submitted with this part left empty.</summary>
    public bool IsRequired { get; set; }
}

/// <summary>A figure of the regime's table: name, unit of measure, how it aggregates, what it may not exceed.</summary>
public class ReportIndicator
{
    public int Id { get; set; }

    public int RegimeId { get; set; }

    public string Code { get; set; } = "";

    public string Name { get; set; } = "";

    /// <summary>Đơn vị tính: "cuộc", "lượt người", "%".</summary>
    public string Unit { get; set; } = "";

    /// <summary>The group the table shows it under.</summary>
    public string Group { get; set; } = "";

    public int Order { get; set; }

    public IndicatorAggregation Aggregation { get; set; }

    public string? NumeratorCode { get; set; }

    public string? DenominatorCode { get; set; }

    /// <summary>Validation: the value may not exceed this indicator's ("resolved ≤ received").</summary>
    public string? NotAboveCode { get; set; }

    /// <summary>The measure that pre-fills it ("don-nhan", "nhiem-vu-dung-han"…: Features/Shared/Measures), if any.</summary>
    public string? MeasureCode { get; set; }

    /// <summary>A report cannot be submitted with this figure left blank (0 is a figure: "không phát sinh").</summary>
    public bool IsRequired { get; set; }

    public bool IsComputed => Aggregation == IndicatorAggregation.Ratio;
}

/// <summary>One period of a regime opened by a unit (the province) for its subtree.</summary>
public class ReportPeriod
{
    public int Id { get; set; }

    public int RegimeId { get; set; }

    /// <summary>The unit that opened the period and compiles it (a province, or the country).</summary>
    public int OwnerUnitId { get; set; }

    public ReportPeriodKind Kind { get; set; }

    public int Year { get; set; }

    public string Label { get; set; } = "";

    public DateOnly StartOn { get; set; }

    public DateOnly CutoffOn { get; set; }

    public DateOnly DueOn { get; set; }

    public DateTime OpenedAtUtc { get; set; }

    /// <summary>Set when the compiling unit closes the period: no more submissions.</summary>
    public DateTime? ClosedAtUtc { get; set; }
}

/// <summary>
/// An obligated unit's slot in a period: its current figures and narrative live in <see cref="ReportValue"/> and
/// <see cref="ReportNarrative"/>; each submission is also kept whole in <see cref="ReportVersion"/>.
/// </summary>
public class ReportSubmission
{
    public int Id { get; set; }

    public int PeriodId { get; set; }

    public int UnitId { get; set; }

    /// <summary>The unit's subtree prefix ("/1/12/345/"), copied so roll-ups select a subtree by index.</summary>
    public string UnitPath { get; set; } = "";

    /// <summary>The province the unit belongs to (its own id for a province), for national drill-downs.</summary>
    public int ProvinceId { get; set; }

    public int ReceiverUnitId { get; set; }

    public SubmissionStatus Status { get; set; } = SubmissionStatus.Pending;

    /// <summary>Number of submitted versions (0 before the first submission).</summary>
    public int Version { get; set; }

    public DateTime? SubmittedAtUtc { get; set; }

    public string? SubmittedBy { get; set; }

    public DateTime? DecidedAtUtc { get; set; }

    public string? DecidedBy { get; set; }

    public string? ReturnComment { get; set; }

    /// <summary>This unit's own due date, set when the period was extended for it alone (the later of it and the period's applies).</summary>
    public DateOnly? OwnDueOn { get; set; }

    /// <summary>The unit head who approved the current version (regimes with head approval).</summary>
    public string? ApprovedBy { get; set; }

    public DateTime? ApprovedAtUtc { get; set; }

    public DateTime UpdatedAtUtc { get; set; }

    /// <summary>Optimistic concurrency: two people saving the same slot cannot both win.</summary>
    public Guid ConcurrencyStamp { get; set; } = Guid.NewGuid();
}

/// <summary>A figure of a submission as it stands (draft or last submitted).</summary>
public class ReportValue
{
    public int SubmissionId { get; set; }

    /// <summary>The submission's period, copied so that a roll-up reads only its period's figures (by index).</summary>
    public int PeriodId { get; set; }

    public int IndicatorId { get; set; }

    /// <summary>Stored as a double so both engines sum it in SQL (SQLite has no decimal arithmetic).</summary>
    public double? Value { get; set; }

    public ValueSource Source { get; set; } = ValueSource.Entered;

    /// <summary>What DanVan computed, kept when the unit overrides it.</summary>
    public double? PrefilledValue { get; set; }

    /// <summary>Where a pre-filled value came from ("12 hạn nhiệm vụ trong kỳ, theo dõi trên DanVan").</summary>
    public string? Provenance { get; set; }

    public string? OverrideReason { get; set; }
}

public class ReportNarrative
{
    public int SubmissionId { get; set; }

    public int SectionId { get; set; }

    public string Text { get; set; } = "";
}

/// <summary>A submitted version, whole (figures and narrative as JSON), with the receiver's decision on it.</summary>
public class ReportVersion
{
    public int Id { get; set; }

    public int SubmissionId { get; set; }

    public int Version { get; set; }

    public DateTime SubmittedAtUtc { get; set; }

    public string SubmittedBy { get; set; } = "";

    public string ValuesJson { get; set; } = "{}";

    public string NarrativeJson { get; set; } = "{}";

    public SubmissionStatus? Decision { get; set; }

    public string? DecisionComment { get; set; }

    public DateTime? DecidedAtUtc { get; set; }

    /// <summary>Who decided (the receiving unit's officer, or the unit head who returned it before sending).</summary>
    public string? DecidedBy { get; set; }

    public string? ApprovedBy { get; set; }

    public DateTime? ApprovedAtUtc { get; set; }
}

/// <summary>
/// A change of a period's due date after opening (gia hạn): for every unit (<see cref="SubmissionId"/> null) or for one
/// unit's report, always later, with the reason. Kept whole: the history of a deadline is never rewritten.
/// </summary>
public class ReportDueChange
{
    public int Id { get; set; }

    public int PeriodId { get; set; }

    public int? SubmissionId { get; set; }

    public DateOnly PreviousDueOn { get; set; }

    public DateOnly NewDueOn { get; set; }

    public string Reason { get; set; } = "";

    public string ChangedBy { get; set; } = "";

    public DateTime ChangedAtUtc { get; set; }
}

/// <summary>A reminder (đôn đốc) sent to the units of a period that had not submitted: who, when, how many.</summary>
public class ReportReminder
{
    public int Id { get; set; }

    public int PeriodId { get; set; }

    public int Units { get; set; }

    public int Recipients { get; set; }

    public string SentBy { get; set; } = "";

    public DateTime SentAtUtc { get; set; }
}

/// <summary>A file attached to a submission (minutes, photos of a dialogue), stored in the database (ADR-004).</summary>
public class ReportAttachment
{
    public int Id { get; set; }

    public int SubmissionId { get; set; }

    public string FileName { get; set; } = "";

    public string ContentType { get; set; } = "";

    public byte[] Content { get; set; } = [];

    public long Size { get; set; }

    public DateTime UploadedAtUtc { get; set; }

    public string UploadedBy { get; set; } = "";
}
