using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DanVan.Infrastructure;
using DanVan.Testing;
using DanVan.Tests.Support;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using static DanVan.Infrastructure.Nd30Docx;

namespace DanVan.Tests.Features.Pdf;

/// <summary>Issue 12, ADR-033: PDF copies of DOCX downloads made by real LibreOffice, read back by real pdftotext.</summary>
[Collection("App")]
public sealed class PdfCopyTests(AppFixture app)
{
    private static LibreOfficePdfConverter Converter(string? soffice = null) => new(
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Pdf:Soffice"] = soffice ?? Environment.GetEnvironmentVariable("DANVAN_SOFFICE") ?? "soffice" }).Build(),
        NullLogger<LibreOfficePdfConverter>.Instance);

    internal static string PdfText(byte[] pdf)
    {
        var path = Path.GetTempFileName();
        File.WriteAllBytes(path, pdf);
        try
        {
            using var process = Process.Start(new ProcessStartInfo("/usr/bin/pdftotext") { ArgumentList = { "-enc", "UTF-8", path, "-" }, RedirectStandardOutput = true })!;
            var text = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return text.Normalize(System.Text.NormalizationForm.FormC);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Pdf_OfAPlanDocument_KeepsTheTitleAndItsDiacritics()
    {
        using var stream = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(stream, DocumentFormat.OpenXml.WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            var body = new Body();
            body.Append(Header(null, "Ủy ban nhân dân tỉnh Tây Ninh", "15/KH-UBND", "Tây Ninh, ngày 05 tháng 01 năm 2026"));
            body.Append(P(JustificationValues.Center, R("KẾ HOẠCH", 14, bold: true)));
            body.Append(P(JustificationValues.Center, R("Thực hiện công tác dân vận chính quyền năm 2026", 14, bold: true)));
            body.Append(Signature(["Sở Nội vụ", "Lưu: VT"], "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH", "Nguyễn Văn Mạnh"));
            Finish(main, body);
        }

        var converter = Converter();
        Assert.True(converter.IsAvailable);
        var pdf = await converter.ConvertAsync(stream.ToArray(), CancellationToken.None);
        Assert.NotNull(pdf);
        Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString(pdf, 0, 4));
        var text = PdfText(pdf);
        Assert.Contains("KẾ HOẠCH", text, StringComparison.Ordinal);
        Assert.Contains("Thực hiện công tác dân vận chính quyền năm 2026", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pdf_WithoutLibreOffice_IsA503InVietnamese_NotA500()
    {
        var converter = Converter("/khong/co/soffice");
        Assert.False(converter.IsAvailable);
        Assert.Null(await converter.ConvertAsync([1, 2, 3], CancellationToken.None));

        var http = new DefaultHttpContext();
        http.Request.QueryString = new QueryString("?handler=Docx&format=pdf");
        var context = new ResultExecutingContext(new ActionContext(http, new RouteData(), new ActionDescriptor()), [],
            new FileContentResult([1, 2, 3], PdfCopyFilter.DocxType) { FileDownloadName = "ke-hoach.docx" }, new object());
        await new PdfCopyFilter(converter, NullLogger<PdfCopyFilter>.Instance).OnResultExecutionAsync(context,
            () => Task.FromResult(new ResultExecutedContext(context, [], context.Result, new object())));
        var result = Assert.IsType<ObjectResult>(context.Result);
        Assert.Equal(503, result.StatusCode);
        Assert.Equal("Không tạo được bản PDF: máy chủ chưa cài LibreOffice.", Assert.IsType<ProblemDetails>(result.Value).Title);
    }

    [Fact]
    public async Task Pdf_OfAPlan_IsItsDocxConverted_AndRefusedLikeTheDocx()
    {
        var coordinator = await app.As("dieuphoi");
        var n = UniqueNumber.Text();
        using var registered = await coordinator.PostAsJsonAsync("/api/documents", new
        {
            ownerUnitId = await app.UnitIdAsync("80"), code = $"{n}/KH-UBND", issuerName = "Ủy ban nhân dân tỉnh Tây Ninh", place = "Tây Ninh",
            issuedOn = "2026-01-05", title = "Thực hiện công tác dân vận chính quyền năm 2026",
            signerAuthority = "KT.", signerPosition = "Phó Chủ tịch", signerName = "Nguyễn Văn Mạnh",
            recipients = new[] { "Sở Nội vụ;", "Lưu: VT." },
        });
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        var documentId = (await registered.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        using var saved = await DanVanAppFactory.PostFormAsync(coordinator, $"/Plans/Create?documentId={documentId}", new Dictionary<string, string>
        {
            ["DocumentId"] = documentId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Purposes"] = "Nâng cao nhận thức của cán bộ, công chức.",
            ["Targets"] = "- 100% cơ quan, đơn vị xây dựng kế hoạch",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var planUrl = saved.Headers.Location!.ToString();
        Assert.Contains("format=pdf", await coordinator.GetStringAsync(planUrl), StringComparison.Ordinal);

        using var pdf = await coordinator.GetAsync(planUrl + "?handler=Docx&format=pdf");
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType!.MediaType);
        var name = pdf.Content.Headers.ContentDisposition!.FileNameStar ?? pdf.Content.Headers.ContentDisposition.FileName!;
        Assert.StartsWith($"{n}-KH-UBND-", name, StringComparison.Ordinal);
        Assert.EndsWith(".pdf", name, StringComparison.Ordinal);
        Assert.Contains($"{n}/KH-UBND", PdfText(await pdf.Content.ReadAsByteArrayAsync()), StringComparison.Ordinal);

        using var anonymous = app.Factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var refusedDocx = await anonymous.GetAsync(planUrl + "?handler=Docx");
        using var refusedPdf = await anonymous.GetAsync(planUrl + "?handler=Docx&format=pdf");
        Assert.NotEqual(HttpStatusCode.OK, refusedDocx.StatusCode);
        Assert.Equal(refusedDocx.StatusCode, refusedPdf.StatusCode);
    }
}
