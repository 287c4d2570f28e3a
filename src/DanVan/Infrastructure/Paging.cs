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
    public static async Task<PagedList<T>> ToPagedListAsync<T>(this IQueryable<T> query, int? page, int? pageSize, CancellationToken ct = default)
    {
        var size = PagedList<T>.ClampSize(pageSize);
        var total = await query.CountAsync(ct);
        var pageCount = total == 0 ? 1 : (total + size - 1) / size;
        var current = Math.Min(PagedList<T>.ClampPage(page), pageCount);
        var items = await query.Skip((current - 1) * size).Take(size).ToListAsync(ct);
        return new PagedList<T>(items, current, size, total);
    }
}
