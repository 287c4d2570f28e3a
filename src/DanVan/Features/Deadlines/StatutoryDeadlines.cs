using System.Globalization;
using System.Text.Json.Serialization;
using DanVan.Data;
using DanVan.Domain.Access;
using DanVan.Domain.Deadlines;
using DanVan.Domain.Text;
using DanVan.Features.Calendar;
using DanVan.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Features.Deadlines;

/// <summary>The JSON every caller of the clock gets (the deadline verb, /api/deadlines): rule, date, counting, days, basis.</summary>
public sealed record DeadlineJson(
    [property: JsonPropertyName("rule")] string Rule,
    [property: JsonPropertyName("deadline")] string Deadline,
    [property: JsonPropertyName("counting")] string Counting,
    [property: JsonPropertyName("days")] int Days,
    [property: JsonPropertyName("basis")] string Basis)
{
    public static DeadlineJson From(Deadline d) => new(
        d.RuleCode,
        d.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        d.Counting == DayCounting.Working ? "working" : "calendar",
        d.Days,
        d.Basis);
}

/// <summary>One rule as listed by the deadline verb and the API.</summary>
public sealed record DeadlineRuleJson(
    [property: JsonPropertyName("rule")] string Rule,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("procedure")] string Procedure,
    [property: JsonPropertyName("counting")] string Counting,
    [property: JsonPropertyName("direction")] string Direction,
    [property: JsonPropertyName("days")] int Days,
    [property: JsonPropertyName("countsFrom")] string CountsFrom,
    [property: JsonPropertyName("variants")] IReadOnlyList<string> Variants,
    [property: JsonPropertyName("basis")] string Basis,
    [property: JsonPropertyName("validFrom")] string ValidFrom,
    [property: JsonPropertyName("validTo")] string? ValidTo,
    [property: JsonPropertyName("verification")] string Verification)
{
    public static DeadlineRuleJson From(DeadlineRule r) => new(
        r.Code,
        r.Name,
        r.Procedure,
        r.Counting == DayCounting.Working ? "working" : "calendar",
        r.Direction == DeadlineDirection.Before ? "before" : "after",
        r.Days,
        r.CountsFrom,
        r.Variants.OrderBy(v => v.Conditions).Select(v =>
            $"{DeadlineRuleVariant.ConditionsLabel(v.Conditions)}: {v.Days}" + (v.MaxExtensions is { } m ? $", gia hạn tối đa {m} lần" : "")).ToList(),
        r.Basis,
        r.ValidFrom.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        r.ValidTo?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DeadlineRule.VerificationLabel(r.Verification));
}

/// <summary>What an administrator may change in one version of a rule.</summary>
public sealed class DeadlineRuleEdit
{
    public string? Name { get; set; }

    public string? CountsFrom { get; set; }

    public DayCounting? Counting { get; set; }

    public int? Days { get; set; }

    public int? MaxExtensions { get; set; }

    public int? ExtensionDays { get; set; }

    public bool AllowsExtraDays { get; set; }

    public string? Basis { get; set; }

    /// <summary>dd/MM/yyyy, or empty while the version is in force.</summary>
    public string? ValidTo { get; set; }

    public RuleVerification? Verification { get; set; }

    public string? Note { get; set; }

    /// <summary>Days per variant id (a variant left empty keeps its value).</summary>
    public Dictionary<int, int?> VariantDays { get; set; } = [];

    public Dictionary<int, int?> VariantExtensions { get; set; } = [];
}

/// <summary>
/// The statutory clock as a service: rules and calendar from the database, computation in
/// <see cref="StatutoryClock"/>. Every capability that shows a deadline of law asks here, so that all show the same
/// date with the same article.
/// </summary>
public sealed class StatutoryDeadlines(AppDbContext db, CalendarCommands calendar, TimeProvider clock)
{
    public const int MaxDays = 3650;

    public async Task<List<DeadlineRule>> RulesAsync(CancellationToken ct = default) =>
        await db.DeadlineRules.AsNoTracking().Include(r => r.Variants)
            .OrderBy(r => r.Procedure).ThenBy(r => r.Code).ThenByDescending(r => r.ValidFrom)
            .AsSplitQuery()
            .ToListAsync(ct);

