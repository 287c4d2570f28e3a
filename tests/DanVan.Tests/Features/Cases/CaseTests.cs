using System.Net;
using System.Text.RegularExpressions;
using DanVan.Data;
using DanVan.Domain.Cases;
using DanVan.Domain.Text;
using DanVan.Infrastructure;
using DanVan.Testing;
using DanVan.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace DanVan.Tests.Features.Cases;

/// <summary>Citizens' cases over HTTP on a real database: intake, steps on the statutory clock, need-to-know identities.</summary>
public sealed partial class CaseTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static readonly string Today = VietnameseText.FormatDate(VietnamClock.Today(TimeProvider.System));

    private static Dictionary<string, string> Intake(string kind, string summary, string? sender = "Trần Thị Khiếu", string respondent = "Quyết định thu hồi đất số 12/QĐ-UBND") => new()
    {
        ["Input.ReceivedOn"] = Today,
        ["Input.Source"] = "Post",
        ["Input.Kind"] = kind,
        ["Input.Instance"] = "1",
        ["Input.Summary"] = summary,
        ["Input.Field"] = "dat-dai",
        ["Input.SenderName"] = sender ?? "",
        ["Input.SenderPhone"] = "0912345678",
        ["Input.Signatories"] = "1",
        ["Input.Respondent"] = respondent,
        ["Input.WithinCompetence"] = "true",
    };

    private async Task<int> RegisterAsync(HttpClient client, Dictionary<string, string> form)
    {
        using var response = await DanVanAppFactory.PostFormAsync(client, "/Cases/Create", form, "/Cases/Create");
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        return int.Parse(response.Headers.Location!.ToString().Split('/').Last(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task<HttpResponseMessage> StepAsync(HttpClient client, int id, string action, Dictionary<string, string>? more = null)
    {
        var page = await client.GetStringAsync($"/Cases/Details/{id}");
        var stamp = StampRegex().Match(page).Groups[1].Value;
        var form = new Dictionary<string, string> { ["Input.Action"] = action, ["Input.On"] = Today, ["Input.Stamp"] = stamp };
        foreach (var (k, v) in more ?? [])
        {
            form[k] = v;
        }

        return await DanVanAppFactory.PostFormAsync(client, $"/Cases/Details/{id}?handler=Step", form, $"/Cases/Details/{id}");
    }

    private async Task<HttpClient> WardHeadAsync()
    {
        using (var scope = app.Factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            if (!await db.Users.AnyAsync(u => u.UserName == "truongphuong"))
            {
                var admin = await app.As("admin");
                var unit = await db.Users.Where(u => u.UserName == "canbo").Select(u => u.OrgUnitId).SingleAsync();
                using var created = await DanVanAppFactory.PostFormAsync(admin, "/Users/Create", new Dictionary<string, string>
                {
                    ["Input.UserName"] = "truongphuong", ["Input.Password"] = "TruongPhuong@2026", ["Input.FullName"] = "Chủ tịch phường thử",
                    ["Input.UnitId"] = unit.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Input.Role"] = "UnitHead",
                });
                Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
            }
        }

        return await app.Factory.LoginAsync("truongphuong", "TruongPhuong@2026");
    }

    [Fact]
    public async Task AComplaint_IsRegistered_Accepted_AndResolved_OnTheStatutoryClock()
    {
        var officer = await app.As("canbo");
        var id = await RegisterAsync(officer, Intake("Complaint", "Khiếu nại việc thu hồi đất không bồi thường"));
        var page = WebUtility.HtmlDecode(await officer.GetStringAsync($"/Cases/Details/{id}"));
        Assert.Contains("Hạn xử lý đơn", page, StringComparison.Ordinal);
        Assert.Contains("10 ngày kể từ ngày nhận được khiếu nại", page, StringComparison.Ordinal);
        Assert.Contains("(Điều 27 Luật Khiếu nại 02/2011/QH13)", page, StringComparison.Ordinal);
        Assert.Contains("Trần Thị Khiếu", page, StringComparison.Ordinal); // the unit's own officer sees the sender

        using (var accepted = await StepAsync(officer, id, "Accept"))
        {
            Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        }

        page = WebUtility.HtmlDecode(await officer.GetStringAsync($"/Cases/Details/{id}"));
        Assert.Contains("Hạn giải quyết", page, StringComparison.Ordinal);
        Assert.Contains("30 ngày kể từ ngày thụ lý", page, StringComparison.Ordinal);
        Assert.Contains("(Điều 28 Luật Khiếu nại 02/2011/QH13)", page, StringComparison.Ordinal);

        // A complaint is not extended: its period is longer when complicated (Art. 28).
        using (var extend = await StepAsync(officer, id, "Extend", new() { ["Input.Days"] = "15" }))
        {
            Assert.Contains("Chỉ thời hạn giải quyết tố cáo được gia hạn", WebUtility.HtmlDecode(await extend.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        }

        using (var resolved = await StepAsync(officer, id, "Resolve", new() { ["Input.Reason"] = "Quyết định giải quyết khiếu nại lần đầu số 5/QĐ-UBND" }))
        {
            Assert.Equal(HttpStatusCode.Redirect, resolved.StatusCode);
        }

        using var scope = app.Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var row = await db.Cases.Include(c => c.Steps).SingleAsync(c => c.Id == id);
        Assert.Equal(CaseState.Resolved, row.State);
        Assert.True(row.ClosedOnTime);
        Assert.Equal(3, row.Steps.Count);
        Assert.True(await db.AuditEntries.AnyAsync(a => a.EntityType == nameof(CitizenCase) && a.Action == "read" && a.UserName == "canbo"));

        // The coordinator follows it without the citizen's personal data; another unit's reader does not see it at all.
        var coordinator = await app.As("dieuphoi");
        var seen = await coordinator.GetStringAsync($"/Cases/Details/{id}");
        Assert.Contains(row.Code, seen, StringComparison.Ordinal);
        Assert.DoesNotContain("Trần Thị Khiếu", seen, StringComparison.Ordinal);
        Assert.DoesNotContain("0912345678", seen, StringComparison.Ordinal);
        Assert.DoesNotContain("Trần Thị Khiếu", await coordinator.GetStringAsync("/Cases"), StringComparison.Ordinal);
        using var other = await (await app.As("xem")).GetAsync($"/Cases/Details/{id}");
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
    }

    [Fact]
    public async Task BadIntake_IsRefusedWithEveryReasonAtOnce_AndSavesNothing()
    {
        var officer = await app.As("canbo");
        using var scope = app.Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var before = await db.Cases.CountAsync();
        using (var empty = await DanVanAppFactory.PostFormAsync(officer, "/Cases/Create", new Dictionary<string, string> { ["Input.Signatories"] = "1" }, "/Cases/Create"))
        {
            var html = WebUtility.HtmlDecode(await empty.Content.ReadAsStringAsync());
            Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
            foreach (var message in new[] { "Vui lòng nhập ngày nhận đơn.", "Vui lòng chọn nguồn đơn.", "Vui lòng chọn loại đơn", "Vui lòng nhập nội dung tóm tắt.", "Vui lòng chọn lĩnh vực.", "Vui lòng nhập họ tên người gửi đơn." })
            {
                Assert.Contains(message, html, StringComparison.Ordinal);
            }
        }

        var future = Intake("Complaint", "Đơn ghi ngày mai");
        future["Input.ReceivedOn"] = VietnameseText.FormatDate(VietnamClock.Today(TimeProvider.System).AddDays(1));
        future["Input.Signatories"] = "12";
        using (var bad = await DanVanAppFactory.PostFormAsync(officer, "/Cases/Create", future, "/Cases/Create"))
        {
            var html = WebUtility.HtmlDecode(await bad.Content.ReadAsStringAsync());
            Assert.Contains("Ngày nhận đơn không được sau hôm nay.", html, StringComparison.Ordinal);
            Assert.Contains("phải ghi người đại diện", html, StringComparison.Ordinal);
        }

        var anonymous = Intake("Complaint", "Khiếu nại không tên", sender: null);
        anonymous["Input.Anonymous"] = "true";
        using (var bad = await DanVanAppFactory.PostFormAsync(officer, "/Cases/Create", anonymous, "/Cases/Create"))
        {
            Assert.Contains("Chỉ tố cáo mới có thể nặc danh", WebUtility.HtmlDecode(await bad.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        }

        Assert.Equal(before, await db.Cases.CountAsync());
        using var coordinatorPost = await DanVanAppFactory.PostFormAsync(await app.As("dieuphoi"), "/Cases/Create", Intake("Petition", "Kiến nghị"), "/Cases");
        Assert.Equal(HttpStatusCode.Forbidden, coordinatorPost.StatusCode);
    }

    [Fact]
    public async Task ADenouncersName_IsSealed_ShownToTheHeadAndTheAssignedHandlerOnly_AndEveryRevealIsLogged()
    {
        var officer = await app.As("canbo");
        var id = await RegisterAsync(officer, Intake("Denunciation", "Tố cáo cán bộ địa chính nhận tiền", sender: "Lê Văn Tốcáo", respondent: "Ông Phạm Địa Chính"));

        using (var scope = app.Factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var row = await db.Cases.SingleAsync(c => c.Id == id);
            Assert.Null(row.SenderName);
            Assert.DoesNotContain(VietnameseText.Fold("Tốcáo"), row.SearchText, StringComparison.Ordinal);
            var sealedRow = await db.CaseIdentities.SingleAsync(i => i.CaseId == id);
            Assert.DoesNotContain("Tốcáo", sealedRow.Sealed, StringComparison.Ordinal);
            Assert.DoesNotContain("Tốcáo", string.Join(" ", await db.AuditEntries.Select(a => a.Changes).ToListAsync()), StringComparison.Ordinal);
        }

        // Not the officer before being assigned, not the coordinator, not the reviewer, not the administrator.
        foreach (var role in new[] { "canbo", "dieuphoi", "thamdinh", "admin" })
        {
            var client = await app.As(role);
            var page = await client.GetStringAsync($"/Cases/Details/{id}");
            Assert.DoesNotContain("Tốcáo", page, StringComparison.Ordinal);
            Assert.Contains("data-testid=\"cases-empty\"", await client.GetStringAsync("/Cases?q=" + Uri.EscapeDataString("Tốcáo")), StringComparison.Ordinal);
            using var reveal = await DanVanAppFactory.PostFormAsync(client, $"/Cases/Details/{id}?handler=Reveal", new Dictionary<string, string>(), $"/Cases/Details/{id}");
            Assert.Equal(HttpStatusCode.Forbidden, reveal.StatusCode);
        }

        var head = await WardHeadAsync();
        using (var reveal = await DanVanAppFactory.PostFormAsync(head, $"/Cases/Details/{id}?handler=Reveal", new Dictionary<string, string>(), $"/Cases/Details/{id}"))
        {
            Assert.Contains("Lê Văn Tốcáo", await reveal.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        string canboId, code;
        using (var scope = app.Factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            canboId = await db.Users.Where(u => u.UserName == "canbo").Select(u => u.Id).SingleAsync();
            code = await db.Cases.Where(c => c.Id == id).Select(c => c.Code).SingleAsync();
        }

        // The handler's own list ("Tôi được giao") has it only once it is assigned.
        Assert.DoesNotContain(code, await officer.GetStringAsync("/Cases?status=mine"), StringComparison.Ordinal);
        using (var assign = await DanVanAppFactory.PostFormAsync(head, $"/Cases/Details/{id}?handler=Assign", new Dictionary<string, string> { ["HandlerUserId"] = canboId }, $"/Cases/Details/{id}"))
        {
            Assert.Equal(HttpStatusCode.Redirect, assign.StatusCode);
        }

        Assert.Contains(code, await officer.GetStringAsync("/Cases?status=mine"), StringComparison.Ordinal);
        Assert.DoesNotContain(code, await head.GetStringAsync("/Cases?status=mine"), StringComparison.Ordinal);

        using (var reveal = await DanVanAppFactory.PostFormAsync(officer, $"/Cases/Details/{id}?handler=Reveal", new Dictionary<string, string>(), $"/Cases/Details/{id}"))
        {
            Assert.Contains("Lê Văn Tốcáo", await reveal.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using (var scope = app.Factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var reveals = await db.AuditEntries.Where(a => a.Action == "reveal" && a.EntityId == id.ToString(System.Globalization.CultureInfo.InvariantCulture)).Select(a => a.UserName).ToListAsync();
            Assert.Equal(["canbo", "truongphuong"], reveals.Order(StringComparer.Ordinal).ToArray());
        }
    }

    [Fact]
    public async Task TheLawsLimits_AreKept_ExtensionsTransfersWithdrawals()
    {
        var officer = await app.As("canbo");

        // A complicated denunciation: one extension of at most 30 days, not two.
        var form = Intake("Denunciation", "Tố cáo sai phạm trong cấp giấy chứng nhận", sender: "Người tố cáo A", respondent: "Cán bộ B");
        form["Input.Complex"] = "true";
        var id = await RegisterAsync(officer, form);
        using (var accept = await StepAsync(officer, id, "Accept")) { Assert.Equal(HttpStatusCode.Redirect, accept.StatusCode); }
        using (var tooLong = await StepAsync(officer, id, "Extend", new() { ["Input.Days"] = "31" }))
        {
            Assert.Contains("không quá 30 ngày", WebUtility.HtmlDecode(await tooLong.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        }

        using (var once = await StepAsync(officer, id, "Extend", new() { ["Input.Days"] = "30" })) { Assert.Equal(HttpStatusCode.Redirect, once.StatusCode); }
        var page = WebUtility.HtmlDecode(await officer.GetStringAsync($"/Cases/Details/{id}"));
        Assert.Contains("60 ngày kể từ ngày thụ lý tố cáo; trường hợp phức tạp; đã gia hạn 1 lần", page, StringComparison.Ordinal);
        using (var twice = await StepAsync(officer, id, "Extend", new() { ["Input.Days"] = "10" }))
        {
            Assert.Contains("chỉ được gia hạn tối đa 1 lần", WebUtility.HtmlDecode(await twice.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        }

        using (var unsigned = await StepAsync(officer, id, "Withdraw"))
        {
            Assert.Contains("chữ ký hoặc điểm chỉ", WebUtility.HtmlDecode(await unsigned.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        }

        // A denunciation outside competence is transferred once; the same content, received again, is not transferred twice.
        var outside = Intake("Denunciation", "Tố cáo cán bộ tỉnh", sender: "Người tố cáo C", respondent: "Giám đốc Sở X");
        outside["Input.WithinCompetence"] = "false";
        var first = await RegisterAsync(officer, outside);
        using (var guide = await StepAsync(officer, first, "Guide", new() { ["Input.Reason"] = "Hướng dẫn" }))
        {
            Assert.Contains("phải được chuyển", WebUtility.HtmlDecode(await guide.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        }

        using (var transfer = await StepAsync(officer, first, "Transfer", new() { ["Input.ToBody"] = "Thanh tra tỉnh Tây Ninh" })) { Assert.Equal(HttpStatusCode.Redirect, transfer.StatusCode); }
        var second = await RegisterAsync(officer, outside);
        using (var again = await StepAsync(officer, second, "Transfer", new() { ["Input.ToBody"] = "Thanh tra tỉnh Tây Ninh" }))
        {
            Assert.Contains("đã được chuyển một lần", WebUtility.HtmlDecode(await again.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        }

        // A stale form (someone else wrote a step meanwhile) saves nothing.
        var petition = await RegisterAsync(officer, Intake("Petition", "Kiến nghị sửa đường", respondent: "UBND phường"));
        var stale = StampRegex().Match(await officer.GetStringAsync($"/Cases/Details/{petition}")).Groups[1].Value;
        using (var accept = await StepAsync(officer, petition, "Accept")) { Assert.Equal(HttpStatusCode.Redirect, accept.StatusCode); }
        using var late = await DanVanAppFactory.PostFormAsync(officer, $"/Cases/Details/{petition}?handler=Step",
            new Dictionary<string, string> { ["Input.Action"] = "Resolve", ["Input.On"] = Today, ["Input.Stamp"] = stale }, $"/Cases/Details/{petition}");
        Assert.Contains("vừa được người khác cập nhật", WebUtility.HtmlDecode(await late.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheCasesMeasures_CountWhatTheRegisterHolds_WithProvenance()
    {
        var officer = await app.As("canbo");
        var today = VietnamClock.Today(TimeProvider.System);
        int unit;
        async Task<Dictionary<string, double>> MeasureAsync()
        {
            using var scope = app.Factory.Services.CreateScope();
            var registry = scope.ServiceProvider.GetRequiredService<DanVan.Features.Shared.MeasureRegistry>();
            var result = new Dictionary<string, double>();
            foreach (var code in new[] { "don-nhan", "don-thuoc-tham-quyen", "don-da-giai-quyet", "don-giai-quyet-dung-han" })
            {
                var values = await registry.ComputeAsync(code, [unit], today.AddDays(-1), today, default);
                result[code] = values[unit].Value;
                Assert.StartsWith("Theo dõi trên DanVan (sổ theo dõi đơn): ", values[unit].Provenance, StringComparison.Ordinal);
            }

            return result;
        }

        using (var scope = app.Factory.Services.CreateScope())
        {
            unit = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Users.Where(u => u.UserName == "canbo").Select(u => u.OrgUnitId).SingleAsync();
        }

        var before = await MeasureAsync();
        var complaint = await RegisterAsync(officer, Intake("Complaint", "Khiếu nại để đếm", sender: "Người đếm", respondent: "Quyết định đếm số 1"));
        using (var a = await StepAsync(officer, complaint, "Accept")) { Assert.Equal(HttpStatusCode.Redirect, a.StatusCode); }
        using (var r = await StepAsync(officer, complaint, "Resolve")) { Assert.Equal(HttpStatusCode.Redirect, r.StatusCode); }
        var outside = Intake("Denunciation", "Tố cáo để đếm", sender: "Người đếm 2", respondent: "Người bị tố cáo đếm");
        outside["Input.WithinCompetence"] = "false";
        await RegisterAsync(officer, outside);
        var after = await MeasureAsync();

        Assert.Equal(before["don-nhan"] + 2, after["don-nhan"]);
        Assert.Equal(before["don-thuoc-tham-quyen"] + 1, after["don-thuoc-tham-quyen"]);
        Assert.Equal(before["don-da-giai-quyet"] + 1, after["don-da-giai-quyet"]);
        Assert.Equal(before["don-giai-quyet-dung-han"] + 1, after["don-giai-quyet-dung-han"]);
    }

    [Fact]
    public async Task ACitizen_FollowsTheCaseByCodeAndKey_SeesNothingPersonal_AndGuessingGetsNowhere()
    {
        var officer = await app.As("canbo");
        using var created = await DanVanAppFactory.PostFormAsync(officer, "/Cases/Create",
            Intake("Complaint", "Khiếu nại BÍ MẬT về nhà ở", sender: "Đỗ Thị Riêngtư", respondent: "Quyết định xử phạt số 3"), "/Cases/Create");
        var details = await officer.GetStringAsync(created.Headers.Location!.ToString());
        var receipt = ReceiptRegex().Match(WebUtility.HtmlDecode(details));
        Assert.True(receipt.Success, "no code and key in the message");
        var (code, key) = (receipt.Groups[1].Value, receipt.Groups[2].Value);

        using var citizen = app.Factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using (var form = await citizen.GetAsync("/Public/Cases"))
        {
            Assert.Equal(HttpStatusCode.OK, form.StatusCode);
            Assert.Contains("public", form.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
        }

        async Task<string> LookUpAsync(string c, string k)
        {
            using var response = await citizen.PostAsync("/Public/Cases", new FormUrlEncodedContent(new Dictionary<string, string> { ["Code"] = c, ["Key"] = k }));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.True(response.Headers.CacheControl!.NoStore);
            return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        }

        var found = await LookUpAsync(code.ToLowerInvariant(), key);
        Assert.Contains("data-testid=\"public-case\"", found, StringComparison.Ordinal);
        Assert.Contains("Đang xử lý đơn", found, StringComparison.Ordinal);
        Assert.Contains("(Điều 27 Luật Khiếu nại 02/2011/QH13)", found, StringComparison.Ordinal);
        Assert.DoesNotContain("Riêngtư", found, StringComparison.Ordinal);
        Assert.DoesNotContain("BÍ MẬT", found, StringComparison.Ordinal);
        Assert.DoesNotContain("0912345678", found, StringComparison.Ordinal);

        // A wrong key and a code that does not exist get the same words; five misses close the code for a while.
        string Message(string html) => PublicErrorRegex().Match(html).Groups[1].Value;
        var unknown = Message(await LookUpAsync("99999-2026-99999", key));
        Assert.Equal(DanVan.Features.Public.CasesModel.NotFoundMessage, unknown);
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(unknown, Message(await LookUpAsync(code, "SAI" + i)));
        }

        Assert.Equal(unknown, Message(await LookUpAsync(code, key)));
        Assert.Equal("Vui lòng nhập mã đơn và mã bảo mật in trên phiếu biên nhận.", Message(await LookUpAsync(code, "")));

        // Many requests from one client are refused with 429.
        await using var strict = new DanVanAppFactory(app.Database, settings: new Dictionary<string, string> { ["Security:PublicRequestsPerClientPerMinute"] = "3" });
        using var hammer = strict.CreateClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            using var r = await hammer.GetAsync("/Public/Cases");
            statuses.Add(r.StatusCode);
        }

        Assert.Equal(HttpStatusCode.OK, statuses[0]);
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
    }

    [Fact]
    public async Task TheNotices_AreNd30Documents_ReopenedWithTheirDeadline_AndTheReceiptGivesANewKey()
    {
        var officer = await app.As("canbo");
        var id = await RegisterAsync(officer, Intake("Complaint", "Khiếu nại việc cấp giấy phép xây dựng", sender: "Vũ Thị Nhà", respondent: "Văn bản từ chối cấp phép số 8"));
        using (var early = await officer.GetAsync($"/Cases/Details/{id}?handler=Notice"))
        {
            Assert.Contains("Đơn chưa được thụ lý", WebUtility.HtmlDecode(await early.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        }

        using (var accepted = await StepAsync(officer, id, "Accept")) { Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode); }
        using var notice = await officer.GetAsync($"/Cases/Details/{id}?handler=Notice");
        Assert.Equal(HttpStatusCode.OK, notice.StatusCode);
        Assert.StartsWith("thong-bao-thu-ly-", notice.Content.Headers.ContentDisposition!.FileNameStar ?? notice.Content.Headers.ContentDisposition.FileName, StringComparison.Ordinal);
        var noticeBytes = await notice.Content.ReadAsByteArrayAsync();
        DanVan.Testing.Nd30Layout.AssertValid(noticeBytes);
        using (var word = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(new MemoryStream(noticeBytes), false))
        {
            var body = word.MainDocumentPart!.Document.Body!;
            var text = string.Join("\n", body.Descendants<DocumentFormat.OpenXml.Wordprocessing.Paragraph>().Select(p => p.InnerText));
            Assert.Contains("ỦY BAN NHÂN DÂN PHƯỜNG TÂN NINH", text, StringComparison.Ordinal);
            Assert.Contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", text, StringComparison.Ordinal);
            Assert.Matches("Tây Ninh, ngày \\d{2} tháng \\d{1,2} năm \\d{4}", text);
            var order = new[] { "THÔNG BÁO", "Về việc thụ lý giải quyết khiếu nại lần đầu", "Kính gửi: Ông/Bà Vũ Thị Nhà", "Căn cứ Điều 27 Luật Khiếu nại năm 2011", "Thời hạn giải quyết: chậm nhất ngày", "Điều 28 Luật Khiếu nại 02/2011/QH13", "Nơi nhận:", "CHỦ TỊCH" }
                .Select(t => text.IndexOf(t, StringComparison.Ordinal)).ToList();
            Assert.DoesNotContain(-1, order);
            Assert.Equal(order.Order().ToList(), order);
            Assert.All(body.Descendants<DocumentFormat.OpenXml.Wordprocessing.RunFonts>(), f => Assert.Equal("Times New Roman", f.Ascii!.Value));
            var margin = body.Descendants<DocumentFormat.OpenXml.Wordprocessing.PageMargin>().Single();
            Assert.Equal((1134, 1134, 1701u, 850u), (margin.Top!.Value, margin.Bottom!.Value, margin.Left!.Value, margin.Right!.Value));
        }

        using (var denied = await (await app.As("dieuphoi")).GetAsync($"/Cases/Details/{id}?handler=Notice"))
        {
            Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        }

        // A receipt printed again carries a new key; the first one stops working.
        string code;
        using (var scope = app.Factory.Services.CreateScope())
        {
            code = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Cases.Where(c => c.Id == id).Select(c => c.Code).SingleAsync();
        }

        using var receipt = await DanVanAppFactory.PostFormAsync(officer, $"/Cases/Details/{id}?handler=Receipt", new Dictionary<string, string>(), $"/Cases/Details/{id}");
        Assert.Equal(HttpStatusCode.OK, receipt.StatusCode);
        string key;
        var receiptBytes = await receipt.Content.ReadAsByteArrayAsync();
        DanVan.Testing.Nd30Layout.AssertValid(receiptBytes);
        using (var word = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(new MemoryStream(receiptBytes), false))
        {
            var text = word.MainDocumentPart!.Document.Body!.InnerText;
            Assert.Contains("GIẤY BIÊN NHẬN", text, StringComparison.Ordinal);
            var match = Regex.Match(text, "Mã đơn: " + Regex.Escape(code) + "; mã bảo mật: ([A-Z0-9]{8})");
            Assert.True(match.Success, text);
            key = match.Groups[1].Value;
        }

        using var citizen = app.Factory.CreateClient();
        using var lookup = await citizen.PostAsync("/Public/Cases", new FormUrlEncodedContent(new Dictionary<string, string> { ["Code"] = code, ["Key"] = key }));
        Assert.Contains("data-testid=\"public-case\"", await lookup.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public void SealedIdentities_OpenOnlyWithTheirKeyAndCase_AndSurviveANewKey()
    {
        var folder = Path.Combine(Path.GetTempPath(), "danvan-keys-" + Guid.NewGuid().ToString("N"));
        try
        {
            var config = new ConfigurationBuilder()
                .AddInMemoryCollection(new Dictionary<string, string?> { ["Cases:IdentityKeyFolder"] = folder }).Build();
            var protector = new IdentityProtector(config, new Microsoft.Extensions.Hosting.Internal.HostingEnvironment { ContentRootPath = Path.GetTempPath() });
            var (keyId, sealedValue) = protector.Seal("{\"Name\":\"Nguyễn Văn A\"}", "79-2026-00001");
            Assert.DoesNotContain("Nguyễn", sealedValue, StringComparison.Ordinal);
            Assert.Equal("{\"Name\":\"Nguyễn Văn A\"}", protector.Open(keyId, sealedValue, "79-2026-00001"));
            Assert.Null(protector.Open(keyId, sealedValue, "79-2026-00002")); // moved onto another case
            var tampered = Convert.FromBase64String(sealedValue);
            tampered[^1] ^= 1;
            Assert.Null(protector.Open(keyId, Convert.ToBase64String(tampered), "79-2026-00001"));

            var newKey = protector.AddKey(TimeProvider.System);
            Assert.Equal(newKey, protector.CurrentKeyId);
            var resealed = protector.Reseal(keyId, sealedValue, "79-2026-00001")!.Value;
            Assert.Equal(newKey, resealed.KeyId);
            Assert.Equal("{\"Name\":\"Nguyễn Văn A\"}", protector.Open(resealed.KeyId, resealed.Sealed, "79-2026-00001"));
            Assert.NotNull(protector.Open(keyId, sealedValue, "79-2026-00001")); // the old key still opens what it sealed
        }
        finally
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    [GeneratedRegex("Đã vào sổ đơn ([0-9A-Z.-]+)\\. Mã bảo mật in trên phiếu biên nhận cho người gửi: ([A-Z0-9]{8})")]
    private static partial Regex ReceiptRegex();

    [GeneratedRegex("data-testid=\"public-lookup-error\">([^<]*)<")]
    private static partial Regex PublicErrorRegex();

    [GeneratedRegex("name=\"Input.Stamp\" value=\"([0-9a-f-]+)\"")]
    private static partial Regex StampRegex();
}
