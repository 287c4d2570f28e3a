using System.Text.RegularExpressions;
using DanVan.Data;
using DanVan.Domain.Access;
using DanVan.Domain.Reports;
using DanVan.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Features.Reports;

public sealed record IndicatorInput(
    string? Code, string? Name, string? Unit, string? Group, IndicatorAggregation? Aggregation,
    string? NumeratorCode = null, string? DenominatorCode = null, string? NotAboveCode = null);

public sealed record DueRuleInput(int? DueDay, int? DueMonth, int? CutoffDay, int? CutoffMonth);

/// <summary>
/// Changes to a reporting regime (chế độ báo cáo), which is national data: only a system administrator makes them.
/// An indicator is added at the end of its group and applies to every period, open ones included (their forms list
/// it empty); due and cut-off days apply to periods opened afterwards.
/// </summary>
public sealed partial class ReportRegimeCommands(AppDbContext db)
{
    public async Task<Result<ReportIndicator>> AddIndicatorAsync(UserScope user, int regimeId, IndicatorInput input, CancellationToken ct = default)
    {
        if (!user.IsAdmin)
        {
            return Result<ReportIndicator>.Forbidden();
        }

        if (!await db.ReportRegimes.AnyAsync(r => r.Id == regimeId, ct))
        {
            return Result<ReportIndicator>.NotFound();
        }

        var existing = await db.ReportIndicators.AsNoTracking().Where(i => i.RegimeId == regimeId).ToListAsync(ct);
        var byCode = existing.ToDictionary(i => i.Code, StringComparer.Ordinal);
        var errors = new FieldErrors();
        var code = input.Code?.Trim().ToUpperInvariant() ?? "";
        if (code.Length == 0)
        {
            errors.Add("Code", "Vui lòng nhập mã chỉ tiêu.");
        }
        else if (!CodePattern().IsMatch(code))
        {
            errors.Add("Code", "Mã chỉ tiêu gồm chữ in không dấu, chữ số và dấu gạch dưới, bắt đầu bằng chữ, tối đa 30 ký tự (ví dụ DT_CUOC).");
        }
        else if (byCode.ContainsKey(code))
        {
            errors.Add("Code", $"Mã {code} đã có trong chế độ báo cáo này.");
        }

        var name = errors.RequiredText("Name", input.Name, 300, "tên chỉ tiêu");
        var group = errors.RequiredText("Group", input.Group, 200, "nhóm chỉ tiêu");
        var aggregation = input.Aggregation is { } a && Enum.IsDefined(a) ? a : (IndicatorAggregation?)null;
        if (aggregation is null)
        {
            errors.Add("Aggregation", "Vui lòng chọn cách tổng hợp.");
        }

        var unit = aggregation == IndicatorAggregation.Ratio && string.IsNullOrWhiteSpace(input.Unit) ? "%" : errors.RequiredText("Unit", input.Unit, 30, "đơn vị tính");
        string? numerator = null, denominator = null, notAbove = null;
        if (aggregation == IndicatorAggregation.Ratio)
        {
            numerator = Counted(errors, "NumeratorCode", input.NumeratorCode, byCode, "tử số");
            denominator = Counted(errors, "DenominatorCode", input.DenominatorCode, byCode, "mẫu số");
            if (numerator is not null && numerator == denominator)
            {
                errors.Add("DenominatorCode", "Tử số và mẫu số phải là hai chỉ tiêu khác nhau.");
            }
        }
        else if (!string.IsNullOrWhiteSpace(input.NotAboveCode))
        {
            notAbove = Counted(errors, "NotAboveCode", input.NotAboveCode, byCode, "chỉ tiêu so sánh");
        }

        if (errors.Any)
        {
            return Result<ReportIndicator>.Invalid(errors.ToDictionary());
        }

        // At the end of its group (or of the list for a new group): the form and the outputs follow Order.
        var inGroup = existing.Where(i => i.Group == group).Select(i => i.Order).DefaultIfEmpty(existing.Select(i => i.Order).DefaultIfEmpty(0).Max()).Max();
        foreach (var later in await db.ReportIndicators.Where(i => i.RegimeId == regimeId && i.Order > inGroup).ToListAsync(ct))
        {
            later.Order++;
        }

        var indicator = new ReportIndicator
        {
            RegimeId = regimeId, Code = code, Name = name!, Unit = unit!, Group = group!, Order = inGroup + 1, Aggregation = aggregation!.Value,
            NumeratorCode = numerator, DenominatorCode = denominator, NotAboveCode = notAbove, MeasureCode = null,
        };
        db.ReportIndicators.Add(indicator);
        await db.SaveChangesAsync(ct);
        return Result<ReportIndicator>.Ok(indicator);
    }

