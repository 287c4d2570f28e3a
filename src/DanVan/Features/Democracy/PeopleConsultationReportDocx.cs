using System.Globalization;
using DanVan.Domain.Democracy;
using DanVan.Domain.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using static DanVan.Infrastructure.Nd30Docx;

namespace DanVan.Features.Democracy;

/// <summary>
/// Báo cáo kết quả lấy ý kiến Nhân dân (Điều 25–26 Luật 10/2022/QH15), laid out per Nghị định 30/2020 through the
/// shared blocks: the commune's committee as issuer, the matter, the scope, forms and dates, the opinions in figures,
/// how they were taken into account and explained, the decision made afterwards, and the chair's signature block.
/// The number is left for whoever files it.
/// </summary>
public static class PeopleConsultationReportDocx
{
    public static string FileName(PeopleConsultation c) => $"bao-cao-lay-y-kien-{c.Id.ToString(CultureInfo.InvariantCulture)}.docx";

    public static void Write(Stream output, PeopleConsultation c, string communeName, string? parentName, string matterName, string matterArticle, string place, DateOnly today)
    {
        using var doc = WordprocessingDocument.Create(output, DocumentFormat.OpenXml.WordprocessingDocumentType.Document);
        var main = doc.AddMainDocumentPart();
        var body = new Body();
        string N(int n) => n.ToString("N0", VietnameseText.Culture);
        string Pct(int part) => c.OpinionsReceived == 0 ? "—" : (100m * part / c.OpinionsReceived).ToString("0.0", VietnameseText.Culture) + "%";
        body.Append(Header(parentName, "Ủy ban nhân dân " + communeName, "......../BC-UBND", $"{place}, {Date(today)}"));
        body.Append(P(JustificationValues.Center, R("BÁO CÁO", 14, bold: true)));
        body.Append(P(JustificationValues.Center, R("Kết quả lấy ý kiến Nhân dân", 14, bold: true)));
        body.Append(P(JustificationValues.Center, R("về " + c.Subject, 14, bold: true)));
        void Line(string text) => body.Append(P(JustificationValues.Both, R(text, 14)));
        Line($"Thực hiện Luật Thực hiện dân chủ ở cơ sở số 10/2022/QH15 ({matterArticle}), Ủy ban nhân dân {communeName} đã tổ chức lấy ý kiến Nhân dân "
            + $"về nội dung trên (loại nội dung: {matterName}); kết quả như sau:");
        body.Append(P(JustificationValues.Both, R("1. Phạm vi, hình thức và thời gian", 14, bold: true)));
        Line($"Phạm vi: {c.Community}.");
        Line($"Hình thức (Điều 26): {PeopleConsultationRules.Labels(c.Forms)}.");
        Line($"Thời gian: từ {VietnameseText.FormatDate(c.OpensOn)} đến {VietnameseText.FormatDate(c.ClosesOn)}.");
        body.Append(P(JustificationValues.Both, R("2. Kết quả", 14, bold: true)));
        body.Append(Grid(["Nội dung", "Số ý kiến", "Tỷ lệ"],
        [
            ["Tổng số ý kiến nhận được", N(c.OpinionsReceived), c.OpinionsReceived == 0 ? "—" : "100%"],
            ["Ý kiến đồng ý", N(c.OpinionsAgreed), Pct(c.OpinionsAgreed)],
            ["Ý kiến khác, đề xuất", N(c.OpinionsOther), Pct(c.OpinionsOther)],
            ["Ý kiến còn lại", N(Math.Max(0, c.OpinionsReceived - c.OpinionsAgreed - c.OpinionsOther)), Pct(Math.Max(0, c.OpinionsReceived - c.OpinionsAgreed - c.OpinionsOther))],
        ]));
        body.Append(P(JustificationValues.Both, R("3. Tiếp thu, giải trình ý kiến của Nhân dân", 14, bold: true)));
        Line(c.Response ?? "Chưa ghi nội dung tiếp thu, giải trình.");
        body.Append(P(JustificationValues.Both, R("4. Quyết định của cơ quan có thẩm quyền", 14, bold: true)));
        Line(c.Decision is null ? "Chưa có quyết định." : c.DecidedOn is { } on ? $"{c.Decision} (ngày {VietnameseText.FormatDate(on)})." : c.Decision);
        Line($"Trên đây là báo cáo kết quả lấy ý kiến Nhân dân của Ủy ban nhân dân {communeName}.");
        body.Append(Signature(["Như trên;", "Thường trực Đảng ủy, HĐND;", "Ủy ban MTTQ Việt Nam;", "Lưu: VT."], "CHỦ TỊCH", null));
        Finish(main, body);
    }
}
