using DanVan.Data;
using DanVan.Domain.Access;
using DanVan.Domain.Text;
using DanVan.Domain.Training;
using DanVan.Features.Documents;
using DanVan.Features.Shared;
using DanVan.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Features.Training;

/// <summary>A session as a form, the API or a workbook row sends it.</summary>
public sealed class SessionInput
{
    public SessionKind? Kind { get; set; }

    public string? Title { get; set; }

    public string? HeldOn { get; set; }

    public string? Place { get; set; }

    public List<SessionAudience> Audience { get; set; } = [];

    public int? AudienceSize { get; set; }

    public int? Attendees { get; set; }

    public string? Note { get; set; }

    public List<int> DocumentIds { get; set; } = [];

    public List<int> StaffIds { get; set; } = [];
}

/// <summary>A person of the roster as the form sends it.</summary>
public sealed class StaffInput
{
    public string? FullName { get; set; }

    public string? Position { get; set; }

    public string? JoinedOn { get; set; }

    public string? LeftOn { get; set; }
}

/// <summary>
/// The writes of propaganda and training: a unit records its sessions (with the documents covered and its staff
/// present) and keeps its staff roster. Same access as the unit's other registers (<see cref="DisclosureAccessRules"/>):
/// its own officers and head write; whoever's scope covers it reads. Each write is one SaveChanges (audited).
/// </summary>
public sealed class TrainingCommands(AppDbContext db, TimeProvider clock)
{
    public const string Stale = "Bản ghi vừa được người khác thay đổi; tải lại trang rồi làm lại.";

    public async Task<Result<TrainingSession>> RecordAsync(UserScope user, SessionInput input, CancellationToken ct = default)
    {
        if (!DisclosureAccessRules.CanRecord(user, user.UnitId))
        {
            return Result<TrainingSession>.Forbidden();
        }

        var checkedSession = await CheckAsync(user, input, ct);
        if (checkedSession.Errors is { } errors)
        {
            return Result<TrainingSession>.Invalid(errors);
        }

        var (row, documents, staff) = checkedSession.Value!.Value;
        await AddAsync(row, documents, staff, ct);
        return Result<TrainingSession>.Ok(row);
    }

    private async Task AddAsync(TrainingSession row, List<int> documents, List<int> staff, CancellationToken ct)
    {
        db.TrainingSessions.Add(row);
        await using var tx = await db.BeginOrJoinTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        db.TrainingSessionDocuments.AddRange(documents.Select(d => new TrainingSessionDocument { SessionId = row.Id, DocumentId = d }));
        db.TrainingAttendances.AddRange(staff.Select(s => new TrainingAttendance { SessionId = row.Id, StaffMemberId = s }));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }

    /// <summary>
    /// Nhập từ Excel: every row checked like a form; rows already in the register (same kind, day and title) skipped;
    /// all saved in one transaction, or nothing, with every error by row.
    /// </summary>
    public async Task<Result<ImportSummary>> ImportAsync(UserScope user, IReadOnlyList<SessionImportRow> rows, CancellationToken ct = default)
    {
        if (!DisclosureAccessRules.CanRecord(user, user.UnitId))
        {
            return Result<ImportSummary>.Forbidden();
        }

        var recorded = (await db.TrainingSessions.AsNoTracking().Where(s => s.UnitId == user.UnitId).Select(s => new { s.Kind, s.HeldOn, s.Title }).ToListAsync(ct))
            .Select(s => (s.Kind, s.HeldOn, s.Title)).ToHashSet();
        return await XlsxImport.SaveAllAsync(db, rows, r => r.Line, r => r.Errors, async row =>
        {
            var input = row.Input;
            if (input.Kind is { } kind && VietnameseText.TryParseDate(input.HeldOn, out var on) && recorded.Contains((kind, on, VietnameseText.Nfc(input.Title?.Trim()) ?? "")))
            {
                return (XlsxImport.Outcome.Skipped, []);
            }

            var (errors, value) = await CheckAsync(user, input, ct);
            if (errors is not null)
            {
                return (XlsxImport.Outcome.Saved, errors.SelectMany(e => e.Value).Select(m => $"Dòng {row.Line}: {m}").ToList());
            }

            var (session, documents, staff) = value!.Value;
            await AddAsync(session, documents, staff, ct);
            recorded.Add((session.Kind, session.HeldOn, session.Title));
            return (XlsxImport.Outcome.Saved, []);
        }, ct);
    }

