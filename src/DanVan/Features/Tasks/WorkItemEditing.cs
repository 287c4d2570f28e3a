using DanVan.Data;
using DanVan.Domain.Access;
using DanVan.Domain.Editing;
using DanVan.Domain.Text;
using DanVan.Domain.Units;
using DanVan.Domain.WorkItems;
using DanVan.Features.Documents;
using DanVan.Features.Editing;
using DanVan.Features.FollowUp;
using DanVan.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Features.Tasks;

public sealed record EditWorkItemCommand(int Version, string? Title, string? Description, DateOnly? DueOn, string? Reason);

/// <summary>
/// Sửa, thu hồi, xóa nhiệm vụ (issue 12, ADR-019), reached by any of its deadlines. The lead unit is told of an edit
/// or a withdrawal; a withdrawn task leaves boards, lists, digests and counts (its deadlines are flagged).
/// </summary>
public sealed class WorkItemEditing(AppDbContext db, TimeProvider clock)
{
    private const RecordKind Kind = RecordKind.WorkItem;

    private sealed record Loaded(WorkItem Item, List<WorkItemDeadline> Deadlines, OrgUnit Lead, OrgUnit AssignedBy, List<WorkItemAccessRules.UnitRef> CoUnits);

    public async Task<IReadOnlyList<Dependant>> DependantsAsync(int workItemId, CancellationToken ct)
    {
        var deadlines = db.WorkItemDeadlines.IgnoreQueryFilters().Where(d => d.WorkItemId == workItemId).Select(d => d.Id);
        var updates = db.WorkItemUpdates.Where(u => deadlines.Contains(u.DeadlineId));
        return
        [
            new("báo cáo tiến độ, hoàn thành", await updates.CountAsync(ct)),
            new("tệp minh chứng", await db.WorkItemEvidence.CountAsync(e => updates.Select(u => u.Id).Contains(e.UpdateId), ct)),
            new("đề nghị gia hạn", await db.ExtensionRequests.CountAsync(r => deadlines.Contains(r.DeadlineId), ct)),
        ];
    }

    /// <summary>What the user may do to the task of a deadline; null when the deadline does not exist or is not theirs to see.</summary>
    public async Task<(WorkItem Item, RemovalInfo Info)?> InfoAsync(UserScope user, int deadlineId, CancellationToken ct)
    {
        var loaded = await LoadAsync(deadlineId, tracked: false, ct);
        if (loaded is null || !CanRead(user, loaded))
        {
            return null;
        }

        var dependants = await DependantsAsync(loaded.Item.Id, ct);
        var open = loaded.Item.WithdrawnAtUtc is null;
        var allowed = open && EditAccessRules.CanChangeTask(user, Ref(loaded.AssignedBy));
        return (loaded.Item, new RemovalInfo(EditRules.Removal(!open, dependants), dependants, allowed, allowed));
    }

