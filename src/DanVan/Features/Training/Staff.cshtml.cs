using DanVan.Data;
using DanVan.Domain.Access;
using DanVan.Domain.Text;
using DanVan.Domain.Training;
using DanVan.Features.Shared;
using DanVan.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Features.Training;

/// <summary>
/// Danh sách cán bộ, công chức, viên chức of the user's unit (or, for a reader, of a unit in scope): who joined and left,
/// the base of "được học tập, quán triệt". The unit's officers and head add, correct, record a departure, delete an error.
/// </summary>
public class StaffModel(AppDbContext db, CurrentUser currentUser, TrainingCommands commands, TimeProvider clock, Microsoft.Extensions.Configuration.IConfiguration configuration) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "unit")]
    public int? UnitId { get; set; }

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    [BindProperty(SupportsGet = true, Name = "edit")]
    public int? EditId { get; set; }

    [BindProperty(SupportsGet = true, Name = "page")]
    public int? PageNumber { get; set; }

    [BindProperty]
    public StaffInput Input { get; set; } = new();

    [BindProperty]
    public Guid Stamp { get; set; }

    public string UnitName { get; private set; } = "";

    public int Unit { get; private set; }

    public PagedList<StaffMember> Members { get; private set; } = null!;

    public int OnStaffToday { get; private set; }

    public bool CanRecord { get; private set; }

    public StaffMember? Editing { get; private set; }

    [BindProperty]
    public IFormFile? Upload { get; set; }

    public List<string> ImportErrors { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } failed)
        {
            return failed;
        }

        if (Editing is { } e)
        {
            Input = new StaffInput { FullName = e.FullName, Position = e.Position, JoinedOn = Format(e.JoinedOn), LeftOn = Format(e.LeftOn) };
        }

        return Page();
    }

    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } failed)
        {
            return failed;
        }

        var rows = await Filtered().Take(100_000).ToListAsync(ct);
        var stream = new MemoryStream();
        XlsxExport.Write(stream, "Danh sách cán bộ", ["Họ và tên", "Chức vụ", "Ngày về đơn vị", "Ngày thôi công tác"],
            rows.Select(r => (IReadOnlyList<object?>)[r.FullName, r.Position, r.JoinedOn, r.LeftOn]),
            "DANH SÁCH CÁN BỘ", XlsxExport.ExportedOn(VietnamClock.Today(clock)));
        stream.Position = 0;
        return File(stream, XlsxExport.ContentType, $"danh-sach-can-bo-{VietnamClock.Today(clock):yyyyMMdd}.xlsx");
    }

    /// <summary>Mẫu Excel: the unit's whole roster, to be corrected offline and sent back.</summary>
    public async Task<IActionResult> OnGetTemplateAsync(CancellationToken ct)
    {
        UnitId = null; // one keeps one's own unit's roster only
        if (await LoadAsync(ct) is { } failed)
        {
            return failed;
        }

        if (!CanRecord)
        {
            return Forbid();
        }

        var stream = new MemoryStream();
        TrainingWorkbook.WriteStaffTemplate(stream, await db.StaffMembers.AsNoTracking().Where(s => s.UnitId == Unit).OrderByVietnamese(db, s => s.FullName).ThenBy(s => s.Id).Take(5000).ToListAsync(ct));
        stream.Position = 0;
        return File(stream, XlsxExport.ContentType, $"mau-danh-sach-can-bo-{Unit}.xlsx");
    }

    /// <summary>Nhập từ Excel: new names added, names on the roster updated; all or nothing, with every error by row.</summary>
    public async Task<IActionResult> OnPostImportAsync(CancellationToken ct)
    {
        UnitId = null;
        if (await LoadAsync(ct) is { } failed)
        {
            return failed;
        }

        if (!CanRecord)
        {
            return Forbid();
        }

        var (content, refusal) = await XlsxUpload.ReadAsync(Upload, TrainingWorkbook.MaxBytes, configuration, ct);
        if (refusal is not null)
        {
            ImportErrors = [refusal];
            return Page();
        }

        var (rows, fileErrors) = TrainingWorkbook.ReadStaff(content!);
        ImportErrors = fileErrors;
        if (fileErrors.Count == 0)
        {
            var result = await commands.ImportStaffAsync((await currentUser.GetScopeAsync(ct))!, rows, ct);
            if (result.IsOk)
            {
                TempData["Message"] = $"Đã cập nhật danh sách: {result.Value!.Saved} người thêm mới hoặc sửa." + (result.Value.Skipped > 0 ? $" {result.Value.Skipped} người không thay đổi." : "");
                return Redirect("/Training/Staff");
            }

            ImportErrors = result.Errors.SelectMany(e => e.Value).ToList();
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAddAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } failed)
        {
            return failed;
        }

        var result = await commands.AddStaffAsync((await currentUser.GetScopeAsync(ct))!, Input, ct);
        if (this.Failure(result) is { } failure)
        {
            return failure;
        }

        TempData["Message"] = $"Đã thêm {result.Value!.FullName} vào danh sách cán bộ.";
        return Redirect("/Training/Staff");
    }

    public async Task<IActionResult> OnPostUpdateAsync(int id, CancellationToken ct)
    {
        EditId = id;
        if (await LoadAsync(ct) is { } failed)
        {
            return failed;
        }

        var result = await commands.UpdateStaffAsync((await currentUser.GetScopeAsync(ct))!, id, Input, Stamp, ct);
        if (this.Failure(result) is { } failure)
        {
            return failure;
        }

        TempData["Message"] = $"Đã cập nhật {result.Value!.FullName}.";
        return Redirect("/Training/Staff");
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } failed)
        {
            return failed;
        }

        var result = await commands.DeleteStaffAsync((await currentUser.GetScopeAsync(ct))!, id, Stamp, ct);
        if (this.Failure(result, "") is { } failure)
        {
            return failure;
        }

        TempData["Message"] = $"Đã xóa {result.Value!.FullName} khỏi danh sách.";
        return Redirect("/Training/Staff");
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        var scope = (await currentUser.GetScopeAsync(ct))!;
        Unit = UnitId is > 0 ? UnitId.Value : scope.UnitId;
        var unit = await db.OrgUnits.AsNoTracking().Where(u => u.Id == Unit).Select(u => new { u.Name, u.AncestorPath }).FirstOrDefaultAsync(ct);
        if (unit is null || !DisclosureAccessRules.CanRead(scope, unit.AncestorPath, Unit))
        {
            return NotFound();
        }

        UnitName = unit.Name;
        CanRecord = DisclosureAccessRules.CanRecord(scope, Unit);
        var today = VietnamClock.Today(clock);
        Members = await Filtered().ToPagedListAsync(PageNumber, 100, ct);
        OnStaffToday = await TrainingQueries.OnStaff(db, [Unit], today).CountAsync(ct);
        Editing = EditId is > 0 && CanRecord ? await db.StaffMembers.AsNoTracking().FirstOrDefaultAsync(s => s.Id == EditId && s.UnitId == Unit, ct) : null;
        return null;
    }

    private IQueryable<StaffMember> Filtered()
    {
        var query = db.StaffMembers.AsNoTracking().Where(s => s.UnitId == Unit);
        var folded = VietnameseText.Fold(Query);
        if (folded.Length > 0)
        {
            query = query.Where(s => s.SearchText.Contains(folded));
        }

        return query.OrderBy(s => s.LeftOn != null).ThenByVietnamese(db, s => s.FullName).ThenBy(s => s.Id);
    }

    public static string? Format(DateOnly? d) => d is { } v ? VietnameseText.FormatDate(v) : null;

    public string PageUrl(int page) => $"/Training/Staff?unit={Unit}&q={Uri.EscapeDataString(Query ?? "")}&page={page}";

    public string ExportUrl => $"/Training/Staff?handler=Export&unit={Unit}&q={Uri.EscapeDataString(Query ?? "")}";
}
