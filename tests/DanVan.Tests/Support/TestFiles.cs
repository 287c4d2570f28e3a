using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace DanVan.Tests.Support;

/// <summary>Real files made on the spot: a DOCX written with the OpenXML SDK, a PDF, a ZIP that is not a DOCX.</summary>
public static class TestFiles
{
    public static byte[] Docx(string text)
    {
        using var stream = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            main.Document = new Document(new Body(new Paragraph(new Run(new Text(text)))));
            main.Document.Save();
        }

        return stream.ToArray();
    }

    public static byte[] Pdf() => "%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"u8.ToArray();

    public static byte[] ZipOfSomethingElse() => Zip("readme.txt", System.Text.Encoding.UTF8.GetBytes("không phải văn bản Word"));

    public static byte[] Zip(string entryName, byte[] content)
    {
        using var stream = new MemoryStream();
        using (var zip = new System.IO.Compression.ZipArchive(stream, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        {
            using var entry = zip.CreateEntry(entryName).Open();
            entry.Write(content);
        }

        return stream.ToArray();
    }

    /// <summary>A 1×1 PNG.</summary>
    public static byte[] Png() => Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    /// <summary>The decomposed (NFD) form of "Ủy", as some keyboards type it: the reader must give NFC.</summary>
    public const string DecomposedUy = "U\u0309y";

    /// <summary>
    /// A plan as Word writes it: the header as a 2-column table without borders (issuer | national motto), the type
    /// in bold, the title over two lines (a soft line break), a basis paragraph cut into bold and plain runs with
    /// two footnotes (ids 7 and 3, referenced in that order), a tab, a tracked deletion and a field code that are
    /// not text of the document.
    /// </summary>
    public static byte[] OfficialPlanDocx()
    {
        static Run Plain(string text) => new(new Text(text) { Space = SpaceProcessingModeValues.Preserve });
        static Run Bold(string text) => new(new RunProperties(new Bold()), new Text(text) { Space = SpaceProcessingModeValues.Preserve });
        static Run NoteReference(int id) =>
            new(new RunProperties(new VerticalTextAlignment { Val = VerticalPositionValues.Superscript }), new FootnoteReference { Id = id });
        static TableCell Cell(params string[] lines) => new(lines.Select(l => new Paragraph(Bold(l))));
        static Footnote Note(int id, string text) => new(new Paragraph(
            new Run(new RunProperties(new VerticalTextAlignment { Val = VerticalPositionValues.Superscript }), new FootnoteReferenceMark()),
            Plain(" " + text))) { Id = id };

        using var stream = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            main.Document = new Document(new Body(
                new Table(
                    new TableProperties(new TableBorders(new TopBorder { Val = BorderValues.Nil }, new BottomBorder { Val = BorderValues.Nil })),
                    new TableGrid(new GridColumn { Width = "3600" }, new GridColumn { Width = "5600" }),
                    new TableRow(
                        Cell(DecomposedUy + " BAN NHÂN DÂN", "TỈNH TÂY NINH"),
                        Cell("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc")),
                    new TableRow(
                        new TableCell(new Paragraph(Plain("Số: 80/KH-UBND"))),
                        new TableCell(new Paragraph(new Run(new RunProperties(new Italic()), new Text("Tây Ninh, ngày 26 tháng 6 năm 2026")))))),
                new Paragraph(),
                new Paragraph(new ParagraphProperties(new Justification { Val = JustificationValues.Center }), Bold("KẾ HOẠCH")),
                new Paragraph(Bold("Thực hiện công tác dân vận chính quyền"), new Run(new Break()), Bold("năm 2026")),
                new Paragraph(
                    Bold("Căn cứ"), Plain(" Kết luận số 114-KL/TW"), NoteReference(7), Plain(" và Chỉ thị số 33-CT/"), Bold("TTg"), NoteReference(3),
                    new DeletedRun(new Run(new DeletedText("văn bản đã xóa"))) { Id = "1", Author = "A" },
                    new Run(new FieldCode(" PAGE ")), Plain(";")),
                new Paragraph(Plain("a)"), new Run(new TabChar()), Plain("Tỷ lệ người dân hài lòng đạt trên 90%.")),
                new SectionProperties()));
            var notes = main.AddNewPart<FootnotesPart>();
            notes.Footnotes = new Footnotes(
                new Footnote(new Paragraph(new Run(new SeparatorMark()))) { Type = FootnoteEndnoteValues.Separator, Id = -1 },
                new Footnote(new Paragraph(new Run(new ContinuationSeparatorMark()))) { Type = FootnoteEndnoteValues.ContinuationSeparator, Id = 0 },
                Note(3, "Chỉ thị số 33-CT/TTg ngày 26/11/2021 của Thủ tướng Chính phủ."),
                Note(7, "Kết luận số 114-KL/TW ngày 14/7/2015 của Ban Bí thư."));
            main.Document.Save();
        }

        return stream.ToArray();
    }

    /// <summary>
    /// Headings and items numbered by Word itself (the numbers are not in the text): I. / 1. / a) / bullet levels of
    /// one list, and a heading style that carries the list's first level.
    /// </summary>
    public static byte[] NumberedPlanDocx()
    {
        static Level Level(int index, NumberFormatValues format, string text) => new(
            new StartNumberingValue { Val = 1 }, new NumberingFormat { Val = format }, new LevelText { Val = text }) { LevelIndex = index };
        static Paragraph Item(int level, string text) => new(
            new ParagraphProperties(new NumberingProperties(new NumberingLevelReference { Val = level }, new NumberingId { Val = 1 })),
            new Run(new Text(text)));

        using var stream = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            main.AddNewPart<NumberingDefinitionsPart>().Numbering = new Numbering(
                new AbstractNum(
                    Level(0, NumberFormatValues.UpperRoman, "%1."), Level(1, NumberFormatValues.Decimal, "%2."),
                    Level(2, NumberFormatValues.LowerLetter, "%3)"), Level(3, NumberFormatValues.Bullet, "\uF0B7")) { AbstractNumberId = 0 },
                new NumberingInstance(new AbstractNumId { Val = 0 }) { NumberID = 1 });
            main.AddNewPart<StyleDefinitionsPart>().Styles = new Styles(
                new Style(new StyleName { Val = "heading 1" }, new StyleParagraphProperties(new NumberingProperties(new NumberingId { Val = 1 })))
                {
                    Type = StyleValues.Paragraph,
                    StyleId = "Heading1",
                });
            main.Document = new Document(new Body(
                Item(0, "MỤC ĐÍCH, YÊU CẦU"), Item(1, "Mục đích"), Item(2, "Nâng cao nhận thức"), Item(2, "Phát huy vai trò"),
                Item(3, "Tuyên truyền"), Item(1, "Yêu cầu"), Item(0, "NHIỆM VỤ"), Item(1, "Nhiệm vụ chung"),
                new Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = "Heading1" }), new Run(new Text("TỔ CHỨC THỰC HIỆN"))),
                new Paragraph(new Run(new Text("Nơi nhận:")))));
            main.Document.Save();
        }

        return stream.ToArray();
    }

    /// <summary>What <see cref="OfficialPlanDocx"/> reads as.</summary>
    public const string OfficialPlanText = """
        Ủy BAN NHÂN DÂN
        TỈNH TÂY NINH

        CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
        Độc lập - Tự do - Hạnh phúc

        Số: 80/KH-UBND

        Tây Ninh, ngày 26 tháng 6 năm 2026

        KẾ HOẠCH

        Thực hiện công tác dân vận chính quyền
        năm 2026

        Căn cứ Kết luận số 114-KL/TW¹ và Chỉ thị số 33-CT/TTg²;

        a) Tỷ lệ người dân hài lòng đạt trên 90%.

        ¹ Kết luận số 114-KL/TW ngày 14/7/2015 của Ban Bí thư.

        ² Chỉ thị số 33-CT/TTg ngày 26/11/2021 của Thủ tướng Chính phủ.
        """;
}