    public async Task<Result<WorkItem>> EditAsync(UserScope user, int deadlineId, EditWorkItemCommand cmd, CancellationToken ct = default)
    {
        await using var tx = await db.BeginOrJoinTransactionAsync(ct);
        var loaded = await LoadAsync(deadlineId, tracked: true, ct);
        if (Check(user, loaded, cmd.Version) is { } failed)
        {
            return failed;
        }

        var item = loaded!.Item;
        if (EditRules.EditRefusal(Kind, item.WithdrawnAtUtc is not null) is { } refusal)
        {
            return Result<WorkItem>.Invalid("", refusal);
        }

        var errors = new FieldErrors();
        var title = errors.RequiredText("Title", VietnameseText.Nfc(cmd.Title), 500, "nội dung nhiệm vụ");
        var description = VietnameseText.Optional(errors.Text("Description", cmd.Description, 4000, "Mô tả"));
        var reason = Versions.Reason(errors, cmd.Reason);
        var deadline = loaded.Deadlines.Single();
        DateOnly? newDue = null;
        if (item.Recurrence == RecurrenceKind.Once && cmd.DueOn is { } due && due != deadline.DueOn)
        {
            var assignedOn = DateOnly.FromDateTime(VietnamClock.ToLocal(item.CreatedAtUtc));
            if (deadline.CompletedOn is not null || deadline.ReportedCompletedOn is not null)
            {
                errors.Add("DueOn", "Nhiệm vụ đã báo cáo hoàn thành: không đổi hạn được.");
            }
            else if (deadline.DueOn != deadline.OriginalDueOn)
            {
                errors.Add("DueOn", "Hạn đã được gia hạn theo đề nghị: đổi hạn bằng gia hạn, không sửa ở đây.");
            }
            else if (due < assignedOn)
            {
                errors.Add("DueOn", $"Hạn hoàn thành không thể trước ngày giao nhiệm vụ ({VietnameseText.FormatDate(assignedOn)}).");
            }
            else if (due > assignedOn.AddYears(10))
            {
                errors.Add("DueOn", "Hạn hoàn thành quá xa (tối đa 10 năm).");
            }
            else
            {
                newDue = due;
            }
        }
        else if (item.Recurrence != RecurrenceKind.Once && cmd.DueOn is { } d && d != deadline.DueOn)
        {
            errors.Add("DueOn", "Nhiệm vụ định kỳ: không sửa hạn từng kỳ ở đây (dùng gia hạn).");
        }

        if (errors.Any)
        {
            return Result<WorkItem>.Invalid(errors.ToDictionary());
        }

        var before = Versions.Of(item);
        item.Title = title!;
        item.Description = description;
        item.SearchText = VietnameseText.Fold(item.Title);
        if (newDue is { } moved)
        {
            item.PeriodEnd = moved;
            deadline.DueOn = moved;
            deadline.OriginalDueOn = moved;
        }

        if (Versions.Same(before, Versions.Of(item)))
        {
            db.ChangeTracker.Clear();
            return Result<WorkItem>.Ok(item);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        Versions.Keep(db, Kind, item.Id, item, item.LeadUnitId, before, user, reason, now);
        await NotifyLeadAsync(user, loaded, $"task-edit:{item.Id}:{item.Version}", $"Nhiệm vụ được sửa: {item.Title}",
            $"{loaded.AssignedBy.Name} đã sửa nhiệm vụ giao cho {loaded.Lead.Name}{(newDue is { } nd ? $"; hạn mới {VietnameseText.FormatDate(nd)}" : "")}"
            + (reason is null ? "." : $". Lý do: {reason}"), deadlineId, now, ct);
        return await Versions.SaveAsync(db, tx, Kind, item, ct);
    }

    public async Task<Result<WorkItem>> WithdrawAsync(UserScope user, int deadlineId, int version, string? reason, CancellationToken ct = default)
    {
        await using var tx = await db.BeginOrJoinTransactionAsync(ct);
        var loaded = await LoadAsync(deadlineId, tracked: true, ct);
        if (Check(user, loaded, version) is { } failed)
        {
            return failed;
        }

        var item = loaded!.Item;
        if (EditRules.WithdrawRefusal(Kind, item.WithdrawnAtUtc is not null, reason) is { } refusal)
        {
            return Result<WorkItem>.Invalid("Reason", refusal);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var why = VietnameseText.Nfc(reason!.Trim())!;
        Versions.Withdraw(item, user, why, now);
        foreach (var d in await db.WorkItemDeadlines.IgnoreQueryFilters().Where(d => d.WorkItemId == item.Id).ToListAsync(ct))
        {
            d.Withdrawn = true;
        }

        await NotifyLeadAsync(user, loaded, $"task-withdraw:{item.Id}", $"Nhiệm vụ đã thu hồi: {item.Title}",
            $"{loaded.AssignedBy.Name} đã thu hồi nhiệm vụ giao cho {loaded.Lead.Name}. Lý do: {why}", deadlineId, now, ct);
        return await Versions.SaveAsync(db, tx, Kind, item, ct);
    }

    public async Task<Result<WorkItem>> DeleteAsync(UserScope user, int deadlineId, int version, CancellationToken ct = default)
    {
        await using var tx = await db.BeginOrJoinTransactionAsync(ct);
        var loaded = await LoadAsync(deadlineId, tracked: true, ct);
        if (Check(user, loaded, version) is { } failed)
        {
            return failed;
        }

        var item = loaded!.Item;
        if (EditRules.DeleteRefusal(Kind, item.WithdrawnAtUtc is not null, await DependantsAsync(item.Id, ct)) is { } refusal)
        {
            return Result<WorkItem>.Invalid("", refusal);
        }

        db.WorkItemDeadlines.RemoveRange(await db.WorkItemDeadlines.IgnoreQueryFilters().Where(d => d.WorkItemId == item.Id).ToListAsync(ct));
        db.WorkItemCoUnits.RemoveRange(await db.WorkItemCoUnits.Where(c => c.WorkItemId == item.Id).ToListAsync(ct));
        await Versions.ForgetAsync(db, Kind, item.Id, ct);
        db.WorkItems.Remove(item);
        return await Versions.SaveAsync(db, tx, Kind, item, ct);
    }

    private async Task NotifyLeadAsync(UserScope user, Loaded loaded, string source, string title, string body, int deadlineId, DateTime now, CancellationToken ct)
    {
        var staff = (await Plans.PlanEditing.StaffOfAsync(db, [loaded.Lead.Id], ct)).Where(id => id != user.UserId);
        NotificationOutbox.Add(db, staff, VietnamClock.Today(clock), source, title, body, $"/Tasks/Details/{deadlineId}", now);
    }

    private static WorkItemAccessRules.UnitRef Ref(OrgUnit u) => new(u.Id, u.AncestorPath);

    private static bool CanRead(UserScope user, Loaded l) => WorkItemAccessRules.CanRead(user, Ref(l.Lead), Ref(l.AssignedBy), l.CoUnits);

    private static Result<WorkItem>? Check(UserScope user, Loaded? loaded, int version)
    {
        if (loaded is null || !CanRead(user, loaded))
        {
            return Result<WorkItem>.NotFound();
        }

        if (!EditAccessRules.CanChangeTask(user, Ref(loaded.AssignedBy)))
        {
            return Result<WorkItem>.Forbidden();
        }

        return version != loaded.Item.Version ? Result<WorkItem>.Invalid("", EditRules.Stale(Kind)) : null;
    }

    private async Task<Loaded?> LoadAsync(int deadlineId, bool tracked, CancellationToken ct)
    {
        var deadlines = tracked ? db.WorkItemDeadlines : db.WorkItemDeadlines.AsNoTracking();
        var deadline = await deadlines.IgnoreQueryFilters().FirstOrDefaultAsync(d => d.Id == deadlineId, ct);
        if (deadline is null)
        {
            return null;
        }

        var items = tracked ? db.WorkItems : db.WorkItems.AsNoTracking();
        var item = await items.FirstAsync(w => w.Id == deadline.WorkItemId, ct);
        var coIds = await db.WorkItemCoUnits.AsNoTracking().Where(c => c.WorkItemId == item.Id).Select(c => c.UnitId).ToListAsync(ct);
        var ids = coIds.Append(item.LeadUnitId).Append(item.AssignedByUnitId).Distinct().ToList();
        var units = await db.OrgUnits.AsNoTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, ct);
        return new Loaded(item, [deadline], units[item.LeadUnitId], units[item.AssignedByUnitId], coIds.Select(c => Ref(units[c])).ToList());
    }
}
