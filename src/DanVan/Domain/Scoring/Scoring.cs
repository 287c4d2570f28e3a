namespace DanVan.Domain.Scoring;

/// <summary>How a criterion's points are found.</summary>
public enum ScoringMethod
{
    /// <summary>Tự chấm: the unit enters the points (with evidence where the framework requires it).</summary>
    Entered = 1,

    /// <summary>Tính từ số liệu: a measure of DanVan's records (or the share of two), mapped to points by a step table.</summary>
    Measured = 2,
}

/// <summary>What a criterion adds to the total.</summary>
public enum CriterionKind
{
    /// <summary>A group (tiêu chí) whose points are its sub-criteria's.</summary>
    Group = 0,

    Regular = 1,

    /// <summary>Điểm thưởng, capped by the framework's bonus cap.</summary>
    Bonus = 2,

    /// <summary>Điểm trừ, capped by the framework's penalty cap.</summary>
    Penalty = 3,

    /// <summary>Không xếp loại: an event that, when it happened, takes the unit out of the ranking.</summary>
    Disqualifier = 4,
}

/// <summary>
/// A scoring framework (bộ tiêu chí, thang điểm): one per province and version, in force from a day; a new decision
/// is a new version, never an edit under a running assessment. Facts.md §5.
/// </summary>
public class ScoringFramework
{
    public int Id { get; set; }

    /// <summary>Stable across versions: "tay-ninh-1563-2022".</summary>
    public string Code { get; set; } = "";

    public int Version { get; set; } = 1;

    public string Name { get; set; } = "";

    /// <summary>The province (administrative code, "80") it belongs to; null: a national template any province may use.</summary>
    public string? ProvinceCode { get; set; }

    public string LegalBasis { get; set; } = "";

    public DateOnly ValidFrom { get; set; }

    public DateOnly? ValidTo { get; set; }

    /// <summary>Unit kinds assessed, as integers separated by commas ("3,4,5,12,14").</summary>
    public string AppliesToKinds { get; set; } = "";

    public double BonusCap { get; set; }

    public double PenaltyCap { get; set; }

    /// <summary>Grade bands, best first: "Hoàn thành xuất sắc=90;Hoàn thành tốt=70;Hoàn thành=50;Không hoàn thành=0".</summary>
    public string Bands { get; set; } = "";

    /// <summary>What is not from the source (a breakdown DanVan proposes, thresholds to confirm).</summary>
    public string? Note { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    public List<ScoringCriterion> Criteria { get; set; } = [];
}

/// <summary>A criterion (tiêu chí) or sub-criterion (tiểu mục) of a framework.</summary>
public class ScoringCriterion
{
    public int Id { get; set; }

    public int FrameworkId { get; set; }

    public int? ParentId { get; set; }

    /// <summary>"TC1", "TC1.2", "THUONG", "TRU", "KXL1".</summary>
    public string Code { get; set; } = "";

    public string Name { get; set; } = "";

    public int SortOrder { get; set; }

    public CriterionKind Kind { get; set; } = CriterionKind.Regular;

    public double MaxPoints { get; set; }

    public ScoringMethod Method { get; set; } = ScoringMethod.Entered;

    /// <summary>The measure counted (numerator); see the measure registry.</summary>
    public string? MeasureCode { get; set; }

    /// <summary>When set, the value is the share numerator / denominator in percent.</summary>
    public string? DenominatorCode { get; set; }

    /// <summary>Step table, highest threshold first: "95=1;80=0,5;0=0" (value ≥ 95 → full points, ≥ 80 → half).</summary>
    public string? Steps { get; set; }

    /// <summary>For a share with nothing to count (no task due): full points (true) or none.</summary>
    public bool NoneScoresFull { get; set; } = true;

    public bool EvidenceRequired { get; set; }

    public string? Guidance { get; set; }
}

public enum RoundState
{
    /// <summary>Đang tự đánh giá và thẩm định.</summary>
    Open = 1,

    /// <summary>Đã công bố kết quả.</summary>
    Published = 2,
}

/// <summary>A province's assessment of one year on one framework (kỳ đánh giá, chấm điểm).</summary>
public class ScoringRound
{
    public int Id { get; set; }

    public int FrameworkId { get; set; }

    public int ProvinceUnitId { get; set; }

    public int Year { get; set; }

    /// <summary>The period the measures count (normally the year up to the self-assessment deadline).</summary>
    public DateOnly PeriodFrom { get; set; }

    public DateOnly PeriodTo { get; set; }

    public DateOnly SelfFrom { get; set; }

    /// <summary>Last day to submit the self-assessment (seed 002: "trước ngày 15/11 hàng năm").</summary>
    public DateOnly SelfDue { get; set; }

    /// <summary>Days after the appraisal a unit may object (once).</summary>
    public int ObjectionDays { get; set; }

    public DateOnly AppraisalOn { get; set; }

    public RoundState State { get; set; } = RoundState.Open;

    public string OpenedBy { get; set; } = "";

    public DateTime OpenedAtUtc { get; set; }

