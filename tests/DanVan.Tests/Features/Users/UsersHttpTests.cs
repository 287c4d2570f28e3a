using System.Net;
using DanVan.Testing;
using DanVan.Tests.Support;

namespace DanVan.Tests.Features.Users;

[Collection("App")]
public class UsersHttpTests(AppFixture app)
{
    private static string Id(int id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task Coordinator_CreatesAnOfficerInACommune_WhoCanThenSignIn()
    {
        var client = await app.As("dieuphoi");
        var commune = await app.UnitIdAsync("25666"); // Xã Truông Mít
        var userName = "cb" + Guid.NewGuid().ToString("N")[..8];
        using var created = await DanVanAppFactory.PostFormAsync(client, "/Users/Create", new Dictionary<string, string>
        {
            ["Input.UserName"] = userName,
            ["Input.Password"] = "TruongMit@2026",
            ["Input.FullName"] = "Đặng Văn Hùng",
            ["Input.Position"] = "Công chức Văn hóa - Xã hội",
            ["Input.UnitId"] = Id(commune),
            ["Input.Role"] = "UnitOfficer",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var list = await client.GetStringAsync("/Users?q=truong+mit");
        Assert.Contains("Đặng Văn Hùng", list, StringComparison.Ordinal);

        var newcomer = await app.Factory.LoginAsync(userName, "TruongMit@2026");
        using var own = await newcomer.GetAsync($"/Units/Details/{commune}");
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        using var other = await newcomer.GetAsync($"/Units/Details/{await app.UnitIdAsync("25459")}");
        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
    }

    [Fact]
    public async Task Coordinator_CannotCreateAnAdminOrAUserInAnotherProvince()
    {
        var client = await app.As("dieuphoi");
        using var response = await DanVanAppFactory.PostFormAsync(client, "/Users/Create", new Dictionary<string, string>
        {
            ["Input.UserName"] = "xau" + Guid.NewGuid().ToString("N")[..6],
            ["Input.Password"] = "abc",
            ["Input.FullName"] = "",
            ["Input.UnitId"] = Id(await app.UnitIdAsync("01")),
            ["Input.Role"] = "Admin",
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Bạn không được giao vai trò", html, StringComparison.Ordinal);
        Assert.Contains("Không tìm thấy đơn vị này trong phạm vi quản lý của bạn.", html, StringComparison.Ordinal);
        Assert.Contains("Vui lòng nhập họ và tên.", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WeakPassword_IsExplainedInVietnamese()
    {
        var client = await app.As("admin");
        using var response = await DanVanAppFactory.PostFormAsync(client, "/Users/Create", new Dictionary<string, string>
        {
            ["Input.UserName"] = "yeu" + Guid.NewGuid().ToString("N")[..6],
            ["Input.Password"] = "abc",
            ["Input.FullName"] = "Người Thử",
            ["Input.UnitId"] = Id(await app.UnitIdAsync("80.STC")),
            ["Input.Role"] = "ReadOnly",
        });
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Mật khẩu phải có ít nhất 8 ký tự.", html, StringComparison.Ordinal);
        Assert.Contains("Mật khẩu phải có ít nhất một chữ hoa.", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LockingAnAccount_StopsItsSignIn_AndUnlockingRestoresIt()
    {
        var admin = await app.As("admin");
        var userName = "khoa" + Guid.NewGuid().ToString("N")[..6];
        using var created = await DanVanAppFactory.PostFormAsync(admin, "/Users/Create", new Dictionary<string, string>
        {
            ["Input.UserName"] = userName,
            ["Input.Password"] = "KhoaThu@2026",
            ["Input.FullName"] = "Người Bị Khóa",
            ["Input.UnitId"] = Id(await app.UnitIdAsync("80.SXD")),
            ["Input.Role"] = "UnitOfficer",
        });
        var edit = created.Headers.Location!.ToString();
        using var locked = await DanVanAppFactory.PostFormAsync(admin, edit + "?handler=Lock", new Dictionary<string, string> { ["locked"] = "true" }, edit);
        Assert.Equal(HttpStatusCode.Redirect, locked.StatusCode);
        Assert.Contains("Đang bị khóa", await admin.GetStringAsync(edit), StringComparison.Ordinal);
        await Assert.ThrowsAsync<InvalidOperationException>(() => app.Factory.LoginAsync(userName, "KhoaThu@2026"));

        using var unlocked = await DanVanAppFactory.PostFormAsync(admin, edit + "?handler=Lock", new Dictionary<string, string> { ["locked"] = "false" }, edit);
        Assert.NotNull(await app.Factory.LoginAsync(userName, "KhoaThu@2026"));
    }

    [Theory]
    [InlineData("canbo", "/Users", HttpStatusCode.Forbidden)]
    [InlineData("thamdinh", "/Users/Create", HttpStatusCode.Forbidden)]
    [InlineData("xem", "/Users", HttpStatusCode.Forbidden)]
    [InlineData("lanhdao", "/Users", HttpStatusCode.OK)]
    public async Task UserPages_AreForManagersOnly(string user, string url, HttpStatusCode expected)
    {
        var client = await app.As(user);
        using var response = await client.GetAsync(url);
        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task UnitHead_CannotOpenAnAccountOutsideTheirUnit()
    {
        var head = await app.As("lanhdao");
        var list = await head.GetStringAsync("/Users");
        Assert.DoesNotContain("Nguyễn Thị Thu Hà", list, StringComparison.Ordinal); // the coordinator, in Sở Nội vụ
        var admin = await app.As("admin");
        var all = await admin.GetStringAsync("/Users?q=dieuphoi");
        var id = System.Text.RegularExpressions.Regex.Match(all, "/Users/Edit/([0-9a-f-]{36})").Groups[1].Value;
        using var response = await head.GetAsync($"/Users/Edit/{id}");
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
