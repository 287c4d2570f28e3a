using DanVan.Data;
using DanVan.Domain.Access;
using DanVan.Domain.Reception;
using DanVan.Domain.Text;
using DanVan.Domain.Units;
using DanVan.Features.Units;
using DanVan.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Features.Reception;

/// <summary>A session as the schedule announces it (lịch tiếp công dân).</summary>
public sealed class ReceptionScheduleInput
{
    public string? On { get; set; }

    public ReceptionKind? Kind { get; set; }

    public string? Time { get; set; }

    public string? Place { get; set; }

    public string? HostName { get; set; }

    public string? HostPost { get; set; }
}

/// <summary>What the sổ tiếp công dân records after a session.</summary>
public sealed class ReceptionLogInput
{
    public int? CitizensReceived { get; set; }

    public int? Groups { get; set; }

    public string? GroupRepresentatives { get; set; }

    public string? Matters { get; set; }

    public string? Conclusion { get; set; }
}

/// <summary>The writes of citizen reception: schedule a session, record its log, or record that it was not held.</summary>
public sealed class ReceptionCommands(AppDbContext db, TimeProvider clock)
{
    private const string Stale = "Buổi tiếp vừa được người khác cập nhật. Tải lại trang để xem thông tin mới nhất.";

    public async Task<Result<ReceptionSession>> ScheduleAsync(UserScope user, ReceptionScheduleInput input, CancellationToken ct = default)
    {
        if (!ReceptionAccessRules.CanManage(user, user.UnitId))
        {
            return Result<ReceptionSession>.Forbidden();
        }

        var today = VietnamClock.Today(clock);
        var errors = new FieldErrors();
        DateOnly on = default;
        if (string.IsNullOrWhiteSpace(input.On))
        {
            errors.Add(nameof(input.On), "Vui lòng nhập ngày tiếp công dân.");
        }
        else if (!VietnameseText.TryParseDate(input.On, out on))
        {
            errors.Add(nameof(input.On), "Ngày tiếp không hợp lệ: nhập theo dạng ngày/tháng/năm, ví dụ 09/12/2026.");
        }
        else if (on > today.AddYears(1) || on < today.AddYears(-1))
        {
            errors.Add(nameof(input.On), "Ngày tiếp phải trong vòng một năm trước hoặc sau hôm nay.");
        }

        if (input.Kind is null || !Enum.IsDefined(input.Kind.Value))
        {
            errors.Add(nameof(input.Kind), "Vui lòng chọn hình thức tiếp (định kỳ, thường xuyên, đột xuất).");
        }

        var time = errors.Text(nameof(input.Time), input.Time, 60, "Thời gian");
        var place = errors.RequiredText(nameof(input.Place), input.Place, 300, "địa điểm tiếp");
        var host = errors.RequiredText(nameof(input.HostName), input.HostName, 200, "họ tên người chủ trì tiếp");
        var post = errors.RequiredText(nameof(input.HostPost), input.HostPost, 200, "chức vụ người chủ trì tiếp");
        if (errors.Any)
        {
            return Result<ReceptionSession>.Invalid(errors.ToDictionary());
        }

        var kind = input.Kind!.Value;
        if (await db.ReceptionSessions.AnyAsync(s => s.UnitId == user.UnitId && s.On == on && s.Kind == kind && s.State != ReceptionState.NotHeld, ct))
        {
            return Result<ReceptionSession>.Invalid(nameof(input.On),
                $"Đã có buổi tiếp công dân {ReceptionRules.Label(kind).ToLower(VietnameseText.Culture)} ngày {VietnameseText.FormatDate(on)} trên lịch của đơn vị.");
        }

        var row = new ReceptionSession
        {
            UnitId = user.UnitId, Kind = kind, On = on, Time = time, Place = place!, HostName = host!, HostPost = post!,
            CreatedBy = user.UserName, CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
        };
        db.ReceptionSessions.Add(row);
        await db.SaveChangesAsync(ct);
        return Result<ReceptionSession>.Ok(row);
    }

