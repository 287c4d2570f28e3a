using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DanVan.Testing;
using DanVan.Tests.Support;

namespace DanVan.Tests.Features.Documents;

[Collection("App")]
public class DocumentsHttpTests(AppFixture app)
{
    private static async Task<HttpResponseMessage> RegisterAsync(HttpClient client, Dictionary<string, string> fields, (string Name, byte[] Content)? file = null)
    {
        var token = await AppFixture.TokenAsync(client);
        var form = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
        foreach (var (k, v) in fields)
        {
            form.Add(new StringContent(v), k);
        }

        if (file is { } f)
        {
            form.Add(new ByteArrayContent(f.Content), "Upload", f.Name);
        }

        return await client.PostAsync("/Documents/Create", form);
    }

    [Fact]
    public async Task ProvincePlan_UploadedAsDocx_ReachesACommuneOfficer_ButACommuneLetterStaysInItsCommune()
    {
        var coordinator = await app.As("dieuphoi");
        var n = UniqueNumber.Text();
        using var created = await RegisterAsync(coordinator, new Dictionary<string, string>
        {
            ["Input.OwnerUnitId"] = (await app.UnitIdAsync("80")).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Code"] = $"Số: {n}/KH-UBND",
            ["Input.IssuedOn"] = "26/06/2026",
            ["Input.Place"] = "Tây Ninh",
            ["Input.IssuerName"] = "Ủy ban nhân dân tỉnh Tây Ninh",
            ["Input.Title"] = "Thực hiện Quy chế dân chủ ở cơ sở và công tác dân vận chính quyền 6 tháng cuối năm 2026",
            ["Input.SignerAuthority"] = "KT.",
            ["Input.SignerPosition"] = "Phó Chủ tịch",
            ["Input.Basis"] = "Kết luận số 114-KL/TW ngày 14/7/2015 của Ban Bí thư\nLuật Thực hiện dân chủ ở cơ sở số 10/2022/QH15",
            ["Input.Recipients"] = "- Sở Nội vụ;\n- UBND các xã, phường;\n- Lưu: VT.",
        }, ("ke-hoach.docx", TestFiles.Docx("KẾ HOẠCH")));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var url = created.Headers.Location!.ToString();
        var details = await coordinator.GetStringAsync(url);
        Assert.Contains($"Kế hoạch số {n}/KH-UBND", details, StringComparison.Ordinal);
        Assert.Contains("ngày 26/06/2026", details, StringComparison.Ordinal);
        Assert.Contains("Kết luận số 114-KL/TW", details, StringComparison.Ordinal);

        var officer = await app.As("canbo");
        Assert.Contains($"{n}/KH-UBND", await officer.GetStringAsync("/Documents?q=dan+chu+co+so"), StringComparison.Ordinal);
        using var file = await officer.GetAsync(url + "?handler=File");
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        using (var docx = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(new MemoryStream(await file.Content.ReadAsByteArrayAsync()), false))
        {
            Assert.Equal("KẾ HOẠCH", docx.MainDocumentPart!.Document.Body!.InnerText);
        }

        // A letter of the officer's commune is not seen by the coordinator of… another province, nor by a sibling unit.
        using var letter = await officer.PostAsJsonAsync("/api/documents", new
        {
            code = $"{n}/UBND-VP", issuerName = "Ủy ban nhân dân phường Tân Ninh", issuedOn = "2026-07-01", title = "Về việc tổ chức đối thoại với Nhân dân",
        });
        Assert.Equal(HttpStatusCode.Created, letter.StatusCode);
        var letterId = (await letter.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        var head = await app.As("lanhdao");
        using var refused = await head.GetAsync($"/Documents/Details/{letterId}");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        using var refusedApi = await head.GetAsync($"/api/documents/{letterId}");
        Assert.Equal(HttpStatusCode.Forbidden, refusedApi.StatusCode);
        using var seen = await coordinator.GetAsync($"/api/documents/{letterId}");
        Assert.Equal(HttpStatusCode.OK, seen.StatusCode);
        var dto = await seen.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Công văn", dto.GetProperty("typeName").GetString());
    }

    [Fact]
    public async Task RegisterForm_WithBadInput_ExplainsEveryField()
    {
        var coordinator = await app.As("dieuphoi");
        using var response = await RegisterAsync(coordinator, new Dictionary<string, string>
        {
            ["Input.Code"] = "KH/UBND",
            ["Input.IssuedOn"] = "30/02/2026",
            ["Input.Title"] = "",
        }, ("ke-hoach.docx", TestFiles.ZipOfSomethingElse()));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Ngày ban hành không hợp lệ", html, StringComparison.Ordinal);
        await using var db = app.Database.CreateContext();
        Assert.DoesNotContain(db.Documents, d => d.Code == "KH/UBND");

        using var second = await RegisterAsync(coordinator, new Dictionary<string, string>
        {
            ["Input.Code"] = "KH/UBND",
            ["Input.Title"] = "",
        }, ("ke-hoach.docx", TestFiles.ZipOfSomethingElse()));
        var html2 = await second.Content.ReadAsStringAsync();
        Assert.Contains("không đúng dạng", html2, StringComparison.Ordinal);
        Assert.Contains("Vui lòng nhập trích yếu.", html2, StringComparison.Ordinal);
        Assert.Contains("Vui lòng nhập cơ quan ban hành.", html2, StringComparison.Ordinal);
        Assert.Contains("Chỉ nhận tệp Word (.docx) hoặc PDF", html2, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadOnlyUser_CannotRegister_AndTheListExportsToExcel()
    {
        var viewer = await app.As("xem");
        using var form = await viewer.GetAsync("/Documents/Create");
        Assert.Equal(HttpStatusCode.Forbidden, form.StatusCode);
        using var api = await viewer.PostAsJsonAsync("/api/documents", new { code = "1/KH-STC", issuerName = "Sở Tài chính", issuedOn = "2026-01-02", title = "Thử" });
        Assert.Equal(HttpStatusCode.Forbidden, api.StatusCode);

        var admin = await app.As("admin");
        var bytes = await admin.GetByteArrayAsync("/Documents?handler=Export");
        var export = DanVan.Tests.Support.TestWorkbooks.First(bytes);
        Assert.Equal("DANH SÁCH VĂN BẢN", export.Title);
        Assert.Equal("Số, ký hiệu", export.Header[0]);
    }
}
