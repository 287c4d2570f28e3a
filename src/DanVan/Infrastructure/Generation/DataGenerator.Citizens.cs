using DanVan.Domain.Cases;
using DanVan.Domain.Reception;
using DanVan.Domain.Text;
using DanVan.Domain.Units;
using DanVan.Features.Cases;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Infrastructure.Generation;

/// <summary>
/// Citizens' side of the benchmark data: every commune's weekly reception by its chairman and every agency's monthly
/// one since 2024 (a few not held, the next four weeks on the schedule), and about 500,000 cases a year nationally
/// (15,000 a year for one province) with their steps: most resolved, mostly on time, some transferred or guided, the
/// recent ones open and a share overdue. Deadlines are the usual lengths (10 working days to handle a đơn, 30 days to
/// resolve a complaint or denunciation) computed without the holiday calendar, and say so; denunciations are
/// anonymous (no sealed identity to generate).
/// </summary>
public sealed partial class DataGenerator
{
    private static readonly (CaseKind Kind, string Field, string Summary, string Respondent)[] CaseTemplates =
    [
        (CaseKind.Complaint, "dat-dai", "Khiếu nại quyết định thu hồi đất, chưa được bồi thường tài sản trên đất", "Quyết định thu hồi đất của UBND"),
        (CaseKind.Complaint, "boi-thuong", "Khiếu nại mức bồi thường, hỗ trợ khi giải phóng mặt bằng", "Phương án bồi thường của UBND"),
        (CaseKind.Complaint, "chinh-sach", "Khiếu nại việc không được xét hộ nghèo", "Danh sách hộ nghèo do UBND phê duyệt"),
        (CaseKind.Denunciation, "dat-dai", "Tố cáo cán bộ nhận tiền khi xác nhận nguồn gốc đất", "Một công chức địa chính"),
        (CaseKind.Denunciation, "moi-truong", "Tố cáo cơ sở xả thải trái phép ra kênh thủy lợi", "Cơ sở sản xuất trên địa bàn"),
        (CaseKind.Petition, "moi-truong", "Kiến nghị xử lý tiếng ồn, mùi hôi của cơ sở chăn nuôi", "Cơ sở chăn nuôi"),
        (CaseKind.Petition, "dat-dai", "Kiến nghị cấp giấy chứng nhận quyền sử dụng đất", "Văn phòng đăng ký đất đai"),
        (CaseKind.Petition, "chinh-sach", "Kiến nghị giải quyết chế độ người có công", "Phòng Văn hóa - Xã hội"),
        (CaseKind.Petition, "moi-truong", "Phản ánh đường ngập nước sau mưa", "UBND"),
        (CaseKind.Petition, "chinh-sach", "Kiến nghị hỗ trợ học phí cho con hộ cận nghèo", "UBND"),
    ];

