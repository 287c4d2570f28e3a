using DanVan.Data;
using DanVan.Domain.Access;
using DanVan.Domain.Democracy;
using DanVan.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Features.Democracy;

/// <summary>The JSON API of the disclosure register: the disclosures (as /Democracy/Disclosures lists them) and a unit's register for a year.</summary>
public static class DisclosuresApi
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/disclosures").WithTags("Công khai (dân chủ ở cơ sở)").RequireAuthorization();
        group.MapGet("/", ListAsync).WithName("ListDisclosures")
            .WithSummary("Các lần công khai trong phạm vi của người dùng: q, year, item, unit, page, pageSize (tối đa 200); mới nhất trước.");
        group.MapGet("/register", RegisterAsync).WithName("DisclosureRegister")
            .WithSummary("Sổ công khai của một đơn vị trong năm: từng nội dung phải công khai với tình trạng, hạn rà soát và điều còn thiếu (unit mặc định là đơn vị của người dùng).");
    }

    private static async Task<IResult> ListAsync(string? q, int? year, string? item, int? unit, int? page, int? pageSize, CurrentUser currentUser, AppDbContext db, CancellationToken ct)
    {
        if (await currentUser.GetScopeAsync(ct) is not { } user)
        {
            return TypedResults.Unauthorized();
        }

        var query = (await db.Disclosures.AsNoTracking().VisibleToAsync(db, user, ct)).Matching(q, year, item);
        if (unit is { } u)
        {
            query = query.Where(d => d.UnitId == u);
        }

        var rows = await query.OrderByDescending(d => d.DisclosedOn).ThenByDescending(d => d.Id)
            .ToPagedListAsync(x => x.ToRows(db), page, PagedList<DisclosureRow>.ClampSize(pageSize), ct);
        return TypedResults.Ok(new
        {
            items = rows.Items.Select(r => new
            {
                r.Id, r.UnitId, r.UnitName, r.Year, r.ItemCode, r.Title, r.DisclosedOn, r.EndsOn, forms = DisclosureRules.AllForms.Where(f => r.Forms.HasFlag(f)).Select(f => f.ToString()),
                r.RadioDays, r.IsPublic, r.FileName,
            }),
            totalCount = rows.TotalCount, page = rows.Page, pageSize = rows.PageSize, pageCount = rows.PageCount,
        });
    }

    private static async Task<IResult> RegisterAsync(int? unit, int? year, CurrentUser currentUser, AppDbContext db, DisclosureCommands commands, TimeProvider clock, CancellationToken ct)
    {
        if (await currentUser.GetScopeAsync(ct) is not { } user)
        {
            return TypedResults.Unauthorized();
        }

        var today = VietnamClock.Today(clock);
        var unitId = unit ?? user.UnitId;
        var row = await db.OrgUnits.AsNoTracking().Where(o => o.Id == unitId).Select(o => new { o.Id, o.Name, o.Kind, o.AncestorPath }).FirstOrDefaultAsync(ct);
        if (row is null || !DisclosureAccessRules.CanRead(user, row.AncestorPath, row.Id))
        {
            return TypedResults.NotFound();
        }

        var y = year ?? today.Year;
        if (!DisclosureRules.IsYear(y))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["year"] = [$"Năm phải từ {DisclosureRules.FirstYear} trở đi."] }, title: "Dữ liệu không hợp lệ.");
        }

        var lines = await DisclosureQueries.RegisterAsync(db, commands, row.Id, row.Kind, y, today, ct);
        return TypedResults.Ok(new
        {
            unitId = row.Id, unitName = row.Name, year = y,
            lines = lines.Select(l => new
            {
                code = l.Item.Code, name = l.Item.Name, article = l.Item.Article, dueOn = l.DueOn, status = l.Status.ToString(), statusName = DisclosureRules.Label(l.Status),
                disclosures = l.Count, firstOn = l.FirstOn, missing = l.Missing,
            }),
        });
    }
}
