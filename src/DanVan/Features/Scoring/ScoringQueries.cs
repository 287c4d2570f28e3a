using DanVan.Data;
using DanVan.Domain.Access;
using DanVan.Domain.Scoring;
using DanVan.Domain.Text;
using DanVan.Domain.Units;
using DanVan.Features.FollowUp;
using DanVan.Features.Shared;
using DanVan.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Features.Scoring;

public sealed record RoundRow(ScoringRound Round, string FrameworkName, string ProvinceName, int Sheets, int Submitted, int Appraised, int Objected, int Final);

public sealed record SheetRow(int Id, int UnitId, string UnitName, RankGroup Group, SheetState State, double SelfTotal, double? AppraisedTotal, double? FinalTotal,
    string? Grade, bool Disqualified, DateTime? SubmittedAtUtc);

public sealed record RankRow(int Rank, int SheetId, int UnitId, string UnitName, RankGroup Group, double? Total, string Grade, bool Submitted);

/// <summary>One province's round of a year on the national page: progress, average of final totals, units by grade.</summary>
public sealed record ProvinceResult(int RoundId, int ProvinceId, string ProvinceName, RoundState State, int Sheets, int Submitted, int Ranked, double? Average,
    IReadOnlyDictionary<string, int> Grades);

public sealed record NationalRankRow(int Rank, int SheetId, string UnitName, string ProvinceName, double Total, string? Grade);

public sealed record NationalView(int Year, RankGroup Group, IReadOnlyList<int> Years, IReadOnlyList<ProvinceResult> Provinces, IReadOnlyList<string> Grades,
    PagedList<NationalRankRow> Ranked);

public sealed record LineView(ScoreLine Line, ScoringCriterion Criterion, IReadOnlyList<EvidenceRow> Evidence);

public sealed record EvidenceRow(int Id, int LineId, string FileName, long Size, string UploadedBy, DateTime UploadedAtUtc);

public sealed record TrendPoint(int Year, double? Total, string? Grade);

public sealed record SheetView(ScoreSheet Sheet, ScoringRound Round, ScoringFramework Framework, OrgUnit Unit, IReadOnlyList<LineView> Lines,
    DateOnly? ObjectionDue, IReadOnlyList<TrendPoint> Trend);

public sealed record ProposalRow(int Id, string TitleName, string Form, int UnitId, string UnitName, string? PersonName, string? PersonPosition, string Achievements,
    string? Grade, double? Total, string ProposedBy, DateTime ProposedAtUtc);

public sealed record WhatIf(int OpenTasks, int NotYetDue, double Total, string Grade, IReadOnlyList<(string Code, double Now, double Then)> Changes);

/// <summary>What the scoring pages and API read: rounds with their progress, a sheet whole, lists, the ranking.</summary>
public sealed class ScoringQueries(AppDbContext db, MeasureRegistry measures, TimeProvider clock)
{
    /// <summary>Rounds of the user's province (all for the administrator), newest first, with their progress in one grouped query.</summary>
    public async Task<List<RoundRow>> RoundsAsync(UserScope user, CancellationToken ct)
    {
        var provincePrefix = user.IsAdmin ? "/" : UserScope.ProvincePrefix(user.UnitAncestorPath, user.UnitId);
        var ids = UnitPaths.Ancestors(provincePrefix);
        var provinceId = ids.Length >= 2 ? ids[1] : (int?)null;
        var rounds = await (from r in db.ScoringRounds.AsNoTracking()
                            join f in db.ScoringFrameworks.AsNoTracking() on r.FrameworkId equals f.Id
                            join p in db.OrgUnits.AsNoTracking() on r.ProvinceUnitId equals p.Id
                            where user.IsAdmin || r.ProvinceUnitId == provinceId
                            orderby r.Year descending, r.Id descending
                            select new { r, f.Name, Province = p.Name }).Take(200).ToListAsync(ct);
        var roundIds = rounds.Select(x => x.r.Id).ToList();
        var counts = await db.ScoreSheets.AsNoTracking().Where(s => roundIds.Contains(s.RoundId))
            .GroupBy(s => new { s.RoundId, s.State, Sent = s.SubmittedAtUtc != null }).Select(g => new { g.Key.RoundId, g.Key.State, g.Key.Sent, N = g.Count() }).ToListAsync(ct);
        int N(int id, params SheetState[] states) => counts.Where(c => c.RoundId == id && states.Contains(c.State)).Sum(c => c.N);
        return rounds.Select(x => new RoundRow(x.r, x.Name, x.Province, N(x.r.Id, Enum.GetValues<SheetState>()),
            counts.Where(c => c.RoundId == x.r.Id && c.Sent).Sum(c => c.N),
            N(x.r.Id, SheetState.Appraised, SheetState.Objected) + counts.Where(c => c.RoundId == x.r.Id && c.Sent && c.State == SheetState.Final).Sum(c => c.N),
            N(x.r.Id, SheetState.Objected), N(x.r.Id, SheetState.Final))).ToList();
    }

