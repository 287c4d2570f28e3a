using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace DanVan.Infrastructure;

/// <summary>Turns a DOCX into a PDF copy (issue 12, ADR-033).</summary>
public interface IPdfConverter
{
    /// <summary>False when the converting program cannot be found: no PDF link is offered.</summary>
    bool IsAvailable { get; }

    /// <summary>The PDF bytes, or null when the conversion failed (logged).</summary>
    Task<byte[]?> ConvertAsync(byte[] docx, CancellationToken ct);
}

/// <summary>
/// LibreOffice headless: each conversion in its own temporary folder with its own user profile (concurrent
/// conversions never share one), one at a time (the machines have two cores), killed with its children after
/// <see cref="Timeout"/>, the folder deleted afterwards. The program is <c>Pdf:Soffice</c>, default <c>soffice</c> on PATH.
/// </summary>
public sealed class LibreOfficePdfConverter : IPdfConverter
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);

    private readonly SemaphoreSlim gate = new(1, 1);
    private readonly ILogger<LibreOfficePdfConverter> logger;
    private readonly string? program;

    public LibreOfficePdfConverter(IConfiguration configuration, ILogger<LibreOfficePdfConverter> logger)
    {
        this.logger = logger;
        program = Resolve(configuration["Pdf:Soffice"] ?? "soffice");
    }

    public bool IsAvailable => program is not null;

    public async Task<byte[]?> ConvertAsync(byte[] docx, CancellationToken ct)
    {
        if (program is null)
        {
            logger.LogWarning("PDF copy asked for but LibreOffice (Pdf:Soffice) was not found");
            return null;
        }

        var dir = Path.Combine(Path.GetTempPath(), "danvan-pdf-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        await gate.WaitAsync(ct);
        try
        {
            var input = Path.Combine(dir, "document.docx");
            await File.WriteAllBytesAsync(input, docx, ct);
            var start = new ProcessStartInfo(program)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var arg in new[]
                     {
                         "--headless", "--norestore", "--nolockcheck",
                         "-env:UserInstallation=" + new Uri(Path.Combine(dir, "profile")).AbsoluteUri,
                         "--convert-to", "pdf", "--outdir", dir, input,
                     })
            {
                start.ArgumentList.Add(arg);
            }

            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync(ct);
            var stderr = process.StandardError.ReadToEndAsync(ct);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(Timeout);
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                logger.LogError("LibreOffice conversion stopped after {Seconds} s", Timeout.TotalSeconds.ToString(CultureInfo.InvariantCulture));
                if (ct.IsCancellationRequested)
                {
                    throw;
                }

                return null;
            }

            var output = Path.Combine(dir, "document.pdf");
            if (process.ExitCode != 0 || !File.Exists(output))
            {
                logger.LogError("LibreOffice conversion failed (exit {Code}): {Out} {Err}",
                    process.ExitCode.ToString(CultureInfo.InvariantCulture), await stdout, await stderr);
                return null;
            }

            return await File.ReadAllBytesAsync(output, ct);
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or IOException)
        {
            logger.LogError(e, "LibreOffice conversion could not run");
            return null;
        }
        finally
        {
            gate.Release();
            try
            {
                Directory.Delete(dir, recursive: true);
            }
            catch (IOException e)
            {
                logger.LogWarning(e, "Could not delete {Dir}", dir);
            }
        }
    }

    private static string? Resolve(string name)
    {
        if (name.Contains(Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            return File.Exists(name) ? name : null;
        }

        return (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(d => Path.Combine(d, name))
            .FirstOrDefault(File.Exists);
    }
}

/// <summary>
/// <c>?format=pdf</c> on any handler that answers a DOCX: the handler runs as it always does (same
/// authorization, same refusals), and only its DOCX answer is replaced by the PDF copy, named like the DOCX.
/// Without LibreOffice, or when conversion fails: 503 with a Vietnamese problem, never a 500.
/// </summary>
public sealed class PdfCopyFilter(IPdfConverter converter, ILogger<PdfCopyFilter> logger) : IAsyncAlwaysRunResultFilter
{
    public const string DocxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public const string Unavailable = "Không tạo được bản PDF: máy chủ chưa cài LibreOffice.";
    public const string Failed = "Không tạo được bản PDF. Vui lòng tải bản Word hoặc thử lại sau.";

    public async Task OnResultExecutionAsync(ResultExecutingContext context, ResultExecutionDelegate next)
    {
        if (string.Equals(context.HttpContext.Request.Query["format"], "pdf", StringComparison.OrdinalIgnoreCase)
            && context.Result is FileResult { ContentType: DocxType } file)
        {
            byte[] docx;
            switch (file)
            {
                case FileContentResult bytes:
                    docx = bytes.FileContents;
                    break;
                case FileStreamResult stream:
                    using (var copy = new MemoryStream())
                    {
                        await stream.FileStream.CopyToAsync(copy, context.HttpContext.RequestAborted);
                        await stream.FileStream.DisposeAsync();
                        docx = copy.ToArray();
                    }

                    break;
                default:
                    await next();
                    return;
            }

            var pdf = converter.IsAvailable ? await converter.ConvertAsync(docx, context.HttpContext.RequestAborted) : null;
            if (pdf is null)
            {
                logger.LogWarning("PDF copy of {Path} not made (LibreOffice available: {Available})",
                    context.HttpContext.Request.Path.Value, converter.IsAvailable);
                context.Result = new ObjectResult(new ProblemDetails
                {
                    Status = StatusCodes.Status503ServiceUnavailable,
                    Title = converter.IsAvailable ? Failed : Unavailable,
                })
                {
                    StatusCode = StatusCodes.Status503ServiceUnavailable,
                    ContentTypes = { "application/problem+json" },
                };
            }
            else
            {
                var name = string.IsNullOrEmpty(file.FileDownloadName) ? "van-ban.pdf" : Path.ChangeExtension(file.FileDownloadName, ".pdf");
                context.Result = new FileContentResult(pdf, "application/pdf") { FileDownloadName = name };
            }
        }

        await next();
    }
}
