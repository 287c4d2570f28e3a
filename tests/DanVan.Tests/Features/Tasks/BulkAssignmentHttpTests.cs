using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using DanVan.Testing;
using Microsoft.EntityFrameworkCore;
using DanVan.Tests.Support;

namespace DanVan.Tests.Features.Tasks;

[Collection("App")]
public class BulkAssignmentHttpTests(AppFixture app)
{
    [Fact]
    public async Task Api_AssignsOneTaskToManyUnits_RefusesForeignUnitsAndOfficers()
    {
        var coordinator = await app.As("dieuphoi");
        var year = DanVan.Infrastructure.VietnamClock.Today(TimeProvider.System).Year + 1;
        var title = "Tuyên truyền Luật Thực hiện dân chủ ở cơ sở " + Guid.NewGuid().ToString("N")[..6];
        var schedule = new { kind = "Once", date = $"{year}-06-30" };
        using var created = await coordinator.PostAsJsonAsync("/api/tasks/bulk", new { title, leadUnitKinds = new[] { "CommunesWardsZones" }, schedule });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await created.Content.ReadFromJsonAsync<JsonElement>();
        var count = body.GetProperty("count").GetInt32();
        Assert.True(count > 50, $"{count} units");
        Assert.Equal(count, body.GetProperty("workItemIds").GetArrayLength());
        var list = await coordinator.GetFromJsonAsync<JsonElement>($"/api/tasks?q={Uri.EscapeDataString(title)}&pageSize=5");
        Assert.Equal(count, list.GetProperty("totalCount").GetInt32());

        var ward = await app.UnitIdAsync("25459");
        var foreignProvince = await app.UnitIdAsync("01");
        using var foreign = await coordinator.PostAsJsonAsync("/api/tasks/bulk", new { title = title + " (2)", leadUnitIds = new[] { ward, foreignProvince }, schedule });
        Assert.Equal(HttpStatusCode.BadRequest, foreign.StatusCode);
        Assert.Contains("ngoài phạm vi", await foreign.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var empty = await coordinator.PostAsJsonAsync("/api/tasks/bulk", new { title, schedule });
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Contains("Vui lòng chọn ít nhất một đơn vị chủ trì.", await empty.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var officer = await app.As("canbo");
        using var refused = await officer.PostAsJsonAsync("/api/tasks/bulk", new { title, leadUnitIds = new[] { await app.UnitIdAsync("25654") }, schedule });
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }

    [Fact]
    public async Task CreatePage_ShowsTheCountFirst_ThenAssignsToEveryWard_AndKeepsTheChoiceAfterAnError()
    {
        var coordinator = await app.As("dieuphoi");
        var year = DanVan.Infrastructure.VietnamClock.Today(TimeProvider.System).Year + 1;
        var title = "Sơ kết công tác dân vận chính quyền " + Guid.NewGuid().ToString("N")[..6];
        var form = new Dictionary<string, string>
        {
            ["Input.Title"] = title,
            ["Input.AssignTo"] = "Kind",
            ["Input.LeadUnitGroups"] = "CommunesWardsZones",
            ["Input.Kind"] = "Once",
            ["Input.DueDate"] = $"30/06/{year}",
        };
        using var preview = await DanVanAppFactory.PostFormAsync(coordinator, "/Tasks/Create", form);
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        var html = await preview.Content.ReadAsStringAsync();
        var count = int.Parse(Regex.Match(html, "Sẽ giao cho (\\d+) đơn vị").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(count > 50, html);
        await using (var db = app.Database.CreateContext())
        {
            Assert.False(await db.WorkItems.AnyAsync(w => w.Title == title));
        }

        using var confirmed = await DanVanAppFactory.PostFormAsync(coordinator, "/Tasks/Create", new Dictionary<string, string>(form) { ["Input.Confirmed"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.StartsWith("/Tasks/Batch?id=", confirmed.Headers.Location!.OriginalString, StringComparison.Ordinal); // the assignment followed as one
        await using (var db = app.Database.CreateContext())
        {
            Assert.Equal(count, await db.WorkItems.CountAsync(w => w.Title == title));
            Assert.Single(await db.WorkItems.Where(w => w.Title == title).Select(w => w.BatchId).Distinct().ToListAsync());
            Assert.DoesNotContain(null, await db.WorkItems.Where(w => w.Title == title).Select(w => w.BatchId).ToListAsync());
        }

        var batch = await coordinator.GetStringAsync(confirmed.Headers.Location!.OriginalString);
        Assert.Contains($"giao cho <strong data-testid=\"batch-units\">{count}</strong> đơn vị", batch, StringComparison.Ordinal);

        using var bad = await DanVanAppFactory.PostFormAsync(coordinator, "/Tasks/Create", new Dictionary<string, string>
        {
            ["Input.Title"] = "",
            ["Input.AssignTo"] = "Many",
            ["Input.LeadUnitCodes"] = "25459, 99999x",
            ["Input.CoUnitIds"] = (await app.UnitIdAsync("80.STP")).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Kind"] = "Once",
            ["Input.DueDate"] = $"30/06/{year}",
        });
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        var badHtml = await bad.Content.ReadAsStringAsync();
        Assert.Contains("Không có đơn vị mang mã: 99999x.", badHtml, StringComparison.Ordinal);
        Assert.Contains("Vui lòng nhập nội dung nhiệm vụ.", badHtml, StringComparison.Ordinal);
        Assert.Contains("25459, 99999x", badHtml, StringComparison.Ordinal);
        Assert.Contains("chưa ghi được đơn vị phối hợp", badHtml, StringComparison.Ordinal);
        Assert.Matches("id=\"assign-Many\"[^>]*checked", badHtml);
    }
}
