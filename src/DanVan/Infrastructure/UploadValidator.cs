using System.Buffers.Binary;
using System.IO.Compression;
using System.Xml;
using DanVan.Domain.Text;

namespace DanVan.Infrastructure;

/// <summary>The kinds of uploaded file DanVan keeps or reads, judged by content.</summary>
public enum UploadKind
{
    Pdf,
    Docx,
    Xlsx,
    Jpeg,
    Png,

    /// <summary>A ZIP archive that is neither a Word nor an Excel file.</summary>
    Zip,
}

/// <summary>Limits of <see cref="UploadValidator"/>, configuration section <c>Uploads</c> (e.g. <c>Uploads__MaxZipEntries</c>).</summary>
public sealed record UploadLimits
{
    /// <summary>Most parts in a Word or Excel file (a long report with pictures has a few hundred).</summary>
    public int MaxZipEntries { get; init; } = 2_000;

    /// <summary>Largest part of a Word or Excel file once inflated; the importer's XML limit too.</summary>
    public long MaxZipEntryBytes { get; init; } = 40L * 1024 * 1024;

    /// <summary>Largest Word or Excel file once inflated, all parts together.</summary>
    public long MaxZipTotalBytes { get; init; } = 200L * 1024 * 1024;

    /// <summary>Most a part may inflate per compressed byte (Apache POI's zip-bomb guard uses 100 too).</summary>
    public int MaxCompressionRatio { get; init; } = 100;

    /// <summary>Parts smaller than this once inflated are not held to <see cref="MaxCompressionRatio"/> (an empty table compresses very well).</summary>
    public long CompressionRatioFreeBytes { get; init; } = 1024 * 1024;

    /// <summary>Widest and tallest picture, in pixels.</summary>
    public int MaxImageSide { get; init; } = 20_000;

    /// <summary>Most pixels in a picture (a 600 dpi A3 scan has about 70 million).</summary>
    public long MaxImagePixels { get; init; } = 100_000_000;

    public static UploadLimits From(IConfiguration? configuration) =>
        configuration?.GetSection("Uploads").Get<UploadLimits>() ?? new UploadLimits();
}

/// <summary>What a file is (null: none of <see cref="UploadKind"/>) and, when it is damaged or unsafe, why, in Vietnamese.</summary>
public sealed record UploadCheck(UploadKind? Kind, string? Error)
{
    public string? ContentType => Kind switch
    {
        UploadKind.Pdf => "application/pdf",
        UploadKind.Docx => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        UploadKind.Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        UploadKind.Jpeg => "image/jpeg",
        UploadKind.Png => "image/png",
        _ => null,
    };

    /// <summary>Null when the file is one of <paramref name="accepted"/> and sound; otherwise the message to show.</summary>
    public string? Refusal(string notAccepted, params UploadKind[] accepted) =>
        Kind is { } kind && accepted.Contains(kind) ? Error : notAccepted;
}

