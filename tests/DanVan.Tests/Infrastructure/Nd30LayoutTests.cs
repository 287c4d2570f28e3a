using DanVan.Infrastructure;
using DanVan.Testing;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using static DanVan.Infrastructure.Nd30Docx;

namespace DanVan.Tests.Infrastructure;

/// <summary>
/// The layout rules of Nghị định 30/2020 as the tests check them (<see cref="Nd30Layout"/>), on documents built from
/// DanVan's own building blocks: a well-formed one passes and is valid OpenXML; each broken rule is caught.
/// </summary>
public sealed class Nd30LayoutTests
{
    private static byte[] Build(string date = "Tây Ninh, ngày 05 tháng 3 năm 2026", string authority = "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC", bool finish = true,
        string[]? headings = null, string[]? recipients = null)
    {
        using var stream = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(stream, DocumentFormat.OpenXml.WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            var body = new Body();
            body.Append(Header("Ủy ban nhân dân tỉnh Tây Ninh", "Sở Nội vụ", "12/BC-SNV", date));
            body.Append(P(JustificationValues.Center, R("BÁO CÁO", 14, bold: true)));
            body.Append(P(JustificationValues.Center, R("Kết quả công tác dân vận chính quyền năm 2026", 14, bold: true)));
            foreach (var heading in headings ?? ["I. KẾT QUẢ THỰC HIỆN", "II. PHƯƠNG HƯỚNG, NHIỆM VỤ"])
            {
                body.Append(P(JustificationValues.Both, R(heading, 14, bold: true)));
                body.Append(P(JustificationValues.Both, R("Nội dung.", 14)));
            }

            body.Append(Signature(recipients ?? ["Ủy ban nhân dân tỉnh (để báo cáo)", "Lưu: VT"], authority, "Nguyễn Văn An"));
            if (finish)
            {
                Finish(main, body);
            }
            else
            {
                body.Append(A4());
                main.Document = new Document(body);
                main.Document.Save();
            }
        }

        return stream.ToArray();
    }

