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

/// <summary>Sửa ban: its kind, name, project, term and members (replaced as typed), by the unit's own officers and head.</summary>
public class EditModel(AppDbContext db, CurrentUser currentUser, OversightCommands commands) : PageModel
{
    [BindProperty]
    public OversightBoardInput Input { get; set; } = new();

    [BindProperty]
    public Guid Stamp { get; set; }

    public OversightBoard Row { get; private set; } = null!;

    public IReadOnlyList<OversightBoardKind> Kinds { get; private set; } = [];

    public List<OversightBoardRule> Rules { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } failed)
        {
            return failed;
        }

        Input = new OversightBoardInput
        {
            Kind = Row.Kind, Name = Row.Name, Project = Row.Project, TermFrom = VietnameseText.FormatDate(Row.TermFrom), TermTo = VietnameseText.FormatDate(Row.TermTo),
            Members = Row.Members.OrderBy(m => m.SortOrder).Select(m => new OversightMemberInput { Name = m.Name, Role = m.Role }).ToList(),
        };
        Stamp = Row.ConcurrencyStamp;
        BoardFormView.Pad(Input);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } failed)
        {
            return failed;
        }

        var result = await commands.SaveBoardAsync((await currentUser.GetScopeAsync(ct))!, id, Input, Stamp, ct);
        if (this.Failure(result) is { } failure)
        {
            BoardFormView.Pad(Input);
            return failure;
        }

        TempData["Message"] = "Đã lưu thay đổi.";
        return Redirect($"/Democracy/Oversight/Details/{id}");
    }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        var scope = (await currentUser.GetScopeAsync(ct))!;
        var row = await db.OversightBoards.AsNoTracking().Include(b => b.Members).FirstOrDefaultAsync(b => b.Id == id, ct);
        var unit = row is null ? null : await db.OrgUnits.AsNoTracking().Where(u => u.Id == row.UnitId).Select(u => new { u.Kind, u.AncestorPath }).FirstOrDefaultAsync(ct);
        if (row is null || unit is null || !DisclosureAccessRules.CanRead(scope, unit.AncestorPath, row.UnitId))
        {
            return NotFound();
        }

        if (!DisclosureAccessRules.CanRecord(scope, row.UnitId))
        {
            return Forbid();
        }

        Row = row;
        Kinds = OversightRules.KindsFor(DisclosureRules.ScopeOf(unit.Kind));
        Rules = await commands.RulesAsync(ct);
        return null;
    }
}
