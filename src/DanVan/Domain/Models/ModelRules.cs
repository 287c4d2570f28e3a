using DanVan.Domain.Text;
using DanVan.Domain.Units;

namespace DanVan.Domain.Models;

/// <summary>A registration as typed, dates parsed (null where missing or unreadable): what the rules check.</summary>
public sealed record ModelDraft
{
    public string? Name { get; init; }

    public string? Situation { get; init; }

    public string? Objectives { get; init; }

    public string? Content { get; init; }

    public string? AreaAndTargets { get; init; }

    public string? Forces { get; init; }

    public string? Resources { get; init; }

    public DateOnly? StartOn { get; init; }

    public DateOnly? EvaluationOn { get; init; }

    public IReadOnlyList<(string? Title, DateOnly? DueOn)> Milestones { get; init; } = [];

    public string? Outputs { get; init; }

    public string? Sustainability { get; init; }
}

/// <summary>What the rules need to know about a model for a step.</summary>
public sealed record ModelFacts
{
    public required ModelStatus State { get; init; }

    public required int UnitId { get; init; }

    public required DateOnly LastStepOn { get; init; }

    /// <summary>Reviews recorded so far (sơ kết, đánh giá).</summary>
    public int Reviews { get; init; }
}

/// <summary>A step as asked: the action, its date, and what it carries.</summary>
public sealed record ModelStepCommand
{
    public required ModelAction Action { get; init; }

    public required DateOnly On { get; init; }

    public string? Note { get; init; }

    public int? Score { get; init; }

    /// <summary>
    /// For a review: the criteria in force for the model with the points given to each (null when not given). When
    /// there are criteria, they replace the overall <see cref="Score"/>, which becomes their sum.
    /// </summary>
    public IReadOnlyList<CriterionPoints> Criteria { get; init; } = [];

    /// <summary>For a recognition: the level chosen, resolved from the levels table (null when unknown or not in force).</summary>
    public RecognitionLevel? Level { get; init; }

    /// <summary>The unit of whoever acts (the reviewer's, the recognising body's).</summary>
    public required int ActorUnitId { get; init; }

    /// <summary>The highest level the actor's unit may grant (<see cref="ModelRules.GrantorRank"/>).</summary>
    public int ActorGrantRank { get; init; }
}

/// <summary>A criterion of a review with the points a reviewer gave it.</summary>
public sealed record CriterionPoints(ModelReviewCriterion Criterion, int? Points);

/// <summary>A step's outcome: the new state, or Vietnamese field errors (nothing is to be saved).</summary>
public sealed record ModelStepOutcome(ModelStatus? NewState, IReadOnlyDictionary<string, string> Errors)
{
    public bool IsOk => NewState is not null;
}

/// <summary>
/// The rules of the “Dân vận khéo” movement as officials run it (facts.md §4): the nine entries of the registration,
/// the lifecycle đăng ký → duyệt / trả lại → ra mắt → triển khai → đánh giá → công nhận → khen thưởng → nhân rộng /
/// loại khỏi danh mục, who may review and at which level a body may recognise.
/// </summary>
public static class ModelRules
{
    /// <summary>The field key of a criterion's points in a step's errors (the form's input is named after it).</summary>
    public static string PointsKey(string code) => $"Points[{code}]";

    public const int MaxMilestones = 12;

    public static string Label(ModelStatus s) => s switch
    {
        ModelStatus.Registered => "Đã đăng ký, chờ duyệt",
        ModelStatus.Returned => "Trả lại để hoàn thiện",
        ModelStatus.Approved => "Đã duyệt, vào danh mục",
        ModelStatus.Launched => "Đã ra mắt",
        ModelStatus.InProgress => "Đang triển khai",
        ModelStatus.Reviewed => "Đã sơ kết, đánh giá",
        ModelStatus.Recognised => "Đã công nhận",
        ModelStatus.Commended => "Đã biểu dương, khen thưởng",
        _ => "Đã loại khỏi danh mục",
    };

