using DanVan.Data;
using DanVan.Domain.Access;
using DanVan.Domain.Units;
using DanVan.Features.Shared;
using DanVan.Features.Units;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Features.Demo;

/// <summary>
/// Demo data: the national unit list, Tây Ninh set up with its agencies, Party and Front bodies, a legacy
/// district abolished on 1/7/2025, and one account per role. Idempotent: runs only what is missing.
/// </summary>
public sealed partial class DemoSeeder(
    AppDbContext db, UserManager<AppUser> users, RoleManager<IdentityRole> roles, UnitImporter importer, TimeProvider clock,
    Documents.DocumentCommands documents, Plans.PlanCommands plans, Tasks.WorkItemCommands tasks, Cases.CaseCommands cases,
    Reception.ReceptionCommands reception, Dialogues.DialogueCommands dialogues, Models.ModelCommands models,
    Consultations.ConsultationCommands consultations, Import.DocumentTextReader reader, IConfiguration configuration, MeasureRegistry measures,
    Democracy.DisclosureCommands disclosures, Democracy.DecisionCommands decisions,
    Democracy.PeopleConsultationCommands peopleConsultations, Democracy.OversightCommands oversight, Democracy.StaffConferenceCommands conferences,
    Plans.TargetEditing targetEditing)
{
    public const string DemoPassword = "DanVan@2026";
    public const string ProvinceCode = "80";

    public sealed record DemoAccount(string UserName, string Role, string UnitCode, string FullName, string Position);

    public static readonly DemoAccount[] Accounts =
    [
        new("admin", Roles.Admin, UnitImporter.CountryCode, "Quản trị hệ thống", "Quản trị viên"),
        new("dieuphoi", Roles.Coordinator, "80.SNV", "Nguyễn Thị Thu Hà", "Chuyên viên Phòng Xây dựng chính quyền"),
        new("thamdinh", Roles.Reviewer, "80.BTGDV", "Trần Văn Minh", "Chuyên viên Ban Tuyên giáo và Dân vận"),
        new("lanhdao", Roles.UnitHead, "80.STP", "Lê Hoàng Phúc", "Giám đốc Sở Tư pháp"),
        new("canbo", Roles.UnitOfficer, "25459", "Phạm Thị Lan", "Công chức Văn phòng - Thống kê"),
        new("lanhdaophuong", Roles.UnitHead, "25459", "Nguyễn Văn Hùng", "Chủ tịch Ủy ban nhân dân phường Tân Ninh"),
        new("xem", Roles.ReadOnly, "80.STC", "Võ Minh Tuấn", "Chuyên viên Sở Tài chính"),
    ];

    /// <summary>Agencies of the demo province: code suffix, name, kind, parent code suffix (null: the province).</summary>
    private static readonly (string Code, string Name, OrgUnitKind Kind, string? Parent)[] Agencies =
    [
        ("TU", "Tỉnh ủy Tây Ninh", OrgUnitKind.PartyCommittee, null),
        ("BTGDV", "Ban Tuyên giáo và Dân vận Tỉnh ủy Tây Ninh", OrgUnitKind.PartyBoard, "TU"),
        ("BTC", "Ban Tổ chức Tỉnh ủy Tây Ninh", OrgUnitKind.PartyBoard, "TU"),
        ("MTTQ", "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Tây Ninh", OrgUnitKind.FrontCommittee, null),
        ("UBND", "Ủy ban nhân dân tỉnh Tây Ninh", OrgUnitKind.PeoplesCommittee, null),
        ("VPUBND", "Văn phòng Ủy ban nhân dân tỉnh Tây Ninh", OrgUnitKind.CommitteeOffice, null),
        ("SNV", "Sở Nội vụ tỉnh Tây Ninh", OrgUnitKind.Department, null),
        ("SNV.VP", "Văn phòng Sở Nội vụ", OrgUnitKind.Division, "SNV"),
        ("SNV.XDCQ", "Phòng Xây dựng chính quyền và Công tác thanh niên", OrgUnitKind.Division, "SNV"),
        ("SNV.TCBC", "Phòng Tổ chức, biên chế và Tổ chức phi chính phủ", OrgUnitKind.Division, "SNV"),
        ("STC", "Sở Tài chính tỉnh Tây Ninh", OrgUnitKind.Department, null),
        ("STP", "Sở Tư pháp tỉnh Tây Ninh", OrgUnitKind.Department, null),
        ("STP.VP", "Văn phòng Sở Tư pháp", OrgUnitKind.Division, "STP"),
        ("STP.PBGDPL", "Phòng Phổ biến, giáo dục pháp luật", OrgUnitKind.Division, "STP"),
        ("SXD", "Sở Xây dựng tỉnh Tây Ninh", OrgUnitKind.Department, null),
        ("SNNMT", "Sở Nông nghiệp và Môi trường tỉnh Tây Ninh", OrgUnitKind.Department, null),
        ("SCT", "Sở Công Thương tỉnh Tây Ninh", OrgUnitKind.Department, null),
        ("SGDDT", "Sở Giáo dục và Đào tạo tỉnh Tây Ninh", OrgUnitKind.Department, null),
        ("SYT", "Sở Y tế tỉnh Tây Ninh", OrgUnitKind.Department, null),
        ("SVHTTDL", "Sở Văn hóa, Thể thao và Du lịch tỉnh Tây Ninh", OrgUnitKind.Department, null),
        ("SKHCN", "Sở Khoa học và Công nghệ tỉnh Tây Ninh", OrgUnitKind.Department, null),
        ("SDTTG", "Sở Dân tộc và Tôn giáo tỉnh Tây Ninh", OrgUnitKind.Department, null),
        ("TTR", "Thanh tra tỉnh Tây Ninh", OrgUnitKind.Inspectorate, null),
        ("BQLKKT", "Ban Quản lý Khu kinh tế tỉnh Tây Ninh", OrgUnitKind.Department, null),
        ("BPTTH", "Báo và Phát thanh, Truyền hình Tây Ninh", OrgUnitKind.PublicServiceUnit, null),
        ("TTPVHCC", "Trung tâm Phục vụ hành chính công tỉnh Tây Ninh", OrgUnitKind.PublicServiceUnit, null),
    ];

    /// <summary>A district abolished with the two-level reform, and the communes that took over its territory.</summary>
    private static readonly string[] GoDauSuccessors = ["Phường Gò Dầu", "Xã Thạnh Đức", "Xã Phước Thạnh", "Xã Truông Mít"];

    public async Task<bool> SeedAsync(CancellationToken ct = default)
    {
        var changed = false;
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
                changed = true;
            }
        }

        await Infrastructure.ReferenceData.EnsureAsync(db, ct);
        if (!await db.OrgUnits.AnyAsync(u => u.Kind == OrgUnitKind.Province, ct))
        {
            await using var list = UnitImporter.OpenEmbeddedList();
            await importer.ImportAsync(list, ct);
            changed = true;
        }

        changed |= await SeedProvinceAsync(ct);
        changed |= await SeedCalendarAsync(ct);
        changed |= await SeedAccountsAsync();
        changed |= await SeedWorkAsync(ct);
        changed |= await SeedYearAsync(ct);
        changed |= await SeedReceptionAsync(ct);
        changed |= await SeedCasesAsync(ct);
        changed |= await SeedDialoguesAsync(ct);
        changed |= await SeedModelsAsync(ct);
        changed |= await SeedDisclosuresAsync(ct);
        changed |= await SeedPeopleConsultationsAsync(ct);
        changed |= await SeedOversightAsync(ct);
        changed |= await SeedConsultationsAsync(ct);
        changed |= await SeedScoringAsync(ct);
        changed |= await SeedTrainingAsync(ct);
        changed |= await SeedIndicesAsync(ct);
        return changed;
    }

    private async Task<bool> SeedProvinceAsync(CancellationToken ct)
    {
        if (await db.OrgUnits.AnyAsync(u => u.Code == ProvinceCode + ".UBND", ct))
        {
            return false;
        }

        var province = await db.OrgUnits.SingleAsync(u => u.Code == ProvinceCode, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var byCode = new Dictionary<string, OrgUnit>();
        foreach (var (code, name, kind, parent) in Agencies)
        {
            var unit = new OrgUnit { Code = ProvinceCode + "." + code, Kind = kind, ValidFrom = UnitImporter.ReorganisationDate };
            unit.SetName(name);
            unit.PlaceUnder(parent is null ? province : byCode[parent]);
            byCode[code] = unit;
            db.OrgUnits.Add(unit);
            await db.SaveChangesAsync(ct); // ids are needed for the children's paths
        }

        // Huyện Gò Dầu: abolished on 1/7/2025, its territory split among four new communes and wards.
        var district = new OrgUnit
        {
            Code = ProvinceCode + ".CU.GODAU", Kind = OrgUnitKind.LegacyDistrict,
            ValidTo = UnitImporter.ReorganisationDate.AddDays(-1), LegalBasis = "Nghị quyết của Ủy ban Thường vụ Quốc hội về sắp xếp đơn vị hành chính cấp xã năm 2025 (dữ liệu minh họa)",
        };
        district.SetName("Huyện Gò Dầu");
        district.PlaceUnder(province);
        db.OrgUnits.Add(district);
        var split = new OrgUnitEvent
        {
            Kind = OrgUnitEventKind.Split, Unit = district, EffectiveDate = UnitImporter.ReorganisationDate, OldName = district.Name,
            Note = "Không tổ chức cấp huyện; địa bàn chuyển cho các xã, phường mới.", RecordedAtUtc = now,
            LegalBasis = district.LegalBasis,
        };
        db.OrgUnitEvents.Add(split);
        var successors = await db.OrgUnits
            .Where(u => u.ParentId == province.Id && GoDauSuccessors.Contains(u.Name))
            .ToListAsync(ct);
        foreach (var successor in successors)
        {
            db.OrgUnitSuccessions.Add(new OrgUnitSuccession
            {
                Predecessor = district, SuccessorId = successor.Id, EffectiveDate = UnitImporter.ReorganisationDate, Event = split,
            });
        }

        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>The Labour Code's default holidays for last year, this year and next, where a year has none yet.</summary>
    private async Task<bool> SeedCalendarAsync(CancellationToken ct)
    {
        var year = Infrastructure.VietnamClock.Today(clock).Year;
        var changed = false;
        for (var y = year - 1; y <= year + 1; y++)
        {
            var start = new DateOnly(y, 1, 1);
            var end = new DateOnly(y, 12, 31);
            if (!await db.CalendarDays.AnyAsync(d => d.Date >= start && d.Date <= end, ct))
            {
                db.CalendarDays.AddRange(Domain.Calendar.PublicHolidays.DefaultsFor(y));
                changed = true;
            }
        }

        if (changed)
        {
            db.BulkAuditSummary = "Tạo lịch nghỉ lễ mặc định";
            await db.SaveChangesAsync(ct);
        }

        return changed;
    }

    /// <summary>A province plan (cascaded to departments and communes) with targets and tasks in every state.</summary>
    private async Task<bool> SeedWorkAsync(CancellationToken ct)
    {
        if (await db.Documents.AnyAsync(ct))
        {
            return false;
        }

        var adminId = await db.Users.Where(u => u.UserName == "admin").Select(u => u.Id).SingleAsync(ct);
        var admin = (await Infrastructure.CurrentUser.LoadScopeAsync(db, adminId, ct))!;
        var today = Infrastructure.VietnamClock.Today(clock);
        var issued = today.AddDays(-60);
        var province = await db.OrgUnits.SingleAsync(u => u.Code == ProvinceCode, ct);
        async Task<int> Unit(string code) => await db.OrgUnits.Where(u => u.Code == code).Select(u => u.Id).SingleAsync(ct);

        var doc = await documents.RegisterAsync(admin, new Documents.RegisterDocumentCommand(
            province.Id, "80/KH-UBND", "Ủy ban nhân dân tỉnh Tây Ninh", await Unit(ProvinceCode + ".UBND"), "Tây Ninh", issued,
            $"Thực hiện công tác dân vận chính quyền năm {issued.Year} (dữ liệu minh họa)", "KT.", "Phó Chủ tịch", "Nguyễn Văn A",
            "Sở, ban, ngành tỉnh;\nUBND các xã, phường;\nLưu: VT.",
            [
                new Documents.CitationInput(Domain.Documents.CitationRelation.Basis, "Kết luận số 114-KL/TW ngày 14/7/2015 của Ban Bí thư"),
                new Documents.CitationInput(Domain.Documents.CitationRelation.Basis, "Luật Thực hiện dân chủ ở cơ sở số 10/2022/QH15 ngày 10/11/2022"),
            ], null), ct);
        if (!doc.IsOk)
        {
            throw new InvalidOperationException("Demo document: " + string.Join(" ", doc.Errors.SelectMany(e => e.Value)));
        }

        var plan = await plans.CreateAsync(admin, new Plans.CreatePlanCommand(
            doc.Value!.Id,
            "Nâng cao nhận thức, trách nhiệm của cán bộ, công chức về công tác dân vận chính quyền; phát huy quyền làm chủ của Nhân dân.",
            "II. NỘI DUNG\n1. Tuyên truyền, phổ biến pháp luật về dân chủ ở cơ sở.\n2. Xây dựng và nhân rộng mô hình “Dân vận khéo”.\nIII. TỔ CHỨC THỰC HIỆN",
            "100% cơ quan, đơn vị xây dựng kế hoạch thực hiện\nMức độ hài lòng của người dân đạt trên 90%\n"
            + "Trên 90% hồ sơ, đơn thư thuộc thẩm quyền được giải quyết đúng hạn\nTrên 90% nhiệm vụ theo kế hoạch hoàn thành đúng hạn\nÍt nhất 2 cuộc đối thoại với Nhân dân",
            RequiresAdoption: true, AdoptionDueOn: issued.AddDays(30),
            AdoptionKinds: [OrgUnitKind.Department, OrgUnitKind.Commune, OrgUnitKind.Ward, OrgUnitKind.SpecialZone]), ct);
        if (!plan.IsOk)
        {
            throw new InvalidOperationException("Demo plan: " + string.Join(" ", plan.Errors.SelectMany(e => e.Value)));
        }

        // Each target the DanVan registers can count is followed by its measure (ADR-028): what its words point to.
        foreach (var target in await db.PlanTargets.AsNoTracking().Where(t => t.PlanId == plan.Value!.Id).OrderBy(t => t.Id).ToListAsync(ct))
        {
            if (Domain.Plans.TargetProgress.Suggest(target.Description, target.Unit) is { } suggested && measures.Find(suggested.Numerator) is not null)
            {
                var linked = await targetEditing.LinkMeasureAsync(admin, target.Id,
                    new Plans.LinkMeasureCommand(target.Version, suggested.Numerator, suggested.Denominator, null), measures, ct);
                if (!linked.IsOk)
                {
                    throw new InvalidOperationException("Demo target: " + string.Join(" ", linked.Errors.SelectMany(e => e.Value)));
                }
            }
        }

        var ward = await Unit("25459");
        (string Title, int Lead, Domain.WorkItems.Schedule Schedule)[] work =
        [
            ("Báo cáo kết quả công tác dân vận chính quyền (6 tháng, năm)", await Unit(ProvinceCode + ".STP"), Domain.WorkItems.Schedule.HalfYearly(15, 6)),
            ("Xây dựng mô hình “Dân vận khéo” trong cải cách hành chính", ward, Domain.WorkItems.Schedule.Once(today.AddDays(3))),
            ("Tổ chức hội nghị đối thoại giữa người đứng đầu với Nhân dân", ward, Domain.WorkItems.Schedule.Once(today.AddDays(-5))),
            ("Rà soát, công khai thủ tục hành chính tại bộ phận một cửa", ward, Domain.WorkItems.Schedule.Once(today.AddDays(20))),
        ];
        foreach (var (title, lead, schedule) in work)
        {
            var created = await tasks.CreateAsync(admin, new Tasks.CreateWorkItemCommand(
                title, null, await Unit(ProvinceCode + ".SNV"), lead, [], doc.Value.Id, schedule, issued, new DateOnly(today.Year, 12, 31)), ct);
            if (!created.IsOk)
            {
                throw new InvalidOperationException("Demo task: " + string.Join(" ", created.Errors.SelectMany(e => e.Value)));
            }

            if (schedule.Date < today)
            {
                // Issue 12's case: the ward reports, after the due date, a completion dated before it. It waits for the
                // Sở Nội vụ to confirm (dieuphoi) and counts as overdue until then.
                var officerId = await db.Users.Where(u => u.UserName == "canbo").Select(u => u.Id).SingleAsync(ct);
                var officer = (await Infrastructure.CurrentUser.LoadScopeAsync(db, officerId, ct))!;
                var deadlineId = await db.WorkItemDeadlines.Where(d => d.WorkItemId == created.Value!.Id).Select(d => d.Id).SingleAsync(ct);
                var reported = await tasks.ReportAsync(officer, new Tasks.ReportProgressCommand(
                    deadlineId, null, "Đã tổ chức hội nghị đối thoại tại hội trường phường, 140 người dự; biên bản gửi kèm.", true,
                    schedule.Date.Value.AddDays(-1)), ct);
                if (!reported.IsOk)
                {
                    throw new InvalidOperationException("Demo completion: " + string.Join(" ", reported.Errors.SelectMany(e => e.Value)));
                }
            }
        }

        return true;
    }

    /// <summary>The ward's register of đơn: cases at every step, one overdue, one denunciation with a sealed identity.</summary>
    /// <summary>
    /// Phường Tân Ninh's chairman receives citizens every Thursday: eight weeks of log (one week not held, so the duty
    /// is flagged), the coming four weeks on the public schedule, and the session where the demo complaint was raised.
    /// </summary>
    private async Task<bool> SeedReceptionAsync(CancellationToken ct)
    {
        if (await db.ReceptionSessions.AnyAsync(ct))
        {
            return false;
        }

        var officerId = await db.Users.Where(u => u.UserName == "canbo").Select(u => u.Id).SingleAsync(ct);
        var officer = (await Infrastructure.CurrentUser.LoadScopeAsync(db, officerId, ct))!;
        var today = Infrastructure.VietnamClock.Today(clock);
        async Task<Domain.Reception.ReceptionSession> Schedule(DateOnly on, Domain.Reception.ReceptionKind kind = Domain.Reception.ReceptionKind.Periodic)
        {
            var result = await reception.ScheduleAsync(officer, new Reception.ReceptionScheduleInput
            {
                On = Domain.Text.VietnameseText.FormatDate(on), Kind = kind, Time = "07h30 – 11h00", Place = "Trụ sở Ủy ban nhân dân phường Tân Ninh",
                HostName = "Nguyễn Văn Hùng", HostPost = "Chủ tịch Ủy ban nhân dân phường Tân Ninh",
            }, ct);
            return result.Value ?? throw new InvalidOperationException("Demo reception: " + string.Join(" ", result.Errors.SelectMany(e => e.Value)));
        }

        string[] matters =
        [
            "Hộ dân khu phố 2 phản ánh đường hẻm ngập nước sau mưa (dữ liệu minh họa).",
            "Công dân hỏi thủ tục cấp đổi giấy chứng nhận quyền sử dụng đất (dữ liệu minh họa).",
            "Kiến nghị lắp thêm đèn chiếu sáng đường Cách Mạng Tháng Tám (dữ liệu minh họa).",
            "Phản ánh tiếng ồn của cơ sở karaoke sau 22 giờ (dữ liệu minh họa).",
        ];
        var back = ((int)today.DayOfWeek - (int)DayOfWeek.Thursday + 7) % 7;
        var lastThursday = today.AddDays(back == 0 ? -7 : -back);
        for (var week = 7; week >= 0; week--)
        {
            var on = lastThursday.AddDays(-7 * week);
            var session = await Schedule(on);
            db.ChangeTracker.Clear();
            var result = week == 3
                ? await reception.NotHeldAsync(officer, session.Id, "Chủ tịch UBND phường dự hội nghị của tỉnh; chưa bố trí lãnh đạo thay (dữ liệu minh họa).", session.ConcurrencyStamp, ct)
                : await reception.LogAsync(officer, session.Id, new Reception.ReceptionLogInput
                {
                    CitizensReceived = 2 + week % 4, Groups = 0, Matters = matters[week % matters.Length],
                    Conclusion = "Giao bộ phận chuyên môn kiểm tra, trả lời công dân trong 10 ngày (dữ liệu minh họa).",
                }, session.ConcurrencyStamp, ct);
            if (!result.IsOk)
            {
                throw new InvalidOperationException("Demo reception log: " + string.Join(" ", result.Errors.SelectMany(e => e.Value)));
            }
        }

        // The session where the demo complaint about the poor-household list was raised (see SeedCasesAsync).
        var raised = await Schedule(today.AddDays(-50), Domain.Reception.ReceptionKind.AdHoc);
        db.ChangeTracker.Clear();
        await reception.LogAsync(officer, raised.Id, new Reception.ReceptionLogInput
        {
            CitizensReceived = 7, Groups = 1, GroupRepresentatives = "Ông Nguyễn Văn Hùng (đại diện 6 hộ khu phố 2, dữ liệu minh họa)",
            Matters = "Các hộ khu phố 2 khiếu nại việc không được xét hộ nghèo năm nay (dữ liệu minh họa).",
            Conclusion = "Tiếp nhận đơn khiếu nại, thụ lý giải quyết theo Luật Khiếu nại (dữ liệu minh họa).",
        }, raised.ConcurrencyStamp, ct);
        for (var week = 1; week <= 4; week++)
        {
            await Schedule(lastThursday.AddDays(7 * week));
        }

        return true;
    }

    private async Task<bool> SeedCasesAsync(CancellationToken ct)
    {
        if (await db.Cases.AnyAsync(ct))
        {
            return false;
        }

        var officerId = await db.Users.Where(u => u.UserName == "canbo").Select(u => u.Id).SingleAsync(ct);
        var officer = (await Infrastructure.CurrentUser.LoadScopeAsync(db, officerId, ct))!;
        var today = Infrastructure.VietnamClock.Today(clock);
        string Day(int ago) => Domain.Text.VietnameseText.FormatDate(today.AddDays(-ago));
        async Task<int> Register(int ago, Domain.Cases.CaseKind kind, Domain.Cases.CaseSource source, string field, string summary, string sender, string? respondent,
            bool competent = true, bool complex = false)
        {
            var on = today.AddDays(-ago);
            int? session = source == Domain.Cases.CaseSource.Reception
                ? await db.ReceptionSessions.Where(s => s.UnitId == officer.UnitId && s.On == on).Select(s => (int?)s.Id).FirstOrDefaultAsync(ct)
                : null;
            var result = await cases.RegisterAsync(officer, new Cases.CaseIntake
            {
                ReceivedOn = Day(ago), Source = source, Kind = kind, Summary = summary, Field = field, SenderName = sender,
                SenderAddress = "Khu phố 2, Phường Tân Ninh", Respondent = respondent, WithinCompetence = competent, Complex = complex,
                ReceptionSessionId = session,
            }, ct);
            return result.IsOk ? result.Value!.Case.Id : throw new InvalidOperationException("Demo case: " + string.Join(" ", result.Errors.SelectMany(e => e.Value)));
        }

        async Task Step(int id, Domain.Cases.CaseAction action, int ago, string? reason = null, string? to = null, int? days = null)
        {
            var stamp = await db.Cases.Where(c => c.Id == id).Select(c => c.ConcurrencyStamp).SingleAsync(ct);
            db.ChangeTracker.Clear();
            var result = await cases.StepAsync(officer, id, new Domain.Cases.CaseCommand
            {
                Action = action, On = today.AddDays(-ago), Reason = reason, ToBody = to, Days = days,
            }, stamp, ct);
            if (!result.IsOk)
            {
                throw new InvalidOperationException("Demo case step: " + string.Join(" ", result.Errors.SelectMany(e => e.Value)));
            }
        }

        var resolved = await Register(50, Domain.Cases.CaseKind.Complaint, Domain.Cases.CaseSource.Reception, "chinh-sach",
            "Khiếu nại việc không được hưởng trợ cấp hộ nghèo năm nay (dữ liệu minh họa).", "Nguyễn Văn Hùng", "Danh sách hộ nghèo do UBND phường phê duyệt");
        await Step(resolved, Domain.Cases.CaseAction.Accept, 46);
        await Step(resolved, Domain.Cases.CaseAction.Resolve, 20, "Quyết định giải quyết khiếu nại lần đầu (dữ liệu minh họa): công nhận một phần nội dung khiếu nại.");

        var overdue = await Register(40, Domain.Cases.CaseKind.Complaint, Domain.Cases.CaseSource.Post, "boi-thuong",
            "Khiếu nại mức bồi thường khi thu hồi đất làm đường khu phố 3 (dữ liệu minh họa).", "Trần Thị Mai", "Phương án bồi thường của UBND phường");
        await Step(overdue, Domain.Cases.CaseAction.Accept, 36);

        var denunciation = await Register(10, Domain.Cases.CaseKind.Denunciation, Domain.Cases.CaseSource.Post, "dat-dai",
            "Tố cáo cán bộ địa chính nhận tiền để xác nhận nguồn gốc đất (dữ liệu minh họa).", "Nguyễn Văn Bình", "Một công chức địa chính phường", complex: true);
        await Step(denunciation, Domain.Cases.CaseAction.Accept, 8);

        var transferred = await Register(6, Domain.Cases.CaseKind.Petition, Domain.Cases.CaseSource.HotlineOrEmail, "moi-truong",
            "Kiến nghị xử lý cơ sở chăn nuôi gây ô nhiễm ngoài địa bàn phường (dữ liệu minh họa).", "Lê Thị Thu", "Cơ sở chăn nuôi ở xã lân cận", competent: false);
        await Step(transferred, Domain.Cases.CaseAction.Transfer, 4, to: "Ủy ban nhân dân xã Truông Mít");

        await Register(2, Domain.Cases.CaseKind.Complaint, Domain.Cases.CaseSource.InPerson, "dat-dai",
            "Khiếu nại quyết định xử phạt vi phạm hành chính về xây dựng (dữ liệu minh họa).", "Phạm Văn Tài", "Quyết định xử phạt của Chủ tịch UBND phường");
        return true;
    }

    /// <summary>
    /// Phường Tân Ninh's dialogues: last one held 40 days ago with four opinions — two answered on the spot, one
    /// commitment of the ward done, one of the Sở Tư pháp overdue, one of the ward due soon — and the next one announced.
    /// </summary>
    /// <summary>
    /// A draft consultation of the Sở Nội vụ in two rounds: the first closed (four units answered, the others recorded
    /// as silent after the deadline, two comments handled), the second open on the revised draft with one answer so
    /// far, so that the ward (canbo, lanhdaophuong) sees it due on its home page.
    /// </summary>
    private async Task<bool> SeedConsultationsAsync(CancellationToken ct)
    {
        if (await db.Consultations.AnyAsync(ct))
        {
            return false;
        }

        async Task<UserScope> Scope(string userName)
        {
            var id = await db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync(ct);
            return (await Infrastructure.CurrentUser.LoadScopeAsync(db, id, ct))!;
        }

        async Task<UserScope> OfficerOf(string code)
        {
            var unit = await db.OrgUnits.AsNoTracking().SingleAsync(u => u.Code == code, ct);
            return UserScope.For("demo", "canbo-" + code, Roles.UnitOfficer, unit.Id, unit.AncestorPath);
        }

        T Ok<T>(Infrastructure.Result<T> r) => r.IsOk ? r.Value! : throw new InvalidOperationException("Demo consultation: " + string.Join(" ", r.Errors.SelectMany(e => e.Value)));
        Consultations.ConsultationCommands At(int daysAgo)
        {
            var then = new ShiftedClock(clock, TimeSpan.FromDays(-daysAgo));
            return new Consultations.ConsultationCommands(db, new Deadlines.StatutoryDeadlines(db, new Calendar.CalendarCommands(db), then), reader, configuration, then);
        }

        var coordinator = await Scope("dieuphoi");
        var today = Infrastructure.VietnamClock.Today(clock);
        string Day(int offset) => Domain.Text.VietnameseText.FormatDate(today.AddDays(offset));
        string[] codes = ["80.STP", "80.STC", "80.SXD", "80.SNNMT", "80.SCT", "80.SGDDT", "80.SYT", "80.SVHTTDL", "80.MTTQ", "25459"];
        var ids = await db.OrgUnits.Where(u => codes.Contains(u.Code)).Select(u => u.Id).ToListAsync(ct);
        var title = $"Kế hoạch thực hiện công tác dân vận chính quyền năm {today.Year + 1} (dữ liệu minh họa)";
        const string Draft = """
            I. MỤC ĐÍCH, YÊU CẦU
            1. Xác định công tác dân vận là nhiệm vụ quan trọng, thường xuyên và lâu dài của các cấp chính quyền; nêu cao trách nhiệm nêu gương của người đứng đầu.
            2. Đổi mới nội dung, phương thức công tác dân vận chính quyền theo hướng “gần dân, tôn trọng dân, có trách nhiệm với dân”.
            II. NỘI DUNG CHỦ YẾU
            1. Quán triệt, học tập các chỉ thị, nghị quyết của Đảng, chính sách, pháp luật của Nhà nước về công tác dân vận.
            2. Gắn công tác dân vận với cải cách hành chính, nâng cao chỉ số hài lòng của người dân, doanh nghiệp.
            3. Chính quyền cấp xã tổ chức đối thoại với Nhân dân ít nhất mỗi năm một lần; 100% ý kiến sau đối thoại được theo dõi đến khi giải quyết xong.
            4. Tiếp tục thực hiện phong trào thi đua “Dân vận khéo”; mỗi cơ quan, đơn vị, địa phương xây dựng ít nhất một mô hình.
            III. TỔ CHỨC THỰC HIỆN
            Các sở, ban, ngành, Ủy ban nhân dân các xã, phường căn cứ Kế hoạch này xây dựng kế hoạch của đơn vị, gửi về Sở Nội vụ trước ngày 15/01 hằng năm.
            """;
        var input = new Consultations.ConsultationInput
        {
            Title = title, Subject = "V/v lấy ý kiến góp ý dự thảo " + title, SentOn = Day(-40), DueOn = Day(-20), DraftText = Draft,
            Contact = "Phòng Xây dựng chính quyền và Công tác thanh niên, Sở Nội vụ", SignerName = "Trần Văn Bình", SignerAuthority = "KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC",
            RespondentUnitIds = ids,
        };
        var first = Ok(await At(40).CreateAsync(coordinator, input, null));
        var answer = At(30);
        Ok(await answer.AnswerAsync(await Scope("lanhdao"), first.Id, new Consultations.AnswerInput
        {
            SignerName = "Lê Hoàng Phúc", SignerPosition = "Giám đốc Sở Tư pháp",
            Comments =
            [
                new() { Paragraph = 5, Text = "Đề nghị bổ sung nội dung phổ biến, giáo dục pháp luật về thực hiện dân chủ ở cơ sở." },
                new() { Paragraph = 7, Text = "Đề nghị nêu rõ đơn vị theo dõi việc giải quyết ý kiến sau đối thoại." },
            ],
        }, null, ct));
        Ok(await answer.AnswerAsync(await Scope("canbo"), first.Id, new Consultations.AnswerInput
        {
            SignerName = "Nguyễn Văn Hùng", SignerPosition = "Chủ tịch UBND phường Tân Ninh",
            Comments = [new() { Paragraph = 8, Text = "Đề nghị cho phép phường đăng ký mô hình chung với Ủy ban MTTQ phường." }],
        }, null, ct));
        Ok(await answer.AnswerAsync(await OfficerOf("80.STC"), first.Id, new Consultations.AnswerInput { Agrees = true, SignerName = "Phạm Minh Đức", SignerPosition = "Phó Giám đốc Sở Tài chính" }, null, ct));
        Ok(await answer.AnswerAsync(await OfficerOf("80.SXD"), first.Id, new Consultations.AnswerInput { Agrees = true, SignerName = "Đỗ Thanh Sơn", SignerPosition = "Phó Giám đốc Sở Xây dựng" }, null, ct));
        await consultations.ApplySilenceAsync(first.Id, ct); // the other six: after the deadline, as the letter says

        var comments = await db.ConsultationComments.Where(c => c.ConsultationId == first.Id).OrderBy(c => c.Id).Select(c => c.Id).ToListAsync(ct);
        Ok(await consultations.HandleAsync(coordinator, first.Id, comments[0], new Consultations.HandlingInput { Handling = Domain.Consultations.CommentHandling.Accepted, Explanation = "Đã bổ sung vào mục II.1." }, ct));
        Ok(await consultations.HandleAsync(coordinator, first.Id, comments[1], new Consultations.HandlingInput { Handling = Domain.Consultations.CommentHandling.PartlyAccepted, Explanation = "Giao đơn vị tổ chức đối thoại theo dõi; không quy định thêm đơn vị khác." }, ct));
        Ok(await consultations.HandleAsync(coordinator, first.Id, comments[2], new Consultations.HandlingInput { Handling = Domain.Consultations.CommentHandling.Explained, Explanation = "Việc đăng ký mô hình thực hiện theo hướng dẫn của Ban Tuyên giáo và Dân vận Tỉnh ủy, không quy định trong Kế hoạch này." }, ct));

        // Round 2 on the revised draft: open, the Sở Tư pháp has agreed, the ward still has to answer.
        input.SentOn = Day(-3);
        input.DueOn = Day(7);
        input.RespondentUnitIds = [];
        input.DraftText = Draft.Replace("1. Quán triệt, học tập", "1. Quán triệt, học tập, phổ biến pháp luật về thực hiện dân chủ ở cơ sở và", StringComparison.Ordinal);
        var second = Ok(await consultations.CreateAsync(coordinator, input, null, first.Id, ct));
        Ok(await consultations.AnswerAsync(await Scope("lanhdao"), second.Id, new Consultations.AnswerInput { Agrees = true, SignerName = "Lê Hoàng Phúc", SignerPosition = "Giám đốc Sở Tư pháp" }, null, ct));
        return true;
    }

    /// <summary>The real clock moved back, for demo records that happened in the past.</summary>
    private sealed class ShiftedClock(TimeProvider clock, TimeSpan by) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => clock.GetUtcNow() + by;
    }

    private async Task<bool> SeedDialoguesAsync(CancellationToken ct)
    {
        if (await db.Dialogues.AnyAsync(ct))
        {
            return false;
        }

        var officerId = await db.Users.Where(u => u.UserName == "canbo").Select(u => u.Id).SingleAsync(ct);
        var officer = (await Infrastructure.CurrentUser.LoadScopeAsync(db, officerId, ct))!;
        var today = Infrastructure.VietnamClock.Today(clock);
        string Day(int offset) => Domain.Text.VietnameseText.FormatDate(today.AddDays(offset));
        T Ok<T>(Infrastructure.Result<T> r) => r.IsOk ? r.Value! : throw new InvalidOperationException("Demo dialogue: " + string.Join(" ", r.Errors.SelectMany(e => e.Value)));
        var ward = await db.OrgUnits.Where(u => u.Code == "25459").Select(u => u.Id).SingleAsync(ct);
        var justice = await db.OrgUnits.Where(u => u.Code == "80.STP").Select(u => u.Id).SingleAsync(ct);
        const string Chair = "Nguyễn Văn Hùng, Chủ tịch UBND phường Tân Ninh";
        const string Front = "Ủy ban MTTQ Việt Nam phường Tân Ninh";

        var past = Ok(await dialogues.PlanAsync(officer, new Dialogues.DialogueInput
        {
            Topic = "Đối thoại với Nhân dân về chỉnh trang đô thị và cải cách hành chính (dữ liệu minh họa)", ChairName = Chair,
            Audience = Domain.Dialogues.DialogueAudience.Residents, HeldOn = Day(-40), Place = "Hội trường UBND phường Tân Ninh", CoOrganiser = Front, NoticeOn = Day(-60),
        }, ct));
        db.ChangeTracker.Clear();
        var held = Ok(await dialogues.RecordAsync(officer, past.Id, new Dialogues.RecordInput
        {
            Attendees = 126, Summary = "Chủ tịch UBND phường chủ trì; Thường trực HĐND, Ủy ban MTTQ phường, trưởng các khu phố và 120 người dân tham dự.", Stamp = past.ConcurrencyStamp,
        }, ct));
        db.ChangeTracker.Clear();
        async Task<int> Opinion(string speaker, string content, string field, string? answer, int? owner = null, int dueIn = 0)
        {
            var o = Ok(await dialogues.AddOpinionAsync(officer, past.Id, new Dialogues.OpinionInput
            {
                SpeakerName = speaker, Content = content, Field = field, AnsweredOnSpot = answer is not null, Answer = answer,
                OwnerUnitId = owner, DueOn = owner is null ? null : Day(dueIn),
            }, ct));
            db.ChangeTracker.Clear();
            return o.Id;
        }

        await Opinion("Ông Trần Văn Lộc, khu phố 1", "Thời gian giải quyết hồ sơ cấp phép xây dựng nhà ở riêng lẻ còn dài.", "nha-o",
            "Bộ phận một cửa giải quyết trong 15 ngày theo quy định; hồ sơ đủ điều kiện được nhận kết quả qua bưu điện.");
        await Opinion("Bà Lê Thị Hoa, khu phố 2", "Lịch thu gom rác thải sinh hoạt chưa ổn định.", "moi-truong",
            "Phường đã thống nhất với đơn vị thu gom: thu gom hằng ngày từ 17 giờ.");
        var light = await Opinion("Ông Phạm Minh Tâm, khu phố 3", "Sửa chữa hệ thống đèn chiếu sáng hẻm 12 đường Cách Mạng Tháng Tám.", "khac", null, ward, -20);
        await Opinion("Bà Võ Thị Ngọc, khu phố 4", "Hướng dẫn thủ tục chứng thực hợp đồng chuyển nhượng nhà đất cho người cao tuổi tại nhà.", "tu-phap", null, justice, -10);
        await Opinion("Ông Huỳnh Văn Sang, khu phố 4", "Lắp biển báo giảm tốc độ trước trường tiểu học Tân Ninh.", "khac", null, ward, 5);
        Ok(await dialogues.PublishResultsAsync(officer, past.Id, new Dialogues.ResultsInput
        {
            PublishedOn = Day(-35), Summary = "Tiếp nhận 5 ý kiến: 2 ý kiến đã trả lời tại hội nghị, 3 ý kiến giao đơn vị giải quyết và trả lời bằng văn bản.",
            Stamp = held.ConcurrencyStamp,
        }, ct));
        db.ChangeTracker.Clear();
        var lightCommitment = await db.DialogueCommitments.Where(c => c.OpinionId == light).Select(c => c.Id).SingleAsync(ct);
        Ok(await dialogues.CompleteCommitmentAsync(officer, lightCommitment, new Dialogues.CommitmentDoneInput
        {
            DoneOn = Day(-22), Note = "Đã thay 8 bóng đèn và sửa tủ điện hẻm 12 (dữ liệu minh họa).",
        }, ct));
        db.ChangeTracker.Clear();

        // The next dialogue, announced: opens with the status of the commitments above.
        var next = await dialogues.PlanAsync(officer, new Dialogues.DialogueInput
        {
            Topic = "Đối thoại với Nhân dân khu phố 3, 4 về dự án nâng cấp đường Trưng Nữ Vương (dữ liệu minh họa)", ChairName = Chair,
            Audience = Domain.Dialogues.DialogueAudience.AffectedGroup, AudienceDetail = "Hộ dân bị ảnh hưởng bởi dự án nâng cấp đường", HeldOn = Day(14),
            Place = "Nhà văn hóa khu phố 3", CoOrganiser = Front, NoticeOn = Day(0),
        }, ct);
        if (!next.IsOk)
        {
            db.ChangeTracker.Clear();
            Ok(await dialogues.PlanAsync(officer, new Dialogues.DialogueInput
            {
                Topic = "Đối thoại với Nhân dân khu phố 3, 4 về dự án nâng cấp đường Trưng Nữ Vương (dữ liệu minh họa)", ChairName = Chair,
                Audience = Domain.Dialogues.DialogueAudience.AffectedGroup, HeldOn = Day(14), Place = "Nhà văn hóa khu phố 3", CoOrganiser = Front,
            }, ct));
        }

        db.ChangeTracker.Clear();
        return true;
    }

    /// <summary>
    /// “Dân vận khéo” models of Phường Tân Ninh: one recognised at provincial level (and replicated by another ward),
    /// one running, one returned for a missing criterion; dates in the past as if typed over the year.
    /// </summary>
    /// <summary>
    /// Phường Tân Ninh's disclosure register: last year's with two items never disclosed (overdue), this year's plan and
    /// budget in January, an inspection result posted without the radio broadcast its article asks for, the rest due.
    /// </summary>
    private async Task<bool> SeedDisclosuresAsync(CancellationToken ct)
    {
        if (await db.Disclosures.AnyAsync(ct))
        {
            return false;
        }

        var id = await db.Users.Where(u => u.UserName == "canbo").Select(u => u.Id).SingleAsync(ct);
        var officer = (await Infrastructure.CurrentUser.LoadScopeAsync(db, id, ct))!;
        var today = Infrastructure.VietnamClock.Today(clock);
        var png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");
        async Task Record(int year, string item, string title, DateOnly on, int? postedDays, Domain.Democracy.DisclosureForms[] forms, int? radioDays = null, bool file = false)
        {
            if (on > today)
            {
                return;
            }

            var input = new Democracy.DisclosureInput
            {
                Year = year, ItemCode = item, Title = title, DisclosedOn = Domain.Text.VietnameseText.FormatDate(on),
                EndsOn = postedDays is { } d ? Domain.Text.VietnameseText.FormatDate(on.AddDays(d - 1)) : null, Forms = [.. forms], RadioDays = radioDays,
            };
            var result = await disclosures.RecordAsync(officer, input, file ? new Documents.UploadedFile("bang-niem-yet.png", png) : null, ct);
            if (!result.IsOk)
            {
                throw new InvalidOperationException("Demo disclosure: " + string.Join(" ", result.Errors.SelectMany(e => e.Value)));
            }
        }

        var last = today.Year - 1;
        Domain.Democracy.DisclosureForms[] posted = [Domain.Democracy.DisclosureForms.Posting, Domain.Democracy.DisclosureForms.Portal];
        Domain.Democracy.DisclosureForms[] radio = [Domain.Democracy.DisclosureForms.Posting, Domain.Democracy.DisclosureForms.Radio, Domain.Democracy.DisclosureForms.VillageHead];
        foreach (var (n, title) in new[] { (1, "Kế hoạch phát triển kinh tế – xã hội"), (2, "Dự toán ngân sách phường"), (3, "Danh mục dự án đầu tư công trên địa bàn"),
            (4, "Bộ thủ tục hành chính thuộc thẩm quyền giải quyết của UBND phường"), (5, "Danh sách hộ nghèo, hộ cận nghèo"), (7, "Kết quả giải quyết khiếu nại, tố cáo"),
            (8, "Kết quả lấy ý kiến Nhân dân về chỉnh trang đô thị"), (9, "Mức thu phí, lệ phí"), (10, "Kết quả tuyển dụng, đánh giá công chức"),
            (11, "Các khoản huy động Nhân dân đóng góp làm đường hẻm"), (13, "Quy ước khu phố 1, khu phố 2") })
        {
            await Record(last, $"XA-{n:00}", $"{title} năm {last}", new DateOnly(last, 1, 20).AddDays(n * 20), 30, n is >= 7 and <= 12 ? radio : posted, n is >= 7 and <= 12 ? 3 : null);
        }

        await Record(today.Year, "XA-01", $"Kế hoạch phát triển kinh tế – xã hội năm {today.Year}", new DateOnly(today.Year, 1, 15), 30, posted, file: true);
        await Record(today.Year, "XA-02", $"Dự toán ngân sách phường năm {today.Year}", new DateOnly(today.Year, 1, 20), 30, posted);
        await Record(today.Year, "XA-04", "Bộ thủ tục hành chính thuộc thẩm quyền giải quyết của UBND phường (cập nhật)", new DateOnly(today.Year, 3, 2), null,
            [Domain.Democracy.DisclosureForms.Posting, Domain.Democracy.DisclosureForms.Portal, Domain.Democracy.DisclosureForms.Reception]);
        await Record(today.Year, "XA-07", $"Kết quả giải quyết khiếu nại, tố cáo 6 tháng đầu năm {today.Year}", new DateOnly(today.Year, 7, 10), 30, posted);

        // Two community votes of Khu phố 1: a contribution passed with two thirds, a second one short of it.
        async Task Vote(string rule, string matter, int ago, int entitled, int present, int yes, int no)
        {
            var result = await decisions.RecordAsync(officer, new Democracy.DecisionInput
            {
                Community = "Khu phố 1", RuleCode = rule, Matter = matter, Form = Domain.Democracy.DecisionForm.Meeting, HeldOn = Domain.Text.VietnameseText.FormatDate(today.AddDays(-ago)),
                Place = "Nhà văn hóa khu phố 1", HouseholdsEntitled = entitled, HouseholdsPresent = present, For = yes, Against = no,
                ChairName = "Nguyễn Văn Tâm, Trưởng khu phố 1", SecretaryName = "Lê Thị Hoa", Conclusion = "Giao Ban điều hành khu phố tổ chức thực hiện theo kết quả biểu quyết (dữ liệu minh họa).",
            }, ct);
            if (!result.IsOk)
            {
                throw new InvalidOperationException("Demo vote: " + string.Join(" ", result.Errors.SelectMany(e => e.Value)));
            }
        }

        await Vote("dong-gop-ha-tang", "Mức đóng góp bê tông hóa hẻm 12: 500.000 đồng/hộ", 45, 210, 172, 150, 12);
        await Vote("dong-gop-ha-tang", "Mức đóng góp lắp camera an ninh: 300.000 đồng/hộ", 20, 210, 160, 126, 25);
        return true;
    }

    /// <summary>
    /// Phường Tân Ninh asked its people before deciding: last year on the socio-economic plan and on a street
    /// upgrade (both decided afterwards), this year on the land-use plan (closed, the decision awaited) and on the
    /// upgrade of a road through two khu phố (decided).
    /// </summary>
    private async Task<bool> SeedPeopleConsultationsAsync(CancellationToken ct)
    {
        if (await db.PeopleConsultations.AnyAsync(ct))
        {
            return false;
        }

        var id = await db.Users.Where(u => u.UserName == "canbo").Select(u => u.Id).SingleAsync(ct);
        var officer = (await Infrastructure.CurrentUser.LoadScopeAsync(db, id, ct))!;
        var today = Infrastructure.VietnamClock.Today(clock);
        static string D(DateOnly d) => Domain.Text.VietnameseText.FormatDate(d);
        async Task Record(string matter, string subject, string community, Domain.Democracy.ConsultationForms[] forms, DateOnly opens, DateOnly closes,
            int received, int agreed, int other, string response, string? decision, DateOnly? decidedOn)
        {
            if (closes > today || decidedOn > today)
            {
                return;
            }

            var result = await peopleConsultations.RecordAsync(officer, new Democracy.PeopleConsultationInput
            {
                MatterCode = matter, Subject = subject, Community = community, Forms = [.. forms], OpensOn = D(opens), ClosesOn = D(closes),
                OpinionsReceived = received, OpinionsAgreed = agreed, OpinionsOther = other, Response = response, Decision = decision,
                DecidedOn = decidedOn is { } on ? D(on) : null,
            }, null, ct);
            if (!result.IsOk)
            {
                throw new InvalidOperationException("Demo consultation: " + string.Join(" ", result.Errors.SelectMany(e => e.Value)));
            }
        }

        var last = today.Year - 1;
        await Record("ke-hoach-ktxh", $"Dự thảo kế hoạch phát triển kinh tế – xã hội năm {today.Year} của phường Tân Ninh", "Toàn phường",
            [Domain.Democracy.ConsultationForms.Dialogue, Domain.Democracy.ConsultationForms.Portal, Domain.Democracy.ConsultationForms.Organisations],
            new DateOnly(last, 10, 1), new DateOnly(last, 10, 25), 286, 251, 30,
            "Tiếp thu 18 ý kiến về chỉ tiêu hộ nghèo và chỉnh trang vỉa hè; giải trình tại hội nghị đối thoại ngày 28/10 về nguồn vốn đầu tư công (dữ liệu minh họa).",
            $"Nghị quyết của HĐND phường thông qua kế hoạch phát triển kinh tế – xã hội năm {today.Year}", new DateOnly(last, 12, 15));
        await Record("quy-hoach-xay-dung", "Phương án chỉnh trang đô thị, lát vỉa hè đường Cách Mạng Tháng Tám (khu phố 1)", "Khu phố 1",
            [Domain.Democracy.ConsultationForms.CommunityMeeting, Domain.Democracy.ConsultationForms.Questionnaire],
            new DateOnly(last, 5, 5), new DateOnly(last, 5, 30), 198, 176, 19,
            "Điều chỉnh vị trí trồng cây xanh theo đề nghị của 12 hộ; giải trình việc giữ nguyên cao độ vỉa hè (dữ liệu minh họa).",
            "Quyết định của UBND phường phê duyệt phương án chỉnh trang", new DateOnly(last, 6, 20));
        var landOpens = today.AddDays(-45);
        await Record("quy-hoach-dat", $"Dự thảo kế hoạch sử dụng đất năm {today.Year + 1} trên địa bàn phường Tân Ninh", "Toàn phường",
            [Domain.Democracy.ConsultationForms.CommunityMeeting, Domain.Democracy.ConsultationForms.Portal, Domain.Democracy.ConsultationForms.SuggestionBox],
            landOpens, landOpens.AddDays(25), 412, 371, 35,
            "Đang tổng hợp; tiếp thu đề nghị giữ quỹ đất xây dựng nhà văn hóa khu phố 4 (dữ liệu minh họa).", null, null);
        var roadOpens = today.AddDays(-150);
        await Record("du-an-dau-tu", "Chủ trương nâng cấp, mở rộng đường hẻm 12 và hẻm 14 (khu phố 2, khu phố 3)", "Khu phố 2, Khu phố 3",
            [Domain.Democracy.ConsultationForms.Dialogue, Domain.Democracy.ConsultationForms.Questionnaire, Domain.Democracy.ConsultationForms.AffectedDialogue],
            roadOpens, roadOpens.AddDays(20), 164, 149, 12,
            "Đối thoại với 9 hộ có đất bị ảnh hưởng; tiếp thu đề nghị hỗ trợ di dời cổng, tường rào (dữ liệu minh họa).",
            "Quyết định của UBND phường phê duyệt chủ trương đầu tư", roadOpens.AddDays(40));
        return true;
    }

    /// <summary>
    /// The people supervise: Phường Tân Ninh's Ban Thanh tra nhân dân (five members, inspections last year and this) and a
    /// Ban Giám sát đầu tư của cộng đồng for one project; Sở Tư pháp's own Ban TTND; last year's Hội nghị cán bộ, công
    /// chức, viên chức held by four departments, not by Sở Xây dựng and the others (overdue once 31/03 has passed).
    /// </summary>
    private async Task<bool> SeedOversightAsync(CancellationToken ct)
    {
        if (await db.OversightBoards.AnyAsync(ct) || await db.StaffConferences.AnyAsync(ct))
        {
            return false;
        }

        var id = await db.Users.Where(u => u.UserName == "canbo").Select(u => u.Id).SingleAsync(ct);
        var officer = (await Infrastructure.CurrentUser.LoadScopeAsync(db, id, ct))!;
        async Task<UserScope> OfficerOf(string code)
        {
            var unit = await db.OrgUnits.AsNoTracking().SingleAsync(u => u.Code == code, ct);
            return UserScope.For("demo", "canbo-" + code, Roles.UnitOfficer, unit.Id, unit.AncestorPath);
        }

        T Ok<T>(Infrastructure.Result<T> r) => r.IsOk ? r.Value! : throw new InvalidOperationException("Demo oversight: " + string.Join(" ", r.Errors.SelectMany(e => e.Value)));
        var today = Infrastructure.VietnamClock.Today(clock);
        var last = today.Year - 1;
        string D(DateOnly d) => Domain.Text.VietnameseText.FormatDate(d);
        Democracy.OversightMemberInput M(string name, Domain.Democracy.OversightMemberRole role) => new() { Name = name, Role = role };
        const Domain.Democracy.OversightMemberRole Head = Domain.Democracy.OversightMemberRole.Head, Deputy = Domain.Democracy.OversightMemberRole.Deputy,
            Member = Domain.Democracy.OversightMemberRole.Member;

        var ttnd = Ok(await oversight.SaveBoardAsync(officer, null, new Democracy.OversightBoardInput
        {
            Kind = Domain.Democracy.OversightBoardKind.PeopleInspection, Name = "Ban Thanh tra nhân dân phường Tân Ninh", TermFrom = D(new DateOnly(last, 1, 10)),
            TermTo = D(new DateOnly(last + 2, 7, 9)),
            Members = [M("Trần Văn Sáu", Head), M("Nguyễn Thị Mai", Deputy), M("Lê Văn Hòa", Member), M("Phạm Thị Thu", Member), M("Võ Thành Nam", Member)],
        }, null, ct));
        async Task Activity(int board, Domain.Democracy.OversightActivityKind kind, DateOnly on, string subject, string findings, string? recommendations, bool settled)
        {
            if (on <= today)
            {
                Ok(await oversight.RecordActivityAsync(officer, board, new Democracy.OversightActivityInput
                {
                    Kind = kind, HeldOn = D(on), Subject = subject, Findings = findings, Recommendations = recommendations, RecommendationsSettled = settled,
                }, ct));
            }
        }

        await Activity(ttnd.Id, Domain.Democracy.OversightActivityKind.Supervision, new DateOnly(last, 5, 12), "Giám sát việc thu, chi quỹ khu phố 3 năm " + last.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "Thu, chi đúng quy ước khu phố; chứng từ đầy đủ (dữ liệu minh họa).", null, false);
        await Activity(ttnd.Id, Domain.Democracy.OversightActivityKind.Inspection, new DateOnly(last, 10, 20), "Kiểm tra việc giải quyết thủ tục hành chính tại Bộ phận một cửa phường",
            "Hai hồ sơ trả kết quả trễ hạn chưa có văn bản xin lỗi (dữ liệu minh họa).", "Bộ phận một cửa gửi thư xin lỗi và hẹn lại ngày trả kết quả.", true);
        await Activity(ttnd.Id, Domain.Democracy.OversightActivityKind.Supervision, today.AddDays(-150), "Giám sát việc thực hiện quy chế dân chủ ở khu phố 1",
            "Khu phố đã công khai các khoản đóng góp; biên bản họp lưu đủ (dữ liệu minh họa).", null, false);
        await Activity(ttnd.Id, Domain.Democracy.OversightActivityKind.Inspection, today.AddDays(-40), "Kiểm tra việc chi trả trợ cấp xã hội quý III",
            "Danh sách chi trả khớp với quyết định; một trường hợp chưa nhận do đi vắng (dữ liệu minh họa).", "UBND phường liên hệ để chi trả trường hợp còn lại.", false);

        var gs = Ok(await oversight.SaveBoardAsync(officer, null, new Democracy.OversightBoardInput
        {
            Kind = Domain.Democracy.OversightBoardKind.CommunityInvestment, Name = "Ban Giám sát đầu tư của cộng đồng công trình hẻm 12",
            Project = "Bê tông hóa, lắp đèn chiếu sáng hẻm 12 khu phố 1", TermFrom = D(today.AddDays(-200)), TermTo = D(today.AddDays(200)),
            Members = [M("Nguyễn Văn Tâm", Head), M("Huỳnh Thị Bé", Member), M("Lâm Văn Lợi", Member), M("Đặng Thị Hồng", Member), M("Trương Minh Khoa", Member)],
        }, null, ct));
        await Activity(gs.Id, Domain.Democracy.OversightActivityKind.Supervision, today.AddDays(-30), "Giám sát chất lượng bê tông đoạn đầu hẻm 12",
            "Độ dày mặt đường đạt thiết kế; một đoạn thoát nước chưa hoàn thiện (dữ liệu minh họa).", "Nhà thầu hoàn thiện rãnh thoát nước trước khi nghiệm thu.", false);

        var justice = await OfficerOf(ProvinceCode + ".STP");
        Ok(await oversight.SaveBoardAsync(justice, null, new Democracy.OversightBoardInput
        {
            Kind = Domain.Democracy.OversightBoardKind.PeopleInspection, Name = "Ban Thanh tra nhân dân Sở Tư pháp", TermFrom = D(new DateOnly(last, 2, 1)), TermTo = D(new DateOnly(last + 2, 1, 31)),
            Members = [M("Đỗ Thị Ngọc", Head), M("Phan Văn Lực", Member), M("Cao Thị Yến", Member)],
        }, null, ct));

        // Last year's conference held by four departments (in the first quarter, or late December when the year has just begun); the year before by all five.
        var held = new[] { "STP", "STC", "SNV", "SYT" };
        foreach (var (code, i) in held.Append("SXD").Select((c, i) => (c, i)))
        {
            var who = await OfficerOf(ProvinceCode + "." + code);
            var staff = 60 + (i * 37);
            async Task Held(int year, DateOnly on) => Ok(await conferences.SaveAsync(who, null, new Democracy.StaffConferenceInput
            {
                Year = year, HeldOn = D(on), StaffTotal = staff, Attendees = staff - 4 - i, Form = staff < 100 ? Domain.Democracy.StaffConferenceForm.Plenary : Domain.Democracy.StaffConferenceForm.Delegates,
                ResolutionNumber = "01/NQ-HNCBCCVC", ResolutionOn = D(on),
                ResolutionText = "Thông qua kết quả thực hiện nhiệm vụ năm trước, kế hoạch năm sau, quy chế chi tiêu nội bộ và phát động phong trào thi đua (dữ liệu minh họa).",
            }, null, ct));
            await Held(last - 1, new DateOnly(last, 2, 10 + i));
            if (held.Contains(code))
            {
                var on = new DateOnly(today.Year, 1, 12).AddDays(i * 9);
                await Held(last, on <= today ? on : new DateOnly(last, 12, 22 + i));
            }
        }

        return true;
    }

    private async Task<bool> SeedModelsAsync(CancellationToken ct)
    {
        if (await db.MobilizationModels.AnyAsync(ct))
        {
            return false;
        }

        async Task<UserScope> Scope(string userName)
        {
            var id = await db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync(ct);
            return (await Infrastructure.CurrentUser.LoadScopeAsync(db, id, ct))!;
        }

        var officer = await Scope("canbo");
        var reviewer = await Scope("thamdinh");
        var coordinator = await Scope("dieuphoi");
        var body = await db.OrgUnits.Where(u => u.Code == ProvinceCode + ".BTGDV").Select(u => u.Id).SingleAsync(ct);
        var today = Infrastructure.VietnamClock.Today(clock);
        string Day(int offset) => Domain.Text.VietnameseText.FormatDate(today.AddDays(offset));
        Models.ModelForm Form(string field, string name, string situation, string objectives, string content, string area, string outputs, int startAgo) => new()
        {
            FieldCode = field, RegisteredWithUnitId = body, Name = name, Situation = situation, Objectives = objectives, Content = content, AreaAndTargets = area,
            Forces = "Đảng ủy phường lãnh đạo; UBND phường chủ trì; Ủy ban MTTQ và các đoàn thể phối hợp; các chi bộ, ban điều hành khu phố và hộ dân tham gia.",
            Resources = "Ngân sách phường 30 triệu đồng; xã hội hóa từ doanh nghiệp, nhà hảo tâm; 400 ngày công của Nhân dân (dữ liệu minh họa).",
            StartOn = Day(-startAgo), EvaluationOn = Day(300 - startAgo),
            Milestones = [new() { Title = "Ra mắt mô hình", DueOn = Day(-startAgo + 15) }, new() { Title = "Sơ kết 6 tháng", DueOn = Day(-startAgo + 180) }, new() { Title = "Tổng kết, đánh giá", DueOn = Day(300 - startAgo) }],
            Outputs = outputs, Sustainability = "Duy trì bằng quy ước khu phố và tổ tự quản; có thể nhân rộng ra các phường, xã có điều kiện tương tự.",
        };

        async Task<int> Register(UserScope who, Models.ModelForm form, int ago)
        {
            var result = await models.RegisterAsync(who, form, ct);
            if (!result.IsOk)
            {
                throw new InvalidOperationException("Demo model: " + string.Join(" ", result.Errors.SelectMany(e => e.Value)));
            }

            // Demo data only: registered on a past day, as if typed during the year.
            var id = result.Value!.Id;
            db.ChangeTracker.Clear();
            var row = await db.MobilizationModels.Include(m => m.Steps).SingleAsync(m => m.Id == id, ct);
            row.RegisteredOn = today.AddDays(-ago);
            row.Year = row.RegisteredOn.Year;
            row.Steps.Single().On = row.RegisteredOn;
            await db.SaveChangesAsync(ct);
            return id;
        }

        async Task Step(UserScope who, int id, Domain.Models.ModelAction action, int ago, string? note = null, IReadOnlyDictionary<string, int?>? points = null, string? level = null)
        {
            db.ChangeTracker.Clear();
            var stamp = await db.MobilizationModels.Where(m => m.Id == id).Select(m => m.ConcurrencyStamp).SingleAsync(ct);
            var result = await models.StepAsync(who, id, new Models.ModelStepRequest(action, today.AddDays(-ago), note, null, level, Points: points), stamp, ct);
            if (!result.IsOk)
            {
                throw new InvalidOperationException("Demo model step: " + string.Join(" ", result.Errors.SelectMany(e => e.Value)));
            }
        }

        var clean = await Register(officer, Form("VHXH", "Khu phố sáng – xanh – sạch – đẹp",
            "Rác thải sinh hoạt còn bị bỏ không đúng nơi quy định ở các tuyến hẻm; nhiều đoạn chưa có đèn chiếu sáng (dữ liệu minh họa).",
            "100% hộ dân ký cam kết phân loại rác tại nguồn; 100% tuyến hẻm có đèn chiếu sáng; không còn điểm rác tự phát.",
            "Tổ tự quản thu gom rác theo lịch; vận động hộ dân đóng góp lắp đèn; ngày Chủ nhật xanh hằng tháng.",
            "Khu phố 1 và khu phố 2, Phường Tân Ninh; 640 hộ dân.", "42 tuyến hẻm có đèn; 12 điểm rác tự phát được xóa; hình ảnh trước – sau.", 200), 200);
        await Step(reviewer, clean, Domain.Models.ModelAction.Approve, 195);
        await Step(officer, clean, Domain.Models.ModelAction.Launch, 185, "Ra mắt tại nhà văn hóa khu phố 1, 150 hộ dân tham dự.");
        await Step(officer, clean, Domain.Models.ModelAction.Progress, 100, "Đã lắp 42 đèn chiếu sáng, xóa 12 điểm rác tự phát; 96% hộ phân loại rác.");
        await Step(reviewer, clean, Domain.Models.ModelAction.Review, 30, "Đạt và vượt các tiêu chí đăng ký; được Nhân dân đồng tình, hưởng ứng.",
            new Dictionary<string, int?> { ["TT1"] = 18, ["TT2"] = 18, ["TT3"] = 17, ["TT4"] = 17, ["TT5"] = 18 });
        await Step(coordinator, clean, Domain.Models.ModelAction.Recognise, 20, level: "tinh");

        await Register(officer, Form("KT", "Tổ hợp tác bánh tráng phơi sương Tân Ninh",
            "Hộ làm bánh tráng nhỏ lẻ, thiếu vốn và đầu ra ổn định (dữ liệu minh họa).", "Thành lập 01 tổ hợp tác 20 hộ; thu nhập thành viên tăng 15%/năm.",
            "Vận động hộ sản xuất liên kết, hỗ trợ vay vốn, xây dựng nhãn hiệu và bán hàng trực tuyến.", "Khu phố 3, Phường Tân Ninh; 20 hộ sản xuất.",
            "Tổ hợp tác được thành lập; sản phẩm có nhãn hiệu, bán trên sàn thương mại điện tử.", 60), 60);

        var security = await Register(officer, Form("QPAN", "Camera an ninh – “mắt thần” khu phố",
            "Trộm cắp vặt còn xảy ra ở các tuyến hẻm (dữ liệu minh họa).", "Giảm trộm cắp.",
            "Vận động hộ kinh doanh lắp camera kết nối với Công an phường.", "Khu phố 4, Phường Tân Ninh.", "Hệ thống camera tại các tuyến hẻm chính.", 20), 20);
        await Step(reviewer, security, Domain.Models.ModelAction.Return, 15, "Mục tiêu chưa có tiêu chí đo được (ví dụ: giảm bao nhiêu phần trăm số vụ trộm cắp, bao nhiêu camera). Đề nghị bổ sung.");

        // Another ward of the province adopts the recognised model.
        var tanNinh = await db.OrgUnits.SingleAsync(u => u.Code == "25459", ct);
        var otherWard = await db.OrgUnits.Where(u => u.AncestorPath == tanNinh.AncestorPath && u.Id != tanNinh.Id && u.Kind == OrgUnitKind.Ward && u.ValidTo == null)
            .OrderBy(u => u.Code).FirstOrDefaultAsync(ct);
        if (otherWard is not null)
        {
            db.ChangeTracker.Clear();
            var adopter = UserScope.For("demo", "canbo-phuong-khac", Roles.UnitOfficer, otherWard.Id, otherWard.AncestorPath);
            var copy = await models.ReplicateAsync(adopter, clean, body, ct);
            if (!copy.IsOk)
            {
                throw new InvalidOperationException("Demo replication: " + string.Join(" ", copy.Errors.SelectMany(e => e.Value)));
            }
        }

        return true;
    }

    private async Task<bool> SeedAccountsAsync()
    {
        var changed = false;
        foreach (var account in Accounts)
        {
            if (await users.FindByNameAsync(account.UserName) is not null)
            {
                continue;
            }

            var unit = await db.OrgUnits.AsNoTracking().SingleAsync(u => u.Code == account.UnitCode);
            var user = new AppUser
            {
                UserName = account.UserName,
                Email = account.UserName + "@danvan.local",
                EmailConfirmed = true,
                FullName = account.FullName,
                Position = account.Position,
                OrgUnitId = unit.Id,
                LockoutEnabled = true,
            };
            var created = await users.CreateAsync(user, DemoPassword);
            if (!created.Succeeded)
            {
                throw new InvalidOperationException(string.Join("; ", created.Errors.Select(e => e.Description)));
            }

            await users.AddToRoleAsync(user, account.Role);
            changed = true;
        }

        return changed;
    }

    /// <summary>
    /// Last year's assessment of Tây Ninh, published: Phường Tân Ninh and Sở Tư pháp self-assessed with evidence, the
    /// reviewer lowered one of the ward's points with its reason, the rest never submitted; the ward proposed for a
    /// Bằng khen. Run on the dates it would have happened, so the year's windows hold. This year's round is the
    /// coordinator's to open (`/Scoring`).
    /// </summary>
    private async Task<bool> SeedScoringAsync(CancellationToken ct)
    {
        if (await db.ScoringRounds.AnyAsync(ct))
        {
            return false;
        }

        var framework = await db.ScoringFrameworks.AsNoTracking().Include(f => f.Criteria)
            .Where(f => f.Code == Domain.Scoring.ShippedFrameworks.TayNinhCode).OrderBy(f => f.Version).FirstOrDefaultAsync(ct);
        if (framework is null)
        {
            return false;
        }

        async Task<UserScope> Scope(string userName)
        {
            var id = await db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync(ct);
            return (await Infrastructure.CurrentUser.LoadScopeAsync(db, id, ct))!;
        }

        T Ok<T>(Infrastructure.Result<T> r) => r.IsOk ? r.Value! : throw new InvalidOperationException("Demo scoring: " + string.Join(" ", r.Errors.SelectMany(e => e.Value)));
        var year = Infrastructure.VietnamClock.Today(clock).Year - 1;
        var at = new DemoClock(new DateTimeOffset(year, 11, 1, 2, 0, 0, TimeSpan.Zero));
        var commands = new Scoring.ScoringCommands(db, measures, at, configuration);
        string D(int month, int day) => Domain.Text.VietnameseText.FormatDate(new DateOnly(year, month, day));
        var round = Ok(await commands.OpenRoundAsync(await Scope("dieuphoi"), new Scoring.OpenRoundInput
        {
            FrameworkId = framework.Id, Year = year, SelfFrom = D(11, 1), SelfDue = D(11, 14), AppraisalOn = D(11, 20), ObjectionDays = 5,
        }, ct));
        var criteria = framework.Criteria.ToDictionary(c => c.Id);
        var pdf = "%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"u8.ToArray();
        async Task<int> Fill(string userName, string explanation, double less)
        {
            var who = await Scope(userName);
            var sheet = await db.ScoreSheets.AsNoTracking().Include(s => s.Lines).SingleAsync(s => s.RoundId == round.Id && s.UnitId == who.UnitId, ct);
            var entered = sheet.Lines.Where(l => criteria[l.CriterionId].Method == Domain.Scoring.ScoringMethod.Entered
                && criteria[l.CriterionId].Kind == Domain.Scoring.CriterionKind.Regular).ToList();
            var saved = Ok(await commands.SaveSelfAsync(who, sheet.Id, new Scoring.SheetInput
            {
                Stamp = sheet.ConcurrencyStamp, Explanation = explanation,
                Lines = entered.Select(l => new Scoring.LineInput
                {
                    LineId = l.Id, Points = Domain.Scoring.ScoringRules.FormatNumber(Math.Max(0, criteria[l.CriterionId].MaxPoints - (criteria[l.CriterionId].Code == "TC4.1" ? less : 0))),
                }).ToList(),
            }, ct));
            foreach (var l in entered.Where(l => criteria[l.CriterionId].EvidenceRequired))
            {
                Ok(await commands.AddEvidenceAsync(who, sheet.Id, l.Id, new Documents.UploadedFile($"minh-chung-{criteria[l.CriterionId].Code}.pdf", pdf), ct));
            }

            db.ChangeTracker.Clear();
            var stamp = await db.ScoreSheets.Where(s => s.Id == sheet.Id).Select(s => s.ConcurrencyStamp).SingleAsync(ct);
            Ok(await commands.SubmitAsync(who, sheet.Id, stamp, ct));
            db.ChangeTracker.Clear();
            return saved.Id;
        }

        at.Now = new DateTimeOffset(year, 11, 10, 2, 0, 0, TimeSpan.Zero);
        var ward = await Fill("canbo", "Phường ban hành kế hoạch dân vận chính quyền, tổ chức hội nghị cán bộ, công chức và đối thoại với Nhân dân theo quy định (dữ liệu minh họa).", 0);
        var dept = await Fill("lanhdao", "Sở thực hiện quy chế phối hợp, cải cách hành chính; còn hạn chế về công khai (dữ liệu minh họa).", 3);

        at.Now = new DateTimeOffset(year, 11, 20, 2, 0, 0, TimeSpan.Zero);
        var reviewer = await Scope("thamdinh");
        foreach (var id in new[] { ward, dept })
        {
            var sheet = await db.ScoreSheets.AsNoTracking().Include(s => s.Lines).SingleAsync(s => s.Id == id, ct);
            var line = sheet.Lines.Single(l => criteria[l.CriterionId].Code == "TC4.2");
            Ok(await commands.AppraiseAsync(reviewer, id, new Scoring.SheetInput
            {
                Stamp = sheet.ConcurrencyStamp,
                Lines = id == ward ? [new Scoring.LineInput { LineId = line.Id, Points = "4", Reason = "Còn phản ánh về thái độ phục vụ tại bộ phận một cửa (dữ liệu minh họa)." }] : [],
            }, ct));
            db.ChangeTracker.Clear();
        }

        at.Now = new DateTimeOffset(year, 11, 30, 2, 0, 0, TimeSpan.Zero);
        var coordinator = await Scope("dieuphoi");
        Ok(await commands.PublishAsync(coordinator, round.Id, ct));
        db.ChangeTracker.Clear();
        var queries = new Scoring.ScoringQueries(db, measures, at);
        var title = await db.CommendationTitles.AsNoTracking().Where(t => t.Code == "bang-khen-ubnd-tinh").Select(t => t.Id).FirstOrDefaultAsync(ct);
        var wardUnit = await db.ScoreSheets.Where(s => s.Id == ward).Select(s => s.UnitId).SingleAsync(ct);
        if (title != 0)
        {
            Ok(await commands.ProposeAsync(coordinator, round.Id, new Scoring.ProposalInput
            {
                TitleId = title, UnitId = wardUnit, Achievements = await queries.AchievementsAsync(round.Id, wardUnit, ct),
            }, ct));
        }

        return true;
    }

    /// <summary>The seeder's own clock for last year's round: set to the day each step would have happened.</summary>
    private sealed class DemoClock(DateTimeOffset start) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = start;

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
