using DanVan.Data;
using DanVan.Domain.Text;
using DanVan.Domain.Units;
using DanVan.Testing;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Tests.Data;

/// <summary>Names sorted by the database come out in Vietnamese alphabetical order on both engines, whatever the
/// cluster's locale (the tests' PostgreSQL runs in C.UTF-8, where "Trảng" sorts before "Tân").</summary>
public class VietnameseOrderTests
{
    private static readonly string[] Names =
    [
        "Phường Trảng Bàng", "Phường Tân An", "Xã Đức Hòa", "Xã Dương Minh Châu", "Xã Ấp Bắc", "Xã An Tịnh",
        "Phường Tân Ninh", "Xã Ô Môn", "Xã Ơn Thành", "Xã Ông Đình", "Phường Gò Dầu", "Xã Ea Kar", "Xã Ê Đê",
        "Phường Hòa Thành", "Xã Hảo Đước", "phường Bình Minh", "Xã Zơ Ra",
    ];

    [Fact]
    public async Task OrderByVietnamese_SortsNamesAsVietnameseDo()
    {
        await using var database = await TestDatabase.CreateMigratedAsync();
        await using (var db = database.CreateContext())
        {
            var root = new OrgUnit { Code = "VN", Kind = OrgUnitKind.Country };
            root.SetName("Việt Nam");
            db.OrgUnits.Add(root);
            var i = 0;
            foreach (var name in Names.Reverse())
            {
                var unit = new OrgUnit { Code = $"T{++i:D3}", Kind = OrgUnitKind.Commune };
                unit.SetName(name);
                db.OrgUnits.Add(unit);
            }

            await db.SaveChangesAsync();
        }

        await using (var db = database.CreateContext())
        {
            var sorted = await db.OrgUnits.AsNoTracking().Where(u => u.Code != "VN").OrderByVietnamese(db, u => u.Name).Select(u => u.Name).ToListAsync();
            var expected = Names.Order(StringComparer.Create(VietnameseText.Culture, ignoreCase: false)).ToList();
            Assert.Equal(expected, sorted);
            Assert.True(sorted.IndexOf("Phường Tân An") < sorted.IndexOf("Phường Trảng Bàng"));
            Assert.True(sorted.IndexOf("Xã Dương Minh Châu") < sorted.IndexOf("Xã Đức Hòa")); // Đ comes after D
            Assert.True(sorted.IndexOf("Xã Ô Môn") < sorted.IndexOf("Xã Ơn Thành"));         // O < Ô < Ơ
            Assert.True(sorted.IndexOf("Xã Ea Kar") < sorted.IndexOf("Xã Ê Đê"));

            var then = await db.OrgUnits.AsNoTracking().Where(u => u.Code != "VN").OrderBy(u => u.Kind).ThenByVietnamese(db, u => u.Name).Select(u => u.Name).ToListAsync();
            Assert.Equal(expected, then);
        }
    }
}
