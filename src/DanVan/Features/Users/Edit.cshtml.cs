using System.ComponentModel.DataAnnotations;
using DanVan.Data;
using DanVan.Domain.Access;
using DanVan.Features.Shared;
using DanVan.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Features.Users;

public class EditModel(AppDbContext db, CurrentUser currentUser, UserManager<AppUser> users, UserCommands commands, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string Id { get; set; } = "";

    [BindProperty]
    public UserInput Input { get; set; } = new();

    [BindProperty]
    [Display(Name = "Mật khẩu mới")]
    public string? NewPassword { get; set; }

    public AppUser Account { get; private set; } = null!;

    public bool Locked { get; private set; }

    public IReadOnlyList<string> AssignableRoles { get; private set; } = [];

    public string? CurrentUnitName { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } failed)
        {
            return failed;
        }

        Input = new UserInput
        {
            UserName = Account.UserName,
            FullName = Account.FullName,
            Email = Account.Email,
            Position = Account.Position,
            UnitId = Account.OrgUnitId,
            Role = (await users.GetRolesAsync(Account)).FirstOrDefault(),
        };
        await LoadUnitNameAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } failed)
        {
            return failed;
        }

        var scope = (await currentUser.GetScopeAsync(ct))!;
        var result = await commands.UpdateAsync(scope, new UpdateUserCommand(Id, Input.FullName, Input.Email, Input.Position, Input.UnitId, Input.Role), ct);
        await LoadUnitNameAsync(ct);
        if (this.Failure(result) is { } failure)
        {
            return failure;
        }

        TempData["Message"] = "Đã lưu thông tin tài khoản.";
        return Redirect($"/Users/Edit/{Id}");
    }

    public async Task<IActionResult> OnPostLockAsync(bool locked, CancellationToken ct)
    {
        var scope = (await currentUser.GetScopeAsync(ct))!;
        var result = await commands.SetLockedAsync(scope, Id, locked, ct);
        if (result.Status == ResultStatus.NotFound)
        {
            return NotFound();
        }

        if (result.Status == ResultStatus.Forbidden)
        {
            return Forbid();
        }

        TempData["Message"] = locked ? "Đã khóa tài khoản." : "Đã mở khóa tài khoản.";
        return Redirect($"/Users/Edit/{Id}");
    }

    public async Task<IActionResult> OnPostPasswordAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } failed)
        {
            return failed;
        }

        var scope = (await currentUser.GetScopeAsync(ct))!;
        var result = await commands.ResetPasswordAsync(scope, Id, NewPassword, ct);
        Input = new UserInput
        {
            UserName = Account.UserName, FullName = Account.FullName, Email = Account.Email, Position = Account.Position,
            UnitId = Account.OrgUnitId, Role = (await users.GetRolesAsync(Account)).FirstOrDefault(),
        };
        await LoadUnitNameAsync(ct);
        NewPassword = null;
        if (this.Failure(result, prefix: "") is { } failure)
        {
            return failure;
        }

        TempData["Message"] = "Đã đặt lại mật khẩu.";
        return Redirect($"/Users/Edit/{Id}");
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        var scope = (await currentUser.GetScopeAsync(ct))!;
        var account = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == Id, ct);
        if (account is null)
        {
            return NotFound();
        }

        var unit = await db.OrgUnits.AsNoTracking().FirstAsync(u => u.Id == account.OrgUnitId, ct);
        var role = (await users.GetRolesAsync(account)).FirstOrDefault() ?? Roles.ReadOnly;
        if (!UserAccessRules.CanManage(scope, account.Id, unit.AncestorPath, unit.Id, role))
        {
            return Forbid();
        }

        Account = account;
        Locked = account.LockoutEnd is { } end && end > clock.GetUtcNow();
        AssignableRoles = UserAccessRules.AssignableRoles(scope);
        return null;
    }

    private async Task LoadUnitNameAsync(CancellationToken ct) =>
        CurrentUnitName = Input.UnitId is { } id
            ? await db.OrgUnits.AsNoTracking().Where(u => u.Id == id).Select(u => u.Name).FirstOrDefaultAsync(ct)
            : null;
}
