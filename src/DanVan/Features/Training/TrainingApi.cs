using DanVan.Data;
using DanVan.Domain.Access;
using DanVan.Domain.Training;
using DanVan.Features.Documents;
using DanVan.Features.Units;
using DanVan.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Features.Training;

/// <summary>The JSON API of propaganda and training: the sessions (as /Training lists them) and the share of staff briefed on a document.</summary>
public static class TrainingApi
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/training-sessions").WithTags("Tuyên truyền, quán triệt, tập huấn").RequireAuthorization();
        group.MapGet("/", ListAsync).WithName("ListTrainingSessions")
            .WithSummary("Các buổi tuyên truyền, quán triệt, tập huấn trong phạm vi của người dùng: q, kind, year, sort (moi, cu, dong), page, pageSize (tối đa 200).");
        group.MapGet("/coverage", CoverageAsync).WithName("TrainingCoverage")
            .WithSummary("Tỷ lệ cán bộ đang công tác đã được học tập, quán triệt một văn bản (documentId), theo từng đơn vị có danh sách cán bộ trong phạm vi; on: ngày tính (mặc định hôm nay).");
    }

    private static async Task<IResult> ListAsync(string? q, SessionKind? kind, int? year, string? sort, int? page, int? pageSize, CurrentUser currentUser, AppDbContext db, CancellationToken ct)
    {
        if (await currentUser.GetScopeAsync(ct) is not { } user)
        {
            return TypedResults.Unauthorized();
        }

        var rows = await (await TrainingQueries.SessionsAsync(db, user, q, kind, year, sort, ct))
            .Select(s => new
            {
                s.Id, s.UnitId, unitName = db.OrgUnits.Where(o => o.Id == s.UnitId).Select(o => o.Name).First(), s.Kind, s.Title, s.HeldOn, s.Place,
                audience = s.Audience, s.AudienceSize, s.Attendees, staffPresent = db.TrainingAttendances.Count(a => a.SessionId == s.Id),
                documentIds = db.TrainingSessionDocuments.Where(d => d.SessionId == s.Id).Select(d => d.DocumentId).ToList(),
            })
            .ToPagedListAsync(page, PagedList<object>.ClampSize(pageSize), ct);
        return TypedResults.Ok(new
        {
            items = rows.Items.Select(r => new
            {
                r.Id, r.UnitId, r.unitName, kind = r.Kind.ToString(), kindName = TrainingRules.Label(r.Kind), r.Title, r.HeldOn, r.Place,
                audience = TrainingRules.AllAudiences.Where(a => r.audience.HasFlag(a)).Select(a => a.ToString()), r.AudienceSize, r.Attendees, r.staffPresent, r.documentIds,
            }),
            totalCount = rows.TotalCount, page = rows.Page, pageSize = rows.PageSize, pageCount = rows.PageCount,
        });
    }

    private static async Task<IResult> CoverageAsync(int? documentId, string? on, CurrentUser currentUser, AppDbContext db, TimeProvider clock, CancellationToken ct)
    {
        if (await currentUser.GetScopeAsync(ct) is not { } user)
        {
            return TypedResults.Unauthorized();
        }

        var errors = new FieldErrors();
        var day = errors.Date("on", on, "ngày tính", required: false) ?? VietnamClock.Today(clock);
        if (documentId is null)
        {
            errors.Add("documentId", "Vui lòng cho biết văn bản (documentId).");
        }

        if (errors.Any)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary(), title: "Dữ liệu không hợp lệ.");
        }

        var document = await db.Documents.AsNoTracking().VisibleTo(db, user).Where(d => d.Id == documentId).Select(d => new { d.Id, d.Code, d.Title }).FirstOrDefaultAsync(ct);
        if (document is null)
        {
            return TypedResults.NotFound();
        }

        var units = await db.OrgUnits.AsNoTracking().InScope(user).Select(u => new { u.Id, u.Name }).ToListAsync(ct);
        var coverage = await TrainingQueries.CoverageAsync(db, units.Select(u => u.Id).ToList(), document.Id, day, ct);
        return TypedResults.Ok(new
        {
            documentId = document.Id, document.Code, document.Title, on = day,
            units = units.Where(u => coverage[u.Id].Staff > 0).OrderBy(u => coverage[u.Id].Percent).ThenBy(u => u.Id)
                .Select(u => new { unitId = u.Id, unitName = u.Name, staff = coverage[u.Id].Staff, briefed = coverage[u.Id].Briefed, percent = coverage[u.Id].Percent, complete = coverage[u.Id].Complete }),
        });
    }
}
