using DanVan.Domain.Consultations;
using DanVan.Domain.Dialogues;
using DanVan.Domain.Text;
using DanVan.Domain.Units;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Infrastructure.Generation;

/// <summary>
/// The two ways the government listens (issue 17), since 2024. Dialogues: every commune three to five a year, every
/// department one or two, every school and health station two (about 47,000 a year nationally), each with 10–30 opinions; a quarter
/// of the opinions not closed on the spot become commitments of the unit or of a department of the province, the
/// older ones mostly done, the recent ones open and some overdue. Consultations: about a hundred drafts a year from the
/// departments of each province (a third of them the Sở Nội vụ's), each sent to 50–150 units of the province with
/// 10–30 paragraphs; past ones closed (answers with comments, agreements, and silence recorded at the deadline), the
/// recent ones open. One consultation of the demo province's Sở Nội vụ has 150 respondents and 1,000 comments, all
/// handled: the synthesis the benchmark measures.
/// </summary>
public sealed partial class DataGenerator
{
    public const string SynthesisTitle = "Dự thảo Kế hoạch thực hiện công tác dân vận chính quyền (lấy ý kiến rộng, bảng tổng hợp lớn)";

    private static readonly string[] DialogueTopics =
    [
        "Bồi thường, hỗ trợ tái định cư dự án mở rộng đường", "Chỉnh trang đô thị và trật tự vỉa hè", "Cải cách thủ tục hành chính, dịch vụ công trực tuyến",
        "Bảo vệ môi trường khu dân cư", "Chính sách an sinh xã hội", "Cấp giấy chứng nhận quyền sử dụng đất", "Xây dựng nông thôn mới",
    ];

    private static readonly string[] OpinionTexts =
    [
        "Đề nghị công khai phương án bồi thường trước khi họp dân", "Đường vào khu dân cư ngập nước khi mưa lớn", "Thời gian giải quyết hồ sơ đất đai còn kéo dài",
        "Đề nghị lắp đèn chiếu sáng tuyến đường liên ấp", "Cơ sở chăn nuôi gây ô nhiễm mùi", "Đề nghị hỗ trợ học nghề cho lao động bị thu hồi đất",
        "Phản ánh việc thu gom rác không đúng giờ", "Đề nghị hướng dẫn thủ tục trực tuyến tại bộ phận một cửa",
    ];

    private static readonly string[] OpinionFields = ["dat-dai", "boi-thuong", "moi-truong", "chinh-sach"];

