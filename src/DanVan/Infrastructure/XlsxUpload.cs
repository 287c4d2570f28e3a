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

/// <summary>
/// Saves the rows of an Excel import all together or not at all: rows with errors from the workbook are reported as
/// they are; every other row goes to <c>save</c>, which records it (Saved), leaves it because it is already in the
/// register (Skipped), or returns its errors, already prefixed "Dòng N". One transaction (joined if one is open); on
/// any error nothing stays and every error of every row is returned.
/// </summary>
public static class XlsxImport
{
    public enum Outcome
    {
        Saved,
        Skipped,
    }

    public static async Task<Result<ImportSummary>> SaveAllAsync<T>(Data.AppDbContext db, IReadOnlyList<T> rows, Func<T, int> line, Func<T, IReadOnlyList<string>> rowErrors,
        Func<T, Task<(Outcome Outcome, IReadOnlyList<string> Errors)>> save, CancellationToken ct)
    {
        if (rows.Count == 0)
        {
            return Result<ImportSummary>.Invalid("", "Tệp không có dòng dữ liệu nào dưới dòng tiêu đề.");
        }

        var errors = new List<string>();
        var (saved, skipped) = (0, 0);
        await using var tx = await Data.TransactionExtensions.BeginOrJoinTransactionAsync(db, ct);
        foreach (var row in rows.OrderBy(line))
        {
            if (rowErrors(row) is { Count: > 0 } found)
            {
                errors.AddRange(found);
                continue;
            }

            var (outcome, failed) = await save(row);
            if (failed.Count > 0)
            {
                errors.AddRange(failed);
            }
            else if (outcome == Outcome.Saved)
            {
                saved++;
            }
            else
            {
                skipped++;
            }
        }

        if (errors.Count > 0)
        {
            db.ChangeTracker.Clear(); // nothing of the valid rows stays: the transaction is rolled back when disposed
            return Result<ImportSummary>.Invalid(new Dictionary<string, string[]> { [""] = errors.ToArray() });
        }

        await tx.CommitAsync(ct);
        return Result<ImportSummary>.Ok(new ImportSummary(saved, skipped));
    }
}