    [Fact]
    public void A_document_built_from_the_blocks_passes_and_is_valid_OpenXml()
    {
        var file = Build();
        Assert.Empty(Nd30Layout.Check(file));
        using var doc = WordprocessingDocument.Open(new MemoryStream(file), false);
        var errors = new OpenXmlValidator().Validate(doc).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        var header = doc.MainDocumentPart!.HeaderParts.Single();
        Assert.Contains(header.Header!.Descendants<SimpleField>(), f => f.Instruction!.Value!.Contains("PAGE", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Tây Ninh, ngày 5 tháng 3 năm 2026", "the date line")] // the day below 10 without its zero
    [InlineData("Tây Ninh, ngày 05 tháng 02 năm 2026", null)]
    [InlineData("Tây Ninh, ngày 05 tháng 2 năm 2026", "the date line")] // months 1 and 2 take a zero
    [InlineData("ngày 05 tháng 3 năm 2026", "the date line")] // no place
    [InlineData("Tây Ninh, ngày      tháng      năm 2026", null)] // a draft, dated by hand when signed
    public void The_date_line_needs_its_place_and_zero_padding(string date, string? problem)
    {
        var problems = Nd30Layout.Check(Build(date: date));
        if (problem is null)
        {
            Assert.Empty(problems);
        }
        else
        {
            Assert.Contains(problems, p => p.StartsWith(problem, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void The_authority_and_a_deputys_title_on_one_line_is_caught()
    {
        Assert.Contains(Nd30Layout.Check(Build(authority: "KT. PHÓ GIÁM ĐỐC")), p => p.Contains("on one line", StringComparison.Ordinal));
    }

    [Fact]
    public void A_heading_written_twice_is_caught()
    {
        var problems = Nd30Layout.Check(Build(headings: ["III. TỔ CHỨC THỰC HIỆN", "CHỈ TIÊU", "IV. TỔ CHỨC THỰC HIỆN"]));
        Assert.Contains(problems, p => p.Contains("'TỔ CHỨC THỰC HIỆN' appears twice", StringComparison.Ordinal));
    }

    [Fact]
    public void A_document_without_page_numbers_or_defaults_is_caught()
    {
        var problems = Nd30Layout.Check(Build(finish: false));
        Assert.Contains(problems, p => p.Contains("no page number", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("first page", StringComparison.Ordinal));
    }

    [Fact]
    public void Recipients_end_with_the_archive_line()
    {
        Assert.Equal(["- Sở Nội vụ;", "- UBND các xã, phường;", "- Lưu: VT, SNV."], Recipients(["Sở Nội vụ", "- UBND các xã, phường;", "Lưu: VT, SNV"]));
        Assert.Equal(["- Như trên;", "- Lưu: VT."], Recipients(["Như trên"]));
        Assert.Empty(Nd30Layout.Check(Build(recipients: ["Sở Nội vụ"])));
    }

    [Theory]
    [InlineData("KT.", "Phó Chủ tịch", "Ủy ban nhân dân tỉnh Tây Ninh", "KT. CHỦ TỊCH|PHÓ CHỦ TỊCH")]
    [InlineData("KT.", null, "Sở Nội vụ", "KT. GIÁM ĐỐC|PHÓ GIÁM ĐỐC")]
    [InlineData("TM.", "Chủ tịch", "Ủy ban nhân dân phường Tân Ninh", "TM. ỦY BAN NHÂN DÂN|CHỦ TỊCH")]
    [InlineData("TM.", "Phó Chủ tịch", "Ủy ban nhân dân phường Tân Ninh", "TM. ỦY BAN NHÂN DÂN|KT. CHỦ TỊCH|PHÓ CHỦ TỊCH")]
    [InlineData("TL.", "Chánh Văn phòng", "Ủy ban nhân dân tỉnh Tây Ninh", "TL. CHỦ TỊCH|CHÁNH VĂN PHÒNG")]
    [InlineData(null, "Giám đốc", "Sở Nội vụ", "GIÁM ĐỐC")]
    [InlineData(null, null, "Ban Tuyên giáo và Dân vận Tỉnh ủy", "TRƯỞNG BAN")]
    [InlineData("KT. GIÁM ĐỐC", "Phó Giám đốc", "Sở Tư pháp", "KT. GIÁM ĐỐC|PHÓ GIÁM ĐỐC")]
    [InlineData(null, null, "Hợp tác xã Bình Minh", "THỦ TRƯỞNG CƠ QUAN")]
    [InlineData("KT. PHÓ CHỦ TỊCH", null, "Ủy ban nhân dân tỉnh Tây Ninh", "KT. CHỦ TỊCH|PHÓ CHỦ TỊCH")] // typed on one line
    [InlineData("KT. GIÁM ĐỐC", null, "Sở Nội vụ", "KT. GIÁM ĐỐC|PHÓ GIÁM ĐỐC")]
    public void The_signature_lines_put_the_authority_over_the_signers_title(string? authority, string? position, string issuer, string expected)
    {
        Assert.Equal(expected.Split('|'), DanVan.Domain.Documents.SignatureBlock.Lines(authority, position, issuer));
    }

    [Theory]
    [InlineData("15/KH-UBND", "Kế hoạch Thực hiện công tác dân vận chính quyền năm 2026", "15-KH-UBND-ke-hoach-thuc-hien-cong-tac-dan-van-chinh-quyen-nam-2026.docx")]
    [InlineData(null, "Báo cáo 6 tháng đầu năm 2026 Tỉnh Tây Ninh", "bao-cao-6-thang-dau-nam-2026-tinh-tay-ninh.docx")]
    [InlineData("", "", "van-ban.docx")]
    public void A_file_is_named_after_its_number_and_title(string? code, string title, string expected)
    {
        Assert.Equal(expected, FileName(code, title));
        Assert.True(FileName("15/KH-UBND", string.Concat(Enumerable.Repeat("Kế hoạch dài ", 30))).Length <= 105);
    }
}
