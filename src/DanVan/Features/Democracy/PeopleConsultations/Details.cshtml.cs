using DanVan.Data;
using DanVan.Domain.Democracy;
using DanVan.Features.Shared;
using DanVan.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Features.Democracy.PeopleConsultations;

/// <summary>One consultation: the figures, the response and the decision, its file, the report as DOCX, deletion by the commune after confirmation.</summary>
public class DetailsModel(AppDbContext db, CurrentUser currentUser, PeopleConsultationCommands commands, TimeProvider clock) : PageModel
{
    public PeopleConsultation Row { get; private set; } = null!;

    public string UnitName { get; private set; } = "";

    public PeopleConsultationMatter? Matter { get; private set; }

    public bool CanRecord { get; private set; }

    [BindProperty]
    public Guid Stamp { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ?? Page();

    public async Task<IActionResult> OnGetDocxAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } failed)
        {
            return failed;
        }

        var (_, place) = await DocumentPlace.OfUnitAsync(db, Row.UnitId, ct);
        var stream = new MemoryStream();
        PeopleConsultationReportDocx.Write(stream, Row, UnitName, null, Matter?.Name ?? Row.MatterCode, Matter?.Article ?? "Điều 25", place, VietnamClock.Today(clock));
        stream.Position = 0;
        return File(stream, "application/vnd.openxmlformats-officedocument.wordprocessingml.document", PeopleConsultationReportDocx.FileName(Row));
    }

    public async Task<IActionResult> OnGetFileAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } failed)
        {
            return failed;
        }

        var content = await db.PeopleConsultationFiles.AsNoTracking().Where(f => f.ConsultationId == id).Select(f => f.Content).FirstOrDefaultAsync(ct);
        return content is null || Row.FileName is null ? NotFound() : File(content, Row.FileContentType ?? "application/octet-stream", Row.FileName);
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } failed)
        {
            return failed;
        }

        var result = await commands.DeleteAsync((await currentUser.GetScopeAsync(ct))!, id, Stamp, ct);
        if (this.Failure(result, "") is { } failure)
        {
            return failure;
        }

        TempData["Message"] = $"Đã xóa đợt lấy ý kiến «{Row.Subject}».";
        return Redirect("/Democracy/PeopleConsultations");
    }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        if (await LoadedConsultation.LoadAsync(db, (await currentUser.GetScopeAsync(ct))!, id, ct) is not { } found)
        {
            return NotFound();
        }

        (Row, UnitName, Matter, CanRecord) = (found.Row, found.UnitName, found.Matter, found.CanRecord);
        return null;
    }
}
