using System.ComponentModel.DataAnnotations;
using DanVan.Data;
using DanVan.Domain.Access;
using DanVan.Domain.Editing;
using DanVan.Domain.Plans;
using DanVan.Features.Shared;
using DanVan.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Features.Plans;

/// <summary>Sửa một chỉ tiêu: its text (re-read for its number) and how it is measured (ADR-019).</summary>
public class EditTargetModel(AppDbContext db, CurrentUser currentUser, TargetEditing editing) : PageModel
{
    public sealed class InputModel
    {
        public int Version { get; set; }

        [Display(Name = "Chỉ tiêu (có con số)")]
        public string? Description { get; set; }

        [Display(Name = "Cách đo")]
        public string? Measure { get; set; }

        [Display(Name = "Lý do sửa (không bắt buộc)")]
        public string? Reason { get; set; }
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public PlanTarget Target { get; private set; } = null!;

    public string Code { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } failed)
        {
            return failed;
        }

        Input = new InputModel { Version = Target.Version, Description = Target.Description, Measure = Target.Measure };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } failed)
        {
            return failed;
        }

        var result = await editing.EditAsync((await currentUser.GetScopeAsync(ct))!, id, new EditTargetCommand(Input.Version, Input.Description, Input.Measure, Input.Reason), ct);
        if (this.Failure(result) is { } failure)
        {
            return failure;
        }

        TempData["Message"] = result.Value!.Version == Target.Version ? "Không có thay đổi nào để lưu." : "Đã lưu chỉ tiêu.";
        return Redirect($"/Plans/Details/{Target.PlanId}");
    }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        var found = await (from t in db.PlanTargets.AsNoTracking()
                           where t.Id == id
                           join p in db.Plans on t.PlanId equals p.Id
                           join d in db.Documents on p.DocumentId equals d.Id
                           join o in db.OrgUnits on p.OwnerUnitId equals o.Id
                           select new { t, d.Code, o.AncestorPath, p.OwnerUnitId, PlanWithdrawn = p.WithdrawnAtUtc != null }).FirstOrDefaultAsync(ct);
        var scope = (await currentUser.GetScopeAsync(ct))!;
        if (found is null || !DocumentAccessRules.CanRead(scope, found.AncestorPath, found.OwnerUnitId))
        {
            return NotFound();
        }

        if (!EditAccessRules.CanEdit(scope, found.AncestorPath, found.OwnerUnitId))
        {
            return Forbid();
        }

        Target = found.t;
        Code = found.Code;
        if (EditRules.EditRefusal(found.PlanWithdrawn ? RecordKind.Plan : RecordKind.Target, found.t.WithdrawnAtUtc is not null || found.PlanWithdrawn) is { } refusal)
        {
            TempData["Message"] = refusal;
            return Redirect($"/Plans/Details/{found.t.PlanId}");
        }

        return null;
    }
}
