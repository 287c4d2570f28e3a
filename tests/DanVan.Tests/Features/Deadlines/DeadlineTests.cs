using System.Net;
using System.Text.Json;
using DanVan.Data;
using DanVan.Domain.Deadlines;
using DanVan.Testing;
using DanVan.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DanVan.Tests.Features.Deadlines;

/// <summary>The statutory clock on a real database: rules copied from the catalogue, the page, the API, the admin's edits, the verb.</summary>
public sealed class DeadlineTests(AppFixture app) : IClassFixture<AppFixture>
{
    private async Task<DeadlineRule> RuleAsync(string code, DateOnly? from = null)
    {
        using var scope = app.Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await db.DeadlineRules.AsNoTracking().Include(r => r.Variants)
            .Where(r => r.Code == code && (from == null || r.ValidFrom == from)).OrderBy(r => r.ValidFrom).FirstAsync();
    }

    [Fact]
    public async Task TheDatabase_HoldsEveryShippedRule_AndThe2026Swaps()
    {
        using var scope = app.Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var codes = await db.DeadlineRules.Select(r => r.Code).Distinct().ToListAsync();
        Assert.Empty(ShippedRules.All().Select(r => r.Code).Except(codes));
        var complaint = await RuleAsync("khieu-nai-lan-dau-giai-quyet");
        Assert.Equal(3, complaint.Variants.Count);
        Assert.Equal(60, complaint.Variants.Single(v => v.Conditions == (DeadlineConditions.Remote | DeadlineConditions.Complex)).Days);
        var swap = await db.CalendarDays.SingleAsync(d => d.Date == new DateOnly(2026, 8, 22));
        Assert.Equal(DanVan.Domain.Calendar.CalendarDayKind.WorkingDay, swap.Kind);

        // Copying again adds nothing: corrections by an administrator survive restarts.
        var before = await db.DeadlineRules.CountAsync();
        await DanVan.Infrastructure.ReferenceData.EnsureAsync(db);
        Assert.Equal(before, await db.DeadlineRules.CountAsync());
    }

