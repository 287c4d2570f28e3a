using DanVan.Data;
using DanVan.Domain.Documents;
using DanVan.Domain.Reports;
using DanVan.Domain.Text;
using DanVan.Domain.Units;
using DanVan.Infrastructure;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.EntityFrameworkCore;
using static DanVan.Infrastructure.Nd30Docx;

namespace DanVan.Features.Reports;

/// <summary>
/// The compiled report as the province signs it (DOCX per Nghị định 30/2020: the outline with each unit's narrative
/// under its heading, then the figures) and its annex (XLSX: indicators × units).
/// </summary>
public sealed class ReportOutputs(AppDbContext db)
{
    /// <summary>Narratives beyond this many reports are left out of the DOCX (a national compilation is read by province).</summary>
    public const int MaxNarrativeReports = 500;

    public sealed record UnitFigures(string Unit, IReadOnlyDictionary<int, decimal?> Values);

    public sealed record SectionText(ReportSection Section, List<(string Unit, string Text)> Parts);

    /// <summary>Each counted report's figures (with computed rates), for a province or smaller subtree.</summary>
    public async Task<List<UnitFigures>> UnitRowsAsync(Rollup rollup, CancellationToken ct)
    {
        if (rollup.Root.Kind == OrgUnitKind.Country)
        {
            return rollup.Children.Select(c => new UnitFigures(c.Name, c.Values)).ToList();
        }

        var defs = rollup.Indicators.Select(IndicatorDef.From).ToList();
        var prefix = UnitPaths.SubtreePrefix(rollup.Root.AncestorPath, rollup.Root.Id);
        var rows = await (from s in db.ReportSubmissions
                          join u in db.OrgUnits on s.UnitId equals u.Id
                          join v in db.ReportValues on s.Id equals v.SubmissionId
                          where s.PeriodId == rollup.Period.Id && v.PeriodId == rollup.Period.Id && s.UnitPath.StartsWith(prefix)
                                && (s.Status == SubmissionStatus.Submitted || s.Status == SubmissionStatus.Accepted)
                          select new { s.Id, u.Name, v.IndicatorId, v.Value }).ToListAsync(ct);
        return rows.GroupBy(r => r.Id)
            .Select(g => new UnitFigures(g.First().Name, ReportMath.Complete(defs, g.ToDictionary(r => r.IndicatorId, r => r.Value is { } d ? (decimal?)(decimal)d : null))))
            .OrderBy(r => r.Unit, StringComparer.Create(Domain.Text.VietnameseText.Culture, false))
            .ToList();
    }

    public async Task<List<SectionText>> NarrativesAsync(Rollup rollup, CancellationToken ct)
    {
        var prefix = UnitPaths.SubtreePrefix(rollup.Root.AncestorPath, rollup.Root.Id);
        var sections = await db.ReportSections.AsNoTracking().Where(s => s.RegimeId == rollup.Period.RegimeId).OrderBy(s => s.Order).ToListAsync(ct);
        var submissionIds = await (from s in db.ReportSubmissions
                                   join u in db.OrgUnits on s.UnitId equals u.Id
                                   where s.PeriodId == rollup.Period.Id && s.UnitPath.StartsWith(prefix)
                                         && (s.Status == SubmissionStatus.Submitted || s.Status == SubmissionStatus.Accepted)
                                   orderby u.Name
                                   select s.Id).Take(MaxNarrativeReports).ToListAsync(ct);
        var texts = await (from n in db.ReportNarratives
                           join s in db.ReportSubmissions on n.SubmissionId equals s.Id
                           join u in db.OrgUnits on s.UnitId equals u.Id
                           where submissionIds.Contains(n.SubmissionId)
                           select new { n.SectionId, u.Name, n.Text }).ToListAsync(ct);
        var order = StringComparer.Create(Domain.Text.VietnameseText.Culture, false);
        return sections.Select(s => new SectionText(s, texts.Where(t => t.SectionId == s.Id).OrderBy(t => t.Name, order).Select(t => (t.Name, t.Text)).ToList())).ToList();
    }

