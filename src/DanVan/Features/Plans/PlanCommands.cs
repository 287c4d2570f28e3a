using DanVan.Data;
using DanVan.Domain.Access;
using DanVan.Domain.Plans;
using DanVan.Domain.Text;
using DanVan.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Features.Plans;

public sealed record CreatePlanCommand(
    int DocumentId, string? Purposes, string? Body, string? Targets,
    bool RequiresAdoption = false, DateOnly? AdoptionDueOn = null, IReadOnlyList<Domain.Units.OrgUnitKind>? AdoptionKinds = null);

public sealed record AdoptPlanCommand(
    int ParentPlanId, string? Code, DateOnly? IssuedOn, string? Title, string? SignerAuthority, string? SignerPosition, string? SignerName,
    string? Purposes, string? Body, IReadOnlyDictionary<int, string?> DroppedTargets, string? ExtraTargets);

/// <summary>One subordinate unit's adoption of a cascaded plan, as the coordinator sees it.</summary>
public sealed record AdoptionRow(int UnitId, string UnitName, int? PlanId, string? Code, DateOnly? AdoptedOn, bool Late, int Dropped, int Added);

/// <summary>Gives a registered Kế hoạch its structured content: purposes, body, numeric targets.</summary>
public sealed class PlanCommands(AppDbContext db, TimeProvider clock, Documents.DocumentCommands documents)
{
    public async Task<Result<Plan>> CreateAsync(UserScope user, CreatePlanCommand cmd, CancellationToken ct = default)
    {
        var doc = await db.Documents.AsNoTracking().Where(d => d.Id == cmd.DocumentId)
            .Join(db.OrgUnits, d => d.OwnerUnitId, o => o.Id, (d, o) => new { d, o.AncestorPath }).FirstOrDefaultAsync(ct);
        if (doc is null)
        {
            return Result<Plan>.NotFound();
        }

        if (!DocumentAccessRules.CanWrite(user, doc.AncestorPath, doc.d.OwnerUnitId))
        {
            return Result<Plan>.Forbidden();
        }

        var errors = new FieldErrors();
        if (doc.d.TypeCode != "KH")
        {
            errors.Add("", $"Văn bản {doc.d.Code} là {doc.d.TypeName.ToLower(VietnameseText.Culture)}, không phải kế hoạch.");
        }
        else if (await db.Plans.AnyAsync(p => p.DocumentId == cmd.DocumentId, ct))
        {
            errors.Add("", "Kế hoạch này đã có nội dung.");
        }

        var (purposes, body) = CheckContent(errors, cmd.Purposes, cmd.Body, cmd.RequiresAdoption, cmd.AdoptionDueOn, doc.d.IssuedOn);
        var targets = ParseTargets(errors, "Targets", cmd.Targets);
        if (errors.Any)
        {
            return Result<Plan>.Invalid(errors.ToDictionary());
        }

        await using var tx = await db.BeginOrJoinTransactionAsync(ct);
        var plan = new Plan
        {
            DocumentId = doc.d.Id, OwnerUnitId = doc.d.OwnerUnitId, Purposes = purposes!, Body = body, CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
            RequiresAdoption = cmd.RequiresAdoption,
            AdoptionDueOn = cmd.RequiresAdoption ? cmd.AdoptionDueOn : null,
            AdoptionKinds = cmd.RequiresAdoption && cmd.AdoptionKinds is { Count: > 0 } kinds ? string.Join(',', kinds.Distinct()) : null,
        };
        db.Plans.Add(plan);
        if (!await db.TrySaveUniqueAsync(ct))
        {
            return Result<Plan>.Invalid("", "Kế hoạch này đã có nội dung."); // saved meanwhile by a concurrent request
        }

        foreach (var t in targets)
        {
            t.PlanId = plan.Id;
        }

        db.PlanTargets.AddRange(targets);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return Result<Plan>.Ok(plan);
    }

    /// <summary>The checks creating and editing a plan share: purposes required, bounded texts, the adoption deadline.</summary>
    internal static (string? Purposes, string Body) CheckContent(FieldErrors errors, string? purposes0, string? body0, bool requiresAdoption, DateOnly? adoptionDueOn, DateOnly? issuedOn)
    {
        var purposes = VietnameseText.Nfc(purposes0?.Trim());
        if (string.IsNullOrEmpty(purposes))
        {
            errors.Add("Purposes", "Vui lòng nhập mục đích, yêu cầu.");
        }
        else if (purposes.Length > 8000)
        {
            errors.Add("Purposes", "Mục đích, yêu cầu không quá 8.000 ký tự.");
        }

        var body = VietnameseText.Nfc(body0?.Trim()) ?? "";
        if (body.Length > 100_000)
        {
            errors.Add("Body", "Nội dung quá dài (tối đa 100.000 ký tự).");
        }

        if (requiresAdoption)
        {
            if (adoptionDueOn is not { } due)
            {
                errors.Add("AdoptionDueOn", "Vui lòng nhập thời hạn các đơn vị xây dựng kế hoạch.");
            }
            else if (issuedOn is { } issued && due < issued)
            {
                errors.Add("AdoptionDueOn", $"Thời hạn không thể trước ngày ban hành kế hoạch ({VietnameseText.FormatDate(issued)}).");
            }
        }

        return (purposes, body);
    }

