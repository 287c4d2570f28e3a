using DanVan.Data;
using DanVan.Domain.Access;
using DanVan.Domain.Dialogues;
using DanVan.Domain.Units;
using DanVan.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Features.Dialogues;

/// <summary>
/// Bảng theo dõi cam kết: the commitments owned by the user's units (their unit and below; the province for
/// coordinators and reviewers) or made at their unit's dialogues — overdue first, then by deadline.
/// </summary>
public class CommitmentsModel(AppDbContext db, CurrentUser currentUser, TimeProvider clock) : PageModel
{
    /// <summary>"open" (default: open and overdue), "overdue", "done", "all".</summary>
    [BindProperty(SupportsGet = true, Name = "status")]
    public string? Status { get; set; }

    [BindProperty(SupportsGet = true, Name = "page")]
    public int? PageNumber { get; set; }

    public PagedList<CommitmentRow> Rows { get; private set; } = null!;

    public DateOnly Today { get; private set; }

    public UserScope Scope { get; private set; } = null!;

    public int OverdueCount { get; private set; }

    public CommitmentDoneInput Done { get; } = new();

    public async Task OnGetAsync(CancellationToken ct)
    {
        Scope = (await currentUser.GetScopeAsync(ct))!;
        Today = VietnamClock.Today(clock);
        Done.DoneOn = Domain.Text.VietnameseText.FormatDate(Today);
        var query = await MineAsync(Scope, ct);
        var today = Today;
        OverdueCount = await query.CountAsync(c => c.State == CommitmentState.Open && c.DueOn < today, ct);
        query = Status switch
        {
            "overdue" => query.Where(c => c.State == CommitmentState.Open && c.DueOn < today),
            "done" => query.Where(c => c.State == CommitmentState.Done),
            "all" => query,
            _ => query.Where(c => c.State == CommitmentState.Open),
        };
        Rows = await query.OrderBy(c => c.State).ThenBy(c => c.DueOn).ThenBy(c => c.Id).ToPagedListAsync(q => q.ToRows(db), PageNumber, 50, ct);
    }

    public bool CanClose(CommitmentRow c) => c.State == CommitmentState.Open && DialogueAccessRules.CanCloseCommitment(Scope, c.DialogueUnitId, c.OwnerUnitId);

    /// <summary>
    /// The scope's commitments. The scope's units and their dialogues are read first as two id lists (a province: ~1,000
    /// units, ~4,000 dialogues nationally), so that the three statements of the page filter by "= ANY(ids)" on the
    /// (OwnerUnitId, State, DueOn) and (DialogueId, State, DueOn) indexes. The same filter written with two sub-selects
    /// became a bitmap scan of every open commitment of the country filtered through hashed subplans: 343 ms per
    /// count on the national data (bench, dialogue-commitments; ADR-022).
    /// </summary>
    private async Task<IQueryable<DialogueCommitment>> MineAsync(UserScope scope, CancellationToken ct)
    {
        var all = db.DialogueCommitments.AsNoTracking();
        if (scope.IsAdmin)
        {
            return all;
        }

        var prefix = Roles.HasProvinceScope(scope.Role) ? scope.ScopePrefix : scope.OwnSubtreePrefix;
        var rootId = UnitPaths.Ancestors(prefix).Last();
        var units = await db.OrgUnits.Where(o => o.Id == rootId || o.AncestorPath.StartsWith(prefix)).Select(o => o.Id).ToListAsync(ct);
        // EF.Parameter: one array parameter ("= ANY(@units)" on PostgreSQL, json_each on SQLite), not one parameter per id.
        var dialogues = await db.Dialogues.Where(d => EF.Parameter(units).Contains(d.UnitId)).Select(d => d.Id).ToListAsync(ct);
        return all.Where(c => EF.Parameter(units).Contains(c.OwnerUnitId) || EF.Parameter(dialogues).Contains(c.DialogueId));
    }

    public string PageUrl(int page) => $"/Dialogues/Commitments?status={Uri.EscapeDataString(Status ?? "")}&page={page}";
}
