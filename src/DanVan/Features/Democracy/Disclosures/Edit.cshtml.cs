using DanVan.Data;
using DanVan.Domain.Access;
using DanVan.Domain.Democracy;
using DanVan.Domain.Text;
using DanVan.Features.Shared;
using DanVan.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Features.Democracy.Disclosures;

/// <summary>One disclosure: read by whoever's scope covers the unit; corrected or deleted (after confirmation) by the unit itself; its file.</summary>
[RequestFormLimits(MultipartBodyLengthLimit = 12L * 1024 * 1024)]
[RequestSizeLimit(12L * 1024 * 1024)]
public class EditModel(AppDbContext db, CurrentUser currentUser, DisclosureCommands commands) : PageModel
{
    [BindProperty]
    public DisclosureInput Input { get; set; } = new();

    [BindProperty]
    public IFormFile? Upload { get; set; }

    public Disclosure Row { get; private set; } = null!;

    public string UnitName { get; private set; } = "";

    public DisclosureItem? Item { get; private set; }

    public List<DisclosureItem> Items { get; private set; } = [];

    public bool CanRecord { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } failed)
        {
            return failed;
        }

        Input = Saved();
        return Page();
    }

    /// <summary>The form as the record stands (the page after a refused deletion shows it again, not an empty form).</summary>
    private DisclosureInput Saved() => new()
    {
        Year = Row.Year, ItemCode = Row.ItemCode, Title = Row.Title, DisclosedOn = VietnameseText.FormatDate(Row.DisclosedOn),
        EndsOn = Row.EndsOn is { } e ? VietnameseText.FormatDate(e) : null, Forms = DisclosureRules.AllForms.Where(f => Row.Forms.HasFlag(f)).ToList(),
        RadioDays = Row.RadioDays, Note = Row.Note, IsPublic = Row.IsPublic, Stamp = Row.ConcurrencyStamp,
    };

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } failed)
        {
            return failed;
        }

        // The request limit (12 MB) bounds what is read; the command refuses a file over its own limit with a message.
        var file = Upload is { Length: > 0 } ? await Documents.UploadedFile.ReadAsync(Upload, ct) : null;

        var result = await commands.UpdateAsync((await currentUser.GetScopeAsync(ct))!, id, Input, file, ct);
        if (this.Failure(result) is { } failure)
        {
            return failure;
        }

        TempData["Message"] = "Đã lưu thay đổi.";
        return Redirect($"/Democracy/Disclosures/Edit/{id}");
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } failed)
        {
            return failed;
        }

        var result = await commands.DeleteAsync((await currentUser.GetScopeAsync(ct))!, id, Input.Stamp, ct);
        if (!result.IsOk)
        {
            Input = Saved();
        }

        if (this.Failure(result) is { } failure)
        {
            return failure;
        }

        TempData["Message"] = $"Đã xóa bản ghi công khai «{Row.Title}».";
        return Redirect($"/Democracy/Disclosures?year={Row.Year}&unit={Row.UnitId}");
    }

    public async Task<IActionResult> OnGetFileAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } failed)
        {
            return failed;
        }

        var content = await db.DisclosureFiles.AsNoTracking().Where(f => f.DisclosureId == id).Select(f => f.Content).FirstOrDefaultAsync(ct);
        return content is null || Row.FileName is null ? NotFound() : File(content, Row.FileContentType ?? "application/octet-stream", Row.FileName);
    }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        var scope = (await currentUser.GetScopeAsync(ct))!;
        var row = await db.Disclosures.AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, ct);
        var unit = row is null ? null : await db.OrgUnits.AsNoTracking().Where(u => u.Id == row.UnitId).Select(u => new { u.Name, u.Kind, u.AncestorPath }).FirstOrDefaultAsync(ct);
        if (row is null || unit is null || !DisclosureAccessRules.CanRead(scope, unit.AncestorPath, row.UnitId))
        {
            return NotFound();
        }

        (Row, UnitName) = (row, unit.Name);
        CanRecord = DisclosureAccessRules.CanRecord(scope, row.UnitId);
        Item = await db.DisclosureItems.AsNoTracking().Where(i => i.Code == row.ItemCode).OrderByDescending(i => i.ValidFrom).FirstOrDefaultAsync(ct);
        if (DisclosureRules.ScopeOf(unit.Kind) is { } list)
        {
            Items = await commands.ItemsAsync(list, DisclosureRules.IsYear(Input.Year) ? Input.Year!.Value : row.Year, ct);
        }

        return null;
    }
}
