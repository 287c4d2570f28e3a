using DanVan.Data;
using DanVan.Domain.Access;
using DanVan.Domain.Reports;
using DanVan.Domain.Units;
using DanVan.Features.Calendar;
using DanVan.Features.Reports;
using DanVan.Infrastructure;
using DanVan.Testing;
using DanVan.Tests.Support;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Tests.Features.Reports;

/// <summary>The report cycle on the seeded province (Tây Ninh), on each engine: open, fill, submit, return, resubmit, accept, roll up.</summary>
public class ReportCommandsTests(SeededDatabaseFixture fx) : IClassFixture<SeededDatabaseFixture>
{
    private static readonly FakeClock Clock = new(new DateTimeOffset(2026, 6, 10, 2, 0, 0, TimeSpan.Zero));

    private static ReportCommands Commands(AppDbContext db) => new(db, new CalendarCommands(db), TestMeasures.All(db), Clock);

    private async Task<(ReportPeriod Period, Dictionary<string, int> Indicators)> OpenAsync(ReportPeriodKind kind, int year)
    {
        await using var db = fx.Context("dieuphoi");
        var regime = await db.ReportRegimes.SingleAsync(r => r.Code == DefaultRegime.Code);
        var rule = await db.ReportDueRules.AnyAsync(r => r.RegimeId == regime.Id && r.Kind == kind);
        if (!rule)
        {
            db.ReportDueRules.Add(new ReportDueRule { RegimeId = regime.Id, Kind = kind, DueDay = 20, DueMonth = kind == ReportPeriodKind.Quarter1 ? 3 : 9, CutoffDay = 19, CutoffMonth = kind == ReportPeriodKind.Quarter1 ? 3 : 9 });
            await db.SaveChangesAsync();
        }

        // Periods whose regime due date has passed on the test's clock (10/6/2026) are opened with a due date of their own.
        var dueOn = year < 2026 || kind == ReportPeriodKind.Quarter1 ? new DateOnly(2026, 7, 10) : (DateOnly?)null;
        var opened = await Commands(db).OpenAsync(await fx.ScopeOfAsync("dieuphoi"), new OpenPeriodCommand(regime.Id, kind, year, DueOn: dueOn));
        requiredSections = await db.ReportSections.Where(x => x.RegimeId == regime.Id && x.IsRequired).Select(x => x.Id).ToListAsync();
        Assert.True(opened.IsOk, string.Join("; ", opened.Errors.SelectMany(e => e.Value)));
        var indicators = await db.ReportIndicators.Where(i => i.RegimeId == regime.Id).ToDictionaryAsync(i => i.Code, i => i.Id);
        return (opened.Value!, indicators);
    }

    private async Task<ReportSubmission> SlotAsync(int periodId, string unitCode)
    {
        await using var db = fx.Context();
        var unitId = await fx.UnitIdAsync(unitCode);
        return await db.ReportSubmissions.AsNoTracking().SingleAsync(s => s.PeriodId == periodId && s.UnitId == unitId);
    }

    private List<int> requiredSections = [];

    /// <summary>A save; a submission also carries the default regime's required figures (0 unless given) and parts.</summary>
    private SaveReportCommand Save(ReportSubmission slot, Dictionary<string, int> ids, Dictionary<string, string?> values, bool submit = false,
        Dictionary<string, string?>? reasons = null, Dictionary<int, string?>? narrative = null)
    {
        values = new Dictionary<string, string?>(values);
        narrative = new Dictionary<int, string?>(narrative ?? []);
        reasons = new Dictionary<string, string?>(reasons ?? []);
        foreach (var code in values.Keys.Where(k => k.StartsWith("DT_", StringComparison.Ordinal)))
        {
            // The dialogue figures are pre-filled from DanVan's dialogues (0020): these are typed in as held outside it.
            reasons.TryAdd(code, "Đối thoại tổ chức trước khi dùng DanVan (dữ liệu thử).");
        }

        if (submit)
        {
            foreach (var code in new[] { "TCD_DINHKY", "DON_NHAN", "DT_CUOC" })
            {
                values.TryAdd(code, "0");
            }

            foreach (var id in requiredSections)
            {
                narrative.TryAdd(id, "Nội dung bắt buộc.");
            }
        }

        // The figures DanVan counts (measures of cases, reception…): one typed here comes from a paper register, which a unit
        // must say; a reason given for a figure equal to DanVan's is dropped.
        reasons = new Dictionary<string, string?>(reasons ?? []);
        foreach (var (code, reason) in TestMeasures.PaperReasons(values.Where(v => v.Value is not null && ids.ContainsKey(v.Key)).Select(v => v.Key)))
        {
            reasons.TryAdd(code, reason);
        }

        return new(slot.Id, slot.ConcurrencyStamp, values.ToDictionary(kv => ids[kv.Key], kv => kv.Value), reasons.Where(kv => ids.ContainsKey(kv.Key)).ToDictionary(kv => ids[kv.Key], kv => kv.Value),
            narrative, submit);
    }

