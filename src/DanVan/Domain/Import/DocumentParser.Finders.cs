using System.Globalization;
using System.Text.RegularExpressions;
using DanVan.Domain.Documents;

namespace DanVan.Domain.Import;

public static partial class DocumentParser
{
    // ------------------------------------------------------------------ citations

    private const string CitedKinds =
        "Kế hoạch|Chỉ thị|Quyết định|Nghị quyết|Nghị định|Thông tư liên tịch|Thông tư|Luật|Pháp lệnh|Kết luận|" +
        "Chương trình hành động|Chương trình phối hợp|Chương trình|Công văn|Công điện|Hướng dẫn|Quy chế|Quy định|Thông tri|" +
        "Thông báo|Báo cáo|Đề án|Tờ trình|Văn bản|Hiến pháp|Điều lệ|Thông báo kết luận";

    private const string Code =
        @"(?:\d{1,6})?(?:\s?/\s?\d{4})?\s?[/\-–]\s?\p{Lu}[\p{L}\d]*(?:[/\-–][\p{Lu}\d][\p{L}\d]*)*";

    /// <summary>
    /// Every document cited, once: "Kế hoạch số 1026/KH-UBND ngày 25/3/2022 của UBND tỉnh", "Chỉ thị 28/CT-TTg",
    /// "công văn số 547 – CV/TU ngày 17/02/2022 của Ban Thường vụ Tỉnh ủy", "Quyết định số -QĐ/BCS ngày /12/2021"
    /// (a blank number in a draft), in the preamble, the body and the footnotes. A code without a kind word before it
    /// ("… của UBND tỉnh số 168/UBND-NC") gets the kind its symbol implies.
    /// </summary>
    private static void ReadCitations(Doc doc, ParsedDocument result)
    {
        var text = doc.Text;
        var byCode = new Dictionary<string, ParsedCitation>(StringComparer.OrdinalIgnoreCase);
        var ownCode = result.Code;
        var excluded = doc.Lines.Where(l => NumberLine().IsMatch(l.Text)).Select(l => (l.Start, l.End)).ToList();

        foreach (Match m in KindedCitation().Matches(text))
        {
            var code = m.Groups["code"];
            excluded.Add((code.Index, code.Index + code.Length));
            AddCitation(text, byCode, KindName(m.Groups["kind"].Value), code.Value, m.Index, code.Index + code.Length, ownCode);
        }

        // Codes with no kind word before them, outside what the first pass took (both lists are in text order).
        excluded.Sort();
        var k = 0;
        foreach (Match m in BareCode().Matches(text))
        {
            while (k < excluded.Count && excluded[k].End <= m.Index)
            {
                k++;
            }

            if (k < excluded.Count && excluded[k].Start < m.Index + m.Length)
            {
                continue;
            }

            var code = DocumentNumber.Clean(m.Value);
            if (!code.Contains('/', StringComparison.Ordinal) || KindOfCode(code) is not { } kind || !LooksLikeDocumentCode(code))
            {
                continue;
            }

            AddCitation(text, byCode, kind, m.Value, m.Index, m.Index + m.Length, ownCode);
        }

        // Laws and ordinances cited by name and date, without a number: "Căn cứ Luật Tổ chức chính quyền địa phương ngày
        // 19 tháng 6 năm 2015", "Bộ luật Lao động năm 2019". Only with a date or year right after the name.
        foreach (Match m in NamedLaw().Matches(text))
        {
            if (excluded.Any(x => x.Start < m.Index + m.Length && m.Index < x.End))
            {
                continue;
            }

            var name = m.Groups["name"].Value.Trim();
            var key = Fold(m.Groups["kind"].Value + " " + name);
            var date = m.Groups["y"].Success ? PartialDate(m.Groups["d"].Value, m.Groups["m"].Value, m.Groups["y"].Value) : m.Groups["year"].Value;
            if (!byCode.ContainsKey(key))
            {
                byCode[key] = new ParsedCitation
                {
                    Kind = KindName(m.Groups["kind"].Value), Title = name, Date = date, Source = new TextSpan(m.Index, m.Length),
                };
            }
        }

        result.Citations.AddRange(byCode.Values.OrderBy(c => c.Source.Start));
    }

    [GeneratedRegex(@"(?<![\p{L}])(?<kind>Bộ luật|Luật|Pháp lệnh)\s+(?<name>\p{Lu}[^;:,.()\n\d“”""]{2,140}?)\s+(?:(?:được Quốc hội thông qua|đã được sửa đổi, bổ sung)\s+)?(?:(?:ngày|Ngày)\s*(?:(?<d>\d{1,2})\s*/\s*(?<m>\d{1,2})\s*/\s*(?<y>\d{4})|(?<d>\d{1,2})\s+tháng\s+(?<m>\d{1,2})\s+năm\s+(?<y>\d{4}))|năm\s+(?<year>\d{4}))(?!\s*/)", RegexOptions.None, 2000)]
    private static partial Regex NamedLaw();

