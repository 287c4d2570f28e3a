using System.Globalization;
using System.Text.RegularExpressions;
using DanVan.Domain.Documents;

namespace DanVan.Domain.Import;

public static partial class DocumentParser
{
    /// <summary>Header lines are looked for among the first lines of a document only.</summary>
    private const int HeaderWindow = 40;

    private static readonly string[] Mottos =
    [
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM", "ĐẢNG CỘNG SẢN VIỆT NAM",
    ];

    /// <summary>Abbreviation in a symbol → kind, from the type table (data) plus the few legal types it does not hold.</summary>
    private static readonly Dictionary<string, string> KindByCode = BuildKindTable();

    private static Dictionary<string, string> BuildKindTable()
    {
        var table = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var t in DocumentType.Defaults.Where(t => t.UsedByState || t.UsedByParty))
        {
            table.TryAdd(t.Code, t.Name);
        }

        table["NĐ"] = "Nghị định";
        table["PL"] = "Pháp lệnh";
        table["TTLT"] = "Thông tư liên tịch";
        table["CTrHĐ"] = "Chương trình";
        table["QĐi"] = "Quy định";
        return table;
    }

    private static void ReadHeader(Doc doc, ParsedDocument result)
    {
        FindDocumentStarts(doc);
        var end = doc.DocumentEnd(0);
        var header = ReadDocumentHeader(doc, 0, end, result);
        for (var k = 1; k < doc.DocumentStarts.Count; k++)
        {
            ReadDocumentHeader(doc, doc.DocumentStarts[k], doc.DocumentEnd(doc.DocumentStarts[k]), null);
        }

        if (result.Issuer is null)
        {
            InferIssuer(doc, header.BodyStart, end, result);
        }
    }

    /// <summary>A second "Số: …" line after the first document's body starts an enclosed document (a draft sent for comment).</summary>
    private static void FindDocumentStarts(Doc doc)
    {
        var first = -1;
        foreach (var line in doc.Lines)
        {
            if (!NumberLine().IsMatch(line.Text))
            {
                continue;
            }

            if (first < 0)
            {
                first = line.Index;
                continue;
            }

            if (line.Index - first < HeaderWindow && doc.DocumentStarts.Count == 1 && !HasBodyBetween(doc, first, line.Index))
            {
                continue;
            }

            // Walk back over the header lines above the number: issuer, motto, place and date.
            var start = line.Index;
            while (start - 1 > doc.DocumentStarts[^1] && IsHeaderLine(doc.Lines[start - 1].Text))
            {
                start--;
            }

            doc.DocumentStarts.Add(start);
        }
    }

    private static bool HasBodyBetween(Doc doc, int from, int to)
    {
        for (var i = from; i < to; i++)
        {
            if (doc.Lines[i].Text.Length > 200)
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsHeaderLine(string text) =>
        IsMostlyUpper(text) || IsMotto(text) || PlaceDate().IsMatch(text) || text.Length <= 2;

    private static bool IsMotto(string text)
    {
        var folded = Fold(text);
        return folded.StartsWith("doc lap", StringComparison.Ordinal) && folded.Contains("hanh phuc", StringComparison.Ordinal)
            || Mottos.Any(m => text.Contains(m, StringComparison.OrdinalIgnoreCase));
    }

    private static string StripMottos(string text)
    {
        foreach (var m in Mottos)
        {
            text = text.Replace(m, " ", StringComparison.OrdinalIgnoreCase);
        }

        text = MottoLine().Replace(text, " ");
        return Spaces().Replace(text, " ").Trim();
    }

    private sealed record HeaderInfo(int BodyStart);

    /// <summary>Reads one document's header; fills <paramref name="result"/> when given (the first document).</summary>
    private static HeaderInfo ReadDocumentHeader(Doc doc, int start, int end, ParsedDocument? result)
    {
        var windowEnd = start;
        while (windowEnd < end && windowEnd - start < HeaderWindow)
        {
            var t = doc.Lines[windowEnd].Text;
            if (t.Length > 220 || (windowEnd > start && ItemMarker().IsMatch(t) && !t.StartsWith("V/", StringComparison.OrdinalIgnoreCase))
                || t.StartsWith("Căn cứ", StringComparison.Ordinal))
            {
                break;
            }

            windowEnd++;
        }

        int numberIdx = -1, placeIdx = -1, kindIdx = -1, titleEnd = -1, vvIdx = -1, greetingEnd = -1;
        Match? number = null, place = null;
        string? kindLine = null;
        for (var i = start; i < windowEnd; i++)
        {
            var t = doc.Lines[i].Text;
            if (numberIdx < 0 && NumberLine().Match(t) is { Success: true } n)
            {
                numberIdx = i;
                number = n;
            }

            if (placeIdx < 0 && PlaceDate().Match(StripMottos(t)) is { Success: true } p)
            {
                placeIdx = i;
                place = p;
            }

            if (kindIdx < 0 && KindLine().Match(t) is { Success: true } k)
            {
                kindIdx = i;
                kindLine = k.Groups["k"].Value;
            }

            if (vvIdx < 0 && SubjectLine().IsMatch(t))
            {
                vvIdx = i;
            }

            if (greetingEnd < 0 && t.StartsWith("Kính gửi", StringComparison.OrdinalIgnoreCase))
            {
                greetingEnd = i;
                while (greetingEnd + 1 < end && doc.Lines[greetingEnd + 1].Text[0] is '-' or '+' or '•' or '–')
                {
                    greetingEnd++;
                }
            }
        }

        // The title: the paragraph under the type ("KẾ HOẠCH" / "Thực hiện …"), or the "V/v …" lines of a letter.
        string? title = null;
        TextSpan titleSpan = default;
        if (kindIdx >= 0 && kindIdx + 1 < end && !doc.Lines[kindIdx + 1].Text.StartsWith("Căn cứ", StringComparison.Ordinal))
        {
            titleEnd = ContinueTitle(doc, kindIdx + 1, end);
            (title, titleSpan) = JoinLines(doc, kindIdx + 1, titleEnd, null);
        }
        else if (vvIdx >= 0)
        {
            titleEnd = ContinueTitle(doc, vvIdx, end);
            (title, titleSpan) = JoinLines(doc, vvIdx, titleEnd, SubjectLine());
            if (title.Length > 0)
            {
                title = char.ToUpper(title[0], Text.VietnameseText.Culture) + title[1..]; // "V/v lấy ý kiến …" → "Lấy ý kiến …"
            }
        }

        var bodyStart = new[] { numberIdx, placeIdx, kindIdx, titleEnd, vvIdx, greetingEnd }.Max() + 1;
        if (bodyStart <= start)
        {
            bodyStart = start;
        }

        for (var i = start; i < bodyStart; i++)
        {
            doc.NotBody.Add(i);
        }

        if (result is null)
        {
            return new HeaderInfo(bodyStart);
        }

        if (number is not null)
        {
            var num = number.Groups["num"].Value;
            var rest = DocumentNumber.Clean(number.Groups["rest"].Value);
            result.Number = num.Length > 0 ? num : null;
            result.Code = num + rest;
            result.Symbol = SymbolOf(rest);
            result.Sources["code"] = new TextSpan(doc.Lines[numberIdx].Start + number.Index, number.Length);
        }

        if (place is not null)
        {
            var placeLine = doc.Lines[placeIdx];
            result.Place = place.Groups["place"].Value.Trim();
            result.Date = PartialDate(place.Groups["d"].Value, place.Groups["m"].Value, place.Groups["y"].Value);
            result.Sources["date"] = placeLine.Span;
            result.Sources["place"] = placeLine.Span;
        }

        result.Kind = kindLine is not null ? KindName(kindLine)
            : KindOfCode(result.Code)
            ?? (vvIdx >= 0 || greetingEnd >= 0 ? "Công văn" : null);
        if (kindIdx >= 0)
        {
            result.Sources["kind"] = doc.Lines[kindIdx].Span;
        }
        else if (result.Kind is not null && result.Sources.TryGetValue("code", out var codeSpan))
        {
            result.Sources["kind"] = codeSpan;
        }

        if (!string.IsNullOrWhiteSpace(title))
        {
            result.Title = title;
            result.Sources["title"] = titleSpan;
        }

        var used = new HashSet<int> { numberIdx, placeIdx, kindIdx, vvIdx };
        var titleStart = kindIdx >= 0 ? kindIdx + 1 : vvIdx;
        for (var i = titleStart; titleStart >= 0 && i <= titleEnd; i++)
        {
            used.Add(i);
        }

        ReadIssuingBodies(doc, start, bodyStart, used, result);
        return new HeaderInfo(bodyStart);
    }

    private static int ContinueTitle(Doc doc, int first, int end)
    {
        var last = first;
        while (last + 1 < end)
        {
            var next = doc.Lines[last + 1];
            if (next.BlankBefore || next.Text.Length > 200 || next.Text.StartsWith("Kính gửi", StringComparison.OrdinalIgnoreCase)
                || next.Text.StartsWith("Căn cứ", StringComparison.Ordinal) || NumberLine().IsMatch(next.Text)
                || PlaceDate().IsMatch(next.Text) || StartsItem(next.Text) || (IsMostlyUpper(next.Text) && !IsMostlyUpper(doc.Lines[first].Text)))
            {
                break;
            }

            last++;
        }

        return last;
    }

    private static (string Text, TextSpan Span) JoinLines(Doc doc, int from, int to, Regex? stripPrefix)
    {
        var parts = new List<string>();
        for (var i = from; i <= to; i++)
        {
            var t = doc.Lines[i].Text;
            if (i == from && stripPrefix is not null)
            {
                t = stripPrefix.Replace(t, "");
            }

            parts.Add(t.Trim());
        }

        var text = string.Join(" ", parts).Trim().TrimEnd('.', ';', ':').Trim();
        return (text, new TextSpan(doc.Lines[from].Start, doc.Lines[to].End - doc.Lines[from].Start));
    }

    /// <summary>
    /// The issuing body and the body above it: capitalised header lines, where a line naming a place ("TỈNH NINH
    /// THUẬN") continues the body above it ("ỦY BAN NHÂN DÂN") and a line naming a body starts a new one.
    /// </summary>
    private static void ReadIssuingBodies(Doc doc, int start, int bodyStart, HashSet<int> used, ParsedDocument result)
    {
        var bodies = new List<(string Text, TextSpan Span)>();
        for (var i = start; i < bodyStart; i++)
        {
            if (used.Contains(i))
            {
                continue;
            }

            var line = doc.Lines[i];
            if (line.Text.StartsWith("Kính gửi", StringComparison.OrdinalIgnoreCase) || line.Text[0] is '-' or '+')
            {
                continue;
            }

            var text = StripMottos(line.Text);
            text = NumberInline().Replace(text, " ").Trim();
            if (text.Length < 3 || !IsMostlyUpper(text) || KindLine().IsMatch(text) || Fold(text).StartsWith("du thao", StringComparison.Ordinal))
            {
                continue;
            }

            var folded = Fold(text);
            if (bodies.Count > 0 && (ContinuesBody(folded) || EndsWantingPlace(Fold(bodies[^1].Text))) && !StartsBody(folded))
            {
                var prev = bodies[^1];
                bodies[^1] = (prev.Text + " " + text, new TextSpan(prev.Span.Start, line.End - prev.Span.Start));
            }
            else
            {
                bodies.Add((text, line.Span));
            }
        }

        if (bodies.Count == 0)
        {
            return;
        }

        result.Issuer = bodies[^1].Text;
        result.Sources["issuer"] = bodies[^1].Span;
        if (bodies.Count >= 2)
        {
            result.ParentBody = bodies[^2].Text;
            result.Sources["parentBody"] = bodies[^2].Span;
        }
    }

    private static readonly string[] BodyStarts =
    [
        "uy ban", "ubnd", "hdnd", "hoi dong", "so ", "ban ", "bo ", "tinh uy", "thanh uy", "huyen uy", "quan uy", "thi uy",
        "dang uy", "dang bo", "chi bo", "van phong", "thanh tra", "cong an", "toa an", "vien ", "truong ", "trung tam",
        "cuc ", "chi cuc", "tong cuc", "phong ", "mat tran", "chinh phu", "quoc hoi", "kho bac", "bao ", "dai ", "hoi ",
        "lien doan", "doan ", "cong doan", "benh vien", "bch ", "ban chap hanh", "tinh doan", "thanh doan", "bqp", "bo chi huy",
    ];

    private static readonly string[] PlaceStarts =
        ["tinh ", "thanh pho", "tp ", "tp.", "huyen ", "quan ", "thi xa", "xa ", "phuong ", "thi tran", "dac khu", "tw", "trung uong"];

    private static bool StartsBody(string folded) => BodyStarts.Any(b => folded.StartsWith(b, StringComparison.Ordinal));

    private static bool ContinuesBody(string folded) => PlaceStarts.Any(p => folded.StartsWith(p, StringComparison.Ordinal));

    private static bool EndsWantingPlace(string folded) =>
        folded.EndsWith("nhan dan", StringComparison.Ordinal) || folded.EndsWith("ubnd", StringComparison.Ordinal)
        || folded.EndsWith("hdnd", StringComparison.Ordinal) || folded.EndsWith("mat tran to quoc", StringComparison.Ordinal);

    /// <summary>
    /// No header (text copied from the body only): the issuer as the preamble names it ("…; UBND tỉnh xây dựng kế
    /// hoạch …", "Sở Nội vụ xây dựng Kế hoạch …") or as the closing does ("Trên đây là kế hoạch … của Sở Nội vụ./.").
    /// A bare "UBND tỉnh" gets the place of issue.
    /// </summary>
    private static void InferIssuer(Doc doc, int bodyStart, int end, ParsedDocument result)
    {
        for (var i = bodyStart; i < end; i++)
        {
            var line = doc.Lines[i];
            var m = IssuerInPreamble().Match(line.Text);
            if (!m.Success)
            {
                m = IssuerInClosing().Match(line.Text);
            }

            if (!m.Success)
            {
                continue;
            }

            var who = m.Groups["who"].Value.Trim();
            var folded = Fold(who);
            if (result.Place is not null && (folded is "ubnd tinh" or "uy ban nhan dan tinh" or "ubnd thanh pho" or "uy ban nhan dan thanh pho"))
            {
                var placeFolded = Fold(result.Place);
                who += " " + (placeFolded.StartsWith("thanh pho ", StringComparison.Ordinal) && folded.EndsWith("thanh pho", StringComparison.Ordinal)
                    ? result.Place[10..] : result.Place);
            }

            result.Issuer = who;
            result.Sources["issuer"] = new TextSpan(line.Start + m.Groups["who"].Index, m.Groups["who"].Length);
            return;
        }
    }

    internal static string? PartialDate(string d, string m, string y)
    {
        if (!int.TryParse(y, NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year is < 1900 or > 2100)
        {
            return null;
        }

        if (!int.TryParse(m, NumberStyles.None, CultureInfo.InvariantCulture, out var month) || month is < 1 or > 12)
        {
            return year.ToString("D4", CultureInfo.InvariantCulture);
        }

        if (!int.TryParse(d, NumberStyles.None, CultureInfo.InvariantCulture, out var day) || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return $"{year:D4}-{month:D2}";
        }

        return $"{year:D4}-{month:D2}-{day:D2}";
    }

    /// <summary>"KH-UBND" from "/KH-UBND", "CV/HU" from "-CV/HU", "QĐ-UBND" from "/2023/QĐ-UBND".</summary>
    private static string SymbolOf(string rest)
    {
        var s = rest.TrimStart('/', '-');
        var m = YearPrefix().Match(s);
        return m.Success ? s[m.Length..] : s;
    }

    /// <summary>The kind a number-symbol implies: its type abbreviation, or a công văn when the symbol is issuer-unit.</summary>
    internal static string? KindOfCode(string? code)
    {
        if (string.IsNullOrEmpty(code))
        {
            return null;
        }

        var party = PartyCode().Match(code);
        if (party.Success)
        {
            var t = party.Groups["t"].Value;
            return t == "TT" ? "Thông tri" : KindByCode.GetValueOrDefault(t);
        }

        var state = StateCode().Match(code);
        if (!state.Success)
        {
            return null;
        }

        var first = state.Groups["first"].Value;
        if (first == "TT" && state.Groups["rest"].Success)
        {
            return "Thông tư";
        }

        if (KindByCode.TryGetValue(first, out var name) && state.Groups["rest"].Success)
        {
            return name;
        }

        if (state.Groups["year"].Success && !state.Groups["rest"].Success && first.StartsWith("QH", StringComparison.Ordinal))
        {
            return "Luật";
        }

        return state.Groups["rest"].Success ? "Công văn" : null;
    }

    /// <summary>"KẾ HOẠCH" → "Kế hoạch"; "Chương trình hành động" → "Chương trình".</summary>
    internal static string KindName(string written)
    {
        var folded = Fold(written);
        if (folded.StartsWith("chuong trinh", StringComparison.Ordinal))
        {
            return "Chương trình";
        }

        if (folded.StartsWith("du thao ", StringComparison.Ordinal))
        {
            written = written[8..];
        }

        var lower = written.Trim().ToLower(Text.VietnameseText.Culture);
        return char.ToUpper(lower[0], Text.VietnameseText.Culture) + lower[1..];
    }

    [GeneratedRegex(@"^(?:Số|SỐ|số)\s*[:.]?\s*(?<num>\d{1,6})?\s*(?<rest>(?:/\s*\d{4}\s*)?[/\-–]\s*\p{L}[\p{L}\d]*(?:\s?[/\-–]\s?[\p{L}\d]+)*)")]
    private static partial Regex NumberLine();

    [GeneratedRegex(@"(?:Số|SỐ)\s*[:.]?\s*\d{0,6}\s*(?:/\s*\d{4}\s*)?[/\-–]\s*\p{L}[\p{L}\d]*(?:\s?[/\-–]\s?[\p{L}\d]+)*")]
    private static partial Regex NumberInline();

    [GeneratedRegex(@"(?<![\p{L}\d/\-])(?<place>(?:(?:Thành phố|TP\.?|Tp\.?|Thị xã|Thị trấn|Xã|Phường|Quận|Huyện)\s+)?\p{Lu}[\p{Ll}]*(?:(?:\s+|\s?[-–]\s?)\p{Lu}[\p{Ll}]*){0,5})\s*,\s*[Nn]gày\s*(?:(?<d>\d{1,2})?\s*tháng\s*(?<m>\d{1,2})?\s*năm\s*(?<y>\d{4})|(?<d>\d{1,2})?\s*/\s*(?<m>\d{1,2})?\s*/\s*(?<y>\d{4}))", RegexOptions.None, 1000)]
    private static partial Regex PlaceDate();

    [GeneratedRegex(@"^(?:DỰ THẢO\s+)?(?<k>KẾ HOẠCH|QUYẾT ĐỊNH|CHỈ THỊ|CÔNG VĂN|BÁO CÁO|HƯỚNG DẪN|THÔNG BÁO|CHƯƠNG TRÌNH(?: HÀNH ĐỘNG| PHỐI HỢP| CÔNG TÁC)?|NGHỊ QUYẾT|NGHỊ ĐỊNH|THÔNG TƯ|TỜ TRÌNH|KẾT LUẬN|QUY CHẾ|QUY ĐỊNH|ĐỀ ÁN|PHƯƠNG ÁN|GIẤY MỜI|THÔNG TRI|CÔNG ĐIỆN|LUẬT|PHÁP LỆNH|BIÊN BẢN|QUY TRÌNH|CHỈ THỊ)\s*[:.]?$")]
    private static partial Regex KindLine();

    [GeneratedRegex(@"^(?:V/v|V/V|v/v|Về việc|VỀ VIỆC)\s*[:.]?\s*")]
    private static partial Regex SubjectLine();

    [GeneratedRegex(@"Độc lập\s*[-–—]\s*Tự do\s*[-–—]\s*Hạnh phúc", RegexOptions.IgnoreCase)]
    private static partial Regex MottoLine();

    [GeneratedRegex(@"(?:^|[;.]\s+)(?<who>(?:Sở|Ủy ban nhân dân|UBND|Ban|Thanh tra|Văn phòng|Huyện ủy|Tỉnh ủy|Thành ủy|Đảng ủy|Chủ tịch|Bộ|Cục|Trung tâm|Phòng|Hội đồng nhân dân|HĐND)[^;.:\n]{0,80}?)\s+(?:xây dựng|ban hành|triển khai|thực hiện|tổ chức)\s+(?:kế hoạch|Kế hoạch|chương trình|Chương trình)", RegexOptions.None, 1000)]
    private static partial Regex IssuerInPreamble();

    [GeneratedRegex(@"^Trên đây là [^.;]{0,300}?\s+của\s+(?<who>(?:Sở|Ủy ban nhân dân|UBND|Ban|Thanh tra|Văn phòng|Huyện ủy|Tỉnh ủy|Thành ủy|Đảng ủy|Chủ tịch|Bộ|Cục|Trung tâm|Phòng)[^;.:,\n]{0,80}?)\s*(?:\./\.|\.|$)", RegexOptions.None, 1000)]
    private static partial Regex IssuerInClosing();

    [GeneratedRegex(@"^\d{4}/")]
    private static partial Regex YearPrefix();

    [GeneratedRegex(@"^\d*-(?<t>[\p{L}]+)/")]
    private static partial Regex PartyCode();

    [GeneratedRegex(@"^\d*(?:/(?<year>\d{4}))?/(?<first>[\p{L}]+\d*)(?<rest>-[\p{L}\d-]+)?$")]
    private static partial Regex StateCode();
}
