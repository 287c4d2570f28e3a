using DanVan.Data;
using DanVan.Domain.Access;
using DanVan.Domain.Text;
using DanVan.Domain.Training;
using DanVan.Features.Units;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Features.Training.News;

/// <summary>The news items of the units in the user's scope: the list page, its export and the API.</summary>
public static class NewsQueries
{
    /// <summary>Searched without accents, filtered by kind and year, newest first.</summary>
    public static async Task<IQueryable<NewsItem>> ItemsAsync(AppDbContext db, UserScope scope, string? q, NewsKind? kind, int? year, CancellationToken ct)
    {
        var query = db.NewsItems.AsNoTracking();
        if (!scope.IsAdmin)
        {
            var units = await db.OrgUnits.AsNoTracking().InScope(scope).Select(u => u.Id).ToListAsync(ct);
            query = query.Where(s => EF.Parameter(units).Contains(s.UnitId));
        }

        if (kind is { } k && Enum.IsDefined(k))
        {
            query = query.Where(s => s.Kind == k);
        }

        if (year is >= 2000 and <= 9000)
        {
            var (from, to) = (new DateOnly(year.Value, 1, 1), new DateOnly(year.Value, 12, 31));
            query = query.Where(s => s.PublishedOn >= from && s.PublishedOn <= to);
        }

        var folded = VietnameseText.Fold(q);
        if (folded.Length > 0)
        {
            query = query.Where(s => s.SearchText.Contains(folded));
        }

        return query.OrderByDescending(s => s.PublishedOn).ThenByDescending(s => s.Id);
    }
}
