using DanVan.Domain.Consultations;
using DanVan.Domain.Documents;
using DanVan.Domain.Text;
using DanVan.Domain.Units;
using DanVan.Infrastructure;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using static DanVan.Infrastructure.Nd30Docx;

namespace DanVan.Features.Consultations;

/// <summary>
/// The papers of a consultation: the letter (công văn lấy ý kiến, V/v …) per Nghị định 30/2020 through the shared
/// Nd30Docx blocks, and the bảng tổng hợp, tiếp thu, giải trình ý kiến (paragraph | unit | comment | handling |
/// explanation, then the units that answered, agreed and were silent) as DOCX and as XLSX (the shared writer).
/// </summary>
public static class ConsultationOutputs
{
    public sealed record Facts(Consultation Consultation, string UnitName, OrgUnitKind UnitKind, string ProvinceName, DateOnly Today,
        IReadOnlyList<RespondentRow> Respondents, IReadOnlyList<CommentRow> Comments);

    public const string DocxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    private static string Place(string province) =>
        province.Replace("Thành phố ", "", StringComparison.Ordinal).Replace("Tỉnh ", "", StringComparison.Ordinal);

    private static (string? Parent, string Issuer) Issuer(Facts f)
    {
        var commune = f.UnitKind is OrgUnitKind.Commune or OrgUnitKind.Ward or OrgUnitKind.SpecialZone;
        return commune ? (null, "Ủy ban nhân dân " + f.UnitName) : ("Ủy ban nhân dân " + f.ProvinceName.Replace("Tỉnh ", "tỉnh ", StringComparison.Ordinal), f.UnitName);
    }

    /// <summary>"V/v lấy ý kiến …" without a doubled prefix.</summary>
    public static string Vv(string subject) => subject.StartsWith("V/v", StringComparison.OrdinalIgnoreCase) ? subject : "V/v " + subject;

