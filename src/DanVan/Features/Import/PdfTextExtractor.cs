using System.ComponentModel;
using System.Diagnostics;
using System.Text;
using DanVan.Domain.Import;

namespace DanVan.Features.Import;

/// <summary>
/// The text layer of a PDF, read by pdftotext (Debian package poppler-utils) in a child process: the PDF goes in on
/// standard input (no temporary file holds the upload), UTF-8 text comes out on standard output.
/// </summary>
/// <remarks>
/// pdftotext runs in its default reading order, not <c>-layout</c>. An official header is two columns (issuer left,
/// national motto right); <c>-layout</c> keeps the page geometry and so prints "ỦY BAN NHÂN DÂN      CỘNG HÒA XÃ HỘI…"
/// on one line, mixing issuer and motto, and pads centred titles and justified text with runs of spaces. The
/// default order prints each column as its own block ("ỦY BAN NHÂN DÂN / TỈNH TÂY NINH", then "CỘNG HÒA … / Độc lập
/// – Tự do – Hạnh phúc"), the same shape as a DOCX header table read cell by cell. Checked on a two-column PDF
/// in the tests (DocumentTextReaderTests.Pdf_TwoColumnHeader_…).
/// </remarks>
internal sealed class PdfTextExtractor(DocumentTextReaderOptions options)
{
    /// <summary>At most one pdftotext per core at a time: uploads queue rather than overload the server.</summary>
    private static readonly SemaphoreSlim Slots = new(Math.Max(1, Environment.ProcessorCount));

    public async Task<string> ExtractAsync(byte[] pdf, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(options.PdfTimeout);
        try
        {
            await Slots.WaitAsync(timeout.Token);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            throw TimedOut();
        }

        try
        {
            return await RunAsync(pdf, timeout.Token, ct);
        }
        finally
        {
            Slots.Release();
        }
    }

    private async Task<string> RunAsync(byte[] pdf, CancellationToken timeoutToken, CancellationToken ct)
    {
        var start = new ProcessStartInfo(options.PdfToText)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = new UTF8Encoding(false),
            StandardErrorEncoding = new UTF8Encoding(false),
        };
        foreach (var arg in new[] { "-enc", "UTF-8", "-eol", "unix", "-", "-" })
        {
            start.ArgumentList.Add(arg);
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new Win32Exception();
        }
        catch (Win32Exception)
        {
            throw new UnreadableDocumentException(
                "Máy chủ chưa cài chương trình pdftotext (gói poppler-utils) nên chưa đọc được tệp PDF; hãy báo quản trị hệ thống.");
        }

        using (process)
        {
            var maxChars = DocumentParser.MaxTextLength + 1;
            var output = ReadAtMostAsync(process.StandardOutput, maxChars, drain: false, timeoutToken);
            var errors = ReadAtMostAsync(process.StandardError, 4000, drain: true, timeoutToken);
            var input = WriteInputAsync(process, pdf, timeoutToken);
            try
            {
                var text = await output;
                if (text.Length >= maxChars)
                {
                    Kill(process);
                    throw new UnreadableDocumentException($"Văn bản trong tệp PDF quá dài (trên {DocumentParser.MaxTextLength:N0} ký tự), không đọc được.");
                }

                await Task.WhenAll(errors, input);
                await process.WaitForExitAsync(timeoutToken);
                return Result(process.ExitCode, text, await errors);
            }
            catch (OperationCanceledException)
            {
                Kill(process);
                if (ct.IsCancellationRequested)
                {
                    throw;
                }

                throw TimedOut();
            }
        }
    }

    private UnreadableDocumentException TimedOut() =>
        new($"Đọc tệp PDF quá {options.PdfTimeout.TotalSeconds:0} giây nên đã dừng: tệp có thể bị hỏng hoặc quá phức tạp.");

    private static string Result(int exitCode, string text, string errors)
    {
        // pdftotext: 0 ok, 1 cannot open the file (damaged, or a password), 3 copying text forbidden, 99 other.
        if (exitCode == 1 && errors.Contains("password", StringComparison.OrdinalIgnoreCase))
        {
            throw new UnreadableDocumentException("Tệp PDF có mật khẩu, không đọc được: hãy gỡ mật khẩu rồi tải lên lại.");
        }

        if (exitCode == 3)
        {
            throw new UnreadableDocumentException("Tệp PDF không cho phép sao chép chữ, không đọc được.");
        }

        if (exitCode != 0)
        {
            throw new UnreadableDocumentException("Tệp PDF bị hỏng hoặc không đúng định dạng, không đọc được.");
        }

        if (text.Count(char.IsLetter) < 20)
        {
            throw new UnreadableDocumentException(
                "Tệp PDF không có lớp chữ (bản quét hoặc ảnh chụp): hệ thống không nhận dạng chữ (OCR), hãy dùng tệp Word (.docx) hoặc PDF xuất từ Word.");
        }

        return text;
    }

    /// <summary>Keeps the first <paramref name="maxChars"/>; then stops, or with <paramref name="drain"/> reads on and drops the rest.</summary>
    private static async Task<string> ReadAtMostAsync(StreamReader reader, int maxChars, bool drain, CancellationToken ct)
    {
        var sb = new StringBuilder();
        var buffer = new char[8192];
        int read;
        while ((drain || sb.Length < maxChars) && (read = await reader.ReadAsync(buffer.AsMemory(), ct)) > 0)
        {
            sb.Append(buffer, 0, Math.Min(read, maxChars - sb.Length));
        }

        return sb.ToString();
    }

    private static async Task WriteInputAsync(Process process, byte[] pdf, CancellationToken ct)
    {
        try
        {
            await process.StandardInput.BaseStream.WriteAsync(pdf, ct);
            process.StandardInput.Close();
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException or OperationCanceledException)
        {
            // pdftotext gave up before reading everything (a broken file: its exit code tells why), or was killed.
        }
    }

    private static void Kill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // already exited
        }
    }
}
