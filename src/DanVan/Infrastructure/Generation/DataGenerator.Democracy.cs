using DanVan.Domain.Democracy;
using DanVan.Domain.Text;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Infrastructure.Generation;

public sealed partial class DataGenerator
{
    /// <summary>The title prefix of generated disclosures (tests find them by it).</summary>
    public const string GeneratedDisclosure = "Sinh để đo hiệu năng: ";

    /// <summary>
    /// Three years (2024–2026) of disclosure registers for every commune and agency (about nine in ten items disclosed
    /// once, a few twice, the rest missing: the compliance view has something to show), and two or three community
    /// votes a year in every commune (most passed, some short of their share, a few without quorum), and two to four
    /// consultations of the people a year in every commune (most decided afterwards).
    /// </summary>
    private async Task<(long Disclosures, long Decisions, long Consultations)> GenerateDemocracyAsync(BulkInsert bulk, Random rng, List<Unit> all, DateOnly today, DateTime now,
        Action<string, double> report, CancellationToken ct)
    {
        report("Dân chủ ở cơ sở", 0);
        var items = await db.DisclosureItems.AsNoTracking().OrderBy(i => i.SortOrder).ToListAsync(ct);
        var rules = await db.DecisionRules.AsNoTracking().ToListAsync(ct);
        var units = all.Where(u => DisclosureRules.ScopeOf(u.Kind) is not null).ToList();
        DisclosureForms[] mixes =
        [
            DisclosureForms.Posting | DisclosureForms.Portal, DisclosureForms.Posting | DisclosureForms.VillageHead, DisclosureForms.Posting | DisclosureForms.Radio,
            DisclosureForms.Portal, DisclosureForms.Conference | DisclosureForms.Posting,
        ];
        IEnumerable<object?[]> Disclosures()
        {
            foreach (var u in units)
            {
                var scope = DisclosureRules.ScopeOf(u.Kind);
                foreach (var year in new[] { 2024, 2025, 2026 })
                {
                    foreach (var item in items.Where(i => i.Scope == scope && DisclosureRules.InForce(i, year)))
                    {
                        var r = rng.NextDouble();
                        var times = r < 0.1 ? 0 : r < 0.85 ? 1 : 2;
                        for (var k = 0; k < times; k++)
                        {
                            var on = new DateOnly(year, 1, 5).AddDays(rng.Next(300));
                            if (on > today)
                            {
                                continue;
                            }

                            var forms = item.RadioDays is not null ? DisclosureForms.Posting | DisclosureForms.Radio : mixes[rng.Next(mixes.Length)];
                            var title = $"{GeneratedDisclosure}{item.Name} năm {year}";
                            yield return
                            [
                                u.Id, year, item.Code, title.Length > 500 ? title[..500] : title, on, on.AddDays(29), (int)forms, forms.HasFlag(DisclosureForms.Radio) ? 3 : null,
                                null, true, null, null, 0L, VietnameseText.Fold($"{title} {u.Name}"), "sinh-du-lieu", now, new Guid(NextBytes(rng)),
                            ];
                        }
                    }
                }
            }
        }

        var disclosures = await bulk.InsertAsync("Disclosures",
            ["UnitId", "Year", "ItemCode", "Title", "DisclosedOn", "EndsOn", "Forms", "RadioDays", "Note", "IsPublic", "FileName", "FileContentType", "FileSize", "SearchText",
                "RecordedByUserName", "RecordedAtUtc", "ConcurrencyStamp"],
            Disclosures(), n => report("Dân chủ ở cơ sở", 0.8 * n / Math.Max(1.0, units.Count * 20.0)), ct);

        var communes = units.Where(u => DisclosureRules.ScopeOf(u.Kind) == DisclosureScope.Commune).ToList();
        IEnumerable<object?[]> Decisions()
        {
            foreach (var u in communes)
            {
                foreach (var year in new[] { 2024, 2025, 2026 })
                {
                    var votes = 2 + rng.Next(2);
                    for (var k = 0; k < votes; k++)
                    {
                        var on = new DateOnly(year, 2, 1).AddDays(rng.Next(300));
                        if (on > today || rules.Count == 0)
                        {
                            continue;
                        }

                        var rule = rules[rng.Next(rules.Count)];
                        var entitled = 80 + rng.Next(400);
                        var present = (int)(entitled * (0.45 + 0.5 * rng.NextDouble()));
                        var yes = (int)(present * (0.6 + 0.4 * rng.NextDouble()));
                        var no = Math.Max(0, present - yes - rng.Next(5));
                        var result = DecisionRules.Count(rule, DecisionForm.Meeting, entitled, present, yes);
                        var community = $"Thôn {1 + rng.Next(12)}";
                        var matter = $"{GeneratedDisclosure}{rule.Name} năm {year}";
                        yield return
                        [
                            u.Id, community, rule.Code, matter.Length > 1000 ? matter[..1000] : matter, (int)DecisionForm.Meeting, on, "Nhà văn hóa " + community, entitled, present, yes, no,
                            (int)result.Outcome, DecisionRules.ThresholdText(rule), rule.LegalBasis, null, null, null, VietnameseText.Fold($"{matter} {community} {u.Name}"),
                            "sinh-du-lieu", now, new Guid(NextBytes(rng)),
                        ];
                    }
                }
            }
        }

        var decisions = await bulk.InsertAsync("PeopleDecisions",
            ["UnitId", "Community", "RuleCode", "Matter", "Form", "HeldOn", "Place", "HouseholdsEntitled", "HouseholdsPresent", "For", "Against", "Outcome", "ThresholdText",
                "LegalBasis", "ChairName", "SecretaryName", "Conclusion", "SearchText", "RecordedByUserName", "RecordedAtUtc", "ConcurrencyStamp"],
            Decisions(), ct: ct);
        var matters = await db.PeopleConsultationMatters.AsNoTracking().ToListAsync(ct);
        ConsultationForms[] consultationMixes =
        [
            ConsultationForms.CommunityMeeting | ConsultationForms.Portal, ConsultationForms.Dialogue | ConsultationForms.Organisations,
            ConsultationForms.Questionnaire | ConsultationForms.SuggestionBox, ConsultationForms.CommunityMeeting | ConsultationForms.AffectedDialogue,
        ];
        IEnumerable<object?[]> Consultations()
        {
            foreach (var u in communes)
            {
                foreach (var year in new[] { 2024, 2025, 2026 })
                {
                    var count = 2 + rng.Next(3);
                    for (var k = 0; k < count && matters.Count > 0; k++)
                    {
                        var opens = new DateOnly(year, 1, 10).AddDays(rng.Next(320));
                        var closes = opens.AddDays(10 + rng.Next(25));
                        if (closes > today)
                        {
                            continue;
                        }

                        var matter = matters[rng.Next(matters.Count)];
                        var received = 40 + rng.Next(600);
                        var agreed = (int)(received * (0.7 + 0.28 * rng.NextDouble()));
                        var other = Math.Min(received - agreed, rng.Next(1 + received / 10));
                        DateOnly? decided = rng.NextDouble() < 0.8 ? closes.AddDays(10 + rng.Next(40)) : null;
                        if (decided > today)
                        {
                            decided = null;
                        }

                        var subject = $"{GeneratedDisclosure}{matter.Name} năm {year}";
                        subject = subject.Length > 1000 ? subject[..1000] : subject;
                        var community = rng.Next(3) == 0 ? $"Thôn {1 + rng.Next(12)}" : "Toàn xã";
                        yield return
                        [
                            u.Id, matter.Code, subject, community, (int)consultationMixes[rng.Next(consultationMixes.Length)], opens, closes, received, agreed, other,
                            "Tiếp thu, giải trình các ý kiến tại hội nghị (dữ liệu sinh).", decided is null ? null : "Quyết định của cơ quan có thẩm quyền (dữ liệu sinh)", decided,
                            null, null, 0L, VietnameseText.Fold($"{subject} {community} {matter.Name} {u.Name}"), "sinh-du-lieu", now, new Guid(NextBytes(rng)),
                        ];
                    }
                }
            }
        }

        var consultations = await bulk.InsertAsync("PeopleConsultations",
            ["UnitId", "MatterCode", "Subject", "Community", "Forms", "OpensOn", "ClosesOn", "OpinionsReceived", "OpinionsAgreed", "OpinionsOther", "Response", "Decision",
                "DecidedOn", "FileName", "FileContentType", "FileSize", "SearchText", "RecordedByUserName", "RecordedAtUtc", "ConcurrencyStamp"],
            Consultations(), ct: ct);
        report("Dân chủ ở cơ sở", 1);
        return (disclosures, decisions, consultations);
    }
}
