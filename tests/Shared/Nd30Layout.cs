using System.Globalization;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace DanVan.Testing;

/// <summary>
/// Reads a generated Word file back and checks it against the layout of Nghị định 30/2020/NĐ-CP, Phụ lục I (the rules a
/// văn thư checks before a document is signed): A4 and its margins, Times New Roman throughout, line spacing; the
/// header (issuing body in bold capitals 12–13 with its parent body above it, "Số:" in 13, the national name exact in
/// bold 12–13, the motto in bold 13–14, place and date in italics 13–14 with zero-padded day and months 1–2); the
/// document's kind and title bold and centred right after it; Nơi nhận (bold italic 12, each line in 11 starting with
/// "- ", "- Lưu" last) beside the authority lines (bold capitals 13–14, never "KT." and a deputy's title on one line);
/// page numbers from the second page; no heading written twice. Returns every problem found, in Vietnamese-free English
/// so that a failing test says which rule broke.
/// </summary>
public static partial class Nd30Layout
{
    public const string NationalName = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";

    public const string Motto = "Độc lập - Tự do - Hạnh phúc";

    /// <summary>"Tây Ninh, ngày 05 tháng 3 năm 2026"; a draft's blanks ("ngày      tháng      năm 2026") pass.</summary>
    [GeneratedRegex(@"^\p{Lu}[\p{L} .\-]*, ngày (0[1-9]|[12]\d|3[01]| +) tháng ([3-9]|1[0-2]|0[12]| +) năm (\d{4}| +)$")]
    private static partial Regex PlaceDate();

    [GeneratedRegex(@"^([IVXLC]+|\d+|[a-zđ])[.)]\s*")]
    private static partial Regex Numbering();

    /// <param name="titleAfterHeader">false for a công văn (its subject is in the header, "Kính gửi" follows).</param>
    /// <param name="recipients">false for minutes (biên bản), signed by the chair and the secretary with no Nơi nhận.</param>
    public static void AssertValid(byte[] file, bool titleAfterHeader = true, bool recipients = true)
    {
        var problems = Check(file, titleAfterHeader, recipients);
        if (problems.Count > 0)
        {
            throw new Xunit.Sdk.XunitException("Not laid out per Nghị định 30/2020:\n- " + string.Join("\n- ", problems));
        }
    }

    public static List<string> Check(byte[] file, bool titleAfterHeader = true, bool recipients = true)
    {
        var problems = new List<string>();
        using var doc = WordprocessingDocument.Open(new MemoryStream(file), false);
        var main = doc.MainDocumentPart ?? throw new InvalidOperationException("no main part");
        var body = main.Document.Body!;
        var defaults = main.StyleDefinitionsPart?.Styles?.DocDefaults;
        var defaultFont = defaults?.RunPropertiesDefault?.RunPropertiesBaseStyle?.RunFonts?.Ascii?.Value;
        var defaultSize = Points(defaults?.RunPropertiesDefault?.RunPropertiesBaseStyle?.FontSize?.Val?.Value);

        // Word opens a file the schema refuses with "unreadable content"; the first few errors say where.
        problems.AddRange(new DocumentFormat.OpenXml.Validation.OpenXmlValidator().Validate(doc).Take(3)
            .Select(e => $"not valid OpenXML at {e.Path?.XPath}: {e.Description}"));
        CheckPage(body, problems);
        CheckRuns(body, defaultFont, defaultSize, problems);

        var header = body.Elements().FirstOrDefault() as Table;
        if (header is null)
        {
            problems.Add("the document does not open with the header table (issuer | national name)");
            return problems;
        }

        CheckHeader(header, defaultSize, problems);
        var next = body.Elements().SkipWhile(e => e != header).Skip(1).OfType<Paragraph>().Where(p => Text(p).Length > 0).Take(2).ToList();
        if (next.Count > 0 && Text(next[0]).StartsWith("V/v", StringComparison.Ordinal))
        {
            problems.Add("a công văn's 'V/v …' is in the body; it belongs under the number in the header");
        }
        else if (titleAfterHeader)
        {
            // The kind in capitals, then the title — or, for a form with no title of its own (phiếu chuyển đơn), "Kính gửi".
            var kindOk = next.Count > 0 && IsBold(next[0]) && Align(next[0]) == JustificationValues.Center && IsUpper(Text(next[0]));
            var titleOk = next.Count > 1 && (IsBold(next[1]) && Align(next[1]) == JustificationValues.Center || Text(next[1]).StartsWith("Kính gửi", StringComparison.Ordinal));
            if (!kindOk || !titleOk)
            {
                problems.Add("the kind (in capitals) and the title are not bold and centred right after the header: " + string.Join(" | ", next.Select(Text)));
            }
        }

        if (recipients)
        {
            CheckSignature(body, defaultSize, problems);
        }

        CheckPageNumbers(main, body, problems);
        CheckHeadings(body, problems);
        return problems;
    }

