using System.Globalization;
using System.Net;
using DanVan.Data;
using DanVan.Features.Import;
using DanVan.Infrastructure;
using DanVan.Tests.Support;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using DanVan.Testing;

namespace DanVan.Tests.Features.Import;

/// <summary>An imported Word or PDF file is kept as the created document's original, unless the reviewer leaves it out.</summary>
[Collection("App")]
public class ImportOriginalFileTests(AppFixture app)
{
    private static byte[] LetterDocx(string number)
    {
        string[] lines =
        [
            "UBND TỈNH TÂY NINH", "SỞ NỘI VỤ", "Số: " + number + "/SNV-XDCQ", "Tây Ninh, ngày 05 tháng 3 năm 2026",
            "V/v báo cáo kết quả công tác dân vận chính quyền quý I năm 2026", "Kính gửi: Các sở, ban, ngành tỉnh.",
            "Đề nghị các cơ quan báo cáo kết quả gửi về Sở Nội vụ trước ngày 20/3/2026.", "Nơi nhận:", "- Như trên;", "- Lưu: VT.",
            "GIÁM ĐỐC", "Nguyễn Văn An",
        ];
        using var stream = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(stream, DocumentFormat.OpenXml.WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            main.Document = new Document(new Body(lines.Select(l => new Paragraph(new Run(new Text(l))))));
            main.Document.Save();
        }

        return stream.ToArray();
    }

    private async Task<(ImportForm Form, byte[] File)> ReviewAsync(HttpClient client, string number)
    {
        var file = LetterDocx(number);
        using var multipart = new MultipartFormDataContent
        {
            { new StringContent(await AppFixture.TokenAsync(client)), "__RequestVerificationToken" },
            { new ByteArrayContent(file), "upload", "cong-van.docx" },
        };
        using var response = await client.PostAsync("/Import?handler=Parse", multipart);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Lưu tệp gốc (cong-van.docx) kèm văn bản", html, StringComparison.Ordinal);
        var posted = System.Text.RegularExpressions.Regex.Match(html, "name=\"Form.OriginalContent\" value=\"([^\"]+)\"").Groups[1].Value;
        Assert.Equal(Convert.ToBase64String(file), System.Net.WebUtility.HtmlDecode(posted));

        var parsed = DanVan.Domain.Import.DocumentParser.Parse(string.Join('\n', System.Net.WebUtility.HtmlDecode(
            System.Text.RegularExpressions.Regex.Match(html, "name=\"Form.SourceText\" value=\"([^\"]*)\"").Groups[1].Value)));
        var form = DocumentImport.Propose(parsed, [], new DateOnly(2026, 3, 5), "cong-van.docx");
        form.OriginalContent = System.Net.WebUtility.HtmlDecode(posted);
        form.CreatePlan = false;
        return (form, file);
    }

    private async Task<(Result<ImportOutcome> Result, AppDbContext Db)> ConfirmAsync(ImportForm form)
    {
        var scope = app.Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var userId = await db.Users.Where(u => u.UserName == "dieuphoi").Select(u => u.Id).SingleAsync();
        var user = (await CurrentUser.LoadScopeAsync(db, userId, CancellationToken.None))!;
        var result = await scope.ServiceProvider.GetRequiredService<DocumentImport>().ConfirmAsync(user, form, new DateOnly(2026, 3, 5), [], CancellationToken.None);
        return (result, db);
    }

    [Fact]
    public async Task The_uploaded_docx_becomes_the_documents_original_file()
    {
        var client = await app.As("dieuphoi");
        var number = UniqueNumber.Text();
        var (form, file) = await ReviewAsync(client, number);

        var (result, db) = await ConfirmAsync(form);
        Assert.True(result.IsOk, string.Join(" ", result.Errors.SelectMany(e => e.Value)));
        var documentId = await db.Documents.Where(d => d.Code == number + "/SNV-XDCQ").Select(d => d.Id).SingleAsync();
        var stored = await db.DocumentFiles.SingleAsync(f => f.DocumentId == documentId);
        Assert.Equal("cong-van.docx", stored.FileName);
        Assert.Equal(file, stored.Content);
    }

    [Fact]
    public async Task The_reviewer_may_leave_the_original_out_and_a_damaged_one_saves_nothing()
    {
        var client = await app.As("dieuphoi");
        var number = UniqueNumber.Text();
        var (form, _) = await ReviewAsync(client, number);

        form.OriginalContent = "không phải base64";
        var (damaged, db) = await ConfirmAsync(form);
        Assert.Contains("Tệp gốc gửi kèm bị hỏng", string.Join(" ", damaged.Errors.SelectMany(e => e.Value)), StringComparison.Ordinal);
        Assert.False(await db.Documents.AnyAsync(d => d.Code == number + "/SNV-XDCQ"));

        form.AttachOriginal = false;
        var (left, db2) = await ConfirmAsync(form);
        Assert.True(left.IsOk, string.Join(" ", left.Errors.SelectMany(e => e.Value)));
        var documentId = await db2.Documents.Where(d => d.Code == number + "/SNV-XDCQ").Select(d => d.Id).SingleAsync();
        Assert.False(await db2.DocumentFiles.AnyAsync(f => f.DocumentId == documentId));
    }
}
