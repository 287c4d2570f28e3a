using System.Text;
using DanVan.Domain.Import;
using DanVan.Features.Import;
using DanVan.Infrastructure;
using DanVan.Tests.Support;

namespace DanVan.Tests.Features.Import;

/// <summary>Real files (DOCX written with the OpenXML SDK, PDFs written by hand, text in several encodings), reopened.</summary>
public class DocumentTextReaderTests
{
    private readonly DocumentTextReader reader = new();

    [Fact]
    public async Task Docx_HeaderTableFootnotesAndLineBreaks_ReadInOrder()
    {
        var text = await reader.ReadAsync(TestFiles.OfficialPlanDocx(), "ke-hoach.docx");

        Assert.Equal(TestFiles.OfficialPlanText.ReplaceLineEndings("\n"), text);
        Assert.True(text.IsNormalized(NormalizationForm.FormC));
        Assert.DoesNotContain("văn bản đã xóa", text, StringComparison.Ordinal);
        Assert.DoesNotContain("PAGE", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Docx_TaskTable_IsReadAsAgencyAndTaskLines_TheParserAssigns()
    {
        static DocumentFormat.OpenXml.Wordprocessing.Paragraph P(string text) =>
            new(new DocumentFormat.OpenXml.Wordprocessing.Run(new DocumentFormat.OpenXml.Wordprocessing.Text(text)));
        static DocumentFormat.OpenXml.Wordprocessing.TableRow Row(params string[] cells) =>
            new(cells.Select(c => new DocumentFormat.OpenXml.Wordprocessing.TableCell(P(c))));
        using var stream = new MemoryStream();
        using (var doc = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Create(stream, DocumentFormat.OpenXml.WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            main.Document = new DocumentFormat.OpenXml.Wordprocessing.Document(new DocumentFormat.OpenXml.Wordprocessing.Body(
                P("UBND TỈNH TÂY NINH"), P("SỞ NỘI VỤ"), P("Số: 45/KH-SNV"), P("Tây Ninh, ngày 10 tháng 01 năm 2026"),
                P("KẾ HOẠCH"), P("Thực hiện công tác dân vận chính quyền năm 2026"),
                P("I. MỤC ĐÍCH, YÊU CẦU"), P("Nâng cao hiệu quả công tác dân vận."),
                P("II. NHIỆM VỤ CỤ THỂ"),
                new DocumentFormat.OpenXml.Wordprocessing.Table(
                    Row("STT", "Nội dung công việc", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời gian hoàn thành"),
                    Row("1", "Tổ chức hội nghị đối thoại với Nhân dân", "Văn phòng Sở", "Thanh tra Sở", "Quý III/2026"),
                    Row("2", "Tổng hợp báo cáo kết quả năm", "Phòng Xây dựng chính quyền", "", "Trước ngày 15/11/2026"),
                    Row("3", "Tuyên truyền thường xuyên", "Các phòng thuộc Sở", "", "Thường xuyên")),
                P("GIÁM ĐỐC"), P("Nguyễn Văn An")));
            main.Document.Save();
        }

        var text = await reader.ReadAsync(stream.ToArray(), "ke-hoach.docx");
        Assert.Contains("- Văn phòng Sở: Tổ chức hội nghị đối thoại với Nhân dân. Phối hợp: Thanh tra Sở. Thời gian thực hiện: Quý III/2026.", text, StringComparison.Ordinal);

        var parsed = DocumentParser.Parse(text);
        Assert.Equal(["Văn phòng Sở", "Phòng Xây dựng chính quyền", "Các phòng thuộc Sở"], parsed.Assignments.Select(a => a.Assignee).ToList());
        Assert.Equal([(30, 9, 2026), (15, 11, 2026)], parsed.Deadlines.Select(d => (d.Day, d.Month, d.Year!.Value)).ToList());
    }

    [Fact]
    public async Task Docx_AutomaticListNumbers_AreWrittenBeforeTheirParagraphs()
    {
        var text = await reader.ReadAsync(TestFiles.NumberedPlanDocx(), "ke-hoach.docx");

        Assert.Equal(
            "I. MỤC ĐÍCH, YÊU CẦU|1. Mục đích|a) Nâng cao nhận thức|b) Phát huy vai trò|- Tuyên truyền|2. Yêu cầu|II. NHIỆM VỤ|"
            + "1. Nhiệm vụ chung|III. TỔ CHỨC THỰC HIỆN|Nơi nhận:",
            text.Replace("\n\n", "|", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(4, "upperRoman", "IV")]
    [InlineData(19, "upperRoman", "XIX")]
    [InlineData(2026, "lowerRoman", "mmxxvi")]
    [InlineData(27, "lowerLetter", "aa")]
    [InlineData(3, "upperLetter", "C")]
    [InlineData(7, "decimalZero", "07")]
    [InlineData(12, "decimal", "12")]
    public void ListNumbers_AreFormattedAsWordDoes(int n, string format, string expected) =>
        Assert.Equal(expected, DocxListNumbering.Format(n, format));

    [Fact]
    public async Task Docx_FromDisk_IsJudgedByContent_NotByItsName()
    {
        using var folder = new TempFolder();
        var path = folder.File("ke-hoach.pdf"); // misnamed: it is a DOCX
        await File.WriteAllBytesAsync(path, TestFiles.OfficialPlanDocx());
        var text = await reader.ReadFileAsync(path);
        Assert.Equal(TestFiles.OfficialPlanText.ReplaceLineEndings("\n"), text);
        var parsed = DocumentParser.Parse(text); // what the importer then reads from it
        Assert.Equal(("Kế hoạch", "80/KH-UBND", "2026-06-26"), (parsed.Kind, parsed.Code, parsed.Date));
        Assert.Equal("Thực hiện công tác dân vận chính quyền năm 2026", parsed.Title);
    }

    [Fact]
    public async Task Pdf_TwoColumnHeader_ReadsEachColumnAsItsOwnBlock()
    {
        var pdf = TestPdf.WithText(
            new(60, 790, "ỦY BAN NHÂN DÂN"), new(300, 790, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
            new(60, 776, "TỈNH TÂY NINH"), new(320, 776, "Độc lập – Tự do – Hạnh phúc"),
            new(60, 750, "Số: 80/KH-UBND"), new(320, 750, "Tây Ninh, ngày 26 tháng 6 năm 2026"),
            new(250, 710, "KẾ HOẠCH", 13),
            new(120, 694, "Thực hiện công tác dân vận chính quyền năm 2026"),
            new(60, 660, "I. MỤC ĐÍCH, YÊU CẦU"),
            new(60, 644, "Nâng cao nhận thức của cán bộ, công chức về công tác dân vận; bảo đảm"),
            new(60, 630, "sự hài lòng của Nhân dân đạt trên 90%."));

        var text = await reader.ReadAsync(pdf, "ke-hoach.pdf");

        Assert.Contains("ỦY BAN NHÂN DÂN\nTỈNH TÂY NINH", text, StringComparison.Ordinal);
        Assert.Contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập – Tự do – Hạnh phúc", text, StringComparison.Ordinal);
        Assert.True(text.IndexOf("TỈNH TÂY NINH", StringComparison.Ordinal) < text.IndexOf("CỘNG HÒA", StringComparison.Ordinal));
        Assert.Contains("bảo đảm\nsự hài lòng của Nhân dân đạt trên 90%.", text, StringComparison.Ordinal);
        Assert.DoesNotContain('\f', text);
        Assert.True(text.IsNormalized(NormalizationForm.FormC));
        var parsed = DocumentParser.Parse(text); // what the importer then reads from it
        Assert.Equal(("Kế hoạch", "80/KH-UBND", "2026-06-26"), (parsed.Kind, parsed.Code, parsed.Date));
        Assert.Equal("Thực hiện công tác dân vận chính quyền năm 2026", parsed.Title);
    }

    [Theory]
    [InlineData("utf-8")]
    [InlineData("utf-8-bom")]
    [InlineData("utf-16le-bom")]
    [InlineData("utf-16be-bom")]
    public async Task PlainText_InUnicodeEncodings_ReadsTheSame(string encoding)
    {
        const string text = "KẾ HOẠCH\r\nThực hiện công tác dân vận chính quyền năm 2026\r\n";
        var bytes = encoding switch
        {
            "utf-8" => Encoding.UTF8.GetBytes(text),
            "utf-8-bom" => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)],
            "utf-16le-bom" => [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(text)],
            _ => [.. Encoding.BigEndianUnicode.GetPreamble(), .. Encoding.BigEndianUnicode.GetBytes(text)],
        };

        Assert.Equal("KẾ HOẠCH\nThực hiện công tác dân vận chính quyền năm 2026", await reader.ReadAsync(bytes, "a.txt"));
    }

    [Fact]
    public async Task Pdf_AfterSomeJunk_IsStillAPdf_ButATextMentioningPdfIsText()
    {
        var pdf = TestPdf.WithText(new TestPdf.Line(60, 790, "Kế hoạch thực hiện công tác dân vận chính quyền năm 2026"));
        var text = await reader.ReadAsync([.. "junk\r\n"u8.ToArray(), .. pdf], "a.pdf");
        Assert.Equal("Kế hoạch thực hiện công tác dân vận chính quyền năm 2026", text);

        var note = "Tệp gốc bắt đầu bằng %PDF-1.7 nhưng đây là ghi chú."u8.ToArray();
        Assert.Equal("Tệp gốc bắt đầu bằng %PDF-1.7 nhưng đây là ghi chú.", await reader.ReadAsync(note, "ghi-chu.txt"));
    }

    [Fact]
    public async Task PlainText_Decomposed_BecomesNfc()
    {
        var text = await reader.ReadAsync(Encoding.UTF8.GetBytes(TestFiles.DecomposedUy + " ban nhân dân"), "a.txt");
        Assert.Equal("Ủy ban nhân dân", text);
    }

    [Fact]
    public async Task Seeds_ReadAsText_ParseWithoutError()
    {
        Assert.True(RepoPaths.SeedFiles.Count >= 5);
        foreach (var seed in RepoPaths.SeedFiles)
        {
            var text = await reader.ReadFileAsync(seed);
            Assert.True(text.Length > 5000, seed);
            Assert.NotNull(DocumentParser.Parse(text));
        }
    }

    public static TheoryData<string, byte[], string> BadFiles => new()
    {
        { "empty.txt", [], "Tệp rỗng" },
        { "ngau-nhien", RandomBytes(), "Tệp không phải văn bản đọc được" },
        { "so-lieu.xls", RandomBytes(), "Định dạng .xls không được hỗ trợ" },
        { "anh.zip", TestFiles.Zip("anh.png", TestFiles.Png()), "không phải tài liệu Word (.docx)" },
        { "ghi-chu.zip", TestFiles.ZipOfSomethingElse(), "không phải tài liệu Word (.docx)" },
        { "cu.doc", [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, .. new byte[504]], "Word cũ (.doc)" },
        { "mat-khau.docx", [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, .. new byte[504], .. Encoding.Unicode.GetBytes("EncryptedPackage")], "có mật khẩu" },
        { "scan.png", TestFiles.Png(), "không nhận dạng chữ trong ảnh" },
        { "lac-de.pdf", [.. "Ghi chú: "u8.ToArray(), .. "%PDF-1.7"u8.ToArray(), .. new byte[] { 0, 1, 2 }], "không phải văn bản" },
        { "tcvn3.txt", Encoding.Latin1.GetBytes("K\u00d5 ho\u00b9ch th\u00fbc hi\u00d6n c\u00a7ng t\u00b8c d\u00ad\u00a7n v\u00ebn"), "UTF-8" },
        { "hong.pdf", TestFiles.Pdf(), "PDF bị hỏng" },
        { "scan.pdf", TestPdf.WithoutText(), "không có lớp chữ" },
        { "hong.docx", TestFiles.Zip("word/document.xml", "<w:document><w:body>"u8.ToArray()), "không phải tài liệu Word" },
        { "hong2.docx", BrokenDocx(), "bị hỏng" },
        { "cat.docx", TestFiles.OfficialPlanDocx()[..2000], "bị hỏng" },
        { "van-ban.rtf", @"{\rtf1\ansi K\u7871? ho\u7841?ch}"u8.ToArray(), "RTF" },
        { "nhi-phan.txt", [.. "KẾ HOẠCH "u8.ToArray(), .. Enumerable.Repeat((byte)0x01, 200)], "không phải văn bản" },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public async Task BadFiles_AreRefusedWithAVietnameseMessage(string name, byte[] content, string expected)
    {
        var ex = await Assert.ThrowsAsync<UnreadableDocumentException>(() => reader.ReadAsync(content, name));
        AssertVietnameseLine(ex.Message);
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(HostileFiles.DocumentNames), MemberType = typeof(HostileFiles))]
    public async Task HostileFiles_AreRefusedByTheSharedUploadCheck(string name)
    {
        var (content, expected) = HostileFiles.Named(name);
        var ex = await Assert.ThrowsAsync<UnreadableDocumentException>(() => reader.ReadAsync(content, name));
        AssertVietnameseLine(ex.Message);
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EnglishText_IsReadButRefusedByTheParser()
    {
        var text = await reader.ReadAsync("PLAN\n\nImplementation of the mass mobilisation work of the government in 2026."u8.ToArray(), "plan.txt");
        var ex = Assert.Throws<UnreadableDocumentException>(() => DocumentParser.Parse(text));
        AssertVietnameseLine(ex.Message);
    }

    [Fact]
    public async Task HugeFile_IsRefusedBeforeItIsRead()
    {
        using var folder = new TempFolder();
        var path = folder.File("rat-lon.txt");
        await using (var file = File.Create(path))
        {
            file.SetLength(50L * 1024 * 1024);
        }

        var ex = await Assert.ThrowsAsync<UnreadableDocumentException>(() => reader.ReadFileAsync(path));
        Assert.Contains("quá lớn", ex.Message, StringComparison.Ordinal);
        Assert.Contains("20 MB", ex.Message, StringComparison.Ordinal);

        // A stream that cannot tell its length is cut off after the limit, not read to the end.
        await using var unseekable = new BoundedReadStream(File.OpenRead(path));
        ex = await Assert.ThrowsAsync<UnreadableDocumentException>(() => reader.ReadAsync(unseekable, "rat-lon.txt"));
        Assert.Contains("quá lớn", ex.Message, StringComparison.Ordinal);
        Assert.True(unseekable.Count <= DocumentTextReaderOptions.DefaultMaxFileBytes + 81920, $"{unseekable.Count} bytes read");
    }

    [Fact]
    public async Task Docx_WhosePartInflatesPastTheLimit_IsRefused()
    {
        var small = new DocumentTextReader(new DocumentTextReaderOptions { Uploads = new UploadLimits { MaxZipEntryBytes = 100_000 } });
        var docx = TestFiles.Docx("Kế hoạch " + new string('a', 300_000)); // compresses to a few KB
        Assert.True(docx.Length < 20_000);
        var ex = await Assert.ThrowsAsync<UnreadableDocumentException>(() => small.ReadAsync(docx, "bom.docx"));
        AssertVietnameseLine(ex.Message);
        Assert.Contains("quá lớn khi giải nén", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pdf_WithoutPdfToText_SaysWhatIsMissing()
    {
        var missing = new DocumentTextReader(new DocumentTextReaderOptions { PdfToText = "/khong/co/pdftotext" });
        var ex = await Assert.ThrowsAsync<UnreadableDocumentException>(() => missing.ReadAsync(TestPdf.WithoutText(), "a.pdf"));
        AssertVietnameseLine(ex.Message);
        Assert.Contains("poppler-utils", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pdf_WhenPdfToTextHangs_IsStoppedAtTheTimeout()
    {
        using var folder = new TempFolder();
        var script = folder.File("pdftotext");
        await File.WriteAllTextAsync(script, "#!/bin/sh\nexec sleep 60\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserExecute);
        }

        var hanging = new DocumentTextReader(new DocumentTextReaderOptions { PdfToText = script, PdfTimeout = TimeSpan.FromSeconds(1) });
        var ex = await Assert.ThrowsAsync<UnreadableDocumentException>(() => hanging.ReadAsync(TestPdf.WithoutText(), "a.pdf"));
        AssertVietnameseLine(ex.Message);
        Assert.Contains("quá 1 giây", ex.Message, StringComparison.Ordinal);
    }

    internal static void AssertVietnameseLine(string message)
    {
        Assert.DoesNotContain('\n', message);
        Assert.True(DocumentParser.LooksVietnamese(message), message);
    }

    private static byte[] RandomBytes()
    {
        var bytes = new byte[4096];
        new Random(42).NextBytes(bytes);
        bytes[0] = 0x13; // no magic number by chance
        return bytes;
    }

    /// <summary>A DOCX whose main part is not well-formed XML.</summary>
    private static byte[] BrokenDocx()
    {
        var docx = TestFiles.Docx("Kế hoạch");
        using var stream = new MemoryStream();
        stream.Write(docx);
        using (var zip = new System.IO.Compression.ZipArchive(stream, System.IO.Compression.ZipArchiveMode.Update, leaveOpen: true))
        {
            zip.GetEntry("word/document.xml")!.Delete();
            using var entry = zip.CreateEntry("word/document.xml").Open();
            entry.Write("<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p>"u8);
        }

        return stream.ToArray();
    }
}
