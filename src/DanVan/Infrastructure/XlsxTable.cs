using System.Globalization;
using DanVan.Domain.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace DanVan.Infrastructure;

/// <summary>What a column of an Excel template holds.</summary>
public enum XlsxKind
{
    Text,

    /// <summary>A date typed as text dd/MM/yyyy or a real Excel date (a serial number).</summary>
    Date,

    Int,

    /// <summary>Có/Không (also x, TRUE/FALSE, 1/0, Excel booleans).</summary>
    Bool,

    /// <summary>A number with decimals (85,2 or 85.2 typed as text, or a number cell), read as a double.</summary>
    Number,
}

/// <summary>One column of a template: its title (the header cell, exactly), what it holds, whether a row must fill it.</summary>
public sealed record XlsxColumn(string Title, XlsxKind Kind = XlsxKind.Text, bool Required = false);

/// <summary>A row read back: its Excel row number and one typed value per column (string, DateOnly, int, bool or null).</summary>
public sealed record XlsxRow(int Number, IReadOnlyList<object?> Values)
{
    public string? Text(int column) => Values[column] as string;

    public DateOnly? Date(int column) => Values[column] as DateOnly?;

    public int? Int(int column) => Values[column] as int?;

    public bool? Bool(int column) => Values[column] as bool?;

    public double? Real(int column) => Values[column] as double?;
}

/// <summary>The rows of an upload that read cleanly, and every error, in Vietnamese, naming row and column (any error: save nothing).</summary>
public sealed record XlsxReadResult(IReadOnlyList<XlsxRow> Rows, IReadOnlyList<string> Errors)
{
    public bool IsOk => Errors.Count == 0;
}

/// <summary>A second sheet of a template ("Hướng dẫn"): allowed values, one list under a header per block.</summary>
public sealed record XlsxGuide(string Heading, IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<string>> Rows);

/// <summary>
/// The Excel round trip of any capability where units fill data offline (ADR-022): <see cref="WriteTemplate"/> writes
/// the header row of a column spec, pre-filled rows and a "Hướng dẫn" sheet of allowed values; <see cref="Read"/>
/// reads an upload back into typed rows with every error at once, each naming its row and column: a missing or renamed
/// column, a value of the wrong kind, a formula (refused: we keep values, not what Excel would compute), a duplicate
/// key, too many rows. Empty rows are skipped. Pure: bytes in, rows and messages out; callers save nothing on any error.
/// </summary>
public static class XlsxTable
{
    public const string GuideSheet = "Hướng dẫn";

    private static readonly string[] TrueWords = ["có", "x", "true", "1", "đúng"];
    private static readonly string[] FalseWords = ["không", "false", "0", "sai"];

    /// <summary>The line under a template's title: how to fill it.</summary>
    public const string TemplateNote = "Điền hoặc sửa các dòng dưới dòng tiêu đề, giữ nguyên tên và thứ tự các cột; cột STT không cần điền; ngày ghi dd/mm/yyyy.";

    /// <summary>How many rows from the top are searched for the header row (a title and a note may come first).</summary>
    public const int HeaderSearch = 10;

