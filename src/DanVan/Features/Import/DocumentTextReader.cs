using System.Globalization;
using System.Text;
using DanVan.Domain.Import;
using DanVan.Domain.Text;
using DanVan.Infrastructure;

namespace DanVan.Features.Import;

/// <summary>Limits and tools of <see cref="DocumentTextReader"/>.</summary>
public sealed record DocumentTextReaderOptions
{
    public const long DefaultMaxFileBytes = 20 * 1024 * 1024;

    /// <summary>Largest file read at all (checked before the content is read).</summary>
    public long MaxFileBytes { get; init; } = DefaultMaxFileBytes;

    /// <summary>The checks every upload passes (<see cref="UploadValidator"/>): parts and sizes of a DOCX, structure of a PDF.</summary>
    public UploadLimits Uploads { get; init; } = new();

    /// <summary>The pdftotext program (Debian package poppler-utils): a name on PATH or a full path.</summary>
    public string PdfToText { get; init; } = "pdftotext";

    /// <summary>How long pdftotext may run on one file before it is killed.</summary>
    public TimeSpan PdfTimeout { get; init; } = TimeSpan.FromSeconds(30);
}

/// <summary>
/// Turns an uploaded document (DOCX, PDF with a text layer, or plain text) into plain NFC text for
/// <see cref="DocumentParser"/>. The format is judged by the content, never by the file name. Every file it cannot
/// read ends in an <see cref="UnreadableDocumentException"/> with a one-line Vietnamese message, whatever the bytes.
/// </summary>
public sealed class DocumentTextReader(DocumentTextReaderOptions? options = null)
{
    private static readonly byte[] OleMagic = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    private static readonly byte[] EncryptedPackage = Encoding.Unicode.GetBytes("EncryptedPackage");
    private static readonly byte[] Utf8Bom = [0xEF, 0xBB, 0xBF];
    private static readonly byte[] Utf16LeBom = [0xFF, 0xFE];
    private static readonly byte[] Utf16BeBom = [0xFE, 0xFF];

    public DocumentTextReaderOptions Options { get; } = options ?? new DocumentTextReaderOptions();

    /// <summary>Reads a file from disk; its size is checked before anything is read.</summary>
    /// <exception cref="UnreadableDocumentException">Too large, or not a document this reader can read.</exception>
    /// <exception cref="FileNotFoundException">No such file.</exception>
    /// <exception cref="IOException">The file cannot be read; <see cref="UnauthorizedAccessException"/> without permission.</exception>
    public async Task<string> ReadFileAsync(string path, CancellationToken ct = default)
    {
        var info = new FileInfo(path);
        if (!info.Exists)
        {
            throw new FileNotFoundException($"Không tìm thấy tệp \"{path}\".", path);
        }

        if (info.Length > Options.MaxFileBytes)
        {
            throw TooLarge();
        }

        return await ReadAsync(await File.ReadAllBytesAsync(path, ct), info.Name, ct);
    }

    /// <summary>Reads at most <see cref="DocumentTextReaderOptions.MaxFileBytes"/> + 1 bytes of a stream, then the document.</summary>
    public async Task<string> ReadAsync(Stream content, string? fileName, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (content.CanSeek && content.Length - content.Position > Options.MaxFileBytes)
        {
            throw TooLarge();
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await content.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > Options.MaxFileBytes)
            {
                throw TooLarge();
            }

            buffer.Write(chunk, 0, read);
        }