    /// <summary>
    /// The receipt key of a generated case, derived from its code so that the benchmark driver (bench/DanVan.Load) can look
    /// cases up on the public tracking page. Generated data only: a real case's key is random and shown once.
    /// </summary>
    public static string GeneratedAccessKey(string code) =>
        Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes("danvan-generated:" + code)))[..8];

    private async Task<(long Sessions, long Cases, long Steps)> GenerateCitizensAsync(BulkInsert bulk, Random rng, DataScale scale, List<Unit> all, DateOnly today,
        DateTime now, Action<string, double> report, CancellationToken ct)
    {
        report("Tiếp công dân", 0);
        var communes = all.Where(u => u.Kind is OrgUnitKind.Commune or OrgUnitKind.Ward or OrgUnitKind.SpecialZone).ToList();
        var agencies = all.Where(u => u.Kind is OrgUnitKind.Department or OrgUnitKind.Inspectorate).ToList();
        var first = new DateOnly(2024, 1, 4); // a Thursday
        var sessionRows = new List<object?[]>();
        string[] matters = ["Phản ánh đường ngập nước", "Hỏi thủ tục cấp giấy chứng nhận", "Kiến nghị lắp đèn chiếu sáng", "Phản ánh tiếng ồn", "Khiếu nại bồi thường"];
        foreach (var c in communes)
        {
            for (var on = first; on <= today.AddDays(28); on = on.AddDays(7))
            {
                sessionRows.Add(SessionRow(c, on, on >= today ? ReceptionState.Scheduled : rng.NextDouble() < 0.05 ? ReceptionState.NotHeld : ReceptionState.Held,
                    "Chủ tịch UBND " + c.Name, rng, matters, now));
            }
        }

        foreach (var a in agencies)
        {
            for (var month = new DateOnly(2024, 1, 15); month <= today.AddDays(28); month = month.AddMonths(1))
            {
                sessionRows.Add(SessionRow(a, month, month >= today ? ReceptionState.Scheduled : rng.NextDouble() < 0.08 ? ReceptionState.NotHeld : ReceptionState.Held,
                    "Thủ trưởng " + a.Name, rng, matters, now));
            }
        }

        var sessions = await bulk.InsertAsync("ReceptionSessions",
            ["UnitId", "Kind", "State", "On", "Time", "Place", "HostName", "HostPost", "CitizensReceived", "Groups", "Matters", "NotHeldReason", "CreatedBy", "CreatedAtUtc",
                "RecordedBy", "RecordedAtUtc", "ConcurrencyStamp"],
            sessionRows, n => report("Tiếp công dân", (double)n / sessionRows.Count), ct);

        // Cases: about 70 % received by communes, 30 % by agencies.
        report("Đơn thư", 0);
        var perYear = scale == DataScale.National ? 500_000 : 15_000;
        var count = perYear * 3;
        var start = new DateOnly(2024, 1, 1);
        var span = today.DayNumber - start.DayNumber;
        var maxBefore = await db.Cases.MaxAsync(c => (int?)c.Id, ct) ?? 0;
        var numbers = new Dictionary<(int, int), int>();
        var taken = (await db.Cases.AsNoTracking().Select(c => c.Code).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal); // the demo's own
        var plan = new List<(DateOnly Received, CaseState State, DateOnly? Accepted, DateOnly? Closed, bool? OnTime, DateOnly Due)>(count);
        // Handlers: the officers and heads of each unit (the generated ones and the demo's, so that canbo has a list of its own).
        var handlerRoles = await db.Roles.AsNoTracking().Where(r => r.Name == Domain.Access.Roles.UnitOfficer || r.Name == Domain.Access.Roles.UnitHead)
            .Select(r => r.Id).ToListAsync(ct);
        var handlers = (await db.Users.AsNoTracking()
                .Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && handlerRoles.Contains(ur.RoleId)))
                .Select(u => new { u.Id, u.OrgUnitId }).ToListAsync(ct))
            .GroupBy(u => u.OrgUnitId).ToDictionary(g => g.Key, g => g.Select(u => u.Id).Order(StringComparer.Ordinal).ToArray());
        var rows = Enumerable.Range(0, count).Select(_ =>
        {
            var unit = communes.Count > 0 && (agencies.Count == 0 || rng.NextDouble() < 0.7) ? communes[rng.Next(communes.Count)] : agencies[rng.Next(agencies.Count)];
            var t = CaseTemplates[rng.Next(CaseTemplates.Length)];
            var received = start.AddDays(rng.Next(span + 1));
            var key = (unit.Id, received.Year);
            int number;
            string code;
            do
            {
                number = numbers[key] = numbers.GetValueOrDefault(key) + 1;
                code = $"{unit.Code}-{received.Year}-{number:D5}";
            }
            while (taken.Contains(code));
            var competent = rng.NextDouble() < 0.8;
            var age = today.DayNumber - received.DayNumber;
            var r = rng.NextDouble();
            CaseState state;
            DateOnly? accepted = null, closed = null;
            bool? onTime = null;
            var handleBy = received.AddDays(14); // 10 working days
            DateOnly due = handleBy;
            if (!competent)
            {
                state = age < 10 && r < 0.5 ? CaseState.Received : t.Kind == CaseKind.Denunciation || r < 0.6 ? CaseState.Transferred : CaseState.Guided;
                if (state != CaseState.Received)
                {
                    closed = received.AddDays(1 + rng.Next(Math.Min(14, Math.Max(1, age))));
                    onTime = closed <= handleBy;
                }
            }
            else if (age < 12 && r < 0.6)
            {
                state = CaseState.Received;
            }
            else
            {
                accepted = received.AddDays(1 + rng.Next(Math.Min(10, Math.Max(1, age))));
                due = accepted.Value.AddDays(30);
                var resolvedShare = age > 90 ? 0.93 : age > 40 ? 0.6 : 0.2;
                if (r < resolvedShare)
                {
                    state = CaseState.Resolved;
                    var late = rng.NextDouble() < 0.12;
                    closed = late ? due.AddDays(1 + rng.Next(30)) : accepted.Value.AddDays(5 + rng.Next(25));
                    if (closed > today)
                    {
                        closed = today;
                    }

                    onTime = closed <= due;
                }
                else
                {
                    state = CaseState.Accepted;
                }
            }

            plan.Add((received, state, accepted, closed, onTime, due));
            var handler = accepted is not null && handlers.TryGetValue(unit.Id, out var staff) ? staff[rng.Next(staff.Length)] : null;
            var source = (int)(1 + rng.Next(9));
            var summary = t.Summary + " (dữ liệu sinh thử)";
            return new object?[]
            {
                unit.Id, code, CaseCommands.HashAccessKey(GeneratedAccessKey(code)), received, source, t.Kind, 1, summary, t.Field,
                t.Kind == CaseKind.Denunciation ? null : $"Công dân {number}", 1, t.Respondent, competent, t.Kind == CaseKind.Denunciation, 0, state,
                accepted, closed, onTime, closed is null && (accepted is null || t.Kind != CaseKind.Petition) ? due : null,
                accepted is null ? "xu-ly-don" : t.Kind == CaseKind.Denunciation ? "to-cao-giai-quyet" : t.Kind == CaseKind.Complaint ? "khieu-nai-lan-dau-giai-quyet" : null,
                accepted is null ? "10 ngày làm việc kể từ ngày nhận đơn (dữ liệu sinh thử, không tính lịch nghỉ)"
                    : t.Kind == CaseKind.Petition ? null : "30 ngày kể từ ngày thụ lý (dữ liệu sinh thử, không tính lịch nghỉ)",
                VietnameseText.Fold($"{code} {summary} {t.Respondent}"), now, new Guid(NextBytes(rng)), handler,
            };
        });
        var cases = await bulk.InsertAsync("Cases",
            ["UnitId", "Code", "AccessKeyHash", "ReceivedOn", "Source", "Kind", "Instance", "Summary", "Field", "SenderName", "Signatories", "Respondent", "WithinCompetence",
                "Anonymous", "Conditions", "State", "AcceptedOn", "ClosedOn", "ClosedOnTime", "DueOn", "DueRuleCode", "DueExplanation", "SearchText", "CreatedAtUtc", "ConcurrencyStamp", "HandlerUserId"],
            rows, n => report("Đơn thư", 0.6 * n / count), ct);

        var ids = await db.Cases.AsNoTracking().Where(c => c.Id > maxBefore).OrderBy(c => c.Id).Select(c => c.Id).ToListAsync(ct);
        IEnumerable<object?[]> StepRows()
        {
            for (var i = 0; i < ids.Count; i++)
            {
                var p = plan[i];
                yield return [ids[i], null, p.Received, CaseState.Received, "cán bộ tiếp nhận", now];
                if (p.Accepted is { } a)
                {
                    yield return [ids[i], CaseAction.Accept, a, CaseState.Accepted, "cán bộ tiếp nhận", now];
                }

                if (p.Closed is { } c)
                {
                    yield return [ids[i], p.State switch { CaseState.Transferred => CaseAction.Transfer, CaseState.Guided => CaseAction.Guide, _ => CaseAction.Resolve },
                        c, p.State, "cán bộ thụ lý", now];
                }
            }
        }

        var expected = plan.Sum(p => 1 + (p.Accepted is null ? 0 : 1) + (p.Closed is null ? 0 : 1));
        var steps = await bulk.InsertAsync("CaseSteps", ["CaseId", "Action", "On", "StateAfter", "ByUserName", "AtUtc"], StepRows(),
            n => report("Đơn thư", 0.6 + 0.4 * n / expected), ct);
        return (sessions, cases, steps);
    }

    private static object?[] SessionRow(Unit unit, DateOnly on, ReceptionState state, string host, Random rng, string[] matters, DateTime now)
    {
        var held = state == ReceptionState.Held;
        var citizens = held ? rng.Next(9) : (int?)null;
        return
        [
            unit.Id, ReceptionKind.Periodic, state, on, "07h30 – 11h00", "Trụ sở " + unit.Name, host, "Người đứng đầu", citizens, held ? 0 : null,
            held && citizens > 0 ? matters[rng.Next(matters.Length)] + " (dữ liệu sinh thử)" : null, state == ReceptionState.NotHeld ? "Bận công tác đột xuất (dữ liệu sinh thử)" : null,
            "sinh-du-lieu", now, held ? "sinh-du-lieu" : null, held ? now : null, new Guid(NextBytes(rng)),
        ];
    }
}
