using DanVan.Data;
using DanVan.Domain.Access;
using DanVan.Domain.Editing;
using DanVan.Domain.Plans;
using DanVan.Domain.Text;
using DanVan.Domain.Units;
using DanVan.Features.Documents;
using DanVan.Features.Editing;
using DanVan.Features.FollowUp;
using DanVan.Features.Shared;
using DanVan.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Features.Plans;

public sealed record EditPlanCommand(
    int Version, string? Purposes, string? Body, bool RequiresAdoption, DateOnly? AdoptionDueOn, IReadOnlyList<OrgUnitKind>? AdoptionKinds, string? Reason);

public sealed record EditTargetCommand(int Version, string? Description, string? Measure, string? Reason);

/// <summary>Which measure tracks a target: one code, or a numerator and a denominator (ADR-028); both empty unlinks it.</summary>
public sealed record LinkMeasureCommand(int Version, string? MeasureCode, string? DenominatorCode, string? Reason);

/// <summary>
/// Sửa, thu hồi, xóa kế hoạch (issue 12, ADR-019), including its obligation on lower units set or changed after it
/// was created: the units newly obliged are told in-app and find it among their plans to adopt.
/// </summary>
public sealed class PlanEditing(AppDbContext db, TimeProvider clock, PlanCommands plans)
{
    private const RecordKind Kind = RecordKind.Plan;

    public async Task<IReadOnlyList<Dependant>> DependantsAsync(Plan plan, CancellationToken ct) =>
    [
        new("đơn vị cấp dưới đã xây dựng kế hoạch thực hiện", await db.Plans.CountAsync(p => p.ParentPlanId == plan.Id && p.WithdrawnAtUtc == null, ct)),
        new("nhiệm vụ giao theo kế hoạch", await db.WorkItems.CountAsync(w => w.SourceDocumentId == plan.DocumentId && w.WithdrawnAtUtc == null, ct)),
        new("chỉ tiêu", await db.PlanTargets.CountAsync(t => t.PlanId == plan.Id && t.WithdrawnAtUtc == null, ct)),
    ];

    public async Task<RemovalInfo> InfoAsync(UserScope user, Plan plan, string ownerPath, CancellationToken ct)
    {
        var dependants = await DependantsAsync(plan, ct);
        return new RemovalInfo(EditRules.Removal(plan.WithdrawnAtUtc is not null, dependants), dependants,
            plan.WithdrawnAtUtc is null && EditAccessRules.CanEdit(user, ownerPath, plan.OwnerUnitId),
            plan.WithdrawnAtUtc is null && EditAccessRules.CanRemove(user, ownerPath, plan.OwnerUnitId));
    }

