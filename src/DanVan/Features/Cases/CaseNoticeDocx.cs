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

        /// <summary>Thông báo không thụ lý (the Refuse step's reason).</summary>
        Refusal = 3,

        /// <summary>Phiếu hướng dẫn (the Guide step: where to send it).</summary>
        Guidance = 4,

        /// <summary>Phiếu chuyển đơn (the Transfer step's receiving body).</summary>
        Transfer = 5,

        /// <summary>Quyết định gia hạn giải quyết (the Extend step).</summary>
        Extension = 6,

        /// <summary>Thông báo kết quả giải quyết (the Resolve step).</summary>
        Result = 7,
    }

    /// <summary>The notice a step gives rise to, if any.</summary>
    public static Kind? For(CaseAction action) => action switch
    {
        CaseAction.Refuse => Kind.Refusal,
        CaseAction.Guide => Kind.Guidance,
        CaseAction.Transfer => Kind.Transfer,
        CaseAction.Extend => Kind.Extension,
        CaseAction.Resolve => Kind.Result,
        _ => null,
    };

    public static string Label(Kind kind) => kind switch
    {
        Kind.Receipt => "Giấy biên nhận",
        Kind.Acceptance => "Thông báo thụ lý",
        Kind.Refusal => "Thông báo không thụ lý",
        Kind.Guidance => "Phiếu hướng dẫn",
        Kind.Transfer => "Phiếu chuyển đơn",
        Kind.Extension => "Quyết định gia hạn",
        _ => "Thông báo kết quả giải quyết",
    };

    /// <summary>Notices addressed to the denouncer would name them: only the transfer slip and the extension, which do not, are printed for a denunciation.</summary>
    public static bool AllowedForDenunciation(Kind kind) => kind is Kind.Transfer or Kind.Extension;

    public sealed record Facts(CitizenCase Case, string UnitName, OrgUnitKind UnitKind, string? ParentBody, string Place, DateOnly Today, string? AccessKey, CaseStep? Step = null);

    /// <summary>"Ủy ban nhân dân Phường Tân Ninh" for a commune or ward, the agency's own name otherwise.</summary>
    public static string Issuer(string unitName, OrgUnitKind kind) =>
        kind is OrgUnitKind.Commune or OrgUnitKind.Ward or OrgUnitKind.SpecialZone ? "Ủy ban nhân dân " + unitName : unitName;

    public static string FileName(Kind kind, string code) =>
        kind switch
        {
            Kind.Receipt => "giay-bien-nhan-don-",
            Kind.Acceptance => "thong-bao-thu-ly-",
            Kind.Refusal => "thong-bao-khong-thu-ly-",
            Kind.Guidance => "phieu-huong-dan-",
            Kind.Transfer => "phieu-chuyen-don-",
            Kind.Extension => "quyet-dinh-gia-han-",
            _ => "thong-bao-ket-qua-",
        } + code.Replace('/', '-').Replace('.', '-') + ".docx";

    public static void Write(Stream output, Kind kind, Facts f)
    {
        var c = f.Case;
        using var doc = WordprocessingDocument.Create(output, DocumentFormat.OpenXml.WordprocessingDocumentType.Document);
        var main = doc.AddMainDocumentPart();
        var body = new Body();
        var issuer = Issuer(f.UnitName, f.UnitKind);
        var symbol = kind switch { Kind.Receipt => "GBN", Kind.Transfer => "PCĐ", Kind.Guidance => "HD", Kind.Extension => "QĐ", _ => "TB" };
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
        else if (kind != Kind.Acceptance)
        {
            WriteStepNotice(body, kind, f, issuer, kindText);
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
            kind switch
            {
                Kind.Receipt => ["Người gửi đơn;", "Lưu: VT, hồ sơ."],
                Kind.Transfer => ["Như trên;", c.Kind == CaseKind.Denunciation ? "Lưu: VT, hồ sơ." : "Người gửi đơn (để biết);", "Lưu: VT, hồ sơ."],
                _ => ["Như trên;", "Thanh tra cùng cấp;", "Lưu: VT, hồ sơ."],
            },
            f.UnitKind is OrgUnitKind.Commune or OrgUnitKind.Ward or OrgUnitKind.SpecialZone ? "CHỦ TỊCH" : "THỦ TRƯỞNG CƠ QUAN",
            null));
        Finish(main, body);
    }

    /// <summary>The notices that follow a step: its date, its reason or receiving body, its deadline.</summary>
    private static void WriteStepNotice(Body body, Kind kind, Facts f, string issuer, string kindText)
    {
        var c = f.Case;
        var step = f.Step ?? throw new ArgumentException("A step notice needs its step.", nameof(f));
        var sender = c.Kind == CaseKind.Denunciation ? "công dân (thông tin người tố cáo được giữ bí mật theo Điều 47 Luật Tố cáo)" : "Ông/Bà " + (c.SenderName ?? "người gửi đơn");
        var received = $"Ngày {VietnameseText.FormatDate(c.ReceivedOn)}, {issuer} nhận được đơn {kindText} của {sender}. Nội dung: {c.Summary}";
        switch (kind)
        {
            case Kind.Refusal:
                body.Append(P(JustificationValues.Center, R("THÔNG BÁO", 14, bold: true)));
                body.Append(P(JustificationValues.Center, R($"Về việc không thụ lý giải quyết {kindText}", 14, bold: true)));
                body.Append(P(JustificationValues.Center, R($"Kính gửi: {sender}", 14)));
                body.Append(P(JustificationValues.Both, R(received, 14)));
                body.Append(P(JustificationValues.Both, R($"Ngày {VietnameseText.FormatDate(step.On)}, {issuer} không thụ lý giải quyết đơn vì lý do: {step.Reason}", 14)));
                body.Append(P(JustificationValues.Both, R("Vậy thông báo để Ông/Bà biết.", 14)));
                break;
            case Kind.Guidance:
                body.Append(P(JustificationValues.Center, R("PHIẾU HƯỚNG DẪN", 14, bold: true)));
                body.Append(P(JustificationValues.Center, R("Về việc gửi đơn đến cơ quan có thẩm quyền giải quyết", 14, bold: true)));
                body.Append(P(JustificationValues.Center, R($"Kính gửi: {sender}", 14)));
                body.Append(P(JustificationValues.Both, R(received, 14)));
                body.Append(P(JustificationValues.Both, R($"Nội dung đơn không thuộc thẩm quyền giải quyết của {issuer}. {step.Reason}"
                    + (step.ToBody is null ? "" : $" Đề nghị Ông/Bà gửi đơn đến {step.ToBody} để được xem xét, giải quyết theo quy định của pháp luật."), 14)));
                break;
            case Kind.Transfer:
                body.Append(P(JustificationValues.Center, R("PHIẾU CHUYỂN ĐƠN", 14, bold: true)));
                body.Append(P(JustificationValues.Center, R($"Kính gửi: {step.ToBody}", 14)));
                body.Append(P(JustificationValues.Both, R(received, 14)));
                body.Append(P(JustificationValues.Both, R($"Căn cứ Thông tư số 05/2021/TT-TTCP quy định quy trình xử lý đơn, xét nội dung đơn thuộc thẩm quyền giải quyết của quý cơ quan, ngày {VietnameseText.FormatDate(step.On)} {issuer} chuyển đơn đến {step.ToBody} để xem xét, giải quyết theo quy định của pháp luật"
                    + (c.Kind == CaseKind.Denunciation ? " (đơn tố cáo chỉ được chuyển một lần; thông tin người tố cáo không được tiết lộ)." : " và thông báo kết quả cho người gửi đơn biết."), 14)));
                if (step.Reason is not null)
                {
                    body.Append(P(JustificationValues.Both, R(step.Reason, 14)));
                }

                body.Append(P(JustificationValues.Both, R($"Mã đơn trên DanVan: {c.Code}.", 14)));
                break;
            case Kind.Extension:
                body.Append(P(JustificationValues.Center, R("QUYẾT ĐỊNH", 14, bold: true)));
                body.Append(P(JustificationValues.Center, R($"Về việc gia hạn thời hạn giải quyết {kindText}", 14, bold: true)));
                body.Append(P(JustificationValues.Both, R(received, 14)));
                body.Append(P(JustificationValues.Both, R($"Điều 1. Gia hạn thời hạn giải quyết {kindText} (mã đơn {c.Code}) thêm {step.Days} ngày"
                    + (step.DueOnAfter is { } due ? $", đến hết ngày {VietnameseText.FormatDate(due)} ({step.DueExplanation})." : "."), 14)));
                if (step.Reason is not null)
                {
                    body.Append(P(JustificationValues.Both, R("Lý do gia hạn: " + step.Reason, 14)));
                }

                body.Append(P(JustificationValues.Both, R("Điều 2. Quyết định có hiệu lực kể từ ngày ký. Người được giao xác minh và các cơ quan, đơn vị có liên quan chịu trách nhiệm thi hành.", 14)));
                break;
            default:
                body.Append(P(JustificationValues.Center, R("THÔNG BÁO", 14, bold: true)));
                body.Append(P(JustificationValues.Center, R($"Kết quả giải quyết {kindText}", 14, bold: true)));
                body.Append(P(JustificationValues.Center, R($"Kính gửi: {sender}", 14)));
                body.Append(P(JustificationValues.Both, R(received, 14)));
                body.Append(P(JustificationValues.Both, R($"Ngày {VietnameseText.FormatDate(step.On)}, {issuer} đã giải quyết: {step.Reason}", 14)));
                body.Append(P(JustificationValues.Both, R(c.ClosedOnTime == false ? "Việc giải quyết quá thời hạn theo quy định." : "Việc giải quyết bảo đảm thời hạn theo quy định.", 14)));
                body.Append(P(JustificationValues.Both, R("Vậy thông báo để Ông/Bà biết.", 14)));
                break;
        }
    }

    private static string IssuerAbbreviation(OrgUnitKind kind) =>
        kind is OrgUnitKind.Commune or OrgUnitKind.Ward or OrgUnitKind.SpecialZone ? "UBND" : "...";
}
