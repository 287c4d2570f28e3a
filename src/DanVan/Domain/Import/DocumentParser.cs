using System.Text;
using System.Text.RegularExpressions;
using DanVan.Domain.Text;

namespace DanVan.Domain.Import;

/// <summary>A document the importer cannot read; the message is Vietnamese and fit to show a user on one line.</summary>
public sealed class UnreadableDocumentException(string message) : Exception(message);

/// <summary>
/// Reads the text of a Vietnamese administrative document (plan, directive, letter) and proposes its structure.
/// Pure: no I/O, no network. Text extraction from DOCX/PDF lives in Features/Import.
/// <para>
/// The rules follow the layout Nghị định 30/2020 (State) and Hướng dẫn 36-HD/VPTW (Party) prescribe, not any one
/// file: a header (issuing body under its parent, national motto, number-symbol, place and date), the type and
/// title, a body outlined I. / 1. / a) / -, then Nơi nhận and the signature block. A file may hold several documents
/// (a letter and the draft it encloses): the header fields, recipients and signer are those of the first; the
/// citations, outline, assignments, deadlines and targets are gathered from all of them.
/// </para>
/// </summary>
public static partial class DocumentParser
{
    /// <summary>Longest text parsed (characters); a 60 KB plan is ~60,000.</summary>
    public const int MaxTextLength = 2_000_000;

