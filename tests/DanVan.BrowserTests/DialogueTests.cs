using DanVan.Data;
using DanVan.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace DanVan.BrowserTests;

/// <summary>The app on a clock the test moves: Monday 02/11/2026 08:00 in Việt Nam at the start.</summary>
public sealed class DialogueFixture : BrowserFixture
{
    public FakeClock FakeClock { get; } = new(new DateTimeOffset(2026, 11, 2, 1, 0, 0, TimeSpan.Zero));

    protected override TimeProvider? Clock => FakeClock;
}

/// <summary>
/// Issue 17, done-means (1): a ward schedules its dialogue (5 days' notice refused, 7 accepted and public), records
/// four opinions — two answered on the spot, two commitments of two units —, publishes the results within their limit;
/// one commitment is done, the other goes overdue on the owner's board; the next dialogue opens with both.
/// </summary>
public class DialogueTests(DialogueFixture fx) : IClassFixture<DialogueFixture>
{
    private static async void AcceptDialog(object? sender, IDialog dialog) => await dialog.AcceptAsync();

    [Fact]
    public async Task AWardsDialogue_FromNoticeToCommitments_InTheBrowser()
    {
        // The demo dialogues are dated from the real today; this one runs in November 2026 without them.
        using (var scope = fx.App.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<AppDbContext>().Dialogues.Where(d => d.Topic.Contains("dữ liệu minh họa")).ExecuteDeleteAsync();
        }

        var code = Guid.NewGuid().ToString("N")[..4];
        var topic = "Đối thoại năm 2026 về chỉnh trang đô thị " + code;

        // 02/11: a notice today for Saturday 07/11 is only 5 days ahead — refused; for Monday 09/11 it is 7 — accepted.
        var officer = await fx.SignInAsync("canbo");
        await officer.GotoAsync("/Dialogues/Create");
        await officer.GetByLabel("Chủ đề, nội dung đối thoại").FillAsync(topic);
        await officer.GetByLabel("Người chủ trì").FillAsync("Nguyễn Văn Hùng, Chủ tịch UBND phường");
        await officer.GetByLabel("Đối tượng đối thoại").SelectOptionAsync(new SelectOptionValue { Label = "Nhân dân trên địa bàn xã, phường" });
        await officer.GetByLabel("Ngày đối thoại").FillAsync("07/11/2026");
        await officer.GetByLabel("Địa điểm (hoặc nền tảng họp trực tuyến)").FillAsync("Hội trường UBND phường Tân Ninh");
        await officer.GetByLabel("Cơ quan phối hợp tổ chức").FillAsync("Ủy ban MTTQ Việt Nam phường Tân Ninh");
        await officer.GetByLabel("Ngày thông báo (nếu đã thông báo)").FillAsync("02/11/2026");
        await officer.GetByRole(AriaRole.Button, new() { Name = "Lưu kế hoạch" }).ClickAsync();
        await Assertions.Expect(officer.GetByTestId("dialogue-form")).ToContainTextAsync("chỉ trước ngày đối thoại 5 ngày");
        await Assertions.Expect(officer.GetByTestId("dialogue-form")).ToContainTextAsync("Điều 43");
        await fx.ScreenshotAsync(officer, "30-dialogue-notice-refused");
        await officer.GetByLabel("Ngày đối thoại").FillAsync("09/11/2026");
        await officer.GetByRole(AriaRole.Button, new() { Name = "Lưu kế hoạch" }).ClickAsync();
        await Assertions.Expect(officer.GetByTestId("dialogue-state")).ToHaveTextAsync("Đã thông báo");
        var url = new Uri(officer.Url).PathAndQuery;

        var citizen = await (await fx.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = fx.BaseAddress.ToString().TrimEnd('/'), Locale = "vi-VN" })).NewPageAsync();
        await citizen.GotoAsync("/Public/Dialogues?q=" + Uri.EscapeDataString("chinh trang do thi " + code));
        await Assertions.Expect(citizen.GetByTestId("public-dialogues-upcoming")).ToContainTextAsync(topic);
        await Assertions.Expect(citizen.GetByTestId("public-dialogues-upcoming")).ToContainTextAsync("09/11/2026");
        await fx.ScreenshotAsync(citizen, "31-dialogue-public-notice");
        await officer.Context.CloseAsync();

        // 09/11: the record and four opinions.
        fx.FakeClock.Advance(TimeSpan.FromDays(7));
        officer = await fx.SignInAsync("canbo");
        await officer.GotoAsync(url);
        await officer.GetByLabel("Số người tham dự").FillAsync("96");
        await officer.GetByLabel("Thành phần tham dự, diễn biến hội nghị").FillAsync("Chủ tịch UBND phường chủ trì; Ủy ban MTTQ phường, trưởng các khu phố.");
        await officer.GetByRole(AriaRole.Button, new() { Name = "Ghi biên bản" }).ClickAsync();
        await Assertions.Expect(officer.GetByTestId("dialogue-state")).ToHaveTextAsync("Đã tổ chức");

        async Task Opinion(string speaker, string content, string? answer, string? owner = null, string? due = null)
        {
            await officer.GetByLabel("Người nêu ý kiến").FillAsync(speaker);
            await officer.GetByLabel("Lĩnh vực").SelectOptionAsync(new SelectOptionValue { Label = "Khác" });
            await officer.GetByLabel("Nội dung ý kiến, kiến nghị").FillAsync(content);
            if (answer is not null)
            {
                await officer.GetByLabel("Đã trả lời tại hội nghị").CheckAsync();
                await officer.GetByLabel("Nội dung trả lời tại hội nghị").FillAsync(answer);
            }
            else
            {
                await officer.GetByLabel("Đơn vị chịu trách nhiệm").SelectOptionAsync(new SelectOptionValue { Label = owner! });
                await officer.GetByLabel("Hạn giải quyết, trả lời").FillAsync(due!);
            }

            await officer.GetByRole(AriaRole.Button, new() { Name = "Ghi ý kiến" }).ClickAsync();
            await Assertions.Expect(officer.GetByTestId("dialogue-opinions")).ToContainTextAsync(content);
        }

        await Opinion("Ông Trần Văn Lộc", "Thời gian cấp phép xây dựng " + code, "Giải quyết trong 15 ngày theo quy định.");
        await Opinion("Bà Lê Thị Hoa", "Lịch thu gom rác " + code, "Thu gom hằng ngày từ 17 giờ.");
        await Opinion("Ông Phạm Minh Tâm", "Sửa đèn chiếu sáng hẻm 12 " + code, null, "Phường Tân Ninh", "16/11/2026");
        await Opinion("Bà Võ Thị Ngọc", "Hướng dẫn chứng thực tại nhà cho người cao tuổi " + code, null, "Sở Tư pháp tỉnh Tây Ninh", "20/11/2026");
        await Assertions.Expect(officer.GetByTestId("dialogue-commitments")).ToContainTextAsync("Sở Tư pháp tỉnh Tây Ninh");
        await fx.ScreenshotAsync(officer, "32-dialogue-record");

        // 13/11: the results, within their limit (19/11), public with the commitments' status — no speaker's name.
        fx.FakeClock.Advance(TimeSpan.FromDays(4));
        await officer.Context.CloseAsync();
        officer = await fx.SignInAsync("canbo"); // a session idle for days is signed out
        officer.Dialog += AcceptDialog;
        await officer.GotoAsync(url);
        await Assertions.Expect(officer.GetByTestId("dialogue-results")).ToContainTextAsync("19/11/2026");
        await officer.GetByLabel("Kết quả đối thoại").FillAsync("Tiếp thu 4 ý kiến; 2 ý kiến đã trả lời tại hội nghị, 2 ý kiến giao đơn vị giải quyết.");
        await officer.GetByRole(AriaRole.Button, new() { Name = "Công bố kết quả" }).ClickAsync();
        await Assertions.Expect(officer.GetByTestId("dialogue-state")).ToHaveTextAsync("Đã công bố kết quả");
        // The public page may be cached for five minutes: another search shows the fresh one.
        await citizen.GotoAsync("/Public/Dialogues?q=" + Uri.EscapeDataString("DO THI " + code));
        await Assertions.Expect(citizen.GetByTestId("public-dialogue-result")).ToContainTextAsync("Hướng dẫn chứng thực tại nhà cho người cao tuổi " + code);
        await Assertions.Expect(citizen.GetByTestId("public-dialogue-result")).ToContainTextAsync("Đang thực hiện");
        await Assertions.Expect(citizen.GetByTestId("public-dialogue-result")).Not.ToContainTextAsync("Võ Thị Ngọc");
        await fx.ScreenshotAsync(citizen, "33-dialogue-public-results");

        // 16/11: the ward's commitment is done from the board.
        fx.FakeClock.Advance(TimeSpan.FromDays(3));
        await officer.Context.CloseAsync();
        officer = await fx.SignInAsync("canbo");
        await officer.GotoAsync("/Dialogues/Commitments");
        var row = officer.GetByTestId("commitments-table").Locator("tr", new() { HasText = "Sửa đèn chiếu sáng hẻm 12 " + code });
        await row.GetByLabel("Kết quả giải quyết").FillAsync("Đã thay 6 bóng đèn.");
        await row.GetByRole(AriaRole.Button, new() { Name = "Hoàn thành" }).ClickAsync();
        await Assertions.Expect(officer.GetByTestId("dialogue-commitments")).ToContainTextAsync("Đã hoàn thành ngày 16/11/2026");
        await officer.Context.CloseAsync();

        // 23/11: the Sở Tư pháp's commitment is overdue on its head's board.
        fx.FakeClock.Advance(TimeSpan.FromDays(7));
        var head = await fx.SignInAsync("lanhdao");
        await head.GotoAsync("/Dialogues/Commitments");
        await Assertions.Expect(head.GetByTestId("commitments-overdue")).ToBeVisibleAsync();
        var overdue = head.GetByTestId("commitments-table").Locator("tr", new() { HasText = "Hướng dẫn chứng thực tại nhà cho người cao tuổi " + code });
        await Assertions.Expect(overdue).ToContainTextAsync("Quá hạn");
        await fx.ScreenshotAsync(head, "34-dialogue-commitments-overdue");
        await head.Context.CloseAsync();

        // The ward plans its next dialogue: it opens with both commitments.
        officer = await fx.SignInAsync("canbo");
        await officer.GotoAsync("/Dialogues/Create");
        await officer.GetByLabel("Chủ đề, nội dung đối thoại").FillAsync("Đối thoại bổ sung " + code);
        await officer.GetByLabel("Người chủ trì").FillAsync("Nguyễn Văn Hùng, Chủ tịch UBND phường");
        await officer.GetByLabel("Đối tượng đối thoại").SelectOptionAsync(new SelectOptionValue { Label = "Nhân dân thôn, tổ dân phố" });
        await officer.GetByLabel("Ngày đối thoại").FillAsync("21/12/2026");
        await officer.GetByLabel("Địa điểm (hoặc nền tảng họp trực tuyến)").FillAsync("Nhà văn hóa khu phố 3");
        await officer.GetByRole(AriaRole.Button, new() { Name = "Lưu kế hoạch" }).ClickAsync();
        await Assertions.Expect(officer.GetByTestId("dialogue-state")).ToHaveTextAsync("Dự kiến");
        await Assertions.Expect(officer.GetByTestId("previous-commitments")).ToContainTextAsync("Đã hoàn thành ngày 16/11/2026");
        await Assertions.Expect(officer.GetByTestId("previous-commitments")).ToContainTextAsync("Quá hạn");
        await fx.ScreenshotAsync(officer, "35-dialogue-next-opens-with-commitments");
        await officer.Context.CloseAsync();
        await citizen.Context.CloseAsync();
    }
}
