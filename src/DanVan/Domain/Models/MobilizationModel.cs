namespace DanVan.Domain.Models;

/// <summary>Mô hình (a way of organising mobilisation others can adopt) or điển hình (an outstanding collective or person).</summary>
public enum ModelKind
{
    /// <summary>Mô hình “Dân vận khéo”.</summary>
    Model = 1,

    /// <summary>Điển hình “Dân vận khéo”.</summary>
    Exemplar = 2,
}

/// <summary>Tập thể or cá nhân.</summary>
public enum ModelSubject
{
    Collective = 1,
    Individual = 2,
}

/// <summary>Where a model stands in its lifecycle (facts.md §4.6).</summary>
public enum ModelStatus
{
    /// <summary>Đã đăng ký, chờ duyệt.</summary>
    Registered = 1,

    /// <summary>Bị trả lại để bổ sung, hoàn thiện.</summary>
    Returned = 2,

    /// <summary>Đã duyệt, đưa vào danh mục.</summary>
    Approved = 3,

    /// <summary>Đã ra mắt.</summary>
    Launched = 4,

    /// <summary>Đang triển khai (đã báo cáo tiến độ).</summary>
    InProgress = 5,

    /// <summary>Đã sơ kết, đánh giá.</summary>
    Reviewed = 6,

    /// <summary>Đã được công nhận ở một cấp.</summary>
    Recognised = 7,

    /// <summary>Đã được biểu dương, khen thưởng.</summary>
    Commended = 8,

    /// <summary>Đã loại khỏi danh mục (final).</summary>
    Removed = 9,
}

/// <summary>What a step of the lifecycle does.</summary>
public enum ModelAction
{
    Register = 1,
    Approve = 2,
    Return = 3,
    Resubmit = 4,
    Launch = 5,
    Progress = 6,
    Review = 7,
    Recognise = 8,
    Commend = 9,
    Remove = 10,

    /// <summary>Recorded on the original when another unit adopts it (nhân rộng).</summary>
    Replicated = 11,
}

/// <summary>
/// Một mô hình, điển hình “Dân vận khéo”: the registration form with its nine entries, the unit that registers it,
/// the body it registers with, and where it stands.
/// </summary>
public class MobilizationModel
{
    public int Id { get; set; }

    /// <summary>Đơn vị đăng ký (the one that builds and runs the model).</summary>
    public int UnitId { get; set; }

    /// <summary>Cơ quan nhận đăng ký (Sở Nội vụ, Ban Tuyên giáo và Dân vận, Đảng ủy, Ban Chỉ đạo…).</summary>
    public int RegisteredWithUnitId { get; set; }

    public ModelKind Kind { get; set; } = ModelKind.Model;

    public ModelSubject Subject { get; set; } = ModelSubject.Collective;

    /// <summary>Năm đăng ký (the year the obligation counts it for).</summary>
    public int Year { get; set; }

    /// <summary>Lĩnh vực: a code of the fields table (<see cref="ModelField"/>).</summary>
    public string FieldCode { get; set; } = "";

    /// <summary>1. Tên mô hình.</summary>
    public string Name { get; set; } = "";

    /// <summary>2. Thực trạng, lý do xây dựng.</summary>
    public string Situation { get; set; } = "";

    /// <summary>3. Mục tiêu, tiêu chí (đo được).</summary>
    public string Objectives { get; set; } = "";

    /// <summary>4. Nội dung, cách thức thực hiện.</summary>
    public string Content { get; set; } = "";

    /// <summary>5. Địa bàn, đối tượng.</summary>
    public string AreaAndTargets { get; set; } = "";

    /// <summary>6. Lực lượng thực hiện (chủ trì, phối hợp, tham gia; vai trò từng bên).</summary>
    public string Forces { get; set; } = "";

    /// <summary>7. Nguồn lực (kinh phí, cơ sở vật chất, ngày công, xã hội hóa).</summary>
    public string Resources { get; set; } = "";

    /// <summary>8. Thời gian thực hiện: start; the milestones are <see cref="Milestones"/>; the evaluation date below.</summary>
    public DateOnly StartOn { get; set; }

    public DateOnly EvaluationOn { get; set; }

    /// <summary>9. Sản phẩm, kết quả đầu ra (kiểm chứng được).</summary>
    public string Outputs { get; set; } = "";

    /// <summary>10 (of the form's nine boxes, with 7 and 8 merged). Khả năng duy trì, nhân rộng.</summary>
    public string Sustainability { get; set; } = "";

    public ModelStatus State { get; set; } = ModelStatus.Registered;

    public DateOnly RegisteredOn { get; set; }

    public DateOnly? ApprovedOn { get; set; }

    public DateOnly? LaunchedOn { get; set; }

    /// <summary>Cấp công nhận: a code of the levels table (<see cref="RecognitionLevel"/>), once recognised.</summary>
    public string? LevelCode { get; set; }

    public DateOnly? RecognisedOn { get; set; }

