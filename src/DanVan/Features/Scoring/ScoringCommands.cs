using System.Globalization;
using DanVan.Data;
using DanVan.Domain.Access;
using DanVan.Domain.Scoring;
using DanVan.Domain.Text;
using DanVan.Domain.Units;
using DanVan.Features.Documents;
using DanVan.Features.Shared;
using DanVan.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Features.Scoring;

public sealed class OpenRoundInput
{
    public int? FrameworkId { get; set; }

    public int? Year { get; set; }

    public string? SelfFrom { get; set; }

    public string? SelfDue { get; set; }

    public int? ObjectionDays { get; set; }

    public string? AppraisalOn { get; set; }
}

/// <summary>One line of a sheet as a form sends it: the points typed, a note (unit) or a reason (appraisers).</summary>
public sealed class LineInput
{
    public int LineId { get; set; }

    public string? Points { get; set; }

    public string? Note { get; set; }

    public string? Reason { get; set; }
}

public sealed class SheetInput
{
    public Guid Stamp { get; set; }

    public string? Explanation { get; set; }

    /// <summary>The objection (unit) or the decision on it (coordinator).</summary>
    public string? Text { get; set; }

    public List<LineInput> Lines { get; set; } = [];
}

public sealed class ProposalInput
{
    public int? TitleId { get; set; }

    public int? UnitId { get; set; }

    public string? PersonName { get; set; }

    public string? PersonPosition { get; set; }

    public string? Achievements { get; set; }
}

/// <summary>
/// The use cases of scoring (issue 16, ADR-021): open a province's round (a sheet per assessed unit, measured points
/// computed from DanVan's records), the unit's self-assessment with evidence and explanation, submission in the
/// window, appraisal with a reason for every change, one objection in its window, the coordinator's decision,
/// publication, and commendation proposals within quotas. Each in one transaction, audited by the save.
/// </summary>
public sealed class ScoringCommands(AppDbContext db, MeasureRegistry measures, TimeProvider clock, IConfiguration? configuration = null)
{
    private const string Stale = "Phiếu chấm điểm vừa được người khác cập nhật; tải lại trang rồi làm lại.";

    public long MaxEvidenceBytes => configuration?.GetValue("Scoring:MaxEvidenceBytes", 10L * 1024 * 1024) ?? 10L * 1024 * 1024;

