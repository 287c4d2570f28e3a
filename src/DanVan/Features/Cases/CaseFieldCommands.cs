using System.Text.RegularExpressions;
using DanVan.Data;
using DanVan.Domain.Access;
using DanVan.Domain.Cases;
using DanVan.Domain.Text;
using DanVan.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Features.Cases;

/// <summary>What an administrator types for a field of cases.</summary>
public sealed class CaseFieldInput
{
    public string? Code { get; set; }

    public string? Name { get; set; }

    public int? SortOrder { get; set; }

    public string? LegalBasis { get; set; }

    public string? ValidFrom { get; set; }

    public string? ValidTo { get; set; }
}

/// <summary>
/// The administrator keeps the fields of cases (lĩnh vực đơn): adds one, renames or reorders it, ends it from a day.
/// Cases keep their field's code, so a field is never deleted: it ends (<see cref="CaseField.ValidTo"/>) and old cases
/// still show its name. Audited by the save like every write.
/// </summary>
public sealed partial class CaseFieldCommands(AppDbContext db)
{
    public async Task<Result<CaseField>> SaveAsync(UserScope user, int? id, CaseFieldInput input, CancellationToken ct = default)
    {
        if (!user.IsAdmin)
        {
            return Result<CaseField>.Forbidden();
        }

        CaseField? row = null;
        if (id is { } existing)
        {
            row = await db.CaseFields.FirstOrDefaultAsync(f => f.Id == existing, ct);
            if (row is null)
            {
                return Result<CaseField>.NotFound();
            }
        }

        var errors = new FieldErrors();
        var code = (input.Code ?? "").Trim().ToLowerInvariant();
        if (row is null)
        {
            if (code.Length == 0)
            {
                errors.Add(nameof(input.Code), "Vui lòng nhập mã lĩnh vực.");
            }
            else if (code.Length > 40 || !CodePattern().IsMatch(code))
            {
                errors.Add(nameof(input.Code), "Mã lĩnh vực chỉ gồm chữ thường không dấu, chữ số và dấu gạch nối, tối đa 40 ký tự (ví dụ: dat-dai).");
            }
            else if (await db.CaseFields.AnyAsync(f => f.Code == code, ct))
            {
                errors.Add(nameof(input.Code), $"Đã có lĩnh vực mã “{code}”: sửa lĩnh vực đó thay vì thêm mới.");
            }
        }

        var name = errors.RequiredText(nameof(input.Name), VietnameseText.Nfc(input.Name), 200, "tên lĩnh vực");
        var basis = errors.RequiredText(nameof(input.LegalBasis), VietnameseText.Nfc(input.LegalBasis), 500, "căn cứ (văn bản quy định danh mục)");
        if (input.SortOrder is < 0 or > 100_000)
        {
            errors.Add(nameof(input.SortOrder), "Thứ tự phải từ 0 đến 100.000.");
        }

        DateOnly from = row?.ValidFrom ?? default;
        if (row is null && !VietnameseText.TryParseDate(input.ValidFrom, out from))
        {
            errors.Add(nameof(input.ValidFrom), "Vui lòng nhập ngày áp dụng theo dạng ngày/tháng/năm, ví dụ 01/01/2027.");
        }

        DateOnly? to = null;
        if (!string.IsNullOrWhiteSpace(input.ValidTo))
        {
            if (!VietnameseText.TryParseDate(input.ValidTo, out var parsed))
            {
                errors.Add(nameof(input.ValidTo), "Ngày hết áp dụng không hợp lệ: nhập theo dạng ngày/tháng/năm.");
            }
            else if (from != default && parsed < from)
            {
                errors.Add(nameof(input.ValidTo), $"Ngày hết áp dụng không thể trước ngày áp dụng ({VietnameseText.FormatDate(from)}).");
            }
            else
            {
                to = parsed;
            }
        }

        if (errors.Any)
        {
            return Result<CaseField>.Invalid(errors.ToDictionary());
        }

        if (row is null)
        {
            row = new CaseField { Code = code, ValidFrom = from };
            db.CaseFields.Add(row);
        }

        row.Name = name!;
        row.LegalBasis = basis!;
        row.SortOrder = input.SortOrder ?? row.SortOrder;
        row.ValidTo = to;
        await db.SaveChangesAsync(ct);
        return Result<CaseField>.Ok(row);
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex CodePattern();
}
