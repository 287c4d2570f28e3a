using System.Globalization;
using DanVan.Domain.Documents;
using DanVan.Domain.Plans;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Document = DanVan.Domain.Documents.Document;

namespace DanVan.Features.Plans;

/// <summary>
/// A plan as the Word document the unit signs, laid out per Nghị định 30/2020 (Phụ lục I): A4, Times New Roman,
/// margins 20/20/30/15 mm; issuing body and number on the left, national motto and place-date on the right; the
/// type and title centred; the body; the signer on the right; Nơi nhận on the left.
/// </summary>
public static class PlanDocx
{
    public sealed record TaskLine(string LeadUnit, string Title, string Due);

    private const string Font = "Times New Roman";

    public static void Write(Stream output, Document document, Plan plan, IReadOnlyList<PlanTarget> targets, IReadOnlyList<TaskLine> tasks, string? parentBody)
    {
        using var doc = WordprocessingDocument.Create(output, WordprocessingDocumentType.Document);
        var main = doc.AddMainDocumentPart();
        var body = new Body();

        // Header block: two columns, no borders.
        var header = new Table(new TableProperties(
            new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct },
            new TableBorders(new TopBorder { Val = BorderValues.None }, new BottomBorder { Val = BorderValues.None },
                new LeftBorder { Val = BorderValues.None }, new RightBorder { Val = BorderValues.None },
                new InsideHorizontalBorder { Val = BorderValues.None }, new InsideVerticalBorder { Val = BorderValues.None })));
        header.Append(new TableRow(
            Cell(2000, P(JustificationValues.Center, parentBody is null ? [] : [R(parentBody.ToUpper(VietnameseCulture), 13)]),
                P(JustificationValues.Center, R(document.IssuerName.ToUpper(VietnameseCulture), 13, bold: true))),
            Cell(3000, P(JustificationValues.Center, R("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 13, bold: true)),
                P(JustificationValues.Center, R("Độc lập - Tự do - Hạnh phúc", 14, bold: true)))));
        header.Append(new TableRow(
            Cell(2000, P(JustificationValues.Center, R("Số: " + document.Code, 13))),
            Cell(3000, P(JustificationValues.Center, R(PlaceAndDate(document), 14, italic: true)))));
        body.Append(header);

        body.Append(P(JustificationValues.Center, R(document.TypeName.ToUpper(VietnameseCulture), 14, bold: true)));
        body.Append(P(JustificationValues.Center, R(document.Title, 14, bold: true)));

        body.Append(P(JustificationValues.Both, R("I. MỤC ĐÍCH, YÊU CẦU", 14, bold: true)));
        foreach (var line in Lines(plan.Purposes))
        {
            body.Append(P(JustificationValues.Both, R(line, 14)));
        }

        foreach (var line in Lines(plan.Body))
        {
            var heading = line.Length > 2 && (line.StartsWith("II.", StringComparison.Ordinal) || line.StartsWith("III.", StringComparison.Ordinal) || line.StartsWith("IV.", StringComparison.Ordinal));
            body.Append(P(JustificationValues.Both, R(line, 14, bold: heading)));
        }

        if (targets.Count > 0)
        {
            body.Append(P(JustificationValues.Both, R("CHỈ TIÊU", 14, bold: true)));
            foreach (var t in targets)
            {
                body.Append(P(JustificationValues.Both, R("- " + t.Description + (t.Measure is null ? "" : " (" + t.Measure + ")"), 14)));
            }
        }

        if (tasks.Count > 0)
        {
            body.Append(P(JustificationValues.Both, R("TỔ CHỨC THỰC HIỆN", 14, bold: true)));
            var n = 0;
            foreach (var group in tasks.GroupBy(t => t.LeadUnit))
            {
                body.Append(P(JustificationValues.Both, R($"{++n}. {group.Key}", 14, bold: true)));
                foreach (var t in group)
                {
                    body.Append(P(JustificationValues.Both, R($"- {t.Title} ({t.Due}).", 14)));
                }
            }
        }

        // Signature block (right) and recipients (left).
        var signer = new Table(new TableProperties(new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct }));
        var recipients = new List<Paragraph> { P(JustificationValues.Left, R("Nơi nhận:", 12, bold: true, italic: true)) };
        recipients.AddRange(Lines(document.Recipients ?? "").Select(r => P(JustificationValues.Left, R(r.StartsWith('-') ? r : "- " + r, 11))));
        var authority = string.Join(" ", new[] { document.SignerAuthority, document.SignerPosition?.ToUpper(VietnameseCulture) }.Where(s => !string.IsNullOrEmpty(s)));
        signer.Append(new TableRow(
            Cell(2500, [.. recipients]),
            Cell(2500, P(JustificationValues.Center, R(authority, 14, bold: true)), P(JustificationValues.Center, R(" ", 14)),
                P(JustificationValues.Center, R(" ", 14)), P(JustificationValues.Center, R(document.SignerName ?? "", 14, bold: true)))));
        body.Append(signer);

        body.Append(new SectionProperties(
            new PageSize { Width = 11906, Height = 16838 },
            new PageMargin { Top = 1134, Bottom = 1134, Left = 1701, Right = 850, Header = 720, Footer = 720, Gutter = 0 }));
        main.Document = new DocumentFormat.OpenXml.Wordprocessing.Document(body);
        main.Document.Save();
    }

    private static readonly CultureInfo VietnameseCulture = Domain.Text.VietnameseText.Culture;

    /// <summary>"Tây Ninh, ngày 05 tháng 01 năm 2026": day below 10 and months 1–2 written with a leading zero.</summary>
    public static string PlaceAndDate(Document document)
    {
        var place = document.Place ?? "";
        if (document.IssuedOn is not { } d)
        {
            // A draft: the date is left blank to be filled in by hand when signed.
            var year = document.Year?.ToString(CultureInfo.InvariantCulture) ?? "     ";
            return $"{place}, ngày      tháng      năm {year}".TrimStart(',', ' ');
        }

        var month = d.Month <= 2 ? d.Month.ToString("00", CultureInfo.InvariantCulture) : d.Month.ToString(CultureInfo.InvariantCulture);
        var text = $"ngày {d.Day.ToString("00", CultureInfo.InvariantCulture)} tháng {month} năm {d.Year.ToString(CultureInfo.InvariantCulture)}";
        return place.Length == 0 ? text : place + ", " + text;
    }

    private static IEnumerable<string> Lines(string text) =>
        text.Replace("\r", "", StringComparison.Ordinal).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static TableCell Cell(int widthPct, params Paragraph[] paragraphs)
    {
        var cell = new TableCell(new TableCellProperties(new TableCellWidth { Width = (widthPct * 1).ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Pct }));
        cell.Append(paragraphs.Length == 0 ? [new Paragraph()] : paragraphs);
        return cell;
    }

    private static Paragraph P(JustificationValues align, params Run[] runs)
    {
        var p = new Paragraph(new ParagraphProperties(new Justification { Val = align }, new SpacingBetweenLines { After = "120", Line = "276", LineRule = LineSpacingRuleValues.Auto }));
        p.Append(runs);
        return p;
    }

    private static Run R(string text, int points, bool bold = false, bool italic = false)
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
}
