using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using DanVan.Data;
using DanVan.Domain.Access;
using DanVan.Domain.Audit;
using DanVan.Domain.Cases;
using DanVan.Domain.Deadlines;
using DanVan.Domain.Text;
using DanVan.Features.Deadlines;
using DanVan.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Features.Cases;

/// <summary>What the receiving officer types from the đơn (or from what the citizen says at the desk).</summary>
public sealed class CaseIntake
{
    public string? ReceivedOn { get; set; }

    public CaseSource? Source { get; set; }

    public CaseKind? Kind { get; set; }

    public int Instance { get; set; } = 1;

    public string? Summary { get; set; }

    public string? Field { get; set; }

    public string? SenderName { get; set; }

    public string? SenderAddress { get; set; }

    public string? SenderPhone { get; set; }

    public string? SenderIdNumber { get; set; }

    public int Signatories { get; set; } = 1;

    public string? Representatives { get; set; }

    public string? Respondent { get; set; }

    public bool WithinCompetence { get; set; } = true;

    public bool Anonymous { get; set; }

    public bool Complex { get; set; }

    public bool EspeciallyComplex { get; set; }

    public bool Remote { get; set; }

    public bool SeveralPlaces { get; set; }

    /// <summary>The reception session where the citizen raised it (nguồn: tiếp công dân), if any.</summary>
    public int? ReceptionSessionId { get; set; }
}

/// <summary>A denouncer's identity as sealed (never stored in clear, never in search, lists or exports).</summary>
public sealed record DenouncerIdentity(string Name, string? Address, string? Phone, string? IdNumber);

/// <summary>The register's result: the case and the receipt's second factor, shown once.</summary>
public sealed record RegisteredCase(CitizenCase Case, string AccessKey);