    public DateTime? MeasuredAtUtc { get; set; }

    public DateTime? PublishedAtUtc { get; set; }

    public string? PublishedBy { get; set; }
}

public enum SheetState
{
    /// <summary>Đang tự chấm.</summary>
    Draft = 1,

    /// <summary>Đã nộp, chờ thẩm định.</summary>
    Submitted = 2,

    /// <summary>Đã thẩm định: the unit may object once within the window.</summary>
    Appraised = 3,

    /// <summary>Đơn vị có ý kiến: the coordinator decides.</summary>
    Objected = 4,

    /// <summary>Kết quả cuối cùng.</summary>
    Final = 5,
}

/// <summary>Which ranking a unit is in: the province ranks agencies and communes apart.</summary>
public enum RankGroup
{
    Agencies = 1,
    Communes = 2,
}

/// <summary>A unit's sheet (phiếu tự đánh giá, chấm điểm) in a round.</summary>
public class ScoreSheet
{
    public int Id { get; set; }

    public int RoundId { get; set; }

    public int UnitId { get; set; }

    /// <summary>The unit's subtree prefix, copied so that lists select by scope with an index.</summary>
    public string UnitPath { get; set; } = "";

    public RankGroup Group { get; set; }

    public SheetState State { get; set; } = SheetState.Draft;

    /// <summary>Báo cáo giải trình.</summary>
    public string? Explanation { get; set; }

    public double SelfTotal { get; set; }

    public double? AppraisedTotal { get; set; }

    public double? FinalTotal { get; set; }

    public string? Grade { get; set; }

    public bool Disqualified { get; set; }

    public DateTime? SubmittedAtUtc { get; set; }

    public string? SubmittedBy { get; set; }

    public DateTime? AppraisedAtUtc { get; set; }

    public string? AppraisedBy { get; set; }

    public string? ObjectionText { get; set; }

    public DateTime? ObjectedAtUtc { get; set; }

    public string? ObjectedBy { get; set; }

    public string? DecisionText { get; set; }

    public DateTime? DecidedAtUtc { get; set; }

    public string? DecidedBy { get; set; }

    public DateTime? MeasuredAtUtc { get; set; }

    public DateTime UpdatedAtUtc { get; set; }

    public Guid ConcurrencyStamp { get; set; } = Guid.NewGuid();

    public List<ScoreLine> Lines { get; set; } = [];
}

/// <summary>A sub-criterion on a sheet: measured value and points, the unit's points, the appraisers'.</summary>
public class ScoreLine
{
    public int Id { get; set; }

    public int SheetId { get; set; }

    public int CriterionId { get; set; }

    public double? MeasuredValue { get; set; }

    public string? Provenance { get; set; }

    /// <summary>The unit's points (for a measured line, the computed points).</summary>
    public double? SelfPoints { get; set; }

    public string? Note { get; set; }

    public double? AppraisedPoints { get; set; }

    public string? AppraisalReason { get; set; }

    /// <summary>What counts: the appraisers' points once appraised, else the unit's.</summary>
    public double? Points => AppraisedPoints ?? SelfPoints;
}

/// <summary>A file the unit attaches to a line as evidence (minh chứng).</summary>
public class ScoreEvidence
{
    public int Id { get; set; }

    public int LineId { get; set; }

    public int SheetId { get; set; }

    public string FileName { get; set; } = "";

    public string ContentType { get; set; } = "";

    public long Size { get; set; }

    public byte[] Content { get; set; } = [];

    public string UploadedBy { get; set; } = "";

    public DateTime UploadedAtUtc { get; set; }
}

/// <summary>A title one may be proposed for (danh hiệu, hình thức khen thưởng), with its quota per year: data.</summary>
public class CommendationTitle
{
    public int Id { get; set; }

    public string Code { get; set; } = "";

    /// <summary>The form ("Bằng khen", "Giấy khen"): one subject is never proposed twice for one form and year, whatever the level.</summary>
    public string Form { get; set; } = "";

    public string Name { get; set; } = "";

    public string Level { get; set; } = "";

    public int QuotaCollectives { get; set; }

    public int QuotaIndividuals { get; set; }

    public string LegalBasis { get; set; } = "";

    public DateOnly ValidFrom { get; set; }

    public DateOnly? ValidTo { get; set; }
}

/// <summary>A proposal in a commendation dossier (hồ sơ đề nghị khen thưởng).</summary>
public class CommendationProposal
{
    public int Id { get; set; }

    public int RoundId { get; set; }

    public int Year { get; set; }

    public int TitleId { get; set; }

    public string Form { get; set; } = "";

    /// <summary>"unit:123" or "person:123:nguyen van a": unique with the year and the form.</summary>
    public string SubjectKey { get; set; } = "";

    public int UnitId { get; set; }

    public string? PersonName { get; set; }

    public string? PersonPosition { get; set; }

    public string Achievements { get; set; } = "";

    public string ProposedBy { get; set; } = "";

    public DateTime ProposedAtUtc { get; set; }

    public bool IsIndividual => PersonName is not null;
}
