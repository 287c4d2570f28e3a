using DanVan.Data;
using DanVan.Domain.Reception;
using DanVan.Domain.Text;
using DanVan.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Features.Public;

/// <summary>
/// Lịch tiếp công dân, niêm yết công khai (Luật Tiếp công dân): the sessions scheduled from today on, by unit, for
/// anyone; what a session will hear or heard is not shown, only when, where and who receives. Cached for five minutes.
/// </summary>
public class ReceptionModel(AppDbContext db, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    [BindProperty(SupportsGet = true, Name = "page")]
    public int? PageNumber { get; set; }

    public sealed record Row(DateOnly On, string? Time, ReceptionKind Kind, string HostName, string HostPost, string Place, string UnitName);

    public PagedList<Row> Sessions { get; private set; } = null!;

    public DateOnly Today { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Response.Headers.CacheControl = "public, max-age=300";
        Today = VietnamClock.Today(clock);
        var (first, last) = (Today, Today.AddDays(62));
        var query = from s in db.ReceptionSessions.AsNoTracking()
                    join u in db.OrgUnits on s.UnitId equals u.Id
                    where s.On >= first && s.On <= last && s.State == ReceptionState.Scheduled
                    select new { s, u.Name, u.SearchText };
        var folded = VietnameseText.Fold(Query);
        if (folded.Length is > 0 and <= 200)
        {
            query = query.Where(r => r.SearchText.Contains(folded));
        }

        Sessions = await query.OrderBy(r => r.s.On).ThenByVietnamese(db, r => r.Name).ThenBy(r => r.s.Id)
            .Select(r => new Row(r.s.On, r.s.Time, r.s.Kind, r.s.HostName, r.s.HostPost, r.s.Place, r.Name))
            .ToPagedListAsync(PageNumber is > 0 and < 10_000 ? PageNumber : 1, 50, ct);
    }

    public string PageUrl(int page) => $"/Public/Reception?q={Uri.EscapeDataString(Query ?? "")}&page={page}";
}
