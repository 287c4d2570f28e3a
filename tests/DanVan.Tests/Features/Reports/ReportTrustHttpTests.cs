using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using DanVan.Testing;
using DanVan.Tests.Support;

namespace DanVan.Tests.Features.Reports;

/// <summary>Issue 12 over HTTP: Vietnamese answers to bad input on the new forms and endpoints, 403 for the wrong people, OpenAPI.</summary>
[Collection("App")]
public partial class ReportTrustHttpTests(AppFixture app)
{
    private static readonly SemaphoreSlim Opening = new(1);
    private static (int Period, int Submission)? opened;

    private static string Later(int days) => DanVan.Infrastructure.VietnamClock.Today(TimeProvider.System).AddDays(days).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The year 2022 (no other test opens it), due a month from today; Phường Tân Ninh's report submitted by its officer.</summary>
    private async Task<(int Period, int Submission)> SubmittedAsync()
    {
        await Opening.WaitAsync();
        try
        {
            if (opened is null)
            {
                var coordinator = await app.As("dieuphoi");
                var regimes = await coordinator.GetFromJsonAsync<JsonElement>("/api/reports/regimes");
                var regime = regimes.EnumerateArray().Single(r => r.GetProperty("code").GetString() == "DVCQ").GetProperty("id").GetInt32();
                using var pastDue = await coordinator.PostAsJsonAsync("/api/reports/periods", new { regimeId = regime, kind = "Year", year = 2022 });
                Assert.Equal(HttpStatusCode.BadRequest, pastDue.StatusCode);
                Assert.Contains("đã qua", await pastDue.Content.ReadAsStringAsync(), StringComparison.Ordinal);
                using var response = await coordinator.PostAsJsonAsync("/api/reports/periods", new { regimeId = regime, kind = "Year", year = 2022, dueOn = Later(30) });
                Assert.Equal(HttpStatusCode.Created, response.StatusCode);
                var periodId = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
                var slots = await coordinator.GetFromJsonAsync<JsonElement>($"/api/reports/periods/{periodId}/submissions?q=tan+ninh");
                var id = slots.GetProperty("items").EnumerateArray().Single(s => s.GetProperty("unitName").GetString() == "Phường Tân Ninh").GetProperty("submissionId").GetInt32();

                var officer = await app.As("canbo");
                var current = await officer.GetFromJsonAsync<JsonElement>($"/api/reports/submissions/{id}");
                using var empty = await officer.PutAsJsonAsync($"/api/reports/submissions/{id}", new { concurrencyStamp = current.GetProperty("concurrencyStamp").GetGuid(), submit = true });
                Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
                var why = await empty.Content.ReadAsStringAsync();
                Assert.Contains("Báo cáo trống", why, StringComparison.Ordinal);
                Assert.Contains("Cuộc đối thoại với Nhân dân", why, StringComparison.Ordinal);
                using var submitted = await officer.PutAsJsonAsync($"/api/reports/submissions/{id}", new
                {
                    concurrencyStamp = current.GetProperty("concurrencyStamp").GetGuid(), submit = true,
                    values = new Dictionary<string, string> { ["TCD_DINHKY"] = "6", ["DON_NHAN"] = "3", ["DT_CUOC"] = "1" },
                    overrideReasons = new Dictionary<string, string> { ["DT_CUOC"] = "Đối thoại tổ chức trước khi dùng DanVan (dữ liệu thử)." },
                    narrative = new Dictionary<string, string> { ["I"] = "Ổn định.", ["III"] = "Hoàn thành." },
                });
                Assert.Equal(HttpStatusCode.OK, submitted.StatusCode);
                opened = (periodId, id);
            }

            return opened.Value;
        }
        finally
        {
            Opening.Release();
        }
    }

