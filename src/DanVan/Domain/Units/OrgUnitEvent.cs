namespace DanVan.Domain.Units;

public enum OrgUnitEventKind
{
    Created = 1,
    Renamed = 2,
    Moved = 3,
    Merged = 4,
    Split = 5,
    Dissolved = 6,
}

/// <summary>A change in the organisation tree, effective on a date, with its legal basis.</summary>
public class OrgUnitEvent
{
    public int Id { get; set; }

    public OrgUnitEventKind Kind { get; set; }

    public int UnitId { get; set; }

    public OrgUnit? Unit { get; set; }

    public DateOnly EffectiveDate { get; set; }

    public string? OldName { get; set; }

    public string? NewName { get; set; }

    public int? OldParentId { get; set; }

    public int? NewParentId { get; set; }

    public string? LegalBasis { get; set; }

    public string? Note { get; set; }

    public DateTime RecordedAtUtc { get; set; }

    public static string Label(OrgUnitEventKind kind) => kind switch
    {
        OrgUnitEventKind.Created => "Thành lập",
        OrgUnitEventKind.Renamed => "Đổi tên",
        OrgUnitEventKind.Moved => "Chuyển đơn vị quản lý",
        OrgUnitEventKind.Merged => "Sáp nhập",
        OrgUnitEventKind.Split => "Chia tách",
        OrgUnitEventKind.Dissolved => "Giải thể",
        _ => kind.ToString(),
    };
}

/// <summary>Old unit → new unit, from a merge or split: lets old records be read against today's tree.</summary>
public class OrgUnitSuccession
{
    public int Id { get; set; }

    public int PredecessorId { get; set; }

    public OrgUnit? Predecessor { get; set; }

    public int SuccessorId { get; set; }

    public DateOnly EffectiveDate { get; set; }

    public int? EventId { get; set; }

    public OrgUnitEvent? Event { get; set; }
}