    private async Task<(long Dialogues, long Opinions, long Commitments)> GenerateDialoguesAsync(BulkInsert bulk, Random rng, List<Unit> all, DateOnly today, DateTime now,
        Action<string, double> report, CancellationToken ct)
    {
        report("Đối thoại", 0);
        // Communes and the province's agencies, and the communes' schools, health stations and service centres (their staff and users).
        var holders = all.Where(u => (u.Kind is OrgUnitKind.Commune or OrgUnitKind.Ward or OrgUnitKind.SpecialZone or OrgUnitKind.Department or OrgUnitKind.PublicServiceUnit
            && u.Depth == 2) || (u.Kind == OrgUnitKind.PublicServiceUnit && u.Depth == 3)).ToList();
        var departments = all.Where(u => u.Kind == OrgUnitKind.Department).GroupBy(u => ProvinceOf(u.Path)).ToDictionary(g => g.Key, g => g.ToArray());
        var plan = new List<(Unit Unit, DateOnly HeldOn, DialogueState State, int Opinions)>();
        foreach (var u in holders)
        {
            var commune = u.Kind is OrgUnitKind.Commune or OrgUnitKind.Ward or OrgUnitKind.SpecialZone;
            foreach (var year in new[] { 2024, 2025, 2026 })
            {
                var n = commune ? 3 + rng.Next(3) : u.Depth == 3 ? 2 : 1 + rng.Next(2);
                for (var k = 0; k < n; k++)
                {
                    var held = new DateOnly(year, 1, 1).AddDays(rng.Next(360));
                    var state = held > today ? DialogueState.Announced : held > today.AddDays(-10) ? DialogueState.Held : DialogueState.ResultsPublished;
                    plan.Add((u, held, state, held > today ? 0 : 10 + rng.Next(21)));
                }
            }
        }

        var maxDialogueBefore = await db.Dialogues.MaxAsync(d => (int?)d.Id, ct) ?? 0;
        var dialogueRows = plan.Select(p =>
        {
            var topic = DialogueTopics[rng.Next(DialogueTopics.Length)];
            var commune = p.Unit.Kind is OrgUnitKind.Commune or OrgUnitKind.Ward or OrgUnitKind.SpecialZone;
            var held = p.State != DialogueState.Announced;
            return new object?[]
            {
                p.Unit.Id, topic, (commune ? "Chủ tịch UBND " : "Thủ trưởng ") + p.Unit.Name, (int)(commune ? DialogueAudience.Residents : DialogueAudience.Staff),
                p.HeldOn, "Hội trường " + p.Unit.Name, false, commune ? "Ủy ban MTTQ Việt Nam " + p.Unit.Name.ToLower(VietnameseText.Culture) : null, (int)p.State,
                p.HeldOn.AddDays(-7 - rng.Next(7)), held ? 40 + rng.Next(160) : null, held ? "Hội nghị đối thoại diễn ra đúng chương trình; các ý kiến được ghi đầy đủ." : null,
                held ? p.HeldOn.AddDays(10) : null, p.State == DialogueState.ResultsPublished ? p.HeldOn.AddDays(3 + rng.Next(7)) : null,
                p.State == DialogueState.ResultsPublished ? "Thông báo kết quả đối thoại và các nội dung tiếp thu, giải quyết." : null,
                VietnameseText.Fold($"{topic} {p.Unit.Name}"), now, new Guid(NextBytes(rng)),
            };
        });
        var dialogues = await bulk.InsertAsync("Dialogues",
            ["UnitId", "Topic", "ChairName", "Audience", "HeldOn", "Place", "Online", "CoOrganiser", "State", "NoticeOn", "Attendees", "RecordSummary", "ResultsDueOn",
                "ResultsPublishedOn", "ResultsSummary", "SearchText", "CreatedAtUtc", "ConcurrencyStamp"],
            dialogueRows, n => report("Đối thoại", 0.1 * n / Math.Max(1, plan.Count)), ct);
        var dialogueIds = await db.Dialogues.AsNoTracking().Where(d => d.Id > maxDialogueBefore).OrderBy(d => d.Id).Select(d => d.Id).ToListAsync(ct);

        // Opinions: a quarter not answered on the spot; each of those is a commitment (planned in the same order).
        var maxOpinionBefore = await db.DialogueOpinions.MaxAsync(o => (int?)o.Id, ct) ?? 0;
        var opinionCount = plan.Sum(p => (long)p.Opinions);
        var pending = new List<(int DialogueIndex, int Number)>();
        var opinionRows = plan.SelectMany((p, i) => Enumerable.Range(1, p.Opinions).Select(number =>
        {
            var spot = rng.NextDouble() >= 0.25;
            if (!spot)
            {
                pending.Add((i, number));
            }

            return new object?[]
            {
                dialogueIds[i], number, $"Ông (bà) {(char)('A' + rng.Next(20))}, khu dân cư số {1 + rng.Next(12)}", OpinionTexts[rng.Next(OpinionTexts.Length)],
                OpinionFields[rng.Next(OpinionFields.Length)], spot, spot ? "Chủ trì hội nghị đã trả lời, giải thích tại hội nghị." : null,
            };
        }));
        var opinions = await bulk.InsertAsync("DialogueOpinions", ["DialogueId", "Number", "SpeakerName", "Content", "Field", "AnsweredOnSpot", "Answer"],
            opinionRows, n => report("Đối thoại", 0.1 + 0.6 * n / Math.Max(1, opinionCount)), ct);
        var opinionIds = await db.DialogueOpinions.AsNoTracking().Where(o => o.Id > maxOpinionBefore && !o.AnsweredOnSpot).OrderBy(o => o.Id)
            .Select(o => o.Id).ToListAsync(ct);
        var commitmentRows = pending.Select((x, k) =>
        {
            var p = plan[x.DialogueIndex];
            var due = p.HeldOn.AddDays(30 + rng.Next(60));
            var owner = rng.NextDouble() < 0.7 || !departments.TryGetValue(ProvinceOf(p.Unit.Path), out var deps) ? p.Unit.Id : deps[rng.Next(deps.Length)].Id;
            var done = due < today ? rng.NextDouble() < 0.85 : rng.NextDouble() < 0.3;
            DateOnly? doneOn = done ? p.HeldOn.AddDays(5 + rng.Next(Math.Max(1, Math.Min(90, today.DayNumber - p.HeldOn.DayNumber - 4)))) : null;
            if (doneOn > today)
            {
                doneOn = today;
            }

            return new object?[]
            {
                dialogueIds[x.DialogueIndex], opinionIds[k], owner, "Xem xét, trả lời bằng văn bản: " + OpinionTexts[rng.Next(OpinionTexts.Length)].ToLower(VietnameseText.Culture),
                due, (int)(done ? CommitmentState.Done : CommitmentState.Open), doneOn, done ? "Đã trả lời công dân bằng văn bản." : null, now,
            };
        });
        var commitments = await bulk.InsertAsync("DialogueCommitments", ["DialogueId", "OpinionId", "OwnerUnitId", "Content", "DueOn", "State", "DoneOn", "DoneNote", "CreatedAtUtc"],
            commitmentRows, n => report("Đối thoại", 0.7 + 0.3 * n / Math.Max(1, pending.Count)), ct);
        return (dialogues, opinions, commitments);
    }