    /// <summary>Ghi sổ: the session was held; how many were received, the groups and their representatives, what was raised, the conclusion.</summary>
    public async Task<Result<ReceptionSession>> LogAsync(UserScope user, int id, ReceptionLogInput input, Guid stamp, CancellationToken ct = default)
    {
        var row = await db.ReceptionSessions.FirstOrDefaultAsync(s => s.Id == id, ct);
        if (await DeniedAsync(user, row, ct) is { } denied)
        {
            return denied;
        }

        var errors = new FieldErrors();
        foreach (var (field, message) in ReceptionRules.CheckLog(row!, VietnamClock.Today(clock), input.CitizensReceived, input.Groups, input.GroupRepresentatives, input.Matters))
        {
            errors.Add(field, message);
        }

        var representatives = errors.Text(nameof(input.GroupRepresentatives), input.GroupRepresentatives, 1000, "Người đại diện");
        var matters = errors.Text(nameof(input.Matters), input.Matters, 4000, "Nội dung công dân trình bày");
        var conclusion = errors.Text(nameof(input.Conclusion), input.Conclusion, 4000, "Kết luận");
        if (row!.ConcurrencyStamp != stamp)
        {
            errors.Add("", Stale);
        }

        if (errors.Any)
        {
            return Result<ReceptionSession>.Invalid(errors.ToDictionary());
        }

        row.State = ReceptionState.Held;
        row.CitizensReceived = input.CitizensReceived;
        row.Groups = input.Groups ?? 0;
        row.GroupRepresentatives = row.Groups > 0 ? representatives : null;
        row.Matters = matters;
        row.Conclusion = conclusion;
        row.NotHeldReason = null;
        row.RecordedBy = user.UserName;
        row.RecordedAtUtc = clock.GetUtcNow().UtcDateTime;
        row.ConcurrencyStamp = Guid.NewGuid();
        return await SaveAsync(row, ct);
    }

    /// <summary>Không tiếp: a scheduled session that did not take place, with the reason (it still counts as missed).</summary>
    public async Task<Result<ReceptionSession>> NotHeldAsync(UserScope user, int id, string? reason, Guid stamp, CancellationToken ct = default)
    {
        var row = await db.ReceptionSessions.FirstOrDefaultAsync(s => s.Id == id, ct);
        if (await DeniedAsync(user, row, ct) is { } denied)
        {
            return denied;
        }

        var errors = new FieldErrors();
        var why = errors.RequiredText("NotHeldReason", reason, 1000, "lý do không tiếp");
        if (row!.State == ReceptionState.Held)
        {
            errors.Add("", "Buổi tiếp đã được ghi sổ là đã tiếp: không ghi là không tiếp được.");
        }

        if (row.ConcurrencyStamp != stamp)
        {
            errors.Add("", Stale);
        }

        if (errors.Any)
        {
            return Result<ReceptionSession>.Invalid(errors.ToDictionary());
        }

        row.State = ReceptionState.NotHeld;
        row.NotHeldReason = why;
        row.RecordedBy = user.UserName;
        row.RecordedAtUtc = clock.GetUtcNow().UtcDateTime;
        row.ConcurrencyStamp = Guid.NewGuid();
        return await SaveAsync(row, ct);
    }

    public async Task LogReadAsync(UserScope user, ReceptionSession row, CancellationToken ct)
    {
        db.AuditEntries.Add(AuditRecorder.Read(user, row.UnitId, "read", nameof(ReceptionSession), row.Id,
            new Dictionary<string, string> { ["session"] = VietnameseText.FormatDate(row.On), ["fields"] = nameof(ReceptionSession.GroupRepresentatives) },
            clock.GetUtcNow().UtcDateTime));
        await db.SaveChangesAsync(ct);
    }

    private async Task<Result<ReceptionSession>?> DeniedAsync(UserScope user, ReceptionSession? row, CancellationToken ct)
    {
        if (row is null)
        {
            return Result<ReceptionSession>.NotFound();
        }

        var path = await db.OrgUnits.Where(u => u.Id == row.UnitId).Select(u => u.AncestorPath).SingleAsync(ct);
        if (!ReceptionAccessRules.CanRead(user, path, row.UnitId))
        {
            return Result<ReceptionSession>.NotFound();
        }

        return ReceptionAccessRules.CanManage(user, row.UnitId) ? null : Result<ReceptionSession>.Forbidden();
    }

    private async Task<Result<ReceptionSession>> SaveAsync(ReceptionSession row, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return Result<ReceptionSession>.Ok(row);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Result<ReceptionSession>.Invalid("", Stale);
        }
    }
}

/// <summary>Reads of the reception schedule and log, and who met the duty of periodic reception.</summary>
public static class ReceptionQueries
{
    public sealed record SessionRow(int Id, DateOnly On, string? Time, ReceptionKind Kind, ReceptionState State, string HostName, string HostPost, string Place,
        int? CitizensReceived, int? Groups, string UnitName);