    public async Task<(ScoringRound Round, OrgUnit Province, ScoringFramework Framework)?> RoundAsync(UserScope user, int id, CancellationToken ct)
    {
        var round = await db.ScoringRounds.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct);
        if (round is null)
        {
            return null;
        }

        var province = await db.OrgUnits.AsNoTracking().SingleAsync(u => u.Id == round.ProvinceUnitId, ct);
        if (!ScoringAccessRules.CanReadRanking(user, province.AncestorPath, province.Id, true))
        {
            return null;
        }

        var framework = await db.ScoringFrameworks.AsNoTracking().Include(f => f.Criteria).SingleAsync(f => f.Id == round.FrameworkId, ct);
        return (round, province, framework);
    }

    /// <summary>The round's sheets: search by unit name without diacritics, filter by group and state, sorted in the database, paged.</summary>
    public Task<PagedList<SheetRow>> SheetsAsync(int roundId, string? q, RankGroup? group, SheetState? state, string? sort, int? page, int? size, CancellationToken ct)
    {
        var query = from s in db.ScoreSheets.AsNoTracking()
                    join u in db.OrgUnits.AsNoTracking() on s.UnitId equals u.Id
                    where s.RoundId == roundId
                    select new { s, u.Name, u.SearchText, u.Code };
        if (!string.IsNullOrWhiteSpace(q))
        {
            var folded = VietnameseText.Fold(q);
            query = query.Where(x => x.SearchText.Contains(folded));
        }

        if (group is { } g)
        {
            query = query.Where(x => x.s.Group == g);
        }

        if (state is { } st)
        {
            query = query.Where(x => x.s.State == st);
        }

        query = sort switch
        {
            "total" => query.OrderByDescending(x => x.s.FinalTotal ?? x.s.AppraisedTotal ?? x.s.SelfTotal).ThenBy(x => x.Code),
            "state" => query.OrderBy(x => x.s.State).ThenBy(x => x.Code),
            "submitted" => query.OrderByDescending(x => x.s.SubmittedAtUtc).ThenBy(x => x.Code),
            _ => query.OrderBy(x => x.s.Group).ThenBy(x => x.Code),
        };
        return query.ToPagedListAsync(x => x.Select(r => new SheetRow(r.s.Id, r.s.UnitId, r.Name, r.s.Group, r.s.State, r.s.SelfTotal, r.s.AppraisedTotal, r.s.FinalTotal,
            r.s.Grade, r.s.Disqualified, r.s.SubmittedAtUtc)), page, size, ct);
    }

    /// <summary>
    /// The ranking by group: published results, or (for the coordinator and reviewer before publication) the current
    /// totals — appraised where appraised, else the unit's own. Ties share a rank. Unranked units come last.
    /// </summary>
    public async Task<List<RankRow>> RankingAsync(int roundId, CancellationToken ct)
    {
        var rows = await (from s in db.ScoreSheets.AsNoTracking()
                          join u in db.OrgUnits.AsNoTracking() on s.UnitId equals u.Id
                          where s.RoundId == roundId
                          select new { s.Id, s.UnitId, u.Name, u.Code, s.Group, s.State, Total = s.FinalTotal ?? s.AppraisedTotal ?? (s.SubmittedAtUtc != null ? s.SelfTotal : (double?)null), s.Grade, s.Disqualified, s.SubmittedAtUtc })
            .ToListAsync(ct);
        var result = new List<RankRow>();
        foreach (var g in rows.GroupBy(r => r.Group).OrderBy(g => g.Key))
        {
            var ranked = g.Where(r => r.Total is not null && !r.Disqualified).OrderByDescending(r => r.Total).ThenBy(r => r.Code, StringComparer.Ordinal).ToList();
            for (var i = 0; i < ranked.Count; i++)
            {
                var rank = i > 0 && Math.Abs(ranked[i].Total!.Value - ranked[i - 1].Total!.Value) < 1e-9 ? result[^1].Rank : i + 1;
                var r = ranked[i];
                result.Add(new RankRow(rank, r.Id, r.UnitId, r.Name, r.Group, r.Total, r.Grade ?? "", true));
            }

            result.AddRange(g.Where(r => r.Total is null || r.Disqualified).OrderBy(r => r.Code, StringComparer.Ordinal)
                .Select(r => new RankRow(0, r.Id, r.UnitId, r.Name, r.Group, r.Disqualified ? r.Total : null, r.SubmittedAtUtc is null ? "Không nộp hồ sơ" : ScoringRules.NotRanked, r.SubmittedAtUtc is not null)));
        }

        return result;
    }

    /// <summary>
    /// Toàn quốc: every province's round of a year that the user may read (all for the administrator; a province's
    /// coordinator and reviewer their own; others their province once published), with progress and grades in one
    /// grouped query, and the units of one group ranked across those provinces by their final totals (published rounds
    /// only), a page at a time. Ties share a rank: a page's first rank is counted in the database, the others follow.
    /// </summary>
    public async Task<NationalView> NationalAsync(UserScope user, int? year, RankGroup group, int? page, CancellationToken ct)
    {
        var all = await (from r in db.ScoringRounds.AsNoTracking()
                         join p in db.OrgUnits.AsNoTracking() on r.ProvinceUnitId equals p.Id
                         select new { r.Id, r.Year, r.State, ProvinceId = p.Id, p.Name, p.Code, p.AncestorPath }).ToListAsync(ct);
        var readable = all.Where(r => ScoringAccessRules.CanReadRanking(user, r.AncestorPath, r.ProvinceId, r.State == RoundState.Published)).ToList();
        var years = readable.Select(r => r.Year).Distinct().OrderDescending().ToList();
        var chosen = year is { } y && years.Contains(y) ? y
            : readable.Where(r => r.State == RoundState.Published).Select(r => r.Year).DefaultIfEmpty(years.FirstOrDefault()).Max();
        var rounds = readable.Where(r => r.Year == chosen).OrderBy(r => r.Code, StringComparer.Ordinal).ToList();
        var ids = rounds.Select(r => r.Id).ToList();
        var counts = await db.ScoreSheets.AsNoTracking().Where(s => ids.Contains(s.RoundId))
            .GroupBy(s => new { s.RoundId, s.Grade, Sent = s.SubmittedAtUtc != null })
            .Select(g => new { g.Key.RoundId, g.Key.Grade, g.Key.Sent, N = g.Count(), Ranked = g.Count(s => s.FinalTotal != null && !s.Disqualified), Sum = g.Sum(s => s.Disqualified ? 0 : s.FinalTotal ?? 0) })
            .ToListAsync(ct);
        var provinces = rounds.Select(r =>
        {
            var mine = counts.Where(c => c.RoundId == r.Id).ToList();
            var ranked = mine.Sum(c => c.Ranked);
            return new ProvinceResult(r.Id, r.ProvinceId, r.Name, r.State, mine.Sum(c => c.N), mine.Where(c => c.Sent).Sum(c => c.N), ranked,
                ranked == 0 ? null : Math.Round(mine.Sum(c => c.Sum) / ranked, 1),
                mine.Where(c => c.Grade is not null).GroupBy(c => c.Grade!).ToDictionary(g => g.Key, g => g.Sum(c => c.N), StringComparer.Ordinal));
        }).ToList();

        // Grades are the frameworks' bands (data): best first by the average total of the units that got them.
        var grades = counts.Where(c => c.Grade is not null).GroupBy(c => c.Grade!)
            .OrderByDescending(g => g.Sum(c => c.Ranked) == 0 ? -1 : g.Sum(c => c.Sum) / g.Sum(c => c.Ranked)).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.Key).ToList();
        var published = rounds.Where(r => r.State == RoundState.Published).Select(r => r.Id).ToList();
        var names = rounds.ToDictionary(r => r.Id, r => r.Name);
        var query = from s in db.ScoreSheets.AsNoTracking()
                    join u in db.OrgUnits.AsNoTracking() on s.UnitId equals u.Id
                    where published.Contains(s.RoundId) && s.Group == @group && s.FinalTotal != null && !s.Disqualified
                    select new { s.Id, s.RoundId, u.Name, u.Code, Total = s.FinalTotal!.Value, s.Grade };
        var size = 50;
        var total = await query.CountAsync(ct);
        var current = Math.Min(PagedList<NationalRankRow>.ClampPage(page), Math.Max(1, (total + size - 1) / size));
        var rows = await query.OrderByDescending(x => x.Total).ThenBy(x => x.Code).Skip((current - 1) * size).Take(size).ToListAsync(ct);
        var ranked = new List<NationalRankRow>(rows.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            var x = rows[i];
            var rank = i == 0
                ? 1 + (current == 1 ? 0 : await query.CountAsync(o => o.Total > x.Total, ct))
                : x.Total < rows[i - 1].Total ? (current - 1) * size + i + 1 : ranked[^1].Rank;
            ranked.Add(new NationalRankRow(rank, x.Id, x.Name, names[x.RoundId], x.Total, x.Grade));
        }

        return new NationalView(chosen, group, years, provinces, grades, new PagedList<NationalRankRow>(ranked, current, size, total));
    }

    public async Task<SheetView?> SheetAsync(UserScope user, int id, CancellationToken ct)
    {
        var sheet = await db.ScoreSheets.AsNoTracking().Include(s => s.Lines).FirstOrDefaultAsync(s => s.Id == id, ct);
        if (sheet is null)
        {
            return null;
        }

        var unit = await db.OrgUnits.AsNoTracking().SingleAsync(u => u.Id == sheet.UnitId, ct);
        if (!ScoringAccessRules.CanReadSheet(user, unit.AncestorPath, unit.Id))
        {
            return null;
        }

        var round = await db.ScoringRounds.AsNoTracking().SingleAsync(r => r.Id == sheet.RoundId, ct);
        var framework = await db.ScoringFrameworks.AsNoTracking().Include(f => f.Criteria).SingleAsync(f => f.Id == round.FrameworkId, ct);
        var evidence = await db.ScoreEvidence.AsNoTracking().Where(e => e.SheetId == id)
            .Select(e => new EvidenceRow(e.Id, e.LineId, e.FileName, e.Size, e.UploadedBy, e.UploadedAtUtc)).ToListAsync(ct);
        var criteria = framework.Criteria.ToDictionary(c => c.Id);
        var lines = sheet.Lines.Select(l => new LineView(l, criteria[l.CriterionId], evidence.Where(e => e.LineId == l.Id).ToList()))
            .OrderBy(l => l.Criterion.SortOrder).ToList();
        DateOnly? objectionDue = sheet.AppraisedAtUtc is { } at ? ScoringRules.ObjectionDue(round, DateOnly.FromDateTime(VietnamClock.ToLocal(at))) : null;
        var trend = await (from s in db.ScoreSheets.AsNoTracking()
                           join r in db.ScoringRounds.AsNoTracking() on s.RoundId equals r.Id
                           where s.UnitId == sheet.UnitId
                           orderby r.Year
                           select new TrendPoint(r.Year, s.FinalTotal ?? s.AppraisedTotal ?? s.SelfTotal, s.Grade)).Take(20).ToListAsync(ct);
        return new SheetView(sheet, round, framework, unit, lines, objectionDue, trend);
    }

    /// <summary>The records behind a measured line (the click on a figure), for someone who may read the sheet.</summary>
    public async Task<(string Title, IReadOnlyList<MeasureRecord> Records)?> RecordsAsync(UserScope user, int sheetId, int lineId, CancellationToken ct)
    {
        var view = await SheetAsync(user, sheetId, ct);
        var line = view?.Lines.FirstOrDefault(l => l.Line.Id == lineId);
        if (view is null || line is null || line.Criterion.MeasureCode is null)
        {
            return null;
        }

        var c = line.Criterion;
        var code = c.DenominatorCode ?? c.MeasureCode;
        var records = await measures.RecordsAsync(code, view.Sheet.UnitId, view.Round.PeriodFrom, view.Round.PeriodTo, 100, ct);
        var title = measures.Find(code)?.Name ?? code;
        return (title, records);
    }

    /// <summary>The round's commendation proposals with the units' results, in the order they were made.</summary>
    public Task<List<ProposalRow>> ProposalsAsync(int roundId, CancellationToken ct) =>
        (from p in db.CommendationProposals.AsNoTracking()
         join t in db.CommendationTitles.AsNoTracking() on p.TitleId equals t.Id
         join u in db.OrgUnits.AsNoTracking() on p.UnitId equals u.Id
         join s in db.ScoreSheets.AsNoTracking() on new { p.RoundId, p.UnitId } equals new { s.RoundId, s.UnitId }
         where p.RoundId == roundId
         orderby t.Id, p.Id
         select new ProposalRow(p.Id, t.Name, t.Form, p.UnitId, u.Name, p.PersonName, p.PersonPosition, p.Achievements, s.Grade, s.FinalTotal, p.ProposedBy, p.ProposedAtUtc))
        .ToListAsync(ct);

    /// <summary>Commendation titles in force on the day, with the proposals of the round already counted against each quota.</summary>
    public async Task<List<(CommendationTitle Title, int Collectives, int Individuals)>> TitlesAsync(int roundId, DateOnly on, CancellationToken ct)
    {
        var titles = (await db.CommendationTitles.AsNoTracking().OrderBy(t => t.Id).ToListAsync(ct))
            .Where(t => Domain.Models.ModelCatalog.InForce(t.ValidFrom, t.ValidTo, on)).ToList();
        var used = await db.CommendationProposals.AsNoTracking().Where(p => p.RoundId == roundId)
            .GroupBy(p => new { p.TitleId, Person = p.PersonName != null }).Select(g => new { g.Key.TitleId, g.Key.Person, N = g.Count() }).ToListAsync(ct);
        return titles.Select(t => (t, used.Where(u => u.TitleId == t.Id && !u.Person).Sum(u => u.N), used.Where(u => u.TitleId == t.Id && u.Person).Sum(u => u.N))).ToList();
    }

    /// <summary>
    /// Tóm tắt thành tích pulled from the records: the unit's result and rank, then each measured line of its sheet
    /// with the figure behind it, then the “Dân vận khéo” models recognised in the year by name.
    /// </summary>
    public async Task<string> AchievementsAsync(int roundId, int unitId, CancellationToken ct)
    {
        var sheet = await db.ScoreSheets.AsNoTracking().Include(s => s.Lines).FirstOrDefaultAsync(s => s.RoundId == roundId && s.UnitId == unitId, ct);
        if (sheet is null)
        {
            return "";
        }

        var round = await db.ScoringRounds.AsNoTracking().SingleAsync(r => r.Id == roundId, ct);
        var framework = await db.ScoringFrameworks.AsNoTracking().Include(f => f.Criteria).SingleAsync(f => f.Id == round.FrameworkId, ct);
        var rank = (await RankingAsync(roundId, ct)).FirstOrDefault(r => r.UnitId == unitId);
        var parts = new List<string>();
        var total = sheet.FinalTotal ?? sheet.AppraisedTotal ?? sheet.SelfTotal;
        parts.Add($"Năm {round.Year}, đơn vị được đánh giá, xếp loại công tác dân vận chính quyền “{sheet.Grade}” với {ScoringRules.FormatNumber(total)} điểm"
            + (rank is { Rank: > 0 } ? $", xếp thứ {rank.Rank} trong nhóm {ScoringRules.Label(sheet.Group).ToLower(VietnameseText.Culture)}." : "."));
        var criteria = framework.Criteria.ToDictionary(c => c.Id);
        foreach (var line in sheet.Lines.Select(l => (Line: l, C: criteria[l.CriterionId])).Where(x => x.C.Method == ScoringMethod.Measured && x.Line.MeasuredValue is not null)
                     .OrderBy(x => x.C.SortOrder))
        {
            var value = line.C.DenominatorCode is null ? ScoringRules.FormatNumber(line.Line.MeasuredValue!.Value) : ScoringRules.FormatNumber(line.Line.MeasuredValue!.Value) + "%";
            parts.Add($"{line.C.Name}: {value}.");
        }

        var models = await measures.RecordsAsync(Models.ModelMeasures.Recognised, unitId, round.PeriodFrom, new DateOnly(round.Year, 12, 31), 10, ct);
        if (models.Count > 0)
        {
            parts.Add("Mô hình “Dân vận khéo” được công nhận: " + string.Join("; ", models.Select(m => m.Label)) + ".");
        }

        return string.Join(" ", parts);
    }

    /// <summary>
    /// Nếu hoàn thành nhiệm vụ còn lại: the task lines scored again as if every open deadline of the period were done now
    /// (on time for those not yet due, late for the overdue), the rest unchanged.
    /// </summary>
    public async Task<WhatIf> WhatIfAsync(SheetView view, CancellationToken ct)
    {
        var today = VietnamClock.Today(clock);
        var open = await db.WorkItemDeadlines.AsNoTracking()
            .Where(d => d.LeadUnitId == view.Sheet.UnitId && d.DueOn >= view.Round.PeriodFrom && d.DueOn <= view.Round.PeriodTo && d.CompletedOn == null)
            .GroupBy(d => 1).Select(g => new { All = g.Count(), NotYetDue = g.Count(d => d.DueOn >= today) }).FirstOrDefaultAsync(ct);
        var all = open?.All ?? 0;
        var notYetDue = open?.NotYetDue ?? 0;
        var changes = new List<(string, double, double)>();
        var points = new List<(ScoringCriterion, double?)>();
        var unitIds = new[] { view.Sheet.UnitId };
        foreach (var l in view.Lines)
        {
            var c = l.Criterion;
            double? p = l.Line.Points;
            if (all > 0 && c.Method == ScoringMethod.Measured && c.MeasureCode is "nhiem-vu-hoan-thanh" or "nhiem-vu-dung-han" && c.DenominatorCode == "nhiem-vu-den-han")
            {
                var num = (await measures.ComputeAsync(c.MeasureCode, unitIds, view.Round.PeriodFrom, view.Round.PeriodTo, ct))[view.Sheet.UnitId].Value;
                var den = (await measures.ComputeAsync(c.DenominatorCode, unitIds, view.Round.PeriodFrom, view.Round.PeriodTo, ct))[view.Sheet.UnitId].Value;
                var then = ScoringRules.Measure(c, num + (c.MeasureCode == "nhiem-vu-hoan-thanh" ? all : notYetDue), den).Points;
                if (Math.Abs(then - (p ?? 0)) > 1e-9)
                {
                    changes.Add((c.Code, p ?? 0, then));
                }

                p = then;
            }

            points.Add((c, p));
        }

        var totals = ScoringRules.Total(view.Framework, points);
        return new WhatIf(all, notYetDue, totals.Total, totals.Grade, changes);
    }
}

