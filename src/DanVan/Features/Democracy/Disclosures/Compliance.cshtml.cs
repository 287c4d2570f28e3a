using DanVan.Data;
using DanVan.Domain.Access;
using DanVan.Domain.Democracy;
using DanVan.Domain.Units;
using DanVan.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DanVan.Features.Democracy.Disclosures;

/// <summary>Tình hình công khai: every commune and agency of the scope with how much of the year's list it has disclosed, overdue first.</summary>
public class ComplianceModel(AppDbContext db, CurrentUser currentUser, DisclosureCommands commands, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "year")]
    public int? Year { get; set; }

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    /// <summary>Only units with at least one overdue item.</summary>
    [BindProperty(SupportsGet = true, Name = "overdue")]
    public bool OverdueOnly { get; set; }

    [BindProperty(SupportsGet = true, Name = "page")]
    public int? PageNumber { get; set; }

    public int ShownYear { get; private set; }

    public int Units { get; private set; }

    public int UnitsOverdue { get; private set; }

    public PagedList<ComplianceRow> Rows { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await AllAsync(ct) is not { } all)
        {
            return Forbid();
        }

        var page = Math.Max(1, PageNumber ?? 1);
        var size = 100;
        var pageCount = Math.Max(1, (all.Count + size - 1) / size);
        page = Math.Min(page, pageCount);
        Rows = new PagedList<ComplianceRow>(all.Skip((page - 1) * size).Take(size).ToList(), page, size, all.Count);
        return Page();
    }

    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct)
    {
        if (await AllAsync(ct) is not { } all)
        {
            return Forbid();
        }

        var stream = new MemoryStream();
        XlsxExport.Write(stream, $"Công khai năm {ShownYear}", ["Đơn vị", "Loại", "Nội dung phải công khai", "Đã công khai", "Quá hạn chưa công khai", "Thiếu phát thanh"],
            all.Select(r => (IReadOnlyList<object?>)[r.UnitName, OrgUnitKinds.Label(r.Kind), r.Required, r.Disclosed, r.Overdue, r.MissingRadio]),
            $"TÌNH HÌNH THỰC HIỆN CÔNG KHAI NĂM {ShownYear}", XlsxExport.ExportedOn(VietnamClock.Today(clock)));
        stream.Position = 0;
        return File(stream, XlsxExport.ContentType, $"tinh-hinh-cong-khai-{ShownYear}.xlsx");
    }

    private async Task<List<ComplianceRow>?> AllAsync(CancellationToken ct)
    {
        var scope = (await currentUser.GetScopeAsync(ct))!;
        if (!DisclosureAccessRules.CanSeeCompliance(scope))
        {
            return null;
        }

        var today = VietnamClock.Today(clock);
        ShownYear = DisclosureRules.IsYear(Year) && Year <= today.Year + 1 ? Year!.Value : today.Year;
        var all = await DisclosureQueries.ComplianceAsync(db, commands, scope, ShownYear, today, Query, ct);
        Units = all.Count;
        UnitsOverdue = all.Count(r => r.Overdue > 0);
        return OverdueOnly ? all.Where(r => r.Overdue > 0).ToList() : all;
    }

    public string PageUrl(int page) => $"/Democracy/Disclosures/Compliance?year={ShownYear}&q={Uri.EscapeDataString(Query ?? "")}&overdue={(OverdueOnly ? "true" : "")}&page={page}";

    public string ExportUrl => $"/Democracy/Disclosures/Compliance?handler=Export&year={ShownYear}&q={Uri.EscapeDataString(Query ?? "")}&overdue={(OverdueOnly ? "true" : "")}";
}