    /// <summary>
    /// Validates a session for the user's unit: every error at once, by field. Documents must be ones the user can
    /// see in the register; staff must be of the unit and on its staff on the day.
    /// </summary>
    public async Task<(IReadOnlyDictionary<string, string[]>? Errors, (TrainingSession Row, List<int> Documents, List<int> Staff)? Value)> CheckAsync(
        UserScope user, SessionInput input, CancellationToken ct)
    {
        var unitName = await db.OrgUnits.AsNoTracking().Where(u => u.Id == user.UnitId).Select(u => u.Name).FirstOrDefaultAsync(ct) ?? "";
        var today = VietnamClock.Today(clock);
        var errors = new FieldErrors();
        var title = errors.Text(nameof(input.Title), VietnameseText.Optional(input.Title), 500, "Nội dung, chủ đề");
        var place = errors.Text(nameof(input.Place), VietnameseText.Optional(input.Place), 300, "Địa điểm");
        var note = errors.Text(nameof(input.Note), VietnameseText.Optional(input.Note), 2000, "Ghi chú");
        var heldOn = errors.Date(nameof(input.HeldOn), input.HeldOn, "ngày tổ chức", required: true);
        var audience = input.Audience.Aggregate(SessionAudience.None, (a, b) => a | b);

        var documentIds = input.DocumentIds.Where(i => i > 0).Distinct().Take(50).ToList();
        var documents = documentIds.Count == 0 ? [] : await db.Documents.AsNoTracking().VisibleTo(db, user)
            .Where(d => EF.Parameter(documentIds).Contains(d.Id)).Select(d => new { d.Id, d.Code, d.Title }).ToListAsync(ct);
        if (documents.Count != documentIds.Count || input.DocumentIds.Any(i => i <= 0))
        {
            errors.Add(nameof(input.DocumentIds), "Có văn bản đã chọn không có trong sổ văn bản mà đơn vị được xem; chọn lại văn bản.");
        }

        var staffIds = input.StaffIds.Distinct().ToList();
        var staff = staffIds.Count == 0 ? [] : await db.StaffMembers.AsNoTracking()
            .Where(s => s.UnitId == user.UnitId && EF.Parameter(staffIds).Contains(s.Id)).Select(s => new { s.Id, s.FullName, s.JoinedOn, s.LeftOn }).ToListAsync(ct);
        if (staff.Count != staffIds.Count)
        {
            errors.Add(nameof(input.StaffIds), "Có người được đánh dấu có mặt không thuộc danh sách cán bộ của đơn vị; tải lại trang rồi chọn lại.");
        }
        else if (heldOn is { } day && staff.FirstOrDefault(s => !TrainingRules.OnStaff(s.JoinedOn, s.LeftOn, day)) is { } outside)
        {
            errors.Add(nameof(input.StaffIds), $"{outside.FullName} không còn (hoặc chưa) công tác tại đơn vị vào ngày {VietnameseText.FormatDate(day)}.");
        }

        foreach (var (k, v) in TrainingRules.Check(new SessionFacts(input.Kind, title, heldOn, audience, input.AudienceSize, input.Attendees, staffIds.Count, documentIds.Count), today))
        {
            errors.Add(k, v);
        }

        if (errors.Any)
        {
            return (errors.ToDictionary(), null);
        }

        var row = new TrainingSession
        {
            UnitId = user.UnitId, Kind = input.Kind!.Value, Title = VietnameseText.Nfc(title)!, HeldOn = heldOn!.Value, Place = VietnameseText.Nfc(place),
            Audience = audience, AudienceSize = input.AudienceSize, Attendees = input.Attendees!.Value, Note = VietnameseText.Nfc(note),
            RecordedByUserName = user.UserName, RecordedAtUtc = clock.GetUtcNow().UtcDateTime,
        };
        row.SearchText = Clip(VietnameseText.Fold($"{row.Title} {TrainingRules.Label(row.Kind)} {string.Join(' ', documents.Select(d => d.Code))} {row.Place} {unitName}"), 1200);
        return (null, (row, documentIds, staffIds));
    }

