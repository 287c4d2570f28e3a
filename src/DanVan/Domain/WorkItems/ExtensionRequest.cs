namespace DanVan.Domain.WorkItems;

public enum ExtensionStatus
{
    Pending = 1,
    Approved = 2,
    Refused = 3,
}

/// <summary>Xin gia hạn: the lead unit asks the assigning unit to move a deadline; the assigning unit decides.</summary>
public class ExtensionRequest
{
    public int Id { get; set; }

    public int DeadlineId { get; set; }

    public DateOnly RequestedDueOn { get; set; }

    public string Reason { get; set; } = "";

    public string RequestedBy { get; set; } = "";

    public DateTime RequestedAtUtc { get; set; }

    public ExtensionStatus Status { get; set; } = ExtensionStatus.Pending;

    public string? DecidedBy { get; set; }

    public DateTime? DecidedAtUtc { get; set; }

    public string? DecisionNote { get; set; }

    public static string Label(ExtensionStatus s) => s switch
    {
        ExtensionStatus.Pending => "Chờ quyết định",
        ExtensionStatus.Approved => "Đồng ý gia hạn",
        ExtensionStatus.Refused => "Không đồng ý",
        _ => s.ToString(),
    };
}
