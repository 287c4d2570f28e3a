namespace DanVan.Domain.Democracy;

/// <summary>How the people of a community gave their decision (Nghị định 59/2023/NĐ-CP Điều 4; facts.md §3.2).</summary>
public enum DecisionForm
{
    Meeting = 1,
    Questionnaire = 2,
    Online = 3,
}

/// <summary>What the people's vote came to.</summary>
public enum DecisionOutcome
{
    Passed = 1,
    Rejected = 2,
    NoQuorum = 3,
}

/// <summary>
/// A kind of matter the people discuss and decide directly (Điều 15 Luật 10/2022/QH15), with the share of the
/// community's households that must approve it and, for a meeting, the share that must attend: data with its basis
/// and validity, because the thresholds are set by law and decree and may change. "At least" when
/// <see cref="ApprovalStrict"/> is false (two thirds), "more than" when true (half).
/// </summary>
public class DecisionRule
{
    public int Id { get; set; }

    public string Code { get; set; } = "";

    public string Name { get; set; } = "";

    public int ApprovalNumerator { get; set; }

    public int ApprovalDenominator { get; set; }

    public bool ApprovalStrict { get; set; }

    public int QuorumNumerator { get; set; }

    public int QuorumDenominator { get; set; }

    public bool QuorumStrict { get; set; }

    public string LegalBasis { get; set; } = "";

    public int SortOrder { get; set; }

    public DateOnly ValidFrom { get; set; }

    public DateOnly? ValidTo { get; set; }
}

/// <summary>
/// Một nội dung Nhân dân bàn và quyết định: the matter, the community (thôn, tổ dân phố), the form, households entitled,
/// present (or answering), for and against, and the outcome computed with the rule in force on the day, whose
/// threshold and basis are kept as they stood.
/// </summary>
public class PeopleDecision
{
    public int Id { get; set; }

    /// <summary>The commune, ward or special zone whose community decided.</summary>
    public int UnitId { get; set; }

    /// <summary>Thôn, tổ dân phố, khu phố (free text: the directory stops at the commune).</summary>
    public string Community { get; set; } = "";

    public string RuleCode { get; set; } = "";

    public string Matter { get; set; } = "";

    public DecisionForm Form { get; set; }

    public DateOnly HeldOn { get; set; }

    public string? Place { get; set; }

    public int HouseholdsEntitled { get; set; }

    /// <summary>Households represented at the meeting, or answering the questionnaire or the online vote.</summary>
    public int HouseholdsPresent { get; set; }

    public int For { get; set; }

    public int Against { get; set; }

    public DecisionOutcome Outcome { get; set; }

    /// <summary>The rule's thresholds in words and its basis, as they stood on the day.</summary>
    public string ThresholdText { get; set; } = "";

    public string LegalBasis { get; set; } = "";

    public string? ChairName { get; set; }

    public string? SecretaryName { get; set; }

    public string? Conclusion { get; set; }

    public string SearchText { get; set; } = "";

    public string RecordedByUserName { get; set; } = "";

    public DateTime RecordedAtUtc { get; set; }

    public Guid ConcurrencyStamp { get; set; } = Guid.NewGuid();
}