    /// <exception cref="UnreadableDocumentException">Empty, too long, or not Vietnamese.</exception>
    public static ParsedDocument Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new UnreadableDocumentException("Tệp không có nội dung văn bản.");
        }

        if (text.Length > MaxTextLength)
        {
            throw new UnreadableDocumentException($"Văn bản quá dài (trên {MaxTextLength:N0} ký tự), không đọc được.");
        }

        text = VietnameseText.Nfc(text)!;
        if (!LooksVietnamese(text))
        {
            throw new UnreadableDocumentException("Văn bản không phải tiếng Việt (hoặc không có chữ đọc được), không nhập được.");
        }

        var doc = new Doc(Normalize(text));
        var result = new ParsedDocument { Text = doc.Text };
        try
        {
            ReadHeader(doc, result);
            ReadClosing(doc, result);
            ReadOutline(doc, result);
            ReadAssignments(doc, result);
            ReadCitations(doc, result);
            ReadDeadlines(doc, result);
            ReadTargets(doc, result);
        }
        catch (RegexMatchTimeoutException)
        {
            throw new UnreadableDocumentException("Văn bản có cấu trúc bất thường, không phân tích được trong thời gian cho phép.");
        }

        return result;
    }

    /// <summary>
    /// True when at least 1% of the letters (in the first 50,000 characters) are letters only Vietnamese uses
    /// (ă, ơ, ư, đ and the dot-below / hook-above vowels): English, French or binary noise fall far below.
    /// </summary>
    public static bool LooksVietnamese(string nfcText)
    {
        var letters = 0;
        var vietnamese = 0;
        var end = Math.Min(nfcText.Length, 50_000);
        for (var i = 0; i < end; i++)
        {
            var ch = nfcText[i];
            if (!char.IsLetter(ch))
            {
                continue;
            }

            letters++;
            if (VietnameseOnly.Contains(char.ToLowerInvariant(ch), StringComparison.Ordinal))
            {
                vietnamese++;
            }
        }

        return letters >= 20 && vietnamese * 100 >= letters;
    }

    private const string VietnameseOnly = "ăơưđạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹĩũ";

    // ------------------------------------------------------------------ normalisation

    /// <summary>
    /// One paragraph per line, blank lines between blocks, no Markdown or bold/italic markers, no indentation;
    /// words broken by a page break or a soft wrap joined again.
    /// </summary>
    internal static string Normalize(string text)
    {
        var s = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        var raw = TaskTables.RewriteText(s.Split('\n'));
        var sb = new StringBuilder(s.Length);
        string? previous = null; // the last line written, as far as the join rules need it (its start and end)
        var blank = false;
        foreach (var r in raw)
        {
            var line = CleanLine(r);
            if (line.Length == 0)
            {
                blank = previous is not null;
                continue;
            }

            if (previous is not null && JoinsPrevious(previous, line, blank, out var noSpace))
            {
                sb.Append(noSpace ? "" : " ").Append(line);
                previous = previous + (noSpace ? "" : " ") + line;
                previous = previous.Length > 400 ? previous[..200] + previous[^200..] : previous; // bounded: no quadratic joins
                continue;
            }

            if (previous is not null)
            {
                sb.Append(blank ? "\n\n" : "\n");
            }

            sb.Append(line);
            previous = line;
            blank = false;
        }

        return sb.ToString();
    }

    private static string CleanLine(string line)
    {
        var s = line;
        foreach (var ch in s)
        {
            if (ch is '\t' or '\u00A0' or '\u2009' or '\u202F' or '\u200B' or '\u200C' or '\u200D' or '\uFEFF' or '\u00AD' or '\f' or '\v')
            {
                s = s.Replace('\t', ' ').Replace('\u00A0', ' ').Replace('\u2009', ' ').Replace('\u202F', ' ')
                    .Replace('\f', ' ').Replace('\v', ' ')
                    .Replace("\u200B", "", StringComparison.Ordinal).Replace("\u200C", "", StringComparison.Ordinal)
                    .Replace("\u200D", "", StringComparison.Ordinal).Replace("\uFEFF", "", StringComparison.Ordinal)
                    .Replace("\u00AD", "", StringComparison.Ordinal);
                break;
            }
        }

        s = s.Trim();
        if (s.Length == 0)
        {
            return s;
        }

        s = MarkdownHeading().Replace(s, "");
        s = MarkdownBullet().Replace(s, "- ");
        if (s.Contains('*', StringComparison.Ordinal))
        {
            s = s.Replace("*", "", StringComparison.Ordinal);
        }

        if (s.Contains("](", StringComparison.Ordinal))
        {
            s = MarkdownLink().Replace(s, "$1");
        }

        if (s.Contains('\\', StringComparison.Ordinal))
        {
            s = MarkdownEscape().Replace(s, "$1");
        }

        s = Spaces().Replace(s, " ").Trim();
        return IsDecoration(s) ? "" : s;
    }

    /// <summary>A rule line under a header ("-----", "___", "* * *") carries nothing.</summary>
    private static bool IsDecoration(string s)
    {
        foreach (var ch in s)
        {
            if (ch is not ('-' or '_' or '=' or '*' or '~' or '.' or ' ' or '–' or '—'))
            {
                return false;
            }
        }

        return true;
    }

    private static bool JoinsPrevious(string previous, string next, bool blankBetween, out bool noSpace)
    {
        noSpace = false;

        // "Quyết định số -" | page break | "QĐ/BCS ngày …": a code broken after its dash.
        if (previous.EndsWith(" -", StringComparison.Ordinal) && BrokenCodeTail().IsMatch(next))
        {
            noSpace = true;
            return true;
        }

        if (StartsItem(next) || IsMostlyUpper(previous) || AuthorityLine().IsMatch(next))
        {
            return false;
        }

        // Vietnamese sentences and items start with a capital: a line starting in lower case continues the
        // previous one (a soft wrap, or a word cut by a page break: "siết chặt" | "kỷ luật").
        if (char.IsLower(next[0]))
        {
            return true;
        }

        // A long paragraph cut mid-sentence by a page break before a capitalised word ("… của Ban" | "Thường vụ"):
        // the cut falls after a word that cannot end a sentence (a capitalised name part, or "của", "và", "các" …).
        var last = previous[^1];
        var lastWord = previous[(previous.LastIndexOf(' ') + 1)..];
        return blankBetween && previous.Length >= 150 && char.IsLetterOrDigit(last)
            && (char.IsUpper(lastWord[0]) || DanglingWords.Contains(lastWord))
            && char.IsUpper(next[0]) && !IsMostlyUpper(next) && !next.StartsWith("Nơi nhận", StringComparison.OrdinalIgnoreCase)
            && !next.StartsWith("Trên đây", StringComparison.Ordinal);
    }

    private static readonly HashSet<string> DanglingWords = new(StringComparer.Ordinal)
    {
        "của", "và", "với", "các", "những", "về", "theo", "tại", "cho", "để", "là", "được", "trong", "số", "ngày", "giữa", "hoặc", "thuộc",
    };

    /// <summary>A line that opens an outline item or a list entry: "I.", "1.", "a)", "-", "+", "•".</summary>
    internal static bool StartsItem(string line) =>
        line[0] is '-' or '+' or '•' or '–' || ItemMarker().IsMatch(line);

    /// <summary>Header and signature lines are written in capitals (at least 70% of the letters).</summary>
    internal static bool IsMostlyUpper(string s)
    {
        int letters = 0, upper = 0;
        foreach (var ch in s)
        {
            if (char.IsLetter(ch))
            {
                letters++;
                if (char.IsUpper(ch))
                {
                    upper++;
                }
            }
        }

        return letters >= 2 && upper * 10 >= letters * 7;
    }

    internal static string Fold(string s) => VietnameseText.Fold(s);

    /// <summary>Trims list markers, closing punctuation and spaces from both ends of a fragment.</summary>
    internal static string TrimFragment(string s)
    {
        s = s.Trim().TrimStart('-', '+', '•', '–', ' ').TrimEnd(' ', ';', ',', ':', '.', '/');
        return s.EndsWith("./", StringComparison.Ordinal) ? s[..^2] : s;
    }

    /// <summary>Cuts a long fragment at a word boundary near <paramref name="max"/> characters, with an ellipsis.</summary>
    internal static string Shorten(string s, int max)
    {
        if (s.Length <= max)
        {
            return s;
        }

        var cut = s.LastIndexOf(' ', max);
        return (cut > max / 2 ? s[..cut] : s[..max]).TrimEnd(' ', ',', ';', ':') + "…";
    }

    [GeneratedRegex(@"^#{1,6}\s*")]
    private static partial Regex MarkdownHeading();

    [GeneratedRegex(@"^\*\s+(?=\S)(?!\*)")]
    private static partial Regex MarkdownBullet();

    [GeneratedRegex(@"\[([^\]\n]{1,300})\]\([^)\n]{0,500}\)")]
    private static partial Regex MarkdownLink();

    [GeneratedRegex(@"\\([\\`*_{}\[\]()#+\-.!|>])")]
    private static partial Regex MarkdownEscape();

    [GeneratedRegex(@"\s{2,}")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"^\p{Lu}[\p{L}]{0,6}/")]
    private static partial Regex BrokenCodeTail();

    [GeneratedRegex(@"^(?:[IVXLC]{1,6}|\d{1,2}(?:\.\d{1,2})*|[a-zđ])\s*[.)/]\s+\S")]
    private static partial Regex ItemMarker();

    // ------------------------------------------------------------------ the document as lines

    /// <summary>The normalised text cut into lines (one paragraph each) with their offsets.</summary>
    internal sealed class Doc
    {
        public Doc(string text)
        {
            Text = text;
            var start = 0;
            var blank = false;
            while (start <= text.Length)
            {
                var end = text.IndexOf('\n', start);
                if (end < 0)
                {
                    end = text.Length;
                }

                if (end > start)
                {
                    Lines.Add(new Line(Lines.Count, start, text[start..end], blank));
                    blank = false;
                }
                else if (Lines.Count > 0)
                {
                    blank = true;
                }

                start = end + 1;
            }
        }

        public string Text { get; }

        public List<Line> Lines { get; } = [];

        /// <summary>Index of the first line of each document in the file (always starts with 0).</summary>
        public List<int> DocumentStarts { get; } = [0];

        /// <summary>Lines that belong to headers, recipients and signatures, not to the body.</summary>
        public HashSet<int> NotBody { get; } = [];

        /// <summary>The agency each line of an assignment belongs to (its heading and the tasks under it).</summary>
        public Dictionary<int, string> AssigneeByLine { get; } = [];

        public int DocumentEnd(int startLine)
        {
            var i = DocumentStarts.IndexOf(startLine);
            return i >= 0 && i + 1 < DocumentStarts.Count ? DocumentStarts[i + 1] : Lines.Count;
        }
    }

    internal sealed record Line(int Index, int Start, string Text, bool BlankBefore)
    {
        public int End => Start + Text.Length;

        public TextSpan Span => new(Start, Text.Length);
    }
}
