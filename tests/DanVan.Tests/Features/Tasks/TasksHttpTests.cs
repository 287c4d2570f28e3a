using System.Net;
using DanVan.Domain.WorkItems;
using DanVan.Infrastructure;
using DanVan.Testing;
using DanVan.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Tests.Features.Tasks;

[Collection("App")]
public class TasksHttpTests(AppFixture app)
{
    private static readonly DateOnly Today = VietnamClock.Today(TimeProvider.System);

    [Fact]
    public async Task Coordinator_Assigns_Officer_Reports_AndTheBoardCounts()
    {
        var coordinator = await app.As("dieuphoi");
        var commune = await app.UnitIdAsync("25666"); // Xã Truông Mít: no other test gives it tasks
        var title = "Xây dựng mô hình Dân vận khéo " + Guid.NewGuid().ToString("N")[..6];
        var due = Today.AddDays(3).ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture);
        using var created = await DanVanAppFactory.PostFormAsync(coordinator, "/Tasks/Create", new Dictionary<string, string>
        {
            ["Input.Title"] = title,
            ["Input.LeadUnitId"] = commune.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Kind"] = "Once",
            ["Input.DueDate"] = due,
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var details = created.Headers.Location!.ToString();
        Assert.Contains("Sắp đến hạn (còn 3 ngày)", await coordinator.GetStringAsync(details), StringComparison.Ordinal);

        // Arrange an overdue deadline for the same commune directly (assigning in the past is refused by design).
        await using (var db = app.Database.CreateContext())
        {
            var item = new WorkItem
            {
                Title = "Báo cáo quá hạn " + title, AssignedByUnitId = await app.UnitIdAsync("80.SNV"), LeadUnitId = commune,
                Recurrence = RecurrenceKind.Once, PeriodStart = Today.AddDays(-30), PeriodEnd = Today.AddDays(-5), CreatedAtUtc = DateTime.UtcNow.AddDays(-30), SearchText = "bao cao qua han",
            };
            db.WorkItems.Add(item);
            await db.SaveChangesAsync();
            db.WorkItemDeadlines.Add(new WorkItemDeadline { WorkItemId = item.Id, LeadUnitId = commune, AssignedByUnitId = item.AssignedByUnitId, DueOn = Today.AddDays(-5), OriginalDueOn = Today.AddDays(-5), LastUpdatedAtUtc = DateTime.UtcNow.AddDays(-12) });
            await db.SaveChangesAsync();
        }

        var board = await coordinator.GetStringAsync($"/Tasks/Board?unitId={commune}");
        Assert.Contains("Xã Truông Mít (trực tiếp chủ trì)", board, StringComparison.Ordinal);
        Assert.Contains("Báo cáo quá hạn " + title, board, StringComparison.Ordinal);
        Assert.Contains("cập nhật 12 ngày trước", board, StringComparison.Ordinal);
        Assert.Contains(title, board, StringComparison.Ordinal); // due soon list
        var province = await coordinator.GetStringAsync("/Tasks/Board");
        Assert.Contains("Xã Truông Mít", province, StringComparison.Ordinal);

        // Issue 12: nothing reported yet reads "chưa cập nhật", not "cập nhật hôm nay"; no rate before anything is done.
        Assert.Contains("· chưa cập nhật", board, StringComparison.Ordinal);
        Assert.DoesNotContain("cập nhật hôm nay", board, StringComparison.Ordinal);
        Assert.Contains("chưa có nhiệm vụ hoàn thành, chưa tính tỷ lệ", board, StringComparison.Ordinal);
        Assert.DoesNotContain(">0%<", board, StringComparison.Ordinal);

        // The Sở Nội vụ's task list opens on every task it may see (it assigns, it leads few), and "Đơn vị tôi giao" lists what it gave.
        var list = await coordinator.GetStringAsync("/Tasks?q=" + Uri.EscapeDataString(title));
        Assert.Contains(title, list, StringComparison.Ordinal);
        Assert.Contains("<option value=\"all\" selected=\"selected\">", list, StringComparison.Ordinal);
        Assert.Contains("Sắp đến hạn (còn 3 ngày)", list, StringComparison.Ordinal);
        var given = await coordinator.GetStringAsync("/Tasks?view=assigned&state=All&q=" + Uri.EscapeDataString(title));
        Assert.Contains(title, given, StringComparison.Ordinal);
        var led = await coordinator.GetStringAsync("/Tasks?view=mine&q=" + Uri.EscapeDataString(title));
        Assert.Contains("data-testid=\"tasks-empty\"", led, StringComparison.Ordinal);

        // Another commune's officer cannot open it; an officer of the commune can, and reports it done.
        var outsider = await app.As("canbo");
        using var refused = await outsider.GetAsync(details);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);

        var userName = "tm" + Guid.NewGuid().ToString("N")[..6];
        using var account = await DanVanAppFactory.PostFormAsync(coordinator, "/Users/Create", new Dictionary<string, string>
        {
            ["Input.UserName"] = userName, ["Input.Password"] = "TruongMit@2026", ["Input.FullName"] = "Cán bộ Truông Mít",
            ["Input.UnitId"] = commune.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Input.Role"] = "UnitOfficer",
        });
        var officer = await app.Factory.LoginAsync(userName, "TruongMit@2026");
        var mine = await officer.GetStringAsync("/Tasks");
        Assert.Contains(title, mine, StringComparison.Ordinal);
        Assert.Contains("Quá hạn chưa hoàn thành", mine, StringComparison.Ordinal);

        using var report = await DanVanAppFactory.PostFormAsync(officer, details, new Dictionary<string, string>
        {
            ["Input.Note"] = "Đã xây dựng mô hình “Dân vận khéo” về vệ sinh môi trường.",
            ["Input.Completes"] = "true",
        });
        Assert.Equal(HttpStatusCode.Redirect, report.StatusCode);
        var after = await officer.GetStringAsync(details);
        Assert.Contains("Đã báo cáo hoàn thành, chờ xác nhận", after, StringComparison.Ordinal);
        Assert.DoesNotContain("Hoàn thành đúng hạn", after, StringComparison.Ordinal);
        Assert.Contains("Dân vận khéo” về vệ sinh môi trường", after, StringComparison.Ordinal);

        // Not done until the assigning unit (Sở Nội vụ: the coordinator) confirms it.
        using var confirmed = await DanVanAppFactory.PostFormAsync(coordinator, details + "?handler=Confirm", new Dictionary<string, string>(), details);
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        after = await officer.GetStringAsync(details);
        Assert.Contains("Hoàn thành đúng hạn", after, StringComparison.Ordinal);
        Assert.Contains("xác nhận hoàn thành, ngày hoàn thành", after, StringComparison.Ordinal);

        var bytes = await officer.GetByteArrayAsync("/Tasks?handler=Export&state=All");
        using var xlsx = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        var rows = xlsx.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Row>().Select(r => r.InnerText).ToList();
        Assert.Contains(rows, r => r.Contains(title, StringComparison.Ordinal) && r.Contains("Hoàn thành đúng hạn", StringComparison.Ordinal));
    }

