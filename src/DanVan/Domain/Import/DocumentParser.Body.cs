using System.Text.RegularExpressions;

namespace DanVan.Domain.Import;

public static partial class DocumentParser
{
    /// <summary>An outline item: "I." (1), "1." (2), "a)" or "1.1." (3), "-" (4), "+" (5).</summary>
    private sealed record Item(int Line, int Level, string Number, string Text);

    /// <summary>Outline items of the body (headers, recipients, signatures and footnotes excluded), in order.</summary>
    private static List<Item> Items(Doc doc)
    {
        var items = new List<Item>();
        foreach (var line in doc.Lines)
        {
            if (doc.NotBody.Contains(line.Index) || IsFootnote(line.Text))
            {
                continue;
            }

            if (ReadMarker(line.Text) is { } item)
            {
                // "Chương I" / "Phần II" with the title on the next line, in capitals ("QUY ĐỊNH CHUNG").
                if (item is { Level: 1, Text.Length: 0 } && line.Index + 1 < doc.Lines.Count && doc.Lines[line.Index + 1].Text is var next
                    && !doc.NotBody.Contains(line.Index + 1) && ReadMarker(next) is null && IsMostlyUpper(next) && next.Length <= 200)
                {
                    item = item with { Text = TrimFragment(next) };
                }

                items.Add(item with { Line = line.Index });
            }
        }

        return items;
    }