    private static bool LooksLikeDocumentCode(string code) =>
        code.Count(char.IsDigit) > 0 || code.StartsWith('-') || code.StartsWith('/');

    private static void AddCitation(string text, Dictionary<string, ParsedCitation> byCode, string kind, string written,
        int start, int codeEnd, string? ownCode)
    {
        var code = DocumentNumber.Clean(written).Replace('–', '-');
        if (!code.Contains('/', StringComparison.Ordinal) || string.Equals(code, ownCode, StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        if (kind is "Văn bản" && KindOfCode(code) is { } implied)
        {
            kind = implied; // "văn bản số 123/UBND-VX" is a công văn; "văn bản số 12/QĐ-UBND" a quyết định
        }

        var after = text.Substring(codeEnd, Math.Min(260, text.Length - codeEnd));
        string? date = null;
        var end = codeEnd;
        var d = CitationDate().Match(after);
        if (d.Success)
        {
            date = PartialDate(d.Groups["d"].Value, d.Groups["m"].Value, d.Groups["y"].Value);
            after = after[d.Length..];
            end += d.Length;
        }

        string? issuer = null;
        var by = CitationIssuer().Match(after);
        if (by.Success)
        {
            issuer = IssuerOf(by.Groups["who"].Value);
            if (issuer is not null)
            {
                end += by.Groups["who"].Index + issuer.Length;
            }
        }

        if (byCode.TryGetValue(code, out var existing))
        {
            existing.Date ??= date;
            existing.Issuer ??= issuer;
            return;
        }

        byCode[code] = new ParsedCitation { Kind = kind, Code = code, Date = date, Issuer = issuer, Source = new TextSpan(start, end - start) };
    }

    /// <summary>"Ban Dân vận Tỉnh ủy và Ban cán sự đảng UBND tỉnh về …" → the bodies, stopping at what the document is about.</summary>
    private static string? IssuerOf(string written)
    {
        var stop = IssuerStop().Match(written);
        var who = (stop.Success ? written[..stop.Index] : written).Trim().TrimEnd(',', ';', '.', ':', ' ');
        return who.Length < 2 || who.Split(' ').Length > 20 || !char.IsUpper(who[0]) ? null : who;
    }

    [GeneratedRegex(@"(?<kind>\b(?:" + CitedKinds + @"))\s+(?:(?:số|Số)\s*:?\s*)?(?<code>" + Code + @")", RegexOptions.IgnoreCase, 2000)]
    private static partial Regex KindedCitation();

    [GeneratedRegex(@"(?<![\p{L}\d/\-])(?:\d{1,6}(?:/\d{4})?/\p{Lu}[\p{L}\d]*(?:-[\p{Lu}\d][\p{L}\d]*)+|\d{1,6}/\d{4}/\p{Lu}[\p{L}\d]*|\d{1,6}-\p{Lu}[\p{L}]*/\p{Lu}[\p{L}\d]*(?:-[\p{Lu}\d][\p{L}\d]*)*)(?![\p{L}\d])", RegexOptions.None, 2000)]
    private static partial Regex BareCode();

    [GeneratedRegex(@"^(?:\s*,)?\s*(?:\p{Ll}+\s+){0,2}?(?:ngày|Ngày)\s*(?:(?<d>\d{1,2})?\s*/\s*(?<m>\d{1,2})?\s*/\s*(?<y>\d{4})|(?<d>\d{1,2})?\s*tháng\s*(?<m>\d{1,2})?\s*năm\s*(?<y>\d{4}))")]
    private static partial Regex CitationDate();

    [GeneratedRegex(@"^\s*,?\s*(?:của|giữa)\s+(?<who>[^\n]{2,200})")]
    private static partial Regex CitationIssuer();

    [GeneratedRegex(@"\s+(?:về|Về|thực hiện|ban hành|Ban hành|hướng dẫn|tại|quy định|phê duyệt|theo|nhằm|để|đối với|cụ thể|trong|nhiệm kỳ|khóa|khoá|đã|được|triển khai|và\s+(?=(?:" + CitedKinds + @")\b))\b|\s*[,;.:“”""(\n]")]
    private static partial Regex IssuerStop();

    // ------------------------------------------------------------------ deadlines

    /// <summary>
    /// Deadlines: "trước ngày 10/7/2020", "trước ngày 15/11 hàng năm", "sáu tháng (trước ngày 15/6)", "báo cáo 06 tháng
    /// 10/5", "(thời gian thực hiện trước 15/12)". A year makes it a single date; otherwise the recurrence comes from
    /// the words around it (sáu tháng → half-yearly, hàng năm / báo cáo năm → yearly, hàng quý → quarterly).
    /// </summary>
    private static void ReadDeadlines(Doc doc, ParsedDocument result)
    {
        foreach (var line in doc.Lines)
        {
            if (doc.NotBody.Contains(line.Index) || IsFootnote(line.Text))
            {
                continue;
            }

            var t = line.Text;
            var coveredTo = 0;
            foreach (var m in PeriodDeadline().Matches(t).Concat(BeforeDeadline().Matches(t)).OrderBy(m => m.Index))
            {
                if (m.Index < coveredTo)
                {
                    continue; // "sáu tháng (trước ngày 15/6)" already read as a whole
                }

                if (!int.TryParse(m.Groups["d"].Value, CultureInfo.InvariantCulture, out var day) || !int.TryParse(m.Groups["m"].Value, CultureInfo.InvariantCulture, out var month)
                    || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(2024, month))
                {
                    continue;
                }

                int? year = m.Groups["y"].Success ? int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture) : null;
                if (year is < 1900 or > 2100)
                {
                    continue;
                }

                var start = m.Index;
                var end = m.Index + m.Length;

                // "báo cáo 06 tháng 10/5": the spoken form names the report.
                if (m.Groups["period"].Success && start >= 8 && t.AsSpan(start - 8, 8).Equals("báo cáo ", StringComparison.OrdinalIgnoreCase))
                {
                    start -= 8;
                }

                var tail = TrailingRecurrence().Match(t, end);
                if (tail.Success)
                {
                    end = tail.Index + tail.Length;
                }

                if (m.Value.Contains('(', StringComparison.Ordinal) && end < t.Length && t[end] == ')')
                {
                    end++;
                }

                coveredTo = m.Index + m.Length;
                var recurrence = year is not null ? "none"
                    : tail.Success ? RecurrenceOf(tail.Value)
                    : m.Groups["period"].Success ? RecurrenceOf(m.Groups["period"].Value)
                    : RecurrenceBefore(t, m.Index);
                result.Deadlines.Add(new ParsedDeadline
                {
                    Text = t[start..end].Trim(),
                    Day = day,
                    Month = month,
                    Year = year,
                    Recurrence = recurrence,
                    About = AboutOf(t, start),
                    Assignee = doc.AssigneeByLine.GetValueOrDefault(line.Index),
                    Source = new TextSpan(line.Start + start, end - start),
                });
            }

            // "trong quý II/2025", "trong tháng 6 năm 2025": the last day of that quarter or month.
            foreach (Match m in WithinDeadline().Matches(t))
            {
                if (m.Index < coveredTo)
                {
                    continue;
                }

                // Only when something is to be done by then ("Tổ chức hội nghị … trong tháng 6/2025"), not a result
                // reported for that time ("kết quả đạt được trong quý I/2025").
                var clauseStart = m.Index == 0 ? 0 : t.LastIndexOfAny(['.', ';', ':'], m.Index - 1) + 1;
                var stated = m.Groups["when"].Success; // "Thời gian thực hiện: quý III/2024" says so itself
                if (!stated && (!ActionWords().IsMatch(t.AsSpan(clauseStart, m.Index - clauseStart)) || ResultWords().IsMatch(t.AsSpan(clauseStart, m.Index - clauseStart))))
                {
                    continue;
                }

                var year = int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture);
                var month = m.Groups["q"].Success ? 3 * QuarterOf(m.Groups["q"].Value) : int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture);
                if (month is < 1 or > 12 || year is < 1900 or > 2100)
                {
                    continue;
                }

                result.Deadlines.Add(new ParsedDeadline
                {
                    Text = m.Value,
                    Day = DateTime.DaysInMonth(year, month),
                    Month = month,
                    Year = year,
                    Recurrence = "none",
                    About = AboutOf(t, m.Index),
                    Assignee = doc.AssigneeByLine.GetValueOrDefault(line.Index),
                    Source = new TextSpan(line.Start + m.Index, m.Length),
                });
            }
        }