    public static string Label(ModelAction a) => a switch
    {
        ModelAction.Register => "Đăng ký",
        ModelAction.Approve => "Duyệt, đưa vào danh mục",
        ModelAction.Return => "Trả lại",
        ModelAction.Resubmit => "Hoàn thiện, gửi lại",
        ModelAction.Launch => "Ra mắt",
        ModelAction.Progress => "Báo cáo tiến độ",
        ModelAction.Review => "Sơ kết, đánh giá",
        ModelAction.Recognise => "Công nhận",
        ModelAction.Commend => "Biểu dương, khen thưởng",
        ModelAction.Remove => "Loại khỏi danh mục",
        _ => "Được nhân rộng",
    };

    public static string Label(ModelKind k) => k == ModelKind.Exemplar ? "Điển hình" : "Mô hình";

    public static string Label(ModelSubject s) => s == ModelSubject.Individual ? "Cá nhân" : "Tập thể";

    public static bool IsRecognised(ModelStatus s) => s is ModelStatus.Recognised or ModelStatus.Commended;

    /// <summary>Still in the catalogue and running: approved and not removed.</summary>
    public static bool IsActive(ModelStatus s) => s is >= ModelStatus.Approved and < ModelStatus.Removed;

    /// <summary>The steps open to a model in a state (the page offers them; <see cref="Check"/> refuses the others).</summary>
    public static IReadOnlyList<ModelAction> Allowed(ModelStatus s) => s switch
    {
        ModelStatus.Registered => [ModelAction.Approve, ModelAction.Return],
        ModelStatus.Returned => [ModelAction.Resubmit],
        ModelStatus.Approved => [ModelAction.Launch, ModelAction.Remove],
        ModelStatus.Launched or ModelStatus.InProgress => [ModelAction.Progress, ModelAction.Review, ModelAction.Remove],
        ModelStatus.Reviewed => [ModelAction.Progress, ModelAction.Review, ModelAction.Recognise, ModelAction.Remove],
        ModelStatus.Recognised => [ModelAction.Progress, ModelAction.Review, ModelAction.Commend, ModelAction.Remove],
        ModelStatus.Commended => [ModelAction.Progress, ModelAction.Review, ModelAction.Remove],
        _ => [],
    };

    /// <summary>
    /// The highest recognition rank a body may grant, from its kind and its ancestors' kinds (nearest first): a commune,
    /// ward or special zone and whatever sits under one recognise at the base level, as does a division (phòng) of any
    /// agency; a former district and its bodies at district level; the province and its agencies, boards and
    /// committees (Sở, Ban của Tỉnh ủy, Ủy ban MTTQ tỉnh) at provincial level.
    /// </summary>
    public static int GrantorRank(OrgUnitKind kind, IReadOnlyList<OrgUnitKind> ancestorsNearestFirst)
    {
        if (kind == OrgUnitKind.Division)
        {
            return 1;
        }

        foreach (var k in ancestorsNearestFirst.Prepend(kind))
        {
            switch (k)
            {
                case OrgUnitKind.Country or OrgUnitKind.Province:
                    return 3;
                case OrgUnitKind.LegacyDistrict:
                    return 2;
                case OrgUnitKind.Commune or OrgUnitKind.Ward or OrgUnitKind.SpecialZone:
                    return 1;
            }
        }

        return 1;
    }

