using System.Globalization;
using DanVan.Domain.Access;
using DanVan.Domain.Scoring;
using DanVan.Features.Scoring;
using DanVan.Infrastructure;
using DanVan.Testing;
using DanVan.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Tests.Features.Scoring;

/// <summary>
/// Frameworks as data (ADR-021) on the engine under test: never edited under an open round, a new version copies the
/// tree and ends the old one the day before, bad maxima and bands are refused with nothing changed.
/// </summary>
public sealed class ScoringFrameworkCommandsTests(SeededDatabaseFixture fx) : IClassFixture<SeededDatabaseFixture>
{
    private static readonly FakeClock Clock = new(new DateTimeOffset(2026, 11, 2, 3, 0, 0, TimeSpan.Zero));

    private static string Errors<T>(Result<T> r) => string.Join(" ", r.Errors.SelectMany(e => e.Value));

    private async Task<T> Run<T>(string actor, Func<ScoringFrameworkCommands, Task<T>> act)
    {
        await using var db = fx.Context(actor);
        return await act(new ScoringFrameworkCommands(db, Clock));
    }

    private async Task<int> FrameworkAsync()
    {
        await using var db = fx.Context();
        return await ScoringTestData.FrameworkAsync(db);
    }

    private async Task<ScoringFramework> LoadAsync(int id)
    {
        await using var db = fx.Context();
        var f = await db.ScoringFrameworks.AsNoTracking().Include(x => x.Criteria).SingleAsync(x => x.Id == id);
        f.Criteria = f.Criteria.OrderBy(c => c.SortOrder).ToList();
        return f;
    }

    /// <summary>The framework as stored, in one string, to compare before and after a refusal.</summary>
    private static string Describe(ScoringFramework f) =>
        string.Join("|", new[] { f.Name, f.LegalBasis, f.Bands, f.BonusCap.ToString(CultureInfo.InvariantCulture), f.PenaltyCap.ToString(CultureInfo.InvariantCulture), f.ValidTo?.ToString("O", CultureInfo.InvariantCulture) ?? "" }
            .Concat(f.Criteria.Select(c => $"{c.Code}:{c.Name}:{c.MaxPoints.ToString(CultureInfo.InvariantCulture)}:{c.Steps}:{c.EvidenceRequired}")));

    /// <summary>The form as the page fills it from the framework.</summary>
    private static FrameworkInput Form(ScoringFramework f) => new()
    {
        Name = f.Name, LegalBasis = f.LegalBasis, Bands = f.Bands, BonusCap = ScoringRules.FormatNumber(f.BonusCap), PenaltyCap = ScoringRules.FormatNumber(f.PenaltyCap),
        Criteria = f.Criteria.Select(c => new CriterionInput { Id = c.Id, Name = c.Name, MaxPoints = ScoringRules.FormatNumber(c.MaxPoints), Steps = c.Steps, EvidenceRequired = c.EvidenceRequired }).ToList(),
    };

    private static CriterionInput Criterion(FrameworkInput form, ScoringFramework f, string code) => form.Criteria.Single(c => c.Id == f.Criteria.Single(x => x.Code == code).Id);

    private async Task<int> OpenRoundAsync(int frameworkId)
    {
        var coordinator = await fx.ScopeOfAsync("dieuphoi");
        await using var db = fx.Context("dieuphoi");
        var opened = await new ScoringCommands(db, ScoringTestData.Measures(db), Clock).OpenRoundAsync(coordinator, new OpenRoundInput
        {
            FrameworkId = frameworkId, Year = 2026, SelfFrom = "01/11/2026", SelfDue = "14/11/2026", AppraisalOn = "20/11/2026", ObjectionDays = 5,
        });
        Assert.True(opened.IsOk, Errors(opened));
        return opened.Value!.Id;
    }

