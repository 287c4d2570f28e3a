using System.Text;
using DanVan.Domain.Import;
using DanVan.Tests.Support;

namespace DanVan.Tests.Domain.Import;

/// <summary>The general rules, on documents written for the test in the shapes real files take.</summary>
public class DocumentParserRuleTests
{
    private const string Letter = """
        UBND TỈNH TÂY NINH          CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
        SỞ NỘI VỤ                   Độc lập - Tự do - Hạnh phúc
        Số: 123/SNV-XDCQ            Tây Ninh, ngày 05 tháng 3 năm 2024

        V/v báo cáo kết quả thực hiện công tác dân vận
        chính quyền quý I năm 2024

        Kính gửi: Các sở, ban, ngành tỉnh.

        Thực hiện Kế hoạch số 1026/KH-UBND ngày 25/3/2024 của UBND tỉnh, Sở Nội vụ đề nghị các cơ quan báo cáo kết quả quý I năm 2024 gửi về Sở Nội vụ chậm nhất là ngày 20/3/2024. Tỷ lệ phản hồi phải đạt tối thiểu 95%.

        Nơi nhận:
        - Như trên;
        - Lưu: VT, XDCQ.

        TL. GIÁM ĐỐC
        CHÁNH VĂN PHÒNG

        (Đã ký)

        Nguyễn Văn An
        """;

    [Fact]
    public void Header_on_two_columns_mixed_with_the_motto()
    {
        var d = DocumentParser.Parse(Letter);
        Assert.Equal(("Công văn", "123", "SNV-XDCQ", "123/SNV-XDCQ"), (d.Kind, d.Number, d.Symbol, d.Code));
        Assert.Equal(("SỞ NỘI VỤ", "UBND TỈNH TÂY NINH"), (d.Issuer, d.ParentBody));
        Assert.Equal(("Tây Ninh", "2024-03-05"), (d.Place, d.Date));
        Assert.Equal("Báo cáo kết quả thực hiện công tác dân vận chính quyền quý I năm 2024", d.Title);
        Assert.Equal(("TL. GIÁM ĐỐC", "CHÁNH VĂN PHÒNG", "Nguyễn Văn An"), (d.Signer?.Authority, d.Signer?.Position, d.Signer?.Name));
        Assert.Equal(["Như trên", "Lưu: VT, XDCQ"], d.Recipients);
        var deadline = Assert.Single(d.Deadlines);
        Assert.Equal(("chậm nhất là ngày 20/3/2024", 20, 3, 2024, "none"), (deadline.Text, deadline.Day, deadline.Month, deadline.Year, deadline.Recurrence));
        var target = Assert.Single(d.Targets);
        Assert.Equal((95m, "%", ">="), (target.Value, target.Unit, target.Comparison));
        Assert.Equal("1026/KH-UBND", Assert.Single(d.Citations).Code);
    }

    [Fact]
    public void Same_result_from_NFD_text_with_Windows_line_ends()
    {
        var nfd = Letter.Normalize(NormalizationForm.FormD).Replace("\n", "\r\n", StringComparison.Ordinal);
        var a = DocumentParser.Parse(Letter);
        var b = DocumentParser.Parse(nfd);
        Assert.Equal((a.Issuer, a.Title, a.Code, a.Date), (b.Issuer, b.Title, b.Code, b.Date));
    }

