using DanVan.Data;
using DanVan.Domain.Access;
using DanVan.Domain.Democracy;
using DanVan.Domain.Text;
using DanVan.Features.Shared;
using DanVan.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Features.Democracy.StaffConferences;

/// <summary>One conference: read by whoever's scope covers the agency; corrected or deleted (after confirmation) by the agency itself.</summary>
public class EditModel(AppDbContext db, CurrentUser currentUser, StaffConferenceCommands commands) : PageModel
{
    [BindProperty]
    public StaffConferenceInput Input { get; set; } = new();

    [BindProperty]
    public Guid Stamp { get; set; }

    public StaffConference Row { get; private set; } = null!;

    public string UnitName { get; private set; } = "";

    public bool CanRecord { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } failed)
        {
            return failed;
        }

        Saved();
        return Page();
    }

    private void Saved()
    {
        Input = new StaffConferenceInput
        {
            Year = Row.Year, HeldOn = VietnameseText.FormatDate(Row.HeldOn), Attendees = Row.Attendees, StaffTotal = Row.StaffTotal, Form = Row.Form,
            ResolutionNumber = Row.ResolutionNumber, ResolutionOn = Row.ResolutionOn is { } r ? VietnameseText.FormatDate(r) : null, ResolutionText = Row.ResolutionText, Notes = Row.Notes,
        };
        Stamp = Row.ConcurrencyStamp;
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } failed)
        {
            return failed;
        }

        var result = await commands.SaveAsync((await currentUser.GetScopeAsync(ct))!, id, Input, Stamp, ct);
        if (this.Failure(result) is { } failure)
        {
            return failure;
        }

        TempData["Message"] = "Đã lưu thay đổi.";
        return Redirect($"/Democracy/StaffConferences/Edit/{id}");
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } failed)
        {
            return failed;
        }

        var result = await commands.DeleteAsync((await currentUser.GetScopeAsync(ct))!, id, Stamp, ct);
        if (!result.IsOk)
        {
            Saved();
        }

        if (this.Failure(result) is { } failure)
        {
            return failure;
        }

        TempData["Message"] = $"Đã xóa Hội nghị cán bộ, công chức, viên chức năm {Row.Year}.";
        return Redirect("/Democracy/StaffConferences");
    }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        var scope = (await currentUser.GetScopeAsync(ct))!;
        var row = await db.StaffConferences.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
        var unit = row is null ? null : await db.OrgUnits.AsNoTracking().Where(u => u.Id == row.UnitId).Select(u => new { u.Name, u.AncestorPath }).FirstOrDefaultAsync(ct);
        if (row is null || unit is null || !DisclosureAccessRules.CanRead(scope, unit.AncestorPath, row.UnitId))
        {
            return NotFound();
        }

        (Row, UnitName) = (row, unit.Name);
        CanRecord = DisclosureAccessRules.CanRecord(scope, row.UnitId);
        if (!CanRecord && Request.Method == "POST")
        {
            return Forbid();
        }

        return null;
    }
}
