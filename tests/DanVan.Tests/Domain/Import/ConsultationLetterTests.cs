using DanVan.Domain.Import;
using DanVan.Domain.WorkItems;
using DanVan.Features.Import;
using DanVan.Tests.Support;

namespace DanVan.Tests.Domain.Import;

/// <summary>Seed 003, the Sở Nội vụ's letter sending a draft plan for comments, read into a consultation proposal.</summary>
public class ConsultationLetterTests
{
    private static ParsedDocument Seed003() => DocumentParser.Parse(DocumentTextReader.NormaliseText(Seeds.Text("003")));

    [Fact]
    public void Seed003_IsAConsultation_WithItsAddressees_Deadline_SilenceRule_AndEnclosedDraft()
    {
        var parsed = Seed003();
        Assert.True(ConsultationLetter.IsConsultation(parsed));
        var p = ConsultationLetter.Propose(parsed);
        Assert.Equal("V/v lấy ý kiến góp ý dự thảo Kế hoạch của Chủ tịch UBND tỉnh về công tác dân vận", p.Subject);
        Assert.Equal("Kế hoạch của Chủ tịch UBND tỉnh về công tác dân vận", p.DraftTitle);
        Assert.Equal(
            ["Các Sở, ban, ngành", "Công an tỉnh", "Bộ Chỉ huy Quân sự tỉnh", "Bộ Chỉ huy Bộ đội Biên phòng tỉnh", "Các đơn vị sự nghiệp thuộc UBND tỉnh", "Ủy ban nhân dân các huyện, thành phố"],
            p.Addressees);
        Assert.Equal(new DateOnly(2022, 1, 9), p.DueOn); // "trước ngày 10/01/2022": the last day is the 9th
        Assert.Equal("trước ngày 10/01/2022", p.DueText);
        Assert.StartsWith("Nếu quá thời hạn nêu trên", p.SilenceRule, StringComparison.Ordinal);
        Assert.EndsWith("xem như thống nhất với nội dung dự thảo Kế hoạch.", p.SilenceRule, StringComparison.Ordinal);
        Assert.True(p.SilenceMeansAgreement);
        Assert.Equal("Thư điện tử: ducluc@ninhthuan.gov.vn", p.Contact);
        Assert.NotNull(p.DraftText);
        Assert.StartsWith("ỦY BAN NHÂN DÂN", p.DraftText, StringComparison.Ordinal);
        Assert.Contains("I. MỤC ĐÍCH, YÊU CẦU", p.DraftText, StringComparison.Ordinal);
        Assert.DoesNotContain("**", p.DraftText, StringComparison.Ordinal);
        Assert.DoesNotContain("Trân trọng", p.DraftText, StringComparison.Ordinal); // the letter stays out of the draft
    }

    [Theory]
    [InlineData("Các Sở, ban, ngành", LeadUnitGroup.Departments)]
    [InlineData("Ủy ban nhân dân các huyện, thành phố", LeadUnitGroup.CommunesWardsZones)]
    [InlineData("UBND các xã, phường, đặc khu", LeadUnitGroup.CommunesWardsZones)]
    [InlineData("Công an tỉnh", null)]
    [InlineData("Bộ Chỉ huy Quân sự tỉnh", null)]
    public void Addressees_NamingAKind_AreKinds(string addressee, LeadUnitGroup? group) =>
        Assert.Equal(group, ConsultationLetter.GroupOf(addressee));

    [Fact]
    public void ALetterWithoutADraftTitle_IsNotAConsultation()
    {
        var parsed = DocumentParser.Parse("ỦY BAN NHÂN DÂN TỈNH TÂY NINH\nSố: 12/UBND-VX\nV/v tăng cường công tác dân vận\nKính gửi: Sở Nội vụ.\nĐề nghị Sở Nội vụ báo cáo trước ngày 15/3/2026.");
        Assert.False(ConsultationLetter.IsConsultation(parsed));
        Assert.Equal(["Sở Nội vụ"], ConsultationLetter.Addressees(parsed.Text));
    }
}