    public async Task<Result<ScoringRound>> OpenRoundAsync(UserScope user, OpenRoundInput input, CancellationToken ct = default)
    {
        if (!ScoringAccessRules.CanOpen(user))
        {
            return Result<ScoringRound>.Forbidden();
        }

        var province = await ProvinceOfAsync(user, ct);
        if (province is null)
        {
            return Result<ScoringRound>.Forbidden();
        }

        var today = VietnamClock.Today(clock);
        var errors = new FieldErrors();
        ScoringFramework? framework = null;
        if (input.FrameworkId is not { } fid)
        {
            errors.Add(nameof(input.FrameworkId), "Vui lòng chọn bộ tiêu chí.");
        }
        else
        {
            framework = await db.ScoringFrameworks.AsNoTracking().Include(f => f.Criteria).FirstOrDefaultAsync(f => f.Id == fid, ct);
            if (framework is null || (framework.ProvinceCode is not null && framework.ProvinceCode != province.Code))
            {
                errors.Add(nameof(input.FrameworkId), "Bộ tiêu chí đã chọn không dùng được cho tỉnh này.");
                framework = null;
            }
        }

        if (input.Year is not { } year || year < 2000 || year > today.Year + 1)
        {
            errors.Add(nameof(input.Year), $"Năm đánh giá phải từ 2000 đến {today.Year + 1}.");
            year = 0;
        }

        if (framework is not null && year > 0)
        {
            if (framework.ValidFrom > new DateOnly(year, 12, 31) || framework.ValidTo < new DateOnly(year, 1, 1))
            {
                errors.Add(nameof(input.FrameworkId), $"Bộ tiêu chí này không áp dụng cho năm {year}: áp dụng từ {VietnameseText.FormatDate(framework.ValidFrom)}"
                    + (framework.ValidTo is { } to ? " đến " + VietnameseText.FormatDate(to) : "") + ".");
            }

            foreach (var problem in ScoringRules.Check(framework))
            {
                errors.Add(nameof(input.FrameworkId), problem);
            }

            if (await RoundOpenedAsync(province.Id, year, framework.Code, ct))
            {
                errors.Add(nameof(input.Year), $"Đã mở kỳ đánh giá năm {year} theo bộ tiêu chí này.");
            }
        }

        var from = Date(errors, nameof(input.SelfFrom), input.SelfFrom, "ngày bắt đầu tự đánh giá");
        var due = Date(errors, nameof(input.SelfDue), input.SelfDue, "hạn nộp hồ sơ tự đánh giá");
        var appraisal = Date(errors, nameof(input.AppraisalOn), input.AppraisalOn, "ngày thẩm định");
        if (from is { } f0 && due is { } d0 && d0 < f0)
        {
            errors.Add(nameof(input.SelfDue), "Hạn nộp không thể trước ngày bắt đầu tự đánh giá.");
        }

        if (due is { } d1 && d1 < today)
        {
            errors.Add(nameof(input.SelfDue), $"Hạn nộp {VietnameseText.FormatDate(d1)} đã qua: chọn ngày từ hôm nay ({VietnameseText.FormatDate(today)}).");
        }

        if (due is { } d2 && appraisal is { } a0 && a0 < d2)
        {
            errors.Add(nameof(input.AppraisalOn), "Ngày thẩm định phải sau hạn nộp hồ sơ.");
        }

        if (input.ObjectionDays is not { } objection || objection < 1 || objection > 60)
        {
            errors.Add(nameof(input.ObjectionDays), "Thời hạn đơn vị có ý kiến sau thẩm định phải từ 1 đến 60 ngày.");
            objection = 0;
        }

        if (errors.Any)
        {
            return Result<ScoringRound>.Invalid(errors.ToDictionary());
        }

        var kinds = ScoringRules.Kinds(framework!.AppliesToKinds);
        var prefix = province.SubtreePrefix;
        var units = await db.OrgUnits.AsNoTracking()
            .Where(u => u.AncestorPath.StartsWith(prefix) && (u.ValidTo == null || u.ValidTo >= today) && (u.ValidFrom == null || u.ValidFrom <= today))
            .Select(u => new { u.Id, u.AncestorPath, u.Kind }).ToListAsync(ct);
        units = units.Where(u => kinds.Contains(u.Kind)).ToList();
        if (units.Count == 0)
        {
            return Result<ScoringRound>.Invalid(nameof(input.FrameworkId), "Tỉnh chưa có đơn vị nào thuộc đối tượng của bộ tiêu chí này.");
        }

        await using var tx = await db.BeginOrJoinTransactionAsync(ct);

        // Two coordinators opening at once: the second waits here, then finds the first's round.
        await db.LockForCreateAsync($"scoring-round:{province.Id.ToString(CultureInfo.InvariantCulture)}:{year.ToString(CultureInfo.InvariantCulture)}:{framework.Code}", ct);
        if (await RoundOpenedAsync(province.Id, year, framework.Code, ct))
        {
            return Result<ScoringRound>.Invalid(nameof(input.Year), $"Đã mở kỳ đánh giá năm {year} theo bộ tiêu chí này.");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var round = new ScoringRound
        {
            FrameworkId = framework.Id, ProvinceUnitId = province.Id, Year = year, PeriodFrom = new DateOnly(year, 1, 1),
            PeriodTo = due!.Value < new DateOnly(year, 12, 31) ? due.Value : new DateOnly(year, 12, 31),
            SelfFrom = from!.Value, SelfDue = due.Value, ObjectionDays = objection, AppraisalOn = appraisal!.Value,
            OpenedBy = user.UserName, OpenedAtUtc = now,
        };
        db.ScoringRounds.Add(round);
        await db.SaveChangesAsync(ct);

        var leaves = framework.Criteria.Where(c => c.Kind != CriterionKind.Group).ToList();
        var sheets = units.Select(u => new ScoreSheet
        {
            RoundId = round.Id, UnitId = u.Id, UnitPath = UnitPaths.SubtreePrefix(u.AncestorPath, u.Id), Group = ScoringRules.GroupOf(u.Kind),
            UpdatedAtUtc = now,
            Lines = leaves.Select(c => new ScoreLine { CriterionId = c.Id }).ToList(),
        }).ToList();
        db.ScoreSheets.AddRange(sheets);
        await MeasureAsync(round, framework, sheets, now, ct);
        db.BulkAuditSummary = $"Mở kỳ đánh giá công tác dân vận chính quyền năm {year}: {sheets.Count} phiếu chấm điểm, {leaves.Count} tiêu chí mỗi phiếu";
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return Result<ScoringRound>.Ok(round);
    }

    /// <summary>Whether the province's round of the year is open on any version of the framework: a new version is the same framework, not a second assessment of the year.</summary>
    private Task<bool> RoundOpenedAsync(int provinceId, int year, string frameworkCode, CancellationToken ct) =>
        (from r in db.ScoringRounds
         join f in db.ScoringFrameworks on r.FrameworkId equals f.Id
         where r.ProvinceUnitId == provinceId && r.Year == year && f.Code == frameworkCode
         select r.Id).AnyAsync(ct);

    /// <summary>Cập nhật số liệu: the measured lines of the unit's sheet computed again from the records (draft only).</summary>
    public async Task<Result<ScoreSheet>> RemeasureAsync(UserScope user, int sheetId, Guid stamp, CancellationToken ct = default)
    {
        var (sheet, round, framework, failure) = await LoadAsync(user, sheetId, stamp, ct);
        if (failure is not null)
        {
            return failure;
        }

        if (!ScoringAccessRules.CanFill(user, sheet!.UnitId))
        {
            return Result<ScoreSheet>.Forbidden();
        }

        if (sheet.State != SheetState.Draft || round!.State != RoundState.Open)
        {
            return Result<ScoreSheet>.Invalid("", "Phiếu đã nộp: số liệu tự động giữ như lúc nộp.");
        }

        await using var tx = await db.BeginOrJoinTransactionAsync(ct);
        await MeasureAsync(round, framework!, [sheet], clock.GetUtcNow().UtcDateTime, ct);
        var saved = await SaveAsync(sheet, ct);
        if (saved.IsOk)
        {
            await tx.CommitAsync(ct);
        }

        return saved;
    }

    /// <summary>Lưu tự chấm: the entered lines' points and notes, the explanation. Every error at once; nothing saved on one.</summary>
    public async Task<Result<ScoreSheet>> SaveSelfAsync(UserScope user, int sheetId, SheetInput input, CancellationToken ct = default)
    {
        var (sheet, round, framework, failure) = await LoadAsync(user, sheetId, input.Stamp, ct);
        if (failure is not null)
        {
            return failure;
        }

        if (!ScoringAccessRules.CanFill(user, sheet!.UnitId))
        {
            return Result<ScoreSheet>.Forbidden();
        }

        var errors = new FieldErrors();
        if (sheet.State != SheetState.Draft || round!.State != RoundState.Open)
        {
            return Result<ScoreSheet>.Invalid("", "Phiếu đã nộp, không sửa được phần tự chấm.");
        }

        var criteria = framework!.Criteria.ToDictionary(c => c.Id);
        foreach (var li in input.Lines)
        {
            var line = sheet.Lines.FirstOrDefault(l => l.Id == li.LineId);
            if (line is null)
            {
                errors.Add("", "Có dòng không thuộc phiếu này: tải lại trang.");
                continue;
            }

            var c = criteria[line.CriterionId];
            var note = errors.Text(Key(line, "Note"), VietnameseText.Nfc(li.Note), 4000, $"{c.Code}: ghi chú");
            if (c.Method == ScoringMethod.Measured)
            {
                line.Note = note;
                continue; // measured points come from the records, never typed
            }

            line.SelfPoints = Points(errors, Key(line, "Points"), c, li.Points, required: false);
            line.Note = note;
        }

        sheet.Explanation = errors.Text(nameof(input.Explanation), VietnameseText.Nfc(input.Explanation), 8000, "Báo cáo giải trình");
        if (errors.Any)
        {
            return Result<ScoreSheet>.Invalid(errors.ToDictionary());
        }

        Recompute(sheet, framework);
        return await SaveAsync(sheet, ct);
    }

    /// <summary>Attach a file of evidence to a line of the unit's own draft sheet.</summary>
    public async Task<Result<ScoreSheet>> AddEvidenceAsync(UserScope user, int sheetId, int lineId, UploadedFile? file, CancellationToken ct = default)
    {
        var sheet = await db.ScoreSheets.Include(s => s.Lines).FirstOrDefaultAsync(s => s.Id == sheetId, ct);
        if (sheet is null || !await CanReadAsync(user, sheet, ct))
        {
            return Result<ScoreSheet>.NotFound();
        }

        if (!ScoringAccessRules.CanFill(user, sheet.UnitId))
        {
            return Result<ScoreSheet>.Forbidden();
        }

        if (sheet.State != SheetState.Draft)
        {
            return Result<ScoreSheet>.Invalid("Evidence", "Phiếu đã nộp, không thêm minh chứng được.");
        }

        if (sheet.Lines.All(l => l.Id != lineId))
        {
            return Result<ScoreSheet>.Invalid("Evidence", "Dòng đã chọn không thuộc phiếu này.");
        }

        string? type = null;
        string? refusal = null;
        if (file is null || file.Content.Length == 0)
        {
            refusal = "Vui lòng chọn tệp minh chứng.";
        }
        else if (file.Content.Length > MaxEvidenceBytes)
        {
            refusal = $"Tệp minh chứng quá lớn: tối đa {MaxEvidenceBytes / (1024 * 1024)} MB.";
        }
        else
        {
            var check = new UploadValidator(UploadLimits.From(configuration)).Check(file.Content);
            type = check.ContentType;
            refusal = check.Refusal("Minh chứng phải là tệp PDF, Word (.docx) hoặc ảnh JPEG, PNG.", UploadKind.Pdf, UploadKind.Docx, UploadKind.Jpeg, UploadKind.Png);
        }

        if (refusal is not null)
        {
            return Result<ScoreSheet>.Invalid("Evidence", refusal);
        }

        db.ScoreEvidence.Add(new ScoreEvidence
        {
            LineId = lineId, SheetId = sheet.Id, FileName = Path.GetFileName(file!.FileName), ContentType = type!, Size = file.Content.Length,
            Content = file.Content, UploadedBy = user.UserName, UploadedAtUtc = clock.GetUtcNow().UtcDateTime,
        });
        sheet.UpdatedAtUtc = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        return Result<ScoreSheet>.Ok(sheet);
    }

    /// <summary>Nộp hồ sơ: in the window, every entered line scored, evidence where required, the explanation written.</summary>
    public async Task<Result<ScoreSheet>> SubmitAsync(UserScope user, int sheetId, Guid stamp, CancellationToken ct = default)
    {
        var (sheet, round, framework, failure) = await LoadAsync(user, sheetId, stamp, ct);
        if (failure is not null)
        {
            return failure;
        }

        if (!ScoringAccessRules.CanFill(user, sheet!.UnitId))
        {
            return Result<ScoreSheet>.Forbidden();
        }

        if (sheet.State != SheetState.Draft)
        {
            return Result<ScoreSheet>.Invalid("", "Phiếu đã nộp.");
        }

        var errors = new FieldErrors();
        if (ScoringRules.SubmitRefusal(round!, VietnamClock.Today(clock)) is { } late)
        {
            errors.Add("", late);
        }

        var withEvidence = (await db.ScoreEvidence.AsNoTracking().Where(e => e.SheetId == sheet.Id).Select(e => e.LineId).Distinct().ToListAsync(ct)).ToHashSet();
        var criteria = framework!.Criteria.ToDictionary(c => c.Id);
        foreach (var line in sheet.Lines.OrderBy(l => criteria[l.CriterionId].SortOrder))
        {
            var c = criteria[line.CriterionId];
            if (c.Method == ScoringMethod.Entered && c.Kind is CriterionKind.Regular && line.SelfPoints is null)
            {
                errors.Add(Key(line, "Points"), $"{c.Code}: chưa tự chấm điểm.");
            }

            if (c.EvidenceRequired && (line.SelfPoints ?? 0) > 0 && !withEvidence.Contains(line.Id))
            {
                errors.Add(Key(line, "Evidence"), $"{c.Code}: tiêu chí này phải kèm minh chứng.");
            }
        }

        if (string.IsNullOrWhiteSpace(sheet.Explanation))
        {
            errors.Add(nameof(SheetInput.Explanation), "Vui lòng nhập báo cáo giải trình trước khi nộp.");
        }

        if (errors.Any)
        {
            return Result<ScoreSheet>.Invalid(errors.ToDictionary());
        }

        Recompute(sheet, framework);
        sheet.State = SheetState.Submitted;
        sheet.SubmittedAtUtc = clock.GetUtcNow().UtcDateTime;
        sheet.SubmittedBy = user.UserName;
        return await SaveAsync(sheet, ct);
    }

    /// <summary>Thẩm định: the appraisers' points for every line (the unit's when left alone); a change needs its reason.</summary>
    public async Task<Result<ScoreSheet>> AppraiseAsync(UserScope user, int sheetId, SheetInput input, CancellationToken ct = default)
    {
        var (sheet, round, framework, failure) = await LoadAsync(user, sheetId, input.Stamp, ct);
        if (failure is not null)
        {
            return failure;
        }

        var unit = await db.OrgUnits.AsNoTracking().SingleAsync(u => u.Id == sheet!.UnitId, ct);
        if (!ScoringAccessRules.CanAppraise(user, unit.AncestorPath, unit.Id))
        {
            return Result<ScoreSheet>.Forbidden();
        }

        if (sheet!.State != SheetState.Submitted)
        {
            return Result<ScoreSheet>.Invalid("", sheet.State == SheetState.Draft ? "Đơn vị chưa nộp hồ sơ: chưa thẩm định được." : "Phiếu đã được thẩm định.");
        }

        var errors = new FieldErrors();
        ApplyChanges(errors, sheet, framework!, input.Lines);
        if (errors.Any)
        {
            return Result<ScoreSheet>.Invalid(errors.ToDictionary());
        }

        foreach (var line in sheet.Lines)
        {
            line.AppraisedPoints ??= line.SelfPoints ?? 0;
        }

        sheet.State = SheetState.Appraised;
        sheet.AppraisedAtUtc = clock.GetUtcNow().UtcDateTime;
        sheet.AppraisedBy = user.UserName;
        Recompute(sheet, framework!);
        return await SaveAsync(sheet, ct);
    }

    /// <summary>Ý kiến của đơn vị: once, within the window after the appraisal.</summary>
    public async Task<Result<ScoreSheet>> ObjectAsync(UserScope user, int sheetId, SheetInput input, CancellationToken ct = default)
    {
        var (sheet, round, _, failure) = await LoadAsync(user, sheetId, input.Stamp, ct);
        if (failure is not null)
        {
            return failure;
        }

        if (!ScoringAccessRules.CanFill(user, sheet!.UnitId))
        {
            return Result<ScoreSheet>.Forbidden();
        }

        if (sheet.ObjectedAtUtc is not null)
        {
            return Result<ScoreSheet>.Invalid("", "Đơn vị đã có ý kiến về kết quả thẩm định: mỗi đơn vị có ý kiến một lần.");
        }

        if (sheet.State != SheetState.Appraised)
        {
            return Result<ScoreSheet>.Invalid("", "Chỉ có ý kiến về phiếu đã thẩm định.");
        }

        var errors = new FieldErrors();
        var appraisedOn = DateOnly.FromDateTime(VietnamClock.ToLocal(sheet.AppraisedAtUtc!.Value));
        var last = ScoringRules.ObjectionDue(round!, appraisedOn);
        if (VietnamClock.Today(clock) > last)
        {
            errors.Add("", $"Đã hết thời hạn có ý kiến về kết quả thẩm định (ngày {VietnameseText.FormatDate(last)}).");
        }

        var text = errors.RequiredText(nameof(input.Text), VietnameseText.Nfc(input.Text), 4000, "nội dung ý kiến");
        if (errors.Any)
        {
            return Result<ScoreSheet>.Invalid(errors.ToDictionary());
        }

        sheet.ObjectionText = text;
        sheet.ObjectedAtUtc = clock.GetUtcNow().UtcDateTime;
        sheet.ObjectedBy = user.UserName;
        sheet.State = SheetState.Objected;
        return await SaveAsync(sheet, ct);
    }

    /// <summary>Kết luận ý kiến: the coordinator keeps or changes points (each change with its reason) and answers; the sheet is final.</summary>
    public async Task<Result<ScoreSheet>> DecideAsync(UserScope user, int sheetId, SheetInput input, CancellationToken ct = default)
    {
        var (sheet, _, framework, failure) = await LoadAsync(user, sheetId, input.Stamp, ct);
        if (failure is not null)
        {
            return failure;
        }

        var unit = await db.OrgUnits.AsNoTracking().SingleAsync(u => u.Id == sheet!.UnitId, ct);
        if (!ScoringAccessRules.CanDecide(user, unit.AncestorPath, unit.Id))
        {
            return Result<ScoreSheet>.Forbidden();
        }

        if (sheet!.State != SheetState.Objected)
        {
            return Result<ScoreSheet>.Invalid("", "Phiếu không có ý kiến đang chờ kết luận.");
        }

        var errors = new FieldErrors();
        var text = errors.RequiredText(nameof(input.Text), VietnameseText.Nfc(input.Text), 4000, "kết luận về ý kiến của đơn vị");
        ApplyChanges(errors, sheet, framework!, input.Lines);
        if (errors.Any)
        {
            return Result<ScoreSheet>.Invalid(errors.ToDictionary());
        }

        sheet.DecisionText = text;
        sheet.DecidedAtUtc = clock.GetUtcNow().UtcDateTime;
        sheet.DecidedBy = user.UserName;
        sheet.State = SheetState.Final;
        Recompute(sheet, framework!);
        sheet.FinalTotal = sheet.AppraisedTotal;
        return await SaveAsync(sheet, ct);
    }

    /// <summary>
    /// Công bố kết quả: refused while a sheet waits for appraisal, an objection for its decision, or an appraisal for its
    /// window to close; appraised sheets become final, sheets never submitted are final and not ranked.
    /// </summary>
    /// <summary>
    /// Cập nhật số liệu tự động cho cả tỉnh: the measured lines of every sheet still in draft computed again from the
    /// records (one query per measure for all the province's units), for the coordinator while the round is open.
    /// Submitted sheets keep the figures they were submitted with. One transaction, one audit summary row.
    /// </summary>
    public async Task<Result<(ScoringRound Round, int Sheets)>> RemeasureRoundAsync(UserScope user, int roundId, CancellationToken ct = default)
    {
        var round = await db.ScoringRounds.FirstOrDefaultAsync(r => r.Id == roundId, ct);
        var province = round is null ? null : await db.OrgUnits.AsNoTracking().SingleAsync(u => u.Id == round.ProvinceUnitId, ct);
        if (round is null || !ScoringAccessRules.CanFollowRound(user, province!.AncestorPath, province.Id))
        {
            return Result<(ScoringRound, int)>.NotFound();
        }

        if (!ScoringAccessRules.CanDecide(user, province.AncestorPath, province.Id))
        {
            return Result<(ScoringRound, int)>.Forbidden();
        }

        if (round.State != RoundState.Open)
        {
            return Result<(ScoringRound, int)>.Invalid("", "Kết quả kỳ đánh giá đã được công bố: số liệu giữ như lúc chấm.");
        }

        await using var tx = await db.BeginOrJoinTransactionAsync(ct);
        var framework = await db.ScoringFrameworks.AsNoTracking().Include(f => f.Criteria).SingleAsync(f => f.Id == round.FrameworkId, ct);
        var sheets = await db.ScoreSheets.Include(s => s.Lines).Where(s => s.RoundId == round.Id && s.State == SheetState.Draft).ToListAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        await MeasureAsync(round, framework, sheets, now, ct);
        foreach (var sheet in sheets)
        {
            sheet.UpdatedAtUtc = now;
            sheet.ConcurrencyStamp = Guid.NewGuid();
        }

        db.BulkAuditSummary = $"Cập nhật số liệu tự động của kỳ đánh giá năm {round.Year}: {sheets.Count} phiếu đang tự chấm";
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // A unit saved or submitted its sheet meanwhile, or another update of the round ran at once: nothing is kept.
            return Result<(ScoringRound, int)>.Invalid("", "Trong lúc cập nhật, có phiếu vừa được đơn vị lưu hoặc nộp: chưa cập nhật phiếu nào; vui lòng làm lại.");
        }

        await tx.CommitAsync(ct);
        return Result<(ScoringRound, int)>.Ok((round, sheets.Count));
    }

