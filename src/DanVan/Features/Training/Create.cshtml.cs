using DanVan.Data;
using DanVan.Domain.Access;
using DanVan.Domain.Text;
using DanVan.Domain.Training;
using DanVan.Features.Documents;
using DanVan.Features.Shared;
using DanVan.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Features.Training;

/// <summary>Ghi nhận buổi tuyên truyền, quán triệt, tập huấn: kind, documents covered, audience, attendees and the unit's staff present.</summary>
public class CreateModel(AppDbContext db, CurrentUser currentUser, TrainingCommands commands, TimeProvider clock) : PageModel
{
    public sealed record Option(int Id, string Label);

    [BindProperty]
    public SessionInput Input { get; set; } = new();

    public List<Option> Documents { get; private set; } = [];

    public List<StaffMember> Staff { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int? documentId, CancellationToken ct)
    {
        Input.HeldOn = VietnameseText.FormatDate(VietnamClock.Today(clock));
        Input.Kind = SessionKind.Briefing;
        Input.Audience = [SessionAudience.Staff];
        if (documentId is > 0)
        {
            Input.DocumentIds = [documentId.Value];
        }

        return await LoadAsync(ct) ?? Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } failed)
        {
            return failed;
        }

        var result = await commands.RecordAsync((await currentUser.GetScopeAsync(ct))!, Input, ct);
        if (this.Failure(result) is { } failure)
        {
            return failure;
        }

        TempData["Message"] = $"Đã ghi nhận buổi «{result.Value!.Title}».";
        return Redirect($"/Training/Details/{result.Value.Id}");
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        var scope = (await currentUser.GetScopeAsync(ct))!;
        if (!DisclosureAccessRules.CanRecord(scope, scope.UnitId))
        {
            return Forbid();
        }

        // The register's latest documents the unit can see (its own and those of the units above), and any already chosen.
        var chosen = Input.DocumentIds.Where(i => i > 0).Distinct().Take(50).ToList();
        var visible = db.Documents.AsNoTracking().VisibleTo(db, scope).Where(d => d.WithdrawnAtUtc == null);
        var latest = await visible.OrderByDescending(d => d.IssuedOn).ThenByDescending(d => d.Id).Take(200).Select(d => new { d.Id, d.Code, d.Title, d.IssuedOn }).ToListAsync(ct);
        var extra = await visible.Where(d => EF.Parameter(chosen).Contains(d.Id)).Select(d => new { d.Id, d.Code, d.Title, d.IssuedOn }).ToListAsync(ct);
        Documents = latest.Concat(extra).DistinctBy(d => d.Id)
            .Select(d => new Option(d.Id, $"{d.Code}{(d.IssuedOn is { } on ? " ngày " + VietnameseText.FormatDate(on) : "")} — {Short(d.Title)}")).ToList();
        var today = VietnamClock.Today(clock);
        Staff = await TrainingQueries.OnStaff(db, [scope.UnitId], today).OrderByVietnamese(db, s => s.FullName).ThenBy(s => s.Id).Take(2000).ToListAsync(ct);
        return null;
    }

    private static string Short(string title) => title.Length > 120 ? title[..117] + "…" : title;
}