    [Fact]
    public async Task CreateForm_WithBadInput_SavesNothing()
    {
        var coordinator = await app.As("dieuphoi");
        using var response = await DanVanAppFactory.PostFormAsync(coordinator, "/Tasks/Create", new Dictionary<string, string>
        {
            ["Input.Title"] = "Nhiệm vụ lỗi",
            ["Input.Kind"] = "Once",
            ["Input.DueDate"] = "30/02/2027",
            ["Input.Day"] = "abc",
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Hạn hoàn thành không hợp lệ", html, StringComparison.Ordinal);
        await using var db = app.Database.CreateContext();
        Assert.False(await db.WorkItems.AnyAsync(w => w.Title == "Nhiệm vụ lỗi"));

        using var yearly = await DanVanAppFactory.PostFormAsync(coordinator, "/Tasks/Create", new Dictionary<string, string>
        {
            ["Input.Title"] = "Nhiệm vụ lỗi",
            ["Input.Kind"] = "Yearly",
            ["Input.Day"] = "31",
            ["Input.Month"] = "4",
        });
        Assert.Contains("Vui lòng chọn đơn vị chủ trì.", await yearly.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("canbo", "/Tasks/Create", HttpStatusCode.Forbidden)]
    [InlineData("xem", "/Tasks", HttpStatusCode.OK)]
    [InlineData("canbo", "/Tasks/Board?unitId=1", HttpStatusCode.Forbidden)]
    [InlineData("canbo", "/Tasks/Details/987654321", HttpStatusCode.NotFound)]
    [InlineData("admin", "/Tasks/Board", HttpStatusCode.OK)]
    [InlineData("canbo", "/Tasks?state=Bogus&page=-3", HttpStatusCode.OK)]
    public async Task TaskPages_AnswerPerRole(string user, string url, HttpStatusCode expected)
    {
        var client = await app.As(user);
        using var response = await client.GetAsync(url);
        Assert.Equal(expected, response.StatusCode);
    }
}
