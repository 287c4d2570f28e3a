using DanVan.Domain.Training;

namespace DanVan.Tests.Domain.Training;

/// <summary>The register of news items as a table: every bad item refused by its field, in Vietnamese.</summary>
public class NewsRulesTests
{
    private static readonly DateOnly Today = new(2026, 12, 3);

    private static readonly NewsFacts Good = new(NewsKind.Radio, "Chuyên mục Dân chủ ở cơ sở", "Đài truyền thanh phường", Today, "https://tanninh.tayninh.gov.vn/tin/1");

    public static TheoryData<string, string?, string?> Cases => new()
    {
        // case → field in error (null: valid), the message's start
        { "good", null, null },
        { "no link", null, null },
        { "http link", null, null },
        { "no kind", "Kind", "Vui lòng chọn loại" },
        { "undefined kind", "Kind", "Vui lòng chọn loại" },
        { "no title", "Title", "Vui lòng ghi tiêu đề" },
        { "long title", "Title", "Tiêu đề không được dài quá 500 ký tự." },
        { "title of 500", null, null },
        { "no channel", "Channel", "Vui lòng ghi nơi đăng, phát" },
        { "long channel", "Channel", "Tên báo, đài, chuyên mục không được dài quá 200 ký tự." },
        { "tomorrow", "PublishedOn", "Ngày đăng, phát không được sau hôm nay" },
        { "no day", "PublishedOn", "Vui lòng ghi ngày đăng, phát" },
        { "ftp link", "Link", "Đường dẫn phải là địa chỉ web" },
        { "javascript link", "Link", "Đường dẫn phải là địa chỉ web" },
        { "relative link", "Link", "Đường dẫn phải là địa chỉ web" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Check_RefusesWhatCannotBe_ByField(string name, string? field, string? message)
    {
        var facts = name switch
        {
            "good" => Good,
            "no link" => Good with { Link = null },
            "http link" => Good with { Link = "http://baotayninh.vn/a" },
            "no kind" => Good with { Kind = null },
            "undefined kind" => Good with { Kind = (NewsKind)99 },
            "no title" => Good with { Title = "  " },
            "long title" => Good with { Title = new string('a', 501) },
            "title of 500" => Good with { Title = new string('a', 500) },
            "no channel" => Good with { Channel = null },
            "long channel" => Good with { Channel = new string('b', 201) },
            "tomorrow" => Good with { PublishedOn = Today.AddDays(1) },
            "no day" => Good with { PublishedOn = null },
            "ftp link" => Good with { Link = "ftp://example.org/x" },
            "javascript link" => Good with { Link = "javascript:alert(1)" },
            "relative link" => Good with { Link = "/tin/1" },
            _ => throw new ArgumentOutOfRangeException(nameof(name)),
        };
        var errors = NewsRules.Check(facts, Today);
        if (field is null)
        {
            Assert.Empty(errors);
        }
        else
        {
            Assert.Equal([field], errors.Keys);
            Assert.StartsWith(message!, errors[field], StringComparison.Ordinal);
        }
    }

    [Fact]
    public void EveryKind_HasAVietnameseLabel() =>
        Assert.All(Enum.GetValues<NewsKind>(), k => Assert.NotEqual(k.ToString(), NewsRules.Label(k)));
}
