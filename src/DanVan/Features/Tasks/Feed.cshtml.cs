using System.Security.Cryptography;
using DanVan.Data;
using DanVan.Domain.Access;
using DanVan.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Features.Tasks;

/// <summary>
/// A personal iCalendar feed of the deadlines of the user's unit, for Outlook, Google Calendar or a phone. Calendar
/// apps cannot sign in, so the feed URL carries a secret token (stored as an Identity user token); the page shows
/// it and can replace it.
/// </summary>
public class FeedModel(AppDbContext db, UserManager<AppUser> users, TimeProvider clock) : PageModel
{
    public const string Provider = "DanVan";
    public const string TokenName = "ical";

    public string? FeedUrl { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        var token = await users.GetAuthenticationTokenAsync(user, Provider, TokenName);
        FeedUrl = token is null ? null : Link(token);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        await users.SetAuthenticationTokenAsync(user, Provider, TokenName, Convert.ToHexString(RandomNumberGenerator.GetBytes(24)).ToLowerInvariant());
        TempData["Message"] = "Đã tạo địa chỉ lịch mới; địa chỉ cũ (nếu có) không còn dùng được.";
        return RedirectToPage();
    }

    /// <summary>The feed itself: anonymous (the page allows it; the other handlers challenge), found by its token.</summary>
    public async Task<IActionResult> OnGetIcsAsync(string? token, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 100)
        {
            return NotFound();
        }

        var userId = await db.UserTokens.AsNoTracking()
            .Where(t => t.LoginProvider == Provider && t.Name == TokenName && t.Value == token).Select(t => t.UserId).FirstOrDefaultAsync(ct);
        var scope = userId is null ? null : await CurrentUser.LoadScopeAsync(db, userId, ct);
        if (scope is null)
        {
            return NotFound();
        }

        var today = VietnamClock.Today(clock);
        // The own subtree is always within the scope: no visibility filter needed.
        var rows = await (await db.WorkItemDeadlines.AsNoTracking().LedWithinAsync(db, scope.UnitId, scope.OwnSubtreePrefix, ct))
            .Where(d => d.CompletedOn == null && d.DueOn <= today.AddYears(1))
            .OrderBy(d => d.DueOn).ThenBy(d => d.Id).ToRows(db).Take(2000).ToListAsync(ct);
        var host = $"{Request.Scheme}://{Request.Host}";
        var ics = ICalendar.Write("DanVan — Nhiệm vụ của " + scope.UserName, rows.Select(r => new ICalendar.Event(
            $"deadline-{r.Id}@danvan", r.DueOn, "Hạn: " + r.Title, "Đơn vị chủ trì: " + r.LeadUnitName + $". Tiến độ {r.Progress}%.", $"{host}/Tasks/Details/{r.Id}")),
            clock.GetUtcNow().UtcDateTime);
        return File(System.Text.Encoding.UTF8.GetBytes(ics), "text/calendar; charset=utf-8", "danvan-nhiem-vu.ics");
    }

    private string Link(string token) => $"{Request.Scheme}://{Request.Host}/Tasks/Feed?handler=Ics&token={token}";
}
