namespace DanVan.Domain.Democracy;

/// <summary>
/// The disclosure items every installation starts with (facts.md §3.1, §3.6). ReferenceData copies a code only when
/// the database has none, so an administrator's corrections survive upgrades. Items 1–3 of Điều 11 were checked
/// against the law's text; 4–14 follow the published summaries and say so in their basis until checked. The review
/// dates are DanVan's defaults (31/01 for the year's plan and budget, 31/12 for the rest), not the law's: the law asks
/// for disclosure when the decision is made, and a province sets its own review dates.
/// </summary>
public static class DemocracyCatalog
{
    private const string Law = "Luật Thực hiện dân chủ ở cơ sở số 10/2022/QH15 (hiệu lực 01/07/2023)";
    private const string Checked = Law + ", Điều 11 (đã đối chiếu nguyên văn)";
    private const string Summary = Law + ", Điều 11 (theo bản tóm tắt 14 nội dung; cần đối chiếu nguyên văn)";
    private const string Agency = Law + ", Chương III (nội dung công khai trong cơ quan, đơn vị; theo bản tóm tắt, cần đối chiếu nguyên văn)";
    private static readonly DateOnly From = new(2023, 7, 1);

    public static IReadOnlyList<DisclosureItem> Items()
    {
        DisclosureItem C(int n, string name, string basis, int month = 12, int day = 31) => new()
        {
            Code = $"XA-{n:00}", Name = name, Scope = DisclosureScope.Commune, Article = $"Điều 11 khoản {n}", LegalBasis = basis, DueMonth = month, DueDay = day,
            RadioDays = n is >= 7 and <= 12 ? 3 : null, SortOrder = n, ValidFrom = From,
        };
        DisclosureItem A(int n, string name, int month = 12, int day = 31) => new()
        {
            Code = $"CQ-{n:00}", Name = name, Scope = DisclosureScope.Agency, Article = "Chương III", LegalBasis = Agency, DueMonth = month, DueDay = day,
            SortOrder = n, ValidFrom = From,
        };
        return
        [
            C(1, "Kế hoạch phát triển kinh tế – xã hội hằng năm, phương án chuyển dịch cơ cấu kinh tế và kết quả thực hiện", Checked, 1, 31),
            C(2, "Dự toán, tình hình thực hiện dự toán, quyết toán ngân sách và kế hoạch tài chính của xã; kết quả kiểm toán", Checked, 1, 31),
            C(3, "Kế hoạch, dự án đầu tư trên địa bàn và tiến độ; thu hồi đất, bồi thường, tái định cư; quy hoạch, kế hoạch sử dụng đất", Checked),
            C(4, "Thủ tục hành chính và việc giải quyết công việc của Nhân dân", Summary),
            C(5, "Chính sách, đối tượng, danh sách hưởng chính sách an sinh xã hội, hộ nghèo", Summary),
            C(6, "Kế hoạch, kết quả cho vay vốn phát triển sản xuất, giảm nghèo", Summary),
            C(7, "Kết quả thanh tra, kiểm tra, giải quyết khiếu nại, tố cáo; vụ việc tham nhũng, tiêu cực", Summary),
            C(8, "Kết quả lấy ý kiến Nhân dân và việc tiếp thu", Summary),
            C(9, "Đối tượng, mức thu phí, lệ phí và nghĩa vụ tài chính khác do xã trực tiếp thu", Summary),
            C(10, "Số lượng, tiêu chuẩn, kết quả tuyển dụng, đánh giá cán bộ, công chức cấp xã", Summary),
            C(11, "Các khoản huy động Nhân dân đóng góp và việc quản lý, sử dụng", Summary),
            C(12, "Việc quản lý, sử dụng các quỹ, khoản đầu tư, tài trợ theo chương trình, dự án", Summary),
            C(13, "Hương ước, quy ước của cộng đồng dân cư đã được công nhận", Summary),
            C(14, "Các nội dung khác theo quy định của pháp luật và theo yêu cầu của Nhân dân", Summary),
            A(1, "Kế hoạch công tác hằng năm của cơ quan, đơn vị", 1, 31),
            A(2, "Dự toán, quyết toán kinh phí; quy chế chi tiêu nội bộ; quản lý, sử dụng tài sản công", 1, 31),
            A(3, "Tuyển dụng, quy hoạch, bổ nhiệm, đánh giá, khen thưởng, kỷ luật cán bộ, công chức, viên chức"),
            A(4, "Kết quả giải quyết khiếu nại, tố cáo; kết luận thanh tra, kiểm tra trong cơ quan"),
            A(5, "Quy chế dân chủ, quy chế làm việc và nội quy của cơ quan, đơn vị"),
        ];
    }
}
