using DanVan.Domain.Text;

namespace DanVan.Domain.Import;

/// <summary>
/// A table of tasks (a plan's "Phụ lục": STT | Nội dung | Đơn vị chủ trì | Đơn vị phối hợp | Thời gian), written as the
/// lines a plan would have: "- Sở Nội vụ: Tổ chức hội nghị … Phối hợp: … Thời gian thực hiện: quý III/2025.", so the
/// parser's rules for an agency and its task read it. Used for Word tables, Markdown pipe tables and tab-separated text.
/// </summary>
public static class TaskTables
{
    /// <summary>The rows as task lines, or null when the table is not a task table (no "chủ trì" and "nội dung" header).</summary>
    public static List<string>? ToLines(IReadOnlyList<IReadOnlyList<string>> rows)
    {
        static bool IsContent(string folded) =>
            folded.Contains("noi dung", StringComparison.Ordinal) || folded.Contains("nhiem vu", StringComparison.Ordinal) || folded.Contains("cong viec", StringComparison.Ordinal);

        var header = -1;
        for (var r = 0; r < rows.Count && header < 0; r++)
        {
            var folded = rows[r].Select(VietnameseText.Fold).ToList();
            if (folded.Any(f => f.Contains("chu tri", StringComparison.Ordinal)) && folded.Any(IsContent))
            {
                header = r;
            }
        }

        if (header < 0)
        {
            return null;
        }

        var heads = rows[header].Select(VietnameseText.Fold).ToList();
        var lead = heads.FindIndex(h => h.Contains("chu tri", StringComparison.Ordinal));
        var content = heads.FindIndex(h => IsContent(h) && !h.Contains("chu tri", StringComparison.Ordinal));
        var partner = heads.FindIndex(h => h.Contains("phoi hop", StringComparison.Ordinal));
        var when = heads.FindIndex(h => h.Contains("thoi gian", StringComparison.Ordinal) || h.Contains("thoi han", StringComparison.Ordinal));
        if (content < 0)
        {
            return null;
        }

        var lines = new List<string>();
        foreach (var row in rows.Skip(header + 1))
        {
            string Cell(int i) => i >= 0 && i < row.Count ? row[i].Trim() : "";
            if (Cell(content).Length == 0)
            {
                continue;
            }

            if (Cell(lead).Length == 0)
            {
                lines.Add(Cell(content)); // a group heading row ("I. Công tác tuyên truyền")
                continue;
            }

            var line = $"- {Cell(lead).TrimEnd('.', ';', ':')}: {Cell(content).TrimEnd('.', ';')}.";
            if (Cell(partner).Length > 0)
            {
                line += $" Phối hợp: {Cell(partner).TrimEnd('.', ';')}.";
            }

            if (Cell(when).Length > 0)
            {
                line += $" Thời gian thực hiện: {Cell(when).TrimEnd('.', ';')}.";
            }

            lines.Add(line);
        }

        return lines;
    }

    /// <summary>
    /// Rewrites the task tables of plain text: Markdown pipe tables ("| STT | Nội dung | Đơn vị chủ trì |", separator rows
    /// skipped) and tab-separated rows copied from Word. Other tables and lines are left as they are.
    /// </summary>
    public static string[] RewriteText(string[] lines)
    {
        List<string>? result = null;
        var i = 0;
        while (i < lines.Length)
        {
            var kind = RowKind(lines[i]);
            if (kind == 0)
            {
                result?.Add(lines[i]);
                i++;
                continue;
            }

            var end = i;
            while (end < lines.Length && RowKind(lines[end]) == kind)
            {
                end++;
            }

            var rows = lines[i..end].Select(l => Cells(l, kind)).Where(r => !r.All(c => c.Length == 0 || c.All(ch => ch is '-' or ':' or ' '))).ToList();
            var rewritten = end - i >= 2 ? ToLines(rows) : null;
            if (rewritten is not null)
            {
                result ??= [.. lines[..i]];
                result.AddRange(rewritten);
            }
            else
            {
                result?.AddRange(lines[i..end]);
            }

            i = end;
        }

        return result?.ToArray() ?? lines;
    }

    /// <summary>1: a pipe-table row; 2: a row of three or more tab-separated cells; 0: text.</summary>
    private static int RowKind(string line)
    {
        var t = line.Trim();
        if (t.Length > 1 && t[0] == '|' && t[^1] == '|')
        {
            return 1;
        }

        return line.Count(c => c == '\t') >= 2 ? 2 : 0;
    }

    private static List<string> Cells(string line, int kind)
    {
        var t = line.Trim();
        if (kind == 1)
        {
            t = t[1..^1];
            return t.Split('|').Select(c => c.Replace("**", "", StringComparison.Ordinal).Trim()).ToList();
        }

        return line.Split('\t').Select(c => c.Trim()).ToList();
    }
}