    public async Task<Result<ScoringRound>> PublishAsync(UserScope user, int roundId, CancellationToken ct = default)
    {
        var round = await db.ScoringRounds.FirstOrDefaultAsync(r => r.Id == roundId, ct);
        var province = round is null ? null : await db.OrgUnits.AsNoTracking().SingleAsync(u => u.Id == round.ProvinceUnitId, ct);
        if (round is null || !ScoringAccessRules.CanFollowRound(user, province!.AncestorPath, province.Id))
        {
            return Result<ScoringRound>.NotFound();
        }

        if (!ScoringAccessRules.CanDecide(user, province.AncestorPath, province.Id))
        {
            return Result<ScoringRound>.Forbidden();
        }

        if (round.State == RoundState.Published)
        {
            return Result<ScoringRound>.Invalid("", "Kết quả kỳ đánh giá đã được công bố.");
        }

        var today = VietnamClock.Today(clock);
        if (today <= round.SelfDue)
        {
            return Result<ScoringRound>.Invalid("", $"Chưa hết hạn nộp hồ sơ ({VietnameseText.FormatDate(round.SelfDue)}): chưa công bố được.");
        }

        await using var tx = await db.BeginOrJoinTransactionAsync(ct);
        var framework = await db.ScoringFrameworks.AsNoTracking().Include(f => f.Criteria).SingleAsync(f => f.Id == round.FrameworkId, ct);
        var sheets = await db.ScoreSheets.Include(s => s.Lines).Where(s => s.RoundId == round.Id && s.State != SheetState.Final).ToListAsync(ct);
        var errors = new List<string>();
        var waiting = sheets.Count(s => s.State == SheetState.Submitted);
        if (waiting > 0)
        {
            errors.Add($"Còn {waiting} phiếu đã nộp chưa thẩm định.");
        }

        var objected = sheets.Count(s => s.State == SheetState.Objected);
        if (objected > 0)
        {
            errors.Add($"Còn {objected} ý kiến của đơn vị chưa kết luận.");
        }

        var open = sheets.Where(s => s.State == SheetState.Appraised
            && ScoringRules.ObjectionDue(round, DateOnly.FromDateTime(VietnamClock.ToLocal(s.AppraisedAtUtc!.Value))) >= today).ToList();
        if (open.Count > 0)
        {
            var last = open.Max(s => ScoringRules.ObjectionDue(round, DateOnly.FromDateTime(VietnamClock.ToLocal(s.AppraisedAtUtc!.Value))));
            errors.Add($"Còn {open.Count} phiếu đang trong thời hạn đơn vị có ý kiến (đến hết ngày {VietnameseText.FormatDate(last)}).");
        }

        if (errors.Count > 0)
        {
            return Result<ScoringRound>.Invalid(new Dictionary<string, string[]> { [""] = errors.ToArray() });
        }

        foreach (var s in sheets)
        {
            if (s.State == SheetState.Appraised)
            {
                Recompute(s, framework);
                s.FinalTotal = s.AppraisedTotal;
            }
            else
            {
                s.FinalTotal = null;
                s.Grade = ScoringRules.NotRanked;
            }

            s.State = SheetState.Final;
            s.ConcurrencyStamp = Guid.NewGuid();
        }

        round.State = RoundState.Published;
        round.PublishedAtUtc = clock.GetUtcNow().UtcDateTime;
        round.PublishedBy = user.UserName;
        db.BulkAuditSummary = $"Công bố kết quả đánh giá công tác dân vận chính quyền năm {round.Year}: {sheets.Count} phiếu chốt kết quả";
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // A sheet was appraised or decided meanwhile: nothing is published, the coordinator looks again.
            return Result<ScoringRound>.Invalid("", "Trong lúc công bố, có phiếu vừa được thẩm định hoặc kết luận: chưa công bố; tải lại trang rồi làm lại.");
        }

