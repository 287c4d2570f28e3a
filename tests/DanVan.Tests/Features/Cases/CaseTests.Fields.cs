using System.Net;
using DanVan.Testing;
using DanVan.Tests.Support;

namespace DanVan.Tests.Features.Cases;

/// <summary>The fields of cases are data the administrator keeps (issue 13: "the list is data").</summary>
public sealed partial class CaseTests
{
    [Fact]
    public async Task TheFieldsOfCases_AreTheAdministratorsData_AddedRenamedAndEnded_WhileOldCasesKeepTheirs()
    {
        var admin = await app.As("admin");
        var officer = await app.As("canbo");
        var code = "giao-thong-" + Guid.NewGuid().ToString("N")[..6];

        // Bad input: every reason at once, nothing saved.
        using (var bad = await DanVanAppFactory.PostFormAsync(admin, "/Cases/Fields", new Dictionary<string, string>
        {
            ["Input.Code"] = "Giao Thông", ["Input.Name"] = "", ["Input.LegalBasis"] = "", ["Input.ValidFrom"] = "31/02/2026", ["Input.SortOrder"] = "15",
        }, "/Cases/Fields"))
        {
            var html = WebUtility.HtmlDecode(await bad.Content.ReadAsStringAsync());
            Assert.Contains("Mã lĩnh vực chỉ gồm chữ thường không dấu", html, StringComparison.Ordinal);
            Assert.Contains("Vui lòng nhập tên lĩnh vực", html, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("Vui lòng nhập ngày áp dụng", html, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("Giao Thông", WebUtility.HtmlDecode(await admin.GetStringAsync("/Cases/Fields")), StringComparison.Ordinal);

        // Only the administrator writes.
        using (var denied = await DanVanAppFactory.PostFormAsync(await app.As("dieuphoi"), "/Cases/Fields", new Dictionary<string, string>
        {
            ["Input.Code"] = code, ["Input.Name"] = "Giao thông", ["Input.LegalBasis"] = "QĐ của tỉnh", ["Input.ValidFrom"] = "01/01/2026",
        }, "/Cases/Fields"))
        {
            Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        }

        using (var added = await DanVanAppFactory.PostFormAsync(admin, "/Cases/Fields", new Dictionary<string, string>
        {
            ["Input.Code"] = code, ["Input.Name"] = "Giao thông, vận tải", ["Input.LegalBasis"] = "Quyết định số 12/QĐ-UBND của UBND tỉnh (thử)",
            ["Input.ValidFrom"] = "01/01/2026", ["Input.SortOrder"] = "95",
        }, "/Cases/Fields"))
        {
            Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        }

        Assert.Contains($"value=\"{code}\"", await officer.GetStringAsync("/Cases/Create"), StringComparison.Ordinal);
        var form = Intake("Petition", "Kiến nghị sửa đường giao thông nông thôn " + code);
        form["Input.Field"] = code;
        var id = await RegisterAsync(officer, form);
        Assert.Contains("Giao thông, vận tải", WebUtility.HtmlDecode(await officer.GetStringAsync($"/Cases/Details/{id}")), StringComparison.Ordinal);

        // The same code twice is refused; renamed and ended, the field leaves the form but the case keeps its (new) name.
        using (var twice = await DanVanAppFactory.PostFormAsync(admin, "/Cases/Fields", new Dictionary<string, string>
        {
            ["Input.Code"] = code, ["Input.Name"] = "Trùng", ["Input.LegalBasis"] = "x", ["Input.ValidFrom"] = "01/01/2026",
        }, "/Cases/Fields"))
        {
            Assert.Contains("Đã có lĩnh vực mã", WebUtility.HtmlDecode(await twice.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        }

        var list = await admin.GetStringAsync("/Cases/Fields");
        var editId = System.Text.RegularExpressions.Regex.Match(list, $"href=\"/Cases/Fields\\?edit=(\\d+)\" data-testid=\"case-field-edit-{code}\"").Groups[1].Value;
        Assert.NotEmpty(editId);
        using (var early = await DanVanAppFactory.PostFormAsync(admin, $"/Cases/Fields?edit={editId}", new Dictionary<string, string>
        {
            ["edit"] = editId, ["Input.Name"] = "Giao thông", ["Input.LegalBasis"] = "Quyết định số 12/QĐ-UBND", ["Input.ValidTo"] = "31/12/2025",
        }, $"/Cases/Fields?edit={editId}"))
        {
            Assert.Contains("Ngày hết áp dụng không thể trước ngày áp dụng (01/01/2026)", WebUtility.HtmlDecode(await early.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        }

        using (var ended = await DanVanAppFactory.PostFormAsync(admin, $"/Cases/Fields?edit={editId}", new Dictionary<string, string>
        {
            ["edit"] = editId, ["Input.Name"] = "Giao thông", ["Input.LegalBasis"] = "Quyết định số 12/QĐ-UBND", ["Input.SortOrder"] = "95",
            ["Input.ValidTo"] = "01/01/2026",
        }, $"/Cases/Fields?edit={editId}"))
        {
            Assert.Equal(HttpStatusCode.Redirect, ended.StatusCode);
        }

        Assert.DoesNotContain($"value=\"{code}\"", await officer.GetStringAsync("/Cases/Create"), StringComparison.Ordinal);
        var details = WebUtility.HtmlDecode(await officer.GetStringAsync($"/Cases/Details/{id}"));
        Assert.Contains("Giao thông", details, StringComparison.Ordinal);
        Assert.DoesNotContain("Giao thông, vận tải", details, StringComparison.Ordinal);
        form["Input.Summary"] = "Kiến nghị khác " + code;
        using (var refused = await DanVanAppFactory.PostFormAsync(officer, "/Cases/Create", form, "/Cases/Create"))
        {
            Assert.Contains("Vui lòng chọn lĩnh vực", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        }
    }
}