    [Fact]
    public async Task AnyUser_ReadsTheRules_AndComputesADeadlineThatNamesItsArticle()
    {
        var officer = await app.As("canbo");
        var html = await officer.GetStringAsync("/Deadlines");
        Assert.Contains("Điều 28 Luật Khiếu nại 02/2011/QH13", html, StringComparison.Ordinal);
        Assert.Contains("data-code=\"to-cao-giai-quyet\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("/Deadlines/Edit/", html, StringComparison.Ordinal);

        var due = await officer.GetStringAsync("/Deadlines?rule=to-cao-giai-quyet&from=02%2F03%2F2026&complex=true&extensions=1");
        Assert.Contains("Thứ Hai, 04/05/2026", due, StringComparison.Ordinal);
        Assert.Contains("60 ngày kể từ ngày thụ lý tố cáo; trường hợp phức tạp; đã gia hạn 1 lần; ngày cuối là ngày nghỉ nên chuyển sang ngày làm việc tiếp theo (khoản 1 Điều 30 Luật Tố cáo 25/2018/QH14)", WebUtility.HtmlDecode(due), StringComparison.Ordinal);

        var tooMany = WebUtility.HtmlDecode(await officer.GetStringAsync("/Deadlines?rule=to-cao-giai-quyet&from=02%2F03%2F2026&complex=true&extensions=2"));
        Assert.Contains("chỉ được gia hạn tối đa 1 lần", tooMany, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"deadline-result\"", tooMany, StringComparison.Ordinal);

        var impossible = await officer.GetStringAsync("/Deadlines?rule=to-cao-giai-quyet&from=30%2F02%2F2026&extensions=abc");
        Assert.Contains("Ngày bắt đầu tính không hợp lệ", impossible, StringComparison.Ordinal);

        var search = await officer.GetStringAsync("/Deadlines?q=to%20cao");
        Assert.Contains("data-code=\"to-cao-tiep\"", search, StringComparison.Ordinal);
        Assert.DoesNotContain("data-code=\"khieu-nai-thoi-hieu\"", search, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheApi_ListsTheRules_AndComputes_OrSaysWhyNotInVietnamese()
    {
        var reviewer = await app.As("thamdinh");
        using var list = JsonDocument.Parse(await reviewer.GetStringAsync("/api/deadlines"));
        Assert.Contains(list.RootElement.EnumerateArray(), r => r.GetProperty("rule").GetString() == "doi-thoai-thong-bao"
            && r.GetProperty("direction").GetString() == "before");

        using var ok = JsonDocument.Parse(await reviewer.GetStringAsync("/api/deadlines/khieu-nai-lan-dau-giai-quyet?from=2026-02-10&complex=true&remote=true"));
        Assert.Equal("2026-04-13", ok.RootElement.GetProperty("deadline").GetString());
        Assert.Equal(60, ok.RootElement.GetProperty("days").GetInt32());
        Assert.Equal("Điều 28 Luật Khiếu nại 02/2011/QH13", ok.RootElement.GetProperty("basis").GetString());

        using var suspended = JsonDocument.Parse(await reviewer.GetStringAsync("/api/deadlines/to-cao-xu-ly-ban-dau?from=2026-03-02&suspended=2026-03-04..2026-03-05"));
        Assert.Equal("2026-03-13", suspended.RootElement.GetProperty("deadline").GetString());
        Assert.Equal("working", suspended.RootElement.GetProperty("counting").GetString());

        foreach (var (url, message) in new[]
        {
            ("/api/deadlines/to-cao-giai-quyet?from=2026-03-02&extensions=1", "không được gia hạn"),
            ("/api/deadlines/to-cao-giai-quyet?from=2026-02-30", "không hợp lệ"),
            ("/api/deadlines/to-cao-giai-quyet", "Thiếu --from"),
            ("/api/deadlines/khong-co?from=2026-03-02", "Không có quy tắc thời hạn mã"),
            ("/api/deadlines/to-cao-giai-quyet?from=2026-03-02&complex=maybe", "true hoặc false"),
            ("/api/deadlines/to-cao-giai-quyet?from=2018-03-02", "không có phiên bản áp dụng"),
        })
        {
            using var response = await reviewer.GetAsync(url);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains(message, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task OnlyAdmins_EditRules()
    {
        var rule = await RuleAsync("to-cao-tiep");
        foreach (var role in new[] { "dieuphoi", "thamdinh", "canbo" })
        {
            var client = await app.As(role);
            using var get = await client.GetAsync($"/Deadlines/Edit/{rule.Id}");
            Assert.Equal(HttpStatusCode.Forbidden, get.StatusCode);
            using var post = await DanVanAppFactory.PostFormAsync(client, $"/Deadlines/Edit/{rule.Id}", new Dictionary<string, string>
            {
                ["Input.Name"] = "Đổi", ["Input.CountsFrom"] = "x", ["Input.Counting"] = "Calendar", ["Input.Days"] = "1", ["Input.Basis"] = "x", ["Input.Verification"] = "Verified",
            }, "/Deadlines");
            Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        }

        Assert.Equal(20, (await RuleAsync("to-cao-tiep")).Days);
    }

    [Fact]
    public async Task Admin_CorrectsARule_OpensAnAmendedVersion_AndTheClockFollowsTheEventsDate()
    {
        var admin = await app.As("admin");
        var rule = await RuleAsync("xu-ly-don");
        var form = new Dictionary<string, string>
        {
            ["Input.Name"] = rule.Name, ["Input.CountsFrom"] = rule.CountsFrom, ["Input.Counting"] = "Working", ["Input.Days"] = "-3",
            ["Input.MaxExtensions"] = "0", ["Input.Basis"] = "", ["Input.ValidTo"] = "31/02/2027", ["Input.Verification"] = "Verified",
        };
        using (var bad = await DanVanAppFactory.PostFormAsync(admin, $"/Deadlines/Edit/{rule.Id}", form, $"/Deadlines/Edit/{rule.Id}"))
        {
            var html = WebUtility.HtmlDecode(await bad.Content.ReadAsStringAsync());
            Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
            Assert.Contains("Số ngày phải từ 0 đến 3.650.", html, StringComparison.Ordinal);
            Assert.Contains("Vui lòng nhập căn cứ", html, StringComparison.Ordinal);
            Assert.Contains("Ngày hết hiệu lực không hợp lệ", html, StringComparison.Ordinal);
        }

        Assert.Equal(10, (await RuleAsync("xu-ly-don")).Days); // nothing saved half-way

        form["Input.Days"] = "15";
        form["Input.Basis"] = "Điều 7 Thông tư 05/2021/TT-TTCP";
        form["Input.ValidTo"] = "";
        using (var saved = await DanVanAppFactory.PostFormAsync(admin, $"/Deadlines/Edit/{rule.Id}", form, $"/Deadlines/Edit/{rule.Id}"))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        using (var computed = JsonDocument.Parse(await admin.GetStringAsync("/api/deadlines/xu-ly-don?from=2026-06-01")))
        {
            Assert.Equal("2026-06-22", computed.RootElement.GetProperty("deadline").GetString()); // 15 working days
            Assert.Equal("Điều 7 Thông tư 05/2021/TT-TTCP", computed.RootElement.GetProperty("basis").GetString());
        }

        using (var version = await DanVanAppFactory.PostFormAsync(admin, $"/Deadlines/Edit/{rule.Id}?handler=Version",
            new Dictionary<string, string> { ["NewVersionFrom"] = "01/07/2026" }, $"/Deadlines/Edit/{rule.Id}"))
        {
            Assert.Equal(HttpStatusCode.Redirect, version.StatusCode);
        }

        var amended = await RuleAsync("xu-ly-don", new DateOnly(2026, 7, 1));
        Assert.Equal(new DateOnly(2026, 6, 30), (await RuleAsync("xu-ly-don")).ValidTo);
        form["Input.Days"] = "5";
        form["Input.Basis"] = "Điều 7 Thông tư sửa đổi";
        using (var saved = await DanVanAppFactory.PostFormAsync(admin, $"/Deadlines/Edit/{amended.Id}", form, $"/Deadlines/Edit/{amended.Id}"))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        using (var before = JsonDocument.Parse(await admin.GetStringAsync("/api/deadlines/xu-ly-don?from=2026-06-30")))
        using (var after = JsonDocument.Parse(await admin.GetStringAsync("/api/deadlines/xu-ly-don?from=2026-07-01")))
        {
            Assert.Equal(15, before.RootElement.GetProperty("days").GetInt32());
            Assert.Equal(5, after.RootElement.GetProperty("days").GetInt32());
            Assert.Equal("2026-07-08", after.RootElement.GetProperty("deadline").GetString());
        }

        using (var again = await DanVanAppFactory.PostFormAsync(admin, $"/Deadlines/Edit/{rule.Id}?handler=Version",
            new Dictionary<string, string> { ["NewVersionFrom"] = "01/03/2026" }, $"/Deadlines/Edit/{rule.Id}"))
        {
            Assert.Contains("Đã có phiên bản của quy tắc này có hiệu lực từ ngày đó hoặc sau đó.", WebUtility.HtmlDecode(await again.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        }

        using var scope = app.Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.True(await db.AuditEntries.CountAsync(a => a.EntityType == nameof(DeadlineRule) && a.UserName == "admin") >= 3);
    }

    [Fact]
    public async Task TheVerb_PrintsOneJsonObject_OrOneVietnameseLineAndANonZeroExit()
    {
        var (exit, stdout, stderr) = await RunAsync("deadline", "to-cao-giai-quyet", "--from", "2026-03-02", "--especially-complex", "--extensions", "2");
        Assert.True(exit == 0, stderr);
        using (var json = JsonDocument.Parse(stdout))
        {
            Assert.Equal(["rule", "deadline", "counting", "days", "basis"], json.RootElement.EnumerateObject().Select(p => p.Name).ToArray());
            Assert.Equal("2026-06-01", json.RootElement.GetProperty("deadline").GetString());
            Assert.Equal("calendar", json.RootElement.GetProperty("counting").GetString());
            Assert.Equal(90, json.RootElement.GetProperty("days").GetInt32());
            Assert.Equal("khoản 1 Điều 30 Luật Tố cáo 25/2018/QH14", json.RootElement.GetProperty("basis").GetString());
        }

        (exit, stdout, _) = await RunAsync("deadline", "khieu-nai-ky-luat-thoi-hieu", "--from", "2026-03-02", "--instance", "2", "--dismissal");
        Assert.Equal(0, exit);
        Assert.Contains("\"deadline\":\"2026-04-01\"", stdout, StringComparison.Ordinal);

        (exit, stdout, _) = await RunAsync("deadline", "--list");
        Assert.Equal(0, exit);
        using (var list = JsonDocument.Parse(stdout))
        {
            Assert.True(list.RootElement.GetArrayLength() >= 19);
            Assert.All(list.RootElement.EnumerateArray(), r => Assert.False(string.IsNullOrEmpty(r.GetProperty("basis").GetString())));
        }

        foreach (var (args, code) in new[]
        {
            (new[] { "deadline", "to-cao-giai-quyet", "--from", "2026-02-30" }, 2),
            (["deadline", "to-cao-giai-quyet"], 2),
            (["deadline", "to-cao-giai-quyet", "--from", "2026-03-02", "--bogus"], 2),
            (["deadline", "to-cao-giai-quyet", "--from", "2026-03-02", "--instance", "3"], 2),
            (["deadline", "to-cao-giai-quyet", "--from", "2026-03-02", "--suspended", "2026-03-10..2026-03-01"], 2),
            (["deadline", "to-cao-giai-quyet", "--from", "2026-03-02", "--complex", "--extensions", "2"], 1),
            (["deadline", "khong-co-quy-tac", "--from", "2026-03-02"], 1),
        })
        {
            var (e, o, err) = await RunAsync(args);
            Assert.Equal(code, e);
            Assert.Equal("", o);
            var lines = err.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Single(lines);
            Assert.StartsWith("Lỗi: ", lines[0], StringComparison.Ordinal);
        }
    }

    private async Task<(int Exit, string Stdout, string Stderr)> RunAsync(params string[] args)
    {
        var environment = app.Database.Settings.ToDictionary(kv => kv.Key, kv => kv.Value);
        environment["Demo:Seed"] = "false";
        var (exit, stdout, stderr) = await DanVanProcess.RunAsync(environment, args);
        return (exit, stdout.Trim(), stderr);
    }
}
