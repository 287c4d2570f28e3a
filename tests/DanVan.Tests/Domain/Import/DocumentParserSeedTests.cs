using DanVan.Domain.Import;
using DanVan.Tests.Support;

namespace DanVan.Tests.Domain.Import;

/// <summary>
/// The fields of each seed document, written by reading the document (not by copying the parser's output):
/// any regression in what the importer gets right fails here.
/// </summary>
public class DocumentParserSeedTests
{
    private static ParsedDocument Parse(string seed) => DocumentParser.Parse(Seeds.Text(seed));

    [Fact]
    public void Seed000_draft_plan_of_a_department_with_blank_number_and_date()
    {
        var d = Parse("000");
        Assert.Equal("Kế hoạch", d.Kind);
        Assert.Null(d.Number);
        Assert.Equal("KH-SNV", d.Symbol);
        Assert.Equal("/KH-SNV", d.Code);
        Assert.Equal("Sở Nội vụ", d.Issuer); // no header in the text: named by the preamble and the closing
        Assert.Equal("Tây Ninh", d.Place);
        Assert.Equal("2022", d.Date); // "ngày tháng năm 2022"
        Assert.Equal("Thực hiện công tác dân vận chính quyền năm 2022", d.Title);
        Assert.Equal("KT. GIÁM ĐỐC", d.Signer?.Authority);
        Assert.Equal("PHÓ GIÁM ĐỐC", d.Signer?.Position);
        Assert.Null(d.Signer?.Name);
        Assert.Equal(["GD, các PGD sở", "Các phòng, Ban, TT.LTLS", "Lưu: VT, VP"], d.Recipients);

        AssertCitation(d, "1026/KH-UBND", "Kế hoạch", "2022-03-25", "UBND tỉnh");
        AssertCitation(d, "04-CTr/BDVTU-BCSĐUBND", "Chương trình", "2021-10-21", "Ban Dân vận Tỉnh ủy và Ban cán sự đảng UBND tỉnh");
        AssertCitation(d, "34-KH/BDVTU-BCSĐUBND", "Kế hoạch", "2022-03-01", "Ban Dân vận Tỉnh ủy và Ban cán sự đảng UBND tỉnh");
        AssertCitation(d, "23-QĐ/TW", "Quyết định", "2021-07-30", "Ban Chấp hành Trung ương");
        AssertCitation(d, "49-CT/TW", "Chỉ thị", "2015-10-20", "Ban Bí thư Trung ương Đảng");
        AssertCitation(d, "16/CT-TTg", "Chỉ thị", "2016-05-16", "Thủ tướng Chính phủ");
        AssertCitation(d, "04/2015/NĐ-CP", "Nghị định", "2015-01-09", "Chính phủ"); // date from the second mention
        AssertCitation(d, "18-NQ/TU", "Nghị quyết", "2013-10-07", "Tỉnh ủy");
        AssertCitation(d, "23/CT-TTg", "Chỉ thị", "2021-09-02", "Thủ tướng chính phủ");
        AssertCitation(d, "120-KL/TW", "Kết luận", "2016-01-07", "Bộ Chính trị");
        AssertCitation(d, "34/2007/PL-UBTVQH11", "Pháp lệnh", "2007-04-20", "Ủy ban Thường vụ Quốc hội");
        AssertCitation(d, "217-QĐ/TW", "Quyết định", null, null);
        AssertCitation(d, "218-QĐ/TW", "Quyết định", null, "Bộ chính trị");
        Assert.Equal(13, d.Citations.Count);

        Assert.Equal(["I", "II", "III"], d.Sections.Where(s => s.Level == 1).Select(s => s.Number));
        Assert.Equal("MỤC ĐÍCH VÀ YÊU CẦU", d.Sections[0].Heading);
        Assert.Equal(5, d.Sections.Count(s => s.Level == 2));
        Assert.Equal(20, d.Sections.Count(s => s.Level == 4));
        Assert.Contains(d.Sections, s => s is { Number: "1", Heading: "Công tác triển khai, quán triệt văn bản" });

        // "- Đảng ủy Sở phối hợp với chính quyền, đoàn thể phát động …" in II. Nội dung thực hiện is work given to the Đảng ủy.
        AssertAssignees(d, ("Đảng ủy Sở", 1), ("Lãnh đạo Sở", 1), ("Ban Chỉ đạo Quy chế dân chủ", 1), ("Văn phòng Sở", 1));
        Assert.StartsWith("Theo dõi, đôn đốc việc triển khai thực hiện kế hoạch", d.Assignments[3].Tasks[0]);
        Assert.Empty(d.Deadlines);
        Assert.Empty(d.Targets);
    }

