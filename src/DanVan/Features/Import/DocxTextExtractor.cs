using System.Text;
using System.Xml;
using DanVan.Domain.Import;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;

namespace DanVan.Features.Import;

/// <summary>
/// The text of a Word (.docx) file, in reading order: body paragraphs separated by an empty line; each table cell a
/// block of its own (row by row, cell by cell: the issuer | national motto header of an official document gives
/// the issuer's lines, then the motto's); line breaks as "\n", tabs as spaces; footnote references as superscript
/// numbers (¹ ² ³) where they stand and the footnotes' text at the end as "¹ text" paragraphs; Word's automatic
/// list numbers ("I.", "1.", "a)") written in front of their paragraphs (<see cref="DocxListNumbering"/>).
/// </summary>
/// <remarks>
/// Elements are matched by local name, not by SDK type, so that content the SDK keeps as unknown elements (newer
/// Office namespaces inside mc:AlternateContent) is read too; the mc:Fallback copy of such content is skipped.
/// </remarks>
internal static class DocxTextExtractor
{
    private const string Superscripts = "⁰¹²³⁴⁵⁶⁷⁸⁹";

    /// <summary>Subtrees that hold no text of the document: deleted or moved-away text, field codes, marks, fallbacks.</summary>
    private static readonly HashSet<string> Skipped = new(StringComparer.Ordinal)
    {
        "delText", "delInstrText", "instrText", "fldData", "del", "moveFrom", "footnoteRef", "endnoteRef", "separator",
        "continuationSeparator", "Fallback", "commentReference", "annotationRef",
    };

    /// <summary>The text of a DOCX that <see cref="Infrastructure.UploadValidator"/> has passed (parts, sizes, no DTD).</summary>
    public static string Extract(byte[] content, long maxPartBytes)
    {
        try
        {
            using var stream = new MemoryStream(content, writable: false);
            using var doc = WordprocessingDocument.Open(stream, false, new OpenSettings { MaxCharactersInPart = maxPartBytes });
            var body = doc.MainDocumentPart?.Document?.Body
                ?? throw new UnreadableDocumentException("Tài liệu Word không có phần nội dung (word/document.xml), không đọc được.");
            var main = doc.MainDocumentPart!;
            var walker = new Walker(new DocxListNumbering(main.NumberingDefinitionsPart?.Numbering, main.StyleDefinitionsPart?.Styles));
            walker.Body(body);
            walker.Footnotes(main.FootnotesPart?.Footnotes);
            return string.Join("\n\n", walker.Blocks);
        }
        catch (Exception ex) when (ex is OpenXmlPackageException or InvalidDataException or IOException or XmlException
                                       or FormatException or InvalidOperationException or NotSupportedException or ArgumentException)
        {
            throw new UnreadableDocumentException(
                "Tài liệu Word (.docx) bị hỏng hoặc không đúng định dạng, không mở được: hãy mở bằng Word và lưu lại rồi tải lên lại.");
        }
    }

    internal static string Superscript(int number)
    {
        var digits = number.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var sb = new StringBuilder(digits.Length);
        foreach (var d in digits)
        {
            sb.Append(Superscripts[d - '0']);
        }

        return sb.ToString();
    }

    private sealed class Walker(DocxListNumbering numbering)
    {
        /// <summary>Footnote ids in the order they are first referenced: Word numbers them 1, 2, 3 that way.</summary>
        private readonly List<string> footnoteIds = [];

        public List<string> Blocks { get; } = [];

        /// <summary>Body level: a block per paragraph, a block per table cell.</summary>
        public void Body(OpenXmlElement container)
        {
            foreach (var child in container.ChildElements)
            {
                switch (child.LocalName)
                {
                    case "p":
                        var boxes = new List<string>();
                        Add(Paragraph(child, boxes));
                        Add(Join(boxes));
                        break;
                    case "tbl":
                        if (TaskTable(child) is { } tasks)
                        {
                            tasks.ForEach(Add);
                            break;
                        }

                        foreach (var cell in Cells(child))
                        {
                            var lines = new List<string>();
                            Lines(cell, lines);
                            Add(Join(lines));
                        }

                        break;
                    default:
                        if (!Skip(child))
                        {
                            Body(child); // content controls, custom XML, tracked insertions hold paragraphs too
                        }

                        break;
                }
            }
        }

        public void Footnotes(OpenXmlElement? footnotes)
        {
            if (footnotes is null)
            {
                return;
            }

            var byId = footnotes.ChildElements.Where(f => f.LocalName == "footnote")
                .GroupBy(f => DocxListNumbering.Attr(f, "id") ?? "").ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
            for (var i = 0; i < footnoteIds.Count; i++)
            {
                if (byId.TryGetValue(footnoteIds[i], out var note))
                {
                    var lines = new List<string>();
                    Lines(note, lines);
                    Add(Superscript(i + 1) + " " + Join(lines));
                }
            }
        }

