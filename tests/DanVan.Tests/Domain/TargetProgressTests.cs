using DanVan.Domain.Plans;

namespace DanVan.Tests.Domain;

/// <summary>ADR-028's reading of a target against its measured value, as a table.</summary>
public class TargetProgressTests
{
    [Theory]
    // comparison, level, unit, value, elapsed → standing, gap, expected
    [InlineData(">", 90, "%", 95.0, 0.5, TargetStanding.Met, -5.0, null)]
    [InlineData(">", 90, "%", 90.0, 1.0, TargetStanding.OffTrack, 0.0, null)]           // "trên 90%" is not reached by 90
    [InlineData(">", 90, "%", 66.6, 0.2, TargetStanding.OffTrack, 23.4, null)]          // a rate below its level is off track in any month
    [InlineData("=", 100, "%", 100.0, 0.5, TargetStanding.Met, 0.0, null)]
    [InlineData(">=", 4, "cuộc", 1.0, 0.3, TargetStanding.OnTrack, 3.0, 1.0)]           // one dialogue of four by April: on pace
    [InlineData(">=", 4, "cuộc", 1.0, 0.6, TargetStanding.OffTrack, 3.0, 2.0)]          // one by August: behind
    [InlineData(">=", 4, "cuộc", 3.0, 1.0, TargetStanding.OffTrack, 1.0, null)]         // the year is over
    [InlineData(">=", 4, "cuộc", 5.0, 0.1, TargetStanding.Met, -1.0, null)]
    [InlineData("<=", 5, "%", 7.0, 0.1, TargetStanding.OffTrack, 2.0, null)]            // a ceiling exceeded
    [InlineData("<", 2, "vụ", 1.0, 0.9, TargetStanding.Met, -1.0, null)]
    public void Read_JudgesRatesAsTheyStand_CountsAgainstThePaceOfTheYear_CeilingsWhenExceeded(
        string comparison, int level, string unit, double value, double elapsed, TargetStanding standing, double gap, double? expected)
    {
        var reading = TargetProgress.Read(comparison, level, unit, linked: true, (decimal)value, elapsed);
        Assert.Equal(standing, reading.Standing);
        Assert.Equal((decimal)gap, reading.Gap);
        Assert.Equal(expected is { } e ? (decimal)e : null, reading.Expected);
    }

    [Fact]
    public void Read_OfAnIndexOrARatio_HasNoPace()
    {
        // "PCI đạt ít nhất 65 điểm" read from the index: 60 in April is short, not on pace.
        var reading = TargetProgress.Read(">=", 65, "điểm", linked: true, 60, 0.3, asItStands: true);
        Assert.Equal((TargetStanding.OffTrack, 5m, (decimal?)null), (reading.Standing, reading.Gap, reading.Expected));
        Assert.Equal(TargetStanding.OnTrack, TargetProgress.Read(">=", 65, "điểm", linked: true, 60, 0.3).Standing);
    }

    [Fact]
    public void Read_SaysWhyThereIsNoFigure()
    {
        Assert.Equal(TargetStanding.NotLinked, TargetProgress.Read(">", 90, "%", linked: false, 50, 0.5).Standing);
        Assert.Equal(TargetStanding.NotStarted, TargetProgress.Read(">", 90, "%", linked: true, null, 0).Standing);
        Assert.Equal(TargetStanding.NoData, TargetProgress.Read(">", 90, "%", linked: true, null, 0.5).Standing);
    }

    [Theory]
    [InlineData(2026, "2026-01-01", 1 / 365.0)]
    [InlineData(2026, "2025-12-31", 0.0)]
    [InlineData(2026, "2026-12-31", 1.0)]
    [InlineData(2026, "2027-03-01", 1.0)]
    [InlineData(2028, "2028-07-01", 183 / 366.0)]
    public void Elapsed_CountsToday(int year, string today, double share) =>
        Assert.Equal(share, TargetProgress.Elapsed(year, DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture)), 6);

    [Theory]
    [InlineData("Thực hiện công tác dân vận chính quyền năm 2026", "2025-12-20", 2026)]
    [InlineData("Thực hiện Kết luận số 114-KL/TW năm 2015 trong năm 2026", "2026-01-10", 2026)] // the year near the date, not the cited one
    [InlineData("Thực hiện Quy chế dân chủ ở cơ sở", "2026-03-02", 2026)]
    [InlineData("Giai đoạn 2021 – 2030", "2024-05-05", 2024)]
    public void PlanYear_ReadsTheTitleNearItsDate(string title, string issued, int year) =>
        Assert.Equal(year, TargetProgress.PlanYear(title, DateOnly.Parse(issued, System.Globalization.CultureInfo.InvariantCulture)));

    [Theory]
    [InlineData("Trên 90% hồ sơ, đơn thư thuộc thẩm quyền được giải quyết đúng hạn", "%", "don-giai-quyet-dung-han", "don-da-giai-quyet")]
    [InlineData("Tỷ lệ nhiệm vụ hoàn thành đúng hạn đạt trên 95%", "%", "nhiem-vu-dung-han", "nhiem-vu-den-han")]
    [InlineData("Mức độ hài lòng của người dân đạt trên 90%", "%", "chi-so-sipas", null)]
    [InlineData("Tổ chức ít nhất 2 cuộc đối thoại mỗi năm", "cuộc", "doi-thoai-cuoc", null)]
    [InlineData("Mỗi phường có ít nhất 1 mô hình “Dân vận khéo”", "mô hình", "mo-hinh-dang-ky", null)]
    public void Suggest_ReadsWhatTheWordsPointTo(string description, string unit, string numerator, string? denominator) =>
        Assert.Equal((numerator, denominator), TargetProgress.Suggest(description, unit));

    [Fact]
    public void Suggest_OffersNothingForWordsItCannotCount() =>
        Assert.Null(TargetProgress.Suggest("100% cơ quan, đơn vị xây dựng kế hoạch thực hiện", "%"));

    [Theory]
    [InlineData(">", 90, "%", "trên 90%")]
    [InlineData(">=", 2, "cuộc", "ít nhất 2 cuộc")]
    [InlineData("<=", 5, "%", "không quá 5%")]
    [InlineData("=", 100, "%", "100%")]
    public void Describe_SaysTheLevelAsOfficialsDo(string comparison, int value, string unit, string text) =>
        Assert.Equal(text, TargetText.Describe(comparison, value, unit));
}
