using DanVan.Data;
using DanVan.Domain.Access;
using DanVan.Domain.Documents;
using DanVan.Domain.Text;
using DanVan.Domain.Units;

namespace DanVan.Features.Documents;

public sealed record DocumentRow(int Id, string Code, string TypeName, string Title, string IssuerName, DateOnly? IssuedOn, string OwnerName, bool HasFile, bool Withdrawn = false);

public static class DocumentQueries
{
    /// <summary>Documents of the units in the user's scope, and of the units above the user's own (they reach down).</summary>
    public static IQueryable<Document> VisibleTo(this IQueryable<Document> documents, AppDbContext db, UserScope user)
    {
        if (user.IsAdmin)
        {
            return documents;
        }

        var prefix = user.ScopePrefix;
        var rootId = UnitPaths.Ancestors(prefix).Last();
        var above = UnitPaths.Ancestors(user.UnitAncestorPath).Append(user.UnitId).ToArray();
        return documents.Where(d => above.Contains(d.OwnerUnitId)
            || db.OrgUnits.Any(o => o.Id == d.OwnerUnitId && (o.Id == rootId || o.AncestorPath.StartsWith(prefix))));
    }

    public static IQueryable<Document> Matching(this IQueryable<Document> documents, string? query)
    {
        foreach (var word in VietnameseText.Fold(query).Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            documents = documents.Where(d => d.SearchText.Contains(word));
        }

        return documents;
    }

    public static IQueryable<DocumentRow> ToRows(this IQueryable<Document> documents, AppDbContext db) =>
        documents.Select(d => new DocumentRow(
            d.Id, d.Code, d.TypeName, d.Title, d.IssuerName, d.IssuedOn,
            db.OrgUnits.Where(o => o.Id == d.OwnerUnitId).Select(o => o.Name).FirstOrDefault() ?? "",
            db.DocumentFiles.Any(f => f.DocumentId == d.Id), d.WithdrawnAtUtc != null));
}
