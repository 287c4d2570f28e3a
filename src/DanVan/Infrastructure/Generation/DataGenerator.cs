using System.Globalization;
using DanVan.Data;
using DanVan.Domain.Access;
using DanVan.Domain.Reports;
using DanVan.Domain.Text;
using DanVan.Domain.Units;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Infrastructure.Generation;

public enum DataScale
{
    /// <summary>Tây Ninh only: its agencies, communes and their units; 15,000 tasks.</summary>
    Province = 1,

    /// <summary>Every province: at least 35,000 units, 100,000 users, 500,000 tasks, three years of reports.</summary>
    National = 2,
}

/// <summary>What was generated, for the summary line.</summary>
public sealed record GenerationSummary(int Units, int Users, int Documents, int Tasks, int Periods, int Submissions, long Values, TimeSpan Elapsed,
    long Cases = 0, long CaseSteps = 0, long ReceptionSessions = 0, long Dialogues = 0, long Opinions = 0, long Commitments = 0, long Consultations = 0,
    long Respondents = 0, long Comments = 0, int ScoringRounds = 0, int ScoreSheets = 0, long ScoreLines = 0, long Models = 0, long ModelSteps = 0,
    long Replications = 0, long Disclosures = 0, long PeopleDecisions = 0, long Staff = 0, long TrainingSessions = 0, long Attendances = 0,
    long PeopleConsultations = 0, long OversightBoards = 0, long OversightActivities = 0, long StaffConferences = 0, long IndexValues = 0);

/// <summary>
/// Fills a database (SQLite or PostgreSQL) with realistic, deterministic benchmark data on top of the national unit
/// list and the demo province: agencies and their divisions in every province, the offices, schools and health
/// stations of every commune, users in each unit (all with the demo password), provincial and cascaded plans with
/// citations and targets, tasks due over three years in a realistic mix of states, and three years of six-monthly and
/// yearly report periods (a 60-indicator national regime) with submissions. Rows go in with multi-row INSERTs
/// (<see cref="BulkInsert"/>), never one at a time. The same seed gives the same data.
/// </summary>
public sealed partial class DataGenerator(AppDbContext db, IPasswordHasher<AppUser> hasher, TimeProvider clock)
{
    public const string RegimeCode = "DVCQ-60";

    private static readonly string[] Agencies =
    [
        "Sở Nội vụ", "Sở Tài chính", "Sở Tư pháp", "Sở Xây dựng", "Sở Nông nghiệp và Môi trường", "Sở Công Thương", "Sở Giáo dục và Đào tạo",
        "Sở Y tế", "Sở Văn hóa, Thể thao và Du lịch", "Sở Khoa học và Công nghệ", "Sở Dân tộc và Tôn giáo", "Sở Ngoại vụ", "Thanh tra tỉnh",
        "Văn phòng Ủy ban nhân dân", "Ban Quản lý các khu công nghiệp", "Trung tâm Phục vụ hành chính công", "Báo và Phát thanh, Truyền hình",
        "Bệnh viện Đa khoa", "Trung tâm Kiểm soát bệnh tật", "Trường Cao đẳng", "Quỹ Đầu tư phát triển", "Trung tâm Xúc tiến đầu tư, thương mại và du lịch",
        "Ban Quản lý dự án đầu tư xây dựng", "Trung tâm Công nghệ thông tin và truyền thông", "Trung tâm Trợ giúp pháp lý nhà nước",
        "Trung tâm Dịch vụ việc làm", "Trung tâm Bảo trợ xã hội", "Thư viện", "Bảo tàng", "Trung tâm Văn hóa", "Trung tâm Huấn luyện và thi đấu thể thao",
        "Trung tâm Khuyến nông", "Chi cục Kiểm lâm", "Trung tâm Quan trắc tài nguyên và môi trường", "Văn phòng Đăng ký đất đai", "Trung tâm Lưu trữ lịch sử",
        "Trường Chính trị", "Ban Quản lý rừng phòng hộ", "Trung tâm Giám định y khoa", "Trung tâm Dịch vụ đấu giá tài sản",
    ];

