using DanVan.Data;
using DanVan.Domain.Democracy;
using DanVan.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Features.Democracy.PeopleConsultations;

/// <summary>
/// Lấy ý kiến Nhân dân trước khi quyết định: the consultations of the communes in the user's scope, searched (without
/// diacritics), filtered by the year they closed and the kind of matter, sorted, paged (at most 200 a page), exported.
/// </summary>
public class IndexModel(AppDbContext db, CurrentUser currentUser, PeopleConsultationCommands commands, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    [BindProperty(SupportsGet = true, Name = "year")]
    public int? Year { get; set; }

    [BindProperty(SupportsGet = true, Name = "matter")]
    public string? Matter { get; set; }

    [BindProperty(SupportsGet = true, Name = "sort")]
    public string? Sort { get; set; }

    [BindProperty(SupportsGet = true, Name = "page")]
    public int? PageNumber { get; set; }

    [BindProperty(SupportsGet = true, Name = "size")]
    public int? PageSize { get; set; }

    public PagedList<PeopleConsultationRow> Consultations { get; private set; } = null!;

    public List<PeopleConsultationMatter> Matters { get; private set; } = [];

    public bool CanRecord { get; private set; }

    public DateOnly Today { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var scope = (await currentUser.GetScopeAsync(ct))!;
        await LoadAsync(ct);
        CanRecord = await commands.CanRecordAsync(scope, ct);
        Consultations = await (await FilteredAsync(scope, ct)).Sorted(Sort).ToPagedListAsync(q => q.ToRows(db), PageNumber, PagedList<PeopleConsultationRow>.ClampSize(PageSize), ct);
    }

    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct)
    {
        var scope = (await currentUser.GetScopeAsync(ct))!;
        await LoadAsync(ct);
        var rows = await (await FilteredAsync(scope, ct)).Sorted(Sort).ToRows(db).Take(100_000).ToListAsync(ct);
        var names = Matters.ToDictionary(m => m.Code, m => m.Name, StringComparer.Ordinal);
        var stream = new MemoryStream();
        XlsxExport.Write(stream, "Lấy ý kiến Nhân dân", ["Từ ngày", "Đến ngày", "Nội dung lấy ý kiến", "Loại nội dung", "Phạm vi", "Hình thức", "Số ý kiến", "Đồng ý", "Ý kiến khác", "Ngày quyết định", "Đơn vị"],
            rows.Select(r => (IReadOnlyList<object?>)[r.OpensOn, r.ClosesOn, r.Subject, names.GetValueOrDefault(r.MatterCode, r.MatterCode), r.Community,
                PeopleConsultationRules.Labels(r.Forms), r.OpinionsReceived, r.OpinionsAgreed, r.OpinionsOther, r.DecidedOn, r.UnitName]),
            "DANH SÁCH LẤY Ý KIẾN NHÂN DÂN", XlsxExport.ExportedOn(Today));
        stream.Position = 0;
        return File(stream, XlsxExport.ContentType, $"lay-y-kien-nhan-dan-{Today:yyyyMMdd}.xlsx");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Today = VietnamClock.Today(clock);
        Matters = (await db.PeopleConsultationMatters.AsNoTracking().OrderBy(m => m.SortOrder).ThenBy(m => m.Code).ToListAsync(ct))
            .GroupBy(m => m.Code).Select(g => g.OrderByDescending(m => m.ValidFrom).First()).ToList();
    }

    private async Task<IQueryable<PeopleConsultation>> FilteredAsync(Domain.Access.UserScope scope, CancellationToken ct) =>
        (await db.PeopleConsultations.AsNoTracking().VisibleToAsync(db, scope, ct)).Matching(Query, Year, Matter);

    private string Filters => $"q={Uri.EscapeDataString(Query ?? "")}&year={Year}&matter={Uri.EscapeDataString(Matter ?? "")}&sort={Uri.EscapeDataString(Sort ?? "")}";

    public string PageUrl(int page) => $"/Democracy/PeopleConsultations?{Filters}&size={PageSize}&page={page}";

    public string ExportUrl => $"/Democracy/PeopleConsultations?handler=Export&{Filters}";
}
