using DanVan.Data;
using DanVan.Domain.Cases;
using DanVan.Domain.Text;
using DanVan.Features.Shared;
using DanVan.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Features.Cases;

/// <summary>Danh mục lĩnh vực đơn: every signed-in user reads it; the administrator adds, renames, reorders and ends fields.</summary>
public class FieldsModel(AppDbContext db, CurrentUser currentUser, CaseFieldCommands commands, TimeProvider clock) : PageModel
{
    [BindProperty]
    public CaseFieldInput Input { get; set; } = new();

    /// <summary>The field being edited (GET ?edit=id, or the POST's id); none: the form adds a field.</summary>
    [BindProperty(SupportsGet = true, Name = "edit")]
    public int? EditId { get; set; }

    public List<CaseField> Fields { get; private set; } = [];

    public Dictionary<string, int> CaseCounts { get; private set; } = [];

    public CaseField? Editing { get; private set; }

    public bool IsAdmin { get; private set; }

    public DateOnly Today { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        if (Editing is { } e)
        {
            Input = new CaseFieldInput
            {
                Code = e.Code, Name = e.Name, SortOrder = e.SortOrder, LegalBasis = e.LegalBasis,
                ValidFrom = VietnameseText.FormatDate(e.ValidFrom), ValidTo = e.ValidTo is { } to ? VietnameseText.FormatDate(to) : null,
            };
        }
        else
        {
            Input.ValidFrom = VietnameseText.FormatDate(Today);
            Input.SortOrder = (Fields.Count == 0 ? 0 : Fields.Max(f => f.SortOrder)) + 10;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var scope = (await currentUser.GetScopeAsync(ct))!;
        if (!scope.IsAdmin)
        {
            return this.ForbidRole(scope, "sửa danh mục lĩnh vực đơn", "quản trị hệ thống");
        }

        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await commands.SaveAsync(scope, EditId, Input, ct);
        if (this.Failure(result) is { } failure)
        {
            return failure;
        }

        TempData["Message"] = EditId is null ? $"Đã thêm lĩnh vực “{result.Value!.Name}”." : $"Đã lưu lĩnh vực “{result.Value!.Name}”.";
        return Redirect("/Cases/Fields");
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        IsAdmin = (await currentUser.GetScopeAsync(ct))?.IsAdmin == true;
        Today = VietnamClock.Today(clock);
        Fields = await db.CaseFields.AsNoTracking().OrderBy(f => f.SortOrder).ThenBy(f => f.Code).ThenBy(f => f.ValidFrom).ToListAsync(ct);
        CaseCounts = await db.Cases.AsNoTracking().GroupBy(c => c.Field).Select(g => new { g.Key, N = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.N, ct);
        if (EditId is { } id)
        {
            Editing = Fields.FirstOrDefault(f => f.Id == id);
            return Editing is not null;
        }

        return true;
    }
}
