using System.Text;
using DanVan.Domain.Documents;

namespace DanVan.Tests.Domain;

public class DocumentNumberTests
{
    private static readonly IReadOnlySet<string> Types = DocumentType.Defaults.Select(t => t.Code).ToHashSet(StringComparer.Ordinal);

    private static DocumentNumber Parse(string text)
    {
        Assert.True(DocumentNumber.TryParse(text, Types, out var result, out var error), error);
        return result!;
    }

    [Theory]
    [InlineData("1026/KH-UBND", 1026, null, "KH", "UBND")]
    [InlineData("Số: 878/KH-SVHTT", 878, null, "KH", "SVHTT")]
    [InlineData("07/2023/QĐ-UBND", 7, 2023, "QĐ", "UBND")]
    [InlineData("33/CT-TTg", 33, null, "CT", "TTg")]
    [InlineData("80/KH-UBND", 80, null, "KH", "UBND")]
    [InlineData("59/2023/NĐ-CP", 59, 2023, "NĐ", "CP")]
    [InlineData("10/2022/QH15", 10, 2022, null, "QH15")]
    [InlineData("123/UBND-VX", 123, null, null, "UBND-VX")]
    [InlineData("249/MTTQ-BTT", 249, null, null, "MTTQ-BTT")]
    [InlineData("Số:   /KH-SNV", null, null, "KH", "SNV")]
    public void State_NumbersAreRead(string text, int? number, int? year, string? type, string issuer)
    {
        var n = Parse(text);
        Assert.Equal(NumberingStyle.State, n.Style);
        Assert.Equal(number, n.Number);
        Assert.Equal(year, n.Year);
        Assert.Equal(type, n.TypeCode);
        Assert.Equal(issuer, n.Issuer);
    }

    [Theory]
    [InlineData("23-QĐ/TW", 23, "QĐ", "TW")]
    [InlineData("451-CV/HU", 451, "CV", "HU")]
    [InlineData("11-QĐi/TW", 11, "QĐi", "TW")]
    [InlineData("03-CTr/BDVTW-BCSĐCP", 3, "CTr", "BDVTW-BCSĐCP")]
    [InlineData("13 - HD/BTGDVTU", 13, "HD", "BTGDVTU")]
    public void Party_NumbersAreRead(string text, int number, string type, string issuer)
    {
        var n = Parse(text);
        Assert.Equal(NumberingStyle.Party, n.Style);
        Assert.Equal(number, n.Number);
        Assert.Equal(type, n.TypeCode);
        Assert.Equal(issuer, n.Issuer);
    }

    [Fact]
    public void DecomposedAccents_ReadTheSameAsComposed()
    {
        var nfd = "07/2023/QĐ-UBND".Normalize(NormalizationForm.FormD);
        Assert.Equal("07/2023/QĐ-UBND", Parse(nfd).Code);
    }

    [Theory]
    [InlineData("", "Vui lòng nhập")]
    [InlineData("KH-UBND", "không đúng dạng")]
    [InlineData("12/KH/UBND", "không đúng dạng")]
    [InlineData("abc", "không đúng dạng")]
    [InlineData("12-XYZ/TW", "không có trong danh mục")]
    [InlineData("07/1800/QĐ-UBND", "không hợp lệ")]
    public void MalformedNumbers_GetAVietnameseReason(string text, string expected)
    {
        Assert.False(DocumentNumber.TryParse(text, Types, out _, out var error));
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }
}
