using System.Text.Json;
using DanVan.Data;
using DanVan.Domain.Access;
using DanVan.Domain.Scoring;
using DanVan.Domain.Units;
using DanVan.Features.Documents;
using DanVan.Features.Scoring;
using DanVan.Infrastructure;
using DanVan.Testing;
using DanVan.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Tests.Features.Scoring;

/// <summary>
/// Issue 16's bad-input list on the write handlers of scoring, against the seeded demo province on the engine under
/// test and a fixed clock (November 2026): every refusal says why in Vietnamese and leaves the sheet, the round and
/// the dossier as they were — read back from a fresh context —, and nothing is counted twice. Each test opens its
/// rounds on a framework of its own (a copy of Tây Ninh's), so the tests of this class never meet.
/// </summary>
public sealed class ScoringCommandsTests(SeededDatabaseFixture fx) : IClassFixture<SeededDatabaseFixture>
{
    private const string Stale = "Phiếu chấm điểm vừa được người khác cập nhật; tải lại trang rồi làm lại.";

    /// <summary>A day of 2026 in Việt Nam, 10:00.</summary>
    private static FakeClock On(int month, int day) => new(new DateTimeOffset(2026, month, day, 3, 0, 0, TimeSpan.Zero));

    private static string D(int month, int day) => $"{day:00}/{month:00}/2026";

    private static string Errors<T>(Result<T> r) => string.Join(" ", r.Errors.SelectMany(e => e.Value));

    /// <summary>The round of every test: self-assessment 01/11–14/11/2026, appraisal 20/11, five days to object.</summary>
    private static OpenRoundInput RoundInput(int? frameworkId) => new()
    {
        FrameworkId = frameworkId, Year = 2026, SelfFrom = D(11, 1), SelfDue = D(11, 14), AppraisalOn = D(11, 20), ObjectionDays = 5,
    };

    private async Task<T> Run<T>(TimeProvider clock, string actor, Func<ScoringCommands, Task<T>> act)
    {
        await using var db = fx.Context(actor);
        return await act(new ScoringCommands(db, ScoringTestData.Measures(db), clock));
    }

    private async Task<Guid> StampAsync(int sheetId)
    {
        await using var db = fx.Context();
        return await db.ScoreSheets.Where(s => s.Id == sheetId).Select(s => s.ConcurrencyStamp).SingleAsync();
    }

    private async Task<Dictionary<string, (ScoreLine Line, ScoringCriterion Criterion)>> LinesAsync(int sheetId)
    {
        await using var db = fx.Context();
        return await ScoringTestData.LinesAsync(db, sheetId);
    }

    /// <summary>Everything a refusal must leave alone on a sheet, as stored: state, texts, totals, stamp, every line, the evidence and the sheet's audit rows.</summary>
    private async Task<string> SnapshotAsync(int sheetId)
    {
        await using var db = fx.Context();
        var s = await db.ScoreSheets.AsNoTracking().Include(x => x.Lines).SingleAsync(x => x.Id == sheetId);
        var evidence = await db.ScoreEvidence.CountAsync(e => e.SheetId == sheetId);
        var id = sheetId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var audited = await db.AuditEntries.CountAsync(a => a.EntityType == nameof(ScoreSheet) && a.EntityId == id);
        return JsonSerializer.Serialize(new
        {
            s.State, s.Explanation, s.SelfTotal, s.AppraisedTotal, s.FinalTotal, s.Grade, s.Disqualified, s.ConcurrencyStamp, s.SubmittedAtUtc, s.AppraisedAtUtc,
            s.ObjectionText, s.ObjectedAtUtc, s.DecisionText, s.UpdatedAtUtc, evidence, audited,
            Lines = s.Lines.OrderBy(l => l.Id).Select(l => new { l.Id, l.SelfPoints, l.Note, l.AppraisedPoints, l.AppraisalReason, l.MeasuredValue, l.Provenance }),
        });
    }

    private async Task<int> FrameworkAsync(string? provinceCode = "80")
    {
        await using var db = fx.Context();
        return await ScoringTestData.FrameworkAsync(db, provinceCode);
    }

    /// <summary>Another ward of Tây Ninh than Phường Tân Ninh, with an officer of its own.</summary>
    private async Task<UserScope> OtherWardOfficerAsync()
    {
        await using var db = fx.Context();
        var tanNinh = await db.OrgUnits.SingleAsync(u => u.Code == "25459");
        var other = await db.OrgUnits.Where(u => u.AncestorPath == tanNinh.AncestorPath && u.Id != tanNinh.Id && (u.Kind == OrgUnitKind.Ward || u.Kind == OrgUnitKind.Commune) && u.ValidTo == null)
            .OrderBy(u => u.Code).FirstAsync();
        return UserScope.For("id-canbo-khac", "canbo-khac", Roles.UnitOfficer, other.Id, other.AncestorPath);
    }

    private sealed record Opened(int Id, int FrameworkId, int Ward, int Dept, int OtherWard);

    /// <summary>A 2026 round on a fresh copy of Tây Ninh's framework, opened on 02/11/2026 by the demo coordinator.</summary>
    private async Task<Opened> OpenAsync()
    {
        var frameworkId = await FrameworkAsync();
        var coordinator = await fx.ScopeOfAsync("dieuphoi");
        var opened = await Run(On(11, 2), "dieuphoi", c => c.OpenRoundAsync(coordinator, RoundInput(frameworkId)));
        Assert.True(opened.IsOk, Errors(opened));
        var other = await OtherWardOfficerAsync();
        await using var db = fx.Context();
        var sheets = await db.ScoreSheets.Where(s => s.RoundId == opened.Value!.Id).ToDictionaryAsync(s => s.UnitId, s => s.Id);
        return new Opened(opened.Value!.Id, frameworkId, sheets[await fx.UnitIdAsync("25459")], sheets[await fx.UnitIdAsync("80.STP")], sheets[other.UnitId]);
    }

    /// <summary>The unit's self-assessment on 10/11: every entered line at its maximum (TC4.1 less <paramref name="less"/>), evidence where required, the explanation.</summary>
    private async Task SelfAssessAsync(UserScope unit, int sheetId, double less = 0, bool evidence = true)
    {
        var lines = await LinesAsync(sheetId);
        var entered = lines.Values.Where(x => x.Criterion.Method == ScoringMethod.Entered && x.Criterion.Kind == CriterionKind.Regular).ToList();
        var stamp = await StampAsync(sheetId);
        var saved = await Run(On(11, 10), unit.UserName, c => c.SaveSelfAsync(unit, sheetId, new SheetInput
        {
            Stamp = stamp, Explanation = "Đơn vị ban hành kế hoạch, thực hiện quy chế phối hợp và đối thoại với Nhân dân theo quy định.",
            Lines = entered.Select(x => new LineInput
            {
                LineId = x.Line.Id, Points = ScoringRules.FormatNumber(x.Criterion.MaxPoints - (x.Criterion.Code == "TC4.1" ? less : 0)),
            }).ToList(),
        }));
        Assert.True(saved.IsOk, Errors(saved));
        if (evidence)
        {
            foreach (var (line, c) in entered.Where(x => x.Criterion.EvidenceRequired))
            {
                var added = await Run(On(11, 10), unit.UserName, cmd => cmd.AddEvidenceAsync(unit, sheetId, line.Id, new UploadedFile($"minh-chung-{c.Code}.pdf", TestFiles.Pdf())));
                Assert.True(added.IsOk, Errors(added));
            }
        }
    }

