using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;

namespace DanVan.Infrastructure;

/// <summary>The outcome of an import that saved: how many rows were recorded, how many were already in the register.</summary>
public sealed record ImportSummary(int Saved, int Skipped);

/// <summary>
/// An Excel file uploaded to be imported (Nhập từ Excel): present, within its size, and really a workbook. Either its
/// bytes or one Vietnamese refusal to show above the form.
/// </summary>
public static class XlsxUpload
{
    public static async Task<(byte[]? Content, string? Refusal)> ReadAsync(IFormFile? upload, long maxBytes, IConfiguration configuration, CancellationToken ct)
    {
        if (upload is not { Length: > 0 })
        {
            return (null, "Vui lòng chọn tệp Excel (.xlsx) để nhập (tải mẫu Excel, điền rồi tải lên).");
        }

        if (upload.Length > maxBytes)
        {
            return (null, $"Tệp quá lớn: tối đa {maxBytes / (1024 * 1024)} MB.");
        }

        byte[] content;
        using (var buffer = new MemoryStream())
        {
            await upload.CopyToAsync(buffer, ct);
            content = buffer.ToArray();
        }

        return new UploadValidator(UploadLimits.From(configuration)).Check(content).Refusal("Tệp nhập phải là bảng tính Excel (.xlsx); hãy dùng tệp mẫu tải về từ trang này.", UploadKind.Xlsx) is { } refusal
            ? (null, refusal)
            : (content, null);
    }
}
