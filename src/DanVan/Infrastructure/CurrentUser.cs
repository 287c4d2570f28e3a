using System.Security.Claims;
using DanVan.Data;
using DanVan.Domain.Access;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Infrastructure;

/// <summary>
/// The signed-in user's scope, loaded from the database once per request (never cached across requests, so a
/// moved unit or changed role takes effect at once and every app instance agrees).
/// </summary>
public sealed class CurrentUser(IHttpContextAccessor http, AppDbContext db)
{
    private UserScope? scope;
    private bool loaded;

    public ClaimsPrincipal? Principal => http.HttpContext?.User;

    public async Task<UserScope?> GetScopeAsync(CancellationToken ct = default)
    {
        if (loaded)
        {
            return scope;
        }

        loaded = true;
        var userId = Principal?.FindFirstValue(ClaimTypes.NameIdentifier);
        if (userId is null)
        {
            return null;
        }

        scope = await LoadScopeAsync(db, userId, ct);
        return scope;
    }

    public static async Task<UserScope?> LoadScopeAsync(AppDbContext db, string userId, CancellationToken ct = default)
    {
        var row = await db.Users.AsNoTracking()
            .Where(u => u.Id == userId)
            .Join(db.OrgUnits, u => u.OrgUnitId, o => o.Id, (u, o) => new { u.UserName, UnitId = o.Id, o.AncestorPath })
            .FirstOrDefaultAsync(ct);
        if (row is null)
        {
            return null;
        }

        var roles = await (from ur in db.UserRoles.AsNoTracking()
                           join r in db.Roles.AsNoTracking() on ur.RoleId equals r.Id
                           where ur.UserId == userId
                           select r.Name).ToListAsync(ct);
        var role = Roles.All.FirstOrDefault(roles.Contains) ?? Roles.ReadOnly;
        return UserScope.For(userId, row.UserName ?? "", role, row.UnitId, row.AncestorPath);
    }
}

/// <summary>The audit trail's "who": read from the request's claims, so it needs no database.</summary>
public sealed class HttpAuditActor(IHttpContextAccessor http) : IAuditActor
{
    public AuditActorInfo Current
    {
        get
        {
            var principal = http.HttpContext?.User;
            if (principal?.Identity?.IsAuthenticated != true)
            {
                return http.HttpContext is null ? AuditActorInfo.System : new AuditActorInfo(null, "khách", null);
            }

            var unit = principal.FindFirstValue(DanVanClaims.UnitId);
            return new AuditActorInfo(
                principal.FindFirstValue(ClaimTypes.NameIdentifier),
                principal.Identity.Name ?? "",
                int.TryParse(unit, System.Globalization.CultureInfo.InvariantCulture, out var id) ? id : null);
        }
    }
}

public static class DanVanClaims
{
    public const string UnitId = "danvan:unit";
    public const string FullName = "danvan:fullname";

    public const string SessionId = "danvan:sid";
}
