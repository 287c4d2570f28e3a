using DanVan.Data;
using DanVan.Domain.Democracy;
using DanVan.Features.FollowUp;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Features.Democracy;

/// <summary>
/// The yearly staff conference for the digest and the home page: every agency without a conference for the last
/// working year once its due date (a reference row, 31/03 as shipped) is within the horizon, and for ninety days after.
/// </summary>
public sealed class StaffConferenceFollowUp(AppDbContext db, StaffConferenceCommands commands) : IFollowUpSource
{
    public const int DaysKept = 90;

    public async Task<IReadOnlyList<FollowUpItem>> OpenAsync(DateOnly horizon, IReadOnlyCollection<int>? unitIds, CancellationToken ct)
    {
        var rules = await commands.RulesAsync(ct);
        var since = horizon.AddDays(-DaysKept);
        var due = new[] { horizon.Year - 2, horizon.Year - 1 }.Where(y => StaffConferenceRules.IsYear(y))
            .Select(y => (Year: y, Rule: StaffConferenceRules.RuleFor(rules, y)))
            .Where(x => x.Rule is not null).Select(x => (x.Year, DueOn: StaffConferenceRules.DueOn(x.Rule!, x.Year)))
            .Where(x => x.DueOn <= horizon && x.DueOn >= since).ToList();
        if (due.Count == 0)
        {
            return [];
        }

        var kinds = DisclosureRules.KeepingKinds.Where(k => DisclosureRules.ScopeOf(k) == DisclosureScope.Agency).ToList();
        var units = db.OrgUnits.AsNoTracking().Where(u => u.ValidTo == null && kinds.Contains(u.Kind));
        if (unitIds is not null)
        {
            var ids = unitIds.ToList();
            units = units.Where(u => EF.Parameter(ids).Contains(u.Id));
        }

        var list = await units.Select(u => new { u.Id, u.Name }).ToListAsync(ct);
        var years = due.Select(d => d.Year).ToList();
        var held = db.StaffConferences.AsNoTracking().Where(c => years.Contains(c.Year));
        if (unitIds is not null)
        {
            var unitSet = list.Select(u => u.Id).ToList();
            held = held.Where(c => EF.Parameter(unitSet).Contains(c.UnitId));
        }

        var done = (await held.Select(c => new { c.UnitId, c.Year }).ToListAsync(ct)).Select(c => (c.UnitId, c.Year)).ToHashSet();
        return list.SelectMany(u => due.Where(d => !done.Contains((u.Id, d.Year)))
                .Select(d => new FollowUpItem($"Chưa tổ chức Hội nghị cán bộ, công chức, viên chức năm {d.Year}", u.Id, u.Name, d.DueOn,
                    $"/Democracy/StaffConferences?year={d.Year}")))
            .ToList();
    }
}
