using DanVan.Domain.Access;
using DanVan.Domain.Scoring;
using DanVan.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DanVan.Features.Scoring;

public sealed record RoundDto(int Id, int Year, int ProvinceUnitId, string ProvinceName, string FrameworkName, string State, DateOnly SelfFrom, DateOnly SelfDue,
    DateOnly AppraisalOn, int ObjectionDays, int Sheets, int Submitted, int Appraised, int Objected, int Final, DateTime? MeasuredAtUtc, DateTime? PublishedAtUtc);

public sealed record RankDto(int Rank, int SheetId, int UnitId, string UnitName, string Group, double? Total, string Grade);

public sealed record RemeasureDto(int RoundId, int Sheets, DateTime? MeasuredAtUtc);

/// <summary>
/// The JSON API of scoring: rounds with progress, a round's ranking, the national comparison, and the coordinator's
/// "cập nhật số liệu tự động" for the whole province — the same ScoringQueries and ScoringCommands as the pages, the
/// same access rules. Sheets are filled through the pages (evidence files, confirmations).
/// </summary>
public static class ScoringApi
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/scoring").WithTags("Chấm điểm dân vận chính quyền").RequireAuthorization();
        group.MapGet("/rounds", RoundsAsync).WithName("ListScoringRounds").WithSummary("Kỳ đánh giá của tỉnh người dùng (mọi tỉnh với quản trị), mới nhất trước, với tiến độ.");
        group.MapGet("/rounds/{id:int}/ranking", RankingAsync).WithName("GetScoringRanking")
            .WithSummary("Xếp hạng của một kỳ theo nhóm (đã công bố; hoặc tạm tính với Sở Nội vụ, Ban Tuyên giáo và Dân vận).");
        group.MapPost("/rounds/{id:int}/measure", RemeasureAsync).WithName("RemeasureScoringRound")
            .WithSummary("Sở Nội vụ: tính lại các tiêu chí lấy số liệu tự động cho mọi phiếu đang tự chấm của kỳ.");
        group.MapGet("/national", NationalAsync).WithName("GetScoringNational")
            .WithSummary("Kết quả các tỉnh, thành phố trong một năm (tiến độ, bình quân, xếp loại) và xếp hạng chung một nhóm, 50 đơn vị mỗi trang.");
    }

    private static async Task<Results<Ok<List<RoundDto>>, UnauthorizedHttpResult>> RoundsAsync(CurrentUser currentUser, ScoringQueries queries, CancellationToken ct)
    {
        if (await currentUser.GetScopeAsync(ct) is not { } user)
        {
            return TypedResults.Unauthorized();
        }

        var rows = await queries.RoundsAsync(user, ct);
        return TypedResults.Ok(rows.Select(r => new RoundDto(r.Round.Id, r.Round.Year, r.Round.ProvinceUnitId, r.ProvinceName, r.FrameworkName, r.Round.State.ToString(),
            r.Round.SelfFrom, r.Round.SelfDue, r.Round.AppraisalOn, r.Round.ObjectionDays, r.Sheets, r.Submitted, r.Appraised, r.Objected, r.Final,
            r.Round.MeasuredAtUtc, r.Round.PublishedAtUtc)).ToList());
    }

    private static async Task<IResult> RankingAsync(int id, CurrentUser currentUser, ScoringQueries queries, CancellationToken ct)
    {
        if (await currentUser.GetScopeAsync(ct) is not { } user)
        {
            return TypedResults.Unauthorized();
        }

        if (await queries.RoundAsync(user, id, ct) is not { } found)
        {
            return TypedResults.NotFound();
        }

        var (round, province, _) = found;
        if (!ScoringAccessRules.CanReadRanking(user, province.AncestorPath, province.Id, round.State == RoundState.Published))
        {
            return TypedResults.Forbid();
        }

        var rows = await queries.RankingAsync(id, ct);
        return TypedResults.Ok(rows.Select(r => new RankDto(r.Rank, r.SheetId, r.UnitId, r.UnitName, r.Group.ToString(), r.Total, r.Grade)).ToList());
    }

    private static async Task<IResult> RemeasureAsync(int id, CurrentUser currentUser, ScoringCommands commands, CancellationToken ct)
    {
        if (await currentUser.GetScopeAsync(ct) is not { } user)
        {
            return TypedResults.Unauthorized();
        }

        var result = await commands.RemeasureRoundAsync(user, id, ct);
        return result.ToHttp(x => TypedResults.Ok(new RemeasureDto(x.Round.Id, x.Sheets, x.Round.MeasuredAtUtc)));
    }

    private static async Task<Results<Ok<NationalView>, UnauthorizedHttpResult>> NationalAsync(
        CurrentUser currentUser, ScoringQueries queries, int? year, RankGroup? group, int? page, CancellationToken ct)
    {
        if (await currentUser.GetScopeAsync(ct) is not { } user)
        {
            return TypedResults.Unauthorized();
        }

        var g = group is { } x && Enum.IsDefined(x) ? x : RankGroup.Communes;
        return TypedResults.Ok(await queries.NationalAsync(user, year, g, page, ct));
    }
}
