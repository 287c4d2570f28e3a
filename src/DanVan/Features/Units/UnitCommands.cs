using System.Text.RegularExpressions;
using DanVan.Data;
using DanVan.Domain.Access;
using DanVan.Domain.Text;
using DanVan.Domain.Units;
using DanVan.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Features.Units;

public sealed record CreateUnitCommand(
    int ParentId, string? Code, string? Name, OrgUnitKind? Kind, string? ShortName, DateOnly? ValidFrom, string? LegalBasis);

public sealed record RenameUnitCommand(int UnitId, string? NewName, DateOnly? EffectiveDate, string? LegalBasis);

public sealed record MoveUnitCommand(int UnitId, int? NewParentId, DateOnly? EffectiveDate, string? LegalBasis);

public sealed record MergeUnitsCommand(IReadOnlyList<int> SourceIds, int? TargetId, DateOnly? EffectiveDate, string? LegalBasis);

public sealed record SplitUnitCommand(int UnitId, IReadOnlyList<int> SuccessorIds, DateOnly? EffectiveDate, string? LegalBasis);

/// <summary>The use cases that change the directory. Pages, the JSON API, the command line and tests all call these.</summary>
public sealed partial class UnitCommands(AppDbContext db, TimeProvider clock)
{
    public const int MaxNameLength = 300;

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$")]
    private static partial Regex CodePattern();

    /// <param name="validateOnly">Check everything and save nothing (a form that has other errors already).</param>
    public async Task<Result<OrgUnit>> CreateAsync(UserScope user, CreateUnitCommand cmd, CancellationToken ct = default, bool validateOnly = false)
    {
        var parent = await db.OrgUnits.FirstOrDefaultAsync(u => u.Id == cmd.ParentId, ct);
        if (parent is null)
        {
            return Result<OrgUnit>.NotFound();
        }

        if (!UnitAccessRules.Allows(user, UnitOperation.CreateChild, parent.AncestorPath, parent.Id))
        {
            return Result<OrgUnit>.Forbidden();
        }

        var errors = new FieldErrors();
        var name = VietnameseText.Nfc(cmd.Name?.Trim());
        var code = cmd.Code?.Trim();
        ValidateName(errors, nameof(cmd.Name), name);
        if (string.IsNullOrEmpty(code))
        {
            errors.Add(nameof(cmd.Code), "Vui lòng nhập mã đơn vị.");
        }
        else if (!CodePattern().IsMatch(code))
        {
            errors.Add(nameof(cmd.Code), "Mã đơn vị chỉ gồm chữ không dấu, chữ số và các dấu . _ -, tối đa 32 ký tự, bắt đầu bằng chữ hoặc số.");
        }
        else if (await db.OrgUnits.AnyAsync(u => u.Code == code, ct))
        {
            errors.Add(nameof(cmd.Code), $"Mã đơn vị \"{code}\" đã được dùng cho một đơn vị khác.");
        }

        if (cmd.Kind is not { } kind || !OrgUnitKinds.Creatable.Contains(kind))
        {
            errors.Add(nameof(cmd.Kind), "Vui lòng chọn loại đơn vị.");
        }

        var today = VietnamClock.Today(clock);
        if (parent.ValidTo is { } ended && ended < today)
        {
            errors.Add(nameof(cmd.ParentId), $"Đơn vị cấp trên đã ngừng hoạt động từ {VietnameseText.FormatDate(ended.AddDays(1))}.");
        }

        if (cmd.ValidFrom is { } from && parent.ValidFrom is { } parentFrom && from < parentFrom)
        {
            errors.Add(nameof(cmd.ValidFrom), "Ngày bắt đầu hoạt động không thể trước ngày đơn vị cấp trên bắt đầu hoạt động.");
        }

        ValidateText(errors, nameof(cmd.ShortName), cmd.ShortName, 100, "Tên viết tắt");
        ValidateText(errors, nameof(cmd.LegalBasis), cmd.LegalBasis, 300, "Căn cứ pháp lý");
        if (errors.Any || validateOnly)
        {
            return Result<OrgUnit>.Invalid(errors.ToDictionary());
        }

        var unit = new OrgUnit
        {
            Code = code!,
            Kind = cmd.Kind!.Value,
            ShortName = VietnameseText.Optional(cmd.ShortName),
            ValidFrom = cmd.ValidFrom ?? today,
            LegalBasis = VietnameseText.Optional(cmd.LegalBasis),
        };
        unit.SetName(name!);
        unit.PlaceUnder(parent);
        db.OrgUnits.Add(unit);
        db.OrgUnitEvents.Add(new OrgUnitEvent
        {
            Kind = OrgUnitEventKind.Created,
            Unit = unit,
            EffectiveDate = unit.ValidFrom.Value,
            NewName = unit.Name,
            NewParentId = parent.Id,
            LegalBasis = unit.LegalBasis,
            RecordedAtUtc = clock.GetUtcNow().UtcDateTime,
        });
        if (!await db.TrySaveUniqueAsync(ct))
        {
            return Result<OrgUnit>.Invalid(nameof(cmd.Code), $"Mã đơn vị \"{code}\" đã được dùng cho một đơn vị khác.");
        }

        return Result<OrgUnit>.Ok(unit);
    }

