using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;

namespace DanVan.Infrastructure;

/// <summary>
/// Building blocks of a Word document laid out per Nghị định 30/2020 (Phụ lục I): A4, Times New Roman, margins
/// 20/20/30/15 mm; issuing body and number on the left, national motto and place-date on the right; the signer on
/// the right and Nơi nhận on the left. Shared by the plan and the compiled report.
/// </summary>
public static class Nd30Docx
{
    private const string Font = "Times New Roman";

    public static readonly CultureInfo Vi = Domain.Text.VietnameseText.Culture;

    /// <summary>The two-column header: parent body and issuer over the number; motto over place and date.</summary>
    public static Table Header(string? parentBody, string issuer, string number, string placeAndDate)
    {
        var header = new Table(new TableProperties(
            new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct },
            new TableBorders(new TopBorder { Val = BorderValues.None }, new BottomBorder { Val = BorderValues.None },
                new LeftBorder { Val = BorderValues.None }, new RightBorder { Val = BorderValues.None },
                new InsideHorizontalBorder { Val = BorderValues.None }, new InsideVerticalBorder { Val = BorderValues.None })));
        header.Append(new TableRow(
            Cell(2000, P(JustificationValues.Center, parentBody is null ? [] : [R(parentBody.ToUpper(Vi), 13)]),
                P(JustificationValues.Center, R(issuer.ToUpper(Vi), 13, bold: true))),
            Cell(3000, P(JustificationValues.Center, R("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 13, bold: true)),
                P(JustificationValues.Center, R("Độc lập - Tự do - Hạnh phúc", 14, bold: true)))));
        header.Append(new TableRow(
            Cell(2000, P(JustificationValues.Center, R("Số: " + number, 13))),
            Cell(3000, P(JustificationValues.Center, R(placeAndDate, 14, italic: true)))));
        return header;
    }

    /// <summary>Nơi nhận on the left, the signature block on the right.</summary>
    public static Table Signature(IEnumerable<string> recipients, string authority, string? signerName)
    {
        var signer = new Table(new TableProperties(new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct }));
        var left = new List<Paragraph> { P(JustificationValues.Left, R("Nơi nhận:", 12, bold: true, italic: true)) };
        left.AddRange(recipients.Select(r => P(JustificationValues.Left, R(r.StartsWith('-') ? r : "- " + r, 11))));
        signer.Append(new TableRow(
            Cell(2500, [.. left]),
            Cell(2500, P(JustificationValues.Center, R(authority, 14, bold: true)), P(JustificationValues.Center, R(" ", 14)),
                P(JustificationValues.Center, R(" ", 14)), P(JustificationValues.Center, R(signerName ?? "", 14, bold: true)))));
        return signer;
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

    public static TableCell Cell(int widthPct, params Paragraph[] paragraphs)
    {
        var cell = new TableCell(new TableCellProperties(new TableCellWidth { Width = widthPct.ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Pct }));
        cell.Append(paragraphs.Length == 0 ? [new Paragraph()] : paragraphs);
        return cell;
    }

    public static Paragraph P(JustificationValues align, params Run[] runs)
    {
        var p = new Paragraph(new ParagraphProperties(new Justification { Val = align }, new SpacingBetweenLines { After = "120", Line = "276", LineRule = LineSpacingRuleValues.Auto }));
        p.Append(runs);
        return p;
    }

    public static Run R(string text, int points, bool bold = false, bool italic = false)
    {
        var props = new RunProperties(new RunFonts { Ascii = Font, HighAnsi = Font, ComplexScript = Font }, new FontSize { Val = (points * 2).ToString(CultureInfo.InvariantCulture) });
        if (bold)
        {
            props.Append(new Bold());
        }

        if (italic)
        {
            props.Append(new Italic());
        }

        return new Run(props, new Text(text) { Space = SpaceProcessingModeValues.Preserve });
    }

    /// <summary>A bordered table of text cells, the first row bold (figures in a report).</summary>
    public static Table Grid(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows)
    {
        var border = new TableBorders(new TopBorder { Val = BorderValues.Single, Size = 4 }, new BottomBorder { Val = BorderValues.Single, Size = 4 },
            new LeftBorder { Val = BorderValues.Single, Size = 4 }, new RightBorder { Val = BorderValues.Single, Size = 4 },
            new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 }, new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 });
        var table = new Table(new TableProperties(new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct }, border));
        table.Append(new TableRow(headers.Select(h => new TableCell(P(JustificationValues.Center, R(h, 12, bold: true))))));
        foreach (var row in rows)
        {
            table.Append(new TableRow(row.Select((c, i) => new TableCell(P(i == 0 ? JustificationValues.Left : JustificationValues.Right, R(c, 12))))));
        }

        return table;
    }
}
