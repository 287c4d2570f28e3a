using DanVan.Testing;
using Microsoft.Playwright;

namespace DanVan.BrowserTests;

/// <summary>The app on a clock the test moves: 02/03/2026 08:00 in Việt Nam.</summary>
public sealed class EditingFixture : BrowserFixture
{
    public FakeClock FakeClock { get; } = new(new DateTimeOffset(2026, 3, 2, 1, 0, 0, TimeSpan.Zero));

    protected override TimeProvider? Clock => FakeClock;
}

/// <summary>
/// Issue 12, done means "a plan edited and its previous version viewable", in a real browser: the coordinator edits a
/// plan that obliged nobody so that it obliges the wards, with a reason; the first version stays viewable in
/// "Lịch sử phiên bản"; the ward now finds the plan among those it must adopt.
/// </summary>
public class EditingHistoryTests(EditingFixture fx) : IClassFixture<EditingFixture>
{
    [Fact]
    public async Task APlanEdited_ItsPreviousVersionViewable_AndItsNewObligationReachesTheWard()
    {
        var coordinator = await fx.SignInAsync("dieuphoi");
        await coordinator.GotoAsync("/Documents/Create");
        await coordinator.GetByLabel("Số, ký hiệu").FillAsync("21/KH-UBND");
        await coordinator.GetByLabel("Ngày ban hành").FillAsync("02/03/2026");
        await coordinator.GetByLabel("Cơ quan ban hành").FillAsync("Ủy ban nhân dân tỉnh Tây Ninh");
        await coordinator.GetByLabel("Trích yếu").FillAsync("Thực hiện Quy chế dân chủ ở cơ sở năm 2026");
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Đăng ký" }).ClickAsync();
        await Assertions.Expect(coordinator.GetByTestId("document-title")).ToContainTextAsync("Kế hoạch số 21/KH-UBND");
        await coordinator.GetByRole(AriaRole.Link, new() { Name = "Nhập nội dung kế hoạch" }).ClickAsync();
        await coordinator.GetByLabel("I. Mục đích, yêu cầu").FillAsync("Phát huy quyền làm chủ của Nhân dân.");
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Lưu" }).ClickAsync();
        await Assertions.Expect(coordinator.GetByTestId("plan-title")).ToContainTextAsync("21/KH-UBND");
        await Assertions.Expect(coordinator.GetByTestId("history")).ToHaveCountAsync(0); // one version only: no history yet

        // The edit: an empty purpose and an impossible date are both refused at once, the choices kept.
        await coordinator.GetByTestId("edit").ClickAsync();
        await coordinator.GetByLabel("I. Mục đích, yêu cầu").FillAsync("");
        await coordinator.GetByLabel("Yêu cầu các đơn vị cấp dưới xây dựng kế hoạch thực hiện").CheckAsync();
        await coordinator.GetByLabel("Thời hạn xây dựng kế hoạch").FillAsync("31/02/2026");
        await coordinator.Locator("#kind-Ward").CheckAsync();
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Lưu thay đổi" }).ClickAsync();
        await Assertions.Expect(coordinator.GetByText("Vui lòng nhập mục đích, yêu cầu.")).ToBeVisibleAsync();
        await Assertions.Expect(coordinator.GetByText("Thời hạn xây dựng kế hoạch không hợp lệ", new() { Exact = false })).ToBeVisibleAsync();
        await Assertions.Expect(coordinator.Locator("#kind-Ward")).ToBeCheckedAsync();

        await coordinator.GetByLabel("I. Mục đích, yêu cầu").FillAsync("Phát huy quyền làm chủ của Nhân dân; mỗi phường xây dựng kế hoạch thực hiện.");
        await coordinator.GetByLabel("Thời hạn xây dựng kế hoạch").FillAsync("31/03/2026");
        await coordinator.GetByLabel("Lý do sửa (không bắt buộc)").FillAsync("Bổ sung yêu cầu các phường xây dựng kế hoạch");
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Lưu thay đổi" }).ClickAsync();
        await Assertions.Expect(coordinator.GetByText("Đã lưu kế hoạch (phiên bản 2).")).ToBeVisibleAsync();
        await Assertions.Expect(coordinator.GetByTestId("adoption")).ToContainTextAsync("hạn 31/03/2026");

        // Its history: version 2 current, version 1 kept whole with who replaced it and why.
        await coordinator.GetByTestId("history").ClickAsync();
        await Assertions.Expect(coordinator.GetByRole(AriaRole.Heading, new() { Name = "Lịch sử phiên bản" })).ToBeVisibleAsync();
        var current = coordinator.GetByTestId("version-2");
        await Assertions.Expect(current).ToContainTextAsync("hiện tại");
        await Assertions.Expect(current).ToContainTextAsync("mỗi phường xây dựng kế hoạch thực hiện");
        var first = coordinator.GetByTestId("version-1");
        await Assertions.Expect(first).ToContainTextAsync("được thay bằng phiên bản 2 ngày 02/03/2026");
        await Assertions.Expect(first).ToContainTextAsync("Lý do: Bổ sung yêu cầu các phường xây dựng kế hoạch");
        await Assertions.Expect(first.Locator("[data-field=Purposes]")).ToHaveTextAsync("Phát huy quyền làm chủ của Nhân dân.");
        await Assertions.Expect(first.Locator("[data-field=RequiresAdoption]")).ToHaveTextAsync("Không");
        await fx.ScreenshotAsync(coordinator, "editing-plan-history");

        // The ward, obliged now, finds it among the plans to adopt.
        var officer = await fx.SignInAsync("canbo");
        await officer.GotoAsync("/Plans/ToAdopt");
        await Assertions.Expect(officer.GetByText("21/KH-UBND", new() { Exact = false })).ToBeVisibleAsync();
        await fx.ScreenshotAsync(officer, "editing-plan-to-adopt");
    }
}
