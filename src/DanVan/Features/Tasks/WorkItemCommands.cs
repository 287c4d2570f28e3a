using System.Globalization;
using DanVan.Data;
using DanVan.Domain.Access;
using DanVan.Domain.Text;
using DanVan.Domain.WorkItems;
using DanVan.Features.Calendar;
using DanVan.Features.FollowUp;
using DanVan.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static DanVan.Domain.Access.WorkItemAccessRules;

namespace DanVan.Features.Tasks;

public sealed record CreateWorkItemCommand(
    string? Title, string? Description, int? AssignedByUnitId, int? LeadUnitId, IReadOnlyList<int> CoUnitIds,
    int? SourceDocumentId, Schedule? Schedule, DateOnly? PeriodStart, DateOnly? PeriodEnd, ModelObligation? Models = null);

/// <summary>
/// "Xây dựng hoặc nhân rộng ít nhất <paramref name="Quota"/> mô hình “Dân vận khéo” năm <paramref name="Year"/>": the
/// lead unit's own registrations fulfil the task's deadline (ModelObligationRules); the year defaults to the deadline's.
/// </summary>
public sealed record ModelObligation(int? Quota, int? Year);

/// <summary>
/// One task for many lead units at once: an explicit list of units, all units of some kinds under the assigning unit,
/// or both; everything else is as <see cref="CreateWorkItemCommand"/> (no coordinating units).
/// </summary>
public sealed record CreateWorkItemsCommand(
    string? Title, string? Description, int? AssignedByUnitId, IReadOnlyList<int> LeadUnitIds, IReadOnlyList<LeadUnitGroup> LeadUnitGroups,
    int? SourceDocumentId, Schedule? Schedule, DateOnly? PeriodStart, DateOnly? PeriodEnd, ModelObligation? Models = null);

/// <summary>A lead unit an assignment to many units will reach.</summary>
public sealed record LeadUnitChoice(int Id, string Code, string Name);

/// <summary>What one assignment to many units created: one task per lead unit.</summary>
/// <summary>What one assignment to many units created (one task per lead unit), or would create (no ids yet) when only checked.</summary>
public sealed record BulkAssignment(string Title, int Count, IReadOnlyList<int> WorkItemIds, Guid? BatchId = null);

public sealed record ReportProgressCommand(
    int DeadlineId, int? Progress, string? Note, bool Completes, DateOnly? CompletedOn, Documents.UploadedFile? Evidence = null);

/// <summary>Assigning tasks (deadlines generated from the schedule) and reporting on them.</summary>
public sealed class WorkItemCommands(AppDbContext db, CalendarCommands calendar, TimeProvider clock, IConfiguration? configuration = null)
{
    public long MaxEvidenceBytes => configuration?.GetValue("Tasks:MaxEvidenceBytes", 10L * 1024 * 1024) ?? 10L * 1024 * 1024;

    /// <summary>Recurring tasks get their deadlines for at most this many years at once.</summary>
    public const int MaxPeriodYears = 5;

    public async Task<Result<WorkItem>> CreateAsync(UserScope user, CreateWorkItemCommand cmd, CancellationToken ct = default)
    {
        var errors = new FieldErrors();
        var assignedById = cmd.AssignedByUnitId ?? user.UnitId;
        var unitIds = new[] { assignedById }.Concat(cmd.LeadUnitId is { } l ? [l] : []).Concat(cmd.CoUnitIds).Distinct().ToList();
        var units = await db.OrgUnits.AsNoTracking().Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, ct);
        if (!units.TryGetValue(assignedById, out var assignedBy))
        {
            return Result<WorkItem>.NotFound();
        }

        if (cmd.LeadUnitId is null || !units.TryGetValue(cmd.LeadUnitId.Value, out var lead))
        {
            errors.Add("LeadUnitId", "Vui lòng chọn đơn vị chủ trì.");
            lead = null;
        }
        else if (!CanAssign(user, new UnitRef(assignedBy.Id, assignedBy.AncestorPath), new UnitRef(lead.Id, lead.AncestorPath)))
        {
            return Result<WorkItem>.Forbidden();
        }
        else if (lead.ValidTo is not null)
        {
            errors.Add("LeadUnitId", "Đơn vị chủ trì đã ngừng hoạt động.");
        }

        var coUnits = cmd.CoUnitIds.Distinct().Where(id => id != cmd.LeadUnitId).ToList();
        if (coUnits.Any(id => !units.TryGetValue(id, out var u) || !(user.IsAdmin || user.CanSee(u.AncestorPath, u.Id))))
        {
            errors.Add("CoUnitIds", "Có đơn vị phối hợp không tồn tại hoặc ngoài phạm vi của bạn.");
        }

        var template = await TemplateAsync(cmd.Title, cmd.Description, cmd.SourceDocumentId, cmd.Schedule, cmd.PeriodStart, cmd.PeriodEnd, cmd.Models, errors, ct);
        if (errors.Any || template is null)
        {
            return Result<WorkItem>.Invalid(errors.ToDictionary());
        }

