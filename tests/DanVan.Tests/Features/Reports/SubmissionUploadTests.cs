using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using DanVan.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Tests.Features.Reports;

/// <summary>Files attached to a unit's report pass the shared upload check: hostile files are refused and nothing of the post is kept.</summary>
[Collection("App")]
public partial class SubmissionUploadTests(AppFixture app)
{
    private static readonly SemaphoreSlim Opening = new(1);
    private static int? submissionId;

    /// <summary>Phường Tân Ninh's report for the year 2023, opened once for this class (no other test opens 2023).</summary>
    private async Task<int> SubmissionAsync()
    {
        await Opening.WaitAsync();
        try
        {
            if (submissionId is null)
            {
                var coordinator = await app.As("dieuphoi");
                var regimes = await coordinator.GetFromJsonAsync<JsonElement>("/api/reports/regimes");
                var regime = regimes.EnumerateArray().Single(r => r.GetProperty("code").GetString() == "DVCQ").GetProperty("id").GetInt32();
                using var opened = await coordinator.PostAsJsonAsync("/api/reports/periods", new { regimeId = regime, kind = "Year", year = 2023, dueOn = DanVan.Infrastructure.VietnamClock.Today(TimeProvider.System).AddDays(30) });
                Assert.Equal(HttpStatusCode.Created, opened.StatusCode);
                var periodId = (await opened.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
                var slots = await coordinator.GetFromJsonAsync<JsonElement>($"/api/reports/periods/{periodId}/submissions?q=tan+ninh");
                submissionId = slots.GetProperty("items").EnumerateArray()
                    .Single(s => s.GetProperty("unitName").GetString() == "Phường Tân Ninh").GetProperty("submissionId").GetInt32();
            }

            return submissionId.Value;
        }
        finally
        {
            Opening.Release();
        }
    }

    private async Task<HttpResponseMessage> SaveDraftAsync(int id, params (string Field, string FileName, byte[] Content)[] files)
    {
        var officer = await app.As("canbo");
        var page = await officer.GetStringAsync($"/Reports/Submission/{id}");
        // The form as a browser posts it: every figure, reason and narrative field (left empty), the stamp, the files.
        var fields = ReportFields().Matches(page).Select(m => m.Groups[1].Value).Distinct().ToDictionary(f => f, _ => "");
        fields["Stamp"] = StampField().Match(page).Groups[1].Value;
        return await AppFixture.PostFilesAsync(officer, $"/Reports/Submission/{id}?handler=Save", fields, files);
    }

    [Theory]
    [MemberData(nameof(HostileFiles.Names), MemberType = typeof(HostileFiles))]
    public async Task HostileAttachment_IsRefusedWithTheReason_AndNothingIsKept(string name)
    {
        var id = await SubmissionAsync();
        using var response = await SaveDraftAsync(id, ("files", name, HostileFiles.Named(name).Content), ("files", "kem-theo.pdf", TestFiles.Pdf()));
        Assert.Contains($"Không nhận tệp “{name}”.", await HostileFiles.AssertRefusedAsync(response, name), StringComparison.Ordinal);

        await using var db = app.Database.CreateContext();
        Assert.False(await db.ReportAttachments.AnyAsync(a => a.SubmissionId == id && (a.FileName == name || a.FileName == "kem-theo.pdf")));
    }

    [Fact]
    public async Task AFileOfAnotherKind_IsRefused_EvenUnderAReassuringName()
    {
        var id = await SubmissionAsync();
        using var response = await SaveDraftAsync(id, ("files", "bang-so-lieu.xlsx", "Tên đơn vị;Số đơn\nPhường Tân Ninh;4"u8.ToArray()));
        Assert.Contains("Chỉ nhận tệp PDF, Word (.docx), Excel (.xlsx) hoặc ảnh JPEG, PNG", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await using var db = app.Database.CreateContext();
        Assert.False(await db.ReportAttachments.AnyAsync(a => a.SubmissionId == id && a.FileName == "bang-so-lieu.xlsx"));
    }

    [Fact]
    public async Task SoundAttachments_AreKept_WithTheKindTheirContentShows()
    {
        var id = await SubmissionAsync();
        var docx = TestFiles.Docx("BÁO CÁO");
        using var response = await SaveDraftAsync(id,
            ("files", "bao-cao.docx", docx), ("files", "bien-ban.pdf", TestFiles.Pdf()), ("files", "anh.png", TestFiles.Png()));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        await using var db = app.Database.CreateContext();
        var kept = await db.ReportAttachments.Where(a => a.SubmissionId == id && (a.FileName == "bao-cao.docx" || a.FileName == "bien-ban.pdf" || a.FileName == "anh.png"))
            .OrderBy(a => a.Id).Select(a => new { a.FileName, a.ContentType, a.Content }).ToListAsync();
        Assert.Equal(
            [("bao-cao.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"), ("bien-ban.pdf", "application/pdf"), ("anh.png", "image/png")],
            kept.Select(k => (k.FileName, k.ContentType)));
        Assert.Equal(docx, kept[0].Content);
    }

    [GeneratedRegex("name=\"Stamp\" value=\"([^\"]+)\"")]
    private static partial Regex StampField();

    [GeneratedRegex("name=\"((?:Values|Reasons|Narrative)\\[[^\\]]+\\])\"")]
    private static partial Regex ReportFields();
}
