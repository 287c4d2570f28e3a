using DanVan.Data;
using DanVan.Domain.Access;
using DanVan.Domain.Democracy;
using DanVan.Domain.Text;
using DanVan.Features.Units;
using DanVan.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Features.Democracy.Decisions;

/// <summary>Nhân dân bàn và quyết định: the votes of the communities in the user's scope, searched, filtered by outcome, paged, exported.</summary>
public class IndexModel(AppDbContext db, CurrentUser currentUser, TimeProvider clock, DecisionCommands commands, Microsoft.Extensions.Configuration.IConfiguration configuration) : PageModel
{
    public sealed record Row(int Id, DateOnly HeldOn, string Community, string Matter, DecisionForm Form, int Entitled, int Present, int For, DecisionOutcome Outcome, string UnitName);

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    [BindProperty(SupportsGet = true, Name = "outcome")]
    public DecisionOutcome? Outcome { get; set; }

    [BindProperty(SupportsGet = true, Name = "page")]
    public int? PageNumber { get; set; }

    public PagedList<Row> Decisions { get; private set; } = null!;

    public bool CanRecord { get; private set; }

    [BindProperty(SupportsGet = true, Name = "year")]
    public int? Year { get; set; }

    [BindProperty]
    public IFormFile? Upload { get; set; }

    public List<string> ImportErrors { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var scope = (await currentUser.GetScopeAsync(ct))!;
        CanRecord = await CanRecordAsync(scope, ct);
        Decisions = await (await FilteredAsync(scope, ct)).ToPagedListAsync(Project, PageNumber, 50, ct);
    }

    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct)
    {
        var scope = (await currentUser.GetScopeAsync(ct))!;
        var rows = await Project(await FilteredAsync(scope, ct)).Take(100_000).ToListAsync(ct);
        var stream = new MemoryStream();
        XlsxExport.Write(stream, "Nhân dân bàn và quyết định", ["Ngày", "Thôn, tổ dân phố", "Nội dung", "Hình thức", "Tổng số hộ", "Số hộ tham dự", "Số hộ đồng ý", "Kết quả", "Đơn vị"],
            rows.Select(r => (IReadOnlyList<object?>)[r.HeldOn, r.Community, r.Matter, DecisionRules.Label(r.Form), r.Entitled, r.Present, r.For, DecisionRules.Label(r.Outcome), r.UnitName]),
            "DANH SÁCH NỘI DUNG NHÂN DÂN BÀN VÀ QUYẾT ĐỊNH", XlsxExport.ExportedOn(VietnamClock.Today(clock)));
        stream.Position = 0;
        return File(stream, XlsxExport.ContentType, $"nhan-dan-ban-va-quyet-dinh-{VietnamClock.Today(clock):yyyyMMdd}.xlsx");
    }

    /// <summary>Mẫu Excel: the commune's votes of the year (or this year) as rows, with the kinds of matter and forms to choose from.</summary>
    public async Task<IActionResult> OnGetTemplateAsync(CancellationToken ct)
    {
        var scope = (await currentUser.GetScopeAsync(ct))!;
        if (!await CanRecordAsync(scope, ct))
        {
            return Forbid();
        }

        var today = VietnamClock.Today(clock);
        var year = Year is >= 2000 and <= 9000 ? Year.Value : today.Year;
        var (from, to) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        var recorded = await db.PeopleDecisions.AsNoTracking().Where(d => d.UnitId == scope.UnitId && d.HeldOn >= from && d.HeldOn <= to)
            .OrderBy(d => d.HeldOn).ThenBy(d => d.Id).Take(DecisionWorkbook.MaxRows).ToListAsync(ct);
        var stream = new MemoryStream();
        DecisionWorkbook.WriteTemplate(stream, year, await commands.RulesAsync(today, ct), recorded);
        stream.Position = 0;
        return File(stream, XlsxExport.ContentType, $"mau-bieu-quyet-{year}-{scope.UnitId}.xlsx");
    }

    /// <summary>Nhập từ Excel: every row checked and counted; all saved in one transaction, or nothing and the report on the page.</summary>
    public async Task<IActionResult> OnPostImportAsync(CancellationToken ct)
    {
        var scope = (await currentUser.GetScopeAsync(ct))!;
        if (!await CanRecordAsync(scope, ct))
        {
            return Forbid();
        }

        var (content, refusal) = await XlsxUpload.ReadAsync(Upload, DecisionWorkbook.MaxBytes, configuration, ct);
        if (refusal is not null)
        {
            ImportErrors = [refusal];
        }
        else
        {
            var (rows, fileErrors) = DecisionWorkbook.Read(content!, await commands.RulesAsync(VietnamClock.Today(clock), ct));
            ImportErrors = fileErrors;
            if (fileErrors.Count == 0)
            {
                var result = await commands.ImportAsync(scope, rows, ct);
                if (result.IsOk)
                {
                    TempData["Message"] = $"Đã nhập {result.Value!.Saved} kết quả biểu quyết." + (result.Value.Skipped > 0 ? $" Bỏ qua {result.Value.Skipped} dòng đã có." : "");
                    return Redirect("/Democracy/Decisions");
                }

                ImportErrors = result.Errors.SelectMany(e => e.Value).ToList();
            }
        }

        await OnGetAsync(ct);
        return Page();
    }

    private async Task<bool> CanRecordAsync(UserScope scope, CancellationToken ct)
    {
        var kind = await db.OrgUnits.AsNoTracking().Where(u => u.Id == scope.UnitId).Select(u => u.Kind).FirstOrDefaultAsync(ct);
        return DisclosureAccessRules.CanRecord(scope, scope.UnitId) && DisclosureRules.ScopeOf(kind) == DisclosureScope.Commune;
    }

    private async Task<IQueryable<PeopleDecision>> FilteredAsync(UserScope scope, CancellationToken ct)
    {
        var query = db.PeopleDecisions.AsNoTracking();
        if (!scope.IsAdmin)
        {
            var units = await db.OrgUnits.AsNoTracking().InScope(scope).Select(u => u.Id).ToListAsync(ct);
            query = query.Where(d => EF.Parameter(units).Contains(d.UnitId));
        }

        if (Outcome is { } o && Enum.IsDefined(o))
        {
            query = query.Where(d => d.Outcome == o);
        }

        var folded = VietnameseText.Fold(Query);
        if (folded.Length > 0)
        {
            query = query.Where(d => d.SearchText.Contains(folded));
        }

        return query.OrderByDescending(d => d.HeldOn).ThenByDescending(d => d.Id);
    }

    private IQueryable<Row> Project(IQueryable<PeopleDecision> q) => q.Select(d => new Row(d.Id, d.HeldOn, d.Community, d.Matter, d.Form, d.HouseholdsEntitled, d.HouseholdsPresent, d.For,
        d.Outcome, db.OrgUnits.Where(o => o.Id == d.UnitId).Select(o => o.Name).First()));

    public string PageUrl(int page) => $"/Democracy/Decisions?q={Uri.EscapeDataString(Query ?? "")}&outcome={Outcome}&page={page}";

    public string ExportUrl => $"/Democracy/Decisions?handler=Export&q={Uri.EscapeDataString(Query ?? "")}&outcome={Outcome}";
}