    /// <summary>The units a cascaded plan obliges: active units below its owner, of the chosen kinds.</summary>
    public IQueryable<Domain.Units.OrgUnit> Obligated(Plan plan, string ownerSubtreePrefix)
    {
        var kinds = plan.AdoptionKindList;
        var units = db.OrgUnits.AsNoTracking().Where(u => u.AncestorPath.StartsWith(ownerSubtreePrefix) && u.ValidTo == null);
        return kinds.Count == 0 ? units : units.Where(u => kinds.Contains(u.Kind));
    }

    /// <summary>Adoption across the obliged units: adopted (on time or late), missing; with deviations from the parent.</summary>
    public async Task<List<AdoptionRow>> AdoptionAsync(Plan plan, CancellationToken ct)
    {
        var owner = await db.OrgUnits.AsNoTracking().FirstAsync(u => u.Id == plan.OwnerUnitId, ct);
        var units = await Obligated(plan, owner.SubtreePrefix).OrderByVietnamese(db, u => u.Name).ThenBy(u => u.Id).Select(u => new { u.Id, u.Name }).ToListAsync(ct);
        var children = await (from p in db.Plans.AsNoTracking()
                               where p.ParentPlanId == plan.Id && p.WithdrawnAtUtc == null
                               join d in db.Documents on p.DocumentId equals d.Id
                               select new
                               {
                                   p.Id, p.OwnerUnitId, d.Code, d.IssuedOn, p.CreatedAtUtc,
                                   Dropped = db.PlanTargets.Count(t => t.PlanId == p.Id && t.DroppedReason != null),
                                   Added = db.PlanTargets.Count(t => t.PlanId == p.Id && t.InheritedFromTargetId == null),
                               }).ToListAsync(ct);
        var byUnit = children.GroupBy(c => c.OwnerUnitId).ToDictionary(g => g.Key, g => g.First());
        return units.Select(u => byUnit.TryGetValue(u.Id, out var c)
                ? new AdoptionRow(u.Id, u.Name, c.Id, c.Code, c.IssuedOn, plan.AdoptionDueOn is { } due && (c.IssuedOn ?? DateOnly.FromDateTime(c.CreatedAtUtc)) > due, c.Dropped, c.Added)
                : new AdoptionRow(u.Id, u.Name, null, null, null, false, 0, 0))
            .ToList();
    }

