using System.Net;
using System.Text.RegularExpressions;
using DanVan.Domain.Text;
using DanVan.Infrastructure;
using DanVan.Testing;
using DanVan.Tests.Support;

namespace DanVan.Tests.Features.Democracy;

/// <summary>The disclosure pages over HTTP on the seeded demo province: register, recording with a file, compliance, public page, 403s.</summary>
public sealed partial class DisclosurePagesTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static readonly DateOnly Today = VietnamClock.Today(TimeProvider.System);

    [GeneratedRegex("/Democracy/Disclosures/Edit/([0-9]+)\\?handler=File")]
    private static partial Regex FileLinkRegex();

    [Fact]
    public async Task TheWard_RecordsADisclosureWithItsFile_AfterAClearRefusal_AndThePublicSeesIt()
    {
        var officer = await app.As("canbo");
        var register = WebUtility.HtmlDecode(await officer.GetStringAsync($"/Democracy/Disclosures?year={Today.Year - 1}"));
        Assert.Contains("Sổ theo dõi công khai năm " + (Today.Year - 1), register, StringComparison.Ordinal);
        Assert.Contains("11 / 14 nội dung đã công khai; 3 nội dung quá hạn chưa công khai.", register, StringComparison.Ordinal);
        Assert.Contains("Quá hạn chưa công khai", register, StringComparison.Ordinal);

        var title = "Danh sách hộ được vay vốn giảm nghèo " + Guid.NewGuid().ToString("N")[..6];
        var fields = new Dictionary<string, string>
        {
            ["Input.Year"] = Today.Year.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Input.ItemCode"] = "XA-06", ["Input.Title"] = title,
            ["Input.DisclosedOn"] = VietnameseText.FormatDate(Today), ["Input.EndsOn"] = VietnameseText.FormatDate(Today.AddDays(-1)), ["Input.Forms"] = "Posting",
            ["Input.IsPublic"] = "true",
        };
        using (var refused = await AppFixture.PostFilesAsync(officer, "/Democracy/Disclosures/Create", fields, ("Upload", "danh-sach.pdf", "không phải PDF"u8.ToArray())))
        {
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            var html = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
            Assert.Contains("Ngày kết thúc công khai không thể trước ngày bắt đầu công khai.", html, StringComparison.Ordinal);
            Assert.Contains("Tệp đính kèm phải là PDF, Word (.docx), Excel (.xlsx) hoặc ảnh JPEG, PNG.", html, StringComparison.Ordinal);
            Assert.Contains(title, html, StringComparison.Ordinal); // what was typed stays
        }

        fields["Input.EndsOn"] = VietnameseText.FormatDate(Today.AddDays(29));
        using (var saved = await AppFixture.PostFilesAsync(officer, "/Democracy/Disclosures/Create", fields, ("Upload", "danh-sach.pdf", TestFiles.Pdf())))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        var page = WebUtility.HtmlDecode(await officer.GetStringAsync($"/Democracy/Disclosures?year={Today.Year}&q=" + Uri.EscapeDataString(VietnameseText.Fold(title))));
        Assert.Contains(title, page, StringComparison.Ordinal);
        var id = FileLinkRegex().Match(page).Groups[1].Value;
        Assert.Equal(TestFiles.Pdf(), await officer.GetByteArrayAsync($"/Democracy/Disclosures/Edit/{id}?handler=File"));

        // The public page lists the ward and serves the file; nobody's name is on it.
        using var anonymous = app.Factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var ward = await app.UnitIdAsync("25459");
        var publicPage = WebUtility.HtmlDecode(await anonymous.GetStringAsync($"/Public/Disclosures?unit={ward}"));
        Assert.Contains(title, publicPage, StringComparison.Ordinal);
        Assert.DoesNotContain("canbo", publicPage, StringComparison.Ordinal);
        Assert.Equal(TestFiles.Pdf(), await anonymous.GetByteArrayAsync($"/Public/Disclosures?handler=File&id={id}"));
        Assert.Contains("Phường Tân Ninh", WebUtility.HtmlDecode(await anonymous.GetStringAsync("/Public/Disclosures?q=tan+ninh")), StringComparison.Ordinal);

        // The records export reopens with the new row.
        var xlsx = await officer.GetByteArrayAsync($"/Democracy/Disclosures?handler=Export&year={Today.Year}");
        using (var book = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(new MemoryStream(xlsx), false))
        {
            var text = string.Join("|", book.WorkbookPart!.SharedStringTablePart?.SharedStringTable.Elements<DocumentFormat.OpenXml.Spreadsheet.SharedStringItem>().Select(i => i.InnerText) ?? [])
                + string.Join("|", book.WorkbookPart.WorksheetParts.SelectMany(w => w.Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Cell>()).Select(c => c.InnerText));
            Assert.Contains(title, text, StringComparison.Ordinal);
            Assert.Contains("Nội dung phải công khai", text, StringComparison.Ordinal);
        }

        // A deletion is confirmed by the page (data-confirm) and then removes the record.
        var edit = await officer.GetStringAsync($"/Democracy/Disclosures/Edit/{id}");
        Assert.Contains("data-confirm=", edit, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheCoordinator_SeesEveryUnitsCompliance_OthersAreRefused_AndNothingFails()
    {
        var coordinator = await app.As("dieuphoi");
        var page = WebUtility.HtmlDecode(await coordinator.GetStringAsync($"/Democracy/Disclosures/Compliance?year={Today.Year - 1}&q=tan+ninh"));
        Assert.Contains("Phường Tân Ninh", page, StringComparison.Ordinal);
        Assert.Contains("11 / 14", page, StringComparison.Ordinal);
        var overdueOnly = WebUtility.HtmlDecode(await coordinator.GetStringAsync($"/Democracy/Disclosures/Compliance?year={Today.Year - 1}&overdue=true"));
        Assert.Contains("đơn vị có nội dung quá hạn chưa công khai", overdueOnly, StringComparison.Ordinal);
        var xlsx = await coordinator.GetByteArrayAsync($"/Democracy/Disclosures/Compliance?handler=Export&year={Today.Year - 1}");
        using (DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(new MemoryStream(xlsx), false))
        {
        }

        var officer = await app.As("canbo");
        using var refused = await officer.GetAsync("/Democracy/Disclosures/Compliance");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        var reader = await app.As("xem");
        using var noCreate = await reader.GetAsync("/Democracy/Disclosures/Create");
        Assert.Equal(HttpStatusCode.Forbidden, noCreate.StatusCode);
        foreach (var url in new[] { "/Democracy/Disclosures?year=99999", "/Democracy/Disclosures?year=abc", "/Democracy/Disclosures/Compliance?year=-5", "/Public/Disclosures?unit=987654321",
            "/Democracy/Disclosures/Edit/987654321", "/api/disclosures/register?year=1", "/api/disclosures?pageSize=100000" })
        {
            using var response = await coordinator.GetAsync(url);
            Assert.True((int)response.StatusCode < 500, url + " → " + response.StatusCode);
        }
    }
}
