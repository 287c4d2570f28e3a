using DanVan.Data;
using DanVan.Domain.Access;
using DanVan.Domain.Plans;
using DanVan.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Features.Plans;

public sealed record TargetStatusDto(
    int Id, int PlanId, string PlanCode, int Year, string Description, string Comparison, int Level, string Unit, string? MeasureCode, string? DenominatorCode,
    int UnitId, string UnitName, decimal? Value, decimal? Gap, string Standing, string StandingLabel, decimal? Numerator, decimal? Denominator, string Provenance);

public sealed record TargetTrendDto(TargetStatusDto Target, IReadOnlyList<TrendPoint> Trend, IReadOnlyList<TargetTaskRow> Tasks);

/// <summary>The JSON API of targets (ADR-028): the year's targets in scope with their standing, and one target's trend and tasks.</summary>
public static class TargetsApi
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/targets").WithTags("Chỉ tiêu").RequireAuthorization();
        group.MapGet("/", ListAsync).WithName("ListTargets").WithSummary("Chỉ tiêu các kế hoạch trong phạm vi theo dõi của một năm, với giá trị hiện đạt, khoảng cách và tình trạng.");
        group.MapGet("/{id:int}", GetAsync).WithName("GetTarget").WithSummary("Một chỉ tiêu: giá trị, diễn biến theo tháng và các nhiệm vụ nhằm đạt chỉ tiêu.");
    }

    private static async Task<IResult> ListAsync(int? year, string? q, TargetStanding? standing, int? page, int? pageSize, CurrentUser currentUser, TargetMeasuring measuring, CancellationToken ct)
    {
        if (await currentUser.GetScopeAsync(ct) is not { } user)
        {
            return TypedResults.Unauthorized();
        }

        if (year is { } y && y is < 2000 or > 9000)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["year"] = ["Năm phải từ 2000 đến 9000."] });
        }

        var all = await measuring.InScopeAsync(user, year ?? measuring.Today.Year, q, standing, ct);
        var size = PagedList<TargetStatusDto>.ClampSize(pageSize);
        var current = PagedList<TargetStatusDto>.ClampPage(page);
        var items = all.OrderBy(s => TargetsModel.StandingOrder(s.Reading.Standing)).ThenByDescending(s => s.Reading.Gap ?? decimal.MinValue).ThenBy(s => s.Target.Id)
            .Skip((current - 1) * size).Take(size).Select(Dto).ToList();
        return TypedResults.Ok(new PagedList<TargetStatusDto>(items, current, size, all.Count));
    }

    private static async Task<IResult> GetAsync(int id, CurrentUser currentUser, TargetMeasuring measuring, TargetLinks links, AppDbContext db, CancellationToken ct)
    {
        if (await currentUser.GetScopeAsync(ct) is not { } user)
        {
            return TypedResults.Unauthorized();
        }

        var row = await measuring.ByIdAsync(id, ct);
        var owner = row is null ? null : await db.OrgUnits.AsNoTracking().Where(u => u.Id == row.OwnerUnitId).Select(u => new { u.Id, u.AncestorPath }).FirstAsync(ct);
        if (row is null || !DocumentAccessRules.CanRead(user, owner!.AncestorPath, owner.Id))
        {
            return TypedResults.NotFound();
        }

        var status = (await measuring.ReadAsync([row], ct))[0];
        return TypedResults.Ok(new TargetTrendDto(Dto(status), await measuring.TrendAsync(row, ct), await links.LinkedAsync(id, ct)));
    }

    private static TargetStatusDto Dto(TargetStatus s) => new(s.Target.Id, s.Target.PlanId, s.Target.PlanCode, s.Target.Year, s.Target.Description, s.Target.Comparison,
        s.Target.Level, s.Target.Unit, s.Target.MeasureCode, s.Target.DenominatorCode, s.Target.UnitId, s.Target.UnitName, s.Reading.Value, s.Reading.Gap,
        s.Reading.Standing.ToString(), s.Standing, s.Numerator, s.Denominator, s.Provenance);
}
