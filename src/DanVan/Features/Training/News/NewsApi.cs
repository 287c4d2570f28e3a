using DanVan.Data;
using DanVan.Domain.Training;
using DanVan.Infrastructure;

namespace DanVan.Features.Training.News;

/// <summary>The JSON API of the register of news items and broadcasts (as /Training/News lists them).</summary>
public static class NewsApi
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/news-items").WithTags("Tin, bài, phát thanh").RequireAuthorization();
        group.MapGet("/", ListAsync).WithName("ListNewsItems")
            .WithSummary("Các tin, bài, phóng sự, chuyên mục phát thanh, truyền hình trong phạm vi của người dùng: q, kind, year, page, pageSize (tối đa 200).");
    }

    private static async Task<IResult> ListAsync(string? q, NewsKind? kind, int? year, int? page, int? pageSize, CurrentUser currentUser, AppDbContext db, CancellationToken ct)
    {
        if (await currentUser.GetScopeAsync(ct) is not { } user)
        {
            return TypedResults.Unauthorized();
        }

        var rows = await (await NewsQueries.ItemsAsync(db, user, q, kind, year, ct))
            .Select(s => new { s.Id, s.UnitId, unitName = db.OrgUnits.Where(o => o.Id == s.UnitId).Select(o => o.Name).First(), s.Kind, s.Title, s.Channel, s.Link, s.PublishedOn })
            .ToPagedListAsync(page, PagedList<object>.ClampSize(pageSize), ct);
        return TypedResults.Ok(new
        {
            items = rows.Items.Select(r => new { r.Id, r.UnitId, r.unitName, kind = r.Kind.ToString(), kindName = NewsRules.Label(r.Kind), r.Title, r.Channel, r.Link, r.PublishedOn }),
            totalCount = rows.TotalCount, page = rows.Page, pageSize = rows.PageSize, pageCount = rows.PageCount,
        });
    }
}
