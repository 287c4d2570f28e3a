namespace DanVan.Domain.Units;

public static class OrgUnitHistory
{
    /// <summary>
    /// The name a unit bore on <paramref name="date"/>: the old name of the first rename that took effect after
    /// that date, or the current name when none did. Old records keep showing the name they were written under.
    /// </summary>
    public static string NameOn(string currentName, IEnumerable<OrgUnitEvent> events, DateOnly date)
    {
        var firstLater = events
            .Where(e => e.Kind == OrgUnitEventKind.Renamed && e.EffectiveDate > date && e.OldName is not null)
            .OrderBy(e => e.EffectiveDate)
            .ThenBy(e => e.Id)
            .FirstOrDefault();
        return firstLater?.OldName ?? currentName;
    }
}