    [Fact]
    public void Seed001_plan_with_citations_in_footnotes_report_deadlines_and_targets()
    {
        var d = Parse("001");
        Assert.Equal("Kế hoạch", d.Kind);
        Assert.Equal("878", d.Number);
        Assert.Equal("KH-SVHTT", d.Symbol);
        Assert.Equal("878/KH-SVHTT", d.Code);
        Assert.Equal("Sở Văn hóa và Thể thao", d.Issuer);
        Assert.Equal("Thành phố Hồ Chí Minh", d.Place);
        Assert.Equal("2023-03-07", d.Date);
        Assert.Equal("Thực hiện công tác dân vận của chính quyền năm 2023", d.Title);
        Assert.Null(d.Signer?.Authority);
        Assert.Equal("GIÁM ĐỐC", d.Signer?.Position);
        Assert.Equal("Trần Thế Thuận", d.Signer?.Name); // the OCR noise line after it is not a name
        Assert.Equal(["Sở Nội vụ", "Đảng ủy- Lãnh đạo Sở", "CD; ĐTN Sở", "Các phòng, ban, đơn vị sự nghiệp", "Lưu: VT, TCPC, C"], d.Recipients);

        AssertCitation(d, "04-CTr/BĐVTU-BCSĐUBNDTP", "Chương trình", "2022-02-25", null); // "ngày 25 tháng 02 năm 2022"
        // Footnote ¹:
        AssertCitation(d, "08-CTrHĐ/TU", "Chương trình", "2021-07-06", "Thành ủy");
        AssertCitation(d, "06-TT/TU", "Thông tri", "2016-06-09", "Ban Thường vụ Thành ủy");
        AssertCitation(d, "114-KL/TW", "Kết luận", null, "Ban Bí thư");
        AssertCitation(d, "33-CT/TTg", "Chỉ thị", "2021-11-26", "Thủ tướng Chính phủ");
        AssertCitation(d, "23-QĐ/TW", "Quyết định", "2021-07-30", "Bộ Chính trị");
        AssertCitation(d, "784-QĐ/TU", "Quyết định", "2022-05-06", "Ban chấp hành Đảng bộ Thành phố");
        AssertCitation(d, "309-QĐ/ĐUK", "Quyết định", "2022-08-08", "Ban chấp hành Đảng bộ Khối");
        AssertCitation(d, "10/2022/QH15", "Luật", null, "Quốc hội");
        // Body:
        AssertCitation(d, "76/NQ-CP", "Nghị quyết", "2021-07-15", "Chính phủ");
        AssertCitation(d, "04/2015/NĐ-CP", "Nghị định", "2015-01-09", "Chính phủ");
        AssertCitation(d, "01/2016/TT-BNV", "Thông tư", "2016-01-13", "Bộ trưởng Bộ Nội vụ");
        Assert.Equal(12, d.Citations.Count);

        Assert.Equal(["I", "II", "III"], d.Sections.Where(s => s.Level == 1).Select(s => s.Number));
        Assert.Equal(["Văn phòng Sở", "Phòng Tổ chức – Pháp chế", "Phòng Kế hoạch – Tài chính", "Thanh tra Sở",
            "Các tổ chức chuyên môn nghiệp vụ khác", "Các đơn vị sự nghiệp trực thuộc",
            "Công đoàn cơ sở Sở Văn hóa và Thể thao, Đoàn Thanh niên Cộng sản Hồ Chí Minh Sở Văn hóa và Thể thao"],
            d.Assignments.Select(a => a.Assignee));
        Assert.Equal([3, 5, 2, 2, 2, 2, 3], d.Assignments.Select(a => a.Tasks.Count));

        AssertDeadlines(d,
            ("báo cáo 06 tháng 10/5", 10, 5, null, "half-yearly"),
            ("trước ngày 10/11 của năm", 10, 11, null, "yearly"));
        Assert.Equal("Các đơn vị sự nghiệp trực thuộc", d.Deadlines[0].Assignee);

        Assert.Equal(2, d.Targets.Count);
        Assert.All(d.Targets, t => Assert.Equal((90m, "%", ">"), (t.Value, t.Unit, t.Comparison)));
        Assert.Equal("Mức độ hài lòng thông qua khảo sát của người dân đạt mức trên 90%", d.Targets[0].Text);
        Assert.Equal("Tỷ lệ hồ sơ giải quyết đúng hạn đạt mức trên 90%", d.Targets[1].Text);
    }

