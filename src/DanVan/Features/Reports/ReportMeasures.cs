using DanVan.Data;
using DanVan.Domain.Reports;
using DanVan.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Features.Reports;

/// <summary>
/// What periodic reports count for a unit and period: reports due in it (the unit's own due date when extended for
/// it alone), and of those sent by their due date (day in Vietnam). A report awaiting its head counts as sent when
/// the officer sent it: the unit met its date, the approval is its own affair.
/// </summary>
public sealed class ReportMeasures(AppDbContext db) : IMeasureSource
{
    public const string Due = "bao-cao-den-han";
    public const string OnTime = "bao-cao-dung-han";

    private static readonly SubmissionStatus[] Sent = [SubmissionStatus.Submitted, SubmissionStatus.Accepted, SubmissionStatus.AwaitingApproval];

    public IReadOnlyList<MeasureDefinition> Definitions { get; } =
    [
        new(Due, "Báo cáo định kỳ đến hạn nộp trong kỳ", "báo cáo", "Báo cáo"),
        new(OnTime, "Báo cáo định kỳ nộp đúng hạn trong kỳ", "báo cáo", "Báo cáo"),
    ];

    private sealed record Row(int Id, int UnitId, string Label, DateOnly Due, DateTime? SubmittedAtUtc, SubmissionStatus Status);

    public async Task<IReadOnlyDictionary<int, MeasureValue>> ComputeAsync(string code, IReadOnlyCollection<int> unitIds, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var ids = unitIds.Distinct().ToList();
        var rows = await RowsAsync(ids, from, to, ct);
        var counts = rows.Where(r => code == Due || OnTimeRow(r)).GroupBy(r => r.UnitId).ToDictionary(g => g.Key, g => g.Count());
        return MeasureRegistry.Counted(ids, counts, "báo cáo định kỳ", Definitions.First(d => d.Code == code).Name.ToLower(Domain.Text.VietnameseText.Culture), from, to);
    }

    public async Task<IReadOnlyList<MeasureRecord>> RecordsAsync(string code, int unitId, DateOnly from, DateOnly to, int limit, CancellationToken ct)
    {
        var rows = await RowsAsync([unitId], from, to, ct);
        return rows.Where(r => code == Due || OnTimeRow(r)).OrderByDescending(r => r.Due).Take(limit)
            .Select(r => new MeasureRecord(r.Label, r.Due, OnTimeRow(r) ? "Nộp đúng hạn" : r.SubmittedAtUtc is null || !Sent.Contains(r.Status) ? "Chưa nộp" : "Nộp trễ hạn",
                "/Reports/Submission/" + r.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToList();
    }

    private static bool OnTimeRow(Row r) =>
        r.SubmittedAtUtc is { } at && Sent.Contains(r.Status) && DateOnly.FromDateTime(Infrastructure.VietnamClock.ToLocal(at)) <= r.Due;

    /// <summary>A unit has a few slots a year: the rows are read once and judged here (the due date is the later of two).</summary>
    private async Task<List<Row>> RowsAsync(List<int> ids, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var rows = await (from s in db.ReportSubmissions.AsNoTracking()
                          join p in db.ReportPeriods.AsNoTracking() on s.PeriodId equals p.Id
                          where ids.Contains(s.UnitId) && ((p.DueOn >= @from && p.DueOn <= to) || (s.OwnDueOn >= @from && s.OwnDueOn <= to))
                          select new { s.Id, s.UnitId, p.Label, p.DueOn, s.OwnDueOn, s.SubmittedAtUtc, s.Status }).ToListAsync(ct);
        return rows.Select(r => new Row(r.Id, r.UnitId, r.Label, r.OwnDueOn is { } own && own > r.DueOn ? own : r.DueOn, r.SubmittedAtUtc, r.Status))
            .Where(r => r.Due >= from && r.Due <= to).ToList();
    }
}