    public int? RecognisedByUnitId { get; set; }

    public DateOnly? RemovedOn { get; set; }

    /// <summary>Nhân rộng từ: the recognised model of another unit this one adopts.</summary>
    public int? ReplicatedFromId { get; set; }

    /// <summary>Folded name, field, unit and content, for the diacritic-insensitive search.</summary>
    public string SearchText { get; set; } = "";

    public DateTime CreatedAtUtc { get; set; }

    public Guid ConcurrencyStamp { get; set; } = Guid.NewGuid();

    public List<ModelMilestone> Milestones { get; set; } = [];

    public List<ModelStep> Steps { get; set; } = [];
}

/// <summary>Một mốc thời gian of the model's plan, in order.</summary>
public class ModelMilestone
{
    public int Id { get; set; }

    public int ModelId { get; set; }

    public int Order { get; set; }

    public string Title { get; set; } = "";

    public DateOnly DueOn { get; set; }

    /// <summary>When a progress report said it was reached.</summary>
    public DateOnly? DoneOn { get; set; }
}

/// <summary>One dated step of a model's lifecycle, kept for its timeline.</summary>
public class ModelStep
{
    public long Id { get; set; }

    public int ModelId { get; set; }

    public ModelAction Action { get; set; }

    public DateOnly On { get; set; }

    /// <summary>Reasons (trả lại, loại), the progress note, the review's conclusion, the commendation's form.</summary>
    public string? Note { get; set; }

    /// <summary>A review's score (0–100): the sum of its criteria's points when the review was scored by criteria.</summary>
    public int? Score { get; set; }

    /// <summary>A review's points per criterion (empty for other steps and for reviews given one overall score).</summary>
    public List<ModelReviewScore> Scores { get; set; } = [];

    /// <summary>A recognition's level.</summary>
    public string? LevelCode { get; set; }

    /// <summary>The milestone a progress report reached.</summary>
    public int? MilestoneId { get; set; }

    /// <summary>The other model of a replication (the copy, on the original's timeline).</summary>
    public int? RelatedModelId { get; set; }

    public ModelStatus StateAfter { get; set; }

    /// <summary>The unit of the person who acted (a reviewer's unit, the recognising body).</summary>
    public int ByUnitId { get; set; }

    public string ByUserName { get; set; } = "";

    public DateTime AtUtc { get; set; }
}

/// <summary>
/// One criterion a reviewer scores a model against (sơ kết, đánh giá): data with its basis and validity, for
/// collective models, individual ones or both, each with its maximum points.
/// </summary>
public class ModelReviewCriterion
{
    public int Id { get; set; }

    public string Code { get; set; } = "";

    public string Name { get; set; } = "";

    /// <summary>Whom it applies to; null for every model.</summary>
    public ModelSubject? Subject { get; set; }

    public int MaxPoints { get; set; }

    public int SortOrder { get; set; }

    public string LegalBasis { get; set; } = "";

    public DateOnly ValidFrom { get; set; }

    public DateOnly? ValidTo { get; set; }
}

/// <summary>
/// A review's points on one criterion. The criterion's name and maximum are copied as they stood, so that a later
/// correction of the criteria never changes a review already given.
/// </summary>
public class ModelReviewScore
{
    public long StepId { get; set; }

    public string CriterionCode { get; set; } = "";

    public string CriterionName { get; set; } = "";

    public int MaxPoints { get; set; }

    public int Points { get; set; }
}

/// <summary>A progress report's evidence: a file or photo, checked by content (PDF, Word, JPEG, PNG).</summary>
public class ModelEvidence
{
    public int Id { get; set; }

    public long StepId { get; set; }

    public string FileName { get; set; } = "";

    public string ContentType { get; set; } = "";

    public long Size { get; set; }

    public byte[] Content { get; set; } = [];
}

/// <summary>Lĩnh vực of the movement (facts.md §4.3): data with its basis and validity, editable by an administrator.</summary>
public class ModelField
{
    public int Id { get; set; }

    public string Code { get; set; } = "";

    public string Name { get; set; } = "";

    public string? Description { get; set; }

    public int SortOrder { get; set; }

    public string LegalBasis { get; set; } = "";

    public DateOnly ValidFrom { get; set; }

    public DateOnly? ValidTo { get; set; }
}

/// <summary>Cấp công nhận (facts.md §4.5): cơ sở, huyện (before the 2025 reorganisation), tỉnh. Data, like the fields.</summary>
public class RecognitionLevel
{
    public int Id { get; set; }

    public string Code { get; set; } = "";

    public string Name { get; set; } = "";

    /// <summary>Higher is wider: 1 cơ sở, 2 huyện, 3 tỉnh. A body grants levels up to its own rank (<see cref="ModelRules.GrantorRank"/>).</summary>
    public int Rank { get; set; }

    public string LegalBasis { get; set; } = "";

    public DateOnly ValidFrom { get; set; }

    public DateOnly? ValidTo { get; set; }
}