    private async Task<Result<ScoreSheet>> SubmitAsync(UserScope unit, int sheetId, FakeClock clock)
    {
        var stamp = await StampAsync(sheetId);
        return await Run(clock, unit.UserName, c => c.SubmitAsync(unit, sheetId, stamp));
    }

    private async Task<Result<ScoreSheet>> AppraiseAsync(UserScope appraiser, int sheetId, FakeClock clock, params LineInput[] lines)
    {
        var stamp = await StampAsync(sheetId);
        return await Run(clock, appraiser.UserName, c => c.AppraiseAsync(appraiser, sheetId, new SheetInput { Stamp = stamp, Lines = [.. lines] }));
    }

    private async Task<Result<ScoreSheet>> ObjectAsync(UserScope unit, int sheetId, FakeClock clock, string? text)
    {
        var stamp = await StampAsync(sheetId);
        return await Run(clock, unit.UserName, c => c.ObjectAsync(unit, sheetId, new SheetInput { Stamp = stamp, Text = text }));
    }

    private async Task<Result<ScoreSheet>> DecideAsync(UserScope coordinator, int sheetId, FakeClock clock, string? text, params LineInput[] lines)
    {
        var stamp = await StampAsync(sheetId);
        return await Run(clock, coordinator.UserName, c => c.DecideAsync(coordinator, sheetId, new SheetInput { Stamp = stamp, Text = text, Lines = [.. lines] }));
    }

    private async Task<int> LineIdAsync(int sheetId, string code) => (await LinesAsync(sheetId))[code].Line.Id;

    private async Task<int> RoundCountAsync()
    {
        await using var db = fx.Context();
        return await db.ScoringRounds.CountAsync();
    }

    // ------------------------------------------------------------------ opening a round

