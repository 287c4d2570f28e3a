using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
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
}
