using DanVan.Data;
using DanVan.Domain.Access;
using DanVan.Domain.Units;
using DanVan.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Features.Plans;

public sealed record PlanTargetDto(int Id, string Description, string Comparison, int Value, string Unit, int? InheritedFromTargetId, string? DroppedReason);

public sealed record PlanDto(
    int Id, int DocumentId, string Code, string Title, int OwnerUnitId, int? ParentPlanId, string Purposes, string Body,
    bool RequiresAdoption, DateOnly? AdoptionDueOn, IReadOnlyList<string> AdoptionKinds, IReadOnlyList<PlanTargetDto> Targets);

public sealed record CreatePlanRequest(int DocumentId, string? Purposes, string? Body, IReadOnlyList<string>? Targets,
    bool RequiresAdoption, DateOnly? AdoptionDueOn, IReadOnlyList<OrgUnitKind>? AdoptionKinds);

/// <summary>The JSON API of plans: content, targets, cascade and adoption, under the document rules.</summary>
public static class PlansApi
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/plans").WithTags("Kế hoạch").RequireAuthorization();
        group.MapGet("/{id:int}", GetAsync).WithName("GetPlan").WithSummary("Nội dung, chỉ tiêu của một kế hoạch.");
        group.MapGet("/{id:int}/adoption", AdoptionAsync).WithName("GetPlanAdoption").WithSummary("Tình hình xây dựng kế hoạch của các đơn vị cấp dưới.");
        group.MapPost("/", CreateAsync).WithName("CreatePlan").WithSummary("Nhập nội dung cho một kế hoạch đã đăng ký.");
    }

    private static async Task<(Domain.Plans.Plan? Plan, IResult? Failure)> LoadAsync(int id, CurrentUser currentUser, AppDbContext db, CancellationToken ct)
    {
        if (await currentUser.GetScopeAsync(ct) is not { } user)
        {
            return (null, TypedResults.Unauthorized());
        }

        var plan = await db.Plans.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct);
        if (plan is null)
        {
            return (null, TypedResults.NotFound());
        }

        var owner = await db.OrgUnits.AsNoTracking().FirstAsync(u => u.Id == plan.OwnerUnitId, ct);
        return DocumentAccessRules.CanRead(user, owner.AncestorPath, owner.Id) ? (plan, null) : (null, TypedResults.Forbid());
    }

    private static async Task<IResult> GetAsync(int id, CurrentUser currentUser, AppDbContext db, CancellationToken ct)
    {
        var (plan, failure) = await LoadAsync(id, currentUser, db, ct);
        if (failure is not null)
        {
            return failure;
        }

        var doc = await db.Documents.AsNoTracking().FirstAsync(d => d.Id == plan!.DocumentId, ct);
        var targets = await db.PlanTargets.AsNoTracking().Where(t => t.PlanId == id).OrderBy(t => t.Id)
            .Select(t => new PlanTargetDto(t.Id, t.Description, t.Comparison, t.Value, t.Unit, t.InheritedFromTargetId, t.DroppedReason)).ToListAsync(ct);
        return TypedResults.Ok(new PlanDto(plan!.Id, doc.Id, doc.Code, doc.Title, plan.OwnerUnitId, plan.ParentPlanId, plan.Purposes, plan.Body,
            plan.RequiresAdoption, plan.AdoptionDueOn, plan.AdoptionKindList.Select(k => k.ToString()).ToList(), targets));
    }

    private static async Task<IResult> AdoptionAsync(int id, CurrentUser currentUser, AppDbContext db, PlanCommands commands, CancellationToken ct)
    {
        var (plan, failure) = await LoadAsync(id, currentUser, db, ct);
        return failure ?? TypedResults.Ok(plan!.RequiresAdoption ? await commands.AdoptionAsync(plan, ct) : []);
    }

    private static async Task<IResult> CreateAsync(CreatePlanRequest body, CurrentUser currentUser, PlanCommands commands, CancellationToken ct)
    {
        if (await currentUser.GetScopeAsync(ct) is not { } user)
        {
            return TypedResults.Unauthorized();
        }

        var result = await commands.CreateAsync(user, new CreatePlanCommand(body.DocumentId, body.Purposes, body.Body,
            string.Join('\n', body.Targets ?? []), body.RequiresAdoption, body.AdoptionDueOn, body.AdoptionKinds), ct);
        return result.Status switch
        {
            ResultStatus.NotFound => TypedResults.NotFound(),
            ResultStatus.Forbidden => TypedResults.Forbid(),
            ResultStatus.Invalid => TypedResults.ValidationProblem(result.Errors.ToDictionary(kv => kv.Key, kv => kv.Value), title: "Dữ liệu không hợp lệ."),
            _ => TypedResults.Created($"/api/plans/{result.Value!.Id}", new { id = result.Value.Id }),
        };
    }
}
