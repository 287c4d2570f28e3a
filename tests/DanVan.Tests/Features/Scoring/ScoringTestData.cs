using DanVan.Data;
using DanVan.Domain.Scoring;
using DanVan.Features.Shared;
using DanVan.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Tests.Features.Scoring;

/// <summary>What the scoring tests share: a framework of their own (so that each test opens its rounds without meeting another's), the measures as the app registers them, a sheet's lines by criterion code.</summary>
internal static class ScoringTestData
{
    /// <summary>
    /// A copy of the shipped Tây Ninh framework (QĐ 1563/QĐ-UBND, the demo's) under a fresh code, written the way
    /// ReferenceData writes the shipped ones; <paramref name="provinceCode"/> "01" makes it Hà Nội's; a <paramref name="code"/> already used with another <paramref name="version"/> makes a version of that framework.
    /// </summary>
    public static async Task<int> FrameworkAsync(AppDbContext db, string? provinceCode = "80", string? code = null, int version = 1, DateOnly? validFrom = null)
    {
        var spec = ShippedFrameworks.TayNinh();
        var f = spec.Framework;
        f.Code = code ?? SeededDatabaseFixture.NewCode("tn-");
        f.Version = version;
        f.ValidFrom = validFrom ?? f.ValidFrom;
        f.ProvinceCode = provinceCode;
        f.CreatedAtUtc = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        db.ScoringFrameworks.Add(f);
        await db.SaveChangesAsync();
        var byCode = new Dictionary<string, ScoringCriterion>(StringComparer.Ordinal);
        var all = spec.Criteria.ToList();
        foreach (var topLevel in new[] { true, false })
        {
            var batch = all.Where(c => (c.Parent is null) == topLevel).Select(c =>
            {
                var row = new ScoringCriterion
                {
                    FrameworkId = f.Id, Code = c.Code, Name = c.Name, Kind = c.Kind, MaxPoints = c.Max, Method = c.Method, MeasureCode = c.Measure,
                    DenominatorCode = c.Denominator, Steps = c.Steps, EvidenceRequired = c.Evidence, NoneScoresFull = c.NoneScoresFull, Guidance = c.Guidance,
                    SortOrder = 10 * (all.IndexOf(c) + 1), ParentId = c.Parent is null ? null : byCode[c.Parent].Id,
                };
                byCode[c.Code] = row;
                return row;
            }).ToList();
            db.ScoringCriteria.AddRange(batch);
            await db.SaveChangesAsync();
        }

        return f.Id;
    }

    /// <summary>Every measure source the app registers (TestMeasures.All has no report measures, which TC1.3 counts).</summary>
    public static MeasureRegistry Measures(AppDbContext db) => new(
    [
        new DanVan.Features.Tasks.TaskMeasures(db), new DanVan.Features.Cases.CaseMeasures(db), new DanVan.Features.Reception.ReceptionMeasures(db),
        new DanVan.Features.Dialogues.DialogueMeasures(db), new DanVan.Features.Models.ModelMeasures(db), new DanVan.Features.Consultations.ConsultationMeasures(db),
        new DanVan.Features.Reports.ReportMeasures(db),
    ]);

    /// <summary>A sheet's lines with their criteria, by criterion code, read afresh.</summary>
    public static async Task<Dictionary<string, (ScoreLine Line, ScoringCriterion Criterion)>> LinesAsync(AppDbContext db, int sheetId)
    {
        var lines = await db.ScoreLines.AsNoTracking().Where(l => l.SheetId == sheetId).ToListAsync();
        var ids = lines.Select(l => l.CriterionId).ToList();
        var criteria = await db.ScoringCriteria.AsNoTracking().Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id);
        return lines.ToDictionary(l => criteria[l.CriterionId].Code, l => (l, criteria[l.CriterionId]), StringComparer.Ordinal);
    }
}
