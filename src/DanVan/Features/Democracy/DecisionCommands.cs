using DanVan.Data;
using DanVan.Domain.Access;
using DanVan.Domain.Democracy;
using DanVan.Domain.Text;
using DanVan.Features.Shared;
using DanVan.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Features.Democracy;

/// <summary>A vote of the people as a form or the API sends it.</summary>
public sealed class DecisionInput
{
    public string? Community { get; set; }

    public string? RuleCode { get; set; }

    public string? Matter { get; set; }

    public DecisionForm? Form { get; set; }

    public string? HeldOn { get; set; }

    public string? Place { get; set; }

    public int? HouseholdsEntitled { get; set; }

    public int? HouseholdsPresent { get; set; }

    public int? For { get; set; }

    public int? Against { get; set; }

    public string? ChairName { get; set; }

    public string? SecretaryName { get; set; }

    public string? Conclusion { get; set; }
}

/// <summary>
/// The writes of Nhân dân bàn và quyết định: a commune records a community's vote, DanVan counts it with the rule in
/// force on the day and keeps the threshold as it stood; a wrong record is deleted (after confirmation) and typed again.
/// Same access as the disclosure register: the commune's own officers and head.
/// </summary>
public sealed class DecisionCommands(AppDbContext db, TimeProvider clock)
{
    public const string Stale = "Bản ghi vừa được người khác thay đổi; tải lại trang rồi làm lại.";

    /// <summary>The rules in force on a day, in their order (the latest version of each code).</summary>
    public async Task<List<DecisionRule>> RulesAsync(DateOnly on, CancellationToken ct) =>
        (await db.DecisionRules.AsNoTracking().OrderBy(r => r.SortOrder).ThenBy(r => r.Code).ToListAsync(ct))
        .Where(r => r.ValidFrom <= on && (r.ValidTo is null || r.ValidTo >= on)).GroupBy(r => r.Code).Select(g => g.OrderByDescending(r => r.ValidFrom).First()).ToList();

    public async Task<Result<PeopleDecision>> RecordAsync(UserScope user, DecisionInput input, CancellationToken ct = default)
    {
        var kind = await db.OrgUnits.AsNoTracking().Where(u => u.Id == user.UnitId).Select(u => new { u.Kind, u.Name }).FirstOrDefaultAsync(ct);
        if (kind is null || !DisclosureAccessRules.CanRecord(user, user.UnitId) || DisclosureRules.ScopeOf(kind.Kind) != DisclosureScope.Commune)
        {
            return Result<PeopleDecision>.Forbidden();
        }

        var today = VietnamClock.Today(clock);
        var errors = new FieldErrors();
        var community = errors.Text(nameof(input.Community), VietnameseText.Optional(input.Community), 200, "Thôn, tổ dân phố");
        var matter = errors.Text(nameof(input.Matter), VietnameseText.Optional(input.Matter), 1000, "Nội dung biểu quyết");
        var place = errors.Text(nameof(input.Place), VietnameseText.Optional(input.Place), 300, "Địa điểm");
        var chair = errors.Text(nameof(input.ChairName), VietnameseText.Optional(input.ChairName), 200, "Người chủ trì");
        var secretary = errors.Text(nameof(input.SecretaryName), VietnameseText.Optional(input.SecretaryName), 200, "Thư ký");
        var conclusion = errors.Text(nameof(input.Conclusion), VietnameseText.Optional(input.Conclusion), 2000, "Kết luận");
        var heldOn = errors.Date(nameof(input.HeldOn), input.HeldOn, "ngày biểu quyết", required: true);
        DecisionRule? rule = null;
        var code = input.RuleCode?.Trim();
        if (!string.IsNullOrEmpty(code))
        {
            var versions = await db.DecisionRules.AsNoTracking().Where(r => r.Code == code).OrderByDescending(r => r.ValidFrom).ToListAsync(ct);
            rule = heldOn is { } day ? versions.FirstOrDefault(r => r.ValidFrom <= day && (r.ValidTo is null || r.ValidTo >= day)) : versions.FirstOrDefault();
            if (rule is null && versions.Count > 0)
            {
                errors.Add(nameof(input.RuleCode), "Loại nội dung đã chọn không có ngưỡng biểu quyết hiệu lực vào ngày biểu quyết.");
                rule = versions[0]; // said above; the other checks still run
            }
        }

        foreach (var (k, v) in DecisionRules.Check(new DecisionFacts(rule, input.Form, heldOn, community, matter,
            input.HouseholdsEntitled, input.HouseholdsPresent, input.For, input.Against), today))
        {
            errors.Add(k, v);
        }

        if (errors.Any)
        {
            return Result<PeopleDecision>.Invalid(errors.ToDictionary());
        }

        var result = DecisionRules.Count(rule!, input.Form!.Value, input.HouseholdsEntitled!.Value, input.HouseholdsPresent!.Value, input.For!.Value);
        var row = new PeopleDecision
        {
            UnitId = user.UnitId, Community = VietnameseText.Nfc(community)!, RuleCode = rule!.Code, Matter = VietnameseText.Nfc(matter)!, Form = input.Form.Value,
            HeldOn = heldOn!.Value, Place = VietnameseText.Nfc(place), HouseholdsEntitled = input.HouseholdsEntitled.Value, HouseholdsPresent = input.HouseholdsPresent.Value,
            For = input.For.Value, Against = input.Against!.Value, Outcome = result.Outcome, ThresholdText = Clip(DecisionRules.ThresholdText(rule), 500),
            LegalBasis = Clip(rule.LegalBasis, 500), ChairName = VietnameseText.Nfc(chair), SecretaryName = VietnameseText.Nfc(secretary), Conclusion = VietnameseText.Nfc(conclusion),
            RecordedByUserName = user.UserName, RecordedAtUtc = clock.GetUtcNow().UtcDateTime,
        };
        row.SearchText = Clip(VietnameseText.Fold($"{row.Matter} {row.Community} {rule.Name} {kind.Name}"), 1500);
        db.PeopleDecisions.Add(row);
        await db.SaveChangesAsync(ct);
        return Result<PeopleDecision>.Ok(row);
    }

