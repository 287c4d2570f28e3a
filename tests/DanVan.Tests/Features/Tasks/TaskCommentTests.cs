using System.Net;
using DanVan.Domain.WorkItems;
using DanVan.Testing;
using DanVan.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Tests.Features.Tasks;

/// <summary>Issue 12's comments on a task: the units that act on it talk in its history; readers and reviewers cannot.</summary>
[Collection("App")]
public class TaskCommentTests(AppFixture app)
{
    [Fact]
    public async Task The_assigning_and_lead_units_exchange_comments_in_the_history_without_changing_the_task()
    {
        var ward = await app.UnitIdAsync("25459");
        int deadlineId;
        (int Progress, DateTime Updated) before;
        await using (var db = app.Database.CreateContext())
        {
            var d = await db.WorkItemDeadlines.Where(x => x.LeadUnitId == ward && x.CompletedOn == null && x.ReportedCompletedOn == null).OrderBy(x => x.Id).FirstAsync();
            (deadlineId, before) = (d.Id, (d.Progress, d.LastUpdatedAtUtc));
        }

        var url = $"/Tasks/Details/{deadlineId}";
        var coordinator = await app.As("dieuphoi");
        var text = "Đề nghị phường gửi kèm danh sách khu phố đã rà soát " + Guid.NewGuid().ToString("N")[..6];
        using (var sent = await DanVanAppFactory.PostFormAsync(coordinator, url + "?handler=Comment", new Dictionary<string, string> { ["Comment"] = text }))
        {
            Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        }

        var officer = await app.As("canbo");
        var page = WebUtility.HtmlDecode(await officer.GetStringAsync(url));
        Assert.Contains("dieuphoi — trao đổi", page, StringComparison.Ordinal);
        Assert.Contains(text, page, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"task-comment\"", page, StringComparison.Ordinal); // the ward answers in the same place

        // Nothing of the task moved: the comment is not a progress report.
        await using (var db = app.Database.CreateContext())
        {
            var d = await db.WorkItemDeadlines.SingleAsync(x => x.Id == deadlineId);
            Assert.Equal(before, (d.Progress, d.LastUpdatedAtUtc));
            Assert.Equal(1, await db.WorkItemUpdates.CountAsync(u => u.DeadlineId == deadlineId && u.Kind == WorkItemUpdateKind.Comment && u.Note == text));
        }

        // An empty comment is refused in Vietnamese and saves nothing; the reviewer reads but does not comment.
        using (var empty = await DanVanAppFactory.PostFormAsync(officer, url + "?handler=Comment", new Dictionary<string, string> { ["Comment"] = "   " }))
        {
            Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
            Assert.Contains("nội dung trao đổi", WebUtility.HtmlDecode(await empty.Content.ReadAsStringAsync()), StringComparison.OrdinalIgnoreCase);
        }

        var reviewer = await app.As("thamdinh");
        Assert.DoesNotContain("data-testid=\"task-comment\"", await reviewer.GetStringAsync(url), StringComparison.Ordinal);
        using (var refused = await DanVanAppFactory.PostFormAsync(reviewer, url + "?handler=Comment", new Dictionary<string, string> { ["Comment"] = "Ý kiến" }))
        {
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        }

        await using (var db = app.Database.CreateContext())
        {
            Assert.Equal(1, await db.WorkItemUpdates.CountAsync(u => u.DeadlineId == deadlineId && u.Kind == WorkItemUpdateKind.Comment && u.Note.StartsWith("Đề nghị phường gửi kèm") && u.Note == text));
            Assert.False(await db.WorkItemUpdates.AnyAsync(u => u.DeadlineId == deadlineId && u.Kind == WorkItemUpdateKind.Comment && u.Note == "Ý kiến"));
        }
    }
}