    private static void CheckPage(Body body, List<string> problems)
    {
        var section = body.Elements<SectionProperties>().LastOrDefault();
        var size = section?.GetFirstChild<PageSize>();
        if (size?.Width?.Value != 11906 || size.Height?.Value != 16838)
        {
            problems.Add($"the page is not A4 portrait: {size?.Width?.Value}×{size?.Height?.Value} twips");
        }

        var margin = section?.GetFirstChild<PageMargin>();
        void Within(string name, double? value, int min, int max)
        {
            if (value is null || value < min || value > max)
            {
                problems.Add($"the {name} margin is {value} twips, not {min}–{max} ({min / 56.7:0}–{max / 56.7:0} mm)");
            }
        }

        Within("top", margin?.Top?.Value, 1134, 1417);
        Within("bottom", margin?.Bottom?.Value, 1134, 1417);
        Within("left", margin?.Left?.Value, 1701, 1984);
        Within("right", margin?.Right?.Value, 850, 1134);
    }

    private static void CheckRuns(Body body, string? defaultFont, double? defaultSize, List<string> problems)
    {
        foreach (var run in body.Descendants<Run>().Where(r => r.InnerText.Trim().Length > 0))
        {
            var font = run.RunProperties?.RunFonts?.Ascii?.Value ?? defaultFont;
            if (font != "Times New Roman")
            {
                problems.Add($"'{Short(run.InnerText)}' is in {font ?? "the application's default font"}, not Times New Roman");
                break;
            }

            var size = Size(run, defaultSize);
            if (size is null or < 11 or > 14)
            {
                problems.Add($"'{Short(run.InnerText)}' is in {size} pt, outside 11–14");
                break;
            }
        }

        foreach (var spacing in body.Descendants<SpacingBetweenLines>())
        {
            if (spacing.LineRule?.Value == LineSpacingRuleValues.Exact)
            {
                continue; // the rule lines under the issuer and the motto
            }

            if (spacing.Line?.Value is { } line && (int.Parse(line, CultureInfo.InvariantCulture) is < 240 or > 360))
            {
                problems.Add($"a paragraph's line spacing is {line}/240, outside single to 1.5 lines");
                break;
            }
        }
    }

    private static void CheckHeader(Table header, double? defaultSize, List<string> problems)
    {
        var rows = header.Elements<TableRow>().ToList();
        var cells = rows.Select(r => r.Elements<TableCell>().ToList()).ToList();
        if (cells.Count < 2 || cells.Any(c => c.Count < 2))
        {
            problems.Add("the header is not two columns over two rows (issuer and number | national name and date)");
            return;
        }

        var left = cells[0][0].Elements<Paragraph>().Where(p => Text(p).Length > 0).ToList();
        var issuer = left.LastOrDefault();
        if (issuer is null || !IsBold(issuer) || !IsUpper(Text(issuer)) || !Between(SizeOf(issuer, defaultSize), 12, 13))
        {
            problems.Add($"the issuing body is not in bold capitals of 12–13 pt: '{(issuer is null ? "" : Text(issuer))}'");
        }

        foreach (var parent in left.SkipLast(1))
        {
            if (!IsUpper(Text(parent)) || !Between(SizeOf(parent, defaultSize), 12, 13))
            {
                problems.Add($"the parent body is not in capitals of 12–13 pt: '{Text(parent)}'");
            }
        }

        var number = cells[1][0].Elements<Paragraph>().FirstOrDefault(p => Text(p).Length > 0);
        if (number is null || !Text(number).StartsWith("Số:", StringComparison.Ordinal) || !Between(SizeOf(number, defaultSize), 13, 13))
        {
            problems.Add($"the number line is not 'Số: …' in 13 pt: '{(number is null ? "" : Text(number))}'");
        }

        var right = cells[0][1].Elements<Paragraph>().Where(p => Text(p).Length > 0).ToList();
        if (right.Count < 2 || Text(right[0]) != NationalName || !IsBold(right[0]) || !Between(SizeOf(right[0], defaultSize), 12, 13))
        {
            problems.Add($"the national name is not '{NationalName}' in bold 12–13 pt");
        }

        if (right.Count < 2 || Text(right[1]) != Motto || !IsBold(right[1]) || !Between(SizeOf(right[1], defaultSize), 13, 14))
        {
            problems.Add($"the motto is not '{Motto}' in bold 13–14 pt: '{(right.Count < 2 ? "" : Text(right[1]))}'");
        }

        var date = cells[1][1].Elements<Paragraph>().FirstOrDefault(p => Text(p).Length > 0);
        if (date is null || !PlaceDate().IsMatch(Text(date)) || !IsItalic(date) || !Between(SizeOf(date, defaultSize), 13, 14))
        {
            problems.Add($"the date line is not 'Place, ngày dd tháng m năm yyyy' in italics 13–14 pt: '{(date is null ? "" : Text(date))}'");
        }
    }

    private static void CheckSignature(Body body, double? defaultSize, List<string> problems)
    {
        var table = body.Elements<Table>().FirstOrDefault(t => t.Descendants<Paragraph>().Any(p => Text(p) == "Nơi nhận:"));
        if (table is null)
        {
            problems.Add("there is no signature block with 'Nơi nhận:'");
            return;
        }

        var cells = table.Elements<TableRow>().First().Elements<TableCell>().ToList();
        var recipients = cells[0].Elements<Paragraph>().Where(p => Text(p).Length > 0).ToList();
        if (!IsBold(recipients[0]) || !IsItalic(recipients[0]) || !Between(SizeOf(recipients[0], defaultSize), 12, 12))
        {
            problems.Add("'Nơi nhận:' is not in bold italics of 12 pt");
        }

        var items = recipients.Skip(1).ToList();
        if (items.Count == 0 || items.Any(p => !Text(p).StartsWith("- ", StringComparison.Ordinal) || !Between(SizeOf(p, defaultSize), 11, 11)))
        {
            problems.Add("the recipients are not lines of 11 pt each starting with '- ': " + string.Join(" | ", items.Select(Text)));
        }
        else if (!Text(items[^1]).StartsWith("- Lưu", StringComparison.Ordinal))
        {
            problems.Add($"the last recipient is not the archive ('- Lưu: VT'): '{Text(items[^1])}'");
        }

        if (cells.Count < 2)
        {
            problems.Add("the signature block has no signer's column");
            return;
        }

        var authority = cells[1].Elements<Paragraph>().Select(Text).TakeWhile(t => t.Trim().Length > 0).ToList();
        var authorityParagraphs = cells[1].Elements<Paragraph>().Take(authority.Count).ToList();
        if (authority.Count == 0 || authorityParagraphs.Any(p => !IsBold(p) || !IsUpper(Text(p)) || !Between(SizeOf(p, defaultSize), 13, 14)))
        {
            problems.Add("the authority lines are not bold capitals of 13–14 pt: " + string.Join(" | ", authority));
        }

        foreach (var line in authority)
        {
            if (Regex.IsMatch(line, @"^(KT|TL|TUQ|TM)\.\s*PHÓ\b", RegexOptions.None, TimeSpan.FromSeconds(1)))
            {
                problems.Add($"'{line}' puts the authority and a deputy's title on one line (KT. CHỦ TỊCH over PHÓ CHỦ TỊCH)");
            }
        }
    }

    private static void CheckPageNumbers(MainDocumentPart main, Body body, List<string> problems)
    {
        var section = body.Elements<SectionProperties>().LastOrDefault();
        var reference = section?.Elements<HeaderReference>().FirstOrDefault(h => h.Type?.Value == HeaderFooterValues.Default);
        var part = reference?.Id?.Value is { } id ? main.GetPartById(id) as HeaderPart : null;
        var hasPage = part?.Header?.Descendants<SimpleField>().Any(f => f.Instruction?.Value?.Contains("PAGE", StringComparison.Ordinal) == true) == true
            || part?.Header?.Descendants<FieldCode>().Any(f => f.Text.Contains("PAGE", StringComparison.Ordinal)) == true;
        if (!hasPage)
        {
            problems.Add("there is no page number in the page header");
        }

        if (section?.GetFirstChild<TitlePage>() is null)
        {
            problems.Add("the first page is not set apart (page numbers start on page 2)");
        }
    }

    private static void CheckHeadings(Body body, List<string> problems)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var p in body.Elements<Paragraph>().Where(p => IsBold(p)))
        {
            var raw = Text(p).Trim();
            var text = Numbering().Replace(raw, "").TrimEnd('.', ' ');
            if (text.Length < 6 || !IsUpper(text) || raw.EndsWith(':'))
            {
                continue;
            }

            if (!seen.Add(text))
            {
                problems.Add($"the heading '{text}' appears twice");
            }
        }
    }

    private static string Text(Paragraph p) => p.InnerText;

    private static string Short(string text) => text.Length > 40 ? text[..40] + "…" : text;

    private static bool IsUpper(string text) => text.Any(char.IsLetter) && text == text.ToUpper(CultureInfo.GetCultureInfo("vi-VN"));

    private static IEnumerable<Run> TextRuns(Paragraph p) => p.Elements<Run>().Where(r => r.InnerText.Trim().Length > 0);

    private static bool IsBold(Paragraph p) => TextRuns(p).Any() && TextRuns(p).All(r => r.RunProperties?.Bold is { } b && (b.Val is null || b.Val.Value));

    private static bool IsItalic(Paragraph p) => TextRuns(p).Any() && TextRuns(p).All(r => r.RunProperties?.Italic is { } i && (i.Val is null || i.Val.Value));

    private static JustificationValues? Align(Paragraph p) => p.ParagraphProperties?.Justification?.Val?.Value;

    private static double? Size(Run r, double? defaultSize) => Points(r.RunProperties?.FontSize?.Val?.Value) ?? defaultSize;

    private static double? SizeOf(Paragraph p, double? defaultSize)
    {
        var sizes = TextRuns(p).Select(r => Size(r, defaultSize)).Distinct().ToList();
        return sizes.Count == 1 ? sizes[0] : null;
    }

    private static bool Between(double? value, double min, double max) => value is { } v && v >= min && v <= max;

    private static double? Points(string? halfPoints) => halfPoints is null ? null : double.Parse(halfPoints, CultureInfo.InvariantCulture) / 2;
}
