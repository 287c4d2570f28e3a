using DanVan.Data;
using DanVan.Domain.Access;
using DanVan.Domain.Models;
using DanVan.Domain.Text;
using DanVan.Domain.Units;
using DanVan.Features.Documents;
using DanVan.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Features.Models;

/// <summary>One milestone row of the registration form.</summary>
public sealed class MilestoneInput
{
    public string? Title { get; set; }

    public string? DueOn { get; set; }
}

/// <summary>The registration form (phiếu đăng ký mô hình) as units already fill it: the nine entries and the timetable.</summary>
public sealed class ModelForm
{
    public ModelKind Kind { get; set; } = ModelKind.Model;

    public ModelSubject Subject { get; set; } = ModelSubject.Collective;

    public string? FieldCode { get; set; }

    public int? RegisteredWithUnitId { get; set; }

    public string? Name { get; set; }

    public string? Situation { get; set; }

    public string? Objectives { get; set; }

    public string? Content { get; set; }

    public string? AreaAndTargets { get; set; }

    public string? Forces { get; set; }

    public string? Resources { get; set; }

    public string? StartOn { get; set; }

    public string? EvaluationOn { get; set; }

    public List<MilestoneInput> Milestones { get; set; } = [];

    public string? Outputs { get; set; }

    public string? Sustainability { get; set; }
}

/// <summary>A step of the lifecycle as a page or the API asks for it.</summary>
/// <remarks>A review gives <paramref name="Points"/> per criterion code when criteria are in force for the model, else one <paramref name="Score"/>.</remarks>
public sealed record ModelStepRequest(ModelAction Action, DateOnly On, string? Note, int? Score = null, string? LevelCode = null,
    int? MilestoneId = null, UploadedFile? Evidence = null, IReadOnlyDictionary<string, int?>? Points = null);

/// <summary>
/// The writes of “Dân vận khéo” models: registration, correction after a return, each step of the lifecycle with its
/// evidence, replication by another unit. Every write is one transaction, audited by the context (who, when, unit,
/// before and after), and refused with Vietnamese field errors, all at once, when it breaks a rule.
/// </summary>
public sealed class ModelCommands(AppDbContext db, TimeProvider clock, IConfiguration? configuration = null)
{
    public const string Stale = "Mô hình vừa được người khác cập nhật; tải lại trang để xem bước mới nhất rồi làm lại.";

    public long MaxEvidenceBytes => configuration?.GetValue("Models:MaxEvidenceBytes", 10L * 1024 * 1024) ?? 10L * 1024 * 1024;

    /// <summary>The bodies a unit may register with: the province and its own agencies, boards and committees, other than itself.</summary>
    public async Task<List<(int Id, string Name)>> BodiesForAsync(UserScope user, CancellationToken ct)
    {
        var prefix = UserScope.ProvincePrefix(user.UnitAncestorPath, user.UnitId);
        var provinceId = UnitPaths.Ancestors(prefix).Last();
        var kinds = new[] { OrgUnitKind.Department, OrgUnitKind.PartyBoard, OrgUnitKind.FrontCommittee, OrgUnitKind.PeoplesCommittee, OrgUnitKind.PartyCommittee };
        var rows = await db.OrgUnits.AsNoTracking()
            .Where(u => u.ValidTo == null && u.Id != user.UnitId
                && (u.Id == provinceId || (u.AncestorPath == prefix && kinds.Contains(u.Kind)) || (u.Kind == OrgUnitKind.PartyBoard && u.AncestorPath.StartsWith(prefix))))
            .OrderByVietnamese(db, u => u.Name).Select(u => new { u.Id, u.Name }).Take(200).ToListAsync(ct);
        return rows.Select(r => (r.Id, r.Name)).ToList();
    }

    public async Task<List<ModelField>> FieldsInForceAsync(DateOnly on, CancellationToken ct) =>
        (await db.ModelFields.AsNoTracking().OrderBy(f => f.SortOrder).ToListAsync(ct)).Where(f => ModelCatalog.InForce(f.ValidFrom, f.ValidTo, on)).ToList();

