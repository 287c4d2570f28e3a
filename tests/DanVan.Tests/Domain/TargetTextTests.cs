using DanVan.Domain.Plans;

namespace DanVan.Tests.Domain;

public class TargetTextTests
{
    [Theory]
    [InlineData("100% cơ quan, đơn vị xây dựng kế hoạch", "=", 100)]
    [InlineData("Mức độ hài lòng của người dân đạt trên 90%", ">", 90)]
    [InlineData("ít nhất 80% xã, phường có mô hình Dân vận khéo", ">=", 80)]
    [InlineData("Tỷ lệ hồ sơ trễ hạn không quá 5%", "<=", 5)]
    [InlineData("Tỷ lệ đơn thư tồn đọng dưới 2%", "<", 2)]
    public void Parse_ReadsComparisonAndValue(string text, string comparison, int value)
    {
        var parsed = TargetText.Parse(text);
        Assert.NotNull(parsed);
        Assert.Equal(comparison, parsed.Comparison);
        Assert.Equal(value, parsed.Value);
        Assert.Equal("%", parsed.Unit);
    }

    [Fact]
    public void Parse_OfTextWithoutANumber_IsNull() => Assert.Null(TargetText.Parse("Nâng cao chất lượng tiếp công dân"));
}
