using System.Globalization;
using DanVan.Domain.Democracy;
using DanVan.Domain.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using static DanVan.Infrastructure.Nd30Docx;

namespace DanVan.Features.Democracy;

/// <summary>
/// Biên bản of a community's vote (Điều 20 Luật 10/2022/QH15: the community's decision is recorded in a biên bản),
/// laid out per Nghị định 30/2020 through the shared blocks: the commune over the community, the matter, who attended,
/// the figures, the outcome with the threshold that applied and its basis, the conclusion, the chair's and the
/// secretary's signatures. The number is left for whoever files it.
/// </summary>
public static class DecisionMinutesDocx
{
    public static string FileName(PeopleDecision d) => $"bien-ban-bieu-quyet-{d.Id.ToString(CultureInfo.InvariantCulture)}.docx";

    public static void Write(Stream output, PeopleDecision d, string communeName, string ruleName, string place, DateOnly today)
    {
        using var doc = WordprocessingDocument.Create(output, DocumentFormat.OpenXml.WordprocessingDocumentType.Document);
        var main = doc.AddMainDocumentPart();
        var body = new Body();
        string N(int n) => n.ToString("N0", VietnameseText.Culture);
        body.Append(Header("Ủy ban nhân dân " + communeName, d.Community, "......../BB", $"{place}, {Date(d.HeldOn)}"));
        body.Append(P(JustificationValues.Center, R("BIÊN BẢN", 14, bold: true)));
        body.Append(P(JustificationValues.Center, R(d.Form == DecisionForm.Meeting ? $"Họp cộng đồng dân cư {d.Community}" : $"Tổng hợp kết quả {DecisionRules.Label(d.Form).ToLower(VietnameseText.Culture)} tại {d.Community}", 14, bold: true)));
        body.Append(P(JustificationValues.Center, R("Về việc: " + d.Matter, 14, italic: true)));
        void Line(string text) => body.Append(P(JustificationValues.Both, R(text, 14)));
        Line($"Thời gian: {Date(d.HeldOn)}.{(d.Place is null ? "" : " Địa điểm: " + d.Place + ".")}");
        Line($"Hình thức: {DecisionRules.Label(d.Form)}. Loại nội dung: {ruleName}.");
        Line($"Chủ trì: {d.ChairName ?? "………………"}. Thư ký: {d.SecretaryName ?? "………………"}.");
        body.Append(Grid(["Nội dung", "Số hộ"],
        [
            ["Tổng số hộ gia đình của cộng đồng", N(d.HouseholdsEntitled)],
            [d.Form == DecisionForm.Meeting ? "Số hộ có đại diện dự họp" : "Số hộ trả lời", N(d.HouseholdsPresent)],
            ["Số hộ đồng ý", N(d.For)],
            ["Số hộ không đồng ý", N(d.Against)],
            ["Số hộ không biểu quyết", N(Math.Max(0, d.HouseholdsPresent - d.For - d.Against))],
        ]));
        Line("Kết quả: " + Outcome(d));
        Line($"Ngưỡng áp dụng: {d.ThresholdText} ({d.LegalBasis}).");
        if (d.Conclusion is not null)
        {
            Line("Kết luận: " + d.Conclusion);
        }

        Line($"Biên bản lập xong vào {Date(today)}, đã đọc lại cho những người dự họp cùng nghe.");
        var signatures = new Table(new TableProperties(new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct }), Columns(1, 1));
        signatures.Append(new TableRow(
            Cell(2500, P(JustificationValues.Center, R("THƯ KÝ", 14, bold: true)), P(JustificationValues.Center, R(" ", 14)), P(JustificationValues.Center, R(" ", 14)),
                P(JustificationValues.Center, R(d.SecretaryName ?? "", 14, bold: true))),
            Cell(2500, P(JustificationValues.Center, R("CHỦ TRÌ", 14, bold: true)), P(JustificationValues.Center, R(" ", 14)), P(JustificationValues.Center, R(" ", 14)),
                P(JustificationValues.Center, R(d.ChairName ?? "", 14, bold: true)))));
        body.Append(signatures);
        Finish(main, body);
    }

    /// <summary>The outcome in words, from the figures kept (the explanation DecisionRules gave when it was counted).</summary>
    public static string Outcome(PeopleDecision d)
    {
        var pct = (100m * d.For / d.HouseholdsEntitled).ToString("0.0", VietnameseText.Culture) + "%";
        return d.Outcome switch
        {
            DecisionOutcome.Passed => $"Thông qua: {d.For}/{d.HouseholdsEntitled} hộ đồng ý ({pct}).",
            DecisionOutcome.Rejected => $"Không thông qua: {d.For}/{d.HouseholdsEntitled} hộ đồng ý ({pct}).",
            _ => $"Cuộc họp không hợp lệ: {d.HouseholdsPresent}/{d.HouseholdsEntitled} hộ tham dự.",
        };
    }
}