    public async Task<List<RecognitionLevel>> LevelsInForceAsync(DateOnly on, CancellationToken ct) =>
        (await db.RecognitionLevels.AsNoTracking().OrderBy(l => l.Rank).ToListAsync(ct)).Where(l => ModelCatalog.InForce(l.ValidFrom, l.ValidTo, on)).ToList();

    /// <summary>The review criteria in force on a day for a collective or an individual model, in their order.</summary>
    public async Task<List<ModelReviewCriterion>> CriteriaInForceAsync(DateOnly on, ModelSubject subject, CancellationToken ct) =>
        (await db.ModelReviewCriteria.AsNoTracking().Where(c => c.Subject == null || c.Subject == subject).OrderBy(c => c.SortOrder).ThenBy(c => c.Code).ToListAsync(ct))
        .Where(c => ModelCatalog.InForce(c.ValidFrom, c.ValidTo, on)).ToList();

    public async Task<Result<MobilizationModel>> RegisterAsync(UserScope user, ModelForm input, CancellationToken ct = default)
    {
        if (!ModelAccessRules.CanRegister(user, user.UnitId))
        {
            return Result<MobilizationModel>.Forbidden();
        }

        var today = VietnamClock.Today(clock);
        var row = new MobilizationModel { UnitId = user.UnitId, RegisteredOn = today, Year = today.Year, CreatedAtUtc = clock.GetUtcNow().UtcDateTime };
        var (errors, milestones) = await ValidateAsync(user, input, row, today, ct);
        if (errors.Any)
        {
            return Result<MobilizationModel>.Invalid(errors.ToDictionary());
        }

        await using var tx = await db.BeginOrJoinTransactionAsync(ct);
        row.Milestones = milestones;
        await SetSearchTextAsync(row, ct);
        row.Steps.Add(Step(user, ModelAction.Register, today, null, ModelStatus.Registered));
        db.MobilizationModels.Add(row);
        await db.SaveChangesAsync(ct);
        await SyncObligationsAsync(user, row, ct);
        await tx.CommitAsync(ct);
        return Result<MobilizationModel>.Ok(row);
    }

    /// <summary>Hoàn thiện, gửi lại: the registering unit corrects a returned registration; it goes back for approval.</summary>
    public async Task<Result<MobilizationModel>> ResubmitAsync(UserScope user, int id, ModelForm input, Guid stamp, CancellationToken ct = default)
    {
        await using var tx = await db.BeginOrJoinTransactionAsync(ct);
        var row = await db.MobilizationModels.Include(m => m.Milestones).Include(m => m.Steps).FirstOrDefaultAsync(m => m.Id == id, ct);
        if (row is null || await RefOfAsync(row, ct) is not { } reference || !ModelAccessRules.CanRead(user, reference))
        {
            return Result<MobilizationModel>.NotFound();
        }

        if (!ModelAccessRules.CanRun(user, reference))
        {
            return Result<MobilizationModel>.Forbidden();
        }

        if (row.ConcurrencyStamp != stamp)
        {
            return Result<MobilizationModel>.Invalid("", Stale);
        }

        var today = VietnamClock.Today(clock);
        var outcome = ModelRules.Check(Facts(row), new ModelStepCommand { Action = ModelAction.Resubmit, On = today, ActorUnitId = user.UnitId }, today);
        var (errors, milestones) = await ValidateAsync(user, input, row, today, ct);
        foreach (var (k, v) in outcome.Errors)
        {
            errors.Add(k, v);
        }

        if (errors.Any)
        {
            return Result<MobilizationModel>.Invalid(errors.ToDictionary());
        }

        // Milestones are updated in place by their order (the unique index on it stays satisfied at every statement).
        var existing = row.Milestones.OrderBy(m => m.Order).ToList();
        for (var i = 0; i < Math.Max(existing.Count, milestones.Count); i++)
        {
            if (i >= milestones.Count)
            {
                db.ModelMilestones.Remove(existing[i]);
            }
            else if (i >= existing.Count)
            {
                row.Milestones.Add(milestones[i]);
            }
            else
            {
                existing[i].Title = milestones[i].Title;
                existing[i].DueOn = milestones[i].DueOn;
            }
        }

        row.State = ModelStatus.Registered;
        await SetSearchTextAsync(row, ct);
        row.Steps.Add(Step(user, ModelAction.Resubmit, today, null, ModelStatus.Registered));
        return await SaveAndSyncAsync(user, row, tx, ct);
    }

