using DanVan.Data;
using DanVan.Domain.Access;
using DanVan.Domain.Reception;
using DanVan.Domain.Text;
using DanVan.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Features.Reception;

/// <summary>
/// Citizen reception over HTTP, under the pages' rules: the log of the scope's sessions, one session, scheduling, the
/// log of a held session or the reason it was not held, and the heads who missed their duty. The representatives of
/// groups (personal data) are in a session's answer only for the unit's staff, and each such read is in the audit trail.
/// </summary>
public static class ReceptionApi
{
    public sealed record LogRequest(int? CitizensReceived, int? Groups, string? GroupRepresentatives, string? Matters, string? Conclusion, Guid ConcurrencyStamp);

    public sealed record NotHeldRequest(string? Reason, Guid ConcurrencyStamp);

    public sealed record SessionDto(int Id, int UnitId, string UnitName, DateOnly On, string? Time, string Kind, string State, string Place, string HostName, string HostPost,
        int? CitizensReceived, int? Groups, string? GroupRepresentatives, string? Matters, string? Conclusion, string? NotHeldReason, Guid ConcurrencyStamp);

    public static void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/reception").WithTags("Tiếp công dân").RequireAuthorization();
        group.MapGet("/", ListAsync).WithName("ListReceptionSessions")
            .WithSummary("Sổ tiếp công dân của đơn vị (hoặc tỉnh): from, to (yyyy-MM-dd, tối đa 366 ngày; mặc định tháng hiện tại), kind, q, page.");
        group.MapGet("/duties", DutiesAsync).WithName("ReceptionDuties")
            .WithSummary("Trách nhiệm tiếp công dân định kỳ của người đứng đầu trong khoảng from–to: số kỳ phải tiếp, số kỳ không tiếp, căn cứ.");
        group.MapGet("/{id:int}", GetAsync).WithName("GetReceptionSession")
            .WithSummary("Một buổi tiếp; người đại diện các đoàn đông người chỉ cho cán bộ của đơn vị (mỗi lần đọc được ghi nhật ký).");
        group.MapPost("/", ScheduleAsync).WithName("ScheduleReception").WithSummary("Đăng lịch một buổi tiếp công dân (ngày dd/MM/yyyy, như trang Đăng lịch tiếp).");
        group.MapPost("/{id:int}/log", LogAsync).WithName("LogReception").WithSummary("Ghi sổ buổi tiếp đã diễn ra: lượt công dân, đoàn đông người và người đại diện, nội dung, kết luận.");
        group.MapPost("/{id:int}/not-held", NotHeldAsync).WithName("ReceptionNotHeld").WithSummary("Ghi buổi tiếp là không tiếp, kèm lý do.");
    }

    private static bool TryRange(DateOnly? from, DateOnly? to, DateOnly today, out DateOnly first, out DateOnly last, out IResult? problem)
    {
        first = from ?? new DateOnly(today.Year, today.Month, 1);
        last = to ?? (from is null ? first.AddMonths(1).AddDays(-1) : first.AddMonths(1).AddDays(-1));
        problem = null;
        if (last < first || last.DayNumber - first.DayNumber > 366)
        {
            problem = TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["to"] = ["Khoảng thời gian phải từ 1 đến 366 ngày, “to” không trước “from”."] },
                title: "Dữ liệu không hợp lệ.");
            return false;
        }

        return true;
    }

    private static async Task<IResult> ListAsync(DateOnly? from, DateOnly? to, ReceptionKind? kind, string? q, int? page, CurrentUser currentUser, AppDbContext db,
        TimeProvider clock, CancellationToken ct)
    {
        if (await currentUser.GetScopeAsync(ct) is not { } user)
        {
            return TypedResults.Unauthorized();
        }

        if (!TryRange(from, to, VietnamClock.Today(clock), out var first, out var last, out var problem))
        {
            return problem!;
        }

        var rows = await (await ReceptionQueries.LogAsync(db, user, first, last, kind, q, ct)).ToPagedListAsync(page, 50, ct);
        return TypedResults.Ok(new
        {
            from = first, to = last,
            items = rows.Items.Select(r => new
            {
                r.Id, r.On, r.Time, kind = r.Kind.ToString(), state = r.State.ToString(), r.HostName, r.HostPost, r.Place, r.CitizensReceived, r.Groups, r.UnitName,
            }),
            totalCount = rows.TotalCount, page = rows.Page, pageCount = rows.PageCount,
        });
    }

    private static async Task<IResult> DutiesAsync(DateOnly? from, DateOnly? to, CurrentUser currentUser, AppDbContext db, TimeProvider clock, CancellationToken ct)
    {
        if (await currentUser.GetScopeAsync(ct) is not { } user)
        {
            return TypedResults.Unauthorized();
        }

        var today = VietnamClock.Today(clock);
        if (!TryRange(from, to, today, out var first, out var last, out var problem))
        {
            return problem!;
        }

        var duties = await ReceptionQueries.DutiesAsync(db, user, first, last, today, ct);
        return TypedResults.Ok(duties.Select(d => new
        {
            d.UnitId, d.UnitName, d.Holder, d.Basis, d.Required, per = d.Per.ToString(), d.PeriodsJudged, d.PeriodsMissed, d.Held,
            missed = d.Missed.Select(m => new { m.From, m.To, m.Held }),
        }));
    }

    private static async Task<IResult> GetAsync(int id, CurrentUser currentUser, AppDbContext db, ReceptionCommands commands, CancellationToken ct)
    {
        if (await currentUser.GetScopeAsync(ct) is not { } user)
        {
            return TypedResults.Unauthorized();
        }

        var found = await LoadAsync(db, user, id, ct);
        if (found is null)
        {
            return TypedResults.NotFound(); // another unit's session is not confirmed to exist
        }

        var (row, unitName) = found.Value;
        var personal = ReceptionAccessRules.CanSeePersonalData(user, row.UnitId);
        if (personal && row.GroupRepresentatives is not null)
        {
            await commands.LogReadAsync(user, row, ct);
        }

        return TypedResults.Ok(Dto(row, unitName, personal));
    }

    private static async Task<IResult> ScheduleAsync(ReceptionScheduleInput body, CurrentUser currentUser, ReceptionCommands commands, AppDbContext db, CancellationToken ct)
    {
        if (await currentUser.GetScopeAsync(ct) is not { } user)
        {
            return TypedResults.Unauthorized();
        }

        var result = await commands.ScheduleAsync(user, body, ct);
        if (!result.IsOk)
        {
            return result.ToHttp(_ => TypedResults.Ok());
        }

        var unit = await db.OrgUnits.Where(u => u.Id == result.Value!.UnitId).Select(u => u.Name).SingleAsync(ct);
        return TypedResults.Created($"/api/reception/{result.Value!.Id}", Dto(result.Value, unit, true));
    }

    private static async Task<IResult> LogAsync(int id, LogRequest body, CurrentUser currentUser, ReceptionCommands commands, AppDbContext db, CancellationToken ct)
    {
        if (await currentUser.GetScopeAsync(ct) is not { } user)
        {
            return TypedResults.Unauthorized();
        }

        if (await LoadAsync(db, user, id, ct) is null)
        {
            return TypedResults.NotFound();
        }

        var result = await commands.LogAsync(user, id, new ReceptionLogInput
        {
            CitizensReceived = body.CitizensReceived, Groups = body.Groups, GroupRepresentatives = body.GroupRepresentatives, Matters = body.Matters, Conclusion = body.Conclusion,
        }, body.ConcurrencyStamp, ct);
        return await AnswerAsync(result, db, ct);
    }

    private static async Task<IResult> NotHeldAsync(int id, NotHeldRequest body, CurrentUser currentUser, ReceptionCommands commands, AppDbContext db, CancellationToken ct)
    {
        if (await currentUser.GetScopeAsync(ct) is not { } user)
        {
            return TypedResults.Unauthorized();
        }

        if (await LoadAsync(db, user, id, ct) is null)
        {
            return TypedResults.NotFound();
        }

        return await AnswerAsync(await commands.NotHeldAsync(user, id, body.Reason, body.ConcurrencyStamp, ct), db, ct);
    }

    private static async Task<IResult> AnswerAsync(Result<ReceptionSession> result, AppDbContext db, CancellationToken ct)
    {
        if (!result.IsOk)
        {
            return result.ToHttp(_ => TypedResults.Ok());
        }

        var unit = await db.OrgUnits.Where(u => u.Id == result.Value!.UnitId).Select(u => u.Name).SingleAsync(ct);
        return TypedResults.Ok(Dto(result.Value!, unit, true));
    }

    private static async Task<(ReceptionSession Row, string UnitName)?> LoadAsync(AppDbContext db, UserScope user, int id, CancellationToken ct)
    {
        var row = await (from s in db.ReceptionSessions.AsNoTracking()
                         join u in db.OrgUnits on s.UnitId equals u.Id
                         where s.Id == id
                         select new { s, u.Name, u.AncestorPath }).FirstOrDefaultAsync(ct);
        return row is null || !ReceptionAccessRules.CanRead(user, row.AncestorPath, row.s.UnitId) ? null : (row.s, row.Name);
    }

    private static SessionDto Dto(ReceptionSession s, string unit, bool personal) => new(
        s.Id, s.UnitId, unit, s.On, s.Time, s.Kind.ToString(), s.State.ToString(), s.Place, s.HostName, s.HostPost, s.CitizensReceived, s.Groups,
        personal ? s.GroupRepresentatives : null, s.Matters, s.Conclusion, s.NotHeldReason, s.ConcurrencyStamp);
}
