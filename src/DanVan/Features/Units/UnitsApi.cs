using DanVan.Data;
using DanVan.Domain.Units;
using DanVan.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Features.Units;

public sealed record UnitDto(
    int Id, string Code, string Name, string Kind, string KindLabel, int? ParentId, string? ParentName,
    DateOnly? ValidFrom, DateOnly? ValidTo, bool Active, int ChildCount)
{
    public static UnitDto From(UnitRow r) =>
        new(r.Id, r.Code, r.Name, r.Kind.ToString(), r.KindLabel, r.ParentId, r.ParentName, r.ValidFrom, r.ValidTo, r.IsActive, r.ChildCount);
}

public sealed record UnitPageDto(IReadOnlyList<UnitDto> Items, int Page, int PageSize, int TotalCount);

public sealed record CreateUnitRequest(int ParentId, string? Code, string? Name, OrgUnitKind? Kind, string? ShortName, DateOnly? ValidFrom, string? LegalBasis);

public sealed record RenameUnitRequest(string? Name, DateOnly? EffectiveDate, string? LegalBasis);

public sealed record MoveUnitRequest(int? NewParentId, DateOnly? EffectiveDate, string? LegalBasis);

public sealed record MergeUnitsRequest(int? TargetId, DateOnly? EffectiveDate, string? LegalBasis);

public sealed record SplitUnitRequest(IReadOnlyList<int>? SuccessorIds, DateOnly? EffectiveDate, string? LegalBasis);

