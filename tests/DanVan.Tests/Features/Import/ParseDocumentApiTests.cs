using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DanVan.Data;
using DanVan.Features.Import;
using DanVan.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DanVan.Tests.Features.Import;

[Collection("App")]
public class ParseDocumentApiTests(AppFixture app)
{
    private const string Url = "/api/documents/parse";

    private static MultipartFormDataContent Upload(string fileName, byte[] content) =>
        new() { { new ByteArrayContent(content), "file", fileName } };

    [Fact]
    public async Task Seed_UploadedAsAFile_ReturnsTheParsedDocument_AndWritesNothing()
    {
        var client = await app.As("dieuphoi");
        var auditBefore = await AuditCountAsync();
        var seed = RepoPaths.SeedFiles[0];

        using var response = await client.PostAsync(Url, Upload(Path.GetFileName(seed), await File.ReadAllBytesAsync(seed)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        ParseDocumentCliTests.AssertContractObject(await response.Content.ReadAsStringAsync());
        Assert.Equal(auditBefore, await AuditCountAsync());
    }

    [Fact]
    public async Task Docx_AndPastedText_AreParsedToo()
    {
        var client = await app.As("canbo");
        using var docx = await client.PostAsync(Url, Upload("ke-hoach.docx", TestFiles.OfficialPlanDocx()));
        Assert.Equal(HttpStatusCode.OK, docx.StatusCode);
        ParseDocumentCliTests.AssertContractObject(await docx.Content.ReadAsStringAsync());

        var text = await File.ReadAllTextAsync(RepoPaths.SeedFiles[1]);
        using var json = await client.PostAsJsonAsync(Url, new { text });
        Assert.Equal(HttpStatusCode.OK, json.StatusCode);
        ParseDocumentCliTests.AssertContractObject(await json.Content.ReadAsStringAsync());

        using var form = await client.PostAsync(Url, new FormUrlEncodedContent(new Dictionary<string, string> { ["text"] = text }));
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        Assert.Equal(await json.Content.ReadAsStringAsync(), await form.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("nhi-phan.bin", "không được hỗ trợ")]
    [InlineData("rong.txt", "Tệp rỗng")]
    [InlineData("english.txt", "không phải tiếng Việt")]
    [InlineData("cu.doc", "Word cũ (.doc)")]
    public async Task UnreadableUpload_Is400WithTheVietnameseReason(string fileName, string expected)
    {
        byte[] content = fileName switch
        {
            "nhi-phan.bin" => [0x00, 0x01, 0x02, 0xFF, 0x10, 0x00, 0x7F, 0x03, .. new byte[200]],
            "rong.txt" => [],
            "english.txt" => "PLAN\n\nImplementation of the mass mobilisation work of the government in 2026."u8.ToArray(),
            _ => [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, .. new byte[504]],
        };
        var client = await app.As("canbo");
        using var response = await client.PostAsync(Url, Upload(fileName, content));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Không đọc được văn bản.", problem.GetProperty("title").GetString());
        var detail = problem.GetProperty("detail").GetString()!;
        Assert.Contains(expected, detail, StringComparison.Ordinal);
        DocumentTextReaderTests.AssertVietnameseLine(detail);
    }

    [Fact]
    public async Task NeitherFileNorText_Is400()
    {
        var client = await app.As("canbo");
        using var response = await client.PostAsJsonAsync(Url, new { title = "không có text" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("trường file", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);

        using var broken = await client.PostAsync(Url, new StringContent("{\"text\": ", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, broken.StatusCode);
    }

    [Fact]
    public async Task FileOverTheLimit_Is413BeforeItIsRead()
    {
        var client = await app.As("canbo");
        using var response = await client.PostAsync(Url, Upload("rat-lon.txt", new byte[DocumentTextReaderOptions.DefaultMaxFileBytes + 100_000]));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("20 MB", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task FileOverTheLimit_WithoutContentLength_IsCutOff()
    {
        var client = await app.As("canbo");
        var form = new MultipartFormDataContent
        {
            { new StreamContent(new DanVan.Infrastructure.BoundedReadStream(new MemoryStream(new byte[DocumentTextReaderOptions.DefaultMaxFileBytes + 1_000_000]))), "file", "rat-lon.txt" },
        };
        using var response = await client.PostAsync(Url, form);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("20 MB", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", HttpStatusCode.Unauthorized)]
    [InlineData("xem", HttpStatusCode.Forbidden)]
    [InlineData("thamdinh", HttpStatusCode.Forbidden)]
    public async Task OnlyThoseWhoMayRegisterDocuments_MayParse(string user, HttpStatusCode expected)
    {
        var client = user.Length == 0 ? app.Factory.CreateBrowserlikeClient() : await app.As(user);
        var seed = RepoPaths.SeedFiles[0];
        using var response = await client.PostAsync(Url, Upload(Path.GetFileName(seed), await File.ReadAllBytesAsync(seed)));
        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task OpenApi_DescribesTheEndpointInVietnamese()
    {
        var anonymous = app.Factory.CreateBrowserlikeClient();
        var openApi = await anonymous.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var post = openApi.GetProperty("paths").GetProperty(Url).GetProperty("post");
        Assert.StartsWith("Đọc văn bản tải lên", post.GetProperty("summary").GetString(), StringComparison.Ordinal);
        var content = post.GetProperty("requestBody").GetProperty("content");
        Assert.True(content.TryGetProperty("multipart/form-data", out _));
        Assert.True(content.TryGetProperty("application/json", out _));
        Assert.True(post.GetProperty("responses").TryGetProperty("200", out _));
    }

    private async Task<int> AuditCountAsync()
    {
        using var scope = app.Factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().AuditEntries.CountAsync();
    }
}
