namespace DanVan.Domain.Audit;

/// <summary>One write, as it happened: who, when, in which unit, what changed (JSON of before/after values). Append-only.</summary>
public class AuditEntry
{
    public long Id { get; set; }

    public DateTime AtUtc { get; set; }

    public string? UserId { get; set; }

    public string UserName { get; set; } = "";

    public int? ActorUnitId { get; set; }

    /// <summary>The unit the changed record belongs to (the unit itself for directory changes).</summary>
    public int? UnitId { get; set; }

    public string Action { get; set; } = "";

    public string EntityType { get; set; } = "";

    public string EntityId { get; set; } = "";

    public string Changes { get; set; } = "{}";
}