    public async Task<Result<ReportDueRule>> SetDueRuleAsync(UserScope user, int ruleId, DueRuleInput input, CancellationToken ct = default)
    {
        if (!user.IsAdmin)
        {
            return Result<ReportDueRule>.Forbidden();
        }

        var rule = await db.ReportDueRules.FirstOrDefaultAsync(r => r.Id == ruleId, ct);
        if (rule is null)
        {
            return Result<ReportDueRule>.NotFound();
        }

        var errors = new FieldErrors();
        DayOfYear(errors, "Due", input.DueDay, input.DueMonth, "hạn nộp");
        DayOfYear(errors, "Cutoff", input.CutoffDay, input.CutoffMonth, "ngày chốt số liệu");
        if (errors.Any)
        {
            return Result<ReportDueRule>.Invalid(errors.ToDictionary());
        }

        (rule.DueDay, rule.DueMonth, rule.CutoffDay, rule.CutoffMonth) = (input.DueDay!.Value, input.DueMonth!.Value, input.CutoffDay!.Value, input.CutoffMonth!.Value);
        await db.SaveChangesAsync(ct);
        return Result<ReportDueRule>.Ok(rule);
    }

    /// <summary>
    /// Which figures and outline parts a report of the regime must contain before it is submitted, and whether an
    /// officer's report goes to the unit head for approval first. Applies from now on, to open periods too (a report
    /// already submitted stays as it is). Given by code (the API) or by id (the page).
    /// </summary>
    public async Task<Result<ReportRegime>> SetRequirementsAsync(UserScope user, int regimeId, bool requiresHeadApproval,
        IReadOnlyCollection<string> indicatorCodes, IReadOnlyCollection<string> sectionCodes, CancellationToken ct = default)
    {
        if (!user.IsAdmin)
        {
            return Result<ReportRegime>.Forbidden();
        }

        var regime = await db.ReportRegimes.FirstOrDefaultAsync(r => r.Id == regimeId, ct);
        if (regime is null)
        {
            return Result<ReportRegime>.NotFound();
        }

        var indicators = await db.ReportIndicators.Where(i => i.RegimeId == regimeId).ToListAsync(ct);
        var sections = await db.ReportSections.Where(x => x.RegimeId == regimeId).ToListAsync(ct);
        var wantedIndicators = indicatorCodes.Select(c => c.Trim().ToUpperInvariant()).ToHashSet(StringComparer.Ordinal);
        var wantedSections = sectionCodes.Select(c => c.Trim()).ToHashSet(StringComparer.Ordinal);
        var errors = new FieldErrors();
        var unknown = wantedIndicators.Where(c => !indicators.Any(i => i.Code == c)).Concat(wantedSections.Where(c => !sections.Any(x => x.Code == c))).ToList();
        if (unknown.Count > 0)
        {
            errors.Add("Required", $"Không có trong chế độ báo cáo này: {string.Join(", ", unknown.Take(20))}.");
        }

        var computed = indicators.Where(i => i.IsComputed && wantedIndicators.Contains(i.Code)).ToList();
        if (computed.Count > 0)
        {
            errors.Add("Required", $"Chỉ tiêu tự tính không đặt bắt buộc được (bắt buộc tử số và mẫu số của nó): {string.Join(", ", computed.Select(i => i.Code))}.");
        }

        if (errors.Any)
        {
            return Result<ReportRegime>.Invalid(errors.ToDictionary());
        }

        regime.RequiresHeadApproval = requiresHeadApproval;
        foreach (var i in indicators)
        {
            i.IsRequired = wantedIndicators.Contains(i.Code);
        }

        foreach (var x in sections)
        {
            x.IsRequired = wantedSections.Contains(x.Code);
        }

        await using var tx = await db.BeginOrJoinTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return Result<ReportRegime>.Ok(regime);
    }

    /// <summary>A code of an entered (not computed) indicator of the same regime.</summary>
    private static string? Counted(FieldErrors errors, string field, string? value, Dictionary<string, ReportIndicator> byCode, string label)
    {
        var code = value?.Trim().ToUpperInvariant() ?? "";
        if (code.Length == 0)
        {
            errors.Add(field, $"Vui lòng chọn {label}.");
            return null;
        }

        if (!byCode.TryGetValue(code, out var other) || other.IsComputed)
        {
            errors.Add(field, $"{char.ToUpper(label[0], Domain.Text.VietnameseText.Culture)}{label[1..]} phải là một chỉ tiêu nhập số liệu của chế độ báo cáo này.");
            return null;
        }

        return code;
    }

    private static void DayOfYear(FieldErrors errors, string field, int? day, int? month, string label)
    {
        if (month is not (>= 1 and <= 12))
        {
            errors.Add(field + "Month", $"Tháng của {label} phải từ 1 đến 12.");
        }
        else if (day is null || day < 1 || day > DateTime.DaysInMonth(2025, month.Value))
        {
            errors.Add(field + "Day", $"Ngày của {label} không có trong tháng {month}.");
        }
    }

    [GeneratedRegex("^[A-Z][A-Z0-9_]{0,29}$")]
    private static partial Regex CodePattern();
}