    public async Task<Result<OrgUnit>> RenameAsync(UserScope user, RenameUnitCommand cmd, CancellationToken ct = default)
    {
        var unit = await db.OrgUnits.FirstOrDefaultAsync(u => u.Id == cmd.UnitId, ct);
        if (unit is null)
        {
            return Result<OrgUnit>.NotFound();
        }

        if (!UnitAccessRules.Allows(user, UnitOperation.Rename, unit.AncestorPath, unit.Id))
        {
            return Result<OrgUnit>.Forbidden();
        }

        var errors = new FieldErrors();
        var name = VietnameseText.Nfc(cmd.NewName?.Trim());
        ValidateName(errors, nameof(cmd.NewName), name);
        if (name is not null && name == unit.Name)
        {
            errors.Add(nameof(cmd.NewName), "Tên mới trùng với tên hiện tại.");
        }

        var effective = ValidateEffectiveDate(errors, unit, cmd.EffectiveDate);
        ValidateText(errors, nameof(cmd.LegalBasis), cmd.LegalBasis, 300, "Căn cứ pháp lý");
        if (errors.Any)
        {
            return Result<OrgUnit>.Invalid(errors.ToDictionary());
        }

        var oldName = unit.Name;
        unit.SetName(name!);
        db.OrgUnitEvents.Add(new OrgUnitEvent
        {
            Kind = OrgUnitEventKind.Renamed,
            UnitId = unit.Id,
            EffectiveDate = effective,
            OldName = oldName,
            NewName = unit.Name,
            LegalBasis = VietnameseText.Optional(cmd.LegalBasis),
            RecordedAtUtc = clock.GetUtcNow().UtcDateTime,
        });
        await db.SaveChangesAsync(ct);
        return Result<OrgUnit>.Ok(unit);
    }