    public async Task<Result<Plan>> EditAsync(UserScope user, int id, EditPlanCommand cmd, CancellationToken ct = default)
    {
        await using var tx = await db.BeginOrJoinTransactionAsync(ct);
        var (plan, owner) = await LoadAsync(id, ct);
        if (plan is null || !DocumentAccessRules.CanRead(user, owner!.AncestorPath, owner.Id))
        {
            return Result<Plan>.NotFound();
        }

        if (!EditAccessRules.CanEdit(user, owner.AncestorPath, owner.Id))
        {
            return Result<Plan>.Forbidden();
        }

        if (EditRules.EditRefusal(Kind, plan.WithdrawnAtUtc is not null) is { } refusal)
        {
            return Result<Plan>.Invalid("", refusal);
        }

        if (cmd.Version != plan.Version)
        {
            return Result<Plan>.Invalid("", EditRules.Stale(Kind));
        }

        var errors = new FieldErrors();
        var issuedOn = await db.Documents.Where(d => d.Id == plan.DocumentId).Select(d => d.IssuedOn).FirstAsync(ct);
        var (purposes, body) = PlanCommands.CheckContent(errors, cmd.Purposes, cmd.Body, cmd.RequiresAdoption, cmd.AdoptionDueOn, issuedOn);
        var reason = Versions.Reason(errors, cmd.Reason);
        var kinds = cmd.RequiresAdoption ? (cmd.AdoptionKinds ?? []).Distinct().ToList() : [];
        var adoptedKinds = await (from c in db.Plans
                                  where c.ParentPlanId == id && c.WithdrawnAtUtc == null
                                  join u in db.OrgUnits on c.OwnerUnitId equals u.Id
                                  select u.Kind).Distinct().ToListAsync(ct);
        if (ObligationRules.Refusal(cmd.RequiresAdoption, kinds, adoptedKinds) is { } obligation)
        {
            errors.Add("RequiresAdoption", obligation);
        }

        if (errors.Any)
        {
            return Result<Plan>.Invalid(errors.ToDictionary());
        }

        var before = Versions.Of(plan);
        var wasRequired = plan.RequiresAdoption;
        var oldKinds = plan.AdoptionKindList;
        plan.Purposes = purposes!;
        plan.Body = body;
        plan.RequiresAdoption = cmd.RequiresAdoption;
        plan.AdoptionDueOn = cmd.RequiresAdoption ? cmd.AdoptionDueOn : null;
        plan.AdoptionKinds = cmd.RequiresAdoption && kinds.Count > 0 ? string.Join(',', kinds) : null;
        if (Versions.Same(before, Versions.Of(plan)))
        {
            db.ChangeTracker.Clear();
            return Result<Plan>.Ok(plan);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        Versions.Keep(db, Kind, id, plan, plan.OwnerUnitId, before, user, reason, now);
        if (plan.RequiresAdoption)
        {
            // The units obliged now and not before find the plan among theirs to adopt; their staff are told.
            var newly = (await plans.Obligated(plan, owner.SubtreePrefix).Select(u => new { u.Id, u.Kind }).ToListAsync(ct))
                .Where(u => ObligationRules.NewlyObliged(wasRequired, oldKinds, true, plan.AdoptionKindList, u.Kind))
                .Select(u => u.Id).ToList();
            if (newly.Count > 0)
            {
                var code = await db.Documents.Where(d => d.Id == plan.DocumentId).Select(d => d.Code).FirstAsync(ct);
                var staff = await StaffOfAsync(db, newly, ct);
                NotificationOutbox.Add(db, staff, VietnamClock.Today(clock), $"plan-obligation:{plan.Id}:{plan.Version}",
                    $"Xây dựng kế hoạch thực hiện Kế hoạch số {code}",
                    $"{owner.Name} yêu cầu đơn vị xây dựng kế hoạch thực hiện Kế hoạch số {code}, hạn {VietnameseText.FormatDate(plan.AdoptionDueOn)}.",
                    "/Plans/ToAdopt", now);
            }
        }

        return await Versions.SaveAsync(db, tx, Kind, plan, ct);
    }

    public async Task<Result<Plan>> WithdrawAsync(UserScope user, int id, int version, string? reason, CancellationToken ct = default)
    {
        await using var tx = await db.BeginOrJoinTransactionAsync(ct);
        var (plan, owner) = await LoadAsync(id, ct);
        if (Check(user, plan, owner, version) is { } failed)
        {
            return failed;
        }

        if (EditRules.WithdrawRefusal(Kind, plan!.WithdrawnAtUtc is not null, reason) is { } refusal)
        {
            return Result<Plan>.Invalid("Reason", refusal);
        }

        Versions.Withdraw(plan, user, VietnameseText.Nfc(reason!.Trim())!, clock.GetUtcNow().UtcDateTime);
        return await Versions.SaveAsync(db, tx, Kind, plan, ct);
    }

    /// <summary>Xóa: the plan's content only (the registered document stays, and may then be deleted on its own).</summary>
    public async Task<Result<Plan>> DeleteAsync(UserScope user, int id, int version, CancellationToken ct = default)
    {
        await using var tx = await db.BeginOrJoinTransactionAsync(ct);
        var (plan, owner) = await LoadAsync(id, ct);
        if (Check(user, plan, owner, version) is { } failed)
        {
            return failed;
        }

        var dependants = (await DependantsAsync(plan!, ct)).ToList();
        var withdrawnChildren = await db.Plans.CountAsync(p => p.ParentPlanId == id && p.WithdrawnAtUtc != null, ct)
            + await db.PlanTargets.CountAsync(t => t.PlanId == id && t.WithdrawnAtUtc != null, ct);
        dependants.Add(new Dependant("kế hoạch, chỉ tiêu đã thu hồi còn dẫn chiếu", withdrawnChildren));
        if (EditRules.DeleteRefusal(Kind, plan!.WithdrawnAtUtc is not null, dependants) is { } refusal)
        {
            return Result<Plan>.Invalid("", refusal);
        }

        await Versions.ForgetAsync(db, Kind, id, ct);
        db.Plans.Remove(plan);
        return await Versions.SaveAsync(db, tx, Kind, plan, ct);
    }

    /// <summary>The officers and heads of the given units (who act on a plan to adopt).</summary>
    internal static async Task<List<string>> StaffOfAsync(AppDbContext db, IReadOnlyCollection<int> unitIds, CancellationToken ct) =>
        await (from u in db.Users.AsNoTracking()
               where unitIds.Contains(u.OrgUnitId)
               join ur in db.UserRoles on u.Id equals ur.UserId
               join r in db.Roles on ur.RoleId equals r.Id
               where r.Name == Roles.UnitOfficer || r.Name == Roles.UnitHead
               select u.Id).Distinct().ToListAsync(ct);

    private static Result<Plan>? Check(UserScope user, Plan? plan, OrgUnit? owner, int version)
    {
        if (plan is null || !DocumentAccessRules.CanRead(user, owner!.AncestorPath, owner.Id))
        {
            return Result<Plan>.NotFound();
        }

        if (!EditAccessRules.CanRemove(user, owner.AncestorPath, owner.Id))
        {
            return Result<Plan>.Forbidden();
        }

        return version != plan.Version ? Result<Plan>.Invalid("", EditRules.Stale(Kind)) : null;
    }

    private async Task<(Plan? Plan, OrgUnit? Owner)> LoadAsync(int id, CancellationToken ct)
    {
        var plan = await db.Plans.FirstOrDefaultAsync(p => p.Id == id, ct);
        return plan is null ? (null, null) : (plan, await db.OrgUnits.AsNoTracking().FirstAsync(u => u.Id == plan.OwnerUnitId, ct));
    }
}

/// <summary>Sửa, thu hồi, xóa một chỉ tiêu của kế hoạch (ADR-019).</summary>
public sealed class TargetEditing(AppDbContext db, TimeProvider clock)
{
    private const RecordKind Kind = RecordKind.Target;

