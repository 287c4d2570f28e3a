using DanVan.Data;
using DanVan.Domain.Access;
using DanVan.Domain.Democracy;
using DanVan.Domain.Text;
using DanVan.Features.Shared;
using DanVan.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Features.Democracy;

public sealed class OversightMemberInput
{
    public string? Name { get; set; }

    public OversightMemberRole? Role { get; set; }
}

/// <summary>A board as a form or the API sends it.</summary>
public sealed class OversightBoardInput
{
    public OversightBoardKind? Kind { get; set; }

    public string? Name { get; set; }

    public string? Project { get; set; }

    public string? TermFrom { get; set; }

    public string? TermTo { get; set; }

    public List<OversightMemberInput> Members { get; set; } = [];
}

/// <summary>An inspection or supervision as a form sends it.</summary>
public sealed class OversightActivityInput
{
    public OversightActivityKind? Kind { get; set; }

    public string? HeldOn { get; set; }

    public string? Subject { get; set; }

    public string? Findings { get; set; }

    public string? Recommendations { get; set; }

    public bool RecommendationsSettled { get; set; }
}

/// <summary>
/// The writes of Nhân dân kiểm tra, giám sát: a unit's officers and head keep its boards (with members, checked against
/// the member-count bounds in force) and their activities. Same access as the disclosure register (ADR-025).
/// </summary>
public sealed class OversightCommands(AppDbContext db, TimeProvider clock)
{
    public const string Stale = "Bản ghi vừa được người khác thay đổi; tải lại trang rồi làm lại.";

    public async Task<List<OversightBoardRule>> RulesAsync(CancellationToken ct) => await db.OversightBoardRules.AsNoTracking().ToListAsync(ct);

    /// <summary>Creates a board (<paramref name="id"/> null) or corrects one, its members replaced by those sent.</summary>
    public async Task<Result<OversightBoard>> SaveBoardAsync(UserScope user, int? id, OversightBoardInput input, Guid? stamp, CancellationToken ct = default)
    {
        OversightBoard? row = null;
        if (id is { } boardId)
        {
            row = await db.OversightBoards.Include(b => b.Members).FirstOrDefaultAsync(b => b.Id == boardId, ct);
            if (await db.RefusalAsync<OversightBoard>(user, row?.UnitId, row?.ConcurrencyStamp, stamp, Stale, ct) is { } refused)
            {
                return refused;
            }
        }
        else if (!DisclosureAccessRules.CanRecord(user, user.UnitId))
        {
            return Result<OversightBoard>.Forbidden();
        }

        var unitId = row?.UnitId ?? user.UnitId;
        var unit = await db.OrgUnits.AsNoTracking().Where(u => u.Id == unitId).Select(u => new { u.Kind, u.Name }).FirstOrDefaultAsync(ct);
        if (unit is null)
        {
            return Result<OversightBoard>.Forbidden();
        }

        var scope = DisclosureRules.ScopeOf(unit.Kind);
        if (scope is null)
        {
            return Result<OversightBoard>.Forbidden();
        }

        var errors = new FieldErrors();
        var name = errors.Text(nameof(input.Name), VietnameseText.Optional(input.Name), 300, "Tên ban");
        var project = errors.Text(nameof(input.Project), VietnameseText.Optional(input.Project), 500, "Chương trình, dự án");
        var from = errors.Date(nameof(input.TermFrom), input.TermFrom, "ngày bắt đầu nhiệm kỳ", required: true);
        var to = errors.Date(nameof(input.TermTo), input.TermTo, "ngày kết thúc nhiệm kỳ", required: true);
        var members = new List<(string Name, OversightMemberRole? Role)>();
        foreach (var (m, i) in (input.Members ?? []).Select((m, i) => (m, i)))
        {
            var memberName = errors.Text($"Members[{i}].Name", VietnameseText.Optional(m?.Name), 200, $"Họ tên thành viên thứ {i + 1}");
            if (memberName is not null)
            {
                members.Add((memberName, m!.Role));
            }
        }

        var kind = input.Kind;
        var rules = await RulesAsync(ct);
        var rule = kind is { } k && Enum.IsDefined(k) ? OversightRules.RuleFor(rules, k, scope.Value, from ?? VietnamClock.Today(clock)) : null;
        foreach (var (key, message) in OversightRules.Check(new OversightBoardFacts(scope, kind, name, project, from, to, members, rule)))
        {
            errors.Add(key, message);
        }

        if (errors.Any)
        {
            return Result<OversightBoard>.Invalid(errors.ToDictionary());
        }

        if (row is null)
        {
            row = new OversightBoard { UnitId = unitId };
            db.OversightBoards.Add(row);
        }
        else
        {
            db.OversightBoardMembers.RemoveRange(row.Members);
            row.Members.Clear();
            row.ConcurrencyStamp = Guid.NewGuid();
        }

        row.Kind = kind!.Value;
        row.Name = VietnameseText.Nfc(name)!;
        row.Project = kind == OversightBoardKind.CommunityInvestment ? VietnameseText.Nfc(project) : null;
        row.TermFrom = from!.Value;
        row.TermTo = to!.Value;
        row.MemberCount = members.Count;
        row.RecordedByUserName = user.UserName;
        row.RecordedAtUtc = clock.GetUtcNow().UtcDateTime;
        row.Members.AddRange(members.Select((m, i) => new OversightBoardMember { Name = VietnameseText.Nfc(m.Name)!, Role = m.Role!.Value, SortOrder = i + 1 }));
        row.SearchText = Clip(VietnameseText.Fold($"{row.Name} {row.Project} {OversightRules.Label(row.Kind)} {string.Join(' ', members.Select(m => m.Name))} {unit.Name}"), 1500);
        if (id is not null)
        {
            // The activities keep their board's kind for the measure.
            foreach (var a in await db.OversightActivities.Where(a => a.BoardId == row.Id && a.BoardKind != row.Kind).ToListAsync(ct))
            {
                a.BoardKind = row.Kind;
            }
        }

        return await db.SaveOrStaleAsync(row, Stale, ct);
    }

