using System.ComponentModel.DataAnnotations;
using DanVan.Data;
using DanVan.Domain.Plans;
using DanVan.Features.Shared;
using DanVan.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Features.Plans;

/// <summary>Xây dựng kế hoạch thực hiện: the unit's own plan, pre-filled from the parent.</summary>
public class AdoptModel(AppDbContext db, CurrentUser currentUser, PlanCommands commands) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int ParentId { get; set; }

    [BindProperty, Display(Name = "Số, ký hiệu")]
    public string? Code { get; set; }

    [BindProperty, Display(Name = "Ngày ban hành")]
    public string? IssuedOn { get; set; }

    [BindProperty, Display(Name = "Trích yếu")]
    public string? Title { get; set; }

    [BindProperty, Display(Name = "Thẩm quyền ký")]
    public string? SignerAuthority { get; set; }

    [BindProperty, Display(Name = "Chức vụ người ký")]
    public string? SignerPosition { get; set; }

    [BindProperty, Display(Name = "Họ tên người ký")]
    public string? SignerName { get; set; }

    [BindProperty, Display(Name = "I. Mục đích, yêu cầu")]
    public string? Purposes { get; set; }

    [BindProperty, Display(Name = "Nội dung")]
    public string? Body { get; set; }

    /// <summary>Inherited targets the unit drops, with the reason (id → reason).</summary>
    [BindProperty]
    public List<int> Drop { get; set; } = [];

    // Named, so that a form without any DropReason[…] field binds an empty dictionary instead of reading every other
    // field (the antiforgery token…) as a key.
    [BindProperty(Name = nameof(DropReason))]
    public Dictionary<int, string?> DropReason { get; set; } = [];

    [BindProperty, Display(Name = "Chỉ tiêu bổ sung của đơn vị (mỗi dòng một chỉ tiêu)")]
    public string? ExtraTargets { get; set; }

    public string ParentLabel { get; private set; } = "";

    public List<PlanTarget> ParentTargets { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } failed)
        {
            return failed;
        }

        var parent = await db.Plans.AsNoTracking().FirstAsync(p => p.Id == ParentId, ct);
        Purposes = parent.Purposes;
        Body = parent.Body;
        Title = "Thực hiện " + ParentLabel;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } failed)
        {
            return failed;
        }

        var issued = PageResults.ParseDate(ModelState, "IssuedOn", IssuedOn, "ngày ban hành");
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var scope = (await currentUser.GetScopeAsync(ct))!;
        var dropped = Drop.Distinct().ToDictionary(id => id, id => DropReason.GetValueOrDefault(id));
        var result = await commands.AdoptAsync(scope, new AdoptPlanCommand(
            ParentId, Code, issued, Title, SignerAuthority, SignerPosition, SignerName, Purposes, Body, dropped, ExtraTargets), ct);
        if (this.Failure(result, prefix: "") is { } failure)
        {
            return failure;
        }

        TempData["Message"] = "Đã xây dựng kế hoạch thực hiện.";
        return Redirect($"/Plans/Details/{result.Value!.Id}");
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        var parent = await db.Plans.AsNoTracking().Where(p => p.Id == ParentId)
            .Join(db.Documents, p => p.DocumentId, d => d.Id, (p, d) => new { d.Code, d.Title, d.IssuerName }).FirstOrDefaultAsync(ct);
        if (parent is null)
        {
            return NotFound();
        }

        ParentLabel = $"Kế hoạch số {parent.Code} của {parent.IssuerName}";
        ParentTargets = await db.PlanTargets.AsNoTracking().Where(t => t.PlanId == ParentId && t.DroppedReason == null && t.WithdrawnAtUtc == null).OrderBy(t => t.Id).ToListAsync(ct);
        return null;
    }
}
