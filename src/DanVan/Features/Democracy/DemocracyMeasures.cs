using DanVan.Data;
using DanVan.Domain.Democracy;
using DanVan.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Features.Democracy;

/// <summary>
/// What grassroots democracy counts for a unit and period: the contents it made public (DC_CONGKHAI) and the matters its
/// communities decided by vote, passed or not (DC_BAN), and the matters on which it took the people's opinions before
/// the decision, counted when the consultation closed (DC_YKIEN).
/// </summary>
public sealed class DemocracyMeasures(AppDbContext db) : IMeasureSource
{
    public const string Disclosed = "cong-khai";
    public const string Decided = "dan-ban-quyet-dinh";
    public const string Consulted = "lay-y-kien-nhan-dan";

    public IReadOnlyList<MeasureDefinition> Definitions { get; } =
    [
        new(Disclosed, "Nội dung đã công khai cho Nhân dân biết trong kỳ", "nội dung", "Dân chủ ở cơ sở"),
        new(Decided, "Nội dung Nhân dân bàn và quyết định trực tiếp trong kỳ", "nội dung", "Dân chủ ở cơ sở"),
        new(Consulted, "Nội dung lấy ý kiến Nhân dân trước khi quyết định (kết thúc lấy ý kiến trong kỳ)", "nội dung", "Dân chủ ở cơ sở"),
    ];

    public async Task<IReadOnlyDictionary<int, MeasureValue>> ComputeAsync(string code, IReadOnlyCollection<int> unitIds, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var ids = unitIds.Distinct().ToList();
        var (rows, register, what) = code switch
        {
            Disclosed => (db.Disclosures.AsNoTracking().Where(d => EF.Parameter(ids).Contains(d.UnitId) && d.DisclosedOn >= from && d.DisclosedOn <= to).Select(d => d.UnitId),
                "sổ theo dõi công khai", "nội dung đã công khai"),
            Decided => (db.PeopleDecisions.AsNoTracking().Where(d => EF.Parameter(ids).Contains(d.UnitId) && d.HeldOn >= from && d.HeldOn <= to).Select(d => d.UnitId),
                "sổ Nhân dân bàn và quyết định", "nội dung Nhân dân bàn và quyết định"),
            Consulted => (db.PeopleConsultations.AsNoTracking().Where(c => EF.Parameter(ids).Contains(c.UnitId) && c.ClosesOn >= from && c.ClosesOn <= to).Select(c => c.UnitId),
                "sổ lấy ý kiến Nhân dân", "nội dung lấy ý kiến Nhân dân kết thúc trong kỳ"),
            _ => throw Unknown(code),
        };
        var counts = await rows.GroupBy(u => u).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        return MeasureRegistry.Counted(ids, counts, register, what, from, to);
    }

    public async Task<IReadOnlyList<MeasureRecord>> RecordsAsync(string code, int unitId, DateOnly from, DateOnly to, int limit, CancellationToken ct)
    {
        static string Id(int id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        switch (code)
        {
            case Disclosed:
                var disclosed = await db.Disclosures.AsNoTracking().Where(d => d.UnitId == unitId && d.DisclosedOn >= from && d.DisclosedOn <= to)
                    .OrderByDescending(d => d.DisclosedOn).ThenByDescending(d => d.Id).Select(d => new { d.Id, d.Title, d.DisclosedOn, d.Forms }).Take(limit).ToListAsync(ct);
                return disclosed.Select(r => new MeasureRecord(r.Title, r.DisclosedOn, DisclosureRules.Labels(r.Forms), "/Democracy/Disclosures/Edit/" + Id(r.Id))).ToList();
            case Decided:
                var decided = await db.PeopleDecisions.AsNoTracking().Where(d => d.UnitId == unitId && d.HeldOn >= from && d.HeldOn <= to)
                    .OrderByDescending(d => d.HeldOn).ThenByDescending(d => d.Id).Select(d => new { d.Id, d.Matter, d.HeldOn, d.Outcome }).Take(limit).ToListAsync(ct);
                return decided.Select(r => new MeasureRecord(r.Matter, r.HeldOn, DecisionRules.Label(r.Outcome), "/Democracy/Decisions/Details/" + Id(r.Id))).ToList();
            case Consulted:
                var consulted = await db.PeopleConsultations.AsNoTracking().Where(c => c.UnitId == unitId && c.ClosesOn >= from && c.ClosesOn <= to)
                    .OrderByDescending(c => c.ClosesOn).ThenByDescending(c => c.Id).Select(c => new { c.Id, c.Subject, c.ClosesOn, c.OpinionsReceived, c.DecidedOn })
                    .Take(limit).ToListAsync(ct);
                return consulted.Select(r => new MeasureRecord(r.Subject, r.ClosesOn,
                    $"{r.OpinionsReceived.ToString("N0", Domain.Text.VietnameseText.Culture)} ý kiến" + (r.DecidedOn is null ? "" : "; đã quyết định"),
                    "/Democracy/PeopleConsultations/Details/" + Id(r.Id))).ToList();
            default:
                throw Unknown(code);
        }
    }

    private static InvalidOperationException Unknown(string code) => new($"Không có số liệu tự động mã \"{code}\".");
}
