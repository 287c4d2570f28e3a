using DanVan.Data;
using DanVan.Domain.Democracy;
using DanVan.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Features.Democracy;

/// <summary>The JSON API of lấy ý kiến Nhân dân trước khi quyết định: the consultations as /Democracy/PeopleConsultations lists them.</summary>
public static class PeopleConsultationsApi
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/people-consultations").WithTags("Lấy ý kiến Nhân dân (dân chủ ở cơ sở)").RequireAuthorization();
        group.MapGet("/", ListAsync).WithName("ListPeopleConsultations")
            .WithSummary("Các đợt lấy ý kiến Nhân dân trước khi quyết định trong phạm vi của người dùng: q, year (năm kết thúc), matter, unit, sort (closes, opens, opinions, subject), page, pageSize (tối đa 200).");
    }

    private static async Task<IResult> ListAsync(string? q, int? year, string? matter, int? unit, string? sort, int? page, int? pageSize, CurrentUser currentUser, AppDbContext db,
        CancellationToken ct)
    {
        if (await currentUser.GetScopeAsync(ct) is not { } user)
        {
            return TypedResults.Unauthorized();
        }

        var query = (await db.PeopleConsultations.AsNoTracking().VisibleToAsync(db, user, ct)).Matching(q, year, matter);
        if (unit is { } u)
        {
            query = query.Where(c => c.UnitId == u);
        }

        var rows = await query.Sorted(sort).ToPagedListAsync(x => x.ToRows(db), page, PagedList<PeopleConsultationRow>.ClampSize(pageSize), ct);
        return TypedResults.Ok(new
        {
            items = rows.Items.Select(r => new
            {
                r.Id, r.UnitId, r.UnitName, r.MatterCode, r.Subject, r.Community, forms = PeopleConsultationRules.AllForms.Where(f => r.Forms.HasFlag(f)).Select(f => f.ToString()),
                r.OpensOn, r.ClosesOn, r.OpinionsReceived, r.OpinionsAgreed, r.OpinionsOther, r.DecidedOn, r.FileName,
            }),
            totalCount = rows.TotalCount, page = rows.Page, pageSize = rows.PageSize, pageCount = rows.PageCount,
        });
    }
}
