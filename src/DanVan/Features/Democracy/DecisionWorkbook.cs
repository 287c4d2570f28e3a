using System.Globalization;
using DanVan.Domain.Democracy;
using DanVan.Domain.Text;
using DanVan.Infrastructure;

namespace DanVan.Features.Democracy;

/// <summary>One row of an import of votes: its Excel row number, the vote as typed, and what the workbook already found wrong.</summary>
public sealed record DecisionImportRow(int Line, DecisionInput Input, IReadOnlyList<string> Errors);

/// <summary>
/// The people's votes as an Excel template (Mẫu Excel) and read back (Nhập từ Excel), over <see cref="XlsxTable"/>: one
/// row per vote, the kind of matter and the form by their names; DanVan counts each row as the form does.
/// </summary>
public static class DecisionWorkbook
{
    public const int MaxRows = 500;

    public const long MaxBytes = 5L * 1024 * 1024;

    public static readonly IReadOnlyList<XlsxColumn> Columns =
    [
        new("Loại nội dung", XlsxKind.Text, Required: true),
        new("Thôn, tổ dân phố", XlsxKind.Text, Required: true),
        new("Nội dung biểu quyết", XlsxKind.Text, Required: true),
        new("Hình thức", XlsxKind.Text, Required: true),
        new("Ngày biểu quyết", XlsxKind.Date, Required: true),
        new("Địa điểm", XlsxKind.Text),
        new("Tổng số hộ gia đình", XlsxKind.Int, Required: true),
        new("Số hộ tham dự (trả lời)", XlsxKind.Int, Required: true),
        new("Số hộ đồng ý", XlsxKind.Int, Required: true),
        new("Số hộ không đồng ý", XlsxKind.Int, Required: true),
        new("Người chủ trì", XlsxKind.Text),
        new("Thư ký", XlsxKind.Text),
        new("Kết luận", XlsxKind.Text),
    ];

    public static void WriteTemplate(Stream output, int year, IReadOnlyList<DecisionRule> rules, IEnumerable<PeopleDecision> recorded)
    {
        var names = rules.ToDictionary(r => r.Code, r => r.Name, StringComparer.Ordinal);
        XlsxTable.WriteTemplate(output, $"Biểu quyết năm {year.ToString(CultureInfo.InvariantCulture)}", Columns,
            recorded.Select(d => (IReadOnlyList<object?>)[names.GetValueOrDefault(d.RuleCode, d.RuleCode), d.Community, d.Matter, DecisionRules.Label(d.Form), d.HeldOn, d.Place,
                d.HouseholdsEntitled, d.HouseholdsPresent, d.For, d.Against, d.ChairName, d.SecretaryName, d.Conclusion]),
            [
                new XlsxGuide("Loại nội dung (cột «Loại nội dung»)", ["Loại nội dung", "Ngưỡng", "Căn cứ"],
                    rules.Select(r => (IReadOnlyList<string>)[r.Name, DecisionRules.ThresholdText(r), r.LegalBasis]).ToList()),
                new XlsxGuide("Hình thức (cột «Hình thức»)", ["Hình thức"], Enum.GetValues<DecisionForm>().Select(f => (IReadOnlyList<string>)[DecisionRules.Label(f)]).ToList()),
                new XlsxGuide("Cách ghi", ["Cột", "Cách ghi"],
                [
                    ["Ngày biểu quyết", "Ngày theo dạng ngày/tháng/năm, ví dụ 15/03/2026 (hoặc ô kiểu ngày của Excel)."],
                    ["Số hộ", "Số nguyên; số hộ tham dự không lớn hơn tổng số hộ, số hộ đồng ý và không đồng ý không vượt số hộ tham dự. DanVan tự tính kết quả."],
                    ["Công thức", "Không dùng công thức: hãy dán giá trị."],
                    ["Dòng đã có", "Dòng trùng loại, ngày, thôn và nội dung với một kết quả đã ghi sẽ được bỏ qua."],
                ]),
            ]);
    }

    public static (List<DecisionImportRow> Rows, List<string> FileErrors) Read(byte[] content, IReadOnlyList<DecisionRule> rules)
    {
        var read = XlsxTable.Read(content, Columns, MaxRows,
            r => $"ngày {VietnameseText.FormatDate(r.Date(4))}, «{r.Text(1)}» và nội dung «{r.Text(2)}»");
        var (byLine, fileErrors) = XlsxTable.Split(read.Errors);
        var rows = new List<DecisionImportRow>();
        foreach (var row in read.Rows)
        {
            var errors = byLine.GetValueOrDefault(row.Number) ?? [];
            var rule = XlsxTable.Labels(row, 0, Columns[0].Title, rules, r => r.Name, "loại nội dung", errors);
            var form = XlsxTable.Labels(row, 3, Columns[3].Title, Enum.GetValues<DecisionForm>(), DecisionRules.Label, "hình thức", errors);
            foreach (var (found, column) in new[] { (rule.Count, 0), (form.Count, 3) }.Where(x => x.Item1 > 1))
            {
                errors.Add($"Dòng {row.Number}, cột «{Columns[column].Title}»: chỉ ghi một giá trị.");
            }

            byLine.Remove(row.Number);
            rows.Add(new DecisionImportRow(row.Number, new DecisionInput
            {
                RuleCode = rule.Count == 1 ? rule[0].Code : null, Community = row.Text(1), Matter = row.Text(2), Form = form.Count == 1 ? form[0] : null,
                HeldOn = VietnameseText.FormatDate(row.Date(4)), Place = row.Text(5), HouseholdsEntitled = row.Int(6), HouseholdsPresent = row.Int(7), For = row.Int(8),
                Against = row.Int(9), ChairName = row.Text(10), SecretaryName = row.Text(11), Conclusion = row.Text(12),
            }, errors));
        }

        rows.AddRange(byLine.Select(kv => new DecisionImportRow(kv.Key, new DecisionInput(), kv.Value)));
        rows.Sort((a, b) => a.Line.CompareTo(b.Line));
        return (rows, fileErrors);
    }
}
