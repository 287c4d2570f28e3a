using DanVan.Data;
using DanVan.Domain.Access;
using DanVan.Domain.Training;
using DanVan.Features.Shared;
using DanVan.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Features.Training;

/// <summary>One session: what, when, documents covered with the unit's share briefed on each today, staff present; deletion after confirmation.</summary>
public class DetailsModel(AppDbContext db, CurrentUser currentUser, TrainingCommands commands, TimeProvider clock) : PageModel
{
    public sealed record DocumentLine(int Id, string Code, string Title, Coverage Coverage);

    public TrainingSession Row { get; private set; } = null!;

    public string UnitName { get; private set; } = "";

    public List<DocumentLine> Documents { get; private set; } = [];

    public List<string> Present { get; private set; } = [];

    public bool CanRecord { get; private set; }

    [BindProperty]
    public Guid Stamp { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ?? Page();

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

        TempData["Message"] = $"Đã xóa buổi «{Row.Title}».";
        return Redirect("/Training");
    }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        var scope = (await currentUser.GetScopeAsync(ct))!;
        var row = await db.TrainingSessions.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct);
        var unit = row is null ? null : await db.OrgUnits.AsNoTracking().Where(u => u.Id == row.UnitId).Select(u => new { u.Name, u.AncestorPath }).FirstOrDefaultAsync(ct);
        if (row is null || unit is null || !DisclosureAccessRules.CanRead(scope, unit.AncestorPath, row.UnitId))
        {
            return NotFound();
        }

        (Row, UnitName) = (row, unit.Name);
        CanRecord = DisclosureAccessRules.CanRecord(scope, row.UnitId);
        var today = VietnamClock.Today(clock);
        var documents = await db.TrainingSessionDocuments.AsNoTracking().Where(d => d.SessionId == id)
            .Join(db.Documents, l => l.DocumentId, d => d.Id, (l, d) => new { d.Id, d.Code, d.Title }).OrderBy(d => d.Code).ToListAsync(ct);
        var coverage = await TrainingQueries.CoverageOfDocumentsAsync(db, row.UnitId, documents.Select(d => d.Id).ToList(), today, ct);
        Documents = documents.Select(d => new DocumentLine(d.Id, d.Code, d.Title, coverage[d.Id])).ToList();

        Present = await db.TrainingAttendances.AsNoTracking().Where(a => a.SessionId == id)
            .Join(db.StaffMembers, a => a.StaffMemberId, s => s.Id, (a, s) => s.FullName).OrderBy(n => n).ToListAsync(ct);
        return null;
    }
}