        result.Deadlines.Sort((a, b) => a.Source.Start.CompareTo(b.Source.Start));
    }

    private static int QuarterOf(string q) => q switch
    {
        "I" or "1" => 1,
        "II" or "2" => 2,
        "III" or "3" => 3,
        _ => 4,
    };

    private static string RecurrenceOf(string words)
    {
        var f = Fold(words);
        return f.Contains("6 thang", StringComparison.Ordinal) || f.Contains("sau thang", StringComparison.Ordinal) ? "half-yearly"
            : f.Contains("quy", StringComparison.Ordinal) ? "quarterly"
            : f.Contains("thang", StringComparison.Ordinal) ? "monthly"
            : f.Contains("nam", StringComparison.Ordinal) ? "yearly"
            : "none";
    }

    /// <summary>The last period named earlier in the same clause ("Báo cáo năm gửi trước …", "Hàng năm, tham mưu … trước 15/12").</summary>
    private static string RecurrenceBefore(string line, int index)
    {
        var window = Math.Max(0, index - 400);
        var from = index == 0 ? -1 : line.LastIndexOfAny(['.', ';'], index - 1, index - window);
        var clause = line[Math.Max(from + 1, window)..index];
        var last = PeriodWords().Matches(clause).LastOrDefault();
        return last is null ? "none" : RecurrenceOf(last.Value);
    }

    /// <summary>What the deadline is for: the clause before it, or the one before that when it only names the period.</summary>
    private static string? AboutOf(string line, int index)
    {
        var before = line[Math.Max(0, index - 600)..index];
        var from = before.LastIndexOfAny(['.', ';', ':']);
        var about = Clean(before[(from + 1)..]);
        if (about.Length < 15 && from > 0)
        {
            var prev = before[..from];
            var from2 = prev.LastIndexOfAny(['.', ';', ':']);
            about = Clean(prev[(from2 + 1)..]);
        }

        if (about.Length < 5)
        {
            about = Clean(line.Substring(index, Math.Min(300, line.Length - index)));
        }

        return about.Length == 0 ? null : about.Length > 240 ? "…" + about[^240..].TrimStart() : about;

        static string Clean(string s)
        {
            s = PeriodDeadline().Replace(s, " ");
            s = BeforeDeadline().Replace(s, " ");
            s = WithinDeadline().Replace(s, " ");
            s = s.Replace("()", "", StringComparison.Ordinal).Replace("(", "", StringComparison.Ordinal).Replace(")", "", StringComparison.Ordinal);
            return TrimFragment(Spaces().Replace(s, " "));
        }
    }

    private const string DayMonth =
        @"(?:(?<d>\d{1,2})\s*/\s*(?<m>\d{1,2})(?:\s*/\s*(?<y>\d{4}))?(?![\d/])|(?<d>\d{1,2})\s+tháng\s+(?<m>\d{1,2})(?:\s+năm\s+(?<y>\d{4}))?)";

    [GeneratedRegex(@"(?:trước|chậm nhất(?: là)?|muộn nhất(?: là)?|hạn chót(?: là)?|không quá|hạn cuối(?: là)?)\s+(?:\d{1,2}\s*(?:giờ|h)(?:\s*\d{1,2}(?:\s*phút)?)?,?\s+)?(?:(?:ngày|Ngày)\s+)?" + DayMonth, RegexOptions.IgnoreCase, 1000)]
    private static partial Regex BeforeDeadline();

    [GeneratedRegex(@"(?<period>(?:0?6|sáu)\s+tháng|hàng quý|hằng quý|hàng năm|hằng năm|hàng tháng|hằng tháng)\s*[:,]?\s*\(?\s*(?:trước\s+)?(?:(?:ngày|Ngày)\s+)?" + DayMonth, RegexOptions.IgnoreCase, 1000)]
    private static partial Regex PeriodDeadline();

    [GeneratedRegex(@"(?<!\p{L})(?:trong|cuối|hết|(?<when>thời gian(?: thực hiện| hoàn thành)?\s*:\s*(?:trong\s+)?))\s*(?:quý\s+(?<q>IV|I{1,3}|[1-4])|tháng\s+(?<m>\d{1,2}))\s*(?:/\s*|\s+năm\s+)(?<y>\d{4})\b", RegexOptions.IgnoreCase, 1000)]
    private static partial Regex WithinDeadline();

    [GeneratedRegex(@"\b(?:hoàn thành|hoàn tất|thực hiện|tổ chức|ban hành|triển khai|xây dựng|báo cáo|gửi|nộp|tiến hành|tổng kết|sơ kết|đăng ký|kiện toàn|rà soát|trình)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ActionWords();

    [GeneratedRegex(@"\b(?:kết quả|đã|đạt được)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ResultWords();

    [GeneratedRegex(@"\G\)?\s*(?:(?:hàng|hằng)\s+(?:năm|quý|tháng)|của năm(?: trước)?(?: liền kề)?)\b", RegexOptions.IgnoreCase)]
    private static partial Regex TrailingRecurrence();

    [GeneratedRegex(@"(?:0?6|sáu)\s+tháng|(?:hàng|hằng|mỗi)\s+(?:năm|quý|tháng)|báo cáo\s+(?:năm|quý|tháng)|định kỳ\s+(?:năm|quý|tháng)|cả năm", RegexOptions.IgnoreCase)]
    private static partial Regex PeriodWords();

    // ------------------------------------------------------------------ targets

    /// <summary>Numeric targets: "100% cán bộ … được học tập", "trên 90% người dân …", "ít nhất 01 mô hình".</summary>
    private static void ReadTargets(Doc doc, ParsedDocument result)
    {
        var reported = ReportedResultLines(doc);
        foreach (var line in doc.Lines)
        {
            if (doc.NotBody.Contains(line.Index) || IsFootnote(line.Text) || reported.Contains(line.Index))
            {
                continue;
            }

            var t = line.Text;
            foreach (Match m in TargetNumber().Matches(t))
            {
                var (from, to) = ClauseAround(t, m.Index, m.Index + m.Length);
                var clause = t[from..to];
                var marker = OutlineMarker().Match(clause);
                if (marker.Success)
                {
                    clause = clause[marker.Length..];
                }

                var unit = m.Groups["pct"].Success ? m.Groups["pct"].Value.Replace(" ", "", StringComparison.Ordinal) : UnitOf(m.Groups["unit"].Value);
                result.Targets.Add(new ParsedTarget
                {
                    Text = Shorten(TrimFragment(clause), 400),
                    Value = decimal.Parse(m.Groups["v"].Value.Replace(',', '.'), NumberStyles.Number, CultureInfo.InvariantCulture),
                    Unit = unit,
                    Comparison = ComparisonOf(m.Groups["op"].Value),
                    Source = new TextSpan(line.Start + from, to - from),
                });
            }
        }
    }

    private static (int From, int To) ClauseAround(string t, int start, int end)
    {
        var from = start;
        while (from > 0 && start - from < 300 && !IsClauseEnd(t, from - 1))
        {
            from--;
        }

        var to = end;
        while (to < t.Length && to - end < 300 && !IsClauseEnd(t, to))
        {
            to++;
        }

        return (from, to);
    }

    /// <summary>";" always ends a clause; "." only before a space or the end (not inside "1.5" or "TP.HCM").</summary>
    private static bool IsClauseEnd(string t, int i) =>
        t[i] == ';' || (t[i] == '.' && (i + 1 >= t.Length || t[i + 1] == ' ') && !(i > 0 && char.IsDigit(t[i - 1]) && i < 4));

    private static string UnitOf(string words)
    {
        var w = words.Trim();
        foreach (var two in TwoWordUnits)
        {
            if (w.StartsWith(two, StringComparison.OrdinalIgnoreCase))
            {
                return two;
            }
        }

        var space = w.IndexOf(' ', StringComparison.Ordinal);
        return space > 0 ? w[..space] : w;
    }

    private static readonly string[] TwoWordUnits = ["mô hình", "hội nghị", "văn bản", "cán bộ", "lượt người", "người dân", "đơn vị", "cuộc họp", "buổi tiếp", "tin bài"];

    private static string ComparisonOf(string op) => Fold(op) switch
    {
        "tren" or "hon" or "cao hon" or "vuot" => ">",
        "it nhat" or "toi thieu" or "tu" or "dat tu" or "khong duoi" or "khong it hon" or "dat it nhat" or "dat toi thieu" => ">=",
        "duoi" or "thap hon" => "<",
        "khong qua" or "toi da" or "khong vuot qua" => "<=",
        _ => "=",
    };

    [GeneratedRegex(@"(?:(?<op>trên|hơn|cao hơn|vượt|ít nhất|tối thiểu|đạt từ|đạt ít nhất|đạt tối thiểu|từ|không dưới|không ít hơn|dưới|thấp hơn|không quá|không vượt quá|tối đa)\s+)?(?<v>\d{1,3}(?:[.,]\d{1,2})?)\s*(?<pct>%(?:\s?/\s?năm)?)|(?<op>ít nhất|tối thiểu|không dưới|không ít hơn)\s+(?<v>\d{1,4})\s+(?<unit>\p{L}+(?:\s\p{L}+)?)", RegexOptions.IgnoreCase, 1000)]
    private static partial Regex TargetNumber();
}
