using DanVan.Domain.Reception;
using DanVan.Domain.Text;
using DanVan.Domain.Units;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using static DanVan.Infrastructure.Nd30Docx;

namespace DanVan.Features.Reception;

/// <summary>
/// Thông báo kết luận of a reception session (Luật Tiếp công dân, Art. 19 and 22): who received, when and where, how
/// many citizens and groups, what was raised, and the host's conclusion — laid out per Nghị định 30/2020 through the
/// shared blocks. No citizen is named: the representatives of groups stay in the log, for the unit's staff only.
/// </summary>
public static class ReceptionNoticeDocx
{
    public sealed record Facts(ReceptionSession Session, string UnitName, OrgUnitKind UnitKind, string Place, DateOnly Today);

    public static string FileName(ReceptionSession s) => $"thong-bao-ket-luan-tiep-cong-dan-{s.On:yyyyMMdd}-{s.Id}.docx";

    /// <summary>A session has a conclusion notice once it was held and its conclusion written.</summary>
    public static bool Available(ReceptionSession s) => s.State == ReceptionState.Held && !string.IsNullOrWhiteSpace(s.Conclusion);

    public static void Write(Stream output, Facts f)
    {
        var s = f.Session;
        var commune = f.UnitKind is OrgUnitKind.Commune or OrgUnitKind.Ward or OrgUnitKind.SpecialZone;
        var issuer = commune ? "Ủy ban nhân dân " + f.UnitName : f.UnitName;
        using var doc = WordprocessingDocument.Create(output, DocumentFormat.OpenXml.WordprocessingDocumentType.Document);
        var main = doc.AddMainDocumentPart();
        var body = new Body();
        body.Append(Header(null, issuer, $"......../TB-{(commune ? "UBND" : "VP")}", $"{f.Place}, {Date(f.Today)}"));
        body.Append(P(JustificationValues.Center, R("THÔNG BÁO", 14, bold: true)));
        body.Append(P(JustificationValues.Center, R($"Kết luận của {s.HostPost} {s.HostName} tại buổi tiếp công dân {ReceptionRules.Label(s.Kind).ToLower(VietnameseText.Culture)} ngày {VietnameseText.FormatDate(s.On)}", 14, bold: true)));
        body.Append(P(JustificationValues.Both, R(
            $"Ngày {VietnameseText.FormatDate(s.On)}{(string.IsNullOrWhiteSpace(s.Time) ? "" : ", " + s.Time)}, tại {s.Place}, {s.HostPost} {s.HostName} chủ trì tiếp công dân "
            + $"{ReceptionRules.Label(s.Kind).ToLower(VietnameseText.Culture)} theo quy định của Luật Tiếp công dân năm 2013. "
            + $"Đã tiếp {s.CitizensReceived ?? 0} lượt công dân" + (s.Groups is > 0 ? $", trong đó {s.Groups} đoàn đông người." : "."), 14)));
        if (!string.IsNullOrWhiteSpace(s.Matters))
        {
            body.Append(P(JustificationValues.Both, R("1. Nội dung công dân trình bày", 14, bold: true)));
            foreach (var line in s.Matters.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                body.Append(P(JustificationValues.Both, R(line, 14)));
            }
        }

        body.Append(P(JustificationValues.Both, R((string.IsNullOrWhiteSpace(s.Matters) ? "1" : "2") + ". Kết luận của người chủ trì", 14, bold: true)));
        foreach (var line in (s.Conclusion ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            body.Append(P(JustificationValues.Both, R(line, 14)));
        }

        body.Append(P(JustificationValues.Both, R($"{issuer} thông báo để công dân và các cơ quan, đơn vị có liên quan biết, thực hiện.", 14)));
        body.Append(Signature(["Công dân được tiếp;", "Các cơ quan, đơn vị có liên quan;", "Ban Tiếp công dân;", "Lưu: VT, sổ tiếp công dân."],
            commune ? "CHỦ TỊCH" : "THỦ TRƯỞNG CƠ QUAN", s.HostName));
        Finish(main, body);
    }
}
