using DanVan.Data;
using DanVan.Domain.Cases;
using DanVan.Features.FollowUp;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Features.Cases;

/// <summary>
/// Cases whose statutory deadline falls due (or has passed) for the digest and the home page: the code, the kind and
/// which deadline — never the sender or the content, since the digest also goes out by e-mail.
/// </summary>
public sealed class CaseFollowUp(AppDbContext db) : IFollowUpSource
{
    public async Task<IReadOnlyList<FollowUpItem>> OpenAsync(DateOnly horizon, IReadOnlyCollection<int>? unitIds, CancellationToken ct)
    {
        var query = db.Cases.AsNoTracking().Where(c => c.ClosedOn == null && c.State != CaseState.Suspended && c.DueOn != null && c.DueOn <= horizon);
        if (unitIds is not null)
        {
            var ids = unitIds.ToList();
            query = query.Where(c => ids.Contains(c.UnitId));
        }

        var rows = await (from c in query
                          join u in db.OrgUnits on c.UnitId equals u.Id
                          orderby c.DueOn
                          select new { c.Id, c.Code, c.Kind, c.State, c.UnitId, u.Name, DueOn = c.DueOn!.Value }).Take(unitIds is null ? int.MaxValue : 500).ToListAsync(ct); // the digest takes all; a home page its first 500
        return rows.Select(r => new FollowUpItem(
            $"Đơn {r.Code} ({CaseRules.Label(r.Kind).ToLower(Domain.Text.VietnameseText.Culture)}): {(r.State == CaseState.Received ? "hạn xử lý đơn" : "hạn giải quyết")}",
            r.UnitId, r.Name, r.DueOn, $"/Cases/Details/{r.Id}")).ToList();
    }
}
