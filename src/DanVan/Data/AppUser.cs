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

/// <summary>
/// One signed-in session (one auth cookie). The cookie names it; every request checks that it is still open, so a
/// logout, a lock or a password reset ends it at once on every instance.
/// </summary>
public class UserSession
{
    /// <summary>A random 128-bit identifier (hex), carried inside the protected cookie.</summary>
    public string Id { get; set; } = "";

    public string UserId { get; set; } = "";

    public DateTime CreatedAtUtc { get; set; }

    public DateTime? EndedAtUtc { get; set; }

    /// <summary>Why it ended: "Đăng xuất", or null while open.</summary>
    public string? EndReason { get; set; }
}
