using DanVan.Data;
using DanVan.Domain.WorkItems;
using DanVan.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Features.Tasks;

public sealed record DeadlineDto(
    int Id, int WorkItemId, string Title, int LeadUnitId, string LeadUnitName, DateOnly DueOn, DateOnly OriginalDueOn,
    DateOnly? CompletedOn, int Progress, string State, string StateLabel, DateTime LastUpdatedAtUtc, DateOnly? ReportedCompletedOn)
{
    public static DeadlineDto From(DeadlineRow r, DateOnly today)
    {
        var state = r.StateOn(today);
        return new(r.Id, r.WorkItemId, r.Title, r.LeadUnitId, r.LeadUnitName, r.DueOn, r.OriginalDueOn, r.CompletedOn, r.Progress,
            state.ToString(), WorkItemStates.Label(state, r.DueOn, today), r.LastUpdatedAtUtc, r.ReportedCompletedOn);
    }
}

public sealed record DeadlinePageDto(IReadOnlyList<DeadlineDto> Items, int Page, int PageSize, int TotalCount);

public sealed record ScheduleRequest(RecurrenceKind Kind, DateOnly? Date, int? Day, int? Month, DateOnly? Anchor);

public sealed record CreateTaskRequest(
    string? Title, string? Description, int? AssignedByUnitId, int? LeadUnitId, IReadOnlyList<int>? CoUnitIds, int? SourceDocumentId,
    ScheduleRequest? Schedule, DateOnly? PeriodStart, DateOnly? PeriodEnd, ModelObligation? Models = null);

/// <summary>Giao một nhiệm vụ cho nhiều đơn vị: leadUnitIds, leadUnitKinds (CommunesWardsZones, Departments) or both.</summary>
public sealed record CreateTasksRequest(
    string? Title, string? Description, int? AssignedByUnitId, IReadOnlyList<int>? LeadUnitIds, IReadOnlyList<LeadUnitGroup>? LeadUnitKinds,
    int? SourceDocumentId, ScheduleRequest? Schedule, DateOnly? PeriodStart, DateOnly? PeriodEnd, ModelObligation? Models = null);

/// <summary>An assignment to many units: how many tasks and their ids (one per lead unit).</summary>
public sealed record BulkAssignmentDto(string Title, int Count, IReadOnlyList<int> WorkItemIds);

public sealed record ProgressRequest(int? Progress, string? Note, bool Completes, DateOnly? CompletedOn);

/// <summary>Xác nhận hoàn thành: an optional note.</summary>
public sealed record ConfirmCompletionRequest(string? Note);

/// <summary>Trả lại báo cáo hoàn thành: the reason is required.</summary>
public sealed record ReturnCompletionRequest(string? Reason);

/// <summary>A deadline after a completion decision: the confirmed date (null when returned) and the state.</summary>
public sealed record CompletionDecisionDto(int Id, int Progress, DateOnly? CompletedOn, string State, string StateLabel);

