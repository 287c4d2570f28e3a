using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace DanVan.Infrastructure;

/// <summary>
/// Writes a one-sheet Excel workbook row by row (OpenXmlWriter, so a national list does not sit in memory as a DOM).
/// Text cells are inline strings; numbers are numbers; dates are written as dd/MM/yyyy text, as officials type them.
/// </summary>
public static class XlsxExport
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>The one stylesheet of our workbooks: format 0 plain, format 1 bold (headers).</summary>
    public static Stylesheet Styles() => new(
        new Fonts(new Font(), new Font(new Bold())),
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })),
        new Borders(new Border()),
        new CellFormats(new CellFormat(), new CellFormat { FontId = 1, ApplyFont = true }));

    public static void Write(Stream output, string sheetName, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<object?>> rows)
    {
        using var document = SpreadsheetDocument.Create(output, SpreadsheetDocumentType.Workbook);
        var workbookPart = document.AddWorkbookPart();
        var stylesPart = workbookPart.AddNewPart<WorkbookStylesPart>();
        stylesPart.Stylesheet = Styles();
        var sheetPart = workbookPart.AddNewPart<WorksheetPart>();

        using (var writer = OpenXmlWriter.Create(sheetPart))
        {
            writer.WriteStartElement(new Worksheet());
            writer.WriteStartElement(new SheetViews());
            writer.WriteStartElement(new SheetView { WorkbookViewId = 0 });
            writer.WriteElement(new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen });
            writer.WriteEndElement();
            writer.WriteEndElement();
            writer.WriteStartElement(new SheetData());
            WriteRow(writer, headers.Cast<object?>().ToList(), bold: true);
            foreach (var row in rows)
            {
                WriteRow(writer, row, bold: false);
            }

            writer.WriteEndElement();
            writer.WriteEndElement();
        }

        var sheets = new Sheets(new Sheet { Id = workbookPart.GetIdOfPart(sheetPart), SheetId = 1, Name = sheetName.Length > 31 ? sheetName[..31] : sheetName });
        workbookPart.Workbook = new Workbook(sheets);
        workbookPart.Workbook.Save();
    }

    private static void WriteRow(OpenXmlWriter writer, IReadOnlyList<object?> values, bool bold)
    {
        writer.WriteStartElement(new Row());
        foreach (var value in values)
        {
            Cell cell = value switch
            {
                null => new Cell(),
                int or long or double or decimal => new Cell { DataType = CellValues.Number, CellValue = new CellValue(Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture)) },
                DateOnly d => Text(d.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture)),
                _ => Text(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? ""),
            };
            if (bold)
            {
                cell.StyleIndex = 1;
            }

            writer.WriteElement(cell);
        }

        writer.WriteEndElement();
    }

    private static Cell Text(string text) => new() { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(text)) };
}
