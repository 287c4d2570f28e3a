using System.Globalization;
using System.Security.Claims;
using DanVan.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace DanVan.Infrastructure;

/// <summary>Adds the user's unit and full name to the sign-in cookie (display and audit only; scope is read from the database).</summary>
public sealed class DanVanClaimsFactory(UserManager<AppUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<AppUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(DanVanClaims.UnitId, user.OrgUnitId.ToString(CultureInfo.InvariantCulture)));
        identity.AddClaim(new Claim(DanVanClaims.FullName, user.FullName));
        return identity;
    }
}