    public async Task<Result<TrainingSession>> DeleteAsync(UserScope user, int id, Guid stamp, CancellationToken ct = default)
    {
        var row = await db.TrainingSessions.FirstOrDefaultAsync(s => s.Id == id, ct);
        if (await db.RefusalAsync<TrainingSession>(user, row?.UnitId, row?.ConcurrencyStamp, stamp, Stale, ct) is { } refused)
        {
            return refused;
        }

        db.TrainingSessions.Remove(row!);
        return await db.SaveOrStaleAsync(row!, Stale, ct);
    }

    public async Task<Result<StaffMember>> AddStaffAsync(UserScope user, StaffInput input, CancellationToken ct = default)
    {
        if (!DisclosureAccessRules.CanRecord(user, user.UnitId))
        {
            return Result<StaffMember>.Forbidden();
        }

        var row = new StaffMember { UnitId = user.UnitId, CreatedAtUtc = clock.GetUtcNow().UtcDateTime };
        if (Apply(row, input) is { } errors)
        {
            return Result<StaffMember>.Invalid(errors);
        }

        db.StaffMembers.Add(row);
        await db.SaveChangesAsync(ct);
        return Result<StaffMember>.Ok(row);
    }

    /// <summary>Corrects a person of the roster, or records the day they left (they stay in past sessions).</summary>
    public async Task<Result<StaffMember>> UpdateStaffAsync(UserScope user, int id, StaffInput input, Guid stamp, CancellationToken ct = default)
    {
        var (row, failure) = await StaffAsync(user, id, stamp, ct);
        if (failure is not null)
        {
            return failure;
        }

        if (Apply(row!, input) is { } errors)
        {
            return Result<StaffMember>.Invalid(errors);
        }

        row!.ConcurrencyStamp = Guid.NewGuid();
        return await db.SaveOrStaleAsync(row, Stale, ct);
    }

    /// <summary>Removes a person typed in error: only one who attended no session (otherwise record the day they left).</summary>
    public async Task<Result<StaffMember>> DeleteStaffAsync(UserScope user, int id, Guid stamp, CancellationToken ct = default)
    {
        var (row, failure) = await StaffAsync(user, id, stamp, ct);
        if (failure is not null)
        {
            return failure;
        }

        if (await db.TrainingAttendances.AnyAsync(a => a.StaffMemberId == id, ct))
        {
            return Result<StaffMember>.Invalid("", $"{row!.FullName} đã có tên trong buổi quán triệt, tập huấn: không xóa được. Nếu người này đã chuyển công tác, hãy ghi ngày thôi công tác.");
        }

        db.StaffMembers.Remove(row!);
        return await db.SaveOrStaleAsync(row!, Stale, ct);
    }

    private async Task<(StaffMember? Row, Result<StaffMember>? Failure)> StaffAsync(UserScope user, int id, Guid stamp, CancellationToken ct)
    {
        var row = await db.StaffMembers.FirstOrDefaultAsync(s => s.Id == id, ct);
        return await db.RefusalAsync<StaffMember>(user, row?.UnitId, row?.ConcurrencyStamp, stamp, Stale, ct) is { } refused ? (null, refused) : (row, null);
    }

