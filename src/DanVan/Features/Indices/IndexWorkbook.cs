using System.Globalization;
using DanVan.Domain.Indices;
using DanVan.Infrastructure;

namespace DanVan.Features.Indices;

/// <summary>
/// An index's Excel template (Mẫu Excel) and its reading back (Nhập từ Excel), over <see cref="XlsxTable"/>: one row per
/// unit and year — the unit by its code, the index's value, one column per component, the source by its label and a
/// note; a "Hướng dẫn" sheet lists the units within reach, the sources and the components with their points.
/// </summary>
public static class IndexWorkbook
{
    public const int MaxRows = 2000;

    public const long MaxBytes = 5L * 1024 * 1024;

    public const string UnitColumn = "Mã đơn vị";
    public const string NameColumn = "Tên đơn vị";
    public const string YearColumn = "Năm";
    public const string ValueColumn = "Giá trị";
    public const string SourceColumn = "Nguồn";
    public const string NoteColumn = "Ghi chú nguồn";

    /// <summary>The columns of an index's template: the fixed ones around one per component.</summary>
    public static IReadOnlyList<XlsxColumn> Columns(IReadOnlyList<IndexComponent> components) =>
    [
        new(UnitColumn, XlsxKind.Text, Required: true),
        new(NameColumn, XlsxKind.Text),
        new(YearColumn, XlsxKind.Int, Required: true),
        new(ValueColumn, XlsxKind.Number),
        .. components.Select(c => new XlsxColumn(c.Name, XlsxKind.Number)),
        new(SourceColumn, XlsxKind.Text, Required: true),
        new(NoteColumn, XlsxKind.Text),
    ];

    /// <summary>The column a field error of the form belongs to (import messages name it).</summary>
    public static string ColumnOf(string field, IReadOnlyList<IndexComponent> components) => field switch
    {
        "Year" => YearColumn,
        "Source" => SourceColumn,
        "SourceNote" => NoteColumn,
        "UnitId" => UnitColumn,
        _ when field.StartsWith("Components[", StringComparison.Ordinal) => components.FirstOrDefault(c => field == $"Components[{c.Code}]")?.Name ?? ValueColumn,
        _ => ValueColumn,
    };

    /// <summary>A held value (with its components) as a template row.</summary>
    public sealed record Row(string UnitCode, string UnitName, int Year, double? Value, IReadOnlyDictionary<string, double> Components, IndexValueSource? Source, string? Note);

    public static void WriteTemplate(Stream output, IndexDefinition index, IReadOnlyList<IndexComponent> components, IEnumerable<Row> rows, IReadOnlyList<(string Code, string Name)> units) =>
        XlsxTable.WriteTemplate(output, index.Code, Columns(components),
            rows.Select(r => (IReadOnlyList<object?>)[
                r.UnitCode, r.UnitName, r.Year, r.Value, .. components.Select(c => r.Components.TryGetValue(c.Code, out var v) ? (object?)v : null),
                r.Source is { } s ? IndexRules.Label(s) : null, r.Note]),
            [
                new XlsxGuide($"Chỉ số {index.Code}: {index.Name}", ["Thang đo", "Cách tính"],
                    [[$"Từ {IndexRules.Format(index.ScaleMin)} đến {IndexRules.Format(index.ScaleMax, index.Unit)}; năm từ {index.FirstYear.ToString(CultureInfo.InvariantCulture)}", IndexRules.Label(index.Combination)]]),
                new XlsxGuide("Thành phần (mỗi thành phần một cột; để trống nếu không có)", ["Thành phần", "Điểm tối đa"],
                    components.Select(c => (IReadOnlyList<string>)[c.Name, c.MaxPoints is { } m ? IndexRules.Format(m) : "theo thang đo của chỉ số"]).ToList()),
                new XlsxGuide("Nguồn (cột «Nguồn»)", ["Nguồn"], Enum.GetValues<IndexValueSource>().Select(s => (IReadOnlyList<string>)[IndexRules.Label(s)]).ToList()),
                new XlsxGuide("Đơn vị (cột «Mã đơn vị»)", ["Mã đơn vị", "Tên đơn vị"], units.Select(u => (IReadOnlyList<string>)[u.Code, u.Name]).ToList()),
                new XlsxGuide("Cách ghi", ["Cột", "Cách ghi"],
                [
                    [ValueColumn, "Số, dấu phẩy hoặc dấu chấm thập phân (ví dụ 85,2); để trống thì tính từ các thành phần (nếu chỉ số tính được từ thành phần)."],
                    [YearColumn, "Năm của kết quả (ví dụ 2025), không sau năm nay."],
                    ["Dòng đã có", "Mỗi đơn vị và năm một dòng. Kết quả đã có của đơn vị và năm đó được thay bằng dòng mới (nhật ký giữ giá trị cũ); dòng không đổi được bỏ qua."],
                    ["Công thức", "Không dùng công thức: hãy dán giá trị."],
                ]),
            ],
            $"MẪU NHẬP KẾT QUẢ CHỈ SỐ {index.Name.ToUpper(Domain.Text.VietnameseText.Culture)} ({index.Code})");

    /// <summary>An upload read into import rows, and the errors that belong to no row.</summary>
    public static (List<IndexImportRow> Rows, List<string> FileErrors) Read(byte[] content, IReadOnlyList<IndexComponent> components)
    {
        var columns = Columns(components);
        var source = 4 + components.Count;
        var read = XlsxTable.Read(content, columns, MaxRows, r => $"mã đơn vị «{r.Text(0)}» và năm {r.Int(2)?.ToString(CultureInfo.InvariantCulture)}");
        var (byLine, fileErrors) = XlsxTable.Split(read.Errors);
        var rows = new List<IndexImportRow>();
        foreach (var row in read.Rows)
        {
            var errors = byLine.GetValueOrDefault(row.Number) ?? [];
            var sources = XlsxTable.Labels(row, source, SourceColumn, Enum.GetValues<IndexValueSource>(), IndexRules.Label, "nguồn số liệu", errors);
            if (sources.Count > 1)
            {
                errors.Add($"Dòng {row.Number}, cột «{SourceColumn}»: chỉ ghi một nguồn.");
            }

            byLine.Remove(row.Number);
            rows.Add(new IndexImportRow(row.Number, row.Text(0), new IndexValueInput
            {
                Year = row.Int(2),
                Value = Text(row.Real(3)),
                Components = components.Select((c, i) => (c.Code, Text(row.Real(4 + i)))).ToDictionary(x => x.Code, x => x.Item2, StringComparer.Ordinal),
                Source = sources.Count == 1 ? sources[0] : null,
                SourceNote = row.Text(source + 1),
            }, errors));
        }

        rows.AddRange(byLine.Select(kv => new IndexImportRow(kv.Key, null, new IndexValueInput(), kv.Value)));
        rows.Sort((a, b) => a.Line.CompareTo(b.Line));
        return (rows, fileErrors);
    }

    private static string? Text(double? v) => v?.ToString("0.##########", CultureInfo.InvariantCulture);
}
