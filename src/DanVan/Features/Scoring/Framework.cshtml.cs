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

/// <summary>One framework: its tree of criteria with how each is scored; edited in place while no open round uses it, or as a new version.</summary>
public class FrameworkModel(AppDbContext db, CurrentUser currentUser, ScoringFrameworkCommands commands, MeasureRegistry measures) : PageModel
{
    [BindProperty]
    public FrameworkInput Input { get; set; } = new();

    public ScoringFramework Framework { get; private set; } = null!;

    public List<int> OpenYears { get; private set; } = [];

    public bool CanEdit { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } failure)
        {
            return failure;
        }

        Fill();
        return Page();
    }

    public Task<IActionResult> OnPostSaveAsync(int id, CancellationToken ct) =>
        RunAsync(id, (scope, input) => commands.UpdateAsync(scope, id, input, ct), f => "Đã lưu bộ tiêu chí.", ct);

    public Task<IActionResult> OnPostVersionAsync(int id, CancellationToken ct) =>
        RunAsync(id, (scope, input) => commands.NewVersionAsync(scope, id, input, ct), f => $"Đã tạo phiên bản {f.Version}, áp dụng từ {VietnameseText.FormatDate(f.ValidFrom)}.", ct);

    public string MeasureName(string? code) => code is null ? "" : measures.Find(code)?.Name ?? code;

    public string? Error(string key) =>
        ModelState.TryGetValue("Input." + key, out var e) && e.Errors.Count > 0 ? string.Join(" ", e.Errors.Select(x => x.ErrorMessage)) : null;

    private async Task<IActionResult> RunAsync(int id, Func<UserScope, FrameworkInput, Task<Result<ScoringFramework>>> action, Func<ScoringFramework, string> message, CancellationToken ct)
    {
        var scope = (await currentUser.GetScopeAsync(ct))!;
        ModelState.Clear();
        var result = await action(scope, Input);
        if (result.IsOk)
        {
            TempData["Message"] = message(result.Value!);
            return Redirect($"/Scoring/Framework/{result.Value!.Id}");
        }

        if (result.Status == ResultStatus.Forbidden)
        {
            return this.ForbidRole(scope, "sửa bộ tiêu chí", "quản trị hệ thống hoặc Sở Nội vụ của tỉnh");
        }

        if (await LoadAsync(id, ct) is { } failure)
        {
            return failure;
        }

        return this.Failure(result) ?? Page();
    }

    private void Fill()
    {
        Input = new FrameworkInput
        {
            Name = Framework.Name, LegalBasis = Framework.LegalBasis, Bands = Framework.Bands,
            BonusCap = ScoringRules.FormatNumber(Framework.BonusCap), PenaltyCap = ScoringRules.FormatNumber(Framework.PenaltyCap),
            Criteria = Framework.Criteria.OrderBy(c => c.SortOrder).Select(c => new CriterionInput
            {
                Id = c.Id, Name = c.Name, MaxPoints = ScoringRules.FormatNumber(c.MaxPoints), Steps = c.Steps, EvidenceRequired = c.EvidenceRequired,
            }).ToList(),
        };
    }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        var scope = (await currentUser.GetScopeAsync(ct))!;
        var framework = await db.ScoringFrameworks.AsNoTracking().Include(f => f.Criteria).FirstOrDefaultAsync(f => f.Id == id, ct);
        if (framework is null || !await commands.CanSeeAsync(scope, framework, ct))
        {
            return NotFound();
        }

        Framework = framework;
        Framework.Criteria = Framework.Criteria.OrderBy(c => c.SortOrder).ToList();
        CanEdit = ScoringAccessRules.CanEditFramework(scope, await commands.OwnAsync(scope, framework, ct));
        OpenYears = await db.ScoringRounds.AsNoTracking().Where(r => r.FrameworkId == id && r.State == RoundState.Open).Select(r => r.Year).ToListAsync(ct);
        return null;
    }
}
