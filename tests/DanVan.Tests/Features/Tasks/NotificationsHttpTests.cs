using System.Net;
using System.Net.Http.Json;
using DanVan.Features.FollowUp;
using DanVan.Infrastructure;
using DanVan.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace DanVan.Tests.Features.Tasks;

[Collection("App")]
public class NotificationsHttpTests(AppFixture app)
{
    [Fact]
    public async Task TheDailyDigest_ShowsAsAnUnreadBadge_AndOnTheNotificationsPage()
    {
        var today = VietnamClock.Today(TimeProvider.System);
        var coordinator = await app.As("dieuphoi");
        var title = "Hoàn thiện hồ sơ mô hình " + Guid.NewGuid().ToString("N")[..6];
        using var created = await coordinator.PostAsJsonAsync("/api/tasks", new
        {
            title, leadUnitId = await app.UnitIdAsync("25459"),
            schedule = new { kind = "Once", date = today.AddDays(3).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        using (var scope = app.Factory.Services.CreateScope())
        {
            var outcome = await scope.ServiceProvider.GetRequiredService<DigestJob>().RunAsync(today, "test");
            Assert.True(outcome.Ran);
        }

        var officer = await app.As("canbo");
        Assert.Contains("data-testid=\"unread-count\"", await officer.GetStringAsync("/"), StringComparison.Ordinal);
        var page = await officer.GetStringAsync("/Notifications");
        Assert.Contains("Đôn đốc nhiệm vụ ngày " + today.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture), page, StringComparison.Ordinal);
        Assert.Contains(title, page, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"unread-count\"", await officer.GetStringAsync("/"), StringComparison.Ordinal);
    }
}
