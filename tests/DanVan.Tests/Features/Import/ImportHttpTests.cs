using System.Globalization;
using System.Net;
using DanVan.Data;
using DanVan.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using DanVan.Testing;

namespace DanVan.Tests.Features.Import;

/// <summary>The import page over HTTP: nothing is saved before the confirmation, and a failed confirmation saves nothing.</summary>
[Collection("App")]
public class ImportHttpTests(AppFixture app)
{
    private static string UniqueNumber() => DanVan.Testing.UniqueNumber.Text();

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string handler, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = await AppFixture.TokenAsync(client);
        return await client.PostAsync("/Import?handler=" + handler, new FormUrlEncodedContent(fields));
    }

    private async Task<bool> DocumentExistsAsync(string code)
    {
        using var scope = app.Factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Documents.AnyAsync(d => d.Code == code);
    }

    [Fact]
    public async Task Pasted_text_is_proposed_for_review_without_saving_anything()
    {
        var client = await app.As("dieuphoi");
        var n = UniqueNumber();
        var text = Seeds.Text("001").Replace("Số: 878 /KH-SVHTT", $"Số: {n} /KH-SVHTT", StringComparison.Ordinal);
        using var response = await PostAsync(client, "Parse", new() { ["Pasted"] = text });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains($"value=\"{n}/KH-SVHTT\"", html, StringComparison.Ordinal);
        Assert.Contains("Sở Văn hóa và Thể thao", html, StringComparison.Ordinal);
        Assert.Contains("Phòng Tổ chức – Pháp chế", html, StringComparison.Ordinal);
        Assert.False(await DocumentExistsAsync($"{n}/KH-SVHTT"));
    }

    [Fact]
    public async Task A_task_without_a_lead_unit_stops_the_confirmation_and_nothing_is_kept()
    {
        var client = await app.As("dieuphoi");
        var code = UniqueNumber() + "/KH-UBND";
        using var response = await PostAsync(client, "Confirm", new()
        {
            ["Form.SourceText"] = "KẾ HOẠCH",
            ["Form.Kind"] = "Kế hoạch",
            ["Form.Code"] = code,
            ["Form.IssuedOn"] = "26/06/2026",
            ["Form.Issuer"] = "UBND tỉnh Tây Ninh",
            ["Form.Title"] = "Kế hoạch thử nhập",
            ["Form.CreatePlan"] = "true",
            ["Form.Purposes"] = "Nâng cao hiệu quả.",
            ["Form.Targets"] = "trên 90% người dân hài lòng",
            ["Form.Citations[0].Include"] = "true",
            ["Form.Citations[0].Relation"] = "Implements",
            ["Form.Citations[0].Description"] = "Kế hoạch số 1026/KH-UBND ngày 25/3/2022 của UBND tỉnh",
            ["Form.Tasks[0].Include"] = "true",
            ["Form.Tasks[0].Assignee"] = "Sở Nội vụ",
            ["Form.Tasks[0].Title"] = "Theo dõi, đôn đốc",
            ["Form.Tasks[0].LeadUnitId"] = (await app.UnitIdAsync("80.SNV")).ToString(CultureInfo.InvariantCulture),
            ["Form.Tasks[0].Repeat"] = "once",
            ["Form.Tasks[0].DueOn"] = "31/12/2026",
            ["Form.Tasks[1].Include"] = "true",
            ["Form.Tasks[1].Assignee"] = "Các sở, ban, ngành",
            ["Form.Tasks[1].Title"] = "Xây dựng kế hoạch",
            ["Form.Tasks[1].Repeat"] = "yearly",
            ["Form.Tasks[1].DueOn"] = "15/11/2026",
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Chọn đơn vị chủ trì cho nhiệm vụ của “Các sở, ban, ngành”", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(await DocumentExistsAsync(code)); // the document and the first task were rolled back with it
    }

    [Fact]
    public async Task Bad_dates_are_explained_in_Vietnamese()
    {
        var client = await app.As("dieuphoi");
        using var response = await PostAsync(client, "Confirm", new()
        {
            ["Form.SourceText"] = "x",
            ["Form.Code"] = "1/KH-UBND",
            ["Form.IssuedOn"] = "30/02/2026",
            ["Form.Issuer"] = "UBND tỉnh Tây Ninh",
            ["Form.Title"] = "Thử",
            ["Form.Tasks[0].Include"] = "true",
            ["Form.Tasks[0].Assignee"] = "Sở Nội vụ",
            ["Form.Tasks[0].Title"] = "Việc",
            ["Form.Tasks[0].DueOn"] = "hôm qua",
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Ngày ban hành không hợp lệ", html, StringComparison.Ordinal);
        Assert.Contains("Hạn hoàn thành không hợp lệ", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_officer_may_import_a_letter_but_not_assign_tasks()
    {
        var officer = await app.As("canbo");
        var n = UniqueNumber();
        var fields = new Dictionary<string, string>
        {
            ["Form.SourceText"] = "x",
            ["Form.Kind"] = "Công văn",
            ["Form.Code"] = $"{n}-CV/HU",
            ["Form.IssuedOn"] = "26/02/2022",
            ["Form.Issuer"] = "HUYỆN ỦY CẨM THỦY",
            ["Form.Title"] = "Lãnh đạo, chỉ đạo thực hiện “Năm dân vận chính quyền” 2022",
            ["Form.SignerAuthority"] = "TM.",
            ["Form.SignerPosition"] = "PHÓ BÍ THƯ THƯỜNG TRỰC",
            ["Form.SignerName"] = "Cao Văn Vượng",
            ["Form.Tasks[0].Include"] = "true",
            ["Form.Tasks[0].Assignee"] = "UBND huyện",
            ["Form.Tasks[0].Title"] = "Phối hợp",
            ["Form.Tasks[0].LeadUnitId"] = (await app.UnitIdAsync("25459")).ToString(CultureInfo.InvariantCulture),
            ["Form.Tasks[0].DueOn"] = "31/12/2022",
        };
        using (var forbidden = await PostAsync(officer, "Confirm", new(fields)))
        {
            Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        }

        Assert.False(await DocumentExistsAsync($"{n}-CV/HU"));

        fields["Form.Tasks[0].Include"] = "false";
        using var created = await PostAsync(officer, "Confirm", fields);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.StartsWith("/Documents/Details/", created.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.True(await DocumentExistsAsync($"{n}-CV/HU"));
    }
}

[Collection("App")]
public class ImportUploadTests(AppFixture app)
{
    [Fact]
    public async Task A_50_MB_upload_gets_a_message()
    {
        var client = await app.As("dieuphoi");
        var token = await AppFixture.TokenAsync(client);
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent(new byte[50 * 1024 * 1024]), "upload", "ke-hoach.pdf" },
        };
        using var response = await client.PostAsync("/Import?handler=Parse", form);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("lớn hơn 20 MB", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(HostileFiles.DocumentNames), MemberType = typeof(HostileFiles))]
    public async Task A_hostile_upload_is_refused_by_the_shared_check_before_review(string name)
    {
        using var response = await AppFixture.PostFilesAsync(
            await app.As("dieuphoi"), "/Import?handler=Parse", new Dictionary<string, string>(), ("upload", name, HostileFiles.Named(name).Content));
        var html = await HostileFiles.AssertRefusedAsync(response, name);
        Assert.DoesNotContain("Form.OriginalContent", html, StringComparison.Ordinal); // no review form carries the file on
    }
}