    private static readonly (string Name, OrgUnitKind Kind)[] CommuneUnits =
    [
        ("Văn phòng HĐND và UBND", OrgUnitKind.Division), ("Phòng Kinh tế", OrgUnitKind.Division), ("Phòng Văn hóa - Xã hội", OrgUnitKind.Division),
        ("Trung tâm Phục vụ hành chính công", OrgUnitKind.PublicServiceUnit), ("Trường Mầm non", OrgUnitKind.PublicServiceUnit),
        ("Trường Tiểu học", OrgUnitKind.PublicServiceUnit), ("Trường Trung học cơ sở", OrgUnitKind.PublicServiceUnit), ("Trạm Y tế", OrgUnitKind.PublicServiceUnit),
    ];

    private static readonly string[] Verbs = ["Tổ chức", "Triển khai", "Báo cáo kết quả", "Xây dựng kế hoạch", "Rà soát", "Tuyên truyền", "Kiểm tra", "Tổng kết"];

    private static readonly string[] Topics =
    [
        "đối thoại với Nhân dân", "tiếp công dân định kỳ", "mô hình “Dân vận khéo”", "thực hiện dân chủ ở cơ sở", "hội nghị cán bộ, công chức",
        "cải cách thủ tục hành chính", "công khai tài chính", "lấy ý kiến Nhân dân về dự thảo", "giải quyết kiến nghị của cử tri", "hương ước, quy ước",
    ];

