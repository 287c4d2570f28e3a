using System.Text.Json;
using DanVan.Data;
using DanVan.Domain.Text;
using DanVan.Domain.Units;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Features.Units;

/// <summary>
/// Loads the national list of provinces and communes (the JSON of data/vn-admin-units) in bulk: missing units are
/// added, changed names recorded as renames. One transaction, one summary audit entry per batch.
/// </summary>
public sealed class UnitImporter(AppDbContext db, TimeProvider clock)
{
    public const string CountryCode = "VN";

    /// <summary>The two-level local government took effect on 1 July 2025 (Nghị quyết 202/2025/QH15, Luật 72/2025/QH15).</summary>
    public static readonly DateOnly ReorganisationDate = new(2025, 7, 1);

    public sealed record Summary(int Provinces, int Communes, int Added, int Renamed);

    private sealed record ProvinceDto(string Code, string Name, string FullName, List<WardDto> Wards);

    private sealed record WardDto(string Code, string Name, string FullName, string ProvinceCode);

    public static Stream OpenEmbeddedList() =>
        typeof(UnitImporter).Assembly.GetManifestResourceStream("DanVan.Data.Seed.vn-admin-units.json")
        ?? throw new InvalidOperationException("Thiếu tệp danh mục đơn vị hành chính nhúng trong chương trình.");

    public async Task<Summary> ImportAsync(Stream json, CancellationToken ct = default)
    {
        List<ProvinceDto>? provinces;
        try
        {
            provinces = await JsonSerializer.DeserializeAsync<List<ProvinceDto>>(json, new JsonSerializerOptions(JsonSerializerDefaults.Web), ct);
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"Tệp danh mục không đúng định dạng JSON: {ex.Message}", ex);
        }

        if (provinces is null || provinces.Count == 0 || provinces.Any(p => string.IsNullOrWhiteSpace(p.Code) || string.IsNullOrWhiteSpace(p.FullName)))
        {
            throw new InvalidDataException("Tệp danh mục không có tỉnh, thành phố nào hợp lệ (cần các trường Code, FullName, Wards).");
        }

        var today = Infrastructure.VietnamClock.Today(clock);
        var now = clock.GetUtcNow().UtcDateTime;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var existing = await db.OrgUnits.ToDictionaryAsync(u => u.Code, ct);
        int added = 0, renamed = 0;

        if (!existing.TryGetValue(CountryCode, out var country))
        {
            country = new OrgUnit { Code = CountryCode, Kind = OrgUnitKind.Country };
            country.SetName("Việt Nam");
            country.PlaceUnder(null);
            db.OrgUnits.Add(country);
            await db.SaveChangesAsync(ct);
            existing[CountryCode] = country;
            added++;
        }

        OrgUnit Upsert(string code, string fullName, OrgUnitKind kind, OrgUnit parent)
        {
            fullName = VietnameseText.Nfc(fullName.Trim())!;
            if (existing.TryGetValue(code, out var unit))
            {
                if (unit.Name != fullName)
                {
                    db.OrgUnitEvents.Add(new OrgUnitEvent
                    {
                        Kind = OrgUnitEventKind.Renamed, Unit = unit, EffectiveDate = today, OldName = unit.Name, NewName = fullName,
                        LegalBasis = "Danh mục đơn vị hành chính quốc gia", RecordedAtUtc = now,
                    });
                    unit.SetName(fullName);
                    renamed++;
                }

                return unit;
            }

            unit = new OrgUnit
            {
                Code = code, Kind = kind, ValidFrom = ReorganisationDate,
                LegalBasis = "Quyết định 19/2025/QĐ-TTg (danh mục và mã số đơn vị hành chính)",
            };
            unit.SetName(fullName);
            unit.PlaceUnder(parent);
            db.OrgUnits.Add(unit);
            existing[code] = unit;
            added++;
            return unit;
        }

        var provinceUnits = provinces.Select(p => (p, unit: Upsert(p.Code, p.FullName, OrgUnitKind.Province, country))).ToList();
        db.BulkAuditSummary = "Nhập danh mục tỉnh, thành phố";
        await db.SaveChangesAsync(ct);

        var communes = 0;
        foreach (var (p, provinceUnit) in provinceUnits)
        {
            foreach (var w in p.Wards ?? [])
            {
                if (string.IsNullOrWhiteSpace(w.Code) || string.IsNullOrWhiteSpace(w.FullName))
                {
                    continue;
                }

                Upsert(w.Code, w.FullName, KindOf(w.FullName), provinceUnit);
                communes++;
            }
        }

        db.BulkAuditSummary = "Nhập danh mục xã, phường, đặc khu";
        await db.SaveChangesAsync(ct);
        db.BulkAuditSummary = null;
        await tx.CommitAsync(ct);
        db.ChangeTracker.Clear();
        return new Summary(provinces.Count, communes, added, renamed);
    }

    public static OrgUnitKind KindOf(string fullName)
    {
        var folded = VietnameseText.Fold(fullName);
        if (folded.StartsWith("phuong ", StringComparison.Ordinal))
        {
            return OrgUnitKind.Ward;
        }

        return folded.StartsWith("dac khu ", StringComparison.Ordinal) ? OrgUnitKind.SpecialZone : OrgUnitKind.Commune;
    }
}
