namespace DanVan.Features.FollowUp;

/// <summary>One thing a unit must do by a day, as the digest and the home page show it.</summary>
public sealed record FollowUpItem(string Title, int UnitId, string UnitName, DateOnly DueOn, string Link);

/// <summary>
/// The extension point through which a capability feeds the daily digest and the home page with what falls due
/// (ADR-016): the digest asks every registered source and never imports a capability. Tasks and reports, older than
/// this interface, are still read by the digest itself.
/// </summary>
public interface IFollowUpSource
{
    /// <summary>Open items due on or before <paramref name="horizon"/> (overdue ones included), of the given units or of all.</summary>
    Task<IReadOnlyList<FollowUpItem>> OpenAsync(DateOnly horizon, IReadOnlyCollection<int>? unitIds, CancellationToken ct);
}