    /// <summary>
    /// A template in the layout of every export (<see cref="XlsxExport"/>: title, note, header, STT, real dates, widths,
    /// filter) with the column spec's titles as header, pre-filled rows, and a «Hướng dẫn» sheet of allowed values; the
    /// title defaults to "MẪU NHẬP" and the sheet's name.
    /// </summary>
    public static void WriteTemplate(Stream output, string sheetName, IReadOnlyList<XlsxColumn> columns, IEnumerable<IReadOnlyList<object?>> rows,
        IReadOnlyList<XlsxGuide>? guide = null, string? title = null)
    {
        using var document = SpreadsheetDocument.Create(output, SpreadsheetDocumentType.Workbook);
        var workbookPart = document.AddWorkbookPart();
        var stylesPart = workbookPart.AddNewPart<WorkbookStylesPart>();
        stylesPart.Stylesheet = XlsxExport.Styles();
        var sheets = new Sheets();
        var names = new DefinedNames();
        XlsxExport.WriteSheet(workbookPart, sheets, names, sheetName, columns.Select(c => c.Title).ToList(), rows,
            title ?? $"MẪU NHẬP {sheetName.ToUpper(VietnameseText.Culture)}", TemplateNote, numbered: true);
        if (guide is { Count: > 0 })
        {
            var lines = new List<IReadOnlyList<object?>>();
            var bold = new List<int>();
            foreach (var block in guide)
            {
                if (lines.Count > 0)
                {
                    lines.Add([]);
                }

                bold.Add(lines.Count);
                lines.Add([block.Heading]);
                bold.Add(lines.Count);
                lines.Add(block.Headers.Cast<object?>().ToList());
                lines.AddRange(block.Rows.Select(r => (IReadOnlyList<object?>)r.Cast<object?>().ToList()));
            }

            AddSheet(workbookPart, sheets, 2, GuideSheet, lines, bold, widths: [20, 80]);
        }

        workbookPart.Workbook = new Workbook(sheets, names);
        workbookPart.Workbook.Save();
    }

    /// <summary>
    /// Reads the first sheet: the header row (found among the first <see cref="HeaderSearch"/> rows, under any title rows;
    /// row 1 in older files) must hold <paramref name="columns"/>' titles in order, after an optional leading «STT» column,
    /// which is ignored; then one typed row per non-empty row below it. <paramref name="key"/>, when given, names a row's identity; two rows with the same key are refused together.
    /// </summary>
    public static XlsxReadResult Read(byte[] content, IReadOnlyList<XlsxColumn> columns, int maxRows, Func<XlsxRow, string?>? key = null)
    {
        try
        {
            using var stream = new MemoryStream(content, writable: false);
            using var document = SpreadsheetDocument.Open(stream, false);
            return Read(document, columns, maxRows, key);
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or IOException or System.Xml.XmlException or FormatException or InvalidOperationException or ArgumentException)
        {
            return new([], ["Không đọc được tệp như một bảng tính Excel (.xlsx); hãy mở tệp bằng Excel, lưu lại dạng .xlsx rồi tải lên lại."]);
        }
    }

    /// <summary>
    /// The errors of a read, split into those of a row (they start "Dòng N", keyed by N, in row order) and those of the
    /// file as a whole (columns, size, an unreadable file).
    /// </summary>
    public static (SortedDictionary<int, List<string>> ByLine, List<string> FileErrors) Split(IEnumerable<string> errors)
    {
        var byLine = new SortedDictionary<int, List<string>>();
        var fileErrors = new List<string>();
        foreach (var error in errors)
        {
            if (LineOf(error) is { } line)
            {
                if (!byLine.TryGetValue(line, out var list))
                {
                    byLine[line] = list = [];
                }

                list.Add(error);
            }
            else
            {
                fileErrors.Add(error);
            }
        }

        return (byLine, fileErrors);
    }