    [Fact]
    public void Decision_with_articles_and_a_double_signature_authority()
    {
        var d = DocumentParser.Parse("""
            ỦY BAN NHÂN DÂN
            TỈNH TÂY NINH
            Số: 15/2024/QĐ-UBND
            Tây Ninh, ngày 1 tháng 4 năm 2024
            QUYẾT ĐỊNH
            Về việc ban hành Quy chế công tác dân vận
            Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;
            Điều 1. Ban hành kèm theo Quyết định này Quy chế công tác dân vận.
            Điều 2. Quyết định có hiệu lực kể từ ngày ký.
            Nơi nhận:
            - Lưu: VT.
            TM. ỦY BAN NHÂN DÂN
            KT. CHỦ TỊCH
            PHÓ CHỦ TỊCH
            Trần Văn Chiến
            """);
        Assert.Equal(("Quyết định", "15", "QĐ-UBND", "15/2024/QĐ-UBND"), (d.Kind, d.Number, d.Symbol, d.Code));
        Assert.Equal("ỦY BAN NHÂN DÂN TỈNH TÂY NINH", d.Issuer); // one body over two lines
        Assert.Null(d.ParentBody);
        Assert.Equal(["Điều 1", "Điều 2"], d.Sections.Select(s => s.Number));
        Assert.Equal("TM. ỦY BAN NHÂN DÂN, KT. CHỦ TỊCH", d.Signer?.Authority);
        Assert.Equal("PHÓ CHỦ TỊCH", d.Signer?.Position);
    }

    [Fact]
    public void Markdown_bold_and_words_broken_by_a_page_break_are_cleaned()
    {
        var d = DocumentParser.Parse("""
            ## **KẾ HOẠCH**

            ### **Thực hiện công tác dân vận năm 2024**

            ## **I. NỘI DUNG**

            1. Giải quyết kịp thời những kiến nghị,

            khiếu nại của công dân; gửi báo cáo về Sở Nội vụ **trước ngày 15/6 hằng năm**.

            ## **II. TỔ CHỨC THỰC HIỆN**

            **1. Sở Tư pháp:**

            - Tuyên truyền, phổ biến pháp luật (*trước ngày 30/9/2024*).
            """);
        Assert.Equal("Kế hoạch", d.Kind);
        Assert.Equal("Thực hiện công tác dân vận năm 2024", d.Title);
        Assert.DoesNotContain("*", d.Text, StringComparison.Ordinal);
        Assert.Contains("những kiến nghị, khiếu nại của công dân", d.Text, StringComparison.Ordinal);
        Assert.Equal(["I", "1", "II", "1", "-"], d.Sections.Select(s => s.Number));
        Assert.Equal(("trước ngày 15/6 hằng năm", "yearly"), (d.Deadlines[0].Text, d.Deadlines[0].Recurrence));
        var assignment = Assert.Single(d.Assignments);
        Assert.Equal("Sở Tư pháp", assignment.Assignee);
        Assert.Equal("Tuyên truyền, phổ biến pháp luật (trước ngày 30/9/2024)", Assert.Single(assignment.Tasks));
        Assert.Equal("Sở Tư pháp", d.Deadlines[1].Assignee);
    }

