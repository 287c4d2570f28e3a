using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DanVan.Domain.Text;
using DanVan.Infrastructure;
using DanVan.Tests.Support;

namespace DanVan.Tests.Features.Cases;

/// <summary>The petition figures of the periodic report come from the case register, kept up to date until the report is sent.</summary>
public sealed partial class CaseTests
{
    private static async Task<Dictionary<string, double?>> FiguresAsync(HttpClient client, int submissionId)
    {
        var json = await client.GetFromJsonAsync<JsonElement>($"/api/reports/submissions/{submissionId}");
        return json.GetProperty("values").EnumerateObject()
            .ToDictionary(p => p.Name, p => p.Value.ValueKind == JsonValueKind.Null ? (double?)null : p.Value.GetDouble());
    }

    [Fact]
    public async Task TheReport_CountsTheRegister_AndStaysCurrentUntilItIsSent()
    {
        var year = VietnamClock.Today(TimeProvider.System).Year - 1; // a whole past year: the cases can be dated inside its cut-off
        var coordinator = await app.As("dieuphoi");
        var regimes = await coordinator.GetFromJsonAsync<JsonElement>("/api/reports/regimes");
        var regimeId = regimes.EnumerateArray().Single(r => r.GetProperty("code").GetString() == "DVCQ").GetProperty("id").GetInt32();
        using var opened = await coordinator.PostAsJsonAsync("/api/reports/periods", new { regimeId, kind = "Year", year, dueOn = VietnamClock.Today(TimeProvider.System).AddDays(30) });
        Assert.Equal(HttpStatusCode.Created, opened.StatusCode);
        var periodId = (await opened.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        var slots = await coordinator.GetFromJsonAsync<JsonElement>($"/api/reports/periods/{periodId}/submissions?q=tan+ninh");
        var submissionId = slots.GetProperty("items").EnumerateArray().Single(s => s.GetProperty("unitName").GetString() == "Phường Tân Ninh").GetProperty("submissionId").GetInt32();

        var officer = await app.As("canbo");
        var before = await FiguresAsync(officer, submissionId);

        // Registered after the period opened: a complaint received, accepted and resolved within the period, and a petition
        // of another body's competence.
        string Day(int month, int day) => VietnameseText.FormatDate(new DateOnly(year, month, day));
        var form = Intake("Complaint", "Khiếu nại việc cấp giấy chứng nhận quyền sử dụng đất chậm");
        form["Input.ReceivedOn"] = Day(3, 10);
        var complaint = await RegisterAsync(officer, form);
        using (var accepted = await StepAsync(officer, complaint, "Accept", new() { ["Input.On"] = Day(3, 12) }))
        {
            Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        }

        using (var resolved = await StepAsync(officer, complaint, "Resolve", new() { ["Input.On"] = Day(3, 30), ["Input.Reason"] = "Quyết định giải quyết khiếu nại lần đầu số 9/QĐ-UBND" }))
        {
            Assert.Equal(HttpStatusCode.Redirect, resolved.StatusCode);
        }

        var petition = Intake("Petition", "Kiến nghị sửa đường liên xã thuộc tỉnh quản lý");
        petition["Input.ReceivedOn"] = Day(4, 2);
        petition["Input.WithinCompetence"] = "false";
        await RegisterAsync(officer, petition);

        var after = await FiguresAsync(officer, submissionId);
        Assert.Equal((before["DON_NHAN"] ?? 0) + 2, after["DON_NHAN"]);
        Assert.Equal((before["DON_TQ"] ?? 0) + 1, after["DON_TQ"]);
        Assert.Equal((before["DON_GQ"] ?? 0) + 1, after["DON_GQ"]);
        Assert.Equal((before["DON_DUNGHAN"] ?? 0) + 1, after["DON_DUNGHAN"]);
        var page = WebUtility.HtmlDecode(await officer.GetStringAsync($"/Reports/Submission/{submissionId}"));
        Assert.Contains($"Theo dõi trên DanVan (sổ theo dõi đơn): {after["DON_NHAN"]} đơn tiếp nhận trong kỳ", page, StringComparison.Ordinal);

        // Sent as DanVan counted it (no reason needed); a case registered afterwards does not change the sent report.
        var stamp = (await officer.GetFromJsonAsync<JsonElement>($"/api/reports/submissions/{submissionId}")).GetProperty("concurrencyStamp").GetGuid();
        var values = after.Where(kv => kv.Value is not null).ToDictionary(kv => kv.Key, kv => kv.Value!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        values.TryAdd("DT_CUOC", "1"); // required; counted by DanVan once dialogues are kept in it
        values.Remove("DON_TYLE");
        values.Remove("NV_TYLE");
        using (var sent = await officer.PutAsJsonAsync($"/api/reports/submissions/{submissionId}", new
        {
            concurrencyStamp = stamp, values, narrative = new Dictionary<string, string> { ["I"] = "Ổn định.", ["III"] = "Hoàn thành." }, submit = true,
        }))
        {
            Assert.True(sent.StatusCode == HttpStatusCode.OK, await sent.Content.ReadAsStringAsync());
        }

        var late = Intake("Petition", "Kiến nghị về lịch thu gom rác");
        late["Input.ReceivedOn"] = Day(5, 5);
        await RegisterAsync(officer, late);
        Assert.Equal(after["DON_NHAN"], (await FiguresAsync(officer, submissionId))["DON_NHAN"]);
    }

    [Fact]
    public async Task TheDashboard_ShowsTheScopesBacklogOnTimeRateAndFields()
    {
        static string Figure(string html, string testId) =>
            System.Text.RegularExpressions.Regex.Match(html, $"data-testid=\"{testId}\">(?:<a[^>]*>)?([^<]*)<").Groups[1].Value;

        var coordinator = WebUtility.HtmlDecode(await (await app.As("dieuphoi")).GetStringAsync("/Cases/Dashboard"));
        Assert.Contains("Tình hình tiếp nhận, giải quyết đơn thư năm", coordinator, StringComparison.Ordinal);
        Assert.True(int.Parse(Figure(coordinator, "case-overdue"), System.Globalization.NumberStyles.AllowThousands, VietnameseText.Culture) >= 1, Figure(coordinator, "case-overdue")); // the demo's overdue complaint
        Assert.Contains("Phường Tân Ninh", coordinator, StringComparison.Ordinal);

        var elsewhere = WebUtility.HtmlDecode(await (await app.As("xem")).GetStringAsync("/Cases/Dashboard")); // Sở Tài chính: none of the ward's
        Assert.Equal("0", Figure(elsewhere, "case-overdue"));
        Assert.DoesNotContain("Phường Tân Ninh", elsewhere, StringComparison.Ordinal);
        using var bad = await (await app.As("canbo")).GetAsync("/Cases/Dashboard?year=abc");
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
    }
}
