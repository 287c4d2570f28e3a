using System.Text;
using DanVan.Domain.Text;

namespace DanVan.Tests.Domain;

public class VietnameseTextTests
{
    [Theory]
    [InlineData("Quảng Ngãi", "quang ngai")]
    [InlineData("ĐẮK LẮK", "dak lak")]
    [InlineData("  Thành   phố  Hồ Chí Minh ", "thanh pho ho chi minh")]
    [InlineData("Sở Nội vụ", "so noi vu")]
    [InlineData("Tây\tNinh\u0000\u200B", "tay ninh")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void Fold_RemovesDiacriticsCaseAndExtraSpaces(string? input, string expected) =>
        Assert.Equal(expected, VietnameseText.Fold(input));

    [Fact]
    public void Fold_TreatsNfdAndNfcAlike()
    {
        var nfd = "Quảng Ngãi".Normalize(NormalizationForm.FormD);
        Assert.Equal(VietnameseText.Fold("Quảng Ngãi"), VietnameseText.Fold(nfd));
    }

    [Fact]
    public void Nfc_DropsNulCharacters() => Assert.Equal("Tây Ninh", VietnameseText.Nfc("Tây\0 Ninh"));

    [Fact]
    public void Nfc_ComposesDecomposedInput()
    {
        var nfd = "Tây Ninh".Normalize(NormalizationForm.FormD);
        Assert.NotEqual("Tây Ninh", nfd);
        Assert.Equal("Tây Ninh", VietnameseText.Nfc(nfd));
    }

    [Theory]
    [InlineData("01/07/2025", 2025, 7, 1)]
    [InlineData("1/7/2025", 2025, 7, 1)]
    [InlineData("29/02/2024", 2024, 2, 29)]
    public void TryParseDate_ReadsDayMonthYear(string text, int y, int m, int d)
    {
        Assert.True(VietnameseText.TryParseDate(text, out var date));
        Assert.Equal(new DateOnly(y, m, d), date);
    }

    [Theory]
    [InlineData("30/02/2025")]
    [InlineData("29/02/2025")]
    [InlineData("07/13/2025")]
    [InlineData("ngày mai")]
    public void TryParseDate_RejectsImpossibleDates(string text) =>
        Assert.False(VietnameseText.TryParseDate(text, out _));

    [Fact]
    public void Formats_AreVietnamese()
    {
        Assert.Equal("05/03/2020", VietnameseText.FormatDate(new DateOnly(2020, 3, 5)));
        Assert.Equal("3.321", VietnameseText.FormatNumber(3321));
        Assert.Equal("1.234.567", VietnameseText.FormatNumber(1234567));
    }
}
