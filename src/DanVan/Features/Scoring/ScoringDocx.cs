using System.Globalization;
using DanVan.Domain.Scoring;
using DanVan.Domain.Text;
using DanVan.Domain.Units;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using static DanVan.Infrastructure.Nd30Docx;

namespace DanVan.Features.Scoring;

/// <summary>
/// What scoring puts on paper, laid out per Nghị định 30/2020 through the shared blocks: a unit's sheet with its
/// explanation (báo cáo giải trình); the province's draft Quyết định công nhận kết quả đánh giá, xếp loại with its
/// annex; the commendation dossier (tờ trình, danh sách, tóm tắt thành tích). Numbers are left for the văn thư.
/// </summary>
public static class ScoringDocx
{
    public sealed record Proposal(string TitleName, string Form, string UnitName, string? PersonName, string? PersonPosition, string Grade, double? Total, string Achievements);

    public static string SheetFileName(SheetView v) =>
        $"phieu-cham-diem-dan-van-{v.Round.Year.ToString(CultureInfo.InvariantCulture)}-{v.Unit.Code.Replace('.', '-')}.docx";

    public static void WriteSheet(Stream output, SheetView v, string place, DateOnly today)
    {
        var body = Start(output, out var doc);
        var commune = v.Unit.Kind is OrgUnitKind.Commune or OrgUnitKind.Ward or OrgUnitKind.SpecialZone;
        body.Append(Header(null, commune ? "Ủy ban nhân dân " + v.Unit.Name : v.Unit.Name, "......../BC", $"{place}, {Date(today)}"));
        body.Append(P(JustificationValues.Center, R("BÁO CÁO", 14, bold: true)));
        body.Append(P(JustificationValues.Center, R($"Kết quả tự đánh giá, chấm điểm công tác dân vận chính quyền năm {v.Round.Year.ToString(CultureInfo.InvariantCulture)}", 14, bold: true)));
        body.Append(P(JustificationValues.Both, R($"Căn cứ {v.Framework.LegalBasis}; {v.Unit.Name} tự đánh giá, chấm điểm như sau:", 14)));
        body.Append(P(JustificationValues.Left, R("I. BẢNG ĐIỂM", 14, bold: true)));
        var rows = new List<IReadOnlyList<string>>();
        foreach (var l in v.Lines)
        {
            var c = l.Criterion;
            var disq = c.Kind == CriterionKind.Disqualifier;
            string Pts(double? x) => disq ? (x > 0 ? "Có" : "Không") : x is { } d ? ScoringRules.FormatNumber(d) : "";
            rows.Add([$"{c.Code}. {c.Name}", disq ? "" : ScoringRules.FormatNumber(c.MaxPoints), Pts(l.Line.SelfPoints), Pts(l.Line.AppraisedPoints),
                (l.Line.Provenance ?? l.Line.Note ?? "") + (l.Line.AppraisalReason is { } r ? " Lý do thẩm định: " + r : "")]);
        }

        rows.Add(["Tổng cộng", "", ScoringRules.FormatNumber(v.Sheet.SelfTotal), v.Sheet.AppraisedTotal is { } at ? ScoringRules.FormatNumber(at) : "", v.Sheet.Grade ?? ""]);
        body.Append(Grid(["Tiêu chí", "Tối đa", "Tự chấm", "Thẩm định", "Căn cứ, ghi chú"], rows));
        body.Append(P(JustificationValues.Left, R("II. BÁO CÁO GIẢI TRÌNH", 14, bold: true)));
        foreach (var para in (v.Sheet.Explanation ?? "(Chưa có báo cáo giải trình.)").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            body.Append(P(JustificationValues.Both, R(para, 14)));
        }

        body.Append(P(JustificationValues.Both, R($"Tự xếp loại: {v.Sheet.Grade} ({ScoringRules.FormatNumber(v.Sheet.SelfTotal)} điểm).", 14, bold: true)));
        body.Append(Signature(["Sở Nội vụ;", "Lưu: VT."], commune ? "CHỦ TỊCH" : "THỦ TRƯỞNG ĐƠN VỊ", null));
        Finish(doc, body);
    }

