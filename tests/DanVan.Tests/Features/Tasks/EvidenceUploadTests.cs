using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DanVan.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Tests.Features.Tasks;

/// <summary>Evidence of a progress report passes the shared upload check: hostile files are refused and nothing is kept.</summary>
[Collection("App")]
public class EvidenceUploadTests(AppFixture app)
{
    /// <summary>A fresh task of Phường Tân Ninh (canbo's ward); its deadline's id.</summary>
    private async Task<int> DeadlineAsync()
    {
        var coordinator = await app.As("dieuphoi");
        var title = "Tổ chức đối thoại với Nhân dân " + Guid.NewGuid().ToString("N")[..8];
        using var created = await coordinator.PostAsJsonAsync("/api/tasks", new
        {
            title, leadUnitId = await app.UnitIdAsync("25459"),
            schedule = new { kind = "Once", date = DanVan.Infrastructure.VietnamClock.Today(TimeProvider.System).AddDays(30).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var list = await (await app.As("canbo")).GetFromJsonAsync<JsonElement>($"/api/tasks?q={Uri.EscapeDataString(title)}");
        return list.GetProperty("items")[0].GetProperty("id").GetInt32();
    }

    private async Task<HttpResponseMessage> ReportAsync(int deadlineId, string fileName, byte[] content) =>
        await AppFixture.PostFilesAsync(await app.As("canbo"), $"/Tasks/Details/{deadlineId}", new Dictionary<string, string>
        {
            ["Input.Progress"] = "50",
            ["Input.Note"] = "Đã tổ chức hội nghị đối thoại tại 3 khu phố.",
        }, ("Evidence", fileName, content));

    [Theory]
    [MemberData(nameof(HostileFiles.Names), MemberType = typeof(HostileFiles))]
    public async Task HostileEvidence_IsRefusedWithTheReason_AndNothingIsSaved(string name)
    {
        var id = await DeadlineAsync();
        using var response = await ReportAsync(id, name, HostileFiles.Named(name).Content);
        await HostileFiles.AssertRefusedAsync(response, name);

        await using var db = app.Database.CreateContext();
        Assert.False(await db.WorkItemUpdates.AnyAsync(u => u.DeadlineId == id));
        Assert.Equal(0, (await db.WorkItemDeadlines.SingleAsync(d => d.Id == id)).Progress);
    }

    [Fact]
    public async Task SoundEvidence_IsKept_WithTheKindItsContentShows()
    {
        var id = await DeadlineAsync();
        (string Name, byte[] Content, string Type)[] files =
        [
            ("bien-ban.docx", TestFiles.Docx("BIÊN BẢN HỘI NGHỊ"), "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
            ("bien-ban.pdf", TestPdf.WithText(new TestPdf.Line(60, 790, "Biên bản hội nghị đối thoại")), "application/pdf"),
            ("anh-hoi-nghi.png", TestFiles.Png(), "image/png"),
            ("anh-hoi-nghi.jpg", HostileFiles.Jpeg(), "image/jpeg"),
        ];
        foreach (var (name, content, _) in files)
        {
            using var response = await ReportAsync(id, name, content);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        }

        await using var db = app.Database.CreateContext();
        var kept = await (from e in db.WorkItemEvidence
                          join u in db.WorkItemUpdates on e.UpdateId equals u.Id
                          where u.DeadlineId == id
                          orderby e.Id
                          select new { e.FileName, e.ContentType, e.Content }).ToListAsync();
        Assert.Equal(files.Select(f => (f.Name, f.Type)), kept.Select(k => (k.FileName, k.ContentType)));
        Assert.Equal(files[1].Content, kept[1].Content);
    }
}