/// <summary>Scoring in the digest and on home pages: a sheet still to submit by its deadline, an appraisal one may object to.</summary>
public sealed class ScoringFollowUp(AppDbContext db) : IFollowUpSource
{
    public async Task<IReadOnlyList<FollowUpItem>> OpenAsync(DateOnly horizon, IReadOnlyCollection<int>? unitIds, CancellationToken ct)
    {
        var query = from s in db.ScoreSheets.AsNoTracking()
                    join r in db.ScoringRounds.AsNoTracking() on s.RoundId equals r.Id
                    join u in db.OrgUnits.AsNoTracking() on s.UnitId equals u.Id
                    where r.State == RoundState.Open && s.State == SheetState.Draft && r.SelfDue <= horizon
                    select new { s.Id, s.UnitId, u.Name, r.Year, r.SelfDue };
        if (unitIds is not null)
        {
            var ids = unitIds.ToList();
            query = query.Where(x => ids.Contains(x.UnitId));
        }

        var rows = await query.OrderBy(x => x.SelfDue).Take(unitIds is null ? int.MaxValue : 500).ToListAsync(ct);
        return rows.Select(r => new FollowUpItem($"Nộp hồ sơ tự đánh giá, chấm điểm công tác dân vận chính quyền năm {r.Year}", r.UnitId, r.Name, r.SelfDue,
            $"/Scoring/Sheet/{r.Id}")).ToList();
    }
}