/// <summary>
/// Every upload (task evidence, a document's original, report attachments, the importer) passes here: the kind is
/// judged by content, never by the file name, and its structure is checked so that damaged or hostile files are
/// refused before they are stored or read. ZIP-based files (Word, Excel): number of parts, each part read through
/// a counter that stops at the size limit (headers are not trusted), compression ratio, the parts Word or Excel
/// needs, every XML part parsed with DTDs prohibited (no entity expansion). PDF: header, cross-reference, end of
/// file. PNG and JPEG: well-formed headers and chunks or segments, dimensions within limits. See ADR-009.
/// </summary>
public sealed class UploadValidator(UploadLimits? limits = null)
{
    private static readonly byte[] JpegMagic = [0xFF, 0xD8, 0xFF];
    private static readonly byte[] JpegEnd = [0xFF, 0xD9];
    private static readonly byte[] PngMagic = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private static readonly XmlReaderSettings XmlSettings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreWhitespace = true,
        IgnoreProcessingInstructions = true,
        CloseInput = false,
    };

    public UploadLimits Limits { get; } = limits ?? new UploadLimits();

    /// <summary>The kind by the first bytes alone: ZIP-based files are <see cref="UploadKind.Zip"/> until opened.</summary>
    private static UploadKind? Sniff(ReadOnlySpan<byte> content)
    {
        if (PdfHeader(content) >= 0)
        {
            return UploadKind.Pdf;
        }

        if (content.StartsWith(PngMagic))
        {
            return UploadKind.Png;
        }

        if (content.StartsWith(JpegMagic))
        {
            return UploadKind.Jpeg;
        }

        return content.StartsWith("PK\u0003\u0004"u8) || content.StartsWith("PK\u0005\u0006"u8) ? UploadKind.Zip : null;
    }

    public UploadCheck Check(byte[] content)
    {
        ArgumentNullException.ThrowIfNull(content);
        return Sniff(content) switch
        {
            UploadKind.Pdf => new(UploadKind.Pdf, Prefixed(UploadKind.Pdf, PdfProblem(content))),
            UploadKind.Png => new(UploadKind.Png, Prefixed(UploadKind.Png, PngProblem(content))),
            UploadKind.Jpeg => new(UploadKind.Jpeg, Prefixed(UploadKind.Jpeg, JpegProblem(content))),
            UploadKind.Zip => CheckZip(content),
            _ => new(null, null),
        };
    }

    private static string? Prefixed(UploadKind kind, string? problem) => problem is null ? null : kind switch
    {
        UploadKind.Docx => "Tệp Word bị hỏng hoặc không an toàn: ",
        UploadKind.Xlsx => "Tệp Excel bị hỏng hoặc không an toàn: ",
        UploadKind.Pdf => "Tệp PDF bị hỏng hoặc không an toàn: ",
        UploadKind.Png => "Tệp ảnh PNG bị hỏng hoặc không an toàn: ",
        UploadKind.Jpeg => "Tệp ảnh JPEG bị hỏng hoặc không an toàn: ",
        _ => "Tệp nén bị hỏng hoặc không an toàn: ",
    } + problem;

    private UploadCheck CheckZip(byte[] content)
    {
        var kind = UploadKind.Zip;
        try
        {
            using var zip = new ZipArchive(new MemoryStream(content, writable: false), ZipArchiveMode.Read);
            kind = zip.GetEntry("[Content_Types].xml") is null ? UploadKind.Zip
                : zip.GetEntry("word/document.xml") is not null ? UploadKind.Docx
                : zip.GetEntry("xl/workbook.xml") is not null ? UploadKind.Xlsx
                : UploadKind.Zip;
            return kind == UploadKind.Zip ? new(kind, null) : new(kind, Prefixed(kind, PackageProblem(zip)));
        }
        catch (Exception ex) when (ex is InvalidDataException or NotSupportedException or IOException)
        {
            // Opening failed, or a part could not be inflated: guess what the file meant to be from the names it holds.
            kind = kind != UploadKind.Zip ? kind
                : content.AsSpan().IndexOf("word/document.xml"u8) >= 0 ? UploadKind.Docx
                : content.AsSpan().IndexOf("xl/workbook.xml"u8) >= 0 ? UploadKind.Xlsx
                : UploadKind.Zip;
            return new(kind, Prefixed(kind, "tệp bị cắt cụt hoặc hư hỏng nên không giải nén được; hãy mở tệp gốc, lưu lại rồi tải lên lại."));
        }
    }

    private string? PackageProblem(ZipArchive zip)
    {
        var entries = zip.Entries;
        if (entries.Count > Limits.MaxZipEntries)
        {
            return $"tệp gồm {Number(entries.Count)} phần nén, nhiều hơn mức cho phép ({Number(Limits.MaxZipEntries)} phần).";
        }

        if (zip.GetEntry("_rels/.rels") is null)
        {
            return "thiếu phần _rels/.rels mà mọi tệp Word, Excel đều có; hãy mở tệp gốc, lưu lại rồi tải lên lại.";
        }

        // Headers first (cheap, refuses the obvious bombs without inflating a byte) ...
        foreach (var entry in entries)
        {
            if (entry.Length > Limits.MaxZipEntryBytes)
            {
                return EntryTooLarge(entry);
            }

            if (entry.Length > Limits.CompressionRatioFreeBytes && entry.Length > Math.Max(entry.CompressedLength, 1) * Limits.MaxCompressionRatio)
            {
                return TooCompressed(entry);
            }
        }

        if (entries.Sum(e => e.Length) > Limits.MaxZipTotalBytes)
        {
            return TotalTooLarge();
        }

        // ... then every part really read, through a counter: a header may lie about the size.
        var total = 0L;
        foreach (var entry in entries)
        {
            using var counted = new BoundedReadStream(entry.Open(), Math.Min(Limits.MaxZipEntryBytes, Limits.MaxZipTotalBytes - total),
                Math.Max(entry.CompressedLength, 1) * Limits.MaxCompressionRatio, Limits.CompressionRatioFreeBytes);
            var xmlError = false;
            if (IsXml(entry.FullName))
            {
                xmlError = !IsWellFormedXml(counted);
            }
            else
            {
                counted.CopyTo(Stream.Null);
            }

            if (counted.Stop is { } stop)
            {
                return stop switch
                {
                    BoundedReadStream.Reason.Ratio => TooCompressed(entry),
                    _ when counted.Count > Limits.MaxZipEntryBytes => EntryTooLarge(entry),
                    _ => TotalTooLarge(),
                };
            }

            if (xmlError)
            {
                return $"phần {entry.FullName} không phải XML hợp lệ hoặc có khai báo DTD (thực thể) mà tệp Office không dùng; hãy mở tệp gốc, lưu lại rồi tải lên lại.";
            }

            total += counted.Count;
        }

        return null;
    }

    private static bool IsXml(string name) =>
        name.EndsWith(".xml", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".rels", StringComparison.OrdinalIgnoreCase);

    /// <summary>False when the part is not well-formed XML, or declares a DTD (an entity bomb needs one).</summary>
    private static bool IsWellFormedXml(Stream stream)
    {
        try
        {
            using var reader = XmlReader.Create(stream, XmlSettings);
            while (reader.Read())
            {
            }

            return true;
        }
        catch (XmlException)
        {
            return false;
        }
    }

    private string EntryTooLarge(ZipArchiveEntry entry) =>
        $"phần {entry.FullName} quá lớn khi giải nén (trên {Megabytes(Limits.MaxZipEntryBytes)}).";

    private string TotalTooLarge() => $"nội dung quá lớn khi giải nén (trên {Megabytes(Limits.MaxZipTotalBytes)}).";

    private string TooCompressed(ZipArchiveEntry entry) =>
        $"phần {entry.FullName} bị nén bất thường (giải nén ra gấp hơn {Number(Limits.MaxCompressionRatio)} lần), dấu hiệu của tệp phá hoại (bom nén).";

    /// <summary>"%PDF-" at the start; or within the first 1 KB (readers accept junk before it) when the file also ends like a PDF.</summary>
    private static int PdfHeader(ReadOnlySpan<byte> content)
    {
        var header = content[..Math.Min(content.Length, 1024)].IndexOf("%PDF-"u8);
        return header == 0 || (header > 0 && Tail(content).IndexOf("%%EOF"u8) >= 0) ? header : -1;
    }

    private static ReadOnlySpan<byte> Tail(ReadOnlySpan<byte> content) => content[Math.Max(0, content.Length - 1024)..];

    /// <summary>The markers every reader needs: a version, the end of file, and a cross-reference (or a trailer to rebuild it from).</summary>
    private static string? PdfProblem(ReadOnlySpan<byte> content)
    {
        var header = PdfHeader(content);
        var version = content[(header + 5)..];
        if (version.Length < 3 || !char.IsAsciiDigit((char)version[0]) || version[1] != '.' || !char.IsAsciiDigit((char)version[2]))
        {
            return "phần đầu tệp không ghi phiên bản PDF.";
        }

        if (Tail(content).IndexOf("%%EOF"u8) < 0)
        {
            return "thiếu phần kết thúc tệp (%%EOF): tệp có thể bị cắt cụt khi sao chép hoặc tải lên; hãy xuất lại tệp PDF rồi tải lên lại.";
        }

        if (PointsToCrossReference(content, header))
        {
            return null;
        }

        var trailer = content.LastIndexOf("trailer"u8);
        return trailer >= 0 && content[trailer..].IndexOf("/Root"u8) >= 0
            ? null
            : "thiếu bảng tham chiếu (xref) và phần trailer mà trình đọc PDF cần; hãy xuất lại tệp PDF rồi tải lên lại.";
    }

    /// <summary>The last "startxref N" gives an offset (from the header) at which an "xref" table or an "n g obj" stream begins.</summary>
    private static bool PointsToCrossReference(ReadOnlySpan<byte> content, int header)
    {
        var at = content.LastIndexOf("startxref"u8);
        if (at < 0)
        {
            return false;
        }

        var rest = SkipSpace(content[(at + 9)..]);
        var digits = 0;
        long offset = 0;
        while (digits < rest.Length && digits < 12 && char.IsAsciiDigit((char)rest[digits]))
        {
            offset = (offset * 10) + rest[digits++] - '0';
        }

        if (digits == 0 || header + offset >= content.Length)
        {
            return false;
        }

        var target = SkipSpace(content[(int)(header + offset)..]);
        if (target.StartsWith("xref"u8))
        {
            return true;
        }

        // An object header: two numbers, then "obj".
        for (var number = 0; number < 2; number++)
        {
            var n = 0;
            while (n < target.Length && char.IsAsciiDigit((char)target[n]))
            {
                n++;
            }

            if (n == 0)
            {
                return false;
            }

            target = SkipSpace(target[n..]);
        }

        return target.StartsWith("obj"u8);
    }

    private static ReadOnlySpan<byte> SkipSpace(ReadOnlySpan<byte> span)
    {
        var i = 0;
        while (i < span.Length && span[i] is (byte)' ' or (byte)'\r' or (byte)'\n' or (byte)'\t' or (byte)'\f' or 0)
        {
            i++;
        }

        return span[i..];
    }

    /// <summary>Chunks from IHDR to IEND, each whole; sensible dimensions.</summary>
    private string? PngProblem(ReadOnlySpan<byte> content)
    {
        var at = PngMagic.Length;
        var first = true;
        var seenData = false;
        while (true)
        {
            if (at + 12 > content.Length)
            {
                return Truncated;
            }

            var length = BinaryPrimitives.ReadUInt32BigEndian(content[at..]);
            var type = content.Slice(at + 4, 4);
            if (length > int.MaxValue || at + 12 + (long)length > content.Length)
            {
                return Truncated;
            }

            var data = content.Slice(at + 8, (int)length);
            if (first)
            {
                if (!type.SequenceEqual("IHDR"u8) || length != 13)
                {
                    return "thiếu phần mô tả ảnh (IHDR) ở đầu tệp.";
                }

                var bitDepth = data[8];
                var colourType = data[9];
                if (bitDepth is not (1 or 2 or 4 or 8 or 16) || colourType is not (0 or 2 or 3 or 4 or 6) || data[10] != 0 || data[11] != 0 || data[12] > 1)
                {
                    return "phần mô tả ảnh (IHDR) ghi giá trị không hợp lệ.";
                }

                if (DimensionProblem(BinaryPrimitives.ReadUInt32BigEndian(data), BinaryPrimitives.ReadUInt32BigEndian(data[4..])) is { } size)
                {
                    return size;
                }

                first = false;
            }
            else if (type.SequenceEqual("IDAT"u8))
            {
                seenData = true;
            }
            else if (type.SequenceEqual("IEND"u8))
            {
                return seenData ? null : "ảnh không có dữ liệu điểm ảnh (IDAT).";
            }

            at += 12 + (int)length;
        }
    }

    /// <summary>Segments from SOI to the start of scan, a frame header with sensible dimensions, and an end of image after it.</summary>
    private string? JpegProblem(ReadOnlySpan<byte> content)
    {
        var at = 2;
        var framed = false;
        while (true)
        {
            while (at < content.Length && content[at] == 0xFF && at + 1 < content.Length && content[at + 1] == 0xFF)
            {
                at++; // fill bytes
            }

            if (at + 4 > content.Length || content[at] != 0xFF)
            {
                return Truncated;
            }

            var marker = content[at + 1];
            if (marker is 0x01 or (>= 0xD0 and <= 0xD7))
            {
                at += 2;
                continue;
            }

            if (marker is 0xD8 or 0xD9)
            {
                return Truncated;
            }

            var length = BinaryPrimitives.ReadUInt16BigEndian(content[(at + 2)..]);
            if (length < 2 || at + 2 + length > content.Length)
            {
                return Truncated;
            }

            if (marker is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC)
            {
                if (length < 8)
                {
                    return Truncated;
                }

                var height = BinaryPrimitives.ReadUInt16BigEndian(content[(at + 5)..]);
                var width = BinaryPrimitives.ReadUInt16BigEndian(content[(at + 7)..]);
                if (DimensionProblem(width, height) is { } size)
                {
                    return size;
                }

                framed = true;
            }
            else if (marker == 0xDA)
            {
                if (!framed)
                {
                    return "thiếu phần khung ảnh (kích thước, số màu) trước dữ liệu ảnh.";
                }

                return content[(at + 2 + length)..].IndexOf(JpegEnd) >= 0 ? null : Truncated;
            }

            at += 2 + length;
        }
    }

    private const string Truncated = "tệp bị cắt cụt hoặc hư hỏng; hãy chụp hoặc xuất lại ảnh rồi tải lên lại.";

    private string? DimensionProblem(long width, long height)
    {
        if (width == 0 || height == 0)
        {
            return "ảnh ghi kích thước bằng 0.";
        }

        return width > Limits.MaxImageSide || height > Limits.MaxImageSide || width * height > Limits.MaxImagePixels
            ? $"ảnh quá lớn ({Number(width)} × {Number(height)} điểm ảnh; tối đa {Number(Limits.MaxImageSide)} điểm ảnh mỗi chiều và {Number(Limits.MaxImagePixels / 1_000_000)} triệu điểm ảnh)."
            : null;
    }

    private static string Number(long n) => VietnameseText.FormatNumber(n);

    private static string Megabytes(long bytes) => bytes < 1024 * 1024
        ? Number(bytes / 1024) + " KB"
        : (bytes / (1024.0 * 1024.0)).ToString("0.#", VietnameseText.Culture) + " MB";
}

/// <summary>
/// Reads another stream, forward only (it cannot tell a length, as a network stream), counting; ends early once a
/// byte budget or, past <paramref name="ratioFreeBytes"/>, a ratio budget is passed, and says which.
/// </summary>
internal sealed class BoundedReadStream(Stream inner, long maxBytes = long.MaxValue, long maxByRatio = long.MaxValue, long ratioFreeBytes = 0) : Stream
{
    public enum Reason
    {
        Size,
        Ratio,
    }

    public long Count { get; private set; }

    public Reason? Stop { get; private set; }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (Stop is not null)
        {
            return 0;
        }

        // Never more than one byte past the budget: enough to know it is passed.
        var room = maxBytes - Count;
        var read = inner.Read(room < buffer.Length ? buffer[..((int)room + 1)] : buffer);
        Count += read;
        if (Count > maxBytes)
        {
            Stop = Reason.Size;
            return 0;
        }

        if (Count > ratioFreeBytes && Count > maxByRatio)
        {
            Stop = Reason.Ratio;
            return 0;
        }

        return read;
    }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => Count; set => throw new NotSupportedException(); }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