    /// <summary>
    /// A subordinate unit adopts the parent plan: its own Kế hoạch is registered (citing the parent as "Thực hiện"),
    /// pre-filled from the parent, inheriting its targets; dropping one needs a reason; it may add its own.
    /// </summary>
    public async Task<Result<Plan>> AdoptAsync(UserScope user, AdoptPlanCommand cmd, CancellationToken ct = default)
    {
        var parent = await db.Plans.AsNoTracking().FirstOrDefaultAsync(p => p.Id == cmd.ParentPlanId, ct);
        if (parent is null)
        {
            return Result<Plan>.NotFound();
        }

        var owner = await db.OrgUnits.AsNoTracking().FirstAsync(u => u.Id == parent.OwnerUnitId, ct);
        var unit = await db.OrgUnits.AsNoTracking().FirstAsync(u => u.Id == user.UnitId, ct);
        var obligedHere = parent.RequiresAdoption && parent.WithdrawnAtUtc is null
            && await Obligated(parent, owner.SubtreePrefix).AnyAsync(u => u.Id == unit.Id, ct);
        if (!obligedHere || !DocumentAccessRules.CanWrite(user, unit.AncestorPath, unit.Id))
        {
            return Result<Plan>.Forbidden();
        }

        // One adopting plan per unit: a concurrent adoption by the same unit waits here, then finds this one.
        await using var tx = await db.BeginOrJoinTransactionAsync(ct);
        await db.LockForCreateAsync($"adopt:{parent.Id}:{unit.Id}", ct);
        if (await db.Plans.AnyAsync(p => p.ParentPlanId == parent.Id && p.OwnerUnitId == unit.Id && p.WithdrawnAtUtc == null, ct))
        {
            return Result<Plan>.Invalid("", "Đơn vị đã xây dựng kế hoạch thực hiện kế hoạch này.");
        }

        var errors = new FieldErrors();
        var parentTargets = await db.PlanTargets.AsNoTracking().Where(t => t.PlanId == parent.Id && t.DroppedReason == null && t.WithdrawnAtUtc == null).OrderBy(t => t.Id).ToListAsync(ct);
        foreach (var (targetId, reason) in cmd.DroppedTargets)
        {
            if (parentTargets.All(t => t.Id != targetId))
            {
                errors.Add("Targets", "Có chỉ tiêu không thuộc kế hoạch cấp trên.");
            }
            else if (string.IsNullOrWhiteSpace(reason))
            {
                errors.Add("Targets", $"Bỏ chỉ tiêu “{parentTargets.First(t => t.Id == targetId).Description}” cần nêu lý do.");
            }
        }

        var extra = ParseTargets(errors, "ExtraTargets", cmd.ExtraTargets);
        if (string.IsNullOrWhiteSpace(cmd.Purposes))
        {
            errors.Add("Purposes", "Vui lòng nhập mục đích, yêu cầu.");
        }

        if (errors.Any)
        {
            return Result<Plan>.Invalid(errors.ToDictionary());
        }

        var parentDoc = await db.Documents.AsNoTracking().FirstAsync(d => d.Id == parent.DocumentId, ct);
        var registered = await documents.RegisterAsync(user, new Documents.RegisterDocumentCommand(
            unit.Id, cmd.Code, unit.Name, unit.Id, null, cmd.IssuedOn, cmd.Title, cmd.SignerAuthority, cmd.SignerPosition, cmd.SignerName, null,
            [new Documents.CitationInput(Domain.Documents.CitationRelation.Implements,
                $"Kế hoạch số {parentDoc.Code}{(parentDoc.IssuedOn is { } d ? " ngày " + VietnameseText.FormatDate(d) : "")} của {parentDoc.IssuerName}")],
            null), ct);
        if (!registered.IsOk)
        {
            return registered.Status switch
            {
                ResultStatus.Forbidden => Result<Plan>.Forbidden(),
                ResultStatus.NotFound => Result<Plan>.NotFound(),
                _ => Result<Plan>.Invalid(registered.Errors),
            };
        }

        if (registered.Value!.TypeCode != "KH")
        {
            return Result<Plan>.Invalid("Code", "Số, ký hiệu phải là của một kế hoạch (KH), ví dụ 12/KH-UBND.");
        }

        var plan = new Plan
        {
            DocumentId = registered.Value.Id, OwnerUnitId = unit.Id, ParentPlanId = parent.Id,
            Purposes = VietnameseText.Nfc(cmd.Purposes!.Trim())!, Body = VietnameseText.Nfc(cmd.Body?.Trim()) ?? "",
            CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
        };
        db.Plans.Add(plan);
        await db.SaveChangesAsync(ct);
        db.PlanTargets.AddRange(parentTargets.Select(t => new PlanTarget
        {
            PlanId = plan.Id, Description = t.Description, Comparison = t.Comparison, Value = t.Value, Unit = t.Unit, Measure = t.Measure,
            MeasureCode = t.MeasureCode, DenominatorCode = t.DenominatorCode, InheritedFromTargetId = t.Id,
            DroppedReason = cmd.DroppedTargets.TryGetValue(t.Id, out var reason) ? VietnameseText.Nfc(reason!.Trim()) : null,
        }));
        foreach (var t in extra)
        {
            t.PlanId = plan.Id;
        }

        db.PlanTargets.AddRange(extra);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return Result<Plan>.Ok(plan);
    }

    private static List<PlanTarget> ParseTargets(FieldErrors errors, string field, string? text)
    {
        var targets = new List<PlanTarget>();
        var lines = (text ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        for (var i = 0; i < lines.Length; i++)
        {
            // "mô tả | cách đo": the part after a bar says how the target is measured.
            var parts = VietnameseText.Nfc(lines[i].TrimStart('-', '+', '•', ' '))!.Split('|', 2, StringSplitOptions.TrimEntries);
            var line = parts[0];
            var measure = parts.Length > 1 && parts[1].Length > 0 ? parts[1] : null;
            var parsed = TargetText.Parse(line);
            if (parsed is null)
            {
                errors.Add(field, $"Chỉ tiêu dòng {i + 1} chưa có con số (ví dụ: “trên 90% người dân hài lòng”).");
            }
            else if (line.Length > 500 || measure?.Length > 300)
            {
                errors.Add(field, $"Chỉ tiêu dòng {i + 1} quá dài (tối đa 500 ký tự, cách đo 300 ký tự).");
            }
            else
            {
                targets.Add(new PlanTarget { Description = line, Comparison = parsed.Comparison, Value = parsed.Value, Unit = parsed.Unit, Measure = measure });
            }
        }

        return targets;
    }
}