        await tx.CommitAsync(ct);
        return Result<ScoringRound>.Ok(round);
    }

    /// <summary>Đề nghị khen thưởng: within the title's quota, never the same subject twice for one form and year.</summary>
    public async Task<Result<CommendationProposal>> ProposeAsync(UserScope user, int roundId, ProposalInput input, CancellationToken ct = default)
    {
        var round = await db.ScoringRounds.AsNoTracking().FirstOrDefaultAsync(r => r.Id == roundId, ct);
        var province = round is null ? null : await db.OrgUnits.AsNoTracking().SingleAsync(u => u.Id == round.ProvinceUnitId, ct);
        if (round is null || !ScoringAccessRules.CanFollowRound(user, province!.AncestorPath, province.Id))
        {
            return Result<CommendationProposal>.NotFound();
        }

        if (!ScoringAccessRules.CanDecide(user, province.AncestorPath, province.Id))
        {
            return Result<CommendationProposal>.Forbidden();
        }

        var errors = new FieldErrors();
        if (round.State != RoundState.Published)
        {
            errors.Add("", "Chỉ đề nghị khen thưởng sau khi công bố kết quả đánh giá.");
        }

        var today = VietnamClock.Today(clock);
        CommendationTitle? title = null;
        if (input.TitleId is { } tid)
        {
            title = await db.CommendationTitles.AsNoTracking().FirstOrDefaultAsync(t => t.Id == tid, ct);
        }

        if (title is null || !ModelInForce(title, today))
        {
            errors.Add(nameof(input.TitleId), "Vui lòng chọn hình thức khen thưởng còn áp dụng.");
            title = null;
        }

        ScoreSheet? sheet = null;
        if (input.UnitId is { } uid)
        {
            sheet = await db.ScoreSheets.AsNoTracking().FirstOrDefaultAsync(s => s.RoundId == round.Id && s.UnitId == uid, ct);
        }

        if (sheet is null)
        {
            errors.Add(nameof(input.UnitId), "Vui lòng chọn đơn vị có trong kết quả đánh giá.");
        }
        else if (sheet.FinalTotal is null || sheet.Disqualified)
        {
            errors.Add(nameof(input.UnitId), "Đơn vị không được xếp loại trong kỳ này: không đề nghị khen thưởng được.");
        }

        var person = errors.Text(nameof(input.PersonName), VietnameseText.Nfc(input.PersonName), 200, "Họ tên cá nhân");
        person = string.IsNullOrWhiteSpace(person) ? null : person;
        var position = errors.Text(nameof(input.PersonPosition), VietnameseText.Nfc(input.PersonPosition), 200, "Chức vụ");
        if (person is not null && string.IsNullOrWhiteSpace(position))
        {
            errors.Add(nameof(input.PersonPosition), "Vui lòng nhập chức vụ của cá nhân được đề nghị.");
        }

        var achievements = errors.Text(nameof(input.Achievements), VietnameseText.Nfc(input.Achievements), 8000, "Tóm tắt thành tích");
        if (errors.Any)
        {
            return Result<CommendationProposal>.Invalid(errors.ToDictionary());
        }

        await using var tx = await db.BeginOrJoinTransactionAsync(ct);
        await db.LockForCreateAsync($"commendation:{round.Year}:{title!.Form}", ct);
        var key = person is null
            ? $"unit:{sheet!.UnitId.ToString(CultureInfo.InvariantCulture)}"
            : $"person:{sheet!.UnitId.ToString(CultureInfo.InvariantCulture)}:{VietnameseText.Fold(person)}";
        var duplicate = await (from p in db.CommendationProposals.AsNoTracking()
                               join t in db.CommendationTitles.AsNoTracking() on p.TitleId equals t.Id
                               where p.Year == round.Year && p.SubjectKey == key && p.Form == title.Form
                               select t.Name).FirstOrDefaultAsync(ct);
        if (duplicate is not null)
        {
            return Result<CommendationProposal>.Invalid(nameof(input.UnitId),
                $"{(person ?? "Đơn vị này")} đã được đề nghị “{duplicate}” năm {round.Year}: không đề nghị hai lần cùng hình thức {title.Form.ToLower(VietnameseText.Culture)} trong một năm, dù ở cấp khác.");
        }

        var used = await db.CommendationProposals.CountAsync(p => p.RoundId == round.Id && p.TitleId == title.Id && (p.PersonName != null) == (person != null), ct);
        var quota = person is null ? title.QuotaCollectives : title.QuotaIndividuals;
        if (used >= quota)
        {
            return Result<CommendationProposal>.Invalid(nameof(input.TitleId),
                $"Đã đủ số lượng đề nghị “{title.Name}” cho {(person is null ? "tập thể" : "cá nhân")} năm {round.Year} ({quota}).");
        }

        var proposal = new CommendationProposal
        {
            RoundId = round.Id, Year = round.Year, TitleId = title.Id, Form = title.Form, SubjectKey = key, UnitId = sheet.UnitId,
            PersonName = person, PersonPosition = person is null ? null : position,
            Achievements = string.IsNullOrWhiteSpace(achievements) ? "" : achievements!,
            ProposedBy = user.UserName, ProposedAtUtc = clock.GetUtcNow().UtcDateTime,
        };
        db.CommendationProposals.Add(proposal);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return Result<CommendationProposal>.Invalid(nameof(input.UnitId), "Đơn vị hoặc cá nhân này vừa được đề nghị cùng hình thức khen thưởng năm nay.");
        }

        await tx.CommitAsync(ct);
        return Result<CommendationProposal>.Ok(proposal);
    }

    /// <summary>Rút đề nghị: the coordinator takes a proposal out of the dossier.</summary>
    public async Task<Result<CommendationProposal>> WithdrawProposalAsync(UserScope user, int proposalId, CancellationToken ct = default)
    {
        var proposal = await db.CommendationProposals.FirstOrDefaultAsync(p => p.Id == proposalId, ct);
        var round = proposal is null ? null : await db.ScoringRounds.AsNoTracking().SingleAsync(r => r.Id == proposal.RoundId, ct);
        var province = round is null ? null : await db.OrgUnits.AsNoTracking().SingleAsync(u => u.Id == round.ProvinceUnitId, ct);
        if (proposal is null || !ScoringAccessRules.CanFollowRound(user, province!.AncestorPath, province.Id))
        {
            return Result<CommendationProposal>.NotFound();
        }

        if (!ScoringAccessRules.CanDecide(user, province.AncestorPath, province.Id))
        {
            return Result<CommendationProposal>.Forbidden();
        }

        db.CommendationProposals.Remove(proposal);
        await db.SaveChangesAsync(ct);
        return Result<CommendationProposal>.Ok(proposal);
    }

    /// <summary>The province of a coordinator or reviewer (their scope's root unit).</summary>
    public async Task<OrgUnit?> ProvinceOfAsync(UserScope user, CancellationToken ct)
    {
        if (user.IsAdmin)
        {
            return null;
        }

        var ids = UnitPaths.Ancestors(UserScope.ProvincePrefix(user.UnitAncestorPath, user.UnitId));
        if (ids.Length < 2)
        {
            return null;
        }

        var id = ids[1];
        return await db.OrgUnits.AsNoTracking().FirstOrDefaultAsync(u => u.Id == id && u.Kind == OrgUnitKind.Province, ct);
    }

    /// <summary>Measured lines of the sheets computed from the registry: one query per measure for all the sheets' units.</summary>
    private async Task MeasureAsync(ScoringRound round, ScoringFramework framework, IReadOnlyList<ScoreSheet> sheets, DateTime now, CancellationToken ct)
    {
        var unitIds = sheets.Select(s => s.UnitId).ToList();
        var measured = framework.Criteria.Where(c => c.Kind != CriterionKind.Group && c.Method == ScoringMethod.Measured && c.MeasureCode is not null).ToList();
        var values = new Dictionary<string, IReadOnlyDictionary<int, MeasureValue>>(StringComparer.Ordinal);
        foreach (var code in measured.SelectMany(c => new[] { c.MeasureCode, c.DenominatorCode }).Where(c => c is not null).Distinct())
        {
            values[code!] = measures.Find(code) is null
                ? unitIds.ToDictionary(id => id, _ => new MeasureValue(0, $"Không có số liệu “{code}” trên DanVan."))
                : await measures.ComputeAsync(code!, unitIds, round.PeriodFrom, round.PeriodTo, ct);
        }

        foreach (var sheet in sheets)
        {
            foreach (var c in measured)
            {
                var line = sheet.Lines.First(l => l.CriterionId == c.Id);
                var num = values[c.MeasureCode!].GetValueOrDefault(sheet.UnitId) ?? new MeasureValue(0, $"Chưa có số liệu “{c.MeasureCode}” của đơn vị trên DanVan.");
                var den = c.DenominatorCode is null ? null : values[c.DenominatorCode].GetValueOrDefault(sheet.UnitId) ?? new MeasureValue(0, $"Chưa có số liệu “{c.DenominatorCode}” của đơn vị trên DanVan.");
                var result = ScoringRules.Measure(c, num.Value, den?.Value);
                line.MeasuredValue = result.Value;
                line.SelfPoints = result.Points;
                var provenance = num.Provenance + (den is null ? "" : " " + den.Provenance) + " " + result.Explanation;
                line.Provenance = provenance.Length > 1000 ? provenance[..1000] : provenance;
            }

            sheet.MeasuredAtUtc = now;
            Recompute(sheet, framework);
        }

        round.MeasuredAtUtc = now;
    }

    /// <summary>Appraisers' changes: points within 0..max, a reason for every change from the unit's points.</summary>
    private static void ApplyChanges(FieldErrors errors, ScoreSheet sheet, ScoringFramework framework, IReadOnlyList<LineInput> inputs)
    {
        var criteria = framework.Criteria.ToDictionary(c => c.Id);
        foreach (var li in inputs)
        {
            var line = sheet.Lines.FirstOrDefault(l => l.Id == li.LineId);
            if (line is null)
            {
                errors.Add("", "Có dòng không thuộc phiếu này: tải lại trang.");
                continue;
            }

            var c = criteria[line.CriterionId];
            if (string.IsNullOrWhiteSpace(li.Points))
            {
                continue; // left alone: the current points stand
            }

            var points = Points(errors, Key(line, "Points"), c, li.Points, required: true);
            if (points is null)
            {
                continue;
            }

            var current = line.AppraisedPoints ?? line.SelfPoints ?? 0;
            var reason = errors.Text(Key(line, "Reason"), VietnameseText.Nfc(li.Reason), 2000, $"{c.Code}: lý do");
            if (Math.Abs(points.Value - current) > 1e-9)
            {
                if (string.IsNullOrWhiteSpace(reason))
                {
                    errors.Add(Key(line, "Reason"), $"{c.Code}: thay đổi điểm ({ScoringRules.FormatNumber(current)} → {ScoringRules.FormatNumber(points.Value)}) phải ghi lý do.");
                    continue;
                }

                line.AppraisedPoints = points;
                line.AppraisalReason = reason;
            }
        }
    }

    private static double? Points(FieldErrors errors, string key, ScoringCriterion c, string? text, bool required)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            if (required)
            {
                errors.Add(key, $"{c.Code}: vui lòng nhập điểm.");
            }

            return null;
        }

        if (c.Kind == CriterionKind.Disqualifier)
        {
            if (text.Trim() is "0" or "1")
            {
                return text.Trim() == "1" ? 1 : 0;
            }

            errors.Add(key, $"{c.Code}: chọn “Có” hoặc “Không”.");
            return null;
        }

        if (!ScoringRules.TryNumber(text, out var v))
        {
            errors.Add(key, $"{c.Code}: điểm “{text.Trim()}” không hợp lệ: nhập số, tối đa hai chữ số thập phân (ví dụ 7,5).");
            return null;
        }

        if (v < 0 || v > c.MaxPoints)
        {
            var what = c.Kind switch { CriterionKind.Bonus => "Điểm thưởng", CriterionKind.Penalty => "Điểm trừ", _ => "Điểm" };
            errors.Add(key, $"{c.Code}: {what.ToLower(VietnameseText.Culture)} phải từ 0 đến {ScoringRules.FormatNumber(c.MaxPoints)}.");
            return null;
        }

        return v;
    }

    /// <summary>Totals and grade from the lines: the unit's points, and the appraisers' once there are some.</summary>
    public static void Recompute(ScoreSheet sheet, ScoringFramework framework)
    {
        var criteria = framework.Criteria.ToDictionary(c => c.Id);
        var self = ScoringRules.Total(framework, sheet.Lines.Select(l => (criteria[l.CriterionId], l.SelfPoints)).ToList());
        sheet.SelfTotal = self.Total;
        var current = self;
        if (sheet.State >= SheetState.Appraised)
        {
            current = ScoringRules.Total(framework, sheet.Lines.Select(l => (criteria[l.CriterionId], l.Points)).ToList());
            sheet.AppraisedTotal = current.Total;
        }

        sheet.Disqualified = current.Disqualified;
        sheet.Grade = current.Grade;
    }

    private async Task<(ScoreSheet? Sheet, ScoringRound? Round, ScoringFramework? Framework, Result<ScoreSheet>? Failure)> LoadAsync(UserScope user, int sheetId, Guid stamp, CancellationToken ct)
    {
        var sheet = await db.ScoreSheets.Include(s => s.Lines).FirstOrDefaultAsync(s => s.Id == sheetId, ct);
        if (sheet is null || !await CanReadAsync(user, sheet, ct))
        {
            return (null, null, null, Result<ScoreSheet>.NotFound());
        }

        if (sheet.ConcurrencyStamp != stamp)
        {
            return (null, null, null, Result<ScoreSheet>.Invalid("", Stale));
        }

        var round = await db.ScoringRounds.SingleAsync(r => r.Id == sheet.RoundId, ct);
        var framework = await db.ScoringFrameworks.AsNoTracking().Include(f => f.Criteria).SingleAsync(f => f.Id == round.FrameworkId, ct);
        return (sheet, round, framework, null);
    }

    private async Task<bool> CanReadAsync(UserScope user, ScoreSheet sheet, CancellationToken ct)
    {
        var unit = await db.OrgUnits.AsNoTracking().Where(u => u.Id == sheet.UnitId).Select(u => new { u.Id, u.AncestorPath }).SingleAsync(ct);
        return ScoringAccessRules.CanReadSheet(user, unit.AncestorPath, unit.Id);
    }

    private async Task<Result<ScoreSheet>> SaveAsync(ScoreSheet sheet, CancellationToken ct)
    {
        sheet.ConcurrencyStamp = Guid.NewGuid();
        sheet.UpdatedAtUtc = clock.GetUtcNow().UtcDateTime;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Result<ScoreSheet>.Invalid("", Stale);
        }

        return Result<ScoreSheet>.Ok(sheet);
    }

    private static DateOnly? Date(FieldErrors errors, string field, string? text, string label)
    {
        if (VietnameseText.TryParseDate(text, out var d))
        {
            return d;
        }

        errors.Add(field, $"Vui lòng nhập {label} theo dạng ngày/tháng/năm, ví dụ 15/11/2026.");
        return null;
    }

    private static bool ModelInForce(CommendationTitle t, DateOnly on) => Domain.Models.ModelCatalog.InForce(t.ValidFrom, t.ValidTo, on);

    public static string Key(ScoreLine line, string what) => $"Line{line.Id.ToString(CultureInfo.InvariantCulture)}.{what}";
}
