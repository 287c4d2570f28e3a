using DanVan.Domain.Democracy;
using DanVan.Domain.Text;
using DanVan.Domain.Training;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Infrastructure.Generation;

public sealed partial class DataGenerator
{
    /// <summary>
    /// Propaganda and training at scale: a staff roster of 12–25 people for every commune and agency (a few who left),
    /// and three years (2024–2026) of four to six sessions a year each; the one or two briefings a year cover one of
    /// the province's documents and have 70–100 % of the staff of the day present (so the share briefed varies).
    /// </summary>
    private async Task<(long Staff, long Sessions, long Attendances)> GenerateTrainingAsync(BulkInsert bulk, Random rng, List<Unit> all, DateOnly today, DateTime now,
        Action<string, double> report, CancellationToken ct)
    {
        report("Tuyên truyền, tập huấn", 0);
        var units = all.Where(u => DisclosureRules.ScopeOf(u.Kind) is not null).ToList();
        string[] family = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý"];
        string[] middle = ["Văn", "Thị", "Minh", "Thanh", "Ngọc", "Hữu", "Đức", "Thu"];
        string[] given = ["An", "Bình", "Châu", "Dũng", "Hà", "Hải", "Hạnh", "Hùng", "Lan", "Linh", "Long", "Mai", "Nam", "Phúc", "Quân", "Sơn", "Tâm", "Thảo", "Trang", "Tuấn"];
        var maxStaffBefore = await db.StaffMembers.MaxAsync(s => (int?)s.Id, ct) ?? 0;
        IEnumerable<object?[]> Staff()
        {
            foreach (var u in units)
            {
                var n = 12 + rng.Next(14);
                for (var k = 0; k < n; k++)
                {
                    var name = $"{family[rng.Next(family.Length)]} {middle[rng.Next(middle.Length)]} {given[rng.Next(given.Length)]}";
                    DateOnly? joined = rng.NextDouble() < 0.2 ? new DateOnly(2024, 1, 1).AddDays(rng.Next(900)) : null;
                    DateOnly? left = rng.NextDouble() < 0.05 ? new DateOnly(2024, 6, 1).AddDays(rng.Next(800)) : null;
                    if (joined is { } j && left is { } l && l <= j)
                    {
                        left = null;
                    }

                    yield return [u.Id, name, "Công chức", joined, left, VietnameseText.Fold(name + " cong chuc"), now, new Guid(NextBytes(rng))];
                }
            }
        }

        var staff = await bulk.InsertAsync("StaffMembers", ["UnitId", "FullName", "Position", "JoinedOn", "LeftOn", "SearchText", "CreatedAtUtc", "ConcurrencyStamp"],
            Staff(), n => report("Tuyên truyền, tập huấn", 0.3 * n / Math.Max(1.0, units.Count * 18.0)), ct);

        var provinces = units.Select(u => ProvinceOf(u.Path)).Distinct().ToList();
        var documents = (await db.Documents.AsNoTracking().Where(d => EF.Parameter(provinces).Contains(d.OwnerUnitId)).Select(d => new { d.Id, d.OwnerUnitId }).ToListAsync(ct))
            .GroupBy(d => d.OwnerUnitId).ToDictionary(g => g.Key, g => g.Select(d => d.Id).ToList());
        var maxSessionBefore = await db.TrainingSessions.MaxAsync(s => (int?)s.Id, ct) ?? 0;
        string[] topics = ["Quán triệt kế hoạch công tác dân vận chính quyền", "Tuyên truyền Luật Thực hiện dân chủ ở cơ sở", "Tập huấn nghiệp vụ tiếp công dân",
            "Bồi dưỡng kỹ năng dân vận cho cán bộ, công chức", "Tuyên truyền phong trào thi đua “Dân vận khéo”"];
        IEnumerable<object?[]> Sessions()
        {
            foreach (var u in units)
            {
                foreach (var year in new[] { 2024, 2025, 2026 })
                {
                    var count = 4 + rng.Next(3);
                    for (var k = 0; k < count; k++)
                    {
                        var on = new DateOnly(year, 1, 10).AddDays(rng.Next(340));
                        if (on > today)
                        {
                            continue;
                        }

                        var kind = k < 1 + rng.Next(2) ? SessionKind.Briefing : (SessionKind)(2 + rng.Next(3));
                        var audience = kind == SessionKind.Propaganda ? SessionAudience.People : SessionAudience.Staff | SessionAudience.PartyMembers;
                        var attendees = kind == SessionKind.Propaganda ? 40 + rng.Next(200) : 10 + rng.Next(30);
                        var title = $"{GeneratedDisclosure}{topics[(int)kind - 1]} năm {year}";
                        yield return
                        [
                            u.Id, (int)kind, title, on, "Hội trường " + u.Name, (int)audience, attendees + rng.Next(20), attendees, null,
                            VietnameseText.Fold($"{title} {u.Name}"), "sinh-du-lieu", now, new Guid(NextBytes(rng)),
                        ];
                    }
                }
            }
        }

        var sessions = await bulk.InsertAsync("TrainingSessions",
            ["UnitId", "Kind", "Title", "HeldOn", "Place", "Audience", "AudienceSize", "Attendees", "Note", "SearchText", "RecordedByUserName", "RecordedAtUtc", "ConcurrencyStamp"],
            Sessions(), n => report("Tuyên truyền, tập huấn", 0.3 + 0.3 * n / Math.Max(1.0, units.Count * 15.0)), ct);

        // The briefings: one province document each, and most of the staff of the day present.
        var roster = (await db.StaffMembers.AsNoTracking().Where(s => s.Id > maxStaffBefore).Select(s => new { s.Id, s.UnitId, s.JoinedOn, s.LeftOn }).ToListAsync(ct))
            .ToLookup(s => s.UnitId);
        var briefings = await db.TrainingSessions.AsNoTracking().Where(s => s.Id > maxSessionBefore && s.Kind == SessionKind.Briefing)
            .Select(s => new { s.Id, s.UnitId, s.HeldOn, s.Attendees }).ToListAsync(ct);
        var province = units.ToDictionary(u => u.Id, u => ProvinceOf(u.Path));
        var links = await bulk.InsertAsync("TrainingSessionDocuments", ["SessionId", "DocumentId"],
            briefings.Where(b => documents.ContainsKey(province[b.UnitId])).Select(b =>
            {
                var ids = documents[province[b.UnitId]];
                return new object?[] { b.Id, ids[rng.Next(ids.Count)] };
            }), ct: ct);
        IEnumerable<object?[]> Attendances()
        {
            foreach (var b in briefings)
            {
                var present = roster[b.UnitId].Where(s => TrainingRules.OnStaff(s.JoinedOn, s.LeftOn, b.HeldOn)).ToList();
                var share = 0.7 + 0.3 * rng.NextDouble();
                foreach (var s in present.Where(_ => rng.NextDouble() < share).Take(b.Attendees))
                {
                    yield return [b.Id, s.Id];
                }
            }
        }

        var attendances = await bulk.InsertAsync("TrainingAttendances", ["SessionId", "StaffMemberId"], Attendances(),
            n => report("Tuyên truyền, tập huấn", 0.6 + 0.4 * n / Math.Max(1.0, briefings.Count * 15.0)), ct);
        _ = links;
        report("Tuyên truyền, tập huấn", 1);
        return (staff, sessions, attendances);
    }
}
