using DanVan.Data;
using DanVan.Domain.Access;
using DanVan.Domain.Text;
using DanVan.Domain.Training;
using DanVan.Features.Documents;
using DanVan.Features.Units;
using DanVan.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Features.Training;

/// <summary>
/// Mức độ quán triệt văn bản: for one document of the register, each unit of the user's scope with a staff roster — staff
/// today, how many were at a session on it, the share — lowest first; for the user's own unit (or the one chosen), who
/// has not been briefed yet.
/// </summary>
public class CoverageModel(AppDbContext db, CurrentUser currentUser, TimeProvider clock) : PageModel
{
    public sealed record Option(int Id, string Label);

    public sealed record UnitLine(int UnitId, string Name, Coverage Coverage);

    [BindProperty(SupportsGet = true, Name = "documentId")]
    public int? DocumentId { get; set; }

    [BindProperty(SupportsGet = true, Name = "unit")]
    public int? UnitId { get; set; }

    [BindProperty(SupportsGet = true, Name = "page")]
    public int? PageNumber { get; set; }

    public List<Option> Documents { get; private set; } = [];

    public string? DocumentLabel { get; private set; }

    public PagedList<UnitLine>? Units { get; private set; }

    public int UnitsWithRoster { get; private set; }

    public int UnitsComplete { get; private set; }

    public string? FocusName { get; private set; }

    public Coverage? FocusCoverage { get; private set; }

    public List<StaffMember> Missing { get; private set; } = [];

    public bool CanRecordFocus { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var scope = (await currentUser.GetScopeAsync(ct))!;
        var today = VietnamClock.Today(clock);
        var units = await db.OrgUnits.AsNoTracking().InScope(scope).Select(u => u.Id).ToListAsync(ct);

        // The documents sessions of the scope covered, newest first, and the chosen one.
        var covered = db.TrainingSessionDocuments.AsNoTracking()
            .Where(l => db.TrainingSessions.Any(s => s.Id == l.SessionId && EF.Parameter(units).Contains(s.UnitId))).Select(l => l.DocumentId).Distinct();
        var visible = db.Documents.AsNoTracking().VisibleTo(db, scope);
        var options = await visible.Where(d => covered.Contains(d.Id) || d.Id == DocumentId)
            .OrderByDescending(d => d.IssuedOn).ThenByDescending(d => d.Id).Take(200).Select(d => new { d.Id, d.Code, d.Title }).ToListAsync(ct);
        Documents = options.Select(d => new Option(d.Id, $"{d.Code} — {(d.Title.Length > 100 ? d.Title[..97] + "…" : d.Title)}")).ToList();
        if (DocumentId is not { } documentId)
        {
            return Page();
        }

        var chosen = options.FirstOrDefault(d => d.Id == documentId);
        if (chosen is null)
        {
            return NotFound();
        }

        DocumentLabel = $"{chosen.Code} — {chosen.Title}";
        var coverage = await TrainingQueries.CoverageAsync(db, units, documentId, today, ct);
        var names = await db.OrgUnits.AsNoTracking().Where(u => EF.Parameter(units).Contains(u.Id)).Select(u => new { u.Id, u.Name }).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        var lines = coverage.Where(c => c.Value.Staff > 0).Select(c => new UnitLine(c.Key, names.GetValueOrDefault(c.Key, ""), c.Value))
            .OrderBy(l => l.Coverage.Percent).ThenBy(l => l.Name, StringComparer.Create(VietnameseText.Culture, false)).ToList();
        UnitsWithRoster = lines.Count;
        UnitsComplete = lines.Count(l => l.Coverage.Complete);
        var page = Math.Clamp(PageNumber ?? 1, 1, Math.Max(1, (lines.Count + 49) / 50));
        Units = new PagedList<UnitLine>(lines.Skip((page - 1) * 50).Take(50).ToList(), page, 50, lines.Count);

        var focus = UnitId is > 0 ? UnitId.Value : scope.UnitId;
        if (coverage.TryGetValue(focus, out var own) && own.Staff > 0)
        {
            (FocusName, FocusCoverage) = (names.GetValueOrDefault(focus, ""), own);
            Missing = await TrainingQueries.NotBriefedAsync(db, focus, documentId, today, ct);
            CanRecordFocus = DisclosureAccessRules.CanRecord(scope, focus);
        }

        return Page();
    }

    public string PageUrl(int page) => $"/Training/Coverage?documentId={DocumentId}&unit={UnitId}&page={page}";
}
