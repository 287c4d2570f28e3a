using DanVan.Data;
using DanVan.Domain.Models;
using DanVan.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Features.Models;

/// <summary>What “Dân vận khéo” models count for a unit and period: registered, recognised, replicated, still active.</summary>
public sealed class ModelMeasures(AppDbContext db) : IMeasureSource
{
    public const string Registered = "mo-hinh-dang-ky";
    public const string Recognised = "mo-hinh-cong-nhan";
    public const string Replicated = "mo-hinh-nhan-rong";
    public const string Active = "mo-hinh-con-hieu-qua";

    public IReadOnlyList<MeasureDefinition> Definitions { get; } =
    [
        new(Registered, "Mô hình “Dân vận khéo” đăng ký trong kỳ", "mô hình", "Dân vận khéo"),
        new(Recognised, "Mô hình “Dân vận khéo” được công nhận trong kỳ", "mô hình", "Dân vận khéo"),
        new(Replicated, "Mô hình “Dân vận khéo” nhân rộng từ đơn vị khác, đăng ký trong kỳ", "mô hình", "Dân vận khéo"),
        new(Active, "Mô hình “Dân vận khéo” còn trong danh mục, duy trì đến cuối kỳ", "mô hình", "Dân vận khéo"),
    ];

    public async Task<IReadOnlyDictionary<int, MeasureValue>> ComputeAsync(string code, IReadOnlyCollection<int> unitIds, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var ids = unitIds.Distinct().ToList();
        var query = Filter(code, db.MobilizationModels.AsNoTracking().Where(m => ids.Contains(m.UnitId)), from, to);
        var counts = await query.GroupBy(m => m.UnitId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        return MeasureRegistry.Counted(ids, counts, "danh mục mô hình “Dân vận khéo”", Definitions.First(d => d.Code == code).Name.ToLower(Domain.Text.VietnameseText.Culture), from, to);
    }

    public async Task<IReadOnlyList<MeasureRecord>> RecordsAsync(string code, int unitId, DateOnly from, DateOnly to, int limit, CancellationToken ct)
    {
        var rows = await Filter(code, db.MobilizationModels.AsNoTracking().Where(m => m.UnitId == unitId), from, to)
            .OrderByDescending(m => m.RegisteredOn).ThenByDescending(m => m.Id)
            .Select(m => new { m.Id, m.Name, m.State, m.RegisteredOn }).Take(limit).ToListAsync(ct);
        return rows.Select(r => new MeasureRecord(r.Name, r.RegisteredOn, ModelRules.Label(r.State),
            "/Models/Details/" + r.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToList();
    }

    private static IQueryable<MobilizationModel> Filter(string code, IQueryable<MobilizationModel> query, DateOnly from, DateOnly to) => code switch
    {
        // A registration returned and not yet corrected is not (yet) a registration.
        Registered => query.Where(ModelObligationRules.Counted).Where(m => m.RegisteredOn >= from && m.RegisteredOn <= to),
        Recognised => query.Where(m => m.RecognisedOn >= from && m.RecognisedOn <= to),
        Replicated => query.Where(ModelObligationRules.Counted).Where(m => m.ReplicatedFromId != null && m.RegisteredOn >= from && m.RegisteredOn <= to),
        Active => query.Where(m => m.ApprovedOn != null && m.ApprovedOn <= to && (m.RemovedOn == null || m.RemovedOn > to)),
        _ => throw new InvalidOperationException($"Không có số liệu tự động mã \"{code}\"."),
    };
}
