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

    [Theory]
    [InlineData("Tổ chức ít nhất 2 cuộc đối thoại với Nhân dân mỗi năm", ">=", 2, "cuộc")]
    [InlineData("Mỗi xã xây dựng ít nhất 01 mô hình “Dân vận khéo”", ">=", 1, "mô hình")]
    [InlineData("Tổ chức 4 Hội nghị cán bộ, công chức", "=", 4, "hội nghị")]
    [InlineData("Không quá 3 đơn tồn đọng", "<=", 3, "đơn")]
    public void Parse_ReadsACountWithItsUnit(string text, string comparison, int value, string unit)
    {
        var parsed = TargetText.Parse(text);
        Assert.NotNull(parsed);
        Assert.Equal((comparison, value, unit), (parsed.Comparison, parsed.Value, parsed.Unit));
    }

    [Theory]
    [InlineData("Thực hiện Kết luận số 114 năm 2015")]   // a number is not a count without a unit of count after it
    [InlineData("Hoàn thành trong năm 2026")]
    public void Parse_OfANumberThatIsNoCount_IsNull(string text) => Assert.Null(TargetText.Parse(text));

    [Fact]
    public void Parse_OfTextWithoutANumber_IsNull() => Assert.Null(TargetText.Parse("Nâng cao chất lượng tiếp công dân"));
}
