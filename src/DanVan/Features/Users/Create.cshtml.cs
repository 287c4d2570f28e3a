using DanVan.Data;
using DanVan.Domain.Access;
using DanVan.Features.Shared;
using DanVan.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Features.Users;

public class CreateModel(AppDbContext db, CurrentUser currentUser, UserCommands commands) : PageModel
{
    [BindProperty]
    public UserInput Input { get; set; } = new();

    public IReadOnlyList<string> AssignableRoles { get; private set; } = [];

    public string? CurrentUnitName { get; private set; }

    public async Task<IActionResult> OnGetAsync(int? unitId, CancellationToken ct)
    {
        var scope = (await currentUser.GetScopeAsync(ct))!;
        if (!UserAccessRules.CanManageUsers(scope))
        {
            return this.ForbidRole(scope, "tạo tài khoản", "quản trị hệ thống, cơ quan điều phối và lãnh đạo đơn vị");
        }

        Input.UnitId = unitId ?? scope.UnitId;
        await LoadAsync(scope, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var scope = (await currentUser.GetScopeAsync(ct))!;
        var result = await commands.CreateAsync(scope, new CreateUserCommand(Input.UserName, Input.FullName, Input.Email, Input.Position, Input.UnitId, Input.Role, Input.Password), ct);
        await LoadAsync(scope, ct);
        if (this.Failure(result) is { } failure)
        {
            Input.Password = null;
            return failure;
        }

        TempData["Message"] = $"Đã tạo tài khoản “{result.Value!.UserName}”.";
        return Redirect($"/Users/Edit/{result.Value.Id}");
    }

    private async Task LoadAsync(UserScope scope, CancellationToken ct)
    {
        AssignableRoles = UserAccessRules.AssignableRoles(scope);
        CurrentUnitName = Input.UnitId is { } id
            ? await db.OrgUnits.AsNoTracking().Where(u => u.Id == id).Select(u => u.Name).FirstOrDefaultAsync(ct)
            : null;
    }
}
