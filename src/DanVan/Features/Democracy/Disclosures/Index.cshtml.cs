using DanVan.Data;
using DanVan.Domain.Access;
using DanVan.Domain.Democracy;
using DanVan.Domain.Units;
using DanVan.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Features.Democracy.Disclosures;

/// <summary>
/// Sổ theo dõi công khai of one unit and year: every item of its list with its status, then its disclosures, searched,
/// paged, exported; for who may record, the Excel template and its import (all rows or none, with a row-by-row report).
/// </summary>
[RequestFormLimits(MultipartBodyLengthLimit = 6L * 1024 * 1024)]
[RequestSizeLimit(6L * 1024 * 1024)]
public class IndexModel(AppDbContext db, CurrentUser currentUser, DisclosureCommands commands, TimeProvider clock, IConfiguration configuration) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "year")]
    public int? Year { get; set; }

    [BindProperty(SupportsGet = true, Name = "unit")]
    public int? Unit { get; set; }

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    [BindProperty(SupportsGet = true, Name = "item")]
    public string? Item { get; set; }

    [BindProperty(SupportsGet = true, Name = "page")]
    public int? PageNumber { get; set; }

    /// <summary>The workbook of "Nhập từ Excel".</summary>
    [BindProperty]
    public IFormFile? Upload { get; set; }

    /// <summary>Why the last import saved nothing, row by row.</summary>
    public List<string> ImportErrors { get; private set; } = [];

    public int ShownYear { get; private set; }

    public DateOnly Today { get; private set; }

    public string UnitName { get; private set; } = "";

    public int UnitId { get; private set; }

    public DisclosureScope? Scope { get; private set; }

    public List<RegisterLine> Lines { get; private set; } = [];

    public PagedList<DisclosureRow> Disclosures { get; private set; } = null!;

    public bool CanRecord { get; private set; }

    public bool CanSeeCompliance { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } failed)
        {
            return failed;
        }

        Disclosures = await Records().OrderByDescending(d => d.DisclosedOn).ThenByDescending(d => d.Id).ToPagedListAsync(q => q.ToRows(db), PageNumber, 50, ct);
        return Page();
    }

    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } failed)
        {
            return failed;
        }

        var rows = await Records().OrderBy(d => d.ItemCode).ThenBy(d => d.DisclosedOn).ToRows(db).Take(100_000).ToListAsync(ct);
        var names = Lines.ToDictionary(l => l.Item.Code, l => l.Item.Name, StringComparer.Ordinal);
        var stream = new MemoryStream();
        XlsxExport.Write(stream, $"Công khai năm {ShownYear}", ["Mã nội dung", "Nội dung phải công khai", "Nội dung đã công khai", "Ngày công khai", "Đến ngày", "Hình thức", "Số ngày phát thanh", "Đơn vị", "Tệp đính kèm"],
            rows.Select(r => (IReadOnlyList<object?>)[r.ItemCode, names.GetValueOrDefault(r.ItemCode, r.ItemCode), r.Title, r.DisclosedOn, r.EndsOn, DisclosureRules.Labels(r.Forms), r.RadioDays, r.UnitName, r.FileName]),
            $"SỔ THEO DÕI CÔNG KHAI NĂM {ShownYear}", XlsxExport.ExportedOn(VietnamClock.Today(clock)));
        stream.Position = 0;
        return File(stream, XlsxExport.ContentType, $"cong-khai-{ShownYear}-{UnitId}.xlsx");
    }

    /// <summary>Mẫu Excel: the year's items on the guide sheet, a row per disclosure already recorded.</summary>
    public async Task<IActionResult> OnGetTemplateAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } failed)
        {
            return failed;
        }

        if (!CanRecord)
        {
            return Forbid();
        }

        var recorded = await db.Disclosures.AsNoTracking().Where(d => d.UnitId == UnitId && d.Year == ShownYear)
            .OrderBy(d => d.ItemCode).ThenBy(d => d.DisclosedOn).ThenBy(d => d.Id).Take(DisclosureWorkbook.MaxRows).ToListAsync(ct);
        var stream = new MemoryStream();
        DisclosureWorkbook.WriteTemplate(stream, ShownYear, Lines.Select(l => l.Item).ToList(), recorded);
        stream.Position = 0;
        return File(stream, XlsxExport.ContentType, $"mau-cong-khai-{ShownYear}-{UnitId}.xlsx");
    }

    /// <summary>Nhập từ Excel: every row checked; all saved in one transaction, or nothing and the report on the page.</summary>
    public async Task<IActionResult> OnPostImportAsync(CancellationToken ct)
    {
        var user = (await currentUser.GetScopeAsync(ct))!;
        Unit = null; // one imports into one's own unit only
        if (await LoadAsync(ct) is { } failed)
        {
            return failed;
        }

        if (!CanRecord || UnitId != user.UnitId)
        {
            return Forbid();
        }

        ImportErrors = await ImportAsync(user, ct);
        if (ImportErrors.Count == 0)
        {
            return Redirect($"/Democracy/Disclosures?year={ShownYear}");
        }

        Disclosures = await Records().OrderByDescending(d => d.DisclosedOn).ThenByDescending(d => d.Id).ToPagedListAsync(q => q.ToRows(db), PageNumber, 50, ct);
        return Page();
    }

    private async Task<List<string>> ImportAsync(UserScope user, CancellationToken ct)
    {
        var (content, refusal) = await XlsxUpload.ReadAsync(Upload, DisclosureWorkbook.MaxBytes, configuration, ct);
        if (refusal is not null)
        {
            return [refusal];
        }

        var (rows, fileErrors) = DisclosureWorkbook.Read(content!, ShownYear);
        if (fileErrors.Count > 0)
        {
            return fileErrors;
        }

        var result = await commands.ImportAsync(user, ShownYear, rows, ct);
        switch (result.Status)
        {
            case ResultStatus.Ok:
                TempData["Message"] = $"Đã nhập {result.Value!.Saved} nội dung công khai."
                    + (result.Value.Skipped > 0 ? $" Bỏ qua {result.Value.Skipped} dòng đã có trong sổ." : "");
                return [];
            case ResultStatus.Invalid:
                return result.Errors.SelectMany(e => e.Value).ToList();
            default:
                return ["Anh/chị không có quyền nhập nội dung công khai cho đơn vị này."];
        }
    }

    private IQueryable<Disclosure> Records() => db.Disclosures.AsNoTracking().Where(d => d.UnitId == UnitId).Matching(Query, ShownYear, Item);

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        var scope = (await currentUser.GetScopeAsync(ct))!;
        Today = VietnamClock.Today(clock);
        ShownYear = DisclosureRules.IsYear(Year) && Year <= Today.Year + 1 ? Year!.Value : Today.Year;
        var unit = await db.OrgUnits.AsNoTracking().Where(u => u.Id == (Unit ?? scope.UnitId)).Select(u => new { u.Id, u.Name, u.Kind, u.AncestorPath }).FirstOrDefaultAsync(ct);
        if (unit is null || !DisclosureAccessRules.CanRead(scope, unit.AncestorPath, unit.Id))
        {
            return NotFound();
        }

        (UnitId, UnitName, Scope) = (unit.Id, unit.Name, DisclosureRules.ScopeOf(unit.Kind));
        CanRecord = Scope is not null && DisclosureAccessRules.CanRecord(scope, unit.Id);
        CanSeeCompliance = DisclosureAccessRules.CanSeeCompliance(scope);
        Lines = await DisclosureQueries.RegisterAsync(db, commands, unit.Id, unit.Kind, ShownYear, Today, ct);
        return null;
    }

    public string PageUrl(int page) => $"/Democracy/Disclosures?year={ShownYear}&unit={UnitId}&q={Uri.EscapeDataString(Query ?? "")}&item={Uri.EscapeDataString(Item ?? "")}&page={page}";

    public string TemplateUrl => $"/Democracy/Disclosures?handler=Template&year={ShownYear}";

    public string ExportUrl => $"/Democracy/Disclosures?handler=Export&year={ShownYear}&unit={UnitId}&q={Uri.EscapeDataString(Query ?? "")}&item={Uri.EscapeDataString(Item ?? "")}";

    public static string Badge(DisclosureStatus s) => s switch
    {
        DisclosureStatus.Disclosed => "text-bg-success",
        DisclosureStatus.Overdue => "text-bg-danger",
        DisclosureStatus.DueSoon => "text-bg-warning",
        _ => "text-bg-secondary",
    };
}
