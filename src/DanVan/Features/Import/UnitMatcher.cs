using DanVan.Data;
using DanVan.Domain.Access;
using DanVan.Domain.Text;
using DanVan.Domain.Units;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Features.Import;

/// <summary>A directory unit offered for an assignee named in a document, with how well the names agree (0–1).</summary>
public sealed record UnitSuggestion(int Id, string Name, double Score);

/// <summary>
/// Matches agency names as a document writes them ("Thanh tra tỉnh", "Sở Nội vụ", "Báo Quảng Ngãi, Đài Phát thanh và
/// Truyền hình Quảng Ngãi") to units of the directory the user may assign to. Names are compared as sets of folded
/// words without the place names (the document's and the unit's province), so "Sở Nội vụ" finds "Sở Nội vụ tỉnh Tây
/// Ninh" before "Văn phòng Sở Nội vụ".
/// </summary>
public sealed class UnitMatcher(AppDbContext db)
{
    /// <summary>Suggestions at or above this score are chosen for the user; below it they are only offered.</summary>
    public const double ConfidentScore = 0.6;

    private static readonly HashSet<string> Noise = new(StringComparer.Ordinal) { "tinh", "cac", "va", "cap", "thanh", "pho" };

    /// <summary>Active units in the user's scope (a province: its agencies and communes), ordered by name.</summary>
    /// <remarks>An administrator gets the units of the document's province (<see cref="ImportOrigin.ProvincePrefix"/>) when known.</remarks>
    public async Task<List<UnitChoice>> CandidatesAsync(UserScope user, CancellationToken ct, ImportOrigin? origin = null)
    {
        var prefix = user.IsAdmin ? origin?.ProvincePrefix ?? UserScope.ProvincePrefix(user.UnitAncestorPath, user.UnitId) : user.ScopePrefix;
        var rows = await db.OrgUnits.AsNoTracking()
            .Where(u => u.ValidTo == null && (u.AncestorPath.StartsWith(prefix) || u.Id == user.UnitId))
            .OrderByVietnamese(db, u => u.Name).Take(2000)
            .Select(u => new { u.Id, u.Name, u.AncestorPath, u.Kind })
            .ToListAsync(ct);
        var provinceNames = await ProvinceNamesAsync(rows.Select(r => r.AncestorPath).Distinct().ToList(), ct);
        return rows.Select(r => new UnitChoice(r.Id, r.Name, r.Kind, Words(r.Name, provinceNames))).ToList();
    }

    public static List<UnitSuggestion> Suggest(string assignee, IReadOnlyList<UnitChoice> candidates, string? documentPlace, int take = 6)
    {
        var places = documentPlace is null ? [] : new[] { VietnameseText.Fold(documentPlace) };
        var wanted = Words(assignee, places);
        if (wanted.Count == 0)
        {
            return [];
        }

        // "UBND các huyện, thị xã, thành phố", "Thủ trưởng các sở, ban, ngành": many units; one is only offered, never chosen.
        var collective = (" " + VietnameseText.Fold(assignee) + " ").Contains(" cac ", StringComparison.Ordinal);
        return candidates
            .Select(c => new UnitSuggestion(c.Id, c.Name, Score(wanted, c.Words, VietnameseText.Fold(assignee), VietnameseText.Fold(c.Name))))
            .Select(s => collective ? s with { Score = Math.Min(s.Score, ConfidentScore - 0.05) } : s)
            .Where(s => s.Score > 0.25)
            .OrderByDescending(s => s.Score).ThenBy(s => s.Name.Length)
            .Take(take)
            .ToList();
    }

    /// <summary>Dice coefficient of the word sets, with a bonus when the unit's name starts with the assignee's.</summary>
    private static double Score(HashSet<string> wanted, HashSet<string> unit, string foldedAssignee, string foldedUnit)
    {
        if (unit.Count == 0)
        {
            return 0;
        }

        var common = wanted.Count(unit.Contains);
        var dice = 2.0 * common / (wanted.Count + unit.Count);
        var prefix = foldedUnit.StartsWith(foldedAssignee, StringComparison.Ordinal) ? 0.15 : 0;
        return Math.Min(1, dice + prefix);
    }

    private static HashSet<string> Words(string name, IEnumerable<string> foldedPlaces)
    {
        var folded = " " + VietnameseText.Fold(name).Replace(',', ' ').Replace('-', ' ').Replace('–', ' ').Replace('.', ' ') + " ";
        foreach (var place in foldedPlaces.Where(p => p.Length > 0))
        {
            folded = folded.Replace(" " + place + " ", " ", StringComparison.Ordinal);
        }

        return folded.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => !Noise.Contains(w)).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>
    /// Where the document comes from, read from its place, parent body and issuer ("Thanh Hóa, ngày …", "UBND TỈNH
    /// LONG AN"), against the provinces of today and those merged away in 2025 (<see cref="ProvinceMerger"/>): whether
    /// the units of the user's province may be chosen for its tasks without a word, or only offered with a warning.
    /// </summary>
    public async Task<ImportOrigin> OriginAsync(UserScope user, string? place, string? parentBody, string? issuer, CancellationToken ct)
    {
        var provinces = await db.OrgUnits.AsNoTracking().Where(u => u.Kind == OrgUnitKind.Province)
            .Select(u => new { u.Id, u.Name, u.AncestorPath }).ToListAsync(ct);
        var own = UnitPaths.Ancestors(UserScope.ProvincePrefix(user.UnitAncestorPath, user.UnitId)).LastOrDefault();
        var ownName = InSentence(provinces.FirstOrDefault(p => p.Id == own)?.Name);
        var byKey = provinces.GroupBy(p => ProvinceMerger.Key(p.Name)).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);

