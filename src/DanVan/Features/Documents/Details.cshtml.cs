using DanVan.Data;
using DanVan.Domain.Access;
using DanVan.Domain.Documents;
using DanVan.Infrastructure;
using DanVan.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Features.Documents;

public sealed record CitationRow(CitationRelation Relation, string Description, int? DocumentId, string? Code);

public class DetailsModel(AppDbContext db, CurrentUser currentUser, DocumentEditing editing) : PageModel
{
    public Document Document { get; private set; } = null!;

    public string OwnerName { get; private set; } = "";

    private string OwnerPath { get; set; } = "/";

    public DocumentFile? FileInfo { get; private set; }

    public List<CitationRow> Cites { get; private set; } = [];

    public List<DocumentRow> CitedBy { get; private set; } = [];

    public int? PlanId { get; private set; }

    public bool CanWrite { get; private set; }

    public Editing.ActionsView Actions { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } failed)
        {
            return failed;
        }

        var scope = (await currentUser.GetScopeAsync(ct))!;
        PlanId = await db.Plans.AsNoTracking().Where(p => p.DocumentId == id).Select(p => (int?)p.Id).FirstOrDefaultAsync(ct);
        CanWrite = DocumentAccessRules.CanWrite(scope, OwnerPath, Document.OwnerUnitId) && Document.WithdrawnAtUtc is null;
        Actions = new Editing.ActionsView(Domain.Editing.RecordKind.Document, id, $"/Documents/Edit/{id}", $"/Documents/Remove/{id}",
            await editing.InfoAsync(scope, Document, OwnerPath, ct), Document.Version - 1);
        FileInfo = await db.DocumentFiles.AsNoTracking().Where(f => f.DocumentId == id)
            .Select(f => new DocumentFile { Id = f.Id, FileName = f.FileName, ContentType = f.ContentType, Size = f.Size }).FirstOrDefaultAsync(ct);
        var visible = db.Documents.AsNoTracking().VisibleTo(db, scope);
        Cites = await db.DocumentCitations.AsNoTracking().Where(c => c.DocumentId == id).OrderBy(c => c.Relation).ThenBy(c => c.Id)
            .Select(c => new CitationRow(c.Relation, c.Description, visible.Any(v => v.Id == c.CitedDocumentId) ? c.CitedDocumentId : null, c.CitedCode))
            .ToListAsync(ct);
        var citingIds = db.DocumentCitations.Where(c => c.CitedDocumentId == id).Select(c => c.DocumentId);
        CitedBy = await visible.Where(d => citingIds.Contains(d.Id)).OrderByDescending(d => d.IssuedOn).ToRows(db).Take(200).ToListAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnGetFileAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } failed)
        {
            return failed;
        }

        var file = await db.DocumentFiles.AsNoTracking().FirstOrDefaultAsync(f => f.DocumentId == id, ct);
        return file is null ? NotFound() : File(file.Content, file.ContentType, file.FileName);
    }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        var found = await db.Documents.AsNoTracking().Where(d => d.Id == id)
            .Join(db.OrgUnits, d => d.OwnerUnitId, o => o.Id, (d, o) => new { d, o.Name, o.AncestorPath })
            .FirstOrDefaultAsync(ct);
        if (found is null)
        {
            return NotFound();
        }

        var scope = (await currentUser.GetScopeAsync(ct))!;
        if (!DocumentAccessRules.CanRead(scope, found.AncestorPath, found.d.OwnerUnitId))
        {
            return this.ForbidScope();
        }

        Document = found.d;
        OwnerName = found.Name;
        OwnerPath = found.AncestorPath;
        return null;
    }
}
