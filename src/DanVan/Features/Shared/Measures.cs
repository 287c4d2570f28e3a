namespace DanVan.Features.Shared;

/// <summary>
/// A figure DanVan can count from its own records: "don-nhan" (đơn tiếp nhận), "nhiem-vu-dung-han"… A count is
/// <paramref name="Additive"/>: a province's is the sum of its units'; an index value (SIPAS, PCI) is not.
/// </summary>
public sealed record MeasureDefinition(string Code, string Name, string Unit, string Capability, bool Additive = true);

/// <summary>A unit's value of a measure for a period, with where it comes from ("Theo dõi trên DanVan: …").</summary>
public sealed record MeasureValue(double Value, string Provenance);

/// <summary>One record behind a measure's figure, as a drill-down lists it (never personal data).</summary>
public sealed record MeasureRecord(string Label, DateOnly? On, string State, string? Link);

/// <summary>
/// The one extension point through which capabilities offer what they count: each capability registers a source;
/// reports (and later scoring and targets) read measures by code, never a capability directly.
/// </summary>
public interface IMeasureSource
{
    IReadOnlyList<MeasureDefinition> Definitions { get; }

    /// <summary>
    /// The unit's own records in [from, to], for many units in one query; a count gives 0 to units with none. A source
    /// whose figure may not exist for a unit (an index value not entered for the year) leaves that unit out: reports then
    /// pre-fill nothing for it, scoring counts 0.
    /// </summary>
    Task<IReadOnlyDictionary<int, MeasureValue>> ComputeAsync(string code, IReadOnlyCollection<int> unitIds, DateOnly from, DateOnly to, CancellationToken ct);

    /// <summary>
    /// Several of this source's measures over the same units and period (ADR-029): one query per code unless the source
    /// counts them together (the deadlines due, done and on time in one grouped query; cases resolved and on time in one).
    /// </summary>
    async Task<IReadOnlyDictionary<string, IReadOnlyDictionary<int, MeasureValue>>> ComputeManyAsync(
        IReadOnlyCollection<string> codes, IReadOnlyCollection<int> unitIds, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var values = new Dictionary<string, IReadOnlyDictionary<int, MeasureValue>>();
        foreach (var code in codes.Distinct())
        {
            values[code] = await ComputeAsync(code, unitIds, from, to, ct);
        }

        return values;
    }

    /// <summary>The records one unit's figure counts, newest first, at most <paramref name="limit"/> (a source that cannot list them returns none).</summary>
    Task<IReadOnlyList<MeasureRecord>> RecordsAsync(string code, int unitId, DateOnly from, DateOnly to, int limit, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<MeasureRecord>>([]);
}

/// <summary>All measures of all capabilities, by code.</summary>
public sealed class MeasureRegistry(IEnumerable<IMeasureSource> sources)
{
    private readonly IReadOnlyList<IMeasureSource> all = sources.ToList();

    public IReadOnlyList<MeasureDefinition> Definitions => all.SelectMany(s => s.Definitions).OrderBy(d => d.Capability).ThenBy(d => d.Name).ToList();

    public MeasureDefinition? Find(string? code) => code is null ? null : all.SelectMany(s => s.Definitions).FirstOrDefault(d => d.Code == code);

    public async Task<IReadOnlyDictionary<int, MeasureValue>> ComputeAsync(string code, IReadOnlyCollection<int> unitIds, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var source = all.FirstOrDefault(s => s.Definitions.Any(d => d.Code == code))
            ?? throw new InvalidOperationException($"Không có số liệu tự động mã \"{code}\".");
        return await source.ComputeAsync(code, unitIds, from, to, ct);
    }

    /// <summary>Several measures over the same units and period, each source asked once for all of its codes (ADR-029).</summary>
    public async Task<IReadOnlyDictionary<string, IReadOnlyDictionary<int, MeasureValue>>> ComputeManyAsync(
        IReadOnlyCollection<string> codes, IReadOnlyCollection<int> unitIds, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var values = new Dictionary<string, IReadOnlyDictionary<int, MeasureValue>>();
        foreach (var group in codes.Distinct().GroupBy(code => all.FirstOrDefault(s => s.Definitions.Any(d => d.Code == code))
                     ?? throw new InvalidOperationException($"Không có số liệu tự động mã \"{code}\".")))
        {
            foreach (var (code, byUnit) in await group.Key.ComputeManyAsync(group.ToList(), unitIds, from, to, ct))
            {
                values[code] = byUnit;
            }
        }

        return values;
    }

    /// <summary>The records behind one unit's figure (the drill-down of a report line or a score).</summary>
    public async Task<IReadOnlyList<MeasureRecord>> RecordsAsync(string code, int unitId, DateOnly from, DateOnly to, int limit, CancellationToken ct)
    {
        var source = all.FirstOrDefault(s => s.Definitions.Any(d => d.Code == code));
        return source is null ? [] : await source.RecordsAsync(code, unitId, from, to, limit, ct);
    }

    /// <summary>
    /// Counts per unit as measure values — 0 for a unit with none — each saying where it comes from:
    /// "Theo dõi trên DanVan (sổ theo dõi đơn): 3 đơn tiếp nhận trong kỳ (01/01/2026–14/06/2026)."
    /// </summary>
    public static IReadOnlyDictionary<int, MeasureValue> Counted(IEnumerable<int> unitIds, IReadOnlyDictionary<int, int> counts, string register, string what, DateOnly from, DateOnly to)
    {
        var range = Range(from, to);
        return unitIds.Distinct().ToDictionary(id => id, id =>
        {
            var n = counts.GetValueOrDefault(id);
            return new MeasureValue(n, $"Theo dõi trên DanVan ({register}): {n} {what} ({range}).");
        });
    }

    /// <summary>"01/01/2026–30/06/2026" as provenances say it.</summary>
    public static string Range(DateOnly from, DateOnly to) => $"{Domain.Text.VietnameseText.FormatDate(from)}–{Domain.Text.VietnameseText.FormatDate(to)}";
}