    public async Task<Result<MobilizationModel>> StepAsync(UserScope user, int id, ModelStepRequest request, Guid stamp, CancellationToken ct = default)
    {
        await using var tx = await db.BeginOrJoinTransactionAsync(ct);
        var row = await db.MobilizationModels.Include(m => m.Milestones).Include(m => m.Steps).FirstOrDefaultAsync(m => m.Id == id, ct);
        if (row is null || await RefOfAsync(row, ct) is not { } reference || !ModelAccessRules.CanRead(user, reference))
        {
            return Result<MobilizationModel>.NotFound();
        }

        var allowed = request.Action switch
        {
            ModelAction.Approve or ModelAction.Return or ModelAction.Remove => ModelAccessRules.CanApprove(user, reference),
            ModelAction.Launch or ModelAction.Progress => ModelAccessRules.CanRun(user, reference),
            ModelAction.Review => ModelAccessRules.CanReview(user, reference),
            ModelAction.Recognise or ModelAction.Commend => ModelAccessRules.CanRecognise(user, reference),
            _ => false,
        };
        if (!allowed)
        {
            return Result<MobilizationModel>.Forbidden();
        }

        if (row.ConcurrencyStamp != stamp)
        {
            return Result<MobilizationModel>.Invalid("", Stale);
        }

        var today = VietnamClock.Today(clock);
        RecognitionLevel? level = null;
        var rank = 0;
        if (request.Action == ModelAction.Recognise)
        {
            level = (await LevelsInForceAsync(request.On, ct)).FirstOrDefault(l => l.Code == request.LevelCode);
            var chain = UnitPaths.Ancestors(user.UnitAncestorPath).Append(user.UnitId).ToList();
            var kinds = await db.OrgUnits.AsNoTracking().Where(u => chain.Contains(u.Id)).Select(u => new { u.Id, u.Kind }).ToDictionaryAsync(u => u.Id, u => u.Kind, ct);
            var ancestors = chain.Take(chain.Count - 1).Reverse().Where(kinds.ContainsKey).Select(i => kinds[i]).ToList();
            rank = ModelRules.GrantorRank(kinds[user.UnitId], ancestors);
        }

        var criteria = request.Action == ModelAction.Review
            ? (await CriteriaInForceAsync(request.On, row.Subject, ct)).Select(c => new CriterionPoints(c, request.Points?.GetValueOrDefault(c.Code))).ToList()
            : [];
        var outcome = ModelRules.Check(Facts(row), new ModelStepCommand
        {
            Action = request.Action, On = request.On, Note = request.Note, Score = request.Score, Criteria = criteria, Level = level, ActorUnitId = user.UnitId,
            ActorGrantRank = rank,
        }, today);
        var errors = new FieldErrors();
        foreach (var (k, v) in outcome.Errors)
        {
            errors.Add(k, v);
        }

        var note = errors.Text("Note", request.Note, 2000, "Nội dung");
        ModelMilestone? milestone = null;
        if (request.MilestoneId is { } mid)
        {
            milestone = row.Milestones.FirstOrDefault(m => m.Id == mid);
            if (milestone is null || request.Action != ModelAction.Progress)
            {
                errors.Add("MilestoneId", "Mốc đã chọn không thuộc mô hình này.");
            }
        }

        string? evidenceType = null;
        if (request.Evidence is { } file)
        {
            if (request.Action != ModelAction.Progress)
            {
                errors.Add("Evidence", "Chỉ báo cáo tiến độ mới kèm minh chứng.");
            }
            else if (file.Content.Length == 0)
            {
                errors.Add("Evidence", "Tệp minh chứng rỗng.");
            }
            else if (file.Content.Length > MaxEvidenceBytes)
            {
                errors.Add("Evidence", $"Tệp minh chứng quá lớn: tối đa {MaxEvidenceBytes / (1024 * 1024)} MB.");
            }
            else
            {
                var check = new UploadValidator(UploadLimits.From(configuration)).Check(file.Content);
                evidenceType = check.ContentType;
                if (check.Refusal("Minh chứng phải là ảnh JPEG, PNG hoặc tệp PDF, Word (.docx).", UploadKind.Pdf, UploadKind.Docx, UploadKind.Jpeg, UploadKind.Png) is { } refusal)
                {
                    errors.Add("Evidence", refusal);
                }
            }
        }

        if (errors.Any || outcome.NewState is not { } state)
        {
            return Result<MobilizationModel>.Invalid(errors.ToDictionary());
        }

        var step = Step(user, request.Action, request.On, VietnameseText.Nfc(note), state);
        step.Score = request.Action != ModelAction.Review ? null : criteria.Count > 0 ? criteria.Sum(c => c.Points!.Value) : request.Score;
        step.Scores = criteria.Select(c => new ModelReviewScore
        {
            CriterionCode = c.Criterion.Code, CriterionName = c.Criterion.Name, MaxPoints = c.Criterion.MaxPoints, Points = c.Points!.Value,
        }).ToList();
        step.LevelCode = level?.Code;
        step.MilestoneId = milestone?.Id;
        row.Steps.Add(step);
        row.State = state;
        switch (request.Action)
        {
            case ModelAction.Approve:
                row.ApprovedOn = request.On;
                break;
            case ModelAction.Launch:
                row.LaunchedOn = request.On;
                break;
            case ModelAction.Recognise:
                row.LevelCode = level!.Code;
                row.RecognisedOn = request.On;
                row.RecognisedByUnitId = user.UnitId;
                break;
            case ModelAction.Remove:
                row.RemovedOn = request.On;
                break;
        }

        if (milestone is not null)
        {
            milestone.DoneOn ??= request.On;
        }

        if (request.Evidence is { } evidence)
        {
            // The step needs its id first; the outer transaction keeps both or neither.
            var saved = await SaveAsync(row, null, ct);
            if (!saved.IsOk)
            {
                return saved;
            }

            db.ModelEvidence.Add(new ModelEvidence
            {
                StepId = step.Id, FileName = Path.GetFileName(evidence.FileName), ContentType = evidenceType!, Size = evidence.Content.Length, Content = evidence.Content,
            });
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return saved;
        }

        return request.Action == ModelAction.Return ? await SaveAndSyncAsync(user, row, tx, ct) : await SaveAsync(row, tx, ct);
    }

