using DanVan.Domain.Democracy;
using DanVan.Domain.Text;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Infrastructure.Generation;

public sealed partial class DataGenerator
{
    /// <summary>
    /// The people supervise (issue 18): a Ban Thanh tra nhân dân (5–11 members) and a Ban Giám sát đầu tư của cộng đồng
    /// (5–7) in every commune, an agency's own Ban TTND (3–9) in every agency, two to four inspections or supervisions a
    /// year per board; and the yearly staff conference of every agency for 2023–2025, about one in fourteen missing.
    /// Boards first, then their ids read back for members and activities.
    /// </summary>
    private async Task<(long Boards, long Activities, long Conferences)> GenerateOversightAsync(BulkInsert bulk, Random rng, List<Unit> all, DateOnly today, DateTime now,
        Action<string, double> report, CancellationToken ct)
    {
        report("Kiểm tra, giám sát", 0);
        var units = all.Where(u => DisclosureRules.ScopeOf(u.Kind) is not null).ToList();
        var names = units.ToDictionary(u => u.Id, u => u.Name);
        string[] projects = ["Bê tông hóa đường liên thôn", "Nâng cấp trường mẫu giáo", "Xây dựng nhà văn hóa", "Nạo vét kênh thủy lợi", "Lắp đèn chiếu sáng công cộng"];
        IEnumerable<object?[]> Boards()
        {
            foreach (var u in units)
            {
                var commune = DisclosureRules.ScopeOf(u.Kind) == DisclosureScope.Commune;
                var from = commune ? new DateOnly(2024, 7, 1) : new DateOnly(2025, 1, 1);
                var ttnd = $"{GeneratedDisclosure}Ban Thanh tra nhân dân {u.Name}";
                yield return [u.Id, (int)OversightBoardKind.PeopleInspection, Clip(ttnd, 300), null, from, commune ? from.AddYears(5).AddDays(-1) : from.AddYears(2).AddDays(-1),
                    commune ? 5 + rng.Next(7) : 3 + rng.Next(7), Clip(VietnameseText.Fold($"{ttnd} {u.Name}"), 1500), "sinh-du-lieu", now, new Guid(NextBytes(rng))];
                if (commune)
                {
                    var project = $"{projects[rng.Next(projects.Length)]} thôn {1 + rng.Next(12)}";
                    var gs = $"{GeneratedDisclosure}Ban Giám sát đầu tư của cộng đồng: {project}";
                    var start = new DateOnly(2025, 1, 1).AddDays(rng.Next(300));
                    yield return [u.Id, (int)OversightBoardKind.CommunityInvestment, Clip(gs, 300), project, start, start.AddDays(365 + rng.Next(365)), 5 + rng.Next(3),
                        Clip(VietnameseText.Fold($"{gs} {u.Name}"), 1500), "sinh-du-lieu", now, new Guid(NextBytes(rng))];
                }
            }
        }

        var boards = await bulk.InsertAsync("OversightBoards",
            ["UnitId", "Kind", "Name", "Project", "TermFrom", "TermTo", "MemberCount", "SearchText", "RecordedByUserName", "RecordedAtUtc", "ConcurrencyStamp"], Boards(), ct: ct);
        var made = await db.OversightBoards.AsNoTracking().Where(b => b.RecordedByUserName == "sinh-du-lieu")
            .Select(b => new { b.Id, b.UnitId, b.Kind, b.TermFrom, b.TermTo, b.MemberCount }).ToListAsync(ct);
        report("Kiểm tra, giám sát", 0.3);
        string[] family = ["Nguyễn", "Trần", "Lê", "Phạm", "Huỳnh", "Võ", "Phan", "Đặng"];
        string[] given = ["Văn An", "Thị Bình", "Văn Cường", "Thị Dung", "Minh Đức", "Thị Hoa", "Thành Long", "Thị Mai", "Quốc Nam", "Thị Yến"];
        IEnumerable<object?[]> Members()
        {
            foreach (var b in made)
            {
                for (var k = 0; k < b.MemberCount; k++)
                {
                    var role = k == 0 ? OversightMemberRole.Head : k == 1 ? OversightMemberRole.Deputy : OversightMemberRole.Member;
                    yield return [b.Id, $"{family[rng.Next(family.Length)]} {given[rng.Next(given.Length)]}", (int)role, k + 1];
                }
            }
        }

        await bulk.InsertAsync("OversightBoardMembers", ["BoardId", "Name", "Role", "SortOrder"], Members(), ct: ct);
        report("Kiểm tra, giám sát", 0.5);
        string[] subjects = ["Giám sát việc thu, chi các khoản đóng góp của Nhân dân", "Kiểm tra việc giải quyết thủ tục hành chính", "Giám sát việc thực hiện quy chế dân chủ",
            "Giám sát chất lượng công trình", "Kiểm tra việc chi trả chính sách xã hội"];
        IEnumerable<object?[]> Activities()
        {
            foreach (var b in made)
            {
                foreach (var year in new[] { 2024, 2025, 2026 })
                {
                    var count = 2 + rng.Next(3);
                    for (var k = 0; k < count; k++)
                    {
                        var on = new DateOnly(year, 1, 10).AddDays(rng.Next(340));
                        if (on > today || on < b.TermFrom || on > b.TermTo)
                        {
                            continue;
                        }

                        var kind = rng.Next(2) == 0 ? OversightActivityKind.Inspection : OversightActivityKind.Supervision;
                        var subject = $"{GeneratedDisclosure}{subjects[rng.Next(subjects.Length)]} năm {year}";
                        var recommends = rng.NextDouble() < 0.6;
                        yield return
                        [
                            b.Id, b.UnitId, (int)b.Kind, on, (int)kind, subject, "Cơ bản thực hiện đúng quy định.", recommends ? "Đề nghị khắc phục các tồn tại đã nêu." : null,
                            recommends && rng.NextDouble() < 0.7, Clip(VietnameseText.Fold($"{subject} {names[b.UnitId]}"), 1500), "sinh-du-lieu", now, new Guid(NextBytes(rng)),
                        ];
                    }
                }
            }
        }

        var activities = await bulk.InsertAsync("OversightActivities",
            ["BoardId", "UnitId", "BoardKind", "HeldOn", "Kind", "Subject", "Findings", "Recommendations", "RecommendationsSettled", "SearchText", "RecordedByUserName",
                "RecordedAtUtc", "ConcurrencyStamp"], Activities(), ct: ct);
        report("Kiểm tra, giám sát", 0.8);

        var existing = (await db.StaffConferences.AsNoTracking().Select(c => new { c.UnitId, c.Year }).ToListAsync(ct)).Select(c => (c.UnitId, c.Year)).ToHashSet();
        var agencies = units.Where(u => DisclosureRules.ScopeOf(u.Kind) == DisclosureScope.Agency).ToList();
        IEnumerable<object?[]> Conferences()
        {
            foreach (var u in agencies)
            {
                var staff = 20 + rng.Next(400);
                foreach (var year in new[] { 2023, 2024, 2025 })
                {
                    var on = new DateOnly(year + 1, 1, 5).AddDays(rng.Next(rng.NextDouble() < 0.05 ? 120 : 85));
                    if (rng.NextDouble() < 0.07 || on > today || existing.Contains((u.Id, year)))
                    {
                        continue;
                    }

                    var attendees = Math.Max(1, staff - rng.Next(Math.Max(1, staff / 5)));
                    var form = staff < 100 ? StaffConferenceForm.Plenary : rng.Next(2) == 0 ? StaffConferenceForm.Plenary : StaffConferenceForm.Delegates;
                    var title = $"{GeneratedDisclosure}Hội nghị cán bộ, công chức, viên chức năm {year}";
                    yield return
                    [
                        u.Id, year, on, attendees, staff, (int)form, "01/NQ-HNCBCCVC", on, null, null, Clip(VietnameseText.Fold($"{title} {u.Name}"), 1500), "sinh-du-lieu", now,
                        new Guid(NextBytes(rng)),
                    ];
                }
            }
        }

        var conferences = await bulk.InsertAsync("StaffConferences",
            ["UnitId", "Year", "HeldOn", "Attendees", "StaffTotal", "Form", "ResolutionNumber", "ResolutionOn", "ResolutionText", "Notes", "SearchText", "RecordedByUserName",
                "RecordedAtUtc", "ConcurrencyStamp"], Conferences(), ct: ct);
        report("Kiểm tra, giám sát", 1);
        return (boards, activities, conferences);
    }

    private static string Clip(string text, int max) => text.Length > max ? text[..max] : text;
}
