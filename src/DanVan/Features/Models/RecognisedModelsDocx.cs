using System.Globalization;
using DanVan.Domain.Models;
using DanVan.Domain.Text;
using DanVan.Domain.Units;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using static DanVan.Infrastructure.Nd30Docx;

namespace DanVan.Features.Models;

/// <summary>
/// Danh sách mô hình, điển hình “Dân vận khéo” được công nhận, laid out per Nghị định 30/2020 through the shared blocks:
/// the issuing unit's header, one table of the recognised models (highest level first, then by unit), the counts per
/// level, the signature of the unit's head. The number is left for the văn thư.
/// </summary>
public static class RecognisedModelsDocx
{
    public sealed record Row(string Name, ModelKind Kind, ModelSubject Subject, string UnitName, string FieldName, string LevelName, int LevelRank, DateOnly? RecognisedOn,
        bool Replicated, ModelStatus State);

    public sealed record Facts(string IssuerName, OrgUnitKind IssuerKind, string Place, int Year, DateOnly Today, IReadOnlyList<Row> Rows);

    public static string FileName(int year) => $"danh-sach-mo-hinh-duoc-cong-nhan-{year.ToString(CultureInfo.InvariantCulture)}.docx";

    public static void Write(Stream output, Facts f)
    {
        using var doc = WordprocessingDocument.Create(output, DocumentFormat.OpenXml.WordprocessingDocumentType.Document);
        var main = doc.AddMainDocumentPart();
        var body = new Body();
        var ward = f.IssuerKind is OrgUnitKind.Commune or OrgUnitKind.Ward or OrgUnitKind.SpecialZone;
        var year = f.Year.ToString(CultureInfo.InvariantCulture);
        body.Append(Header(null, ward ? "Ủy ban nhân dân " + f.IssuerName : f.IssuerName, "......../DS", $"{f.Place}, {Date(f.Today)}"));
        body.Append(P(JustificationValues.Center, R("DANH SÁCH", 14, bold: true)));
        body.Append(P(JustificationValues.Center, R($"Mô hình, điển hình “Dân vận khéo” được công nhận năm {year}", 14, bold: true)));
        var rows = f.Rows.OrderByDescending(r => r.LevelRank).ThenBy(r => r.UnitName, StringComparer.Create(VietnameseText.Culture, false))
            .ThenBy(r => r.Name, StringComparer.Create(VietnameseText.Culture, false)).ToList();
        if (rows.Count == 0)
        {
            body.Append(P(JustificationValues.Both, R($"Năm {year} chưa có mô hình, điển hình nào được công nhận trong phạm vi của đơn vị.", 14)));
        }
        else
        {
            var byLevel = string.Join("; ", rows.GroupBy(r => (r.LevelRank, r.LevelName)).OrderByDescending(g => g.Key.LevelRank)
                .Select(g => $"{g.Key.LevelName.ToLower(Vi)}: {g.Count().ToString(CultureInfo.InvariantCulture)}"));
            body.Append(P(JustificationValues.Both, R($"Tổng số {rows.Count.ToString(CultureInfo.InvariantCulture)} mô hình, điển hình ({byLevel}).", 14)));
            body.Append(Grid(["TT", "Tên mô hình, điển hình", "Đơn vị", "Lĩnh vực", "Tập thể/cá nhân", "Cấp công nhận", "Ngày công nhận", "Ghi chú"],
                rows.Select((r, i) => (IReadOnlyList<string>)[
                    (i + 1).ToString(CultureInfo.InvariantCulture), $"{ModelRules.Label(r.Kind)}: {r.Name}", r.UnitName, r.FieldName, ModelRules.Label(r.Subject), r.LevelName,
                    r.RecognisedOn is { } d ? VietnameseText.FormatDate(d) : "",
                    string.Join("; ", new[] { r.Replicated ? "Nhân rộng" : null, r.State == ModelStatus.Commended ? "Đã biểu dương, khen thưởng" : null }.OfType<string>())])));
        }

        body.Append(Signature(["Ban Tuyên giáo và Dân vận;", "Các đơn vị có mô hình;", "Lưu: VT."], ward ? "CHỦ TỊCH" : "THỦ TRƯỞNG ĐƠN VỊ", null));
        Finish(main, body);
    }
}
