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

/// <summary>Tuyên truyền, quán triệt, tập huấn: the sessions of the units in the user's scope, searched, filtered, sorted, paged, exported.</summary>
public class IndexModel(AppDbContext db, CurrentUser currentUser, TimeProvider clock, TrainingCommands commands, Microsoft.Extensions.Configuration.IConfiguration configuration) : PageModel
{
    public sealed record Row(int Id, DateOnly HeldOn, SessionKind Kind, string Title, int Attendees, int Staff, string UnitName);

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    [BindProperty(SupportsGet = true, Name = "kind")]
    public SessionKind? Kind { get; set; }

    [BindProperty(SupportsGet = true, Name = "year")]
    public int? Year { get; set; }

    /// <summary>"moi" (newest first, the default), "cu" (oldest first), "dong" (most attended first).</summary>
    [BindProperty(SupportsGet = true, Name = "sort")]
    public string? Sort { get; set; }

    [BindProperty(SupportsGet = true, Name = "page")]
    public int? PageNumber { get; set; }

    public PagedList<Row> Sessions { get; private set; } = null!;

    [BindProperty]
    public IFormFile? Upload { get; set; }

    public List<string> ImportErrors { get; private set; } = [];

    public bool CanRecord { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var scope = (await currentUser.GetScopeAsync(ct))!;
        CanRecord = DisclosureAccessRules.CanRecord(scope, scope.UnitId);
        Sessions = await (await FilteredAsync(scope, ct)).ToPagedListAsync(Project, PageNumber, 50, ct);
    }

    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct)
    {
        var scope = (await currentUser.GetScopeAsync(ct))!;
        var rows = await Project(await FilteredAsync(scope, ct)).Take(100_000).ToListAsync(ct);
        var stream = new MemoryStream();
        XlsxExport.Write(stream, "Tuyên truyền, tập huấn", ["Ngày", "Loại", "Nội dung", "Lượt người tham dự", "Cán bộ của đơn vị có mặt", "Đơn vị"],
            rows.Select(r => (IReadOnlyList<object?>)[r.HeldOn, TrainingRules.Label(r.Kind), r.Title, r.Attendees, r.Staff, r.UnitName]),
            "DANH SÁCH BUỔI TUYÊN TRUYỀN, TẬP HUẤN", XlsxExport.ExportedOn(VietnamClock.Today(clock)));
        stream.Position = 0;
        return File(stream, XlsxExport.ContentType, $"tuyen-truyen-tap-huan-{VietnamClock.Today(clock):yyyyMMdd}.xlsx");
    }

    /// <summary>Mẫu Excel: the unit's sessions of the year (or this year) as rows, with the lists to choose from.</summary>
    public async Task<IActionResult> OnGetTemplateAsync(CancellationToken ct)
    {
        var scope = (await currentUser.GetScopeAsync(ct))!;
        if (!DisclosureAccessRules.CanRecord(scope, scope.UnitId))
        {
            return Forbid();
        }

        var year = Year is >= 2000 and <= 9000 ? Year.Value : VietnamClock.Today(clock).Year;
        var (from, to) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        var sessions = await db.TrainingSessions.AsNoTracking().Where(s => s.UnitId == scope.UnitId && s.HeldOn >= from && s.HeldOn <= to)
            .OrderBy(s => s.HeldOn).ThenBy(s => s.Id).Take(TrainingWorkbook.MaxRows).ToListAsync(ct);
        var ids = sessions.Select(s => s.Id).ToList();
        var codes = (await db.TrainingSessionDocuments.AsNoTracking().Where(l => EF.Parameter(ids).Contains(l.SessionId))
            .Join(db.Documents, l => l.DocumentId, d => d.Id, (l, d) => new { l.SessionId, d.Code }).ToListAsync(ct)).ToLookup(x => x.SessionId, x => x.Code);
        var present = (await db.TrainingAttendances.AsNoTracking().Where(a => EF.Parameter(ids).Contains(a.SessionId))
            .Join(db.StaffMembers, a => a.StaffMemberId, m => m.Id, (a, m) => new { a.SessionId, m.FullName }).ToListAsync(ct)).ToLookup(x => x.SessionId, x => x.FullName);
        var (documents, staff) = await ChoicesAsync(scope, ct);
        var stream = new MemoryStream();
        TrainingWorkbook.WriteTemplate(stream, year,
            sessions.Select(s => new TrainingWorkbook.Recorded(s, codes[s.Id].Order(StringComparer.Ordinal).ToList(), present[s.Id].Order(StringComparer.Ordinal).ToList())),
            documents.Select(d => (d.Code, d.Title)).ToList(), staff.Select(s => s.Name).ToList());
        stream.Position = 0;
        return File(stream, XlsxExport.ContentType, $"mau-tuyen-truyen-{year}-{scope.UnitId}.xlsx");
    }

    /// <summary>Nhập từ Excel: every row checked; all saved in one transaction, or nothing and the report on the page.</summary>
    public async Task<IActionResult> OnPostImportAsync(CancellationToken ct)
    {
        var scope = (await currentUser.GetScopeAsync(ct))!;
        if (!DisclosureAccessRules.CanRecord(scope, scope.UnitId))
        {
            return Forbid();
        }

        var (content, refusal) = await XlsxUpload.ReadAsync(Upload, TrainingWorkbook.MaxBytes, configuration, ct);
        if (refusal is not null)
        {
            ImportErrors = [refusal];
        }
        else
        {
            var (documents, staff) = await ChoicesAsync(scope, ct);
            var (rows, fileErrors) = TrainingWorkbook.Read(content!, documents.Select(d => (d.Id, d.Code)).ToList(), staff.Select(s => (s.Id, s.Name)).ToList());
            ImportErrors = fileErrors;
            if (fileErrors.Count == 0)
            {
                var result = await commands.ImportAsync(scope, rows, ct);
                if (result.IsOk)
                {
                    TempData["Message"] = $"Đã nhập {result.Value!.Saved} buổi." + (result.Value.Skipped > 0 ? $" Bỏ qua {result.Value.Skipped} dòng đã có." : "");
                    return Redirect("/Training");
                }

                ImportErrors = result.Errors.SelectMany(e => e.Value).ToList();
            }
        }

        await OnGetAsync(ct);
        return Page();
    }

    /// <summary>What a workbook may name: the documents the unit sees (its own and those above, not withdrawn), and its staff.</summary>
    private async Task<(List<(int Id, string Code, string Title)> Documents, List<(int Id, string Name)> Staff)> ChoicesAsync(UserScope scope, CancellationToken ct)
    {
        var documents = await db.Documents.AsNoTracking().VisibleTo(db, scope).Where(d => d.WithdrawnAtUtc == null)
            .OrderByDescending(d => d.IssuedOn).ThenByDescending(d => d.Id).Take(2000).Select(d => new { d.Id, d.Code, d.Title }).ToListAsync(ct);
        var staff = await db.StaffMembers.AsNoTracking().Where(s => s.UnitId == scope.UnitId).OrderByVietnamese(db, s => s.FullName).Select(s => new { s.Id, s.FullName }).Take(5000).ToListAsync(ct);
        return (documents.Select(d => (d.Id, d.Code, d.Title)).ToList(), staff.Select(s => (s.Id, s.FullName)).ToList());
    }

    private Task<IQueryable<TrainingSession>> FilteredAsync(UserScope scope, CancellationToken ct) => TrainingQueries.SessionsAsync(db, scope, Query, Kind, Year, Sort, ct);

    private IQueryable<Row> Project(IQueryable<TrainingSession> q) => q.Select(s => new Row(s.Id, s.HeldOn, s.Kind, s.Title, s.Attendees,
        db.TrainingAttendances.Count(a => a.SessionId == s.Id), db.OrgUnits.Where(o => o.Id == s.UnitId).Select(o => o.Name).First()));

    private string Filters => $"q={Uri.EscapeDataString(Query ?? "")}&kind={Kind}&year={Year}&sort={Uri.EscapeDataString(Sort ?? "")}";

    public string PageUrl(int page) => $"/Training?{Filters}&page={page}";

    public string ExportUrl => $"/Training?handler=Export&{Filters}";
}
