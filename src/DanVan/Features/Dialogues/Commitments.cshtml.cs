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
        var query = Mine(Scope);
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

    private IQueryable<DialogueCommitment> Mine(UserScope scope)
    {
        var all = db.DialogueCommitments.AsNoTracking();
        if (scope.IsAdmin)
        {
            return all;
        }

        var prefix = Roles.HasProvinceScope(scope.Role) ? scope.ScopePrefix : scope.OwnSubtreePrefix;
        var rootId = UnitPaths.Ancestors(prefix).Last();
        var units = db.OrgUnits.Where(o => o.Id == rootId || o.AncestorPath.StartsWith(prefix)).Select(o => o.Id);
        // Two hashed semi-joins ("IN (SELECT …)"): an EXISTS per row here took 10× longer at national scale (bench, dialogue-commitments).
        var dialogues = db.Dialogues.Where(d => units.Contains(d.UnitId)).Select(d => d.Id);
        return all.Where(c => units.Contains(c.OwnerUnitId) || dialogues.Contains(c.DialogueId));
    }

    public string PageUrl(int page) => $"/Dialogues/Commitments?status={Uri.EscapeDataString(Status ?? "")}&page={page}";
}
