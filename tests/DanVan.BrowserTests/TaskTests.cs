using System.Globalization;
using DanVan.Infrastructure;
using Microsoft.Playwright;

namespace DanVan.BrowserTests;

[Collection("Browser")]
public class TaskTests(BrowserFixture fx)
{
    [Fact]
    public async Task Coordinator_Assigns_AWardOfficer_ReportsItDone_AndTheBoardShowsIt()
    {
        var due = VietnamClock.Today(TimeProvider.System).AddDays(5).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
        var title = "Tổ chức đối thoại với Nhân dân về chỉnh trang đô thị " + Guid.NewGuid().ToString("N")[..4];

        var coordinator = await fx.SignInAsync("dieuphoi");
        await coordinator.GetByRole(AriaRole.Link, new() { Name = "Nhiệm vụ", Exact = true }).ClickAsync();
        await coordinator.GetByRole(AriaRole.Link, new() { Name = "Giao nhiệm vụ" }).ClickAsync();
        await coordinator.GetByLabel("Nội dung nhiệm vụ").FillAsync(title);
        await coordinator.GetByPlaceholder("Gõ tên đơn vị chủ trì").PressSequentiallyAsync("phuong tan ninh");
        await coordinator.GetByRole(AriaRole.Radio, new() { Name = "Phường Tân Ninh" }).CheckAsync();
        await coordinator.GetByLabel("Hạn hoàn thành").FillAsync(due);
        await fx.ScreenshotAsync(coordinator, "08-assign-task");
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Giao nhiệm vụ" }).ClickAsync();
        await Assertions.Expect(coordinator.GetByTestId("task-state")).ToHaveTextAsync("Sắp đến hạn (còn 5 ngày)"); // the board's word, not "Chưa đến hạn"
        var url = coordinator.Url;

        var officer = await fx.SignInAsync("canbo");
        await officer.GotoAsync("/Tasks");
        await officer.GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();
        await officer.GetByLabel("Kết quả thực hiện").FillAsync("Đã tổ chức đối thoại tại nhà văn hóa khu phố 1, 85 người dự.");
        await officer.GetByLabel("Đã hoàn thành").CheckAsync();
        await officer.GetByRole(AriaRole.Button, new() { Name = "Gửi báo cáo" }).ClickAsync();
        await Assertions.Expect(officer.GetByTestId("task-state")).ToHaveTextAsync("Đã báo cáo hoàn thành, chờ xác nhận");
        await Assertions.Expect(officer.GetByTestId("task-updates")).ToContainTextAsync("85 người dự");
        await fx.ScreenshotAsync(officer, "09-task-done");

        // The assigning unit (Sở Nội vụ) confirms: only then is it done.
        await coordinator.GotoAsync(url);
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Xác nhận hoàn thành" }).ClickAsync();
        await Assertions.Expect(coordinator.GetByTestId("task-state")).ToHaveTextAsync("Hoàn thành đúng hạn");

        await coordinator.GotoAsync("/Tasks/Board");
        await Assertions.Expect(coordinator.GetByTestId("board-table")).ToContainTextAsync("Phường Tân Ninh");
        await fx.ScreenshotAsync(coordinator, "10-task-board");
        await coordinator.GotoAsync(url);
        await Assertions.Expect(coordinator.GetByTestId("task-state")).ToHaveTextAsync("Hoàn thành đúng hạn");
        await officer.Context.CloseAsync();
        await coordinator.Context.CloseAsync();
    }
}
