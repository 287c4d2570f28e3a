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

    /// <summary>How the issuing unit heads its paper: parent body, issuer, and the place of its date line when the document records none.</summary>
    public sealed record Issuing(string? ParentBody, string Issuer, string? Place);

    /// <summary>The plan this one carries out ("Thực hiện Kế hoạch số 15/KH-UBND ngày 12/01/2026 của … về …").</summary>
    public sealed record Basis(string TypeName, string Code, DateOnly? IssuedOn, string IssuerName, string Title);

    private static readonly System.Text.RegularExpressions.Regex RomanHeading =
        new(@"^(?<n>X{0,3}(IX|IV|V?I{0,3}))\.\s+\S", System.Text.RegularExpressions.RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    private static readonly System.Text.RegularExpressions.Regex Numbered =
        new(@"^(?<n>\d{1,2})\.\s", System.Text.RegularExpressions.RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    public static void Write(Stream output, Document document, Plan plan, IReadOnlyList<PlanTarget> targets, IReadOnlyList<TaskLine> tasks, Issuing issuing, Basis? basis = null)
    {
        using var doc = WordprocessingDocument.Create(output, WordprocessingDocumentType.Document);
        var main = doc.AddMainDocumentPart();
        var body = new Body();

        body.Append(Header(issuing.ParentBody, issuing.Issuer, document.Code, PlaceAndDate(document, issuing.Place)));

        body.Append(P(JustificationValues.Center, R(document.TypeName.ToUpper(VietnameseCulture), 14, bold: true)));
        body.Append(P(JustificationValues.Center, R(document.Title, 14, bold: true)));

        var purposes = Lines(plan.Purposes).ToList();
        var bodyLines = Lines(plan.Body).ToList();
        if (basis is not null && !StartsWithBasis(purposes.Concat(bodyLines).FirstOrDefault()))
        {
            body.Append(P(JustificationValues.Both, R(BasisLine(basis, issuing.Issuer, document.TypeName), 14)));
        }

        // Section I holds the targets unless the body has a heading of its own for them; tasks go under the body's
        // "TỔ CHỨC THỰC HIỆN" (or a new last section of that name): no heading is ever written twice.
        var targetsHeading = bodyLines.FindIndex(l => IsHeading(l) && Folded(l).Contains("chi tieu", StringComparison.Ordinal));
        var purposeHeading = bodyLines.FindIndex(l => IsHeading(l) && Folded(l).Contains("muc dich", StringComparison.Ordinal));
        var targetsLabel = false;
        if (targetsHeading < 0 && purposeHeading >= 0)
        {
            // The body writes its own section I: the targets close it.
            targetsHeading = purposeHeading;
            targetsLabel = true;
        }

        var withTargets = targets.Count > 0 && targetsHeading < 0;
        if (purposeHeading < 0)
        {
            body.Append(P(JustificationValues.Both, R(withTargets ? "I. MỤC ĐÍCH, YÊU CẦU, CHỈ TIÊU" : "I. MỤC ĐÍCH, YÊU CẦU", 14, bold: true)));
        }

        foreach (var line in purposes)
        {
            body.Append(Line(line));
        }

        if (withTargets)
        {
            body.Append(P(JustificationValues.Both, R("Chỉ tiêu:", 14, bold: true, italic: true)));
            AppendTargets(body, targets);
        }

        var tasksHeading = bodyLines.FindIndex(l => IsHeading(l) && Folded(l).Contains("to chuc thuc hien", StringComparison.Ordinal));
        var lastRoman = 1;
        for (var i = 0; i < bodyLines.Count; i++)
        {
            var line = bodyLines[i];
            if (RomanHeading.Match(line) is { Success: true } m && m.Groups["n"].Value.Length > 0)
            {
                lastRoman = Math.Max(lastRoman, RomanValue(m.Groups["n"].Value));
            }

            body.Append(Line(line));
            var endsSection = i + 1 == bodyLines.Count || IsHeading(bodyLines[i + 1]);
            if (endsSection && targetsHeading >= 0 && targets.Count > 0 && SectionOf(bodyLines, i) == targetsHeading)
            {
                if (targetsLabel)
                {
                    body.Append(P(JustificationValues.Both, R("Chỉ tiêu:", 14, bold: true, italic: true)));
                }

                AppendTargets(body, targets);
            }

            if (endsSection && tasksHeading >= 0 && tasks.Count > 0 && SectionOf(bodyLines, i) == tasksHeading)
            {
                AppendTasks(body, tasks, NextNumber(bodyLines, tasksHeading, i));
            }
        }

        if (tasks.Count > 0 && tasksHeading < 0)
        {
            body.Append(P(JustificationValues.Both, R(Roman(lastRoman + 1) + ". TỔ CHỨC THỰC HIỆN", 14, bold: true)));
            AppendTasks(body, tasks, 1);
        }

        body.Append(Signature(Lines(document.Recipients ?? ""),
            string.Join('\n', SignatureBlock.Lines(document.SignerAuthority, document.SignerPosition, issuing.Issuer)), document.SignerName));
        Finish(main, body);
    }

    /// <summary>"Thực hiện Kế hoạch số 15/KH-UBND ngày 12/01/2026 của Ủy ban nhân dân tỉnh Tây Ninh về …, Ủy ban nhân dân phường Tân Ninh ban hành Kế hoạch thực hiện như sau:".</summary>
    public static string BasisLine(Basis basis, string issuer, string typeName)
    {
        var title = basis.Title.Length > 0 ? char.ToLower(basis.Title[0], VietnameseCulture) + basis.Title[1..] : basis.Title;
        var date = basis.IssuedOn is { } d ? " ngày " + Domain.Text.VietnameseText.FormatDate(d) : "";
        return $"Thực hiện {basis.TypeName} số {basis.Code}{date} của {basis.IssuerName} về {title.TrimEnd('.')}, {issuer} ban hành {typeName} thực hiện như sau:";
    }

    private static bool StartsWithBasis(string? line) =>
        line is not null && (Folded(line).StartsWith("thuc hien ", StringComparison.Ordinal) || Folded(line).StartsWith("can cu ", StringComparison.Ordinal));

    private static void AppendTargets(Body body, IReadOnlyList<PlanTarget> targets)
    {
        foreach (var t in targets)
        {
            body.Append(P(JustificationValues.Both, R("- " + t.Description.TrimEnd('.', ';') + (t.Measure is null ? "" : " (" + t.Measure + ")") + ".", 14)));
        }
    }

    private static void AppendTasks(Body body, IReadOnlyList<TaskLine> tasks, int first)
    {
        var n = first;
        foreach (var group in tasks.GroupBy(t => t.LeadUnit))
        {
            body.Append(P(JustificationValues.Both, R($"{n++}. {group.Key}", 14, bold: true)));
            foreach (var t in group)
            {
                body.Append(P(JustificationValues.Both, R($"- {t.Title.TrimEnd('.', ';')} ({t.Due}).", 14)));
            }
        }
    }

    private static Paragraph Line(string line) => P(JustificationValues.Both, R(line, 14, bold: IsHeading(line)));

    private static bool IsHeading(string line) => RomanHeading.Match(line) is { Success: true } m && m.Groups["n"].Value.Length > 0;

    /// <summary>The index of the heading whose section holds line <paramref name="i"/> (-1 before any heading).</summary>
    private static int SectionOf(List<string> lines, int i)
    {
        for (var k = i; k >= 0; k--)
        {
            if (IsHeading(lines[k]))
            {
                return k;
            }
        }

        return -1;
    }

    /// <summary>The number after the last "N." item of a section, so that the assigned units continue its list.</summary>
    private static int NextNumber(List<string> lines, int heading, int end)
    {
        var max = 0;
        for (var k = heading + 1; k <= end; k++)
        {
            if (Numbered.Match(lines[k]) is { Success: true } m)
            {
                max = Math.Max(max, int.Parse(m.Groups["n"].Value, CultureInfo.InvariantCulture));
            }
        }

        return max + 1;
    }

    private static int RomanValue(string roman)
    {
        var values = new Dictionary<char, int> { ['I'] = 1, ['V'] = 5, ['X'] = 10 };
        var total = 0;
        for (var i = 0; i < roman.Length; i++)
        {
            var v = values[roman[i]];
            total += i + 1 < roman.Length && values[roman[i + 1]] > v ? -v : v;
        }

        return total;
    }

    private static string Roman(int n) => n switch
    {
        <= 1 => "I", 2 => "II", 3 => "III", 4 => "IV", 5 => "V", 6 => "VI", 7 => "VII", 8 => "VIII", 9 => "IX", _ => "X",
    };

    private static string Folded(string text) => Domain.Text.VietnameseText.Fold(text).ToLowerInvariant();

    private static readonly CultureInfo VietnameseCulture = Domain.Text.VietnameseText.Culture;

    /// <summary>"Tây Ninh, ngày 05 tháng 01 năm 2026": day below 10 and months 1–2 written with a leading zero.</summary>
    public static string PlaceAndDate(Document document, string? defaultPlace = null)
    {
        var place = document.Place ?? defaultPlace ?? "";
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