    [Fact]
    public async Task Opening_a_period_gives_every_obligated_unit_a_slot_with_task_figures_prefilled()
    {
        var (period, ids) = await OpenAsync(ReportPeriodKind.FirstHalf, 2026);
        Assert.Equal(new DateOnly(2026, 6, 15), period.DueOn); // 15/6/2026 is a Monday
        await using var db = fx.Context();
        var province = await fx.UnitIdAsync("80");
        var expected = await db.OrgUnits.CountAsync(u => u.AncestorPath.StartsWith("/") && u.ValidTo == null
            && (u.ParentId == province || u.AncestorPath.Contains("/" + province + "/"))
            && (u.Kind == OrgUnitKind.Department || u.Kind == OrgUnitKind.Inspectorate || u.Kind == OrgUnitKind.PublicServiceUnit
                || u.Kind == OrgUnitKind.Commune || u.Kind == OrgUnitKind.Ward || u.Kind == OrgUnitKind.SpecialZone));
        Assert.Equal(expected, await db.ReportSubmissions.CountAsync(s => s.PeriodId == period.Id));
        Assert.True(expected > 90);

        var slot = await SlotAsync(period.Id, "80.STP"); // the demo plan gives Sở Tư pháp a half-yearly report task
        var due = await db.ReportValues.SingleAsync(v => v.SubmissionId == slot.Id && v.IndicatorId == ids["NV_DENHAN"]);
        Assert.Equal(ValueSource.Prefilled, due.Source);
        Assert.Contains("Theo dõi trên DanVan", due.Provenance, StringComparison.Ordinal);

        await using var again = fx.Context("dieuphoi");
        var twice = await Commands(again).OpenAsync(await fx.ScopeOfAsync("dieuphoi"), new OpenPeriodCommand(period.RegimeId, ReportPeriodKind.FirstHalf, 2026));
        Assert.Contains("đã được mở", twice.Errors.Values.Single().Single(), StringComparison.Ordinal);
        var reviewer = await Commands(again).OpenAsync(await fx.ScopeOfAsync("thamdinh"), new OpenPeriodCommand(period.RegimeId, ReportPeriodKind.Year, 2026));
        Assert.Equal(ResultStatus.Forbidden, reviewer.Status);
    }

