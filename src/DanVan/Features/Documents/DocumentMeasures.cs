using DanVan.Data;
using DanVan.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Features.Documents;

/// <summary>
/// What the document register counts for a unit and period (VB, "Văn bản chỉ đạo, triển khai đã ban hành"): the
/// documents the unit issued (it is their issuing body in the directory) dated in the period, withdrawn ones left out.
/// One grouped query for many units, on the (issuing unit, issue date) index.
/// </summary>
public sealed class DocumentMeasures(AppDbContext db) : IMeasureSource
{
    public const string Issued = "van-ban-ban-hanh";

    public IReadOnlyList<MeasureDefinition> Definitions { get; } =
    [
        new(Issued, "Văn bản chỉ đạo, triển khai đơn vị đã ban hành trong kỳ (không tính văn bản đã thu hồi)", "văn bản", "Văn bản"),
    ];

    public async Task<IReadOnlyDictionary<int, MeasureValue>> ComputeAsync(string code, IReadOnlyCollection<int> unitIds, DateOnly from, DateOnly to, CancellationToken ct)
    {
        if (code != Issued)
        {
            throw Unknown(code);
        }

        var ids = unitIds.Distinct().ToList();
        var counts = await Of(ids, from, to).GroupBy(d => d.IssuingUnitId!.Value).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        return MeasureRegistry.Counted(ids, counts, "sổ văn bản", "văn bản đơn vị ban hành", from, to);
    }

    public async Task<IReadOnlyList<MeasureRecord>> RecordsAsync(string code, int unitId, DateOnly from, DateOnly to, int limit, CancellationToken ct)
    {
        if (code != Issued)
        {
            throw Unknown(code);
        }

        var rows = await Of([unitId], from, to).OrderByDescending(d => d.IssuedOn).ThenByDescending(d => d.Id)
            .Select(d => new { d.Id, d.Code, d.TypeName, d.Title, d.IssuedOn }).Take(limit).ToListAsync(ct);
        return rows.Select(r => new MeasureRecord($"{r.Code}: {r.Title}", r.IssuedOn, r.TypeName,
            "/Documents/Details/" + r.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToList();
    }

    private IQueryable<Domain.Documents.Document> Of(List<int> ids, DateOnly from, DateOnly to) =>
        db.Documents.AsNoTracking().Where(d => d.IssuingUnitId != null && EF.Parameter(ids).Contains(d.IssuingUnitId.Value)
            && d.IssuedOn >= from && d.IssuedOn <= to && d.WithdrawnAtUtc == null);

    private static InvalidOperationException Unknown(string code) => new($"Không có số liệu tự động mã \"{code}\".");
}