    public async Task<IReadOnlyList<Dependant>> DependantsAsync(int targetId, CancellationToken ct) =>
    [
        new("kế hoạch cấp dưới kế thừa chỉ tiêu", await db.PlanTargets.CountAsync(t => t.InheritedFromTargetId == targetId, ct)),
    ];

    public async Task<RemovalInfo> InfoAsync(UserScope user, PlanTarget target, OrgUnit owner, bool planWithdrawn, CancellationToken ct)
    {
        var dependants = await DependantsAsync(target.Id, ct);
        var open = target.WithdrawnAtUtc is null && !planWithdrawn;
        return new RemovalInfo(EditRules.Removal(!open, dependants), dependants,
            open && EditAccessRules.CanEdit(user, owner.AncestorPath, owner.Id),
            open && EditAccessRules.CanRemove(user, owner.AncestorPath, owner.Id));
    }

    public async Task<Result<PlanTarget>> EditAsync(UserScope user, int id, EditTargetCommand cmd, CancellationToken ct = default)
    {
        await using var tx = await db.BeginOrJoinTransactionAsync(ct);
        var found = await LoadAsync(id, ct);
        if (EditRefusal(user, found, cmd.Version) is { } refused)
        {
            return refused;
        }

        var (target, owner, _) = found!.Value;
        var errors = new FieldErrors();
        var description = errors.RequiredText("Description", VietnameseText.Nfc(cmd.Description), 500, "chỉ tiêu");
        var measure = VietnameseText.Optional(errors.Text("Measure", cmd.Measure, 300, "Cách đo"));
        var reason = Versions.Reason(errors, cmd.Reason);
        var parsed = description is null ? null : TargetText.Parse(description);
        if (description is not null && parsed is null)
        {
            errors.Add("Description", "Chỉ tiêu chưa có con số (ví dụ: “trên 90% người dân hài lòng”).");
        }

        if (errors.Any)
        {
            return Result<PlanTarget>.Invalid(errors.ToDictionary());
        }

        var before = Versions.Of(target);
        target.Description = description!;
        target.Measure = measure;
        target.Comparison = parsed!.Comparison;
        target.Value = parsed.Value;
        target.Unit = parsed.Unit;
        if (Versions.Same(before, Versions.Of(target)))
        {
            db.ChangeTracker.Clear();
            return Result<PlanTarget>.Ok(target);
        }

        Versions.Keep(db, Kind, id, target, owner.Id, before, user, reason, clock.GetUtcNow().UtcDateTime);
        return await Versions.SaveAsync(db, tx, Kind, target, ct);
    }

