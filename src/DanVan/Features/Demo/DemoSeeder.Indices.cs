using DanVan.Domain.Indices;
using DanVan.Features.Indices;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Features.Demo;

public sealed partial class DemoSeeder
{
    /// <summary>
    /// Tây Ninh's published SIPAS, PAR INDEX, PAPI, PCI and 766 results of the last years (entered by the coordinator,
    /// believable, not the real figures), and Phường Tân Ninh's self-assessed SIPAS of this year, from which its
    /// six-month report pre-fills SIPAS.
    /// </summary>
    private async Task<bool> SeedIndicesAsync(CancellationToken ct)
    {
        if (await db.IndexValues.AnyAsync(ct))
        {
            return false;
        }

        var province = await db.OrgUnits.Where(u => u.Code == ProvinceCode).Select(u => u.Id).SingleAsync(ct);
        var ward = await db.OrgUnits.Where(u => u.Code == "25459").Select(u => (int?)u.Id).FirstOrDefaultAsync(ct);
        var year = Infrastructure.VietnamClock.Today(clock).Year;
        var commands = new IndexCommands(db, clock);
        async Task Enter(string user, string code, int unit, int y, string? value, IndexValueSource source, string note, params (string Code, string Value)[] parts)
        {
            var id = await db.Users.Where(u => u.UserName == user).Select(u => u.Id).SingleAsync(ct);
            var scope = (await Infrastructure.CurrentUser.LoadScopeAsync(db, id, ct))!;
            var result = await commands.EnterAsync(scope, code, new IndexValueInput
            {
                UnitId = unit, Year = y, Value = value, Source = source, SourceNote = note,
                Components = parts.ToDictionary(p => p.Code, p => (string?)p.Value, StringComparer.Ordinal),
            }, Guid.Empty, ct);
            if (!result.IsOk)
            {
                throw new InvalidOperationException($"Demo index {code} {y}: " + string.Join(" ", result.Errors.SelectMany(e => e.Value)));
            }
        }

        const string Illustrative = " (số liệu minh họa)";
        foreach (var (ago, sipas) in new[] { (3, "82,9"), (2, "84,1") })
        {
            await Enter("dieuphoi", "SIPAS", province, year - ago, sipas, IndexValueSource.Published, $"Bộ Nội vụ công bố tháng 4/{year - ago + 1}{Illustrative}");
        }

        await Enter("dieuphoi", "SIPAS", province, year - 1, null, IndexValueSource.Published, $"Bộ Nội vụ công bố tháng 4/{year}{Illustrative}",
            ("TIEP_CAN", "85,2"), ("TTHC", "84,7"), ("CONG_CHUC", "87,1"), ("KET_QUA", "86"), ("GOP_Y", "85"));
        foreach (var (ago, par, papi, pci) in new[] { (4, "86,12", "42,1", "65,8"), (3, "87,45", "43", "66,9"), (2, "88,3", "43,6", "68,2") })
        {
            await Enter("dieuphoi", "PAR_INDEX", province, year - ago, par, IndexValueSource.Published, $"Bộ Nội vụ công bố{Illustrative}");
            await Enter("dieuphoi", "PAPI", province, year - ago, papi, IndexValueSource.Published, $"Báo cáo PAPI của CECODES, UNDP{Illustrative}");
            await Enter("dieuphoi", "PCI", province, year - ago, pci, IndexValueSource.Published, $"Báo cáo PCI của VCCI{Illustrative}");
        }

        await Enter("dieuphoi", "QD766", province, year - 1, null, IndexValueSource.Published, $"Cổng Dịch vụ công quốc gia, tháng 12/{year - 1}{Illustrative}",
            ("CONG_KHAI", "15,2"), ("TIEN_DO", "17,5"), ("SO_HOA", "18,9"), ("TRUC_TUYEN", "19,4"), ("HAI_LONG", "14,8"));
        if (ward is { } wardId)
        {
            await Enter("canbo", "SIPAS", wardId, year, "86,4", IndexValueSource.SelfAssessed, $"Phiếu khảo sát tại Bộ phận một cửa phường, 320 phiếu{Illustrative}");
        }

        return true;
    }
}
