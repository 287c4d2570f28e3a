using System.Net;
using DanVan.Data;
using DanVan.Domain.Access;
using DanVan.Domain.Consultations;
using DanVan.Domain.Text;
using DanVan.Features.Calendar;
using DanVan.Features.Consultations;
using DanVan.Features.Deadlines;
using DanVan.Features.Import;
using DanVan.Infrastructure;
using DanVan.Testing;
using DanVan.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace DanVan.Tests.Features.Consultations;

/// <summary>
/// /Public/Consultations (Luật Thực hiện dân chủ ở cơ sở, Điều 25–28): anyone sees the drafts a ward puts to its
/// people, with their paragraphs and deadline, and after the deadline the synthesis of handling — never a signer's
/// name, never a consultation among agencies.
/// </summary>
public sealed class PublicConsultationTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static readonly DateOnly Today = VietnamClock.Today(TimeProvider.System);

    private static string F(DateOnly d) => VietnameseText.FormatDate(d);

    /// <summary>The real clock moved back: a consultation that ran in the past.</summary>
    private sealed class ShiftedClock(TimeSpan by) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + by;
    }

    private async Task<Result<T>> OnDayAsync<T>(int daysAgo, Func<ConsultationCommands, UserScope, UserScope, Task<Result<T>>> act)
    {
        using var scope = app.Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var clock = new ShiftedClock(TimeSpan.FromDays(-daysAgo));
        var commands = new ConsultationCommands(db, new StatutoryDeadlines(db, new CalendarCommands(db), clock), new DocumentTextReader(), new ConfigurationBuilder().Build(), clock);
        async Task<UserScope> Of(string userName) =>
            (await CurrentUser.LoadScopeAsync(db, await db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync()))!;
        return await act(commands, await Of("canbo"), await Of("lanhdao"));
    }

    private async Task<int> IdOfAsync(string title)
    {
        using var scope = app.Factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Consultations.Where(c => c.Title == title).Select(c => c.Id).SingleAsync();
    }

    private static void Ok<T>(Result<T> r) => Assert.True(r.IsOk, string.Join(" ", r.Errors.SelectMany(e => e.Value)));

    [Fact]
    public async Task ThePublicPage_ShowsTheWardsConsultationsOfItsPeople_WithTheSynthesisAfterTheDeadline_AndNoAgencyConsultation()
    {
        var code = SeededDatabaseFixture.NewCode();
        var justice = (await app.UnitIdAsync("80.STP")).ToString(System.Globalization.CultureInfo.InvariantCulture);

        // An open one, sent through the form today: the ward consults its people for the statutory 20 days and more.
        var ward = await app.As("canbo");
        var openTitle = "Quy ước khu phố văn minh " + code;
        using (var created = await DanVanAppFactory.PostFormAsync(ward, "/Consultations/Create", new Dictionary<string, string>
        {
            ["Input.Title"] = openTitle, ["Input.Subject"] = "V/v lấy ý kiến Nhân dân về dự thảo Quy ước khu phố văn minh",
            ["Input.Audience"] = nameof(ConsultationAudience.CommunePeople), ["Input.SentOn"] = F(Today), ["Input.DueOn"] = F(Today.AddDays(30)),
            ["Input.SilenceRule"] = "Hết thời hạn, nơi không có ý kiến xem như thống nhất.", ["Input.SilenceMeansAgreement"] = "true",
            ["Input.Contact"] = "Bộ phận một cửa UBND phường Tân Ninh",
            ["Input.DraftText"] = "Điều 1. Giữ gìn vệ sinh chung, không để rác ra đường ngoài giờ thu gom.\nĐiều 2. Giữ trật tự, không gây ồn sau 22 giờ.",
            ["Input.RespondentUnitIds"] = justice,
        }, "/Consultations/Create"))
        {
            Assert.True(created.StatusCode == HttpStatusCode.Redirect, WebUtility.HtmlDecode(await created.Content.ReadAsStringAsync()));
        }

        // A closed one: sent 60 days ago, due 30 days ago, one answer with a named signer, its comments handled.
        var front = await app.UnitIdAsync("80.MTTQ");
        var closedTitle = "Phương án chỉnh trang vỉa hè khu phố 3 " + code;
        var closed = await OnDayAsync(60, (c, officer, _) => c.CreateAsync(officer, new ConsultationInput
        {
            Title = closedTitle, Subject = "V/v lấy ý kiến Nhân dân về dự thảo Phương án chỉnh trang vỉa hè", Audience = ConsultationAudience.CommunePeople,
            SentOn = F(Today.AddDays(-60)), DueOn = F(Today.AddDays(-30)),
            DraftText = "1. Lát lại vỉa hè đường Nguyễn Trãi bằng gạch không nung.\n2. Trồng cây bóng mát mỗi 10 m.\n3. Không để xe trên vỉa hè sau 18 giờ.",
            RespondentUnitIds = [int.Parse(justice, System.Globalization.CultureInfo.InvariantCulture), front],
        }, null));
        Ok(closed);
        var id = closed.Value!.Id;
        Ok(await OnDayAsync(50, (c, _, head) => c.AnswerAsync(head, id, new AnswerInput
        {
            SignerName = "Ông Trần Văn Bí Mật " + code, SignerPosition = "Trưởng khu phố",
            Comments = [new() { Paragraph = 2, Text = "Đề nghị chọn cây có rễ cọc " + code }, new() { Paragraph = 3, Text = "Đề nghị cho để xe đến 20 giờ " + code }],
        }, null)));
        List<int> commentIds;
        using (var scope = app.Factory.Services.CreateScope())
        {
            commentIds = await scope.ServiceProvider.GetRequiredService<AppDbContext>().ConsultationComments.Where(m => m.ConsultationId == id).OrderBy(m => m.Id).Select(m => m.Id).ToListAsync();
        }

        Ok(await OnDayAsync(0, (c, officer, _) => c.HandleAsync(officer, id, commentIds[0], new HandlingInput { Handling = CommentHandling.Accepted })));
        Ok(await OnDayAsync(0, (c, officer, _) => c.HandleAsync(officer, id, commentIds[1], new HandlingInput
        {
            Handling = CommentHandling.Explained, Explanation = "Giữ 18 giờ để bảo đảm lối đi cho người đi bộ " + code,
        })));

        // An internal one (agencies consulted), not for the public.
        var internalTitle = "Quy chế phối hợp nội bộ " + code;
        Ok(await OnDayAsync(0, (c, officer, _) => c.CreateAsync(officer, new ConsultationInput
        {
            Title = internalTitle, Subject = "V/v lấy ý kiến góp ý dự thảo Quy chế phối hợp", Audience = ConsultationAudience.Units,
            SentOn = F(Today), DueOn = F(Today.AddDays(5)), DraftText = "Điều 1. Phạm vi điều chỉnh.", RespondentUnitIds = [int.Parse(justice, System.Globalization.CultureInfo.InvariantCulture)],
        }, null)));

        // Anonymous: the list (searched without diacritics), cached, both of the people's consultations, not the internal one.
        using var anonymous = app.Factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var response = await anonymous.GetAsync("/Public/Consultations?q=" + Uri.EscapeDataString(code));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("public", response.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
        var list = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains(openTitle, list, StringComparison.Ordinal);
        Assert.Contains("Điều 1. Giữ gìn vệ sinh chung", list, StringComparison.Ordinal);
        Assert.Contains("hạn góp ý hết ngày <strong>" + F(Today.AddDays(30)) + "</strong>", list, StringComparison.Ordinal);
        Assert.Contains(closedTitle, list, StringComparison.Ordinal);
        Assert.Contains("2 ý kiến góp ý: 1 tiếp thu, 1 giải trình, không tiếp thu.", list, StringComparison.Ordinal);
        Assert.DoesNotContain(internalTitle, list, StringComparison.Ordinal);
        Assert.DoesNotContain("Bí Mật", list, StringComparison.Ordinal);
        Assert.Contains("/Public/Consultations\"", list, StringComparison.Ordinal); // in the public navigation
        var folded = WebUtility.HtmlDecode(await anonymous.GetStringAsync("/Public/Consultations?q=" + Uri.EscapeDataString("VIA HE KHU PHO 3 " + code)));
        Assert.Contains(closedTitle, folded, StringComparison.Ordinal);
        Assert.DoesNotContain(openTitle, folded, StringComparison.Ordinal);

        // The closed one in full: every paragraph, each comment with its handling, the silent one counted; no signer.
        var full = WebUtility.HtmlDecode(await anonymous.GetStringAsync($"/Public/Consultations?id={id}"));
        Assert.Contains("Đã hết hạn góp ý", full, StringComparison.Ordinal);
        Assert.Contains("Không để xe trên vỉa hè sau 18 giờ.", full, StringComparison.Ordinal);
        Assert.Contains("Đề nghị chọn cây có rễ cọc " + code, full, StringComparison.Ordinal);
        Assert.Contains("Giữ 18 giờ để bảo đảm lối đi cho người đi bộ " + code, full, StringComparison.Ordinal);
        Assert.Contains("Giải trình, không tiếp thu", full, StringComparison.Ordinal);
        Assert.Contains("2 nơi được lấy ý kiến; 1 nơi có ý kiến; 1 nơi không có ý kiến, xem như thống nhất", full, StringComparison.Ordinal);
        Assert.DoesNotContain("Bí Mật", full, StringComparison.Ordinal);
        Assert.DoesNotContain("Trưởng khu phố", full, StringComparison.Ordinal);

        // The open one in full says the synthesis comes after the deadline; the internal one is not found; nor is a bad id.
        var open = WebUtility.HtmlDecode(await anonymous.GetStringAsync($"/Public/Consultations?id={await IdOfAsync(openTitle)}"));
        Assert.Contains("Đang nhận ý kiến đến hết ngày " + F(Today.AddDays(30)), open, StringComparison.Ordinal);
        Assert.Contains("Bộ phận một cửa UBND phường Tân Ninh", open, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/Public/Consultations?id={await IdOfAsync(internalTitle)}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/Public/Consultations?id=999999999")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/Public/Consultations?page=99999&q=" + new string('x', 300))).StatusCode);
    }
}
