using System.Globalization;
using System.Text.RegularExpressions;
using DanVan.Domain.Text;

namespace DanVan.Domain.Import;

/// <summary>What a letter asking for comments on a draft proposes for a consultation (issue 17): nothing is saved from it.</summary>
public sealed class ConsultationProposal
{
    /// <summary>The "V/v" line.</summary>
    public string? Subject { get; set; }

    /// <summary>The draft's name ("Kế hoạch của Chủ tịch UBND tỉnh về công tác dân vận").</summary>
    public string? DraftTitle { get; set; }

    /// <summary>The "Kính gửi" lines, as written, without dashes and final punctuation.</summary>
    public List<string> Addressees { get; set; } = [];

    /// <summary>The last day answers are accepted: "trước ngày 10/01/2022" is 09/01/2022.</summary>
    public DateOnly? DueOn { get; set; }

    /// <summary>The deadline as the letter writes it.</summary>
    public string? DueText { get; set; }

    /// <summary>The sentence that says what silence means, as written.</summary>
    public string? SilenceRule { get; set; }

    public bool SilenceMeansAgreement { get; set; }

    /// <summary>An e-mail address or "gửi về …" for the answers.</summary>
    public string? Contact { get; set; }

    /// <summary>The enclosed draft when the file carries it after the letter (as seed 003 does), else null.</summary>
    public string? DraftText { get; set; }
}

/// <summary>
/// Reads a công văn lấy ý kiến (seed 003: "V/v lấy ý kiến góp ý dự thảo Kế hoạch …", Kính gửi a list of agencies,
/// "gửi về Sở Nội vụ trước ngày 10/01/2022", "Nếu quá thời hạn nêu trên … không có ý kiến xem như thống nhất") on top of
/// <see cref="DocumentParser"/>'s result. Pure.
/// </summary>
public static partial class ConsultationLetter
{
    /// <summary>Whether a parsed letter asks for comments on a draft.</summary>
    public static bool IsConsultation(ParsedDocument parsed)
    {
        var title = VietnameseText.Fold(parsed.Title);
        return (title.Contains("lay y kien", StringComparison.Ordinal) || title.Contains("gop y", StringComparison.Ordinal))
            && title.Contains("du thao", StringComparison.Ordinal);
    }

    public static ConsultationProposal Propose(ParsedDocument parsed)
    {
        var text = parsed.Text.Replace("\r\n", "\n", StringComparison.Ordinal);
        var (letter, draft) = SplitEnclosedDraft(text);
        var proposal = new ConsultationProposal
        {
            Subject = parsed.Title is null ? null : "V/v " + LowerFirst(parsed.Title),
            DraftTitle = DraftTitleOf(parsed.Title),
            Addressees = Addressees(letter),
            DraftText = draft,
        };

        // The first dated deadline of the letter itself ("trước ngày 10/01/2022").
        foreach (var d in parsed.Deadlines.Where(d => d.Year is not null))
        {
            var at = letter.IndexOf(d.Text, StringComparison.Ordinal);
            if (at < 0)
            {
                continue;
            }

            try
            {
                var date = new DateOnly(d.Year!.Value, d.Month, d.Day);
                var before = VietnameseText.Fold(d.Text).StartsWith("truoc ngay", StringComparison.Ordinal);
                proposal.DueOn = before ? date.AddDays(-1) : date;
                proposal.DueText = d.Text;
                break;
            }
            catch (ArgumentOutOfRangeException)
            {
                // An impossible date in the letter: leave it for the officer.
            }
        }

        foreach (var sentence in Sentences().Split(letter))
        {
            var folded = VietnameseText.Fold(sentence);
            if (folded.Contains("khong co y kien", StringComparison.Ordinal) || folded.Contains("xem nhu thong nhat", StringComparison.Ordinal))
            {
                proposal.SilenceRule = Clean(sentence).TrimEnd('.') + ".";
                proposal.SilenceMeansAgreement = folded.Contains("thong nhat", StringComparison.Ordinal) || folded.Contains("dong y", StringComparison.Ordinal);
                break;
            }
        }

        if (Email().Match(letter) is { Success: true } email)
        {
            proposal.Contact = "Thư điện tử: " + email.Value;
        }

        return proposal;
    }