    public async Task<DeadlineAnswer> ComputeAsync(string code, DeadlineRequest request, CancellationToken ct = default)
    {
        var versions = await db.DeadlineRules.AsNoTracking().Include(r => r.Variants).Where(r => r.Code == code).ToListAsync(ct);
        if (versions.Count == 0)
        {
            return DeadlineAnswer.Fail($"Không có quy tắc thời hạn mã \"{code}\". Xem danh sách bằng lệnh deadline --list hoặc trang Quy tắc thời hạn.");
        }

        var rule = StatutoryClock.RuleFor(versions, code, request.From);
        if (rule is null)
        {
            return DeadlineAnswer.Fail(
                $"Quy tắc \"{code}\" không có phiên bản áp dụng cho ngày {VietnameseText.FormatDate(request.From)} (các phiên bản: {string.Join("; ", versions.OrderBy(v => v.ValidFrom).Select(StatutoryClock.ValidityText))}).");
        }

        var span = rule.Days + request.Extensions.Where(e => e > 0).Sum() + Math.Max(0, request.ExtraDays)
            + request.Suspensions.Sum(s => Math.Max(0, s.To.DayNumber - s.From.DayNumber + 1));
        if (span > StatutoryClock.MaxTotalDays * 2)
        {
            return DeadlineAnswer.Fail($"Thời hạn quá dài để tính (tối đa {StatutoryClock.MaxTotalDays} ngày).");
        }

        // Enough calendar on both sides: working days are at most 5/7 of the days, plus a year for holidays.
        var reach = (span * 2) + 400;
        var from = request.From.DayNumber - reach < DateOnly.MinValue.DayNumber + 1 ? DateOnly.MinValue : request.From.AddDays(-reach);
        var to = request.From.DayNumber + reach > DateOnly.MaxValue.DayNumber - 1 ? DateOnly.MaxValue : request.From.AddDays(reach);
        var cal = await calendar.LoadAsync(from, to, ct);
        return StatutoryClock.Compute(rule, request, cal);
    }

    public async Task<Result<DeadlineRule>> UpdateAsync(UserScope user, int id, DeadlineRuleEdit edit, CancellationToken ct = default)
    {
        if (!user.IsAdmin)
        {
            return Result<DeadlineRule>.Forbidden();
        }

        var rule = await db.DeadlineRules.Include(r => r.Variants).FirstOrDefaultAsync(r => r.Id == id, ct);
        if (rule is null)
        {
            return Result<DeadlineRule>.NotFound();
        }

        var errors = new FieldErrors();
        var name = errors.RequiredText(nameof(edit.Name), edit.Name, 300, "tên quy tắc");
        var countsFrom = errors.RequiredText(nameof(edit.CountsFrom), edit.CountsFrom, 300, "mốc bắt đầu tính");
        var basis = errors.RequiredText(nameof(edit.Basis), edit.Basis, 300, "căn cứ (điều, khoản, văn bản)");
        if (edit.Counting is null || !Enum.IsDefined(edit.Counting.Value))
        {
            errors.Add(nameof(edit.Counting), "Vui lòng chọn cách đếm: ngày hoặc ngày làm việc.");
        }

        CheckDays(errors, nameof(edit.Days), edit.Days, required: true);
        if (edit.MaxExtensions is < 0 or > 10)
        {
            errors.Add(nameof(edit.MaxExtensions), "Số lần gia hạn phải từ 0 đến 10.");
        }

        if (edit.ExtensionDays is not null)
        {
            CheckDays(errors, nameof(edit.ExtensionDays), edit.ExtensionDays, required: false);
        }

        if ((edit.MaxExtensions ?? 0) > 0 && edit.ExtensionDays is null
            && rule.Variants.All(v => (edit.VariantExtensions.GetValueOrDefault(v.Id) ?? v.MaxExtensions ?? 0) == 0))
        {
            errors.Add(nameof(edit.ExtensionDays), "Quy tắc cho gia hạn thì phải ghi số ngày tối đa mỗi lần gia hạn.");
        }

        DateOnly? validTo = null;
        if (!string.IsNullOrWhiteSpace(edit.ValidTo))
        {
            if (VietnameseText.TryParseDate(edit.ValidTo, out var parsed))
            {
                validTo = parsed;
            }
            else
            {
                errors.Add(nameof(edit.ValidTo), "Ngày hết hiệu lực không hợp lệ: nhập theo dạng ngày/tháng/năm, ví dụ 30/06/2026.");
            }
        }

        if (validTo is { } vt && vt < rule.ValidFrom)
        {
            errors.Add(nameof(edit.ValidTo), $"Ngày hết hiệu lực không được trước ngày có hiệu lực ({VietnameseText.FormatDate(rule.ValidFrom)}).");
        }
        else if (validTo is { } end
            && await db.DeadlineRules.AnyAsync(r => r.Code == rule.Code && r.Id != rule.Id && r.ValidFrom > rule.ValidFrom && r.ValidFrom <= end, ct))
        {
            errors.Add(nameof(edit.ValidTo), "Ngày hết hiệu lực chồng lên phiên bản sau của quy tắc; phải trước ngày phiên bản sau có hiệu lực.");
        }

        if (edit.Verification is null || !Enum.IsDefined(edit.Verification.Value))
        {
            errors.Add(nameof(edit.Verification), "Vui lòng chọn mức độ đối chiếu văn bản.");
        }

        var note = VietnameseText.Optional(edit.Note);
        if (note is { Length: > 2000 })
        {
            errors.Add(nameof(edit.Note), "Ghi chú không quá 2.000 ký tự.");
        }

        foreach (var v in rule.Variants)
        {
            if (edit.VariantDays.TryGetValue(v.Id, out var d) && d is not null)
            {
                CheckDays(errors, $"VariantDays[{v.Id}]", d, required: true);
            }

            if (edit.VariantExtensions.TryGetValue(v.Id, out var x) && x is < 0 or > 10)
            {
                errors.Add($"VariantExtensions[{v.Id}]", "Số lần gia hạn phải từ 0 đến 10.");
            }
        }

        if (errors.Any)
        {
            return Result<DeadlineRule>.Invalid(errors.ToDictionary());
        }

        rule.Name = name!;
        rule.CountsFrom = countsFrom!;
        rule.Basis = basis!;
        rule.Counting = edit.Counting!.Value;
        rule.Days = edit.Days!.Value;
        rule.MaxExtensions = edit.MaxExtensions ?? 0;
        rule.ExtensionDays = edit.ExtensionDays;
        rule.AllowsExtraDays = edit.AllowsExtraDays;
        rule.ValidTo = validTo;
        rule.Verification = edit.Verification!.Value;
        rule.Note = note;
        rule.UpdatedAtUtc = clock.GetUtcNow().UtcDateTime;
        foreach (var v in rule.Variants)
        {
            if (edit.VariantDays.TryGetValue(v.Id, out var d) && d is { } days)
            {
                v.Days = days;
            }

            if (edit.VariantExtensions.ContainsKey(v.Id))
            {
                v.MaxExtensions = edit.VariantExtensions[v.Id];
            }
        }

        await db.SaveChangesAsync(ct);
        return Result<DeadlineRule>.Ok(rule);
    }

