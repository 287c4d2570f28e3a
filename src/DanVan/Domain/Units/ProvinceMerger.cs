using DanVan.Domain.Text;

namespace DanVan.Domain.Units;

/// <summary>
/// The provinces that ceased to exist when the 63 provinces became 34 (Nghị quyết 202/2025/QH15 of the Quốc hội,
/// passed 12/06/2025, effective on passing), each with the province it became part of. Used to tell the reader of an
/// imported document that its issuer no longer exists and where its units now are. The unit tree itself only holds
/// the 34 provinces of today (Data/Seed/vn-admin-units.json).
/// </summary>
public static class ProvinceMerger
{
    public const string Basis = "Nghị quyết 202/2025/QH15 của Quốc hội về sắp xếp đơn vị hành chính cấp tỉnh";

    public static readonly DateOnly EffectiveFrom = new(2025, 6, 12);

    /// <summary>Former province (as written after "tỉnh"/"thành phố") → the province of today it is part of.</summary>
    public static readonly IReadOnlyDictionary<string, string> Former = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["Hà Giang"] = "Tuyên Quang",
        ["Yên Bái"] = "Lào Cai",
        ["Bắc Kạn"] = "Thái Nguyên",
        ["Vĩnh Phúc"] = "Phú Thọ",
        ["Hòa Bình"] = "Phú Thọ",
        ["Bắc Giang"] = "Bắc Ninh",
        ["Thái Bình"] = "Hưng Yên",
        ["Hải Dương"] = "Hải Phòng",
        ["Hà Nam"] = "Ninh Bình",
        ["Nam Định"] = "Ninh Bình",
        ["Quảng Bình"] = "Quảng Trị",
        ["Quảng Nam"] = "Đà Nẵng",
        ["Kon Tum"] = "Quảng Ngãi",
        ["Bình Định"] = "Gia Lai",
        ["Ninh Thuận"] = "Khánh Hòa",
        ["Đắk Nông"] = "Lâm Đồng",
        ["Bình Thuận"] = "Lâm Đồng",
        ["Phú Yên"] = "Đắk Lắk",
        ["Bà Rịa - Vũng Tàu"] = "Hồ Chí Minh",
        ["Bình Dương"] = "Hồ Chí Minh",
        ["Bình Phước"] = "Đồng Nai",
        ["Long An"] = "Tây Ninh",
        ["Sóc Trăng"] = "Cần Thơ",
        ["Hậu Giang"] = "Cần Thơ",
        ["Bến Tre"] = "Vĩnh Long",
        ["Trà Vinh"] = "Vĩnh Long",
        ["Tiền Giang"] = "Đồng Tháp",
        ["Bạc Liêu"] = "Cà Mau",
        ["Kiên Giang"] = "An Giang",
    };

    /// <summary>"ba ria vung tau" from "Bà Rịa - Vũng Tàu", "tay ninh" from "Tỉnh Tây Ninh": the words a text is searched for.</summary>
    public static string Key(string provinceName)
    {
        var folded = Words(provinceName);
        foreach (var kind in new[] { "tinh ", "thanh pho " })
        {
            if (folded.StartsWith(kind, StringComparison.Ordinal))
            {
                return folded[kind.Length..];
            }
        }

        return folded;
    }

    /// <summary>Folded words separated by single spaces (punctuation and hyphens dropped), for whole-word search.</summary>
    public static string Words(string? text)
    {
        var folded = VietnameseText.Fold(text);
        var chars = folded.Select(c => char.IsLetterOrDigit(c) ? c : ' ').ToArray();
        return string.Join(' ', new string(chars).Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    /// <summary>Whether the folded words of <paramref name="text"/> contain <paramref name="key"/> as whole words.</summary>
    public static bool Mentions(string text, string key) =>
        key.Length > 0 && (" " + Words(text) + " ").Contains(" " + key + " ", StringComparison.Ordinal);
}
