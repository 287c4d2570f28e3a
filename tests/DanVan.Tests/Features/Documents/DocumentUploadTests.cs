using System.Globalization;
using System.Net;
using DanVan.Tests.Support;
using Microsoft.EntityFrameworkCore;
using DanVan.Testing;

namespace DanVan.Tests.Features.Documents;

/// <summary>A document's original file passes the shared upload check: hostile files are refused and nothing is registered.</summary>
[Collection("App")]
public class DocumentUploadTests(AppFixture app)
{
    private async Task<(HttpResponseMessage Response, string Code)> RegisterAsync(string fileName, byte[] content)
    {
        var n = UniqueNumber.Text();
        var response = await AppFixture.PostFilesAsync(await app.As("dieuphoi"), "/Documents/Create", new Dictionary<string, string>
        {
            ["Input.OwnerUnitId"] = (await app.UnitIdAsync("80")).ToString(CultureInfo.InvariantCulture),
            ["Input.Code"] = $"Số: {n}/KH-UBND",
            ["Input.IssuedOn"] = "15/07/2026",
            ["Input.Place"] = "Tây Ninh",
            ["Input.IssuerName"] = "Ủy ban nhân dân tỉnh Tây Ninh",
            ["Input.Title"] = "Thực hiện công tác dân vận chính quyền năm 2026",
        }, ("Upload", fileName, content));
        return (response, $"{n}/KH-UBND");
    }

    [Theory]
    [MemberData(nameof(HostileFiles.DocumentNames), MemberType = typeof(HostileFiles))]
    public async Task HostileOriginal_IsRefusedWithTheReason_AndNothingIsRegistered(string name)
    {
        var (response, code) = await RegisterAsync(name, HostileFiles.Named(name).Content);
        using (response)
        {
            await HostileFiles.AssertRefusedAsync(response, name);
        }

        await using var db = app.Database.CreateContext();
        Assert.False(await db.Documents.AnyAsync(d => d.Code == code));
    }

    [Fact]
    public async Task APicture_IsNotAnOriginal_EvenWhenSound()
    {
        var (response, code) = await RegisterAsync("ke-hoach.pdf", TestFiles.Png());
        using (response)
        {
            Assert.Contains("Chỉ nhận tệp Word (.docx) hoặc PDF.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        await using var db = app.Database.CreateContext();
        Assert.False(await db.Documents.AnyAsync(d => d.Code == code));
    }

    [Theory]
    [InlineData("ke-hoach.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document")]
    [InlineData("ke-hoach.pdf", "application/pdf")]
    public async Task SoundOriginal_IsKept(string name, string contentType)
    {
        var content = name.EndsWith(".pdf", StringComparison.Ordinal) ? TestPdf.WithText(new TestPdf.Line(60, 790, "Kế hoạch")) : TestFiles.OfficialPlanDocx();
        var (response, code) = await RegisterAsync(name, content);
        using (response)
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        }

        await using var db = app.Database.CreateContext();
        var file = await (from f in db.DocumentFiles join d in db.Documents on f.DocumentId equals d.Id where d.Code == code select f).SingleAsync();
        Assert.Equal((name, contentType), (file.FileName, file.ContentType));
        Assert.Equal(content, file.Content);
    }
}
