using DanVan.Data;
using DanVan.Domain.Access;
using DanVan.Domain.Democracy;
using DanVan.Domain.Text;
using DanVan.Features.Shared;
using DanVan.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Features.Democracy;

/// <summary>A staff conference as a form or the API sends it.</summary>
public sealed class StaffConferenceInput
{
    public int? Year { get; set; }

    public string? HeldOn { get; set; }

    public int? Attendees { get; set; }

    public int? StaffTotal { get; set; }

    public StaffConferenceForm? Form { get; set; }

    public string? ResolutionNumber { get; set; }

    public string? ResolutionOn { get; set; }

    public string? ResolutionText { get; set; }

    public string? Notes { get; set; }
}

/// <summary>
/// The writes of the agencies' yearly Hội nghị cán bộ, công chức, viên chức: the agency's officers and head record
/// (one per working year), correct and delete it. Same access as the disclosure register (ADR-025).
/// </summary>
public sealed class StaffConferenceCommands(AppDbContext db, TimeProvider clock)
{
    public const string Stale = "Bản ghi vừa được người khác thay đổi; tải lại trang rồi làm lại.";

    public async Task<List<StaffConferenceRule>> RulesAsync(CancellationToken ct) => await db.StaffConferenceRules.AsNoTracking().ToListAsync(ct);

    /// <summary>Whether the user's unit is an agency whose officers may record its conference.</summary>
    public async Task<bool> CanRecordAsync(UserScope user, CancellationToken ct)
    {
        var kind = await db.OrgUnits.AsNoTracking().Where(u => u.Id == user.UnitId).Select(u => (Domain.Units.OrgUnitKind?)u.Kind).FirstOrDefaultAsync(ct);
        return kind is { } k && DisclosureAccessRules.CanRecord(user, user.UnitId) && DisclosureRules.ScopeOf(k) == DisclosureScope.Agency;
    }

    public async Task<Result<StaffConference>> SaveAsync(UserScope user, int? id, StaffConferenceInput input, Guid? stamp, CancellationToken ct = default)
    {
        StaffConference? row = null;
        if (id is { } conferenceId)
        {
            row = await db.StaffConferences.FirstOrDefaultAsync(c => c.Id == conferenceId, ct);
            if (await db.RefusalAsync<StaffConference>(user, row?.UnitId, row?.ConcurrencyStamp, stamp, Stale, ct) is { } refused)
            {
                return refused;
            }
        }
        else if (!DisclosureAccessRules.CanRecord(user, user.UnitId))
        {
            return Result<StaffConference>.Forbidden();
        }

        var unitId = row?.UnitId ?? user.UnitId;
        var unit = await db.OrgUnits.AsNoTracking().Where(u => u.Id == unitId).Select(u => new { u.Kind, u.Name }).FirstOrDefaultAsync(ct);
        if (unit is null || DisclosureRules.ScopeOf(unit.Kind) != DisclosureScope.Agency)
        {
            return Result<StaffConference>.Forbidden();
        }

        var today = VietnamClock.Today(clock);
        var errors = new FieldErrors();
        var heldOn = errors.Date(nameof(input.HeldOn), input.HeldOn, "ngày tổ chức hội nghị", required: true);
        var resolutionOn = errors.Date(nameof(input.ResolutionOn), input.ResolutionOn, "ngày nghị quyết", required: false);
        var number = errors.Text(nameof(input.ResolutionNumber), VietnameseText.Optional(input.ResolutionNumber), 50, "Số nghị quyết");
        var text = errors.Text(nameof(input.ResolutionText), VietnameseText.Optional(input.ResolutionText), 4000, "Nội dung nghị quyết");
        var notes = errors.Text(nameof(input.Notes), VietnameseText.Optional(input.Notes), 2000, "Ghi chú");
        var rule = input.Year is { } y ? StaffConferenceRules.RuleFor(await RulesAsync(ct), y) : null;
        foreach (var (key, message) in StaffConferenceRules.Check(new StaffConferenceFacts(DisclosureScope.Agency, input.Year, heldOn, input.Attendees, input.StaffTotal, input.Form,
            resolutionOn, rule), today))
        {
            errors.Add(key, message);
        }

        if (!errors.Any && await db.StaffConferences.AnyAsync(c => c.UnitId == unitId && c.Year == input.Year && c.Id != (id ?? 0), ct))
        {
            errors.Add(nameof(input.Year), $"Đơn vị đã ghi Hội nghị cán bộ, công chức, viên chức tổng kết năm {input.Year}; mở bản ghi đó để sửa.");
        }

        if (errors.Any)
        {
            return Result<StaffConference>.Invalid(errors.ToDictionary());
        }

        if (row is null)
        {
            row = new StaffConference { UnitId = unitId };
            db.StaffConferences.Add(row);
        }
        else
        {
            row.ConcurrencyStamp = Guid.NewGuid();
        }

        row.Year = input.Year!.Value;
        row.HeldOn = heldOn!.Value;
        row.Attendees = input.Attendees!.Value;
        row.StaffTotal = input.StaffTotal!.Value;
        row.Form = input.Form!.Value;
        row.ResolutionNumber = VietnameseText.Nfc(number);
        row.ResolutionOn = resolutionOn;
        row.ResolutionText = VietnameseText.Nfc(text);
        row.Notes = VietnameseText.Nfc(notes);
        row.RecordedByUserName = user.UserName;
        row.RecordedAtUtc = clock.GetUtcNow().UtcDateTime;
        var year = row.Year.ToString(System.Globalization.CultureInfo.InvariantCulture);
        row.SearchText = Clip(VietnameseText.Fold($"Hội nghị cán bộ, công chức, viên chức năm {year} {row.ResolutionNumber} {row.ResolutionText} {unit.Name}"), 1500);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Result<StaffConference>.Invalid("", Stale);
        }
        catch (DbUpdateException)
        {
            // Two submissions of the same year at once: the unique index refused the second.
            db.ChangeTracker.Clear();
            return Result<StaffConference>.Invalid(nameof(input.Year), $"Đơn vị đã ghi Hội nghị cán bộ, công chức, viên chức tổng kết năm {year}; mở bản ghi đó để sửa.");
        }

        return Result<StaffConference>.Ok(row);
    }

    public async Task<Result<StaffConference>> DeleteAsync(UserScope user, int id, Guid stamp, CancellationToken ct = default)
    {
        var row = await db.StaffConferences.FirstOrDefaultAsync(c => c.Id == id, ct);
        if (await db.RefusalAsync<StaffConference>(user, row?.UnitId, row?.ConcurrencyStamp, stamp, Stale, ct) is { } refused)
        {
            return refused;
        }

        db.StaffConferences.Remove(row!);
        return await db.SaveOrStaleAsync(row!, Stale, ct);
    }

    private static string Clip(string text, int max) => text.Length > max ? text[..max] : text;
}