    /// <summary>Deletes a board with its members and activities (each audited), after confirmation.</summary>
    public async Task<Result<OversightBoard>> DeleteBoardAsync(UserScope user, int id, Guid stamp, CancellationToken ct = default)
    {
        var row = await db.OversightBoards.Include(b => b.Members).FirstOrDefaultAsync(b => b.Id == id, ct);
        if (await db.RefusalAsync<OversightBoard>(user, row?.UnitId, row?.ConcurrencyStamp, stamp, Stale, ct) is { } refused)
        {
            return refused;
        }

        db.OversightActivities.RemoveRange(await db.OversightActivities.Where(a => a.BoardId == id).ToListAsync(ct));
        db.OversightBoards.Remove(row!);
        return await db.SaveOrStaleAsync(row!, Stale, ct);
    }

    public async Task<Result<OversightActivity>> RecordActivityAsync(UserScope user, int boardId, OversightActivityInput input, CancellationToken ct = default)
    {
        var board = await db.OversightBoards.AsNoTracking().FirstOrDefaultAsync(b => b.Id == boardId, ct);
        if (await db.AccessRefusalAsync<OversightActivity>(user, board?.UnitId, ct) is { } refused)
        {
            return refused;
        }

        var errors = new FieldErrors();
        var heldOn = errors.Date(nameof(input.HeldOn), input.HeldOn, "ngày kiểm tra, giám sát", required: true);
        var subject = errors.Text(nameof(input.Subject), VietnameseText.Optional(input.Subject), 1000, "Nội dung, đối tượng");
        var findings = errors.Text(nameof(input.Findings), VietnameseText.Optional(input.Findings), 4000, "Kết quả, phát hiện");
        var recommendations = errors.Text(nameof(input.Recommendations), VietnameseText.Optional(input.Recommendations), 4000, "Kiến nghị");
        foreach (var (key, message) in OversightRules.Check(new OversightActivityFacts(input.Kind, heldOn, subject, board!.TermFrom, board.TermTo), VietnamClock.Today(clock)))
        {
            errors.Add(key, message);
        }

        if (input.RecommendationsSettled && recommendations is null && !errors.Any)
        {
            errors.Add(nameof(input.RecommendationsSettled), "Chưa ghi kiến nghị thì không thể đánh dấu kiến nghị đã được giải quyết.");
        }

        if (errors.Any)
        {
            return Result<OversightActivity>.Invalid(errors.ToDictionary());
        }

        var row = new OversightActivity
        {
            BoardId = board.Id, UnitId = board.UnitId, BoardKind = board.Kind, HeldOn = heldOn!.Value, Kind = input.Kind!.Value, Subject = VietnameseText.Nfc(subject)!,
            Findings = VietnameseText.Nfc(findings), Recommendations = VietnameseText.Nfc(recommendations), RecommendationsSettled = input.RecommendationsSettled,
            RecordedByUserName = user.UserName, RecordedAtUtc = clock.GetUtcNow().UtcDateTime,
        };
        row.SearchText = Clip(VietnameseText.Fold($"{row.Subject} {row.Findings} {board.Name}"), 1500);
        db.OversightActivities.Add(row);
        await db.SaveChangesAsync(ct);
        return Result<OversightActivity>.Ok(row);
    }

    /// <summary>Marks an activity's recommendations settled (or not): the one field that changes after the fact.</summary>
    public async Task<Result<OversightActivity>> SettleAsync(UserScope user, int boardId, int activityId, bool settled, CancellationToken ct = default)
    {
        var row = await db.OversightActivities.FirstOrDefaultAsync(a => a.Id == activityId && a.BoardId == boardId, ct);
        if (await db.AccessRefusalAsync<OversightActivity>(user, row?.UnitId, ct) is { } refused)
        {
            return refused;
        }

        if (row!.Recommendations is null)
        {
            return Result<OversightActivity>.Invalid("", "Cuộc kiểm tra, giám sát này không có kiến nghị.");
        }

        row.RecommendationsSettled = settled;
        row.ConcurrencyStamp = Guid.NewGuid();
        await db.SaveChangesAsync(ct);
        return Result<OversightActivity>.Ok(row);
    }

    public async Task<Result<OversightActivity>> DeleteActivityAsync(UserScope user, int boardId, int activityId, Guid stamp, CancellationToken ct = default)
    {
        var row = await db.OversightActivities.FirstOrDefaultAsync(a => a.Id == activityId && a.BoardId == boardId, ct);
        if (await db.RefusalAsync<OversightActivity>(user, row?.UnitId, row?.ConcurrencyStamp, stamp, Stale, ct) is { } refused)
        {
            return refused;
        }

        db.OversightActivities.Remove(row!);
        return await db.SaveOrStaleAsync(row!, Stale, ct);
    }

    private static string Clip(string text, int max) => text.Length > max ? text[..max] : text;
}
