using DanVan.Data;
using DanVan.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Features.Units;

/// <summary>htmx: units in the user's scope matching typed text, offered as radio buttons for a form field.</summary>
public class LookupModel(AppDbContext db, CurrentUser currentUser, TimeProvider clock) : PageModel
{
    public IReadOnlyList<UnitRow> Rows { get; private set; } = [];

    public string FieldName { get; private set; } = "";

    public string? Query { get; private set; }

    /// <summary>Checkboxes (several units) instead of radio buttons.</summary>
    public bool Multiple { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? q, string? field, int? exclude, bool? multi, CancellationToken ct)
    {
        Multiple = multi ?? false;
        var scope = (await currentUser.GetScopeAsync(ct))!;
        Query = q;
        FieldName = field is { Length: > 0 and <= 60 } && field.All(c => char.IsAsciiLetterOrDigit(c) || c == '.') ? field : "UnitId";
        if (!string.IsNullOrWhiteSpace(q))
        {
            var today = VietnamClock.Today(clock);
            Rows = await db.OrgUnits.AsNoTracking().InScope(scope).Current(false, today).Matching(q)
                .Where(u => exclude == null || u.Id != exclude).Ordered().Take(20).ToRows(db, false, today).ToListAsync(ct);
        }

        return Page();
    }
}
