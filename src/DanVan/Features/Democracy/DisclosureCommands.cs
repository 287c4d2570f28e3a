using DanVan.Data;
using DanVan.Domain.Access;
using DanVan.Domain.Democracy;
using DanVan.Domain.Text;
using DanVan.Features.Documents;
using DanVan.Features.Shared;
using DanVan.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Features.Democracy;

/// <summary>A disclosure as a form or the API sends it (dates dd/MM/yyyy).</summary>
public sealed class DisclosureInput
{
    public int? Year { get; set; }

    public string? ItemCode { get; set; }

    public string? Title { get; set; }

    public string? DisclosedOn { get; set; }

    public string? EndsOn { get; set; }

    public List<DisclosureForms> Forms { get; set; } = [];

    public int? RadioDays { get; set; }

    public string? Note { get; set; }

    public bool IsPublic { get; set; } = true;

    public Guid Stamp { get; set; }
}

/// <summary>
/// The writes of the disclosure register: record, correct, delete. Each is one transaction, audited by the context,
/// refused with every Vietnamese field error at once when it breaks a rule; the file is checked by its content.
/// </summary>
public sealed class DisclosureCommands(AppDbContext db, TimeProvider clock, IConfiguration? configuration = null)
{
    public const string Stale = "Bản ghi công khai vừa được người khác sửa; tải lại trang để xem rồi làm lại.";

    public long MaxFileBytes => configuration?.GetValue("Democracy:MaxFileBytes", 10L * 1024 * 1024) ?? 10L * 1024 * 1024;

    /// <summary>The items of a scope in force in a year, in their order.</summary>
    public async Task<List<DisclosureItem>> ItemsAsync(DisclosureScope scope, int year, CancellationToken ct) =>
        (await db.DisclosureItems.AsNoTracking().Where(i => i.Scope == scope).OrderBy(i => i.SortOrder).ThenBy(i => i.Code).ToListAsync(ct))
        .Where(i => DisclosureRules.InForce(i, year)).GroupBy(i => i.Code).Select(g => g.OrderByDescending(i => i.ValidFrom).First()).ToList();

    public async Task<Result<Disclosure>> RecordAsync(UserScope user, DisclosureInput input, UploadedFile? file, CancellationToken ct = default)
    {
        if (!DisclosureAccessRules.CanRecord(user, user.UnitId))
        {
            return Result<Disclosure>.Forbidden();
        }

        var row = new Disclosure { UnitId = user.UnitId };
        return await SaveAsync(user, row, input, file, isNew: true, ct);
    }