    /// <summary>
    /// A new version of a rule from <paramref name="validFrom"/> (an amended law): a copy of the version in force that
    /// day, which ends the day before. The administrator then edits the copy.
    /// </summary>
    public async Task<Result<DeadlineRule>> AddVersionAsync(UserScope user, int id, DateOnly? validFrom, CancellationToken ct = default)
    {
        if (!user.IsAdmin)
        {
            return Result<DeadlineRule>.Forbidden();
        }

        var source = await db.DeadlineRules.Include(r => r.Variants).FirstOrDefaultAsync(r => r.Id == id, ct);
        if (source is null)
        {
            return Result<DeadlineRule>.NotFound();
        }

        if (validFrom is null)
        {
            return Result<DeadlineRule>.Invalid("ValidFrom", "Vui lòng nhập ngày phiên bản mới có hiệu lực (ngày/tháng/năm).");
        }

        if (validFrom <= source.ValidFrom)
        {
            return Result<DeadlineRule>.Invalid("ValidFrom", $"Phiên bản mới phải có hiệu lực sau ngày {VietnameseText.FormatDate(source.ValidFrom)} của phiên bản này.");
        }

        if (source.ValidTo is { } to && validFrom > to.AddDays(1))
        {
            return Result<DeadlineRule>.Invalid("ValidFrom", $"Phiên bản này hết hiệu lực ngày {VietnameseText.FormatDate(to)}; phiên bản mới phải bắt đầu chậm nhất ngày hôm sau.");
        }

        if (await db.DeadlineRules.AnyAsync(r => r.Code == source.Code && r.ValidFrom >= validFrom, ct))
        {
            return Result<DeadlineRule>.Invalid("ValidFrom", "Đã có phiên bản của quy tắc này có hiệu lực từ ngày đó hoặc sau đó.");
        }

        await using var tx = await db.BeginOrJoinTransactionAsync(ct);
        var copy = new DeadlineRule
        {
            Code = source.Code,
            Procedure = source.Procedure,
            Name = source.Name,
            CountsFrom = source.CountsFrom,
            Counting = source.Counting,
            Direction = source.Direction,
            Days = source.Days,
            MaxExtensions = source.MaxExtensions,
            ExtensionDays = source.ExtensionDays,
            AllowsExtraDays = source.AllowsExtraDays,
            Basis = source.Basis,
            ValidFrom = validFrom.Value,
            ValidTo = source.ValidTo,
            Verification = RuleVerification.Unverified,
            Note = "Phiên bản mới: đối chiếu văn bản sửa đổi rồi sửa số ngày, căn cứ và mức độ đối chiếu.",
            UpdatedAtUtc = clock.GetUtcNow().UtcDateTime,
            Variants = source.Variants.Select(v => new DeadlineRuleVariant { Conditions = v.Conditions, Days = v.Days, MaxExtensions = v.MaxExtensions, Basis = v.Basis }).ToList(),
        };
        source.ValidTo = validFrom.Value.AddDays(-1);
        source.UpdatedAtUtc = copy.UpdatedAtUtc;
        db.DeadlineRules.Add(copy);
        if (!await db.TrySaveUniqueAsync(ct))
        {
            return Result<DeadlineRule>.Invalid("ValidFrom", "Đã có phiên bản của quy tắc này có hiệu lực từ ngày đó.");
        }

        await tx.CommitAsync(ct);
        return Result<DeadlineRule>.Ok(copy);
    }

    private static void CheckDays(FieldErrors errors, string field, int? value, bool required)
    {
        if (value is null)
        {
            if (required)
            {
                errors.Add(field, "Vui lòng nhập số ngày.");
            }
        }
        else if (value is < 0 or > MaxDays)
        {
            errors.Add(field, $"Số ngày phải từ 0 đến {MaxDays.ToString("N0", VietnameseText.Culture)}.");
        }
    }
}