    [Fact]
    public async Task Update_WhileAnOpenRoundUsesTheFramework_IsRefused_AndChangesNothing()
    {
        var id = await FrameworkAsync();
        await OpenRoundAsync(id);
        var before = await LoadAsync(id);
        var form = Form(before);
        form.Name = "Tên mới";
        Criterion(form, before, "TC4.1").MaxPoints = "14";
        Criterion(form, before, "TC4.2").MaxPoints = "6";
        var coordinator = await fx.ScopeOfAsync("dieuphoi");
        var refused = await Run("dieuphoi", c => c.UpdateAsync(coordinator, id, form));
        Assert.Equal(ResultStatus.Invalid, refused.Status);
        Assert.Equal(["Bộ tiêu chí đang dùng cho kỳ đánh giá năm 2026 chưa công bố: không sửa được; hãy tạo phiên bản mới."], refused.Errors[""]);
        Assert.Equal(Describe(before), Describe(await LoadAsync(id)));
    }

    [Fact]
    public async Task Update_WithANegativeMaximumGroupsNotAddingUpOrBandsThatOverlap_IsRefusedWithEveryReason_ThenAGoodEditIsSaved()
    {
        var id = await FrameworkAsync();
        var before = await LoadAsync(id);
        var coordinator = await fx.ScopeOfAsync("dieuphoi");
        var form = Form(before);
        form.Name = "";
        form.BonusCap = "-1";
        Criterion(form, before, "TC4.1").MaxPoints = "-15";
        Criterion(form, before, "TC3.1").MaxPoints = "9";
        Criterion(form, before, "TC1.2").Steps = "95=2;80=0,5";
        var refused = await Run("dieuphoi", c => c.UpdateAsync(coordinator, id, form));
        Assert.Equal(ResultStatus.Invalid, refused.Status);
        Assert.Equal(["Vui lòng nhập tên bộ tiêu chí."], refused.Errors["Name"]);
        Assert.Equal(["Mức tối đa điểm thưởng “-1” không hợp lệ: nhập số không âm, tối đa hai chữ số thập phân."], refused.Errors["BonusCap"]);
        var tc41 = form.Criteria.FindIndex(c => c.Id == before.Criteria.Single(x => x.Code == "TC4.1").Id);
        Assert.Equal(["TC4.1: điểm tối đa “-15” không hợp lệ: nhập số không âm, tối đa hai chữ số thập phân."], refused.Errors[$"Criteria[{tc41}].MaxPoints"]);
        Assert.Contains("TC3: điểm tối đa 20 khác tổng các tiểu mục (19).", refused.Errors[""]);
        Assert.Contains("TC1.2: bảng quy đổi không đọc được: viết dạng “95=1;80=0,5;0=0” (ngưỡng=tỷ lệ điểm từ 0 đến 1).", refused.Errors[""]);
        Assert.Equal(Describe(before), Describe(await LoadAsync(id)));

        // Two grades from the same score: the second could never be given.
        var overlap = Form(before);
        overlap.Bands = "Hoàn thành xuất sắc=90;Hoàn thành tốt=90;Hoàn thành=50;Không hoàn thành=0";
        var bands = await Run("dieuphoi", c => c.UpdateAsync(coordinator, id, overlap));
        Assert.Equal(ResultStatus.Invalid, bands.Status);
        Assert.Equal(["Hai mức xếp loại “Hoàn thành xuất sắc” và “Hoàn thành tốt” cùng từ 90 điểm: mỗi mức phải có điểm tối thiểu riêng."], bands.Errors[""]);
        var unreadable = Form(before);
        unreadable.Bands = "Xuất sắc: 90";
        Assert.StartsWith("Các mức xếp loại không đọc được", (await Run("dieuphoi", c => c.UpdateAsync(coordinator, id, unreadable))).Errors[""][0], StringComparison.Ordinal);
        Assert.Equal(Describe(before), Describe(await LoadAsync(id)));

        // Moving one point from TC4.1 to TC4.2 keeps TC4 at 20: saved, with the new steps and name.
        var good = Form(before);
        good.Name = "Tiêu chí chấm điểm (sửa theo phụ lục)";
        Criterion(good, before, "TC4.1").MaxPoints = "14";
        Criterion(good, before, "TC4.2").MaxPoints = "6";
        Criterion(good, before, "TC1.2").Steps = "90=1;70=0,5;0=0";
        var saved = await Run("dieuphoi", c => c.UpdateAsync(coordinator, id, good));
        Assert.True(saved.IsOk, Errors(saved));
        var after = await LoadAsync(id);
        Assert.Equal("Tiêu chí chấm điểm (sửa theo phụ lục)", after.Name);
        Assert.Equal(14, after.Criteria.Single(c => c.Code == "TC4.1").MaxPoints);
        Assert.Equal(6, after.Criteria.Single(c => c.Code == "TC4.2").MaxPoints);
        Assert.Equal("90=1;70=0,5;0=0", after.Criteria.Single(c => c.Code == "TC1.2").Steps);
        Assert.Empty(ScoringRules.Check(after));
    }

