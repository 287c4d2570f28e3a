using DanVan.Domain.Cases;
using DanVan.Domain.Text;
using DanVan.Domain.Units;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using static DanVan.Infrastructure.Nd30Docx;

namespace DanVan.Features.Cases;

/// <summary>
/// The notices a unit sends about a case, laid out per Nghị định 30/2020 through the shared blocks: giấy biên nhận
/// (receipt, with the tracking code and key) and thông báo thụ lý (acceptance, with the resolution deadline and the
/// article behind it). The number is left for the văn thư; the signer signs on paper.
/// </summary>
public static class CaseNoticeDocx
{
    public enum Kind
    {
        Receipt = 1,
        Acceptance = 2,
    }

    public sealed record Facts(CitizenCase Case, string UnitName, OrgUnitKind UnitKind, string? ParentBody, string Place, DateOnly Today, string? AccessKey);

    /// <summary>"Ủy ban nhân dân Phường Tân Ninh" for a commune or ward, the agency's own name otherwise.</summary>
    public static string Issuer(string unitName, OrgUnitKind kind) =>
        kind is OrgUnitKind.Commune or OrgUnitKind.Ward or OrgUnitKind.SpecialZone ? "Ủy ban nhân dân " + unitName : unitName;

    public static string FileName(Kind kind, string code) =>
        (kind == Kind.Receipt ? "giay-bien-nhan-don-" : "thong-bao-thu-ly-") + code.Replace('/', '-').Replace('.', '-') + ".docx";

    public static void Write(Stream output, Kind kind, Facts f)
    {
        var c = f.Case;
        using var doc = WordprocessingDocument.Create(output, DocumentFormat.OpenXml.WordprocessingDocumentType.Document);
        var main = doc.AddMainDocumentPart();
        var body = new Body();
        var issuer = Issuer(f.UnitName, f.UnitKind);
        var symbol = kind == Kind.Receipt ? "GBN" : "TB";
        body.Append(Header(f.ParentBody, issuer, $"......../{symbol}-{IssuerAbbreviation(f.UnitKind)}", $"{f.Place}, {Date(f.Today)}"));
        var sender = c.SenderName ?? "người gửi đơn";
        var kindText = CaseRules.Label(c.Kind).ToLower(VietnameseText.Culture);
        if (kind == Kind.Receipt)
        {
            body.Append(P(JustificationValues.Center, R("GIẤY BIÊN NHẬN", 14, bold: true)));
            body.Append(P(JustificationValues.Center, R($"Đơn {kindText} và thông tin, tài liệu, chứng cứ", 14, bold: true)));
            body.Append(P(JustificationValues.Both, R($"Ngày {VietnameseText.FormatDate(c.ReceivedOn)}, {issuer} đã nhận đơn của Ông/Bà {sender}" + (c.SenderAddress is null ? "." : $", địa chỉ: {c.SenderAddress}."), 14)));
            body.Append(P(JustificationValues.Both, R("Nội dung: " + c.Summary, 14)));
            body.Append(P(JustificationValues.Both, R($"Mã đơn: {c.Code}" + (f.AccessKey is null ? "" : $"; mã bảo mật: {f.AccessKey}") + ". Người gửi đơn tra cứu tình trạng giải quyết tại trang Tra cứu đơn của DanVan.", 14, bold: true)));
            if (c.DueOn is { } due)
            {
                body.Append(P(JustificationValues.Both, R($"Hạn xử lý đơn: {VietnameseText.FormatDate(due)} ({c.DueExplanation}).", 14)));
            }
        }
        else
        {
            body.Append(P(JustificationValues.Center, R("THÔNG BÁO", 14, bold: true)));
            body.Append(P(JustificationValues.Center, R($"Về việc thụ lý giải quyết {kindText}" + (c.Kind == CaseKind.Complaint ? (c.Instance == 2 ? " lần hai" : " lần đầu") : ""), 14, bold: true)));
            body.Append(P(JustificationValues.Center, R($"Kính gửi: Ông/Bà {sender}" + (c.SenderAddress is null ? "" : $", địa chỉ: {c.SenderAddress}"), 14)));
            body.Append(P(JustificationValues.Both, R($"Ngày {VietnameseText.FormatDate(c.ReceivedOn)}, {issuer} nhận được đơn {kindText} của Ông/Bà. Nội dung: {c.Summary}", 14)));
            var basis = c.Kind == CaseKind.Complaint ? (c.Instance == 2 ? "Điều 36 Luật Khiếu nại năm 2011" : "Điều 27 Luật Khiếu nại năm 2011") : "quy định của pháp luật";
            body.Append(P(JustificationValues.Both, R($"Căn cứ {basis}, xét đơn đủ điều kiện thụ lý, {issuer} đã thụ lý giải quyết từ ngày {VietnameseText.FormatDate(c.AcceptedOn)}.", 14)));
            if (c.DueOn is { } due)
            {
                body.Append(P(JustificationValues.Both, R($"Thời hạn giải quyết: chậm nhất ngày {VietnameseText.FormatDate(due)} ({c.DueExplanation}).", 14)));
            }

            body.Append(P(JustificationValues.Both, R("Vậy thông báo để Ông/Bà biết.", 14)));
        }

        body.Append(Signature(
            kind == Kind.Receipt ? ["Người gửi đơn;", "Lưu: VT, hồ sơ."] : ["Như trên;", "Thanh tra cùng cấp;", "Lưu: VT, hồ sơ."],
            f.UnitKind is OrgUnitKind.Commune or OrgUnitKind.Ward or OrgUnitKind.SpecialZone ? "CHỦ TỊCH" : "THỦ TRƯỞNG CƠ QUAN",
            null));
        body.Append(A4());
        main.Document = new Document(body);
        main.Document.Save();
    }

    private static string IssuerAbbreviation(OrgUnitKind kind) =>
        kind is OrgUnitKind.Commune or OrgUnitKind.Ward or OrgUnitKind.SpecialZone ? "UBND" : "...";
}