    /// <summary>
    /// Gắn số liệu theo dõi: the measure that tracks the target, or the ratio of two (ADR-028). A rate needs a
    /// denominator or a measure already in per cent; a count takes one measure of the same kind; empty unlinks.
    /// </summary>
    public async Task<Result<PlanTarget>> LinkMeasureAsync(UserScope user, int id, LinkMeasureCommand cmd, MeasureRegistry measures, CancellationToken ct = default)
    {
        await using var tx = await db.BeginOrJoinTransactionAsync(ct);
        var found = await LoadAsync(id, ct);
        if (EditRefusal(user, found, cmd.Version) is { } refused)
        {
            return refused;
        }

        var (target, owner, _) = found!.Value;
        var errors = new FieldErrors();
        var code = string.IsNullOrWhiteSpace(cmd.MeasureCode) ? null : cmd.MeasureCode.Trim();
        var denominatorCode = string.IsNullOrWhiteSpace(cmd.DenominatorCode) ? null : cmd.DenominatorCode.Trim();
        var measure = measures.Find(code);
        var denominator = measures.Find(denominatorCode);
        var reason = Versions.Reason(errors, cmd.Reason);
        if (code is not null && measure is null)
        {
            errors.Add("MeasureCode", "Số liệu theo dõi đã chọn không có trong danh mục số liệu của DanVan.");
        }

        if (denominatorCode is not null && denominator is null)
        {
            errors.Add("DenominatorCode", "Số liệu để chia đã chọn không có trong danh mục số liệu của DanVan.");
        }
        else if (denominatorCode is not null && code is null)
        {
            errors.Add("MeasureCode", "Chọn số liệu theo dõi (tử số) trước khi chọn số liệu để chia (mẫu số).");
        }
        else if (denominatorCode is not null && denominatorCode == code)
        {
            errors.Add("DenominatorCode", "Số liệu để chia phải khác số liệu theo dõi.");
        }

        if (measure is not null && !errors.Any)
        {
            var rate = TargetProgress.IsRate(target.Unit);
            if (measure.Unit == "%" && denominator is not null)
            {
                errors.Add("DenominatorCode", $"“{measure.Name}” đã tính bằng %: không chia cho số liệu khác.");
            }
            else if (rate && measure.Unit != "%" && denominator is null)
            {
                errors.Add("DenominatorCode", $"Chỉ tiêu tính theo tỷ lệ %: chọn số liệu để chia (mẫu số), ví dụ “{measure.Name}” ÷ tổng số tương ứng.");
            }
            else if (!rate && (denominator is not null || measure.Unit == "%"))
            {
                errors.Add("MeasureCode", $"Chỉ tiêu đếm theo “{target.Unit}”: chọn một số liệu đếm, không chọn tỷ lệ hay chỉ số %.");
            }
        }

        if (errors.Any)
        {
            return Result<PlanTarget>.Invalid(errors.ToDictionary());
        }

        var before = Versions.Of(target);
        target.MeasureCode = code;
        target.DenominatorCode = denominatorCode;
        if (Versions.Same(before, Versions.Of(target)))
        {
            db.ChangeTracker.Clear();
            return Result<PlanTarget>.Ok(target);
        }

        Versions.Keep(db, Kind, id, target, owner.Id, before, user, reason, clock.GetUtcNow().UtcDateTime);
        return await Versions.SaveAsync(db, tx, Kind, target, ct);
    }

