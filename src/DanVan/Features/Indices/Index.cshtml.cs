using System.Globalization;
using DanVan.Data;
using DanVan.Domain.Access;
using DanVan.Domain.Indices;
using DanVan.Domain.Text;
using DanVan.Domain.Units;
using DanVan.Features.Units;
using DanVan.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Features.Indices;

/// <summary>
/// Chỉ số: the indices as data (owner, basis, scale, components) and, for a chosen index, the values of the units the
/// user may read by unit and year — searched, filtered, sorted, paged, exported — with a unit's trend across years, the
/// Excel template of the index and its import (all or nothing).
/// </summary>
public class IndexModel(AppDbContext db, CurrentUser currentUser, TimeProvider clock, IndexCommands commands, Microsoft.Extensions.Configuration.IConfiguration configuration) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "code")]
    public string? Code { get; set; }

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    [BindProperty(SupportsGet = true, Name = "year")]
    public int? Year { get; set; }

    [BindProperty(SupportsGet = true, Name = "source")]
    public IndexValueSource? Source { get; set; }

    /// <summary>"nam" (newest year first, the default), "cu", "cao", "thap", "ten".</summary>
    [BindProperty(SupportsGet = true, Name = "sort")]
    public string? Sort { get; set; }

    [BindProperty(SupportsGet = true, Name = "page")]
    public int? PageNumber { get; set; }

    /// <summary>The unit whose trend is drawn.</summary>
    [BindProperty(SupportsGet = true, Name = "unit")]
    public int? UnitId { get; set; }

    [BindProperty]
    public IFormFile? Upload { get; set; }

    public List<string> ImportErrors { get; private set; } = [];

    public List<IndexDefinition> Definitions { get; private set; } = [];

    public ILookup<string, IndexComponent> AllComponents { get; private set; } = Array.Empty<IndexComponent>().ToLookup(c => c.IndexCode);

    public IndexDefinition? Selected { get; private set; }

    public List<IndexComponent> Components { get; private set; } = [];

    public PagedList<IndexValueRow>? Values { get; private set; }

    public Dictionary<(int UnitId, int Year), Dictionary<string, double>> ComponentValues { get; private set; } = [];

    public string? TrendUnitName { get; private set; }

    public List<(int Year, double Value)> Trend { get; private set; } = [];

    public bool CanEnter { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ?? Page();

    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } failed)
        {
            return failed;
        }

        if (Selected is null)
        {
            return NotFound();
        }

        var scope = (await currentUser.GetScopeAsync(ct))!;
        var rows = await IndexQueries.Values(db, scope, Selected.Code, Query, Year, Source, Sort).Take(100_000).ToListAsync(ct);
        var parts = await IndexQueries.ComponentValuesAsync(db, Selected.Code, rows.Select(r => (r.UnitId, r.Year)).ToList(), ct);
        var stream = new MemoryStream();
        XlsxExport.Write(stream, Selected.Code, ["Mã đơn vị", "Đơn vị", "Năm", $"Giá trị ({Selected.Unit})", .. Components.Select(c => c.Name), "Nguồn", "Ghi chú nguồn", "Người nhập"],
            rows.Select(r => (IReadOnlyList<object?>)[r.UnitCode, r.UnitName, r.Year, r.Value,
                .. Components.Select(c => Part(parts, r, c)),
                IndexRules.Label(r.Source), r.SourceNote, r.EnteredByUserName]),
            $"KẾT QUẢ CHỈ SỐ {Selected.Name.ToUpper(VietnameseText.Culture)} ({Selected.Code})", XlsxExport.ExportedOn(VietnamClock.Today(clock)));
        stream.Position = 0;
        return File(stream, XlsxExport.ContentType, $"chi-so-{Selected.Code.ToLowerInvariant()}-{VietnamClock.Today(clock):yyyyMMdd}.xlsx");
    }

    /// <summary>Mẫu Excel: the values held for the year (this year by default) of the units within reach, or a blank row for one's own unit.</summary>
    public async Task<IActionResult> OnGetTemplateAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } failed)
        {
            return failed;
        }

        if (Selected is null)
        {
            return NotFound();
        }

        if (!CanEnter)
        {
            return Forbid();
        }

        var scope = (await currentUser.GetScopeAsync(ct))!;
        var year = Year is >= 1900 and <= 9999 ? Year.Value : VietnamClock.Today(clock).Year;
        var held = await IndexQueries.Values(db, scope, Selected.Code, null, year, null, "ten").Take(IndexWorkbook.MaxRows).ToListAsync(ct);
        if (!IndexAccessRules.EntersForOthers(scope))
        {
            held = held.Where(r => r.UnitId == scope.UnitId).ToList();
        }

        var parts = await IndexQueries.ComponentValuesAsync(db, Selected.Code, held.Select(r => (r.UnitId, r.Year)).ToList(), ct);
        var units = await UnitsWithinReachAsync(scope, ct);
        var rows = held.Select(r => new IndexWorkbook.Row(r.UnitCode, r.UnitName, r.Year, r.Value, parts.GetValueOrDefault((r.UnitId, r.Year)) ?? [], r.Source, r.SourceNote)).ToList();
        if (rows.Count == 0 && units.FirstOrDefault(u => u.Id == scope.UnitId || IndexAccessRules.EntersForOthers(scope)) is { } first)
        {
            rows.Add(new IndexWorkbook.Row(first.Code, first.Name, year, null, new Dictionary<string, double>(), IndexAccessRules.EntersForOthers(scope) ? null : IndexValueSource.SelfAssessed, null));
        }

        var stream = new MemoryStream();
        IndexWorkbook.WriteTemplate(stream, Selected, Components, rows, units.Select(u => (u.Code, u.Name)).ToList());
        stream.Position = 0;
        return File(stream, XlsxExport.ContentType, $"mau-chi-so-{Selected.Code.ToLowerInvariant()}-{year.ToString(CultureInfo.InvariantCulture)}.xlsx");
    }

    /// <summary>Nhập từ Excel: every row checked like the form; all saved in one transaction, or nothing and the report on the page.</summary>
    public async Task<IActionResult> OnPostImportAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } failed)
        {
            return failed;
        }

        if (Selected is null)
        {
            return NotFound();
        }

        if (!CanEnter)
        {
            return Forbid();
        }

        var (content, refusal) = await XlsxUpload.ReadAsync(Upload, IndexWorkbook.MaxBytes, configuration, ct);
        if (refusal is not null)
        {
            ImportErrors = [refusal];
            return Page();
        }

        var (rows, fileErrors) = IndexWorkbook.Read(content!, Components);
        ImportErrors = fileErrors;
        if (fileErrors.Count == 0)
        {
            var result = await commands.ImportAsync((await currentUser.GetScopeAsync(ct))!, Selected.Code, rows, ct);
            if (result.IsOk)
            {
                TempData["Message"] = $"Đã nhập {result.Value!.Saved} kết quả chỉ số {Selected.Code}." + (result.Value.Skipped > 0 ? $" Bỏ qua {result.Value.Skipped} dòng không thay đổi." : "");
                return Redirect($"/Indices?code={Uri.EscapeDataString(Selected.Code)}");
            }

            ImportErrors = result.Errors.SelectMany(e => e.Value).ToList();
        }

        return Page();
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        var scope = (await currentUser.GetScopeAsync(ct))!;
        CanEnter = IndexAccessRules.CanEnter(scope);
        Definitions = await IndexQueries.DefinitionsAsync(db, ct);
        AllComponents = (await db.IndexComponents.AsNoTracking().OrderBy(c => c.SortOrder).ToListAsync(ct)).ToLookup(c => c.IndexCode, StringComparer.Ordinal);
        if (string.IsNullOrEmpty(Code))
        {
            return null;
        }

        Selected = Definitions.FirstOrDefault(d => d.Code == Code);
        if (Selected is null)
        {
            return NotFound();
        }

        Components = AllComponents[Selected.Code].ToList();
        Values = await IndexQueries.Values(db, scope, Selected.Code, Query, Year, Source, Sort).ToPagedListAsync(PageNumber, 50, ct);
        ComponentValues = await IndexQueries.ComponentValuesAsync(db, Selected.Code, Values.Items.Select(r => (r.UnitId, r.Year)).ToList(), ct);
        var trendUnit = UnitId is > 0 ? UnitId.Value : Values.Items.FirstOrDefault()?.UnitId ?? 0;
        var unit = await db.OrgUnits.AsNoTracking().Where(u => u.Id == trendUnit).Select(u => new { u.Id, u.Name, u.AncestorPath }).FirstOrDefaultAsync(ct);
        if (unit is not null && IndexAccessRules.CanRead(scope, unit.AncestorPath, unit.Id))
        {
            TrendUnitName = unit.Name;
            Trend = await IndexQueries.TrendAsync(db, Selected.Code, unit.Id, ct);
            UnitId = unit.Id;
        }
        else
        {
            UnitId = null;
        }

        return null;
    }

    /// <summary>The units a workbook may name: one's own for a unit; for the coordinator the province and every unit of its scope (province-level indices: the province).</summary>
    private async Task<List<(int Id, string Code, string Name)>> UnitsWithinReachAsync(UserScope scope, CancellationToken ct)
    {
        var query = IndexAccessRules.EntersForOthers(scope) ? db.OrgUnits.AsNoTracking().InScope(scope).Where(u => u.ValidTo == null) : db.OrgUnits.AsNoTracking().Where(u => u.Id == scope.UnitId);
        if (Selected!.Level == IndexLevel.Province)
        {
            query = query.Where(u => u.Kind == OrgUnitKind.Province);
        }

        var units = await query.OrderBy(u => u.Depth).ThenByVietnamese(db, u => u.Name).Take(5000).Select(u => new { u.Id, u.Code, u.Name }).ToListAsync(ct);
        return units.Select(u => (u.Id, u.Code, u.Name)).ToList();
    }

    private string Filters => $"code={Uri.EscapeDataString(Code ?? "")}&q={Uri.EscapeDataString(Query ?? "")}&year={Year}&source={Source}&sort={Uri.EscapeDataString(Sort ?? "")}";

    public string PageUrl(int page) => $"/Indices?{Filters}&unit={UnitId}&page={page}";

    public string ExportUrl => $"/Indices?handler=Export&{Filters}";

    public string TrendUrl(int unitId) => $"/Indices?{Filters}&page={Values?.Page}&unit={unitId.ToString(CultureInfo.InvariantCulture)}";

    private static object? Part(Dictionary<(int UnitId, int Year), Dictionary<string, double>> parts, IndexValueRow r, IndexComponent c) =>
        parts.TryGetValue((r.UnitId, r.Year), out var p) && p.TryGetValue(c.Code, out var v) ? v : null;

    public string? ComponentText(IndexValueRow r, IndexComponent c) =>
        ComponentValues.GetValueOrDefault((r.UnitId, r.Year))?.TryGetValue(c.Code, out var v) == true ? IndexRules.Format(v) : null;
}