    /// <summary>The registration's nine entries and its timetable; all errors at once, keyed by field.</summary>
    public static IReadOnlyDictionary<string, string> CheckRegistration(ModelDraft d)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        void Required(string field, string? value, string label)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                errors[field] = $"Vui lòng ghi {label}.";
            }
        }

        Required(nameof(d.Name), d.Name, "tên mô hình (ngắn gọn, dễ nhớ)");
        Required(nameof(d.Situation), d.Situation, "thực trạng, lý do xây dựng mô hình");
        Required(nameof(d.Objectives), d.Objectives, "mục tiêu và tiêu chí đo được");
        Required(nameof(d.Content), d.Content, "nội dung, cách thức thực hiện");
        Required(nameof(d.AreaAndTargets), d.AreaAndTargets, "địa bàn, đối tượng");
        Required(nameof(d.Forces), d.Forces, "lực lượng thực hiện (chủ trì, phối hợp, tham gia) và vai trò từng bên");
        Required(nameof(d.Resources), d.Resources, "nguồn lực (kinh phí, cơ sở vật chất, ngày công, xã hội hóa)");
        Required(nameof(d.Outputs), d.Outputs, "sản phẩm, kết quả đầu ra kiểm chứng được");
        Required(nameof(d.Sustainability), d.Sustainability, "khả năng duy trì, nhân rộng");
        if (d.StartOn is null)
        {
            errors[nameof(d.StartOn)] = "Vui lòng nhập ngày bắt đầu (ngày/tháng/năm).";
        }

        if (d.EvaluationOn is null)
        {
            errors[nameof(d.EvaluationOn)] = "Vui lòng nhập ngày sơ kết, đánh giá (ngày/tháng/năm).";
        }
        else if (d.StartOn is { } s && d.EvaluationOn <= s)
        {
            errors[nameof(d.EvaluationOn)] = $"Ngày sơ kết, đánh giá phải sau ngày bắt đầu ({VietnameseText.FormatDate(s)}).";
        }

        var milestones = d.Milestones.Where(m => !string.IsNullOrWhiteSpace(m.Title) || m.DueOn is not null).ToList();
        if (milestones.Count == 0)
        {
            errors["Milestones"] = "Vui lòng ghi ít nhất một mốc thời gian thực hiện (nội dung và ngày).";
        }
        else if (milestones.Count > MaxMilestones)
        {
            errors["Milestones"] = $"Không quá {MaxMilestones} mốc thời gian.";
        }
        else
        {
            DateOnly? previous = null;
            for (var i = 0; i < milestones.Count; i++)
            {
                var (title, due) = milestones[i];
                var n = i + 1;
                if (string.IsNullOrWhiteSpace(title) || due is null)
                {
                    errors["Milestones"] = $"Mốc {n}: vui lòng ghi cả nội dung và ngày.";
                    break;
                }

                if (d.StartOn is { } start && due < start)
                {
                    errors["Milestones"] = $"Mốc {n} ({VietnameseText.FormatDate(due)}) trước ngày bắt đầu ({VietnameseText.FormatDate(start)}).";
                    break;
                }

                if (d.EvaluationOn is { } end && due > end)
                {
                    errors["Milestones"] = $"Mốc {n} ({VietnameseText.FormatDate(due)}) sau ngày sơ kết, đánh giá ({VietnameseText.FormatDate(end)}).";
                    break;
                }

                if (previous is { } p && due < p)
                {
                    errors["Milestones"] = $"Các mốc phải theo thứ tự thời gian: mốc {n} ({VietnameseText.FormatDate(due)}) trước mốc {n - 1} ({VietnameseText.FormatDate(p)}).";
                    break;
                }

                previous = due;
            }
        }

        return errors;
    }

    /// <summary>Checks a step against the model's state and the movement's rules; all errors at once.</summary>
    public static ModelStepOutcome Check(ModelFacts m, ModelStepCommand cmd, DateOnly today)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        if (cmd.On > today)
        {
            errors["On"] = $"Ngày {VietnameseText.FormatDate(cmd.On)} chưa đến: không ghi trước một việc chưa làm.";
        }
        else if (cmd.On < m.LastStepOn)
        {
            errors["On"] = $"Ngày {VietnameseText.FormatDate(cmd.On)} trước bước gần nhất của mô hình ({VietnameseText.FormatDate(m.LastStepOn)}).";
        }

        if (m.State == ModelStatus.Removed)
        {
            errors[""] = "Mô hình đã bị loại khỏi danh mục: không thêm bước được nữa.";
            return new ModelStepOutcome(null, errors);
        }

        if (!Allowed(m.State).Contains(cmd.Action))
        {
            errors[""] = cmd.Action switch
            {
                ModelAction.Recognise when m.Reviews == 0 => "Mô hình chưa được sơ kết, đánh giá: chưa thể công nhận.",
                ModelAction.Recognise => $"Không thể công nhận khi mô hình {Label(m.State).ToLower(VietnameseText.Culture)}.",
                ModelAction.Commend => "Chỉ biểu dương, khen thưởng mô hình đã được công nhận.",
                _ => $"Không thể «{Label(cmd.Action)}» khi mô hình {Label(m.State).ToLower(VietnameseText.Culture)}.",
            };
            return new ModelStepOutcome(null, errors);
        }

        var note = VietnameseText.Optional(cmd.Note);
        switch (cmd.Action)
        {
            case ModelAction.Return when note is null:
                errors["Note"] = "Vui lòng ghi lý do trả lại và nội dung cần bổ sung.";
                break;
            case ModelAction.Remove when note is null:
                errors["Note"] = "Vui lòng ghi lý do loại khỏi danh mục (ví dụ: không còn hiệu quả, không phù hợp).";
                break;
            case ModelAction.Progress when note is null:
                errors["Note"] = "Vui lòng ghi kết quả đạt được so với tiêu chí của mô hình.";
                break;
            case ModelAction.Commend when note is null:
                errors["Note"] = "Vui lòng ghi hình thức biểu dương, khen thưởng (ví dụ: Bằng khen của Chủ tịch UBND tỉnh).";
                break;
            case ModelAction.Review:
                if (cmd.ActorUnitId == m.UnitId)
                {
                    errors[""] = "Người đánh giá không được thuộc chính đơn vị đăng ký mô hình.";
                }

                if (cmd.Criteria.Count > 0)
                {
                    foreach (var c in cmd.Criteria.Where(c => c.Points is null || c.Points < 0 || c.Points > c.Criterion.MaxPoints))
                    {
                        errors[PointsKey(c.Criterion.Code)] = $"Điểm tiêu chí «{c.Criterion.Name}» phải từ 0 đến {c.Criterion.MaxPoints}.";
                    }
                }
                else if (cmd.Score is not (>= 0 and <= 100))
                {
                    errors["Score"] = "Điểm đánh giá phải từ 0 đến 100.";
                }

                if (note is null)
                {
                    errors["Note"] = "Vui lòng ghi kết luận sơ kết, đánh giá.";
                }

                break;
            case ModelAction.Recognise:
                if (m.Reviews == 0)
                {
                    errors[""] = "Mô hình chưa được sơ kết, đánh giá: chưa thể công nhận.";
                }

                if (cmd.Level is null)
                {
                    errors["LevelCode"] = "Vui lòng chọn cấp công nhận đang có hiệu lực.";
                }
                else if (cmd.Level.Rank > cmd.ActorGrantRank)
                {
                    errors["LevelCode"] = $"Cấp công nhận «{cmd.Level.Name}» vượt thẩm quyền của cơ quan công nhận.";
                }

                break;
        }

        if (errors.Count > 0)
        {
            return new ModelStepOutcome(null, errors);
        }

        return new ModelStepOutcome(cmd.Action switch
        {
            ModelAction.Approve => ModelStatus.Approved,
            ModelAction.Return => ModelStatus.Returned,
            ModelAction.Resubmit => ModelStatus.Registered,
            ModelAction.Launch => ModelStatus.Launched,
            ModelAction.Progress => m.State is ModelStatus.Launched ? ModelStatus.InProgress : m.State,
            ModelAction.Review => m.State is ModelStatus.Launched or ModelStatus.InProgress ? ModelStatus.Reviewed : m.State,
            ModelAction.Recognise => ModelStatus.Recognised,
            ModelAction.Commend => ModelStatus.Commended,
            _ => ModelStatus.Removed,
        }, errors);
    }

    /// <summary>Nhân rộng: a unit adopts a recognised model of another unit. The refusal, or null.</summary>
    public static string? CheckReplication(ModelStatus sourceState, int sourceUnitId, int adoptingUnitId)
    {
        if (!IsRecognised(sourceState))
        {
            return "Chỉ nhân rộng được mô hình đã được công nhận.";
        }

        return sourceUnitId == adoptingUnitId ? "Mô hình này là của chính đơn vị: nhân rộng là áp dụng mô hình của đơn vị khác." : null;
    }
}
