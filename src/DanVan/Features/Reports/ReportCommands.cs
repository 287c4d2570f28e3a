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

/// <summary>Opens a period; <paramref name="DueOn"/> null takes the regime's due date (refused when it has passed).</summary>
public sealed record OpenPeriodCommand(int RegimeId, ReportPeriodKind Kind, int Year, int? OwnerUnitId = null, DateOnly? DueOn = null);

/// <summary>Moves a period's due date later for every unit (<paramref name="SubmissionId"/> null) or for one unit's report.</summary>
public sealed record ExtendDueCommand(int PeriodId, int? SubmissionId, DateOnly? DueOn, string? Reason);

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
        var (start, cutoff, ruleDue) = DefaultRegime.Dates(rule, cmd.Year, cal);
        var (chosenDue, dueError) = ReportDueDates.ForOpening(cmd.DueOn, ruleDue, cutoff, today);
        if (dueError is not null)
        {
            return Result<ReportPeriod>.Invalid("DueOn", dueError);
        }

        var due = chosenDue!.Value;
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
                if (!values[indicator.MeasureCode!].TryGetValue(slot.UnitId, out var m))
                {
                    // No figure for this unit (an index not entered for the year): the line stays the unit's to type, and an
                    // automatic figure that has gone is no longer offered. A 0 would drag an average (SIPAS) down.
                    if (existing.TryGetValue((slot.Id, indicator.Id), out var gone) && gone.PrefilledValue is not null)
                    {
                        gone.PrefilledValue = null;
                        gone.Provenance = "Theo dõi trên DanVan: chưa có số liệu.";
                        if (gone.Source == ValueSource.Prefilled)
                        {
                            gone.Value = null;
                        }
                    }

                    continue;
                }

                var (value, provenance) = (m.Value, m.Provenance);
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

        if (!db.ChangeTracker.HasChanges())
        {
            return; // nothing moved since the last time: no write, no audit row
        }

        db.BulkAuditSummary = $"Số liệu tự động của kỳ {period.Label}";
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// Brings the automatic figures of a report still being prepared (chưa nộp, bị trả lại; period open) up to date with
    /// what the unit did in DanVan since the period opened: a figure the unit kept stays the measure's, one it replaced with
    /// a reason keeps its value and shows the new automatic figure beside it. Reports sent or closed are never touched.
    /// </summary>
    public async Task RefreshPrefillAsync(int submissionId, CancellationToken ct = default)
    {
        var slot = await db.ReportSubmissions.AsNoTracking().FirstOrDefaultAsync(s => s.Id == submissionId, ct);
        if (slot is null || slot.Status is not (SubmissionStatus.Pending or SubmissionStatus.Returned))
        {
            return;
        }

        var period = await db.ReportPeriods.AsNoTracking().FirstAsync(p => p.Id == slot.PeriodId, ct);
        if (period.ClosedAtUtc is not null)
        {
            return;
        }

        try
        {
            await PrefillAsync(period, [slot], ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear(); // two readers opened the form at once and the other one wrote the same figures first
        }
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

        if (submission.Status is SubmissionStatus.Submitted or SubmissionStatus.Accepted or SubmissionStatus.AwaitingApproval)
        {
            return Result<ReportSubmission>.Invalid("", submission.Status switch
            {
                SubmissionStatus.Accepted => "Báo cáo đã được tiếp nhận, không sửa được.",
                SubmissionStatus.AwaitingApproval => "Báo cáo đang chờ lãnh đạo đơn vị duyệt; chỉ sửa được khi bị trả lại.",
                _ => "Báo cáo đã nộp và đang chờ tiếp nhận; chỉ sửa được khi bị trả lại.",
            });
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

        if (cmd.Submit && !errors.Any)
        {
            // The regime's required figures and parts, and something of the unit's at all: every gap named at once.
            var figures = indicators.Select(i => new ReportCompleteness.Figure(i.Id, i.Name, i.IsRequired, i.IsComputed, parsed.GetValueOrDefault(i.Id),
                current.TryGetValue(i.Id, out var c) && c.PrefilledValue is { } pre && parsed.GetValueOrDefault(i.Id) is { } val && (double)val == pre)).ToList();
            var parts = sections.OrderBy(x => x.Order).Select(x => new ReportCompleteness.Part(x.Id, x.Code, x.Title, x.IsRequired, cmd.Narrative.GetValueOrDefault(x.Id))).ToList();
            foreach (var gap in ReportCompleteness.Check(figures, parts))
            {
                errors.Add(gap.Field, gap.Message);
            }
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
        var notifyHeads = false;
        if (cmd.Submit)
        {
            var requiresApproval = await db.ReportRegimes.Where(r => r.Id == row.p.RegimeId).Select(r => r.RequiresHeadApproval).FirstAsync(ct);
            var heads = requiresApproval ? await HeadsOfAsync(submission.UnitId, ct) : [];
            submission.Status = ReportApproval.AfterSubmit(requiresApproval, user.Role == Roles.UnitHead && user.UnitId == submission.UnitId,
                user.UnitId == submission.UnitId, heads.Count > 0);
            notifyHeads = submission.Status == SubmissionStatus.AwaitingApproval;
            submission.ApprovedBy = null;
            submission.ApprovedAtUtc = null;
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

        if (notifyHeads)
        {
            var unitName = await db.OrgUnits.Where(u => u.Id == submission.UnitId).Select(u => u.Name).FirstAsync(ct);
            await NotifyAsync(await HeadsOfAsync(submission.UnitId, ct), $"report-approval:{submission.Id}:{submission.Version}",
                $"Báo cáo chờ duyệt: {row.p.Label} — {unitName}",
                $"{user.UserName} đã lập báo cáo {row.p.Label.ToLower(VietnameseText.Culture)} của {unitName} (lần {submission.Version}). Báo cáo chỉ được gửi đơn vị nhận sau khi lãnh đạo đơn vị duyệt.",
                $"/Reports/Submission/{submission.Id}", ct);
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
        version.DecidedBy = user.UserName;
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

    /// <summary>
    /// The reporting unit's head approves a report an officer submitted (it then reaches the receiving unit, and its
    /// submission time is this moment), or returns it to the officer with a reason.
    /// </summary>
    public async Task<Result<ReportSubmission>> ApproveAsync(UserScope user, int submissionId, bool approve, string? comment, Guid stamp, CancellationToken ct = default)
    {
        var row = await (from s in db.ReportSubmissions
                         join p in db.ReportPeriods on s.PeriodId equals p.Id
                         join u in db.OrgUnits on s.UnitId equals u.Id
                         where s.Id == submissionId
                         select new { s, p.Label, p.ClosedAtUtc, u.Name }).FirstOrDefaultAsync(ct);
        if (row is null)
        {
            return Result<ReportSubmission>.NotFound();
        }

        var submission = row.s;
        if (!ReportAccessRules.CanApprove(user, submission.UnitId))
        {
            return Result<ReportSubmission>.Forbidden();
        }

        if (submission.Status != SubmissionStatus.AwaitingApproval)
        {
            return Result<ReportSubmission>.Invalid("", "Chỉ duyệt hoặc trả lại được báo cáo đang chờ lãnh đạo duyệt.");
        }

        if (row.ClosedAtUtc is not null)
        {
            return Result<ReportSubmission>.Invalid("", $"Kỳ báo cáo {row.Label.ToLower(VietnameseText.Culture)} đã khóa: không nhận thêm báo cáo.");
        }

        var errors = new FieldErrors();
        comment = errors.Text("Comment", VietnameseText.Optional(comment), 2000, "Ý kiến");
        if (!approve && string.IsNullOrEmpty(comment) && !errors.Any)
        {
            errors.Add("Comment", "Nhập lý do trả lại để cán bộ biết cần sửa gì.");
        }

        if (errors.Any)
        {
            return Result<ReportSubmission>.Invalid(errors.ToDictionary());
        }

        var now = clock.GetUtcNow().UtcDateTime;
        await using var tx = await db.BeginOrJoinTransactionAsync(ct);
        var version = await db.ReportVersions.FirstAsync(v => v.SubmissionId == submission.Id && v.Version == submission.Version, ct);
        db.Entry(submission).Property(s => s.ConcurrencyStamp).OriginalValue = stamp;
        submission.ConcurrencyStamp = Guid.NewGuid();
        submission.UpdatedAtUtc = now;
        if (approve)
        {
            submission.Status = SubmissionStatus.Submitted;
            submission.SubmittedAtUtc = now; // it reaches the receiving unit now: lateness counts from here
            (submission.ApprovedBy, submission.ApprovedAtUtc) = (user.UserName, now);
            (version.ApprovedBy, version.ApprovedAtUtc) = (user.UserName, now);
        }
        else
        {
            submission.Status = SubmissionStatus.Returned;
            submission.ReturnComment = comment;
            submission.DecidedAtUtc = now;
            submission.DecidedBy = user.UserName;
            version.Decision = SubmissionStatus.Returned;
            version.DecisionComment = comment;
            version.DecidedAtUtc = now;
            version.DecidedBy = user.UserName;
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Result<ReportSubmission>.Invalid("", "Báo cáo vừa thay đổi; tải lại trang.");
        }

        if (!approve && submission.SubmittedBy is { } submitter)
        {
            var ids = await db.Users.Where(u => u.UserName == submitter).Select(u => u.Id).ToListAsync(ct);
            await NotifyAsync(ids, $"report-head-return:{submission.Id}:{submission.Version}", $"Lãnh đạo trả lại báo cáo {row.Label} — {row.Name}",
                $"{user.UserName} trả lại báo cáo để chỉnh sửa: {comment}", $"/Reports/Submission/{submission.Id}", ct);
        }

        await tx.CommitAsync(ct);
        return Result<ReportSubmission>.Ok(submission);
    }

    /// <summary>
    /// Extends a period's due date for every unit, or one unit's report, with a reason; the change is kept in
    /// <see cref="ReportDueChange"/> (and the audit trail). A due date only moves later.
    /// </summary>
    public async Task<Result<ReportDueChange>> ExtendAsync(UserScope user, ExtendDueCommand cmd, CancellationToken ct = default)
    {
        var row = await (from p in db.ReportPeriods
                         join o in db.OrgUnits on p.OwnerUnitId equals o.Id
                         where p.Id == cmd.PeriodId
                         select new { p, o.AncestorPath }).FirstOrDefaultAsync(ct);
        if (row is null)
        {
            return Result<ReportDueChange>.NotFound();
        }

        if (!ReportAccessRules.CanOpen(user, row.AncestorPath, row.p.OwnerUnitId))
        {
            return Result<ReportDueChange>.Forbidden();
        }

        ReportSubmission? slot = null;
        if (cmd.SubmissionId is { } sid)
        {
            slot = await db.ReportSubmissions.FirstOrDefaultAsync(s => s.Id == sid && s.PeriodId == row.p.Id, ct);
            if (slot is null)
            {
                return Result<ReportDueChange>.NotFound();
            }
        }

        if (row.p.ClosedAtUtc is not null)
        {
            return Result<ReportDueChange>.Invalid("", $"Kỳ báo cáo {row.p.Label.ToLower(VietnameseText.Culture)} đã khóa: mở lại kỳ trước khi gia hạn.");
        }

        var current = ReportDueDates.Effective(row.p.DueOn, slot?.OwnDueOn);
        var reason = VietnameseText.Optional(cmd.Reason);
        var problems = ReportDueDates.CheckExtension(current, cmd.DueOn, reason, VietnamClock.Today(clock));
        var errors = new FieldErrors();
        foreach (var (field, message) in problems)
        {
            errors.Add(field, message);
        }

        reason = errors.Any ? reason : errors.Text("Reason", reason, 1000, "Lý do gia hạn");
        if (errors.Any)
        {
            return Result<ReportDueChange>.Invalid(errors.ToDictionary());
        }

        var due = cmd.DueOn!.Value;
        await using var tx = await db.BeginOrJoinTransactionAsync(ct);
        if (slot is not null)
        {
            slot.OwnDueOn = due;
            slot.UpdatedAtUtc = clock.GetUtcNow().UtcDateTime;
        }
        else
        {
            row.p.DueOn = due;
        }

        var change = new ReportDueChange
        {
            PeriodId = row.p.Id, SubmissionId = slot?.Id, PreviousDueOn = current, NewDueOn = due, Reason = reason!, ChangedBy = user.UserName,
            ChangedAtUtc = clock.GetUtcNow().UtcDateTime,
        };
        db.ReportDueChanges.Add(change);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return Result<ReportDueChange>.Ok(change);
    }

    /// <summary>
    /// Đôn đốc: an in-app notification to the officers and heads of every unit of the period whose report has not
    /// reached the receiving unit (not submitted, returned, or waiting for its head). The reminder is recorded.
    /// </summary>
    public async Task<Result<ReportReminder>> RemindAsync(UserScope user, int periodId, CancellationToken ct = default)
    {
        var row = await (from p in db.ReportPeriods
                         join o in db.OrgUnits on p.OwnerUnitId equals o.Id
                         where p.Id == periodId
                         select new { p, o.AncestorPath }).AsNoTracking().FirstOrDefaultAsync(ct);
        if (row is null)
        {
            return Result<ReportReminder>.NotFound();
        }

        if (!ReportAccessRules.CanOpen(user, row.AncestorPath, row.p.OwnerUnitId))
        {
            return Result<ReportReminder>.Forbidden();
        }

        if (row.p.ClosedAtUtc is not null)
        {
            return Result<ReportReminder>.Invalid("", $"Kỳ báo cáo {row.p.Label.ToLower(VietnameseText.Culture)} đã khóa: không đôn đốc được.");
        }

        var slots = await (from s in db.ReportSubmissions.AsNoTracking()
                           join u in db.OrgUnits on s.UnitId equals u.Id
                           where s.PeriodId == periodId
                                 && (s.Status == SubmissionStatus.Pending || s.Status == SubmissionStatus.Returned || s.Status == SubmissionStatus.AwaitingApproval)
                           select new { s.Id, s.UnitId, s.Status, s.OwnDueOn, u.Name }).ToListAsync(ct);
        if (slots.Count == 0)
        {
            return Result<ReportReminder>.Invalid("", "Mọi đơn vị đã nộp báo cáo; không có đơn vị nào để đôn đốc.");
        }

        var unitIds = slots.Select(s => s.UnitId).ToList();
        var staff = await StaffOfAsync(unitIds, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        await using var tx = await db.BeginOrJoinTransactionAsync(ct);
        var reminder = new ReportReminder { PeriodId = periodId, Units = slots.Count, SentBy = user.UserName, SentAtUtc = now };
        db.ReportReminders.Add(reminder);
        await db.SaveChangesAsync(ct);
        var recipients = 0;
        foreach (var slot in slots)
        {
            var to = staff.Where(x => x.UnitId == slot.UnitId && (slot.Status != SubmissionStatus.AwaitingApproval || x.IsHead)).Select(x => x.UserId).Distinct().ToList();
            var due = VietnameseText.FormatDate(ReportDueDates.Effective(row.p.DueOn, slot.OwnDueOn));
            recipients += await NotifyAsync(to, $"report-reminder:{reminder.Id}", $"Đôn đốc báo cáo {row.p.Label}",
                $"{slot.Name}: báo cáo {row.p.Label.ToLower(VietnameseText.Culture)} {(slot.Status == SubmissionStatus.AwaitingApproval ? "đang chờ lãnh đạo đơn vị duyệt" : "chưa nộp")}; hạn nộp {due}. ({user.UserName} đôn đốc)",
                $"/Reports/Submission/{slot.Id}", ct);
        }

        reminder.Recipients = recipients;
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return Result<ReportReminder>.Ok(reminder);
    }

    /// <summary>Active (not locked) heads of a unit.</summary>
    private async Task<List<string>> HeadsOfAsync(int unitId, CancellationToken ct) =>
        (await StaffOfAsync([unitId], ct)).Where(s => s.IsHead).Select(s => s.UserId).ToList();

    private async Task<List<(string UserId, int UnitId, bool IsHead)>> StaffOfAsync(List<int> unitIds, CancellationToken ct)
    {
        var staff = await (from u in db.Users.AsNoTracking()
                           where unitIds.Contains(u.OrgUnitId)
                           join ur in db.UserRoles on u.Id equals ur.UserId
                           join r in db.Roles on ur.RoleId equals r.Id
                           where r.Name == Roles.UnitOfficer || r.Name == Roles.UnitHead
                           select new { u.Id, u.OrgUnitId, u.LockoutEnd, IsHead = r.Name == Roles.UnitHead }).ToListAsync(ct);
        var now = clock.GetUtcNow(); // SQLite cannot compare DateTimeOffset in SQL: filtered here
        return staff.Where(s => s.LockoutEnd is null || s.LockoutEnd < now).Select(s => (s.Id, s.OrgUnitId, s.IsHead)).ToList();
    }

    /// <summary>In-app messages through the one notification table (the digest's); returns how many were written.</summary>
    private async Task<int> NotifyAsync(IReadOnlyCollection<string> userIds, string topic, string title, string body, string link, CancellationToken ct)
    {
        var today = VietnamClock.Today(clock);
        var now = clock.GetUtcNow().UtcDateTime;
        var fresh = userIds.Distinct().ToList();
        var already = await db.Set<Features.FollowUp.Notification>().Where(n => fresh.Contains(n.UserId) && n.Day == today && n.Source == topic).Select(n => n.UserId).ToListAsync(ct);
        fresh = fresh.Except(already).ToList();
        db.Set<Features.FollowUp.Notification>().AddRange(fresh.Select(id => new Features.FollowUp.Notification
        {
            UserId = id, Day = today, Source = topic, Title = title.Length > 300 ? title[..300] : title, Body = body, Link = link, CreatedAtUtc = now,
        }));
        await db.SaveChangesAsync(ct);
        return fresh.Count;
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