    /// <summary>Unseen: 404; not an editor of the plan's unit: 403; withdrawn: refused; changed since read: stale.</summary>
    internal static Result<PlanTarget>? EditRefusal(UserScope user, (PlanTarget Target, OrgUnit Owner, bool PlanWithdrawn)? found, int version) =>
        Refusal(user, found, version, remove: false);

    /// <summary>The one check before a target is changed (edit, link) or removed (withdraw, delete: their own refusals follow).</summary>
    private static Result<PlanTarget>? Refusal(UserScope user, (PlanTarget Target, OrgUnit Owner, bool PlanWithdrawn)? found, int version, bool remove)
    {
        if (found is not var (target, owner, planWithdrawn) || !DocumentAccessRules.CanRead(user, owner.AncestorPath, owner.Id))
        {
            return Result<PlanTarget>.NotFound();
        }

        if (!(remove ? EditAccessRules.CanRemove(user, owner.AncestorPath, owner.Id) : EditAccessRules.CanEdit(user, owner.AncestorPath, owner.Id)))
        {
            return Result<PlanTarget>.Forbidden();
        }

        if (!remove && EditRules.EditRefusal(planWithdrawn ? RecordKind.Plan : Kind, target.WithdrawnAtUtc is not null || planWithdrawn) is { } refusal)
        {
            return Result<PlanTarget>.Invalid("", refusal);
        }

        return version != target.Version ? Result<PlanTarget>.Invalid("", EditRules.Stale(Kind)) : null;
    }

    public async Task<Result<PlanTarget>> WithdrawAsync(UserScope user, int id, int version, string? reason, CancellationToken ct = default)
    {
        await using var tx = await db.BeginOrJoinTransactionAsync(ct);
        var found = await LoadAsync(id, ct);
        if (Refusal(user, found, version, remove: true) is { } failed)
        {
            return failed;
        }

        var target = found!.Value.Target;
        if (EditRules.WithdrawRefusal(Kind, target.WithdrawnAtUtc is not null || found.Value.PlanWithdrawn, reason) is { } refusal)
        {
            return Result<PlanTarget>.Invalid("Reason", refusal);
        }

        Versions.Withdraw(target, user, VietnameseText.Nfc(reason!.Trim())!, clock.GetUtcNow().UtcDateTime);
        return await Versions.SaveAsync(db, tx, Kind, target, ct);
    }

    public async Task<Result<PlanTarget>> DeleteAsync(UserScope user, int id, int version, CancellationToken ct = default)
    {
        await using var tx = await db.BeginOrJoinTransactionAsync(ct);
        var found = await LoadAsync(id, ct);
        if (Refusal(user, found, version, remove: true) is { } failed)
        {
            return failed;
        }

        var target = found!.Value.Target;
        if (EditRules.DeleteRefusal(Kind, target.WithdrawnAtUtc is not null || found.Value.PlanWithdrawn, await DependantsAsync(id, ct)) is { } refusal)
        {
            return Result<PlanTarget>.Invalid("", refusal);
        }

        await Versions.ForgetAsync(db, Kind, id, ct);
        db.PlanTargets.Remove(target);
        return await Versions.SaveAsync(db, tx, Kind, target, ct);
    }

    internal async Task<(PlanTarget Target, OrgUnit Owner, bool PlanWithdrawn)?> LoadAsync(int id, CancellationToken ct)
    {
        var target = await db.PlanTargets.FirstOrDefaultAsync(t => t.Id == id, ct);
        if (target is null)
        {
            return null;
        }

        var plan = await db.Plans.AsNoTracking().Where(p => p.Id == target.PlanId).Select(p => new { p.OwnerUnitId, p.WithdrawnAtUtc }).FirstAsync(ct);
        return (target, await db.OrgUnits.AsNoTracking().FirstAsync(u => u.Id == plan.OwnerUnitId, ct), plan.WithdrawnAtUtc is not null);
    }
}
