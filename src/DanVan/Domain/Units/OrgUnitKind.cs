namespace DanVan.Domain.Units;

/// <summary>What a unit is. Stored as an integer; the Vietnamese label is <see cref="OrgUnitKinds.Label"/>.</summary>
public enum OrgUnitKind
{
    Country = 1,
    Province = 2,
    Commune = 3,
    Ward = 4,
    SpecialZone = 5,
    LegacyDistrict = 6,
    PeoplesCommittee = 10,
    CommitteeOffice = 11,
    Department = 12,
    Inspectorate = 13,
    PublicServiceUnit = 14,
    PartyCommittee = 20,
    PartyBoard = 21,
    FrontCommittee = 22,
    Division = 30,
    Other = 99,
}

public static class OrgUnitKinds
{
    private static readonly Dictionary<OrgUnitKind, string> Labels = new()
    {
        [OrgUnitKind.Country] = "Cả nước",
        [OrgUnitKind.Province] = "Tỉnh, thành phố",
        [OrgUnitKind.Commune] = "Xã",
        [OrgUnitKind.Ward] = "Phường",
        [OrgUnitKind.SpecialZone] = "Đặc khu",
        [OrgUnitKind.LegacyDistrict] = "Huyện, thị xã, thành phố thuộc tỉnh (cũ)",
        [OrgUnitKind.PeoplesCommittee] = "Ủy ban nhân dân",
        [OrgUnitKind.CommitteeOffice] = "Văn phòng",
        [OrgUnitKind.Department] = "Sở, ban, ngành",
        [OrgUnitKind.Inspectorate] = "Thanh tra",
        [OrgUnitKind.PublicServiceUnit] = "Đơn vị sự nghiệp công lập",
        [OrgUnitKind.PartyCommittee] = "Cấp ủy Đảng",
        [OrgUnitKind.PartyBoard] = "Ban của cấp ủy",
        [OrgUnitKind.FrontCommittee] = "Mặt trận Tổ quốc",
        [OrgUnitKind.Division] = "Phòng, ban trực thuộc",
        [OrgUnitKind.Other] = "Khác",
    };

    public static string Label(OrgUnitKind kind) => Labels.TryGetValue(kind, out var label) ? label : kind.ToString();

    public static IReadOnlyDictionary<OrgUnitKind, string> All => Labels;

    /// <summary>Kinds a person may create by hand (the country and provinces come from the national list).</summary>
    public static IEnumerable<OrgUnitKind> Creatable =>
        Labels.Keys.Where(k => k is not (OrgUnitKind.Country or OrgUnitKind.Province));

    /// <summary>Order in which siblings are listed: governments and Party bodies first, then departments, then communes.</summary>
    public static int SortOrder(OrgUnitKind kind) => kind switch
    {
        OrgUnitKind.PartyCommittee => 1,
        OrgUnitKind.PartyBoard => 2,
        OrgUnitKind.FrontCommittee => 3,
        OrgUnitKind.PeoplesCommittee => 4,
        OrgUnitKind.CommitteeOffice => 5,
        OrgUnitKind.Department => 6,
        OrgUnitKind.Inspectorate => 7,
        OrgUnitKind.PublicServiceUnit => 8,
        OrgUnitKind.Division => 9,
        OrgUnitKind.Other => 10,
        OrgUnitKind.Ward => 20,
        OrgUnitKind.Commune => 20,
        OrgUnitKind.SpecialZone => 20,
        OrgUnitKind.LegacyDistrict => 30,
        _ => 0,
    };
}