    [Fact]
    public async Task Bad_figures_are_refused_with_reasons_and_nothing_is_saved()
    {
        var (period, ids) = await OpenAsync(ReportPeriodKind.Year, 2025);
        var slot = await SlotAsync(period.Id, "25459");
        var officer = await fx.ScopeOfAsync("canbo");
        await using var db = fx.Context("canbo");
        var result = await Commands(db).SaveAsync(officer, Save(slot, ids, new()
        {
            ["DON_NHAN"] = "5", ["DON_TQ"] = "7", ["DT_CUOC"] = "-2", ["TT_CUOC"] = "ba", ["SIPAS"] = "120", ["NV_DENHAN"] = "4",
        }));
        var errors = result.Errors.SelectMany(e => e.Value).ToList();
        Assert.Contains(errors, e => e.Contains("không thể lớn hơn “Đơn khiếu nại, tố cáo, kiến nghị, phản ánh tiếp nhận” (5)", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("không thể là số âm", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("“ba” không phải là số", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("không thể lớn hơn 100", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("nhập lý do", StringComparison.Ordinal)); // a pre-filled figure changed without a reason
        await using var check = fx.Context();
        Assert.False(await check.ReportValues.AnyAsync(v => v.SubmissionId == slot.Id && v.Source != ValueSource.Prefilled));

        var fixedUp = await Commands(db).SaveAsync(officer, Save(slot, ids, new() { ["DON_NHAN"] = "1.234", ["DON_TQ"] = "7", ["NV_DENHAN"] = "4" },
            reasons: new() { ["NV_DENHAN"] = "Có 4 nhiệm vụ giao bằng văn bản giấy, chưa nhập DanVan" }));
        Assert.True(fixedUp.IsOk);
        var stored = await check.ReportValues.Where(v => v.SubmissionId == slot.Id).ToDictionaryAsync(v => v.IndicatorId);
        Assert.Equal(1234, stored[ids["DON_NHAN"]].Value);
        Assert.Equal(ValueSource.Overridden, stored[ids["NV_DENHAN"]].Source);
        Assert.Equal("Có 4 nhiệm vụ giao bằng văn bản giấy, chưa nhập DanVan", stored[ids["NV_DENHAN"]].OverrideReason);
    }

    [Fact]
    public async Task Submit_return_resubmit_accept_keeps_every_version_and_two_savers_cannot_both_win()
    {
        var (period, ids) = await OpenAsync(ReportPeriodKind.Quarter1, 2026);
        var slot = await SlotAsync(period.Id, "25459");
        var officer = await fx.ScopeOfAsync("canbo");
        var coordinator = await fx.ScopeOfAsync("dieuphoi");

        // Two people save from the same page: the second is refused, the first one's figures stand.
        await using (var a = fx.Context("canbo"))
        await using (var b = fx.Context("canbo"))
        {
            Assert.True((await Commands(a).SaveAsync(officer, Save(slot, ids, new() { ["DT_CUOC"] = "2" }))).IsOk);
            var second = await Commands(b).SaveAsync(officer, Save(slot, ids, new() { ["DT_CUOC"] = "9" }));
            Assert.Contains("vừa được người khác cập nhật", second.Errors.Values.Single().Single(), StringComparison.Ordinal);
        }

        slot = await SlotAsync(period.Id, "25459");
        await using var db = fx.Context("canbo");
        var submitted = await Commands(db).SaveAsync(officer, Save(slot, ids, new() { ["DT_CUOC"] = "2", ["DT_YKIEN"] = "13", ["DT_GQ"] = "9" }, submit: true));
        Assert.True(submitted.IsOk);
        Assert.Equal((SubmissionStatus.Submitted, 1), (submitted.Value!.Status, submitted.Value.Version));
        slot = await SlotAsync(period.Id, "25459");
        var again = await Commands(db).SaveAsync(officer, Save(slot, ids, new() { ["DT_CUOC"] = "3" }, submit: true));
        Assert.Contains("chờ tiếp nhận", again.Errors.Values.Single().Single(), StringComparison.Ordinal);

        await using var cdb = fx.Context("dieuphoi");
        Assert.Equal(ResultStatus.Forbidden, (await Commands(cdb).DecideAsync(officer, slot.Id, true, null, slot.ConcurrencyStamp)).Status);
        var noReason = await Commands(cdb).DecideAsync(coordinator, slot.Id, false, " ", slot.ConcurrencyStamp);
        Assert.Contains("lý do trả lại", noReason.Errors.Values.Single().Single(), StringComparison.Ordinal);
        Assert.True((await Commands(cdb).DecideAsync(coordinator, slot.Id, false, "Thiếu số ý kiến đã giải quyết sau đối thoại tháng 3", slot.ConcurrencyStamp)).IsOk);

        slot = await SlotAsync(period.Id, "25459");
        Assert.Equal(SubmissionStatus.Returned, slot.Status);
        await using var db2 = fx.Context("canbo");
        Assert.True((await Commands(db2).SaveAsync(officer, Save(slot, ids, new() { ["DT_CUOC"] = "2", ["DT_YKIEN"] = "13", ["DT_GQ"] = "11" }, submit: true))).IsOk);
        slot = await SlotAsync(period.Id, "25459");
        await using var cdb2 = fx.Context("dieuphoi");
        Assert.True((await Commands(cdb2).DecideAsync(coordinator, slot.Id, true, null, slot.ConcurrencyStamp)).IsOk);

        await using var check = fx.Context();
        var versions = await check.ReportVersions.Where(v => v.SubmissionId == slot.Id).OrderBy(v => v.Version).ToListAsync();
        Assert.Equal([(1, SubmissionStatus.Returned), (2, SubmissionStatus.Accepted)], versions.Select(v => (v.Version, v.Decision!.Value)));
        Assert.Contains("\"DT_GQ\":9", versions[0].ValuesJson, StringComparison.Ordinal);
        Assert.Contains("\"DT_GQ\":11", versions[1].ValuesJson, StringComparison.Ordinal);
        Assert.Equal(11, (await check.ReportValues.SingleAsync(v => v.SubmissionId == slot.Id && v.IndicatorId == ids["DT_GQ"])).Value);
    }

    [Fact]
    public async Task Roll_up_sums_children_computes_rates_from_sums_lists_the_missing_and_the_outputs_reopen()
    {
        var (period, ids) = await OpenAsync(ReportPeriodKind.Quarter3, 2026);
        var coordinator = await fx.ScopeOfAsync("dieuphoi");
        async Task SubmitAsync(string unit, Dictionary<string, string?> values)
        {
            var slot = await SlotAsync(period.Id, unit);
            await using var db = fx.Context("dieuphoi");
            var r = await Commands(db).SaveAsync(coordinator, Save(slot, ids, values, submit: true, narrative: new() { [await SectionAsync("II.6")] = $"Đối thoại ở {unit}." }));
            Assert.True(r.IsOk, string.Join("; ", r.Errors.SelectMany(e => e.Value)));
        }

        await SubmitAsync("25459", new() { ["DON_GQ"] = null, ["DON_NHAN"] = "10", ["DON_TQ"] = "10", ["DON_DUNGHAN"] = null, ["SIPAS"] = "90" });
        await SubmitAsync("80.STP", new() { ["DON_NHAN"] = "90", ["DON_TQ"] = "60", ["SIPAS"] = "80" });
        var gq = new Dictionary<string, string?> { ["DON_NHAN"] = "30", ["DON_TQ"] = "20", ["DON_GQ"] = "20", ["DON_DUNGHAN"] = "15" };
        await SubmitAsync("80.TTR", gq);

        await using var qdb = fx.Context();
        var queries = new ReportQueries(qdb, Clock);
        var province = await qdb.OrgUnits.SingleAsync(u => u.Code == "80");
        var stored = await qdb.ReportPeriods.SingleAsync(p => p.Id == period.Id);
        var rollup = await queries.RollupAsync(stored, province, CancellationToken.None);
        Assert.Equal(3, rollup.Reports);
        Assert.Equal(130m, rollup.Totals[ids["DON_NHAN"]]);
        Assert.Equal(90m, rollup.Totals[ids["DON_TQ"]]);
        Assert.Equal(85m, rollup.Totals[ids["SIPAS"]]); // an average
        Assert.Equal(75m, rollup.Totals[ids["DON_TYLE"]]); // 15 of 20, from the sums
        Assert.Contains(rollup.Children, c => c.Name.StartsWith("Thanh tra tỉnh", StringComparison.Ordinal) && c.Values[ids["DON_NHAN"]] == 30m);
        Assert.Contains(rollup.Missing, m => m.UnitName.StartsWith("Sở Tài chính", StringComparison.Ordinal));
        Assert.DoesNotContain(rollup.Missing, m => m.UnitName.StartsWith("Thanh tra tỉnh", StringComparison.Ordinal));

        var outputs = new ReportOutputs(qdb);
        using (var docx = new MemoryStream())
        {
            ReportOutputs.WriteDocx(docx, rollup, await outputs.NarrativesAsync(rollup, CancellationToken.None), "Sở Nội vụ", "Ủy ban nhân dân tỉnh Tây Ninh", "Tây Ninh", new DateOnly(2026, 10, 1));
            Nd30Layout.AssertValid(docx.ToArray());
            docx.Position = 0;
            using var word = WordprocessingDocument.Open(docx, false);
            var text = word.MainDocumentPart!.Document.Body!.InnerText;
            Assert.Contains("BÁO CÁO", text, StringComparison.Ordinal);
            Assert.Contains("quý iii năm 2026", text, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("Đối thoại ở 80.TTR.", text, StringComparison.Ordinal);
            Assert.Contains("Đơn khiếu nại, tố cáo, kiến nghị, phản ánh tiếp nhậnđơn130", text, StringComparison.Ordinal); // the figures table row
            var lines = word.MainDocumentPart.Document.Body.Descendants<DocumentFormat.OpenXml.Wordprocessing.Paragraph>().Select(p => p.InnerText).ToList();
            Assert.Contains("Tây Ninh, ngày 01 tháng 10 năm 2026", lines);
            Assert.Contains("SỞ NỘI VỤ", lines);
            Assert.Contains("GIÁM ĐỐC", lines);
            Assert.Contains("- Ủy ban nhân dân tỉnh Tây Ninh (để báo cáo);", lines);
            Assert.DoesNotContain(lines, l => l.Contains("Như trên", StringComparison.Ordinal));
            Assert.Contains(lines, l => l.Contains($"{rollup.Missing.Count} đơn vị chưa nộp báo cáo (danh sách tại Phụ lục kèm theo)", StringComparison.Ordinal));
            // The units that did not submit are in the annex after the signature, not in the body.
            var signature = lines.IndexOf("Nơi nhận:");
            var annexAt = lines.IndexOf("PHỤ LỤC");
            Assert.True(annexAt > signature, "the annex follows the signature");
            Assert.Contains(lines.Skip(annexAt), l => l.StartsWith("Sở Tài chính", StringComparison.Ordinal));
            Assert.DoesNotContain(lines.Take(signature), l => l.Contains("Sở Tài chính", StringComparison.Ordinal));
            var unitRun = word.MainDocumentPart.Document.Body.Descendants<DocumentFormat.OpenXml.Wordprocessing.Run>().First(r => r.InnerText.StartsWith("- Thanh tra tỉnh", StringComparison.Ordinal));
            Assert.Null(unitRun.RunProperties!.Bold); // a unit's name in italics, not bold
            Assert.NotNull(unitRun.RunProperties.Italic);
        }

        using var xlsx = new MemoryStream();
        ReportOutputs.WriteXlsx(xlsx, rollup, await outputs.UnitRowsAsync(rollup, CancellationToken.None));
        xlsx.Position = 0;
        var annex = TestWorkbooks.First(xlsx.ToArray());
        var rows = annex.Rows;
        Assert.Equal(5, rows.Count); // header, three units, total
        Assert.Equal(["1", "2", "3", ""], annex.Numbers); // the total row has no number
        Assert.Equal("Tổng hợp", rows[^1][0]);
        var column = rows[0].FindIndex(h => h.StartsWith("Đơn khiếu nại, tố cáo", StringComparison.Ordinal));
        Assert.Equal("130", rows[^1][column]);
    }

    [Fact]
    public async Task A_closed_period_takes_no_more_submissions()
    {
        var (period, ids) = await OpenAsync(ReportPeriodKind.FirstHalf, 2025);
        await using var db = fx.Context("dieuphoi");
        Assert.True((await Commands(db).SetClosedAsync(await fx.ScopeOfAsync("dieuphoi"), period.Id, true)).IsOk);
        var slot = await SlotAsync(period.Id, "25459");
        await using var odb = fx.Context("canbo");
        var late = await Commands(odb).SaveAsync(await fx.ScopeOfAsync("canbo"), Save(slot, ids, new() { ["DT_CUOC"] = "1" }, submit: true));
        Assert.Contains("đã khóa", late.Errors.Values.Single().Single(), StringComparison.Ordinal);
        var viewer = await Commands(odb).SaveAsync(await fx.ScopeOfAsync("xem"), Save(await SlotAsync(period.Id, "80.STC"), ids, new() { ["DT_CUOC"] = "1" }));
        Assert.Equal(ResultStatus.Forbidden, viewer.Status);
    }

    private async Task<int> SectionAsync(string code)
    {
        await using var db = fx.Context();
        return await db.ReportSections.Where(s => s.Code == code).Select(s => s.Id).SingleAsync();
    }
}