    [Fact]
    public void Party_header_hyphenated_place_agency_and_task_on_one_line()
    {
        var d = DocumentParser.Parse("""
            TỈNH ỦY BÀ RỊA - VŨNG TÀU
            BAN DÂN VẬN
            *
            Số 12-KH/BDVTU
            Bà Rịa - Vũng Tàu, ngày 10 tháng 01 năm 2025
            ĐẢNG CỘNG SẢN VIỆT NAM
            KẾ HOẠCH
            Phối hợp thực hiện công tác dân vận chính quyền năm 2025
            Thực hiện Luật Thực hiện dân chủ ở cơ sở số 10/2022/QH15 và văn bản số 123/UBND-VX ngày 02/01/2025 của UBND tỉnh.
            I. MỤC ĐÍCH
            Nâng cao hiệu quả công tác dân vận.
            II. TỔ CHỨC THỰC HIỆN
            - Sở Tài chính: bố trí kinh phí thực hiện kế hoạch trước ngày 31/3/2025.
            - Các phòng chuyên môn: thực hiện đầy đủ chế độ báo cáo.
            T/M BAN THƯỜNG VỤ
            PHÓ BÍ THƯ
            Lê Thị Thu Hằng
            """);
        Assert.Equal(("Kế hoạch", "12", "KH/BDVTU", "12-KH/BDVTU"), (d.Kind, d.Number, d.Symbol, d.Code));
        Assert.Equal(("BAN DÂN VẬN", "TỈNH ỦY BÀ RỊA - VŨNG TÀU"), (d.Issuer, d.ParentBody));
        Assert.Equal(("Bà Rịa - Vũng Tàu", "2025-01-10"), (d.Place, d.Date));
        Assert.Equal(["10/2022/QH15", "123/UBND-VX"], d.Citations.Select(c => c.Code));
        Assert.Equal(["Luật", "Công văn"], d.Citations.Select(c => c.Kind));
        Assert.Equal([("Sở Tài chính", "Bố trí kinh phí thực hiện kế hoạch trước ngày 31/3/2025"), ("Các phòng chuyên môn", "Thực hiện đầy đủ chế độ báo cáo")],
            d.Assignments.Select(a => (a.Assignee, a.Tasks.Single())));
        Assert.Equal("Sở Tài chính", Assert.Single(d.Deadlines).Assignee);
        Assert.Equal(("TM. BAN THƯỜNG VỤ", "PHÓ BÍ THƯ", "Lê Thị Thu Hằng"), (d.Signer?.Authority, d.Signer?.Position, d.Signer?.Name));
    }

    [Fact]
    public void Phrases_that_begin_like_agencies_are_not_assignees_and_a_quarter_or_month_ends_its_period()
    {
        var d = DocumentParser.Parse("""
            UBND TỈNH GIA LAI
            SỞ NỘI VỤ
            Số: 210/SNV-XDCQ
            Gia Lai, ngày 14 tháng 3 năm 2025
            V/v báo cáo kết quả công tác dân vận chính quyền quý I năm 2025

            Kính gửi: Các sở, ban, ngành tỉnh.

            Thực hiện Kế hoạch số 12/KH-UBND ngày 10/01/2025 của UBND tỉnh, Sở Nội vụ đề nghị các cơ quan, đơn vị:
            1. Báo cáo kết quả thực hiện quý I gửi về Sở Nội vụ trước ngày 20 tháng 3 năm 2025.
            2. Hoàn thành việc đăng ký mô hình "Dân vận khéo" trong quý II/2025.
            3. Tổ chức hội nghị đối thoại với Nhân dân trong tháng 6 năm 2025.
            4. Hội nghị cán bộ, công chức tổ chức đúng quy định.
            5. Trường hợp có vướng mắc, báo cáo về Sở Nội vụ để tổng hợp.
            6. Ban hành kế hoạch triển khai Quy chế dân chủ.
            7. Số liệu kết quả đạt được trong quý I/2025 gửi kèm báo cáo.
            8. Sơ kết việc thực hiện Quy chế dân chủ. Thời gian thực hiện: quý III/2025.

            Nơi nhận:
            - Như trên;
            - Lưu: VT.
            GIÁM ĐỐC

            Trần Văn An
            """);
        Assert.Empty(d.Assignments);
        Assert.Equal(
            [("trước ngày 20 tháng 3 năm 2025", 20, 3), ("trong quý II/2025", 30, 6), ("trong tháng 6 năm 2025", 30, 6), ("Thời gian thực hiện: quý III/2025", 30, 9)],
            d.Deadlines.Select(x => (x.Text, x.Day, x.Month)).ToList());
        Assert.All(d.Deadlines, x => Assert.Equal((2025, "none"), (x.Year!.Value, x.Recurrence)));
        Assert.Equal("Tổ chức hội nghị đối thoại với Nhân dân", d.Deadlines[2].About);
        Assert.Equal("Sơ kết việc thực hiện Quy chế dân chủ", d.Deadlines[3].About);
    }

