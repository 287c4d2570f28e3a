using Microsoft.AspNetCore.Identity;

namespace DanVan.Data;

public class AppUser : IdentityUser
{
    public string FullName { get; set; } = "";

    public int OrgUnitId { get; set; }

    public string? Position { get; set; }
}

/// <summary>A data-protection key, kept in the database so that every app instance shares one key ring.</summary>
public class DataProtectionKeyRecord
{
    public int Id { get; set; }

    public string? FriendlyName { get; set; }

    public string Xml { get; set; } = "";
}
