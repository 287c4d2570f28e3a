using DanVan.Domain.Text;

namespace DanVan.Domain.Documents;

/// <summary>
/// The lines above a signer's name (Nghị định 30/2020, Phụ lục I, ô 7a): the authority prefix with the title it acts
/// for, then the signer's own position — "KT. CHỦ TỊCH" over "PHÓ CHỦ TỊCH", "TM. ỦY BAN NHÂN DÂN" over "CHỦ TỊCH",
/// "TM. ỦY BAN NHÂN DÂN" / "KT. CHỦ TỊCH" / "PHÓ CHỦ TỊCH" when a deputy signs for the collective. Capitals throughout.
/// </summary>
public static class SignatureBlock
{
    /// <summary>The issuing body's head, by the first words of its name (the title a deputy or a delegate signs for).</summary>
    private static readonly (string Folded, string Head)[] Heads =
    [
        ("uy ban nhan dan", "CHỦ TỊCH"), ("tinh ", "CHỦ TỊCH"), ("thanh pho ", "CHỦ TỊCH"), ("xa ", "CHỦ TỊCH"), ("phuong ", "CHỦ TỊCH"),
        ("dac khu ", "CHỦ TỊCH"), ("hoi dong nhan dan", "CHỦ TỊCH"), ("uy ban mat tran", "CHỦ TỊCH"), ("so ", "GIÁM ĐỐC"),
        ("bo ", "BỘ TRƯỞNG"), ("van phong", "CHÁNH VĂN PHÒNG"), ("thanh tra", "CHÁNH THANH TRA"), ("ban ", "TRƯỞNG BAN"),
        ("truong ", "HIỆU TRƯỞNG"), ("benh vien", "GIÁM ĐỐC"), ("trung tam", "GIÁM ĐỐC"), ("cong an", "TRƯỞNG CÔNG AN"),
    ];

    /// <summary>"CHỦ TỊCH" for "Ủy ban nhân dân phường Tân Ninh", "GIÁM ĐỐC" for "Sở Nội vụ"; "THỦ TRƯỞNG CƠ QUAN" when unknown.</summary>
    public static string HeadTitle(string issuer)
    {
        var folded = VietnameseText.Fold(issuer).ToLowerInvariant().Trim() + " ";
        foreach (var (prefix, head) in Heads)
        {
            if (folded.StartsWith(prefix, StringComparison.Ordinal))
            {
                return head;
            }
        }

        return "THỦ TRƯỞNG CƠ QUAN";
    }

    /// <summary>The collective a "TM." signature speaks for: "ỦY BAN NHÂN DÂN" for any people's committee, else the body's own name.</summary>
    public static string Collective(string issuer)
    {
        var folded = VietnameseText.Fold(issuer).ToLowerInvariant();
        if (folded.StartsWith("uy ban nhan dan", StringComparison.Ordinal) || HeadTitle(issuer) == "CHỦ TỊCH" && !folded.StartsWith("hoi dong", StringComparison.Ordinal) && !folded.StartsWith("uy ban mat tran", StringComparison.Ordinal))
        {
            return "ỦY BAN NHÂN DÂN";
        }

        return Upper(issuer);
    }

    /// <summary>
    /// The authority lines for a prefix (TM., KT., TL., TUQ., Q. or none) and the signer's position ("Phó Chủ tịch");
    /// a prefix written out already ("KT. CHỦ TỊCH") keeps its title. Never one line holding both a prefix and a deputy's title.
    /// </summary>
    public static IReadOnlyList<string> Lines(string? authority, string? position, string issuer)
    {
        var pos = Upper(position ?? "");
        var prefix = Upper(authority ?? "");
        var head = HeadTitle(issuer);
        var deputyOf = pos.StartsWith("PHÓ ", StringComparison.Ordinal) ? pos[4..] : null;
        var written = prefix.Contains(' ', StringComparison.Ordinal) ? prefix : null; // "KT. GIÁM ĐỐC" as imported
        if (written is not null)
        {
            if (written.StartsWith("KT. PHÓ ", StringComparison.Ordinal))
            {
                // "KT. PHÓ CHỦ TỊCH" typed on one line: the authority over the deputy's title.
                var title = written["KT. PHÓ ".Length..];
                return ["KT. " + title, pos.Length == 0 ? "PHÓ " + title : pos];
            }

            if (written.StartsWith("KT. ", StringComparison.Ordinal) && pos.Length == 0)
            {
                return [written, "PHÓ " + written[4..]]; // the one signing for the head is a deputy
            }

            return pos.Length == 0 || written.EndsWith(pos, StringComparison.Ordinal) ? [written] : [written, pos];
        }

        string[] lines = prefix switch
        {
            "KT." => ["KT. " + (deputyOf ?? head), pos.Length == 0 ? "PHÓ " + head : pos],
            "TM." when deputyOf is not null => ["TM. " + Collective(issuer), "KT. " + deputyOf, pos],
            "TM." => ["TM. " + Collective(issuer), pos.Length == 0 ? head : pos],
            "TL." or "TUQ." => [prefix + " " + head, pos.Length == 0 ? "" : pos],
            "Q." => ["Q. " + (pos.Length == 0 ? head : pos)],
            _ => [pos.Length == 0 ? head : pos],
        };
        return lines.Where(l => l.Length > 0).ToList();
    }

    private static string Upper(string text) => VietnameseText.Nfc(text.Trim())!.ToUpper(VietnameseText.Culture);
}
