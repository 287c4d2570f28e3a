using DanVan.Domain.Models;
using DanVan.Domain.Text;
using DanVan.Domain.Units;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using static DanVan.Infrastructure.Nd30Docx;

namespace DanVan.Features.Models;

/// <summary>
/// Phiếu đăng ký mô hình “Dân vận khéo”, laid out per Nghị định 30/2020 through the shared blocks: the registering
/// unit's header, the nine entries of the form in the order units fill them, the milestones as a table, the
/// signature of the unit's head. The number is left for the văn thư.
/// </summary>
public static class ModelRegistrationDocx
{
    public sealed record Facts(MobilizationModel Model, string UnitName, OrgUnitKind UnitKind, string BodyName, string FieldName, string Place, DateOnly Today);

    public static string FileName(MobilizationModel m) => $"phieu-dang-ky-mo-hinh-{m.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)}.docx";

    public static void Write(Stream output, Facts f)
    {
        var m = f.Model;
        using var doc = WordprocessingDocument.Create(output, DocumentFormat.OpenXml.WordprocessingDocumentType.Document);
        var main = doc.AddMainDocumentPart();
        var body = new Body();
        var ward = f.UnitKind is OrgUnitKind.Commune or OrgUnitKind.Ward or OrgUnitKind.SpecialZone;
        var issuer = ward ? "Ủy ban nhân dân " + f.UnitName : f.UnitName;
        body.Append(Header(null, issuer, "......../PĐK", $"{f.Place}, {Date(f.Today)}"));
        body.Append(P(JustificationValues.Center, R("PHIẾU ĐĂNG KÝ", 14, bold: true)));
        body.Append(P(JustificationValues.Center, R($"{ModelRules.Label(m.Kind)} “Dân vận khéo” năm {m.Year.ToString(System.Globalization.CultureInfo.InvariantCulture)}", 14, bold: true)));
        body.Append(P(JustificationValues.Center, R("Kính gửi: " + f.BodyName, 14)));
        body.Append(P(JustificationValues.Both, R($"Đơn vị đăng ký: {f.UnitName}. Lĩnh vực: {f.FieldName}. {ModelRules.Label(m.Subject)}.", 14)));
        void Entry(string label, string text)
        {
            body.Append(P(JustificationValues.Both, R(label + " ", 14, bold: true), R(text, 14)));
        }

        Entry("1. Tên mô hình:", m.Name);
        Entry("2. Thực trạng, lý do xây dựng:", m.Situation);
        Entry("3. Mục tiêu, tiêu chí:", m.Objectives);
        Entry("4. Nội dung, cách thức thực hiện:", m.Content);
        Entry("5. Địa bàn, đối tượng:", m.AreaAndTargets);
        Entry("6. Lực lượng thực hiện:", m.Forces);
        Entry("7. Nguồn lực:", m.Resources);
        Entry("8. Thời gian thực hiện:", $"từ ngày {VietnameseText.FormatDate(m.StartOn)}; sơ kết, đánh giá ngày {VietnameseText.FormatDate(m.EvaluationOn)}; các mốc:");
        body.Append(Grid(["TT", "Nội dung", "Thời gian"],
            m.Milestones.OrderBy(x => x.Order).Select(x => (IReadOnlyList<string>)[x.Order.ToString(System.Globalization.CultureInfo.InvariantCulture), x.Title, VietnameseText.FormatDate(x.DueOn)])));
        Entry("9. Sản phẩm, kết quả đầu ra:", m.Outputs);
        Entry("10. Khả năng duy trì, nhân rộng:", m.Sustainability);
        body.Append(Signature(["Như trên;", "Lưu: VT."], ward ? "CHỦ TỊCH" : "THỦ TRƯỞNG ĐƠN VỊ", null));
        Finish(main, body);
    }
}
