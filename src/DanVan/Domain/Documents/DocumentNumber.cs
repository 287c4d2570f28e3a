using System.Globalization;
using System.Text.RegularExpressions;
using DanVan.Domain.Text;

namespace DanVan.Domain.Documents;

public enum NumberingStyle
{
    /// <summary>State bodies (Nghị định 30/2020): 1026/KH-UBND, 07/2023/QĐ-UBND, 123/UBND-VX.</summary>
    State = 1,

    /// <summary>Party bodies (Hướng dẫn 36-HD/VPTW): 451-CV/HU, 23-QĐ/TW, 03-CTr/BDVTW-BCSĐCP.</summary>
    Party = 2,
}

/// <summary>
/// Số và ký hiệu of a document, parsed. <see cref="Number"/> is null for a draft whose number is left blank
/// ("/KH-SNV"). <see cref="TypeCode"/> is null for a công văn (State style), whose symbol is issuer-unit.
/// </summary>
public sealed partial record DocumentNumber(
    NumberingStyle Style, int? Number, int? Year, string? TypeCode, string Issuer, string Code)
{
    /// <summary>
    /// Parses a number as officials write it ("Số: 878/KH-SVHTT", "451-CV/HU", "07/2023/QĐ-UBND"), with or without
    /// spaces and in NFC or NFD. <paramref name="typeCodes"/> is the table of type abbreviations (data, not code):
    /// a State symbol whose first part is not a type is read as a công văn (issuer-unit).
    /// </summary>
    public static bool TryParse(string? text, IReadOnlySet<string> typeCodes, out DocumentNumber? result, out string? error)
    {
        result = null;
        error = null;
        var cleaned = Clean(text);
        if (cleaned.Length == 0)
        {
            error = "Vui lòng nhập số, ký hiệu văn bản (ví dụ 1026/KH-UBND hoặc 451-CV/HU).";
            return false;
        }

        var party = PartyPattern().Match(cleaned);
        if (party.Success)
        {
            var type = party.Groups["type"].Value;
            if (!typeCodes.Contains(type))
            {
                error = $"Ký hiệu loại văn bản \"{type}\" không có trong danh mục loại văn bản.";
                return false;
            }

            result = new DocumentNumber(NumberingStyle.Party, ParseNumber(party.Groups["num"]), null, type, party.Groups["issuer"].Value, cleaned);
            return true;
        }

        var state = StatePattern().Match(cleaned);
        if (!state.Success)
        {
            error = $"Số, ký hiệu \"{cleaned}\" không đúng dạng: văn bản nhà nước viết như 1026/KH-UBND, 07/2023/QĐ-UBND; văn bản của Đảng viết như 451-CV/HU.";
            return false;
        }

        int? year = state.Groups["year"].Success ? int.Parse(state.Groups["year"].Value, CultureInfo.InvariantCulture) : null;
        if (year is < 1945 or > 2100)
        {
            error = $"Năm {year} trong số, ký hiệu không hợp lệ.";
            return false;
        }

        var first = state.Groups["first"].Value;
        var rest = state.Groups["rest"].Success ? state.Groups["rest"].Value : null;
        string? typeCode;
        string issuer;
        if (typeCodes.Contains(first) && rest is not null)
        {
            typeCode = first;
            issuer = rest;
        }
        else if (rest is null && year is not null)
        {
            typeCode = null; // 10/2022/QH15: a law, the symbol is the issuer alone
            issuer = first;
        }
        else
        {
            typeCode = null; // công văn: issuer-drafting unit
            issuer = rest is null ? first : first + "-" + rest;
        }

        result = new DocumentNumber(NumberingStyle.State, ParseNumber(state.Groups["num"]), year, typeCode, issuer, cleaned);
        return true;
    }

    private static int? ParseNumber(Group group) =>
        group.Success && group.Value.Length > 0 ? int.Parse(group.Value, CultureInfo.InvariantCulture) : null;

    /// <summary>NFC, no "Số:" prefix, no spaces, en/em dashes as hyphens.</summary>
    public static string Clean(string? text)
    {
        var s = VietnameseText.Nfc(text)?.Trim() ?? "";
        s = PrefixPattern().Replace(s, "");
        s = s.Replace('–', '-').Replace('—', '-').Replace('‐', '-');
        return WhitespacePattern().Replace(s, "");
    }

    [GeneratedRegex(@"^(?<num>\d{1,6})-(?<type>[\p{L}]+)/(?<issuer>[\p{Lu}\d]+(?:-[\p{Lu}\d]+)*)$")]
    private static partial Regex PartyPattern();

    [GeneratedRegex(@"^(?<num>\d{1,6})?(?:/(?<year>\d{4}))?/(?<first>[\p{L}]+\d*)(?:-(?<rest>[\p{L}\d]+(?:-[\p{L}\d]+)*))?$")]
    private static partial Regex StatePattern();

    [GeneratedRegex(@"^(Số|số|SỐ)\s*[:.]?\s*")]
    private static partial Regex PrefixPattern();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhitespacePattern();
}