    [Fact]
    public void Seed002_provincial_plan_with_assignments_to_agencies_and_dated_deadlines()
    {
        var d = Parse("002");
        Assert.Equal("Kế hoạch", d.Kind);
        Assert.Equal("80", d.Number);
        Assert.Equal("KH-UBND", d.Symbol);
        Assert.Equal("80/KH-UBND", d.Code);
        Assert.Equal("UBND tỉnh Quảng Ngãi", d.Issuer); // "UBND tỉnh xây dựng kế hoạch" + the place of issue
        Assert.Equal("Quảng Ngãi", d.Place);
        Assert.Equal("2020-06-26", d.Date);
        Assert.Equal("Thực hiện Quy chế dân chủ ở cơ sở và công tác Dân vận chính quyền 6 tháng cuối năm 2020", d.Title);
        Assert.Equal("CHỦ TỊCH", d.Signer?.Position);
        Assert.Equal("Trần Ngọc Căng", d.Signer?.Name);
        Assert.Equal(10, d.Recipients.Count);
        Assert.Equal("Ban Thường vụ Tỉnh ủy (báo cáo)", d.Recipients[0]);
        Assert.Equal("Lưu: VT, NC, Vi403", d.Recipients[^1]);

        AssertCitation(d, "120-KH/BDVTU-BCSĐUBND", "Kế hoạch", "2020-01-15", "Ban Dân vận Tỉnh ủy và Ban Cán sự đảng Ủy ban Nhân dân tỉnh");
        AssertCitation(d, "03-KH/BCĐ", "Kế hoạch", "2020-02-26", "Ban Chỉ đạo tỉnh");
        AssertCitation(d, "887/UBND-NC", "Công văn", "2020-03-06", null);
        AssertCitation(d, "25-NQ/TW", "Nghị quyết", null, "Ban Chấp hành Trung ương");
        AssertCitation(d, "05-CT/TW", "Chỉ thị", "2016-05-15", "Bộ Chính trị");
        AssertCitation(d, "16/CT-TTg", "Chỉ thị", "2016-05-16", "Thủ tướng Chính phủ");
        AssertCitation(d, "5451/UBND-CNXD", "Công văn", "2018-09-10", null);
        AssertCitation(d, "737/QĐ-UBND", "Quyết định", "2019-09-27", "UBND tỉnh");
        AssertCitation(d, "34/2007/PL-UBTVQH", "Pháp lệnh", "2007-04-06", "Ủy ban Thường vụ Quốc hội");
        AssertCitation(d, "11100-QĐ/TU", "Quyết định", "2010-06-24", "Tỉnh ủy Quảng Ngãi");
        AssertCitation(d, "07-HD/BDVTU", "Hướng dẫn", "2020-05-21", "Ban Dân vận Tỉnh ủy");
        Assert.Equal(18, d.Citations.Count);

        Assert.Equal(["I", "II", "III"], d.Sections.Where(s => s.Level == 1).Select(s => s.Number));
        Assert.Equal(22, d.Sections.Count(s => s.Level == 2));

        AssertAssignees(d,
            ("Ủy ban Nhân dân các huyện, thị xã, thành phố", 1), // "8. Ủy ban Nhân dân các huyện … chỉ đạo …" in II. Nội dung thực hiện
            ("Thủ trưởng các Sở, ban, ngành cấp tỉnh, Chủ tịch Ủy ban Nhân dân các huyện, thị xã, thành phố", 5),
            ("Thanh tra tỉnh", 2),
            ("Ban Dân tộc", 1),
            ("Báo Quảng Ngãi, Đài Phát thanh và Truyền hình Quảng Ngãi", 1),
            ("Sở Nội vụ", 3));
        Assert.StartsWith("Tham mưu UBND tỉnh xây dựng Quy chế đối thoại trực tiếp", d.Assignments[2].Tasks[0]);

        AssertDeadlines(d,
            ("trước ngày 10/7/2020", 10, 7, 2020, "none"),
            ("trước ngày 15/11 hàng năm", 15, 11, null, "yearly"),
            ("trước ngày 10/7/2020", 10, 7, 2020, "none"));
        Assert.StartsWith("Tiếp tục xây dựng, đăng ký mô hình “Dân vận khéo” năm 2020 gửi về Sở Nội vụ", d.Deadlines[0].About);
        Assert.All(d.Deadlines, x => Assert.StartsWith("Thủ trưởng các Sở", x.Assignee));

        var target = Assert.Single(d.Targets); // "ít nhất 01 mô hình “Dân vận khéo”"
        Assert.Equal((1m, "mô hình", ">="), (target.Value, target.Unit, target.Comparison));
    }

