using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.Json;
using DanVan.Data;
using DanVan.Domain.Audit;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DanVan.Infrastructure;

/// <summary>
/// Sign-in opens a <see cref="UserSession"/> row and puts its id in the cookie; sign-out closes it. With
/// <see cref="SessionValidator"/> a cookie stops working the moment its session ends, on every instance (ADR-008).
/// </summary>
public sealed class DanVanSignInManager(
    UserManager<AppUser> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<AppUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<AppUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<AppUser> confirmation,
    AppDbContext db,
    TimeProvider clock,
    IConfiguration configuration)
    : SignInManager<AppUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    public override async Task SignInWithClaimsAsync(AppUser user, AuthenticationProperties? authenticationProperties, IEnumerable<Claim> additionalClaims)
    {
        // Refreshing the cookie of the signed-in user (after a change of their own security stamp) keeps their session.
        var current = Context.User.FindFirstValue(DanVanClaims.SessionId);
        if (current is not null && Context.User.FindFirstValue(ClaimTypes.NameIdentifier) == user.Id
            && await db.UserSessions.AnyAsync(s => s.Id == current && s.UserId == user.Id && s.EndedAtUtc == null))
        {
            await base.SignInWithClaimsAsync(user, authenticationProperties, additionalClaims.Append(new Claim(DanVanClaims.SessionId, current)));
            return;
        }

        await EndAsync(db, clock, current, "Đăng nhập tài khoản khác");
        var now = clock.GetUtcNow().UtcDateTime;
        var id = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));

        // Sessions older than the longest a session may live can never be used again: they are bookkeeping, not history.
        var stale = now - SessionValidator.MaxAge(configuration);
        await db.UserSessions.Where(s => s.UserId == user.Id && s.CreatedAtUtc < stale).ExecuteDeleteAsync();
        db.UserSessions.Add(new UserSession { Id = id, UserId = user.Id, CreatedAtUtc = now });
        await db.SaveChangesAsync();
        await base.SignInWithClaimsAsync(user, authenticationProperties, additionalClaims.Append(new Claim(DanVanClaims.SessionId, id)));
    }

    public override async Task SignOutAsync()
    {
        await EndAsync(db, clock, Context.User.FindFirstValue(DanVanClaims.SessionId), "Đăng xuất");
        await base.SignOutAsync();
    }

    public static async Task EndAsync(AppDbContext db, TimeProvider clock, string? sessionId, string reason)
    {
        var session = sessionId is null ? null : await db.UserSessions.FirstOrDefaultAsync(s => s.Id == sessionId && s.EndedAtUtc == null);
        if (session is not null)
        {
            session.EndedAtUtc = clock.GetUtcNow().UtcDateTime;
            session.EndReason = reason;
            await db.SaveChangesAsync();
        }
    }
}

/// <summary>
/// Checked on every authenticated request (one indexed read): the cookie's session is open and young enough, the
/// user's security stamp is the one the cookie was issued with (a password reset or a lock changes it), and the
/// account is not locked. Otherwise the request is anonymous and the cookie is removed.
/// </summary>
public static class SessionValidator
{
    private sealed record SessionCheck(DateTime CreatedAtUtc, string? SecurityStamp, DateTimeOffset? LockoutEnd);

    public static TimeSpan MaxAge(IConfiguration configuration) =>
        TimeSpan.FromHours(configuration.GetValue("Security:SessionMaxHours", 7 * 24));

    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var services = context.HttpContext.RequestServices;
        var principal = context.Principal;
        var sessionId = principal?.FindFirstValue(DanVanClaims.SessionId);
        var userId = principal?.FindFirstValue(ClaimTypes.NameIdentifier);
        var stampType = services.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity.SecurityStampClaimType;
        var stamp = principal?.FindFirstValue(stampType);
        if (sessionId is not null && userId is not null)
        {
            var db = services.GetRequiredService<AppDbContext>();
            var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
            SessionCheck? row;
            try
            {
                row = await db.UserSessions.AsNoTracking()
                    .Where(s => s.Id == sessionId && s.UserId == userId && s.EndedAtUtc == null)
                    .Join(db.Users, s => s.UserId, u => u.Id, (s, u) => new SessionCheck(s.CreatedAtUtc, u.SecurityStamp, u.LockoutEnd))
                    .FirstOrDefaultAsync(context.HttpContext.RequestAborted);
            }
            catch (Exception e) when (DatabaseFailures.IsUnavailable(e))
            {
                // The database is away: the request goes on anonymous, with the cookie kept for when it is back, and
                // is answered 503 once authentication is done (DatabaseFailures.UseUnavailableAnswer). Throwing here
                // would not do: authentication's failure is kept for the request, so the error page would fail too.
                context.RejectPrincipal();
                context.HttpContext.Items[DatabaseFailures.UnavailableKey] = e;
                return;
            }

            if (row is not null
                && row.SecurityStamp == stamp
                && (row.LockoutEnd is null || row.LockoutEnd <= now)
                && now.UtcDateTime - row.CreatedAtUtc < MaxAge(services.GetRequiredService<IConfiguration>()))
            {
                return;
            }
        }

        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
    }
}

