using DanVan.Data;
using DanVan.Domain.Access;
using DanVan.Domain.Reception;
using DanVan.Domain.Text;
using DanVan.Features.Shared;
using DanVan.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Features.Reception;

/// <summary>Lên lịch tiếp công dân: a session on the unit's published schedule, its head by default.</summary>
public class CreateModel(AppDbContext db, CurrentUser currentUser, ReceptionCommands commands, TimeProvider clock) : PageModel
{
    [BindProperty]
    public ReceptionScheduleInput Input { get; set; } = new();

    public ReceptionDuty? Duty { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var scope = (await currentUser.GetScopeAsync(ct))!;
        if (!ReceptionAccessRules.CanManage(scope, scope.UnitId))
        {
            return this.ForbidRole(scope, "đăng lịch tiếp công dân", "cán bộ và lãnh đạo của đơn vị tiếp công dân");
        }

        await LoadDutyAsync(scope, ct);
        Input.Kind = ReceptionKind.Periodic;
        Input.Time = "07h30 – 11h00";
        var unit = await db.OrgUnits.Where(u => u.Id == scope.UnitId).Select(u => new { u.Name, u.Kind }).SingleAsync(ct);
        Input.Place = "Trụ sở " + Cases.CaseNoticeDocx.Issuer(unit.Name, unit.Kind); // "Trụ sở Ủy ban nhân dân Phường Tân Ninh"
        var head = await (from u in db.Users
                          join ur in db.UserRoles on u.Id equals ur.UserId
                          join r in db.Roles on ur.RoleId equals r.Id
                          where u.OrgUnitId == scope.UnitId && r.Name == Roles.UnitHead
                          orderby u.UserName
                          select new { u.FullName, u.Position }).FirstOrDefaultAsync(ct);
        Input.HostName = head?.FullName;
        Input.HostPost = head?.Position;
        var today = VietnamClock.Today(clock);
        Input.On = VietnameseText.FormatDate(today.AddDays(7));
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var scope = (await currentUser.GetScopeAsync(ct))!;
        if (!ReceptionAccessRules.CanManage(scope, scope.UnitId))
        {
            return this.ForbidRole(scope, "đăng lịch tiếp công dân", "cán bộ và lãnh đạo của đơn vị tiếp công dân");
        }

        await LoadDutyAsync(scope, ct);
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await commands.ScheduleAsync(scope, Input, ct);
        if (this.Failure(result) is { } failure)
        {
            return failure;
        }

        TempData["Message"] = $"Đã đưa buổi tiếp công dân ngày {VietnameseText.FormatDate(result.Value!.On)} lên lịch (công khai trên trang Lịch tiếp công dân).";
        return Redirect($"/Reception/Details/{result.Value.Id}");
    }

    private async Task LoadDutyAsync(UserScope scope, CancellationToken ct)
    {
        var kind = await db.OrgUnits.Where(u => u.Id == scope.UnitId).Select(u => u.Kind).SingleAsync(ct);
        Duty = ReceptionRules.DutyOf(await db.ReceptionDuties.AsNoTracking().ToListAsync(ct), kind, VietnamClock.Today(clock));
    }
}
