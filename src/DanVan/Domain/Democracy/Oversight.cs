namespace DanVan.Domain.Democracy;

/// <summary>The people's supervision boards of a unit (facts.md §3.4).</summary>
public enum OversightBoardKind
{
    /// <summary>Ban Thanh tra nhân dân: a commune's (through Mặt trận Tổ quốc cấp xã) or an agency's own.</summary>
    PeopleInspection = 1,

    /// <summary>Ban Giám sát đầu tư của cộng đồng: per programme or project, communes only.</summary>
    CommunityInvestment = 2,
}

public enum OversightMemberRole
{
    Head = 1,
    Deputy = 2,
    Member = 3,
}

public enum OversightActivityKind
{
    Inspection = 1,
    Supervision = 2,
}

/// <summary>
/// How many members a kind of board has, where (commune or agency): data with its basis and validity (the bounds
/// come from decrees and guidance and change), copied by ReferenceData for codes the database lacks. A bound left
/// empty is decided locally (the commune's Ban TTND: Ủy ban MTTQ xã decides its size).
/// </summary>
public class OversightBoardRule
{
    public int Id { get; set; }

    public string Code { get; set; } = "";

    public OversightBoardKind Kind { get; set; }

    public DisclosureScope Scope { get; set; }

    public int? MinMembers { get; set; }

    public int? MaxMembers { get; set; }

    public string LegalBasis { get; set; } = "";

    public DateOnly ValidFrom { get; set; }

    public DateOnly? ValidTo { get; set; }
}

/// <summary>Một Ban Thanh tra nhân dân hoặc Ban Giám sát đầu tư của cộng đồng of a unit, for a term, with its members.</summary>
public class OversightBoard
{
    public int Id { get; set; }

    public int UnitId { get; set; }

    public OversightBoardKind Kind { get; set; }

    public string Name { get; set; } = "";

    /// <summary>The programme or project a Ban GSĐTCĐ supervises.</summary>
    public string? Project { get; set; }

    public DateOnly TermFrom { get; set; }

    public DateOnly TermTo { get; set; }

    public int MemberCount { get; set; }

    public string SearchText { get; set; } = "";

    public string RecordedByUserName { get; set; } = "";

    public DateTime RecordedAtUtc { get; set; }

    public Guid ConcurrencyStamp { get; set; } = Guid.NewGuid();

    public List<OversightBoardMember> Members { get; set; } = [];
}

public class OversightBoardMember
{
    public int Id { get; set; }

    public int BoardId { get; set; }

    public string Name { get; set; } = "";

    public OversightMemberRole Role { get; set; }

    public int SortOrder { get; set; }
}

/// <summary>Một cuộc kiểm tra, giám sát of a board: subject, findings, recommendations and whether they were settled.</summary>
public class OversightActivity
{
    public int Id { get; set; }

    public int BoardId { get; set; }

    /// <summary>The board's unit, kept on the row so that measures and lists filter by unit and date on one index.</summary>
    public int UnitId { get; set; }

    public OversightBoardKind BoardKind { get; set; }

    public DateOnly HeldOn { get; set; }

    public OversightActivityKind Kind { get; set; }

    public string Subject { get; set; } = "";

    public string? Findings { get; set; }

    public string? Recommendations { get; set; }

    public bool RecommendationsSettled { get; set; }

    public string SearchText { get; set; } = "";

    public string RecordedByUserName { get; set; } = "";

    public DateTime RecordedAtUtc { get; set; }

    public Guid ConcurrencyStamp { get; set; } = Guid.NewGuid();
}
