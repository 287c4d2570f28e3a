using DanVan.Data;
using DanVan.Domain.Access;
using DanVan.Domain.Democracy;
using DanVan.Features.Shared;
using DanVan.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Features.Democracy.Decisions;

/// <summary>One vote: the figures, the outcome with its threshold and basis, the minutes as DOCX, deletion by the commune after confirmation.</summary>
public class DetailsModel(AppDbContext db, CurrentUser currentUser, DecisionCommands commands, TimeProvider clock) : PageModel
{
    public PeopleDecision Row { get; private set; } = null!;

    public string UnitName { get; private set; } = "";

    public string RuleName { get; private set; } = "";

    public bool CanRecord { get; private set; }

    [BindProperty]
    public Guid Stamp { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ?? Page();

    public async Task<IActionResult> OnGetDocxAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } failed)
        {
            return failed;
        }

        var (_, place) = await DocumentPlace.OfUnitAsync(db, Row.UnitId, ct);
        var stream = new MemoryStream();
        DecisionMinutesDocx.Write(stream, Row, UnitName, RuleName, place, VietnamClock.Today(clock));
        stream.Position = 0;
        return File(stream, "application/vnd.openxmlformats-officedocument.wordprocessingml.document", DecisionMinutesDocx.FileName(Row));
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } failed)
        {
            return failed;
        }

        var result = await commands.DeleteAsync((await currentUser.GetScopeAsync(ct))!, id, Stamp, ct);
        if (this.Failure(result, "") is { } failure)
        {
            return failure;
        }

        TempData["Message"] = $"Đã xóa kết quả biểu quyết «{Row.Matter}».";
        return Redirect("/Democracy/Decisions");
    }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        var scope = (await currentUser.GetScopeAsync(ct))!;
        var row = await db.PeopleDecisions.AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, ct);
        var unit = row is null ? null : await db.OrgUnits.AsNoTracking().Where(u => u.Id == row.UnitId).Select(u => new { u.Name, u.AncestorPath }).FirstOrDefaultAsync(ct);
        if (row is null || unit is null || !DisclosureAccessRules.CanRead(scope, unit.AncestorPath, row.UnitId))
        {
            return NotFound();
        }

        (Row, UnitName) = (row, unit.Name);
        RuleName = await db.DecisionRules.AsNoTracking().Where(r => r.Code == row.RuleCode).OrderByDescending(r => r.ValidFrom).Select(r => r.Name).FirstOrDefaultAsync(ct) ?? row.RuleCode;
        CanRecord = DisclosureAccessRules.CanRecord(scope, row.UnitId);
        return null;
    }
}
