using System.Text.Json.Serialization;

namespace DanVan.Domain.Import;

/// <summary>
/// Where a field came from in <see cref="ParsedDocument.Text"/> (the normalised text the parser read), so the review
/// screen can show each field beside its source. Not part of the JSON contract.
/// </summary>
public readonly record struct TextSpan(int Start, int Length)
{
    public int End => Start + Length;
}

/// <summary>
/// What the importer found in a plan, directive or letter. Property names and shapes are the JSON contract of
/// <c>parse-document</c> and <c>POST /api/documents/parse</c> (camelCase): change them only with the issue that owns it.
/// </summary>
public sealed class ParsedDocument
{
    /// <summary>"Kế hoạch", "Công văn", "Quyết định", "Chỉ thị" …</summary>
    public string? Kind { get; set; }

    /// <summary>The number as written ("80", "451"), null when left blank in a draft.</summary>
    public string? Number { get; set; }

    /// <summary>The symbol after the number ("KH-UBND", "CV/HU").</summary>
    public string? Symbol { get; set; }

    /// <summary>Number and symbol without spaces: "878/KH-SVHTT", "451-CV/HU", "/KH-SNV" for a blank number.</summary>
    public string? Code { get; set; }

    public string? Issuer { get; set; }

    public string? ParentBody { get; set; }

    public string? Place { get; set; }

    /// <summary>ISO date, or "yyyy-MM" / "yyyy" when the day or month was left blank.</summary>
    public string? Date { get; set; }

    /// <summary>Trích yếu: the title under the type, or the "V/v …" line of a công văn.</summary>
    public string? Title { get; set; }

    public List<ParsedCitation> Citations { get; set; } = [];

    public List<ParsedSection> Sections { get; set; } = [];

    public List<ParsedAssignment> Assignments { get; set; } = [];

    public List<ParsedDeadline> Deadlines { get; set; } = [];

    public List<ParsedTarget> Targets { get; set; } = [];

    public List<string> Recipients { get; set; } = [];

    public ParsedSigner? Signer { get; set; }

    /// <summary>The normalised text the spans point into.</summary>
    [JsonIgnore]
    public string Text { get; set; } = "";

    /// <summary>Source spans of the single-valued fields, keyed by JSON name ("code", "date", "title" …).</summary>
    [JsonIgnore]
    public Dictionary<string, TextSpan> Sources { get; } = [];
}

public sealed class ParsedCitation
{
    /// <summary>"Kế hoạch", "Chỉ thị", "Luật" … as named in the text.</summary>
    public string? Kind { get; set; }

    public string? Code { get; set; }

    /// <summary>The name, for a document cited without a number ("Luật Tổ chức chính quyền địa phương"), else null.</summary>
    public string? Title { get; set; }

    /// <summary>ISO date when written (full or partial), else null.</summary>
    public string? Date { get; set; }

    /// <summary>The issuer as written after "của" (or the body the code names), else null.</summary>
    public string? Issuer { get; set; }

    [JsonIgnore]
    public TextSpan Source { get; set; }
}

public sealed class ParsedSection
{
    /// <summary>"I", "1", "a", "-" as written (without the trailing dot or bracket).</summary>
    public string Number { get; set; } = "";

    public string Heading { get; set; } = "";

    /// <summary>1 for I., 2 for 1., 3 for a), 4 for a dash item.</summary>
    public int Level { get; set; }

    [JsonIgnore]
    public TextSpan Source { get; set; }
}

public sealed class ParsedAssignment
{
    public string Assignee { get; set; } = "";

    public List<string> Tasks { get; set; } = [];

    [JsonIgnore]
    public TextSpan Source { get; set; }
}

public sealed class ParsedDeadline
{
    public string Text { get; set; } = "";

    public int Day { get; set; }

    public int Month { get; set; }

    public int? Year { get; set; }

    /// <summary>"none", "yearly", "half-yearly", "quarterly", "monthly".</summary>
    public string Recurrence { get; set; } = "none";

    /// <summary>What must be done by then, as written around the date.</summary>
    public string? About { get; set; }

    /// <summary>Who must do it, when the deadline sits inside an assignment.</summary>
    [JsonIgnore]
    public string? Assignee { get; set; }

    [JsonIgnore]
    public TextSpan Source { get; set; }
}

public sealed class ParsedTarget
{
    public string Text { get; set; } = "";

    public decimal Value { get; set; }

    /// <summary>"%" or the unit written after the number.</summary>
    public string Unit { get; set; } = "%";

    /// <summary>">", ">=", "=", "<", "<=".</summary>
    public string Comparison { get; set; } = "=";

    [JsonIgnore]
    public TextSpan Source { get; set; }
}

public sealed class ParsedSigner
{
    /// <summary>"TM.", "KT.", "TL.", "TUQ.", "Q." with what follows ("KT. GIÁM ĐỐC"), or null when signing in own name.</summary>
    public string? Authority { get; set; }

    public string? Position { get; set; }

    public string? Name { get; set; }

    [JsonIgnore]
    public TextSpan Source { get; set; }
}
