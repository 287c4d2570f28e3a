using DanVan.Infrastructure;
using DanVan.Tests.Support;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace DanVan.Tests.Infrastructure;

/// <summary>The Excel round trip's reader and writer on workbooks built here with the OpenXML SDK, as Excel would save them.</summary>
public sealed class XlsxTableTests
{
    private static readonly XlsxColumn[] Columns =
    [
        new("Mã", XlsxKind.Text, Required: true),
        new("Ngày công khai", XlsxKind.Date, Required: true),
        new("Số ngày", XlsxKind.Int),
        new("Đã duyệt", XlsxKind.Bool),
    ];

    /// <summary>A formula cell with its cached result, as Excel saves one.</summary>
    private sealed record Formula(string Text, double Cached);

    /// <summary>A number shown with a date format (numFmtId 14), as Excel saves a date typed into a cell.</summary>
    private sealed record Serial(double Value);

    /// <summary>A text kept in the shared string table, as Excel saves typed text.</summary>
    private sealed record Shared(string Text);

    /// <summary>A workbook whose first sheet holds <paramref name="rows"/>; strings inline, <see cref="Shared"/> in the shared table.</summary>
    private static byte[] Book(params object?[][] rows)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbookPart = document.AddWorkbookPart();
            var styles = workbookPart.AddNewPart<WorkbookStylesPart>();
            styles.Stylesheet = new Stylesheet(
                new Fonts(new Font()), new Fills(new Fill(new PatternFill { PatternType = PatternValues.None })), new Borders(new Border()),
                new CellFormats(new CellFormat(), new CellFormat { NumberFormatId = 14, ApplyNumberFormat = true }));
            var sharedPart = workbookPart.AddNewPart<SharedStringTablePart>();
            var shared = new SharedStringTable();
            var sheetPart = workbookPart.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            for (var r = 0; r < rows.Length; r++)
            {
                var row = new Row { RowIndex = (uint)(r + 1) };
                for (var c = 0; c < rows[r].Length; c++)
                {
                    var reference = XlsxTable.Letter(c) + (r + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
                    Cell? cell = rows[r][c] switch
                    {
                        null => null,
                        string s => new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(s)) },
                        Shared s => SharedCell(shared, s.Text),
                        double d => new Cell { CellValue = new CellValue(d) },
                        int i => new Cell { CellValue = new CellValue(i) },
                        bool b => new Cell { DataType = CellValues.Boolean, CellValue = new CellValue(b ? "1" : "0") },
                        Serial s => new Cell { CellValue = new CellValue(s.Value), StyleIndex = 1 },
                        Formula f => new Cell { CellFormula = new CellFormula(f.Text), CellValue = new CellValue(f.Cached) },
                        var other => throw new ArgumentException(other.ToString()),
                    };
                    if (cell is not null)
                    {
                        cell.CellReference = reference;
                        row.Append(cell);
                    }
                }

