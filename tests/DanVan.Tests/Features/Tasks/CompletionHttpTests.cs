using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DanVan.Infrastructure;
using DanVan.Testing;
using DanVan.Tests.Support;

namespace DanVan.Tests.Features.Tasks;

/// <summary>Confirming and returning a reported completion over HTTP: the pages and the JSON API (issue 12).</summary>
[Collection("App")]
public class CompletionHttpTests(AppFixture app)
{
    private static readonly DateOnly Today = VietnamClock.Today(TimeProvider.System);

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static string Vn(DateOnly d) => d.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A task of the Sở Nội vụ for Phường Tân Ninh due in three days; returns its deadline's id.</summary>
    private async Task<int> NewDeadlineAsync(string title)
    {
        var coordinator = await app.As("dieuphoi");
        using var created = await coordinator.PostAsJsonAsync("/api/tasks", new
        {
            title, leadUnitId = await app.UnitIdAsync("25459"), schedule = new { kind = "Once", date = Iso(Today.AddDays(3)) },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var list = await coordinator.GetFromJsonAsync<JsonElement>($"/api/tasks?q={Uri.EscapeDataString(title)}");
        return list.GetProperty("items").EnumerateArray().Single().GetProperty("id").GetInt32();
    }

    [Fact]
    public async Task Api_Report_ThenConfirm_ByTheAssigningUnitOnly()
    {
        var title = "Hội nghị tuyên truyền " + Guid.NewGuid().ToString("N")[..6];
        var id = await NewDeadlineAsync(title);
        var officer = await app.As("canbo");

        using var bad = await officer.PostAsJsonAsync($"/api/tasks/{id}/progress", new { completes = true, completedOn = Iso(Today.AddDays(1)), note = "" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var problem = await bad.Content.ReadAsStringAsync();
        Assert.Contains($"Ngày hoàn thành không thể sau hôm nay ({Vn(Today)}).", problem, StringComparison.Ordinal);
        Assert.Contains("Vui lòng ghi kết quả đã thực hiện.", problem, StringComparison.Ordinal);

        using var reported = await officer.PostAsJsonAsync($"/api/tasks/{id}/progress", new { completes = true, note = "Đã tổ chức hội nghị, 80 người dự." });
        Assert.Equal(HttpStatusCode.OK, reported.StatusCode);
        var one = await officer.GetFromJsonAsync<JsonElement>($"/api/tasks/{id}");
        Assert.Equal("CompletionReported", one.GetProperty("state").GetString());
        Assert.Equal(Iso(Today), one.GetProperty("reportedCompletedOn").GetString());
        Assert.Equal(JsonValueKind.Null, one.GetProperty("completedOn").ValueKind);

        Assert.Contains("data-testid=\"completions-to-confirm\"", await (await app.As("dieuphoi")).GetStringAsync("/"), StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"completions-to-confirm\"", await officer.GetStringAsync("/"), StringComparison.Ordinal);

        using var byOfficer = await officer.PostAsJsonAsync($"/api/tasks/{id}/completion/confirm", new { });
        Assert.Equal(HttpStatusCode.Forbidden, byOfficer.StatusCode);
        using var byOtherHead = await (await app.As("lanhdao")).PostAsJsonAsync($"/api/tasks/{id}/completion/return", new { reason = "Không" });
        Assert.Equal(HttpStatusCode.Forbidden, byOtherHead.StatusCode);
        using var missing = await officer.PostAsJsonAsync($"/api/tasks/{int.MaxValue}/completion/confirm", new { });
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);

        var coordinator = await app.As("dieuphoi");
        using var noReason = await coordinator.PostAsJsonAsync($"/api/tasks/{id}/completion/return", new { reason = "" });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Contains("Vui lòng nhập lý do trả lại.", await noReason.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var confirmed = await coordinator.PostAsJsonAsync($"/api/tasks/{id}/completion/confirm", new { note = "Đã xem biên bản." });
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        var body = await confirmed.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("DoneOnTime", body.GetProperty("state").GetString());
        Assert.Equal(Iso(Today), body.GetProperty("completedOn").GetString());

        using var again = await coordinator.PostAsJsonAsync($"/api/tasks/{id}/completion/confirm", new { });
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Contains("đã được xác nhận hoàn thành", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var openApi = await coordinator.GetStringAsync("/openapi/v1.json");
        Assert.Contains("/api/tasks/{id}/completion/confirm", openApi, StringComparison.Ordinal);
        Assert.Contains("/api/tasks/{id}/completion/return", openApi, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Page_ReportErrors_AllAtOnce_KeepTheValues_AndConfirmNeedsTheTokenAndTheRight()
    {
        var title = "Rà soát thủ tục một cửa " + Guid.NewGuid().ToString("N")[..6];
        var id = await NewDeadlineAsync(title);
        var details = $"/Tasks/Details/{id}";
        var officer = await app.As("canbo");

        var tomorrow = Vn(Today.AddDays(1));
        using var refused = await DanVanAppFactory.PostFormAsync(officer, details, new Dictionary<string, string>
        {
            ["Input.Completes"] = "true", ["Input.CompletedOn"] = tomorrow, ["Input.Note"] = "",
        });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var html = await refused.Content.ReadAsStringAsync();
        Assert.Contains("Ngày hoàn thành không thể sau hôm nay", html, StringComparison.Ordinal);
        Assert.Contains("Vui lòng ghi kết quả đã thực hiện.", html, StringComparison.Ordinal);
        Assert.Contains($"value=\"{tomorrow}\"", html, StringComparison.Ordinal);

        using var impossible = await DanVanAppFactory.PostFormAsync(officer, details, new Dictionary<string, string>
        {
            ["Input.Completes"] = "true", ["Input.CompletedOn"] = "31/02/2026", ["Input.Note"] = "Xong",
        });
        Assert.Contains("Ngày hoàn thành không hợp lệ", await impossible.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var reported = await DanVanAppFactory.PostFormAsync(officer, details, new Dictionary<string, string>
        {
            ["Input.Completes"] = "true", ["Input.Note"] = "Đã rà soát 45 thủ tục.",
        });
        Assert.Equal(HttpStatusCode.Redirect, reported.StatusCode);

        var coordinator = await app.As("dieuphoi");
        using var noToken = await coordinator.PostAsync(details + "?handler=Confirm", new FormUrlEncodedContent(new Dictionary<string, string>()));
        Assert.Equal(HttpStatusCode.BadRequest, noToken.StatusCode);

        using var byOfficer = await DanVanAppFactory.PostFormAsync(officer, details + "?handler=Confirm", new Dictionary<string, string>(), details);
        Assert.Equal(HttpStatusCode.Forbidden, byOfficer.StatusCode);

        var page = await coordinator.GetStringAsync(details);
        Assert.Contains("data-testid=\"confirm-card\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"confirm-card\"", await officer.GetStringAsync(details), StringComparison.Ordinal);

        using var noReason = await DanVanAppFactory.PostFormAsync(coordinator, details + "?handler=Return", new Dictionary<string, string> { ["ReturnReason"] = " " }, details);
        Assert.Equal(HttpStatusCode.OK, noReason.StatusCode);
        Assert.Contains("Vui lòng nhập lý do trả lại.", await noReason.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var returned = await DanVanAppFactory.PostFormAsync(coordinator, details + "?handler=Return", new Dictionary<string, string> { ["ReturnReason"] = "Chưa gửi danh mục thủ tục đã công khai." }, details);
        Assert.Equal(HttpStatusCode.Redirect, returned.StatusCode);
        var after = await officer.GetStringAsync(details);
        Assert.Contains("Chưa gửi danh mục thủ tục đã công khai.", after, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"completion-returned\"", after, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"report-form\"", after, StringComparison.Ordinal); // it may report again
        Assert.Contains("Báo cáo hoàn thành bị trả lại: " + title, await officer.GetStringAsync("/Notifications"), StringComparison.Ordinal);
    }
}