    public async Task<GenerationSummary> GenerateAsync(DataScale scale, int seed, Action<string, double>? progress = null, CancellationToken ct = default)
    {
        var started = clock.GetTimestamp();
        var rng = new Random(seed);
        var bulk = new BulkInsert(db);
        var report = progress ?? ((_, _) => { });
        var country = await db.OrgUnits.AsNoTracking().SingleAsync(u => u.Kind == OrgUnitKind.Country, ct);
        var provinces = await db.OrgUnits.AsNoTracking().Where(u => u.Kind == OrgUnitKind.Province && u.ValidTo == null)
            .OrderBy(u => u.Code).ToListAsync(ct);
        if (scale == DataScale.Province)
        {
            provinces = provinces.Where(p => p.Code == Features.Demo.DemoSeeder.ProvinceCode).ToList();
        }

        // 1. Units: agencies and their divisions in each province, offices, schools and health stations of each commune.
        report("Đơn vị", 0);
        var existing = (await db.OrgUnits.AsNoTracking().Select(u => u.Code).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var existingNames = (await db.OrgUnits.AsNoTracking().Where(u => u.Kind != OrgUnitKind.Commune && u.Kind != OrgUnitKind.Ward)
            .Select(u => u.Name).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var agencyRows = new List<object?[]>();
        foreach (var p in provinces)
        {
            var place = PlaceName(p.Name);
            for (var i = 0; i < Agencies.Length; i++)
            {
                var code = $"{p.Code}.G{i + 1:00}";
                var name = $"{Agencies[i]} {place}";
                if (existing.Contains(code) || existingNames.Contains(name))
                {
                    continue;
                }

                var kind = Agencies[i].StartsWith("Sở", StringComparison.Ordinal) ? OrgUnitKind.Department
                    : Agencies[i] == "Thanh tra tỉnh" ? OrgUnitKind.Inspectorate : OrgUnitKind.PublicServiceUnit;
                agencyRows.Add(UnitRow(code, name, kind, p));
            }
        }

        var units = await bulk.InsertAsync("OrgUnits", UnitColumns, agencyRows, ct: ct);
        var prefixes = provinces.Select(p => UnitPaths.SubtreePrefix(p.AncestorPath, p.Id)).ToList();
        var parents = await db.OrgUnits.AsNoTracking()
            .Where(u => u.ValidTo == null && (u.Kind == OrgUnitKind.Department || u.Kind == OrgUnitKind.Inspectorate || u.Kind == OrgUnitKind.PublicServiceUnit
                || u.Kind == OrgUnitKind.Commune || u.Kind == OrgUnitKind.Ward || u.Kind == OrgUnitKind.SpecialZone) && u.Depth == 2)
            .ToListAsync(ct);
        parents = parents.Where(u => prefixes.Any(x => u.AncestorPath.StartsWith(x, StringComparison.Ordinal))).ToList();
        var childRows = new List<object?[]>();
        foreach (var parent in parents)
        {
            if (parent.Kind is OrgUnitKind.Commune or OrgUnitKind.Ward or OrgUnitKind.SpecialZone)
            {
                for (var k = 0; k < CommuneUnits.Length; k++)
                {
                    var code = $"{parent.Code}.{k + 1}";
                    if (!existing.Contains(code))
                    {
                        childRows.Add(UnitRow(code, $"{CommuneUnits[k].Name} {parent.Name}", CommuneUnits[k].Kind, parent));
                    }
                }
            }
            else if (parent.Code.Contains(".G", StringComparison.Ordinal))
            {
                string[] divisions = ["Văn phòng", "Phòng Tổ chức - Hành chính", "Phòng Nghiệp vụ"];
                for (var k = 0; k < divisions.Length; k++)
                {
                    var code = $"{parent.Code}.{k + 1}";
                    if (!existing.Contains(code))
                    {
                        childRows.Add(UnitRow(code, $"{divisions[k]} {parent.Name}", OrgUnitKind.Division, parent));
                    }
                }
            }
        }

        units += await bulk.InsertAsync("OrgUnits", UnitColumns, childRows, n => report("Đơn vị", (double)n / childRows.Count), ct);
        var all = await db.OrgUnits.AsNoTracking().Where(u => u.ValidTo == null && u.Depth >= 2)
            .Select(u => new Unit(u.Id, u.Code, u.Name, u.Kind, u.AncestorPath, u.ParentId ?? 0)).ToListAsync(ct);
        all = all.Where(u => prefixes.Any(x => u.Path.StartsWith(x, StringComparison.Ordinal))).OrderBy(u => u.Id).ToList();

        // 2. Users: heads and officers in every unit, all with the demo password.
        report("Tài khoản", 0);
        var roles = await db.Roles.AsNoTracking().ToDictionaryAsync(r => r.Name!, r => r.Id, ct);
        var hash = hasher.HashPassword(new AppUser(), Features.Demo.DemoSeeder.DemoPassword);
        var taken = (await db.Users.AsNoTracking().Select(u => u.NormalizedUserName!).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var userRows = new List<object?[]>();
        var roleRows = new List<object?[]>();
        var byIdAll = all.ToDictionary(u => u.Id);
        foreach (var u in all)
        {
            var parentKind = byIdAll.TryGetValue(u.ParentId, out var up) ? up.Kind : OrgUnitKind.Province;
            var count = u.Kind is OrgUnitKind.Commune or OrgUnitKind.Ward or OrgUnitKind.SpecialZone ? 4
                : parentKind is OrgUnitKind.Commune or OrgUnitKind.Ward or OrgUnitKind.SpecialZone ? 3
                : u.Kind == OrgUnitKind.Division ? 1 : 3;
            for (var k = 0; k < count; k++)
            {
                var userName = $"u{u.Code.Replace(".", "-", StringComparison.Ordinal).ToLowerInvariant()}-{k + 1}";
                if (!taken.Add(userName.ToUpperInvariant()))
                {
                    continue;
                }

                var id = new Guid(NextBytes(rng)).ToString();
                userRows.Add([id, $"Cán bộ {k + 1} {u.Name}", u.Id, k == 0 ? "Thủ trưởng" : "Chuyên viên", userName, userName.ToUpperInvariant(),
                    userName + "@danvan.local", (userName + "@danvan.local").ToUpperInvariant(), true, hash, new Guid(NextBytes(rng)).ToString("N").ToUpperInvariant(),
                    new Guid(NextBytes(rng)).ToString(), false, false, true, 0]);
                roleRows.Add([id, roles[k == 0 ? Roles.UnitHead : Roles.UnitOfficer]]);
            }
        }

        var users = (int)await bulk.InsertAsync("AspNetUsers",
            ["Id", "FullName", "OrgUnitId", "Position", "UserName", "NormalizedUserName", "Email", "NormalizedEmail", "EmailConfirmed", "PasswordHash",
                "SecurityStamp", "ConcurrencyStamp", "PhoneNumberConfirmed", "TwoFactorEnabled", "LockoutEnabled", "AccessFailedCount"],
            userRows, n => report("Tài khoản", (double)n / Math.Max(1, userRows.Count)), ct);
        await bulk.InsertAsync("AspNetUserRoles", ["UserId", "RoleId"], roleRows, ct: ct);

        // 3. Plans: each province's plan for each of the three years, and the communes' plans that implement it.
        report("Kế hoạch", 0);
        var years = new[] { 2024, 2025, 2026 };
        var utc = clock.GetUtcNow().UtcDateTime;
        var now = new DateTime(utc.Ticks - (utc.Ticks % TimeSpan.TicksPerSecond), DateTimeKind.Utc);
        var maxDocBefore = await db.Documents.MaxAsync(d => (int?)d.Id, ct) ?? 0;
        var maxPlanBefore = await db.Plans.MaxAsync(d => (int?)d.Id, ct) ?? 0;
        var docRows = new List<object?[]>();
        var byProvince = all.GroupBy(u => ProvinceOf(u.Path)).ToDictionary(g => g.Key, g => g.ToList());
        foreach (var p in provinces)
        {
            var local = byProvince.GetValueOrDefault(p.Id) ?? [];
            var snv = local.FirstOrDefault(u => u.Name.StartsWith("Sở Nội vụ", StringComparison.Ordinal));
            foreach (var year in years)
            {
                docRows.Add(DocumentRow(snv?.Id ?? p.Id, $"UBND {PlaceName(p.Name)}", $"{100 + rng.Next(900)}/KH-UBND", "KH", "UBND", year, rng,
                    $"Thực hiện công tác dân vận chính quyền năm {year}", PlaceName(p.Name), now));
                foreach (var c in local.Where(u => u.Kind is OrgUnitKind.Commune or OrgUnitKind.Ward or OrgUnitKind.SpecialZone && rng.NextDouble() < 0.6))
                {
                    docRows.Add(DocumentRow(c.Id, "UBND " + c.Name, $"{1 + rng.Next(200)}/KH-UBND", "KH", "UBND", year, rng,
                        $"Thực hiện công tác dân vận chính quyền năm {year} trên địa bàn {c.Name.ToLower(VietnameseText.Culture)}", PlaceName(p.Name), now));
                }
            }
        }

        var documents = (int)await bulk.InsertAsync("Documents", DocumentColumns, docRows, n => report("Kế hoạch", 0.5 * n / docRows.Count), ct);
        var docs = await db.Documents.AsNoTracking().Where(d => d.Id > maxDocBefore)
            .Select(d => new { d.Id, d.OwnerUnitId, d.IssuedOn, d.IssuerName }).ToListAsync(ct);
        static bool IsProvincial(string issuer) => issuer.StartsWith("UBND tỉnh", StringComparison.Ordinal) || issuer.StartsWith("UBND thành phố", StringComparison.Ordinal);
        int ProvinceOfUnit(int id) => byIdAll.TryGetValue(id, out var u) ? ProvinceOf(u.Path) : id;
        string[] planColumns = ["DocumentId", "OwnerUnitId", "Purposes", "Body", "CreatedAtUtc", "RequiresAdoption", "AdoptionDueOn", "ParentPlanId"];
        const string Purposes = "Nâng cao hiệu quả công tác dân vận chính quyền; phát huy quyền làm chủ của Nhân dân.";
        const string Body = "II. NỘI DUNG\n1. Tuyên truyền, quán triệt.\n2. Đối thoại với Nhân dân.\nIII. TỔ CHỨC THỰC HIỆN";
        await bulk.InsertAsync("Plans", planColumns, docs.Where(d => IsProvincial(d.IssuerName)).Select(d => new object?[]
            { d.Id, d.OwnerUnitId, Purposes, Body, now, true, d.IssuedOn!.Value.AddMonths(2), null }), ct: ct);
        var provincial = (await db.Plans.AsNoTracking().Where(p => p.Id > maxPlanBefore)
                .Join(db.Documents, p => p.DocumentId, d => d.Id, (p, d) => new { p.Id, p.OwnerUnitId, d.IssuedOn }).ToListAsync(ct))
            .ToDictionary(p => (ProvinceOfUnit(p.OwnerUnitId), p.IssuedOn!.Value.Year), p => p.Id);
        await bulk.InsertAsync("Plans", planColumns, docs.Where(d => !IsProvincial(d.IssuerName)).Select(d => new object?[]
            { d.Id, d.OwnerUnitId, Purposes, Body, now, false, null, provincial.GetValueOrDefault((ProvinceOfUnit(d.OwnerUnitId), d.IssuedOn!.Value.Year)) is var parent && parent > 0 ? parent : null }), ct: ct);
        var plans = await db.Plans.AsNoTracking().Where(p => p.Id > maxPlanBefore).Select(p => p.Id).ToListAsync(ct);
        // The third target is followed by its measures (ADR-028): the targets dashboard reads it for every unit.
        await bulk.InsertAsync("PlanTargets", ["PlanId", "Description", "Comparison", "Value", "Unit", "MeasureCode", "DenominatorCode"],
            plans.SelectMany(id => new[]
            {
                new object?[] { id, "100% cán bộ, công chức được quán triệt các văn bản về công tác dân vận", "=", 100, "%", null, null },
                new object?[] { id, "Mức độ hài lòng của người dân đạt trên 90%", ">", 90, "%", null, null },
                new object?[] { id, "Trên 90% đơn thư thuộc thẩm quyền được giải quyết đúng hạn", ">", 90, "%", "don-giai-quyet-dung-han", "don-da-giai-quyet" },
            }), ct: ct);
        await bulk.InsertAsync("DocumentCitations", ["DocumentId", "Relation", "CitedCode", "Description"],
            docs.SelectMany(d => new[]
            {
                new object?[] { d.Id, (int)Domain.Documents.CitationRelation.Basis, "23-QĐ/TW", "Quyết định số 23-QĐ/TW ngày 30/7/2021 của Bộ Chính trị" },
                new object?[] { d.Id, (int)Domain.Documents.CitationRelation.Basis, "10/2022/QH15", "Luật Thực hiện dân chủ ở cơ sở số 10/2022/QH15" },
            }), n => report("Kế hoạch", 0.5 + 0.5 * n / (2.0 * docs.Count)), ct);

        // 4. Tasks: one deadline each, due over three years; done on time, done late, open, overdue.
        var taskCount = scale == DataScale.National ? 500_000 : 15_000;
        report("Nhiệm vụ", 0);
        var leads = all.Where(u => u.Kind != OrgUnitKind.Province).ToArray();
        var byId = all.ToDictionary(u => u.Id);
        var today = VietnamClock.Today(clock);
        var first = new DateOnly(2024, 1, 1);
        var maxIdBefore = await db.WorkItems.MaxAsync(w => (int?)w.Id, ct) ?? 0;
        var states = new List<(DateOnly Due, DateOnly? Done, int Progress)>(taskCount);
        var taskRows = Enumerable.Range(0, taskCount).Select(i =>
        {
            var lead = leads[rng.Next(leads.Length)];
            var assignedBy = byId.TryGetValue(lead.ParentId, out var parent) && parent.Kind != OrgUnitKind.Province ? parent.Id : lead.Id;
            var due = first.AddDays(rng.Next(3 * 365));
            var title = $"{Verbs[rng.Next(Verbs.Length)]} {Topics[rng.Next(Topics.Length)]} năm {due.Year}";
            DateOnly? done = null;
            var r = rng.NextDouble();
            if (due < today)
            {
                done = r < 0.65 ? due.AddDays(-rng.Next(15)) : r < 0.8 ? due.AddDays(1 + rng.Next(20)) : null;
            }
            else if (r < 0.15)
            {
                done = today.AddDays(-rng.Next(30));
            }

            states.Add((due, done, done is null ? rng.Next(9) * 10 : 100));
            return new object?[] { title, assignedBy, lead.Id, 0, due.Day, due.Month, new DateOnly(due.Year, 1, 1), due, now, VietnameseText.Fold(title) };
        });
        var tasks = (int)await bulk.InsertAsync("WorkItems",
            ["Title", "AssignedByUnitId", "LeadUnitId", "Recurrence", "RecurDay", "RecurMonth", "PeriodStart", "PeriodEnd", "CreatedAtUtc", "SearchText"],
            taskRows, n => report("Nhiệm vụ", 0.5 * n / taskCount), ct);
        var items = await db.WorkItems.AsNoTracking().Where(w => w.Id > maxIdBefore).OrderBy(w => w.Id).Select(w => new { w.Id, w.LeadUnitId, w.AssignedByUnitId }).ToListAsync(ct);
        await bulk.InsertAsync("WorkItemDeadlines", ["WorkItemId", "LeadUnitId", "AssignedByUnitId", "DueOn", "OriginalDueOn", "CompletedOn", "Progress", "LastUpdatedAtUtc"],
            items.Select((w, i) => new object?[] { w.Id, w.LeadUnitId, w.AssignedByUnitId, states[i].Due, states[i].Due, states[i].Done, states[i].Progress, now }),
            n => report("Nhiệm vụ", 0.5 + 0.5 * n / taskCount), ct);

        // 5. Reports: a national 60-indicator regime, six periods, a submission from (nearly) every obliged unit.
        report("Báo cáo", 0);
        var (periods, submissions, values) = await GenerateReportsAsync(bulk, rng, country, all, years, today, now, f => report("Báo cáo", f), ct);

        // 6. Citizens: three years of reception sessions and cases (đơn thư) with their steps.
        var (sessions, cases, steps) = await GenerateCitizensAsync(bulk, rng, scale, all, today, now, report, ct);

        // 7. Listening (issue 17): dialogues with their opinions and commitments, draft consultations with answers and comments.
        var (dialogues, opinions, commitments) = await GenerateDialoguesAsync(bulk, rng, all, today, now, report, ct);
        var (consultations, respondents, comments) = await GenerateConsultationsAsync(bulk, rng, scale, provinces, all, today, now, report, ct);

        // 8. Scoring (issue 16): every province's assessment of 2024, 2025 (published) and this year (open).
        var (rounds, sheets, lines) = await GenerateScoringAsync(bulk, rng, provinces, all, today, now, report, ct);

        // 9. “Dân vận khéo” models (issue 15): three years of registrations of every obliged unit, with their step logs.
        var (models, modelSteps, replications) = await GenerateModelsAsync(bulk, rng, all, today, now, report, ct);

        // 10. Grassroots democracy (issue 18): three years of disclosure registers and community votes.
        var (disclosures, decisions, peopleConsultations) = await GenerateDemocracyAsync(bulk, rng, all, today, now, report, ct);

        // 11. Propaganda and training (issue 18): staff rosters and three years of sessions, the briefings with their staff present.
        var (staffMembers, trainingSessions, attendances) = await GenerateTrainingAsync(bulk, rng, all, today, now, report, ct);

        // 12. The people supervise (issue 18): boards, their activities, the agencies' staff conferences.
        var (boards, activities, staffConferences) = await GenerateOversightAsync(bulk, rng, all, today, now, report, ct);

        // 13. Indices (issue 18): every province's published results over the ten years before this one.
        var indexValues = await GenerateIndicesAsync(bulk, rng, all, today, now, report, ct);
        report("Xong", 1);
        return new GenerationSummary((int)units, users, documents, tasks, periods, submissions, values, clock.GetElapsedTime(started), cases, steps, sessions,
            dialogues, opinions, commitments, consultations, respondents, comments, rounds, sheets, lines, models, modelSteps, replications, disclosures, decisions,
            Staff: staffMembers, TrainingSessions: trainingSessions, Attendances: attendances, PeopleConsultations: peopleConsultations,
            OversightBoards: boards, OversightActivities: activities, StaffConferences: staffConferences, IndexValues: indexValues);
    }

    private async Task<(int Periods, int Submissions, long Values)> GenerateReportsAsync(BulkInsert bulk, Random rng, OrgUnit country, List<Unit> all,
        int[] years, DateOnly today, DateTime now, Action<double> report, CancellationToken ct)
    {
        var regime = await db.ReportRegimes.FirstOrDefaultAsync(r => r.Code == RegimeCode, ct);
        if (regime is null)
        {
            regime = DefaultRegime.Regime();
            regime.Code = RegimeCode;
            regime.Name = "Báo cáo dân vận chính quyền toàn quốc (mở rộng, 60 chỉ tiêu)";
            regime.CreatedAtUtc = now;
            db.ReportRegimes.Add(regime);
            db.BulkAuditSummary = "Sinh dữ liệu: chế độ báo cáo " + RegimeCode;
            await db.SaveChangesAsync(ct);
            var indicators = DefaultRegime.Indicators().ToList();
            for (var i = 1; indicators.Count < 60; i++)
            {
                indicators.Add(new ReportIndicator { Code = $"BS{i:00}", Name = $"Chỉ tiêu bổ sung {i}", Unit = "lượt", Group = "9. Chỉ tiêu bổ sung", Aggregation = IndicatorAggregation.Sum });
            }

            for (var i = 0; i < indicators.Count; i++)
            {
                indicators[i].Order = i + 1;
                indicators[i].RegimeId = regime.Id;
            }

            var sections = DefaultRegime.Sections();
            foreach (var s in sections)
            {
                s.RegimeId = regime.Id;
            }

            var rules = DefaultRegime.DueRules();
            foreach (var r in rules)
            {
                r.RegimeId = regime.Id;
            }

            db.ReportIndicators.AddRange(indicators);
            db.ReportSections.AddRange(sections);
            db.ReportDueRules.AddRange(rules);
            db.BulkAuditSummary = "Sinh dữ liệu: chỉ tiêu của " + RegimeCode;
            await db.SaveChangesAsync(ct);
        }

        var defs = await db.ReportIndicators.AsNoTracking().Where(i => i.RegimeId == regime.Id && i.Aggregation != IndicatorAggregation.Ratio).OrderBy(i => i.Order).ToListAsync(ct);
        var kinds = regime.ObligatedKinds.Split(',').Select(Enum.Parse<OrgUnitKind>).ToHashSet();
        var obliged = all.Where(u => kinds.Contains(u.Kind)).ToList();
        var byId = all.ToDictionary(u => u.Id);
        var periodCount = 0;
        var submissionCount = 0;
        long valueCount = 0;
        var step = 0;
        foreach (var year in years)
        {
            foreach (var kind in new[] { ReportPeriodKind.FirstHalf, ReportPeriodKind.Year })
            {
                step++;
                var label = DefaultRegime.Label(kind, year);
                var cutoff = kind == ReportPeriodKind.FirstHalf ? new DateOnly(year, 6, 14) : new DateOnly(year, 11, 14);
                var due = cutoff.AddDays(1);
                if (due > today.AddDays(60) || await db.ReportPeriods.AnyAsync(p => p.RegimeId == regime.Id && p.Kind == kind && p.Year == year, ct))
                {
                    continue;
                }

                var period = new ReportPeriod
                {
                    RegimeId = regime.Id, OwnerUnitId = country.Id, Kind = kind, Year = year, Label = label, StartOn = new DateOnly(year, 1, 1),
                    CutoffOn = cutoff, DueOn = due, OpenedAtUtc = now,
                };
                db.ReportPeriods.Add(period);
                db.BulkAuditSummary = "Sinh dữ liệu: kỳ " + label;
                await db.SaveChangesAsync(ct);
                periodCount++;

                var latest = due >= today.AddDays(-30);
                var statuses = obliged.Select(_ =>
                {
                    var r = rng.NextDouble();
                    return latest
                        ? (r < 0.35 ? SubmissionStatus.Pending : r < 0.45 ? SubmissionStatus.Returned : r < 0.75 ? SubmissionStatus.Submitted : SubmissionStatus.Accepted)
                        : (r < 0.03 ? SubmissionStatus.Pending : r < 0.08 ? SubmissionStatus.Submitted : SubmissionStatus.Accepted);
                }).ToList();
                await bulk.InsertAsync("ReportSubmissions",
                    ["PeriodId", "UnitId", "UnitPath", "ProvinceId", "ReceiverUnitId", "Status", "Version", "SubmittedAtUtc", "SubmittedBy", "UpdatedAtUtc", "ConcurrencyStamp"],
                    obliged.Select((u, i) => new object?[]
                    {
                        period.Id, u.Id, u.Path + u.Id + "/", ProvinceOf(u.Path), u.ParentId, statuses[i], statuses[i] == SubmissionStatus.Pending ? 0 : 1,
                        statuses[i] == SubmissionStatus.Pending ? null : due.ToDateTime(TimeOnly.MinValue).AddDays(-rng.Next(20)).AddHours(1 + rng.Next(8)),
                        statuses[i] == SubmissionStatus.Pending ? null : "u" + u.Code.Replace(".", "-", StringComparison.Ordinal).ToLowerInvariant() + "-2",
                        now, new Guid(NextBytes(rng)),
                    }), ct: ct);
                submissionCount += obliged.Count;
                var slots = await db.ReportSubmissions.AsNoTracking().Where(s => s.PeriodId == period.Id && s.Status != SubmissionStatus.Pending)
                    .Select(s => s.Id).ToListAsync(ct);
                var total = (long)slots.Count * defs.Count;
                valueCount += await bulk.InsertAsync("ReportValues", ["SubmissionId", "PeriodId", "IndicatorId", "Value", "Source"],
                    slots.SelectMany(id => Figures(rng, defs).Select(f => new object?[] { id, period.Id, f.IndicatorId, f.Value, (int)ValueSource.Entered })),
                    n => report((step - 1 + (double)n / total) / 6), ct);
            }
        }

        return (periodCount, submissionCount, valueCount);
    }

    /// <summary>Plausible figures that respect the regime's "not above" rules (a rule's limit comes earlier in the order).</summary>
    private static IEnumerable<(int IndicatorId, double Value)> Figures(Random rng, List<ReportIndicator> defs)
    {
        var byCode = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var d in defs)
        {
            double v = d.Unit == "%" ? 70 + rng.Next(31) : rng.Next(d.Unit is "văn bản" or "hội nghị" ? 5 : 40);
            if (d.NotAboveCode is { } limit && byCode.TryGetValue(limit, out var max))
            {
                v = max == 0 ? 0 : rng.Next((int)max + 1);
            }

            byCode[d.Code] = v;
            yield return (d.Id, v);
        }
    }

    private sealed record Unit(int Id, string Code, string Name, OrgUnitKind Kind, string Path, int ParentId)
    {
        public int Depth => Path.Count(c => c == '/') - 1;
    }

    private static readonly string[] UnitColumns = ["Code", "Name", "SearchText", "Kind", "ParentId", "AncestorPath", "Depth"];

    private static object?[] UnitRow(string code, string name, OrgUnitKind kind, OrgUnit parent) =>
        [code, name, VietnameseText.Fold(name + " " + code + " "), kind, parent.Id, UnitPaths.SubtreePrefix(parent.AncestorPath, parent.Id), parent.Depth + 1];

    private static readonly string[] DocumentColumns =
        ["OwnerUnitId", "IssuerName", "Code", "Style", "Number", "Year", "TypeCode", "IssuerSymbol", "TypeName", "Place", "IssuedOn", "Title", "CreatedAtUtc", "SearchText"];

    private static object?[] DocumentRow(int owner, string issuer, string code, string type, string symbol, int year, Random rng, string title, string place, DateTime now)
    {
        var number = int.Parse(code[..code.IndexOf('/', StringComparison.Ordinal)], CultureInfo.InvariantCulture);
        var issued = new DateOnly(year, 1 + rng.Next(3), 1 + rng.Next(28));
        return [owner, issuer, code, (int)Domain.Documents.NumberingStyle.State, number, null, type, symbol, "Kế hoạch", place, issued, title, now,
            VietnameseText.Fold(code + " Kế hoạch " + title + " " + issuer)];
    }

    /// <summary>"Tỉnh Tây Ninh" → "tỉnh Tây Ninh"; "Thành phố Hà Nội" → "thành phố Hà Nội".</summary>
    private static string PlaceName(string provinceName) =>
        provinceName.Length > 0 ? char.ToLower(provinceName[0], VietnameseText.Culture) + provinceName[1..] : provinceName;

    private static int ProvinceOf(string path) => UnitPaths.Ancestors(path).Skip(1).FirstOrDefault();

    private static byte[] NextBytes(Random rng)
    {
        var b = new byte[16];
        rng.NextBytes(b);
        return b;
    }
}
