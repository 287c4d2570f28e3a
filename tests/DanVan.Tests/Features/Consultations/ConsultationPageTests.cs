using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DanVan.Data;
using DanVan.Domain.Text;
using DanVan.Infrastructure;
using DanVan.Testing;
using DanVan.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DanVan.Tests.Features.Consultations;

/// <summary>Consultations over HTTP on a real database: the forms in Vietnamese, who sees and answers what, the papers, the API, the home page.</summary>
public sealed class ConsultationPageTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static readonly DateOnly Today = VietnamClock.Today(TimeProvider.System);

    private static string F(DateOnly d) => VietnameseText.FormatDate(d);

    private async Task<string> UnitIdAsync(string code)
    {
        using var scope = app.Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return (await db.OrgUnits.Where(u => u.Code == code).Select(u => u.Id).SingleAsync()).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task<int> CreatedIdAsync(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{(int)response.StatusCode}: {WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync())}");
        return int.Parse(response.Headers.Location!.ToString().Split('/').Last(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static string DocxText(byte[] bytes, bool letter = false)
    {
        DanVan.Testing.Nd30Layout.AssertValid(bytes, titleAfterHeader: !letter);
        using var word = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(new MemoryStream(bytes), false);
        return word.MainDocumentPart!.Document.Body!.InnerText;
    }

    [Fact]
    public async Task ADraft_IsSent_Answered_Handled_AndSynthesised_OverHttp()
    {
        var coordinator = await app.As("dieuphoi");
        var title = "Kế hoạch công tác dân vận chính quyền năm 2027 " + SeededDatabaseFixture.NewCode();
        var form = new Dictionary<string, string>
        {
            ["Input.Title"] = title,
            ["Input.Subject"] = "V/v lấy ý kiến góp ý dự thảo Kế hoạch công tác dân vận chính quyền năm 2027",
            ["Input.Audience"] = "Units",
            ["Input.SentOn"] = F(Today),
            ["Input.DueOn"] = F(Today.AddDays(5)),
            ["Input.SilenceRule"] = "Nếu quá thời hạn nêu trên, các cơ quan, đơn vị, địa phương không có ý kiến xem như thống nhất với nội dung dự thảo Kế hoạch.",
            ["Input.SilenceMeansAgreement"] = "true",
            ["Input.DraftText"] = "I. MỤC ĐÍCH, YÊU CẦU\n1. Nâng cao nhận thức về công tác dân vận chính quyền.\n2. Gắn công tác dân vận với cải cách hành chính.",
            ["Input.RespondentUnitIds"] = await UnitIdAsync("25459"),
        };

        // Everything missing at once, in Vietnamese; nothing saved.
        using (var empty = await DanVanAppFactory.PostFormAsync(coordinator, "/Consultations/Create", new Dictionary<string, string> { ["Input.SilenceRule"] = "" }))
        {
            Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
            var html = WebUtility.HtmlDecode(await empty.Content.ReadAsStringAsync());
            Assert.Contains("Vui lòng nhập tên dự thảo.", html, StringComparison.Ordinal);
            Assert.Contains("Vui lòng chọn ít nhất một đơn vị được lấy ý kiến.", html, StringComparison.Ordinal);
            Assert.Contains("Vui lòng nhập hạn gửi ý kiến.", html, StringComparison.Ordinal);
        }

        var id = await CreatedIdAsync(await PostManyAsync(coordinator, "/Consultations/Create", form, ("Input.RespondentUnitIds", await UnitIdAsync("80.STP"))));

        // The ward sees it on its home page and answers on paragraph 2; the Sở Tư pháp agrees.
        var ward = await app.As("canbo");
        var home = WebUtility.HtmlDecode(await ward.GetStringAsync("/"));
        Assert.Contains("Góp ý dự thảo «" + title, home, StringComparison.Ordinal);
        var answerPage = WebUtility.HtmlDecode(await ward.GetStringAsync($"/Consultations/Answer/{id}"));
        Assert.Contains("Đoạn 2 (1)", answerPage, StringComparison.Ordinal);
        using (var bad = await DanVanAppFactory.PostFormAsync(ward, $"/Consultations/Answer/{id}", new Dictionary<string, string>
        {
            ["Input.Comments[0].Paragraph"] = "9", ["Input.Comments[0].Text"] = "Đoạn không có", ["Input.SignerName"] = "",
        }))
        {
            var html = WebUtility.HtmlDecode(await bad.Content.ReadAsStringAsync());
            Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
            Assert.Contains("dự thảo không có đoạn số 9", html, StringComparison.Ordinal);
            Assert.Contains("Vui lòng nhập họ tên người ký", html, StringComparison.Ordinal);
        }

        using (var ok = await DanVanAppFactory.PostFormAsync(ward, $"/Consultations/Answer/{id}", new Dictionary<string, string>
        {
            ["Input.Comments[0].Paragraph"] = "2", ["Input.Comments[0].Text"] = "Đề nghị bổ sung chỉ tiêu đối thoại với Nhân dân.", ["Input.SignerName"] = "Nguyễn Văn Hùng",
            ["Input.SignerPosition"] = "Chủ tịch UBND phường", ["Input.BaseVersion"] = "0",
        }))
        {
            Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        }

        var justice = await app.As("lanhdao");
        using (var agreed = await justice.PostAsJsonAsync($"/api/consultations/{id}/answer", new { agrees = true, signerName = "Lê Hoàng Phúc", baseVersion = 0 }))
        {
            Assert.Equal(HttpStatusCode.OK, agreed.StatusCode);
        }

        // A respondent sees its own answer only; a unit neither consulted nor above the drafting one sees nothing.
        var asJustice = await justice.GetFromJsonAsync<JsonElement>($"/api/consultations/{id}");
        Assert.Equal(0, asJustice.GetProperty("comments").GetArrayLength());
        var asWard = await ward.GetFromJsonAsync<JsonElement>($"/api/consultations/{id}");
        Assert.Equal(1, asWard.GetProperty("comments").GetArrayLength());
        var viewer = await app.As("xem");
        Assert.Equal(HttpStatusCode.NotFound, (await viewer.GetAsync($"/Consultations/Details/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await ward.GetAsync($"/Consultations/Details/{id}?handler=Xlsx")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await ward.GetAsync($"/Consultations/Handle/{id}")).StatusCode);

        // The drafting officer handles the comment and downloads the papers.
        var details = WebUtility.HtmlDecode(await coordinator.GetStringAsync($"/Consultations/Details/{id}"));
        Assert.Contains("Có ý kiến góp ý", details, StringComparison.Ordinal);
        Assert.Contains("Thống nhất", details, StringComparison.Ordinal);
        var handlePage = WebUtility.HtmlDecode(await coordinator.GetStringAsync($"/Consultations/Handle/{id}"));
        var commentId = System.Text.RegularExpressions.Regex.Match(handlePage, "id=\"y-kien-(\\d+)\"").Groups[1].Value;
        using (var refused = await DanVanAppFactory.PostFormAsync(coordinator, $"/Consultations/Handle/{id}?commentId={commentId}", new Dictionary<string, string> { ["Input.Handling"] = "Explained" }, $"/Consultations/Handle/{id}"))
        {
            Assert.Contains("Không tiếp thu: vui lòng ghi nội dung giải trình.", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        }

        using (var handled = await DanVanAppFactory.PostFormAsync(coordinator, $"/Consultations/Handle/{id}?commentId={commentId}", new Dictionary<string, string>
        {
            ["Input.Handling"] = "PartlyAccepted", ["Input.Explanation"] = "Bổ sung chỉ tiêu mỗi xã ít nhất một cuộc đối thoại mỗi năm.",
        }, $"/Consultations/Handle/{id}"))
        {
            Assert.Equal(HttpStatusCode.Redirect, handled.StatusCode);
        }

        var synthesis = DocxText(await coordinator.GetByteArrayAsync($"/Consultations/Details/{id}?handler=Docx&kind=synthesis"));
        Assert.Contains("Đề nghị bổ sung chỉ tiêu đối thoại với Nhân dân.", synthesis, StringComparison.Ordinal);
        Assert.Contains("Tiếp thu một phần", synthesis, StringComparison.Ordinal);
        Assert.Contains("Bổ sung chỉ tiêu mỗi xã", synthesis, StringComparison.Ordinal);
        var letter = DocxText(await coordinator.GetByteArrayAsync($"/Consultations/Details/{id}?handler=Docx&kind=letter"), letter: true);
        Assert.Contains("Kính gửi:", letter, StringComparison.Ordinal);
        Assert.Contains("Sở Tư pháp tỉnh Tây Ninh", letter, StringComparison.Ordinal);
        using var xlsx = await coordinator.GetAsync($"/Consultations/Details/{id}?handler=Xlsx");
        Assert.Equal(XlsxExport.ContentType, xlsx.Content.Headers.ContentType!.MediaType);
        using var export = await coordinator.GetAsync("/Consultations?handler=Export&q=" + Uri.EscapeDataString("cong tac dan van chinh quyen nam 2027"));
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        var list = WebUtility.HtmlDecode(await coordinator.GetStringAsync("/Consultations?q=" + Uri.EscapeDataString("ke hoach cong tac dan van chinh quyen") + "&view=mine"));
        Assert.Contains(title, list, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImportingALetterLikeSeed003_ProposesTheConsultation_AndSavesNothing()
    {
        var coordinator = await app.As("dieuphoi");
        int before;
        using (var scope = app.Factory.Services.CreateScope())
        {
            before = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Consultations.CountAsync();
        }

        using var read = await DanVanAppFactory.PostFormAsync(coordinator, "/Consultations/Create?handler=Import", new Dictionary<string, string> { ["LetterText"] = Seeds.Text("003") }, "/Consultations/Create");
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        var html = WebUtility.HtmlDecode(await read.Content.ReadAsStringAsync());
        Assert.Contains("Đã đọc công văn: 6 đơn vị trong «Kính gửi»", html, StringComparison.Ordinal);
        Assert.Contains("hạn «trước ngày 10/01/2022» được ghi là hết ngày 09/01/2022", html, StringComparison.Ordinal);
        Assert.Contains("value=\"09/01/2022\"", html, StringComparison.Ordinal);
        Assert.Contains("Kế hoạch của Chủ tịch UBND tỉnh về công tác dân vận", html, StringComparison.Ordinal);
        Assert.Contains("không có ý kiến xem như thống nhất với nội dung dự thảo Kế hoạch.", html, StringComparison.Ordinal);
        Assert.Matches("id=\"group-Departments\" value=\"Departments\" checked", html);
        Assert.Contains("Công an tỉnh", html[html.IndexOf("import-unmatched", StringComparison.Ordinal)..], StringComparison.Ordinal); // no such unit in the demo province
        Assert.Contains("I. MỤC ĐÍCH, YÊU CẦU", html, StringComparison.Ordinal); // the enclosed draft, ready to be cut into paragraphs
        using (var scope = app.Factory.Services.CreateScope())
        {
            Assert.Equal(before, await scope.ServiceProvider.GetRequiredService<AppDbContext>().Consultations.CountAsync());
        }
    }

    /// <summary>Posts a form with a field given several times (a multi-select).</summary>
    private static async Task<HttpResponseMessage> PostManyAsync(HttpClient client, string url, Dictionary<string, string> fields, params (string Key, string Value)[] more)
    {
        var page = await client.GetStringAsync(url);
        var token = DanVanAppFactory.AntiforgeryToken(page)!;
        var all = fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)).Concat(more.Select(m => new KeyValuePair<string, string>(m.Key, m.Value)))
            .Append(new("__RequestVerificationToken", token));
        return await client.PostAsync(url, new FormUrlEncodedContent(all));
    }
}
