using DanVan.Data;
using DanVan.Domain.Access;
using DanVan.Domain.Democracy;
using DanVan.Domain.Text;
using DanVan.Features.Democracy;
using DanVan.Features.Documents;
using DanVan.Features.FollowUp;
using DanVan.Features.Shared;
using DanVan.Infrastructure;
using DanVan.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DanVan.Tests.Features.Democracy;

/// <summary>The disclosure register's handlers, queries, measure and follow-up against the seeded demo province, on the engine under test.</summary>
public sealed class DisclosureCommandsTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static readonly DateOnly Today = VietnamClock.Today(TimeProvider.System);

    private static string D(DateOnly d) => VietnameseText.FormatDate(d);

    private async Task<UserScope> ScopeAsync(string role, string unitCode, string name)
    {
        using var scope = app.Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var unit = await db.OrgUnits.SingleAsync(u => u.Code == unitCode);
        return UserScope.For("id-" + name, name, role, unit.Id, unit.AncestorPath);
    }

    private async Task<T> WithAsync<T>(Func<IServiceProvider, AppDbContext, Task<T>> act)
    {
        using var scope = app.Factory.Services.CreateScope();
        return await act(scope.ServiceProvider, scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    private static DisclosureInput Input(string item, string title, DateOnly on, params DisclosureForms[] forms) => new()
    {
        Year = on.Year, ItemCode = item, Title = title, DisclosedOn = D(on), Forms = [.. forms],
    };

    [Fact]
    public async Task Record_Validates_All_At_Once_Saves_Nothing_Then_Keeps_The_File_And_Fills_The_Register()
    {
        var officer = await ScopeAsync(Roles.UnitOfficer, "25459", "canbo-cong-khai");
        var before = await WithAsync((_, db) => db.Disclosures.CountAsync());

        var bad = Input("XA-12", "", Today, DisclosureForms.Radio);
        bad.EndsOn = D(Today.AddDays(-3));
        var refused = await WithAsync((sp, _) => sp.GetRequiredService<DisclosureCommands>().RecordAsync(officer, bad, new UploadedFile("anh.png", "not an image"u8.ToArray())));
        Assert.Equal(ResultStatus.Invalid, refused.Status);
        Assert.Equal(["EndsOn", "File", "RadioDays", "Title"], refused.Errors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(before, await WithAsync((_, db) => db.Disclosures.CountAsync()));

        var good = Input("XA-12", "Quỹ đầu tư phát triển hạ tầng khu phố", Today, DisclosureForms.Radio, DisclosureForms.Posting);
        good.RadioDays = 3;
        good.EndsOn = D(Today.AddDays(29));
        var saved = await WithAsync((sp, _) => sp.GetRequiredService<DisclosureCommands>().RecordAsync(officer, good, new UploadedFile("../../bien-ban.pdf", TestFiles.Pdf())));
        Assert.True(saved.IsOk, string.Join(" ", saved.Errors.SelectMany(e => e.Value)));
        var row = saved.Value!;
        Assert.Equal("bien-ban.pdf", row.FileName);
        Assert.Equal("application/pdf", row.FileContentType);
        Assert.Equal(TestFiles.Pdf(), await WithAsync((_, db) => db.DisclosureFiles.Where(f => f.DisclosureId == row.Id).Select(f => f.Content).SingleAsync()));
        var entityId = row.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(await WithAsync((_, db) => db.AuditEntries.AnyAsync(a => a.EntityType == nameof(Disclosure) && a.EntityId == entityId)));

        var line = await WithAsync((sp, db) => DisclosureQueries.RegisterAsync(db, sp.GetRequiredService<DisclosureCommands>(), officer.UnitId, DanVan.Domain.Units.OrgUnitKind.Ward, Today.Year, Today, default));
        var twelve = line.Single(l => l.Item.Code == "XA-12");
        Assert.Equal(DisclosureStatus.Disclosed, twelve.Status);
        Assert.Null(twelve.Missing);
        Assert.Equal(14, line.Count);

        // A second officer's correction from a stale form is refused; a fresh one is kept; a deletion takes the file with it.
        var stale = Input("XA-12", "Sửa", Today, DisclosureForms.Posting);
        stale.Stamp = Guid.NewGuid();
        Assert.Equal(DisclosureCommands.Stale, (await WithAsync((sp, _) => sp.GetRequiredService<DisclosureCommands>().UpdateAsync(officer, row.Id, stale, null))).Errors[""][0]);
        var fresh = Input("XA-12", "Quỹ đầu tư phát triển hạ tầng khu phố (bổ sung)", Today, DisclosureForms.Posting);
        fresh.Stamp = row.ConcurrencyStamp;
        var updated = await WithAsync((sp, _) => sp.GetRequiredService<DisclosureCommands>().UpdateAsync(officer, row.Id, fresh, null));
        Assert.True(updated.IsOk, string.Join(" ", updated.Errors.SelectMany(e => e.Value)));
        Assert.Equal("bien-ban.pdf", updated.Value!.FileName); // kept when no new file comes

        var otherWard = await ScopeAsync(Roles.UnitOfficer, await WithAsync((_, db) => db.OrgUnits.Where(u => u.Code != "25459" && u.Kind == DanVan.Domain.Units.OrgUnitKind.Ward
            && u.AncestorPath.StartsWith(officer.UnitAncestorPath)).OrderBy(u => u.Code).Select(u => u.Code).FirstAsync()), "phuong-khac");
        Assert.Equal(ResultStatus.NotFound, (await WithAsync((sp, _) => sp.GetRequiredService<DisclosureCommands>().DeleteAsync(otherWard, row.Id, updated.Value.ConcurrencyStamp))).Status);
        var coordinator = await ScopeAsync(Roles.Coordinator, "80.SNV", "dieuphoi-cong-khai");
        Assert.Equal(ResultStatus.Forbidden, (await WithAsync((sp, _) => sp.GetRequiredService<DisclosureCommands>().DeleteAsync(coordinator, row.Id, updated.Value.ConcurrencyStamp))).Status);
        Assert.True((await WithAsync((sp, _) => sp.GetRequiredService<DisclosureCommands>().DeleteAsync(officer, row.Id, updated.Value.ConcurrencyStamp))).IsOk);
        Assert.False(await WithAsync((_, db) => db.DisclosureFiles.AnyAsync(f => f.DisclosureId == row.Id)));
    }

    [Fact]
    public async Task TheDemoRegister_CountsForTheReport_ShowsOnTheComplianceView_AndFeedsTheDigest()
    {
        var ward = await app.UnitIdAsync("25459");
        var last = Today.Year - 1;

        // The measure behind DC_CONGKHAI: last year's eleven demo disclosures, with where the figure comes from.
        var value = await WithAsync((sp, _) => sp.GetRequiredService<MeasureRegistry>().ComputeAsync(DemocracyMeasures.Disclosed, [ward], new DateOnly(last, 1, 1), new DateOnly(last, 12, 31), default));
        Assert.Equal(11, value[ward].Value);
        Assert.StartsWith("Theo dõi trên DanVan (sổ theo dõi công khai): 11 nội dung đã công khai", value[ward].Provenance, StringComparison.Ordinal);
        Assert.Equal("cong-khai", await WithAsync((_, db) => db.ReportIndicators.Where(i => i.Code == "DC_CONGKHAI").Select(i => i.MeasureCode).FirstAsync()));

        // Last year's register: items 6, 12 and 14 were never disclosed and are overdue.
        var coordinator = await ScopeAsync(Roles.Coordinator, "80.SNV", "dieuphoi-tuan-thu");
        var rows = await WithAsync((sp, db) => DisclosureQueries.ComplianceAsync(db, sp.GetRequiredService<DisclosureCommands>(), coordinator, last, Today, null, default));
        var tanNinh = rows.Single(r => r.UnitId == ward);
        Assert.Equal((14, 11, 3), (tanNinh.Required, tanNinh.Disclosed, tanNinh.Overdue));
        Assert.Equal(rows.Max(r => r.Overdue), rows[0].Overdue);
        Assert.DoesNotContain(rows, r => r.UnitName.StartsWith("Tỉnh", StringComparison.Ordinal));

        // The digest on 15/01 of this year: last year's missing items of Tân Ninh (due 31/12, within ninety days).
        var items = await WithAsync((sp, _) => sp.GetServices<IFollowUpSource>().OfType<DisclosureFollowUp>().Single().OpenAsync(new DateOnly(Today.Year, 1, 15), [ward], default));
        Assert.Equal(["XA-06", "XA-12", "XA-14"], items.Where(i => i.Title.StartsWith($"Công khai năm {last}", StringComparison.Ordinal))
            .Select(i => i.Title.Contains("khoản 6)", StringComparison.Ordinal) ? "XA-06" : i.Title.Contains("khoản 12)", StringComparison.Ordinal) ? "XA-12" : i.Title.Contains("khoản 14)", StringComparison.Ordinal) ? "XA-14" : "?").Order());
        Assert.All(items, i => Assert.Equal(ward, i.UnitId));
    }
}