    /// <summary>
    /// Nhập từ Excel: every row checked as <see cref="RecordAsync"/> checks one (the same validation), all saved in one
    /// transaction or none. A row identical to a recorded disclosure (same item, date and title) is skipped, so that a
    /// template's pre-filled rows coming back unchanged add nothing. Errors are "Dòng N: …", in row order, under "".
    /// </summary>
    public async Task<Result<ImportSummary>> ImportAsync(UserScope user, int year, IReadOnlyList<DisclosureImportRow> rows, CancellationToken ct = default)
    {
        if (!DisclosureAccessRules.CanRecord(user, user.UnitId))
        {
            return Result<ImportSummary>.Forbidden();
        }

        var kind = await db.OrgUnits.AsNoTracking().Where(u => u.Id == user.UnitId).Select(u => u.Kind).SingleAsync(ct);
        if (DisclosureRules.ScopeOf(kind) is not { } scope)
        {
            return Result<ImportSummary>.Forbidden();
        }

        var codes = (await db.DisclosureItems.AsNoTracking().Where(i => i.Scope == scope).Select(i => i.Code).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var recorded = (await db.Disclosures.AsNoTracking().Where(d => d.UnitId == user.UnitId && d.Year == year)
            .Select(d => new { d.ItemCode, d.DisclosedOn, d.Title }).ToListAsync(ct))
            .Select(d => (d.ItemCode, d.DisclosedOn, d.Title)).ToHashSet();
        return await XlsxImport.SaveAllAsync(db, rows, r => r.Line, r => r.Errors, async row =>
        {
            var input = row.Input;
            var code = input.ItemCode?.Trim() ?? "";
            if (VietnameseText.TryParseDate(input.DisclosedOn, out var on) && recorded.Contains((code, on, VietnameseText.Nfc(input.Title?.Trim()) ?? "")))
            {
                return (XlsxImport.Outcome.Skipped, []);
            }

            var result = await SaveAsync(user, new Disclosure { UnitId = user.UnitId }, input, null, isNew: true, ct);
            return (XlsxImport.Outcome.Saved, result.IsOk ? [] : result.Errors.SelectMany(e => e.Value.Select(message =>
                e.Key == nameof(input.ItemCode) && code.Length > 0 && !codes.Contains(code)
                    ? $"Dòng {row.Line}: mã nội dung «{code}» không có trong danh mục công khai của đơn vị (xem trang «{XlsxTable.GuideSheet}»)."
                    : $"Dòng {row.Line}: {message}")).ToList());
        }, ct);
    }

    public async Task<Result<Disclosure>> UpdateAsync(UserScope user, int id, DisclosureInput input, UploadedFile? file, CancellationToken ct = default)
    {
        var row = await db.Disclosures.FirstOrDefaultAsync(d => d.Id == id, ct);
        if (await db.RefusalAsync<Disclosure>(user, row?.UnitId, row?.ConcurrencyStamp, input.Stamp, Stale, ct) is { } refused)
        {
            return refused;
        }

        return await SaveAsync(user, row!, input, file, isNew: false, ct);
    }

    public async Task<Result<Disclosure>> DeleteAsync(UserScope user, int id, Guid stamp, CancellationToken ct = default)
    {
        var row = await db.Disclosures.FirstOrDefaultAsync(d => d.Id == id, ct);
        if (await db.RefusalAsync<Disclosure>(user, row?.UnitId, row?.ConcurrencyStamp, stamp, Stale, ct) is { } refused)
        {
            return refused;
        }

        db.Disclosures.Remove(row!); // its file goes with it (cascade); the audit keeps what it was
        return await db.SaveOrStaleAsync(row!, Stale, ct);
    }

    private async Task<Result<Disclosure>> SaveAsync(UserScope user, Disclosure row, DisclosureInput input, UploadedFile? file, bool isNew, CancellationToken ct)
    {
        var today = VietnamClock.Today(clock);
        var unit = await db.OrgUnits.AsNoTracking().Where(u => u.Id == row.UnitId).Select(u => new { u.Kind, u.Name }).SingleAsync(ct);
        var errors = new FieldErrors();
        var title = errors.Text(nameof(input.Title), VietnameseText.Optional(input.Title), 500, "Nội dung đã công khai");
        var note = errors.Text(nameof(input.Note), VietnameseText.Optional(input.Note), 2000, "Ghi chú");
        var on = errors.Date(nameof(input.DisclosedOn), input.DisclosedOn, "ngày công khai", required: true);
        var ends = errors.Date(nameof(input.EndsOn), input.EndsOn, "ngày kết thúc công khai", required: false);
        var forms = input.Forms.Where(f => DisclosureRules.AllForms.Contains(f)).Aggregate(DisclosureForms.None, (a, f) => a | f);
        DisclosureItem? item = null;
        var code = input.ItemCode?.Trim();
        if (!string.IsNullOrEmpty(code))
        {
            var versions = await db.DisclosureItems.AsNoTracking().Where(i => i.Code == code).OrderByDescending(i => i.ValidFrom).ToListAsync(ct);
            item = (DisclosureRules.IsYear(input.Year) ? versions.FirstOrDefault(i => DisclosureRules.InForce(i, input.Year!.Value)) : null) ?? versions.FirstOrDefault();
        }

        foreach (var (k, v) in DisclosureRules.Check(new DisclosureFacts(item, unit.Kind, input.Year, title, on, ends, forms, input.RadioDays), today))
        {
            errors.Add(k, v);
        }

        string? contentType = null;
        if (file is not null)
        {
            if (file.Content.Length == 0)
            {
                errors.Add("File", "Tệp đính kèm rỗng.");
            }
            else if (file.Content.Length > MaxFileBytes)
            {
                errors.Add("File", $"Tệp đính kèm quá lớn: tối đa {MaxFileBytes / (1024 * 1024)} MB.");
            }
            else
            {
                var check = new UploadValidator(UploadLimits.From(configuration)).Check(file.Content);
                contentType = check.ContentType;
                if (check.Refusal("Tệp đính kèm phải là PDF, Word (.docx), Excel (.xlsx) hoặc ảnh JPEG, PNG.", UploadKind.Pdf, UploadKind.Docx, UploadKind.Xlsx, UploadKind.Jpeg, UploadKind.Png) is { } refusal)
                {
                    errors.Add("File", refusal);
                }
            }
        }

        if (errors.Any)
        {
            return Result<Disclosure>.Invalid(errors.ToDictionary());
        }

        await using var tx = await db.BeginOrJoinTransactionAsync(ct);
        row.Year = input.Year!.Value;
        row.ItemCode = item!.Code;
        row.Title = VietnameseText.Nfc(title)!;
        row.DisclosedOn = on!.Value;
        row.EndsOn = ends;
        row.Forms = forms;
        row.RadioDays = forms.HasFlag(DisclosureForms.Radio) ? input.RadioDays : null;
        row.Note = VietnameseText.Nfc(note);
        row.IsPublic = input.IsPublic;
        row.RecordedByUserName = user.UserName;
        row.RecordedAtUtc = clock.GetUtcNow().UtcDateTime;
        row.SearchText = Clip(VietnameseText.Fold($"{row.Title} {item.Name} {unit.Name}"), 1200);
        row.ConcurrencyStamp = Guid.NewGuid();
        if (file is not null)
        {
            row.FileName = Clip(Path.GetFileName(file.FileName), 260);
            row.FileContentType = contentType;
            row.FileSize = file.Content.Length;
        }

        if (isNew)
        {
            db.Disclosures.Add(row);
        }

        try
        {
            await db.SaveChangesAsync(ct);
            if (file is not null)
            {
                var existing = await db.DisclosureFiles.FirstOrDefaultAsync(f => f.DisclosureId == row.Id, ct);
                if (existing is null)
                {
                    db.DisclosureFiles.Add(new DisclosureFile { DisclosureId = row.Id, Content = file.Content });
                }
                else
                {
                    existing.Content = file.Content;
                }

                await db.SaveChangesAsync(ct);
            }
        }
        catch (DbUpdateConcurrencyException)
        {
            return Result<Disclosure>.Invalid("", Stale);
        }

        await tx.CommitAsync(ct);
        return Result<Disclosure>.Ok(row);
    }

    private static string Clip(string text, int max) => text.Length > max ? text[..max] : text;
}