    [Fact]
    public void Seed003_letter_asking_for_comments_with_the_draft_plan_enclosed()
    {
        var d = Parse("003");

        // The letter is the document; the draft plan after it adds its outline, tasks, deadlines and targets.
        Assert.Equal("Công văn", d.Kind);
        Assert.Null(d.Number);
        Assert.Equal("SNV-TCBM", d.Symbol);
        Assert.Equal("/SNV-TCBM", d.Code);
        Assert.Equal("SỞ NỘI VỤ", d.Issuer);
        Assert.Equal("UBND TỈNH NINH THUẬN", d.ParentBody);
        Assert.Equal("Ninh Thuận", d.Place);
        Assert.Equal("2021-12", d.Date); // "ngày tháng 12 năm 2021"
        Assert.Equal("Lấy ý kiến góp ý dự thảo Kế hoạch của Chủ tịch UBND tỉnh về công tác dân vận", d.Title);
        Assert.Equal("KT. GIÁM ĐỐC", d.Signer?.Authority);
        Assert.Equal("PHÓ GIÁM ĐỐC", d.Signer?.Position);
        Assert.Equal("Trương Thanh Long", d.Signer?.Name);
        Assert.Equal(["Như trên", "UBND tỉnh (b/c)", "Giám đốc, Phó Giám đốc Sở (T.T.Long)", "Trang tin điện tử Sở Nội vụ (đ/t)", "Lưu: VT, TCBM"], d.Recipients);

        AssertCitation(d, "25-NQ/TW", "Nghị quyết", "2013-06-03", "Ban Chấp hành Trung ương Đảng");
        AssertCitation(d, "06-QC/TU", "Quy chế", "2021-11-12", "Ban Thường vụ Tỉnh ủy");
        AssertCitation(d, "-QĐ/BCS", "Quyết định", "2021-12", "Ban Cán sự Đảng Ủy ban nhân dân tỉnh"); // blank number and day
        AssertCitation(d, "20/CT-UBND", "Chỉ thị", "2021-12-21", "Chủ tịch Ủy ban nhân dân tỉnh");
        AssertCitation(d, "168/UBND-NC", "Công văn", "2016-01-15", null); // "văn bản chỉ đạo … số 168/UBND-NC"
        AssertCitation(d, "28/CT-TTg", "Chỉ thị", "2014-09-10", "Chính phủ"); // "Chỉ thị 28/CT-TTg", no "số"
        AssertCitation(d, "124-QĐ/TW", "Quy định", "2018-02-02", "Ban Chấp hành Trung ương");
        AssertCitation(d, "39/2012/QH13", "Nghị quyết", "2012-11-23", "Quốc hội");
        AssertCitation(d, "1719/QĐ-TTg", "Quyết định", "2021-10-14", "Thủ tướng Chính phủ");
        Assert.Equal(37, d.Citations.Count);

        Assert.Equal(["I", "II", "III", "IV"], d.Sections.Where(s => s.Level == 1).Select(s => s.Number));
        Assert.Equal("MỘT SỐ CHỈ TIÊU CỤ THỂ ĐẾN NĂM 2026", d.Sections.Where(s => s.Level == 1).ElementAt(2).Heading);
        Assert.Equal(["a", "b", "c", "d", "đ", "e", "g", "h", "i"],
            d.Sections.SkipWhile(s => !s.Heading.StartsWith("Ngoài trách nhiệm chung", StringComparison.Ordinal)).Skip(1).Where(s => s.Level == 3).Select(s => s.Number));

        AssertAssignees(d,
            ("Các cơ quan, đơn vị và địa phương", 1), // "d) Các cơ quan, đơn vị và địa phương chủ động tham mưu …" in the plan's tasks
            ("Thủ trưởng các Sở, Ban-ngành; Chủ tịch Ủy ban nhân dân các huyện, thành phố", 4),
            ("Sở Nội vụ", 6), ("Sở Tư pháp", 3), ("Thanh tra tỉnh", 3), ("Ban Dân tộc tỉnh", 2),
            ("Sở Nông nghiệp và phát triển nông thôn", 2), ("Sở Thông tin và Truyền thông", 3),
            ("Bộ Chỉ huy Quân sự tỉnh, Bộ Chỉ huy Bộ đội Biên phòng tỉnh, Công an tỉnh", 4), ("Sở Tài chính", 1),
            ("Ủy ban nhân dân các huyện, thành phố", 4));

        AssertDeadlines(d,
            ("trước ngày 10/01/2022", 10, 1, 2022, "none"),
            ("trước ngày 25/11 của năm trước liền kề", 25, 11, null, "yearly"),
            ("trước ngày 15/3/2022", 15, 3, 2022, "none"),
            ("trước ngày 01/3/2022", 1, 3, 2022, "none"),
            ("sáu tháng (trước ngày 15/6)", 15, 6, null, "half-yearly"),
            ("hàng năm (trước ngày 15/11)", 15, 11, null, "yearly"),
            ("trước 15/12", 15, 12, null, "yearly"),
            ("trước ngày 15/3/2022", 15, 3, 2022, "none"));
        Assert.Equal("gửi về Sở Nội vụ", d.Deadlines[0].About);
        Assert.Equal("Sở Nội vụ", d.Deadlines[6].Assignee);

        Assert.Equal([(100m, "="), (100m, "="), (100m, "="), (100m, "="), (90m, ">"), (50m, "="), (3m, ">"), (100m, "=")],
            d.Targets.Select(t => (t.Value, t.Comparison)));
        Assert.Equal("Trên 90% người dân trong vùng dự án được biết, được bàn, được tham gia kiểm tra, giám sát", d.Targets[4].Text);
        Assert.Equal("%/năm", d.Targets[6].Unit);
    }