/// <summary>
/// Failed sign-ins are throttled per client and account name together, never per account alone: an anonymous
/// client cannot lock somebody else out, and the answer is the same whether the account exists or not.
/// In memory, per instance (ADR-008); the per-client request limit is the rate limiter's "login" policy.
/// </summary>
public sealed class LoginThrottle : IDisposable
{
    private readonly System.Threading.RateLimiting.PartitionedRateLimiter<string> failures;

    public LoginThrottle(IConfiguration configuration)
    {
        Limit = configuration.GetValue("Security:LoginFailuresPerClientAndAccount", 5);
        Window = TimeSpan.FromMinutes(configuration.GetValue("Security:LoginFailureWindowMinutes", 15));
        failures = System.Threading.RateLimiting.PartitionedRateLimiter.Create<string, string>(key =>
            System.Threading.RateLimiting.RateLimitPartition.GetSlidingWindowLimiter(key, _ => new System.Threading.RateLimiting.SlidingWindowRateLimiterOptions
            {
                PermitLimit = Limit,
                Window = Window,
                SegmentsPerWindow = 5,
                QueueLimit = 0,
                AutoReplenishment = true,
            }));
    }

    public int Limit { get; }

    public TimeSpan Window { get; }

    public static string Key(HttpContext http, string canonicalUserName) =>
        (http.Connection.RemoteIpAddress?.ToString() ?? "-") + "|" + canonicalUserName;

    public bool IsBlocked(string key) => failures.GetStatistics(key) is { CurrentAvailablePermits: <= 0 };

    public void RecordFailure(string key)
    {
        using var lease = failures.AttemptAcquire(key);
    }

    public void Dispose() => failures.Dispose();
}

public static class UserNames
{
    /// <summary>One spelling per account: trimmed, lower case (names are ASCII letters, digits and . _ - @).</summary>
    public static string Canonical(string? userName) =>
        (userName ?? "").Trim().Normalize(System.Text.NormalizationForm.FormC).ToLowerInvariant();
}

public static class SignInAudit
{
    /// <summary>A refused sign-in, written whether or not the account exists (the same work either way).</summary>
    public static async Task RecordFailureAsync(AppDbContext db, TimeProvider clock, HttpContext http, string userName, AppUser? user, string reason)
    {
        db.AuditEntries.Add(new AuditEntry
        {
            AtUtc = clock.GetUtcNow().UtcDateTime,
            UserId = null,
            UserName = "khách",
            UnitId = user?.OrgUnitId,
            Action = "login-failed",
            EntityType = nameof(AppUser),
            EntityId = user?.Id ?? "",
            Changes = JsonSerializer.Serialize(
                new Dictionary<string, string>
                {
                    ["userName"] = userName.Length > 64 ? userName[..64] : userName,
                    ["client"] = http.Connection.RemoteIpAddress?.ToString() ?? "",
                    ["reason"] = reason,
                },
                AuditRecorder.Json),
        });
        await db.SaveChangesAsync();
    }
}

/// <summary>The built-in rate limiter on sign-in posts, per client address: many accounts tried from one place.</summary>
public static class LoginRateLimit
{
    public const string Policy = "login";

    /// <summary>The public pages (outside the login): every request, per client address.</summary>
    public const string PublicPolicy = "public";

    public static void Add(IServiceCollection services, IConfiguration configuration)
    {
        var perMinute = configuration.GetValue("Security:LoginPostsPerClientPerMinute", 120);
        var publicPerMinute = configuration.GetValue("Security:PublicRequestsPerClientPerMinute", 120);
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = (context, _) =>
            {
                context.HttpContext.Response.Headers.RetryAfter = "60";
                return ValueTask.CompletedTask;
            };
            o.AddPolicy(Policy, http => HttpMethods.IsPost(http.Request.Method)
                ? System.Threading.RateLimiting.RateLimitPartition.GetSlidingWindowLimiter(
                    http.Connection.RemoteIpAddress?.ToString() ?? "-",
                    _ => new System.Threading.RateLimiting.SlidingWindowRateLimiterOptions
                    {
                        PermitLimit = perMinute,
                        Window = TimeSpan.FromMinutes(1),
                        SegmentsPerWindow = 6,
                        QueueLimit = 0,
                    })
                : System.Threading.RateLimiting.RateLimitPartition.GetNoLimiter("get"));
            o.AddPolicy(PublicPolicy, http => System.Threading.RateLimiting.RateLimitPartition.GetSlidingWindowLimiter(
                http.Connection.RemoteIpAddress?.ToString() ?? "-",
                _ => new System.Threading.RateLimiting.SlidingWindowRateLimiterOptions
                {
                    PermitLimit = publicPerMinute,
                    Window = TimeSpan.FromMinutes(1),
                    SegmentsPerWindow = 6,
                    QueueLimit = 0,
                }));
        });
    }
}
