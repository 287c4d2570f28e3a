using DanVan.Data;

namespace DanVan.Features.FollowUp;

/// <summary>
/// Adds event messages to the in-app notifications (the table the daily digest writes to; no second mechanism). The
/// caller saves them with its own change, in its transaction: the message exists if and only if the event does.
/// </summary>
public static class NotificationOutbox
{
    public static void Add(AppDbContext db, IEnumerable<string> userIds, DateOnly day, string source, string title, string body, string? link, DateTime nowUtc)
    {
        foreach (var userId in userIds.Distinct(StringComparer.Ordinal))
        {
            db.Set<Notification>().Add(new Notification
            {
                UserId = userId,
                Day = day,
                Source = source,
                Title = title.Length > 300 ? title[..299] + "…" : title,
                Body = body,
                Link = link,
                CreatedAtUtc = nowUtc,
            });
        }
    }
}