    [Fact]
    public async Task Update_ByTheUnitsTheReviewerOrForTheNationalTemplate_IsForbidden_AnotherProvinceDoesNotSeeIt()
    {
        var id = await FrameworkAsync();
        var before = await LoadAsync(id);
        foreach (var userName in new[] { "thamdinh", "canbo", "lanhdao", "xem" })
        {
            var user = await fx.ScopeOfAsync(userName);
            Assert.Equal(ResultStatus.Forbidden, (await Run(userName, c => c.UpdateAsync(user, id, Form(before)))).Status);
        }

        int national;
        UserScope hanoi;
        await using (var db = fx.Context())
        {
            national = await db.ScoringFrameworks.Where(f => f.Code == ShippedFrameworks.NationalCode).OrderBy(f => f.Version).Select(f => f.Id).FirstAsync();
            var unit = await db.OrgUnits.SingleAsync(u => u.Code == "01");
            hanoi = UserScope.For("id-hn", "dieuphoi-hn", Roles.Coordinator, unit.Id, unit.AncestorPath);
        }

        var coordinator = await fx.ScopeOfAsync("dieuphoi");
        var template = await LoadAsync(national);
        Assert.Equal(ResultStatus.Forbidden, (await Run("dieuphoi", c => c.UpdateAsync(coordinator, national, Form(template)))).Status);
        Assert.Equal(ResultStatus.Forbidden, (await Run("dieuphoi", c => c.NewVersionAsync(coordinator, national, Form(template)))).Status);
        Assert.Equal(ResultStatus.NotFound, (await Run("dieuphoi-hn", c => c.UpdateAsync(hanoi, id, Form(before)))).Status);
        Assert.Equal(Describe(before), Describe(await LoadAsync(id)));
        Assert.Equal(Describe(template), Describe(await LoadAsync(national)));
    }