    [Fact]
    public void Directive_assigns_by_heading_and_by_giao()
    {
        var d = DocumentParser.Parse("""
            ỦY BAN NHÂN DÂN
            TỈNH NGHỆ AN
            CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
            Độc lập - Tự do - Hạnh phúc
            Số: 08/CT-UBND
            Nghệ An, ngày 20 tháng 02 năm 2024

            CHỈ THỊ
            Về việc tăng cường công tác dân vận chính quyền

            Thực hiện Chỉ thị số 16/CT-TTg ngày 16/8/2022 của Thủ tướng Chính phủ, Chủ tịch UBND tỉnh chỉ thị:

            1. Giám đốc các sở, ban, ngành cấp tỉnh:
            a) Quán triệt đầy đủ chủ trương của Đảng về công tác dân vận.
            b) Thực hiện nghiêm việc tiếp công dân định kỳ.

            2. Giao Sở Nội vụ theo dõi, đôn đốc việc thực hiện Chỉ thị này; tổng hợp báo cáo Chủ tịch UBND tỉnh trước ngày 15 tháng 12 hằng năm.

            Nơi nhận:
            - Lưu: VT.

            CHỦ TỊCH

            Nguyễn Đức Trung
            """);
        Assert.Equal(("Chỉ thị", "08/CT-UBND", "Về việc tăng cường công tác dân vận chính quyền"), (d.Kind, d.Code, d.Title));
        Assert.Equal(["Giám đốc các sở, ban, ngành cấp tỉnh", "Sở Nội vụ"], d.Assignments.Select(a => a.Assignee).ToList());
        Assert.Equal(2, d.Assignments[0].Tasks.Count);
        Assert.StartsWith("Theo dõi, đôn đốc việc thực hiện Chỉ thị này", d.Assignments[1].Tasks.Single(), StringComparison.Ordinal);
        var deadline = Assert.Single(d.Deadlines);
        Assert.Equal((15, 12, (int?)null, "yearly"), (deadline.Day, deadline.Month, deadline.Year, deadline.Recurrence));
    }

    [Fact]
    public void Tasks_laid_out_by_agency_in_the_content_part_are_assignments_but_purposes_are_not()
    {
        var d = DocumentParser.Parse("""
            **ỦY BAN NHÂN DÂN**
            **HUYỆN ĐỨC HÒA**
            **CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**
            Số: 56 /KH-UBND
            *Đức Hòa, ngày 15 tháng 02 năm 2023*

            ## KẾ HOẠCH
            ## Thực hiện công tác dân vận chính quyền năm 2023

            ### I. MỤC ĐÍCH, YÊU CẦU
            1. Cán bộ, công chức nâng cao nhận thức, trách nhiệm về công tác dân vận.

            ### II. NỘI DUNG
            **1. Phòng Nội vụ**
            - Tham mưu UBND huyện triển khai Kế hoạch; báo cáo kết quả năm trước ngày 05/11/2023.
            **2. UBND các xã, thị trấn**
            - Xây dựng kế hoạch thực hiện, gửi về UBND huyện trước ngày 10/3/2023.

            ### III. TỔ CHỨC THỰC HIỆN
            Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, các cơ quan, đơn vị báo cáo về UBND huyện./.

            **TM. ỦY BAN NHÂN DÂN**
            **CHỦ TỊCH**

            **Lê Văn Bình**
            """);
        Assert.Equal(("56/KH-UBND", "ỦY BAN NHÂN DÂN HUYỆN ĐỨC HÒA", "2023-02-15"), (d.Code, d.Issuer, d.Date));
        Assert.Equal(["Phòng Nội vụ", "UBND các xã, thị trấn"], d.Assignments.Select(a => a.Assignee).ToList());
        Assert.All(d.Assignments, a => Assert.Single(a.Tasks));
        Assert.Equal([(5, 11, 2023), (10, 3, 2023)], d.Deadlines.Select(x => (x.Day, x.Month, x.Year!.Value)).ToList());
    }

