using DanVan.Data;
using DanVan.Domain.Access;
using DanVan.Domain.Reports;
using DanVan.Domain.Units;
using DanVan.Features.Shared;
using DanVan.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Features.Reports;

/// <summary>The figures of a subtree for a period, with drill-down, checks, late and missing units, trends and the compiled outputs.</summary>
public class RollupModel(AppDbContext db, CurrentUser currentUser, ReportQueries queries, ReportOutputs outputs, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int Id { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? UnitId { get; set; }

    /// <summary>The indicator whose trend across periods is charted.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Trend { get; set; }

    /// <summary>The indicator group shown in the drill-down (one group at a time: a province has ~150 lines).</summary>
    [BindProperty(SupportsGet = true)]
    public string? Group { get; set; }

    public Rollup Result { get; private set; } = null!;

    public IReadOnlyList<string> Groups { get; private set; } = [];

    public string? SelectedGroup { get; private set; }

    public IReadOnlyList<ReportIndicator> GroupIndicators { get; private set; } = [];

    public List<(string Label, decimal? Value)> TrendPoints { get; } = [];

    public ReportIndicator? TrendIndicator { get; private set; }

    public List<(int Id, string Name)> Breadcrumb { get; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } denied)
        {
            return denied;
        }

        Groups = Result.Indicators.Select(i => i.Group).Distinct().ToList();
        SelectedGroup = Groups.FirstOrDefault(g => g == Group) ?? Groups.FirstOrDefault();
        GroupIndicators = Result.Indicators.Where(i => i.Group == SelectedGroup).ToList();
        TrendIndicator = Result.Indicators.FirstOrDefault(i => i.Code == Trend) ?? Result.Indicators.FirstOrDefault(i => i.Aggregation == IndicatorAggregation.Ratio) ?? Result.Indicators.FirstOrDefault();
        if (TrendIndicator is not null)
        {
            var periods = await db.ReportPeriods.AsNoTracking()
                .Where(p => p.RegimeId == Result.Period.RegimeId && p.OwnerUnitId == Result.Period.OwnerUnitId)
                .OrderBy(p => p.CutoffOn).Take(12).ToListAsync(ct);
            foreach (var (p, value) in await queries.TrendAsync(periods, TrendIndicator, Result.Indicators, Result.Root, ct))
            {
                TrendPoints.Add((p.Label, value));
            }
        }

        return Page();
    }

    public async Task<IActionResult> OnGetDocxAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } denied)
        {
            return denied;
        }

        var narrative = await outputs.NarrativesAsync(Result, ct);
        var owner = await db.OrgUnits.AsNoTracking().FirstAsync(u => u.Id == Result.Period.OwnerUnitId, ct);
        var coordinator = await db.OrgUnits.AsNoTracking().Where(u => u.ParentId == owner.Id && u.Kind == OrgUnitKind.Department && u.Name.StartsWith("Sở Nội vụ"))
            .Select(u => (int?)u.Id).FirstOrDefaultAsync(ct);
        var issuing = owner.Kind == OrgUnitKind.Country ? null : await DocumentPlace.IssuingAsync(db, coordinator ?? owner.Id, ct);
        var stream = new MemoryStream();
        ReportOutputs.WriteDocx(stream, Result, narrative, issuing?.Issuer ?? "Bộ Nội vụ", issuing?.ParentBody, issuing?.Place ?? "Hà Nội", VietnamClock.Today(clock));
        stream.Position = 0;
        return File(stream, "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            Nd30Docx.FileName(null, $"Bao cao {Result.Period.Label} {Result.Root.Name}"));
    }

    public async Task<IActionResult> OnGetXlsxAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } denied)
        {
            return denied;
        }

        var rows = await outputs.UnitRowsAsync(Result, ct);
        var stream = new MemoryStream();
        ReportOutputs.WriteXlsx(stream, Result, rows);
        stream.Position = 0;
        return File(stream, XlsxExport.ContentType, $"phu-luc-so-lieu-{Result.Period.Id}-{Result.Root.Code}.xlsx");
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        var period = await db.ReportPeriods.AsNoTracking().FirstOrDefaultAsync(p => p.Id == Id, ct);
        if (period is null)
        {
            return NotFound();
        }

        var scope = (await currentUser.GetScopeAsync(ct))!;
        var owner = await db.OrgUnits.AsNoTracking().FirstAsync(u => u.Id == period.OwnerUnitId, ct);
        var rootId = UnitId ?? (ReportAccessRules.CanRead(scope, owner.AncestorPath, owner.Id) ? owner.Id : ReportQueries.ScopeRootId(scope));
        var root = await db.OrgUnits.AsNoTracking().FirstOrDefaultAsync(u => u.Id == rootId, ct);
        if (root is null)
        {
            return NotFound();
        }

        var ownerPrefix = UnitPaths.SubtreePrefix(owner.AncestorPath, owner.Id);
        if (!ReportAccessRules.CanRead(scope, root.AncestorPath, root.Id) || !(root.Id == owner.Id || root.AncestorPath.StartsWith(ownerPrefix, StringComparison.Ordinal)))
        {
            return Forbid();
        }

        Result = await queries.RollupAsync(period, root, ct);
        var ancestorIds = UnitPaths.Ancestors(root.AncestorPath).Where(a => UnitPaths.IsWithin(owner.AncestorPath, owner.Id, "/") && (a == owner.Id || ownerPrefix.Contains("/" + a + "/", StringComparison.Ordinal) is false)).ToList();
        var chain = await db.OrgUnits.AsNoTracking().Where(u => ancestorIds.Contains(u.Id)).Select(u => new { u.Id, u.Name, u.AncestorPath }).ToListAsync(ct);
        foreach (var a in chain.Where(c => (c.AncestorPath + c.Id + "/").StartsWith(ownerPrefix, StringComparison.Ordinal) && ReportAccessRules.CanRead(scope, c.AncestorPath, c.Id)).OrderBy(c => c.AncestorPath.Length))
        {
            Breadcrumb.Add((a.Id, a.Name));
        }

        return null;
    }
}
