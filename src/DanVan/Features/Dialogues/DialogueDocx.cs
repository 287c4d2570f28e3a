using DanVan.Domain.Cases;
using DanVan.Domain.Dialogues;
using DanVan.Domain.Text;
using DanVan.Domain.Units;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using static DanVan.Infrastructure.Nd30Docx;

namespace DanVan.Features.Dialogues;

/// <summary>
/// The papers of a dialogue per Nghị định 30/2020 through the shared blocks: thông báo tổ chức hội nghị đối thoại,
/// biên bản hội nghị đối thoại (with every opinion), thông báo kết quả đối thoại (with the commitments' owners and
/// deadlines, without speakers' names). The number is left for the văn thư; the signer signs on paper.
/// </summary>
public static class DialogueDocx
{
    public enum Kind
    {
        Notice = 1,
        Record = 2,
        Results = 3,
    }

    public sealed record Opinion(int Number, string Speaker, string Content, string Field, string Answer);

    public sealed record Facts(Dialogue Dialogue, string UnitName, OrgUnitKind UnitKind, string Place, DateOnly Today,
        IReadOnlyList<Opinion> Opinions, IReadOnlyList<CommitmentRow> Commitments);

    public static string FileName(Kind kind, int id) => kind switch
    {
        Kind.Notice => $"thong-bao-doi-thoai-{id}.docx",
        Kind.Record => $"bien-ban-doi-thoai-{id}.docx",
        _ => $"thong-bao-ket-qua-doi-thoai-{id}.docx",
    };

    public static void Write(Stream output, Kind kind, Facts f)
    {
        var d = f.Dialogue;
        using var doc = WordprocessingDocument.Create(output, DocumentFormat.OpenXml.WordprocessingDocumentType.Document);
        var main = doc.AddMainDocumentPart();
        var body = new Body();
        var commune = f.UnitKind is OrgUnitKind.Commune or OrgUnitKind.Ward or OrgUnitKind.SpecialZone;
        var issuer = commune ? "Ủy ban nhân dân " + f.UnitName : f.UnitName;
        var symbol = kind == Kind.Record ? "BB" : "TB";
        body.Append(Header(null, issuer, $"......../{symbol}-{(commune ? "UBND" : "...")}", $"{f.Place}, {Date(kind == Kind.Record ? d.HeldOn : f.Today)}"));
        var where = (d.Online ? "trực tuyến qua " : "tại ") + d.Place;
        var audience = DialogueRules.Label(d.Audience).ToLower(VietnameseText.Culture) + (d.AudienceDetail is null ? "" : $" ({d.AudienceDetail})");
        switch (kind)
        {
            case Kind.Notice:
                body.Append(P(JustificationValues.Center, R("THÔNG BÁO", 14, bold: true)));
                body.Append(P(JustificationValues.Center, R("Về việc tổ chức hội nghị đối thoại với Nhân dân", 14, bold: true)));
                body.Append(P(JustificationValues.Both, R($"Căn cứ Điều 43 Luật Tổ chức chính quyền địa phương, {issuer} thông báo tổ chức hội nghị đối thoại với {audience} như sau:", 14)));
                body.Append(P(JustificationValues.Both, R("1. Nội dung đối thoại: " + d.Topic, 14)));
                body.Append(P(JustificationValues.Both, R($"2. Thời gian: ngày {VietnameseText.FormatDate(d.HeldOn)}.", 14)));
                body.Append(P(JustificationValues.Both, R($"3. Địa điểm: {where}.", 14)));
                body.Append(P(JustificationValues.Both, R("4. Chủ trì: " + d.ChairName + (d.CoOrganiser is null ? "." : $"; phối hợp tổ chức: {d.CoOrganiser}."), 14)));
                body.Append(P(JustificationValues.Both, R("Đề nghị Nhân dân quan tâm tham dự, nêu ý kiến, kiến nghị; Trưởng thôn, Tổ trưởng tổ dân phố thông báo rộng rãi đến Nhân dân.", 14)));
                break;
            case Kind.Record:
                body.Append(P(JustificationValues.Center, R("BIÊN BẢN", 14, bold: true)));
                body.Append(P(JustificationValues.Center, R("Hội nghị đối thoại với Nhân dân", 14, bold: true)));
                body.Append(P(JustificationValues.Both, R($"Thời gian: ngày {VietnameseText.FormatDate(d.HeldOn)}. Địa điểm: {where}.", 14)));
                body.Append(P(JustificationValues.Both, R($"Chủ trì: {d.ChairName}. Nội dung: {d.Topic}.", 14)));
                body.Append(P(JustificationValues.Both, R($"Thành phần tham dự: {d.RecordSummary} Tổng số người tham dự: {d.Attendees}.", 14)));
                body.Append(P(JustificationValues.Both, R($"Ý kiến, kiến nghị của Nhân dân và trả lời tại hội nghị ({f.Opinions.Count} ý kiến):", 14, bold: true)));
                body.Append(Grid(["STT", "Người nêu ý kiến", "Nội dung", "Lĩnh vực", "Trả lời, hướng giải quyết"],
                    f.Opinions.Select(o => (IReadOnlyList<string>)[o.Number.ToString(Vi), o.Speaker, o.Content, o.Field, o.Answer])));
                body.Append(P(JustificationValues.Both, R("Biên bản được lập xong vào cuối hội nghị, đã đọc lại cho những người tham dự cùng nghe và thống nhất.", 14)));
                break;
            default:
                body.Append(P(JustificationValues.Center, R("THÔNG BÁO", 14, bold: true)));
                body.Append(P(JustificationValues.Center, R("Kết quả hội nghị đối thoại với Nhân dân", 14, bold: true)));
                body.Append(P(JustificationValues.Both, R($"Ngày {VietnameseText.FormatDate(d.HeldOn)}, {issuer} đã tổ chức hội nghị đối thoại với {audience} {where} về: {d.Topic}. Số người tham dự: {d.Attendees}; số ý kiến, kiến nghị: {f.Opinions.Count}.", 14)));
                body.Append(P(JustificationValues.Both, R("Kết quả: " + d.ResultsSummary, 14)));
                if (f.Commitments.Count > 0)
                {
                    body.Append(P(JustificationValues.Both, R("Các ý kiến giao giải quyết, trả lời sau hội nghị:", 14, bold: true)));
                    body.Append(Grid(["STT", "Nội dung", "Đơn vị chịu trách nhiệm", "Hạn giải quyết", "Tình trạng"],
                        f.Commitments.Select(c => (IReadOnlyList<string>)[c.OpinionNumber.ToString(Vi), c.Content, c.OwnerUnitName, VietnameseText.FormatDate(c.DueOn),
                            DialogueRules.StatusLabel(c.State, c.DueOn, f.Today)])));
                }

                body.Append(P(JustificationValues.Both, R("Thông báo này được niêm yết công khai, đăng trên trang thông tin điện tử và gửi Trưởng thôn, Tổ trưởng tổ dân phố để thông báo đến Nhân dân.", 14)));
                break;
        }

        body.Append(Signature(
            kind == Kind.Record ? ["Lưu: VT, hồ sơ hội nghị."] : ["Ủy ban MTTQ Việt Nam cùng cấp;", "Trưởng thôn, Tổ trưởng tổ dân phố;", "Lưu: VT."],
            kind == Kind.Record ? "CHỦ TRÌ HỘI NGHỊ" : commune ? "CHỦ TỊCH" : "THỦ TRƯỞNG CƠ QUAN",
            kind == Kind.Record ? d.ChairName : null));
        Finish(main, body);
    }
}
