using System.Globalization;
using DanVan.Domain.Documents;
using DanVan.Domain.Plans;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using static DanVan.Infrastructure.Nd30Docx;
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

    public static void Write(Stream output, Document document, Plan plan, IReadOnlyList<PlanTarget> targets, IReadOnlyList<TaskLine> tasks, string? parentBody)
    {
        using var doc = WordprocessingDocument.Create(output, WordprocessingDocumentType.Document);
        var main = doc.AddMainDocumentPart();
        var body = new Body();

        body.Append(Header(parentBody, document.IssuerName, document.Code, PlaceAndDate(document)));

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
        var authority = string.Join(" ", new[] { document.SignerAuthority, document.SignerPosition?.ToUpper(VietnameseCulture) }.Where(s => !string.IsNullOrEmpty(s)));
        body.Append(Signature(Lines(document.Recipients ?? ""), authority, document.SignerName));
        body.Append(A4());
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

        var text = Date(d);
        return place.Length == 0 ? text : place + ", " + text;
    }

    private static IEnumerable<string> Lines(string text) =>
        text.Replace("\r", "", StringComparison.Ordinal).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