    [Fact]
    public void A_report_states_results_which_are_not_targets()
    {
        var d = DocumentParser.Parse("""
            UBND THÀNH PHỐ HÀ NỘI
            SỞ NỘI VỤ
            Số: 3456/BC-SNV
            Hà Nội, ngày 10 tháng 6 năm 2024

            BÁO CÁO
            Kết quả thực hiện công tác dân vận chính quyền 6 tháng đầu năm 2024

            I. KẾT QUẢ ĐẠT ĐƯỢC
            1. Công tác tiếp công dân
            Tiếp nhận 145 đơn, đã giải quyết 130 đơn, đạt 89,7%.

            II. PHƯƠNG HƯỚNG, NHIỆM VỤ 6 THÁNG CUỐI NĂM
            1. Phấn đấu giải quyết trên 95% đơn thuộc thẩm quyền.
            2. Hoàn thành tổng kết công tác dân vận chính quyền năm 2024 trong tháng 12/2024.

            KT. GIÁM ĐỐC
            PHÓ GIÁM ĐỐC

            Trần Thị Cúc
            """);
        Assert.Equal(("Báo cáo", "3456/BC-SNV"), (d.Kind, d.Code));
        var target = Assert.Single(d.Targets);
        Assert.Equal((95m, ">"), (target.Value, target.Comparison));
        var deadline = Assert.Single(d.Deadlines);
        Assert.Equal((31, 12, 2024), (deadline.Day, deadline.Month, deadline.Year!.Value));
    }

    [Fact]
    public void Circular_with_chapters_titled_on_the_next_line_and_a_signature_after_an_upper_case_title()
    {
        var d = DocumentParser.Parse("""
            BỘ NỘI VỤ
            Số: 12/2024/TT-BNV
            CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
            Độc lập - Tự do - Hạnh phúc
            Hà Nội, ngày 01 tháng 7 năm 2024

            THÔNG TƯ
            Hướng dẫn thực hiện dân chủ trong hoạt động của cơ quan

            Căn cứ Nghị định số 63/2022/NĐ-CP ngày 12 tháng 9 năm 2022 của Chính phủ;

            Chương I
            QUY ĐỊNH CHUNG

            Điều 1. Phạm vi điều chỉnh
            Thông tư này hướng dẫn thực hiện dân chủ.

            Nơi nhận:
            - Văn phòng Chính phủ;
            - Lưu: VT, CQĐP.

            KT. BỘ TRƯỞNG
            THỨ TRƯỞNG

            Vũ Chiến Thắng
            """);
        Assert.Equal(("Thông tư", "12", "TT-BNV", "12/2024/TT-BNV", "BỘ NỘI VỤ"), (d.Kind, d.Number, d.Symbol, d.Code, d.Issuer));
        Assert.Equal(("KT. BỘ TRƯỞNG", "THỨ TRƯỞNG", "Vũ Chiến Thắng"), (d.Signer?.Authority, d.Signer?.Position, d.Signer?.Name));
        Assert.Equal([("Chương I", "QUY ĐỊNH CHUNG", 1), ("Điều 1", "Phạm vi điều chỉnh", 2)], d.Sections.Select(x => (x.Number, x.Heading, x.Level)).ToList());
    }

    [Fact]
    public void Laws_cited_by_name_and_date_are_citations_without_a_number()
    {
        var d = DocumentParser.Parse("""
            ỦY BAN NHÂN DÂN
            TỈNH BÌNH ĐỊNH
            Số: 1234/QĐ-UBND
            Bình Định, ngày 05 tháng 4 năm 2023

            QUYẾT ĐỊNH
            Về việc ban hành Quy chế dân vận chính quyền

            Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;
            Căn cứ Luật Thực hiện dân chủ ở cơ sở số 10/2022/QH15 ngày 10/11/2022;
            Căn cứ Bộ luật Lao động năm 2019;
            Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05/3/2020 của Chính phủ;

            Điều 1. Ban hành kèm theo Quyết định này Quy chế công tác dân vận chính quyền./.

            KT. CHỦ TỊCH
            PHÓ CHỦ TỊCH

            Nguyễn Tự Công Hoàng
            """);
        Assert.Equal(
            [("Luật", null, "Tổ chức chính quyền địa phương", "2015-06-19"), ("Luật", "10/2022/QH15", null, "2022-11-10"),
             ("Bộ luật", null, "Lao động", "2019"), ("Nghị định", "30/2020/NĐ-CP", null, "2020-03-05")],
            d.Citations.Select(c => (c.Kind, c.Code, c.Title, c.Date)).ToList());
    }

