using DanVan.Data;
using DanVan.Domain.Access;
using DanVan.Domain.Text;
using DanVan.Domain.Training;
using DanVan.Features.Shared;
using DanVan.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Features.Training.News;

/// <summary>A news item as the form sends it.</summary>
public sealed class NewsInput
{
    public NewsKind? Kind { get; set; }

    public string? Title { get; set; }

    public string? Channel { get; set; }

    public string? PublishedOn { get; set; }

    public string? Link { get; set; }
}

/// <summary>
/// The writes of the register of news items and broadcasts: a unit records what it published or broadcast, and deletes
/// an entry typed in error. Same access as training sessions (<see cref="DisclosureAccessRules"/>); each write audited.
/// </summary>
public sealed class NewsCommands(AppDbContext db, TimeProvider clock)
{
    public const string Stale = "Tin, bài vừa được người khác thay đổi; tải lại trang rồi làm lại.";

    public async Task<Result<NewsItem>> RecordAsync(UserScope user, NewsInput input, CancellationToken ct = default)
    {
        if (!DisclosureAccessRules.CanRecord(user, user.UnitId))
        {
            return Result<NewsItem>.Forbidden();
        }

        var unitName = await db.OrgUnits.AsNoTracking().Where(u => u.Id == user.UnitId).Select(u => u.Name).FirstOrDefaultAsync(ct) ?? "";
        var errors = new FieldErrors();
        var title = errors.Text(nameof(input.Title), VietnameseText.Optional(input.Title), int.MaxValue, "Tiêu đề");
        var channel = errors.Text(nameof(input.Channel), VietnameseText.Optional(input.Channel), int.MaxValue, "Nơi đăng, phát");
        var link = errors.Text(nameof(input.Link), VietnameseText.Optional(input.Link), int.MaxValue, "Đường dẫn");
        var publishedOn = errors.Date(nameof(input.PublishedOn), input.PublishedOn, "ngày đăng, phát", required: false);
        var typed = errors.ToDictionary();
        foreach (var (k, v) in NewsRules.Check(new NewsFacts(input.Kind, title, channel, publishedOn, link), VietnamClock.Today(clock)))
        {
            if (!typed.ContainsKey(k))
            {
                errors.Add(k, v);
            }
        }

        if (errors.Any)
        {
            return Result<NewsItem>.Invalid(errors.ToDictionary());
        }

        var row = new NewsItem
        {
            UnitId = user.UnitId, Kind = input.Kind!.Value, Title = VietnameseText.Nfc(title)!, Channel = VietnameseText.Nfc(channel)!, Link = link,
            PublishedOn = publishedOn!.Value, RecordedByUserName = user.UserName, RecordedAtUtc = clock.GetUtcNow().UtcDateTime,
        };
        row.SearchText = Clip(VietnameseText.Fold($"{row.Title} {NewsRules.Label(row.Kind)} {row.Channel} {unitName}"), 1000);
        db.NewsItems.Add(row);
        await db.SaveChangesAsync(ct);
        return Result<NewsItem>.Ok(row);
    }

    public async Task<Result<NewsItem>> DeleteAsync(UserScope user, int id, Guid stamp, CancellationToken ct = default)
    {
        var row = await db.NewsItems.FirstOrDefaultAsync(s => s.Id == id, ct);
        if (await db.RefusalAsync<NewsItem>(user, row?.UnitId, row?.ConcurrencyStamp, stamp, Stale, ct) is { } refused)
        {
            return refused;
        }

        db.NewsItems.Remove(row!);
        return await db.SaveOrStaleAsync(row!, Stale, ct);
    }

    private static string Clip(string text, int max) => text.Length > max ? text[..max] : text;
}
