using DanVan.Data;
using DanVan.Domain.Access;
using DanVan.Domain.Documents;
using DanVan.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Features.Documents;

public sealed record DocumentDto(
    int Id, string Code, string Style, int? Number, int? Year, string? TypeCode, string TypeName, string IssuerSymbol,
    string IssuerName, string? Place, DateOnly? IssuedOn, string Title, string? SignerAuthority, string? SignerPosition,
    string? SignerName, IReadOnlyList<string> Recipients, int OwnerUnitId, IReadOnlyList<CitationDto> Citations)
{
    public static DocumentDto From(Document d, IReadOnlyList<CitationDto> citations) => new(
        d.Id, d.Code, d.Style.ToString(), d.Number, d.Year, d.TypeCode, d.TypeName, d.IssuerSymbol, d.IssuerName, d.Place, d.IssuedOn,
        d.Title, d.SignerAuthority, d.SignerPosition, d.SignerName,
        (d.Recipients ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), d.OwnerUnitId, citations);
}

public sealed record CitationDto(string Relation, string Description, string? CitedCode, int? CitedDocumentId);

public sealed record DocumentPageDto(IReadOnlyList<DocumentRow> Items, int Page, int PageSize, int TotalCount);

public sealed record RegisterDocumentRequest(
    int? OwnerUnitId, string? Code, string? IssuerName, int? IssuingUnitId, string? Place, DateOnly? IssuedOn, string? Title,
    string? SignerAuthority, string? SignerPosition, string? SignerName, IReadOnlyList<string>? Recipients,
    IReadOnlyList<CitationRequest>? Citations);

public sealed record CitationRequest(CitationRelation Relation, string? Description);

/// <summary>The JSON API of the document register (the original file is uploaded through the page).</summary>
public static class DocumentsApi
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/documents").WithTags("Văn bản").RequireAuthorization();
        group.MapGet("/", ListAsync).WithName("ListDocuments").WithSummary("Văn bản người dùng được xem (tìm không dấu, phân trang).");
        group.MapGet("/{id:int}", GetAsync).WithName("GetDocument").WithSummary("Một văn bản và các văn bản nó dẫn.");
        group.MapPost("/", RegisterAsync).WithName("RegisterDocument").WithSummary("Đăng ký văn bản (số, ký hiệu được kiểm tra).");
    }

    private static async Task<Results<Ok<DocumentPageDto>, UnauthorizedHttpResult>> ListAsync(
        CurrentUser currentUser, AppDbContext db, string? q, string? type, int? page, int? pageSize, CancellationToken ct)
    {
        if (await currentUser.GetScopeAsync(ct) is not { } user)
        {
            return TypedResults.Unauthorized();
        }

        var query = db.Documents.AsNoTracking().VisibleTo(db, user).Matching(q);
        if (!string.IsNullOrWhiteSpace(type))
        {
            query = query.Where(d => d.TypeCode == type);
        }

        var paged = await query.OrderByDescending(d => d.IssuedOn).ThenByDescending(d => d.Id).ToRows(db).ToPagedListAsync(page, pageSize, ct);
        return TypedResults.Ok(new DocumentPageDto(paged.Items, paged.Page, paged.PageSize, paged.TotalCount));
    }

    private static async Task<Results<Ok<DocumentDto>, NotFound, ForbidHttpResult, UnauthorizedHttpResult>> GetAsync(
        int id, CurrentUser currentUser, AppDbContext db, CancellationToken ct)
    {
        if (await currentUser.GetScopeAsync(ct) is not { } user)
        {
            return TypedResults.Unauthorized();
        }

        var found = await db.Documents.AsNoTracking().Where(d => d.Id == id)
            .Join(db.OrgUnits, d => d.OwnerUnitId, o => o.Id, (d, o) => new { d, o.AncestorPath }).FirstOrDefaultAsync(ct);
        if (found is null)
        {
            return TypedResults.NotFound();
        }

        if (!DocumentAccessRules.CanRead(user, found.AncestorPath, found.d.OwnerUnitId))
        {
            return TypedResults.Forbid();
        }

        var citations = await db.DocumentCitations.AsNoTracking().Where(c => c.DocumentId == id).OrderBy(c => c.Id)
            .Select(c => new CitationDto(c.Relation.ToString(), c.Description, c.CitedCode, c.CitedDocumentId)).ToListAsync(ct);
        return TypedResults.Ok(DocumentDto.From(found.d, citations));
    }

    private static async Task<IResult> RegisterAsync(RegisterDocumentRequest body, CurrentUser currentUser, DocumentCommands commands, CancellationToken ct)
    {
        if (await currentUser.GetScopeAsync(ct) is not { } user)
        {
            return TypedResults.Unauthorized();
        }

        var result = await commands.RegisterAsync(user, new RegisterDocumentCommand(
            body.OwnerUnitId, body.Code, body.IssuerName, body.IssuingUnitId, body.Place, body.IssuedOn, body.Title,
            body.SignerAuthority, body.SignerPosition, body.SignerName,
            body.Recipients is null ? null : string.Join('\n', body.Recipients),
            (body.Citations ?? []).Select(c => new CitationInput(c.Relation, c.Description)).ToList(), null), ct);
        return result.Status switch
        {
            ResultStatus.NotFound => TypedResults.NotFound(),
            ResultStatus.Forbidden => TypedResults.Forbid(),
            ResultStatus.Invalid => TypedResults.ValidationProblem(result.Errors.ToDictionary(kv => kv.Key, kv => kv.Value), title: "Dữ liệu không hợp lệ."),
            _ => TypedResults.Created($"/api/documents/{result.Value!.Id}", new { id = result.Value.Id, code = result.Value.Code, typeName = result.Value.TypeName }),
        };
    }
}
