using System.Globalization;
using DanVan.Data;
using DanVan.Domain.Access;
using DanVan.Domain.Scoring;
using DanVan.Domain.Text;
using DanVan.Features.Shared;
using DanVan.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Features.Scoring;

public sealed class CriterionInput
{
    public int Id { get; set; }

    public string? Name { get; set; }

    public string? MaxPoints { get; set; }

    public string? Steps { get; set; }

    public bool EvidenceRequired { get; set; }
}

public sealed class FrameworkInput
{
    public string? Name { get; set; }

    public string? LegalBasis { get; set; }

    public string? Bands { get; set; }

    public string? BonusCap { get; set; }

    public string? PenaltyCap { get; set; }

    /// <summary>For a new version: the day the new decision applies from.</summary>
    public string? ValidFrom { get; set; }

    public List<CriterionInput> Criteria { get; set; } = [];
}

/// <summary>
/// Frameworks as data (issue 16): the administrator edits any, a coordinator its own province's. A framework that a
/// round still open uses never changes under it: a new version from a date instead, which ends the old one the day
/// before. Names, maximum points, step tables, evidence and bands are edited; the tree's shape is the decision's and
/// comes with the version.
/// </summary>
public sealed class ScoringFrameworkCommands(AppDbContext db, TimeProvider clock)
{
    public async Task<Result<ScoringFramework>> UpdateAsync(UserScope user, int id, FrameworkInput input, CancellationToken ct = default)
    {
        var framework = await db.ScoringFrameworks.Include(f => f.Criteria).FirstOrDefaultAsync(f => f.Id == id, ct);
        if (framework is null || !await CanSeeAsync(user, framework, ct))
        {
            return Result<ScoringFramework>.NotFound();
        }

        if (!ScoringAccessRules.CanEditFramework(user, await OwnAsync(user, framework, ct)))
        {
            return Result<ScoringFramework>.Forbidden();
        }

        var open = await db.ScoringRounds.AsNoTracking().Where(r => r.FrameworkId == id && r.State == RoundState.Open).Select(r => r.Year).OrderBy(y => y).ToListAsync(ct);
        if (open.Count > 0)
        {
            return Result<ScoringFramework>.Invalid("", $"Bộ tiêu chí đang dùng cho kỳ đánh giá năm {string.Join(", ", open)} chưa công bố: không sửa được; hãy tạo phiên bản mới.");
        }

        var errors = new FieldErrors();
        Apply(errors, framework, input);
        if (errors.Any)
        {
            return Result<ScoringFramework>.Invalid(errors.ToDictionary());
        }

        await db.SaveChangesAsync(ct);
        return Result<ScoringFramework>.Ok(framework);
    }

    /// <summary>Phiên bản mới: a copy of the framework (tree and all) from a date, with the edits; the old one ends the day before.</summary>
    public async Task<Result<ScoringFramework>> NewVersionAsync(UserScope user, int id, FrameworkInput input, CancellationToken ct = default)
    {
        var old = await db.ScoringFrameworks.Include(f => f.Criteria).FirstOrDefaultAsync(f => f.Id == id, ct);
        if (old is null || !await CanSeeAsync(user, old, ct))
        {
            return Result<ScoringFramework>.NotFound();
        }

        var own = await OwnAsync(user, old, ct);
        if (!ScoringAccessRules.CanEditFramework(user, own))
        {
            return Result<ScoringFramework>.Forbidden();
        }

        var errors = new FieldErrors();
        DateOnly from = default;
        if (!VietnameseText.TryParseDate(input.ValidFrom, out from))
        {
            errors.Add(nameof(input.ValidFrom), "Vui lòng nhập ngày áp dụng phiên bản mới theo dạng ngày/tháng/năm.");
        }
        else if (from <= old.ValidFrom)
        {
            errors.Add(nameof(input.ValidFrom), $"Phiên bản mới phải áp dụng sau ngày {VietnameseText.FormatDate(old.ValidFrom)} của phiên bản đang có.");
        }

        var latest = await db.ScoringFrameworks.Where(f => f.Code == old.Code).MaxAsync(f => f.Version, ct);
        if (latest != old.Version)
        {
            errors.Add("", "Đã có phiên bản mới hơn của bộ tiêu chí này: tạo phiên bản từ bản mới nhất.");
        }

        var copy = new ScoringFramework
        {
            Code = old.Code, Version = latest + 1, Name = old.Name, ProvinceCode = old.ProvinceCode, LegalBasis = old.LegalBasis, ValidFrom = from,
            AppliesToKinds = old.AppliesToKinds, BonusCap = old.BonusCap, PenaltyCap = old.PenaltyCap, Bands = old.Bands, Note = old.Note,
            CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
            Criteria = old.Criteria.OrderBy(c => c.SortOrder).Select(c => new ScoringCriterion
            {
                Id = 0, ParentId = c.ParentId, Code = c.Code, Name = c.Name, SortOrder = c.SortOrder, Kind = c.Kind, MaxPoints = c.MaxPoints, Method = c.Method,
                MeasureCode = c.MeasureCode, DenominatorCode = c.DenominatorCode, Steps = c.Steps, NoneScoresFull = c.NoneScoresFull,
                EvidenceRequired = c.EvidenceRequired, Guidance = c.Guidance,
            }).ToList(),
        };

        // The edits name the old criteria's ids: map them onto the copy by code before applying.
        var byOldId = old.Criteria.ToDictionary(c => c.Id, c => c.Code);
        var mapped = new FrameworkInput
        {
            Name = input.Name, LegalBasis = input.LegalBasis, Bands = input.Bands, BonusCap = input.BonusCap, PenaltyCap = input.PenaltyCap,
            Criteria = input.Criteria.Where(c => byOldId.ContainsKey(c.Id)).Select(c => new CriterionInput
            {
                Id = -1 - copy.Criteria.FindIndex(x => x.Code == byOldId[c.Id]), Name = c.Name, MaxPoints = c.MaxPoints, Steps = c.Steps, EvidenceRequired = c.EvidenceRequired,
            }).ToList(),
        };
        for (var i = 0; i < copy.Criteria.Count; i++)
        {
            copy.Criteria[i].Id = -1 - i; // temporary keys for the check of groups against their sub-criteria
        }

        var parentCode = old.Criteria.ToDictionary(c => c.Id, c => c.ParentId is { } p ? byOldId[p] : null);
        var oldIds = old.Criteria.OrderBy(c => c.SortOrder).Select(c => c.Id).ToList();
        for (var i = 0; i < copy.Criteria.Count; i++)
        {
            var code = parentCode[oldIds[i]];
            copy.Criteria[i].ParentId = code is null ? null : -1 - copy.Criteria.FindIndex(x => x.Code == code);
        }

        Apply(errors, copy, mapped);
        if (errors.Any)
        {
            return Result<ScoringFramework>.Invalid(errors.ToDictionary());
        }

        await using var tx = await db.BeginOrJoinTransactionAsync(ct);
        await db.LockForCreateAsync("scoring-framework:" + old.Code, ct);
        var parents = copy.Criteria.Select(c => c.ParentId is { } p ? copy.Criteria[-1 - p].Code : null).ToList();
        foreach (var c in copy.Criteria)
        {
            c.Id = 0;
            c.ParentId = null;
        }

        old.ValidTo = from.AddDays(-1);
        db.ScoringFrameworks.Add(copy);
        try
        {
            await db.SaveChangesAsync(ct);
            var ids = copy.Criteria.ToDictionary(c => c.Code, c => c.Id);
            for (var i = 0; i < copy.Criteria.Count; i++)
            {
                copy.Criteria[i].ParentId = parents[i] is { } code ? ids[code] : null;
            }

            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return Result<ScoringFramework>.Invalid("", "Phiên bản này vừa được người khác tạo: tải lại trang.");
        }

        await tx.CommitAsync(ct);
        return Result<ScoringFramework>.Ok(copy);
    }