    /// <summary>
    /// Nhân rộng: the user's unit adopts a recognised model of another unit. The copy is a registration of its own
    /// (same entries, the timetable moved to start today), approved, run and recognised on its own; the original's
    /// timeline says where it was copied.
    /// </summary>
    public async Task<Result<MobilizationModel>> ReplicateAsync(UserScope user, int sourceId, int? registeredWithUnitId, CancellationToken ct = default)
    {
        await using var tx = await db.BeginOrJoinTransactionAsync(ct);
        var source = await db.MobilizationModels.Include(m => m.Milestones).Include(m => m.Steps).FirstOrDefaultAsync(m => m.Id == sourceId, ct);
        if (source is null || await RefOfAsync(source, ct) is not { } reference || !ModelAccessRules.CanRead(user, reference))
        {
            return Result<MobilizationModel>.NotFound();
        }

        if (ModelRules.CheckReplication(source.State, source.UnitId, user.UnitId) is { } refusal)
        {
            return Result<MobilizationModel>.Invalid("", refusal);
        }

        if (!ModelAccessRules.CanReplicate(user, reference))
        {
            return Result<MobilizationModel>.Forbidden();
        }

        await db.LockForCreateAsync($"model-replication:{sourceId}:{user.UnitId}", ct);
        if (await db.MobilizationModels.AnyAsync(m => m.ReplicatedFromId == sourceId && m.UnitId == user.UnitId && m.State != ModelStatus.Removed, ct))
        {
            return Result<MobilizationModel>.Invalid("", "Đơn vị đã đăng ký nhân rộng mô hình này.");
        }

        var bodies = await BodiesForAsync(user, ct);
        var body = registeredWithUnitId ?? source.RegisteredWithUnitId;
        if (bodies.All(b => b.Id != body))
        {
            return Result<MobilizationModel>.Invalid("RegisteredWithUnitId", "Vui lòng chọn cơ quan nhận đăng ký thuộc tỉnh.");
        }

        var today = VietnamClock.Today(clock);
        var shift = today.DayNumber - source.StartOn.DayNumber;
        var copy = new MobilizationModel
        {
            UnitId = user.UnitId, RegisteredWithUnitId = body, Kind = source.Kind, Subject = source.Subject, Year = today.Year, FieldCode = source.FieldCode,
            Name = source.Name, Situation = source.Situation, Objectives = source.Objectives, Content = source.Content, AreaAndTargets = source.AreaAndTargets,
            Forces = source.Forces, Resources = source.Resources, StartOn = today, EvaluationOn = source.EvaluationOn.AddDays(shift),
            Outputs = source.Outputs, Sustainability = source.Sustainability, RegisteredOn = today, ReplicatedFromId = source.Id,
            CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
            Milestones = source.Milestones.OrderBy(m => m.Order).Select(m => new ModelMilestone { Order = m.Order, Title = m.Title, DueOn = m.DueOn.AddDays(shift) }).ToList(),
        };
        await SetSearchTextAsync(copy, ct);
        var sourceUnit = await db.OrgUnits.Where(u => u.Id == source.UnitId).Select(u => u.Name).SingleAsync(ct);
        copy.Steps.Add(Step(user, ModelAction.Register, today, $"Nhân rộng từ mô hình của {sourceUnit}.", ModelStatus.Registered));
        db.MobilizationModels.Add(copy);
        await db.SaveChangesAsync(ct);
        var unitName = await db.OrgUnits.Where(u => u.Id == user.UnitId).Select(u => u.Name).SingleAsync(ct);
        var mark = Step(user, ModelAction.Replicated, today, $"Được nhân rộng tại {unitName}.", source.State);
        mark.RelatedModelId = copy.Id;
        source.Steps.Add(mark);
        source.ConcurrencyStamp = Guid.NewGuid();
        await db.SaveChangesAsync(ct);
        await SyncObligationsAsync(user, copy, ct);
        await tx.CommitAsync(ct);
        return Result<MobilizationModel>.Ok(copy);
    }

