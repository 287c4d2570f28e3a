using DanVan.Data;
using DanVan.Domain.Access;
using DanVan.Domain.Democracy;
using DanVan.Domain.Units;
using DanVan.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Features.Democracy.Disclosures;

/// <summary>Sổ theo dõi công khai of one unit and year: every item of its list with its status, then its disclosures, searched, paged, exported.</summary>
public class IndexModel(AppDbContext db, CurrentUser currentUser, DisclosureCommands commands, TimeProvider clock) : PageModel
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
            rows.Select(r => (IReadOnlyList<object?>)[r.ItemCode, names.GetValueOrDefault(r.ItemCode, r.ItemCode), r.Title, r.DisclosedOn, r.EndsOn, DisclosureRules.Labels(r.Forms), r.RadioDays, r.UnitName, r.FileName]));
        stream.Position = 0;
        return File(stream, XlsxExport.ContentType, $"cong-khai-{ShownYear}-{UnitId}.xlsx");
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

    public string ExportUrl => $"/Democracy/Disclosures?handler=Export&year={ShownYear}&unit={UnitId}&q={Uri.EscapeDataString(Query ?? "")}&item={Uri.EscapeDataString(Item ?? "")}";

    public static string Badge(DisclosureStatus s) => s switch
    {
        DisclosureStatus.Disclosed => "text-bg-success",
        DisclosureStatus.Overdue => "text-bg-danger",
        DisclosureStatus.DueSoon => "text-bg-warning",
        _ => "text-bg-secondary",
    };
}
