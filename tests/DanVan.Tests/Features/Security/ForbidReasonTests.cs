using System.Net;
using DanVan.Testing;
using DanVan.Tests.Support;

namespace DanVan.Tests.Features.Security;

/// <summary>Issue 12: a 403 names its real reason — the role, or a unit outside the account's scope — not always "đơn vị khác".</summary>
[Collection("App")]
public class ForbidReasonTests(AppFixture app)
{
    private static async Task<string> ForbiddenAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task TheRole_IsNamed_WhenTheRoleIsTheCause()
    {
        var reviewer = await ForbiddenAsync(await app.As("thamdinh"), "/Cases/Create");
        Assert.Contains("Vai trò «Cơ quan thẩm định (Ban Tuyên giáo và Dân vận)» của tài khoản không được tiếp nhận đơn.", reviewer, StringComparison.Ordinal);
        Assert.Contains("cán bộ và lãnh đạo của đơn vị nhận đơn", reviewer, StringComparison.Ordinal);
        Assert.DoesNotContain("đơn vị khác", reviewer, StringComparison.Ordinal);

        var readOnly = await ForbiddenAsync(await app.As("xem"), "/Users");
        Assert.Contains("Vai trò «Chỉ xem» của tài khoản không được quản lý tài khoản.", readOnly, StringComparison.Ordinal);

        using var post = await DanVanAppFactory.PostFormAsync(await app.As("canbo"), "/Cases/Fields", new Dictionary<string, string> { ["Input.Code"] = "x" }, "/Cases/Fields");
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        Assert.Contains("không được sửa danh mục lĩnh vực đơn. Việc này dành cho quản trị hệ thống.", WebUtility.HtmlDecode(await post.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheScope_IsNamed_WhenTheUnitIsOutsideIt()
    {
        var province = await app.UnitIdAsync(DanVan.Features.Demo.DemoSeeder.ProvinceCode);
        var page = await ForbiddenAsync(await app.As("canbo"), $"/Units/Details/{province}");
        Assert.Contains("ngoài phạm vi tài khoản của bạn", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Vai trò «", page, StringComparison.Ordinal);
    }
}
