using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml;

namespace DanVan.Features.Import;

/// <summary>
/// The numbers Word draws in front of list paragraphs ("I.", "1.", "a)", bullets), which are not in the text itself:
/// plans typed with automatic numbering would otherwise lose the "I. / 1. / a)" structure the parser reads.
/// Counts per abstract list as Word does (a list restarted in Word is a new w:num with a start override), a level
/// restarts when a higher one advances, bullets read as "-". Numbering may come from the paragraph or its style.
/// </summary>
internal sealed class DocxListNumbering
{
    private const int Levels = 9;

    /// <summary>numId → its abstract list and start overrides per level.</summary>
    private readonly Dictionary<string, (string AbstractId, Dictionary<int, int> Starts)> nums = new(StringComparer.Ordinal);

    /// <summary>abstractNumId → level → (start, format, text such as "%1.%2.").</summary>
    private readonly Dictionary<string, Dictionary<int, (int Start, string Format, string Text)>> abstracts = new(StringComparer.Ordinal);

    /// <summary>styleId → numbering set on the style, and the style it is based on.</summary>
    private readonly Dictionary<string, (string? NumId, int? Level, string? BasedOn)> styles = new(StringComparer.Ordinal);

    private readonly Dictionary<string, int[]> counters = new(StringComparer.Ordinal);
    private readonly HashSet<string> startedNums = new(StringComparer.Ordinal);

    public DocxListNumbering(OpenXmlElement? numbering, OpenXmlElement? styleSheet)
    {
        foreach (var element in numbering?.ChildElements ?? Enumerable.Empty<OpenXmlElement>())
        {
            if (element.LocalName == "abstractNum" && Attr(element, "abstractNumId") is { } abstractId)
            {
                var levels = new Dictionary<int, (int, string, string)>();
                foreach (var lvl in element.ChildElements.Where(e => e.LocalName == "lvl"))
                {
                    if (Int(Attr(lvl, "ilvl")) is { } ilvl)
                    {
                        levels[ilvl] = (Int(Val(lvl, "start")) ?? 1, Val(lvl, "numFmt") ?? "decimal", Val(lvl, "lvlText") ?? "");
                    }
                }

                abstracts[abstractId] = levels;
            }
            else if (element.LocalName == "num" && Attr(element, "numId") is { } numId && Val(element, "abstractNumId") is { } target)
            {
                var starts = new Dictionary<int, int>();
                foreach (var over in element.ChildElements.Where(e => e.LocalName == "lvlOverride"))
                {
                    if (Int(Attr(over, "ilvl")) is { } ilvl && Int(Val(over, "startOverride")) is { } start)
                    {
                        starts[ilvl] = start;
                    }
                }

                nums[numId] = (target, starts);
            }
        }

        foreach (var style in styleSheet?.ChildElements.Where(e => e.LocalName == "style") ?? [])
        {
            if (Attr(style, "styleId") is { } id)
            {
                var numPr = Child(Child(style, "pPr"), "numPr");
                styles[id] = (Val(numPr, "numId"), Int(Val(numPr, "ilvl")), Val(style, "basedOn"));
            }
        }
    }

    /// <summary>The number Word shows before this paragraph ("II.", "1.2.", "a)", "-"), or null.</summary>
    public string? Next(OpenXmlElement paragraph)
    {
        var pPr = Child(paragraph, "pPr");
        var numPr = Child(pPr, "numPr");
        var numId = Val(numPr, "numId");
        var level = Int(Val(numPr, "ilvl"));
        var styleId = Val(pPr, "pStyle");
        for (var depth = 0; styleId is not null && depth < 10 && (numId is null || level is null); depth++)
        {
            if (!styles.TryGetValue(styleId, out var style))
            {
                break;
            }

            numId ??= style.NumId;
            level ??= style.Level;
            styleId = style.BasedOn;
        }

        if (numId is null || !nums.TryGetValue(numId, out var num) || !abstracts.TryGetValue(num.AbstractId, out var levels))
        {
            return null; // numId 0 (numbering switched off) lands here too
        }

        var ilvl = Math.Clamp(level ?? 0, 0, Levels - 1);
        if (!counters.TryGetValue(num.AbstractId, out var counts))
        {
            counts = new int[Levels];
            for (var i = 0; i < Levels; i++)
            {
                counts[i] = Start(levels, i) - 1;
            }

            counters[num.AbstractId] = counts;
        }

        if (startedNums.Add(numId))
        {
            foreach (var (overridden, start) in num.Starts)
            {
                counts[Math.Clamp(overridden, 0, Levels - 1)] = start - 1;
            }
        }

        counts[ilvl]++;
        for (var deeper = ilvl + 1; deeper < Levels; deeper++)
        {
            counts[deeper] = Start(levels, deeper) - 1;
        }

        if (!levels.TryGetValue(ilvl, out var format) || format.Format == "none")
        {
            return null;
        }

        if (format.Format == "bullet")
        {
            return "-";
        }

        var text = new StringBuilder(format.Text);
        for (var i = Levels - 1; i >= 0; i--)
        {
            var placeholder = "%" + (i + 1).ToString(CultureInfo.InvariantCulture);
            if (format.Text.Contains(placeholder, StringComparison.Ordinal))
            {
                var fmt = levels.TryGetValue(i, out var other) ? other.Format : "decimal";
                text.Replace(placeholder, Format(Math.Max(counts[i], 1), fmt));
            }
        }

        var result = text.ToString().Trim();
        return result.Length == 0 ? null : result;
    }

    private static int Start(Dictionary<int, (int Start, string Format, string Text)> levels, int level) =>
        levels.TryGetValue(level, out var l) ? l.Start : 1;

    internal static string Format(int n, string format) => format switch
    {
        "upperRoman" => Roman(n),
        "lowerRoman" => Roman(n).ToLowerInvariant(),
        "upperLetter" => Letter(n).ToUpperInvariant(),
        "lowerLetter" => Letter(n),
        "decimalZero" => n.ToString("00", CultureInfo.InvariantCulture),
        _ => n.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>1 → a, 26 → z, 27 → aa, 28 → bb, as Word counts.</summary>
    private static string Letter(int n) => new((char)('a' + ((n - 1) % 26)), ((n - 1) / 26) + 1);

    private static string Roman(int n)
    {
        if (n is <= 0 or >= 4000)
        {
            return n.ToString(CultureInfo.InvariantCulture);
        }

        var sb = new StringBuilder();
        foreach (var (value, symbol) in RomanDigits)
        {
            while (n >= value)
            {
                sb.Append(symbol);
                n -= value;
            }
        }

        return sb.ToString();
    }

    private static readonly (int Value, string Symbol)[] RomanDigits =
    [
        (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"),
        (5, "V"), (4, "IV"), (1, "I"),
    ];

    private static OpenXmlElement? Child(OpenXmlElement? element, string localName) =>
        element?.ChildElements.FirstOrDefault(e => e.LocalName == localName);

    /// <summary>The w:val of a child element (&lt;w:numId w:val="3"/&gt; → "3").</summary>
    private static string? Val(OpenXmlElement? element, string childName) => Attr(Child(element, childName), "val");

    internal static string? Attr(OpenXmlElement? element, string localName) =>
        element?.GetAttributes().FirstOrDefault(a => a.LocalName == localName).Value;

    private static int? Int(string? value) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : null;
}