    public async Task<bool> CanSeeAsync(UserScope user, ScoringFramework f, CancellationToken ct) =>
        user.IsAdmin || f.ProvinceCode is null || await OwnAsync(user, f, ct);

    public async Task<bool> OwnAsync(UserScope user, ScoringFramework f, CancellationToken ct)
    {
        if (f.ProvinceCode is null || user.IsAdmin)
        {
            return user.IsAdmin;
        }

        var ids = Domain.Units.UnitPaths.Ancestors(UserScope.ProvincePrefix(user.UnitAncestorPath, user.UnitId));
        if (ids.Length < 2)
        {
            return false;
        }

        var provinceId = ids[1];
        return await db.OrgUnits.AsNoTracking().AnyAsync(u => u.Id == provinceId && u.Code == f.ProvinceCode, ct);
    }

    private static void Apply(FieldErrors errors, ScoringFramework f, FrameworkInput input)
    {
        f.Name = errors.RequiredText(nameof(input.Name), VietnameseText.Nfc(input.Name), 300, "tên bộ tiêu chí") ?? f.Name;
        f.LegalBasis = errors.RequiredText(nameof(input.LegalBasis), VietnameseText.Nfc(input.LegalBasis), 500, "căn cứ pháp lý") ?? f.LegalBasis;
        f.Bands = (input.Bands ?? "").Trim();
        f.BonusCap = Number(errors, nameof(input.BonusCap), input.BonusCap, "Mức tối đa điểm thưởng") ?? f.BonusCap;
        f.PenaltyCap = Number(errors, nameof(input.PenaltyCap), input.PenaltyCap, "Mức tối đa điểm trừ") ?? f.PenaltyCap;
        var byId = f.Criteria.ToDictionary(c => c.Id);
        for (var i = 0; i < input.Criteria.Count; i++)
        {
            var ci = input.Criteria[i];
            if (!byId.TryGetValue(ci.Id, out var c))
            {
                errors.Add("", "Có tiêu chí không thuộc bộ này: tải lại trang.");
                continue;
            }

            var key = $"Criteria[{i.ToString(CultureInfo.InvariantCulture)}]";
            c.Name = errors.RequiredText(key + ".Name", VietnameseText.Nfc(ci.Name), 1000, $"tên tiêu chí {c.Code}") ?? c.Name;
            c.MaxPoints = Number(errors, key + ".MaxPoints", ci.MaxPoints, $"{c.Code}: điểm tối đa") ?? c.MaxPoints;
            c.Steps = string.IsNullOrWhiteSpace(ci.Steps) ? null : ci.Steps.Trim();
            c.EvidenceRequired = ci.EvidenceRequired;
        }

        foreach (var problem in ScoringRules.Check(f))
        {
            errors.Add("", problem);
        }
    }

    private static double? Number(FieldErrors errors, string key, string? text, string label)
    {
        if (ScoringRules.TryNumber(text, out var v) && v >= 0)
        {
            return v;
        }

        errors.Add(key, $"{label} “{text?.Trim()}” không hợp lệ: nhập số không âm, tối đa hai chữ số thập phân.");
        return null;
    }
}
