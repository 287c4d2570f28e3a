using System.ComponentModel.DataAnnotations;
using DanVan.Data;
using DanVan.Features.Shared;
using DanVan.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Features.Plans;

public class CreateModel(AppDbContext db, CurrentUser currentUser, PlanCommands commands) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int DocumentId { get; set; }

    [BindProperty]
    [Display(Name = "I. Mục đích, yêu cầu")]
    public string? Purposes { get; set; }

    [BindProperty]
    [Display(Name = "II. Nội dung và các phần tiếp theo")]
    public string? Body { get; set; }

    [BindProperty]
    [Display(Name = "Chỉ tiêu (mỗi dòng một chỉ tiêu có con số)")]
    public string? Targets { get; set; }

    [BindProperty]
    [Display(Name = "Yêu cầu các đơn vị cấp dưới xây dựng kế hoạch thực hiện")]
    public bool RequiresAdoption { get; set; }

    [BindProperty]
    [Display(Name = "Thời hạn xây dựng kế hoạch")]
    public string? AdoptionDueOn { get; set; }

    [BindProperty]
    public List<Domain.Units.OrgUnitKind> AdoptionKinds { get; set; } = [];

    public static readonly Domain.Units.OrgUnitKind[] KindChoices =
    [
        Domain.Units.OrgUnitKind.Department, Domain.Units.OrgUnitKind.Commune, Domain.Units.OrgUnitKind.Ward,
        Domain.Units.OrgUnitKind.SpecialZone, Domain.Units.OrgUnitKind.PublicServiceUnit, Domain.Units.OrgUnitKind.Inspectorate,
        Domain.Units.OrgUnitKind.Division,
    ];

    public string DocumentLabel { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } failed)
        {
            return failed;
        }

        var due = PageResults.ParseDate(ModelState, "AdoptionDueOn", AdoptionDueOn, "thời hạn xây dựng kế hoạch");
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var scope = (await currentUser.GetScopeAsync(ct))!;
        var result = await commands.CreateAsync(scope, new CreatePlanCommand(DocumentId, Purposes, Body, Targets, RequiresAdoption, due, AdoptionKinds), ct);
        if (this.Failure(result, prefix: "") is { } failure)
        {
            return failure;
        }

        TempData["Message"] = "Đã lưu nội dung kế hoạch.";
        return Redirect($"/Plans/Details/{result.Value!.Id}");
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        var doc = await db.Documents.AsNoTracking().Where(d => d.Id == DocumentId)
            .Join(db.OrgUnits, d => d.OwnerUnitId, o => o.Id, (d, o) => new { d.Code, d.Title, d.OwnerUnitId, o.AncestorPath })
            .FirstOrDefaultAsync(ct);
        if (doc is null)
        {
            return NotFound();
        }

        // The same rule as saving the plan: nothing of another unit's document is shown to whoever may not write it.
        var scope = (await currentUser.GetScopeAsync(ct))!;
        if (!Domain.Access.DocumentAccessRules.CanWrite(scope, doc.AncestorPath, doc.OwnerUnitId))
        {
            return Forbid();
        }

        DocumentLabel = $"Kế hoạch số {doc.Code}: {doc.Title}";
        return null;
    }
}
