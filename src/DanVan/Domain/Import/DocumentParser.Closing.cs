using System.Text.RegularExpressions;

namespace DanVan.Domain.Import;

public static partial class DocumentParser
{
    /// <summary>
    /// Nơi nhận and the signature block of each document (kept out of the body); the first document's fill the result.
    /// The block is "KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC / Trương Thanh Long" (authority, position, name), in either order with
    /// Nơi nhận, with the name missing in a draft and OCR noise after it.
    /// </summary>
    private static void ReadClosing(Doc doc, ParsedDocument result)
    {
        foreach (var start in doc.DocumentStarts)
        {
            var end = doc.DocumentEnd(start);
            ReadRecipients(doc, start, end, start == 0 ? result : null);
            ReadSigner(doc, start, end, start == 0 ? result : null);
        }
    }

    private static void ReadRecipients(Doc doc, int start, int end, ParsedDocument? result)
    {
        var at = -1;
        for (var i = end - 1; i >= start; i--)
        {
            if (Fold(doc.Lines[i].Text).StartsWith("noi nhan", StringComparison.Ordinal))
            {
                at = i;
                break;
            }
        }

        if (at < 0)
        {
            return;
        }

        doc.NotBody.Add(at);
        var recipients = new List<string>();
        var inline = doc.Lines[at].Text;
        var colon = inline.IndexOf(':', StringComparison.Ordinal);
        if (colon > 0 && TrimFragment(inline[(colon + 1)..]) is { Length: > 0 } first)
        {
            recipients.Add(first);
        }

        var last = at;
        for (var i = at + 1; i < end && doc.Lines[i].Text[0] is '-' or '+' or '•' or '–'; i++)
        {
            doc.NotBody.Add(i);
            recipients.Add(TrimFragment(doc.Lines[i].Text));
            last = i;
        }

        if (result is not null)
        {
            result.Recipients.AddRange(recipients.Where(r => r.Length > 0));
            result.Sources["recipients"] = new TextSpan(doc.Lines[at].Start, doc.Lines[last].End - doc.Lines[at].Start);
        }
    }

    private static void ReadSigner(Doc doc, int start, int end, ParsedDocument? result)
    {
        var from = -1;
        for (var i = end - 1; i >= start; i--)
        {
            var t = doc.Lines[i].Text;
            if (t.StartsWith("Trên đây", StringComparison.Ordinal) || t.EndsWith("./.", StringComparison.Ordinal) || Fold(t).StartsWith("tran trong", StringComparison.Ordinal))
            {
                from = i + 1;
                break;
            }
        }

        if (from < 0)
        {
            from = Math.Max(start, end - 15);
        }

        // The signature is one block of consecutive lines (authority, position, name); an upper-case line met earlier
        // ("QUY ĐỊNH CHUNG", a chapter's title among the last lines) is dropped when text follows it before the name.
        string? authority = null, position = null, name = null;
        int first = -1, last = -1;
        var block = new List<int>();
        var gap = false;
        for (var i = from; i < end && name is null; i++)
        {
            if (doc.NotBody.Contains(i) && first < 0 && i < end - 1 && doc.Lines[i].Text[0] is '-' or '+')
            {
                continue; // recipients between the closing and the signature
            }

            var t = doc.Lines[i].Text;
            if (doc.NotBody.Contains(i) || t.StartsWith('(') || IsHeaderAnchor(t))
            {
                continue;
            }

            var a = AuthorityLine().Match(t);
            var isPosition = !a.Success && IsPositionLine(t);
            var isName = !a.Success && !isPosition && (position is not null || authority is not null) && PersonName().IsMatch(t);
            if (!a.Success && !isPosition && !isName)
            {
                gap |= block.Count > 0;
                continue;
            }

            if (gap && !isName)
            {
                (authority, position, first, gap) = (null, null, -1, false);
                block.Clear();
            }

            if (a.Success && position is null)
            {
                // "TM. ỦY BAN NHÂN DÂN" then "KT. CHỦ TỊCH": both kept, in order.
                var written = CanonicalAuthority(a.Groups["a"].Value) + " " + a.Groups["rest"].Value.Trim();
                authority = authority is null ? written : authority + ", " + written;
            }
            else if (isPosition && position is null)
            {
                position = t.TrimEnd('.', ':').Trim();
            }
            else if (isName)
            {
                name = t;
            }
            else
            {
                continue;
            }

            block.Add(i);
            first = first < 0 ? i : first;
            last = i;
        }

        foreach (var i in block)
        {
            doc.NotBody.Add(i);
        }

        if (result is null || first < 0)
        {
            return;
        }

        result.Signer = new ParsedSigner
        {
            Authority = authority,
            Position = position,
            Name = name,
            Source = new TextSpan(doc.Lines[first].Start, doc.Lines[last].End - doc.Lines[first].Start),
        };
        result.Sources["signer"] = result.Signer.Source;
    }

    private static bool IsHeaderAnchor(string t) => Fold(t).StartsWith("noi nhan", StringComparison.Ordinal);

    private static bool IsPositionLine(string t) =>
        IsMostlyUpper(t) && !ItemMarker().IsMatch(t) && t.Split(' ').Length <= 8 && !t.Any(char.IsDigit) && !t.EndsWith(':') && !IsMotto(t)
        && !KindLine().IsMatch(t) && t.All(c => char.IsLetter(c) || c is ' ' or '.' or ',' or '-' or '–');

    private static string CanonicalAuthority(string written) => written.Replace("/", "", StringComparison.Ordinal).Replace(".", "", StringComparison.Ordinal) + ".";

    [GeneratedRegex(@"^(?:(?<a>TM|T/M|T\.M|KT|K/T|K\.T|TL|T/L|T\.L|TUQ|T\.U\.Q)\s*\.?|(?<a>Q)\.)\s*(?<rest>\p{Lu}[\p{Lu}\s,.\-–]*)$")]
    private static partial Regex AuthorityLine();

    [GeneratedRegex(@"^\p{Lu}\p{Ll}*(?:\s\p{Lu}\p{Ll}*){1,5}$")]
    private static partial Regex PersonName();
}
