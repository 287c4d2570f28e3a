using Microsoft.EntityFrameworkCore;

namespace DanVan.Infrastructure;

public sealed record PagedList<T>(IReadOnlyList<T> Items, int Page, int PageSize, int TotalCount)
{
    public int PageCount => TotalCount == 0 ? 1 : (TotalCount + PageSize - 1) / PageSize;

    public static int ClampPage(int? page) => page is null or < 1 ? 1 : page.Value;

    public static int ClampSize(int? size, int fallback = 50) => size is null or < 1 ? fallback : Math.Min(size.Value, 200);
}

public static class PagingExtensions
{
    /// <summary>One count and one page query; the query must already be ordered.</summary>
    public static Task<PagedList<T>> ToPagedListAsync<T>(this IQueryable<T> query, int? page, int? pageSize, CancellationToken ct = default) =>
        query.ToPagedListAsync(q => q, page, pageSize, ct);

    /// <summary>
    /// Counts <paramref name="query"/> as it is and pages its projection: the count skips the joins a projection adds
    /// (a row's titles and names), which at national scale cost as much as the filter. The projection must keep one
    /// row per source row and the order.
    /// </summary>
    public static async Task<PagedList<TResult>> ToPagedListAsync<TSource, TResult>(this IQueryable<TSource> query, Func<IQueryable<TSource>, IQueryable<TResult>> project,
        int? page, int? pageSize, CancellationToken ct = default)
    {
        var size = PagedList<TResult>.ClampSize(pageSize);
        var total = await query.CountAsync(ct);
        var pageCount = total == 0 ? 1 : (total + size - 1) / size;
        var current = Math.Min(PagedList<TResult>.ClampPage(page), pageCount);
        var items = await project(query).Skip((current - 1) * size).Take(size).ToListAsync(ct);
        return new PagedList<TResult>(items, current, size, total);
    }
}
