using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DanVan.Tests.Support;

namespace DanVan.Tests.Features.Reports;

/// <summary>The reports API end to end, as another system would use it: open, save by codes, submit, accept, roll up.</summary>
[Collection("App")]
public class ReportsApiTests(AppFixture app)
{
    /// <summary>Why a unit replaces the figures DanVan counts (cases, reception, dialogues, models): required when they differ.</summary>
    internal static readonly Dictionary<string, string> PaperRegister = TestMeasures.PaperReasons(
        ["DON_NHAN", "DON_TQ", "DON_GQ", "DON_DUNGHAN", "TCD_DINHKY", "TCD_LUOT", "DT_CUOC", "DT_YKIEN", "DT_GQ", "MH_DANGKY", "MH_CONGNHAN"]);

    [Fact]
    public async Task Open_submit_accept_and_roll_up_through_the_API()
    {
        var coordinator = await app.As("dieuphoi");
        var regimes = await coordinator.GetFromJsonAsync<JsonElement>("/api/reports/regimes");
        var regime = regimes.EnumerateArray().Single(r => r.GetProperty("code").GetString() == "DVCQ");
        Assert.Contains(regime.GetProperty("indicators").EnumerateArray(), i => i.GetProperty("code").GetString() == "DON_TYLE" && i.GetProperty("aggregation").GetString() == "Ratio");

        using var opened = await coordinator.PostAsJsonAsync("/api/reports/periods", new { regimeId = regime.GetProperty("id").GetInt32(), kind = "Year", year = 2024, dueOn = DanVan.Infrastructure.VietnamClock.Today(TimeProvider.System).AddDays(30) });
        Assert.Equal(HttpStatusCode.Created, opened.StatusCode);
        var periodId = (await opened.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        using var twice = await coordinator.PostAsJsonAsync("/api/reports/periods", new { regimeId = regime.GetProperty("id").GetInt32(), kind = "Year", year = 2024, dueOn = DanVan.Infrastructure.VietnamClock.Today(TimeProvider.System).AddDays(30) });
        Assert.Equal(HttpStatusCode.BadRequest, twice.StatusCode);

        var slots = await coordinator.GetFromJsonAsync<JsonElement>($"/api/reports/periods/{periodId}/submissions?q=tan+ninh");
        var slot = slots.GetProperty("items").EnumerateArray().Single(s => s.GetProperty("unitName").GetString() == "Phường Tân Ninh");
        var submissionId = slot.GetProperty("submissionId").GetInt32();

        var officer = await app.As("canbo");
        var current = await officer.GetFromJsonAsync<JsonElement>($"/api/reports/submissions/{submissionId}");
        var stamp = current.GetProperty("concurrencyStamp").GetGuid();
        using var bad = await officer.PutAsJsonAsync($"/api/reports/submissions/{submissionId}", new
        {
            concurrencyStamp = stamp, values = new Dictionary<string, string> { ["DON_NHAN"] = "3", ["DON_TQ"] = "4", ["KHONG_CO"] = "1" }, submit = true,
        });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("KHONG_CO", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var saved = await officer.PutAsJsonAsync($"/api/reports/submissions/{submissionId}", new
        {
            concurrencyStamp = stamp, values = new Dictionary<string, string> { ["DON_NHAN"] = "4", ["DON_TQ"] = "4", ["DON_GQ"] = "2", ["DON_DUNGHAN"] = "1", ["TCD_DINHKY"] = "12", ["DT_CUOC"] = "0" },
            overrideReasons = PaperRegister, // the petition figures are the case register's; these come from a paper one
            narrative = new Dictionary<string, string> { ["I"] = "Tình hình ổn định.", ["II.5"] = "Tiếp nhận 4 đơn.", ["III"] = "Hoàn thành kế hoạch." }, submit = true,
        });
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var after = await saved.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Submitted", after.GetProperty("status").GetString());

        using var forbidden = await officer.PostAsJsonAsync($"/api/reports/submissions/{submissionId}/decision", new { accept = true, concurrencyStamp = after.GetProperty("concurrencyStamp").GetGuid() });
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        using var accepted = await coordinator.PostAsJsonAsync($"/api/reports/submissions/{submissionId}/decision", new { accept = true, concurrencyStamp = after.GetProperty("concurrencyStamp").GetGuid() });
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);

        var rollup = await coordinator.GetFromJsonAsync<JsonElement>($"/api/reports/periods/{periodId}/rollup");
        Assert.Equal(1, rollup.GetProperty("reports").GetInt32());
        Assert.Equal(4, rollup.GetProperty("totals").GetProperty("DON_NHAN").GetDecimal());
        Assert.Equal(50, rollup.GetProperty("totals").GetProperty("DON_TYLE").GetDecimal());
        Assert.True(rollup.GetProperty("missing").GetArrayLength() > 50);

        using var outside = await officer.GetAsync($"/api/reports/periods/{periodId}/rollup?unitId={await app.UnitIdAsync("80")}");
        Assert.Equal(HttpStatusCode.Forbidden, outside.StatusCode); // the ward officer cannot see the province's figures
        var own = await officer.GetFromJsonAsync<JsonElement>($"/api/reports/periods/{periodId}/rollup"); // starts at their own unit
        Assert.Equal(await app.UnitIdAsync("25459"), own.GetProperty("unit").GetProperty("id").GetInt32());
        Assert.Equal(4, own.GetProperty("totals").GetProperty("DON_NHAN").GetDecimal());
    }
}
