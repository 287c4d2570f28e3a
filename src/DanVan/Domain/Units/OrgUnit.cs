using DanVan.Domain.Text;

namespace DanVan.Domain.Units;

/// <summary>
/// Đơn vị: a node of the effective-dated organisation tree. <see cref="AncestorPath"/> holds the ids of all
/// ancestors ("/1/12/"), so a subtree is one prefix query and needs no recursion.
/// </summary>
public class OrgUnit
{
    public int Id { get; set; }

    /// <summary>Stable code: 2 digits for provinces, 5 for communes (as strings, leading zeros kept), "80.SNV" for agencies.</summary>
    public string Code { get; set; } = "";

    public string Name { get; private set; } = "";

    /// <summary>Folded name and code ("quang ngai 51"), for diacritic-insensitive search and Vietnamese-friendly sorting.</summary>
    public string SearchText { get; private set; } = "";

    public string? ShortName { get; set; }

    public OrgUnitKind Kind { get; set; }

    public int? ParentId { get; set; }

    public OrgUnit? Parent { get; set; }

    public string AncestorPath { get; set; } = "/";

    public int Depth { get; set; }

    public DateOnly? ValidFrom { get; set; }

    public DateOnly? ValidTo { get; set; }

    public string? LegalBasis { get; set; }

    public void SetName(string name)
    {
        Name = VietnameseText.Nfc(name.Trim())!;
        SearchText = VietnameseText.Fold(Name + " " + Code + " " + ShortName);
    }

    /// <summary>The prefix every descendant's <see cref="AncestorPath"/> starts with.</summary>
    public string SubtreePrefix => UnitPaths.SubtreePrefix(AncestorPath, Id);

    public bool IsActiveOn(DateOnly date) =>
        (ValidFrom is null || ValidFrom <= date) && (ValidTo is null || ValidTo >= date);

    public void PlaceUnder(OrgUnit? parent)
    {
        Parent = parent;
        ParentId = parent?.Id;
        AncestorPath = parent is null ? "/" : parent.SubtreePrefix;
        Depth = parent is null ? 0 : parent.Depth + 1;
    }
}

public static class UnitPaths
{
    public static string SubtreePrefix(string ancestorPath, int id) => ancestorPath + id.ToString(System.Globalization.CultureInfo.InvariantCulture) + "/";

    /// <summary>Ids along the path, root first.</summary>
    public static int[] Ancestors(string ancestorPath) =>
        ancestorPath.Split('/', StringSplitOptions.RemoveEmptyEntries)
            .Select(s => int.Parse(s, System.Globalization.CultureInfo.InvariantCulture))
            .ToArray();

    /// <summary>True when the unit (given by its own path and id) lies within the subtree starting at <paramref name="prefix"/>.</summary>
    public static bool IsWithin(string ancestorPath, int id, string prefix) =>
        SubtreePrefix(ancestorPath, id).StartsWith(prefix, StringComparison.Ordinal);
}
