using System.ComponentModel.DataAnnotations;
using DanVan.Data;
using DanVan.Domain.Access;
using DanVan.Domain.Plans;
using DanVan.Features.Shared;
using DanVan.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Features.Plans;

/// <summary>Một chỉ tiêu: its measured value, gap, trend through the year, the measure that tracks it and the tasks meant to close it (ADR-028).</summary>
public class TargetModel(AppDbContext db, CurrentUser currentUser, TargetMeasuring measuring, TargetEditing editing, TargetLinks links, MeasureRegistry registry)
    : PageModel
{
    public sealed class MeasureInput
    {
        public int Version { get; set; }

        [Display(Name = "Số liệu theo dõi")]
        public string? MeasureCode { get; set; }

        [Display(Name = "Chia cho (mẫu số, khi chỉ tiêu là tỷ lệ)")]
        public string? DenominatorCode { get; set; }

        [Display(Name = "Lý do thay đổi (không bắt buộc)")]
        public string? Reason { get; set; }
    }

    [BindProperty]
    public MeasureInput Input { get; set; } = new();

    [BindProperty]
    [Display(Name = "Nhiệm vụ")]
    public int? WorkItemId { get; set; }

    public TargetRow Row { get; private set; } = null!;

    public TargetStatus Status { get; private set; } = null!;

    public IReadOnlyList<TrendPoint> Trend { get; private set; } = [];

    public IReadOnlyList<TargetTaskRow> Tasks { get; private set; } = [];

    public IReadOnlyList<TargetTaskRow> Candidates { get; private set; } = [];

    public IReadOnlyList<MeasureDefinition> Definitions => registry.Definitions;

    public bool CanEdit { get; private set; }

    /// <summary>True when the form shows a measure the words of the target point to, not one anybody linked.</summary>
    public bool Suggested { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } failed)
        {
            return failed;
        }

        Input = new MeasureInput { Version = Row.Version, MeasureCode = Row.MeasureCode, DenominatorCode = Row.DenominatorCode };
        if (Row.MeasureCode is null && TargetProgress.Suggest(Row.Description, Row.Unit) is { } s && registry.Find(s.Numerator) is not null)
        {
            (Input.MeasureCode, Input.DenominatorCode, Suggested) = (s.Numerator, s.Denominator, true);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostMeasureAsync(int id, CancellationToken ct)
    {
        var scope = (await currentUser.GetScopeAsync(ct))!;
        var result = await editing.LinkMeasureAsync(scope, id, new LinkMeasureCommand(Input.Version, Input.MeasureCode, Input.DenominatorCode, Input.Reason), registry, ct);
        return await AfterAsync(id, result, "Đã lưu cách đo của chỉ tiêu.", "Input", ct);
    }

    public async Task<IActionResult> OnPostLinkAsync(int id, CancellationToken ct)
    {
        var scope = (await currentUser.GetScopeAsync(ct))!;
        if (WorkItemId is not { } task)
        {
            ModelState.AddModelError(nameof(WorkItemId), "Chọn nhiệm vụ cần gắn với chỉ tiêu.");
            return await LoadAsync(id, ct) ?? Page();
        }

        var result = await links.LinkAsync(scope, id, Input.Version, task, ct);
        return await AfterAsync(id, result, "Đã gắn nhiệm vụ với chỉ tiêu.", "", ct);
    }

    public async Task<IActionResult> OnPostUnlinkAsync(int id, CancellationToken ct)
    {
        var scope = (await currentUser.GetScopeAsync(ct))!;
        var result = await links.UnlinkAsync(scope, id, Input.Version, WorkItemId ?? 0, ct);
        return await AfterAsync(id, result, "Đã bỏ gắn nhiệm vụ khỏi chỉ tiêu.", "", ct);
    }

    private async Task<IActionResult> AfterAsync<T>(int id, Result<T> result, string done, string prefix, CancellationToken ct)
    {
        if (result.IsOk)
        {
            TempData["Message"] = done;
            return Redirect($"/Plans/Target/{id}");
        }

        if (result.Status == ResultStatus.Invalid && await LoadAsync(id, ct) is { } failed)
        {
            return failed;
        }

        return this.Failure(result, prefix) ?? Page();
    }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        var scope = (await currentUser.GetScopeAsync(ct))!;
        var row = await measuring.ByIdAsync(id, ct);
        var owner = row is null ? null : await db.OrgUnits.AsNoTracking().Where(u => u.Id == row.OwnerUnitId).Select(u => new { u.Id, u.AncestorPath }).FirstAsync(ct);
        if (row is null || !DocumentAccessRules.CanRead(scope, owner!.AncestorPath, owner.Id))
        {
            return NotFound();
        }

        Row = row;
        CanEdit = EditAccessRules.CanEdit(scope, owner.AncestorPath, owner.Id);
        Status = (await measuring.ReadAsync([row], ct))[0];
        Trend = await measuring.TrendAsync(row, ct);
        Tasks = await links.LinkedAsync(id, ct);
        Candidates = CanEdit ? await links.CandidatesAsync(row, ct) : [];
        return null;
    }
}