    [Fact]
    public void Seed004_party_letter_with_header_split_over_lines()
    {
        var d = Parse("004");
        Assert.Equal("Công văn", d.Kind);
        Assert.Equal("451", d.Number);
        Assert.Equal("CV/HU", d.Symbol);
        Assert.Equal("451-CV/HU", d.Code);
        Assert.Equal("HUYỆN ỦY CẨM THỦY", d.Issuer);
        Assert.Equal("ĐẢNG BỘ TỈNH THANH HOÁ", d.ParentBody);
        Assert.Equal("Cẩm Thủy", d.Place);
        Assert.Equal("2022-02-26", d.Date);
        Assert.Equal("Lãnh đạo, chỉ đạo thực hiện “Năm dân vận chính quyền” 2022", d.Title);
        Assert.Equal("TM. BAN THƯỜNG VỤ", d.Signer?.Authority); // written "T/M"
        Assert.Equal("PHÓ BÍ THƯ THƯỜNG TRỰC", d.Signer?.Position);
        Assert.Equal("Cao Văn Vượng", d.Signer?.Name);
        Assert.Equal(["Như kính gửi", "Lưu VP/HU"], d.Recipients);

        AssertCitation(d, "547-CV/TU", "Công văn", "2022-02-17", "Ban Thường vụ Tỉnh ủy Thanh Hóa"); // "547 – CV/TU"
        AssertCitation(d, "23-QĐ/TW", "Quyết định", "2021-07-30", "Bộ Chính trị"); // "23- QĐ/TW, ngày …"
        AssertCitation(d, "43-KL/TW", "Kết luận", "2019-01-07", "Ban bí thư");
        AssertCitation(d, "33/2021/CT-TTg", "Chỉ thị", "2021-11-26", "Thủ tướng Chính phủ");
        AssertCitation(d, "05-CT/TW", "Chỉ thị", null, "Bộ Chính trị");
        Assert.Equal(9, d.Citations.Count);

        Assert.Equal(Enumerable.Range(1, 9).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)), d.Sections.Select(s => s.Number));
        AssertAssignees(d, ("Ban Tuyên giáo", 1), ("UBND huyện", 1), ("Đảng ủy các xã, thị trấn", 1));
        Assert.Empty(d.Deadlines);
    }

    [Fact]
    public void Every_field_points_back_to_its_source_text()
    {
        foreach (var seed in new[] { "000", "001", "002", "003", "004" })
        {
            var d = Parse(seed);
            foreach (var (field, span) in d.Sources)
            {
                Assert.InRange(span.Start, 0, d.Text.Length);
                Assert.InRange(span.End, span.Start + 1, d.Text.Length);
            }

            foreach (var c in d.Citations)
            {
                Assert.Contains(c.Code!.TrimStart('-', '/')[..2], d.Text.Substring(c.Source.Start, c.Source.Length).Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal);
            }

            foreach (var x in d.Deadlines)
            {
                Assert.Equal(x.Text, d.Text.Substring(x.Source.Start, x.Source.Length));
            }
        }
    }

    private static void AssertCitation(ParsedDocument d, string code, string kind, string? date, string? issuer)
    {
        var c = d.Citations.SingleOrDefault(c => c.Code == code);
        Assert.True(c is not null, $"{code} not found among {string.Join(", ", d.Citations.Select(x => x.Code))}");
        Assert.Equal((kind, date, issuer), (c.Kind, c.Date, c.Issuer));
    }

    private static void AssertAssignees(ParsedDocument d, params (string Assignee, int Tasks)[] expected) =>
        Assert.Equal(expected, d.Assignments.Select(a => (a.Assignee, a.Tasks.Count)));

    private static void AssertDeadlines(ParsedDocument d, params (string Text, int Day, int Month, int? Year, string Recurrence)[] expected) =>
        Assert.Equal(expected, d.Deadlines.Select(x => (x.Text, x.Day, x.Month, x.Year, x.Recurrence)));
}
