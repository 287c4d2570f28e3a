using System.Text;
using DanVan.Domain.Units;
using DanVan.Features.Units;
using DanVan.Infrastructure;
using DanVan.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Tests.Features.Units;

public class UnitCommandsTests(SeededDatabaseFixture fx) : IClassFixture<SeededDatabaseFixture>
{
    private static readonly DateOnly Today = new(2026, 11, 22);

    private sealed class FixedClock() : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(2026, 11, 21, 18, 30, 0, TimeSpan.Zero); // 01:30 on 22/11 in Việt Nam
    }

    private UnitCommands Commands(out DanVan.Data.AppDbContext db, string actor = "dieuphoi")
    {
        db = fx.Context(actor);
        return new UnitCommands(db, new FixedClock());
    }

    [Fact]
    public async Task Create_UnderOwnProvince_SavesUnitEventAndAudit()
    {
        var scope = await fx.ScopeOfAsync("dieuphoi");
        var parentId = await fx.UnitIdAsync("80.SNV");
        var code = SeededDatabaseFixture.NewCode();
        var commands = Commands(out var db);
        await using (db)
        {
            var result = await commands.CreateAsync(scope, new CreateUnitCommand(parentId, code, "Phòng Công tác dân vận", OrgUnitKind.Division, null, null, "QĐ 1/QĐ-SNV"));
            Assert.True(result.IsOk, string.Join(" ", result.Errors.SelectMany(e => e.Value)));
        }

        await using var check = fx.Context();
        var unit = await check.OrgUnits.SingleAsync(u => u.Code == code);
        var parent = await check.OrgUnits.SingleAsync(u => u.Id == parentId);
        Assert.Equal(parentId, unit.ParentId);
        Assert.Equal(parent.SubtreePrefix, unit.AncestorPath);
        Assert.Equal(Today, unit.ValidFrom); // "today" is the Vietnamese day, not the UTC one (21/11)
        Assert.Equal("phong cong tac dan van " + code.ToLowerInvariant(), unit.SearchText.Trim());
        Assert.Single(await check.OrgUnitEvents.Where(e => e.UnitId == unit.Id && e.Kind == OrgUnitEventKind.Created).ToListAsync());
        var idText = unit.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var audit = await check.AuditEntries.SingleAsync(a => a.EntityType == "OrgUnit" && a.EntityId == idText);
        Assert.Equal("create", audit.Action);
        Assert.Equal("dieuphoi", audit.UserName);
        Assert.Equal(unit.Id, audit.UnitId);
        Assert.Contains("Phòng Công tác dân vận", audit.Changes, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_WithBadInput_ReturnsVietnameseFieldErrorsAndSavesNothing()
    {
        var scope = await fx.ScopeOfAsync("dieuphoi");
        var parentId = await fx.UnitIdAsync("80.SNV");
        await using var before = fx.Context();
        var units = await before.OrgUnits.CountAsync();
        var audits = await before.AuditEntries.CountAsync();

        var commands = Commands(out var db);
        await using (db)
        {
            var result = await commands.CreateAsync(scope, new CreateUnitCommand(parentId, "80.SNV", "  ", null, null, null, null));
            Assert.Equal(ResultStatus.Invalid, result.Status);
            Assert.Contains("Vui lòng nhập tên đơn vị.", result.Errors["Name"]);
            Assert.Contains(result.Errors["Code"], m => m.Contains("đã được dùng", StringComparison.Ordinal));
            Assert.Contains("Vui lòng chọn loại đơn vị.", result.Errors["Kind"]);

            var badCode = await commands.CreateAsync(scope, new CreateUnitCommand(parentId, "mã có dấu/", "Tên", OrgUnitKind.Division, null, null, null));
            Assert.Contains(badCode.Errors["Code"], m => m.Contains("chữ không dấu", StringComparison.Ordinal));
        }

        await using var after = fx.Context();
        Assert.Equal(units, await after.OrgUnits.CountAsync());
        Assert.Equal(audits, await after.AuditEntries.CountAsync());
    }

    [Fact]
    public async Task Create_InAnotherProvince_IsForbidden()
    {
        var scope = await fx.ScopeOfAsync("dieuphoi");
        var hanoi = await fx.UnitIdAsync("01");
        var commands = Commands(out var db);
        await using (db)
        {
            var result = await commands.CreateAsync(scope, new CreateUnitCommand(hanoi, SeededDatabaseFixture.NewCode(), "Sở lạ", OrgUnitKind.Department, null, null, null));
            Assert.Equal(ResultStatus.Forbidden, result.Status);
        }
    }

    [Fact]
    public async Task Create_NormalisesDecomposedNameToNfc()
    {
        var scope = await fx.ScopeOfAsync("dieuphoi");
        var parentId = await fx.UnitIdAsync("80");
        var code = SeededDatabaseFixture.NewCode();
        var nfd = "Trung tâm Dịch vụ việc làm".Normalize(NormalizationForm.FormD);
        var commands = Commands(out var db);
        await using (db)
        {
            Assert.True((await commands.CreateAsync(scope, new CreateUnitCommand(parentId, code, nfd, OrgUnitKind.PublicServiceUnit, null, null, null))).IsOk);
        }

        await using var check = fx.Context();
        Assert.Equal("Trung tâm Dịch vụ việc làm", (await check.OrgUnits.SingleAsync(u => u.Code == code)).Name);
    }

    [Fact]
    public async Task Rename_KeepsTheOldNameInHistory()
    {
        var admin = await fx.ScopeOfAsync("admin");
        var id = await CreateAsync("80", "Ban Quản lý dự án");
        var commands = Commands(out var db, "admin");
        await using (db)
        {
            var result = await commands.RenameAsync(admin, new RenameUnitCommand(id, "Ban Quản lý dự án đầu tư xây dựng", new DateOnly(2026, 12, 1), "QĐ 9/QĐ-UBND"));
            Assert.True(result.IsOk);
        }

        await using var check = fx.Context();
        var unit = await check.OrgUnits.SingleAsync(u => u.Id == id);
        var events = await check.OrgUnitEvents.Where(e => e.UnitId == id).ToListAsync();
        Assert.Equal("Ban Quản lý dự án đầu tư xây dựng", unit.Name);
        Assert.Equal("Ban Quản lý dự án", OrgUnitHistory.NameOn(unit.Name, events, new DateOnly(2026, 11, 30)));
    }

    [Fact]
    public async Task Move_RewritesThePathsOfTheWholeSubtree()
    {
        var admin = await fx.ScopeOfAsync("admin");
        var a = await CreateAsync("80", "Đơn vị A");
        var b = await CreateAsync("80", "Đơn vị B");
        var a1 = await CreateAsync(a, "Phòng A1");
        var a11 = await CreateAsync(a1, "Tổ A11");
        var commands = Commands(out var db, "admin");
        await using (db)
        {
            var result = await commands.MoveAsync(admin, new MoveUnitCommand(a, b, null, null));
            Assert.True(result.IsOk, string.Join(" ", result.Errors.SelectMany(e => e.Value)));
        }

        await using var check = fx.Context();
        var units = await check.OrgUnits.Where(u => new[] { a, b, a1, a11 }.Contains(u.Id)).ToDictionaryAsync(u => u.Id);
        Assert.Equal(b, units[a].ParentId);
        Assert.Equal(units[b].SubtreePrefix, units[a].AncestorPath);
        Assert.Equal(units[a].SubtreePrefix, units[a1].AncestorPath);
        Assert.Equal(units[a1].SubtreePrefix, units[a11].AncestorPath);
        Assert.Equal(units[a].Depth + 2, units[a11].Depth);
    }

    [Fact]
    public async Task Move_IntoOwnSubtree_IsRefused()
    {
        var admin = await fx.ScopeOfAsync("admin");
        var a = await CreateAsync("80", "Đơn vị C");
        var a1 = await CreateAsync(a, "Phòng C1");
        var commands = Commands(out var db, "admin");
        await using (db)
        {
            var result = await commands.MoveAsync(admin, new MoveUnitCommand(a, a1, null, null));
            Assert.Equal(ResultStatus.Invalid, result.Status);
            Assert.Contains(result.Errors["NewParentId"], m => m.Contains("trực thuộc của nó", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task Merge_EndsTheSourceMovesItsChildrenAndStaffAndRecordsSuccession()
    {
        var admin = await fx.ScopeOfAsync("admin");
        var source = await CreateAsync("80", "Sở cũ");
        var child = await CreateAsync(source, "Phòng của Sở cũ");
        var target = await CreateAsync("80", "Sở mới");
        var commands = Commands(out var db, "admin");
        await using (db)
        {
            var result = await commands.MergeAsync(admin, new MergeUnitsCommand([source], target, new DateOnly(2027, 1, 1), "NQ 1/NQ-HĐND"));
            Assert.True(result.IsOk, string.Join(" ", result.Errors.SelectMany(e => e.Value)));
        }

        await using var check = fx.Context();
        var merged = await check.OrgUnits.SingleAsync(u => u.Id == source);
        Assert.Equal(new DateOnly(2026, 12, 31), merged.ValidTo);
        Assert.Equal(target, (await check.OrgUnits.SingleAsync(u => u.Id == child)).ParentId);
        var succession = await check.OrgUnitSuccessions.SingleAsync(s => s.PredecessorId == source);
        Assert.Equal(target, succession.SuccessorId);

        // Merging again is refused: the unit no longer exists.
        var again = Commands(out var db2, "admin");
        await using (db2)
        {
            var result = await again.MergeAsync(admin, new MergeUnitsCommand([source], target, new DateOnly(2027, 2, 1), null));
            Assert.Equal(ResultStatus.Invalid, result.Status);
        }
    }

    [Fact]
    public async Task Split_EndsTheUnitAndMapsItToEverySuccessor()
    {
        var admin = await fx.ScopeOfAsync("admin");
        var old = await CreateAsync("80", "Trung tâm cũ");
        var keptChild = await CreateAsync(old, "Tổ còn hoạt động");
        var first = await CreateAsync("80", "Trung tâm thứ nhất");
        var second = await CreateAsync("80", "Trung tâm thứ hai");
        var commands = Commands(out var db, "admin");
        await using (db)
        {
            var tooFew = await commands.SplitAsync(admin, new SplitUnitCommand(old, [first], new DateOnly(2027, 1, 1), null));
            Assert.Contains(tooFew.Errors["SuccessorIds"], m => m.Contains("ít nhất hai", StringComparison.Ordinal));
            var withChild = await commands.SplitAsync(admin, new SplitUnitCommand(old, [first, second], new DateOnly(2027, 1, 1), null));
            Assert.Contains(withChild.Errors[""], m => m.Contains("đơn vị trực thuộc đang hoạt động", StringComparison.Ordinal));
            Assert.True((await commands.MoveAsync(admin, new MoveUnitCommand(keptChild, first, null, null))).IsOk);
            var ok = await commands.SplitAsync(admin, new SplitUnitCommand(old, [first, second], new DateOnly(2027, 1, 1), "NQ 2/NQ-HĐND"));
            Assert.True(ok.IsOk, string.Join(" ", ok.Errors.SelectMany(e => e.Value)));
        }

        await using var check = fx.Context();
        Assert.Equal(new DateOnly(2026, 12, 31), (await check.OrgUnits.SingleAsync(u => u.Id == old)).ValidTo);
        var successors = await check.OrgUnitSuccessions.Where(s => s.PredecessorId == old).Select(s => s.SuccessorId).ToListAsync();
        Assert.Equal(new[] { first, second }.Order(), successors.Order());
        Assert.Single(await check.OrgUnitEvents.Where(e => e.UnitId == old && e.Kind == OrgUnitEventKind.Split).ToListAsync());
    }

    [Fact]
    public async Task LegacyDistrict_StaysReadableAndMapsToItsSuccessors()
    {
        await using var db = fx.Context();
        var district = await db.OrgUnits.SingleAsync(u => u.Code == "80.CU.GODAU");
        Assert.Equal(new DateOnly(2025, 6, 30), district.ValidTo);
        Assert.False(district.IsActiveOn(new DateOnly(2025, 7, 1)));
        Assert.True(district.IsActiveOn(new DateOnly(2024, 1, 1)));
        var successors = await db.OrgUnitSuccessions.Where(s => s.PredecessorId == district.Id)
            .Join(db.OrgUnits, s => s.SuccessorId, u => u.Id, (s, u) => u.Name).ToListAsync();
        Assert.Equal(["Phường Gò Dầu", "Xã Phước Thạnh", "Xã Thạnh Đức", "Xã Truông Mít"], successors.Order(StringComparer.Ordinal));
    }

    private async Task<int> CreateAsync(string parentCode, string name) => await CreateAsync(await fx.UnitIdAsync(parentCode), name);

    private async Task<int> CreateAsync(int parentId, string name)
    {
        var admin = await fx.ScopeOfAsync("admin");
        var commands = Commands(out var db, "admin");
        await using (db)
        {
            var result = await commands.CreateAsync(admin, new CreateUnitCommand(parentId, SeededDatabaseFixture.NewCode(), name, OrgUnitKind.Department, null, new DateOnly(2026, 1, 1), null));
            Assert.True(result.IsOk, string.Join(" ", result.Errors.SelectMany(e => e.Value)));
            return result.Value!.Id;
        }
    }
}
