using DanVan.Data;
using DanVan.Domain.Access;
using DanVan.Testing;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace DanVan.BrowserTests;

/// <summary>The app on a clock the test moves: Monday 02/11/2026 08:00 in Việt Nam at the start.</summary>
public sealed class ConsultationFixture : BrowserFixture
{
    public FakeClock FakeClock { get; } = new(new DateTimeOffset(2026, 11, 2, 1, 0, 0, TimeSpan.Zero));

    protected override TimeProvider? Clock => FakeClock;
}

/// <summary>
/// Issue 17, done-means (2) in a real browser: the Sở Nội vụ imports a letter written like seed 003 (a DOCX made here:
/// the công văn, then the draft Kế hoạch it encloses) and sends the draft to the ten departments it names; a draft that
/// is not a Word file is refused first. Four departments comment on paragraphs, two agree, four are silent — still only
/// "chưa có ý kiến" on the last day, recorded as agreeing once it has passed; an answer posted from a form opened on the
/// last day is refused after midnight. The drafting officer handles every comment (tiếp thu, tiếp thu một phần, giải
/// trình — a refusal without its explanation refused first); the synthesis DOCX and XLSX reopen with every comment and
/// the three lists of units.
/// </summary>
public class ConsultationTests(ConsultationFixture fx) : IClassFixture<ConsultationFixture>
{
    private const string Password = "GopY@2026";

    /// <summary>The ten departments the letter names, as it names them, with their codes.</summary>
    private static readonly (string Code, string Name)[] Departments =
    [
        ("80.STC", "Sở Tài chính"), ("80.STP", "Sở Tư pháp"), ("80.SXD", "Sở Xây dựng"), ("80.SNNMT", "Sở Nông nghiệp và Môi trường"),
        ("80.SCT", "Sở Công Thương"), ("80.SGDDT", "Sở Giáo dục và Đào tạo"), ("80.SYT", "Sở Y tế"), ("80.SVHTTDL", "Sở Văn hóa, Thể thao và Du lịch"),
        ("80.SKHCN", "Sở Khoa học và Công nghệ"), ("80.SDTTG", "Sở Dân tộc và Tôn giáo"),
    ];

    private static string Full(string name) => name + " tỉnh Tây Ninh";

    private static string UserOf(string code) => "gopy." + code[3..].ToLowerInvariant();

