using DanVan.Data;
using DanVan.Domain.Access;
using DanVan.Domain.Democracy;
using DanVan.Domain.Text;
using DanVan.Features.Documents;
using DanVan.Features.Shared;
using DanVan.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Features.Democracy;

/// <summary>A consultation of the people as a form or the API sends it (dates dd/MM/yyyy).</summary>
public sealed class PeopleConsultationInput
{
    public string? MatterCode { get; set; }

    public string? Subject { get; set; }

    public string? Community { get; set; }

    public List<ConsultationForms> Forms { get; set; } = [];

    public string? OpensOn { get; set; }

    public string? ClosesOn { get; set; }

    public int? OpinionsReceived { get; set; }

    public int? OpinionsAgreed { get; set; }

    public int? OpinionsOther { get; set; }

    public string? Response { get; set; }

    public string? Decision { get; set; }

    public string? DecidedOn { get; set; }

    public Guid Stamp { get; set; }
}

/// <summary>
/// The writes of lấy ý kiến Nhân dân trước khi quyết định: a commune records a consultation, corrects it (concurrency
/// stamp) or deletes it after confirmation. One transaction each, audited by the context, refused with every Vietnamese
/// field error at once; the file is checked once, here, by size and content. Access is the disclosure register's.
/// </summary>
public sealed class PeopleConsultationCommands(AppDbContext db, TimeProvider clock, IConfiguration? configuration = null)
{
    public const string Stale = "Bản ghi lấy ý kiến vừa được người khác sửa; tải lại trang để xem rồi làm lại.";

    public const string Duplicate = "Đợt lấy ý kiến này (cùng nội dung, cùng ngày bắt đầu và kết thúc) đã được ghi; mở bản ghi đã có để sửa thay vì ghi lại.";

    public long MaxFileBytes => configuration?.GetValue("Democracy:MaxFileBytes", 10L * 1024 * 1024) ?? 10L * 1024 * 1024;

    /// <summary>The kinds of matter in force on a day, in their order (the latest version of each code).</summary>
    public async Task<List<PeopleConsultationMatter>> MattersAsync(DateOnly on, CancellationToken ct) =>
        (await db.PeopleConsultationMatters.AsNoTracking().OrderBy(m => m.SortOrder).ThenBy(m => m.Code).ToListAsync(ct))
        .Where(m => PeopleConsultationRules.InForce(m, on)).GroupBy(m => m.Code).Select(g => g.OrderByDescending(m => m.ValidFrom).First()).ToList();

    /// <summary>Whether the user may record consultations at all: the commune's own officers and head.</summary>
    public async Task<bool> CanRecordAsync(UserScope user, CancellationToken ct)
    {
        var kind = await db.OrgUnits.AsNoTracking().Where(u => u.Id == user.UnitId).Select(u => (Domain.Units.OrgUnitKind?)u.Kind).FirstOrDefaultAsync(ct);
        return kind is { } k && DisclosureAccessRules.CanRecord(user, user.UnitId) && DisclosureRules.ScopeOf(k) == DisclosureScope.Commune;
    }

    public async Task<Result<PeopleConsultation>> RecordAsync(UserScope user, PeopleConsultationInput input, UploadedFile? file, CancellationToken ct = default)
    {
        if (!await CanRecordAsync(user, ct))
        {
            return Result<PeopleConsultation>.Forbidden();
        }

        return await SaveAsync(user, new PeopleConsultation { UnitId = user.UnitId }, input, file, isNew: true, ct);
    }

    public async Task<Result<PeopleConsultation>> UpdateAsync(UserScope user, int id, PeopleConsultationInput input, UploadedFile? file, CancellationToken ct = default)
    {
        var row = await db.PeopleConsultations.FirstOrDefaultAsync(c => c.Id == id, ct);
        if (await db.RefusalAsync<PeopleConsultation>(user, row?.UnitId, row?.ConcurrencyStamp, input.Stamp, Stale, ct) is { } refused)
        {
            return refused;
        }

        return await SaveAsync(user, row!, input, file, isNew: false, ct);
    }

    public async Task<Result<PeopleConsultation>> DeleteAsync(UserScope user, int id, Guid stamp, CancellationToken ct = default)
    {
        var row = await db.PeopleConsultations.FirstOrDefaultAsync(c => c.Id == id, ct);
        if (await db.RefusalAsync<PeopleConsultation>(user, row?.UnitId, row?.ConcurrencyStamp, stamp, Stale, ct) is { } refused)
        {
            return refused;
        }

        db.PeopleConsultations.Remove(row!); // its file goes with it (cascade); the audit keeps what it was
        return await db.SaveOrStaleAsync(row!, Stale, ct);
    }