        foreach (var text in new[] { place, parentBody, issuer })
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            var former = ProvinceMerger.Former.Keys.Where(f => ProvinceMerger.Mentions(text, ProvinceMerger.Key(f)))
                .OrderByDescending(f => f.Length).FirstOrDefault();
            var current = byKey.Keys.Where(k => ProvinceMerger.Mentions(text, k)).OrderByDescending(k => k.Length).FirstOrDefault();
            if (former is null && current is null)
            {
                continue;
            }

            var merged = former is not null && (current is null || ProvinceMerger.Key(former).Length > current.Length);
            var province = merged ? byKey.GetValueOrDefault(ProvinceMerger.Key(ProvinceMerger.Former[former!])) : byKey[current!];
            if (province is null)
            {
                return ImportOrigin.Unknown;
            }

            var name = InSentence(province.Name)!;
            var mergedNote = merged
                ? $"Tỉnh {former} không còn là đơn vị hành chính từ {VietnameseText.FormatDate(ProvinceMerger.EffectiveFrom)} ({ProvinceMerger.Basis}): nay thuộc {name}. "
                : "";
            if (province.Id == own)
            {
                return new ImportOrigin(UnitPaths.SubtreePrefix(province.AncestorPath, province.Id), province.Name, true, merged
                    ? mergedNote + "Đơn vị chủ trì được gợi ý trong " + name + "; tên cơ quan có thể đã đổi sau sắp xếp, hãy kiểm tra từng nhiệm vụ."
                    : null);
            }

            if (user.IsAdmin)
            {
                return new ImportOrigin(UnitPaths.SubtreePrefix(province.AncestorPath, province.Id), province.Name, true, mergedNote + $"Đơn vị chủ trì được gợi ý trong {name}, nơi ban hành văn bản.");
            }

            return new ImportOrigin(UnitPaths.SubtreePrefix(province.AncestorPath, province.Id), province.Name, false, mergedNote +
                $"Văn bản do cơ quan của {name} ban hành, không thuộc {ownName ?? "tỉnh của bạn"}: các đơn vị gợi ý là đơn vị của {ownName ?? "tỉnh của bạn"} " +
                "nên chưa được chọn sẵn. Kiểm tra từng nhiệm vụ, chọn đơn vị chủ trì, hoặc bấm “Giao theo gợi ý” nếu văn bản được áp dụng tại đơn vị mình.");
        }

        return ImportOrigin.Unknown;
    }

    /// <summary>"tỉnh Tây Ninh" for "Tỉnh Tây Ninh" inside a sentence.</summary>
    private static string? InSentence(string? provinceName) =>
        provinceName is null ? null
        : provinceName.StartsWith("Tỉnh ", StringComparison.Ordinal) || provinceName.StartsWith("Thành phố ", StringComparison.Ordinal)
            ? char.ToLower(provinceName[0], VietnameseText.Culture) + provinceName[1..] : provinceName;

    private async Task<List<string>> ProvinceNamesAsync(List<string> paths, CancellationToken ct)
    {
        var provinceIds = paths.Select(p => UnitPaths.Ancestors(p).Skip(1).FirstOrDefault()).Where(id => id > 0).Distinct().ToList();
        var names = await db.OrgUnits.AsNoTracking().Where(u => provinceIds.Contains(u.Id))
            .Select(u => u.Name).ToListAsync(ct);
        return names.Select(n => VietnameseText.Fold(n)).SelectMany(n => new[] { n, StripKind(n) }).Distinct().ToList();
    }

    private static string StripKind(string foldedProvince) =>
        foldedProvince.StartsWith("tinh ", StringComparison.Ordinal) ? foldedProvince[5..]
        : foldedProvince.StartsWith("thanh pho ", StringComparison.Ordinal) ? foldedProvince[10..] : foldedProvince;
}

/// <summary>
/// The province an imported document comes from (null when its text names none) and whether its tasks may be given to
/// the suggested units of the user's own province without asking; <see cref="Warning"/> says why not, or what changed.
/// </summary>
public sealed record ImportOrigin(string? ProvincePrefix, string? ProvinceName, bool Preselect, string? Warning)
{
    public static readonly ImportOrigin Unknown = new(null, null, true, null);
}

/// <summary>A unit the user may pick, with its name as a set of folded words for matching.</summary>
public sealed record UnitChoice(int Id, string Name, OrgUnitKind Kind, HashSet<string> Words);
