using DanVan.Data;
using DanVan.Domain.Access;
using DanVan.Domain.Indices;
using DanVan.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Features.Indices;

/// <summary>The JSON API of indices: the definitions with their components, and an index's values as /Indices lists them (same access).</summary>
public static class IndicesApi
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/indices").WithTags("Chỉ số (SIPAS, PAR INDEX, PAPI, PCI…)").RequireAuthorization();
        group.MapGet("/", DefinitionsAsync).WithName("ListIndices")
            .WithSummary("Danh mục chỉ số: mã, tên, cơ quan chủ trì, căn cứ (áp dụng từ), thang đo, cấp, cách tính và các thành phần (điểm tối đa).");
        group.MapGet("/{code}/values", ValuesAsync).WithName("ListIndexValues")
            .WithSummary("Kết quả một chỉ số của các đơn vị người dùng được xem (phạm vi của mình và các cấp trên): unitId, year, source (Published, SelfAssessed, Survey), q, sort (nam, cu, cao, thap, ten), page, pageSize (tối đa 200); kèm các thành phần.");
    }

    private static async Task<IResult> DefinitionsAsync(CurrentUser currentUser, AppDbContext db, CancellationToken ct)
    {
        if (await currentUser.GetScopeAsync(ct) is null)
        {
            return TypedResults.Unauthorized();
        }

        var components = (await db.IndexComponents.AsNoTracking().OrderBy(c => c.SortOrder).ToListAsync(ct)).ToLookup(c => c.IndexCode, StringComparer.Ordinal);
        return TypedResults.Ok((await IndexQueries.DefinitionsAsync(db, ct)).Select(i => new
        {
            i.Code, i.Name, i.Owner, i.LegalBasis, i.ValidFrom, i.FirstYear, i.ScaleMin, i.ScaleMax, i.Unit, level = i.Level.ToString(), combination = i.Combination.ToString(), i.Note,
            measure = IndexRules.MeasureCode(i.Code),
            components = components[i.Code].Select(c => new { c.Code, c.Name, c.MaxPoints }),
        }));
    }

    private static async Task<IResult> ValuesAsync(string code, int? unitId, int? year, IndexValueSource? source, string? q, string? sort, int? page, int? pageSize,
        CurrentUser currentUser, AppDbContext db, CancellationToken ct)
    {
        if (await currentUser.GetScopeAsync(ct) is not { } user)
        {
            return TypedResults.Unauthorized();
        }

        if (!await db.IndexDefinitions.AnyAsync(i => i.Code == code, ct))
        {
            return TypedResults.NotFound();
        }

        var rows = await IndexQueries.Values(db, user, code, q, year, source, sort, unitId).ToPagedListAsync(page, PagedList<object>.ClampSize(pageSize), ct);
        var parts = await IndexQueries.ComponentValuesAsync(db, code, rows.Items.Select(r => (r.UnitId, r.Year)).ToList(), ct);
        return TypedResults.Ok(new
        {
            items = rows.Items.Select(r => new
            {
                r.UnitId, r.UnitCode, r.UnitName, r.Year, r.Value, source = r.Source.ToString(), sourceName = IndexRules.Label(r.Source), r.SourceNote, r.EnteredByUserName, r.EnteredAtUtc,
                components = parts.GetValueOrDefault((r.UnitId, r.Year)) ?? [],
            }),
            totalCount = rows.TotalCount, page = rows.Page, pageSize = rows.PageSize, pageCount = rows.PageCount,
        });
    }
}
