using DanVan.Data;
using DanVan.Domain.Reception;
using DanVan.Domain.Text;
using DanVan.Features.FollowUp;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Features.Reception;

/// <summary>
/// Reception sessions for the digest and the home page: the ones coming up on the schedule, and the ones whose day has
/// passed without a log (ghi sổ, or ghi không tiếp) in the last sixty days.
/// </summary>
public sealed class ReceptionFollowUp(AppDbContext db) : IFollowUpSource
{
    public async Task<IReadOnlyList<FollowUpItem>> OpenAsync(DateOnly horizon, IReadOnlyCollection<int>? unitIds, CancellationToken ct)
    {
        var since = horizon.AddDays(-90);
        var query = db.ReceptionSessions.AsNoTracking().Where(s => s.State == ReceptionState.Scheduled && s.On <= horizon && s.On >= since);
        if (unitIds is not null)
        {
            var ids = unitIds.ToList();
            query = query.Where(s => ids.Contains(s.UnitId));
        }

        var rows = await (from s in query
                          join u in db.OrgUnits on s.UnitId equals u.Id
                          orderby s.On
                          select new { s.Id, s.On, s.Kind, s.HostPost, s.UnitId, u.Name }).Take(unitIds is null ? int.MaxValue : 500).ToListAsync(ct); // the digest takes all; a home page its first 500
        return rows.Select(r => new FollowUpItem(
            $"Tiếp công dân {ReceptionRules.Label(r.Kind).ToLower(VietnameseText.Culture)} ngày {VietnameseText.FormatDate(r.On)} ({r.HostPost}): tiếp và ghi sổ",
            r.UnitId, r.Name, r.On, $"/Reception/Details/{r.Id}")).ToList();
    }
}