    /// <summary>
    /// The roster from Excel: a row whose name is on the roster once updates that person (position, days), a new name is
    /// added, a name the roster holds twice is refused; all saved together or nothing.
    /// </summary>
    public async Task<Result<ImportSummary>> ImportStaffAsync(UserScope user, IReadOnlyList<(int Line, StaffInput Input, IReadOnlyList<string> Errors)> rows, CancellationToken ct = default)
    {
        if (!DisclosureAccessRules.CanRecord(user, user.UnitId))
        {
            return Result<ImportSummary>.Forbidden();
        }

        var roster = (await db.StaffMembers.Where(s => s.UnitId == user.UnitId).ToListAsync(ct)).ToLookup(s => VietnameseText.Fold(s.FullName));
        var now = clock.GetUtcNow().UtcDateTime;
        return await XlsxImport.SaveAllAsync(db, rows, r => r.Line, r => r.Errors, row =>
        {
            var same = roster[VietnameseText.Fold(row.Input.FullName)].ToList();
            if (same.Count > 1)
            {
                return Task.FromResult((XlsxImport.Outcome.Saved, (IReadOnlyList<string>)[$"Dòng {row.Line}: danh sách có {same.Count} người cùng họ tên «{row.Input.FullName?.Trim()}»; hãy sửa từng người trên trang DanVan."]));
            }

            var person = same.Count == 1 ? same[0] : new StaffMember { UnitId = user.UnitId, CreatedAtUtc = now };
            var before = (person.FullName, person.Position, person.JoinedOn, person.LeftOn);
            var input = same.Count == 1 // matched without accents or case: the roster's spelling of the name stays
                ? new StaffInput { FullName = person.FullName, Position = row.Input.Position, JoinedOn = row.Input.JoinedOn, LeftOn = row.Input.LeftOn }
                : row.Input;
            if (Apply(person, input) is { } errors)
            {
                return Task.FromResult((XlsxImport.Outcome.Saved, (IReadOnlyList<string>)errors.SelectMany(e => e.Value).Select(m => $"Dòng {row.Line}: {m}").ToList()));
            }

            if (same.Count == 1 && before == (person.FullName, person.Position, person.JoinedOn, person.LeftOn))
            {
                return Task.FromResult((XlsxImport.Outcome.Skipped, (IReadOnlyList<string>)[]));
            }

            if (same.Count == 0)
            {
                db.StaffMembers.Add(person);
            }
            else
            {
                person.ConcurrencyStamp = Guid.NewGuid();
            }

            return SavedAsync();
        }, ct);

        async Task<(XlsxImport.Outcome, IReadOnlyList<string>)> SavedAsync()
        {
            await db.SaveChangesAsync(ct);
            return (XlsxImport.Outcome.Saved, []);
        }
    }

    private static IReadOnlyDictionary<string, string[]>? Apply(StaffMember row, StaffInput input)
    {
        var errors = new FieldErrors();
        var name = errors.Text(nameof(input.FullName), VietnameseText.Optional(input.FullName), 200, "Họ và tên");
        var position = errors.Text(nameof(input.Position), VietnameseText.Optional(input.Position), 200, "Chức vụ");
        var joined = errors.Date(nameof(input.JoinedOn), input.JoinedOn, "ngày về đơn vị", required: false);
        var left = errors.Date(nameof(input.LeftOn), input.LeftOn, "ngày thôi công tác", required: false);
        foreach (var (k, v) in TrainingRules.CheckStaff(name, joined, left))
        {
            errors.Add(k, v);
        }

        if (errors.Any)
        {
            return errors.ToDictionary();
        }

        row.FullName = VietnameseText.Nfc(name)!;
        row.Position = VietnameseText.Nfc(position);
        row.JoinedOn = joined;
        row.LeftOn = left;
        row.SearchText = Clip(VietnameseText.Fold($"{row.FullName} {row.Position}"), 500);
        return null;
    }

    private static string Clip(string text, int max) => text.Length > max ? text[..max] : text;
}
