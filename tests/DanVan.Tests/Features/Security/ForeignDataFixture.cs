using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DanVan.Data;
using DanVan.Domain.Units;
using DanVan.Testing;
using DanVan.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DanVan.Tests.Features.Security;

/// <summary>
/// The app on its own seeded database, plus one of everything in another province (Hà Nội): a document with its
/// file, a plan, a task, an account, a report period with its slots. Every name carries <see cref="Marker"/>, so a
/// page that shows any of it to a user of Tây Ninh is caught by looking for the marker.
/// </summary>
public sealed class ForeignDataFixture : IAsyncLifetime
{
    public const string Marker = "BÍMẬTNGOẠITỈNH";

    private readonly AppFixture app = new();

    public TestDatabase Database => app.Database;

    public DanVanAppFactory Factory => app.Factory;

    /// <summary>Foreign ids by kind: unit, province, document, plan, target, deadline, workitem, batch, user, period, submission, regime, case, dialogue, commitment, model, consultation, disclosure, decision, peopleconsultation, framework, round, sheet, line.</summary>
    public Dictionary<string, string> Ids { get; } = [];

    public async Task InitializeAsync()
    {
        await app.InitializeAsync();
        var admin = await As("admin");
        using (var scope = Factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var province = await db.OrgUnits.SingleAsync(u => u.Code == "01");
            var prefix = UnitPaths.SubtreePrefix(province.AncestorPath, province.Id);
            var commune = await db.OrgUnits.Where(u => u.AncestorPath.StartsWith(prefix) && (u.Kind == OrgUnitKind.Commune || u.Kind == OrgUnitKind.Ward) && u.ValidTo == null)
                .OrderBy(u => u.Id).FirstAsync();
            Ids["province"] = Id(province.Id);
            Ids["unit"] = Id(commune.Id);
        }

        var year = DanVan.Infrastructure.VietnamClock.Today(TimeProvider.System).Year;
        var document = await CreatedIdAsync(await admin.PostAsJsonAsync("/api/documents", new
        {
            ownerUnitId = int.Parse(Ids["unit"], CultureInfo.InvariantCulture), code = "77/KH-UBND", issuerName = "Ủy ban nhân dân " + Marker,
            place = "Hà Nội", issuedOn = $"{year}-01-05", title = "Kế hoạch " + Marker,
        }));
        Ids["document"] = document;
        Ids["plan"] = await CreatedIdAsync(await admin.PostAsJsonAsync("/api/plans", new
        {
            documentId = int.Parse(document, CultureInfo.InvariantCulture), purposes = "Mục đích " + Marker, targets = new[] { "100% cán bộ " + Marker },
        }));
        Ids["workitem"] = await CreatedIdAsync(await admin.PostAsJsonAsync("/api/tasks", new
        {
            title = "Nhiệm vụ " + Marker, leadUnitId = int.Parse(Ids["unit"], CultureInfo.InvariantCulture),
            schedule = new { kind = "Once", date = $"{year}-12-30" },
        }));
        var regimes = await admin.GetFromJsonAsync<JsonElement>("/api/reports/regimes");
        Ids["regime"] = Id(regimes[0].GetProperty("id").GetInt32());
        Ids["period"] = await CreatedIdAsync(await admin.PostAsJsonAsync("/api/reports/periods", new
        {
            regimeId = regimes[0].GetProperty("id").GetInt32(), kind = "Year", year = year - 1, ownerUnitId = int.Parse(Ids["province"], CultureInfo.InvariantCulture),
            dueOn = DanVan.Infrastructure.VietnamClock.Today(TimeProvider.System).AddDays(30), // the regime's due date of last year has passed
        }));

        using var created = await DanVanAppFactory.PostFormAsync(admin, "/Users/Create", new Dictionary<string, string>
        {
            ["Input.UserName"] = "ngoaitinh",
            ["Input.Password"] = "NgoaiTinh@2026",
            ["Input.FullName"] = "Người " + Marker,
            ["Input.UnitId"] = Ids["unit"],
            ["Input.Role"] = "UnitOfficer",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Ids["user"] = created.Headers.Location!.ToString().Split('/').Last();

        using (var scope = Factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var workItem = int.Parse(Ids["workitem"], CultureInfo.InvariantCulture);
            Ids["deadline"] = Id(await db.WorkItemDeadlines.Where(d => d.WorkItemId == workItem).Select(d => d.Id).FirstAsync());
            var batch = Guid.NewGuid(); // the foreign task as if assigned to many units at once
            await db.WorkItems.Where(w => w.Id == workItem).ExecuteUpdateAsync(u => u.SetProperty(w => w.BatchId, batch));
            Ids["batch"] = batch.ToString();
            var plan = int.Parse(Ids["plan"], CultureInfo.InvariantCulture);
            Ids["target"] = Id(await db.PlanTargets.Where(t => t.PlanId == plan).Select(t => t.Id).FirstAsync());
            var period = int.Parse(Ids["period"], CultureInfo.InvariantCulture);
            Ids["submission"] = Id(await db.ReportSubmissions.Where(s => s.PeriodId == period).OrderBy(s => s.Id).Select(s => s.Id).FirstAsync());

            // A denunciation received by the foreign commune's officer, its denouncer named with the marker.
            var commune = await db.OrgUnits.SingleAsync(u => u.Id == int.Parse(Ids["unit"], CultureInfo.InvariantCulture));
            var officer = DanVan.Domain.Access.UserScope.For(Ids["user"], "ngoaitinh", DanVan.Domain.Access.Roles.UnitOfficer, commune.Id, commune.AncestorPath);
            var registered = await scope.ServiceProvider.GetRequiredService<DanVan.Features.Cases.CaseCommands>().RegisterAsync(officer, new DanVan.Features.Cases.CaseIntake
            {
                ReceivedOn = DanVan.Domain.Text.VietnameseText.FormatDate(DanVan.Infrastructure.VietnamClock.Today(TimeProvider.System)),
                Source = DanVan.Domain.Cases.CaseSource.Post, Kind = DanVan.Domain.Cases.CaseKind.Denunciation, Summary = "Tố cáo " + Marker,
                Field = "dat-dai", SenderName = "Người tố cáo " + Marker, Respondent = "Cán bộ " + Marker,
            });
            Assert.True(registered.IsOk, string.Join(" ", registered.Errors.SelectMany(e => e.Value)));
            Ids["case"] = Id(registered.Value!.Case.Id);

            // A reception session of the foreign commune, held yesterday, its host and group representatives named with the marker.
            var receptions = scope.ServiceProvider.GetRequiredService<DanVan.Features.Reception.ReceptionCommands>();
            var session = await receptions.ScheduleAsync(officer, new DanVan.Features.Reception.ReceptionScheduleInput
            {
                On = DanVan.Domain.Text.VietnameseText.FormatDate(DanVan.Infrastructure.VietnamClock.Today(TimeProvider.System).AddDays(-1)),
                Kind = DanVan.Domain.Reception.ReceptionKind.Periodic, Place = "Trụ sở " + Marker, HostName = "Chủ tịch " + Marker, HostPost = "Chủ tịch UBND xã",
            });
            Assert.True(session.IsOk, string.Join(" ", session.Errors.SelectMany(e => e.Value)));
            var logged = await receptions.LogAsync(officer, session.Value!.Id, new DanVan.Features.Reception.ReceptionLogInput
            {
                CitizensReceived = 6, Groups = 1, GroupRepresentatives = "Đại diện " + Marker, Matters = "Nội dung " + Marker,
            }, session.Value.ConcurrencyStamp);
            Assert.True(logged.IsOk, string.Join(" ", logged.Errors.SelectMany(e => e.Value)));
            Ids["reception"] = Id(session.Value.Id);
            // A dialogue of the foreign commune, held ten days ago, with one opinion that became a commitment.
            var today = DanVan.Infrastructure.VietnamClock.Today(TimeProvider.System);
            var dialogues = scope.ServiceProvider.GetRequiredService<DanVan.Features.Dialogues.DialogueCommands>();
            var dialogue = await dialogues.PlanAsync(officer, new DanVan.Features.Dialogues.DialogueInput
            {
                Topic = "Đối thoại " + Marker, ChairName = "Chủ tịch " + Marker, Audience = DanVan.Domain.Dialogues.DialogueAudience.Residents,
                HeldOn = DanVan.Domain.Text.VietnameseText.FormatDate(today.AddDays(-10)), Place = "Hội trường " + Marker,
                NoticeOn = DanVan.Domain.Text.VietnameseText.FormatDate(today.AddDays(-25)),
            });
            Assert.True(dialogue.IsOk, string.Join(" ", dialogue.Errors.SelectMany(e => e.Value)));
            var held = await dialogues.RecordAsync(officer, dialogue.Value!.Id, new DanVan.Features.Dialogues.RecordInput
            {
                Attendees = 30, Summary = "Biên bản " + Marker, Stamp = dialogue.Value.ConcurrencyStamp,
            });
            Assert.True(held.IsOk, string.Join(" ", held.Errors.SelectMany(e => e.Value)));
            var opinion = await dialogues.AddOpinionAsync(officer, dialogue.Value.Id, new DanVan.Features.Dialogues.OpinionInput
            {
                SpeakerName = "Người dân " + Marker, Content = "Kiến nghị " + Marker, Field = "dat-dai", OwnerUnitId = commune.Id,
                DueOn = DanVan.Domain.Text.VietnameseText.FormatDate(today.AddDays(30)),
            });
            Assert.True(opinion.IsOk, string.Join(" ", opinion.Errors.SelectMany(e => e.Value)));
            Ids["dialogue"] = Id(dialogue.Value.Id);
            Ids["commitment"] = Id(await db.DialogueCommitments.Where(c => c.OpinionId == opinion.Value!.Id).Select(c => c.Id).SingleAsync());

            // A draft consultation of the foreign commune sent to its province, named with the marker.
            var consultation = await scope.ServiceProvider.GetRequiredService<DanVan.Features.Consultations.ConsultationCommands>().CreateAsync(officer, new DanVan.Features.Consultations.ConsultationInput
            {
                Title = "Dự thảo " + Marker, Subject = "V/v lấy ý kiến " + Marker, SentOn = DanVan.Domain.Text.VietnameseText.FormatDate(today),
                DueOn = DanVan.Domain.Text.VietnameseText.FormatDate(today.AddDays(30)), DraftText = "Đoạn một " + Marker + "\nĐoạn hai " + Marker,
                RespondentUnitIds = [int.Parse(Ids["province"], CultureInfo.InvariantCulture)],
            }, null);
            Assert.True(consultation.IsOk, string.Join(" ", consultation.Errors.SelectMany(e => e.Value)));
            Ids["consultation"] = Id(consultation.Value!.Id);

            // A "Dân vận khéo" model registered by the same commune with its province, named with the marker.
            string D(DateOnly d) => DanVan.Domain.Text.VietnameseText.FormatDate(d);
            var model = await scope.ServiceProvider.GetRequiredService<DanVan.Features.Models.ModelCommands>().RegisterAsync(officer, new DanVan.Features.Models.ModelForm
            {
                FieldCode = "KT", RegisteredWithUnitId = int.Parse(Ids["province"], CultureInfo.InvariantCulture), Name = "Mô hình " + Marker,
                Situation = "Thực trạng " + Marker, Objectives = "Mục tiêu " + Marker, Content = "Nội dung " + Marker, AreaAndTargets = "Địa bàn " + Marker,
                Forces = "Lực lượng " + Marker, Resources = "Nguồn lực " + Marker, StartOn = D(today), EvaluationOn = D(today.AddDays(90)),
                Milestones = [new DanVan.Features.Models.MilestoneInput { Title = "Ra mắt " + Marker, DueOn = D(today.AddDays(10)) }],
                Outputs = "Sản phẩm " + Marker, Sustainability = "Nhân rộng " + Marker,
            });
            Assert.True(model.IsOk, string.Join(" ", model.Errors.SelectMany(e => e.Value)));
            Ids["model"] = Id(model.Value!.Id);

            // A disclosure of the same commune (not published), with a file, named with the marker.
            var disclosure = await scope.ServiceProvider.GetRequiredService<DanVan.Features.Democracy.DisclosureCommands>().RecordAsync(officer, new DanVan.Features.Democracy.DisclosureInput
            {
                Year = today.Year, ItemCode = "XA-01", Title = "Công khai " + Marker, DisclosedOn = D(today), Forms = [DanVan.Domain.Democracy.DisclosureForms.Posting], IsPublic = false,
            }, new DanVan.Features.Documents.UploadedFile("cong-khai.pdf", DanVan.Tests.Support.TestFiles.Pdf()));
            Assert.True(disclosure.IsOk, string.Join(" ", disclosure.Errors.SelectMany(e => e.Value)));
            Ids["disclosure"] = Id(disclosure.Value!.Id);

            // A people's vote of the same commune, its matter named with the marker.
            var decision = await scope.ServiceProvider.GetRequiredService<DanVan.Features.Democracy.DecisionCommands>().RecordAsync(officer, new DanVan.Features.Democracy.DecisionInput
            {
                Community = "Thôn " + Marker, RuleCode = "dong-gop-ha-tang", Matter = "Đóng góp " + Marker, Form = DanVan.Domain.Democracy.DecisionForm.Meeting, HeldOn = D(today),
                HouseholdsEntitled = 100, HouseholdsPresent = 80, For = 70, Against = 5,
            });
            Assert.True(decision.IsOk, string.Join(" ", decision.Errors.SelectMany(e => e.Value)));
            Ids["decision"] = Id(decision.Value!.Id);

            // A staff member of the same commune and a briefing session with them present, named with the marker.
            var training = scope.ServiceProvider.GetRequiredService<DanVan.Features.Training.TrainingCommands>();
            var member = await training.AddStaffAsync(officer, new DanVan.Features.Training.StaffInput { FullName = "Cán bộ " + Marker, Position = "Công chức" });
            Assert.True(member.IsOk, string.Join(" ", member.Errors.SelectMany(e => e.Value)));
            Ids["staff"] = Id(member.Value!.Id);
            var briefing = await training.RecordAsync(officer, new DanVan.Features.Training.SessionInput
            {
                Kind = DanVan.Domain.Training.SessionKind.Propaganda, Title = "Tuyên truyền " + Marker, HeldOn = D(today), Audience = [DanVan.Domain.Training.SessionAudience.People],
                Attendees = 40, StaffIds = [member.Value.Id],
            });
            Assert.True(briefing.IsOk, string.Join(" ", briefing.Errors.SelectMany(e => e.Value)));
            Ids["session"] = Id(briefing.Value!.Id);

            // A news item of the same commune's portal, its title named with the marker.
            var newsItem = await scope.ServiceProvider.GetRequiredService<DanVan.Features.Training.News.NewsCommands>().RecordAsync(officer, new DanVan.Features.Training.News.NewsInput
            {
                Kind = DanVan.Domain.Training.NewsKind.Portal, Title = "Tin " + Marker, Channel = "Cổng thông tin " + Marker, PublishedOn = D(today),
            });
            Assert.True(newsItem.IsOk, string.Join(" ", newsItem.Errors.SelectMany(e => e.Value)));
            Ids["news"] = Id(newsItem.Value!.Id);

            // The same commune's self-assessed SIPAS of this year, its source note named with the marker.
            var index = await scope.ServiceProvider.GetRequiredService<DanVan.Features.Indices.IndexCommands>().EnterAsync(officer, "SIPAS", new DanVan.Features.Indices.IndexValueInput
            {
                UnitId = officer.UnitId, Year = today.Year, Value = "77,7", Source = DanVan.Domain.Indices.IndexValueSource.SelfAssessed, SourceNote = "Khảo sát " + Marker,
            }, Guid.Empty);
            Assert.True(index.IsOk, string.Join(" ", index.Errors.SelectMany(e => e.Value)));
            Ids["index"] = "SIPAS";

            // A consultation of the people by the same commune, with a file, its subject named with the marker.
            var consulted = await scope.ServiceProvider.GetRequiredService<DanVan.Features.Democracy.PeopleConsultationCommands>().RecordAsync(officer, new DanVan.Features.Democracy.PeopleConsultationInput
            {
                MatterCode = "quy-hoach-dat", Subject = "Lấy ý kiến " + Marker, Community = "Toàn xã", Forms = [DanVan.Domain.Democracy.ConsultationForms.CommunityMeeting],
                OpensOn = D(today.AddDays(-10)), ClosesOn = D(today), OpinionsReceived = 50, OpinionsAgreed = 40, OpinionsOther = 5, Response = "Tiếp thu " + Marker,
            }, new DanVan.Features.Documents.UploadedFile("lay-y-kien.pdf", DanVan.Tests.Support.TestFiles.Pdf()));
            Assert.True(consulted.IsOk, string.Join(" ", consulted.Errors.SelectMany(e => e.Value)));
            Ids["peopleconsultation"] = Id(consulted.Value!.Id);

            // A Ban Thanh tra nhân dân of the same commune with one inspection, and the yearly staff conference of an agency of that province.
            var oversight = scope.ServiceProvider.GetRequiredService<DanVan.Features.Democracy.OversightCommands>();
            var board = await oversight.SaveBoardAsync(officer, null, new DanVan.Features.Democracy.OversightBoardInput
            {
                Kind = DanVan.Domain.Democracy.OversightBoardKind.PeopleInspection, Name = "Ban " + Marker, TermFrom = D(today.AddDays(-100)), TermTo = D(today.AddDays(600)),
                Members = [new() { Name = "Trưởng ban " + Marker, Role = DanVan.Domain.Democracy.OversightMemberRole.Head }, new() { Name = "Thành viên " + Marker, Role = DanVan.Domain.Democracy.OversightMemberRole.Member }],
            }, null);
            Assert.True(board.IsOk, string.Join(" ", board.Errors.SelectMany(e => e.Value)));
            Ids["board"] = Id(board.Value!.Id);
            var activity = await oversight.RecordActivityAsync(officer, board.Value.Id, new DanVan.Features.Democracy.OversightActivityInput
            {
                Kind = DanVan.Domain.Democracy.OversightActivityKind.Inspection, HeldOn = D(today), Subject = "Kiểm tra " + Marker, Recommendations = "Kiến nghị " + Marker,
            });
            Assert.True(activity.IsOk, string.Join(" ", activity.Errors.SelectMany(e => e.Value)));
            Ids["activity"] = Id(activity.Value!.Id);
            var foreignProvince = await db.OrgUnits.SingleAsync(u => u.Id == int.Parse(Ids["province"], CultureInfo.InvariantCulture));
            var agency = new OrgUnit { Code = "01.NGOAITINH", Kind = OrgUnitKind.Department, ValidFrom = DanVan.Features.Units.UnitImporter.ReorganisationDate };
            agency.SetName("Sở " + Marker);
            agency.PlaceUnder(foreignProvince);
            db.OrgUnits.Add(agency);
            await db.SaveChangesAsync();
            var agencyOfficer = DanVan.Domain.Access.UserScope.For(Ids["user"], "ngoaitinh", DanVan.Domain.Access.Roles.UnitOfficer, agency.Id, agency.AncestorPath);
            var conference = await scope.ServiceProvider.GetRequiredService<DanVan.Features.Democracy.StaffConferenceCommands>().SaveAsync(agencyOfficer, null, new DanVan.Features.Democracy.StaffConferenceInput
            {
                Year = today.Year - 1, HeldOn = D(new DateOnly(today.Year - 1, 12, 20)), Attendees = 40, StaffTotal = 50, Form = DanVan.Domain.Democracy.StaffConferenceForm.Plenary,
                ResolutionNumber = "01/NQ-HN", ResolutionText = "Nghị quyết " + Marker,
            }, null);
            Assert.True(conference.IsOk, string.Join(" ", conference.Errors.SelectMany(e => e.Value)));
            Ids["conference"] = Id(conference.Value!.Id);

            // A scoring framework of the foreign province, named with the marker, and its round opened by its coordinator.
            var framework = new DanVan.Domain.Scoring.ScoringFramework
            {
                Code = "ngoai-tinh", Name = "Bộ tiêu chí " + Marker, ProvinceCode = "01", LegalBasis = "Quyết định " + Marker, ValidFrom = new DateOnly(2020, 1, 1),
                AppliesToKinds = DanVan.Domain.Scoring.ShippedFrameworks.DefaultKinds, Bands = "Tốt=50;Chưa tốt=0", CreatedAtUtc = DateTime.UtcNow,
                Criteria = [new DanVan.Domain.Scoring.ScoringCriterion { Code = "TC1", Name = "Tiêu chí " + Marker, MaxPoints = 100, SortOrder = 1, Steps = null }],
            };
            db.ScoringFrameworks.Add(framework);
            await db.SaveChangesAsync();
            Ids["framework"] = Id(framework.Id);
            var province = await db.OrgUnits.SingleAsync(u => u.Id == int.Parse(Ids["province"], CultureInfo.InvariantCulture));
            var coordinator = DanVan.Domain.Access.UserScope.For(Ids["user"], "ngoaitinh", DanVan.Domain.Access.Roles.Coordinator, province.Id, province.AncestorPath);
            var round = await scope.ServiceProvider.GetRequiredService<DanVan.Features.Scoring.ScoringCommands>().OpenRoundAsync(coordinator, new DanVan.Features.Scoring.OpenRoundInput
            {
                FrameworkId = framework.Id, Year = today.Year, SelfFrom = D(today), SelfDue = D(today.AddDays(20)), AppraisalOn = D(today.AddDays(30)), ObjectionDays = 5,
            });
            Assert.True(round.IsOk, string.Join(" ", round.Errors.SelectMany(e => e.Value)));
            Ids["round"] = Id(round.Value!.Id);
            Ids["sheet"] = Id(await db.ScoreSheets.Where(s => s.RoundId == round.Value.Id && s.UnitId == commune.Id).Select(s => s.Id).SingleAsync());
            Ids["line"] = Id(await db.ScoreLines.Where(l => l.SheetId == int.Parse(Ids["sheet"], CultureInfo.InvariantCulture)).Select(l => l.Id).FirstAsync());
        }
    }

    public Task DisposeAsync() => app.DisposeAsync();

    public Task<HttpClient> As(string userName) => app.As(userName);

    private static async Task<string> CreatedIdAsync(HttpResponseMessage response)
    {
        using (response)
        {
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.Created, $"{(int)response.StatusCode}: {body}");
            var json = JsonDocument.Parse(body).RootElement;
            if (json.TryGetProperty("id", out var id))
            {
                return Id(id.GetInt32());
            }

            return Id(json.GetProperty("workItemId").GetInt32());
        }
    }

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);
}

[CollectionDefinition("Foreign")]
public sealed class ForeignCollection : ICollectionFixture<ForeignDataFixture>;
