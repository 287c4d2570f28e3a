using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DanVan.Testing;
using DanVan.Tests.Support;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace DanVan.Tests.Features.Plans;

[Collection("App")]
public class PlansHttpTests(AppFixture app)
{
    [Fact]
    public async Task APlan_GetsItsContentTargetsAndTasks_AndExportsAsASignableWordDocument()
    {
        var coordinator = await app.As("dieuphoi");
        var n = UniqueNumber.Text();
        var year = DanVan.Infrastructure.VietnamClock.Today(TimeProvider.System).Year;
        using var registered = await coordinator.PostAsJsonAsync("/api/documents", new
        {
            ownerUnitId = await app.UnitIdAsync("80"), code = $"{n}/KH-UBND", issuerName = "Ủy ban nhân dân tỉnh Tây Ninh", place = "Tây Ninh",
            issuedOn = $"{year}-01-05", title = $"Thực hiện công tác dân vận chính quyền năm {year}",
            signerAuthority = "KT.", signerPosition = "Phó Chủ tịch", signerName = "Nguyễn Văn Mạnh",
            recipients = new[] { "Sở Nội vụ;", "UBND các xã, phường;", "Lưu: VT." },
        });
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        var documentId = (await registered.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        Assert.Contains("Nhập nội dung kế hoạch", await coordinator.GetStringAsync($"/Documents/Details/{documentId}"), StringComparison.Ordinal);

        using var bad = await DanVanAppFactory.PostFormAsync(coordinator, $"/Plans/Create?documentId={documentId}", new Dictionary<string, string>
        {
            ["DocumentId"] = documentId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Purposes"] = "",
            ["Targets"] = "Nâng cao chất lượng tiếp công dân",
        });
        var badHtml = await bad.Content.ReadAsStringAsync();
        Assert.Contains("Vui lòng nhập mục đích, yêu cầu.", badHtml, StringComparison.Ordinal);
        Assert.Contains("Chỉ tiêu dòng 1 chưa có con số", badHtml, StringComparison.Ordinal);

        using var saved = await DanVanAppFactory.PostFormAsync(coordinator, $"/Plans/Create?documentId={documentId}", new Dictionary<string, string>
        {
            ["DocumentId"] = documentId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Purposes"] = "Nâng cao nhận thức, trách nhiệm của cán bộ, công chức về công tác dân vận chính quyền.",
            ["Body"] = "II. NỘI DUNG\n1. Đẩy mạnh tuyên truyền, phổ biến pháp luật.",
            ["Targets"] = "- 100% cơ quan, đơn vị xây dựng kế hoạch\n- Mức độ hài lòng của người dân đạt trên 90% | theo kết quả khảo sát SIPAS",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var planUrl = saved.Headers.Location!.ToString();
        var planHtml = await coordinator.GetStringAsync(planUrl);
        Assert.Contains("Mức độ hài lòng của người dân đạt trên 90%", planHtml, StringComparison.Ordinal);
        Assert.Contains("<code>&gt;</code>", planHtml, StringComparison.Ordinal);
        Assert.Contains("theo kết quả khảo sát SIPAS", planHtml, StringComparison.Ordinal);

        var taskForm = await coordinator.GetStringAsync($"/Tasks/Create?source={Uri.EscapeDataString($"{n}/KH-UBND")}");
        Assert.Contains($"value=\"{n}/KH-UBND\"", taskForm, StringComparison.Ordinal);
        using var task = await DanVanAppFactory.PostFormAsync(coordinator, "/Tasks/Create", new Dictionary<string, string>
        {
            ["Input.Title"] = "Tổ chức hội nghị đối thoại với Nhân dân",
            ["Input.LeadUnitId"] = (await app.UnitIdAsync("25666")).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Kind"] = "Yearly", ["Input.Day"] = "15", ["Input.Month"] = "11",
            ["Input.PeriodEnd"] = $"31/12/{year + 1}",
            ["Input.SourceCode"] = $"{n}/KH-UBND",
        });
        Assert.Equal(HttpStatusCode.Redirect, task.StatusCode);
        Assert.Contains("Tổ chức hội nghị đối thoại với Nhân dân", await coordinator.GetStringAsync(planUrl), StringComparison.Ordinal);

        using var docx = await coordinator.GetAsync(planUrl + "?handler=Docx");
        Assert.Equal(HttpStatusCode.OK, docx.StatusCode);
        var file = await docx.Content.ReadAsByteArrayAsync();
        Nd30Layout.AssertValid(file);
        Assert.StartsWith($"{n}-KH-UBND-ke-hoach-thuc-hien-cong-tac-dan-van", docx.Content.Headers.ContentDisposition!.FileNameStar ?? docx.Content.Headers.ContentDisposition.FileName, StringComparison.Ordinal);
        using var word = WordprocessingDocument.Open(new MemoryStream(file), false);
        var body = word.MainDocumentPart!.Document.Body!;
        var paragraphs = body.Descendants<Paragraph>().Select(p => p.InnerText).ToList();
        Assert.Contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", paragraphs);
        Assert.Contains("Độc lập - Tự do - Hạnh phúc", paragraphs);
        Assert.Contains($"Số: {n}/KH-UBND", paragraphs);
        Assert.Contains($"Tây Ninh, ngày 05 tháng 01 năm {year}", paragraphs);
        Assert.Contains("KẾ HOẠCH", paragraphs);
        Assert.Contains("- Mức độ hài lòng của người dân đạt trên 90% (theo kết quả khảo sát SIPAS).", paragraphs);
        Assert.Contains(paragraphs, p => p.StartsWith("- Tổ chức hội nghị đối thoại với Nhân dân (Trước ngày 15/11 hằng năm)", StringComparison.Ordinal));
        var kt = paragraphs.IndexOf("KT. CHỦ TỊCH"); // Nghị định 30: the authority over the deputy's own title
        Assert.True(kt >= 0 && paragraphs[kt + 1] == "PHÓ CHỦ TỊCH", string.Join(" | ", paragraphs));
        Assert.DoesNotContain("KT. PHÓ CHỦ TỊCH", paragraphs);
        Assert.Contains("ỦY BAN NHÂN DÂN TỈNH TÂY NINH", paragraphs);
        Assert.Single(paragraphs, p => p.Contains("TỔ CHỨC THỰC HIỆN", StringComparison.Ordinal));
        Assert.Contains("Nơi nhận:", paragraphs);
        Assert.Contains("- Lưu: VT.", paragraphs);
        var margin = body.GetFirstChild<SectionProperties>()!.GetFirstChild<PageMargin>()!;
        Assert.Equal(1701, (int)margin.Left!.Value);
        Assert.All(body.Descendants<RunFonts>(), f => Assert.Equal("Times New Roman", f.Ascii!.Value));
    }

    [Fact]
    public async Task AnotherDocumentType_CannotHoldPlanContent_AndAnOutsiderCannotWriteIt()
    {
        var coordinator = await app.As("dieuphoi");
        using var letter = await coordinator.PostAsJsonAsync("/api/documents", new
        {
            code = $"{UniqueNumber.Next()}/SNV-XDCQ", issuerName = "Sở Nội vụ tỉnh Tây Ninh", issuedOn = "2026-01-06", title = "V/v báo cáo",
        });
        var id = (await letter.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        using var refused = await DanVanAppFactory.PostFormAsync(coordinator, $"/Plans/Create?documentId={id}", new Dictionary<string, string>
        {
            ["DocumentId"] = id.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Purposes"] = "x",
        });
        Assert.Contains("không phải kế hoạch", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var head = await app.As("lanhdao");
        using var forbidden = await DanVanAppFactory.PostFormAsync(head, $"/Plans/Create?documentId={id}", new Dictionary<string, string>
        {
            ["DocumentId"] = id.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Purposes"] = "x",
        }, "/");
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
    }

    [Fact]
    public async Task PlansApi_CreatesAndReadsContent_UnderTheDocumentRules()
    {
        var coordinator = await app.As("dieuphoi");
        using var registered = await coordinator.PostAsJsonAsync("/api/documents", new
        {
            code = $"{UniqueNumber.Next()}/KH-SNV", issuerName = "Sở Nội vụ tỉnh Tây Ninh", issuedOn = "2026-03-03", title = "Kế hoạch kiểm tra công tác dân vận",
        });
        var documentId = (await registered.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        using var invalid = await coordinator.PostAsJsonAsync("/api/plans", new { documentId, purposes = "", targets = new[] { "không có số" } });
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Contains("Chỉ tiêu dòng 1 chưa có con số", await invalid.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var created = await coordinator.PostAsJsonAsync("/api/plans", new { documentId, purposes = "Kiểm tra việc thực hiện.", targets = new[] { "ít nhất 80% đơn vị được kiểm tra" } });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var plan = await coordinator.GetFromJsonAsync<JsonElement>(created.Headers.Location!.ToString());
        Assert.Equal(">=", plan.GetProperty("targets")[0].GetProperty("comparison").GetString());
        Assert.Equal(80, plan.GetProperty("targets")[0].GetProperty("value").GetInt32());

        using var outsider = await (await app.As("canbo")).GetAsync(created.Headers.Location!.ToString());
        Assert.Equal(HttpStatusCode.Forbidden, outsider.StatusCode); // owned by Sở Nội vụ, not above the ward
    }
}
