using DanVan.Data;
using DanVan.Domain.Access;
using DanVan.Domain.Democracy;
using DanVan.Domain.Text;
using DanVan.Features.Shared;
using DanVan.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Features.Democracy.Oversight;

/// <summary>One board: its members, its inspections and supervisions newest first, the form to record one, deletion after confirmation.</summary>
public class DetailsModel(AppDbContext db, CurrentUser currentUser, OversightCommands commands, TimeProvider clock) : PageModel
{
    public OversightBoard Row { get; private set; } = null!;

    public string UnitName { get; private set; } = "";

    public List<OversightActivity> Activities { get; private set; } = [];

    public bool CanRecord { get; private set; }

    public string? Bounds { get; private set; }

    [BindProperty]
    public OversightActivityInput Activity { get; set; } = new();

    [BindProperty]
    public Guid Stamp { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        Activity.HeldOn = VietnameseText.FormatDate(VietnamClock.Today(clock));
        Activity.Kind = OversightActivityKind.Supervision;
        return await LoadAsync(id, ct) ?? Page();
    }

    public async Task<IActionResult> OnPostActivityAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } failed)
        {
            return failed;
        }

        var result = await commands.RecordActivityAsync((await currentUser.GetScopeAsync(ct))!, id, Activity, ct);
        if (this.Failure(result, nameof(Activity)) is { } failure)
        {
            return failure;
        }

        TempData["Message"] = $"Đã ghi cuộc {OversightRules.Label(result.Value!.Kind).ToLower(VietnameseText.Culture)} ngày {VietnameseText.FormatDate(result.Value.HeldOn)}.";
        return Redirect($"/Democracy/Oversight/Details/{id}");
    }

    public async Task<IActionResult> OnPostSettleAsync(int id, int activityId, bool settled, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } failed)
        {
            return failed;
        }

        var result = await commands.SettleAsync((await currentUser.GetScopeAsync(ct))!, id, activityId, settled, ct);
        if (this.Failure(result, "") is { } failure)
        {
            return failure;
        }

        TempData["Message"] = settled ? "Đã ghi nhận kiến nghị đã được giải quyết." : "Đã ghi nhận kiến nghị chưa được giải quyết.";
        return Redirect($"/Democracy/Oversight/Details/{id}");
    }

    public async Task<IActionResult> OnPostDeleteActivityAsync(int id, int activityId, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } failed)
        {
            return failed;
        }

        var result = await commands.DeleteActivityAsync((await currentUser.GetScopeAsync(ct))!, id, activityId, Stamp, ct);
        if (this.Failure(result, "") is { } failure)
        {
            return failure;
        }

        TempData["Message"] = $"Đã xóa cuộc kiểm tra, giám sát «{result.Value!.Subject}».";
        return Redirect($"/Democracy/Oversight/Details/{id}");
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } failed)
        {
            return failed;
        }

        var result = await commands.DeleteBoardAsync((await currentUser.GetScopeAsync(ct))!, id, Stamp, ct);
        if (this.Failure(result, "") is { } failure)
        {
            return failure;
        }

        TempData["Message"] = $"Đã xóa «{Row.Name}» cùng các cuộc kiểm tra, giám sát của ban.";
        return Redirect("/Democracy/Oversight");
    }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        var scope = (await currentUser.GetScopeAsync(ct))!;
        var row = await db.OversightBoards.AsNoTracking().Include(b => b.Members).FirstOrDefaultAsync(b => b.Id == id, ct);
        var unit = row is null ? null : await db.OrgUnits.AsNoTracking().Where(u => u.Id == row.UnitId).Select(u => new { u.Name, u.Kind, u.AncestorPath }).FirstOrDefaultAsync(ct);
        if (row is null || unit is null || !DisclosureAccessRules.CanRead(scope, unit.AncestorPath, row.UnitId))
        {
            return NotFound();
        }

        (Row, UnitName) = (row, unit.Name);
        CanRecord = DisclosureAccessRules.CanRecord(scope, row.UnitId);
        Activities = await db.OversightActivities.AsNoTracking().Where(a => a.BoardId == id).OrderByDescending(a => a.HeldOn).ThenByDescending(a => a.Id).Take(500).ToListAsync(ct);
        if (DisclosureRules.ScopeOf(unit.Kind) is { } s && OversightRules.RuleFor(await commands.RulesAsync(ct), row.Kind, s, row.TermFrom) is { } rule)
        {
            Bounds = OversightRules.Bounds(rule) is { } b ? $"{b} ({rule.LegalBasis})" : null;
        }

        return null;
    }
}
