using System.Globalization;
using DanVan.Data;
using DanVan.Domain.Training;
using DanVan.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Features.Training.News;

/// <summary>What the register of news items counts for a unit and period: the items published or broadcast.</summary>
public sealed class NewsMeasures(AppDbContext db) : IMeasureSource
{
    public const string Items = "tin-bai";

    public IReadOnlyList<MeasureDefinition> Definitions { get; } =
    [
        new(Items, "Tin, bài, chuyên mục tuyên truyền đã đăng, phát trong kỳ", "tin, bài", "Tuyên truyền, tập huấn"),
    ];

    public async Task<IReadOnlyDictionary<int, MeasureValue>> ComputeAsync(string code, IReadOnlyCollection<int> unitIds, DateOnly from, DateOnly to, CancellationToken ct)
    {
        if (code != Items)
        {
            throw Unknown(code);
        }

        var ids = unitIds.Distinct().ToList();
        return MeasureRegistry.Counted(ids,
            await db.NewsItems.AsNoTracking().Where(s => EF.Parameter(ids).Contains(s.UnitId) && s.PublishedOn >= from && s.PublishedOn <= to)
                .GroupBy(s => s.UnitId).Select(g => new { g.Key, N = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.N, ct),
            "sổ tin, bài, phát thanh", "tin, bài", from, to);
    }

    public async Task<IReadOnlyList<MeasureRecord>> RecordsAsync(string code, int unitId, DateOnly from, DateOnly to, int limit, CancellationToken ct)
    {
        if (code != Items)
        {
            throw Unknown(code);
        }

        var rows = await db.NewsItems.AsNoTracking().Where(s => s.UnitId == unitId && s.PublishedOn >= from && s.PublishedOn <= to)
            .OrderByDescending(s => s.PublishedOn).ThenByDescending(s => s.Id).Select(s => new { s.Id, s.Title, s.PublishedOn, s.Kind, s.Channel }).Take(limit).ToListAsync(ct);
        return rows.Select(r => new MeasureRecord(r.Title, r.PublishedOn, $"{NewsRules.Label(r.Kind)} · {r.Channel}",
            "/Training/News?q=" + Uri.EscapeDataString(r.Title.Length > 60 ? r.Title[..60] : r.Title) + "&year=" + r.PublishedOn.Year.ToString(CultureInfo.InvariantCulture))).ToList();
    }

    private static InvalidOperationException Unknown(string code) => new($"Không có số liệu tự động mã \"{code}\".");
}
