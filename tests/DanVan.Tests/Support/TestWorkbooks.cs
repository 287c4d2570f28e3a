using System.Globalization;
using DanVan.Infrastructure;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace DanVan.Tests.Support;

/// <summary>Workbooks for import tests: read back what DanVan wrote, and fill one as an official would in Excel.</summary>
public static class TestWorkbooks
{
    /// <summary>A formula cell with its cached result, as Excel saves one (import refuses it).</summary>
    public sealed record Formula(string Text, double Cached);

    /// <summary>
    /// Every sheet's table as an official reads it, by sheet name: from its header row on (the row above the frozen pane,
    /// so the title rows of our exports are skipped; row 1 when nothing is frozen), without our leading «STT» column;
    /// text (inline or shared), numbers as stored, dates (numbers under a date format) as dd/MM/yyyy or dd/MM/yyyy HH:mm.
    /// </summary>
    public static Dictionary<string, List<List<string>>> Sheets(byte[] xlsx) =>
        Read(xlsx).ToDictionary(s => s.Name, s => s.Rows);

    /// <summary>What the first sheet of one of our exports holds: its title (A1), header row number, STT values and table (as <see cref="Sheets"/>).</summary>
    public sealed record Export(string Title, int HeaderRow, IReadOnlyList<string> Numbers, List<List<string>> Rows)
    {
        public List<string> Header => Rows[0];

        public List<List<string>> Data => Rows.Skip(1).ToList();
    }

    /// <summary>The first sheet of one of our exports, as <see cref="Export"/>.</summary>
    public static Export First(byte[] xlsx)
    {
        var sheet = Read(xlsx)[0];
        return new Export(sheet.Title, sheet.HeaderRow, sheet.Numbers, sheet.Rows);
    }

    private static List<(string Name, string Title, int HeaderRow, List<string> Numbers, List<List<string>> Rows)> Read(byte[] xlsx)
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(xlsx), false);
        var workbookPart = document.WorkbookPart!;
        var shared = workbookPart.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(i => i.InnerText).ToList() ?? [];
        var formats = workbookPart.WorkbookStylesPart?.Stylesheet.CellFormats?.Elements<CellFormat>().Select(f => f.NumberFormatId?.Value ?? 0).ToList() ?? [];
        var custom = workbookPart.WorkbookStylesPart?.Stylesheet.NumberingFormats?.Elements<NumberingFormat>().ToDictionary(f => f.NumberFormatId!.Value, f => f.FormatCode!.Value!) ?? [];
        string Text(Cell c)
        {
            if (c.DataType?.Value == CellValues.SharedString)
            {
                return shared[int.Parse(c.InnerText, CultureInfo.InvariantCulture)];
            }

            var format = c.StyleIndex?.Value is { } style && style < formats.Count ? formats[(int)style] : 0u;
            var code = custom.GetValueOrDefault(format, "");
            var isDate = format is (>= 14 and <= 22) || (code.Contains('d', StringComparison.Ordinal) && code.Contains('y', StringComparison.Ordinal));
            return c.DataType is null && isDate && double.TryParse(c.InnerText, NumberStyles.Float, CultureInfo.InvariantCulture, out var serial)
                ? DateTime.FromOADate(serial).ToString(code.Contains('h', StringComparison.Ordinal) ? "dd/MM/yyyy HH:mm" : "dd/MM/yyyy", CultureInfo.InvariantCulture)
                : c.InnerText;
        }

        return workbookPart.Workbook.Sheets!.Elements<Sheet>().Select(s =>
        {
            var worksheet = ((WorksheetPart)workbookPart.GetPartById(s.Id!.Value!)).Worksheet;
            var headerRow = (int)(worksheet.Descendants<Pane>().FirstOrDefault()?.VerticalSplit?.Value ?? 1);
            var rows = worksheet.Descendants<Row>().Select((r, i) => (Number: (int?)r.RowIndex?.Value ?? i + 1, Cells: r.Elements<Cell>().Select(Text).ToList())).ToList();
            var title = rows.FirstOrDefault().Cells?.FirstOrDefault() ?? "";
            var table = rows.Where(r => r.Number >= headerRow).Select(r => r.Cells).ToList();
            var numbered = table.Count > 0 && table[0].Count > 0 && table[0][0] == XlsxExport.Numbering;
            var numbers = numbered ? table.Skip(1).Select(r => r.FirstOrDefault() ?? "").ToList() : [];
            return (s.Name!.Value!, title, headerRow, numbers, numbered ? table.Select(r => r.Skip(1).ToList()).ToList() : table);
        }).ToList();
    }

    /// <summary>A workbook as an official fills it in Excel: shared strings, one date as a real Excel date (a serial with a date format).</summary>
    public static byte[] Filled(object?[] header, params object?[][] rows)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbookPart = document.AddWorkbookPart();
            workbookPart.AddNewPart<WorkbookStylesPart>().Stylesheet = new Stylesheet(
                new Fonts(new Font()), new Fills(new Fill(new PatternFill { PatternType = PatternValues.None })), new Borders(new Border()),
                new CellFormats(new CellFormat(), new CellFormat { NumberFormatId = 14, ApplyNumberFormat = true }));
            var shared = new SharedStringTable();
            var data = new SheetData();
            foreach (var (values, r) in rows.Prepend(header).Select((v, i) => (v, i + 1)))
            {
                var row = new Row { RowIndex = (uint)r };
                foreach (var (value, c) in values.Select((v, i) => (v, i)))
                {
                    var reference = XlsxTable.Letter(c) + r.ToString(CultureInfo.InvariantCulture);
                    switch (value)
                    {
                        case null:
                            break;
                        case DateOnly d:
                            row.Append(new Cell { CellReference = reference, StyleIndex = 1, CellValue = new CellValue(d.ToDateTime(TimeOnly.MinValue).ToOADate()) });
                            break;
                        case int n:
                            row.Append(new Cell { CellReference = reference, CellValue = new CellValue(n) });
                            break;
                        case double x:
                            row.Append(new Cell { CellReference = reference, CellValue = new CellValue(x) });
                            break;
                        case Formula f:
                            row.Append(new Cell { CellReference = reference, CellFormula = new CellFormula(f.Text), CellValue = new CellValue(f.Cached) });
                            break;
                        default:
                            shared.Append(new SharedStringItem(new Text((string)value)));
                            row.Append(new Cell { CellReference = reference, DataType = CellValues.SharedString, CellValue = new CellValue(shared.ChildElements.Count - 1) });
                            break;
                    }
                }

                data.Append(row);
            }

            workbookPart.AddNewPart<SharedStringTablePart>().SharedStringTable = shared;
            var sheetPart = workbookPart.AddNewPart<WorksheetPart>();
            sheetPart.Worksheet = new Worksheet(data);
            workbookPart.Workbook = new Workbook(new Sheets(new Sheet { Id = workbookPart.GetIdOfPart(sheetPart), SheetId = 1, Name = "Trang tính 1" }));
            workbookPart.Workbook.Save();
        }

        return stream.ToArray();
    }
}
