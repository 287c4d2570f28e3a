using DanVan.Data;
using DanVan.Domain.Access;
using DanVan.Domain.Cases;
using DanVan.Domain.Text;
using DanVan.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Features.Cases;

/// <summary>Sổ theo dõi đơn: the cases of the user's unit (or province), filtered, searched, paged; overdue first.</summary>
public class IndexModel(AppDbContext db, CurrentUser currentUser, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    [BindProperty(SupportsGet = true, Name = "kind")]
    public CaseKind? Kind { get; set; }

    /// <summary>"open", "overdue", "closed" or empty (all).</summary>
    [BindProperty(SupportsGet = true, Name = "status")]
    public string? Status { get; set; }

    [BindProperty(SupportsGet = true, Name = "page")]
    public int? PageNumber { get; set; }

    public PagedList<CaseRow> Cases { get; private set; } = null!;

    public bool CanRegister { get; private set; }

    public DateOnly Today { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var scope = (await currentUser.GetScopeAsync(ct))!;
        CanRegister = CaseAccessRules.CanHandle(scope, scope.UnitId);
        Today = VietnamClock.Today(clock);
        var query = db.Cases.AsNoTracking().VisibleTo(db, scope);
        if (Kind is { } k && Enum.IsDefined(k))
        {
            query = query.Where(c => c.Kind == k);
        }

        var today = Today;
        query = Status switch
        {
            "open" => query.Where(c => c.ClosedOn == null),
            "overdue" => query.Where(c => c.ClosedOn == null && c.State != CaseState.Suspended && c.DueOn < today),
            "closed" => query.Where(c => c.ClosedOn != null),
            _ => query,
        };
        var folded = VietnameseText.Fold(Query);
        if (folded.Length > 0)
        {
            query = query.Where(c => c.SearchText.Contains(folded));
        }

        // Open cases by their deadline (the most urgent first), then the closed ones, newest first.
        Cases = await query.OrderBy(c => c.ClosedOn != null).ThenBy(c => c.DueOn).ThenByDescending(c => c.ReceivedOn).ThenByDescending(c => c.Id)
            .ToPagedListAsync(q => q.ToRows(db), PageNumber, 50, ct);
    }

    public string PageUrl(int page) =>
        $"/Cases?q={Uri.EscapeDataString(Query ?? "")}&kind={Kind}&status={Uri.EscapeDataString(Status ?? "")}&page={page}";

    public static string DueText(CaseRow r, DateOnly today) => r.State switch
    {
        CaseState.Suspended => "Tạm đình chỉ",
        _ when CaseRules.IsFinal(r.State) => r.ClosedOnTime switch { true => "Đúng hạn", false => "Quá hạn", _ => "—" },
        _ when r.DueOn is { } d && d < today => $"Quá hạn {today.DayNumber - d.DayNumber} ngày",
        _ when r.DueOn is { } d => $"Còn {d.DayNumber - today.DayNumber} ngày",
        _ => "Không có thời hạn luật định",
    };
}
