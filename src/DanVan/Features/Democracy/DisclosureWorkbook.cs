using DanVan.Domain.Democracy;
using DanVan.Domain.Text;
using DanVan.Infrastructure;

namespace DanVan.Features.Democracy;

/// <summary>One row of an import: its Excel row number, the disclosure as typed, and what the workbook already found wrong.</summary>
public sealed record DisclosureImportRow(int Line, DisclosureInput Input, IReadOnlyList<string> Errors);

/// <summary>
/// The disclosure register's Excel template (Mẫu Excel) and its reading back (Nhập từ Excel), over <see cref="XlsxTable"/>:
/// one row per disclosure, forms as their labels separated by ";", a "Hướng dẫn" sheet with the item codes and the forms.
/// </summary>
public static class DisclosureWorkbook
{
    public const int MaxRows = 500;

    public const long MaxBytes = 5L * 1024 * 1024;

    public static readonly IReadOnlyList<XlsxColumn> Columns =
    [
        new("Mã nội dung", XlsxKind.Text, Required: true),
        new("Nội dung đã công khai", XlsxKind.Text, Required: true),
        new("Ngày công khai", XlsxKind.Date, Required: true),
        new("Đến ngày", XlsxKind.Date),
        new("Hình thức", XlsxKind.Text, Required: true),
        new("Số ngày phát thanh", XlsxKind.Int),
        new("Ghi chú", XlsxKind.Text),
    ];

    /// <summary>The template of a unit's year: a row per disclosure already recorded (they come back unchanged and are skipped).</summary>
    public static void WriteTemplate(Stream output, int year, IReadOnlyList<DisclosureItem> items, IEnumerable<Disclosure> recorded) =>
        XlsxTable.WriteTemplate(output, $"Công khai năm {year.ToString(System.Globalization.CultureInfo.InvariantCulture)}", Columns,
            recorded.Select(d => (IReadOnlyList<object?>)[d.ItemCode, d.Title, d.DisclosedOn, d.EndsOn, DisclosureRules.Labels(d.Forms), d.RadioDays, d.Note]),
            [
                new XlsxGuide($"Mã nội dung phải công khai năm {year.ToString(System.Globalization.CultureInfo.InvariantCulture)} (cột «Mã nội dung»)", ["Mã", "Nội dung", "Căn cứ"],
                    items.Select(i => (IReadOnlyList<string>)[i.Code, i.Name, i.Article]).ToList()),
                new XlsxGuide("Hình thức công khai (cột «Hình thức»; nhiều hình thức cách nhau bằng dấu ;)", ["Hình thức"],
                    DisclosureRules.AllForms.Select(f => (IReadOnlyList<string>)[DisclosureRules.Label(f)]).ToList()),
                new XlsxGuide("Cách ghi", ["Cột", "Cách ghi"],
                [
                    ["Ngày công khai, Đến ngày", "Ngày theo dạng ngày/tháng/năm, ví dụ 15/03/2026 (hoặc ô kiểu ngày của Excel)."],
                    ["Số ngày phát thanh", "Số ngày phát liên tục trên hệ thống truyền thanh, khi có hình thức «Hệ thống truyền thanh»."],
                    ["Công thức", "Không dùng công thức: hãy dán giá trị."],
                    ["Dòng đã có", "Dòng trùng mã, ngày và nội dung với một lần công khai đã ghi trong sổ sẽ được bỏ qua."],
                ]),
            ]);

    /// <summary>An upload read into import rows, and the errors that belong to no row (columns, size, an unreadable file).</summary>
    public static (List<DisclosureImportRow> Rows, List<string> FileErrors) Read(byte[] content, int year)
    {
        var read = XlsxTable.Read(content, Columns, MaxRows,
            r => $"mã «{r.Text(0)}», ngày {VietnameseText.FormatDate(r.Date(2))} và nội dung «{r.Text(1)}»");
        var (byLine, fileErrors) = XlsxTable.Split(read.Errors);
        var rows = new List<DisclosureImportRow>();
        foreach (var row in read.Rows)
        {
            var errors = byLine.GetValueOrDefault(row.Number) ?? [];
            var forms = XlsxTable.Labels(row, 4, Columns[4].Title, DisclosureRules.AllForms, DisclosureRules.Label, "hình thức công khai", errors);
            byLine.Remove(row.Number);
            rows.Add(new DisclosureImportRow(row.Number, new DisclosureInput
            {
                Year = year,
                ItemCode = row.Text(0),
                Title = row.Text(1),
                DisclosedOn = VietnameseText.FormatDate(row.Date(2)),
                EndsOn = VietnameseText.FormatDate(row.Date(3)),
                Forms = forms,
                RadioDays = row.Int(5),
                Note = row.Text(6),
                IsPublic = true,
            }, errors));
        }

        // Rows the reader refused entirely (a wrong cell, a duplicate) keep their errors, in row order.
        rows.AddRange(byLine.Select(kv => new DisclosureImportRow(kv.Key, new DisclosureInput { Year = year }, kv.Value)));
        rows.Sort((a, b) => a.Line.CompareTo(b.Line));
        return (rows, fileErrors);
    }
}
