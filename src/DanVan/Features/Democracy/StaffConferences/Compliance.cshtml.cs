using DanVan.Data;
using DanVan.Domain.Access;
using DanVan.Domain.Democracy;
using DanVan.Domain.Units;
using DanVan.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DanVan.Features.Democracy.StaffConferences;

/// <summary>Tình hình tổ chức hội nghị: every agency of the scope with its conference for a working year, overdue first (coordinators and reviewers).</summary>
public class ComplianceModel(AppDbContext db, CurrentUser currentUser, StaffConferenceCommands commands, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "year")]
    public int? Year { get; set; }

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    [BindProperty(SupportsGet = true, Name = "status")]
    public StaffConferenceStatus? Status { get; set; }

    [BindProperty(SupportsGet = true, Name = "page")]
    public int? PageNumber { get; set; }

    public int ShownYear { get; private set; }

    public int Units { get; private set; }

    public int Held { get; private set; }

    public int Overdue { get; private set; }

    public DateOnly? DueOn { get; private set; }

    public PagedList<StaffConferenceComplianceRow> Rows { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await AllAsync(ct) is not { } all)
        {
            return Forbid();
        }

        const int size = 100;
        var pageCount = Math.Max(1, (all.Count + size - 1) / size);
        var page = Math.Min(Math.Max(1, PageNumber ?? 1), pageCount);
        Rows = new PagedList<StaffConferenceComplianceRow>(all.Skip((page - 1) * size).Take(size).ToList(), page, size, all.Count);
        return Page();
    }

    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct)
    {
        if (await AllAsync(ct) is not { } all)
        {
            return Forbid();
        }

        var stream = new MemoryStream();
        XlsxExport.Write(stream, $"Hội nghị CBCCVC năm {ShownYear}", ["Đơn vị", "Loại", "Tình hình", "Hạn tổ chức", "Ngày tổ chức"],
            all.Select(r => (IReadOnlyList<object?>)[r.UnitName, OrgUnitKinds.Label(r.Kind), StaffConferenceRules.Label(r.Status), r.DueOn, r.HeldOn]),
            $"TÌNH HÌNH TỔ CHỨC HỘI NGHỊ CÁN BỘ, CÔNG CHỨC, VIÊN CHỨC NĂM {ShownYear}", XlsxExport.ExportedOn(VietnamClock.Today(clock)));
        stream.Position = 0;
        return File(stream, XlsxExport.ContentType, $"tinh-hinh-hoi-nghi-can-bo-{ShownYear}.xlsx");
    }

    private async Task<List<StaffConferenceComplianceRow>?> AllAsync(CancellationToken ct)
    {
        var scope = (await currentUser.GetScopeAsync(ct))!;
        if (!DisclosureAccessRules.CanSeeCompliance(scope))
        {
            return null;
        }

        var today = VietnamClock.Today(clock);
        // The conference reviewing last year is the one falling due this year: shown unless another year is asked.
        ShownYear = StaffConferenceRules.IsYear(Year) && Year <= today.Year ? Year!.Value : today.Year - 1;
        var all = await OversightQueries.ComplianceAsync(db, commands, scope, ShownYear, today, Query, ct);
        Units = all.Count;
        Held = all.Count(r => r.Status == StaffConferenceStatus.Held);
        Overdue = all.Count(r => r.Status == StaffConferenceStatus.Overdue);
        DueOn = all.FirstOrDefault()?.DueOn;
        return Status is { } s && Enum.IsDefined(s) ? all.Where(r => r.Status == s).ToList() : all;
    }

    public string PageUrl(int page) => $"/Democracy/StaffConferences/Compliance?year={ShownYear}&q={Uri.EscapeDataString(Query ?? "")}&status={Status}&page={page}";

    public string ExportUrl => $"/Democracy/StaffConferences/Compliance?handler=Export&year={ShownYear}&q={Uri.EscapeDataString(Query ?? "")}&status={Status}";
}
