using System.Globalization;
using DanVan.Domain.Text;
using DanVan.Domain.Training;
using DanVan.Infrastructure;

namespace DanVan.Features.Training;

/// <summary>One row of an import: its Excel row number, the session as typed, and what the workbook already found wrong.</summary>
public sealed record SessionImportRow(int Line, SessionInput Input, IReadOnlyList<string> Errors);

/// <summary>
/// The sessions' Excel template (Mẫu Excel) and its reading back (Nhập từ Excel), over <see cref="XlsxTable"/>: one row
/// per session; kind and audiences as their labels; documents by their number and symbol and staff present by their
/// names, each separated by ";"; a "Hướng dẫn" sheet lists the kinds, audiences, documents and the unit's staff.
/// </summary>
public static class TrainingWorkbook
{
    public const int MaxRows = 500;

    public const long MaxBytes = 5L * 1024 * 1024;

    public static readonly IReadOnlyList<XlsxColumn> Columns =
    [
        new("Loại", XlsxKind.Text, Required: true),
        new("Nội dung, chủ đề", XlsxKind.Text, Required: true),
        new("Ngày tổ chức", XlsxKind.Date, Required: true),
        new("Địa điểm, hình thức", XlsxKind.Text),
        new("Đối tượng", XlsxKind.Text, Required: true),
        new("Số người được mời", XlsxKind.Int),
        new("Số lượt người tham dự", XlsxKind.Int, Required: true),
        new("Văn bản được quán triệt (số, ký hiệu)", XlsxKind.Text),
        new("Cán bộ của đơn vị có mặt", XlsxKind.Text),
        new("Ghi chú", XlsxKind.Text),
    ];

    /// <summary>A recorded session as a template row (it comes back unchanged and is skipped).</summary>
    public sealed record Recorded(TrainingSession Session, IReadOnlyList<string> DocumentCodes, IReadOnlyList<string> Staff);

    public static void WriteTemplate(Stream output, int year, IEnumerable<Recorded> recorded, IReadOnlyList<(string Code, string Title)> documents, IReadOnlyList<string> staff) =>
        XlsxTable.WriteTemplate(output, $"Tuyên truyền năm {year.ToString(CultureInfo.InvariantCulture)}", Columns,
            recorded.Select(r => (IReadOnlyList<object?>)[TrainingRules.Label(r.Session.Kind), r.Session.Title, r.Session.HeldOn, r.Session.Place, TrainingRules.Labels(r.Session.Audience),
                r.Session.AudienceSize, r.Session.Attendees, string.Join("; ", r.DocumentCodes), string.Join("; ", r.Staff), r.Session.Note]),
            [
                new XlsxGuide("Loại (cột «Loại»)", ["Loại"], Enum.GetValues<SessionKind>().Select(k => (IReadOnlyList<string>)[TrainingRules.Label(k)]).ToList()),
                new XlsxGuide("Đối tượng (cột «Đối tượng»; nhiều đối tượng cách nhau bằng dấu ;)", ["Đối tượng"],
                    TrainingRules.AllAudiences.Select(a => (IReadOnlyList<string>)[TrainingRules.Label(a)]).ToList()),
                new XlsxGuide("Văn bản trong sổ (cột «Văn bản…»; nhiều văn bản cách nhau bằng dấu ;)", ["Số, ký hiệu", "Trích yếu"],
                    documents.Select(d => (IReadOnlyList<string>)[d.Code, d.Title]).ToList()),
                new XlsxGuide("Cán bộ của đơn vị (cột «Cán bộ…»; ghi đúng họ tên, cách nhau bằng dấu ;)", ["Họ và tên"], staff.Select(s => (IReadOnlyList<string>)[s]).ToList()),
                new XlsxGuide("Cách ghi", ["Cột", "Cách ghi"],
                [
                    ["Ngày tổ chức", "Ngày theo dạng ngày/tháng/năm, ví dụ 15/03/2026 (hoặc ô kiểu ngày của Excel)."],
                    ["Số lượt người tham dự", "Tổng số lượt người, kể cả cán bộ của đơn vị; không lớn hơn số người được mời."],
                    ["Công thức", "Không dùng công thức: hãy dán giá trị."],
                    ["Dòng đã có", "Dòng trùng loại, ngày và nội dung với một buổi đã ghi sẽ được bỏ qua."],
                ]),
            ]);