    /// <summary>The model as the access rules see it (its unit's and its body's paths).</summary>
    public async Task<ModelAccessRules.ModelRef?> RefOfAsync(MobilizationModel row, CancellationToken ct)
    {
        var paths = await db.OrgUnits.AsNoTracking().Where(u => u.Id == row.UnitId || u.Id == row.RegisteredWithUnitId)
            .Select(u => new { u.Id, u.AncestorPath }).ToListAsync(ct);
        var unit = paths.FirstOrDefault(p => p.Id == row.UnitId);
        var body = paths.FirstOrDefault(p => p.Id == row.RegisteredWithUnitId);
        return unit is null || body is null ? null
            : new ModelAccessRules.ModelRef(row.UnitId, unit.AncestorPath, row.RegisteredWithUnitId, body.AncestorPath, ModelRules.IsRecognised(row.State));
    }

    public static ModelFacts Facts(MobilizationModel row) => new()
    {
        State = row.State,
        UnitId = row.UnitId,
        LastStepOn = row.Steps.Count == 0 ? row.RegisteredOn : row.Steps.Where(s => s.Action != ModelAction.Replicated).Select(s => s.On).DefaultIfEmpty(row.RegisteredOn).Max(),
        Reviews = row.Steps.Count(s => s.Action == ModelAction.Review),
    };

