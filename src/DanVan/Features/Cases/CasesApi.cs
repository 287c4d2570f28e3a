using DanVan.Data;
using DanVan.Domain.Access;
using DanVan.Domain.Cases;
using DanVan.Domain.Text;
using DanVan.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Features.Cases;

public sealed record CaseStepRequest(CaseAction Action, DateOnly On, string? Reason, string? ToBody, int? Days, bool Signed, Guid ConcurrencyStamp);

/// <summary>
/// The case register over HTTP, under the pages' rules. It never carries a citizen's personal data or a denouncer's
/// identity (those are read on the page by the unit's staff, each read logged); a case is registered and stepped
/// forward exactly as on the pages, with the statutory deadline and its article in every answer.
/// </summary>
public static class CasesApi
{
    public sealed record CaseStepDto(DateOnly On, string Action, string State, DateOnly? DueOn, string? DueExplanation, string? ToBody, int? Days);

    public sealed record CaseDto(int Id, string Code, string UnitName, DateOnly ReceivedOn, string Source, string Kind, int Instance, string Field, string Summary,
        bool WithinCompetence, string State, DateOnly? AcceptedOn, DateOnly? DueOn, string? DueRule, string? DueExplanation, DateOnly? ClosedOn, bool? ClosedOnTime,
        int? ReceptionSessionId, Guid ConcurrencyStamp, IReadOnlyList<CaseStepDto> Steps);

    public static void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/cases").WithTags("Đơn thư, vụ việc").RequireAuthorization();
        group.MapGet("/", ListAsync).WithName("ListCases")
            .WithSummary("Sổ theo dõi đơn của đơn vị (hoặc tỉnh): q, kind, status=open|overdue|closed|mine (các đơn người gọi được giao, đang giải quyết), page; không có thông tin cá nhân.");
        group.MapGet("/{id:int}", GetAsync).WithName("GetCase").WithSummary("Một đơn: tình trạng, hạn theo luật với căn cứ, các bước đã thực hiện.");
        group.MapPost("/", RegisterAsync).WithName("RegisterCase").WithSummary("Vào sổ một đơn (như trang Tiếp nhận đơn); trả mã đơn và mã bảo mật in trên giấy biên nhận.");
        group.MapPost("/{id:int}/steps", StepAsync).WithName("StepCase").WithSummary("Ghi một bước xử lý, giải quyết (thụ lý, chuyển đơn, gia hạn, giải quyết…).");
    }

    private static async Task<IResult> ListAsync(string? q, CaseKind? kind, string? status, int? page, CurrentUser currentUser, AppDbContext db, TimeProvider clock, CancellationToken ct)
    {
        if (await currentUser.GetScopeAsync(ct) is not { } user)
        {
            return TypedResults.Unauthorized();
        }

        var today = VietnamClock.Today(clock);
        var query = await CaseQueries.RegisterAsync(db, user, q, kind, status, today, ct);
        var rows = await query.ToPagedListAsync(x => x.ToRows(db), page, 50, ct);
        return TypedResults.Ok(new
        {
            items = rows.Items.Select(r => new
            {
                r.Id, r.Code, r.ReceivedOn, kind = r.Kind.ToString(), r.Field, r.Summary, state = r.State.ToString(), r.DueOn, r.DueExplanation, r.ClosedOnTime, r.UnitName,
                overdue = !CaseRules.IsFinal(r.State) && r.State != CaseState.Suspended && r.DueOn < today,
            }),
            totalCount = rows.TotalCount, page = rows.Page, pageCount = rows.PageCount,
        });
    }

    private static async Task<IResult> GetAsync(int id, CurrentUser currentUser, AppDbContext db, CaseCommands commands, CancellationToken ct)
    {
        if (await currentUser.GetScopeAsync(ct) is not { } user)
        {
            return TypedResults.Unauthorized();
        }

        var row = await db.Cases.AsNoTracking().Include(c => c.Steps).FirstOrDefaultAsync(c => c.Id == id, ct);
        if (row is null || !await commands.CanReadAsync(user, row, ct))
        {
            return TypedResults.NotFound(); // another unit's case is not confirmed to exist
        }

        var unit = await db.OrgUnits.Where(u => u.Id == row.UnitId).Select(u => u.Name).SingleAsync(ct);
        return TypedResults.Ok(Dto(row, unit));
    }

    private static async Task<IResult> RegisterAsync(CaseIntake body, CurrentUser currentUser, CaseCommands commands, AppDbContext db, CancellationToken ct)
    {
        if (await currentUser.GetScopeAsync(ct) is not { } user)
        {
            return TypedResults.Unauthorized();
        }

        var result = await commands.RegisterAsync(user, body, ct);
        if (!result.IsOk)
        {
            return result.ToHttp(_ => TypedResults.Ok());
        }

        var unit = await db.OrgUnits.Where(u => u.Id == result.Value!.Case.UnitId).Select(u => u.Name).SingleAsync(ct);
        return TypedResults.Created($"/api/cases/{result.Value!.Case.Id}", new { @case = Dto(result.Value.Case, unit), accessKey = result.Value.AccessKey });
    }

    private static async Task<IResult> StepAsync(int id, CaseStepRequest body, CurrentUser currentUser, CaseCommands commands, AppDbContext db, CancellationToken ct)
    {
        if (await currentUser.GetScopeAsync(ct) is not { } user)
        {
            return TypedResults.Unauthorized();
        }

        if (!Enum.IsDefined(body.Action))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["action"] = ["Việc cần làm không hợp lệ."] }, title: "Dữ liệu không hợp lệ.");
        }

        var result = await commands.StepAsync(user, id, new CaseCommand
        {
            Action = body.Action, On = body.On, Reason = body.Reason, ToBody = body.ToBody, Days = body.Days, Signed = body.Signed,
        }, body.ConcurrencyStamp, ct);
        if (!result.IsOk)
        {
            return result.ToHttp(_ => TypedResults.Ok());
        }

        var row = await db.Cases.AsNoTracking().Include(c => c.Steps).SingleAsync(c => c.Id == id, ct);
        var unit = await db.OrgUnits.Where(u => u.Id == row.UnitId).Select(u => u.Name).SingleAsync(ct);
        return TypedResults.Ok(Dto(row, unit));
    }

    private static CaseDto Dto(CitizenCase c, string unit) => new(
        c.Id, c.Code, unit, c.ReceivedOn, c.Source.ToString(), c.Kind.ToString(), c.Instance, c.Field, c.Summary, c.WithinCompetence, c.State.ToString(), c.AcceptedOn,
        CaseRules.IsFinal(c.State) ? null : c.DueOn, c.DueRuleCode, c.DueExplanation, c.ClosedOn, c.ClosedOnTime, c.ReceptionSessionId, c.ConcurrencyStamp,
        c.Steps.OrderBy(s => s.On).ThenBy(s => s.Id)
            .Select(s => new CaseStepDto(s.On, s.Action?.ToString() ?? "Receive", s.StateAfter.ToString(), s.DueOnAfter, s.DueExplanation, s.ToBody, s.Days)).ToList());
}
