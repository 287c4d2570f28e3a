using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace DanVan.Infrastructure;

/// <summary>
/// Building blocks of a Word document laid out per Nghị định 30/2020 (Phụ lục I): A4, Times New Roman, margins
/// 20/20/30/15 mm; issuing body and number on the left, national motto and place-date on the right; the signer on
/// the right and Nơi nhận on the left. Shared by every Word document DanVan writes; checked block by block by the tests' Nd30Layout.
/// </summary>
public static class Nd30Docx
{
    private const string Font = "Times New Roman";

    public static readonly CultureInfo Vi = Domain.Text.VietnameseText.Culture;

    /// <summary>The two-column header: parent body and issuer over the number (and a công văn's "V/v …" under it); motto over place and date; a short rule under the issuer and the motto.</summary>
    public static Table Header(string? parentBody, string issuer, string number, string placeAndDate, string? subject = null)
    {
        var header = new Table(new TableProperties(
            new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct },
            new TableBorders(new TopBorder { Val = BorderValues.None }, new LeftBorder { Val = BorderValues.None },
                new BottomBorder { Val = BorderValues.None }, new RightBorder { Val = BorderValues.None },
                new InsideHorizontalBorder { Val = BorderValues.None }, new InsideVerticalBorder { Val = BorderValues.None })),
            Columns(2, 3));
        header.Append(new TableRow(
            Cell(2000, P(JustificationValues.Center, parentBody is null ? [] : [R(parentBody.ToUpper(Vi), 13)]),
                P(JustificationValues.Center, R(issuer.ToUpper(Vi), 13, bold: true)), Rule(900)),
            Cell(3000, P(JustificationValues.Center, R(NationalName, 13, bold: true)),
                P(JustificationValues.Center, R(Motto, 14, bold: true)), Rule(700))));
        header.Append(new TableRow(
            Cell(2000, [P(JustificationValues.Center, R("Số: " + number, 13)), .. subject is null ? Array.Empty<Paragraph>() : [P(JustificationValues.Center, R(subject, 12))]]),
            Cell(3000, P(JustificationValues.Center, R(placeAndDate, 14, italic: true)))));
        return header;
    }

    public const string NationalName = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";

    public const string Motto = "Độc lập - Tự do - Hạnh phúc";

    /// <summary>The solid rule under the issuer or the motto: an empty paragraph with a bottom border, indented to shorten it.</summary>
    private static Paragraph Rule(int indent) =>
        new(new ParagraphProperties(
            new ParagraphBorders(new BottomBorder { Val = BorderValues.Single, Size = 6, Space = 1 }),
            new SpacingBetweenLines { Before = "0", After = "120", Line = "120", LineRule = LineSpacingRuleValues.Exact },
            new Indentation { Left = indent.ToString(CultureInfo.InvariantCulture), Right = indent.ToString(CultureInfo.InvariantCulture) }));

    /// <summary>
    /// Nơi nhận on the left (each recipient "- …;", the last "- Lưu: VT." added when missing), the signature block on
    /// the right: the authority lines (see <see cref="Domain.Documents.SignatureBlock"/>; several separated by a line
    /// break in <paramref name="authority"/>), room to sign, the signer's name.
    /// </summary>
    public static Table Signature(IEnumerable<string> recipients, string authority, string? signerName)
    {
        var signer = new Table(new TableProperties(new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct }), Columns(1, 1));
        var left = new List<Paragraph> { P(JustificationValues.Left, R("Nơi nhận:", 12, bold: true, italic: true)) };
        var items = Recipients(recipients);
        left.AddRange(items.Select(r => P(JustificationValues.Left, R(r, 11))));
        var right = authority.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(a => P(JustificationValues.Center, R(a.ToUpper(Vi), 14, bold: true))).ToList();
        right.AddRange([P(JustificationValues.Center, R(" ", 14)), P(JustificationValues.Center, R(" ", 14)), P(JustificationValues.Center, R(" ", 14))]);
        right.Add(P(JustificationValues.Center, R(signerName ?? "", 14, bold: true)));
        signer.Append(new TableRow(Cell(2500, [.. left]), Cell(2500, [.. right])));
        return signer;
    }

    /// <summary>"- Sở Nội vụ;" … "- Lưu: VT.": a dash before each, a semicolon after all but the last, the archive line last.</summary>
    public static List<string> Recipients(IEnumerable<string> recipients)
    {
        var items = recipients.Select(r => r.Trim().TrimStart('-', '+', ' ').TrimEnd(';', '.', ',', ' ')).Where(r => r.Length > 0).ToList();
        var archive = items.FindIndex(r => r.StartsWith("Lưu", StringComparison.OrdinalIgnoreCase));
        var last = archive < 0 ? "Lưu: VT" : items[archive];
        if (archive >= 0)
        {
            items.RemoveAt(archive);
        }

        var lines = items.Select(r => "- " + r + ";").ToList();
        lines.Add("- " + last + ".");
        return lines;
    }

    /// <summary>
    /// Ends the document: default font and spacing (so no paragraph falls back to another font), page numbers centred
    /// in the top margin from page 2 (not on the first page), A4 with the margins of Phụ lục I, then saves.
    /// </summary>
    public static void Finish(MainDocumentPart main, Body body)
    {
        var styles = main.AddNewPart<StyleDefinitionsPart>();
        styles.Styles = new Styles(new DocDefaults(
            new RunPropertiesDefault(new RunPropertiesBaseStyle(new RunFonts { Ascii = Font, HighAnsi = Font, ComplexScript = Font, EastAsia = Font },
                new FontSize { Val = "28" }, new Languages { Val = "vi-VN" })),
            new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(new SpacingBetweenLines { After = "120", Line = "276", LineRule = LineSpacingRuleValues.Auto }))));
        styles.Styles.Save();

        var pageNumbers = main.AddNewPart<HeaderPart>();
        pageNumbers.Header = new DocumentFormat.OpenXml.Wordprocessing.Header(new Paragraph(
            new ParagraphProperties(new Justification { Val = JustificationValues.Center }),
            new SimpleField(R("2", 13)) { Instruction = " PAGE " }));
        pageNumbers.Header.Save();

        var section = A4();
        section.PrependChild(new HeaderReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(pageNumbers) });
        section.Append(new TitlePage());
        body.Append(section);
        main.Document = new DocumentFormat.OpenXml.Wordprocessing.Document(body);
        main.Document.Save();
    }

    /// <summary>A download name from the document's number and title: "KH-15-UBND-thuc-hien-cong-tac-dan-van.docx", at most about 100 characters.</summary>
    public static string FileName(string? code, string title, string extension = ".docx")
    {
        static string Slug(string text)
        {
            var folded = Domain.Text.VietnameseText.Fold(text);
            var chars = folded.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray();
            return string.Join('-', new string(chars).Split('-', StringSplitOptions.RemoveEmptyEntries));
        }

        var codePart = string.IsNullOrWhiteSpace(code) ? "" : string.Join('-', Slug(code).Split('-').Where(p => p.Length > 0)).ToUpperInvariant();
        var titlePart = Slug(title).ToLowerInvariant();
        var name = codePart.Length == 0 ? titlePart : titlePart.Length == 0 ? codePart : codePart + "-" + titlePart;
        if (name.Length > 100)
        {
            var cut = name.LastIndexOf('-', 100);
            name = name[..(cut > 20 ? cut : 100)];
        }

        return (name.Length == 0 ? "van-ban" : name) + extension;
    }

    /// <summary>"ngày 05 tháng 01 năm 2026": day below 10 and months 1–2 written with a leading zero.</summary>
    public static string Date(DateOnly d)
    {
        var month = d.Month <= 2 ? d.Month.ToString("00", CultureInfo.InvariantCulture) : d.Month.ToString(CultureInfo.InvariantCulture);
        return $"ngày {d.Day.ToString("00", CultureInfo.InvariantCulture)} tháng {month} năm {d.Year.ToString(CultureInfo.InvariantCulture)}";
    }

    public static SectionProperties A4() => new(
        new PageSize { Width = 11906, Height = 16838 },
        new PageMargin { Top = 1134, Bottom = 1134, Left = 1701, Right = 850, Header = 720, Footer = 720, Gutter = 0 });

    /// <summary>Width of the text between the margins of <see cref="A4"/>, in twips.</summary>
    private const int TextWidth = 11906 - 1701 - 850;

    /// <summary>The table's grid (required by the schema): columns sharing the text width in the given proportions.</summary>
    public static TableGrid Columns(params int[] shares)
    {
        var total = shares.Sum();
        return new TableGrid(shares.Select(s => new GridColumn { Width = (TextWidth * s / total).ToString(CultureInfo.InvariantCulture) }));
    }

    public static TableCell Cell(int widthPct, params Paragraph[] paragraphs)
    {
        var cell = new TableCell(new TableCellProperties(new TableCellWidth { Width = widthPct.ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Pct }));
        cell.Append(paragraphs.Length == 0 ? [new Paragraph()] : paragraphs);
        return cell;
    }

    public static Paragraph P(JustificationValues align, params Run[] runs)
    {
        var p = new Paragraph(new ParagraphProperties(new SpacingBetweenLines { After = "120", Line = "276", LineRule = LineSpacingRuleValues.Auto }, new Justification { Val = align }));
        p.Append(runs);
        return p;
    }

    public static Run R(string text, int points, bool bold = false, bool italic = false)
    {
        // The schema's order: fonts, bold, italic, size.
        var props = new RunProperties(new RunFonts { Ascii = Font, HighAnsi = Font, ComplexScript = Font });
        if (bold)
        {
            props.Append(new Bold());
        }

        if (italic)
        {
            props.Append(new Italic());
        }

        props.Append(new FontSize { Val = (points * 2).ToString(CultureInfo.InvariantCulture) });

        return new Run(props, new Text(text) { Space = SpaceProcessingModeValues.Preserve });
    }

    /// <summary>A bordered table of text cells, the first row bold (figures in a report); the first <paramref name="textColumns"/> columns left-aligned, the others (figures) right-aligned.</summary>
    public static Table Grid(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows, int textColumns = 1)
    {
        var border = new TableBorders(new TopBorder { Val = BorderValues.Single, Size = 4 }, new LeftBorder { Val = BorderValues.Single, Size = 4 },
            new BottomBorder { Val = BorderValues.Single, Size = 4 }, new RightBorder { Val = BorderValues.Single, Size = 4 },
            new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 }, new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 });
        var table = new Table(new TableProperties(new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct }, border), Columns([.. headers.Select(_ => 1)]));
        table.Append(new TableRow(headers.Select(h => new TableCell(P(JustificationValues.Center, R(h, 12, bold: true))))));
        foreach (var row in rows)
        {
            table.Append(new TableRow(row.Select((c, i) => new TableCell(P(i < textColumns ? JustificationValues.Left : JustificationValues.Right, R(c, 12))))));
        }

        return table;
    }
}