/// <summary>The JSON API of tasks: the same handlers and rules as the pages.</summary>
public static class TasksApi
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/tasks").WithTags("Nhiệm vụ").RequireAuthorization();
        group.MapGet("/", ListAsync).WithName("ListTaskDeadlines").WithSummary("Các hạn nhiệm vụ người dùng được xem (state: All, Open, Overdue, DueSoon, Done, AwaitingConfirmation; mine: đơn vị tôi chủ trì). Chỉ hạn đã được đơn vị giao xác nhận mới tính là hoàn thành.");
        group.MapGet("/{id:int}", GetAsync).WithName("GetTaskDeadline").WithSummary("Một hạn nhiệm vụ.");
        group.MapPost("/", CreateAsync).WithName("AssignTask").WithSummary("Giao nhiệm vụ: tạo các hạn theo lịch.");
        group.MapPost("/bulk", CreateManyAsync).WithName("AssignTaskToManyUnits")
            .WithSummary("Giao một nhiệm vụ cho nhiều đơn vị (danh sách leadUnitIds và/hoặc leadUnitKinds: CommunesWardsZones, Departments) trong một lần; đơn vị nào ngoài phạm vi thì không lưu gì và nêu tên từng đơn vị.");
        group.MapPost("/{id:int}/progress", ProgressAsync).WithName("ReportTaskProgress").WithSummary("Báo cáo tiến độ hoặc hoàn thành một hạn (báo cáo hoàn thành chờ đơn vị giao xác nhận).");
        group.MapPost("/{id:int}/completion/confirm", ConfirmAsync).WithName("ConfirmTaskCompletion")
            .WithSummary("Đơn vị giao xác nhận báo cáo hoàn thành của một hạn: hạn tính là hoàn thành (đúng hạn nếu ngày hoàn thành không sau hạn).");
        group.MapPost("/{id:int}/completion/return", ReturnAsync).WithName("ReturnTaskCompletion")
            .WithSummary("Đơn vị giao trả lại báo cáo hoàn thành (bắt buộc nêu lý do): hạn trở lại đang thực hiện.");
    }

    private static async Task<Results<Ok<DeadlinePageDto>, UnauthorizedHttpResult>> ListAsync(
        CurrentUser currentUser, AppDbContext db, TimeProvider clock, IConfiguration configuration,
        string? q, DeadlineFilter? state, bool? mine, int? page, int? pageSize, CancellationToken ct)
    {
        if (await currentUser.GetScopeAsync(ct) is not { } user)
        {
            return TypedResults.Unauthorized();
        }

        var today = VietnamClock.Today(clock);
        var query = await db.WorkItemDeadlines.AsNoTracking().VisibleToAsync(db, user, ct);
        if (mine ?? false)
        {
            query = await query.LedWithinAsync(db, user.UnitId, user.OwnSubtreePrefix, ct);
        }

        var paged = await query.Filter(state ?? DeadlineFilter.All, today, configuration.GetValue("Tasks:DueSoonDays", 7)).Matching(db, q)
            .OrderBy(d => d.DueOn).ThenBy(d => d.Id).ToPagedListAsync(q => q.ToRows(db), page, pageSize, ct);
        return TypedResults.Ok(new DeadlinePageDto(paged.Items.Select(r => DeadlineDto.From(r, today)).ToList(), paged.Page, paged.PageSize, paged.TotalCount));
    }

    private static async Task<Results<Ok<DeadlineDto>, NotFound, ForbidHttpResult, UnauthorizedHttpResult>> GetAsync(
        int id, CurrentUser currentUser, AppDbContext db, TimeProvider clock, CancellationToken ct)
    {
        if (await currentUser.GetScopeAsync(ct) is not { } user)
        {
            return TypedResults.Unauthorized();
        }

        if (!await db.WorkItemDeadlines.AnyAsync(d => d.Id == id, ct))
        {
            return TypedResults.NotFound();
        }

        var row = await (await db.WorkItemDeadlines.AsNoTracking().Where(d => d.Id == id).VisibleToAsync(db, user, ct)).ToRows(db).FirstOrDefaultAsync(ct);
        return row is null ? TypedResults.Forbid() : TypedResults.Ok(DeadlineDto.From(row, VietnamClock.Today(clock)));
    }

    private static async Task<IResult> CreateAsync(CreateTaskRequest body, CurrentUser currentUser, WorkItemCommands commands, CancellationToken ct)
    {
        if (await currentUser.GetScopeAsync(ct) is not { } user)
        {
            return TypedResults.Unauthorized();
        }

        var schedule = ScheduleOf(body.Schedule);
        var result = await commands.CreateAsync(user, new CreateWorkItemCommand(
            body.Title, body.Description, body.AssignedByUnitId, body.LeadUnitId, body.CoUnitIds ?? [], body.SourceDocumentId,
            schedule, body.PeriodStart, body.PeriodEnd, body.Models), ct);
        return result.ToHttp(_ => TypedResults.Created($"/api/tasks?q=", new { workItemId = result.Value!.Id, title = result.Value.Title }));
    }

    private static Schedule? ScheduleOf(ScheduleRequest? request) => request switch
    {
        null => null,
        { Kind: RecurrenceKind.Once, Date: { } date } => Schedule.Once(date),
        { Kind: RecurrenceKind.Once } => new Schedule(RecurrenceKind.Once, 0, 0),
        { Kind: RecurrenceKind.WorkingDaysAfter } s => new Schedule(s.Kind, s.Day ?? 0, 0, s.Anchor),
        var s => new Schedule(s.Kind, s.Day ?? 0, s.Month ?? (s.Kind == RecurrenceKind.Monthly ? 1 : 0)),
    };

    private static async Task<IResult> CreateManyAsync(CreateTasksRequest body, CurrentUser currentUser, WorkItemCommands commands, CancellationToken ct)
    {
        if (await currentUser.GetScopeAsync(ct) is not { } user)
        {
            return TypedResults.Unauthorized();
        }

        var result = await commands.CreateManyAsync(user, new CreateWorkItemsCommand(
            body.Title, body.Description, body.AssignedByUnitId, body.LeadUnitIds ?? [], body.LeadUnitKinds ?? [], body.SourceDocumentId,
            ScheduleOf(body.Schedule), body.PeriodStart, body.PeriodEnd, body.Models), ct);
        return result.ToHttp(v => TypedResults.Created("/api/tasks", new BulkAssignmentDto(v.Title, v.Count, v.WorkItemIds)));
    }

    private static async Task<IResult> ProgressAsync(int id, ProgressRequest body, CurrentUser currentUser, WorkItemCommands commands, CancellationToken ct)
    {
        if (await currentUser.GetScopeAsync(ct) is not { } user)
        {
            return TypedResults.Unauthorized();
        }

        var result = await commands.ReportAsync(user, new ReportProgressCommand(id, body.Progress, body.Note, body.Completes, body.CompletedOn), ct);
        return result.ToHttp(_ => TypedResults.Ok(new { id = result.Value!.Id, progress = result.Value.Progress, completedOn = result.Value.CompletedOn, reportedCompletedOn = result.Value.ReportedCompletedOn }));
    }

    private static async Task<IResult> ConfirmAsync(int id, ConfirmCompletionRequest body, CurrentUser currentUser, WorkItemCommands commands, TimeProvider clock, CancellationToken ct)
    {
        if (await currentUser.GetScopeAsync(ct) is not { } user)
        {
            return TypedResults.Unauthorized();
        }

        return Decision(await commands.ConfirmCompletionAsync(user, id, body.Note, ct), clock);
    }

    private static async Task<IResult> ReturnAsync(int id, ReturnCompletionRequest body, CurrentUser currentUser, WorkItemCommands commands, TimeProvider clock, CancellationToken ct)
    {
        if (await currentUser.GetScopeAsync(ct) is not { } user)
        {
            return TypedResults.Unauthorized();
        }

        return Decision(await commands.ReturnCompletionAsync(user, id, body.Reason, ct), clock);
    }

    private static IResult Decision(Result<WorkItemDeadline> result, TimeProvider clock)
    {
        if (result.Status != ResultStatus.Ok)
        {
            return result.Status switch
            {
                ResultStatus.NotFound => TypedResults.NotFound(),
                ResultStatus.Forbidden => TypedResults.Forbid(),
                _ => TypedResults.ValidationProblem(result.Errors.ToDictionary(kv => kv.Key, kv => kv.Value), title: "Dữ liệu không hợp lệ."),
            };
        }

        var d = result.Value!;
        var state = WorkItemStates.Of(d.DueOn, d.CompletedOn, VietnamClock.Today(clock), d.ReportedCompletedOn);
        return TypedResults.Ok(new CompletionDecisionDto(d.Id, d.Progress, d.CompletedOn, state.ToString(), WorkItemStates.Label(state)));
    }
}
