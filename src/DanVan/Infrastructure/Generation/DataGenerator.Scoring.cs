using DanVan.Domain.Scoring;
using DanVan.Domain.Units;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Infrastructure.Generation;

/// <summary>
/// Scoring (issue 16): every province's yearly assessment of its departments, public service units and communes for
/// 2024–2026 — the two past years published (a total and a grade for nearly every sheet, a few units that never
/// submitted), this year's open with every sheet still a draft, its measured lines not computed yet (opening a round
/// computes them; the benchmark measures that work through "Cập nhật số liệu tự động"). Tây Ninh's rounds use its own
/// framework (Hướng dẫn 1563), the other provinces the national one; a province and year the demo already assessed
/// is left as it is. At national scale about 35,000 sheets a year.
/// </summary>
public sealed partial class DataGenerator
{
    private static readonly string[] RoundColumns =
        ["FrameworkId", "ProvinceUnitId", "Year", "PeriodFrom", "PeriodTo", "SelfFrom", "SelfDue", "ObjectionDays", "AppraisalOn", "State", "OpenedBy", "OpenedAtUtc",
            "MeasuredAtUtc", "PublishedAtUtc", "PublishedBy"];

    private static readonly string[] SheetColumns =
        ["RoundId", "UnitId", "UnitPath", "Group", "State", "SelfTotal", "AppraisedTotal", "FinalTotal", "Grade", "Disqualified", "SubmittedAtUtc", "SubmittedBy",
            "AppraisedAtUtc", "AppraisedBy", "DecidedAtUtc", "DecidedBy", "MeasuredAtUtc", "UpdatedAtUtc", "ConcurrencyStamp"];

    private static readonly string[] LineColumns = ["SheetId", "CriterionId", "MeasuredValue", "Provenance", "SelfPoints", "AppraisedPoints"];