    [Fact]
    public async Task TheSoNoiVu_ImportsALetter_SendsTheDraftToTenUnits_AndReopensTheSynthesis()
    {
        await CreateRespondentAccountsAsync();
        var suffix = Guid.NewGuid().ToString("N")[..4];
        var title = "Kế hoạch của Chủ tịch UBND tỉnh về công tác dân vận chính quyền năm 2027 " + suffix;

        // 02/11: the coordinator of the Sở Nội vụ reads the letter: ten units, the deadline "trước ngày 21/11/2026" kept as
        // the last day 20/11/2026, the rule for silence, the enclosed draft — nothing saved yet.
        var officer = await fx.SignInAsync("dieuphoi");
        await officer.GotoAsync("/Consultations/Create");
        await officer.GetByText("Đọc từ công văn lấy ý kiến đã có").ClickAsync();
        await officer.Locator("#Letter").SetInputFilesAsync(TempFile("cong-van-lay-y-kien.docx", Letter(suffix)));
        await officer.GetByRole(AriaRole.Button, new() { Name = "Đọc công văn" }).ClickAsync();
        var proposal = officer.GetByTestId("import-proposal");
        await Assertions.Expect(proposal).ToContainTextAsync("Đã đọc công văn: 10 đơn vị trong «Kính gửi»");
        await Assertions.Expect(proposal).ToContainTextAsync("hạn «trước ngày 21/11/2026» được ghi là hết ngày 20/11/2026");
        await Assertions.Expect(officer.GetByTestId("import-unmatched")).ToHaveCountAsync(0);
        await Assertions.Expect(officer.GetByLabel("Hạn gửi ý kiến (hết ngày)")).ToHaveValueAsync("20/11/2026");
        await Assertions.Expect(officer.GetByLabel("Ngày gửi dự thảo")).ToHaveValueAsync("02/11/2026");
        await Assertions.Expect(officer.GetByLabel("Tên dự thảo")).ToHaveValueAsync(title);
        await Assertions.Expect(officer.Locator("#Input_SilenceRule")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("không có ý kiến xem như thống nhất"));
        foreach (var (_, name) in Departments)
        {
            await Assertions.Expect(officer.Locator("#resp-picked")).ToContainTextAsync(Full(name));
        }

        await fx.ScreenshotAsync(officer, "50-consultation-letter-read");

        // A draft that is not a Word file is refused, with nothing saved; then the enclosed draft is sent.
        var draft = await officer.Locator("#Input_DraftText").InputValueAsync();
        Assert.Contains("I. MỤC ĐÍCH, YÊU CẦU", draft, StringComparison.Ordinal);
        await officer.Locator("#Input_DraftText").FillAsync("");
        await officer.Locator("#DraftFile").SetInputFilesAsync(TempFile("du-thao.pdf", "%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"u8.ToArray()));
        await officer.GetByRole(AriaRole.Button, new() { Name = "Gửi lấy ý kiến" }).ClickAsync();
        await Assertions.Expect(officer.GetByTestId("consultation-form")).ToContainTextAsync("Dự thảo phải là tệp Word (.docx)");
        Assert.Contains("/Consultations/Create", officer.Url, StringComparison.Ordinal);
        await Assertions.Expect(officer.Locator("#resp-picked input:checked")).ToHaveCountAsync(10);
        await officer.Locator("#Input_DraftText").FillAsync(draft);
        await officer.GetByRole(AriaRole.Button, new() { Name = "Gửi lấy ý kiến" }).ClickAsync();
        await Assertions.Expect(officer.GetByTestId("consultation-state")).ToHaveTextAsync("Đang lấy ý kiến");
        await Assertions.Expect(officer.GetByTestId("consultation-respondents")).ToContainTextAsync("Đơn vị được lấy ý kiến (10)");
        await Assertions.Expect(officer.GetByRole(AriaRole.Status).Filter(new() { HasText = "Đã gửi dự thảo lấy ý kiến" })).ToHaveCountAsync(1); // the layout's message, once
        var url = new Uri(officer.Url).AbsolutePath;
        var id = url.Split('/').Last();
        var para = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, text) in new[] { ("awareness", "Nâng cao nhận thức"), ("reform", "Gắn công tác dân vận với cải cách hành chính"), ("dialogue", "tổ chức đối thoại với Nhân dân"), ("model", "mô hình “Dân vận khéo”"), ("follow", "được theo dõi đến khi giải quyết xong") })
        {
            var li = officer.GetByTestId("draft-paragraphs").Locator("li", new() { HasText = text });
            await Assertions.Expect(li).ToHaveCountAsync(1);
            para[key] = (await li.GetAttributeAsync("id"))!["doan-".Length..];
        }

        await fx.ScreenshotAsync(officer, "51-consultation-sent");
        await officer.Context.CloseAsync();

        // 10/11: four departments comment on paragraphs, two agree.
        fx.FakeClock.Advance(TimeSpan.FromDays(8));
        var comments = new (string Code, string Paragraph, string Text)[]
        {
            ("80.STC", para["model"], "Đề nghị ghi rõ nguồn kinh phí xây dựng mô hình từ chi thường xuyên của đơn vị " + suffix),
            ("80.STC", para["awareness"], "Đề nghị nêu tỷ lệ cán bộ, công chức được tập huấn trong năm " + suffix),
            ("80.STP", para["dialogue"], "Đề nghị phổ biến Luật Thực hiện dân chủ ở cơ sở trước mỗi cuộc đối thoại " + suffix),
            ("80.SXD", para["follow"], "Đề nghị giao một đơn vị đầu mối theo dõi ý kiến, kiến nghị " + suffix),
            ("80.SNNMT", para["reform"], "Đề nghị bổ sung vận động Nhân dân hiến đất làm đường giao thông nông thôn " + suffix),
        };
        foreach (var group in comments.GroupBy(c => c.Code))
        {
            var page = await fx.SignInAsync(UserOf(group.Key), Password);
            await page.GotoAsync($"/Consultations/Answer/{id}");
            var i = 0;
            foreach (var c in group)
            {
                await page.Locator($"#Input_Comments_{i}__Paragraph").SelectOptionAsync(c.Paragraph);
                await page.Locator($"#Input_Comments_{i}__Text").FillAsync(c.Text);
                i++;
            }

            await page.GetByLabel("Họ tên người ký").FillAsync("Người ký " + group.Key);
            await page.GetByLabel("Chức vụ").FillAsync("Phó Giám đốc Sở");
            await page.GetByRole(AriaRole.Button, new() { Name = "Gửi ý kiến" }).ClickAsync();
            await Assertions.Expect(page.GetByTestId("my-answer")).ToContainTextAsync("Có ý kiến góp ý (phiên bản 1)");
            if (group.Key == "80.STC")
            {
                await fx.ScreenshotAsync(page, "52-consultation-answer-comments");
            }

            await page.Context.CloseAsync();
        }

        foreach (var code in new[] { "80.SCT", "80.SGDDT" })
        {
            var page = await fx.SignInAsync(UserOf(code), Password);
            await page.GotoAsync($"/Consultations/Answer/{id}");
            await page.Locator("#Input_Agrees").CheckAsync();
            await page.GetByLabel("Họ tên người ký").FillAsync("Người ký " + code);
            await page.GetByRole(AriaRole.Button, new() { Name = "Gửi ý kiến" }).ClickAsync();
            await Assertions.Expect(page.GetByTestId("my-answer")).ToContainTextAsync("Thống nhất (phiên bản 1)");
            await page.Context.CloseAsync();
        }

        // 20/11, the last day: the four others are only "chưa có ý kiến", never silent yet.
        fx.FakeClock.Advance(TimeSpan.FromDays(10) + TimeSpan.FromHours(2));
        officer = await fx.SignInAsync("dieuphoi");
        await officer.GotoAsync(url);
        await Assertions.Expect(officer.GetByTestId("consultation-respondents")).ToContainTextAsync("Thống nhất: 2 · Góp ý: 4 · Không có ý kiến: 0 · Chưa có ý kiến: 4");
        await officer.Context.CloseAsync();

        // 23:50 on the last day the Sở Y tế opens the form; it sends it at 00:10, after the deadline: refused, in Vietnamese.
        fx.FakeClock.Advance(TimeSpan.FromHours(13) + TimeSpan.FromMinutes(50));
        var late = await fx.SignInAsync(UserOf("80.SYT"), Password);
        await late.GotoAsync($"/Consultations/Answer/{id}");
        await late.Locator("#Input_Agrees").CheckAsync();
        await late.GetByLabel("Họ tên người ký").FillAsync("Người ký muộn");
        fx.FakeClock.Advance(TimeSpan.FromMinutes(20));
        await late.GetByRole(AriaRole.Button, new() { Name = "Gửi ý kiến" }).ClickAsync();
        await Assertions.Expect(late.GetByTestId("answer-form")).ToContainTextAsync("Đã hết hạn góp ý ngày 20/11/2026; đơn vị đã được ghi nhận không có ý kiến.");
        await Assertions.Expect(late.GetByRole(AriaRole.Button, new() { Name = "Gửi ý kiến" })).ToBeDisabledAsync();
        await fx.ScreenshotAsync(late, "53-consultation-answer-after-deadline");
        await late.Context.CloseAsync();

        // 21/11: the four silent units are recorded as agreeing, with the time; the officer handles every comment.
        officer = await fx.SignInAsync("dieuphoi");
        officer.Dialog += AcceptDialog;
        await officer.GotoAsync(url);
        await Assertions.Expect(officer.GetByTestId("consultation-state")).ToHaveTextAsync("Đã hết hạn góp ý");
        await Assertions.Expect(officer.GetByTestId("consultation-respondents")).ToContainTextAsync("Thống nhất: 2 · Góp ý: 4 · Không có ý kiến: 4 · Chưa có ý kiến: 0");
        foreach (var code in new[] { "80.SYT", "80.SVHTTDL", "80.SKHCN", "80.SDTTG" })
        {
            var row = officer.GetByTestId("consultation-respondents").Locator("li", new() { HasText = Full(Departments.Single(d => d.Code == code).Name) });
            await Assertions.Expect(row).ToContainTextAsync("Không có ý kiến — xem như thống nhất");
            await Assertions.Expect(row).ToContainTextAsync("21/11/2026, sau khi hết hạn");
        }

        await fx.ScreenshotAsync(officer, "54-consultation-silence-recorded");
        await officer.GetByRole(AriaRole.Link, new() { Name = "Tiếp thu, giải trình (5 chưa xử lý)" }).ClickAsync();
        var handling = new (string Text, string Label, string? Explanation)[]
        {
            (comments[0].Text, "Tiếp thu", null),
            (comments[1].Text, "Tiếp thu một phần", "Bổ sung chỉ tiêu 100% cán bộ làm công tác dân vận được tập huấn; không quy định tỷ lệ chung " + suffix),
            (comments[2].Text, "Giải trình, không tiếp thu", "Việc phổ biến pháp luật đã có trong kế hoạch phổ biến, giáo dục pháp luật hằng năm " + suffix),
            (comments[3].Text, "Tiếp thu", "Giao Sở Nội vụ làm đầu mối " + suffix),
            (comments[4].Text, "Tiếp thu một phần", "Đưa vào nhiệm vụ của các xã có dự án giao thông nông thôn " + suffix),
        };
        foreach (var (text, label, explanation) in handling)
        {
            var card = officer.Locator("section[id^='y-kien-']", new() { HasText = text });
            if (label == "Giải trình, không tiếp thu")
            {
                await card.Locator("select").SelectOptionAsync(new SelectOptionValue { Label = label });
                await card.GetByRole(AriaRole.Button, new() { Name = "Ghi" }).ClickAsync();
                await Assertions.Expect(officer.Locator("section[id^='y-kien-']", new() { HasText = text })).ToContainTextAsync("Không tiếp thu: vui lòng ghi nội dung giải trình.");
                card = officer.Locator("section[id^='y-kien-']", new() { HasText = text });
            }

            await card.Locator("select").SelectOptionAsync(new SelectOptionValue { Label = label });
            if (explanation is not null)
            {
                await card.GetByLabel("Nội dung tiếp thu, giải trình").FillAsync(explanation);
            }

            await card.GetByRole(AriaRole.Button, new() { Name = "Ghi" }).ClickAsync();
            await Assertions.Expect(officer.Locator("section[id^='y-kien-']", new() { HasText = text }).Locator(".badge")).ToHaveTextAsync(label);
        }

        await Assertions.Expect(officer.GetByText("5 ý kiến, 0 chưa xử lý")).ToBeVisibleAsync();
        await Assertions.Expect(officer.GetByRole(AriaRole.Status).Filter(new() { HasText = "Đã ghi nội dung tiếp thu, giải trình." })).ToHaveCountAsync(1);
        await fx.ScreenshotAsync(officer, "55-consultation-handled");

        // The synthesis reopens: every comment with its handling, and the three lists of units.
        var docx = await officer.APIRequest.GetAsync($"/Consultations/Details/{id}?handler=Docx&kind=synthesis");
        Assert.True(docx.Ok, $"synthesis DOCX: {docx.Status}");
        using (var doc = WordprocessingDocument.Open(new MemoryStream(await docx.BodyAsync()), false))
        {
            var body = doc.MainDocumentPart!.Document.Body!;
            var text = body.InnerText;
            Assert.Contains("BẢNG TỔNG HỢP, TIẾP THU, GIẢI TRÌNH Ý KIẾN GÓP Ý", text, StringComparison.Ordinal);
            foreach (var (comment, label, explanation) in handling)
            {
                var row = body.Descendants<TableRow>().Single(r => r.InnerText.Contains(comment, StringComparison.Ordinal));
                Assert.Contains(label, row.InnerText, StringComparison.Ordinal);
                Assert.Contains(explanation ?? "", row.InnerText, StringComparison.Ordinal);
            }

            var paragraphs = body.Elements<Paragraph>().Select(p => p.InnerText).ToList();
            AssertList(paragraphs, "Đơn vị đã có ý kiến (6):", ["80.STC", "80.STP", "80.SXD", "80.SNNMT", "80.SCT", "80.SGDDT"]);
            AssertList(paragraphs, "Đơn vị thống nhất với dự thảo (2):", ["80.SCT", "80.SGDDT"]);
            AssertList(paragraphs, "Đơn vị không có ý kiến — xem như thống nhất (4):", ["80.SYT", "80.SVHTTDL", "80.SKHCN", "80.SDTTG"]);
        }

        var xlsx = await officer.APIRequest.GetAsync($"/Consultations/Details/{id}?handler=Xlsx");
        Assert.True(xlsx.Ok, $"synthesis XLSX: {xlsx.Status}");
        using (var book = SpreadsheetDocument.Open(new MemoryStream(await xlsx.BodyAsync()), false))
        {
            var rows = XlsxRows(book);
            foreach (var (comment, label, explanation) in handling)
            {
                var row = rows.Single(r => r.Contains(comment));
                Assert.Contains(label, row);
                Assert.Contains(Full(Departments.Single(d => d.Code == comments.Single(c => c.Text == comment).Code).Name), row);
                if (explanation is not null)
                {
                    Assert.Contains(explanation, row);
                }
            }

            List<string> Listed(string heading)
            {
                var at = rows.FindIndex(r => r.Contains(heading));
                Assert.True(at >= 0, $"no “{heading}” in the workbook");
                return rows.Skip(at + 1).TakeWhile(r => r.Any(c => c.Length > 0) && !r.Any(c => c.StartsWith("Đơn vị ", StringComparison.Ordinal))).Select(r => r.Last()).ToList();
            }

            Assert.Equal(new[] { "80.STC", "80.STP", "80.SXD", "80.SNNMT", "80.SCT", "80.SGDDT" }.Select(NameOf).Order(), Listed("Đơn vị đã có ý kiến (6)").Order());
            Assert.Equal(new[] { "80.SCT", "80.SGDDT" }.Select(NameOf).Order(), Listed("Đơn vị thống nhất với dự thảo (2)").Order());
            Assert.Equal(new[] { "80.SYT", "80.SVHTTDL", "80.SKHCN", "80.SDTTG" }.Select(NameOf).Order(),
                Listed("Đơn vị không có ý kiến — xem như thống nhất (4)").Select(u => u.Replace(" (ghi nhận 21/11/2026)", "", StringComparison.Ordinal)).Order());
        }

        await officer.Context.CloseAsync();
    }

    private static string NameOf(string code) => Full(Departments.Single(d => d.Code == code).Name);

    /// <summary>The paragraph after <paramref name="heading"/> names exactly these units.</summary>
    private static void AssertList(List<string> paragraphs, string heading, string[] codes)
    {
        var at = paragraphs.IndexOf(heading);
        Assert.True(at >= 0, $"no “{heading}” in the synthesis");
        var listed = paragraphs[at + 1];
        foreach (var (code, name) in Departments)
        {
            if (codes.Contains(code))
            {
                Assert.Contains(Full(name), listed, StringComparison.Ordinal);
            }
            else
            {
                Assert.DoesNotContain(Full(name), listed, StringComparison.Ordinal);
            }
        }
    }

    /// <summary>An officer account for each of the ten departments (the demo has accounts for few units), as other browser tests add accounts.</summary>
    private async Task CreateRespondentAccountsAsync()
    {
        using var scope = fx.App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        foreach (var (code, name) in Departments)
        {
            var userName = UserOf(code);
            if (await users.FindByNameAsync(userName) is not null)
            {
                continue;
            }

            var unit = await db.OrgUnits.SingleAsync(u => u.Code == code);
            var user = new AppUser { UserName = userName, Email = userName + "@danvan.local", EmailConfirmed = true, FullName = "Chuyên viên " + name, OrgUnitId = unit.Id, LockoutEnabled = true };
            var created = await users.CreateAsync(user, Password);
            Assert.True(created.Succeeded, string.Join(" ", created.Errors.Select(e => e.Description)));
            await users.AddToRoleAsync(user, Roles.UnitOfficer);
        }
    }

    /// <summary>
    /// A công văn lấy ý kiến in the shape of seed 003, written for the test (Tây Ninh, 2026): header and motto, a blank
    /// number and day, the V/v line, "Kính gửi" and the ten departments, "gửi về Sở Nội vụ trước ngày …", the sentence
    /// on silence, the signer; then the enclosed draft Kế hoạch under its own header and motto.
    /// </summary>
    private static byte[] Letter(string suffix)
    {
        string[] lines =
        [
            "UBND TỈNH TÂY NINH",
            "SỞ NỘI VỤ",
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "Độc lập – Tự do – Hạnh phúc",
            "Số:        /SNV-XDCQ",
            "Tây Ninh, ngày      tháng 11 năm 2026",
            "V/v lấy ý kiến góp ý dự thảo Kế hoạch của Chủ tịch UBND tỉnh về công tác dân vận chính quyền năm 2027 " + suffix,
            "Kính gửi:",
            .. Departments.Select((d, i) => "- " + d.Name + (i == Departments.Length - 1 ? "." : ";")),
            "Thực hiện Chỉ thị số 33/CT-TTg ngày 26/11/2021 của Thủ tướng Chính phủ về tiếp tục tăng cường và đổi mới công tác dân vận trong cơ quan hành chính nhà nước, chính quyền các cấp, Sở Nội vụ đã dự thảo Kế hoạch của Chủ tịch Ủy ban nhân dân tỉnh về công tác dân vận chính quyền năm 2027 và đề nghị quý cơ quan, đơn vị nghiên cứu, tham gia góp ý đối với dự thảo (gửi kèm theo công văn này); gửi về Sở Nội vụ trước ngày 21/11/2026 (gửi file điện tử qua địa chỉ email: xdcq.snv@tayninh.gov.vn). Nếu quá thời hạn nêu trên, các cơ quan, đơn vị không có ý kiến xem như thống nhất với nội dung dự thảo Kế hoạch.",
            "Sở Nội vụ đề nghị quý cơ quan, đơn vị quan tâm, phối hợp thực hiện.",
            "Trân trọng./.",
            "Nơi nhận:",
            "- Như trên;",
            "- Lưu: VT, XDCQ.",
            "KT. GIÁM ĐỐC",
            "PHÓ GIÁM ĐỐC",
            "Lê Văn Thành",
            "ỦY BAN NHÂN DÂN TỈNH TÂY NINH",
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "Độc lập – Tự do – Hạnh phúc",
            "Số:        /KH-UBND",
            "Tây Ninh, ngày      tháng      năm 2026",
            "KẾ HOẠCH",
            "Thực hiện công tác dân vận chính quyền năm 2027",
            "I. MỤC ĐÍCH, YÊU CẦU",
            "1. Nâng cao nhận thức của cán bộ, công chức, viên chức về vị trí, vai trò của công tác dân vận chính quyền.",
            "2. Gắn công tác dân vận với cải cách hành chính, chuyển đổi số, nâng cao sự hài lòng của người dân.",
            "II. NỘI DUNG CHỦ YẾU",
            "1. Mỗi xã, phường, đặc khu tổ chức đối thoại với Nhân dân ít nhất mỗi năm một lần.",
            "2. Mỗi cơ quan, đơn vị xây dựng ít nhất một mô hình “Dân vận khéo”.",
            "3. 100% ý kiến, kiến nghị của Nhân dân sau đối thoại được theo dõi đến khi giải quyết xong.",
            "III. TỔ CHỨC THỰC HIỆN",
            "Các sở, ban, ngành, Ủy ban nhân dân các xã, phường căn cứ Kế hoạch này xây dựng kế hoạch của đơn vị.",
            "CHỦ TỊCH",
        ];
        using var stream = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(stream, DocumentFormat.OpenXml.WordprocessingDocumentType.Document))
        {
            doc.AddMainDocumentPart().Document = new Document(new Body(lines.Select(l => new Paragraph(new Run(new Text(l) { Space = DocumentFormat.OpenXml.SpaceProcessingModeValues.Preserve })))));
        }

        return stream.ToArray();
    }

    private static List<List<string>> XlsxRows(SpreadsheetDocument book)
    {
        var wb = book.WorkbookPart!;
        var shared = wb.SharedStringTablePart?.SharedStringTable.Elements<DocumentFormat.OpenXml.Spreadsheet.SharedStringItem>().Select(s => s.InnerText).ToList() ?? [];
        return wb.WorksheetParts.First().Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Row>().Select(r => r.Elements<DocumentFormat.OpenXml.Spreadsheet.Cell>().Select(c =>
            c.DataType?.Value == DocumentFormat.OpenXml.Spreadsheet.CellValues.SharedString ? shared[int.Parse(c.InnerText, System.Globalization.CultureInfo.InvariantCulture)]
            : c.InnerText).ToList()).ToList();
    }

    private static async void AcceptDialog(object? sender, IDialog dialog) => await dialog.AcceptAsync();

    private static string TempFile(string name, byte[] content)
    {
        var folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "danvan-upload-" + Guid.NewGuid().ToString("N")));
        var path = Path.Combine(folder.FullName, name);
        File.WriteAllBytes(path, content);
        return path;
    }
}