                data.Append(row);
            }

            sharedPart.SharedStringTable = shared;
            sheetPart.Worksheet = new Worksheet(data);
            workbookPart.Workbook = new Workbook(new Sheets(new Sheet { Id = workbookPart.GetIdOfPart(sheetPart), SheetId = 1, Name = "Sheet1" }));
            workbookPart.Workbook.Save();
        }

        return stream.ToArray();
    }

    private static Cell SharedCell(SharedStringTable shared, string text)
    {
        shared.Append(new SharedStringItem(new Text(text)));
        return new Cell { DataType = CellValues.SharedString, CellValue = new CellValue(shared.Elements<SharedStringItem>().Count() - 1) };
    }

    private static readonly object?[] Header = ["Mã", "Ngày công khai", "Số ngày", "Đã duyệt"];

    private static XlsxReadResult Read(byte[] book, int maxRows = 100) =>
        XlsxTable.Read(book, Columns, maxRows, r => $"mã «{r.Text(0)}»");

    [Fact]
    public void Template_RoundTrips_WithItsGuideSheet()
    {
        using var stream = new MemoryStream();
        XlsxTable.WriteTemplate(stream, "Mẫu", Columns,
            [["XA-01", new DateOnly(2026, 3, 15), 3, true], ["XA-02", new DateOnly(2026, 12, 31), null, false]],
            [new XlsxGuide("Mã nội dung", ["Mã", "Nội dung"], [["XA-01", "Dự toán ngân sách"]])]);
        var bytes = stream.ToArray();

        var read = Read(bytes);
        Assert.True(read.IsOk, string.Join(" ", read.Errors));
        Assert.Equal(2, read.Rows.Count);
        Assert.Equal(5, read.Rows[0].Number); // under the title, the note, a blank row and the header
        Assert.Equal("XA-01", read.Rows[0].Text(0));
        Assert.Equal(new DateOnly(2026, 3, 15), read.Rows[0].Date(1));
        Assert.Equal(3, read.Rows[0].Int(2));
        Assert.True(read.Rows[0].Bool(3));
        Assert.Null(read.Rows[1].Int(2));
        Assert.False(read.Rows[1].Bool(3));

        using var document = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        var names = document.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value).ToList();
        Assert.Equal(["Mẫu", XlsxTable.GuideSheet], names);
        var sheet = TestWorkbooks.First(bytes);
        Assert.Equal("MẪU NHẬP MẪU", sheet.Title);
        Assert.Equal(4, sheet.HeaderRow);
        Assert.Equal(["1", "2"], sheet.Numbers);
        Assert.Equal("15/03/2026", sheet.Data[0][1]); // a real date, shown dd/mm/yyyy
        Assert.Equal(UploadKind.Xlsx, new UploadValidator().Check(bytes).Kind);
    }

    [Fact]
    public void SharedStrings_Booleans_Numbers_AndADateSerial_AreRead_EmptyRowsSkipped()
    {
        var book = Book(
            [new Shared("Mã"), new Shared("Ngày công khai"), "Số ngày", "Đã duyệt"],
            [new Shared("XA-03"), new Serial(46096), 5d, true],
            [null, null, null, null],
            [],
            ["XA-04", 46097d, "7", "Có"],
            ["  ", "", null, null]);

        var read = Read(book);
        Assert.True(read.IsOk, string.Join(" ", read.Errors));
        Assert.Equal([2, 5], read.Rows.Select(r => r.Number));
        Assert.Equal(new DateOnly(2026, 3, 15), read.Rows[0].Date(1)); // 46096 = 15/03/2026
        Assert.Equal(new DateOnly(2026, 3, 16), read.Rows[1].Date(1));
        Assert.Equal(5, read.Rows[0].Int(2));
        Assert.Equal(7, read.Rows[1].Int(2));
        Assert.True(read.Rows[1].Bool(3));
    }

    [Fact]
    public void ARenamedOrMissingColumn_IsNamed_AndNoRowIsRead()
    {
        var renamed = Read(Book(["Mã", "Ngày", "Số ngày"], ["XA-01", "15/03/2026", 1]));
        Assert.False(renamed.IsOk);
        Assert.Empty(renamed.Rows);
        Assert.Contains("Cột B phải là «Ngày công khai», không phải «Ngày».", renamed.Errors);
        Assert.Contains("Thiếu cột «Đã duyệt» (cột D của dòng tiêu đề).", renamed.Errors);

        var noHeader = Read(Book([]));
        Assert.StartsWith("Không tìm thấy dòng tiêu đề với các cột: «Mã»", Assert.Single(noHeader.Errors), StringComparison.Ordinal);

        var numbered = Read(Book(["DANH SÁCH"], [], ["STT", "Mã", "Ngày", "Số ngày", "Đã duyệt"], ["1", "XA-01", "15/03/2026", 1, "Có"]));
        Assert.Contains("Cột C phải là «Ngày công khai», không phải «Ngày».", numbered.Errors); // letters count the STT column
    }

    [Fact]
    public void TheHeaderRow_IsFoundUnderTitleRows_ALeadingSttColumnIsIgnored_AndRowNumbersAreExcels()
    {
        var read = Read(Book(
            ["SỔ THEO DÕI CÔNG KHAI"],
            ["Xuất ngày 01/04/2026"],
            [],
            ["STT", "Mã", "Ngày công khai", "Số ngày", "Đã duyệt"],
            [1, "XA-01", new Serial(46096), 3, "Có"],
            [2, null, null, null, null], // numbered but empty: not data
            [3, "XA-02", "16/03/2026", null, "Không"]));

        Assert.True(read.IsOk, string.Join(" ", read.Errors));
        Assert.Equal([5, 7], read.Rows.Select(r => r.Number));
        Assert.Equal("XA-01", read.Rows[0].Text(0));
        Assert.Equal(new DateOnly(2026, 3, 15), read.Rows[0].Date(1));
        Assert.Equal(3, read.Rows[0].Int(2));
        Assert.Equal(new DateOnly(2026, 3, 16), read.Rows[1].Date(1));
        Assert.False(read.Rows[1].Bool(3));
    }

    [Fact]
    public void AWrongType_AFormula_AMissingValue_AndADuplicate_AreEachNamedByRowAndColumn()
    {
        var read = Read(Book(
            Header,
            ["XA-01", "15/03/2026", 3, "Có"],
            ["XA-02", "abc", 2.5, "có lẽ"],
            ["XA-03", new Formula("TODAY()", 46096), new Formula("1+1", 2), null],
            [null, "16/03/2026", null, null],
            ["XA-01", "17/03/2026", null, null]));

        Assert.False(read.IsOk);
        Assert.Equal(
        [
            "Dòng 3, cột «Ngày công khai»: «abc» không phải ngày (dd/mm/yyyy).",
            "Dòng 3, cột «Số ngày»: «2.5» không phải số nguyên.",
            "Dòng 3, cột «Đã duyệt»: «có lẽ» không phải Có hoặc Không.",
            "Dòng 4, cột «Ngày công khai»: ô chứa công thức; hãy dán giá trị (Dán đặc biệt → Giá trị) thay cho công thức.",
            "Dòng 4, cột «Số ngày»: ô chứa công thức; hãy dán giá trị (Dán đặc biệt → Giá trị) thay cho công thức.",
            "Dòng 5, cột «Mã»: chưa nhập.",
            "Dòng 6 trùng với dòng 2 (cùng mã «XA-01»); hãy xoá một trong hai dòng.",
        ], read.Errors);
        Assert.Equal([2], read.Rows.Select(r => r.Number)); // the good row is still given, for a full report
    }

    [Fact]
    public void MoreRowsThanAllowed_AreRefused_AndAnUnreadableFileIsExplained()
    {
        var read = Read(Book(Header, ["A", "01/01/2026"], ["B", "02/01/2026"], ["C", "03/01/2026"]), maxRows: 2);
        Assert.Contains(read.Errors, e => e.StartsWith("Tệp có quá 2 dòng dữ liệu", StringComparison.Ordinal));

        var broken = XlsxTable.Read("not a workbook"u8.ToArray(), Columns, 10);
        Assert.StartsWith("Không đọc được tệp", Assert.Single(broken.Errors), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, "A")]
    [InlineData(2, "C")]
    [InlineData(25, "Z")]
    [InlineData(26, "AA")]
    [InlineData(701, "ZZ")]
    public void Letter_NamesColumnsAsExcelDoes(int index, string letter) => Assert.Equal(letter, XlsxTable.Letter(index));
}