    public static void Letter(Stream output, Facts f)
    {
        var c = f.Consultation;
        using var doc = WordprocessingDocument.Create(output, DocumentFormat.OpenXml.WordprocessingDocumentType.Document);
        var main = doc.AddMainDocumentPart();
        var body = new Body();
        var (parent, issuer) = Issuer(f);
        body.Append(Header(parent, issuer, c.LetterNumber ?? "......../...", $"{Place(f.ProvinceName)}, {Date(c.SentOn)}", Vv(c.Subject)));
        body.Append(P(JustificationValues.Center, R("Kính gửi:", 14)));
        foreach (var r in f.Respondents)
        {
            body.Append(P(JustificationValues.Left, R("- " + r.UnitName + ";", 14)));
        }

        var round = c.Round > 1 ? $" (lần {c.Round}, đã chỉnh sửa theo ý kiến góp ý vòng trước)" : "";
        body.Append(P(JustificationValues.Both, R($"{issuer} đã dự thảo {c.Title}{round}. Để hoàn thiện dự thảo, {issuer} đề nghị quý cơ quan, đơn vị, địa phương nghiên cứu, tham gia góp ý đối với dự thảo (gửi kèm theo công văn này; góp ý trực tiếp vào từng đoạn của dự thảo trên hệ thống DanVan).", 14)));
        body.Append(P(JustificationValues.Both, R($"Ý kiến góp ý gửi về {issuer} chậm nhất ngày {VietnameseText.FormatDate(c.DueOn)}" + (c.Contact is null ? "." : $" ({c.Contact}).") + " " + c.SilenceRule, 14)));
        body.Append(P(JustificationValues.Both, R($"{issuer} đề nghị quý cơ quan, đơn vị, địa phương quan tâm, phối hợp thực hiện./.", 14)));
        // "KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC" as read from an imported draft, or one line typed by hand ("KT.", "KT. PHÓ GIÁM ĐỐC").
        var parts = (c.SignerAuthority ?? "").Split('/', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var authority = parts.Length > 1 ? parts.Select(p => p.ToUpper(Vi)) : SignatureBlock.Lines(parts.FirstOrDefault(), null, issuer);
        body.Append(Signature(["Như trên;", "Lưu: VT."], string.Join('\n', authority), c.SignerName));
        Finish(main, body);
    }

    public static void SynthesisDocx(Stream output, Facts f)
    {
        var c = f.Consultation;
        using var doc = WordprocessingDocument.Create(output, DocumentFormat.OpenXml.WordprocessingDocumentType.Document);
        var main = doc.AddMainDocumentPart();
        var body = new Body();
        var (parent, issuer) = Issuer(f);
        body.Append(Header(parent, issuer, "", $"{Place(f.ProvinceName)}, {Date(f.Today)}"));
        body.Append(P(JustificationValues.Center, R("BẢNG TỔNG HỢP, TIẾP THU, GIẢI TRÌNH Ý KIẾN GÓP Ý", 14, bold: true)));
        body.Append(P(JustificationValues.Center, R($"Dự thảo {c.Title}" + (c.Round > 1 ? $" (vòng {c.Round})" : ""), 14, bold: true)));
        body.Append(P(JustificationValues.Both, R(Summary(f), 14)));
        body.Append(Grid(["STT", "Đoạn", "Đơn vị góp ý", "Nội dung góp ý", "Tiếp thu, giải trình", "Nội dung tiếp thu, giải trình"],
            f.Comments.Select((m, i) => (IReadOnlyList<string>)[(i + 1).ToString(Vi), ParagraphName(m), m.UnitName, m.Text, ConsultationRules.Label(m.Handling), m.Explanation ?? ""])));
        var general = f.Respondents.Where(r => r.GeneralComment is not null).ToList();
        if (general.Count > 0)
        {
            body.Append(P(JustificationValues.Left, R("Ý kiến chung:", 14, bold: true)));
            foreach (var r in general)
            {
                body.Append(P(JustificationValues.Both, R($"- {r.UnitName}: {r.GeneralComment}", 14)));
            }
        }

        foreach (var (heading, units) in Lists(f))
        {
            body.Append(P(JustificationValues.Left, R($"{heading} ({units.Count}):", 14, bold: true)));
            body.Append(P(JustificationValues.Both, R(units.Count == 0 ? "Không có." : string.Join("; ", units) + ".", 14)));
        }

        body.Append(Signature(["Lưu: VT, hồ sơ dự thảo."], "ĐƠN VỊ CHỦ TRÌ SOẠN THẢO", null));
        Finish(main, body);
    }

    public static void SynthesisXlsx(Stream output, Facts f)
    {
        var rows = new List<IReadOnlyList<object?>>();
        rows.AddRange(f.Comments.Select((m, i) => (IReadOnlyList<object?>)[i + 1, ParagraphName(m), m.UnitName, m.Text, ConsultationRules.Label(m.Handling), m.Explanation]));
        rows.AddRange(f.Respondents.Where(r => r.GeneralComment is not null).Select(r => (IReadOnlyList<object?>)[null, "Ý kiến chung", r.UnitName, r.GeneralComment, null, null]));
        rows.Add([]);
        rows.Add([null, "Tổng hợp", Summary(f)]);
        foreach (var (heading, units) in Lists(f))
        {
            rows.Add([]);
            rows.Add([null, $"{heading} ({units.Count})"]);
            rows.AddRange(units.Select((u, i) => (IReadOnlyList<object?>)[i + 1, null, u]));
        }

        XlsxExport.Write(output, "Tổng hợp ý kiến", ["STT", "Đoạn", "Đơn vị góp ý", "Nội dung góp ý", "Tiếp thu, giải trình", "Nội dung tiếp thu, giải trình"], rows,
            "BẢNG TỔNG HỢP, TIẾP THU, GIẢI TRÌNH Ý KIẾN GÓP Ý", XlsxExport.ExportedOn(f.Today, f.Consultation.Title));
    }

    public static string ParagraphName(CommentRow m) => m.ParagraphLabel is { } l ? $"Đoạn {m.ParagraphNumber} ({l})" : $"Đoạn {m.ParagraphNumber}";

    private static string Summary(Facts f)
    {
        var c = f.Consultation;
        int Count(RespondentState s) => f.Respondents.Count(r => r.State == s);
        var text = $"Ngày {VietnameseText.FormatDate(c.SentOn)}, đơn vị đã gửi dự thảo lấy ý kiến {f.Respondents.Count} cơ quan, đơn vị, địa phương; hạn góp ý hết ngày {VietnameseText.FormatDate(c.DueOn)}. "
            + $"Có {Count(RespondentState.Agreed) + Count(RespondentState.Commented)} đơn vị có ý kiến ({Count(RespondentState.Agreed)} thống nhất, {Count(RespondentState.Commented)} góp ý với {f.Comments.Count} ý kiến vào các đoạn của dự thảo); "
            + $"{Count(RespondentState.Silent)} đơn vị không có ý kiến" + (c.SilenceMeansAgreement ? ", xem như thống nhất" : "") + $" ({c.SilenceRule})";
        var pending = Count(RespondentState.Pending);
        return text + (pending > 0 ? $"; {pending} đơn vị chưa có ý kiến (chưa hết hạn)." : ".");
    }

    private static IEnumerable<(string Heading, List<string> Units)> Lists(Facts f)
    {
        yield return ("Đơn vị đã có ý kiến", f.Respondents.Where(r => r.State is RespondentState.Agreed or RespondentState.Commented).Select(r => r.UnitName).ToList());
        yield return ("Đơn vị thống nhất với dự thảo", f.Respondents.Where(r => r.State == RespondentState.Agreed).Select(r => r.UnitName).ToList());
        yield return (f.Consultation.SilenceMeansAgreement ? "Đơn vị không có ý kiến — xem như thống nhất" : "Đơn vị không có ý kiến",
            f.Respondents.Where(r => r.State == RespondentState.Silent)
                .Select(r => r.UnitName + (r.SilenceAppliedAtUtc is { } at ? $" (ghi nhận {VietnameseText.FormatDate(DateOnly.FromDateTime(VietnamClock.ToLocal(at)))})" : "")).ToList());
    }
}