        return await ReadAsync(buffer.ToArray(), fileName, ct);
    }

    /// <summary>
    /// The document's text: paragraphs separated by an empty line, line ends "\n", Unicode NFC.
    /// <paramref name="fileName"/> only words the message for a format that is not read (".xls không được hỗ trợ").
    /// </summary>
    public async Task<string> ReadAsync(byte[] content, string? fileName, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (content.Length == 0)
        {
            throw new UnreadableDocumentException("Tệp rỗng (0 byte), không có nội dung để đọc.");
        }

        if (content.LongLength > Options.MaxFileBytes)
        {
            throw TooLarge();
        }

        var span = content.AsSpan();
        var check = new UploadValidator(Options.Uploads).Check(content);
        string text;
        if (check is { Kind: UploadKind.Pdf or UploadKind.Docx, Error: { } damaged })
        {
            throw new UnreadableDocumentException(damaged);
        }

        if (check.Kind == UploadKind.Pdf)
        {
            text = await new PdfTextExtractor(Options).ExtractAsync(content, ct);
        }
        else if (check.Kind == UploadKind.Docx)
        {
            text = DocxTextExtractor.Extract(content, Options.Uploads.MaxZipEntryBytes);
        }
        else if (check.Kind is UploadKind.Zip or UploadKind.Xlsx)
        {
            throw new UnreadableDocumentException(check.Error ??
                "Tệp ZIP này không phải tài liệu Word (.docx): chỉ đọc tệp Word (.docx), PDF có lớp chữ và văn bản thuần (.txt).");
        }
        else if (span.StartsWith(OleMagic))
        {
            // Word also wraps a password-protected .docx in this container, with a stream named EncryptedPackage.
            throw new UnreadableDocumentException(span.IndexOf(EncryptedPackage) >= 0
                ? "Tài liệu Word có mật khẩu, không đọc được: hãy mở bằng Word, gỡ mật khẩu, lưu lại rồi tải lên lại."
                : "Đây là tệp Word cũ (.doc) hoặc tệp Office đời cũ: hãy mở bằng Word, chọn Lưu thành (Save As) định dạng .docx rồi tải lên lại.");
        }
        else if (span.StartsWith("{\\rtf"u8))
        {
            throw new UnreadableDocumentException("Tệp RTF chưa được hỗ trợ: hãy mở bằng Word và lưu thành .docx rồi tải lên lại.");
        }
        else if (check.Kind is UploadKind.Png or UploadKind.Jpeg || IsOtherImage(span))
        {
            throw new UnreadableDocumentException(
                "Đây là tệp ảnh: hệ thống không nhận dạng chữ trong ảnh (OCR), hãy dùng tệp Word (.docx) hoặc PDF có lớp chữ.");
        }
        else
        {
            text = DecodeText(content, fileName);
        }

        return NormaliseText(text);
    }

    private UnreadableDocumentException TooLarge() =>
        new("Tệp quá lớn, không đọc được: chỉ nhận tệp đến " + FormatMegabytes(Options.MaxFileBytes) + ".");

    private static string FormatMegabytes(long bytes) =>
        (bytes / (1024.0 * 1024.0)).ToString("0.#", VietnameseText.Culture) + " MB";

    /// <summary>Pictures DanVan does not keep either (PNG and JPEG are known to <see cref="UploadValidator"/>).</summary>
    private static bool IsOtherImage(ReadOnlySpan<byte> span) =>
        span.StartsWith("GIF8"u8)
        || span.StartsWith("II*\0"u8) || span.StartsWith("MM\0*"u8) // TIFF, as scanners write it
        || (span.Length > 12 && span.StartsWith("RIFF"u8) && span[8..12].SequenceEqual("WEBP"u8));

    /// <summary>UTF-8 (with or without BOM) or UTF-16 with a BOM; anything else is refused, never guessed.</summary>
    private static string DecodeText(byte[] content, string? fileName)
    {
        var span = content.AsSpan();
        Encoding encoding;
        var skip = 0;
        if (span.StartsWith(Utf8Bom))
        {
            encoding = new UTF8Encoding(false, true);
            skip = 3;
        }
        else if (span.StartsWith(Utf16LeBom))
        {
            encoding = new UnicodeEncoding(bigEndian: false, byteOrderMark: false, throwOnInvalidBytes: true);
            skip = 2;
        }
        else if (span.StartsWith(Utf16BeBom))
        {
            encoding = new UnicodeEncoding(bigEndian: true, byteOrderMark: false, throwOnInvalidBytes: true);
            skip = 2;
        }
        else
        {
            if (span.Contains((byte)0))
            {
                throw NotText(fileName);
            }

            encoding = new UTF8Encoding(false, true);
        }

        string text;
        try
        {
            text = encoding.GetString(content, skip, content.Length - skip);
        }
        catch (DecoderFallbackException)
        {
            throw skip == 0 && LooksBinary(span)
                ? NotText(fileName)
                : new UnreadableDocumentException(
                    "Tệp văn bản không dùng bảng mã Unicode UTF-8 (có thể là mã TCVN3, VNI hay Windows-1258 cũ): hãy lưu lại với bảng mã UTF-8 rồi tải lên lại.");
        }

        if (CountControls(text) * 100 > Math.Max(text.Length, 1))
        {
            throw NotText(fileName);
        }

        return text;
    }

    /// <summary>Many bytes below 0x20 that are not tab or line ends: a binary file, not text in an old encoding.</summary>
    private static bool LooksBinary(ReadOnlySpan<byte> span)
    {
        var sample = span[..Math.Min(span.Length, 8192)];
        var controls = 0;
        foreach (var b in sample)
        {
            if (b < 0x20 && b is not (0x09 or 0x0A or 0x0D or 0x0C))
            {
                controls++;
            }
        }

        return controls * 100 > sample.Length;
    }

    private static int CountControls(string text)
    {
        var controls = 0;
        foreach (var ch in text)
        {
            if (char.IsControl(ch) && ch is not ('\t' or '\n' or '\r' or '\f'))
            {
                controls++;
            }
        }

        return controls;
    }

    private static UnreadableDocumentException NotText(string? fileName)
    {
        var extension = Path.GetExtension(fileName ?? "").ToLower(CultureInfo.InvariantCulture);
        var what = extension.Length is > 1 and <= 8 && extension is not (".txt" or ".docx" or ".pdf")
            ? $"Định dạng {extension} không được hỗ trợ"
            : "Tệp không phải văn bản đọc được";
        return new UnreadableDocumentException(what + ": chỉ đọc tệp Word (.docx), PDF có lớp chữ và văn bản thuần (.txt, UTF-8).");
    }

    /// <summary>
    /// Text as the parser gets it, also for text pasted into a form: "\n" line ends, form feeds (PDF page ends) as
    /// line ends, no NULs, Unicode NFC, no trailing white space.
    /// </summary>
    public static string NormaliseText(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sb = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var ch = text[i];
            switch (ch)
            {
                case '\r':
                    sb.Append('\n');
                    if (i + 1 < text.Length && text[i + 1] == '\n')
                    {
                        i++;
                    }

                    break;
                case '\f':
                    sb.Append('\n');
                    break;
                case '\0':
                    break;
                default:
                    sb.Append(ch);
                    break;
            }
        }

        return VietnameseText.Nfc(sb.ToString().TrimEnd())!;
    }
}
