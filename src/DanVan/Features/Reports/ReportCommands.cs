using System.Globalization;
using System.Text.Json;
using DanVan.Data;
using DanVan.Domain.Access;
using DanVan.Domain.Reports;
using DanVan.Domain.Text;
using DanVan.Domain.Units;
using DanVan.Features.Calendar;
using DanVan.Features.Shared;
using DanVan.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Features.Reports;

public sealed record OpenPeriodCommand(int RegimeId, ReportPeriodKind Kind, int Year, int? OwnerUnitId = null);

/// <summary>A unit's figures (as typed: "1.234", "12,5"), override reasons and narrative, posted together.</summary>
public sealed record SaveReportCommand(
    int SubmissionId, Guid ConcurrencyStamp, IReadOnlyDictionary<int, string?> Values, IReadOnlyDictionary<int, string?> OverrideReasons,
    IReadOnlyDictionary<int, string?> Narrative, bool Submit);

/// <summary>Opening periods, filling and submitting a unit's report, accepting or returning it.</summary>
public sealed class ReportCommands(AppDbContext db, CalendarCommands calendar, MeasureRegistry measures, TimeProvider clock)
{
    public async Task<Result<ReportPeriod>> OpenAsync(UserScope user, OpenPeriodCommand cmd, CancellationToken ct = default)
    {
        var ownerId = cmd.OwnerUnitId ?? ProvinceOf(user.UnitAncestorPath, user.UnitId);
        var owner = await db.OrgUnits.AsNoTracking().FirstOrDefaultAsync(u => u.Id == ownerId, ct);
        var regime = await db.ReportRegimes.AsNoTracking().FirstOrDefaultAsync(r => r.Id == cmd.RegimeId, ct);
        if (owner is null || regime is null)
        {
            return Result<ReportPeriod>.NotFound();
        }

        if (!ReportAccessRules.CanOpen(user, owner.AncestorPath, owner.Id))
        {
            return Result<ReportPeriod>.Forbidden();
        }

        var rule = await db.ReportDueRules.AsNoTracking().FirstOrDefaultAsync(r => r.RegimeId == regime.Id && r.Kind == cmd.Kind, ct);
        if (rule is null)
        {
            return Result<ReportPeriod>.Invalid("Kind", $"Chế độ “{regime.Name}” không có kỳ “{DefaultRegime.Label(cmd.Kind, cmd.Year)}”.");
        }

        var today = VietnamClock.Today(clock);
        if (cmd.Year < 2000 || cmd.Year > today.Year + 1)
        {
            return Result<ReportPeriod>.Invalid("Year", $"Năm báo cáo phải từ 2000 đến {today.Year + 1}.");
        }

        var alreadyOpen = Result<ReportPeriod>.Invalid("Kind", $"Kỳ báo cáo {DefaultRegime.Label(cmd.Kind, cmd.Year).ToLower(VietnameseText.Culture)} đã được mở.");
        if (await db.ReportPeriods.AnyAsync(p => p.OwnerUnitId == owner.Id && p.RegimeId == regime.Id && p.Kind == cmd.Kind && p.Year == cmd.Year, ct))
        {
            return alreadyOpen;
        }

        var cal = await calendar.LoadAsync(new DateOnly(cmd.Year, 1, 1), new DateOnly(cmd.Year, 12, 31), ct);
        var (start, cutoff, due) = DefaultRegime.Dates(rule, cmd.Year, cal);
        var now = clock.GetUtcNow().UtcDateTime;
        var period = new ReportPeriod
        {
            RegimeId = regime.Id, OwnerUnitId = owner.Id, Kind = cmd.Kind, Year = cmd.Year, Label = DefaultRegime.Label(cmd.Kind, cmd.Year),
            StartOn = start, CutoffOn = cutoff, DueOn = due, OpenedAtUtc = now,
        };

        await using var tx = await db.BeginOrJoinTransactionAsync(ct);
        db.ReportPeriods.Add(period);
        if (!await db.TrySaveUniqueAsync(ct))
        {
            return alreadyOpen; // opened meanwhile by a concurrent request: the same answer as the serial case
        }

        // One slot per obligated unit below the owner, in bulk.
        var kinds = regime.ObligatedKinds.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Enum.Parse<OrgUnitKind>).ToList();
        var prefix = UnitPaths.SubtreePrefix(owner.AncestorPath, owner.Id);
        var units = await db.OrgUnits.AsNoTracking()
            .Where(u => u.AncestorPath.StartsWith(prefix) && u.ValidTo == null && kinds.Contains(u.Kind))
            .Select(u => new { u.Id, u.AncestorPath })
            .ToListAsync(ct);
        var slots = units.Select(u => new ReportSubmission
        {
            PeriodId = period.Id, UnitId = u.Id, UnitPath = UnitPaths.SubtreePrefix(u.AncestorPath, u.Id),
            ProvinceId = ProvinceOf(u.AncestorPath, u.Id), ReceiverUnitId = UnitPaths.Ancestors(u.AncestorPath).LastOrDefault(owner.Id),
            UpdatedAtUtc = now,
        }).ToList();
        db.BulkAuditSummary = $"Mở kỳ báo cáo {period.Label}: {slots.Count} đơn vị phải báo cáo";
        db.ReportSubmissions.AddRange(slots);
        await db.SaveChangesAsync(ct);
        await PrefillAsync(period, slots, ct);
        await tx.CommitAsync(ct);
        return Result<ReportPeriod>.Ok(period);
    }

    /// <summary>Figures DanVan knows (the measures of every capability: tasks, cases…), with where they came from.</summary>
    public async Task PrefillAsync(ReportPeriod period, IReadOnlyList<ReportSubmission> slots, CancellationToken ct)
    {
        var indicators = (await db.ReportIndicators.AsNoTracking().Where(i => i.RegimeId == period.RegimeId && i.MeasureCode != null).ToListAsync(ct))
            .Where(i => measures.Find(i.MeasureCode) is not null).ToList();
        if (indicators.Count == 0 || slots.Count == 0)
        {
            return;
        }

        var unitIds = slots.Select(s => s.UnitId).Distinct().ToList();
        var values = new Dictionary<string, IReadOnlyDictionary<int, MeasureValue>>(StringComparer.Ordinal);
        foreach (var code in indicators.Select(i => i.MeasureCode!).Distinct(StringComparer.Ordinal))
        {
            values[code] = await measures.ComputeAsync(code, unitIds, period.StartOn, period.CutoffOn, ct);
        }

        var existing = await db.ReportValues.Where(v => slots.Select(s => s.Id).Contains(v.SubmissionId) && indicators.Select(i => i.Id).Contains(v.IndicatorId))
            .ToDictionaryAsync(v => (v.SubmissionId, v.IndicatorId), ct);
        foreach (var slot in slots)
        {
            foreach (var indicator in indicators)
            {
                var (value, provenance) = values[indicator.MeasureCode!].TryGetValue(slot.UnitId, out var m)
                    ? (m.Value, m.Provenance)
                    : (0d, "Theo dõi trên DanVan: không có số liệu.");
                if (existing.TryGetValue((slot.Id, indicator.Id), out var v))
                {
                    v.PrefilledValue = value;
                    v.Provenance = provenance;
                    if (v.Source == ValueSource.Prefilled)
                    {
                        v.Value = value;
                    }
                }
                else
                {
                    db.ReportValues.Add(new ReportValue
                    {
                        SubmissionId = slot.Id, PeriodId = period.Id, IndicatorId = indicator.Id, Value = value, PrefilledValue = value, Source = ValueSource.Prefilled, Provenance = provenance,
                    });
                }
            }
        }

        db.BulkAuditSummary = $"Số liệu tự động của kỳ {period.Label}";
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Saves a draft, or submits it: figures checked against the regime's rules, a whole version kept on submission.</summary>
    public async Task<Result<ReportSubmission>> SaveAsync(UserScope user, SaveReportCommand cmd, CancellationToken ct = default)
    {
        var row = await (from s in db.ReportSubmissions
                         join u in db.OrgUnits on s.UnitId equals u.Id
                         join p in db.ReportPeriods on s.PeriodId equals p.Id
                         where s.Id == cmd.SubmissionId
                         select new { s, u.AncestorPath, p }).FirstOrDefaultAsync(ct);
        if (row is null)
        {
            return Result<ReportSubmission>.NotFound();
        }

        var submission = row.s;
        if (!ReportAccessRules.CanEdit(user, row.AncestorPath, submission.UnitId))
        {
            return Result<ReportSubmission>.Forbidden();
        }

        if (row.p.ClosedAtUtc is not null)
        {
            return Result<ReportSubmission>.Invalid("", $"Kỳ báo cáo {row.p.Label.ToLower(VietnameseText.Culture)} đã khóa: không nhận thêm báo cáo.");
        }

        if (submission.Status is SubmissionStatus.Submitted or SubmissionStatus.Accepted)
        {
            return Result<ReportSubmission>.Invalid("", submission.Status == SubmissionStatus.Accepted
                ? "Báo cáo đã được tiếp nhận, không sửa được."
                : "Báo cáo đã nộp và đang chờ tiếp nhận; chỉ sửa được khi bị trả lại.");
        }

        var indicators = await db.ReportIndicators.AsNoTracking().Where(i => i.RegimeId == row.p.RegimeId).OrderBy(i => i.Order).ToListAsync(ct);
        var sections = await db.ReportSections.AsNoTracking().Where(x => x.RegimeId == row.p.RegimeId).ToListAsync(ct);
        var current = await db.ReportValues.Where(v => v.SubmissionId == submission.Id).ToDictionaryAsync(v => v.IndicatorId, ct);
        var errors = new FieldErrors();
        var parsed = new Dictionary<int, decimal?>();
        foreach (var indicator in indicators.Where(i => !i.IsComputed))
        {
            var text = cmd.Values.GetValueOrDefault(indicator.Id);
            decimal? value = null;
            if (string.IsNullOrWhiteSpace(text))
            {
                // left blank: no figure
            }
            else if (!TryParseNumber(text, out var number))
            {
                errors.Add($"Values[{indicator.Id}]", $"“{indicator.Name}”: “{text.Trim()}” không phải là số.");
            }
            else
            {
                value = number;
                if (indicator.Unit != "%" && value != decimal.Truncate(value.Value))
                {
                    errors.Add($"Values[{indicator.Id}]", $"“{indicator.Name}” là số đếm ({indicator.Unit}), phải là số nguyên.");
                }
            }

            parsed[indicator.Id] = value;
            var reason = VietnameseText.Optional(cmd.OverrideReasons.GetValueOrDefault(indicator.Id));
            if (current.TryGetValue(indicator.Id, out var existing) && existing.PrefilledValue is { } prefilled && value is { } v2 && (double)v2 != prefilled && reason is null)
            {
                errors.Add($"Reasons[{indicator.Id}]", $"“{indicator.Name}”: số liệu tự động là {ReportMath.Format((decimal)prefilled)}; nhập lý do khi thay bằng {ReportMath.Format(v2)}.");
            }
            else if (reason is { Length: > 500 })
            {
                errors.Add($"Reasons[{indicator.Id}]", "Lý do không quá 500 ký tự.");
            }
        }

        foreach (var violation in ReportMath.Check(indicators.Select(IndicatorDef.From).ToList(), parsed))
        {
            var id = indicators.First(i => i.Code == violation.IndicatorCode).Id;
            errors.Add($"Values[{id}]", violation.Message);
        }

        foreach (var (sectionId, text) in cmd.Narrative)
        {
            if (text is { Length: > 20_000 })
            {
                errors.Add($"Narrative[{sectionId}]", "Mỗi phần không quá 20.000 ký tự.");
            }
        }

        if (cmd.Submit && indicators.Where(i => !i.IsComputed).All(i => parsed[i.Id] is null) && cmd.Narrative.Values.All(string.IsNullOrWhiteSpace))
        {
            errors.Add("", "Báo cáo chưa có số liệu hay nội dung nào để nộp.");
        }

        if (errors.Any)
        {
            return Result<ReportSubmission>.Invalid(errors.ToDictionary());
        }

        var now = clock.GetUtcNow().UtcDateTime;
        await using var tx = await db.BeginOrJoinTransactionAsync(ct);
        foreach (var indicator in indicators.Where(i => !i.IsComputed))
        {
            var value = parsed[indicator.Id];
            var reason = VietnameseText.Optional(cmd.OverrideReasons.GetValueOrDefault(indicator.Id));
            if (!current.TryGetValue(indicator.Id, out var v))
            {
                if (value is null)
                {
                    continue;
                }

                v = new ReportValue { SubmissionId = submission.Id, PeriodId = submission.PeriodId, IndicatorId = indicator.Id };
                db.ReportValues.Add(v);
            }

            v.Value = value is null ? null : (double)value;
            var overridden = v.PrefilledValue is { } p && v.Value is { } x && x != p;
            v.Source = v.PrefilledValue is null ? ValueSource.Entered : overridden ? ValueSource.Overridden : ValueSource.Prefilled;
            v.OverrideReason = overridden ? reason : null;
        }

        var narratives = await db.ReportNarratives.Where(n => n.SubmissionId == submission.Id).ToDictionaryAsync(n => n.SectionId, ct);
        foreach (var section in sections)
        {
            var text = VietnameseText.Optional(cmd.Narrative.GetValueOrDefault(section.Id));
            if (narratives.TryGetValue(section.Id, out var n))
            {
                if (text is null)
                {
                    db.ReportNarratives.Remove(n);
                }
                else
                {
                    n.Text = text;
                }
            }
            else if (text is not null)
            {
                db.ReportNarratives.Add(new ReportNarrative { SubmissionId = submission.Id, SectionId = section.Id, Text = text });
            }
        }

        // Two people saving the same report: the second one's stamp no longer matches and nothing of theirs is written.
        db.Entry(submission).Property(s => s.ConcurrencyStamp).OriginalValue = cmd.ConcurrencyStamp;
        submission.ConcurrencyStamp = Guid.NewGuid();
        submission.UpdatedAtUtc = now;
        if (cmd.Submit)
        {
            submission.Status = SubmissionStatus.Submitted;
            submission.Version++;
            submission.SubmittedAtUtc = now;
            submission.SubmittedBy = user.UserName;
            submission.ReturnComment = null;
            db.ReportVersions.Add(new ReportVersion
            {
                SubmissionId = submission.Id, Version = submission.Version, SubmittedAtUtc = now, SubmittedBy = user.UserName,
                ValuesJson = JsonSerializer.Serialize(indicators.Where(i => !i.IsComputed).ToDictionary(i => i.Code, i => parsed[i.Id])),
                NarrativeJson = JsonSerializer.Serialize(sections.ToDictionary(s => s.Code, s => VietnameseText.Optional(cmd.Narrative.GetValueOrDefault(s.Id)))),
            });
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Result<ReportSubmission>.Invalid("", "Báo cáo vừa được người khác cập nhật hoặc nộp. Tải lại trang để xem bản mới nhất; những gì bạn vừa nhập chưa được lưu.");
        }

        await tx.CommitAsync(ct);
        return Result<ReportSubmission>.Ok(submission);
    }

    /// <summary>The receiving unit accepts the submitted version, or returns it with comments for correction.</summary>
    public async Task<Result<ReportSubmission>> DecideAsync(UserScope user, int submissionId, bool accept, string? comment, Guid stamp, CancellationToken ct = default)
    {
        var row = await (from s in db.ReportSubmissions
                         join r in db.OrgUnits on s.ReceiverUnitId equals r.Id
                         where s.Id == submissionId
                         select new { s, r.AncestorPath }).FirstOrDefaultAsync(ct);
        if (row is null)
        {
            return Result<ReportSubmission>.NotFound();
        }

        var submission = row.s;
        if (!ReportAccessRules.CanDecide(user, row.AncestorPath, submission.ReceiverUnitId))
        {
            return Result<ReportSubmission>.Forbidden();
        }

        if (submission.Status != SubmissionStatus.Submitted)
        {
            return Result<ReportSubmission>.Invalid("", "Chỉ tiếp nhận hoặc trả lại được báo cáo đang chờ tiếp nhận.");
        }

        comment = VietnameseText.Optional(comment);
        if (!accept && comment is null)
        {
            return Result<ReportSubmission>.Invalid("Comment", "Nhập lý do trả lại để đơn vị biết cần sửa gì.");
        }

        if (comment is { Length: > 2000 })
        {
            return Result<ReportSubmission>.Invalid("Comment", "Ý kiến không quá 2.000 ký tự.");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var version = await db.ReportVersions.FirstAsync(v => v.SubmissionId == submission.Id && v.Version == submission.Version, ct);
        version.Decision = accept ? SubmissionStatus.Accepted : SubmissionStatus.Returned;
        version.DecisionComment = comment;
        version.DecidedAtUtc = now;
        db.Entry(submission).Property(s => s.ConcurrencyStamp).OriginalValue = stamp;
        submission.ConcurrencyStamp = Guid.NewGuid();
        submission.Status = accept ? SubmissionStatus.Accepted : SubmissionStatus.Returned;
        submission.DecidedAtUtc = now;
        submission.DecidedBy = user.UserName;
        submission.ReturnComment = accept ? null : comment;
        submission.UpdatedAtUtc = now;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Result<ReportSubmission>.Invalid("", "Báo cáo vừa thay đổi; tải lại trang.");
        }

        return Result<ReportSubmission>.Ok(submission);
    }

    public async Task<Result<ReportPeriod>> SetClosedAsync(UserScope user, int periodId, bool closed, CancellationToken ct = default)
    {
        var row = await (from p in db.ReportPeriods
                         join o in db.OrgUnits on p.OwnerUnitId equals o.Id
                         where p.Id == periodId
                         select new { p, o.AncestorPath }).FirstOrDefaultAsync(ct);
        if (row is null)
        {
            return Result<ReportPeriod>.NotFound();
        }

        if (!ReportAccessRules.CanOpen(user, row.AncestorPath, row.p.OwnerUnitId))
        {
            return Result<ReportPeriod>.Forbidden();
        }

        row.p.ClosedAtUtc = closed ? clock.GetUtcNow().UtcDateTime : null;
        await db.SaveChangesAsync(ct);
        return Result<ReportPeriod>.Ok(row.p);
    }

    /// <summary>"1.234", "1 234", "12,5", "12.5" (Vietnamese or invariant writing).</summary>
    public static bool TryParseNumber(string text, out decimal value)
    {
        var s = text.Trim().Replace(" ", "", StringComparison.Ordinal).Replace("\u00A0", "", StringComparison.Ordinal);
        if (s.Length > 20)
        {
            value = 0;
            return false;
        }

        // A dot followed by exactly three digits groups thousands ("1.234"); otherwise it is a decimal point.
        if (System.Text.RegularExpressions.Regex.IsMatch(s, @"^-?\d{1,3}(\.\d{3})+$"))
        {
            s = s.Replace(".", "", StringComparison.Ordinal);
        }

        s = s.Replace(',', '.');
        return decimal.TryParse(s, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
    }

    public static int ProvinceOf(string ancestorPath, int id)
    {
        var ids = UnitPaths.Ancestors(ancestorPath).Append(id).ToArray();
        return ids.Length >= 2 ? ids[1] : ids[0];
    }
}
