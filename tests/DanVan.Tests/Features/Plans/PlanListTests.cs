using System.Net;
using DanVan.Infrastructure;
using DanVan.Tests.Support;
using DocumentFormat.OpenXml.Packaging;

namespace DanVan.Tests.Features.Plans;

/// <summary>/Plans: every plan one may read, searched, filtered, exported; the plans to adopt on top (issue 12: it was a 404).</summary>
public class PlanListTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task ThePlansList_ShowsReadablePlans_ThePlansToAdopt_AndExports()
    {
        var coordinator = await app.As("dieuphoi");
        var page = WebUtility.HtmlDecode(await coordinator.GetStringAsync("/Plans"));
        Assert.Contains("80/KH-UBND", page, StringComparison.Ordinal); // the demo province's plan
        // The plans obliging adoption: the demo's year has units that adopted it (their own plans fill the first page of /Plans).
        var obliging = WebUtility.HtmlDecode(await coordinator.GetStringAsync("/Plans?q=dan+van+chinh+quyen&show=obliging"));
        Assert.Contains("80/KH-UBND", obliging, StringComparison.Ordinal);
        Assert.Matches("[1-9][0-9]* đơn vị đã xây dựng", obliging);
        Assert.Contains("plans-empty", await coordinator.GetStringAsync("/Plans?q=khong+co+ke+hoach+nao+nhu+the"), StringComparison.Ordinal);

        // The ward officer: the province's plan obliges the ward, so it is on top with the way to adopt it.
        var officer = WebUtility.HtmlDecode(await (await app.As("canbo")).GetStringAsync("/Plans"));
        Assert.Contains("data-testid=\"to-adopt\"", officer, StringComparison.Ordinal);
        Assert.Contains("Xây dựng kế hoạch", officer, StringComparison.Ordinal);

        using var export = await coordinator.GetAsync("/Plans?handler=Export&show=obliging");
        Assert.Equal(XlsxExport.ContentType, export.Content.Headers.ContentType!.MediaType);
        using var book = SpreadsheetDocument.Open(new MemoryStream(await export.Content.ReadAsByteArrayAsync()), false);
        var cells = string.Join("|", book.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Text>().Select(t => t.Text));
        Assert.Contains("80/KH-UBND", cells, StringComparison.Ordinal);
        Assert.Contains("Có", cells, StringComparison.Ordinal);

        using var bad = await coordinator.GetAsync("/Plans?page=-3&show=x");
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
    }
}