/// <summary>The writes of citizens' cases: intake, each step on the statutory clock, assignment, the identity reveal.</summary>
public sealed class CaseCommands(AppDbContext db, StatutoryDeadlines deadlines, IdentityProtector identities, TimeProvider clock)
{
    private const string KeyAlphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    public static string HashAccessKey(string key) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key.Trim().ToUpperInvariant())));

    public async Task<Result<RegisteredCase>> RegisterAsync(UserScope user, CaseIntake input, CancellationToken ct = default)
    {
        if (!CaseAccessRules.CanHandle(user, user.UnitId))
        {
            return Result<RegisteredCase>.Forbidden();
        }

        var today = VietnamClock.Today(clock);
        var errors = new FieldErrors();
        DateOnly received = default;
        if (string.IsNullOrWhiteSpace(input.ReceivedOn))
        {
            errors.Add(nameof(input.ReceivedOn), "Vui lòng nhập ngày nhận đơn.");
        }
        else if (!VietnameseText.TryParseDate(input.ReceivedOn, out received))
        {
            errors.Add(nameof(input.ReceivedOn), "Ngày nhận đơn không hợp lệ: nhập theo dạng ngày/tháng/năm, ví dụ 02/03/2026.");
        }
        else if (received > today)
        {
            errors.Add(nameof(input.ReceivedOn), "Ngày nhận đơn không được sau hôm nay.");
        }
        else if (received < today.AddYears(-5))
        {
            errors.Add(nameof(input.ReceivedOn), "Ngày nhận đơn quá xa (hơn 5 năm trước); kiểm tra lại năm.");
        }

        if (input.Source is null || !Enum.IsDefined(input.Source.Value))
        {
            errors.Add(nameof(input.Source), "Vui lòng chọn nguồn đơn.");
        }

        if (input.Kind is null || !Enum.IsDefined(input.Kind.Value))
        {
            errors.Add(nameof(input.Kind), "Vui lòng chọn loại đơn (theo nội dung, không theo tiêu đề đơn).");
        }

        if (input.Instance is not (1 or 2))
        {
            errors.Add(nameof(input.Instance), "Lần khiếu nại phải là 1 hoặc 2.");
        }

        var summary = errors.RequiredText(nameof(input.Summary), input.Summary, 4000, "nội dung tóm tắt");
        var fields = await CaseFieldQueries.InForceAsync(db, VietnamClock.Today(clock), ct);
        if (input.Field is null || fields.All(f => f.Code != input.Field))
        {
            errors.Add(nameof(input.Field), "Vui lòng chọn lĩnh vực.");
        }

        var denunciation = input.Kind == CaseKind.Denunciation;
        string? name = null;
        if (!input.Anonymous)
        {
            name = errors.RequiredText(nameof(input.SenderName), input.SenderName, 300, denunciation ? "họ tên người tố cáo" : "họ tên người gửi đơn");
        }
        else if (!denunciation)
        {
            errors.Add(nameof(input.Anonymous), "Chỉ tố cáo mới có thể nặc danh; đơn khiếu nại, kiến nghị phải có họ tên người gửi.");
        }

        var address = errors.Text(nameof(input.SenderAddress), input.SenderAddress, 500, "Địa chỉ");
        var phone = errors.Text(nameof(input.SenderPhone), input.SenderPhone, 30, "Số điện thoại");
        var idNumber = errors.Text(nameof(input.SenderIdNumber), input.SenderIdNumber, 20, "Số định danh");
        var representatives = errors.Text(nameof(input.Representatives), input.Representatives, 1000, "Người đại diện");
        var respondent = errors.Text(nameof(input.Respondent), input.Respondent, 500, "Người, cơ quan bị khiếu nại, tố cáo");
        if (input.Signatories is < 1 or > 100_000)
        {
            errors.Add(nameof(input.Signatories), "Số người đứng đơn phải từ 1 đến 100.000.");
        }
        else if (input.Signatories >= 5 && representatives is null && !input.Anonymous)
        {
            errors.Add(nameof(input.Representatives), "Đơn có từ 5 người đứng tên phải ghi người đại diện (Điều 6 Nghị định 124/2020/NĐ-CP).");
        }

        if (input.Kind is CaseKind.Complaint or CaseKind.Denunciation && respondent is null)
        {
            errors.Add(nameof(input.Respondent), denunciation ? "Vui lòng ghi người, cơ quan bị tố cáo." : "Vui lòng ghi quyết định, hành vi hoặc người bị khiếu nại.");
        }

        if (input.ReceptionSessionId is { } sessionId)
        {
            var session = await db.ReceptionSessions.AsNoTracking().Where(s => s.Id == sessionId && s.UnitId == user.UnitId)
                .Select(s => new { s.On, s.State }).FirstOrDefaultAsync(ct);
            if (session is null || session.State == Domain.Reception.ReceptionState.NotHeld || session.On > today)
            {
                errors.Add(nameof(input.ReceptionSessionId), "Buổi tiếp công dân không có trong sổ tiếp công dân của đơn vị hoặc chưa diễn ra.");
            }
            else if (input.Source != CaseSource.Reception)
            {
                errors.Add(nameof(input.Source), "Đơn nhận tại buổi tiếp công dân có nguồn “Tiếp công dân”.");
            }
            else if (received != default && received != session.On)
            {
                errors.Add(nameof(input.ReceivedOn), $"Đơn nhận tại buổi tiếp công dân ngày {VietnameseText.FormatDate(session.On)}: ngày nhận đơn là ngày tiếp.");
            }
        }

        if (errors.Any)
        {
            return Result<RegisteredCase>.Invalid(errors.ToDictionary());
        }

        var conditions = DeadlineConditions.None;
        conditions |= input.Complex ? DeadlineConditions.Complex : 0;
        conditions |= input.EspeciallyComplex ? DeadlineConditions.EspeciallyComplex | DeadlineConditions.Complex : 0;
        conditions |= input.Remote ? DeadlineConditions.Remote : 0;
        conditions |= input.SeveralPlaces ? DeadlineConditions.SeveralPlaces : 0;

        await using var tx = await db.BeginOrJoinTransactionAsync(ct);
        var unitCode = await db.OrgUnits.Where(u => u.Id == user.UnitId).Select(u => u.Code).SingleAsync(ct);
        await db.LockForCreateAsync($"case-code:{user.UnitId}:{received.Year}", ct);
        var prefix = $"{unitCode}-{received.Year}-";
        var last = await db.Cases.Where(c => c.UnitId == user.UnitId && c.Code.StartsWith(prefix)).OrderByDescending(c => c.Code).Select(c => c.Code).FirstOrDefaultAsync(ct);
        var next = last is null ? 1 : int.Parse(last[prefix.Length..], System.Globalization.CultureInfo.InvariantCulture) + 1;
        var key = NewKey();
        var kind = input.Kind!.Value;
        var row = new CitizenCase
        {
            UnitId = user.UnitId,
            Code = prefix + next.ToString("D5", System.Globalization.CultureInfo.InvariantCulture),
            AccessKeyHash = HashAccessKey(key),
            ReceivedOn = received,
            Source = input.Source!.Value,
            Kind = kind,
            Instance = kind == CaseKind.Complaint ? input.Instance : 1,
            Summary = summary!,
            Field = input.Field!,
            SenderName = denunciation ? null : name,
            SenderAddress = denunciation ? null : address,
            SenderPhone = denunciation ? null : phone,
            Signatories = input.Signatories,
            Representatives = denunciation ? null : representatives,
            Respondent = respondent,
            WithinCompetence = input.WithinCompetence,
            Anonymous = denunciation && input.Anonymous,
            Conditions = conditions,
            ReceptionSessionId = input.ReceptionSessionId,
            CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
        };
        row.SearchText = VietnameseText.Fold($"{row.Code} {row.Summary} {fields.First(f => f.Code == row.Field).Name} {row.Respondent} {(denunciation ? "" : row.SenderName)}");

        // Trùng đơn: the same content (kind, field, respondent) from the same sender, or for denunciations the same
        // content anywhere in the unit, already registered.
        var folded = VietnameseText.Fold(respondent);
        var candidates = await db.Cases.AsNoTracking()
            .Where(c => c.UnitId == user.UnitId && c.Kind == kind && c.Field == row.Field && c.Respondent != null)
            .OrderByDescending(c => c.Id).Take(200)
            .Select(c => new { c.Id, c.Respondent, c.SenderName }).ToListAsync(ct);
        row.DuplicateOfId = candidates.FirstOrDefault(c => VietnameseText.Fold(c.Respondent) == folded
            && (denunciation || VietnameseText.Fold(c.SenderName) == VietnameseText.Fold(name)))?.Id;

        await SetDueAsync(row, today, ct);
        row.Steps.Add(new CaseStep
        {
            On = received,
            StateAfter = row.State,
            DueOnAfter = row.DueOn,
            DueExplanation = row.DueExplanation,
            Reason = "Tiếp nhận đơn: " + CaseRules.Label(row.Source),
            ByUserName = user.UserName,
            AtUtc = row.CreatedAtUtc,
        });
        db.Cases.Add(row);
        await db.SaveChangesAsync(ct);
        if (denunciation && !row.Anonymous)
        {
            var json = JsonSerializer.Serialize(new DenouncerIdentity(name!, address, phone, idNumber));
            var (keyId, sealedValue) = identities.Seal(json, row.Code);
            db.CaseIdentities.Add(new CaseIdentity { CaseId = row.Id, KeyId = keyId, Sealed = sealedValue });
            await db.SaveChangesAsync(ct);
        }

        await tx.CommitAsync(ct);
        return Result<RegisteredCase>.Ok(new RegisteredCase(row, key));
    }

    public async Task<Result<CitizenCase>> StepAsync(UserScope user, int caseId, CaseCommand command, Guid stamp, CancellationToken ct = default)
    {
        var row = await db.Cases.Include(c => c.Steps).FirstOrDefaultAsync(c => c.Id == caseId, ct);
        if (row is null || !await CanReadAsync(user, row, ct))
        {
            return Result<CitizenCase>.NotFound();
        }

        if (!CaseAccessRules.CanHandle(user, row.UnitId))
        {
            return Result<CitizenCase>.Forbidden();
        }

        if (row.ConcurrencyStamp != stamp)
        {
            return Result<CitizenCase>.Invalid("", "Vụ việc vừa được người khác cập nhật; tải lại trang để xem bước mới nhất rồi làm lại.");
        }

        var today = VietnamClock.Today(clock);
        var facts = await FactsAsync(row, ct);
        var outcome = CaseRules.Check(facts, command, today);
        if (!outcome.IsOk)
        {
            return Result<CitizenCase>.Invalid(outcome.Errors.ToDictionary(e => e.Key, e => new[] { e.Value }));
        }

        var step = new CaseStep
        {
            Action = command.Action,
            On = command.On,
            Reason = VietnameseText.Optional(command.Reason),
            ToBody = VietnameseText.Optional(command.ToBody),
            Days = command.Action == CaseAction.Extend ? command.Days : null,
            StateAfter = outcome.NewState!.Value,
            ByUserName = user.UserName,
            AtUtc = clock.GetUtcNow().UtcDateTime,
        };
        var previousDue = row.DueOn;
        row.State = outcome.NewState.Value;
        if (command.Action == CaseAction.Accept)
        {
            row.AcceptedOn = command.On;
        }
        else if (command.Action == CaseAction.MarkComplex)
        {
            row.Conditions |= DeadlineConditions.Complex;
        }

        row.Steps.Add(step);
        if (CaseRules.IsFinal(row.State))
        {
            row.ClosedOn = command.On;
            row.ClosedOnTime = command.Action is CaseAction.Withdraw ? null : previousDue is null || command.On <= previousDue;
            row.DueOn = null;
            row.DueRuleCode = null;
            row.DueExplanation = null;
        }
        else
        {
            var error = await SetDueAsync(row, today, ct);
            if (error is not null)
            {
                return Result<CitizenCase>.Invalid(command.Action == CaseAction.Extend ? "Days" : "", error);
            }
        }

        step.DueOnAfter = row.DueOn;
        step.DueExplanation = row.DueExplanation;
        row.ConcurrencyStamp = Guid.NewGuid();
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Result<CitizenCase>.Invalid("", "Vụ việc vừa được người khác cập nhật; tải lại trang để xem bước mới nhất rồi làm lại.");
        }

        return Result<CitizenCase>.Ok(row);
    }

    /// <summary>The head names the handler (cán bộ thụ lý) from the unit's staff.</summary>
    public async Task<Result<CitizenCase>> AssignAsync(UserScope user, int caseId, string? handlerUserId, CancellationToken ct = default)
    {
        var row = await db.Cases.FirstOrDefaultAsync(c => c.Id == caseId, ct);
        if (row is null || !await CanReadAsync(user, row, ct))
        {
            return Result<CitizenCase>.NotFound();
        }

        if (!CaseAccessRules.CanAssign(user, row.UnitId))
        {
            return Result<CitizenCase>.Forbidden();
        }

        var handler = string.IsNullOrWhiteSpace(handlerUserId) ? null
            : await db.Users.Where(u => u.Id == handlerUserId && u.OrgUnitId == row.UnitId).Select(u => u.Id).FirstOrDefaultAsync(ct);
        if (handler is null)
        {
            return Result<CitizenCase>.Invalid("HandlerUserId", "Vui lòng chọn cán bộ thụ lý thuộc đơn vị.");
        }

        row.HandlerUserId = handler;
        row.ConcurrencyStamp = Guid.NewGuid();
        await db.SaveChangesAsync(ct);
        return Result<CitizenCase>.Ok(row);
    }

    /// <summary>A new receipt key (the old one stops working), for the receipt printed again: the unit's staff only.</summary>
    public async Task<Result<string>> ReissueKeyAsync(UserScope user, int caseId, CancellationToken ct = default)
    {
        var row = await db.Cases.FirstOrDefaultAsync(c => c.Id == caseId, ct);
        if (row is null || !await CanReadAsync(user, row, ct))
        {
            return Result<string>.NotFound();
        }

        if (!CaseAccessRules.CanHandle(user, row.UnitId))
        {
            return Result<string>.Forbidden();
        }

        var key = NewKey();
        row.AccessKeyHash = HashAccessKey(key);
        await db.SaveChangesAsync(ct);
        return Result<string>.Ok(key);
    }

    private static string NewKey() => string.Concat(Enumerable.Range(0, 8).Select(_ => KeyAlphabet[RandomNumberGenerator.GetInt32(KeyAlphabet.Length)]));

    /// <summary>Opens a denouncer's identity for the handler or the head; every opening is in the audit trail.</summary>
    public async Task<Result<DenouncerIdentity>> RevealAsync(UserScope user, int caseId, string client, CancellationToken ct = default)
    {
        var row = await db.Cases.AsNoTracking().FirstOrDefaultAsync(c => c.Id == caseId, ct);
        if (row is null || !await CanReadAsync(user, row, ct))
        {
            return Result<DenouncerIdentity>.NotFound();
        }

        if (!CaseAccessRules.CanRevealDenouncer(user, new CaseAccessRules.CaseRef(row.UnitId, "", row.HandlerUserId)))
        {
            return Result<DenouncerIdentity>.Forbidden();
        }

        var sealedRow = await db.CaseIdentities.AsNoTracking().FirstOrDefaultAsync(i => i.CaseId == caseId, ct);
        if (sealedRow is null)
        {
            return Result<DenouncerIdentity>.Invalid("", row.Anonymous ? "Tố cáo nặc danh: không có thông tin người tố cáo." : "Vụ việc này không có thông tin người tố cáo.");
        }

        var json = identities.Open(sealedRow.KeyId, sealedRow.Sealed, row.Code);
        await LogReadAsync(user, row, "reveal", nameof(CaseIdentity),
            new Dictionary<string, string> { ["case"] = row.Code, ["client"] = client, ["opened"] = json is null ? "không mở được" : "đã xem" }, ct);
        return json is null
            ? Result<DenouncerIdentity>.Invalid("", "Không mở được thông tin người tố cáo: khóa mã hóa không còn hoặc dữ liệu bị thay đổi. Báo quản trị hệ thống.")
            : Result<DenouncerIdentity>.Ok(JsonSerializer.Deserialize<DenouncerIdentity>(json)!);
    }

    /// <summary>A read of need-to-know data ("read": a sender's details, "reveal": a denouncer's identity) in the audit trail.</summary>
    public async Task LogReadAsync(UserScope user, CitizenCase row, string action, string entityType, Dictionary<string, string> details, CancellationToken ct)
    {
        db.AuditEntries.Add(AuditRecorder.Read(user, row.UnitId, action, entityType, row.Id, details, clock.GetUtcNow().UtcDateTime));
        await db.SaveChangesAsync(ct);
    }

    public async Task<bool> CanReadAsync(UserScope user, CitizenCase row, CancellationToken ct)
    {
        var path = await db.OrgUnits.Where(u => u.Id == row.UnitId).Select(u => u.AncestorPath).SingleAsync(ct);
        return CaseAccessRules.CanRead(user, new CaseAccessRules.CaseRef(row.UnitId, path, row.HandlerUserId));
    }

    public async Task<CaseFacts> FactsAsync(CitizenCase row, CancellationToken ct)
    {
        var steps = row.Steps.OrderBy(s => s.On).ThenBy(s => s.Id).ToList();
        var suspensions = new List<DateSpan>();
        DateOnly? since = null;
        foreach (var s in steps)
        {
            if (s.Action == CaseAction.Suspend)
            {
                since = s.On;
            }
            else if (s.Action == CaseAction.Resume && since is { } from)
            {
                // Suspended from the day of the decision (never the day of acceptance itself, which is not counted
                // anyway) to the day before work resumed.
                var start = row.AcceptedOn is { } accepted && from <= accepted ? accepted.AddDays(1) : from;
                if (s.On > start)
                {
                    suspensions.Add(new DateSpan(start, s.On.AddDays(-1)));
                }

                since = null;
            }
        }

        var transferred = false;
        if (row.Kind == CaseKind.Denunciation && row.DuplicateOfId is { } dup)
        {
            transferred = await db.CaseSteps.AnyAsync(s => s.CaseId == dup && s.Action == CaseAction.Transfer, ct);
        }

        return new CaseFacts
        {
            Kind = row.Kind,
            State = row.State,
            ReceivedOn = row.ReceivedOn,
            AcceptedOn = row.AcceptedOn,
            Instance = row.Instance,
            WithinCompetence = row.WithinCompetence,
            Conditions = row.Conditions,
            Extensions = steps.Where(s => s.Action == CaseAction.Extend && s.Days is > 0).Select(s => s.Days!.Value).ToList(),
            Suspensions = suspensions,
            SuspendedSince = row.State == CaseState.Suspended ? since : null,
            SameContentAlreadyTransferred = transferred,
            LastStepOn = steps.Count == 0 ? row.ReceivedOn : steps.Max(s => s.On),
        };
    }

    /// <summary>Sets the row's deadline for its current step from the clock; the clock's refusal (as text) when it refuses.</summary>
    private async Task<string?> SetDueAsync(CitizenCase row, DateOnly today, CancellationToken ct)
    {
        var facts = await FactsAsync(row, ct);
        if (CaseRules.CurrentDeadline(facts, today) is not { } due)
        {
            row.DueOn = null;
            row.DueRuleCode = null;
            row.DueExplanation = null;
            return null;
        }

        var answer = await deadlines.ComputeAsync(due.Rule, due.Request, ct);
        if (!answer.IsOk)
        {
            return answer.Error;
        }

        row.DueOn = answer.Value!.Date;
        row.DueRuleCode = due.Rule;
        row.DueExplanation = answer.Value.Explanation.Length > 600 ? answer.Value.Explanation[..600] : answer.Value.Explanation;
        return null;
    }
}