    /// <summary>"lấy ý kiến góp ý dự thảo Kế hoạch của …" → "Kế hoạch của …".</summary>
    public static string? DraftTitleOf(string? title)
    {
        if (title is null)
        {
            return null;
        }

        var at = title.IndexOf("dự thảo", StringComparison.OrdinalIgnoreCase);
        if (at < 0)
        {
            return title;
        }

        var rest = title[(at + "dự thảo".Length)..].Trim();
        return rest.Length == 0 ? title : char.ToUpper(rest[0], CultureInfo.InvariantCulture) + rest[1..];
    }

    /// <summary>The lines after "Kính gửi:" (on the same line or as a dash list) until the body starts.</summary>
    public static List<string> Addressees(string letter)
    {
        var result = new List<string>();
        var lines = letter.Split('\n');
        var start = Array.FindIndex(lines, l => VietnameseText.Fold(Clean(l)).StartsWith("kinh gui", StringComparison.Ordinal));
        if (start < 0)
        {
            return result;
        }

        var first = Clean(lines[start]);
        var colon = first.IndexOf(':', StringComparison.Ordinal);
        if (colon >= 0 && first[(colon + 1)..].Trim() is { Length: > 0 } same)
        {
            result.Add(Item(same));
        }

        for (var i = start + 1; i < lines.Length; i++)
        {
            var line = Clean(lines[i]);
            if (line.Length == 0)
            {
                continue;
            }

            if (!line.StartsWith('-') && !line.StartsWith('+') && !line.StartsWith('•'))
            {
                if (result.Count == 0 && line.Length < 120)
                {
                    result.Add(Item(line)); // one addressee on its own line
                    continue;
                }

                break;
            }

            result.Add(Item(line));
        }

        return result.Where(r => r.Length > 0).ToList();
    }

    /// <summary>A file holding the letter then the draft: the draft starts at the block above the second national motto.</summary>
    public static (string Letter, string? Draft) SplitEnclosedDraft(string text)
    {
        var lines = text.Split('\n');
        var mottos = lines.Select((l, i) => (l, i)).Where(x => VietnameseText.Fold(Clean(x.l)).StartsWith("cong hoa xa hoi chu nghia viet nam", StringComparison.Ordinal)).Select(x => x.i).ToList();
        if (mottos.Count < 2)
        {
            return (text, null);
        }

        var start = mottos[1];
        var i = start - 1;
        while (i >= 0 && Clean(lines[i]).Length == 0)
        {
            i--;
        }

        while (i >= 0 && Clean(lines[i]).Length > 0 && start - i < 6)
        {
            i--;
        }

        var cut = i + 1;
        var draft = string.Join("\n", lines[cut..].Select(Clean).Where(l => l.Length > 0));
        return (string.Join("\n", lines[..cut]), draft.Length == 0 ? null : draft);
    }

    /// <summary>"Các Sở, ban, ngành" and "Ủy ban nhân dân các huyện, thành phố" (communes since 2025) name a kind of unit, not one unit.</summary>
    public static WorkItems.LeadUnitGroup? GroupOf(string addressee)
    {
        var f = VietnameseText.Fold(addressee);
        if (f.Contains("so, ban, nganh", StringComparison.Ordinal) || f.Contains("so, nganh", StringComparison.Ordinal) || f.StartsWith("cac so", StringComparison.Ordinal))
        {
            return WorkItems.LeadUnitGroup.Departments;
        }

        return f.Contains("cac huyen", StringComparison.Ordinal) || f.Contains("cac xa", StringComparison.Ordinal) || f.Contains("cac phuong", StringComparison.Ordinal)
            || f.Contains("xa, phuong", StringComparison.Ordinal) || f.Contains("cap xa", StringComparison.Ordinal)
            ? WorkItems.LeadUnitGroup.CommunesWardsZones
            : null;
    }

    /// <summary>Text without Markdown emphasis and heading marks (letters pasted from the web carry them).</summary>
    public static string Clean(string line) => Heading().Replace(line.Replace("**", "", StringComparison.Ordinal).Replace("__", "", StringComparison.Ordinal), "").Trim();

    private static string Item(string line) => line.TrimStart('-', '+', '•', ' ').TrimEnd(';', '.', ',', ' ');

    private static string LowerFirst(string s) => s.Length == 0 ? s : char.ToLower(s[0], VietnameseText.Culture) + s[1..];

    [GeneratedRegex(@"^#+\s*")]
    private static partial Regex Heading();

    [GeneratedRegex(@"(?<=[.;])\s+(?=\p{Lu})")]
    private static partial Regex Sentences();

    [GeneratedRegex(@"[\w.+-]+@[\w-]+(\.[\w-]+)+")]
    private static partial Regex Email();
}