    private async Task<(int Rounds, int Sheets, long Lines)> GenerateScoringAsync(BulkInsert bulk, Random rng, List<OrgUnit> provinces, List<Unit> all,
        DateOnly today, DateTime now, Action<string, double> report, CancellationToken ct)
    {
        report("Chấm điểm", 0);
        var frameworks = await db.ScoringFrameworks.AsNoTracking().Include(f => f.Criteria).OrderBy(f => f.Version).ToListAsync(ct);
        var national = frameworks.FirstOrDefault(f => f.Code == ShippedFrameworks.NationalCode);
        var tayNinh = frameworks.FirstOrDefault(f => f.Code == ShippedFrameworks.TayNinhCode);
        if (national is null)
        {
            return (0, 0, 0);
        }

        var taken = (await db.ScoringRounds.AsNoTracking().Select(r => new { r.ProvinceUnitId, r.Year }).ToListAsync(ct))
            .Select(r => (r.ProvinceUnitId, r.Year)).ToHashSet();
        var byProvince = all.GroupBy(u => ProvinceOf(u.Path)).ToDictionary(g => g.Key, g => g.ToList());
        var plan = new List<(OrgUnit Province, int Year, ScoringFramework Framework)>();
        foreach (var p in provinces)
        {
            foreach (var year in new[] { 2024, 2025, today.Year })
            {
                if (!taken.Contains((p.Id, year)))
                {
                    plan.Add((p, year, p.Code == Features.Demo.DemoSeeder.ProvinceCode && tayNinh is not null ? tayNinh : national));
                }
            }
        }

        var maxRoundBefore = await db.ScoringRounds.MaxAsync(r => (int?)r.Id, ct) ?? 0;
        var roundRows = plan.Select(x =>
        {
            var open = x.Year == today.Year;
            var published = new DateTime(x.Year + 1, 3, 10, 2, 0, 0, DateTimeKind.Utc);
            return new object?[]
            {
                x.Framework.Id, x.Province.Id, x.Year, new DateOnly(x.Year, 1, 1), new DateOnly(x.Year, 12, 31),
                open ? today.AddDays(-14) : new DateOnly(x.Year, 12, 1), open ? today.AddDays(29) : new DateOnly(x.Year + 1, 1, 10), 5,
                open ? today.AddDays(45) : new DateOnly(x.Year + 1, 1, 25), (int)(open ? RoundState.Open : RoundState.Published), "dieuphoi",
                open ? now : new DateTime(x.Year, 12, 1, 1, 0, 0, DateTimeKind.Utc), open ? null : new DateTime(x.Year, 12, 1, 1, 0, 0, DateTimeKind.Utc),
                open ? null : published, open ? null : "dieuphoi",
            };
        }).ToList();
        var rounds = (int)await bulk.InsertAsync("ScoringRounds", RoundColumns, roundRows, ct: ct);
        var roundIds = await db.ScoringRounds.AsNoTracking().Where(r => r.Id > maxRoundBefore).OrderBy(r => r.Id).Select(r => r.Id).ToListAsync(ct);

        // Sheets, with each one's lines planned alongside (same order, so ids can be matched after the insert).
        var maxSheetBefore = await db.ScoreSheets.MaxAsync(s => (int?)s.Id, ct) ?? 0;
        var sheetRows = new List<object?[]>();
        var linePlans = new List<(ScoringFramework Framework, List<(ScoringCriterion Criterion, double? Points)> Lines)>();
        for (var i = 0; i < plan.Count; i++)
        {
            var (province, year, framework) = plan[i];
            var kinds = ScoringRules.Kinds(framework.AppliesToKinds);
            var leaves = framework.Criteria.Where(c => c.Kind != CriterionKind.Group).OrderBy(c => c.SortOrder).ToList();
            var bands = ScoringRules.ParseBands(framework.Bands) ?? [];
            var open = year == today.Year;
            foreach (var u in (byProvince.GetValueOrDefault(province.Id) ?? []).Where(u => kinds.Contains(u.Kind)))
            {
                var submitted = !open && rng.NextDouble() < 0.93;
                var points = leaves.Select(c => (c, open || !submitted ? (double?)null : GeneratedPoints(rng, c))).ToList();
                var totals = ScoringRules.Total(framework, points);
                var at = new DateTime(year + 1, 1, 5 + rng.Next(5), 3, 0, 0, DateTimeKind.Utc);
                var appraised = at.AddDays(10);
                sheetRows.Add(
                [
                    roundIds[i], u.Id, UnitPaths.SubtreePrefix(u.Path, u.Id), (int)ScoringRules.GroupOf(u.Kind), (int)(submitted ? SheetState.Final : SheetState.Draft),
                    submitted ? totals.Total : 0.0, submitted ? totals.Total : null, submitted ? totals.Total : null,
                    submitted ? ScoringRules.Grade(bands, totals.Total, totals.Disqualified) : null, false,
                    submitted ? at : null, submitted ? "canbo" : null, submitted ? appraised : null, submitted ? "thamdinh" : null,
                    submitted ? appraised.AddDays(6) : null, submitted ? "dieuphoi" : null, open ? null : at.AddDays(-20), open ? now : appraised.AddDays(6),
                    new Guid(NextBytes(rng)),
                ]);
                linePlans.Add((framework, points));
            }
        }

        var sheets = (int)await bulk.InsertAsync("ScoreSheets", SheetColumns, sheetRows, n => report("Chấm điểm", 0.2 * n / Math.Max(1, sheetRows.Count)), ct);
        var sheetIds = await db.ScoreSheets.AsNoTracking().Where(s => s.Id > maxSheetBefore).OrderBy(s => s.Id).Select(s => s.Id).ToListAsync(ct);
        var total = linePlans.Sum(p => (long)p.Lines.Count);
        var lineRows = linePlans.SelectMany((p, i) => p.Lines.Select(l => new object?[]
        {
            sheetIds[i], l.Criterion.Id,
            l.Points is not null && l.Criterion.Method == ScoringMethod.Measured ? Math.Round(l.Points.Value / Math.Max(1, l.Criterion.MaxPoints) * 100, 1) : null,
            l.Points is not null && l.Criterion.Method == ScoringMethod.Measured ? "Theo dõi trên DanVan (số liệu sinh để đo hiệu năng)." : null,
            l.Points, l.Points,
        }));
        var lines = await bulk.InsertAsync("ScoreLines", LineColumns, lineRows, n => report("Chấm điểm", 0.2 + 0.8 * n / Math.Max(1, total)), ct);
        return (rounds, sheets, lines);
    }

    /// <summary>Points of a past sheet: regular criteria mostly near their maximum, a bonus now and then, rarely a penalty.</summary>
    private static double GeneratedPoints(Random rng, ScoringCriterion c) => c.Kind switch
    {
        CriterionKind.Regular => Math.Round(c.MaxPoints * (0.5 + 0.5 * rng.NextDouble()) * 2, MidpointRounding.AwayFromZero) / 2,
        CriterionKind.Bonus => rng.NextDouble() < 0.3 ? Math.Min(c.MaxPoints, 1 + rng.Next((int)Math.Max(1, c.MaxPoints))) : 0,
        CriterionKind.Penalty => rng.NextDouble() < 0.05 ? Math.Min(c.MaxPoints, 1) : 0,
        _ => 0,
    };
}
