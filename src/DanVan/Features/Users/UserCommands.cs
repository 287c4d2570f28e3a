using DanVan.Data;
using DanVan.Domain.Access;
using DanVan.Domain.Text;
using DanVan.Domain.Units;
using DanVan.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Features.Users;

public sealed record CreateUserCommand(string? UserName, string? FullName, string? Email, string? Position, int? UnitId, string? Role, string? Password);

public sealed record UpdateUserCommand(string UserId, string? FullName, string? Email, string? Position, int? UnitId, string? Role);

/// <summary>Account management within the manager's scope. Each use case commits whole or not at all.</summary>
public sealed class UserCommands(AppDbContext db, UserManager<AppUser> users, TimeProvider clock)
{
    public async Task<Result<AppUser>> CreateAsync(UserScope manager, CreateUserCommand cmd, CancellationToken ct = default)
    {
        if (!UserAccessRules.CanManageUsers(manager))
        {
            return Result<AppUser>.Forbidden();
        }

        var errors = new FieldErrors();
        var userName = cmd.UserName is null ? null : UserNames.Canonical(cmd.UserName);
        if (string.IsNullOrEmpty(userName))
        {
            errors.Add(nameof(cmd.UserName), "Vui lòng nhập tên đăng nhập.");
        }
        else if (userName.Length > 64 || !userName.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-' or '@'))
        {
            errors.Add(nameof(cmd.UserName), "Tên đăng nhập chỉ gồm chữ không dấu, chữ số và các dấu . _ - @, tối đa 64 ký tự.");
        }
        else if (await users.FindByNameAsync(userName) is not null)
        {
            errors.Add(nameof(cmd.UserName), $"Tên đăng nhập \"{userName}\" đã được sử dụng.");
        }

        if (string.IsNullOrWhiteSpace(cmd.Password))
        {
            errors.Add(nameof(cmd.Password), "Vui lòng nhập mật khẩu ban đầu.");
        }

        var unit = await ValidateProfileAsync(manager, null, errors, cmd.FullName, cmd.Email, cmd.Position, cmd.UnitId, cmd.Role, ct);
        if (unit is null && !errors.Any)
        {
            return Result<AppUser>.Forbidden();
        }

        if (errors.Any)
        {
            return Result<AppUser>.Invalid(errors.ToDictionary());
        }

        var user = new AppUser
        {
            UserName = userName,
            FullName = VietnameseText.Nfc(cmd.FullName!.Trim())!,
            Email = VietnameseText.Optional(cmd.Email),
            Position = VietnameseText.Optional(cmd.Position),
            OrgUnitId = unit!.Id,
            LockoutEnabled = true,
        };

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        IdentityResult created;
        try
        {
            created = await users.CreateAsync(user, cmd.Password!);
        }
        catch (DbUpdateException e) when (DatabaseFailures.IsUniqueViolation(e))
        {
            // Created meanwhile by a concurrent request: the answer the serial case gets.
            db.ChangeTracker.Clear();
            return Result<AppUser>.Invalid(nameof(cmd.UserName), $"Tên đăng nhập \"{userName}\" đã được sử dụng.");
        }

        if (!created.Succeeded)
        {
            db.ChangeTracker.Clear();
            return Result<AppUser>.Invalid(IdentityErrors(created, nameof(cmd.Password)));
        }

        await users.AddToRoleAsync(user, cmd.Role!);
        await tx.CommitAsync(ct);
        return Result<AppUser>.Ok(user);
    }

    public async Task<Result<AppUser>> UpdateAsync(UserScope manager, UpdateUserCommand cmd, CancellationToken ct = default)
    {
        var (user, currentRole, failure) = await LoadManageableAsync(manager, cmd.UserId, ct);
        if (failure is not null)
        {
            return failure;
        }

        var errors = new FieldErrors();
        var unit = await ValidateProfileAsync(manager, cmd.UserId, errors, cmd.FullName, cmd.Email, cmd.Position, cmd.UnitId, cmd.Role, ct);
        if (unit is null && !errors.Any)
        {
            return Result<AppUser>.Forbidden();
        }

        if (errors.Any)
        {
            return Result<AppUser>.Invalid(errors.ToDictionary());
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        user!.FullName = VietnameseText.Nfc(cmd.FullName!.Trim())!;
        user.Email = VietnameseText.Optional(cmd.Email);
        user.Position = VietnameseText.Optional(cmd.Position);
        user.OrgUnitId = unit!.Id;
        var updated = await users.UpdateAsync(user);
        if (!updated.Succeeded)
        {
            return Result<AppUser>.Invalid(IdentityErrors(updated, ""));
        }

        if (currentRole != cmd.Role)
        {
            if (currentRole is not null)
            {
                await users.RemoveFromRoleAsync(user, currentRole);
            }

            await users.AddToRoleAsync(user, cmd.Role!);
        }

        await tx.CommitAsync(ct);
        return Result<AppUser>.Ok(user);
    }

    public async Task<Result<AppUser>> SetLockedAsync(UserScope manager, string userId, bool locked, CancellationToken ct = default)
    {
        var (user, _, failure) = await LoadManageableAsync(manager, userId, ct);
        if (failure is not null)
        {
            return failure;
        }

        await users.SetLockoutEndDateAsync(user!, locked ? DateTimeOffset.MaxValue : null);
        if (locked)
        {
            await users.UpdateSecurityStampAsync(user!); // its open sessions end at once (SessionValidator)
        }

        if (!locked)
        {
            await users.ResetAccessFailedCountAsync(user!);
        }

        return Result<AppUser>.Ok(user!);
    }

    public async Task<Result<AppUser>> ResetPasswordAsync(UserScope manager, string userId, string? newPassword, CancellationToken ct = default)
    {
        var (user, _, failure) = await LoadManageableAsync(manager, userId, ct);
        if (failure is not null)
        {
            return failure;
        }

        if (string.IsNullOrWhiteSpace(newPassword))
        {
            return Result<AppUser>.Invalid("NewPassword", "Vui lòng nhập mật khẩu mới.");
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var token = await users.GeneratePasswordResetTokenAsync(user!);
        var reset = await users.ResetPasswordAsync(user!, token, newPassword);
        if (!reset.Succeeded)
        {
            return Result<AppUser>.Invalid(IdentityErrors(reset, "NewPassword"));
        }

        await tx.CommitAsync(ct);
        return Result<AppUser>.Ok(user!);
    }

    private async Task<(AppUser? User, string? Role, Result<AppUser>? Failure)> LoadManageableAsync(UserScope manager, string userId, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(userId);
        if (user is null)
        {
            return (null, null, Result<AppUser>.NotFound());
        }

        var unit = await db.OrgUnits.AsNoTracking().FirstAsync(u => u.Id == user.OrgUnitId, ct);
        var role = (await users.GetRolesAsync(user)).FirstOrDefault() ?? Roles.ReadOnly;
        return UserAccessRules.CanManage(manager, user.Id, unit.AncestorPath, unit.Id, role)
            ? (user, role, null)
            : (null, null, Result<AppUser>.Forbidden());
    }

    /// <summary>Checks the fields shared by create and edit; returns the unit, or null when it is out of reach.</summary>
    private async Task<OrgUnit?> ValidateProfileAsync(
        UserScope manager, string? userId, FieldErrors errors, string? fullName, string? email, string? position, int? unitId, string? role, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(fullName))
        {
            errors.Add("FullName", "Vui lòng nhập họ và tên.");
        }
        else if (fullName.Trim().Length > 200)
        {
            errors.Add("FullName", "Họ và tên không quá 200 ký tự.");
        }

        if (!string.IsNullOrWhiteSpace(email) && (email.Length > 256 || !System.Net.Mail.MailAddress.TryCreate(email.Trim(), out _)))
        {
            errors.Add("Email", "Thư điện tử không hợp lệ.");
        }

        if (position is not null && position.Trim().Length > 200)
        {
            errors.Add("Position", "Chức vụ không quá 200 ký tự.");
        }

        if (role is null || !Roles.All.Contains(role))
        {
            errors.Add("Role", "Vui lòng chọn vai trò.");
        }
        else if (!UserAccessRules.AssignableRoles(manager).Contains(role))
        {
            errors.Add("Role", $"Bạn không được giao vai trò \"{Roles.Label(role)}\".");
        }

        if (unitId is null)
        {
            errors.Add("UnitId", "Vui lòng chọn đơn vị công tác.");
            return null;
        }

        var unit = await db.OrgUnits.AsNoTracking().FirstOrDefaultAsync(u => u.Id == unitId, ct);
        if (unit is null || !(manager.IsAdmin || manager.CanSee(unit.AncestorPath, unit.Id)))
        {
            errors.Add("UnitId", "Không tìm thấy đơn vị này trong phạm vi quản lý của bạn.");
            return null;
        }

        if (unit.ValidTo is { } ended && ended < VietnamClock.Today(clock))
        {
            errors.Add("UnitId", "Đơn vị này đã ngừng hoạt động.");
        }

        return role is not null && Roles.All.Contains(role) && !UserAccessRules.CanManage(manager, userId, unit.AncestorPath, unit.Id, role) && !errors.Any
            ? null
            : unit;
    }

    private static Dictionary<string, string[]> IdentityErrors(IdentityResult result, string field) =>
        new() { [field] = [string.Join(" ", result.Errors.Select(e => e.Description))] }; // one message: forms show the first per field

}
