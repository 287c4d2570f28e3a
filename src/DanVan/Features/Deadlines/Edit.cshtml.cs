using DanVan.Data;
using DanVan.Domain.Deadlines;
using DanVan.Domain.Text;
using DanVan.Features.Shared;
using DanVan.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Features.Deadlines;

/// <summary>An administrator corrects one version of a rule, or opens a new version from the day an amendment applies.</summary>
public class EditModel(AppDbContext db, CurrentUser currentUser, StatutoryDeadlines deadlines) : PageModel
{
    [BindProperty]
    public DeadlineRuleEdit Input { get; set; } = new();

    [BindProperty]
    public string? NewVersionFrom { get; set; }

    public DeadlineRule Rule { get; private set; } = null!;

    public List<DeadlineRule> Versions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await DenyAsync(ct) is { } denied)
        {
            return denied;
        }

        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        Input = new DeadlineRuleEdit
        {
            Name = Rule.Name,
            CountsFrom = Rule.CountsFrom,
            Counting = Rule.Counting,
            Days = Rule.Days,
            MaxExtensions = Rule.MaxExtensions,
            ExtensionDays = Rule.ExtensionDays,
            AllowsExtraDays = Rule.AllowsExtraDays,
            Basis = Rule.Basis,
            ValidTo = Rule.ValidTo is { } to ? VietnameseText.FormatDate(to) : null,
            Verification = Rule.Verification,
            Note = Rule.Note,
            VariantDays = Rule.Variants.ToDictionary(v => v.Id, v => (int?)v.Days),
            VariantExtensions = Rule.Variants.ToDictionary(v => v.Id, v => v.MaxExtensions),
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (await DenyAsync(ct) is { } denied)
        {
            return denied;
        }

        if (!ModelState.IsValid)
        {
            // A number field that is not a number: say so and save nothing.
            return await LoadAsync(id, ct) ? Page() : NotFound();
        }

        var scope = (await currentUser.GetScopeAsync(ct))!;
        var result = await deadlines.UpdateAsync(scope, id, Input, ct);
        if (result.Status is ResultStatus.NotFound or ResultStatus.Forbidden)
        {
            return this.Failure(result)!;
        }

        if (result.IsOk)
        {
            TempData["Message"] = $"Đã lưu quy tắc «{result.Value!.Name}» ({StatutoryClock.ValidityText(result.Value)}).";
            return Redirect($"/Deadlines/Edit/{id}");
        }

        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        return this.Failure(result) ?? Page();
    }

    public async Task<IActionResult> OnPostVersionAsync(int id, CancellationToken ct)
    {
        if (await DenyAsync(ct) is { } denied)
        {
            return denied;
        }

        var scope = (await currentUser.GetScopeAsync(ct))!;
        var from = PageResults.ParseDate(ModelState, nameof(NewVersionFrom), NewVersionFrom, "ngày có hiệu lực", required: true);
        if (from is not null)
        {
            var result = await deadlines.AddVersionAsync(scope, id, from, ct);
            if (result.IsOk)
            {
                TempData["Message"] = $"Đã tạo phiên bản mới có hiệu lực từ {VietnameseText.FormatDate(result.Value!.ValidFrom)}; phiên bản cũ hết hiệu lực ngày {VietnameseText.FormatDate(result.Value.ValidFrom.AddDays(-1))}. Hãy sửa số ngày và căn cứ theo văn bản sửa đổi.";
                return Redirect($"/Deadlines/Edit/{result.Value.Id}");
            }

            if (result.Status is ResultStatus.NotFound or ResultStatus.Forbidden)
            {
                return this.Failure(result)!;
            }

            foreach (var m in result.Errors.SelectMany(e => e.Value))
            {
                ModelState.AddModelError(nameof(NewVersionFrom), m);
            }
        }

        return await OnGetAsync(id, ct);
    }

    private async Task<IActionResult?> DenyAsync(CancellationToken ct) =>
        (await currentUser.GetScopeAsync(ct))?.IsAdmin == true ? null : Forbid();

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var rule = await db.DeadlineRules.AsNoTracking().Include(r => r.Variants).FirstOrDefaultAsync(r => r.Id == id, ct);
        if (rule is null)
        {
            return false;
        }

        Rule = rule;
        Versions = await db.DeadlineRules.AsNoTracking().Where(r => r.Code == rule.Code).OrderBy(r => r.ValidFrom).ToListAsync(ct);
        return true;
    }
}
