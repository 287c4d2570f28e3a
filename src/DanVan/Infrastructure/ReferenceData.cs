using DanVan.Data;
using DanVan.Domain.Calendar;
using DanVan.Domain.Deadlines;
using DanVan.Domain.Documents;
using DanVan.Domain.Reports;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Infrastructure;

/// <summary>Reference tables every installation needs (not demo data): filled once, then kept as editable data.</summary>
public static class ReferenceData
{
    public static async Task EnsureAsync(AppDbContext db, CancellationToken ct = default, TimeProvider? clock = null)
    {
        if (!await db.DocumentTypes.AnyAsync(ct))
        {
            db.DocumentTypes.AddRange(DocumentType.Defaults);
            db.BulkAuditSummary = "Danh mục loại văn bản mặc định";
            await db.SaveChangesAsync(ct);
        }

        await EnsureDeadlineRulesAsync(db, clock ?? TimeProvider.System, ct);
        await EnsureReceptionDutiesAsync(db, ct);
        await EnsureModelCatalogAsync(db, ct);
        await EnsureDisclosureItemsAsync(db, ct);
        await EnsureDecisionRulesAsync(db, ct);
        await EnsureConsultationMattersAsync(db, ct);
        await AddMissingAsync(db, db.OversightBoardRules, r => r.Code, Domain.Democracy.OversightRules.Shipped(),
            "Số lượng thành viên Ban Thanh tra nhân dân, Ban Giám sát đầu tư của cộng đồng: {0} mục mặc định", ct);
        await AddMissingAsync(db, db.StaffConferenceRules, r => r.Code, Domain.Democracy.StaffConferenceRules.Shipped(),
            "Thời hạn tổ chức Hội nghị cán bộ, công chức, viên chức: {0} mục mặc định", ct);
        await EnsureIndicesAsync(db, ct);
        await EnsureCaseFieldsAsync(db, ct);
        await EnsureScoringAsync(db, clock ?? TimeProvider.System, ct);
        await EnsureAnnouncedCalendarAsync(db, ct);

        if (!await db.ReportRegimes.AnyAsync(r => r.Code == DefaultRegime.Code, ct))
        {
            await using var tx = await db.BeginOrJoinTransactionAsync(ct);
            var regime = DefaultRegime.Regime();
            regime.CreatedAtUtc = (clock ?? TimeProvider.System).GetUtcNow().UtcDateTime;
            db.ReportRegimes.Add(regime);
            db.BulkAuditSummary = "Chế độ báo cáo mặc định: " + regime.Name;
            await db.SaveChangesAsync(ct);
            var rules = DefaultRegime.DueRules();
            var sections = DefaultRegime.Sections();
            var indicators = DefaultRegime.Indicators();
            foreach (var r in rules)
            {
                r.RegimeId = regime.Id;
            }

            foreach (var x in sections)
            {
                x.RegimeId = regime.Id;
            }

            foreach (var x in indicators)
            {
                x.RegimeId = regime.Id;
            }

            db.BulkAuditSummary = "Hạn, đề cương và chỉ tiêu của chế độ báo cáo mặc định";
            db.ReportDueRules.AddRange(rules);
            db.ReportSections.AddRange(sections);
            db.ReportIndicators.AddRange(indicators);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
    }

    /// <summary>The shipped fields of cases (lĩnh vực đơn), for every code not held yet; held ones are the administrator's.</summary>
    private static Task EnsureCaseFieldsAsync(AppDbContext db, CancellationToken ct) =>
        AddMissingAsync(db, db.CaseFields, f => f.Code, Domain.Cases.CaseFieldCatalog.Shipped(), "Lĩnh vực đơn thư: {0} lĩnh vực mặc định", ct);

    private static Task EnsureDisclosureItemsAsync(AppDbContext db, CancellationToken ct) =>
        AddMissingAsync(db, db.DisclosureItems, i => i.Code, Domain.Democracy.DemocracyCatalog.Items(),
            "Danh mục nội dung phải công khai (Luật Thực hiện dân chủ ở cơ sở): {0} mục mặc định", ct);

    private static Task EnsureDecisionRulesAsync(AppDbContext db, CancellationToken ct) =>
        AddMissingAsync(db, db.DecisionRules, r => r.Code, Domain.Democracy.DecisionRules.Shipped(),
            "Ngưỡng biểu quyết các nội dung Nhân dân bàn và quyết định: {0} mục mặc định", ct);

    private static Task EnsureConsultationMattersAsync(AppDbContext db, CancellationToken ct) =>
        AddMissingAsync(db, db.PeopleConsultationMatters, m => m.Code, Domain.Democracy.PeopleConsultationRules.Shipped(),
            "Loại nội dung lấy ý kiến Nhân dân trước khi quyết định (Điều 25): {0} mục mặc định", ct);

    /// <summary>The shipped indices (SIPAS, PAR INDEX…) with their components, for every index code not held yet; held ones are the administrator's.</summary>
    private static async Task EnsureIndicesAsync(AppDbContext db, CancellationToken ct)
    {
        var have = (await db.IndexDefinitions.Select(i => i.Code).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var (indices, components) = Domain.Indices.IndexRules.Shipped();
        var missing = indices.Where(i => !have.Contains(i.Code)).ToList();
        if (missing.Count == 0)
        {
            return;
        }

        var codes = missing.Select(i => i.Code).ToHashSet(StringComparer.Ordinal);
        db.IndexDefinitions.AddRange(missing);
        db.IndexComponents.AddRange(components.Where(c => codes.Contains(c.IndexCode)));
        db.BulkAuditSummary = string.Format(System.Globalization.CultureInfo.InvariantCulture, "Danh mục chỉ số (SIPAS, PAR INDEX, PAPI, PCI…): {0} chỉ số mặc định", missing.Count);
        await db.TrySaveUniqueAsync(ct);
    }

    /// <summary>
    /// Adds the shipped rows of every code the table holds no version of (held codes are the administrator's), in one
    /// audited save that tolerates another instance doing the same at the same start-up.
    /// </summary>
    private static async Task AddMissingAsync<T>(AppDbContext db, DbSet<T> set, System.Linq.Expressions.Expression<Func<T, string>> code, IReadOnlyList<T> shipped,
        string summary, CancellationToken ct) where T : class
    {
        var have = (await set.Select(code).Distinct().ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var codeOf = code.Compile();
        var missing = shipped.Where(x => !have.Contains(codeOf(x))).ToList();
        if (missing.Count == 0)
        {
            return;
        }

        set.AddRange(missing);
        db.BulkAuditSummary = string.Format(System.Globalization.CultureInfo.InvariantCulture, summary, missing.Count);
        await db.TrySaveUniqueAsync(ct);
    }

    /// <summary>The shipped scoring frameworks (a code with no version yet) and commendation titles (a code not there yet).</summary>
    private static async Task EnsureScoringAsync(AppDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var codes = (await db.ScoringFrameworks.Select(f => f.Code).Distinct().ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        foreach (var spec in Domain.Scoring.ShippedFrameworks.All().Where(s => !codes.Contains(s.Framework.Code)))
        {
            await using var tx = await db.BeginOrJoinTransactionAsync(ct);
            var f = spec.Framework;
            f.CreatedAtUtc = clock.GetUtcNow().UtcDateTime;
            db.ScoringFrameworks.Add(f);
            db.BulkAuditSummary = "Bộ tiêu chí chấm điểm mặc định: " + f.Name;
            await db.SaveChangesAsync(ct);
            var byCode = new Dictionary<string, Domain.Scoring.ScoringCriterion>(StringComparer.Ordinal);
            var order = 0;
            foreach (var level in new[] { true, false })
            {
                var batch = spec.Criteria.Where(c => (c.Parent is null) == level).Select(c =>
                {
                    var row = new Domain.Scoring.ScoringCriterion
                    {
                        FrameworkId = f.Id, Code = c.Code, Name = c.Name, Kind = c.Kind, MaxPoints = c.Max, Method = c.Method,
                        MeasureCode = c.Measure, DenominatorCode = c.Denominator, Steps = c.Steps, EvidenceRequired = c.Evidence,
                        NoneScoresFull = c.NoneScoresFull, Guidance = c.Guidance, SortOrder = 10 * (spec.Criteria.ToList().IndexOf(c) + 1),
                        ParentId = c.Parent is null ? null : byCode[c.Parent].Id,
                    };
                    byCode[c.Code] = row;
                    return row;
                }).ToList();
                order += batch.Count;
                db.ScoringCriteria.AddRange(batch);
                db.BulkAuditSummary = $"Tiêu chí của bộ tiêu chí mặc định: {f.Name} ({order} tiêu chí)";
                await db.SaveChangesAsync(ct);
            }

            await tx.CommitAsync(ct);
        }

        var titles = (await db.CommendationTitles.Select(t => t.Code).Distinct().ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var newTitles = Domain.Scoring.ShippedFrameworks.Titles().Where(t => !titles.Contains(t.Code)).ToList();
        if (newTitles.Count > 0)
        {
            db.CommendationTitles.AddRange(newTitles);
            db.BulkAuditSummary = "Danh hiệu, hình thức khen thưởng mặc định";
            await db.SaveChangesAsync(ct);
        }
    }

    private static async Task EnsureModelCatalogAsync(AppDbContext db, CancellationToken ct)
    {
        var fields = (await db.ModelFields.Select(f => f.Code).Distinct().ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var levels = (await db.RecognitionLevels.Select(f => f.Code).Distinct().ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var newFields = Domain.Models.ModelCatalog.Fields().Where(f => !fields.Contains(f.Code)).ToList();
        var newLevels = Domain.Models.ModelCatalog.Levels().Where(l => !levels.Contains(l.Code)).ToList();
        var criteria = (await db.ModelReviewCriteria.Select(f => f.Code).Distinct().ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var newCriteria = Domain.Models.ModelCatalog.ReviewCriteria().Where(c => !criteria.Contains(c.Code)).ToList();
        if (newFields.Count + newLevels.Count + newCriteria.Count == 0)
        {
            return;
        }

        db.ModelFields.AddRange(newFields);
        db.RecognitionLevels.AddRange(newLevels);
        db.ModelReviewCriteria.AddRange(newCriteria);
        db.BulkAuditSummary = $"Lĩnh vực, cấp công nhận và tiêu chí đánh giá mô hình “Dân vận khéo”: {newFields.Count + newLevels.Count + newCriteria.Count} mục mặc định";
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// Copies the shipped time limits (ShippedRules) for every code that has no version in the database yet; never
    /// touches a code an administrator already holds, so corrections survive upgrades and new codes still arrive.
    /// </summary>
    private static async Task EnsureDeadlineRulesAsync(AppDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var have = (await db.DeadlineRules.Select(r => r.Code).Distinct().ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var missing = ShippedRules.All().Where(r => !have.Contains(r.Code)).ToList();
        if (missing.Count == 0)
        {
            return;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var r in missing)
        {
            r.UpdatedAtUtc = now;
        }

        db.DeadlineRules.AddRange(missing);
        db.BulkAuditSummary = $"Quy tắc thời hạn theo luật: {missing.Count} quy tắc mặc định";
        await db.TrySaveUniqueAsync(ct); // false: another instance copied them at the same moment
    }

    /// <summary>The heads' reception duties (Luật Tiếp công dân), for every code not held yet; held ones are never touched.</summary>
    private static async Task EnsureReceptionDutiesAsync(AppDbContext db, CancellationToken ct)
    {
        var have = (await db.ReceptionDuties.Select(r => r.Code).Distinct().ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var missing = Domain.Reception.ReceptionRules.Shipped().Where(r => !have.Contains(r.Code)).ToList();
        if (missing.Count == 0)
        {
            return;
        }

        db.ReceptionDuties.AddRange(missing);
        db.BulkAuditSummary = $"Trách nhiệm tiếp công dân định kỳ: {missing.Count} quy định mặc định";
        await db.TrySaveUniqueAsync(ct);
    }

    /// <summary>
    /// The Government's announced schedule of a year (with its swapped days) is added once: when no day of the
    /// database yet carries that announcement as its source. Days already entered for a date are left alone.
    /// </summary>
    private static async Task EnsureAnnouncedCalendarAsync(AppDbContext db, CancellationToken ct)
    {
        foreach (var (year, announcement) in PublicHolidays.Announced)
        {
            if (await db.CalendarDays.AnyAsync(d => d.Source == announcement.Source, ct))
            {
                continue;
            }

            var start = new DateOnly(year, 1, 1);
            var end = new DateOnly(year, 12, 31);
            var taken = (await db.CalendarDays.Where(d => d.Date >= start && d.Date <= end).Select(d => d.Date).ToListAsync(ct)).ToHashSet();
            var add = PublicHolidays.DefaultsFor(year).Where(d => !taken.Contains(d.Date)).ToList();
            if (add.Count == 0)
            {
                continue;
            }

            db.CalendarDays.AddRange(add);
            db.BulkAuditSummary = $"Lịch nghỉ lễ đã công bố năm {year}";
            await db.TrySaveUniqueAsync(ct);
        }
    }
}
