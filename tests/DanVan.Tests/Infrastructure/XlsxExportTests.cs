using System.Globalization;
using DanVan.Infrastructure;
using DanVan.Tests.Support;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;

namespace DanVan.Tests.Infrastructure;

/// <summary>The one writer of our Excel lists, reopened with the OpenXML SDK: title, header, STT, real dates, widths, frozen pane, filter.</summary>
public sealed class XlsxExportTests
{
    private static readonly DateOnly Due = new(2026, 3, 15);
    private static readonly DateTime Reported = new(2026, 3, 16, 14, 30, 0);

    /// <summary>More rows than the look-ahead, so that the rows written after the buffer are checked too.</summary>
    private const int Count = XlsxExport.LookAhead + 50;

    private static byte[] Tasks(bool numbered = true)
    {
        using var stream = new MemoryStream();
        XlsxExport.Write(stream, "Nhiệm vụ", ["Nhiệm vụ", "Hạn", "Báo cáo lúc", "Tiến độ (%)"],
            Enumerable.Range(1, Count).Select(i => (IReadOnlyList<object?>)[
                i == 1 ? "Tổ chức hội nghị sơ kết công tác dân vận chính quyền 6 tháng đầu năm" : $"Nhiệm vụ {i}",
                Due.AddDays(i - 1), i == 1 ? Reported : null, i % 101]),
            "DANH SÁCH NHIỆM VỤ", XlsxExport.ExportedOn(new DateOnly(2026, 4, 1)), numbered);
        return stream.ToArray();
    }

    private static Cell CellAt(Worksheet sheet, string reference) =>
        sheet.Descendants<Cell>().Single(c => c.CellReference?.Value == reference);

    private static string FormatOf(WorkbookPart workbook, Cell cell)
    {
        var stylesheet = workbook.WorkbookStylesPart!.Stylesheet;
        var id = stylesheet.CellFormats!.Elements<CellFormat>().ElementAt((int)cell.StyleIndex!.Value).NumberFormatId!.Value;
        return stylesheet.NumberingFormats!.Elements<NumberingFormat>().Single(f => f.NumberFormatId!.Value == id).FormatCode!.Value!;
    }

    [Fact]
    public void AList_HasItsTitle_Header_Numbers_RealDates_Widths_AFrozenHeader_AndAFilter_AndIsValid()
    {
        var bytes = Tasks();
        using var document = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        Assert.Empty(new OpenXmlValidator().Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}"));
        var workbook = document.WorkbookPart!;
        var sheet = workbook.WorksheetParts.Single().Worksheet;

        Assert.Equal("DANH SÁCH NHIỆM VỤ", CellAt(sheet, "A1").InnerText);
        Assert.Equal("Xuất ngày 01/04/2026", CellAt(sheet, "A2").InnerText);
        Assert.Contains(sheet.Descendants<MergeCell>(), m => m.Reference?.Value == "A1:E1");
        var titleFont = workbook.WorkbookStylesPart!.Stylesheet.Fonts!.Elements<Font>()
            .ElementAt((int)workbook.WorkbookStylesPart.Stylesheet.CellFormats!.Elements<CellFormat>().ElementAt((int)CellAt(sheet, "A1").StyleIndex!.Value).FontId!.Value);
        Assert.NotNull(titleFont.Bold);
        Assert.Equal(14, titleFont.FontSize!.Val!.Value);

        var header = sheet.Descendants<Row>().Single(r => r.RowIndex!.Value == 4).Elements<Cell>().Select(c => c.InnerText).ToList();
        Assert.Equal(["STT", "Nhiệm vụ", "Hạn", "Báo cáo lúc", "Tiến độ (%)"], header);
        var numbers = sheet.Descendants<Row>().Where(r => r.RowIndex!.Value > 4).Select(r => r.Elements<Cell>().First().InnerText).ToList();
        Assert.Equal(Enumerable.Range(1, Count).Select(i => i.ToString(CultureInfo.InvariantCulture)), numbers);

        var due = CellAt(sheet, "C5");
        Assert.True(due.DataType is null || due.DataType.Value == CellValues.Number);
        Assert.Equal(46096d, double.Parse(due.CellValue!.Text, CultureInfo.InvariantCulture)); // 15/03/2026
        Assert.Equal("dd/mm/yyyy", FormatOf(workbook, due));
        var last = CellAt(sheet, "C" + (4 + Count).ToString(CultureInfo.InvariantCulture)); // written after the look-ahead
        Assert.Equal(Due.AddDays(Count - 1).ToDateTime(TimeOnly.MinValue).ToOADate(), double.Parse(last.CellValue!.Text, CultureInfo.InvariantCulture));
        var reported = CellAt(sheet, "D5");
        Assert.Equal(Reported.ToOADate(), double.Parse(reported.CellValue!.Text, CultureInfo.InvariantCulture), 6);
        Assert.Equal("dd/mm/yyyy hh:mm", FormatOf(workbook, reported));
        Assert.Equal(CellValues.Number, CellAt(sheet, "E5").DataType!.Value);

        var widths = sheet.Descendants<Column>().Select(c => (Min: c.Min!.Value, Width: c.Width!.Value)).ToList();
        Assert.Equal([1u, 2u, 3u, 4u, 5u], widths.Select(w => w.Min));
        Assert.Equal(6, widths[0].Width);
        Assert.True(widths[1].Width > 60 - 1, "the long task of row 1 widens its column to the cap"); // 68 characters, capped at 60
        Assert.InRange(widths[2].Width, 10, 20);

        var pane = sheet.Descendants<Pane>().Single();
        Assert.Equal(4, pane.VerticalSplit!.Value);
        Assert.Equal("A5", pane.TopLeftCell!.Value);
        Assert.Equal(PaneStateValues.Frozen, pane.State!.Value);

        var range = "A4:E" + (4 + Count).ToString(CultureInfo.InvariantCulture);
        Assert.Equal(range, sheet.Descendants<AutoFilter>().Single().Reference!.Value);
        var name = workbook.Workbook.DefinedNames!.Elements<DefinedName>().Single();
        Assert.Equal("_xlnm._FilterDatabase", name.Name!.Value);
        Assert.Equal(0u, name.LocalSheetId!.Value);
        Assert.Equal("'Nhiệm vụ'!$A$4:$E$" + (4 + Count).ToString(CultureInfo.InvariantCulture), name.Text);
    }