    private async Task<Result<MobilizationModel>> SaveAsync(MobilizationModel row, TransactionExtensions.JoinedTransaction? tx, CancellationToken ct)
    {
        row.ConcurrencyStamp = Guid.NewGuid();
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Result<MobilizationModel>.Invalid("", Stale);
        }

        if (tx is not null)
        {
            await tx.CommitAsync(ct);
        }

        return Result<MobilizationModel>.Ok(row);
    }

    /// <summary>Saves the model, then the model obligations of its unit and year that it fulfils or reopens, in one transaction.</summary>
    private async Task<Result<MobilizationModel>> SaveAndSyncAsync(UserScope user, MobilizationModel row, TransactionExtensions.JoinedTransaction tx, CancellationToken ct)
    {
        var saved = await SaveAsync(row, null, ct);
        if (!saved.IsOk)
        {
            return saved;
        }

        await SyncObligationsAsync(user, row, ct);
        await tx.CommitAsync(ct);
        return saved;
    }

    private async Task SyncObligationsAsync(UserScope user, MobilizationModel row, CancellationToken ct)
    {
        await Tasks.ModelObligations.SyncUnitAsync(db, user.UserName, row.UnitId, row.Year, VietnamClock.Today(clock), clock.GetUtcNow().UtcDateTime, ct);
        await db.SaveChangesAsync(ct);
    }

    private ModelStep Step(UserScope user, ModelAction action, DateOnly on, string? note, ModelStatus after) => new()
    {
        Action = action, On = on, Note = note, StateAfter = after, ByUnitId = user.UnitId, ByUserName = user.UserName, AtUtc = clock.GetUtcNow().UtcDateTime,
    };

    private async Task SetSearchTextAsync(MobilizationModel row, CancellationToken ct)
    {
        var unit = await db.OrgUnits.AsNoTracking().Where(u => u.Id == row.UnitId).Select(u => u.Name).SingleAsync(ct);
        var field = await db.ModelFields.AsNoTracking().Where(f => f.Code == row.FieldCode).Select(f => f.Name).FirstOrDefaultAsync(ct);
        var text = VietnameseText.Fold($"{row.Name} {field} {unit} {row.AreaAndTargets}");
        row.SearchText = text.Length > 1200 ? text[..1200] : text;
    }

    /// <summary>The form's entries: lengths and dates here, the nine entries and the timetable by <see cref="ModelRules"/>; all errors at once.</summary>
    private async Task<(FieldErrors Errors, List<ModelMilestone> Milestones)> ValidateAsync(UserScope user, ModelForm input, MobilizationModel row, DateOnly today, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (!Enum.IsDefined(input.Kind))
        {
            errors.Add(nameof(input.Kind), "Vui lòng chọn mô hình hoặc điển hình.");
        }

        if (!Enum.IsDefined(input.Subject))
        {
            errors.Add(nameof(input.Subject), "Vui lòng chọn tập thể hoặc cá nhân.");
        }

        var fields = await FieldsInForceAsync(today, ct);
        if (fields.All(f => f.Code != input.FieldCode))
        {
            errors.Add(nameof(input.FieldCode), "Vui lòng chọn lĩnh vực.");
        }

        var bodies = await BodiesForAsync(user, ct);
        if (input.RegisteredWithUnitId is not { } body || bodies.All(b => b.Id != body))
        {
            errors.Add(nameof(input.RegisteredWithUnitId), "Vui lòng chọn cơ quan nhận đăng ký (Sở Nội vụ, Ban Tuyên giáo và Dân vận…) thuộc tỉnh.");
        }

        string? Long(string field, string? value, int max, string label) => errors.Text(field, VietnameseText.Nfc(value), max, label);
        var draftMilestones = new List<(string? Title, DateOnly? DueOn)>();
        for (var i = 0; i < input.Milestones.Count && i < 50; i++)
        {
            var m = input.Milestones[i];
            var title = Long("Milestones", m.Title, 300, $"Nội dung mốc {i + 1}");
            DateOnly? due = null;
            if (!string.IsNullOrWhiteSpace(m.DueOn))
            {
                if (VietnameseText.TryParseDate(m.DueOn, out var d))
                {
                    due = d;
                }
                else
                {
                    errors.Add("Milestones", $"Ngày của mốc {i + 1} không hợp lệ: nhập theo dạng ngày/tháng/năm.");
                }
            }

            draftMilestones.Add((title, due));
        }

        DateOnly? Date(string field, string? text, string label)
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                return null;
            }

            if (!VietnameseText.TryParseDate(text, out var d))
            {
                errors.Add(field, $"{label} không hợp lệ: nhập theo dạng ngày/tháng/năm, ví dụ 01/03/2026.");
                return null;
            }

            if (d.Year < today.Year - 5 || d.Year > today.Year + 10)
            {
                errors.Add(field, $"{label} quá xa hôm nay; kiểm tra lại năm.");
                return null;
            }

            return d;
        }

        var draft = new ModelDraft
        {
            Name = Long(nameof(input.Name), input.Name, 300, "Tên mô hình"),
            Situation = Long(nameof(input.Situation), input.Situation, 4000, "Thực trạng, lý do"),
            Objectives = Long(nameof(input.Objectives), input.Objectives, 4000, "Mục tiêu, tiêu chí"),
            Content = Long(nameof(input.Content), input.Content, 4000, "Nội dung, cách thức"),
            AreaAndTargets = Long(nameof(input.AreaAndTargets), input.AreaAndTargets, 4000, "Địa bàn, đối tượng"),
            Forces = Long(nameof(input.Forces), input.Forces, 4000, "Lực lượng thực hiện"),
            Resources = Long(nameof(input.Resources), input.Resources, 4000, "Nguồn lực"),
            StartOn = Date(nameof(input.StartOn), input.StartOn, "Ngày bắt đầu"),
            EvaluationOn = Date(nameof(input.EvaluationOn), input.EvaluationOn, "Ngày sơ kết, đánh giá"),
            Milestones = draftMilestones,
            Outputs = Long(nameof(input.Outputs), input.Outputs, 4000, "Sản phẩm, kết quả đầu ra"),
            Sustainability = Long(nameof(input.Sustainability), input.Sustainability, 4000, "Khả năng duy trì, nhân rộng"),
        };
        var typed = errors.ToDictionary();
        foreach (var (field, message) in ModelRules.CheckRegistration(draft))
        {
            if (!typed.ContainsKey(field))
            {
                errors.Add(field, message);
            }
        }

        if (errors.Any)
        {
            return (errors, []);
        }

        row.Kind = input.Kind;
        row.Subject = input.Subject;
        row.FieldCode = input.FieldCode!;
        row.RegisteredWithUnitId = input.RegisteredWithUnitId!.Value;
        row.Name = draft.Name!;
        row.Situation = draft.Situation!;
        row.Objectives = draft.Objectives!;
        row.Content = draft.Content!;
        row.AreaAndTargets = draft.AreaAndTargets!;
        row.Forces = draft.Forces!;
        row.Resources = draft.Resources!;
        row.StartOn = draft.StartOn!.Value;
        row.EvaluationOn = draft.EvaluationOn!.Value;
        row.Outputs = draft.Outputs!;
        row.Sustainability = draft.Sustainability!;
        var milestones = draftMilestones.Where(m => m.Title is not null || m.DueOn is not null)
            .Select((m, i) => new ModelMilestone { Order = i + 1, Title = m.Title!, DueOn = m.DueOn!.Value }).ToList();
        return (errors, milestones);
    }
}
