namespace DanVan.Domain.Training;

/// <summary>What a published piece was: a news item, an article, a report, a radio or television programme, a portal post.</summary>
public enum NewsKind
{
    /// <summary>Tin.</summary>
    News = 1,

    /// <summary>Bài.</summary>
    Article = 2,

    /// <summary>Phóng sự.</summary>
    Report = 3,

    /// <summary>Chuyên mục phát thanh.</summary>
    Radio = 4,

    /// <summary>Chuyên mục truyền hình.</summary>
    Television = 5,

    /// <summary>Bài trên cổng (trang) thông tin điện tử.</summary>
    Portal = 6,
}

/// <summary>
/// Một tin, bài, phóng sự, chuyên mục phát thanh, truyền hình on dân vận or grassroots democracy that a unit (the
/// press, the radio, any unit's portal) published or broadcast: when, what, where (tên báo, đài, chuyên mục), a link.
/// </summary>
public class NewsItem
{
    public int Id { get; set; }

    public int UnitId { get; set; }

    public DateOnly PublishedOn { get; set; }

    public NewsKind Kind { get; set; }

    public string Title { get; set; } = "";

    /// <summary>Tên báo, đài, chuyên mục, cổng thông tin.</summary>
    public string Channel { get; set; } = "";

    public string? Link { get; set; }

    public string SearchText { get; set; } = "";

    public string RecordedByUserName { get; set; } = "";

    public DateTime RecordedAtUtc { get; set; }

    public Guid ConcurrencyStamp { get; set; } = Guid.NewGuid();
}

/// <summary>A news item as typed: what the rules check.</summary>
public sealed record NewsFacts(NewsKind? Kind, string? Title, string? Channel, DateOnly? PublishedOn, string? Link);

/// <summary>Tin, bài, phát thanh: labels and validation. Pure; table-tested.</summary>
public static class NewsRules
{
    public const int MaxTitle = 500;
    public const int MaxChannel = 200;
    public const int MaxLink = 1000;

    public static string Label(NewsKind k) => k switch
    {
        NewsKind.News => "Tin",
        NewsKind.Article => "Bài",
        NewsKind.Report => "Phóng sự",
        NewsKind.Radio => "Chuyên mục phát thanh",
        NewsKind.Television => "Chuyên mục truyền hình",
        NewsKind.Portal => "Bài trên cổng thông tin",
        _ => k.ToString(),
    };

    /// <summary>Every error of a news item at once, by field; empty when it may be saved.</summary>
    public static IReadOnlyDictionary<string, string> Check(NewsFacts n, DateOnly today)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        if (n.Kind is not { } kind || !Enum.IsDefined(kind))
        {
            errors["Kind"] = "Vui lòng chọn loại: tin, bài, phóng sự, chuyên mục phát thanh, truyền hình hoặc bài trên cổng thông tin.";
        }

        if (string.IsNullOrWhiteSpace(n.Title))
        {
            errors["Title"] = "Vui lòng ghi tiêu đề tin, bài.";
        }
        else if (n.Title.Trim().Length > MaxTitle)
        {
            errors["Title"] = "Tiêu đề không được dài quá 500 ký tự.";
        }

        if (string.IsNullOrWhiteSpace(n.Channel))
        {
            errors["Channel"] = "Vui lòng ghi nơi đăng, phát: tên báo, đài, chuyên mục hoặc cổng thông tin.";
        }
        else if (n.Channel.Trim().Length > MaxChannel)
        {
            errors["Channel"] = "Tên báo, đài, chuyên mục không được dài quá 200 ký tự.";
        }

        if (n.PublishedOn is null)
        {
            errors["PublishedOn"] = "Vui lòng ghi ngày đăng, phát (dd/mm/yyyy).";
        }
        else if (n.PublishedOn > today)
        {
            errors["PublishedOn"] = "Ngày đăng, phát không được sau hôm nay: chỉ ghi tin, bài đã đăng, phát.";
        }

        if (!string.IsNullOrWhiteSpace(n.Link) && !IsWebLink(n.Link.Trim()))
        {
            errors["Link"] = "Đường dẫn phải là địa chỉ web bắt đầu bằng http:// hoặc https:// (hoặc để trống).";
        }

        return errors;
    }

    public static bool IsWebLink(string link) =>
        link.Length <= MaxLink && Uri.TryCreate(link, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps) && !string.IsNullOrEmpty(uri.Host);
}