/// <summary>The JSON API of the directory: same scope rules and same use-case handlers as the pages.</summary>
public static class UnitsApi
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/units").WithTags("Đơn vị").RequireAuthorization();
        group.MapGet("/", ListAsync).WithName("ListUnits").WithSummary("Danh sách đơn vị trong phạm vi của người dùng (tìm không dấu, phân trang).");
        group.MapGet("/{id:int}", GetAsync).WithName("GetUnit").WithSummary("Một đơn vị.");
        group.MapGet("/{id:int}/children", ChildrenAsync).WithName("ListUnitChildren").WithSummary("Các đơn vị trực thuộc.");
        group.MapPost("/", CreateAsync).WithName("CreateUnit").WithSummary("Thêm đơn vị trực thuộc.");
        group.MapPost("/{id:int}/rename", RenameAsync).WithName("RenameUnit").WithSummary("Đổi tên đơn vị (ghi lịch sử).");
        group.MapPost("/{id:int}/move", MoveAsync).WithName("MoveUnit").WithSummary("Chuyển đơn vị sang đơn vị cấp trên khác.");
        group.MapPost("/{id:int}/merge", MergeAsync).WithName("MergeUnit").WithSummary("Sáp nhập đơn vị vào đơn vị khác.");
        group.MapPost("/{id:int}/split", SplitAsync).WithName("SplitUnit").WithSummary("Chia tách đơn vị cho các đơn vị kế thừa.");
    }

    private static async Task<Results<Ok<UnitPageDto>, UnauthorizedHttpResult>> ListAsync(
        CurrentUser currentUser, AppDbContext db, TimeProvider clock, string? q, int? parentId, bool? includeHistory, int? page, int? pageSize, CancellationToken ct)
    {
        var user = await currentUser.GetScopeAsync(ct);
        if (user is null)
        {
            return TypedResults.Unauthorized();
        }

        var today = VietnamClock.Today(clock);
        var history = includeHistory ?? false;
        var query = db.OrgUnits.AsNoTracking().InScope(user).Current(history, today).Matching(q);
        if (parentId is not null)
        {
            query = query.Where(u => u.ParentId == parentId);
        }

        var paged = await query.Ordered().ToRows(db, history, today).ToPagedListAsync(page, pageSize, ct);
        return TypedResults.Ok(new UnitPageDto(paged.Items.Select(UnitDto.From).ToList(), paged.Page, paged.PageSize, paged.TotalCount));
    }

    private static async Task<Results<Ok<UnitDto>, NotFound, ForbidHttpResult, UnauthorizedHttpResult>> GetAsync(
        int id, CurrentUser currentUser, AppDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var user = await currentUser.GetScopeAsync(ct);
        if (user is null)
        {
            return TypedResults.Unauthorized();
        }

        var row = await db.OrgUnits.AsNoTracking().Where(u => u.Id == id).ToRows(db, false, VietnamClock.Today(clock)).FirstOrDefaultAsync(ct);
        if (row is null)
        {
            return TypedResults.NotFound();
        }

        return user.CanSee(row.AncestorPath, row.Id) ? TypedResults.Ok(UnitDto.From(row)) : TypedResults.Forbid();
    }

    private static async Task<Results<Ok<List<UnitDto>>, NotFound, ForbidHttpResult, UnauthorizedHttpResult>> ChildrenAsync(
        int id, bool? includeHistory, CurrentUser currentUser, AppDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var user = await currentUser.GetScopeAsync(ct);
        if (user is null)
        {
            return TypedResults.Unauthorized();
        }

        var unit = await db.OrgUnits.AsNoTracking().FirstOrDefaultAsync(u => u.Id == id, ct);
        if (unit is null)
        {
            return TypedResults.NotFound();
        }

        if (!user.CanSee(unit.AncestorPath, unit.Id))
        {
            return TypedResults.Forbid();
        }

        var rows = await UnitQueries.ChildrenAsync(db, id, includeHistory ?? false, VietnamClock.Today(clock), ct);
        return TypedResults.Ok(rows.Select(UnitDto.From).ToList());
    }

    private static Task<IResult> CreateAsync(CreateUnitRequest body, CurrentUser currentUser, UnitCommands commands, AppDbContext db, TimeProvider clock, CancellationToken ct) =>
        RunAsync(currentUser, db, clock, created: true, user => commands.CreateAsync(user, new CreateUnitCommand(body.ParentId, body.Code, body.Name, body.Kind, body.ShortName, body.ValidFrom, body.LegalBasis), ct), ct);

    private static Task<IResult> RenameAsync(int id, RenameUnitRequest body, CurrentUser currentUser, UnitCommands commands, AppDbContext db, TimeProvider clock, CancellationToken ct) =>
        RunAsync(currentUser, db, clock, created: false, user => commands.RenameAsync(user, new RenameUnitCommand(id, body.Name, body.EffectiveDate, body.LegalBasis), ct), ct);

    private static Task<IResult> MoveAsync(int id, MoveUnitRequest body, CurrentUser currentUser, UnitCommands commands, AppDbContext db, TimeProvider clock, CancellationToken ct) =>
        RunAsync(currentUser, db, clock, created: false, user => commands.MoveAsync(user, new MoveUnitCommand(id, body.NewParentId, body.EffectiveDate, body.LegalBasis), ct), ct);

    private static Task<IResult> MergeAsync(int id, MergeUnitsRequest body, CurrentUser currentUser, UnitCommands commands, AppDbContext db, TimeProvider clock, CancellationToken ct) =>
        RunAsync(currentUser, db, clock, created: false, user => commands.MergeAsync(user, new MergeUnitsCommand([id], body.TargetId, body.EffectiveDate, body.LegalBasis), ct), ct);

    private static Task<IResult> SplitAsync(int id, SplitUnitRequest body, CurrentUser currentUser, UnitCommands commands, AppDbContext db, TimeProvider clock, CancellationToken ct) =>
        RunAsync(currentUser, db, clock, created: false, user => commands.SplitAsync(user, new SplitUnitCommand(id, body.SuccessorIds ?? [], body.EffectiveDate, body.LegalBasis), ct), ct);

    /// <summary>Runs a write use case for the signed-in user and answers 201/200 with the unit, or 400/403/404.</summary>
    private static async Task<IResult> RunAsync(
        CurrentUser currentUser, AppDbContext db, TimeProvider clock, bool created, Func<Domain.Access.UserScope, Task<Result<OrgUnit>>> run, CancellationToken ct)
    {
        var user = await currentUser.GetScopeAsync(ct);
        if (user is null)
        {
            return TypedResults.Unauthorized();
        }

        var result = await run(user);
        return await ToHttpAsync(result, db, clock, created, ct);
    }

    private static async Task<IResult> ToHttpAsync(Result<OrgUnit> result, AppDbContext db, TimeProvider clock, bool created, CancellationToken ct)
    {
        switch (result.Status)
        {
            case ResultStatus.NotFound:
                return TypedResults.NotFound();
            case ResultStatus.Forbidden:
                return TypedResults.Forbid();
            case ResultStatus.Invalid:
                return TypedResults.ValidationProblem(result.Errors.ToDictionary(kv => kv.Key, kv => kv.Value), title: "Dữ liệu không hợp lệ.");
        }

        var id = result.Value!.Id;
        var row = await db.OrgUnits.AsNoTracking().Where(u => u.Id == id).ToRows(db, true, VietnamClock.Today(clock)).FirstAsync(ct);
        var dto = UnitDto.From(row);
        return created ? TypedResults.Created($"/api/units/{id}", dto) : TypedResults.Ok(dto);
    }
}
