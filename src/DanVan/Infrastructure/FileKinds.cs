using System.IO.Compression;

namespace DanVan.Infrastructure;

/// <summary>What an uploaded file really is, judged by its content (a renamed file is not fooled into passing).</summary>
public static class FileKinds
{
    public const string Pdf = "application/pdf";
    public const string Docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public const string Jpeg = "image/jpeg";
    public const string Png = "image/png";

    private static readonly byte[] JpegMagic = [0xFF, 0xD8, 0xFF];
    private static readonly byte[] PngMagic = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    public static string? Detect(byte[] content)
    {
        var span = content.AsSpan();
        if (span.StartsWith("%PDF-"u8))
        {
            return Pdf;
        }

        if (span.StartsWith(JpegMagic))
        {
            return Jpeg;
        }

        if (span.StartsWith(PngMagic))
        {
            return Png;
        }

        return span.StartsWith("PK\u0003\u0004"u8) && IsWordDocument(content) ? Docx : null;
    }

    private static bool IsWordDocument(byte[] content)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(content), ZipArchiveMode.Read);
            return zip.GetEntry("word/document.xml") is not null && zip.GetEntry("[Content_Types].xml") is not null;
        }
        catch (InvalidDataException)
        {
            return false;
        }
    }
}
