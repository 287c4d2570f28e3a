using DanVan.Domain.Scoring;
using DanVan.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DanVan.Features.Scoring;

/// <summary>
/// Kết quả toàn quốc: the year's rounds of every province the user may read, side by side (progress, average, grades),
/// and one group's units ranked across them by their published totals. The administrator sees the whole country;
/// a province's users see their province, so the page answers for anyone signed in.
/// </summary>
public class NationalModel(CurrentUser currentUser, ScoringQueries queries) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    [BindProperty(SupportsGet = true)]
    public RankGroup Group { get; set; } = RankGroup.Communes;

    [BindProperty(SupportsGet = true, Name = "page")]
    public int? PageNumber { get; set; }

    public NationalView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!Enum.IsDefined(Group))
        {
            Group = RankGroup.Communes;
        }

        var scope = (await currentUser.GetScopeAsync(ct))!;
        View = await queries.NationalAsync(scope, Year, Group, PageNumber, ct);
        return Page();
    }

    public string PageUrl(int page) => $"/Scoring/National?year={View.Year}&group={Group}&page={page}";
}
