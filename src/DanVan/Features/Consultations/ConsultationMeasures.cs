using DanVan.Data;
using DanVan.Domain.Consultations;
using DanVan.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Features.Consultations;

/// <summary>What consultations count for a respondent unit and period: drafts it was asked about, and those it answered by the deadline.</summary>
public sealed class ConsultationMeasures(AppDbContext db) : IMeasureSource
{
    public const string Asked = "gop-y-du-thao-duoc-lay";
    public const string AnsweredOnTime = "gop-y-du-thao-dung-han";

    public IReadOnlyList<MeasureDefinition> Definitions { get; } =
    [
        new(Asked, "Dự thảo được lấy ý kiến có hạn góp ý trong kỳ", "dự thảo", "Lấy ý kiến dự thảo"),
        new(AnsweredOnTime, "Dự thảo đã góp ý (hoặc thống nhất) đúng hạn trong kỳ", "dự thảo", "Lấy ý kiến dự thảo"),
    ];

    public async Task<IReadOnlyDictionary<int, MeasureValue>> ComputeAsync(string code, IReadOnlyCollection<int> unitIds, DateOnly start, DateOnly end, CancellationToken ct)
    {
        var ids = unitIds.ToList();
        var rows = from r in db.ConsultationRespondents.AsNoTracking()
                   where ids.Contains(r.UnitId)
                   join c in db.Consultations on r.ConsultationId equals c.Id
                   where c.DueOn >= start && c.DueOn <= end
                   select r;
        if (code == AnsweredOnTime)
        {
            // An answer is accepted only until the last day, so every recorded answer is on time.
            rows = rows.Where(r => r.State == RespondentState.Agreed || r.State == RespondentState.Commented);
        }

        var counts = await rows.GroupBy(r => r.UnitId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        return MeasureRegistry.Counted(ids, counts, "lấy ý kiến dự thảo", Definitions.First(d => d.Code == code).Name.ToLower(Domain.Text.VietnameseText.Culture), start, end);
    }
}

/// <summary>
/// The timer shell of ADR-018: every few minutes, "không có ý kiến" is recorded for respondents of consultations whose
/// last day has passed. The handler is idempotent, so several instances need no lease. Reads also apply it.
/// </summary>
public sealed class ConsultationSilenceService(IServiceScopeFactory scopes, TimeProvider clock, IConfiguration configuration, ILogger<ConsultationSilenceService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!configuration.GetValue("FollowUp:Enabled", true))
        {
            return;
        }

        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(configuration.GetValue("FollowUp:CheckMinutes", 15)), clock);
        do
        {
            try
            {
                using var scope = scopes.CreateScope();
                var applied = await scope.ServiceProvider.GetRequiredService<ConsultationCommands>().ApplySilenceAsync(null, stoppingToken);
                if (applied > 0)
                {
                    logger.LogInformation("Consultations: silence recorded for {Count} respondents past their deadline", applied);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Recording silence of consultations failed; will retry at the next check");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
