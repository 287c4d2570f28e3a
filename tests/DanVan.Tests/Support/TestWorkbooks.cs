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

    /// <summary>Every sheet's rows as text (inline or shared strings, numbers as stored), by sheet name.</summary>
    public static Dictionary<string, List<List<string>>> Sheets(byte[] xlsx)
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(xlsx), false);
        var workbookPart = document.WorkbookPart!;
        var shared = workbookPart.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(i => i.InnerText).ToList() ?? [];
        return workbookPart.Workbook.Sheets!.Elements<Sheet>().ToDictionary(s => s.Name!.Value!, s =>
            ((WorksheetPart)workbookPart.GetPartById(s.Id!.Value!)).Worksheet.Descendants<Row>()
            .Select(r => r.Elements<Cell>().Select(c => c.DataType?.Value == CellValues.SharedString ? shared[int.Parse(c.InnerText, CultureInfo.InvariantCulture)] : c.InnerText).ToList())
            .ToList());
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
