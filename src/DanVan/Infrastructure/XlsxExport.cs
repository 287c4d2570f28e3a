using System.Globalization;
using DanVan.Domain.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace DanVan.Infrastructure;

/// <summary>
/// Writes our Excel lists row by row (OpenXmlWriter, so a national list does not sit in memory as a DOM; ADR-030):
/// a title row (and an optional line under it, e.g. "Xuất ngày dd/MM/yyyy"), a blank row, the header row (bold, filled,
/// bordered), an STT column 1, 2, 3 … unless the caller opts out or already numbers its rows, then the rows. Text cells
/// are inline strings, numbers are numbers, dates are real dates (serials formatted dd/mm/yyyy, or dd/mm/yyyy hh:mm for
/// a DateTime) so Excel sorts and filters them. Column widths come from the header and the first
/// <see cref="LookAhead"/> rows; the pane is frozen under the header and an auto-filter covers header and data.
/// </summary>
public static class XlsxExport
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>The header of the numbering column.</summary>
    public const string Numbering = "STT";

    /// <summary>How many rows are held back to size the columns before anything is written (columns precede the data).</summary>
    public const int LookAhead = 200;

    // Cell formats of Styles(), by index.
    internal const uint BoldStyle = 1;
    private const uint TitleStyle = 2;
    private const uint NoteStyle = 3;
    private const uint HeaderStyle = 4;
    private const uint BodyStyle = 5;
    private const uint DateStyle = 6;
    private const uint DateTimeStyle = 7;
    private const uint NumberStyle = 8;

    /// <summary>The one stylesheet of our workbooks: 0 plain, 1 bold, 2 title, 3 note under it, 4 header, 5 text, 6 date, 7 date and time, 8 number.</summary>
    public static Stylesheet Styles()
    {
        static Border Thin() => new(
            new LeftBorder { Style = BorderStyleValues.Thin }, new RightBorder { Style = BorderStyleValues.Thin },
            new TopBorder { Style = BorderStyleValues.Thin }, new BottomBorder { Style = BorderStyleValues.Thin }, new DiagonalBorder());
        var centred = new Alignment { Horizontal = HorizontalAlignmentValues.Center, Vertical = VerticalAlignmentValues.Center };
        return new Stylesheet(
            new NumberingFormats(new NumberingFormat { NumberFormatId = 164, FormatCode = "dd/mm/yyyy" }, new NumberingFormat { NumberFormatId = 165, FormatCode = "dd/mm/yyyy hh:mm" }) { Count = 2 },
            new Fonts(new Font(), new Font(new Bold()), new Font(new Bold(), new FontSize { Val = 14 }), new Font(new Italic())),
            new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
                new Fill(new PatternFill(new ForegroundColor { Rgb = "FFDDEBF7" }, new BackgroundColor { Indexed = 64 }) { PatternType = PatternValues.Solid })),
            new Borders(new Border(), Thin()),
            new CellFormats(
                new CellFormat(),
                new CellFormat { FontId = 1, ApplyFont = true },
                new CellFormat((Alignment)centred.CloneNode(true)) { FontId = 2, ApplyFont = true, ApplyAlignment = true },
                new CellFormat((Alignment)centred.CloneNode(true)) { FontId = 3, ApplyFont = true, ApplyAlignment = true },
                new CellFormat(new Alignment { Horizontal = HorizontalAlignmentValues.Center, Vertical = VerticalAlignmentValues.Center, WrapText = true })
                    { FontId = 1, FillId = 2, BorderId = 1, ApplyFont = true, ApplyFill = true, ApplyBorder = true, ApplyAlignment = true },
                new CellFormat(new Alignment { Vertical = VerticalAlignmentValues.Top, WrapText = true }) { BorderId = 1, ApplyBorder = true, ApplyAlignment = true },
                new CellFormat(new Alignment { Vertical = VerticalAlignmentValues.Top }) { NumberFormatId = 164, BorderId = 1, ApplyNumberFormat = true, ApplyBorder = true, ApplyAlignment = true },
                new CellFormat(new Alignment { Vertical = VerticalAlignmentValues.Top }) { NumberFormatId = 165, BorderId = 1, ApplyNumberFormat = true, ApplyBorder = true, ApplyAlignment = true },
                new CellFormat(new Alignment { Vertical = VerticalAlignmentValues.Top }) { BorderId = 1, ApplyBorder = true, ApplyAlignment = true }));
    }

    /// <summary>The line under a title: "Xuất ngày dd/MM/yyyy", and what the list holds when given (a year, a unit, a filter).</summary>
    public static string ExportedOn(DateOnly day, string? scope = null) =>
        string.IsNullOrWhiteSpace(scope) ? $"Xuất ngày {VietnameseText.FormatDate(day)}" : $"{scope} · Xuất ngày {VietnameseText.FormatDate(day)}";

    /// <summary>
    /// A one-sheet workbook. <paramref name="title"/> defaults to the sheet's name in capitals; <paramref name="note"/> is a
    /// line under it. <paramref name="numbered"/> adds the STT column, unless the first header already is «STT».
    /// </summary>
    public static void Write(Stream output, string sheetName, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<object?>> rows,
        string? title = null, string? note = null, bool numbered = true)
    {
        using var document = SpreadsheetDocument.Create(output, SpreadsheetDocumentType.Workbook);
        var workbookPart = document.AddWorkbookPart();
        workbookPart.AddNewPart<WorkbookStylesPart>().Stylesheet = Styles();
        var sheets = new Sheets();
        var names = new DefinedNames();
        WriteSheet(workbookPart, sheets, names, sheetName, headers, rows, title, note, numbered);
        workbookPart.Workbook = new Workbook(sheets, names);
        workbookPart.Workbook.Save();
    }

    /// <summary>The first row of data under the layout of <see cref="Write"/>: title, note when given, a blank row, the header.</summary>
    public static int HeaderRow(bool withNote) => withNote ? 4 : 3;

    /// <summary>Streams one sheet of our layout into <paramref name="workbookPart"/>; its filter's defined name goes into <paramref name="names"/>.</summary>
    internal static void WriteSheet(WorkbookPart workbookPart, Sheets sheets, DefinedNames names, string sheetName, IReadOnlyList<string> headers,
        IEnumerable<IReadOnlyList<object?>> rows, string? title, string? note, bool numbered)
    {
        var name = SheetName(sheetName);
        numbered = numbered && !(headers.Count > 0 && string.Equals(headers[0], Numbering, StringComparison.OrdinalIgnoreCase));
        var shown = numbered ? headers.Prepend(Numbering).ToList() : headers.ToList();
        var columns = Math.Max(shown.Count, 1);
        var last = XlsxTable.Letter(columns - 1);
        var headerRow = HeaderRow(note is not null);
        var sheetPart = workbookPart.AddNewPart<WorksheetPart>();

        using var source = rows.GetEnumerator();
        var ahead = new List<IReadOnlyList<object?>>();
        while (ahead.Count < LookAhead && source.MoveNext())
        {
            ahead.Add(source.Current);
        }

        var rowNumber = 0;
        using (var writer = OpenXmlWriter.Create(sheetPart))
        {
            writer.WriteStartElement(new Worksheet());
            writer.WriteStartElement(new SheetViews());
            writer.WriteStartElement(new SheetView { WorkbookViewId = 0 });
            writer.WriteElement(new Pane
            {
                VerticalSplit = headerRow, TopLeftCell = "A" + Number(headerRow + 1), ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen,
            });
            writer.WriteEndElement();
            writer.WriteEndElement();
            writer.WriteStartElement(new Columns());
            foreach (var (width, i) in Widths(shown, ahead, numbered).Select((w, i) => (w, i)))
            {
                writer.WriteElement(new Column { Min = (uint)(i + 1), Max = (uint)(i + 1), Width = width, CustomWidth = true });
            }

            writer.WriteEndElement();
            writer.WriteStartElement(new SheetData());
            WriteRow(writer, ++rowNumber, [title ?? name.ToUpper(VietnameseText.Culture)], TitleStyle);
            if (note is not null)
            {
                WriteRow(writer, ++rowNumber, [note], NoteStyle);
            }

            rowNumber++; // a blank row between the title and the header
            WriteRow(writer, ++rowNumber, shown.Cast<object?>().ToList(), HeaderStyle);
            var n = 0;
            foreach (var row in ahead)
            {
                WriteRow(writer, ++rowNumber, numbered ? [++n, .. row] : row, null);
            }

            ahead.Clear();
            while (source.MoveNext())
            {
                WriteRow(writer, ++rowNumber, numbered ? [++n, .. source.Current] : source.Current, null);
            }

            writer.WriteEndElement(); // sheetData
            var filter = $"A{Number(headerRow)}:{last}{Number(Math.Max(rowNumber, headerRow))}";
            writer.WriteElement(new AutoFilter { Reference = filter });
            if (columns > 1)
            {
                var merges = new MergeCells(new MergeCell { Reference = $"A1:{last}1" });
                if (note is not null)
                {
                    merges.Append(new MergeCell { Reference = $"A2:{last}2" });
                }

                writer.WriteElement(merges);
            }

            writer.WriteEndElement(); // worksheet
        }

        var index = (uint)sheets.ChildElements.Count;
        sheets.Append(new Sheet { Id = workbookPart.GetIdOfPart(sheetPart), SheetId = index + 1, Name = name });
        names.Append(new DefinedName($"'{name.Replace("'", "''", StringComparison.Ordinal)}'!$A${Number(headerRow)}:${last}${Number(Math.Max(rowNumber, headerRow))}")
        {
            Name = "_xlnm._FilterDatabase", LocalSheetId = index, Hidden = true,
        });
    }

    /// <summary>A name Excel accepts for a sheet: at most 31 characters, none of : \ / ? * [ ].</summary>
    public static string SheetName(string name)
    {
        var clean = new string(name.Select(c => c is ':' or '\\' or '/' or '?' or '*' or '[' or ']' ? ' ' : c).ToArray()).Trim();
        clean = clean.Length > 31 ? clean[..31].TrimEnd() : clean;
        return clean.Length == 0 ? "Trang tính 1" : clean;
    }

    /// <summary>Each column's width in characters: the longest of the header (wrapped beyond 24) and the values sampled, within 6..60.</summary>
    private static List<double> Widths(IReadOnlyList<string> headers, IReadOnlyList<IReadOnlyList<object?>> sample, bool numbered)
    {
        var offset = numbered ? 1 : 0;
        var widths = new List<double>();
        for (var c = 0; c < headers.Count; c++)
        {
            var longest = Math.Min(headers[c].Length, 24);
            foreach (var row in sample)
            {
                var at = c - offset;
                if (at >= 0 && at < row.Count)
                {
                    longest = Math.Max(longest, Shown(row[at]).Split('\n').Max(l => l.Length));
                }
            }

            widths.Add(numbered && c == 0 ? 6 : Math.Clamp(longest + 2, 6, 60));
        }

        return widths;
    }

    /// <summary>How a value reads in its cell, for sizing.</summary>
    private static string Shown(object? value) => value switch
    {
        null => "",
        DateOnly => "00/00/0000",
        DateTime => "00/00/0000 00:00",
        double d => d.ToString("0.##", CultureInfo.InvariantCulture),
        decimal d => d.ToString("0.##", CultureInfo.InvariantCulture),
        _ => Text(value),
    };

    private static string Text(object value) => value switch
    {
        bool b => b ? "Có" : "Không",
        TimeOnly t => t.ToString("HH:mm", CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };

    private static void WriteRow(OpenXmlWriter writer, int number, IReadOnlyList<object?> values, uint? style)
    {
        writer.WriteStartElement(new Row { RowIndex = (uint)number });
        var reference = Number(number);
        for (var c = 0; c < values.Count; c++)
        {
            var value = values[c];
            Cell cell = value switch
            {
                null => new Cell { StyleIndex = BodyStyle },
                int or long or double or decimal or float or short => new Cell
                {
                    DataType = CellValues.Number, StyleIndex = NumberStyle, CellValue = new CellValue(Convert.ToDouble(value, CultureInfo.InvariantCulture)),
                },
                DateOnly d => new Cell { StyleIndex = DateStyle, CellValue = new CellValue(d.ToDateTime(TimeOnly.MinValue).ToOADate()) },
                DateTime t => new Cell { StyleIndex = DateTimeStyle, CellValue = new CellValue(t.ToOADate()) },
                _ => new Cell { DataType = CellValues.InlineString, StyleIndex = BodyStyle, InlineString = new InlineString(new Text(Text(value))) },
            };
            if (style is { } s)
            {
                cell.StyleIndex = s;
            }

            cell.CellReference = XlsxTable.Letter(c) + reference;
            writer.WriteElement(cell);
        }

        writer.WriteEndElement();
    }

    private static string Number(int n) => n.ToString(CultureInfo.InvariantCulture);
}
