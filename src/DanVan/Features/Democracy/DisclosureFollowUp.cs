using DanVan.Data;
using DanVan.Domain.Democracy;
using DanVan.Domain.Units;
using DanVan.Features.FollowUp;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Features.Democracy;

/// <summary>
/// The disclosure register for the digest and the home page: each item of this year's (or last year's) list not yet
/// disclosed whose review date falls within the horizon and is at most ninety days past (older ones stay flagged on
/// the register and the compliance view, not in every day's mail).
/// </summary>
public sealed class DisclosureFollowUp(AppDbContext db, DisclosureCommands commands) : IFollowUpSource
{
    public const int DaysKept = 90;

    public async Task<IReadOnlyList<FollowUpItem>> OpenAsync(DateOnly horizon, IReadOnlyCollection<int>? unitIds, CancellationToken ct)
    {
        var since = horizon.AddDays(-DaysKept);
        var years = new[] { horizon.Year - 1, horizon.Year }.Where(y => DisclosureRules.IsYear(y)).ToList();
        var due = new List<(DisclosureItem Item, int Year, DateOnly DueOn)>();
        foreach (var year in years)
        {
            foreach (var scope in new[] { DisclosureScope.Commune, DisclosureScope.Agency })
            {
                due.AddRange((await commands.ItemsAsync(scope, year, ct)).Select(i => (i, year, DisclosureRules.DueOn(i, year))).Where(x => x.Item3 <= horizon && x.Item3 >= since));
            }
        }

        if (due.Count == 0)
        {
            return [];
        }

        var kinds = DisclosureRules.KeepingKinds.ToList();
        var units = db.OrgUnits.AsNoTracking().Where(u => u.ValidTo == null && kinds.Contains(u.Kind));
        if (unitIds is not null)
        {
            var ids = unitIds.ToList();
            units = units.Where(u => EF.Parameter(ids).Contains(u.Id));
        }

        var list = await units.Select(u => new { u.Id, u.Name, u.Kind }).ToListAsync(ct);
        var unitSet = list.Select(u => u.Id).ToList();
        var yearSet = due.Select(d => d.Year).Distinct().ToList();
        var disclosures = db.Disclosures.AsNoTracking().Where(d => yearSet.Contains(d.Year));
        if (unitIds is not null)
        {
            disclosures = disclosures.Where(d => EF.Parameter(unitSet).Contains(d.UnitId));
        }

        var done = (await disclosures.Select(d => new { d.UnitId, d.Year, d.ItemCode }).Distinct().ToListAsync(ct))
            .Select(d => (d.UnitId, d.Year, d.ItemCode)).ToHashSet();
        var items = new List<FollowUpItem>();
        foreach (var u in list)
        {
            var scope = DisclosureRules.ScopeOf(u.Kind);
            items.AddRange(due.Where(d => d.Item.Scope == scope && !done.Contains((u.Id, d.Year, d.Item.Code)))
                .Select(d => new FollowUpItem($"Công khai năm {d.Year}: {d.Item.Name} ({d.Item.Article})", u.Id, u.Name, d.DueOn,
                    $"/Democracy/Disclosures?year={d.Year}&unit={u.Id}")));
        }

        return items;
    }
}
