using System.ComponentModel.DataAnnotations;
using DanVan.Data;
using DanVan.Domain.Access;
using DanVan.Domain.Editing;
using DanVan.Domain.Plans;
using DanVan.Domain.Text;
using DanVan.Features.Shared;
using DanVan.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Features.Plans;

/// <summary>Sửa kế hoạch: its content, and its obligation on lower units set or changed after creation (ADR-019).</summary>
public class EditModel(AppDbContext db, CurrentUser currentUser, PlanEditing editing) : PageModel
{
    [BindProperty]
    public int Version { get; set; }

    [BindProperty]
    [Display(Name = "I. Mục đích, yêu cầu")]
    public string? Purposes { get; set; }

    [BindProperty]
    [Display(Name = "II. Nội dung và các phần tiếp theo")]
    public string? Body { get; set; }

    [BindProperty]
    [Display(Name = "Yêu cầu các đơn vị cấp dưới xây dựng kế hoạch thực hiện")]
    public bool RequiresAdoption { get; set; }

    [BindProperty]
    [Display(Name = "Thời hạn xây dựng kế hoạch")]
    public string? AdoptionDueOn { get; set; }

    [BindProperty]
    public List<Domain.Units.OrgUnitKind> AdoptionKinds { get; set; } = [];

    [BindProperty]
    [Display(Name = "Lý do sửa (không bắt buộc)")]
    public string? Reason { get; set; }

    public Plan Plan { get; private set; } = null!;

    public string Code { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } failed)
        {
            return failed;
        }

        Version = Plan.Version;
        Purposes = Plan.Purposes;
        Body = Plan.Body;
        RequiresAdoption = Plan.RequiresAdoption;
        AdoptionDueOn = Plan.AdoptionDueOn is { } due ? VietnameseText.FormatDate(due) : null;
        AdoptionKinds = Plan.AdoptionKindList.ToList();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } failed)
        {
            return failed;
        }

        var due = PageResults.ParseDate(ModelState, "AdoptionDueOn", AdoptionDueOn, "thời hạn xây dựng kế hoạch");
        if (!ModelState.IsValid)
        {
            // The date could not be read: the other fields are still checked, so that every error shows at once.
            var errors = new FieldErrors();
            PlanCommands.CheckContent(errors, Purposes, Body, requiresAdoption: false, null, null);
            return this.Failure(Result<Plan>.Invalid(errors.ToDictionary()), prefix: "")!;
        }

        var scope = (await currentUser.GetScopeAsync(ct))!;
        var result = await editing.EditAsync(scope, id, new EditPlanCommand(Version, Purposes, Body, RequiresAdoption, due, AdoptionKinds, Reason), ct);
        if (this.Failure(result, prefix: "") is { } failure)
        {
            return failure;
        }

        TempData["Message"] = result.Value!.Version == Plan.Version ? "Không có thay đổi nào để lưu." : $"Đã lưu kế hoạch (phiên bản {result.Value.Version}).";
        return Redirect($"/Plans/Details/{id}");
    }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        var found = await (from p in db.Plans.AsNoTracking()
                           where p.Id == id
                           join d in db.Documents on p.DocumentId equals d.Id
                           join o in db.OrgUnits on p.OwnerUnitId equals o.Id
                           select new { p, d.Code, o.AncestorPath }).FirstOrDefaultAsync(ct);
        var scope = (await currentUser.GetScopeAsync(ct))!;
        if (found is null || !DocumentAccessRules.CanRead(scope, found.AncestorPath, found.p.OwnerUnitId))
        {
            return NotFound();
        }

        if (!EditAccessRules.CanEdit(scope, found.AncestorPath, found.p.OwnerUnitId))
        {
            return Forbid();
        }

        Plan = found.p;
        Code = found.Code;
        if (EditRules.EditRefusal(RecordKind.Plan, found.p.WithdrawnAtUtc is not null) is { } refusal)
        {
            TempData["Message"] = refusal;
            return Redirect($"/Plans/Details/{id}");
        }

        return null;
    }
}
