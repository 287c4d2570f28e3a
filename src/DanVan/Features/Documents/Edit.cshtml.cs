using System.ComponentModel.DataAnnotations;
using DanVan.Data;
using DanVan.Domain.Access;
using DanVan.Domain.Documents;
using DanVan.Domain.Editing;
using DanVan.Domain.Text;
using DanVan.Features.Shared;
using DanVan.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Features.Documents;

/// <summary>Sửa văn bản: the registration form again, the previous version kept (ADR-019).</summary>
public class EditModel(AppDbContext db, CurrentUser currentUser, DocumentEditing editing, TimeProvider clock) : PageModel
{
    public sealed class EditInput : CreateModel.InputModel
    {
        public int Version { get; set; }

        [Display(Name = "Lý do sửa (không bắt buộc)")]
        public string? Reason { get; set; }
    }

    [BindProperty]
    public EditInput Input { get; set; } = new();

    public Document Document { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } failed)
        {
            return failed;
        }

        var d = Document;
        Input = new EditInput
        {
            Version = d.Version, Code = d.Code, IssuerName = d.IssuerName, Place = d.Place, IssuedOn = d.IssuedOn is { } on ? VietnameseText.FormatDate(on) : null,
            Title = d.Title, SignerAuthority = d.SignerAuthority, SignerPosition = d.SignerPosition, SignerName = d.SignerName, Recipients = d.Recipients,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } failed)
        {
            return failed;
        }

        var issuedOn = PageResults.ParseDate(ModelState, "Input.IssuedOn", Input.IssuedOn, "ngày ban hành");
        if (!ModelState.IsValid)
        {
            // The date could not be read: the other fields are still checked, so that every error shows at once.
            var errors = new FieldErrors();
            var types = await db.DocumentTypes.AsNoTracking().Select(t => t.Code).ToListAsync(ct);
            DocumentCommands.CheckFields(errors, types.ToHashSet(StringComparer.Ordinal), new DocumentFields(
                Input.Code, Input.IssuerName, Input.Place, null, Input.Title, Input.SignerAuthority, Input.SignerPosition, Input.SignerName, Input.Recipients),
                VietnamClock.Today(clock), out _);
            return this.Failure(Result<Document>.Invalid(errors.ToDictionary()))!;
        }

        var scope = (await currentUser.GetScopeAsync(ct))!;
        var result = await editing.EditAsync(scope, id, new EditDocumentCommand(Input.Version, new DocumentFields(
            Input.Code, Input.IssuerName, Input.Place, issuedOn, Input.Title, Input.SignerAuthority, Input.SignerPosition, Input.SignerName, Input.Recipients),
            Input.Reason), ct);
        if (this.Failure(result) is { } failure)
        {
            return failure;
        }

        TempData["Message"] = result.Value!.Version == Document.Version ? "Không có thay đổi nào để lưu." : $"Đã lưu văn bản {result.Value.Code} (phiên bản {result.Value.Version}).";
        return Redirect($"/Documents/Details/{id}");
    }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        var found = await db.Documents.AsNoTracking().Where(d => d.Id == id)
            .Join(db.OrgUnits, d => d.OwnerUnitId, o => o.Id, (d, o) => new { d, o.AncestorPath }).FirstOrDefaultAsync(ct);
        var scope = (await currentUser.GetScopeAsync(ct))!;
        if (found is null || !DocumentAccessRules.CanRead(scope, found.AncestorPath, found.d.OwnerUnitId))
        {
            return NotFound();
        }

        if (!EditAccessRules.CanEdit(scope, found.AncestorPath, found.d.OwnerUnitId))
        {
            return Forbid();
        }

        Document = found.d;
        if (EditRules.EditRefusal(RecordKind.Document, found.d.WithdrawnAtUtc is not null) is { } refusal)
        {
            TempData["Message"] = refusal;
            return Redirect($"/Documents/Details/{id}");
        }

        return null;
    }
}
