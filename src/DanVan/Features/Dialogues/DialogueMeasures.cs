using DanVan.Data;
using DanVan.Domain.Dialogues;
using DanVan.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Features.Dialogues;

/// <summary>What dialogues count for a unit and period: dialogues held, opinions raised, opinions answered or resolved.</summary>
public sealed class DialogueMeasures(AppDbContext db) : IMeasureSource
{
    public const string Held = "doi-thoai-cuoc";
    public const string Opinions = "doi-thoai-y-kien";
    public const string Resolved = "doi-thoai-y-kien-da-giai-quyet";

    public IReadOnlyList<MeasureDefinition> Definitions { get; } =
    [
        new(Held, "Cuộc đối thoại với Nhân dân đã tổ chức trong kỳ", "cuộc", "Đối thoại"),
        new(Opinions, "Ý kiến, kiến nghị tại các cuộc đối thoại trong kỳ", "ý kiến", "Đối thoại"),
        new(Resolved, "Ý kiến tại đối thoại trong kỳ đã trả lời tại chỗ hoặc đã giải quyết", "ý kiến", "Đối thoại"),
    ];

    public async Task<IReadOnlyDictionary<int, MeasureValue>> ComputeAsync(string code, IReadOnlyCollection<int> unitIds, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var ids = unitIds.ToList();
        var held = db.Dialogues.AsNoTracking()
            .Where(d => ids.Contains(d.UnitId) && d.State >= DialogueState.Held && d.HeldOn >= from && d.HeldOn <= to);
        Dictionary<int, int> counts;
        if (code == Held)
        {
            counts = await held.GroupBy(d => d.UnitId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        }
        else
        {
            var opinions = from o in db.DialogueOpinions.AsNoTracking()
                           join d in held on o.DialogueId equals d.Id
                           select new { d.UnitId, o.Id, o.AnsweredOnSpot };
            if (code == Resolved)
            {
                // Answered on the spot, or its commitment done by the end of the period.
                opinions = opinions.Where(o => o.AnsweredOnSpot
                    || db.DialogueCommitments.Any(c => c.OpinionId == o.Id && c.State == CommitmentState.Done && c.DoneOn <= to));
            }

            counts = await opinions.GroupBy(o => o.UnitId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        }

        return MeasureRegistry.Counted(ids, counts, "đối thoại với Nhân dân", Definitions.First(d => d.Code == code).Name.ToLower(Domain.Text.VietnameseText.Culture), from, to);
    }

    /// <summary>The dialogues held in the period (for the opinion counts too: the record lists each dialogue's opinions).</summary>
    public async Task<IReadOnlyList<MeasureRecord>> RecordsAsync(string code, int unitId, DateOnly from, DateOnly to, int limit, CancellationToken ct)
    {
        var rows = await db.Dialogues.AsNoTracking()
            .Where(d => d.UnitId == unitId && d.State >= DialogueState.Held && d.HeldOn >= from && d.HeldOn <= to)
            .OrderByDescending(d => d.HeldOn).ThenByDescending(d => d.Id)
            .Select(d => new { d.Id, d.Topic, d.HeldOn, Opinions = db.DialogueOpinions.Count(o => o.DialogueId == d.Id) }).Take(limit).ToListAsync(ct);
        return rows.Select(r => new MeasureRecord(r.Topic, r.HeldOn, $"Đã tổ chức, {r.Opinions} ý kiến",
            "/Dialogues/Details/" + r.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToList();
    }
}
