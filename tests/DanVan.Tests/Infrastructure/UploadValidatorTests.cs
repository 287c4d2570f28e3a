using System.IO.Compression;
using DanVan.Infrastructure;
using DanVan.Tests.Support;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.Extensions.Configuration;

namespace DanVan.Tests.Infrastructure;

/// <summary>The one check every upload passes: kind by content, structure, and the limits that stop hostile files.</summary>
public class UploadValidatorTests
{
    private readonly UploadValidator validator = new();

    public static TheoryData<string, UploadKind> GoodFiles => new()
    {
        { "docx", UploadKind.Docx },
        { "docx-footnotes", UploadKind.Docx },
        { "xlsx", UploadKind.Xlsx },
        { "pdf", UploadKind.Pdf },
        { "pdf-trailer-only", UploadKind.Pdf },
        { "pdf-after-junk", UploadKind.Pdf },
        { "png", UploadKind.Png },
        { "jpeg", UploadKind.Jpeg },
    };

    private static byte[] Good(string name) => name switch
    {
        "docx" => TestFiles.Docx("KẾ HOẠCH"),
        "docx-footnotes" => TestFiles.OfficialPlanDocx(),
        "xlsx" => Xlsx(),
        "pdf" => TestPdf.WithText(new TestPdf.Line(60, 790, "Biên bản hội nghị đối thoại")),
        "pdf-trailer-only" => TestFiles.Pdf(),
        "pdf-after-junk" => [.. "junk\r\n"u8.ToArray(), .. TestPdf.WithoutText()],
        "png" => TestFiles.Png(),
        "jpeg" => HostileFiles.Jpeg(),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    [Theory]
    [MemberData(nameof(GoodFiles))]
    public void GoodFile_PassesWithItsKind(string name, UploadKind kind)
    {
        var check = validator.Check(Good(name));
        Assert.Equal(new UploadCheck(kind, null), check);
        Assert.Null(check.Refusal("không nhận", kind));
    }

    [Theory]
    [MemberData(nameof(HostileFiles.Names), MemberType = typeof(HostileFiles))]
    public void HostileFile_IsRefusedWithAVietnameseReason(string name)
    {
        var (content, expected) = HostileFiles.Named(name);
        var check = validator.Check(content);
        Assert.NotNull(check.Kind);
        Assert.Contains(expected, check.Error, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', check.Error!);
        Assert.Equal(check.Error, check.Refusal("không nhận", check.Kind!.Value));
    }

    [Fact]
    public void ZipBomb_IsRefusedByItsDeclaredSize_AndNamesThePart()
    {
        Assert.True(HostileFiles.ZipBombDocx.Length < 2 * 1024 * 1024, $"{HostileFiles.ZipBombDocx.Length} bytes");
        var check = validator.Check(HostileFiles.ZipBombDocx);
        Assert.Equal(UploadKind.Docx, check.Kind);
        Assert.Equal("Tệp Word bị hỏng hoặc không an toàn: phần word/document.xml quá lớn khi giải nén (trên 40 MB).", check.Error);
    }

    [Fact]
    public void ZipBomb_WhoseHeadersClaimATinySize_IsReadOnlyAsFarAsTheyClaim_AndRefused()
    {
        var lying = WithDeclaredSize(HostileFiles.ZipBombDocx, "word/document.xml", 1000);
        using (var zip = new ZipArchive(new MemoryStream(lying)))
        {
            Assert.Equal(1000, zip.GetEntry("word/document.xml")!.Length);
        }

        var check = validator.Check(lying);
        Assert.Equal(UploadKind.Docx, check.Kind);
        Assert.Contains("phần word/document.xml không phải XML hợp lệ", check.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Part_ThatInflatesFarMoreThanItWeighs_IsRefusedEvenUnderTheSizeLimit()
    {
        var docx = HostileFiles.DocxWith(zip => HostileFiles.Write(zip, "word/media/image1.png", s => HostileFiles.Zeros(s, 30L * 1024 * 1024)));
        var check = validator.Check(docx);
        Assert.Contains("phần word/media/image1.png bị nén bất thường (giải nén ra gấp hơn 100 lần)", check.Error, StringComparison.Ordinal);

        var relaxed = new UploadValidator(new UploadLimits { MaxCompressionRatio = 10_000 });
        Assert.Null(relaxed.Check(docx).Error);
    }

    [Fact]
    public void AllParts_TogetherOverTheLimit_AreRefused()
    {
        var small = new UploadValidator(new UploadLimits { MaxZipTotalBytes = 1_024 });
        Assert.Equal("Tệp Word bị hỏng hoặc không an toàn: nội dung quá lớn khi giải nén (trên 1 KB).", small.Check(TestFiles.OfficialPlanDocx()).Error);
    }

    [Fact]
    public void Counter_StopsOneBytePastTheBudget_WhateverTheSourceHolds()
    {
        using var counted = new BoundedReadStream(new MemoryStream(new byte[10_000_000]), maxBytes: 1_000_000);
        counted.CopyTo(Stream.Null);
        Assert.Equal(BoundedReadStream.Reason.Size, counted.Stop);
        Assert.Equal(1_000_001, counted.Count);

        using var ratio = new BoundedReadStream(new MemoryStream(new byte[10_000_000]), maxByRatio: 500_000, ratioFreeBytes: 100_000);
        ratio.CopyTo(Stream.Null);
        Assert.Equal(BoundedReadStream.Reason.Ratio, ratio.Stop);
        Assert.InRange(ratio.Count, 500_001, 500_000 + 81_920);

        using var unbounded = new BoundedReadStream(new MemoryStream(new byte[10_000_000]));
        unbounded.CopyTo(Stream.Null);
        Assert.Equal((10_000_000L, (BoundedReadStream.Reason?)null), (unbounded.Count, unbounded.Stop));
    }

    [Fact]
    public void Docx_WithoutItsRelationships_IsRefused()
    {
        var check = validator.Check(HostileFiles.DocxWith(_ => { }, without: "_rels/.rels"));
        Assert.Equal(UploadKind.Docx, check.Kind);
        Assert.Contains("thiếu phần _rels/.rels", check.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Docx_CutShort_IsStillNamedWord_AndRefused()
    {
        var check = validator.Check(TestFiles.OfficialPlanDocx()[..2000]);
        Assert.Equal(UploadKind.Docx, check.Kind);
        Assert.Contains("Tệp Word bị hỏng hoặc không an toàn: tệp bị cắt cụt", check.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void ZipOfSomethingElse_IsAZip_AndRefusedByWhoeverWantsOffice()
    {
        var check = validator.Check(TestFiles.ZipOfSomethingElse());
        Assert.Equal(new UploadCheck(UploadKind.Zip, null), check);
        Assert.Equal("chỉ Word", check.Refusal("chỉ Word", UploadKind.Docx));
    }

    [Fact]
    public void UnknownBytes_HaveNoKind()
    {
        var check = validator.Check("KẾ HOẠCH thực hiện công tác dân vận"u8.ToArray());
        Assert.Equal(new UploadCheck(null, null), check);
        Assert.Equal("chỉ PDF", check.Refusal("chỉ PDF", UploadKind.Pdf));
        Assert.Equal("chỉ PDF", validator.Check([]).Refusal("chỉ PDF", UploadKind.Pdf));
    }

    [Fact]
    public void AcceptedKind_IsJudgedByContent_NotByWhatTheCallerHopes()
    {
        var check = validator.Check(TestFiles.Png());
        Assert.Equal("chỉ Word, PDF", check.Refusal("chỉ Word, PDF", UploadKind.Docx, UploadKind.Pdf));
        Assert.Equal("image/png", check.ContentType);
    }

    public static TheoryData<string, string> BadPdfs => new()
    {
        { "%PDF-1.7\n1 0 obj<<>>endobj\n", "thiếu phần kết thúc tệp (%%EOF)" },
        { "%PDF-1.7\n1 0 obj<<>>endobj\n%%EOF\n", "thiếu bảng tham chiếu (xref)" },
        { "%PDF-1.7\n1 0 obj<<>>endobj\nstartxref\n999999\n%%EOF\n", "thiếu bảng tham chiếu (xref)" },
        { "%PDF-1.7\n1 0 obj<<>>endobj\nstartxref\nabc\n%%EOF\n", "thiếu bảng tham chiếu (xref)" },
        { "%PDF-x\ntrailer<</Root 1 0 R>>\n%%EOF\n", "không ghi phiên bản PDF" },
    };

    [Theory]
    [MemberData(nameof(BadPdfs))]
    public void Pdf_WithoutTheMarkersReadersNeed_IsRefused(string content, string expected)
    {
        var check = validator.Check(System.Text.Encoding.ASCII.GetBytes(content));
        Assert.Equal(UploadKind.Pdf, check.Kind);
        Assert.StartsWith("Tệp PDF bị hỏng hoặc không an toàn: ", check.Error, StringComparison.Ordinal);
        Assert.Contains(expected, check.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Pdf_WhoseStartXrefPointsAtAnObject_IsAnXrefStream_AndPasses()
    {
        var pdf = System.Text.Encoding.ASCII.GetBytes("%PDF-1.5\n1 0 obj<</Type/XRef/Root 2 0 R>>stream\nendstream endobj\nstartxref\n9\n%%EOF\n");
        Assert.Null(validator.Check(pdf).Error);
    }

    public static TheoryData<string, string> BadPictures => new()
    {
        { "png-huge-side", "ảnh quá lớn (30.000 × 10 điểm ảnh" },
        { "png-too-many-pixels", "ảnh quá lớn (15.000 × 15.000 điểm ảnh" },
        { "png-zero", "ảnh ghi kích thước bằng 0" },
        { "png-no-ihdr", "thiếu phần mô tả ảnh (IHDR)" },
        { "jpeg-cut", "tệp bị cắt cụt" },
        { "jpeg-no-frame", "thiếu phần khung ảnh" },
        { "jpeg-no-end", "tệp bị cắt cụt" },
    };

    [Theory]
    [MemberData(nameof(BadPictures))]
    public void Picture_Malformed_OrTooLarge_IsRefused(string name, string expected)
    {
        var jpeg = HostileFiles.Jpeg();
        byte[] startOfScan = [0xFF, 0xDA];
        var sos = jpeg.AsSpan().IndexOf(startOfScan);
        byte[] content = name switch
        {
            "png-huge-side" => HostileFiles.PngClaiming(30_000, 10),
            "png-too-many-pixels" => HostileFiles.PngClaiming(15_000, 15_000),
            "png-zero" => HostileFiles.PngClaiming(0, 1),
            "png-no-ihdr" => [.. TestFiles.Png()[..12], .. "IHDX"u8.ToArray(), .. TestFiles.Png()[16..]],
            "jpeg-cut" => jpeg[..30],
            "jpeg-no-frame" => [.. jpeg[..2], .. jpeg[sos..]],
            _ => jpeg[..^2],
        };
        var check = validator.Check(content);
        Assert.Contains(expected, check.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Limits_ComeFromConfiguration_WithDefaultsForTheRest()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Uploads:MaxZipEntries"] = "3",
            ["Uploads:MaxImageSide"] = "100",
        }).Build();
        var limits = UploadLimits.From(configuration);
        Assert.Equal(new UploadLimits { MaxZipEntries = 3, MaxImageSide = 100 }, limits);
        Assert.Equal(new UploadLimits(), UploadLimits.From(null));
        Assert.Contains("nhiều hơn mức cho phép (3 phần)", new UploadValidator(limits).Check(TestFiles.OfficialPlanDocx()).Error, StringComparison.Ordinal);
    }

    private static byte[] Xlsx()
    {
        using var stream = new MemoryStream();
        using (var doc = SpreadsheetDocument.Create(stream, DocumentFormat.OpenXml.SpreadsheetDocumentType.Workbook))
        {
            var workbook = doc.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var sheet = workbook.AddNewPart<WorksheetPart>();
            sheet.Worksheet = new Worksheet(new SheetData(new Row(new Cell { CellValue = new CellValue("Phụ lục số liệu"), DataType = CellValues.String })));
            workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheet), SheetId = 1, Name = "Phụ lục" }));
        }

        return stream.ToArray();
    }

    /// <summary>The archive with one entry's uncompressed size rewritten in its local header and the central directory.</summary>
    private static byte[] WithDeclaredSize(byte[] zip, string entryName, uint size)
    {
        var bytes = (byte[])zip.Clone();
        var name = System.Text.Encoding.ASCII.GetBytes(entryName);
        for (var i = 0; i + 46 < bytes.Length; i++)
        {
            if (bytes[i] == 'P' && bytes[i + 1] == 'K' && bytes[i + 2] == 3 && bytes[i + 3] == 4 && bytes.AsSpan(i + 30).StartsWith(name))
            {
                BitConverter.GetBytes(size).CopyTo(bytes, i + 22);
            }
            else if (bytes[i] == 'P' && bytes[i + 1] == 'K' && bytes[i + 2] == 1 && bytes[i + 3] == 2 && bytes.AsSpan(i + 46).StartsWith(name))
            {
                BitConverter.GetBytes(size).CopyTo(bytes, i + 24);
            }
        }

        return bytes;
    }
}
