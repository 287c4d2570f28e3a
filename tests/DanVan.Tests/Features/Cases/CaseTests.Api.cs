using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DanVan.Data;
using DanVan.Domain.Text;
using DanVan.Infrastructure;
using DanVan.Tests.Support;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DanVan.Tests.Features.Cases;

/// <summary>The register over the JSON API, the step notices (phiếu chuyển đơn, quyết định gia hạn…) and the register's Excel export.</summary>
public sealed partial class CaseTests
{
    private static string DocxText(byte[] bytes)
    {
        DanVan.Testing.Nd30Layout.AssertValid(bytes);
        using var word = WordprocessingDocument.Open(new MemoryStream(bytes), false);
        return string.Concat(word.MainDocumentPart!.Document.Body!.Descendants<DocumentFormat.OpenXml.Wordprocessing.Text>().Select(t => t.Text));
    }

    [Fact]
    public async Task TheApi_RegistersAndStepsCases_AsThePagesDo_AndCarriesNoPersonalData()
    {
        var officer = await app.As("canbo");
        var today = VietnamClock.Today(TimeProvider.System);
        using var bad = await officer.PostAsJsonAsync("/api/cases", new { source = "Post" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var why = await bad.Content.ReadAsStringAsync();
        Assert.Contains("Vui lòng nhập ngày nhận đơn.", why, StringComparison.Ordinal);
        Assert.Contains("Vui lòng nhập nội dung tóm tắt.", why, StringComparison.Ordinal);

        using var created = await officer.PostAsJsonAsync("/api/cases", new
        {
            receivedOn = VietnameseText.FormatDate(today), source = "HotlineOrEmail", kind = "Petition", summary = "Kiến nghị nạo vét kênh tiêu nước do tỉnh quản lý",
            field = "moi-truong", senderName = "Đỗ Thị Kiếnnghị", senderPhone = "0911222333", respondent = "Kênh tiêu N5", withinCompetence = false,
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await created.Content.ReadFromJsonAsync<JsonElement>();
        var c = body.GetProperty("case");
        var id = c.GetProperty("id").GetInt32();
        Assert.Equal(8, body.GetProperty("accessKey").GetString()!.Length);
        Assert.Contains("(Thông tư 05/2021/TT-TTCP)", c.GetProperty("dueExplanation").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("Kiếnnghị", body.GetRawText(), StringComparison.Ordinal);

        var stamp = c.GetProperty("concurrencyStamp").GetGuid();
        using (var noBody = await officer.PostAsJsonAsync($"/api/cases/{id}/steps", new { action = "Transfer", on = today, concurrencyStamp = stamp }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, noBody.StatusCode);
            Assert.Contains("Vui lòng ghi cơ quan, đơn vị nhận đơn chuyển.", await noBody.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using var moved = await officer.PostAsJsonAsync($"/api/cases/{id}/steps", new { action = "Transfer", on = today, toBody = "Sở Nông nghiệp và Môi trường tỉnh Tây Ninh", concurrencyStamp = stamp });
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        var after = await moved.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Transferred", after.GetProperty("state").GetString());
        Assert.Equal(2, after.GetProperty("steps").GetArrayLength());
        using (var stale = await officer.PostAsJsonAsync($"/api/cases/{id}/steps", new { action = "Archive", on = today, reason = "x", concurrencyStamp = stamp }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, stale.StatusCode);
        }

        // The phiếu chuyển đơn of that step, reopened.
        long stepId;
        using (var scope = app.Factory.Services.CreateScope())
        {
            stepId = await scope.ServiceProvider.GetRequiredService<AppDbContext>().CaseSteps.Where(s => s.CaseId == id && s.Action == DanVan.Domain.Cases.CaseAction.Transfer).Select(s => s.Id).SingleAsync();
        }

        var page = await officer.GetStringAsync($"/Cases/Details/{id}");
        Assert.Contains($"handler=Notice&amp;step={stepId}", page, StringComparison.Ordinal);
        using (var slip = await officer.GetAsync($"/Cases/Details/{id}?handler=Notice&step={stepId}"))
        {
            Assert.Equal(HttpStatusCode.OK, slip.StatusCode);
            Assert.StartsWith("phieu-chuyen-don-", slip.Content.Headers.ContentDisposition!.FileNameStar ?? slip.Content.Headers.ContentDisposition.FileName, StringComparison.Ordinal);
            var text = DocxText(await slip.Content.ReadAsByteArrayAsync());
            Assert.Contains("PHIẾU CHUYỂN ĐƠN", text, StringComparison.Ordinal);
            Assert.Contains("Kính gửi: Sở Nông nghiệp và Môi trường tỉnh Tây Ninh", text, StringComparison.Ordinal);
            Assert.Contains("Thông tư số 05/2021/TT-TTCP", text, StringComparison.Ordinal);
            Assert.Contains("Ông/Bà Đỗ Thị Kiếnnghị", text, StringComparison.Ordinal);
        }

        using (var notAStep = await officer.GetAsync($"/Cases/Details/{id}?handler=Notice&step=999999999"))
        {
            Assert.Equal(HttpStatusCode.NotFound, notAStep.StatusCode);
        }

        // Others: the coordinator sees the case without the sender; a reader of another unit gets nothing.
        var coordinator = await app.As("dieuphoi");
        var followed = await coordinator.GetStringAsync($"/api/cases/{id}");
        var found = await coordinator.GetFromJsonAsync<JsonElement>("/api/cases?q=kenh+tieu+N5");
        Assert.Contains(found.GetProperty("items").EnumerateArray(), i => i.GetProperty("id").GetInt32() == id && i.GetProperty("state").GetString() == "Transferred");
        Assert.DoesNotContain("Kiếnnghị", followed, StringComparison.Ordinal);
        Assert.DoesNotContain("0911222333", followed, StringComparison.Ordinal);
        using (var slipForCoordinator = await coordinator.GetAsync($"/Cases/Details/{id}?handler=Notice&step={stepId}"))
        {
            Assert.Equal(HttpStatusCode.Forbidden, slipForCoordinator.StatusCode);
        }

        using (var foreign = await (await app.As("xem")).GetAsync($"/api/cases/{id}"))
        {
            Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        }

        using (var coordinatorWrite = await coordinator.PostAsJsonAsync("/api/cases", new { receivedOn = VietnameseText.FormatDate(today), source = "Post", kind = "Petition", summary = "x", field = "moi-truong", senderName = "A" }))
        {
            Assert.Equal(HttpStatusCode.Forbidden, coordinatorWrite.StatusCode);
        }
    }

    [Fact]
    public async Task TheRegister_ExportsToExcel_WithSendersOnlyForTheUnit_AndNeverADenouncer()
    {
        var officer = await app.As("canbo");
        await RegisterAsync(officer, Intake("Complaint", "Khiếu nại để xuất sổ Excel", sender: "Ngô Văn Xuấtsổ"));
        var denunciation = await RegisterAsync(officer, Intake("Denunciation", "Tố cáo để xuất sổ Excel", sender: "Lê Thị Bímật", respondent: "Cán bộ X"));

        static string Cells(byte[] bytes)
        {
            using var book = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
            return string.Join("|", book.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Text>().Select(t => t.Text));
        }

        using var own = await officer.GetAsync("/Cases?handler=Export&q=xuat+so+excel");
        Assert.Equal(XlsxExport.ContentType, own.Content.Headers.ContentType!.MediaType);
        var cells = Cells(await own.Content.ReadAsByteArrayAsync());
        Assert.Contains("Ngô Văn Xuấtsổ", cells, StringComparison.Ordinal);
        Assert.Contains("Tố cáo để xuất sổ Excel", cells, StringComparison.Ordinal);
        Assert.Contains("(giữ bí mật)", cells, StringComparison.Ordinal);
        Assert.DoesNotContain("Bímật", cells, StringComparison.Ordinal);
        Assert.Contains("Điều", cells, StringComparison.Ordinal); // the deadline's basis

        using var followed = await (await app.As("dieuphoi")).GetAsync("/Cases?handler=Export&q=xuat+so+excel");
        var theirs = Cells(await followed.Content.ReadAsByteArrayAsync());
        Assert.Contains("Khiếu nại để xuất sổ Excel", theirs, StringComparison.Ordinal);
        Assert.DoesNotContain("Xuấtsổ", theirs, StringComparison.Ordinal);

        using var scope = app.Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == "read" && a.UserName == "canbo" && a.Changes!.Contains("Excel")));
        Assert.Equal(0, await db.Cases.CountAsync(c => c.Id == denunciation && c.SenderName != null));
    }
}