    [Fact]
    public async Task OpenRound_MakesASheetPerAssessedUnitOfTheProvince_WithTheMeasuredLinesCountedFromTheRecords()
    {
        var r = await OpenAsync();
        await using var db = fx.Context();
        var round = await db.ScoringRounds.AsNoTracking().SingleAsync(x => x.Id == r.Id);
        Assert.Equal(RoundState.Open, round.State);
        Assert.Equal(new DateOnly(2026, 1, 1), round.PeriodFrom);
        Assert.Equal(new DateOnly(2026, 11, 14), round.PeriodTo); // the measures count the year up to the deadline
        Assert.NotNull(round.MeasuredAtUtc);

        // A sheet for each current commune, ward, department and public service unit of Tây Ninh; none for the province itself or elsewhere.
        var province = await db.OrgUnits.AsNoTracking().SingleAsync(u => u.Code == "80");
        var prefix = UnitPaths.SubtreePrefix(province.AncestorPath, province.Id);
        var kinds = ScoringRules.Kinds(ShippedFrameworks.DefaultKinds);
        var day = new DateOnly(2026, 11, 2);
        var expected = (await db.OrgUnits.AsNoTracking().Where(u => u.AncestorPath.StartsWith(prefix)).ToListAsync())
            .Where(u => kinds.Contains(u.Kind) && (u.ValidTo == null || u.ValidTo >= day) && (u.ValidFrom == null || u.ValidFrom <= day))
            .Select(u => u.Id).Order().ToList();
        var sheets = await db.ScoreSheets.AsNoTracking().Include(s => s.Lines).Where(s => s.RoundId == r.Id).ToListAsync();
        Assert.True(expected.Count > 10, $"{expected.Count} units");
        Assert.Equal(expected, sheets.Select(s => s.UnitId).Order().ToList());
        var framework = await db.ScoringFrameworks.AsNoTracking().Include(f => f.Criteria).SingleAsync(f => f.Id == r.FrameworkId);
        var leaves = framework.Criteria.Where(c => c.Kind != CriterionKind.Group).Select(c => c.Id).Order().ToList();
        Assert.All(sheets, s =>
        {
            Assert.Equal(SheetState.Draft, s.State);
            Assert.Equal(leaves, s.Lines.Select(l => l.CriterionId).Order().ToList());
        });
        Assert.Equal(RankGroup.Communes, sheets.Single(s => s.Id == r.Ward).Group);
        Assert.Equal(RankGroup.Agencies, sheets.Single(s => s.Id == r.Dept).Group);

        // Each measured line holds what the measure counts for that unit and period, through the criterion's step table, with its provenance.
        var measures = ScoringTestData.Measures(db);
        var criteria = framework.Criteria.ToDictionary(c => c.Id);
        foreach (var sheet in sheets.Where(s => s.Id == r.Ward || s.Id == r.Dept))
        {
            foreach (var line in sheet.Lines)
            {
                var c = criteria[line.CriterionId];
                if (c.Method == ScoringMethod.Entered)
                {
                    Assert.Null(line.SelfPoints);
                    continue;
                }

                var num = (await measures.ComputeAsync(c.MeasureCode!, [sheet.UnitId], round.PeriodFrom, round.PeriodTo, default))[sheet.UnitId];
                double? den = c.DenominatorCode is null ? null : (await measures.ComputeAsync(c.DenominatorCode, [sheet.UnitId], round.PeriodFrom, round.PeriodTo, default))[sheet.UnitId].Value;
                var expect = ScoringRules.Measure(c, num.Value, den);
                Assert.True(expect.Points == line.SelfPoints, $"{c.Code}: {line.SelfPoints} ≠ {expect.Points}");
                Assert.Equal(expect.Value, line.MeasuredValue);
                Assert.StartsWith(num.Provenance[..Math.Min(60, num.Provenance.Length)], line.Provenance, StringComparison.Ordinal);
                Assert.Contains(expect.Explanation, line.Provenance, StringComparison.Ordinal);
            }

            var total = ScoringRules.Total(framework, sheet.Lines.Select(l => (criteria[l.CriterionId], l.SelfPoints)).ToList());
            Assert.Equal(total.Total, sheet.SelfTotal);
            Assert.Equal(total.Grade, sheet.Grade);
        }

        // One audit row for the whole opening, naming the count.
        var summary = await db.AuditEntries.AsNoTracking().Where(a => a.Action == "bulk" && a.UserName == "dieuphoi").OrderByDescending(a => a.Id).Select(a => a.Changes).FirstAsync();
        Assert.Contains($"năm 2026: {sheets.Count} phiếu chấm điểm, {leaves.Count} tiêu chí mỗi phiếu", summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenRound_WithEveryFieldWrong_NamesEachError_AndOpensNothing()
    {
        var coordinator = await fx.ScopeOfAsync("dieuphoi");
        var before = await RoundCountAsync();
        var bad = await Run(On(11, 2), "dieuphoi", c => c.OpenRoundAsync(coordinator, new OpenRoundInput
        {
            FrameworkId = null, Year = 1999, SelfFrom = D(11, 10), SelfDue = D(11, 1), AppraisalOn = D(10, 31), ObjectionDays = 0,
        }));
        Assert.Equal(ResultStatus.Invalid, bad.Status);
        Assert.Equal(["AppraisalOn", "FrameworkId", "ObjectionDays", "SelfDue", "Year"], bad.Errors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["Vui lòng chọn bộ tiêu chí."], bad.Errors["FrameworkId"]);
        Assert.Equal(["Năm đánh giá phải từ 2000 đến 2027."], bad.Errors["Year"]);
        Assert.Equal(["Hạn nộp không thể trước ngày bắt đầu tự đánh giá.", "Hạn nộp 01/11/2026 đã qua: chọn ngày từ hôm nay (02/11/2026)."], bad.Errors["SelfDue"]);
        Assert.Equal(["Ngày thẩm định phải sau hạn nộp hồ sơ."], bad.Errors["AppraisalOn"]);
        Assert.Equal(["Thời hạn đơn vị có ý kiến sau thẩm định phải từ 1 đến 60 ngày."], bad.Errors["ObjectionDays"]);

        // Dates that do not read, more than 60 days to object, a year too far ahead.
        var frameworkId = await FrameworkAsync();
        var unreadable = await Run(On(11, 2), "dieuphoi", c => c.OpenRoundAsync(coordinator, new OpenRoundInput
        {
            FrameworkId = frameworkId, Year = 2028, SelfFrom = "31/02/2026", SelfDue = "", AppraisalOn = "20-11-2026", ObjectionDays = 61,
        }));
        Assert.Equal(["AppraisalOn", "ObjectionDays", "SelfDue", "SelfFrom", "Year"], unreadable.Errors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["Vui lòng nhập ngày bắt đầu tự đánh giá theo dạng ngày/tháng/năm, ví dụ 15/11/2026."], unreadable.Errors["SelfFrom"]);
        Assert.Equal(["Vui lòng nhập hạn nộp hồ sơ tự đánh giá theo dạng ngày/tháng/năm, ví dụ 15/11/2026."], unreadable.Errors["SelfDue"]);
        Assert.Equal(["Vui lòng nhập ngày thẩm định theo dạng ngày/tháng/năm, ví dụ 15/11/2026."], unreadable.Errors["AppraisalOn"]);
        Assert.Equal(["Năm đánh giá phải từ 2000 đến 2027."], unreadable.Errors["Year"]);

        // A year before the framework applied.
        var input = RoundInput(frameworkId);
        input.Year = 2021;
        var early = await Run(On(11, 2), "dieuphoi", c => c.OpenRoundAsync(coordinator, input));
        Assert.Equal(["Bộ tiêu chí này không áp dụng cho năm 2021: áp dụng từ 01/08/2022."], early.Errors["FrameworkId"]);

        Assert.Equal(before, await RoundCountAsync());
        await using var db = fx.Context();
        Assert.False(await db.ScoringRounds.AnyAsync(r => r.FrameworkId == frameworkId));
    }

    [Fact]
    public async Task OpenRound_ASecondTimeForTheSameYearAndFramework_IsRefused()
    {
        var r = await OpenAsync();
        var coordinator = await fx.ScopeOfAsync("dieuphoi");
        await using (var db = fx.Context())
        {
            Assert.Equal(1, await db.ScoringRounds.CountAsync(x => x.FrameworkId == r.FrameworkId));
        }

        var sheetsBefore = await SheetCountAsync();
        var again = await Run(On(11, 3), "dieuphoi", c => c.OpenRoundAsync(coordinator, RoundInput(r.FrameworkId)));
        Assert.Equal(ResultStatus.Invalid, again.Status);
        Assert.Equal(["Đã mở kỳ đánh giá năm 2026 theo bộ tiêu chí này."], again.Errors["Year"]);
        await using var check = fx.Context();
        Assert.Equal(1, await check.ScoringRounds.CountAsync(x => x.FrameworkId == r.FrameworkId));
        Assert.Equal(sheetsBefore, await SheetCountAsync());
    }

    [Fact]
    public async Task OpenRound_TwoCoordinatorsAtOnce_OpensOneRound_AndTellsTheOtherInVietnamese()
    {
        var coordinator = await fx.ScopeOfAsync("dieuphoi");
        async Task<Result<ScoringRound>[]> AtOnce(int first, int second) => await Task.WhenAll(new[] { first, second }.Select(id =>
            Task.Run(() => Run(On(11, 2), "dieuphoi", c => c.OpenRoundAsync(coordinator, RoundInput(id))))));

        // The same framework twice, and two versions of one framework (which no unique index can tell apart).
        var same = await FrameworkAsync();
        int v1, v2;
        await using (var db = fx.Context())
        {
            v1 = await ScoringTestData.FrameworkAsync(db);
            var code = await db.ScoringFrameworks.Where(f => f.Id == v1).Select(f => f.Code).SingleAsync();
            v2 = await ScoringTestData.FrameworkAsync(db, code: code, version: 2, validFrom: new DateOnly(2026, 6, 1));
        }

        foreach (var (first, second) in new[] { (same, same), (v1, v2) })
        {
            var sheetsBefore = await SheetCountAsync();
            var results = await AtOnce(first, second);
            Assert.Single(results, x => x.IsOk);
            var refused = Assert.Single(results, x => !x.IsOk);
            Assert.Equal(["Đã mở kỳ đánh giá năm 2026 theo bộ tiêu chí này."], refused.Errors["Year"]);
            await using var db = fx.Context();
            var rounds = await db.ScoringRounds.Where(r => r.FrameworkId == first || r.FrameworkId == second).Select(r => r.Id).ToListAsync();
            var round = Assert.Single(rounds);
            Assert.Equal(sheetsBefore + await db.ScoreSheets.CountAsync(s => s.RoundId == round), await SheetCountAsync()); // no sheet of a refused round
        }
    }

    private async Task<int> SheetCountAsync()
    {
        await using var db = fx.Context();
        return await db.ScoreSheets.CountAsync();
    }

    [Fact]
    public async Task OpenRound_OnAnotherProvincesFramework_OrByAnotherProvincesCoordinator_IsRefused()
    {
        var coordinator = await fx.ScopeOfAsync("dieuphoi");
        var hanoiFramework = await FrameworkAsync("01");
        var before = await RoundCountAsync();
        var foreign = await Run(On(11, 2), "dieuphoi", c => c.OpenRoundAsync(coordinator, RoundInput(hanoiFramework)));
        Assert.Equal(["Bộ tiêu chí đã chọn không dùng được cho tỉnh này."], foreign.Errors["FrameworkId"]);
        var missing = await Run(On(11, 2), "dieuphoi", c => c.OpenRoundAsync(coordinator, RoundInput(987654321)));
        Assert.Equal(["Bộ tiêu chí đã chọn không dùng được cho tỉnh này."], missing.Errors["FrameworkId"]);

        // Hà Nội's coordinator may not open a round on Tây Ninh's framework for Hà Nội.
        UserScope hanoiCoordinator;
        await using (var db = fx.Context())
        {
            var hanoi = await db.OrgUnits.SingleAsync(u => u.Code == "01");
            hanoiCoordinator = UserScope.For("id-hn", "dieuphoi-hn", Roles.Coordinator, hanoi.Id, hanoi.AncestorPath);
        }

        var tayNinhFramework = await FrameworkAsync();
        var other = await Run(On(11, 2), "dieuphoi-hn", c => c.OpenRoundAsync(hanoiCoordinator, RoundInput(tayNinhFramework)));
        Assert.Equal(["Bộ tiêu chí đã chọn không dùng được cho tỉnh này."], other.Errors["FrameworkId"]);
        Assert.Equal(before, await RoundCountAsync());
    }

    [Theory]
    [InlineData("thamdinh")]
    [InlineData("lanhdao")]
    [InlineData("canbo")]
    [InlineData("xem")]
    [InlineData("admin")]
    public async Task OpenRound_ByAnyoneButTheCoordinator_IsForbidden(string userName)
    {
        var frameworkId = await FrameworkAsync();
        var user = await fx.ScopeOfAsync(userName);
        var before = await RoundCountAsync();
        var result = await Run(On(11, 2), userName, c => c.OpenRoundAsync(user, RoundInput(frameworkId)));
        Assert.Equal(ResultStatus.Forbidden, result.Status);
        Assert.Equal(before, await RoundCountAsync());
    }

    // ------------------------------------------------------------------ the unit's self-assessment

    [Fact]
    public async Task SaveSelf_PointsAboveTheMaximumBelowZeroBonusAboveItsCapOrNotANumber_AreRefusedTogether_AndNothingIsSaved()
    {
        var r = await OpenAsync();
        var ward = await fx.ScopeOfAsync("canbo");
        var lines = await LinesAsync(r.Ward);
        var before = await SnapshotAsync(r.Ward);
        string Key(string code) => ScoringCommands.Key(lines[code].Line, "Points");
        LineInput L(string code, string points) => new() { LineId = lines[code].Line.Id, Points = points };
        var stamp = await StampAsync(r.Ward);
        var bad = await Run(On(11, 5), "canbo", c => c.SaveSelfAsync(ward, r.Ward, new SheetInput
        {
            Stamp = stamp, Explanation = "Báo cáo giải trình",
            Lines = [L("TC4.1", "16"), L("TC4.2", "-1"), L("THUONG", "6"), L("TRU", "10,5"), L("TC1.1", "ba"), L("TC2.3", "1,255"), L("KXL", "2"), L("TC3.1", "10")],
        }));
        Assert.Equal(ResultStatus.Invalid, bad.Status);
        Assert.Equal(["TC4.1: điểm phải từ 0 đến 15."], bad.Errors[Key("TC4.1")]);
        Assert.Equal(["TC4.2: điểm “-1” không hợp lệ: nhập số, tối đa hai chữ số thập phân (ví dụ 7,5)."], bad.Errors[Key("TC4.2")]);
        Assert.Equal(["THUONG: điểm thưởng phải từ 0 đến 5."], bad.Errors[Key("THUONG")]);
        Assert.Equal(["TRU: điểm trừ phải từ 0 đến 10."], bad.Errors[Key("TRU")]);
        Assert.Equal(["TC1.1: điểm “ba” không hợp lệ: nhập số, tối đa hai chữ số thập phân (ví dụ 7,5)."], bad.Errors[Key("TC1.1")]);
        Assert.Equal(["TC2.3: điểm “1,255” không hợp lệ: nhập số, tối đa hai chữ số thập phân (ví dụ 7,5)."], bad.Errors[Key("TC2.3")]);
        Assert.Equal(["KXL: chọn “Có” hoặc “Không”."], bad.Errors[Key("KXL")]);
        Assert.Equal(7, bad.Errors.Count); // the good line and the explanation raise nothing, and are not saved either
        Assert.Equal(before, await SnapshotAsync(r.Ward));

        // Good points, with a comma or a point; a figure typed on a measured line is ignored (it comes from the records).
        var measured = lines["TC1.2"].Line.SelfPoints;
        var ok = await Run(On(11, 5), "canbo", c => c.SaveSelfAsync(ward, r.Ward, new SheetInput
        {
            Stamp = stamp, Explanation = "Báo cáo giải trình",
            Lines = [L("TC4.1", "7,5"), L("TC4.2", "4.25"), L("THUONG", "5"), L("TRU", "2"), L("TC1.2", "0"), L("KXL", "0")],
        }));
        Assert.True(ok.IsOk, Errors(ok));
        var after = await LinesAsync(r.Ward);
        Assert.Equal(7.5, after["TC4.1"].Line.SelfPoints);
        Assert.Equal(4.25, after["TC4.2"].Line.SelfPoints);
        Assert.Equal(measured, after["TC1.2"].Line.SelfPoints);
        await using var db = fx.Context();
        var framework = await db.ScoringFrameworks.AsNoTracking().Include(f => f.Criteria).SingleAsync(f => f.Id == r.FrameworkId);
        var sheet = await db.ScoreSheets.AsNoTracking().SingleAsync(s => s.Id == r.Ward);
        Assert.Equal(ScoringRules.Total(framework, after.Values.Select(x => (x.Criterion, x.Line.SelfPoints)).ToList()).Total, sheet.SelfTotal);
        Assert.Equal("Báo cáo giải trình", sheet.Explanation);
        Assert.NotEqual(stamp, sheet.ConcurrencyStamp);
    }

    [Fact]
    public async Task Submit_WithLinesUnscoredEvidenceMissingAndNoExplanation_NamesEachGap_ThenOutsideTheWindowIsRefused_AndTwiceIsRefused()
    {
        var r = await OpenAsync();
        var ward = await fx.ScopeOfAsync("canbo");
        var lines = await LinesAsync(r.Ward);
        var stamp = await StampAsync(r.Ward);
        var partial = await Run(On(11, 5), "canbo", c => c.SaveSelfAsync(ward, r.Ward, new SheetInput
        {
            Stamp = stamp, Lines = [new() { LineId = lines["TC1.1"].Line.Id, Points = "3" }, new() { LineId = lines["TC4.2"].Line.Id, Points = "0" }],
        }));
        Assert.True(partial.IsOk, Errors(partial));
        var before = await SnapshotAsync(r.Ward);
        var gaps = await SubmitAsync(ward, r.Ward, On(11, 10));
        Assert.Equal(ResultStatus.Invalid, gaps.Status);
        Assert.Equal(["TC1.1: tiêu chí này phải kèm minh chứng."], gaps.Errors[ScoringCommands.Key(lines["TC1.1"].Line, "Evidence")]);
        foreach (var code in new[] { "TC2.3", "TC3.1", "TC4.1", "TC5.3", "TC6.3" })
        {
            Assert.Equal([$"{code}: chưa tự chấm điểm."], gaps.Errors[ScoringCommands.Key(lines[code].Line, "Points")]);
        }

        Assert.False(gaps.Errors.ContainsKey(ScoringCommands.Key(lines["TC4.2"].Line, "Points"))); // zero is a score
        Assert.False(gaps.Errors.ContainsKey(ScoringCommands.Key(lines["TC1.2"].Line, "Points"))); // measured
        Assert.Equal(["Vui lòng nhập báo cáo giải trình trước khi nộp."], gaps.Errors["Explanation"]);
        Assert.Equal(before, await SnapshotAsync(r.Ward));

        // A file that is not what it says is no evidence.
        var fake = await Run(On(11, 10), "canbo", c => c.AddEvidenceAsync(ward, r.Ward, lines["TC1.1"].Line.Id, new UploadedFile("ke-hoach.pdf", "không phải PDF"u8.ToArray())));
        Assert.Equal(ResultStatus.Invalid, fake.Status);
        Assert.Contains("Minh chứng phải là tệp PDF, Word (.docx) hoặc ảnh JPEG, PNG.", fake.Errors["Evidence"]);
        Assert.Equal(before, await SnapshotAsync(r.Ward));

        // Complete, but before the window opens and after it closes.
        await SelfAssessAsync(ward, r.Ward);
        var complete = await SnapshotAsync(r.Ward);
        var early = await SubmitAsync(ward, r.Ward, On(10, 31));
        Assert.Equal(["Chưa đến thời gian tự đánh giá: từ ngày 01/11/2026."], early.Errors[""]);
        var late = await SubmitAsync(ward, r.Ward, On(11, 15));
        Assert.Equal(["Đã hết hạn nộp hồ sơ tự đánh giá (ngày 14/11/2026): liên hệ Sở Nội vụ."], late.Errors[""]);
        Assert.Equal(complete, await SnapshotAsync(r.Ward));

        // Nobody else submits it: the coordinator may read it but not fill it, another ward does not even see it.
        var coordinator = await fx.ScopeOfAsync("dieuphoi");
        Assert.Equal(ResultStatus.Forbidden, (await SubmitAsync(coordinator, r.Ward, On(11, 14))).Status);
        Assert.Equal(ResultStatus.NotFound, (await SubmitAsync(await OtherWardOfficerAsync(), r.Ward, On(11, 14))).Status);
        Assert.Equal(ResultStatus.NotFound, (await SubmitAsync(await fx.ScopeOfAsync("lanhdao"), r.Ward, On(11, 14))).Status);
        Assert.Equal(complete, await SnapshotAsync(r.Ward));

        // On the last day it goes; a second time it does not, and the submitted sheet no longer changes.
        var submitted = await SubmitAsync(ward, r.Ward, On(11, 14));
        Assert.True(submitted.IsOk, Errors(submitted));
        await using (var db = fx.Context())
        {
            var sheet = await db.ScoreSheets.AsNoTracking().SingleAsync(s => s.Id == r.Ward);
            Assert.Equal(SheetState.Submitted, sheet.State);
            Assert.Equal("canbo", sheet.SubmittedBy);
            Assert.Equal(On(11, 14).GetUtcNow().UtcDateTime, sheet.SubmittedAtUtc);
        }

        var done = await SnapshotAsync(r.Ward);
        Assert.Equal(["Phiếu đã nộp."], (await SubmitAsync(ward, r.Ward, On(11, 14))).Errors[""]);
        var stampNow = await StampAsync(r.Ward);
        var edit = await Run(On(11, 14), "canbo", c => c.SaveSelfAsync(ward, r.Ward, new SheetInput { Stamp = stampNow, Lines = [new() { LineId = lines["TC4.1"].Line.Id, Points = "1" }] }));
        Assert.Equal(["Phiếu đã nộp, không sửa được phần tự chấm."], edit.Errors[""]);
        var more = await Run(On(11, 14), "canbo", c => c.AddEvidenceAsync(ward, r.Ward, lines["TC4.1"].Line.Id, new UploadedFile("them.pdf", TestFiles.Pdf())));
        Assert.Equal(["Phiếu đã nộp, không thêm minh chứng được."], more.Errors["Evidence"]);
        Assert.Equal(done, await SnapshotAsync(r.Ward));
    }

    // ------------------------------------------------------------------ appraisal and concurrency

    [Fact]
    public async Task Appraise_AChangeWithoutItsReason_IsRefused_WithItsReason_IsKeptAndAudited()
    {
        var r = await OpenAsync();
        var ward = await fx.ScopeOfAsync("canbo");
        var reviewer = await fx.ScopeOfAsync("thamdinh");
        await SelfAssessAsync(ward, r.Ward);
        Assert.True((await SubmitAsync(ward, r.Ward, On(11, 10))).IsOk);
        var lines = await LinesAsync(r.Ward);
        LineInput L(string code, string points, string? reason = null) => new() { LineId = lines[code].Line.Id, Points = points, Reason = reason };

        // The unit does not appraise itself; a sheet not submitted is not appraised.
        Assert.Equal(ResultStatus.Forbidden, (await AppraiseAsync(ward, r.Ward, On(11, 20))).Status);
        Assert.Equal(["Đơn vị chưa nộp hồ sơ: chưa thẩm định được."], (await AppraiseAsync(reviewer, r.Dept, On(11, 20))).Errors[""]);

        var before = await SnapshotAsync(r.Ward);
        var bad = await AppraiseAsync(reviewer, r.Ward, On(11, 20), L("TC4.2", "4"), L("TC4.1", "16", "Thiếu minh chứng"), L("TC3.1", "10"));
        Assert.Equal(ResultStatus.Invalid, bad.Status);
        Assert.Equal(["TC4.2: thay đổi điểm (5 → 4) phải ghi lý do."], bad.Errors[ScoringCommands.Key(lines["TC4.2"].Line, "Reason")]);
        Assert.Equal(["TC4.1: điểm phải từ 0 đến 15."], bad.Errors[ScoringCommands.Key(lines["TC4.1"].Line, "Points")]);
        Assert.Equal(2, bad.Errors.Count); // TC3.1 at the unit's own 10 needs no reason
        Assert.Equal(before, await SnapshotAsync(r.Ward));

        const string reason = "Còn phản ánh về thái độ phục vụ tại bộ phận một cửa.";
        double selfTotal;
        await using (var read = fx.Context())
        {
            selfTotal = (await read.ScoreSheets.AsNoTracking().SingleAsync(s => s.Id == r.Ward)).SelfTotal;
        }

        var ok = await AppraiseAsync(reviewer, r.Ward, On(11, 20), L("TC4.2", "4", reason), L("TC3.1", "10"));
        Assert.True(ok.IsOk, Errors(ok));
        var after = await LinesAsync(r.Ward);
        Assert.Equal(4, after["TC4.2"].Line.AppraisedPoints);
        Assert.Equal(reason, after["TC4.2"].Line.AppraisalReason);
        Assert.Equal(5, after["TC4.2"].Line.SelfPoints); // the unit's points stay beside the appraisers'
        Assert.All(after.Values.Where(x => x.Criterion.Code != "TC4.2"), x => Assert.Equal(x.Line.SelfPoints ?? 0, x.Line.AppraisedPoints));
        Assert.All(after.Values.Where(x => x.Criterion.Code != "TC4.2"), x => Assert.Null(x.Line.AppraisalReason));
        await using (var db = fx.Context())
        {
            var sheet = await db.ScoreSheets.AsNoTracking().SingleAsync(s => s.Id == r.Ward);
            Assert.Equal(SheetState.Appraised, sheet.State);
            Assert.Equal("thamdinh", sheet.AppraisedBy);
            Assert.Equal(selfTotal, sheet.SelfTotal);
            Assert.Equal(selfTotal - 1, sheet.AppraisedTotal);

            // Audited: who changed the line, from what to what, and why.
            var id = lines["TC4.2"].Line.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var audit = await db.AuditEntries.AsNoTracking().Where(a => a.EntityType == nameof(ScoreLine) && a.EntityId == id && a.UserName == "thamdinh").ToListAsync();
            var changes = JsonDocument.Parse(Assert.Single(audit).Changes).RootElement;
            Assert.Equal(JsonValueKind.Null, changes.GetProperty("AppraisalReason")[0].ValueKind);
            Assert.Equal(reason, changes.GetProperty("AppraisalReason")[1].GetString());
            Assert.Equal(JsonValueKind.Null, changes.GetProperty("AppraisedPoints")[0].ValueKind);
            Assert.Equal("4", changes.GetProperty("AppraisedPoints")[1].ToString());
        }

        var appraised = await SnapshotAsync(r.Ward);
        Assert.Equal(["Phiếu đã được thẩm định."], (await AppraiseAsync(reviewer, r.Ward, On(11, 21), L("TC4.2", "3", "Lại"))).Errors[""]);
        Assert.Equal(appraised, await SnapshotAsync(r.Ward));
    }

    [Fact]
    public async Task TwoAppraisersAtOnce_TheSecondIsToldToReload_AndTheFirstsPointsStand()
    {
        var r = await OpenAsync();
        var ward = await fx.ScopeOfAsync("canbo");
        await SelfAssessAsync(ward, r.Ward);
        Assert.True((await SubmitAsync(ward, r.Ward, On(11, 10))).IsOk);
        var line = await LineIdAsync(r.Ward, "TC4.1");
        var stamp = await StampAsync(r.Ward); // both opened the sheet before either saved
        var reviewer = await fx.ScopeOfAsync("thamdinh");
        var coordinator = await fx.ScopeOfAsync("dieuphoi");
        var first = await Run(On(11, 20), "thamdinh", c => c.AppraiseAsync(reviewer, r.Ward, new SheetInput
        {
            Stamp = stamp, Lines = [new() { LineId = line, Points = "12", Reason = "Kết quả cải cách hành chính chưa đạt chỉ tiêu." }],
        }));
        Assert.True(first.IsOk, Errors(first));
        var afterFirst = await SnapshotAsync(r.Ward);
        var second = await Run(On(11, 20), "dieuphoi", c => c.AppraiseAsync(coordinator, r.Ward, new SheetInput
        {
            Stamp = stamp, Lines = [new() { LineId = line, Points = "10", Reason = "Chưa có minh chứng đầy đủ." }],
        }));
        Assert.Equal(ResultStatus.Invalid, second.Status);
        Assert.Equal([Stale], second.Errors[""]);
        Assert.Equal(afterFirst, await SnapshotAsync(r.Ward));
        Assert.Equal(12, (await LinesAsync(r.Ward))["TC4.1"].Line.AppraisedPoints);

        // The same for a unit saving a sheet it loaded before someone else's save.
        var dept = await fx.ScopeOfAsync("lanhdao");
        var old = await StampAsync(r.Dept);
        await SelfAssessAsync(dept, r.Dept);
        var deptBefore = await SnapshotAsync(r.Dept);
        var stale = await Run(On(11, 10), "lanhdao", c => c.SaveSelfAsync(dept, r.Dept, new SheetInput { Stamp = old, Explanation = "Bản cũ" }));
        Assert.Equal([Stale], stale.Errors[""]);
        Assert.Equal(deptBefore, await SnapshotAsync(r.Dept));
    }

    // ------------------------------------------------------------------ objection, decision, publication

    [Fact]
    public async Task ObjectDecidePublish_OneObjectionInItsWindow_TheDecisionFinal_PublicationOnlyWhenNothingWaits()
    {
        var r = await OpenAsync();
        var ward = await fx.ScopeOfAsync("canbo");
        var dept = await fx.ScopeOfAsync("lanhdao");
        var other = await OtherWardOfficerAsync();
        var reviewer = await fx.ScopeOfAsync("thamdinh");
        var coordinator = await fx.ScopeOfAsync("dieuphoi");
        await SelfAssessAsync(ward, r.Ward);
        await SelfAssessAsync(dept, r.Dept, less: 3);
        await SelfAssessAsync(other, r.OtherWard, less: 1);
        foreach (var (who, sheet) in new[] { (ward, r.Ward), (dept, r.Dept), (other, r.OtherWard) })
        {
            Assert.True((await SubmitAsync(who, sheet, On(11, 10))).IsOk);
        }

        async Task<Result<ScoringRound>> Publish(FakeClock clock, UserScope? by = null) =>
            await Run(clock, (by ?? coordinator).UserName, c => c.PublishAsync(by ?? coordinator, r.Id));

        Assert.Equal(["Chưa hết hạn nộp hồ sơ (14/11/2026): chưa công bố được."], (await Publish(On(11, 10))).Errors[""]);

        var tc42 = await LineIdAsync(r.Ward, "TC4.2");
        Assert.True((await AppraiseAsync(reviewer, r.Ward, On(11, 20), new LineInput { LineId = tc42, Points = "4", Reason = "Còn phản ánh về thái độ phục vụ." })).IsOk);

        // Two sheets wait for appraisal and the ward may still object: both said, nothing published.
        var waiting = await Publish(On(11, 21));
        Assert.Equal(["Còn 2 phiếu đã nộp chưa thẩm định.", "Còn 1 phiếu đang trong thời hạn đơn vị có ý kiến (đến hết ngày 25/11/2026)."], waiting.Errors[""]);
        Assert.Equal(ResultStatus.Forbidden, (await Publish(On(11, 21), reviewer)).Status);
        await using (var db = fx.Context())
        {
            Assert.Equal(RoundState.Open, (await db.ScoringRounds.AsNoTracking().SingleAsync(x => x.Id == r.Id)).State);
            Assert.False(await db.ScoreSheets.AnyAsync(s => s.RoundId == r.Id && s.State == SheetState.Final));
        }

        Assert.True((await AppraiseAsync(reviewer, r.Dept, On(11, 21))).IsOk);
        Assert.True((await AppraiseAsync(reviewer, r.OtherWard, On(11, 21))).IsOk);

        // The objection: not by the reviewer, not empty, not on a sheet that is not appraised; once, within five days of the appraisal.
        Assert.Equal(ResultStatus.Forbidden, (await ObjectAsync(reviewer, r.Ward, On(11, 22), "Không đồng ý")).Status);
        var wardBefore = await SnapshotAsync(r.Ward);
        Assert.Equal(["Vui lòng nhập nội dung ý kiến."], (await ObjectAsync(ward, r.Ward, On(11, 22), "  ")).Errors["Text"]);
        Assert.Equal(wardBefore, await SnapshotAsync(r.Ward));
        var objected = await ObjectAsync(ward, r.Ward, On(11, 25), "Phường đã khắc phục phản ánh tại bộ phận một cửa từ tháng 9 (có biên bản kiểm tra).");
        Assert.True(objected.IsOk, Errors(objected));
        var wardObjected = await SnapshotAsync(r.Ward);
        Assert.Equal(["Đơn vị đã có ý kiến về kết quả thẩm định: mỗi đơn vị có ý kiến một lần."], (await ObjectAsync(ward, r.Ward, On(11, 25), "Lần hai")).Errors[""]);
        Assert.Equal(wardObjected, await SnapshotAsync(r.Ward));
        var deptBefore = await SnapshotAsync(r.Dept);
        Assert.Equal(["Đã hết thời hạn có ý kiến về kết quả thẩm định (ngày 26/11/2026)."], (await ObjectAsync(dept, r.Dept, On(11, 27), "Quá hạn")).Errors[""]);
        Assert.Equal(deptBefore, await SnapshotAsync(r.Dept));

        // The decision: only on an objection, only by the coordinator, with its text and a reason for each change.
        Assert.Equal(["Phiếu không có ý kiến đang chờ kết luận."], (await DecideAsync(coordinator, r.Dept, On(11, 27), "Giữ nguyên")).Errors[""]);
        Assert.Equal(ResultStatus.Forbidden, (await DecideAsync(reviewer, r.Ward, On(11, 27), "Giữ nguyên")).Status);
        var undecided = await DecideAsync(coordinator, r.Ward, On(11, 27), null, new LineInput { LineId = tc42, Points = "5" });
        Assert.Equal([ScoringCommands.Key(new ScoreLine { Id = tc42 }, "Reason"), "Text"], undecided.Errors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["Vui lòng nhập kết luận về ý kiến của đơn vị."], undecided.Errors["Text"]);
        Assert.Equal(wardObjected, await SnapshotAsync(r.Ward));

        // One objection still waits: publication says so.
        Assert.Equal(["Còn 1 ý kiến của đơn vị chưa kết luận."], (await Publish(On(11, 27))).Errors[""]);

        var decided = await DecideAsync(coordinator, r.Ward, On(11, 27), "Chấp nhận ý kiến: phường đã khắc phục, có biên bản kiểm tra.",
            new LineInput { LineId = tc42, Points = "5", Reason = "Đã khắc phục, có biên bản kiểm tra ngày 15/9." });
        Assert.True(decided.IsOk, Errors(decided));
        await using (var db = fx.Context())
        {
            var sheet = await db.ScoreSheets.AsNoTracking().SingleAsync(s => s.Id == r.Ward);
            Assert.Equal(SheetState.Final, sheet.State);
            Assert.Equal(sheet.SelfTotal, sheet.FinalTotal); // the point taken away is given back
            Assert.Equal("dieuphoi", sheet.DecidedBy);
        }

        // Published: appraised sheets final with their appraised totals, sheets never submitted final and unranked.
        var published = await Publish(On(11, 27));
        Assert.True(published.IsOk, Errors(published));
        await using (var db = fx.Context())
        {
            var round = await db.ScoringRounds.AsNoTracking().SingleAsync(x => x.Id == r.Id);
            Assert.Equal(RoundState.Published, round.State);
            Assert.Equal("dieuphoi", round.PublishedBy);
            var sheets = await db.ScoreSheets.AsNoTracking().Where(s => s.RoundId == r.Id).ToListAsync();
            Assert.All(sheets, s => Assert.Equal(SheetState.Final, s.State));
            var deptSheet = sheets.Single(s => s.Id == r.Dept);
            Assert.Equal(deptSheet.AppraisedTotal, deptSheet.FinalTotal);
            Assert.Equal(deptSheet.SelfTotal, deptSheet.FinalTotal); // appraised without a change
            Assert.All(sheets.Where(s => s.SubmittedAtUtc is null), s =>
            {
                Assert.Null(s.FinalTotal);
                Assert.Equal(ScoringRules.NotRanked, s.Grade);
            });

            // Ranked once each: the three submitted, in their groups; the rest listed unranked.
            var ranking = await new ScoringQueries(db, ScoringTestData.Measures(db), On(11, 27)).RankingAsync(r.Id, default);
            Assert.Equal(sheets.Count, ranking.Count);
            Assert.Equal(ranking.Count, ranking.Select(x => x.SheetId).Distinct().Count());
            Assert.Equal(new[] { r.Dept, r.OtherWard, r.Ward }.Order(), ranking.Where(x => x.Rank > 0).Select(x => x.SheetId).Order());
            Assert.Equal(1, ranking.Single(x => x.SheetId == r.Dept).Rank);
            Assert.Equal(deptSheet.FinalTotal, ranking.Single(x => x.SheetId == r.Dept).Total);
            var wardRank = ranking.Single(x => x.SheetId == r.Ward);
            var otherRank = ranking.Single(x => x.SheetId == r.OtherWard);
            Assert.Equal(wardRank.Total == otherRank.Total ? (1, 1) : wardRank.Total > otherRank.Total ? (1, 2) : (2, 1), (wardRank.Rank, otherRank.Rank));
            Assert.All(ranking.Where(x => x.Rank == 0), x => Assert.Equal("Không nộp hồ sơ", x.Grade));
        }

        Assert.Equal(["Kết quả kỳ đánh giá đã được công bố."], (await Publish(On(11, 28))).Errors[""]);
    }

    // ------------------------------------------------------------------ commendations

    [Fact]
    public async Task Propose_WithinTheQuota_NeverTheSameSubjectTwiceForOneFormAndYear_WhateverTheLevel_AndWithdrawFreesThePlace()
    {
        var r = await OpenAsync();
        var dept = await fx.ScopeOfAsync("lanhdao");
        var other = await OtherWardOfficerAsync();
        var reviewer = await fx.ScopeOfAsync("thamdinh");
        var coordinator = await fx.ScopeOfAsync("dieuphoi");
        int primeMinister, province, director;
        await using (var db = fx.Context())
        {
            primeMinister = await db.CommendationTitles.Where(t => t.Code == "bang-khen-thu-tuong").Select(t => t.Id).SingleAsync();
            province = await db.CommendationTitles.Where(t => t.Code == "bang-khen-ubnd-tinh").Select(t => t.Id).SingleAsync();
            director = await db.CommendationTitles.Where(t => t.Code == "giay-khen-so-noi-vu").Select(t => t.Id).SingleAsync();
        }

        var deptUnit = dept.UnitId;
        async Task<Result<CommendationProposal>> Propose(int title, int unit, string? person = null, string? position = null, UserScope? by = null) =>
            await Run(On(12, 1), (by ?? coordinator).UserName, c => c.ProposeAsync(by ?? coordinator, r.Id, new ProposalInput
            {
                TitleId = title, UnitId = unit, PersonName = person, PersonPosition = position, Achievements = "Hoàn thành xuất sắc nhiệm vụ năm 2026.",
            }));
        async Task<int> Count()
        {
            await using var db = fx.Context();
            return await db.CommendationProposals.CountAsync(p => p.RoundId == r.Id);
        }

        Assert.Equal(["Chỉ đề nghị khen thưởng sau khi công bố kết quả đánh giá."], (await Propose(province, deptUnit)).Errors[""]);

        await SelfAssessAsync(dept, r.Dept);
        await SelfAssessAsync(other, r.OtherWard);
        Assert.True((await SubmitAsync(dept, r.Dept, On(11, 10))).IsOk);
        Assert.True((await SubmitAsync(other, r.OtherWard, On(11, 10))).IsOk);
        Assert.True((await AppraiseAsync(reviewer, r.Dept, On(11, 20))).IsOk);
        Assert.True((await AppraiseAsync(reviewer, r.OtherWard, On(11, 20))).IsOk);
        Assert.True((await Run(On(11, 27), "dieuphoi", c => c.PublishAsync(coordinator, r.Id))).IsOk);

        // Not the reviewer; not a unit that was not ranked; not a title that does not exist; not a person without a position.
        Assert.Equal(ResultStatus.Forbidden, (await Propose(province, deptUnit, by: reviewer)).Status);
        var wardUnit = await fx.UnitIdAsync("25459");
        Assert.Equal(["Đơn vị không được xếp loại trong kỳ này: không đề nghị khen thưởng được."], (await Propose(province, wardUnit)).Errors["UnitId"]);
        Assert.Equal(["Vui lòng chọn hình thức khen thưởng còn áp dụng."], (await Propose(987654321, deptUnit)).Errors["TitleId"]);
        Assert.Equal(["Vui lòng nhập chức vụ của cá nhân được đề nghị."], (await Propose(province, deptUnit, "Nguyễn Văn An")).Errors["PersonPosition"]);
        Assert.Equal(0, await Count());

        // The Prime Minister's Bằng khen takes one collective a year: the second is over the quota.
        var first = await Propose(primeMinister, deptUnit);
        Assert.True(first.IsOk, Errors(first));
        Assert.Equal(["Đã đủ số lượng đề nghị “Bằng khen của Thủ tướng Chính phủ” cho tập thể năm 2026 (1)."], (await Propose(primeMinister, other.UnitId)).Errors["TitleId"]);

        // The same unit for the province's Bằng khen: same form, another level, same year — refused; a Giấy khen is another form.
        Assert.Equal(["Đơn vị này đã được đề nghị “Bằng khen của Thủ tướng Chính phủ” năm 2026: không đề nghị hai lần cùng hình thức bằng khen trong một năm, dù ở cấp khác."],
            (await Propose(province, deptUnit)).Errors["UnitId"]);
        Assert.True((await Propose(director, deptUnit)).IsOk);

        // A person of the unit is another subject; the same person written without diacritics is not.
        Assert.True((await Propose(province, deptUnit, "Nguyễn Văn An", "Phó Giám đốc Sở Tư pháp")).IsOk);
        var again = await Propose(primeMinister, deptUnit, "nguyen van an", "Phó Giám đốc");
        Assert.Equal(ResultStatus.Invalid, again.Status);
        Assert.StartsWith("nguyen van an đã được đề nghị “Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh” năm 2026", again.Errors["UnitId"][0], StringComparison.Ordinal);
        Assert.Equal(3, await Count());

        // Withdrawing: not by the reviewer; by the coordinator, which frees the place in the quota.
        var proposalId = first.Value!.Id;
        Assert.Equal(ResultStatus.Forbidden, (await Run(On(12, 2), "thamdinh", c => c.WithdrawProposalAsync(reviewer, proposalId))).Status);
        Assert.Equal(3, await Count());
        Assert.True((await Run(On(12, 2), "dieuphoi", c => c.WithdrawProposalAsync(coordinator, proposalId))).IsOk);
        Assert.Equal(ResultStatus.NotFound, (await Run(On(12, 2), "dieuphoi", c => c.WithdrawProposalAsync(coordinator, proposalId))).Status);
        Assert.True((await Propose(primeMinister, other.UnitId)).IsOk);
        await using (var db = fx.Context())
        {
            var proposals = await db.CommendationProposals.AsNoTracking().Where(p => p.RoundId == r.Id).OrderBy(p => p.Id).ToListAsync();
            Assert.Equal([director, province, primeMinister], proposals.Select(p => p.TitleId));
            Assert.Equal([deptUnit, deptUnit, other.UnitId], proposals.Select(p => p.UnitId));
            Assert.Equal("Phó Giám đốc Sở Tư pháp", proposals[1].PersonPosition);
            var id = proposalId.ToString(System.Globalization.CultureInfo.InvariantCulture);
            Assert.True(await db.AuditEntries.AnyAsync(a => a.EntityType == nameof(CommendationProposal) && a.EntityId == id && a.Action == "delete" && a.UserName == "dieuphoi"));
        }
    }
}