    [Fact]
    public void Tasks_in_an_appendix_after_the_signature_are_assignments()
    {
        var d = DocumentParser.Parse("""
            UBND TỈNH TÂY NINH
            SỞ NỘI VỤ
            Số: 45/KH-SNV
            Tây Ninh, ngày 10 tháng 01 năm 2026

            KẾ HOẠCH
            Thực hiện công tác dân vận chính quyền năm 2026

            I. MỤC ĐÍCH, YÊU CẦU
            Nâng cao hiệu quả công tác dân vận.

            II. KINH PHÍ
            Từ nguồn ngân sách được giao năm 2026./.

            Nơi nhận:
            - Lưu: VT.

            GIÁM ĐỐC

            Nguyễn Văn An

            PHỤ LỤC
            NHIỆM VỤ CỤ THỂ
            (Kèm theo Kế hoạch số 45/KH-SNV ngày 10/01/2026 của Sở Nội vụ)

            | STT | Nội dung | Đơn vị chủ trì | Thời gian |
            |---|---|---|---|
            | 1 | Tổ chức hội nghị sơ kết | Văn phòng Sở | Quý III/2026 |
            | 2 | Báo cáo kết quả năm | Phòng Xây dựng chính quyền | Trước ngày 15/11/2026 |
            """);
        Assert.Equal(("GIÁM ĐỐC", "Nguyễn Văn An"), (d.Signer?.Position, d.Signer?.Name));
        Assert.Equal(["Văn phòng Sở", "Phòng Xây dựng chính quyền"], d.Assignments.Select(a => a.Assignee).ToList());
        Assert.All(d.Assignments, a => Assert.Single(a.Tasks));
        Assert.Empty(d.Citations); // the appendix names its own plan: not a citation
    }

    [Fact]
    public void A_communes_posts_are_assignees()
    {
        var d = DocumentParser.Parse("""
            UỶ BAN NHÂN DÂN                    CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM
            XÃ TÂN PHÚ                                 Độc lập - Tự do - Hạnh phúc
            Số:   15  /KH-UBND                        Tân Phú, ngày  08  tháng  01  năm 2025

            KẾ HOẠCH
            Thực hiện công tác dân vận chính quyền năm 2025

            I. NỘI DUNG
            1. Công chức Văn phòng - Thống kê: tham mưu tổ chức đối thoại với Nhân dân ít nhất 02 cuộc/năm; báo cáo kết quả về UBND xã trước ngày 10/12/2025.
            2. Chánh Văn phòng HĐND và UBND xã theo dõi, đôn đốc thực hiện.

                                                               TM. ỦY BAN NHÂN DÂN
                                                                        CHỦ TỊCH
                                                                    Lê Thị Hồng
            """);
        Assert.Equal(("15/KH-UBND", "UỶ BAN NHÂN DÂN XÃ TÂN PHÚ", "Tân Phú", "2025-01-08"), (d.Code, d.Issuer, d.Place, d.Date));
        Assert.Equal(["Công chức Văn phòng - Thống kê", "Chánh Văn phòng HĐND và UBND xã"], d.Assignments.Select(a => a.Assignee).ToList());
        Assert.EndsWith("trước ngày 10/12/2025", d.Assignments[0].Tasks.Single().TrimEnd('.'), StringComparison.Ordinal);
        Assert.Equal(("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Lê Thị Hồng"), (d.Signer?.Authority, d.Signer?.Position, d.Signer?.Name));
    }