    private async Task<(long Consultations, long Respondents, long Comments)> GenerateConsultationsAsync(BulkInsert bulk, Random rng, DataScale scale, List<OrgUnit> provinces,
        List<Unit> all, DateOnly today, DateTime now, Action<string, double> report, CancellationToken ct)
    {
        report("Lấy ý kiến dự thảo", 0);
        var byProvince = all.GroupBy(u => ProvinceOf(u.Path)).ToDictionary(g => g.Key, g => g.ToList());
        var perYear = scale == DataScale.National ? 100 : 40;
        var plan = new List<(Unit Owner, DateOnly Sent, DateOnly Due, Unit[] Respondents, int Paragraphs, bool Large)>();
        foreach (var p in provinces)
        {
            var local = byProvince.GetValueOrDefault(p.Id) ?? [];
            var departments = local.Where(u => u.Kind == OrgUnitKind.Department && u.Depth == 2).ToArray();
            var pool = local.Where(u => u.Depth == 2 && u.Kind is OrgUnitKind.Department or OrgUnitKind.Commune or OrgUnitKind.Ward or OrgUnitKind.SpecialZone or OrgUnitKind.PublicServiceUnit
                or OrgUnitKind.Inspectorate or OrgUnitKind.FrontCommittee).ToArray();
            var snv = departments.FirstOrDefault(u => u.Name.StartsWith("Sở Nội vụ", StringComparison.Ordinal));
            if (departments.Length == 0 || pool.Length < 10)
            {
                continue;
            }

            foreach (var year in new[] { 2024, 2025, 2026 })
            {
                for (var k = 0; k < perYear; k++)
                {
                    var sent = new DateOnly(year, 1, 5).AddDays(rng.Next(350));
                    if (sent > today)
                    {
                        continue;
                    }

                    var owner = snv is not null && rng.NextDouble() < 0.33 ? snv : departments[rng.Next(departments.Length)];
                    var size = Math.Min(pool.Length - 1, 50 + rng.Next(101));
                    var chosen = pool.Where(u => u.Id != owner.Id).OrderBy(_ => rng.Next()).Take(size).ToArray();
                    plan.Add((owner, sent, sent.AddDays(10 + rng.Next(11)), chosen, 10 + rng.Next(21), false));
                }
            }

            if (p.Code == Features.Demo.DemoSeeder.ProvinceCode && snv is not null)
            {
                var sent = today.AddDays(-40);
                                // The province's agencies and communes first, then the schools and health stations of the communes.
                var wide = pool.Where(u => u.Id != snv.Id).OrderBy(_ => rng.Next())
                    .Concat(local.Where(u => u.Depth > 2 && u.Kind == OrgUnitKind.PublicServiceUnit).OrderBy(u => u.Id)).Take(150).ToArray();
                plan.Add((snv, sent, sent.AddDays(20), wide, 40, true));
            }
        }

        var maxConsultationBefore = await db.Consultations.MaxAsync(c => (int?)c.Id, ct) ?? 0;
        var consultationRows = plan.Select((c, i) =>
        {
            var title = c.Large ? SynthesisTitle : $"Dự thảo {Topics[rng.Next(Topics.Length)]} năm {c.Sent.Year} (lần {i % 3 + 1})";
            var subject = "V/v góp ý " + title[..1].ToLower(VietnameseText.Culture) + title[1..];
            return new object?[]
            {
                c.Owner.Id, title, subject, $"{1 + (i % 900)}/{(c.Owner.Name.StartsWith("Sở Nội vụ", StringComparison.Ordinal) ? "SNV" : "S")}-VP", (int)ConsultationAudience.Units,
                c.Sent, c.Due, "Hạn do đơn vị soạn thảo ấn định trong công văn.", ConsultationRules.DefaultSilenceRule, true, 1, "Văn phòng " + c.Owner.Name,
                "Nguyễn Văn An", "KT. GIÁM ĐỐC", VietnameseText.Fold($"{title} {subject} {c.Owner.Name}"), "dieuphoi", now, new Guid(NextBytes(rng)),
            };
        });
        var consultations = await bulk.InsertAsync("Consultations",
            ["UnitId", "Title", "Subject", "LetterNumber", "Audience", "SentOn", "DueOn", "DueExplanation", "SilenceRule", "SilenceMeansAgreement", "Round", "Contact",
                "SignerName", "SignerAuthority", "SearchText", "CreatedBy", "CreatedAtUtc", "ConcurrencyStamp"],
            consultationRows, ct: ct);
        var ids = await db.Consultations.AsNoTracking().Where(c => c.Id > maxConsultationBefore).OrderBy(c => c.Id).Select(c => c.Id).ToListAsync(ct);

        var maxParagraphBefore = await db.DraftParagraphs.MaxAsync(p => (int?)p.Id, ct) ?? 0;
        await bulk.InsertAsync("DraftParagraphs", ["ConsultationId", "Number", "Label", "Text"],
            plan.SelectMany((c, i) => Enumerable.Range(1, c.Paragraphs).Select(n => new object?[]
            {
                ids[i], n, n <= 3 ? new[] { "I.", "II.", "III." }[n - 1] : $"{n - 3}.",
                $"Nội dung đoạn {n}: {Topics[(i + n) % Topics.Length]}, phân công cơ quan chủ trì, phối hợp và thời gian hoàn thành.",
            })), n => report("Lấy ý kiến dự thảo", 0.1), ct);
        var paragraphIds = await db.DraftParagraphs.AsNoTracking().Where(p => p.Id > maxParagraphBefore).OrderBy(p => p.Id).Select(p => p.Id).ToListAsync(ct);

        // Respondents: past the deadline each has commented, agreed or been silent; before it, some have answered.
        var respondentPlan = new List<(int Consultation, Unit Unit, RespondentState State, DateTime? AnsweredAt, int Comments)>();
        for (var i = 0; i < plan.Count; i++)
        {
            var c = plan[i];
            var closed = c.Due < today;
            var silenceAt = new DateTime(c.Due.Year, c.Due.Month, c.Due.Day, 17, 5, 0, DateTimeKind.Utc);
            for (var k = 0; k < c.Respondents.Length; k++)
            {
                // The large one: 125 units comment (8 comments each, 1,000 in all), 15 agree, 10 are silent.
                var r = rng.NextDouble();
                var answers = c.Large ? k < 140 : closed ? r < 0.7 : r < 0.4;
                var commented = answers && (c.Large ? k < 125 : rng.NextDouble() < 0.55);
                var count = !commented ? 0 : c.Large ? 8 : 1 + rng.Next(5);
                var at = new DateTime(c.Sent.Year, c.Sent.Month, c.Sent.Day, 2, 0, 0, DateTimeKind.Utc).AddDays(1 + rng.Next(Math.Max(1, c.Due.DayNumber - c.Sent.DayNumber)));
                at = at > now ? now : at;
                respondentPlan.Add((i, c.Respondents[k], !answers ? (closed ? RespondentState.Silent : RespondentState.Pending)
                    : commented ? RespondentState.Commented : RespondentState.Agreed, answers ? at : closed ? silenceAt : null, count));
            }
        }

        var maxRespondentBefore = await db.ConsultationRespondents.MaxAsync(r => (int?)r.Id, ct) ?? 0;
        var respondents = await bulk.InsertAsync("ConsultationRespondents", ["ConsultationId", "UnitId", "State", "CurrentVersion", "AnsweredAtUtc", "SilenceAppliedAtUtc"],
            respondentPlan.Select(r => new object?[]
            {
                ids[r.Consultation], r.Unit.Id, (int)r.State, r.State is RespondentState.Agreed or RespondentState.Commented ? 1 : 0,
                r.State is RespondentState.Agreed or RespondentState.Commented ? r.AnsweredAt : null, r.State == RespondentState.Silent ? r.AnsweredAt : null,
            }), n => report("Lấy ý kiến dự thảo", 0.1 + 0.3 * n / Math.Max(1, respondentPlan.Count)), ct);
        var respondentIds = await db.ConsultationRespondents.AsNoTracking().Where(r => r.Id > maxRespondentBefore).OrderBy(r => r.Id).Select(r => r.Id).ToListAsync(ct);

        var answered = respondentPlan.Select((r, k) => (r, k)).Where(x => x.r.State is RespondentState.Agreed or RespondentState.Commented).ToList();
        var maxAnswerBefore = await db.ConsultationAnswers.MaxAsync(a => (int?)a.Id, ct) ?? 0;
        await bulk.InsertAsync("ConsultationAnswers", ["RespondentId", "ConsultationId", "Version", "Agrees", "GeneralComment", "SignerName", "SignerPosition", "SubmittedBy", "SubmittedAtUtc"],
            answered.Select(x => new object?[]
            {
                respondentIds[x.k], ids[x.r.Consultation], 1, x.r.State == RespondentState.Agreed,
                x.r.State == RespondentState.Agreed ? "Thống nhất với nội dung dự thảo." : "Cơ bản thống nhất; góp ý một số nội dung cụ thể.",
                "Thủ trưởng " + x.r.Unit.Name, "Thủ trưởng", "u" + x.r.Unit.Code.Replace(".", "-", StringComparison.Ordinal).ToLowerInvariant() + "-1", x.r.AnsweredAt,
            }), n => report("Lấy ý kiến dự thảo", 0.4 + 0.2 * n / Math.Max(1, answered.Count)), ct);
        var answerIds = await db.ConsultationAnswers.AsNoTracking().Where(a => a.Id > maxAnswerBefore).OrderBy(a => a.Id).Select(a => a.Id).ToListAsync(ct);

        // Paragraph ids of consultation i start at the sum of the paragraphs before it.
        var firstParagraph = new int[plan.Count];
        for (int i = 0, at = 0; i < plan.Count; at += plan[i].Paragraphs, i++)
        {
            firstParagraph[i] = at;
        }

        var handlings = new[] { CommentHandling.Accepted, CommentHandling.PartlyAccepted, CommentHandling.Explained };
        var commentTotal = answered.Sum(x => (long)x.r.Comments);
        var comments = await bulk.InsertAsync("ConsultationComments", ["AnswerId", "ConsultationId", "ParagraphId", "Text", "Handling", "Explanation", "HandledBy", "HandledAtUtc"],
            answered.SelectMany((x, a) => Enumerable.Range(0, x.r.Comments).Select(_ =>
            {
                var c = plan[x.r.Consultation];
                var handled = c.Due < today;
                var h = handlings[rng.Next(handlings.Length)];
                return new object?[]
                {
                    answerIds[a], ids[x.r.Consultation], paragraphIds[firstParagraph[x.r.Consultation] + rng.Next(c.Paragraphs)],
                    "Đề nghị bổ sung cơ quan phối hợp và làm rõ thời gian hoàn thành của nội dung này.",
                    handled ? (int)h : null, handled ? (h == CommentHandling.Explained ? "Giữ như dự thảo: nội dung đã được quy định tại văn bản cấp trên." : "Tiếp thu, chỉnh sửa trong dự thảo.") : null,
                    handled ? "dieuphoi" : null, handled ? new DateTime(c.Due.Year, c.Due.Month, c.Due.Day, 3, 0, 0, DateTimeKind.Utc).AddDays(2) : null,
                };
            })), n => report("Lấy ý kiến dự thảo", 0.6 + 0.4 * n / Math.Max(1, commentTotal)), ct);
        return (consultations, respondents, comments);
    }
}