        var item = NewWorkItem(template, assignedBy.Id, lead!.Id, clock.GetUtcNow().UtcDateTime);
        await using var tx = await db.BeginOrJoinTransactionAsync(ct);
        db.WorkItems.Add(item);
        await db.SaveChangesAsync(ct);
        db.WorkItemCoUnits.AddRange(coUnits.Select(id => new WorkItemCoUnit { WorkItemId = item.Id, UnitId = id }));
        db.WorkItemDeadlines.AddRange(DeadlinesOf(item, template));
        await db.SaveChangesAsync(ct);
        await SyncModelObligationsAsync(user, [item], ct);
        await tx.CommitAsync(ct);
        return Result<WorkItem>.Ok(item);
    }

    /// <summary>At most this many lead units in one assignment to many units.</summary>
    public const int MaxLeadUnits = 5000;

    private static readonly string MaxLeadUnitsText = MaxLeadUnits.ToString("#,0", CultureInfo.GetCultureInfo("vi-VN"));

    /// <summary>
    /// Giao nhiệm vụ cho nhiều đơn vị: the same task (title, description, schedule, source document, assigning unit)
    /// for every lead unit chosen, each with its own deadlines generated as <see cref="CreateAsync"/> generates them,
    /// in one transaction with one audit summary. Every refused unit is named at once and nothing is saved.
    /// </summary>
    public Task<Result<BulkAssignment>> CreateManyAsync(UserScope user, CreateWorkItemsCommand cmd, CancellationToken ct = default) =>
        ManyAsync(user, cmd, save: true, ct);

    /// <summary>Checks an assignment to many units as <see cref="CreateManyAsync"/> does and says how many units it reaches, saving nothing.</summary>
    public Task<Result<BulkAssignment>> PreviewManyAsync(UserScope user, CreateWorkItemsCommand cmd, CancellationToken ct = default) =>
        ManyAsync(user, cmd, save: false, ct);

    private async Task<Result<BulkAssignment>> ManyAsync(UserScope user, CreateWorkItemsCommand cmd, bool save, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var leads = await ResolveLeadUnitsAsync(user, cmd.AssignedByUnitId, cmd.LeadUnitIds, cmd.LeadUnitGroups, ct);
        if (!leads.IsOk && leads.Status != ResultStatus.Invalid)
        {
            return leads.Status == ResultStatus.NotFound ? Result<BulkAssignment>.NotFound() : Result<BulkAssignment>.Forbidden();
        }

        foreach (var (field, messages) in leads.Errors)
        {
            foreach (var m in messages)
            {
                errors.Add(field, m);
            }
        }

        var template = await TemplateAsync(cmd.Title, cmd.Description, cmd.SourceDocumentId, cmd.Schedule, cmd.PeriodStart, cmd.PeriodEnd, cmd.Models, errors, ct);
        if (errors.Any || template is null || leads.Value is not { } units)
        {
            return Result<BulkAssignment>.Invalid(errors.ToDictionary());
        }

        if (!save)
        {
            return Result<BulkAssignment>.Ok(new BulkAssignment(template.Title, units.Count, []));
        }

        var assignedById = cmd.AssignedByUnitId ?? user.UnitId;
        var now = clock.GetUtcNow().UtcDateTime;
        var batch = Guid.NewGuid();
        var items = units.Select(u => NewWorkItem(template, assignedById, u.Id, now)).ToList();
        items.ForEach(i => i.BatchId = batch);
        await using var tx = await db.BeginOrJoinTransactionAsync(ct);
        db.BulkAuditSummary = $"Giao nhiệm vụ “{template.Title}” cho {items.Count} đơn vị";
        db.WorkItems.AddRange(items);
        foreach (var item in items)
        {
            // The task's key is still EF's temporary value: the deadline points at it and EF fixes it up in the one save.
            var itemId = db.Entry(item).Property(i => i.Id).CurrentValue;
            foreach (var deadline in DeadlinesOf(item, template))
            {
                db.WorkItemDeadlines.Add(deadline);
                db.Entry(deadline).Property(d => d.WorkItemId).CurrentValue = itemId;
            }
        }

        await db.SaveChangesAsync(ct);
        await SyncModelObligationsAsync(user, items, ct);
        await tx.CommitAsync(ct);
        return Result<BulkAssignment>.Ok(new BulkAssignment(template.Title, items.Count, items.Select(i => i.Id).ToList(), batch));
    }

    /// <summary>
    /// The lead units an assignment to many units reaches, read in one query (ADR-007): the units listed, plus the
    /// active units of the groups chosen within the assigning unit's province and the user's scope. Invalid, naming
    /// every unit refused by <see cref="WorkItemAccessRules.CanAssign"/> or no longer active, when any is.
    /// </summary>
    public async Task<Result<IReadOnlyList<LeadUnitChoice>>> ResolveLeadUnitsAsync(
        UserScope user, int? assignedByUnitId, IReadOnlyList<int> leadUnitIds, IReadOnlyList<LeadUnitGroup> groups, CancellationToken ct = default)
    {
        const string field = "LeadUnitIds";
        var assignedById = assignedByUnitId ?? user.UnitId;
        var assignedBy = await db.OrgUnits.AsNoTracking().Where(u => u.Id == assignedById).Select(u => new { u.Id, u.AncestorPath }).FirstOrDefaultAsync(ct);
        if (assignedBy is null)
        {
            return Result<IReadOnlyList<LeadUnitChoice>>.NotFound();
        }

        var from = new UnitRef(assignedBy.Id, assignedBy.AncestorPath);
        if (!CanAssign(user, from, from))
        {
            return Result<IReadOnlyList<LeadUnitChoice>>.Forbidden(); // not a role that assigns, or not on behalf of this unit
        }

        var ids = leadUnitIds.Distinct().ToList();
        var kinds = groups.Where(g => Enum.IsDefined(g)).Distinct().SelectMany(LeadUnitGroups.Kinds).Distinct().ToList();
        if (ids.Count == 0 && kinds.Count == 0)
        {
            return Result<IReadOnlyList<LeadUnitChoice>>.Invalid(field, "Vui lòng chọn ít nhất một đơn vị chủ trì.");
        }

        if (ids.Count > MaxLeadUnits)
        {
            return Result<IReadOnlyList<LeadUnitChoice>>.Invalid(field, $"Mỗi lần giao cho tối đa {MaxLeadUnitsText} đơn vị; hãy chia thành nhiều lần.");
        }

        // Units of a kind: under the assigning unit's province, narrowed to the user's own scope when that is smaller.
        var root = Units.UnitSets.KindRoot(user, assignedBy.AncestorPath, assignedBy.Id);
        var (units, missing) = await Units.UnitSets.ReadAsync(db, ids, kinds, root, MaxLeadUnits, ct);

        var errors = new FieldErrors();
        if (units.Count > MaxLeadUnits)
        {
            errors.Add(field, $"Mỗi lần giao cho tối đa {MaxLeadUnitsText} đơn vị; hãy chia thành nhiều lần.");
        }

        if (missing > 0)
        {
            errors.Add(field, $"Không tìm thấy {missing} đơn vị đã chọn.");
        }

        if (units.Count == 0 && missing == 0)
        {
            errors.Add(field, "Không có đơn vị nào thuộc loại đã chọn dưới đơn vị giao nhiệm vụ.");
        }

        var refused = units.Where(u => !CanAssign(user, from, new UnitRef(u.Id, u.AncestorPath))).ToList();
        if (refused.Count > 0)
        {
            errors.Add(field, $"Không thể giao nhiệm vụ cho {refused.Count} đơn vị ngoài phạm vi của bạn: {string.Join("; ", refused.Select(u => $"{u.Name} ({u.Code})"))}.");
        }

        var closed = units.Where(u => u.Closed).Except(refused).ToList();
        if (closed.Count > 0)
        {
            errors.Add(field, $"Đơn vị đã ngừng hoạt động: {string.Join("; ", closed.Select(u => $"{u.Name} ({u.Code})"))}.");
        }

        return errors.Any
            ? Result<IReadOnlyList<LeadUnitChoice>>.Invalid(errors.ToDictionary())
            : Result<IReadOnlyList<LeadUnitChoice>>.Ok(units.Select(u => new LeadUnitChoice(u.Id, u.Code, u.Name)).ToList());
    }

    /// <summary>What every task of one assignment shares: its text, source document, schedule and deadlines.</summary>
    private sealed record WorkItemTemplate(string Title, string? Description, int? SourceDocumentId, Schedule Schedule, DateOnly Start, IReadOnlyList<DateOnly> DueDates,
        int? ModelQuota = null, int? ModelYear = null);

    /// <summary>
    /// Checks the title, description, source document and schedule and generates the deadlines, the same for one lead
    /// unit or for many; null (with the reasons in <paramref name="errors"/>) when anything is wrong.
    /// </summary>
    private async Task<WorkItemTemplate?> TemplateAsync(
        string? title0, string? description, int? sourceDocumentId, Schedule? scheduleIn, DateOnly? periodStart, DateOnly? periodEnd,
        ModelObligation? models, FieldErrors errors, CancellationToken ct)
    {
        var title = VietnameseText.Nfc(title0?.Trim());
        if (string.IsNullOrEmpty(title))
        {
            errors.Add("Title", "Vui lòng nhập nội dung nhiệm vụ.");
        }
        else if (title.Length > 500)
        {
            errors.Add("Title", "Nội dung nhiệm vụ không quá 500 ký tự (chi tiết ghi ở phần mô tả).");
        }

        if (description is { Length: > 4000 })
        {
            errors.Add("Description", "Mô tả không quá 4.000 ký tự.");
        }

        DateOnly? issuedOn = null;
        if (sourceDocumentId is { } docId)
        {
            var doc = await db.Documents.AsNoTracking().Where(d => d.Id == docId).Select(d => new { d.IssuedOn }).FirstOrDefaultAsync(ct);
            if (doc is null)
            {
                errors.Add("SourceDocumentId", "Không tìm thấy văn bản giao nhiệm vụ.");
            }

            issuedOn = doc?.IssuedOn;
        }

        var today = VietnamClock.Today(clock);
        var start = periodStart ?? issuedOn ?? today;
        List<DateOnly> dueDates = [];
        if (scheduleIn is not { } schedule)
        {
            errors.Add("Schedule", "Vui lòng chọn thời hạn.");
        }
        else if (schedule.Validate() is { } scheduleError)
        {
            errors.Add("Schedule", scheduleError);
        }
        else
        {
            var end = schedule.Kind switch
            {
                RecurrenceKind.Once => schedule.Date!.Value,
                RecurrenceKind.WorkingDaysAfter => start.AddYears(2),
                _ => periodEnd ?? new DateOnly(start.Year, 12, 31),
            };
            if (end < start)
            {
                errors.Add("PeriodEnd", issuedOn is not null && end < issuedOn
                    ? $"Hạn hoàn thành không thể trước ngày ban hành văn bản ({VietnameseText.FormatDate(issuedOn)})."
                    : $"Hạn hoàn thành ({VietnameseText.FormatDate(end)}) không thể trước ngày bắt đầu tính hạn ({VietnameseText.FormatDate(start)}).");
            }
            else if (end.Year - start.Year >= MaxPeriodYears)
            {
                errors.Add("PeriodEnd", $"Mỗi lần giao chỉ tạo hạn cho tối đa {MaxPeriodYears} năm.");
            }
            else
            {
                var cal = await calendar.LoadAsync(start, end.AddYears(1), ct);
                dueDates = schedule.Occurrences(start, schedule.Kind == RecurrenceKind.WorkingDaysAfter ? end.AddYears(1) : end, cal).ToList();
                if (dueDates.Count == 0)
                {
                    errors.Add("Schedule", "Không có hạn nào rơi vào khoảng thời gian đã chọn.");
                }
                else if (issuedOn is { } issued && dueDates[0] < issued)
                {
                    errors.Add("Schedule", $"Hạn hoàn thành không thể trước ngày ban hành văn bản ({VietnameseText.FormatDate(issued)}).");
                }
            }
        }

        int? modelYear = null;
        if (models is not null)
        {
            if (models.Quota is null)
            {
                errors.Add("ModelQuota", "Vui lòng ghi số mô hình mỗi đơn vị phải đăng ký.");
            }
            else if (dueDates.Count > 0)
            {
                modelYear = models.Year ?? dueDates[0].Year;
                foreach (var (field, message) in Domain.Models.ModelObligationRules.Check(models.Quota.Value, modelYear.Value, dueDates.Count == 1, dueDates[0]))
                {
                    errors.Add(field, message);
                }
            }
        }

        return errors.Any ? null : new WorkItemTemplate(title!, VietnameseText.Optional(description), sourceDocumentId, scheduleIn!, start, dueDates, models?.Quota, modelYear);
    }

    /// <summary>Model obligations just assigned are done at once for units that already registered enough models of the year.</summary>
    private async Task SyncModelObligationsAsync(UserScope user, IReadOnlyList<WorkItem> items, CancellationToken ct)
    {
        if (items.Any(i => i.ModelQuota is not null))
        {
            await ModelObligations.SyncAssignedAsync(db, user.UserName, items, VietnamClock.Today(clock), clock.GetUtcNow().UtcDateTime, ct);
            if (items.Count > 1 && db.ChangeTracker.HasChanges())
            {
                db.BulkAuditSummary = $"Nhiệm vụ “{items[0].Title}”: hoàn thành ngay cho các đơn vị đã đăng ký đủ mô hình năm {items[0].ModelYear}";
            }

            await db.SaveChangesAsync(ct);
        }
    }

    private static WorkItem NewWorkItem(WorkItemTemplate t, int assignedById, int leadId, DateTime now) => new()
    {
        Title = t.Title,
        Description = t.Description,
        AssignedByUnitId = assignedById,
        LeadUnitId = leadId,
        SourceDocumentId = t.SourceDocumentId,
        Recurrence = t.Schedule.Kind,
        RecurDay = t.Schedule.Day,
        RecurMonth = t.Schedule.Month,
        RecurAnchor = t.Schedule.Anchor,
        PeriodStart = t.Start < t.DueDates[0] ? t.Start : t.DueDates[0],
        PeriodEnd = t.DueDates[^1],
        CreatedAtUtc = now,
        SearchText = VietnameseText.Fold(t.Title),
        ModelQuota = t.ModelQuota,
        ModelYear = t.ModelYear,
    };

    private static IEnumerable<WorkItemDeadline> DeadlinesOf(WorkItem item, WorkItemTemplate t) => t.DueDates.Select(d => new WorkItemDeadline
    {
        WorkItemId = item.Id, LeadUnitId = item.LeadUnitId, AssignedByUnitId = item.AssignedByUnitId, DueOn = d, OriginalDueOn = d, LastUpdatedAtUtc = item.CreatedAtUtc,
    });

    /// <summary>
    /// A progress report, or a completion report: the completion waits for the assigning unit to confirm it
    /// (<see cref="ConfirmCompletionAsync"/>) and counts as not done until then (ADR-013).
    /// </summary>
    public const int MaxCommentLength = 2000;

    /// <summary>
    /// A comment on a deadline (trao đổi), kept in its history with who and when; progress, state and the last
    /// update stay as they were. Refused for a withdrawn task and for those who may only read it.
    /// </summary>
    public async Task<Result<WorkItemUpdate>> CommentAsync(UserScope user, int deadlineId, string? text, CancellationToken ct = default)
    {
        var deadline = await db.WorkItemDeadlines.AsNoTracking().FirstOrDefaultAsync(d => d.Id == deadlineId, ct);
        if (deadline is null)
        {
            return Result<WorkItemUpdate>.NotFound();
        }

        var item = await db.WorkItems.AsNoTracking().FirstAsync(w => w.Id == deadline.WorkItemId, ct);
        var coIds = await db.WorkItemCoUnits.AsNoTracking().Where(c => c.WorkItemId == item.Id).Select(c => c.UnitId).ToListAsync(ct);
        var ids = coIds.Append(item.LeadUnitId).Append(item.AssignedByUnitId).Distinct().ToList();
        var paths = await db.OrgUnits.AsNoTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.AncestorPath, ct);
        UnitRef Ref(int id) => new(id, paths[id]);
        if (!WorkItemAccessRules.CanRead(user, Ref(item.LeadUnitId), Ref(item.AssignedByUnitId), coIds.Select(Ref)))
        {
            return Result<WorkItemUpdate>.NotFound();
        }

        if (!WorkItemAccessRules.CanComment(user, Ref(item.LeadUnitId), Ref(item.AssignedByUnitId), coIds.Select(Ref)) || item.WithdrawnAtUtc is not null)
        {
            return Result<WorkItemUpdate>.Forbidden();
        }

        var errors = new FieldErrors();
        var clean = errors.RequiredText("Comment", VietnameseText.Nfc(text), MaxCommentLength, "nội dung trao đổi");
        if (errors.Any)
        {
            return Result<WorkItemUpdate>.Invalid(errors.ToDictionary());
        }

        var update = new WorkItemUpdate
        {
            DeadlineId = deadline.Id, AtUtc = clock.GetUtcNow().UtcDateTime, UserName = user.UserName, Progress = deadline.Progress,
            Note = clean!, Kind = WorkItemUpdateKind.Comment,
        };
        db.WorkItemUpdates.Add(update);
        await db.SaveChangesAsync(ct);
        return Result<WorkItemUpdate>.Ok(update);
    }

    public async Task<Result<WorkItemDeadline>> ReportAsync(UserScope user, ReportProgressCommand cmd, CancellationToken ct = default)
    {
        var errors = new FieldErrors();
        string? evidenceType = null;
        if (cmd.Evidence is { } file)
        {
            if (file.Content.Length > MaxEvidenceBytes)
            {
                errors.Add("Evidence", $"Tệp minh chứng quá lớn: tối đa {MaxEvidenceBytes / (1024 * 1024)} MB.");
            }
            else
            {
                var check = new UploadValidator(UploadLimits.From(configuration)).Check(file.Content);
                evidenceType = check.ContentType;
                if (check.Refusal("Minh chứng phải là tệp PDF, Word (.docx) hoặc ảnh JPEG, PNG.", UploadKind.Pdf, UploadKind.Docx, UploadKind.Jpeg, UploadKind.Png) is { } refusal)
                {
                    errors.Add("Evidence", refusal);
                }
            }
        }

        await using var tx = await db.BeginOrJoinTransactionAsync(ct);
        await db.LockForCreateAsync($"deadline-completion:{cmd.DeadlineId}", ct);
        var deadline = await db.WorkItemDeadlines.FirstOrDefaultAsync(d => d.Id == cmd.DeadlineId, ct);
        if (deadline is null)
        {
            return Result<WorkItemDeadline>.NotFound();
        }

        var lead = await db.OrgUnits.AsNoTracking().FirstAsync(u => u.Id == deadline.LeadUnitId, ct);
        if (!CanReport(user, new UnitRef(lead.Id, lead.AncestorPath)))
        {
            return Result<WorkItemDeadline>.Forbidden();
        }

        var today = VietnamClock.Today(clock);
        var progress = cmd.Completes ? 100 : cmd.Progress;
        if (progress is not (>= 0 and <= 100))
        {
            errors.Add("Progress", "Tiến độ là số phần trăm từ 0 đến 100.");
        }

        var note = VietnameseText.Nfc(cmd.Note?.Trim());
        if (string.IsNullOrEmpty(note))
        {
            errors.Add("Note", "Vui lòng ghi kết quả đã thực hiện.");
        }
        else if (note.Length > CompletionRules.MaxNoteLength)
        {
            errors.Add("Note", "Nội dung báo cáo không quá 2.000 ký tự.");
        }

        var completedOn = cmd.Completes ? cmd.CompletedOn ?? today : (DateOnly?)null;
        if (completedOn is { } reportedOn)
        {
            var lastProgressAtUtc = await db.WorkItemUpdates.AsNoTracking()
                .Where(u => u.DeadlineId == deadline.Id && u.Kind == WorkItemUpdateKind.Progress)
                .OrderByDescending(u => u.Id).Select(u => (DateTime?)u.AtUtc).FirstOrDefaultAsync(ct);
            DateOnly? lastProgressOn = lastProgressAtUtc is { } at ? DateOnly.FromDateTime(VietnamClock.ToLocal(at)) : null;
            foreach (var message in CompletionRules.CheckCompletionDate(reportedOn, today, lastProgressOn))
            {
                errors.Add("CompletedOn", message);
            }
        }

        var stage = CompletionRules.StageOf(deadline.CompletedOn, deadline.ReportedCompletedOn);
        if (CompletionRules.Refusal(stage, cmd.Completes ? CompletionAction.ReportCompletion : CompletionAction.ReportProgress, deadline.CompletedOn, deadline.ReportedCompletedOn) is { } refused)
        {
            errors.Add("", refused);
        }
        else if (cmd.Completes && await db.WorkItems.AnyAsync(w => w.Id == deadline.WorkItemId && w.ModelQuota != null, ct))
        {
            errors.Add("", "Nhiệm vụ này hoàn thành khi đơn vị đăng ký đủ số mô hình “Dân vận khéo” trên DanVan (mục Mô hình “Dân vận khéo”), không cần báo cáo hoàn thành.");
        }

        if (errors.Any)
        {
            return Result<WorkItemDeadline>.Invalid(errors.ToDictionary());
        }

        var now = clock.GetUtcNow().UtcDateTime;
        deadline.Progress = progress!.Value;
        deadline.ReportedCompletedOn = completedOn;
        deadline.CompletionReportedAtUtc = completedOn is null ? null : now;
        deadline.LastUpdatedAtUtc = now;
        var update = new WorkItemUpdate
        {
            DeadlineId = deadline.Id, AtUtc = now, UserName = user.UserName, Progress = progress.Value, Note = note!, Completes = cmd.Completes,
            Kind = cmd.Completes ? WorkItemUpdateKind.CompletionReported : WorkItemUpdateKind.Progress, CompletedOn = completedOn,
        };
        db.WorkItemUpdates.Add(update);
        await db.SaveChangesAsync(ct);
        if (cmd.Evidence is { } evidence)
        {
            db.WorkItemEvidence.Add(new WorkItemEvidence
            {
                UpdateId = update.Id, FileName = Path.GetFileName(evidence.FileName), ContentType = evidenceType!, Size = evidence.Content.Length, Content = evidence.Content,
            });
        }

        if (completedOn is { } reported)
        {
            var item = await db.WorkItems.AsNoTracking().Where(w => w.Id == deadline.WorkItemId).Select(w => new { w.Title, w.AssignedByUnitId }).FirstAsync(ct);
            var assignedBy = await db.OrgUnits.AsNoTracking().FirstAsync(u => u.Id == item.AssignedByUnitId, ct);
            var recipients = (await ConfirmersOfAsync(assignedBy, ct)).Where(id => id != user.UserId);
            NotificationOutbox.Add(db, recipients, today, $"task-update:{update.Id}",
                $"Chờ xác nhận hoàn thành: {item.Title}",
                $"{lead.Name} báo cáo hoàn thành ngày {VietnameseText.FormatDate(reported)} (hạn {VietnameseText.FormatDate(deadline.DueOn)}), người báo cáo {user.UserName}. "
                + "Nhiệm vụ chỉ tính là hoàn thành khi đơn vị giao xác nhận.",
                $"/Tasks/Details/{deadline.Id}", now);
        }

        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return Result<WorkItemDeadline>.Ok(deadline);
    }

    /// <summary>
    /// Xác nhận hoàn thành: the assigning unit vouches for the reported completion date; the deadline is done, on time
    /// iff that date is on or before the due date.
    /// </summary>
    public Task<Result<WorkItemDeadline>> ConfirmCompletionAsync(UserScope user, int deadlineId, string? note, CancellationToken ct = default) =>
        DecideCompletionAsync(user, deadlineId, confirm: true, note, ct);

    /// <summary>Trả lại: the reported completion is refused, with a reason the lead unit reads; back to in progress.</summary>
    public Task<Result<WorkItemDeadline>> ReturnCompletionAsync(UserScope user, int deadlineId, string? reason, CancellationToken ct = default) =>
        DecideCompletionAsync(user, deadlineId, confirm: false, reason, ct);

    private async Task<Result<WorkItemDeadline>> DecideCompletionAsync(UserScope user, int deadlineId, bool confirm, string? text, CancellationToken ct)
    {
        await using var tx = await db.BeginOrJoinTransactionAsync(ct);
        await db.LockForCreateAsync($"deadline-completion:{deadlineId}", ct);
        var deadline = await db.WorkItemDeadlines.FirstOrDefaultAsync(d => d.Id == deadlineId, ct);
        if (deadline is null)
        {
            return Result<WorkItemDeadline>.NotFound();
        }

        var item = await db.WorkItems.AsNoTracking().Where(w => w.Id == deadline.WorkItemId).Select(w => new { w.Title, w.AssignedByUnitId }).FirstAsync(ct);
        var assignedBy = await db.OrgUnits.AsNoTracking().FirstAsync(u => u.Id == item.AssignedByUnitId, ct);
        var assignedByRef = new UnitRef(assignedBy.Id, assignedBy.AncestorPath);
        if (!CanDecide(user, assignedByRef))
        {
            return Result<WorkItemDeadline>.Forbidden();
        }

        var errors = new FieldErrors();
        var stage = CompletionRules.StageOf(deadline.CompletedOn, deadline.ReportedCompletedOn);
        if (CompletionRules.Refusal(stage, confirm ? CompletionAction.Confirm : CompletionAction.Return, deadline.CompletedOn, deadline.ReportedCompletedOn) is { } refused)
        {
            return Result<WorkItemDeadline>.Invalid("", refused);
        }

        var history = await db.WorkItemUpdates.AsNoTracking().Where(u => u.DeadlineId == deadlineId)
            .OrderByDescending(u => u.Id).Select(u => new { u.Kind, u.UserName, u.Progress }).Take(200).ToListAsync(ct);
        var reportedBy = history.FirstOrDefault(h => h.Kind == WorkItemUpdateKind.CompletionReported)?.UserName;
        if (!CanConfirmCompletion(user, assignedByRef, reportedBy))
        {
            errors.Add("", "Người đã báo cáo hoàn thành không tự xác nhận hoặc trả lại báo cáo của mình; cần một người khác của đơn vị giao.");
        }

        var field = confirm ? "ConfirmNote" : "ReturnReason";
        var clean = confirm
            ? errors.Text(field, VietnameseText.Nfc(text), CompletionRules.MaxNoteLength, "Ý kiến xác nhận")
            : errors.RequiredText(field, VietnameseText.Nfc(text), CompletionRules.MaxNoteLength, "lý do trả lại");
        if (errors.Any)
        {
            return Result<WorkItemDeadline>.Invalid(errors.ToDictionary());
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var today = VietnamClock.Today(clock);
        var reportedOn = deadline.ReportedCompletedOn!.Value;
        var lastProgress = history.FirstOrDefault(h => h.Kind == WorkItemUpdateKind.Progress)?.Progress;
        if (confirm)
        {
            deadline.CompletedOn = reportedOn;
            deadline.Progress = 100;
        }
        else
        {
            deadline.Progress = CompletionRules.ProgressAfterReturn(lastProgress);
        }

        deadline.ReportedCompletedOn = null;
        deadline.CompletionReportedAtUtc = null;
        deadline.LastUpdatedAtUtc = now;
        var update = new WorkItemUpdate
        {
            DeadlineId = deadline.Id, AtUtc = now, UserName = user.UserName, Progress = deadline.Progress, CompletedOn = reportedOn,
            Kind = confirm ? WorkItemUpdateKind.CompletionConfirmed : WorkItemUpdateKind.CompletionReturned,
            Note = string.IsNullOrEmpty(clean) ? "Xác nhận hoàn thành." : clean,
        };
        db.WorkItemUpdates.Add(update);
        await db.SaveChangesAsync(ct);

        var leadName = await db.OrgUnits.AsNoTracking().Where(u => u.Id == deadline.LeadUnitId).Select(u => u.Name).FirstAsync(ct);
        var recipients = (await ReportersOfAsync(deadline.LeadUnitId, reportedBy, ct)).Where(id => id != user.UserId);
        var verdict = confirm
            ? (CompletionRules.OnTime(deadline.DueOn, reportedOn) ? "hoàn thành đúng hạn" : "hoàn thành quá hạn")
            : "trả lại, tiếp tục thực hiện";
        NotificationOutbox.Add(db, recipients, today, $"task-update:{update.Id}",
            (confirm ? "Đã xác nhận hoàn thành: " : "Báo cáo hoàn thành bị trả lại: ") + item.Title,
            $"{assignedBy.Name} ({user.UserName}) {(confirm ? "xác nhận" : "trả lại")} báo cáo hoàn thành ngày {VietnameseText.FormatDate(reportedOn)} của {leadName}: {verdict}."
            + (confirm ? "" : $" Lý do: {clean}"),
            $"/Tasks/Details/{deadline.Id}", now);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return Result<WorkItemDeadline>.Ok(deadline);
    }

    /// <summary>
    /// Who is told that a completion waits for confirmation: the assigning unit's heads and coordinators; when it has
    /// none in DanVan (a province's People's Committee), the coordinators whose province holds it.
    /// </summary>
    private async Task<List<string>> ConfirmersOfAsync(Domain.Units.OrgUnit assignedBy, CancellationToken ct)
    {
        var managers = await (from u in db.Users.AsNoTracking()
                              join ur in db.UserRoles on u.Id equals ur.UserId
                              join r in db.Roles on ur.RoleId equals r.Id
                              where r.Name == Roles.Coordinator || (r.Name == Roles.UnitHead && u.OrgUnitId == assignedBy.Id)
                              join o in db.OrgUnits on u.OrgUnitId equals o.Id
                              select new { u.Id, u.UserName, Role = r.Name!, o.AncestorPath, OrgUnitId = o.Id }).ToListAsync(ct);
        var own = managers.Where(m => m.OrgUnitId == assignedBy.Id).Select(m => m.Id).ToList();
        return own.Count > 0
            ? own
            : managers.Where(m => m.Role == Roles.Coordinator
                                  && UserScope.For(m.Id, m.UserName ?? "", m.Role, m.OrgUnitId, m.AncestorPath).CanSee(assignedBy.AncestorPath, assignedBy.Id))
                .Select(m => m.Id).ToList();
    }

    /// <summary>Who is told of a confirmation or return: the lead unit's officers and heads, and whoever reported.</summary>
    private async Task<List<string>> ReportersOfAsync(int leadUnitId, string? reportedBy, CancellationToken ct)
    {
        var staff = await (from u in db.Users.AsNoTracking()
                           where u.OrgUnitId == leadUnitId || u.UserName == reportedBy
                           join ur in db.UserRoles on u.Id equals ur.UserId
                           join r in db.Roles on ur.RoleId equals r.Id
                           where u.UserName == reportedBy || r.Name == Roles.UnitOfficer || r.Name == Roles.UnitHead
                           select u.Id).Distinct().ToListAsync(ct);
        return staff;
    }

    public async Task<Result<ExtensionRequest>> RequestExtensionAsync(UserScope user, int deadlineId, DateOnly? requestedDueOn, string? reason, CancellationToken ct = default)
    {
        var deadline = await db.WorkItemDeadlines.AsNoTracking().FirstOrDefaultAsync(d => d.Id == deadlineId, ct);
        if (deadline is null)
        {
            return Result<ExtensionRequest>.NotFound();
        }

        var lead = await db.OrgUnits.AsNoTracking().FirstAsync(u => u.Id == deadline.LeadUnitId, ct);
        if (!CanReport(user, new UnitRef(lead.Id, lead.AncestorPath)))
        {
            return Result<ExtensionRequest>.Forbidden();
        }

        var errors = new FieldErrors();
        if (deadline.CompletedOn is not null)
        {
            errors.Add("", "Nhiệm vụ đã hoàn thành, không cần gia hạn.");
        }
        else if (await db.ExtensionRequests.AnyAsync(r => r.DeadlineId == deadlineId && r.Status == ExtensionStatus.Pending, ct))
        {
            errors.Add("", "Đã có một đề nghị gia hạn đang chờ quyết định.");
        }

        if (requestedDueOn is not { } until)
        {
            errors.Add("RequestedDueOn", "Vui lòng nhập hạn mới đề nghị.");
        }
        else if (until <= deadline.DueOn)
        {
            errors.Add("RequestedDueOn", $"Hạn mới phải sau hạn hiện tại ({VietnameseText.FormatDate(deadline.DueOn)}).");
        }
        else if (until > deadline.DueOn.AddYears(1))
        {
            errors.Add("RequestedDueOn", "Chỉ đề nghị gia hạn tối đa một năm.");
        }

        var text = VietnameseText.Nfc(reason?.Trim());
        if (string.IsNullOrEmpty(text))
        {
            errors.Add("Reason", "Vui lòng nêu lý do xin gia hạn.");
        }
        else if (text.Length > 2000)
        {
            errors.Add("Reason", "Lý do không quá 2.000 ký tự.");
        }

        if (errors.Any)
        {
            return Result<ExtensionRequest>.Invalid(errors.ToDictionary());
        }

        var request = new ExtensionRequest
        {
            DeadlineId = deadlineId, RequestedDueOn = requestedDueOn!.Value, Reason = text!, RequestedBy = user.UserName,
            RequestedAtUtc = clock.GetUtcNow().UtcDateTime,
        };
        db.ExtensionRequests.Add(request);
        await db.SaveChangesAsync(ct);
        return Result<ExtensionRequest>.Ok(request);
    }

    /// <summary>The assigning unit approves (the deadline moves) or refuses a pending request.</summary>
    public async Task<Result<ExtensionRequest>> DecideExtensionAsync(UserScope user, int requestId, bool approve, string? note, CancellationToken ct = default)
    {
        var request = await db.ExtensionRequests.FirstOrDefaultAsync(r => r.Id == requestId, ct);
        if (request is null)
        {
            return Result<ExtensionRequest>.NotFound();
        }

        var deadline = await db.WorkItemDeadlines.FirstAsync(d => d.Id == request.DeadlineId, ct);
        var assignedById = await db.WorkItems.Where(w => w.Id == deadline.WorkItemId).Select(w => w.AssignedByUnitId).FirstAsync(ct);
        var assignedBy = await db.OrgUnits.AsNoTracking().FirstAsync(u => u.Id == assignedById, ct);
        if (!CanDecide(user, new UnitRef(assignedBy.Id, assignedBy.AncestorPath)))
        {
            return Result<ExtensionRequest>.Forbidden();
        }

        if (request.Status != ExtensionStatus.Pending)
        {
            return Result<ExtensionRequest>.Invalid("", $"Đề nghị này đã được quyết định ({ExtensionRequest.Label(request.Status)}).");
        }

        if (note is { Length: > 2000 })
        {
            return Result<ExtensionRequest>.Invalid("DecisionNote", "Ý kiến không quá 2.000 ký tự.");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        request.Status = approve ? ExtensionStatus.Approved : ExtensionStatus.Refused;
        request.DecidedBy = user.UserName;
        request.DecidedAtUtc = now;
        request.DecisionNote = VietnameseText.Optional(note);
        if (approve)
        {
            deadline.DueOn = request.RequestedDueOn;
            deadline.LastUpdatedAtUtc = now;
        }

        await db.SaveChangesAsync(ct);
        return Result<ExtensionRequest>.Ok(request);
    }
}