    public async Task<Result<OrgUnit>> MoveAsync(UserScope user, MoveUnitCommand cmd, CancellationToken ct = default)
    {
        var unit = await db.OrgUnits.FirstOrDefaultAsync(u => u.Id == cmd.UnitId, ct);
        if (unit is null)
        {
            return Result<OrgUnit>.NotFound();
        }

        if (!UnitAccessRules.Allows(user, UnitOperation.Move, unit.AncestorPath, unit.Id))
        {
            return Result<OrgUnit>.Forbidden();
        }

        var errors = new FieldErrors();
        OrgUnit? parent = null;
        if (cmd.NewParentId is not { } parentId)
        {
            errors.Add(nameof(cmd.NewParentId), "Vui lòng chọn đơn vị cấp trên mới.");
        }
        else
        {
            parent = await db.OrgUnits.FirstOrDefaultAsync(u => u.Id == parentId, ct);
            if (parent is null || !user.CanSee(parent.AncestorPath, parent.Id))
            {
                errors.Add(nameof(cmd.NewParentId), "Không tìm thấy đơn vị cấp trên mới trong phạm vi quản lý của bạn.");
            }
            else if (!UnitAccessRules.Allows(user, UnitOperation.CreateChild, parent.AncestorPath, parent.Id))
            {
                errors.Add(nameof(cmd.NewParentId), "Bạn không có quyền thêm đơn vị trực thuộc vào đơn vị này.");
            }
            else if (parent.Id == unit.Id || UnitPaths.IsWithin(parent.AncestorPath, parent.Id, unit.SubtreePrefix))
            {
                errors.Add(nameof(cmd.NewParentId), "Không thể chuyển một đơn vị vào chính nó hoặc vào đơn vị trực thuộc của nó.");
            }
            else if (parent.Id == unit.ParentId)
            {
                errors.Add(nameof(cmd.NewParentId), "Đơn vị đã trực thuộc đơn vị này.");
            }
        }

        var effective = ValidateEffectiveDate(errors, unit, cmd.EffectiveDate);
        ValidateText(errors, nameof(cmd.LegalBasis), cmd.LegalBasis, 300, "Căn cứ pháp lý");
        if (errors.Any)
        {
            return Result<OrgUnit>.Invalid(errors.ToDictionary());
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var oldParentId = unit.ParentId;
        await MoveSubtreeAsync(unit, parent!, ct);
        db.OrgUnitEvents.Add(new OrgUnitEvent
        {
            Kind = OrgUnitEventKind.Moved,
            UnitId = unit.Id,
            EffectiveDate = effective,
            OldParentId = oldParentId,
            NewParentId = parent!.Id,
            LegalBasis = VietnameseText.Optional(cmd.LegalBasis),
            RecordedAtUtc = clock.GetUtcNow().UtcDateTime,
        });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return Result<OrgUnit>.Ok(unit);
    }

    public async Task<Result<OrgUnit>> MergeAsync(UserScope user, MergeUnitsCommand cmd, CancellationToken ct = default)
    {
        var errors = new FieldErrors();
        var sourceIds = cmd.SourceIds.Distinct().ToList();
        var sources = await db.OrgUnits.Where(u => sourceIds.Contains(u.Id)).ToListAsync(ct);
        if (sourceIds.Count == 0 || sources.Count != sourceIds.Count)
        {
            return Result<OrgUnit>.NotFound();
        }

        if (sources.Any(s => !UnitAccessRules.Allows(user, UnitOperation.Merge, s.AncestorPath, s.Id)))
        {
            return Result<OrgUnit>.Forbidden();
        }

        OrgUnit? target = null;
        if (cmd.TargetId is not { } targetId)
        {
            errors.Add(nameof(cmd.TargetId), "Vui lòng chọn đơn vị nhận sáp nhập.");
        }
        else
        {
            target = await db.OrgUnits.FirstOrDefaultAsync(u => u.Id == targetId, ct);
            if (target is null || !UnitAccessRules.Allows(user, UnitOperation.CreateChild, target.AncestorPath, target.Id))
            {
                errors.Add(nameof(cmd.TargetId), "Không tìm thấy đơn vị nhận sáp nhập trong phạm vi quản lý của bạn.");
            }
            else if (sources.Any(s => s.Id == target.Id || UnitPaths.IsWithin(target.AncestorPath, target.Id, s.SubtreePrefix)))
            {
                errors.Add(nameof(cmd.TargetId), "Đơn vị nhận sáp nhập không thể là đơn vị bị sáp nhập hoặc đơn vị trực thuộc của nó.");
            }
            else if (target.ValidTo is not null)
            {
                errors.Add(nameof(cmd.TargetId), "Đơn vị nhận sáp nhập đã ngừng hoạt động.");
            }
        }

        var today = VietnamClock.Today(clock);
        var effective = cmd.EffectiveDate ?? today;
        foreach (var source in sources)
        {
            if (source.ValidTo is not null)
            {
                errors.Add(nameof(cmd.SourceIds), $"Đơn vị \"{source.Name}\" đã ngừng hoạt động, không thể sáp nhập.");
            }
            else if (source.ValidFrom is { } from && effective <= from)
            {
                errors.Add(nameof(cmd.EffectiveDate), $"Ngày hiệu lực phải sau ngày đơn vị \"{source.Name}\" bắt đầu hoạt động ({VietnameseText.FormatDate(from)}).");
            }
        }

        ValidateText(errors, nameof(cmd.LegalBasis), cmd.LegalBasis, 300, "Căn cứ pháp lý");
        if (errors.Any)
        {
            return Result<OrgUnit>.Invalid(errors.ToDictionary());
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var source in sources)
        {
            // Units still working under the merged unit now report to the successor.
            var children = await db.OrgUnits.Where(c => c.ParentId == source.Id && c.ValidTo == null).ToListAsync(ct);
            foreach (var child in children)
            {
                await MoveSubtreeAsync(child, target!, ct);
            }

            source.ValidTo = effective.AddDays(-1);
            var mergeEvent = new OrgUnitEvent
            {
                Kind = OrgUnitEventKind.Merged,
                UnitId = source.Id,
                EffectiveDate = effective,
                OldName = source.Name,
                NewName = target!.Name,
                NewParentId = target.Id,
                LegalBasis = VietnameseText.Optional(cmd.LegalBasis),
                RecordedAtUtc = now,
            };
            db.OrgUnitEvents.Add(mergeEvent);
            db.OrgUnitSuccessions.Add(new OrgUnitSuccession
            {
                PredecessorId = source.Id,
                SuccessorId = target.Id,
                EffectiveDate = effective,
                Event = mergeEvent,
            });

            // The staff of the merged unit join the successor.
            var staff = await db.Users.Where(u => u.OrgUnitId == source.Id).ToListAsync(ct);
            foreach (var person in staff)
            {
                person.OrgUnitId = target.Id;
            }
        }

        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return Result<OrgUnit>.Ok(target!);
    }

    /// <summary>
    /// Chia tách: the unit ends and its territory or duties pass to two or more existing units, which old records
    /// then map to. Sub-units and accounts must be moved first, so that nothing is left hanging under a dead unit.
    /// </summary>
    public async Task<Result<OrgUnit>> SplitAsync(UserScope user, SplitUnitCommand cmd, CancellationToken ct = default)
    {
        var unit = await db.OrgUnits.FirstOrDefaultAsync(u => u.Id == cmd.UnitId, ct);
        if (unit is null)
        {
            return Result<OrgUnit>.NotFound();
        }

        if (!UnitAccessRules.Allows(user, UnitOperation.Merge, unit.AncestorPath, unit.Id))
        {
            return Result<OrgUnit>.Forbidden();
        }

        var errors = new FieldErrors();
        var ids = cmd.SuccessorIds.Distinct().Where(id => id != unit.Id).ToList();
        var successors = await db.OrgUnits.AsNoTracking().Where(u => ids.Contains(u.Id)).ToListAsync(ct);
        if (ids.Count < 2)
        {
            errors.Add(nameof(cmd.SuccessorIds), "Chia tách cần ít nhất hai đơn vị kế thừa; nếu chỉ có một, hãy dùng chức năng Sáp nhập.");
        }
        else if (successors.Count != ids.Count || successors.Any(s => !user.CanSee(s.AncestorPath, s.Id)))
        {
            errors.Add(nameof(cmd.SuccessorIds), "Có đơn vị kế thừa không tồn tại hoặc nằm ngoài phạm vi quản lý của bạn.");
        }
        else if (successors.Any(s => s.ValidTo is not null))
        {
            errors.Add(nameof(cmd.SuccessorIds), "Đơn vị kế thừa phải đang hoạt động.");
        }
        else if (successors.Any(s => UnitPaths.IsWithin(s.AncestorPath, s.Id, unit.SubtreePrefix)))
        {
            errors.Add(nameof(cmd.SuccessorIds), "Đơn vị kế thừa không thể là đơn vị trực thuộc của đơn vị bị chia tách.");
        }

        var effective = ValidateEffectiveDate(errors, unit, cmd.EffectiveDate);
        if (unit.ValidFrom is { } from && effective <= from)
        {
            errors.Add(nameof(cmd.EffectiveDate), $"Ngày hiệu lực phải sau ngày đơn vị bắt đầu hoạt động ({VietnameseText.FormatDate(from)}).");
        }

        var activeChildren = await db.OrgUnits.CountAsync(c => c.ParentId == unit.Id && c.ValidTo == null, ct);
        if (activeChildren > 0)
        {
            errors.Add("", $"Đơn vị còn {activeChildren} đơn vị trực thuộc đang hoạt động: hãy chuyển chúng sang đơn vị kế thừa trước khi chia tách.");
        }

        var staff = await db.Users.CountAsync(u => u.OrgUnitId == unit.Id, ct);
        if (staff > 0)
        {
            errors.Add("", $"Đơn vị còn {staff} tài khoản người dùng: hãy chuyển họ sang đơn vị kế thừa trước khi chia tách.");
        }

        ValidateText(errors, nameof(cmd.LegalBasis), cmd.LegalBasis, 300, "Căn cứ pháp lý");
        if (errors.Any)
        {
            return Result<OrgUnit>.Invalid(errors.ToDictionary());
        }

        unit.ValidTo = effective.AddDays(-1);
        var split = new OrgUnitEvent
        {
            Kind = OrgUnitEventKind.Split,
            UnitId = unit.Id,
            EffectiveDate = effective,
            OldName = unit.Name,
            LegalBasis = VietnameseText.Optional(cmd.LegalBasis),
            Note = "Kế thừa: " + string.Join("; ", successors.Select(s => s.Name)),
            RecordedAtUtc = clock.GetUtcNow().UtcDateTime,
        };
        db.OrgUnitEvents.Add(split);
        foreach (var successor in successors)
        {
            db.OrgUnitSuccessions.Add(new OrgUnitSuccession { PredecessorId = unit.Id, SuccessorId = successor.Id, EffectiveDate = effective, Event = split });
        }

        await db.SaveChangesAsync(ct);
        return Result<OrgUnit>.Ok(unit);
    }

    /// <summary>Re-parents a unit and rewrites the paths of its whole subtree in one statement.</summary>
    private async Task MoveSubtreeAsync(OrgUnit unit, OrgUnit newParent, CancellationToken ct)
    {
        var oldPrefix = unit.SubtreePrefix;
        var oldDepth = unit.Depth;
        unit.PlaceUnder(newParent);
        var newPrefix = unit.SubtreePrefix;
        var depthDelta = unit.Depth - oldDepth;
        await db.SaveChangesAsync(ct);
        var cut = oldPrefix.Length;
        await db.OrgUnits
            .Where(u => u.AncestorPath.StartsWith(oldPrefix))
            .ExecuteUpdateAsync(s => s
                .SetProperty(u => u.AncestorPath, u => newPrefix + u.AncestorPath.Substring(cut))
                .SetProperty(u => u.Depth, u => u.Depth + depthDelta), ct);
    }

    private DateOnly ValidateEffectiveDate(FieldErrors errors, OrgUnit unit, DateOnly? requested)
    {
        var effective = requested ?? VietnamClock.Today(clock);
        if (unit.ValidFrom is { } from && effective < from)
        {
            errors.Add("EffectiveDate", $"Ngày hiệu lực không thể trước ngày đơn vị bắt đầu hoạt động ({VietnameseText.FormatDate(from)}).");
        }

        if (unit.ValidTo is { } to)
        {
            errors.Add("", $"Đơn vị đã ngừng hoạt động từ {VietnameseText.FormatDate(to.AddDays(1))}; không thể thay đổi.");
        }

        return effective;
    }

    private static void ValidateName(FieldErrors errors, string field, string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            errors.Add(field, "Vui lòng nhập tên đơn vị.");
        }
        else if (name.Length > MaxNameLength)
        {
            errors.Add(field, $"Tên đơn vị không quá {MaxNameLength} ký tự.");
        }
        else if (name.Any(char.IsControl))
        {
            errors.Add(field, "Tên đơn vị chứa ký tự không hợp lệ.");
        }
    }

    private static void ValidateText(FieldErrors errors, string field, string? value, int max, string label)
    {
        if (value is not null && value.Trim().Length > max)
        {
            errors.Add(field, $"{label} không quá {max} ký tự.");
        }
    }
}
