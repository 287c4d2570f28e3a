using DanVan.Domain.Units;

namespace DanVan.Domain.WorkItems;

/// <summary>"Giao cho tất cả …": the kinds of unit one task can be assigned to at once, under the assigning unit.</summary>
public enum LeadUnitGroup
{
    /// <summary>Tất cả xã, phường, đặc khu.</summary>
    CommunesWardsZones = 1,

    /// <summary>Tất cả sở, ban, ngành (sở and thanh tra tỉnh).</summary>
    Departments = 2,
}

public static class LeadUnitGroups
{
    public static IReadOnlyList<LeadUnitGroup> All { get; } = Enum.GetValues<LeadUnitGroup>();

    public static string Label(LeadUnitGroup group) => group switch
    {
        LeadUnitGroup.CommunesWardsZones => "Tất cả xã, phường, đặc khu",
        LeadUnitGroup.Departments => "Tất cả sở, ban, ngành",
        _ => group.ToString(),
    };

    public static IReadOnlyList<OrgUnitKind> Kinds(LeadUnitGroup group) => group switch
    {
        LeadUnitGroup.CommunesWardsZones => [OrgUnitKind.Commune, OrgUnitKind.Ward, OrgUnitKind.SpecialZone],
        LeadUnitGroup.Departments => [OrgUnitKind.Department, OrgUnitKind.Inspectorate],
        _ => [],
    };
}
