using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using DanVan.Testing;
using DanVan.Tests.Support;

namespace DanVan.Tests.Features.Units;

[Collection("App")]
public class UnitsHttpTests(AppFixture app)
{
    [Fact]
    public async Task Search_WithoutDiacritics_FindsTheProvince()
    {
        var client = await app.As("admin");
        var html = await client.GetStringAsync("/Units?q=quang+ngai");
        Assert.Contains("Tỉnh Quảng Ngãi", html, StringComparison.Ordinal);

        var api = await client.GetFromJsonAsync<JsonElement>("/api/units?q=QUANG%20NGAI");
        var names = api.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("name").GetString()).ToList();
        Assert.Contains("Tỉnh Quảng Ngãi", names);
    }

    [Fact]
    public async Task Pages_EmitVietnameseCharactersNotEntities()
    {
        var client = await app.As("dieuphoi");
        var html = await client.GetStringAsync($"/Units/Details/{await app.UnitIdAsync("80.SNV")}");
        Assert.Contains("Sở Nội vụ tỉnh Tây Ninh", html, StringComparison.Ordinal);
        Assert.DoesNotContain("&#x", html, StringComparison.Ordinal);
        Assert.Contains("01/07/2025", html, StringComparison.Ordinal); // dd/MM/yyyy
    }

    [Fact]
    public async Task UnknownPage_ShowsTheVietnamese404Page()
    {
        var client = await app.As("canbo");
        using var response = await client.GetAsync("/khong-co-trang-nay");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Không tìm thấy trang", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateForm_WithBadInput_ShowsVietnameseFieldErrors()
    {
        var client = await app.As("dieuphoi");
        var parent = await app.UnitIdAsync("80.SNV");
        using var response = await DanVanAppFactory.PostFormAsync(client, $"/Units/Create?parentId={parent}", new Dictionary<string, string>
        {
            ["ParentId"] = parent.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Name"] = "",
            ["Input.Code"] = "80.SNV",
            ["Input.Kind"] = "khong-phai-loai",
            ["Input.ValidFrom"] = "30/02/2025",
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Ngày bắt đầu hoạt động không hợp lệ", html, StringComparison.Ordinal);
        Assert.Contains("không hợp lệ cho trường Loại đơn vị", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Vui lòng chọn loại đơn vị.", html, StringComparison.Ordinal); // one message per field
        Assert.Contains("Vui lòng nhập tên đơn vị.", html, StringComparison.Ordinal);         // every problem at once
        Assert.Contains("đã được dùng cho một đơn vị khác", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateForm_WithMissingFields_ExplainsEachField()
    {
        var client = await app.As("dieuphoi");
        var parent = await app.UnitIdAsync("80.SNV");
        using var response = await DanVanAppFactory.PostFormAsync(client, $"/Units/Create?parentId={parent}", new Dictionary<string, string>
        {
            ["ParentId"] = parent.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Code"] = "80.SNV",
        });
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Vui lòng nhập tên đơn vị.", html, StringComparison.Ordinal);
        Assert.Contains("đã được dùng cho một đơn vị khác", html, StringComparison.Ordinal);
        Assert.Contains("Vui lòng chọn loại đơn vị.", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateForm_Succeeds_AndTheUnitAppearsUnderItsParent()
    {
        var client = await app.As("dieuphoi");
        var parent = await app.UnitIdAsync("80.SNV");
        var code = "80.SNV.T" + Guid.NewGuid().ToString("N")[..6];
        using var response = await DanVanAppFactory.PostFormAsync(client, $"/Units/Create?parentId={parent}", new Dictionary<string, string>
        {
            ["ParentId"] = parent.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Name"] = "Phòng Thi đua - Khen thưởng",
            ["Input.Code"] = code,
            ["Input.Kind"] = "Division",
            ["Input.ValidFrom"] = "01/08/2025",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var details = await client.GetStringAsync(response.Headers.Location!.ToString());
        Assert.Contains("Phòng Thi đua - Khen thưởng", details, StringComparison.Ordinal);
        Assert.Contains("01/08/2025", details, StringComparison.Ordinal);
        var children = await client.GetStringAsync($"/Units?handler=Children&id={parent}");
        Assert.Contains("Phòng Thi đua - Khen thưởng", children, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Api_Create_ReturnsCreated_ThenValidationProblemInVietnamese()
    {
        var client = await app.As("dieuphoi");
        var parent = await app.UnitIdAsync("80.STC");
        var code = "80.STC.T" + Guid.NewGuid().ToString("N")[..6];
        var nfd = "Phòng Quản lý giá".Normalize(NormalizationForm.FormD);
        using var created = await client.PostAsJsonAsync("/api/units", new { parentId = parent, code, name = nfd, kind = "Division" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await created.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Phòng Quản lý giá", body.GetProperty("name").GetString()); // stored as NFC

        using var invalid = await client.PostAsJsonAsync("/api/units", new { parentId = parent, code, name = "", kind = "Division" });
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        var problem = await invalid.Content.ReadAsStringAsync();
        Assert.Contains("Vui lòng nhập tên đơn vị.", problem, StringComparison.Ordinal);
        Assert.Contains("đã được dùng", problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Api_MalformedJson_IsABadRequestNotAServerError()
    {
        var client = await app.As("dieuphoi");
        using var response = await client.PostAsync("/api/units", new StringContent("{ \"parentId\": \"abc\" ", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Api_Rename_RecordsTheChangeInTheAuditTrail()
    {
        var client = await app.As("dieuphoi");
        var parent = await app.UnitIdAsync("80.SXD");
        var code = "80.SXD.T" + Guid.NewGuid().ToString("N")[..6];
        using var created = await client.PostAsJsonAsync("/api/units", new { parentId = parent, code, name = "Phòng Kế hoạch", kind = "Division" });
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        using var renamed = await client.PostAsJsonAsync($"/api/units/{id}/rename", new { name = "Phòng Kế hoạch - Tài chính", effectiveDate = DanVan.Infrastructure.VietnamClock.Today(TimeProvider.System).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) }); // the unit began today (Việt Nam)
        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);

        var admin = await app.As("admin");
        var audit = await admin.GetStringAsync($"/Audit?entity=OrgUnit&entityId={id}");
        Assert.Contains("dieuphoi", audit, StringComparison.Ordinal);
        Assert.Contains("Phòng Kế hoạch - Tài chính", audit, StringComparison.Ordinal);
        Assert.Contains("Sửa", audit, StringComparison.Ordinal);
        Assert.Contains("Thêm", audit, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Health_AndOpenApi_AreServed()
    {
        var anonymous = app.Factory.CreateBrowserlikeClient();
        using var health = await anonymous.GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal("Healthy", await health.Content.ReadAsStringAsync());
        var openApi = await anonymous.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var paths = openApi.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/units", out _));
        Assert.True(paths.TryGetProperty("/api/units/{id}", out _));
    }

    [Fact]
    public async Task Tree_OfTheCoordinator_StartsAtTheProvinceAndListsTheLegacyDistrictOnlyOnRequest()
    {
        var client = await app.As("dieuphoi");
        var html = await client.GetStringAsync("/Units");
        Assert.Contains("Tỉnh Tây Ninh", html, StringComparison.Ordinal);
        Assert.Contains("Sở Nội vụ tỉnh Tây Ninh", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Huyện Gò Dầu", html, StringComparison.Ordinal);
        var withHistory = await client.GetStringAsync("/Units?history=true");
        Assert.Contains("Huyện Gò Dầu", withHistory, StringComparison.Ordinal);
        var district = await client.GetStringAsync($"/Units/Details/{await app.UnitIdAsync("80.CU.GODAU")}");
        Assert.Contains("Ngừng hoạt động từ 01/07/2025", district, StringComparison.Ordinal);
        Assert.Contains("Xã Truông Mít", district, StringComparison.Ordinal);
    }
}

[Collection("App")]
public class UnitFormsHttpTests(AppFixture app)
{
    [Fact]
    public async Task UnexpectedError_ShowsTheVietnamese500PageWithATraceId()
    {
        var client = await app.As("canbo");
        using var response = await client.GetAsync("/_test/fail");
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Hệ thống gặp sự cố", html, StringComparison.Ordinal);
        Assert.Contains("Mã tra cứu", html, StringComparison.Ordinal);
        Assert.DoesNotContain("InvalidOperationException", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MoveForm_PicksANewParentFromTheLookup_AndMovesTheUnit()
    {
        var client = await app.As("dieuphoi");
        var parent = await app.UnitIdAsync("80.SYT");
        var code = "80.SYT.T" + Guid.NewGuid().ToString("N")[..6];
        using var created = await client.PostAsJsonAsync("/api/units", new { parentId = parent, code, name = "Phòng Nghiệp vụ Dược", kind = "Division" });
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();

        var lookup = await client.GetStringAsync($"/Units/Lookup?field=Input.NewParentId&exclude={id}&q=so%20giao%20duc");
        Assert.Contains("Sở Giáo dục và Đào tạo tỉnh Tây Ninh", lookup, StringComparison.Ordinal);
        Assert.Contains("name=\"Input.NewParentId\"", lookup, StringComparison.Ordinal);

        var target = await app.UnitIdAsync("80.SGDDT");
        using var bad = await DanVanAppFactory.PostFormAsync(client, $"/Units/Move/{id}", new Dictionary<string, string>
        {
            ["Input.EffectiveDate"] = "31/04/2026",
        });
        var badHtml = await bad.Content.ReadAsStringAsync();
        Assert.Contains("Ngày hiệu lực không hợp lệ", badHtml, StringComparison.Ordinal);

        using var moved = await DanVanAppFactory.PostFormAsync(client, $"/Units/Move/{id}", new Dictionary<string, string>
        {
            ["Input.NewParentId"] = target.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.EffectiveDate"] = DanVan.Infrastructure.VietnamClock.Today(TimeProvider.System).ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture),
            ["Input.LegalBasis"] = "Quyết định 5/QĐ-UBND",
        });
        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        var details = await client.GetStringAsync($"/Units/Details/{id}");
        Assert.Contains("Chuyển đơn vị quản lý", details, StringComparison.Ordinal);
        Assert.Contains("Sở Y tế tỉnh Tây Ninh → Sở Giáo dục và Đào tạo tỉnh Tây Ninh", details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MergeForm_WithoutTarget_Explains_ThenMerges()
    {
        var client = await app.As("dieuphoi");
        var parent = await app.UnitIdAsync("80.SCT");
        var a = await CreateAsync(client, parent, "Phòng Quản lý thương mại");
        var b = await CreateAsync(client, parent, "Phòng Quản lý công nghiệp");

        using var missing = await DanVanAppFactory.PostFormAsync(client, $"/Units/Merge/{a}", new Dictionary<string, string>
        {
            ["Input.EffectiveDate"] = "01/01/2027",
        });
        Assert.Contains("Vui lòng chọn đơn vị nhận sáp nhập.", await missing.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var merged = await DanVanAppFactory.PostFormAsync(client, $"/Units/Merge/{a}", new Dictionary<string, string>
        {
            ["Input.TargetId"] = b.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.EffectiveDate"] = "01/01/2027",
        });
        Assert.Equal(HttpStatusCode.Redirect, merged.StatusCode);
        var old = await client.GetStringAsync($"/Units/Details/{a}");
        Assert.Contains("Ngừng hoạt động từ 01/01/2027", old, StringComparison.Ordinal);
        Assert.Contains("Phòng Quản lý công nghiệp", old, StringComparison.Ordinal); // successor shown
    }

    private static async Task<int> CreateAsync(HttpClient client, int parent, string name)
    {
        using var created = await client.PostAsJsonAsync("/api/units", new
        {
            parentId = parent, code = "80.T" + Guid.NewGuid().ToString("N")[..8], name, kind = "Division", validFrom = "2026-01-01",
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
    }
}

[Collection("App")]
public class UnitExportTests(AppFixture app)
{
    [Fact]
    public async Task Export_IsAWorkbookOfTheUnitsInScope_ThatReopens()
    {
        var client = await app.As("dieuphoi");
        using var response = await client.GetAsync("/Units?handler=Export&q=go+dau&history=true");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(DanVan.Infrastructure.XlsxExport.ContentType, response.Content.Headers.ContentType!.MediaType);
        await using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        var rows = DanVan.Tests.Support.TestWorkbooks.First(stream.ToArray()).Rows;
        Assert.Equal(["Mã", "Tên đơn vị", "Loại", "Trực thuộc", "Hoạt động từ", "Ngừng hoạt động từ", "Căn cứ"], rows[0]);
        var district = rows.Single(r => r[1] == "Huyện Gò Dầu");
        Assert.Equal("01/07/2025", district[5]);
        Assert.Contains(rows, r => r[1] == "Phường Gò Dầu" && r[3] == "Tỉnh Tây Ninh");
        Assert.DoesNotContain(rows, r => r[3] == "Thành phố Hà Nội");
    }

    [Fact]
    public async Task Export_OfAnOfficer_HoldsOnlyTheirUnit()
    {
        var client = await app.As("canbo");
        var bytes = await client.GetByteArrayAsync("/Units?handler=Export");
        await using var stream = new MemoryStream(bytes);
        var rows = DanVan.Tests.Support.TestWorkbooks.First(stream.ToArray()).Rows;
        Assert.Equal(2, rows.Count); // header + Phường Tân Ninh
        Assert.Contains("Phường Tân Ninh", rows[1]);
    }
}
