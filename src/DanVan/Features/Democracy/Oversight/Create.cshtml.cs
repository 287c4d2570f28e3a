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

/// <summary>Thành lập ban: a Ban Thanh tra nhân dân or a Ban Giám sát đầu tư của cộng đồng of the user's unit, with its members.</summary>
public class CreateModel(AppDbContext db, CurrentUser currentUser, OversightCommands commands, TimeProvider clock) : PageModel
{
    [BindProperty]
    public OversightBoardInput Input { get; set; } = new();

    public IReadOnlyList<OversightBoardKind> Kinds { get; private set; } = [];

    public List<OversightBoardRule> Rules { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var today = VietnamClock.Today(clock);
        Input.TermFrom = VietnameseText.FormatDate(today);
        Input.TermTo = VietnameseText.FormatDate(today.AddYears(2).AddDays(-1));
        Input.Members.Add(new OversightMemberInput { Role = OversightMemberRole.Head });
        Input.Members.Add(new OversightMemberInput { Role = OversightMemberRole.Deputy });
        return await LoadAsync(ct) ?? Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } failed)
        {
            return failed;
        }

        var result = await commands.SaveBoardAsync((await currentUser.GetScopeAsync(ct))!, null, Input, null, ct);
        if (this.Failure(result) is { } failure)
        {
            BoardFormView.Pad(Input);
            return failure;
        }

        TempData["Message"] = $"Đã ghi {OversightRules.Label(result.Value!.Kind)} với {result.Value.MemberCount} thành viên.";
        return Redirect($"/Democracy/Oversight/Details/{result.Value.Id}");
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        var scope = (await currentUser.GetScopeAsync(ct))!;
        var kind = await db.OrgUnits.AsNoTracking().Where(u => u.Id == scope.UnitId).Select(u => (Domain.Units.OrgUnitKind?)u.Kind).FirstOrDefaultAsync(ct);
        Kinds = OversightRules.KindsFor(kind is { } k ? DisclosureRules.ScopeOf(k) : null);
        if (!DisclosureAccessRules.CanRecord(scope, scope.UnitId) || Kinds.Count == 0)
        {
            return Forbid();
        }

        Rules = await commands.RulesAsync(ct);
        BoardFormView.Pad(Input);
        return null;
    }
}