    /// <summary>
    /// The compiled report as its issuer signs it (Nghị định 30/2020): the issuing body under its parent, the place in the
    /// date line, the outline with each unit's text under its heading (the unit's name in italics), the figures, "Trên đây
    /// là báo cáo …", Nơi nhận and the head's signature block; the units that have not submitted are counted in the body and
    /// listed in an annex after the signature. A report has no "Kính gửi" (that belongs to a công văn): it goes to the
    /// bodies in Nơi nhận.
    /// </summary>
    public static void WriteDocx(Stream output, Rollup rollup, IReadOnlyList<SectionText> narrative, string issuer, string? parentBody, string place, DateOnly today)
    {
        using var doc = WordprocessingDocument.Create(output, DocumentFormat.OpenXml.WordprocessingDocumentType.Document);
        var main = doc.AddMainDocumentPart();
        var body = new Body();
        body.Append(Header(parentBody, issuer, "      /BC-" + Abbreviation(issuer), $"{place}, {Date(today)}"));
        body.Append(P(JustificationValues.Center, R("BÁO CÁO", 14, bold: true)));
        body.Append(P(JustificationValues.Center, R($"Kết quả công tác dân vận chính quyền và thực hiện dân chủ ở cơ sở {rollup.Period.Label.ToLower(Vi)}", 14, bold: true)));
        var missing = rollup.Missing.Count == 0 ? "tất cả các đơn vị đã nộp báo cáo"
            : $"{rollup.Missing.Count} đơn vị chưa nộp báo cáo (danh sách tại Phụ lục kèm theo)";
        body.Append(P(JustificationValues.Both, R(
            $"Trên cơ sở báo cáo của {rollup.Reports} cơ quan, đơn vị, địa phương thuộc {rollup.Root.Name} (số liệu từ ngày {VietnameseText.FormatDate(rollup.Period.StartOn)} đến ngày {VietnameseText.FormatDate(rollup.Period.CutoffOn)}; "
            + $"{missing}), {issuer} báo cáo kết quả như sau:", 14)));

        var figuresWritten = false;
        foreach (var part in narrative)
        {
            body.Append(P(JustificationValues.Both, R($"{part.Section.Code}. {part.Section.Title.ToUpper(Vi)}", 14, bold: true)));
            if (part.Section.Code.StartsWith("III", StringComparison.Ordinal) && !figuresWritten)
            {
                // Before the assessment: the figures of section II, aggregated.
                AppendFigures(body, rollup);
                figuresWritten = true;
            }

            if (part.Parts.Count == 0)
            {
                body.Append(P(JustificationValues.Both, R("(Các đơn vị chưa báo cáo nội dung này.)", 14, italic: true)));
            }

            foreach (var (unit, text) in part.Parts)
            {
                var lines = text.Replace("\r", "", StringComparison.Ordinal).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                body.Append(P(JustificationValues.Both, R("- " + unit + ": ", 14, italic: true), R(lines.FirstOrDefault() ?? "", 14)));
                foreach (var line in lines.Skip(1))
                {
                    body.Append(P(JustificationValues.Both, R(line, 14)));
                }
            }
        }

        if (!figuresWritten)
        {
            AppendFigures(body, rollup);
        }

        body.Append(P(JustificationValues.Both, R($"Trên đây là báo cáo kết quả công tác dân vận chính quyền và thực hiện dân chủ ở cơ sở {rollup.Period.Label.ToLower(Vi)} của {issuer}./.", 14)));
        body.Append(Signature(Recipients(rollup, issuer, parentBody), string.Join('\n', SignatureBlock.Lines(parentBody is null && SignatureBlock.Collective(issuer) == "ỦY BAN NHÂN DÂN" ? "TM." : null, null, issuer)), null));

        if (rollup.Missing.Count > 0)
        {
            body.Append(new Paragraph(new Run(new Break { Type = BreakValues.Page })));
            body.Append(P(JustificationValues.Center, R("PHỤ LỤC", 14, bold: true)));
            body.Append(P(JustificationValues.Center, R($"Danh sách đơn vị chưa nộp báo cáo {rollup.Period.Label.ToLower(Vi)}", 14, bold: true)));
            body.Append(P(JustificationValues.Center, R($"(Kèm theo Báo cáo của {issuer})", 14, italic: true)));
            body.Append(Grid(["STT", "Đơn vị"], rollup.Missing.Select((m, n) => (IReadOnlyList<string>)[(n + 1).ToString(Vi), m.UnitName]), textColumns: 2));
        }

        Finish(main, body);
    }

    /// <summary>The body the issuer answers to (to report to), the Party's Ban Tuyên giáo và Dân vận (which reviews), the archive.</summary>
    private static List<string> Recipients(Rollup rollup, string issuer, string? parentBody)
    {
        var list = new List<string>();
        if (rollup.Root.Kind == OrgUnitKind.Country)
        {
            list.Add("Thủ tướng Chính phủ (để báo cáo)");
            list.Add("Ban Tuyên giáo và Dân vận Trung ương");
        }
        else
        {
            list.Add((parentBody ?? "Bộ Nội vụ") + " (để báo cáo)");
            list.Add("Ban Tuyên giáo và Dân vận Tỉnh ủy");
            if (parentBody is not null)
            {
                list.Add("Bộ Nội vụ");
            }
        }

        list.Add("Lưu: VT, " + Abbreviation(issuer));
        return list;
    }

    private static void AppendFigures(Body body, Rollup rollup)
    {
        body.Append(P(JustificationValues.Both, R("Số liệu tổng hợp", 14, bold: true)));
        body.Append(Grid(["Chỉ tiêu", "Đơn vị tính", "Số liệu"],
            rollup.Indicators.Select(i => (IReadOnlyList<string>)[i.Name, i.Unit, ReportMath.Format(rollup.Totals.GetValueOrDefault(i.Id))])));
    }

    public static void WriteXlsx(Stream output, Rollup rollup, IReadOnlyList<UnitFigures> rows)
    {
        var headers = new List<string> { XlsxExport.Numbering, rollup.Root.Kind == OrgUnitKind.Country ? "Tỉnh, thành phố" : "Đơn vị" };
        headers.AddRange(rollup.Indicators.Select(i => $"{i.Name} ({i.Unit})"));
        var lines = rows.Select((r, n) => (IReadOnlyList<object?>)[n + 1, r.Unit, .. rollup.Indicators.Select(i => (object?)r.Values.GetValueOrDefault(i.Id))]).ToList();
        lines.Add([null, "Tổng hợp", .. rollup.Indicators.Select(i => (object?)rollup.Totals.GetValueOrDefault(i.Id))]); // the total row has no number
        XlsxExport.Write(output, "Phụ lục số liệu", headers, lines,
            $"PHỤ LỤC SỐ LIỆU {rollup.Period.Label.ToUpper(VietnameseText.Culture)}", rollup.Root.Name);
    }

    /// <summary>"SNV" from "Sở Nội vụ tỉnh Tây Ninh": initials of the words before the place, for the symbol.</summary>
    private static string Abbreviation(string issuer)
    {
        var words = issuer.Split(' ', StringSplitOptions.RemoveEmptyEntries).TakeWhile(w => w is not ("tỉnh" or "thành" or "Tỉnh" or "Thành"));
        var folded = Domain.Text.VietnameseText.Fold(string.Join(' ', words)).ToUpperInvariant();
        return string.Concat(folded.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => w[0]));
    }
}