    public static void WriteDecision(Stream output, ScoringRound round, ScoringFramework framework, string provinceName, string place, IReadOnlyList<RankRow> ranking, DateOnly today)
    {
        var body = Start(output, out var doc);
        var year = round.Year.ToString(CultureInfo.InvariantCulture);
        body.Append(Header(null, "Ủy ban nhân dân " + provinceName, "......../QĐ-UBND", $"{place}, {Date(today)}"));
        body.Append(P(JustificationValues.Center, R("QUYẾT ĐỊNH", 14, bold: true)));
        body.Append(P(JustificationValues.Center, R($"Công nhận kết quả đánh giá, xếp loại công tác dân vận chính quyền năm {year}", 14, bold: true)));
        body.Append(P(JustificationValues.Center, R("CHỦ TỊCH ỦY BAN NHÂN DÂN " + provinceName.ToUpper(Vi), 14, bold: true)));
        body.Append(P(JustificationValues.Both, R("Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;", 14, italic: true)));
        body.Append(P(JustificationValues.Both, R($"Căn cứ {framework.LegalBasis};", 14, italic: true)));
        body.Append(P(JustificationValues.Both, R("Theo đề nghị của Giám đốc Sở Nội vụ và kết quả thẩm định của Sở Nội vụ, Ban Tuyên giáo và Dân vận Tỉnh ủy.", 14, italic: true)));
        body.Append(P(JustificationValues.Center, R("QUYẾT ĐỊNH:", 14, bold: true)));
        var ranked = ranking.Where(r => r.Rank > 0).ToList();
        var bands = ScoringRules.ParseBands(framework.Bands) ?? [];
        var counts = string.Join("; ", bands.Select(b => $"{b.Name}: {ranked.Count(r => r.Grade == b.Name)}"));
        var unranked = ranking.Count(r => r.Rank == 0);
        body.Append(P(JustificationValues.Both, R("Điều 1. ", 14, bold: true),
            R($"Công nhận kết quả đánh giá, xếp loại công tác dân vận chính quyền năm {year} của {ranked.Count} cơ quan, đơn vị, địa phương ({counts}"
              + (unranked > 0 ? $"; không xếp loại: {unranked}" : "") + ") theo danh sách tại Phụ lục kèm theo Quyết định này.", 14)));
        body.Append(P(JustificationValues.Both, R("Điều 2. ", 14, bold: true),
            R("Kết quả đánh giá, xếp loại là căn cứ để xem xét, đánh giá thi đua, khen thưởng năm " + year + ".", 14)));
        body.Append(P(JustificationValues.Both, R("Điều 3. ", 14, bold: true),
            R("Chánh Văn phòng Ủy ban nhân dân tỉnh, Giám đốc Sở Nội vụ, thủ trưởng các cơ quan, đơn vị và Chủ tịch Ủy ban nhân dân các xã, phường, đặc khu chịu trách nhiệm thi hành Quyết định này.", 14)));
        body.Append(Signature(["Như Điều 3;", "Ban Tuyên giáo và Dân vận Tỉnh ủy;", "Lưu: VT."], "CHỦ TỊCH", null));
        body.Append(P(JustificationValues.Center, R("PHỤ LỤC", 14, bold: true)));
        body.Append(P(JustificationValues.Center, R($"Kết quả đánh giá, xếp loại công tác dân vận chính quyền năm {year}", 14, bold: true)));
        body.Append(P(JustificationValues.Center, R("(Kèm theo Quyết định số ......../QĐ-UBND " + Date(today) + " của Chủ tịch Ủy ban nhân dân tỉnh)", 13, italic: true)));
        foreach (var g in ranking.GroupBy(r => r.Group).OrderBy(g => g.Key))
        {
            body.Append(P(JustificationValues.Left, R(ScoringRules.Label(g.Key), 14, bold: true)));
            var stt = 0;
            body.Append(Grid(["STT", "Cơ quan, đơn vị, địa phương", "Tổng điểm", "Xếp loại", "Thứ hạng"],
                g.Select(r => (IReadOnlyList<string>)[(++stt).ToString(CultureInfo.InvariantCulture), r.UnitName, r.Total is { } t ? ScoringRules.FormatNumber(t) : "",
                    r.Grade, r.Rank > 0 ? r.Rank.ToString(CultureInfo.InvariantCulture) : ""])));
        }

        Finish(doc, body);
    }

    public static void WriteDossier(Stream output, ScoringRound round, string provinceName, string place, IReadOnlyList<Proposal> proposals, DateOnly today)
    {
        var body = Start(output, out var doc);
        var year = round.Year.ToString(CultureInfo.InvariantCulture);
        body.Append(Header("Ủy ban nhân dân " + provinceName, "Sở Nội vụ", "......../TTr-SNV", $"{place}, {Date(today)}"));
        body.Append(P(JustificationValues.Center, R("TỜ TRÌNH", 14, bold: true)));
        body.Append(P(JustificationValues.Center, R($"Đề nghị khen thưởng tập thể, cá nhân có thành tích trong công tác dân vận chính quyền năm {year}", 14, bold: true)));
        body.Append(P(JustificationValues.Center, R("Kính gửi: Ủy ban nhân dân tỉnh", 14)));
        var collectives = proposals.Count(p => p.PersonName is null);
        body.Append(P(JustificationValues.Both, R($"Căn cứ Luật Thi đua, khen thưởng số 06/2022/QH15 và kết quả đánh giá, xếp loại công tác dân vận chính quyền năm {year}, Sở Nội vụ đề nghị khen thưởng {collectives} tập thể và {proposals.Count - collectives} cá nhân theo danh sách dưới đây.", 14)));
        body.Append(P(JustificationValues.Left, R("DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG", 14, bold: true)));
        var stt = 0;
        body.Append(Grid(["STT", "Hình thức", "Tập thể, cá nhân", "Kết quả đánh giá"],
            proposals.Select(p => (IReadOnlyList<string>)[(++stt).ToString(CultureInfo.InvariantCulture), p.TitleName, Subject(p),
                p.Grade + (p.Total is { } t ? $" ({ScoringRules.FormatNumber(t)} điểm)" : "")])));
        body.Append(P(JustificationValues.Left, R("TÓM TẮT THÀNH TÍCH", 14, bold: true)));
        stt = 0;
        foreach (var p in proposals)
        {
            body.Append(P(JustificationValues.Both, R($"{++stt}. {Subject(p)} — {p.TitleName}: ", 14, bold: true), R(p.Achievements, 14)));
        }

        body.Append(Signature(["Như trên;", "Ban Tuyên giáo và Dân vận Tỉnh ủy;", "Lưu: VT."], "GIÁM ĐỐC", null));
        Finish(doc, body);
    }

    public static string Subject(Proposal p) => p.PersonName is null ? p.UnitName : $"{p.PersonName}, {p.PersonPosition}, {p.UnitName}";

    private static Body Start(Stream output, out WordprocessingDocument doc)
    {
        doc = WordprocessingDocument.Create(output, DocumentFormat.OpenXml.WordprocessingDocumentType.Document);
        doc.AddMainDocumentPart();
        return new Body();
    }

    private static void Finish(WordprocessingDocument doc, Body body)
    {
        DanVan.Infrastructure.Nd30Docx.Finish(doc.MainDocumentPart!, body);
        doc.Dispose();
    }
}