    [Fact]
    public async Task NewVersion_CopiesTheTreeWithTheEdits_EndsTheOldOneTheDayBefore_AndTheOpenRoundKeepsItsVersion()
    {
        var id = await FrameworkAsync();
        var roundId = await OpenRoundAsync(id);
        var old = await LoadAsync(id);
        var coordinator = await fx.ScopeOfAsync("dieuphoi");

        // Bad dates first: unreadable, and not after the version in force.
        var form = Form(old);
        form.ValidFrom = "31/06/2026";
        Assert.Equal(["Vui lòng nhập ngày áp dụng phiên bản mới theo dạng ngày/tháng/năm."], (await Run("dieuphoi", c => c.NewVersionAsync(coordinator, id, form))).Errors["ValidFrom"]);
        form.ValidFrom = "01/08/2022";
        Assert.Equal(["Phiên bản mới phải áp dụng sau ngày 01/08/2022 của phiên bản đang có."], (await Run("dieuphoi", c => c.NewVersionAsync(coordinator, id, form))).Errors["ValidFrom"]);
        form.ValidFrom = "01/06/2026";
        Criterion(form, old, "TC4.1").MaxPoints = "16"; // TC4 would no longer add up
        Assert.Contains("TC4: điểm tối đa 20 khác tổng các tiểu mục (21).", (await Run("dieuphoi", c => c.NewVersionAsync(coordinator, id, form))).Errors[""]);
        await using (var db = fx.Context())
        {
            Assert.Equal(1, await db.ScoringFrameworks.CountAsync(f => f.Code == old.Code));
        }

        Assert.Equal(Describe(old), Describe(await LoadAsync(id)));

        var edited = Form(old);
        edited.ValidFrom = "01/06/2026";
        edited.LegalBasis = "Quyết định số 999/QĐ-UBND ngày 20/5/2026 của UBND tỉnh Tây Ninh";
        Criterion(edited, old, "TC4.1").MaxPoints = "14";
        Criterion(edited, old, "TC4.2").MaxPoints = "6";
        Criterion(edited, old, "TC4.2").EvidenceRequired = true;
        var made = await Run("dieuphoi", c => c.NewVersionAsync(coordinator, id, edited));
        Assert.True(made.IsOk, Errors(made));
        var copy = await LoadAsync(made.Value!.Id);
        Assert.NotEqual(id, copy.Id);
        Assert.Equal((old.Code, 2, new DateOnly(2026, 6, 1), (DateOnly?)null), (copy.Code, copy.Version, copy.ValidFrom, copy.ValidTo));
        Assert.Equal("Quyết định số 999/QĐ-UBND ngày 20/5/2026 của UBND tỉnh Tây Ninh", copy.LegalBasis);

        // The same tree: every criterion by code, with its parent by code, its method and measures; the edits only where made.
        string Parent(ScoringFramework f, ScoringCriterion c) => c.ParentId is { } p ? f.Criteria.Single(x => x.Id == p).Code : "";
        Assert.Equal(old.Criteria.Select(c => (c.Code, Parent(old, c), c.Kind, c.Method, c.MeasureCode, c.DenominatorCode, c.Steps, c.SortOrder)),
            copy.Criteria.Select(c => (c.Code, Parent(copy, c), c.Kind, c.Method, c.MeasureCode, c.DenominatorCode, c.Steps, c.SortOrder)));
        Assert.All(copy.Criteria, c => Assert.NotEqual(id, c.FrameworkId));
        Assert.Equal(14, copy.Criteria.Single(c => c.Code == "TC4.1").MaxPoints);
        Assert.True(copy.Criteria.Single(c => c.Code == "TC4.2").EvidenceRequired);
        Assert.Empty(ScoringRules.Check(copy));

        // The old version ends the day before and keeps its points; the open round still scores on it.
        var ended = await LoadAsync(id);
        Assert.Equal(new DateOnly(2026, 5, 31), ended.ValidTo);
        Assert.Equal(15, ended.Criteria.Single(c => c.Code == "TC4.1").MaxPoints);
        Assert.False(ended.Criteria.Single(c => c.Code == "TC4.2").EvidenceRequired);
        await using (var db = fx.Context())
        {
            Assert.Equal(id, await db.ScoringRounds.Where(r => r.Id == roundId).Select(r => r.FrameworkId).SingleAsync());
        }

        // A version is made from the latest only.
        var stale = Form(old);
        stale.ValidFrom = "01/09/2026";
        Assert.Equal(["Đã có phiên bản mới hơn của bộ tiêu chí này: tạo phiên bản từ bản mới nhất."], (await Run("dieuphoi", c => c.NewVersionAsync(coordinator, id, stale))).Errors[""]);

        // The new version is the same framework: the province's 2026 round is already open on it, so a second one is refused.
        await using (var db = fx.Context("dieuphoi"))
        {
            var again = await new ScoringCommands(db, ScoringTestData.Measures(db), Clock).OpenRoundAsync(coordinator, new OpenRoundInput
            {
                FrameworkId = copy.Id, Year = 2026, SelfFrom = "01/11/2026", SelfDue = "14/11/2026", AppraisalOn = "20/11/2026", ObjectionDays = 5,
            });
            Assert.Equal(["Đã mở kỳ đánh giá năm 2026 theo bộ tiêu chí này."], again.Errors["Year"]);
            Assert.False(await db.ScoringRounds.AnyAsync(r => r.FrameworkId == copy.Id));
        }
    }
}
