namespace DanVan.Domain.Access;

/// <summary>The roles of DanVan. Names are stored in the Identity role table; labels are what users read.</summary>
public static class Roles
{
    public const string Admin = "Admin";
    public const string Coordinator = "Coordinator";
    public const string Reviewer = "Reviewer";
    public const string UnitHead = "UnitHead";
    public const string UnitOfficer = "UnitOfficer";
    public const string ReadOnly = "ReadOnly";

    public static readonly string[] All = [Admin, Coordinator, Reviewer, UnitHead, UnitOfficer, ReadOnly];

    public static string Label(string role) => role switch
    {
        Admin => "Quản trị hệ thống",
        Coordinator => "Cơ quan điều phối (Sở Nội vụ)",
        Reviewer => "Cơ quan thẩm định (Ban Tuyên giáo và Dân vận)",
        UnitHead => "Lãnh đạo đơn vị",
        UnitOfficer => "Cán bộ đơn vị",
        ReadOnly => "Chỉ xem",
        _ => role,
    };

    /// <summary>Coordinators and reviewers see their whole province; everyone else their unit and below.</summary>
    public static bool HasProvinceScope(string role) => role is Coordinator or Reviewer;
}