    [Fact]
    public void TheExport_ReadsBack_AsATable_WithItsDates()
    {
        var read = XlsxTable.Read(Tasks(), [new("Nhiệm vụ", Required: true), new("Hạn", XlsxKind.Date), new("Báo cáo lúc", XlsxKind.Date), new("Tiến độ (%)", XlsxKind.Int)], Count);
        Assert.True(read.IsOk, string.Join(" ", read.Errors));
        Assert.Equal(Count, read.Rows.Count);
        Assert.Equal(5, read.Rows[0].Number);
        Assert.Equal(Due, read.Rows[0].Date(1));
        Assert.Equal(DateOnly.FromDateTime(Reported), read.Rows[0].Date(2));
        Assert.Equal(Due.AddDays(9), read.Rows[9].Date(1));
        Assert.Equal(10, read.Rows[9].Int(3));
    }

    [Fact]
    public void ACallerThatNumbersItsRows_OrOptsOut_GetsNoSecondSttColumn()
    {
        using var stream = new MemoryStream();
        XlsxExport.Write(stream, "Xếp loại", ["STT", "Đơn vị"], [[1, "Phường Tân Ninh"], [2, "Xã Bàu Năng"]]);
        var own = TestWorkbooks.First(stream.ToArray());
        Assert.Equal("XẾP LOẠI", own.Title); // by default, the sheet's name in capitals
        Assert.Equal(3, own.HeaderRow); // title, a blank row, the header
        Assert.Equal(["Đơn vị"], own.Header); // one STT column, the caller's
        Assert.Equal(["1", "2"], own.Numbers);

        var plain = TestWorkbooks.First(Tasks(numbered: false));
        Assert.Equal(["Nhiệm vụ", "Hạn", "Báo cáo lúc", "Tiến độ (%)"], plain.Header);
        Assert.Empty(plain.Numbers);
        Assert.Equal("15/03/2026", plain.Data[0][1]);
        Assert.Equal("16/03/2026 14:30", plain.Data[0][2]);
    }

    [Theory]
    [InlineData("Kế hoạch 80/KH-UBND [dự thảo]", "Kế hoạch 80 KH-UBND  dự thảo")]
    [InlineData("Tổng hợp ý kiến của các đơn vị về dự thảo", "Tổng hợp ý kiến của các đơn vị")]
    [InlineData("", "Trang tính 1")]
    public void SheetNames_AreOnesExcelAccepts(string asked, string written) => Assert.Equal(written, XlsxExport.SheetName(asked));
}