    [Theory]
    [InlineData("pipes")]
    [InlineData("tabs")]
    public void A_task_table_in_text_assigns_each_row(string layout)
    {
        string[][] rows =
        [
            ["STT", "Nội dung công việc", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời gian hoàn thành"],
            ["1", "Tổ chức hội nghị đối thoại với Nhân dân", "Văn phòng Sở", "Thanh tra Sở", "Quý III/2026"],
            ["2", "Tổng hợp báo cáo kết quả năm", "Phòng Xây dựng chính quyền", "", "Trước ngày 15/11/2026"],
        ];
        var table = layout == "pipes"
            ? string.Join('\n', rows.Take(1).Select(r => "| " + string.Join(" | ", r) + " |").Append("|---|---|---|---|---|")
                .Concat(rows.Skip(1).Select(r => "| " + string.Join(" | ", r) + " |")))
            : string.Join('\n', rows.Select(r => string.Join('\t', r)));
        var d = DocumentParser.Parse($"""
            UBND TỈNH TÂY NINH
            SỞ NỘI VỤ
            Số: 45/KH-SNV
            Tây Ninh, ngày 10 tháng 01 năm 2026

            KẾ HOẠCH
            Thực hiện công tác dân vận chính quyền năm 2026

            I. NHIỆM VỤ CỤ THỂ
            {table}

            GIÁM ĐỐC

            Nguyễn Văn An
            """);
        Assert.Equal(["Văn phòng Sở", "Phòng Xây dựng chính quyền"], d.Assignments.Select(a => a.Assignee).ToList());
        Assert.StartsWith("Tổ chức hội nghị đối thoại với Nhân dân. Phối hợp: Thanh tra Sở.", d.Assignments[0].Tasks.Single(), StringComparison.Ordinal);
        Assert.Equal([(30, 9, 2026), (15, 11, 2026)], d.Deadlines.Select(x => (x.Day, x.Month, x.Year!.Value)).ToList());
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n\t  ")]
    [InlineData("The quick brown fox jumps over the lazy dog. This letter is written in English and has no Vietnamese at all.")]
    [InlineData("Ceci est une lettre écrite en français, avec des accents: é, è, à, ç, ô — mais pas de vietnamien.")]
    public void Empty_or_foreign_text_is_refused_with_a_Vietnamese_message(string text)
    {
        var ex = Assert.Throws<UnreadableDocumentException>(() => DocumentParser.Parse(text));
        Assert.Matches("[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữự]", ex.Message);
    }

    [Fact]
    public void Text_longer_than_the_limit_is_refused()
    {
        var text = new string('a', DocumentParser.MaxTextLength + 1);
        Assert.Throws<UnreadableDocumentException>(() => DocumentParser.Parse(text));
    }

    [Fact]
    public void Pathological_text_finishes()
    {
        // One enormous line of citation-like fragments and digits, near the size limit: must finish, not hang.
        var sb = new StringBuilder("Kế hoạch thực hiện công tác dân vận chính quyền. ");
        while (sb.Length < 1_000_000)
        {
            sb.Append("Quyết định số 1-2-3-4/5/6 ngày 1/1/ của của của trước ngày 99/99 trên 100% ít nhất ");
        }

        var d = DocumentParser.Parse(sb.ToString());
        Assert.NotNull(d);
    }

    [Fact]
    public void Seeds_parse_with_the_same_result_twice()
    {
        var a = DocumentParser.Parse(Seeds.Text("002"));
        var b = DocumentParser.Parse(Seeds.Text("002"));
        Assert.Equal(a.Assignments.Select(x => x.Assignee), b.Assignments.Select(x => x.Assignee));
    }
}
