using DanVan.Data;
using DanVan.Domain.Democracy;
using DanVan.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Features.Democracy;

/// <summary>The JSON API of the people's supervision boards and the agencies' staff conferences (as their pages list them).</summary>
public static class OversightApi
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/oversight").WithTags("Kiểm tra, giám sát (dân chủ ở cơ sở)").RequireAuthorization()
            .MapGet("/", BoardsAsync).WithName("ListOversightBoards")
            .WithSummary("Ban Thanh tra nhân dân, Ban Giám sát đầu tư của cộng đồng trong phạm vi của người dùng: q, kind, unit, sort (term, name, unit, members), page, pageSize (tối đa 200).");
        app.MapGroup("/api/staff-conferences").WithTags("Hội nghị cán bộ, công chức, viên chức").RequireAuthorization()
            .MapGet("/", ConferencesAsync).WithName("ListStaffConferences")
            .WithSummary("Hội nghị cán bộ, công chức, viên chức trong phạm vi của người dùng: q, year, unit, sort (held, year, attendees, unit), page, pageSize (tối đa 200).");
    }

    private static async Task<IResult> BoardsAsync(string? q, OversightBoardKind? kind, int? unit, string? sort, int? page, int? pageSize, CurrentUser currentUser, AppDbContext db,
        CancellationToken ct)
    {
        if (await currentUser.GetScopeAsync(ct) is not { } user)
        {
            return TypedResults.Unauthorized();
        }

        var query = (await db.OversightBoards.AsNoTracking().VisibleToAsync(db, user, ct)).Matching(q, kind, unit).Sorted(db, sort);
        var rows = await query.ToPagedListAsync(x => x.ToRows(db), page, PagedList<OversightBoardRow>.ClampSize(pageSize), ct);
        return TypedResults.Ok(new
        {
            items = rows.Items.Select(r => new
            {
                r.Id, r.UnitId, r.UnitName, kind = r.Kind.ToString(), kindName = OversightRules.Label(r.Kind), r.Name, r.Project, r.TermFrom, r.TermTo, r.MemberCount, r.Activities,
            }),
            totalCount = rows.TotalCount, page = rows.Page, pageSize = rows.PageSize, pageCount = rows.PageCount,
        });
    }

    private static async Task<IResult> ConferencesAsync(string? q, int? year, int? unit, string? sort, int? page, int? pageSize, CurrentUser currentUser, AppDbContext db,
        CancellationToken ct)
    {
        if (await currentUser.GetScopeAsync(ct) is not { } user)
        {
            return TypedResults.Unauthorized();
        }

        var query = (await db.StaffConferences.AsNoTracking().VisibleToAsync(db, user, ct)).Matching(q, year, unit).Sorted(sort);
        var rows = await query.ToPagedListAsync(x => x.ToRows(db), page, PagedList<StaffConferenceRow>.ClampSize(pageSize), ct);
        return TypedResults.Ok(new
        {
            items = rows.Items.Select(r => new
            {
                r.Id, r.UnitId, r.UnitName, r.Year, r.HeldOn, r.Attendees, r.StaffTotal, form = r.Form.ToString(), formName = StaffConferenceRules.Label(r.Form),
                r.ResolutionNumber, r.ResolutionOn,
            }),
            totalCount = rows.TotalCount, page = rows.Page, pageSize = rows.PageSize, pageCount = rows.PageCount,
        });
    }
}
