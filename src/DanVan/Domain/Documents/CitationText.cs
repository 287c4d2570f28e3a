using System.Globalization;
using System.Text.RegularExpressions;

namespace DanVan.Domain.Documents;

/// <summary>Finds the number-symbol and date inside a citation as written ("Kế hoạch số 1026/KH-UBND ngày 12/3/2023 của …").</summary>
public static partial class CitationText
{
    public static string? FindCode(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var m = CodePattern().Match(Text.VietnameseText.Nfc(text)!);
        return m.Success ? DocumentNumber.Clean(m.Value) : null;
    }

    public static DateOnly? FindDate(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var m = DatePattern().Match(text);
        if (!m.Success)
        {
            return null;
        }

        return DateOnly.TryParseExact($"{m.Groups[1].Value}/{m.Groups[2].Value}/{m.Groups[3].Value}", "d/M/yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d : null;
    }

    [GeneratedRegex(@"\d{1,6}(?:/\d{4})?/[\p{L}]+\d*(?:-[\p{L}\d]+)+|\d{1,6}/\d{4}/[\p{L}]+\d*|\d{1,6}-[\p{L}]+/[\p{Lu}\d]+(?:-[\p{Lu}\d]+)*")]
    private static partial Regex CodePattern();

    [GeneratedRegex(@"ngày\s+(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})", RegexOptions.IgnoreCase)]
    private static partial Regex DatePattern();
}
