using DanVan.Data;
using DanVan.Domain.Access;
using DanVan.Domain.Scoring;
using DanVan.Domain.Text;
using DanVan.Features.Shared;
using DanVan.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Features.Scoring;

/// <summary>
/// Chấm điểm dân vận chính quyền: the province's rounds with their progress; the coordinator opens the year's round;
/// a unit finds its own sheet of each round.
/// </summary>
public class IndexModel(AppDbContext db, CurrentUser currentUser, ScoringCommands commands, ScoringQueries queries, TimeProvider clock) : PageModel
{
    [BindProperty]
    public OpenRoundInput Input { get; set; } = new();

    public List<RoundRow> Rounds { get; private set; } = [];

    public Dictionary<int, int> OwnSheets { get; private set; } = [];

    public List<ScoringFramework> Frameworks { get; private set; } = [];

    public bool CanOpen { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        var today = VietnamClock.Today(clock);
        Input.Year = today.Year;
        Input.SelfFrom = VietnameseText.FormatDate(today);
        var due = new DateOnly(today.Year, 11, 14);
        Input.SelfDue = VietnameseText.FormatDate(due >= today ? due : today.AddDays(14));
        Input.AppraisalOn = VietnameseText.FormatDate((due >= today ? due : today.AddDays(14)).AddDays(10));
        Input.ObjectionDays = 5;
        Input.FrameworkId = Frameworks.FirstOrDefault(f => f.ProvinceCode is not null)?.Id ?? Frameworks.FirstOrDefault()?.Id;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var scope = (await currentUser.GetScopeAsync(ct))!;
        if (!ScoringAccessRules.CanOpen(scope))
        {
            return this.ForbidRole(scope, "mở kỳ đánh giá, chấm điểm", "Sở Nội vụ (cơ quan điều phối)");
        }

        ModelState.Clear();
        var result = await commands.OpenRoundAsync(scope, Input, ct);
        if (result.IsOk)
        {
            var n = await db.ScoreSheets.CountAsync(s => s.RoundId == result.Value!.Id, ct);
            TempData["Message"] = $"Đã mở kỳ đánh giá năm {result.Value!.Year}: {n} phiếu chấm điểm, số liệu tự động đã điền.";
            return Redirect($"/Scoring/Round/{result.Value.Id}");
        }

        await LoadAsync(ct);
        return this.Failure(result) ?? Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var scope = (await currentUser.GetScopeAsync(ct))!;
        CanOpen = ScoringAccessRules.CanOpen(scope);
        Rounds = await queries.RoundsAsync(scope, ct);
        var ids = Rounds.Select(r => r.Round.Id).ToList();
        OwnSheets = await db.ScoreSheets.AsNoTracking().Where(s => s.UnitId == scope.UnitId && ids.Contains(s.RoundId))
            .ToDictionaryAsync(s => s.RoundId, s => s.Id, ct);
        if (CanOpen)
        {
            var province = await commands.ProvinceOfAsync(scope, ct);
            Frameworks = await db.ScoringFrameworks.AsNoTracking()
                .Where(f => f.ProvinceCode == null || f.ProvinceCode == province!.Code).OrderByDescending(f => f.ProvinceCode != null).ThenBy(f => f.Name).ThenByDescending(f => f.Version)
                .ToListAsync(ct);
        }
    }
}