    /// <summary>Sổ tiếp công dân as its page, export and API list it: the scope's sessions between two days, by kind and unit name, by day.</summary>
    public static async Task<IQueryable<SessionRow>> LogAsync(AppDbContext db, UserScope scope, DateOnly from, DateOnly to, ReceptionKind? kind, string? q, CancellationToken ct)
    {
        var query = (await db.ReceptionSessions.AsNoTracking().VisibleToAsync(db, scope, ct)).Where(s => s.On >= from && s.On <= to);
        if (kind is { } k && Enum.IsDefined(k))
        {
            query = query.Where(s => s.Kind == k);
        }

        var rows = from s in query
                   join u in db.OrgUnits on s.UnitId equals u.Id
                   select new { s, u.Name, u.SearchText };
        var folded = VietnameseText.Fold(q);
        if (folded.Length > 0)
        {
            rows = rows.Where(r => r.SearchText.Contains(folded));
        }

        return rows.OrderBy(r => r.s.On).ThenByVietnamese(db, r => r.Name).ThenBy(r => r.s.Id)
            .Select(r => new SessionRow(r.s.Id, r.s.On, r.s.Time, r.s.Kind, r.s.State, r.s.HostName, r.s.HostPost, r.s.Place, r.s.CitizensReceived, r.s.Groups, r.Name));
    }

    /// <summary>The sessions of units in the user's scope, the scope's unit ids read first (ADR-007).</summary>
    public static async Task<IQueryable<ReceptionSession>> VisibleToAsync(this IQueryable<ReceptionSession> sessions, AppDbContext db, UserScope user, CancellationToken ct)
    {
        if (user.IsAdmin)
        {
            return sessions;
        }

        var units = await db.OrgUnits.InScope(user).Select(o => o.Id).ToListAsync(ct);
        return sessions.Where(s => units.Contains(s.UnitId));
    }

    public sealed record DutyRow(int UnitId, string UnitName, string Holder, string Basis, int Required, DutyPeriod Per, int PeriodsJudged, int PeriodsMissed, int Held,
        IReadOnlyList<DutyPeriodResult> Missed);

    /// <summary>
    /// For every unit in the user's scope that has a duty (communes weekly, departments and the province monthly), the
    /// periods of [from, to] already over and those in which its head held fewer periodic sessions than the law asks.
    /// One query for the units, one for the sessions: no query per unit.
    /// </summary>
    public static async Task<List<DutyRow>> DutiesAsync(AppDbContext db, UserScope user, DateOnly from, DateOnly to, DateOnly today, CancellationToken ct)
    {
        var duties = await db.ReceptionDuties.AsNoTracking().ToListAsync(ct);
        var kinds = duties.Where(d => d.ValidFrom <= to && (d.ValidTo == null || d.ValidTo >= from)).SelectMany(d => d.Kinds()).Distinct().ToList();
        var units = await db.OrgUnits.AsNoTracking().InScope(user)
            .Where(o => o.ValidTo == null && kinds.Contains(o.Kind))
            .Select(o => new { o.Id, o.Name, o.Kind }).ToListAsync(ct);
        var ids = units.Select(u => u.Id).ToList();
        var held = (await db.ReceptionSessions.AsNoTracking()
                .Where(s => ids.Contains(s.UnitId) && s.Kind == ReceptionKind.Periodic && s.State == ReceptionState.Held && s.On >= from.AddDays(-7) && s.On <= to)
                .Select(s => new { s.UnitId, s.On }).ToListAsync(ct))
            .GroupBy(s => s.UnitId).ToDictionary(g => g.Key, g => (IReadOnlyCollection<DateOnly>)g.Select(x => x.On).ToList());
        var rows = new List<DutyRow>();
        foreach (var u in units)
        {
            if (ReceptionRules.DutyOf(duties, u.Kind, to) is not { } duty)
            {
                continue;
            }

            var dates = held.GetValueOrDefault(u.Id) ?? [];
            var periods = ReceptionRules.Check(duty, dates, from, to, today);
            var missed = periods.Where(p => !p.Met).ToList();
            rows.Add(new DutyRow(u.Id, u.Name, duty.Holder, duty.Basis, duty.Minimum, duty.Per, periods.Count, missed.Count, dates.Count(d => d >= from && d <= to), missed));
        }

        return rows.OrderByDescending(r => r.PeriodsMissed).ThenBy(r => r.UnitName, StringComparer.Create(VietnameseText.Culture, false)).ToList();
    }
}
