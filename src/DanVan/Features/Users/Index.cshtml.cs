using DanVan.Data;
using DanVan.Domain.Access;
using DanVan.Domain.Text;
using DanVan.Features.Units;
using DanVan.Infrastructure;
using DanVan.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Features.Users;

public sealed record UserRow(string Id, string UserName, string FullName, string? Position, int UnitId, string UnitName, string? Role, bool TwoFactor, DateTimeOffset? LockoutEnd);

/// <summary>Accounts in the manager's scope: search, sort by unit and name, paging.</summary>
public class IndexModel(AppDbContext db, CurrentUser currentUser, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    [BindProperty(SupportsGet = true, Name = "page")]
    public int? PageNumber { get; set; }

    public PagedList<UserRow> Users { get; private set; } = null!;

    public DateTimeOffset Now { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var scope = (await currentUser.GetScopeAsync(ct))!;
        if (!UserAccessRules.CanManageUsers(scope))
        {
            return this.ForbidRole(scope, "quản lý tài khoản", "quản trị hệ thống, cơ quan điều phối và lãnh đạo đơn vị");
        }

        Now = clock.GetUtcNow();
        var units = db.OrgUnits.AsNoTracking().InScope(scope);
        var query = from u in db.Users.AsNoTracking()
                    join unit in units on u.OrgUnitId equals unit.Id
                    select new { u, unit };
        var folded = VietnameseText.Fold(Query);
        if (folded.Length > 0)
        {
            var raw = Query!.Trim();
            query = query.Where(x => x.u.UserName!.Contains(raw) || x.u.FullName.Contains(raw) || x.unit.SearchText.Contains(folded));
        }

        Users = await query
            .OrderBy(x => x.unit.SearchText).ThenBy(x => x.u.UserName)
            .Select(x => new UserRow(
                x.u.Id, x.u.UserName!, x.u.FullName, x.u.Position, x.unit.Id, x.unit.Name,
                db.UserRoles.Where(r => r.UserId == x.u.Id).Join(db.Roles, r => r.RoleId, r => r.Id, (_, r) => r.Name).FirstOrDefault(),
                x.u.TwoFactorEnabled, x.u.LockoutEnd))
            .ToPagedListAsync(PageNumber, 50, ct);
        return Page();
    }
}
