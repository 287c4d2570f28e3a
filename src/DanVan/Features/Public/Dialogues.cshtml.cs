using DanVan.Data;
using DanVan.Domain.Dialogues;
using DanVan.Domain.Text;
using DanVan.Features.Dialogues;
using DanVan.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Features.Public;

/// <summary>
/// Công khai đối thoại (Điều 43 Luật Tổ chức chính quyền địa phương): the notices of dialogues to come, and for those
/// held the published results with the state of each commitment. Nothing personal: no speaker, no attendee.
/// </summary>
public class DialoguesModel(AppDbContext db, TimeProvider clock) : PageModel
{
    public const int Shown = 30;

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    public DateOnly Today { get; private set; }

    public sealed record PublicDialogue(int Id, string Unit, string Topic, DialogueAudience Audience, string? AudienceDetail, DateOnly HeldOn, string Place, bool Online,
        string ChairName, string? CoOrganiser, DateOnly? NoticeOn, DateOnly? ResultsPublishedOn, string? ResultsSummary, int? Attendees);

    public List<PublicDialogue> Upcoming { get; private set; } = [];

    public List<PublicDialogue> Results { get; private set; } = [];

    public ILookup<int, CommitmentRow> Commitments { get; private set; } = Array.Empty<CommitmentRow>().ToLookup(c => c.DialogueId);

    public async Task OnGetAsync(CancellationToken ct)
    {
        Response.Headers.CacheControl = "public, max-age=300";
        Today = VietnamClock.Today(clock);
        var today = Today;
        var folded = VietnameseText.Fold(Query);
        if (folded.Length > 200)
        {
            folded = folded[..200];
        }

        var query = db.Dialogues.AsNoTracking();
        if (folded.Length > 0)
        {
            query = query.Where(d => d.SearchText.Contains(folded) || db.OrgUnits.Any(u => u.Id == d.UnitId && u.SearchText.Contains(folded)));
        }

        Upcoming = await Project(query.Where(d => d.State == DialogueState.Announced && d.HeldOn >= today).OrderBy(d => d.HeldOn).ThenBy(d => d.Id)).Take(Shown).ToListAsync(ct);
        var since = today.AddYears(-1);
        Results = await Project(query.Where(d => d.State == DialogueState.ResultsPublished && d.HeldOn >= since).OrderByDescending(d => d.ResultsPublishedOn).ThenByDescending(d => d.Id)).Take(Shown).ToListAsync(ct);
        var ids = Results.Select(r => r.Id).ToList();
        Commitments = (await db.DialogueCommitments.AsNoTracking().Where(c => ids.Contains(c.DialogueId)).ToRows(db).ToListAsync(ct)).OrderBy(c => c.OpinionNumber).ToList()
            .ToLookup(c => c.DialogueId);
    }

    private IQueryable<PublicDialogue> Project(IQueryable<Dialogue> q) =>
        q.Select(d => new PublicDialogue(d.Id, db.OrgUnits.Where(u => u.Id == d.UnitId).Select(u => u.Name).First(), d.Topic, d.Audience, d.AudienceDetail, d.HeldOn,
            d.Place, d.Online, d.ChairName, d.CoOrganiser, d.NoticeOn, d.ResultsPublishedOn, d.ResultsSummary, d.Attendees));
}
