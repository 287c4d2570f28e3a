using System.Net;
using System.Text.RegularExpressions;
using DanVan.Domain.Text;
using DanVan.Infrastructure;
using DanVan.Testing;
using DanVan.Tests.Support;

namespace DanVan.Tests.Features.Models;

/// <summary>The model pages over HTTP on the seeded demo province: library, registration, steps, documents, public page.</summary>
public sealed partial class ModelPagesTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static readonly DateOnly Today = VietnamClock.Today(TimeProvider.System);

    private static string D(DateOnly d) => VietnameseText.FormatDate(d);

    [GeneratedRegex("name=\"Input.Stamp\" value=\"([0-9a-f-]+)\"")]
    private static partial Regex StampRegex();

    private async Task<Dictionary<string, string>> FormAsync(string name)
    {
        var body = await app.UnitIdAsync("80.BTGDV");
        return new Dictionary<string, string>
        {
            ["Input.Kind"] = "Model", ["Input.Subject"] = "Collective", ["Input.FieldCode"] = "XDHTCT",
            ["Input.RegisteredWithUnitId"] = body.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Input.Name"] = name,
            ["Input.Situation"] = "Thủ tục hành chính còn chậm", ["Input.Objectives"] = "100% hồ sơ trả đúng hẹn", ["Input.Content"] = "Tổ hỗ trợ tại bộ phận một cửa",
            ["Input.AreaAndTargets"] = "Bộ phận một cửa phường", ["Input.Forces"] = "Văn phòng UBND chủ trì, Đoàn thanh niên phối hợp", ["Input.Resources"] = "Ngân sách phường",
            ["Input.StartOn"] = D(Today.AddDays(-10)), ["Input.EvaluationOn"] = D(Today.AddDays(170)),
            ["Input.Milestones[0].Title"] = "Ra mắt", ["Input.Milestones[0].DueOn"] = D(Today.AddDays(-5)),
            ["Input.Milestones[1].Title"] = "Sơ kết", ["Input.Milestones[1].DueOn"] = D(Today.AddDays(90)),
            ["Input.Outputs"] = "Tỷ lệ hồ sơ đúng hẹn công khai hằng tháng", ["Input.Sustainability"] = "Duy trì bằng quy chế của UBND phường",
        };
    }

    private static async Task<HttpResponseMessage> StepAsync(HttpClient client, int id, Dictionary<string, string> fields)
    {
        var page = await client.GetStringAsync($"/Models/Details/{id}");
        var form = new Dictionary<string, string>(fields) { ["Input.On"] = D(Today), ["Input.Stamp"] = StampRegex().Match(page).Groups[1].Value };
        return await DanVanAppFactory.PostFormAsync(client, $"/Models/Details/{id}?handler=Step", form, $"/Models/Details/{id}");
    }

    [Fact]
    public async Task Library_FindsTheDemoModels_WithoutDiacritics_AndExportsBothWorkbooks()
    {
        var officer = await app.As("canbo");
        var page = WebUtility.HtmlDecode(await officer.GetStringAsync("/Models?q=khu+pho+sang"));
        Assert.Contains("Khu phố sáng – xanh – sạch – đẹp", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Tổ hợp tác bánh tráng", page, StringComparison.Ordinal);

        var list = await officer.GetByteArrayAsync("/Models?handler=Export");
        var models = DanVan.Tests.Support.TestWorkbooks.First(list);
        Assert.Equal("Tên mô hình", models.Header[0]);
        Assert.Contains(models.Data, r => r.Contains("Khu phố sáng – xanh – sạch – đẹp") && r.Contains("Cấp tỉnh"));

        var coordinator = await app.As("dieuphoi");
        var summary = await coordinator.GetByteArrayAsync($"/Models?handler=Summary&year={Today.Year}");
        var totals = DanVan.Tests.Support.TestWorkbooks.First(summary);
        Assert.StartsWith("TỔNG HỢP MÔ HÌNH “DÂN VẬN KHÉO” NĂM", totals.Title, StringComparison.Ordinal);
        Assert.Contains("Đã công nhận", totals.Header);
        Assert.Contains(totals.Data, r => r.Contains("Phường Tân Ninh") && r.Contains("Kinh tế"));
    }

    [Fact]
    public async Task RecognisedList_ReopensAsDocx_WithTheDemoModelRecognisedThatYear_AndNotTheOthers()
    {
        var coordinator = await app.As("dieuphoi");
        var year = Today.AddDays(-20).Year; // the demo recognises its model 20 days before today
        var bytes = await coordinator.GetByteArrayAsync($"/Models?handler=Recognised&year={year}");
        DanVan.Testing.Nd30Layout.AssertValid(bytes);
        using (var docx = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(new MemoryStream(bytes), false))
        {
            var text = docx.MainDocumentPart!.Document.Body!.InnerText;
            Assert.Contains("SỞ NỘI VỤ", text, StringComparison.Ordinal);
            Assert.Contains($"Mô hình, điển hình “Dân vận khéo” được công nhận năm {year}", text, StringComparison.Ordinal);
            Assert.Contains("Mô hình: Khu phố sáng – xanh – sạch – đẹp", text, StringComparison.Ordinal);
            Assert.Contains("Cấp tỉnh", text, StringComparison.Ordinal);
            Assert.Contains(D(Today.AddDays(-20)), text, StringComparison.Ordinal);
            Assert.DoesNotContain("Tổ hợp tác bánh tráng", text, StringComparison.Ordinal);
            Assert.Contains("THỦ TRƯỞNG ĐƠN VỊ", text, StringComparison.Ordinal);
        }

        var empty = await coordinator.GetByteArrayAsync("/Models?handler=Recognised&year=2022");
        using (var docx = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(new MemoryStream(empty), false))
        {
            Assert.Contains("Năm 2022 chưa có mô hình, điển hình nào được công nhận", docx.MainDocumentPart!.Document.Body!.InnerText, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Review_AsksPointsPerCriterion_AndSaysWhichOneIsMissing()
    {
        var officer = await app.As("canbo");
        int id;
        using (var created = await DanVanAppFactory.PostFormAsync(officer, "/Models/Create", await FormAsync("Tổ tư vấn pháp luật khu phố")))
        {
            Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
            id = int.Parse(created.Headers.Location!.ToString().Split('/').Last(), System.Globalization.CultureInfo.InvariantCulture);
        }

        var reviewer = await app.As("thamdinh");
        (await StepAsync(reviewer, id, new() { ["Input.Action"] = "Approve" })).Dispose();
        (await StepAsync(officer, id, new() { ["Input.Action"] = "Launch", ["Input.Note"] = "Ra mắt tại nhà văn hóa" })).Dispose();
        var form = WebUtility.HtmlDecode(await reviewer.GetStringAsync($"/Models/Details/{id}"));
        Assert.Contains("Huy động được nhiều lực lượng cùng tham gia (0–20 điểm)", form, StringComparison.Ordinal);
        var review = new Dictionary<string, string>
        {
            ["Input.Action"] = "Review", ["Input.Note"] = "Đạt tiêu chí", ["Input.Points[TT1]"] = "15", ["Input.Points[TT2]"] = "16", ["Input.Points[TT4]"] = "14",
            ["Input.Points[TT5]"] = "12",
        };
        using (var missing = await StepAsync(reviewer, id, review))
        {
            Assert.Equal(HttpStatusCode.OK, missing.StatusCode);
            var html = WebUtility.HtmlDecode(await missing.Content.ReadAsStringAsync());
            Assert.Contains("Điểm tiêu chí «Huy động được nhiều lực lượng cùng tham gia» phải từ 0 đến 20.", html, StringComparison.Ordinal);
            Assert.Contains("value=\"16\"", html, StringComparison.Ordinal); // what was typed stays
        }

        review["Input.Points[TT3]"] = "13";
        using (var saved = await StepAsync(reviewer, id, review))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        var details = WebUtility.HtmlDecode(await officer.GetStringAsync($"/Models/Details/{id}"));
        Assert.Contains("<span>: 70 điểm</span>", details, StringComparison.Ordinal);
        Assert.Contains("Huy động được nhiều lực lượng cùng tham gia: 13/20 điểm", details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Register_WithAMissingCriterion_SaysSo_ThenTheBodyApproves_AndTheFormReopensAsDocx()
    {
        var officer = await app.As("canbo");
        var form = await FormAsync("Một cửa thân thiện");
        form["Input.Objectives"] = "";
        using (var refused = await DanVanAppFactory.PostFormAsync(officer, "/Models/Create", form))
        {
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            Assert.Contains("Vui lòng ghi mục tiêu và tiêu chí đo được.", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        }

        form["Input.Objectives"] = "100% hồ sơ trả đúng hẹn; 90% người dân hài lòng";
        int id;
        using (var created = await DanVanAppFactory.PostFormAsync(officer, "/Models/Create", form))
        {
            Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
            id = int.Parse(created.Headers.Location!.ToString().Split('/').Last(), System.Globalization.CultureInfo.InvariantCulture);
        }

        var reviewer = await app.As("thamdinh");
        using (var approved = await StepAsync(reviewer, id, new() { ["Input.Action"] = "Approve" }))
        {
            Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        }

        var details = WebUtility.HtmlDecode(await officer.GetStringAsync($"/Models/Details/{id}"));
        Assert.Contains("Đã duyệt, vào danh mục", details, StringComparison.Ordinal);
        using (var early = await StepAsync(reviewer, id, new() { ["Input.Action"] = "Recognise", ["Input.LevelCode"] = "tinh" }))
        {
            Assert.Equal(HttpStatusCode.OK, early.StatusCode); // not a 500: the rules say why
            Assert.Contains("Mô hình chưa được sơ kết, đánh giá: chưa thể công nhận.", WebUtility.HtmlDecode(await early.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        }

        var bytes = await officer.GetByteArrayAsync($"/Models/Details/{id}?handler=Docx");
        DanVan.Testing.Nd30Layout.AssertValid(bytes);
        using var docx = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(new MemoryStream(bytes), false);
        var text = docx.MainDocumentPart!.Document.Body!.InnerText;
        Assert.Contains("PHIẾU ĐĂNG KÝ", text, StringComparison.Ordinal);
        Assert.Contains("1. Tên mô hình: Một cửa thân thiện", text, StringComparison.Ordinal);
        Assert.Contains("90% người dân hài lòng", text, StringComparison.Ordinal);
        Assert.Contains("Kính gửi: Ban Tuyên giáo và Dân vận Tỉnh ủy Tây Ninh", text, StringComparison.Ordinal);
        Assert.Contains("Sơ kết", text, StringComparison.Ordinal);

        // Removal from the catalogue asks for a reason (the page asks for confirmation too).
        var coordinator = await app.As("dieuphoi");
        Assert.Contains("model-remove-form", await coordinator.GetStringAsync($"/Models/Details/{id}"), StringComparison.Ordinal);
        using (var noReason = await StepAsync(coordinator, id, new() { ["Input.Action"] = "Remove" }))
        {
            Assert.Contains("Vui lòng ghi lý do loại khỏi danh mục", WebUtility.HtmlDecode(await noReason.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        }

        using (var removed = await StepAsync(coordinator, id, new() { ["Input.Action"] = "Remove", ["Input.Note"] = "Trùng với mô hình đã có của phường." }))
        {
            Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        }

        Assert.Contains("Đã loại khỏi danh mục", WebUtility.HtmlDecode(await officer.GetStringAsync($"/Models/Details/{id}")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheReturnedDemoModel_IsCorrected_AndSentAgain()
    {
        var officer = await app.As("canbo");
        var list = WebUtility.HtmlDecode(await officer.GetStringAsync("/Models?q=camera"));
        var id = int.Parse(Regex.Match(list, "/Models/Details/(\\d+)").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        var edit = WebUtility.HtmlDecode(await officer.GetStringAsync($"/Models/Edit/{id}"));
        Assert.Contains("Mục tiêu chưa có tiêu chí đo được", edit, StringComparison.Ordinal);
        var form = await FormAsync("Camera an ninh – “mắt thần” khu phố");
        form["Input.Objectives"] = "Giảm 50% số vụ trộm cắp; 60 camera kết nối Công an phường";
        form["Stamp"] = Regex.Match(edit, "name=\"Stamp\" value=\"([0-9a-f-]+)\"").Groups[1].Value;
        using var sent = await DanVanAppFactory.PostFormAsync(officer, $"/Models/Edit/{id}", form);
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        Assert.Contains("Đã đăng ký, chờ duyệt", WebUtility.HtmlDecode(await officer.GetStringAsync($"/Models/Details/{id}")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ThePublicPage_ShowsRecognisedModelsOnly_AndTheCoordinatorSeesUnitsWithout()
    {
        using var anonymous = app.Factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var response = await anonymous.GetAsync("/Public/Models");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("public", response.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("Khu phố sáng – xanh – sạch – đẹp", page, StringComparison.Ordinal);
        Assert.Contains("đã nhân rộng tại 1 đơn vị", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Tổ hợp tác bánh tráng", page, StringComparison.Ordinal);

        var coordinator = await app.As("dieuphoi");
        var compliance = WebUtility.HtmlDecode(await coordinator.GetStringAsync("/Models/Compliance?none=true"));
        Assert.Contains("đơn vị chưa đăng ký đủ 1 mô hình trong năm", compliance, StringComparison.Ordinal);
        Assert.DoesNotContain(">Phường Tân Ninh<", compliance, StringComparison.Ordinal);
        using var officerTries = await (await app.As("canbo")).GetAsync("/Models/Compliance");
        Assert.Equal(HttpStatusCode.Forbidden, officerTries.StatusCode);
        using var viewerTries = await (await app.As("xem")).GetAsync("/Models/Create");
        Assert.Equal(HttpStatusCode.Forbidden, viewerTries.StatusCode);
    }
}
