using System.Globalization;
using System.Text;

namespace DanVan.Tests.Support;

/// <summary>
/// Writes small valid PDFs by hand. Text uses a Type0 font with Identity-H encoding: each character is written as
/// its UTF-16 code unit, and a ToUnicode CMap maps codes back to Unicode, which is what pdftotext reads. So the
/// Vietnamese letters survive exactly, with nothing but .NET (the font itself is named, not embedded: text
/// extraction never draws glyphs).
/// </summary>
public static class TestPdf
{
    public sealed record Line(double X, double Y, string Text, double Size = 11);

    /// <summary>An A4 page with the lines placed where given (PDF points, origin bottom left).</summary>
    public static byte[] WithText(params Line[] lines)
    {
        var content = new StringBuilder();
        foreach (var line in lines)
        {
            content.Append(CultureInfo.InvariantCulture, $"BT /F1 {line.Size} Tf {line.X} {line.Y} Td <");
            foreach (var ch in line.Text)
            {
                content.Append(((int)ch).ToString("X4", CultureInfo.InvariantCulture));
            }

            content.Append("> Tj ET\n");
        }

        var highBytes = lines.SelectMany(l => l.Text).Select(c => c >> 8).Distinct().Order().ToList();
        var cmap = new StringBuilder("""
            /CIDInit /ProcSet findresource begin
            12 dict begin
            begincmap
            /CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def
            /CMapName /Adobe-Identity-UCS def
            /CMapType 2 def
            1 begincodespacerange
            <0000> <FFFF>
            endcodespacerange

            """);
        cmap.Append(CultureInfo.InvariantCulture, $"{highBytes.Count} beginbfrange\n");
        foreach (var h in highBytes)
        {
            cmap.Append(CultureInfo.InvariantCulture, $"<{h:X2}00> <{h:X2}FF> <{h:X2}00>\n");
        }

        cmap.Append("endbfrange\nendcmap\nCMapName currentdict /CMap defineresource pop\nend\nend");
        return Write(
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
            "<< /Type /Font /Subtype /Type0 /BaseFont /DejaVuSans /Encoding /Identity-H /DescendantFonts [6 0 R] /ToUnicode 7 0 R >>",
            Stream(content.ToString()),
            "<< /Type /Font /Subtype /CIDFontType2 /BaseFont /DejaVuSans /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> "
                + "/FontDescriptor 8 0 R /DW 520 /CIDToGIDMap /Identity >>",
            Stream(cmap.ToString()),
            "<< /Type /FontDescriptor /FontName /DejaVuSans /Flags 32 /FontBBox [-1021 -463 1793 1232] /ItalicAngle 0 /Ascent 928 /Descent -236 /CapHeight 729 /StemV 80 >>");
    }

    /// <summary>A page with a filled rectangle and no text: what a scanner's PDF looks like to pdftotext.</summary>
    public static byte[] WithoutText() => Write(
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
        Stream("0 0 1 rg 100 100 200 300 re f"));

    private static string Stream(string data) => $"<< /Length {Encoding.ASCII.GetByteCount(data)} >>\nstream\n{data}\nendstream";

    /// <summary>Objects 1..n, a cross-reference table with their byte offsets, and the trailer.</summary>
    private static byte[] Write(params string[] objects)
    {
        var pdf = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(Encoding.ASCII.GetByteCount(pdf.ToString()));
            pdf.Append(CultureInfo.InvariantCulture, $"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }

        var xref = Encoding.ASCII.GetByteCount(pdf.ToString());
        pdf.Append(CultureInfo.InvariantCulture, $"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            pdf.Append(CultureInfo.InvariantCulture, $"{offset:D10} 00000 n \n");
        }

        pdf.Append(CultureInfo.InvariantCulture, $"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.ASCII.GetBytes(pdf.ToString());
    }
}
