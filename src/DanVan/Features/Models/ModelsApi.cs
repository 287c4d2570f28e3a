using DanVan.Data;
using DanVan.Domain.Access;
using DanVan.Domain.Models;
using DanVan.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Features.Models;

public sealed record ModelMilestoneDto(int Id, int Order, string Title, DateOnly DueOn, DateOnly? DoneOn);

public sealed record ModelStepDto(long Id, string Action, DateOnly On, string? Note, int? Score, string? LevelCode, int? MilestoneId, int? RelatedModelId, string StateAfter, int ByUnitId);

public sealed record ModelDto(
    int Id, string Name, string Kind, string Subject, int Year, string FieldCode, string State, int UnitId, int RegisteredWithUnitId,
    string Situation, string Objectives, string Content, string AreaAndTargets, string Forces, string Resources, DateOnly StartOn, DateOnly EvaluationOn,
    string Outputs, string Sustainability, DateOnly RegisteredOn, DateOnly? ApprovedOn, DateOnly? LaunchedOn, string? LevelCode, DateOnly? RecognisedOn,
    DateOnly? RemovedOn, int? ReplicatedFromId, Guid ConcurrencyStamp, IReadOnlyList<ModelMilestoneDto> Milestones, IReadOnlyList<ModelStepDto> Steps);

/// <summary>The JSON API of “Dân vận khéo” models: the library (as /Models) and one model with its timeline, under the models' read rule.</summary>
public static class ModelsApi
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/models").WithTags("Mô hình Dân vận khéo").RequireAuthorization();
        group.MapGet("/", ListAsync).WithName("ListModels")
            .WithSummary("Danh mục mô hình (như trang /Models): q, field, level, unit, year, state, subject, active, sort=name|state, page, pageSize (tối đa 200).");
        group.MapGet("/summary", SummaryAsync).WithName("ModelSummary")
            .WithSummary("Bảng tổng hợp năm (đơn vị × lĩnh vực × tình trạng) như tệp Excel của trang /Models: year (mặc định năm nay) và các bộ lọc của danh mục.");
        group.MapGet("/{id:int}", GetAsync).WithName("GetModel").WithSummary("Một mô hình: nội dung đăng ký, mốc thời gian và các bước đã thực hiện.");
    }

    private static async Task<IResult> ListAsync(string? q, string? field, string? level, int? unit, int? year, ModelStatus? state, ModelSubject? subject, bool? active,
        string? sort, int? page, int? pageSize, CurrentUser currentUser, AppDbContext db, CancellationToken ct)
    {
        if (await currentUser.GetScopeAsync(ct) is not { } user)
        {
            return TypedResults.Unauthorized();
        }

        var filter = new ModelFilter(q, field, level, unit, year, state, subject, active ?? false, sort);
        var query = filter.Order(filter.Apply(await db.MobilizationModels.AsNoTracking().VisibleToAsync(db, user, ct)));
        var rows = await query.ToPagedListAsync(x => x.ToRows(db), page, PagedList<ModelRow>.ClampSize(pageSize), ct);
        return TypedResults.Ok(new
        {
            items = rows.Items.Select(r => new
            {
                r.Id, r.Name, kind = r.Kind.ToString(), subject = r.Subject.ToString(), r.FieldCode, r.Year, state = r.State.ToString(), r.LevelCode,
                r.RegisteredOn, r.RecognisedOn, r.ReplicatedFromId, r.UnitId, r.UnitName,
            }),
            totalCount = rows.TotalCount, page = rows.Page, pageSize = rows.PageSize, pageCount = rows.PageCount,
        });
    }

    private static async Task<IResult> SummaryAsync(string? q, string? field, string? level, int? unit, int? year, ModelStatus? state, ModelSubject? subject, bool? active,
        CurrentUser currentUser, AppDbContext db, TimeProvider clock, CancellationToken ct)
    {
        if (await currentUser.GetScopeAsync(ct) is not { } user)
        {
            return TypedResults.Unauthorized();
        }

        var y = year ?? VietnamClock.Today(clock).Year;
        var filter = new ModelFilter(q, field, level, unit, y, state, subject, active ?? false, null);
        var rows = await filter.Apply(await db.MobilizationModels.AsNoTracking().VisibleToAsync(db, user, ct)).SummaryAsync(db, ct);
        return TypedResults.Ok(new
        {
            year = y,
            states = Enum.GetValues<ModelStatus>().Select(s => new { code = s.ToString(), name = ModelRules.Label(s) }),
            rows = rows.Select(r => new { r.UnitId, r.UnitName, r.FieldCode, byState = r.ByState.ToDictionary(x => x.Key.ToString(), x => x.Value), r.Total }),
            total = rows.Sum(r => r.Total),
        });
    }

    private static async Task<IResult> GetAsync(int id, CurrentUser currentUser, AppDbContext db, ModelCommands commands, CancellationToken ct)
    {
        if (await currentUser.GetScopeAsync(ct) is not { } user)
        {
            return TypedResults.Unauthorized();
        }

        var m = await db.MobilizationModels.AsNoTracking().Include(x => x.Milestones).Include(x => x.Steps).AsSplitQuery().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (m is null || await commands.RefOfAsync(m, ct) is not { } reference || !ModelAccessRules.CanRead(user, reference))
        {
            return TypedResults.NotFound();
        }

        return TypedResults.Ok(new ModelDto(m.Id, m.Name, m.Kind.ToString(), m.Subject.ToString(), m.Year, m.FieldCode, m.State.ToString(), m.UnitId, m.RegisteredWithUnitId,
            m.Situation, m.Objectives, m.Content, m.AreaAndTargets, m.Forces, m.Resources, m.StartOn, m.EvaluationOn, m.Outputs, m.Sustainability,
            m.RegisteredOn, m.ApprovedOn, m.LaunchedOn, m.LevelCode, m.RecognisedOn, m.RemovedOn, m.ReplicatedFromId, m.ConcurrencyStamp,
            m.Milestones.OrderBy(x => x.Order).Select(x => new ModelMilestoneDto(x.Id, x.Order, x.Title, x.DueOn, x.DoneOn)).ToList(),
            m.Steps.OrderBy(x => x.On).ThenBy(x => x.Id).Select(x => new ModelStepDto(x.Id, x.Action.ToString(), x.On, x.Note, x.Score, x.LevelCode, x.MilestoneId,
                x.RelatedModelId, x.StateAfter.ToString(), x.ByUnitId)).ToList()));
    }
}