    /// <summary>
    /// Nhập từ Excel: every row checked and counted as <see cref="RecordAsync"/> does one; a row identical to a recorded
    /// vote (same kind, day, community and matter) is skipped; all saved in one transaction or none.
    /// </summary>
    public async Task<Result<ImportSummary>> ImportAsync(UserScope user, IReadOnlyList<DecisionImportRow> rows, CancellationToken ct = default)
    {
        var kind = await db.OrgUnits.AsNoTracking().Where(u => u.Id == user.UnitId).Select(u => u.Kind).FirstOrDefaultAsync(ct);
        if (!DisclosureAccessRules.CanRecord(user, user.UnitId) || DisclosureRules.ScopeOf(kind) != DisclosureScope.Commune)
        {
            return Result<ImportSummary>.Forbidden();
        }

        var recorded = (await db.PeopleDecisions.AsNoTracking().Where(d => d.UnitId == user.UnitId).Select(d => new { d.RuleCode, d.HeldOn, d.Community, d.Matter }).ToListAsync(ct))
            .Select(d => (d.RuleCode, d.HeldOn, d.Community, d.Matter)).ToHashSet();
        return await XlsxImport.SaveAllAsync(db, rows, r => r.Line, r => r.Errors, async row =>
        {
            var input = row.Input;
            if (VietnameseText.TryParseDate(input.HeldOn, out var on)
                && recorded.Contains((input.RuleCode ?? "", on, VietnameseText.Nfc(input.Community?.Trim()) ?? "", VietnameseText.Nfc(input.Matter?.Trim()) ?? "")))
            {
                return (XlsxImport.Outcome.Skipped, []);
            }

            var result = await RecordAsync(user, input, ct);
            if (result.IsOk)
            {
                recorded.Add((result.Value!.RuleCode, result.Value.HeldOn, result.Value.Community, result.Value.Matter));
            }

            return (XlsxImport.Outcome.Saved, result.IsOk ? [] : result.Errors.SelectMany(e => e.Value).Select(m => $"Dòng {row.Line}: {m}").ToList());
        }, ct);
    }

    public async Task<Result<PeopleDecision>> DeleteAsync(UserScope user, int id, Guid stamp, CancellationToken ct = default)
    {
        var row = await db.PeopleDecisions.FirstOrDefaultAsync(d => d.Id == id, ct);
        if (await db.RefusalAsync<PeopleDecision>(user, row?.UnitId, row?.ConcurrencyStamp, stamp, Stale, ct) is { } refused)
        {
            return refused;
        }

        db.PeopleDecisions.Remove(row!);
        return await db.SaveOrStaleAsync(row!, Stale, ct);
    }

    private static string Clip(string text, int max) => text.Length > max ? text[..max] : text;
}
