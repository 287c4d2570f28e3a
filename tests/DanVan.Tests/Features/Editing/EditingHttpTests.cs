using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DanVan.Testing;
using DanVan.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Tests.Features.Editing;

/// <summary>The edit, history, withdraw and delete pages and endpoints over HTTP: forms, antiforgery, bad input, roles.</summary>
[Collection("App")]
public class EditingHttpTests(AppFixture app)
{
    private static string N() => UniqueNumber.Text();

    private async Task<(int DocumentId, int PlanId)> PlanAsync(HttpClient coordinator, string n)
    {
        using var registered = await coordinator.PostAsJsonAsync("/api/documents", new
        {
            ownerUnitId = await app.UnitIdAsync("80"), code = $"{n}/KH-UBND", issuerName = "Ủy ban nhân dân tỉnh Tây Ninh", place = "Tây Ninh",
            issuedOn = "2026-02-02", title = "Thực hiện công tác dân vận chính quyền năm 2026 " + n,
        });
        var documentId = (await registered.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        using var planned = await coordinator.PostAsJsonAsync("/api/plans", new { documentId, purposes = "Mục đích ban đầu " + n, targets = new[] { "Trên 90% người dân hài lòng" } });
        Assert.Equal(HttpStatusCode.Created, planned.StatusCode);
        return (documentId, (await planned.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32());
    }

    [Fact]
    public async Task EditingAPlan_ShowsAllErrorsAtOnce_KeepsChoices_ThenSaves_AndThePreviousVersionIsViewable()
    {
        var coordinator = await app.As("dieuphoi");
        var n = N();
        var (_, planId) = await PlanAsync(coordinator, n);
        var url = $"/Plans/Edit/{planId}";
        var form = await coordinator.GetStringAsync(url);
        Assert.Contains("Mục đích ban đầu " + n, form, StringComparison.Ordinal);

        using var bad = await DanVanAppFactory.PostFormAsync(coordinator, url, new Dictionary<string, string>
        {
            ["Version"] = "1", ["Purposes"] = "", ["Body"] = "Nội dung giữ lại " + n, ["RequiresAdoption"] = "true", ["AdoptionDueOn"] = "31/02/2026", ["AdoptionKinds"] = "Ward",
        });
        var html = await bad.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Contains("không hợp lệ: nhập theo dạng ngày/tháng/năm", html, StringComparison.Ordinal);
        Assert.Contains("Nội dung giữ lại " + n, html, StringComparison.Ordinal); // chosen values kept
        Assert.Contains("id=\"kind-Ward\" checked", html.Replace("checked=\"checked\"", "checked", StringComparison.Ordinal), StringComparison.Ordinal);

        using var saved = await DanVanAppFactory.PostFormAsync(coordinator, url, new Dictionary<string, string>
        {
            ["Version"] = "1", ["Purposes"] = "Mục đích đã sửa " + n, ["RequiresAdoption"] = "true", ["AdoptionDueOn"] = "30/12/2026", ["AdoptionKinds"] = "Ward",
            ["Reason"] = "Bổ sung yêu cầu các phường",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var details = await coordinator.GetStringAsync($"/Plans/Details/{planId}");
        Assert.Contains("Mục đích đã sửa " + n, details, StringComparison.Ordinal);
        Assert.Contains("Lịch sử phiên bản (2)", details, StringComparison.Ordinal);
        var history = await coordinator.GetStringAsync($"/Versions?kind=Plan&id={planId}");
        Assert.Contains("Phiên bản 1", history, StringComparison.Ordinal);
        Assert.Contains("Mục đích ban đầu " + n, history, StringComparison.Ordinal);
        Assert.Contains("Lý do: Bổ sung yêu cầu các phường", history, StringComparison.Ordinal);

        using var stale = await DanVanAppFactory.PostFormAsync(coordinator, url, new Dictionary<string, string> { ["Version"] = "1", ["Purposes"] = "Bản cũ" });
        Assert.Contains("vừa được người khác sửa", await stale.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // The ward sees the plan among those to adopt, now that it obliges wards.
        Assert.Contains($"{n}/KH-UBND", await (await app.As("canbo")).GetStringAsync("/Plans/ToAdopt"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheEditAndRemovePages_AreForTheOwnersWritersAndManagersOnly_AndPostsNeedTheAntiforgeryToken()
    {
        var coordinator = await app.As("dieuphoi");
        var (documentId, planId) = await PlanAsync(coordinator, N());
        foreach (var user in new[] { "canbo", "xem", "thamdinh" })
        {
            var client = await app.As(user);
            using var edit = await client.GetAsync($"/Plans/Edit/{planId}");
            Assert.Equal(HttpStatusCode.Forbidden, edit.StatusCode);
            using var remove = await client.GetAsync($"/Documents/Remove/{documentId}");
            Assert.Equal(HttpStatusCode.Forbidden, remove.StatusCode);
        }

        Assert.DoesNotContain("data-testid=\"edit\"", await (await app.As("xem")).GetStringAsync($"/Documents/Details/{documentId}"), StringComparison.Ordinal);
        using var missing = await coordinator.GetAsync("/Plans/Edit/987654321");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        using var noToken = await coordinator.PostAsync($"/Documents/Remove/{documentId}?handler=Withdraw",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["Version"] = "1", ["Reason"] = "Thử" }));
        Assert.Equal(HttpStatusCode.BadRequest, noToken.StatusCode);
    }

    [Fact]
    public async Task ADocumentWithAPlan_IsWithdrawnThroughItsPage_WithAReason_AndStaysVisibleMarked()
    {
        var coordinator = await app.As("dieuphoi");
        var (documentId, _) = await PlanAsync(coordinator, N());
        var page = await coordinator.GetStringAsync($"/Documents/Remove/{documentId}");
        Assert.Contains("Không xóa được vì đã có", page, StringComparison.Ordinal);
        Assert.DoesNotContain("confirm-delete", page, StringComparison.Ordinal);

        using var noReason = await DanVanAppFactory.PostFormAsync(coordinator, $"/Documents/Remove/{documentId}?handler=Withdraw",
            new Dictionary<string, string> { ["Version"] = "1", ["Reason"] = " " }, $"/Documents/Remove/{documentId}");
        Assert.Contains("Vui lòng nêu lý do thu hồi.", await noReason.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var withdrawn = await DanVanAppFactory.PostFormAsync(coordinator, $"/Documents/Remove/{documentId}?handler=Withdraw",
            new Dictionary<string, string> { ["Version"] = "1", ["Reason"] = "Ban hành nhầm số" }, $"/Documents/Remove/{documentId}");
        Assert.Equal(HttpStatusCode.Redirect, withdrawn.StatusCode);
        var details = await coordinator.GetStringAsync($"/Documents/Details/{documentId}");
        Assert.Contains("Đã thu hồi", details, StringComparison.Ordinal);
        Assert.Contains("Lý do: Ban hành nhầm số", details, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"edit\"", details, StringComparison.Ordinal);
        using var edit = await coordinator.GetAsync($"/Documents/Edit/{documentId}");
        Assert.Equal(HttpStatusCode.Redirect, edit.StatusCode); // back to the page, which says why
    }

    [Fact]
    public async Task TheApi_EditsWithTheVersion_RefusesAStaleOne_WithdrawsAndDeletesATask()
    {
        var coordinator = await app.As("dieuphoi");
        var due = DanVan.Infrastructure.VietnamClock.Today(TimeProvider.System).AddDays(15).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        async Task<int> TaskAsync()
        {
            using var created = await coordinator.PostAsJsonAsync("/api/tasks", new
            {
                title = "Rà soát hương ước " + N(), leadUnitId = await app.UnitIdAsync("25459"), schedule = new { kind = "Once", date = due },
            });
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            var workItemId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("workItemId").GetInt32();
            await using var db = app.Database.CreateContext();
            return await db.WorkItemDeadlines.Where(d => d.WorkItemId == workItemId).Select(d => d.Id).SingleAsync();
        }

        var id = await TaskAsync();
        using var edited = await coordinator.PutAsJsonAsync($"/api/tasks/{id}", new { version = 1, title = "Rà soát, sửa đổi hương ước", dueOn = due, reason = "Rõ nội dung" });
        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        Assert.Equal(2, (await edited.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetInt32());
        using var stale = await coordinator.PutAsJsonAsync($"/api/tasks/{id}", new { version = 1, title = "Bản cũ" });
        Assert.Equal(HttpStatusCode.BadRequest, stale.StatusCode);
        Assert.Contains("vừa được người khác sửa", await stale.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var officer = await (await app.As("canbo")).PutAsJsonAsync($"/api/tasks/{id}", new { version = 2, title = "Tự sửa" });
        Assert.Equal(HttpStatusCode.Forbidden, officer.StatusCode);
        using var noVersion = await coordinator.DeleteAsync($"/api/tasks/{id}");
        Assert.Equal(HttpStatusCode.BadRequest, noVersion.StatusCode);
        using var deleted = await coordinator.DeleteAsync($"/api/tasks/{id}?version=2");
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        using var gone = await coordinator.GetAsync($"/api/tasks/{id}");
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);

        var other = await TaskAsync();
        using var noReason = await coordinator.PostAsJsonAsync($"/api/tasks/{other}/withdraw", new { version = 1, reason = "" });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        using var withdrawn = await coordinator.PostAsJsonAsync($"/api/tasks/{other}/withdraw", new { version = 1, reason = "Giao trùng" });
        Assert.True((await withdrawn.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("withdrawn").GetBoolean());
        var page = await coordinator.GetStringAsync($"/Tasks/Details/{other}");
        Assert.Contains("Đã thu hồi", page, StringComparison.Ordinal);
        Assert.DoesNotContain(">Rà soát hương ước", await coordinator.GetStringAsync("/Tasks/Board"), StringComparison.Ordinal);

        var openapi = await coordinator.GetStringAsync("/openapi/v1.json");
        Assert.Contains("/api/plans/targets/{id}/withdraw", openapi, StringComparison.Ordinal);
        Assert.Contains("EditDocument", openapi, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ATaskWithdrawnUnderAPlan_LeavesThePlansTaskList_AndIsShownThereMarked()
    {
        var coordinator = await app.As("dieuphoi");
        var n = N();
        var (documentId, planId) = await PlanAsync(coordinator, n);
        var due = DanVan.Infrastructure.VietnamClock.Today(TimeProvider.System).AddDays(15).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        using var created = await coordinator.PostAsJsonAsync("/api/tasks", new
        {
            title = "Tập huấn dân vận khéo " + n, leadUnitId = await app.UnitIdAsync("25459"), sourceDocumentId = documentId, schedule = new { kind = "Once", date = due },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var workItemId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("workItemId").GetInt32();
        int deadlineId;
        await using (var db = app.Database.CreateContext())
        {
            deadlineId = await db.WorkItemDeadlines.Where(d => d.WorkItemId == workItemId).Select(d => d.Id).SingleAsync();
        }

        Assert.Contains("Tập huấn dân vận khéo " + n, await coordinator.GetStringAsync($"/Plans/Details/{planId}"), StringComparison.Ordinal);
        using var withdrawn = await coordinator.PostAsJsonAsync($"/api/tasks/{deadlineId}/withdraw", new { version = 1, reason = "Gộp vào nhiệm vụ khác " + n });
        Assert.Equal(HttpStatusCode.OK, withdrawn.StatusCode);
        var page = await coordinator.GetStringAsync($"/Plans/Details/{planId}");
        Assert.Contains("Nhiệm vụ đã thu hồi", page, StringComparison.Ordinal);
        Assert.Contains("Gộp vào nhiệm vụ khác " + n, page, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"plan-tasks\"", page, StringComparison.Ordinal); // the task list has nothing left
        Assert.DoesNotContain("Gộp vào nhiệm vụ khác " + n, await (await app.As("canbo")).GetStringAsync($"/Plans/Details/{planId}"), StringComparison.Ordinal);
    }
}
