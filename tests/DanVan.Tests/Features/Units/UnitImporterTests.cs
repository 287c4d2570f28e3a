using System.Text;
using DanVan.Domain.Units;
using DanVan.Features.Units;
using DanVan.Testing;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Tests.Features.Units;

public class UnitImporterTests
{
    [Fact]
    public async Task Import_LoadsThe34ProvincesAnd3321Communes_ThenIsIdempotent()
    {
        await using var database = await TestDatabase.CreateMigratedAsync();
        await using (var db = database.CreateContext())
        {
            await using var list = UnitImporter.OpenEmbeddedList();
            var summary = await new UnitImporter(db, TimeProvider.System).ImportAsync(list);
            Assert.Equal(34, summary.Provinces);
            Assert.Equal(3321, summary.Communes);
            Assert.Equal(1 + 34 + 3321, summary.Added);
        }

        await using (var db = database.CreateContext())
        {
            Assert.Equal(34, await db.OrgUnits.CountAsync(u => u.Kind == OrgUnitKind.Province));
            Assert.Equal(3321, await db.OrgUnits.CountAsync(u => u.Kind == OrgUnitKind.Commune || u.Kind == OrgUnitKind.Ward || u.Kind == OrgUnitKind.SpecialZone));
            Assert.Equal(13, await db.OrgUnits.CountAsync(u => u.Kind == OrgUnitKind.SpecialZone));
            var quangNgai = await db.OrgUnits.SingleAsync(u => u.Code == "51");
            Assert.Equal("Tỉnh Quảng Ngãi", quangNgai.Name);
            var commune = await db.OrgUnits.FirstAsync(u => u.ParentId == quangNgai.Id);
            Assert.Equal(quangNgai.SubtreePrefix, commune.AncestorPath);
            Assert.Equal(5, commune.Code.Length); // leading zeros kept: codes are strings

            // Bulk import: one summary audit entry per batch, not one per row.
            Assert.InRange(await db.AuditEntries.CountAsync(), 2, 3);

            await using var again = UnitImporter.OpenEmbeddedList();
            var second = await new UnitImporter(db, TimeProvider.System).ImportAsync(again);
            Assert.Equal(0, second.Added);
            Assert.Equal(0, second.Renamed);
        }
    }

    [Fact]
    public async Task Import_RecordsRenames()
    {
        await using var database = await TestDatabase.CreateMigratedAsync();
        const string first = """[{"Code":"99","Name":"Thử","FullName":"Tỉnh Thử","Wards":[{"Code":"99001","Name":"A","FullName":"Xã A","ProvinceCode":"99"}]}]""";
        const string second = """[{"Code":"99","Name":"Thử","FullName":"Tỉnh Thử","Wards":[{"Code":"99001","Name":"A","FullName":"Phường A","ProvinceCode":"99"}]}]""";
        await using var db = database.CreateContext();
        await new UnitImporter(db, TimeProvider.System).ImportAsync(new MemoryStream(Encoding.UTF8.GetBytes(first)));
        var summary = await new UnitImporter(db, TimeProvider.System).ImportAsync(new MemoryStream(Encoding.UTF8.GetBytes(second)));
        Assert.Equal(1, summary.Renamed);
        var unit = await db.OrgUnits.SingleAsync(u => u.Code == "99001");
        Assert.Equal("Phường A", unit.Name);
        var rename = await db.OrgUnitEvents.SingleAsync(e => e.UnitId == unit.Id && e.Kind == OrgUnitEventKind.Renamed);
        Assert.Equal("Xã A", rename.OldName);
    }

    [Theory]
    [InlineData("")]
    [InlineData("không phải json")]
    [InlineData("[]")]
    [InlineData("""[{"Code":"","FullName":""}]""")]
    public async Task Import_OfBadFile_FailsWithVietnameseMessageAndSavesNothing(string content)
    {
        await using var database = await TestDatabase.CreateMigratedAsync();
        await using var db = database.CreateContext();
        var ex = await Assert.ThrowsAsync<InvalidDataException>(() =>
            new UnitImporter(db, TimeProvider.System).ImportAsync(new MemoryStream(Encoding.UTF8.GetBytes(content))));
        Assert.StartsWith("Tệp danh mục", ex.Message, StringComparison.Ordinal);
        Assert.Equal(0, await db.OrgUnits.CountAsync());
    }

    [Theory]
    [InlineData("Phường Ba Đình", OrgUnitKind.Ward)]
    [InlineData("Xã Tân Biên", OrgUnitKind.Commune)]
    [InlineData("xã Thượng Hà", OrgUnitKind.Commune)]
    [InlineData("Đặc khu Phú Quốc", OrgUnitKind.SpecialZone)]
    public void KindOf_ReadsThePrefix(string name, OrgUnitKind kind) => Assert.Equal(kind, UnitImporter.KindOf(name));
}