        private void Add(string block)
        {
            if (block.Trim().Length > 0)
            {
                Blocks.Add(block.Trim());
            }
        }

        private static string Join(List<string> lines) => string.Join('\n', lines.Where(l => l.Length > 0));

        /// <summary>The lines of a cell, a text box or a footnote: one per paragraph, nested tables cell by cell.</summary>
        private void Lines(OpenXmlElement container, List<string> into)
        {
            foreach (var child in container.ChildElements)
            {
                switch (child.LocalName)
                {
                    case "p":
                        var boxes = new List<string>();
                        into.Add(Paragraph(child, boxes));
                        into.AddRange(boxes);
                        break;
                    case "tbl":
                        foreach (var cell in Cells(child))
                        {
                            Lines(cell, into);
                        }

                        break;
                    default:
                        if (!Skip(child))
                        {
                            Lines(child, into);
                        }

                        break;
                }
            }
        }

        /// <summary>A table of tasks read as "agency: task" lines (<see cref="Domain.Import.TaskTables"/>); null for any other table.</summary>
        private List<string>? TaskTable(OpenXmlElement table)
        {
            var rows = new List<IReadOnlyList<string>>();
            foreach (var row in Rows(table))
            {
                rows.Add(Cells(row).Select(cell =>
                {
                    var lines = new List<string>();
                    Lines(cell, lines);
                    return string.Join(' ', lines.Where(l => l.Length > 0)).Trim();
                }).ToList());
            }

            return Domain.Import.TaskTables.ToLines(rows);
        }


        /// <summary>The rows of a table, through rows wrapped in content controls.</summary>
        private static IEnumerable<OpenXmlElement> Rows(OpenXmlElement table) => Parts(table, "tr");

        /// <summary>The cells of a table (or a row) in reading order, through rows wrapped in content controls.</summary>
        private static IEnumerable<OpenXmlElement> Cells(OpenXmlElement table) => Parts(table, "tc");

        private static IEnumerable<OpenXmlElement> Parts(OpenXmlElement container, string localName)
        {
            foreach (var child in container.ChildElements)
            {
                if (child.LocalName == localName)
                {
                    yield return child;
                }
                else if (!Skip(child))
                {
                    foreach (var part in Parts(child, localName))
                    {
                        yield return part;
                    }
                }
            }
        }

        /// <summary>A paragraph's text, lines trimmed; paragraphs of text boxes anchored in it go to <paramref name="boxes"/>.</summary>
        private string Paragraph(OpenXmlElement paragraph, List<string> boxes)
        {
            var number = numbering.Next(paragraph); // counted even when the paragraph is empty, as Word does
            var sb = new StringBuilder();
            Inline(paragraph, sb, boxes);
            var text = string.Join('\n', sb.ToString().Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0));
            return number is null || text.Length == 0 ? text : number + " " + text;
        }

        private void Inline(OpenXmlElement element, StringBuilder sb, List<string> boxes)
        {
            foreach (var child in element.ChildElements)
            {
                switch (child.LocalName)
                {
                    case "t":
                        sb.Append(child.InnerText);
                        break;
                    case "tab" or "ptab":
                        sb.Append(' ');
                        break;
                    case "br" or "cr":
                        sb.Append('\n');
                        break;
                    case "noBreakHyphen":
                        sb.Append('-');
                        break;
                    case "footnoteReference":
                        sb.Append(FootnoteMark(child));
                        break;
                    case "txbxContent":
                        Lines(child, boxes);
                        break;
                    case "p":
                        boxes.Add(Paragraph(child, boxes)); // a shape's own paragraph (DrawingML text)
                        break;
                    default:
                        if (!Skip(child))
                        {
                            Inline(child, sb, boxes);
                        }

                        break;
                }
            }
        }

        private string FootnoteMark(OpenXmlElement reference)
        {
            var id = DocxListNumbering.Attr(reference, "id");
            if (id is null || DocxListNumbering.Attr(reference, "customMarkFollows") is "1" or "true" or "on")
            {
                return ""; // a custom mark is written as the text that follows
            }

            var index = footnoteIds.IndexOf(id);
            if (index < 0)
            {
                footnoteIds.Add(id);
                index = footnoteIds.Count - 1;
            }

            return Superscript(index + 1);
        }

        /// <summary>Properties (pPr, rPr, sectPr, tabs inside pPr …) and the subtrees in <see cref="Skipped"/>.</summary>
        private static bool Skip(OpenXmlElement element) =>
            element.LocalName.EndsWith("Pr", StringComparison.Ordinal) || Skipped.Contains(element.LocalName);
    }
}