    private static Item? ReadMarker(string t)
    {
        if (t[0] is '-' or '–' or '•')
        {
            return new Item(0, 4, "-", TrimFragment(t[1..]));
        }

        if (t[0] == '+')
        {
            return new Item(0, 5, "+", TrimFragment(t[1..]));
        }

        if (t.StartsWith("V/", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var part = PartMarker().Match(t);
        if (part.Success)
        {
            // "Phần I", "Chương II" (level 1) and "Điều 3." (level 2) in decisions and regulations.
            var partLevel = Fold(part.Groups["w"].Value) == "dieu" ? 2 : 1;
            return new Item(0, partLevel, part.Groups["w"].Value + " " + part.Groups["n"].Value, TrimFragment(t[part.Length..]));
        }

        var m = OutlineMarker().Match(t);
        if (!m.Success)
        {
            return null;
        }

        var n = m.Groups["n"].Value;
        var level = char.IsDigit(n[0]) ? (n.Contains('.', StringComparison.Ordinal) ? 3 : 2) : char.IsUpper(n[0]) ? 1 : 3;
        return new Item(0, level, n, TrimFragment(t[m.Length..]));
    }

    private static bool IsFootnote(string text) => "¹²³⁴⁵⁶⁷⁸⁹⁰".Contains(text[0], StringComparison.Ordinal);

    private static void ReadOutline(Doc doc, ParsedDocument result)
    {
        foreach (var item in Items(doc))
        {
            var line = doc.Lines[item.Line];
            result.Sections.Add(new ParsedSection
            {
                Number = item.Number,
                Heading = HeadingOf(item.Text),
                Level = item.Level,
                Source = line.Span,
            });
        }
    }

    /// <summary>A heading as a reader names it: short lines whole, long paragraphs by their first sentence.</summary>
    private static string HeadingOf(string text)
    {
        if (text.Length <= 200)
        {
            return text;
        }

        var stop = text.IndexOfAny(['.', ':', ';'], 40);
        return stop is > 0 and <= 200 ? text[..stop] : Shorten(text, 200);
    }

    // ------------------------------------------------------------------ assignments

    /// <summary>
    /// Who must do what: in the implementation part (III./IV. "Tổ chức thực hiện", or the whole body of a letter
    /// without a Roman outline), an item headed by an agency ("2. Thanh tra tỉnh", "a) Sở Nội vụ:", "Trách nhiệm
    /// chung của …:", "…, Thủ trưởng các Sở … có trách nhiệm") owns the paragraphs under it; an item that is a sentence
    /// whose subject is an agency ("- Văn phòng Sở theo dõi, đôn đốc …") is a task of that agency.
    /// </summary>
    private static void ReadAssignments(Doc doc, ParsedDocument result)
    {
        var items = Items(doc);
        var byAssignee = new Dictionary<string, ParsedAssignment>(StringComparer.Ordinal);
        foreach (var (from, to) in ImplementationScopes(doc, items))
        {
            var owned = new HashSet<int>();
            for (var i = from; i < to; i++)
            {
                var line = doc.Lines[i];
                if (IsClosing(line.Text))
                {
                    break;
                }

                if (doc.NotBody.Contains(i) || owned.Contains(i) || IsFootnote(line.Text))
                {
                    continue;
                }

                var item = ReadMarker(line.Text);

                // "- Sở Tài chính: bố trí kinh phí …": the agency and its task on one line.
                if (item is not null && AgencyWithTask(item.Text) is { } inline)
                {
                    doc.AssigneeByLine[i] = inline.Assignee;
                    Assign(byAssignee, result, inline.Assignee, [TaskText(inline.Task)], line.Span);
                    continue;
                }

                if (item is { Level: >= 2 and <= 3 } && AgencyHeading(item.Text) is { } assignee)
                {
                    var end = i + 1;
                    while (end < to && !(ReadMarker(doc.Lines[end].Text) is { } next && next.Level <= item.Level) && !doc.NotBody.Contains(end)
                        && !IsClosing(doc.Lines[end].Text))
                    {
                        end++;
                    }

                    var tasks = new List<string>();
                    for (var j = i + 1; j < end; j++)
                    {
                        var sub = ReadMarker(doc.Lines[j].Text);
                        if (sub is { Level: >= 2 and <= 3 } && AgencyHeading(sub.Text) is not null)
                        {
                            break; // nested agencies ("2. … sau đây có trách nhiệm:" → "a) Sở Nội vụ:") own what follows
                        }

                        if (!IsFootnote(doc.Lines[j].Text))
                        {
                            tasks.Add(TaskText(sub?.Text ?? doc.Lines[j].Text));
                            owned.Add(j);
                            doc.AssigneeByLine[j] = assignee;
                        }
                    }

                    doc.AssigneeByLine[i] = assignee;
                    if (tasks.Count > 0)
                    {
                        Assign(byAssignee, result, assignee, tasks, line.Span);
                    }

                    continue;
                }

                if (item is null)
                {
                    continue; // a plain paragraph outside an agency's heading is narrative, not an assignment
                }

                var text = item.Text;
                var subject = SubjectSentence().Match(text);
                if (subject.Success && subject.Groups["who"].Value.Split(' ').Length <= 15)
                {
                    var rest = text[subject.Groups["rest"].Index..];
                    doc.AssigneeByLine[i] = TrimFragment(subject.Groups["who"].Value);
                    Assign(byAssignee, result, TrimFragment(subject.Groups["who"].Value), [TaskText(char.ToUpper(rest[0], Text.VietnameseText.Culture) + rest[1..])], line.Span);
                }
            }
        }
    }

    private static void Assign(Dictionary<string, ParsedAssignment> byAssignee, ParsedDocument result, string assignee, List<string> tasks, TextSpan source)
    {
        var key = Fold(assignee);
        if (!byAssignee.TryGetValue(key, out var assignment))
        {
            assignment = new ParsedAssignment { Assignee = assignee, Source = source };
            byAssignee[key] = assignment;
            result.Assignments.Add(assignment);
        }

        assignment.Tasks.AddRange(tasks.Where(t => t.Length > 0));
    }

    /// <summary>"Trên đây là Kế hoạch …": the closing paragraph ends the body.</summary>
    private static bool IsClosing(string text) => text.StartsWith("Trên đây", StringComparison.Ordinal);

    private static string TaskText(string text) => Shorten(TrimFragment(text), 2000);

    /// <summary>The agency an outline heading names, or null when the heading is a sentence or a topic.</summary>
    private static string? AgencyHeading(string heading)
    {
        var h = heading.Trim().TrimEnd(':', '.', ';').Trim();
        var responsibility = ResponsibilityOf().Match(h);
        if (responsibility.Success)
        {
            return TrimFragment(responsibility.Groups["who"].Value);
        }

        var hasResponsibility = HasResponsibility().Match(h);
        if (hasResponsibility.Success)
        {
            return TrimFragment(hasResponsibility.Groups["who"].Value);
        }

        if (h.Length > 160 || h.Contains(". ", StringComparison.Ordinal) || !AgencyStart().IsMatch(h) || SubjectSentence().IsMatch(h))
        {
            return null;
        }

        return h;
    }

    private static (string Assignee, string Task)? AgencyWithTask(string text)
    {
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon is < 3 or > 160 || colon + 2 >= text.Length)
        {
            return null;
        }

        var head = text[..colon];
        var task = text[(colon + 1)..].Trim();
        if (task.Length < 5 || ResponsibilityOf().IsMatch(head) || AgencyHeading(head) is not { } assignee || assignee != head.Trim())
        {
            return null;
        }

        return (assignee, char.ToUpper(task[0], Text.VietnameseText.Culture) + task[1..]);
    }

    /// <summary>Line ranges of the implementation parts of each document.</summary>
    private static IEnumerable<(int From, int To)> ImplementationScopes(Doc doc, List<Item> items)
    {
        foreach (var start in doc.DocumentStarts)
        {
            var end = doc.DocumentEnd(start);
            var roman = items.Where(i => i.Level == 1 && i.Line >= start && i.Line < end).ToList();
            if (roman.Count == 0)
            {
                yield return (start, end);
                continue;
            }

            // "PHỤ LỤC" after the signature (a table or list of tasks "kèm theo Kế hoạch"): read as well.
            var appendix = Enumerable.Range(roman[^1].Line + 1, Math.Max(0, end - roman[^1].Line - 1))
                .Where(i => Fold(doc.Lines[i].Text).StartsWith("phu luc", StringComparison.Ordinal)).DefaultIfEmpty(-1).First();
            var bodyEnd = appendix >= 0 ? appendix : end;
            if (appendix >= 0)
            {
                yield return (appendix + 1, end);
            }

            for (var k = 0; k < roman.Count; k++)
            {
                // Every part that gives work: "Tổ chức thực hiện", "Trách nhiệm", "Phân công", and also "Nhiệm vụ" /
                // "Nội dung" parts laid out by agency ("II. NỘI DUNG" → "1. Phòng Nội vụ" → "- Tham mưu …"); not the
                // purposes, the situation or the assessment, whose items name agencies as subjects of narrative.
                var folded = Fold(roman[k].Text);
                if (folded.Contains("to chuc thuc hien", StringComparison.Ordinal) || folded.Contains("trach nhiem", StringComparison.Ordinal)
                    || folded.Contains("phan cong", StringComparison.Ordinal) || folded.Contains("nhiem vu", StringComparison.Ordinal)
                    || folded.StartsWith("noi dung", StringComparison.Ordinal))
                {
                    yield return (roman[k].Line + 1, k + 1 < roman.Count ? roman[k + 1].Line : bodyEnd);
                }
            }
        }
    }

    /// <summary>
    /// Lines of the parts that tell what was done ("I. KẾT QUẢ ĐẠT ĐƯỢC", "Đánh giá …", "Tình hình …"): a report's or a
    /// plan's review of last year, where "đạt 89,7%" is a result, not a target.
    /// </summary>
    private static HashSet<int> ReportedResultLines(Doc doc)
    {
        var lines = new HashSet<int>();
        var roman = Items(doc).Where(i => i.Level == 1).ToList();
        for (var k = 0; k < roman.Count; k++)
        {
            var folded = Fold(roman[k].Text);
            if (folded.StartsWith("ket qua", StringComparison.Ordinal) || folded.StartsWith("danh gia", StringComparison.Ordinal)
                || folded.StartsWith("tinh hinh", StringComparison.Ordinal))
            {
                var end = k + 1 < roman.Count ? roman[k + 1].Line : doc.DocumentEnd(doc.DocumentStarts.Last(s => s <= roman[k].Line));
                for (var i = roman[k].Line; i < end; i++)
                {
                    lines.Add(i);
                }
            }
        }

        return lines;
    }

    [GeneratedRegex(@"^(?<w>Phần|PHẦN|Chương|CHƯƠNG|Điều|ĐIỀU)\s+(?<n>[IVXLC]{1,6}|\d{1,3})\s*[.:]?\s*")]
    private static partial Regex PartMarker();

    [GeneratedRegex(@"^(?<n>[IVXLC]{1,6}|\d{1,2}(?:\.\d{1,2})+|\d{1,2}|[a-zđ])\s*(?:[.)]|/(?=\s))\s*(?=\S)")]
    private static partial Regex OutlineMarker();

    private const string Agency =
        // Words that also begin ordinary phrases are cut off from them: "Báo cáo", "Ban hành", "Hội nghị", "Trường hợp",
        // "Phòng, chống", "Bộ tiêu chí", "Lãnh đạo, chỉ đạo", "Đoàn kết" start tasks or headings, not agencies.
        @"(?:Sở|Ban(?! hành)|Văn phòng|Thanh tra|Phòng(?!,? chống)|Đài|Báo(?! cáo)|Công an|Công đoàn|Đoàn(?! kết)|Hội(?! nghị| thảo| thi| diễn)|" +
        @"Bộ(?! tiêu chí| câu hỏi| máy)|Ủy ban|Uỷ ban|UBND|HĐND|Hội đồng|Mặt trận|" +
        @"Trung tâm|Cục|Chi cục|Tổng cục|Viện|Trường(?! hợp)|Bệnh viện|Kho bạc|Ngân hàng|Lãnh đạo(?!,? chỉ đạo)|Thủ trưởng|Giám đốc|Chủ tịch|Đảng ủy|Đảng uỷ|" +
        @"Đảng đoàn|Chi bộ|Tòa án|Liên đoàn|Tỉnh đoàn|Thành đoàn|Tỉnh ủy|Huyện ủy|Thành ủy|Cơ quan|Đơn vị|Người đứng đầu|Cán bộ|" +
        // A commune's posts and the heads named by title ("Công chức Văn phòng - Thống kê", "Chánh Văn phòng UBND tỉnh").
        @"Công chức(?!,? viên chức)|Chánh Văn phòng|Chánh Thanh tra|Trưởng phòng|Trưởng ban|Trưởng Công an|Chỉ huy trưởng|Phó Chủ tịch|Phó Giám đốc|" +
        @"Các (?:sở|Sở|ban|Ban|cơ quan|đơn vị|tổ chức|phòng|Phòng|địa phương|xã|huyện|UBND|Ủy ban|đoàn thể|hội|trường|Đảng ủy|chi bộ))";

    private const string Verbs =
        "phối hợp|chủ trì|theo dõi|thực hiện|tham mưu|chỉ đạo|triển khai|xây dựng|tổ chức|có trách nhiệm|chịu trách nhiệm|" +
        "tập trung|hướng dẫn|kiểm tra|tăng cường|làm đầu mối|là cơ quan|đôn đốc|ký kết|bố trí|báo cáo|tiếp tục|khẩn trương|" +
        "lãnh đạo|giám sát|căn cứ|rà soát|chủ động|nghiên cứu|phổ biến|tuyên truyền|đẩy mạnh|quan tâm|cân đối|đảm bảo|bảo đảm|" +
        "định kỳ|thường xuyên|gửi|được giao|ban hành|nâng cao|duy trì|phát động|vận động|hỗ trợ";

    /// <summary>"Sở Nội vụ theo dõi, đôn đốc …", also after "Giao" / "Đề nghị" / "Yêu cầu" ("Giao Sở Nội vụ chủ trì …").</summary>
    [GeneratedRegex(@"^(?:(?:Giao(?: cho)?|Đề nghị|Yêu cầu)\s+)?(?<who>" + Agency + @"\b[^;:.]{0,100}?)\s+(?<rest>(?:" + Verbs + @")\b.*)$", RegexOptions.None, 1000)]
    private static partial Regex SubjectSentence();

    [GeneratedRegex(@"^" + Agency + @"\b")]
    private static partial Regex AgencyStart();

    [GeneratedRegex(@"^Trách nhiệm(?: chung)?(?: của)?\s+(?<who>.{3,200})$")]
    private static partial Regex ResponsibilityOf();

    [GeneratedRegex(@"(?:^|,\s*)(?<who>" + Agency + @"\b[^;:]{0,200}?)\s+(?:có|chịu) trách nhiệm(?:\s*:)?\s*(?:thực hiện)?\s*(?:các nhiệm vụ sau|như sau)?$", RegexOptions.None, 1000)]
    private static partial Regex HasResponsibility();
}
