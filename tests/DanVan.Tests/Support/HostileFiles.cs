using System.IO.Compression;
using System.Text;

namespace DanVan.Tests.Support;

/// <summary>
/// Damaged and hostile uploads, made on the spot and kept small: each is made once per test run and shared.
/// <see cref="All"/> names the ones every upload path must refuse, with the words its message must contain.
/// </summary>
public static class HostileFiles
{
    /// <summary>Inflated size of the zip bomb's document part.</summary>
    public const long BombBytes = 1536L * 1024 * 1024;

    private static readonly Lazy<byte[]> ZipBomb = new(() => DocxWith(zip => Write(zip, "word/document.xml", s => Zeros(s, BombBytes)), withoutDocument: true));
    private static readonly Lazy<byte[]> ManyEntries = new(() => DocxWith(zip =>
    {
        for (var i = 0; i < 60_000; i++)
        {
            zip.CreateEntry($"word/media/image{i}.png", CompressionLevel.NoCompression);
        }
    }));

    /// <summary>A DOCX whose word/document.xml is 1.5 GB of zeros: about 1.5 MB on disk.</summary>
    public static byte[] ZipBombDocx => ZipBomb.Value;

    /// <summary>A DOCX of 60,000 (empty) pictures beside its 3 real parts: about 7 MB.</summary>
    public static byte[] ManyEntriesDocx => ManyEntries.Value;

    /// <summary>"Billion laughs": ten entities of ten, nine levels deep, 3 GB of "lol" once expanded, in word/document.xml.</summary>
    public static byte[] EntityBombDocx { get; } = DocxWith(zip => Write(zip, "word/document.xml", s => s.Write(Encoding.UTF8.GetBytes(BillionLaughs()))), withoutDocument: true);

    /// <summary>A PDF header followed by 64 KB of random bytes (the same bytes on every run).</summary>
    public static byte[] RandomBytesAfterPdfHeader { get; } = RandomAfter("%PDF-1.7\n"u8.ToArray(), 64 * 1024);

    /// <summary>A real 1×1 PNG cut after its header and part of its data.</summary>
    public static byte[] TruncatedPng { get; } = TestFiles.Png()[..45];

    /// <summary>The file names of <see cref="Named"/>: what every upload path must refuse.</summary>
    public static readonly string[] AllNames = ["bom-nen.docx", "60000-phan.docx", "bom-xml.docx", "ngau-nhien.pdf", "cat-cut.png"];

    /// <summary>A hostile file by name, and what its refusal must say.</summary>
    public static (byte[] Content, string Expected) Named(string name) => name switch
    {
        "bom-nen.docx" => (ZipBombDocx, "quá lớn khi giải nén"),
        "60000-phan.docx" => (ManyEntriesDocx, "tệp gồm 60.003 phần nén, nhiều hơn mức cho phép (2.000 phần)"),
        "bom-xml.docx" => (EntityBombDocx, "có khai báo DTD"),
        "ngau-nhien.pdf" => (RandomBytesAfterPdfHeader, "Tệp PDF bị hỏng hoặc không an toàn"),
        "cat-cut.png" => (TruncatedPng, "Tệp ảnh PNG bị hỏng hoặc không an toàn"),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, null),
    };

    /// <summary>Every name of <see cref="AllNames"/>, for theories (the bytes stay out of test names).</summary>
    public static TheoryData<string> Names => new(AllNames);

    /// <summary>Like <see cref="Names"/>, without the picture (for paths that take only Word and PDF).</summary>
    public static TheoryData<string> DocumentNames => new(AllNames.Where(n => !n.EndsWith(".png", StringComparison.Ordinal)));

    /// <summary>The page came back (no redirect: nothing was saved) saying why the file <paramref name="name"/> was refused; its HTML.</summary>
    public static async Task<string> AssertRefusedAsync(HttpResponseMessage response, string name)
    {
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains(Named(name).Expected, html, StringComparison.Ordinal);
        Assert.Contains("bị hỏng hoặc không an toàn", html, StringComparison.Ordinal);
        return html;
    }

    /// <summary>A structurally sound 1×1 JPEG: SOI, JFIF, quantisation and Huffman tables, baseline frame, scan, EOI.</summary>
    public static byte[] Jpeg() =>
    [
        0xFF, 0xD8,
        0xFF, 0xE0, 0x00, 0x10, .. "JFIF\0"u8.ToArray(), 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00,
        0xFF, 0xDB, 0x00, 0x43, 0x00, .. Enumerable.Repeat((byte)0x01, 64),
        0xFF, 0xC0, 0x00, 0x0B, 0x08, 0x00, 0x01, 0x00, 0x01, 0x01, 0x01, 0x11, 0x00,
        0xFF, 0xC4, 0x00, 0x14, 0x00, 0x01, .. new byte[15], 0x00,
        0xFF, 0xDA, 0x00, 0x08, 0x01, 0x01, 0x00, 0x00, 0x3F, 0x00,
        0x00, 0x00,
        0xFF, 0xD9,
    ];

    /// <summary>A PNG header claiming the given size (the rest of a real 1×1 PNG after it).</summary>
    public static byte[] PngClaiming(uint width, uint height)
    {
        var png = TestFiles.Png();
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(png.AsSpan(16), width);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(png.AsSpan(20), height);
        return png;
    }

    /// <summary>The parts of a real DOCX, and more written by <paramref name="add"/>.</summary>
    public static byte[] DocxWith(Action<ZipArchive> add, bool withoutDocument = false, string? without = null)
    {
        using var output = new MemoryStream();
        using (var source = new ZipArchive(new MemoryStream(TestFiles.Docx("KẾ HOẠCH")), ZipArchiveMode.Read))
        using (var target = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in source.Entries.Where(e => !(withoutDocument && e.FullName == "word/document.xml") && e.FullName != without))
            {
                using var from = entry.Open();
                using var to = target.CreateEntry(entry.FullName).Open();
                from.CopyTo(to);
            }

            add(target);
        }

        return output.ToArray();
    }

    public static void Write(ZipArchive zip, string name, Action<Stream> write)
    {
        using var stream = zip.CreateEntry(name, CompressionLevel.Optimal).Open();
        write(stream);
    }

    /// <summary>Streams zeros into an entry: nothing of that size is ever held in memory.</summary>
    public static void Zeros(Stream stream, long count)
    {
        var zeros = new byte[1024 * 1024];
        for (var written = 0L; written < count; written += zeros.Length)
        {
            stream.Write(zeros, 0, (int)Math.Min(zeros.Length, count - written));
        }
    }

    private static string BillionLaughs()
    {
        var dtd = new StringBuilder("<!ENTITY lol0 \"lol\">");
        for (var i = 1; i <= 9; i++)
        {
            var tenOfTheLast = string.Concat(Enumerable.Repeat($"&lol{i - 1};", 10));
            dtd.Append(System.Globalization.CultureInfo.InvariantCulture, $"<!ENTITY lol{i} \"{tenOfTheLast}\">");
        }

        return $"""
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <!DOCTYPE w:document [{dtd}]>
            <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>
            """;
    }

    private static byte[] RandomAfter(byte[] header, int count)
    {
        var bytes = new byte[count];
        new Random(20261201).NextBytes(bytes);
        return [.. header, .. bytes];
    }
}