    [Fact]
    public async Task Returning_a_report_without_a_comment_answers_in_vietnamese_only()
    {
        var (_, id) = await SubmittedAsync();
        var coordinator = await app.As("dieuphoi");
        var page = await coordinator.GetStringAsync($"/Reports/Submission/{id}");
        var stamp = StampField().Match(page).Groups[1].Value;
        using var response = await DanVanAppFactory.PostFormAsync(coordinator, $"/Reports/Submission/{id}?handler=Decide&accept=false",
            new Dictionary<string, string> { ["Stamp"] = stamp, ["Comment"] = "" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Nhập lý do trả lại", html, StringComparison.Ordinal);
        Assert.DoesNotContain("field is required", html, StringComparison.Ordinal);
        Assert.DoesNotContain("was not in a correct format", html, StringComparison.Ordinal);

        using var badStamp = await DanVanAppFactory.PostFormAsync(coordinator, $"/Reports/Submission/{id}?handler=Decide&accept=false",
            new Dictionary<string, string> { ["Stamp"] = "Stamp", ["Comment"] = "" });
        var bad = await badStamp.Content.ReadAsStringAsync();
        Assert.DoesNotContain("was not in a correct format", bad, StringComparison.Ordinal);
        Assert.DoesNotContain("is not valid", bad, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Extensions_and_reminders_refuse_bad_input_and_the_wrong_people()
    {
        var (period, id) = await SubmittedAsync();
        var coordinator = await app.As("dieuphoi");
        using var noReason = await coordinator.PostAsJsonAsync($"/api/reports/periods/{period}/extensions", new { submissionId = id, dueOn = Later(40) });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Contains("lý do gia hạn", await noReason.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var earlier = await coordinator.PostAsJsonAsync($"/api/reports/periods/{period}/extensions", new { dueOn = Later(5), reason = "x" });
        Assert.Contains("sau hạn hiện tại", await earlier.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var impossible = await coordinator.PostAsJsonAsync($"/api/reports/periods/{period}/extensions", new { dueOn = "2026-02-30", reason = "x" });
        Assert.Equal(HttpStatusCode.BadRequest, impossible.StatusCode);

        var officer = await app.As("canbo");
        using var officerExtends = await officer.PostAsJsonAsync($"/api/reports/periods/{period}/extensions", new { submissionId = id, dueOn = Later(40), reason = "Xin gia hạn" });
        Assert.Equal(HttpStatusCode.Forbidden, officerExtends.StatusCode);
        using var officerReminds = await officer.PostAsync($"/api/reports/periods/{period}/reminders", null);
        Assert.Equal(HttpStatusCode.Forbidden, officerReminds.StatusCode);
        var otherHead = await app.As("lanhdao");
        using var approves = await otherHead.PostAsJsonAsync($"/api/reports/submissions/{id}/approval", new { approve = true, concurrencyStamp = Guid.NewGuid() });
        Assert.Equal(HttpStatusCode.Forbidden, approves.StatusCode);
        using var requirements = await coordinator.PutAsJsonAsync("/api/reports/regimes/1/requirements", new { requiresHeadApproval = true });
        Assert.Equal(HttpStatusCode.Forbidden, requirements.StatusCode);

        using var extended = await coordinator.PostAsJsonAsync($"/api/reports/periods/{period}/extensions", new { submissionId = id, dueOn = Later(40), reason = "Phường bị ngập" });
        Assert.Equal(HttpStatusCode.OK, extended.StatusCode);
        var history = await coordinator.GetFromJsonAsync<JsonElement>($"/api/reports/periods/{period}/extensions");
        Assert.Contains(history.EnumerateArray(), h => h.GetProperty("reason").GetString() == "Phường bị ngập");
    }

    [Fact]
    public async Task The_form_shows_the_units_figures_of_the_previous_period_read_only()
    {
        var (_, yearReport) = await SubmittedAsync();
        var coordinator = await app.As("dieuphoi");
        var regimes = await coordinator.GetFromJsonAsync<JsonElement>("/api/reports/regimes");
        var regime = regimes.EnumerateArray().Single(r => r.GetProperty("code").GetString() == "DVCQ").GetProperty("id").GetInt32();
        using var response = await coordinator.PostAsJsonAsync("/api/reports/periods", new { regimeId = regime, kind = "FirstHalf", year = 2022, dueOn = Later(30) });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var periodId = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        var slots = await coordinator.GetFromJsonAsync<JsonElement>($"/api/reports/periods/{periodId}/submissions?q=tan+ninh");
        var half = slots.GetProperty("items").EnumerateArray().Single(s => s.GetProperty("unitName").GetString() == "Phường Tân Ninh").GetProperty("submissionId").GetInt32();
        var officer = await app.As("canbo");
        var current = await officer.GetFromJsonAsync<JsonElement>($"/api/reports/submissions/{half}");
        using var submitted = await officer.PutAsJsonAsync($"/api/reports/submissions/{half}", new
        {
            concurrencyStamp = current.GetProperty("concurrencyStamp").GetGuid(), submit = true,
            values = new Dictionary<string, string> { ["TCD_DINHKY"] = "6", ["DON_NHAN"] = "3", ["DT_CUOC"] = "7" },
                    overrideReasons = new Dictionary<string, string> { ["DT_CUOC"] = "Đối thoại tổ chức trước khi dùng DanVan (dữ liệu thử)." },
            narrative = new Dictionary<string, string> { ["I"] = "Ổn định.", ["III"] = "Hoàn thành." },
        });
        Assert.Equal(HttpStatusCode.OK, submitted.StatusCode);

        var page = await officer.GetStringAsync($"/Reports/Submission/{yearReport}"); // the year 2022: its previous period is the first half of 2022
        Assert.Contains("Kỳ trước (6 tháng đầu năm 2022)", page, StringComparison.Ordinal);
        Assert.Matches("data-previous=\"DT_CUOC\">7<", page);
        Assert.DoesNotContain("name=\"Previous", page, StringComparison.Ordinal); // shown, never posted
        var first = await officer.GetStringAsync($"/Reports/Submission/{half}");
        Assert.DoesNotContain("Kỳ trước (", first, StringComparison.Ordinal); // nothing before it for this unit
    }

    [Fact]
    public async Task The_new_actions_are_in_the_openapi_document()
    {
        var client = await app.As("admin");
        var doc = await client.GetStringAsync("/openapi/v1.json");
        foreach (var path in new[] { "/api/reports/submissions/{id}/approval", "/api/reports/periods/{id}/extensions", "/api/reports/periods/{id}/reminders", "/api/reports/regimes/{id}/requirements" })
        {
            Assert.Contains(path, doc, StringComparison.Ordinal);
        }
    }

    [GeneratedRegex("name=\"Stamp\" value=\"([^\"]+)\"")]
    private static partial Regex StampField();
}
