namespace DanVan.Features.Shared;

/// <summary>A pager for any list: page links keep the other query-string values.</summary>
public sealed record PagerModel(int Page, int PageCount, int TotalCount, Func<int, string> Url)
{
    public IEnumerable<int> Window()
    {
        var from = Math.Max(1, Page - 3);
        var to = Math.Min(PageCount, Page + 3);
        return Enumerable.Range(from, to - from + 1);
    }
}