    /// <summary>
    /// A cell holding labels of a list separated by ";" (forms, audiences), matched without accents or case: the values
    /// found, and one error naming the row and column for each part that is not in the list.
    /// </summary>
    public static List<T> Labels<T>(XlsxRow row, int column, string columnTitle, IEnumerable<T> all, Func<T, string> label, string what, List<string> errors)
    {
        var found = new List<T>();
        var options = all.Select(v => (Value: v, Key: VietnameseText.Fold(label(v)))).ToList();
        foreach (var part in (row.Text(column) ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var folded = VietnameseText.Fold(part);
            var match = options.FindIndex(o => string.Equals(o.Key, folded, StringComparison.Ordinal));
            if (match < 0)
            {
                errors.Add($"Dòng {row.Number}, cột «{columnTitle}»: «{part}» không phải {what} trong danh sách (xem trang «{GuideSheet}»).");
            }
            else
            {
                found.Add(options[match].Value);
            }
        }

        return found;
    }

    /// <summary>N of a message that starts "Dòng N".</summary>
    private static int? LineOf(string error)
    {
        const string prefix = "Dòng ";
        if (!error.StartsWith(prefix, StringComparison.Ordinal))
        {
            return null;
        }

        var digits = error.AsSpan(prefix.Length);
        var n = 0;
        while (n < digits.Length && char.IsAsciiDigit(digits[n]))
        {
            n++;
        }

        return n > 0 && int.TryParse(digits[..n], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var line) ? line : null;
    }

    /// <summary>"A", "B", … "AA" for a zero-based column index.</summary>
    public static string Letter(int index)
    {
        var name = "";
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
        {
            name = (char)('A' + ((n - 1) % 26)) + name;
        }

        return name;
    }

    private static XlsxReadResult Read(SpreadsheetDocument document, IReadOnlyList<XlsxColumn> columns, int maxRows, Func<XlsxRow, string?>? key)
    {
        var workbookPart = document.WorkbookPart;
        var sheet = workbookPart?.Workbook?.Sheets?.Elements<Sheet>().FirstOrDefault();
        if (workbookPart is null || sheet?.Id?.Value is not { } id || workbookPart.GetPartById(id) is not WorksheetPart sheetPart)
        {
            return new([], ["Tệp Excel không có trang tính nào."]);
        }

        var shared = workbookPart.SharedStringTablePart?.SharedStringTable?.Elements<SharedStringItem>().Select(i => i.InnerText).ToList() ?? [];
        var dateStyles = DateStyles(workbookPart);
        var errors = new List<string>();
        var rows = new List<XlsxRow>();
        var dataRows = 0;
        var keys = new Dictionary<string, int>(StringComparer.Ordinal);
        var sheetRows = new List<(int Number, Dictionary<int, Cell> Cells)>();
        var rowNumber = 0;
        foreach (var row in sheetPart.Worksheet?.GetFirstChild<SheetData>()?.Elements<Row>() ?? [])
        {
            rowNumber = row.RowIndex?.Value is { } index ? (int)index : rowNumber + 1;
            var cells = new Dictionary<int, Cell>();
            var position = -1;
            foreach (var cell in row.Elements<Cell>())
            {
                position = cell.CellReference?.Value is { } reference && ColumnOf(reference) is { } at ? at : position + 1;
                cells[position] = cell;
            }

            sheetRows.Add((rowNumber, cells));
        }

        var (headerAt, offset) = FindHeader(sheetRows, columns, shared);
        var headerSeen = headerAt >= 0;
        var header = new Dictionary<int, string>();
        if (headerSeen)
        {
            foreach (var (at, cell) in sheetRows[headerAt].Cells.Where(c => c.Key >= offset))
            {
                header[at - offset] = HeaderText(cell, shared);
            }
        }

        foreach (var (number, cells) in sheetRows.Skip(headerSeen ? headerAt + 1 : sheetRows.Count))
        {
            rowNumber = number;
            var rowErrors = new List<string>();
            var values = new object?[columns.Count];
            var empty = true;
            for (var c = 0; c < columns.Count; c++)
            {
                if (!cells.TryGetValue(c + offset, out var cell))
                {
                    continue;
                }

                var column = columns[c];
                var prefix = $"Dòng {rowNumber}, cột «{column.Title}»";
                if (cell.CellFormula is not null)
                {
                    empty = false;
                    rowErrors.Add($"{prefix}: ô chứa công thức; hãy dán giá trị (Dán đặc biệt → Giá trị) thay cho công thức.");
                    continue;
                }

                var raw = Raw(cell, shared);
                if (raw is null || (raw is string s && string.IsNullOrWhiteSpace(s)))
                {
                    continue;
                }

                empty = false;
                var (value, error) = Convert(raw, column.Kind, cell.StyleIndex?.Value is { } style && dateStyles.Contains(style));
                if (error is not null)
                {
                    rowErrors.Add($"{prefix}: {error}");
                }

                values[c] = value;
            }

            if (empty && cells.Where(c => c.Key >= offset + columns.Count).All(c => Raw(c.Value, shared) is null or string { Length: 0 }))
            {
                continue; // an empty row (perhaps formatted, perhaps numbered in the STT column) is not data
            }

            if (++dataRows > maxRows)
            {
                errors.Add($"Tệp có quá {VietnameseText.FormatNumber(maxRows)} dòng dữ liệu; mỗi lần chỉ nhập tối đa {VietnameseText.FormatNumber(maxRows)} dòng, hãy chia thành nhiều tệp.");
                break;
            }

            for (var c = 0; c < columns.Count; c++)
            {
                if (columns[c].Required && values[c] is null && !rowErrors.Any(e => e.StartsWith($"Dòng {rowNumber}, cột «{columns[c].Title}»", StringComparison.Ordinal)))
                {
                    rowErrors.Add($"Dòng {rowNumber}, cột «{columns[c].Title}»: chưa nhập.");
                }
            }

            if (rowErrors.Count > 0)
            {
                errors.AddRange(rowErrors);
                continue;
            }

            var read = new XlsxRow(rowNumber, values);
            if (key?.Invoke(read) is { } k)
            {
                if (keys.TryGetValue(k, out var first))
                {
                    errors.Add($"Dòng {rowNumber} trùng với dòng {first} (cùng {k}); hãy xoá một trong hai dòng.");
                    continue;
                }

                keys[k] = rowNumber;
            }

            rows.Add(read);
        }

        var headerErrors = HeaderErrors(header, columns, headerSeen, offset);
        if (headerErrors.Count > 0)
        {
            return new([], headerErrors); // the rows cannot be trusted under the wrong columns
        }

        if (errors.Count == 0 && rows.Count == 0)
        {
            errors.Add("Tệp không có dòng dữ liệu nào dưới dòng tiêu đề.");
        }

        return new(rows, errors); // the rows that read cleanly too, so that a caller can check them and report everything at once
    }

    /// <summary>
    /// The index in <paramref name="rows"/> of the header row and how many leading columns to skip (1 for our «STT»): the
    /// row among the first <see cref="HeaderSearch"/> holding most of the titles in place; when none holds any, the first
    /// row of several cells (its wrong titles are then reported), else the first non-empty row; -1 when there is none.
    /// </summary>
    private static (int Row, int Offset) FindHeader(List<(int Number, Dictionary<int, Cell> Cells)> rows, IReadOnlyList<XlsxColumn> columns, List<string> shared)
    {
        var numbered = columns.Count > 0 && !Same(columns[0].Title, XlsxExport.Numbering);
        var (best, bestOffset, bestScore) = (-1, 0, 0);
        var (several, first) = (-1, -1);
        for (var r = 0; r < Math.Min(rows.Count, HeaderSearch); r++)
        {
            var texts = rows[r].Cells.ToDictionary(c => c.Key, c => HeaderText(c.Value, shared));
            var filled = texts.Values.Count(t => t.Length > 0);
            (several, first) = (several < 0 && filled > 1 ? r : several, first < 0 && filled > 0 ? r : first);
            var offset = numbered && Same(texts.GetValueOrDefault(0, ""), XlsxExport.Numbering) ? 1 : 0;
            var score = columns.Select((c, i) => Same(texts.GetValueOrDefault(i + offset, ""), c.Title)).Count(m => m);
            if (score > bestScore)
            {
                (best, bestOffset, bestScore) = (r, offset, score);
            }
        }

        if (best >= 0)
        {
            return (best, bestOffset);
        }

        var fallback = several >= 0 ? several : first;
        return (fallback, fallback >= 0 && numbered && Same(HeaderText(rows[fallback].Cells.GetValueOrDefault(0), shared), XlsxExport.Numbering) ? 1 : 0);
    }

    private static string HeaderText(Cell? cell, List<string> shared) => cell is not null && Raw(cell, shared) is { } raw ? Display(raw).Trim() : "";

    private static List<string> HeaderErrors(Dictionary<int, string> header, IReadOnlyList<XlsxColumn> columns, bool headerSeen, int offset)
    {
        if (!headerSeen || header.Values.All(string.IsNullOrEmpty))
        {
            return [$"Không tìm thấy dòng tiêu đề với các cột: {string.Join(", ", columns.Select(c => $"«{c.Title}»"))}. Hãy dùng tệp mẫu tải về từ DanVan."];
        }

        var errors = new List<string>();
        for (var c = 0; c < columns.Count; c++)
        {
            var actual = header.GetValueOrDefault(c, "");
            if (Same(actual, columns[c].Title))
            {
                continue;
            }

            errors.Add(string.IsNullOrEmpty(actual)
                ? $"Thiếu cột «{columns[c].Title}» (cột {Letter(c + offset)} của dòng tiêu đề)."
                : header.Values.Any(h => Same(h, columns[c].Title))
                    ? $"Cột {Letter(c + offset)} phải là «{columns[c].Title}», không phải «{actual}» (các cột phải theo đúng thứ tự của tệp mẫu)."
                    : $"Cột {Letter(c + offset)} phải là «{columns[c].Title}», không phải «{actual}».");
        }

        return errors;
    }

    private static bool Same(string a, string b) =>
        string.Equals(VietnameseText.Nfc(a.Trim()), VietnameseText.Nfc(b), StringComparison.OrdinalIgnoreCase);

    /// <summary>The cell's value as stored: string, double or bool; null when it has none.</summary>
    private static object? Raw(Cell cell, List<string> shared)
    {
        var type = cell.DataType?.Value;
        if (type == CellValues.InlineString)
        {
            return cell.InlineString?.InnerText ?? "";
        }

        var text = cell.CellValue?.Text;
        if (text is null)
        {
            return null;
        }

        if (type == CellValues.SharedString)
        {
            return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i) && i >= 0 && i < shared.Count ? shared[i] : "";
        }

        if (type == CellValues.Boolean)
        {
            return text.Trim() == "1";
        }

        if (type == CellValues.Date)
        {
            return DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var iso) ? DateOnly.FromDateTime(iso) : text;
        }