    private async Task<Result<PeopleConsultation>> SaveAsync(UserScope user, PeopleConsultation row, PeopleConsultationInput input, UploadedFile? file, bool isNew, CancellationToken ct)
    {
        var today = VietnamClock.Today(clock);
        var unitName = await db.OrgUnits.AsNoTracking().Where(u => u.Id == row.UnitId).Select(u => u.Name).SingleAsync(ct);
        var errors = new FieldErrors();
        var subject = errors.Text(nameof(input.Subject), VietnameseText.Optional(input.Subject), 1000, "Nội dung lấy ý kiến");
        var community = errors.Text(nameof(input.Community), VietnameseText.Optional(input.Community), 200, "Phạm vi lấy ý kiến");
        var response = errors.Text(nameof(input.Response), VietnameseText.Optional(input.Response), 4000, "Việc tiếp thu, giải trình");
        var decision = errors.Text(nameof(input.Decision), VietnameseText.Optional(input.Decision), 2000, "Quyết định của cơ quan có thẩm quyền");
        var opens = errors.Date(nameof(input.OpensOn), input.OpensOn, "ngày bắt đầu lấy ý kiến", required: true);
        var closes = errors.Date(nameof(input.ClosesOn), input.ClosesOn, "ngày kết thúc lấy ý kiến", required: true);
        var decided = errors.Date(nameof(input.DecidedOn), input.DecidedOn, "ngày quyết định", required: false);
        var forms = input.Forms.Where(f => PeopleConsultationRules.AllForms.Contains(f)).Aggregate(ConsultationForms.None, (a, f) => a | f);
        PeopleConsultationMatter? matter = null;
        var code = input.MatterCode?.Trim();
        if (!string.IsNullOrEmpty(code))
        {
            var versions = await db.PeopleConsultationMatters.AsNoTracking().Where(m => m.Code == code).OrderByDescending(m => m.ValidFrom).ToListAsync(ct);
            matter = (opens is { } day ? versions.FirstOrDefault(m => PeopleConsultationRules.InForce(m, day)) : null) ?? versions.FirstOrDefault();
        }

        foreach (var (k, v) in PeopleConsultationRules.Check(new PeopleConsultationFacts(matter, subject, community, forms, opens, closes,
            input.OpinionsReceived, input.OpinionsAgreed, input.OpinionsOther, decision, decided), today))
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
            return Result<PeopleConsultation>.Invalid(errors.ToDictionary());
        }

        var nfcSubject = VietnameseText.Nfc(subject)!;
        if (isNew && await db.PeopleConsultations.AnyAsync(c => c.UnitId == row.UnitId && c.MatterCode == matter!.Code && c.Subject == nfcSubject
            && c.OpensOn == opens!.Value && c.ClosesOn == closes!.Value, ct))
        {
            return Result<PeopleConsultation>.Invalid("", Duplicate); // a double submit, or the same consultation typed twice
        }

        await using var tx = await db.BeginOrJoinTransactionAsync(ct);
        row.MatterCode = matter!.Code;
        row.Subject = nfcSubject;
        row.Community = VietnameseText.Nfc(community)!;
        row.Forms = forms;
        row.OpensOn = opens!.Value;
        row.ClosesOn = closes!.Value;
        row.OpinionsReceived = input.OpinionsReceived!.Value;
        row.OpinionsAgreed = input.OpinionsAgreed!.Value;
        row.OpinionsOther = input.OpinionsOther!.Value;
        row.Response = VietnameseText.Nfc(response);
        row.Decision = VietnameseText.Nfc(decision);
        row.DecidedOn = decided;
        row.RecordedByUserName = user.UserName;
        row.RecordedAtUtc = clock.GetUtcNow().UtcDateTime;
        row.SearchText = Clip(VietnameseText.Fold($"{row.Subject} {row.Community} {matter.Name} {unitName}"), 1500);
        row.ConcurrencyStamp = Guid.NewGuid();
        if (file is not null)
        {
            row.FileName = Clip(Path.GetFileName(file.FileName), 260);
            row.FileContentType = contentType;
            row.FileSize = file.Content.Length;
        }

        if (isNew)
        {
            db.PeopleConsultations.Add(row);
        }

        try
        {
            await db.SaveChangesAsync(ct);
            if (file is not null)
            {
                var existing = await db.PeopleConsultationFiles.FirstOrDefaultAsync(f => f.ConsultationId == row.Id, ct);
                if (existing is null)
                {
                    db.PeopleConsultationFiles.Add(new PeopleConsultationFile { ConsultationId = row.Id, Content = file.Content });
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
            return Result<PeopleConsultation>.Invalid("", Stale);
        }

        await tx.CommitAsync(ct);
        return Result<PeopleConsultation>.Ok(row);
    }

    private static string Clip(string text, int max) => text.Length > max ? text[..max] : text;
}