    /// <summary>
    /// An upload read into import rows, and the errors that belong to no row. Documents are looked up by number and
    /// symbol, staff by name (both without accents or case); an unknown or ambiguous one is an error of its row.
    /// </summary>
    public static (List<SessionImportRow> Rows, List<string> FileErrors) Read(byte[] content, IReadOnlyCollection<(int Id, string Code)> documents, IReadOnlyCollection<(int Id, string Name)> staff)
    {
        var read = XlsxTable.Read(content, Columns, MaxRows,
            r => $"loại «{r.Text(0)}», ngày {VietnameseText.FormatDate(r.Date(2))} và nội dung «{r.Text(1)}»");
        var (byLine, fileErrors) = XlsxTable.Split(read.Errors);
        var byCode = documents.GroupBy(d => VietnameseText.Fold(d.Code)).ToDictionary(g => g.Key, g => g.Select(d => d.Id).ToList(), StringComparer.Ordinal);
        var byName = staff.GroupBy(s => VietnameseText.Fold(s.Name)).ToDictionary(g => g.Key, g => g.Select(s => s.Id).ToList(), StringComparer.Ordinal);
        var rows = new List<SessionImportRow>();
        foreach (var row in read.Rows)
        {
            var errors = byLine.GetValueOrDefault(row.Number) ?? [];
            var kinds = XlsxTable.Labels(row, 0, Columns[0].Title, Enum.GetValues<SessionKind>(), TrainingRules.Label, "loại buổi", errors);
            if (kinds.Count > 1)
            {
                errors.Add($"Dòng {row.Number}, cột «{Columns[0].Title}»: chỉ ghi một loại cho mỗi buổi.");
            }

            var audience = XlsxTable.Labels(row, 4, Columns[4].Title, TrainingRules.AllAudiences, TrainingRules.Label, "đối tượng", errors);
            var documentIds = Lookup(row, 7, byCode, "văn bản", "có trong sổ văn bản mà đơn vị được xem", errors);
            var staffIds = Lookup(row, 8, byName, "người", "có trong danh sách cán bộ của đơn vị", errors);
            byLine.Remove(row.Number);
            rows.Add(new SessionImportRow(row.Number, new SessionInput
            {
                Kind = kinds.Count == 1 ? kinds[0] : null,
                Title = row.Text(1),
                HeldOn = VietnameseText.FormatDate(row.Date(2)),
                Place = row.Text(3),
                Audience = audience,
                AudienceSize = row.Int(5),
                Attendees = row.Int(6),
                DocumentIds = documentIds,
                StaffIds = staffIds,
                Note = row.Text(9),
            }, errors));
        }

        // Rows the reader refused entirely (a wrong cell, a duplicate) keep their errors, in row order.
        rows.AddRange(byLine.Select(kv => new SessionImportRow(kv.Key, new SessionInput(), kv.Value)));
        rows.Sort((a, b) => a.Line.CompareTo(b.Line));
        return (rows, fileErrors);
    }

    private static List<int> Lookup(XlsxRow row, int column, Dictionary<string, List<int>> index, string what, string where, List<string> errors)
    {
        var ids = new List<int>();
        foreach (var part in (row.Text(column) ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            switch (index.GetValueOrDefault(VietnameseText.Fold(part)))
            {
                case [var id]:
                    ids.Add(id);
                    break;
                case { Count: > 1 }:
                    errors.Add($"Dòng {row.Number}, cột «{Columns[column].Title}»: có nhiều {what} cùng ghi «{part}»; hãy ghi nhận buổi này trên trang DanVan.");
                    break;
                default:
                    errors.Add($"Dòng {row.Number}, cột «{Columns[column].Title}»: không có {what} «{part}» {where} (xem trang «{XlsxTable.GuideSheet}»).");
                    break;
            }
        }

        return ids;
    }

    /// <summary>The staff roster's columns: a row per person, dates as days.</summary>
    public static readonly IReadOnlyList<XlsxColumn> StaffColumns =
    [
        new("Họ và tên", XlsxKind.Text, Required: true),
        new("Chức vụ", XlsxKind.Text),
        new("Ngày về đơn vị", XlsxKind.Date),
        new("Ngày thôi công tác", XlsxKind.Date),
    ];

    public static void WriteStaffTemplate(Stream output, IEnumerable<StaffMember> staff) =>
        XlsxTable.WriteTemplate(output, "Danh sách cán bộ", StaffColumns,
            staff.Select(s => (IReadOnlyList<object?>)[s.FullName, s.Position, s.JoinedOn, s.LeftOn]),
            [
                new XlsxGuide("Cách ghi", ["Cột", "Cách ghi"],
                [
                    ["Họ và tên", "Mỗi người một dòng; người đã có trong danh sách (cùng họ tên) được cập nhật chức vụ và ngày, người mới được thêm."],
                    ["Ngày thôi công tác", "Ghi khi người đó nghỉ hưu, chuyển công tác; không xóa dòng (người đó vẫn có tên trong các buổi đã dự)."],
                    ["Ngày", "Ngày theo dạng ngày/tháng/năm, ví dụ 15/03/2026 (hoặc ô kiểu ngày của Excel)."],
                    ["Công thức", "Không dùng công thức: hãy dán giá trị."],
                ]),
            ]);

    /// <summary>A roster upload read into rows (line, input, errors) and the errors of the file; two rows with one name are refused together.</summary>
    public static (List<(int Line, StaffInput Input, IReadOnlyList<string> Errors)> Rows, List<string> FileErrors) ReadStaff(byte[] content)
    {
        var read = XlsxTable.Read(content, StaffColumns, 5000, r => $"họ tên «{r.Text(0)}»");
        var (byLine, fileErrors) = XlsxTable.Split(read.Errors);
        var rows = read.Rows.Select(r => (r.Number, new StaffInput
        {
            FullName = r.Text(0), Position = r.Text(1), JoinedOn = VietnameseText.FormatDate(r.Date(2)), LeftOn = VietnameseText.FormatDate(r.Date(3)),
        }, (IReadOnlyList<string>)(byLine.Remove(r.Number, out var e) ? e : []))).ToList();
        rows.AddRange(byLine.Select(kv => (kv.Key, new StaffInput(), (IReadOnlyList<string>)kv.Value)));
        rows.Sort((a, b) => a.Item1.CompareTo(b.Item1));
        return (rows, fileErrors);
    }
}