        if (type is null || type == CellValues.Number)
        {
            return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) ? n : text;
        }

        return text; // a string result or an error value
    }

    private static string Display(object raw) => raw switch
    {
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        bool b => b ? "Có" : "Không",
        DateOnly d => VietnameseText.FormatDate(d),
        _ => raw.ToString() ?? "",
    };

    private static (object? Value, string? Error) Convert(object raw, XlsxKind kind, bool dateStyled)
    {
        switch (kind)
        {
            case XlsxKind.Date:
                if (raw is DateOnly date)
                {
                    return (date, null);
                }

                if (raw is double serial && serial is >= 1 and < 2_958_466 && (dateStyled || Math.Abs(serial - Math.Floor(serial)) < 1e-9))
                {
                    return (DateOnly.FromDateTime(DateTime.FromOADate(Math.Floor(serial))), null); // a real Excel date
                }

                return raw is string s && VietnameseText.TryParseDate(s, out var typed)
                    ? (typed, null)
                    : (null, $"«{Display(raw).Trim()}» không phải ngày (dd/mm/yyyy).");
            case XlsxKind.Int:
                if (raw is double n && Math.Abs(n - Math.Round(n)) < 1e-9 && n is >= int.MinValue and <= int.MaxValue)
                {
                    return ((int)Math.Round(n), null);
                }

                return raw is string t && int.TryParse(t.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var i)
                    ? (i, null)
                    : (null, $"«{Display(raw).Trim()}» không phải số nguyên.");
            case XlsxKind.Number:
                if (raw is double real && double.IsFinite(real))
                {
                    return (real, null);
                }

                var typedNumber = Display(raw).Trim().Replace(',', '.');
                return typedNumber.Length > 0 && typedNumber.Count(ch => ch == '.') <= 1 && typedNumber.All(ch => char.IsAsciiDigit(ch) || ch is '.' or '-')
                    && double.TryParse(typedNumber, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed)
                    ? (parsed, null)
                    : (null, $"«{Display(raw).Trim()}» không phải số (ví dụ 85,2).");
            case XlsxKind.Bool:
                if (raw is bool b)
                {
                    return (b, null);
                }

                var word = Display(raw).Trim().ToLower(VietnameseText.Culture);
                return TrueWords.Contains(word) ? (true, null) : FalseWords.Contains(word) ? (false, null) : (null, $"«{Display(raw).Trim()}» không phải Có hoặc Không.");
            default:
                var text = Display(raw).Trim();
                return (text.Length == 0 ? null : VietnameseText.Nfc(text), null);
        }
    }

    /// <summary>The zero-based column of a reference such as "C12"; null when it has no letters.</summary>
    private static int? ColumnOf(string reference)
    {
        var n = 0;
        var letters = 0;
        foreach (var ch in reference)
        {
            if (ch is >= 'A' and <= 'Z')
            {
                n = (n * 26) + (ch - 'A' + 1);
                letters++;
            }
            else if (ch is >= 'a' and <= 'z')
            {
                n = (n * 26) + (ch - 'a' + 1);
                letters++;
            }
            else
            {
                break;
            }
        }

        return letters is > 0 and <= 3 ? n - 1 : null;
    }

    /// <summary>The cell formats that show a number as a date (built-in 14–22, 45–47, or a custom code with d, m and y).</summary>
    private static HashSet<uint> DateStyles(WorkbookPart workbookPart)
    {
        var styles = new HashSet<uint>();
        var stylesheet = workbookPart.WorkbookStylesPart?.Stylesheet;
        if (stylesheet?.CellFormats is not { } formats)
        {
            return styles;
        }

        var custom = stylesheet.NumberingFormats?.Elements<NumberingFormat>()
            .Where(f => f.NumberFormatId?.Value is not null && f.FormatCode?.Value is { } code && code.Contains('y', StringComparison.OrdinalIgnoreCase) && code.Contains('d', StringComparison.OrdinalIgnoreCase))
            .Select(f => f.NumberFormatId!.Value).ToHashSet() ?? [];
        uint index = 0;
        foreach (var format in formats.Elements<CellFormat>())
        {
            var id = format.NumberFormatId?.Value ?? 0;
            if (id is (>= 14 and <= 22) or (>= 45 and <= 47) || custom.Contains(id))
            {
                styles.Add(index);
            }

            index++;
        }

        return styles;
    }

    /// <summary>A small sheet built as a DOM (the guide of a template): rows as given, some bold, fixed widths.</summary>
    private static void AddSheet(WorkbookPart workbookPart, Sheets sheets, uint number, string name, IReadOnlyList<IReadOnlyList<object?>> rows, IReadOnlyCollection<int> bold,
        IReadOnlyList<double> widths)
    {
        var sheetPart = workbookPart.AddNewPart<WorksheetPart>();
        var worksheet = new Worksheet();
        worksheet.Append(new Columns(widths.Select((w, i) => new Column { Min = (uint)(i + 1), Max = (uint)(i + 1), Width = w, CustomWidth = true })));
        var data = new SheetData();
        for (var r = 0; r < rows.Count; r++)
        {
            var row = new Row { RowIndex = (uint)(r + 1) };
            for (var c = 0; c < rows[r].Count; c++)
            {
                var cell = CellOf(rows[r][c]);
                cell.CellReference = Letter(c) + (r + 1).ToString(CultureInfo.InvariantCulture);
                if (bold.Contains(r))
                {
                    cell.StyleIndex = XlsxExport.BoldStyle;
                }

                row.Append(cell);
            }

            data.Append(row);
        }

        worksheet.Append(data);
        sheetPart.Worksheet = worksheet;
        sheets.Append(new Sheet { Id = workbookPart.GetIdOfPart(sheetPart), SheetId = number, Name = name.Length > 31 ? name[..31] : name });
    }

    private static Cell CellOf(object? value) => value switch
    {
        null => new Cell(),
        int or long or double => new Cell { DataType = CellValues.Number, CellValue = new CellValue(System.Convert.ToDouble(value, CultureInfo.InvariantCulture)) },
        bool b => Text(b ? "Có" : "Không"),
        DateOnly d => Text(VietnameseText.FormatDate(d)),
        _ => Text(System.Convert.ToString(value, CultureInfo.InvariantCulture) ?? ""),
    };

    private static Cell Text(string text) => new() { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(text)) };
}
