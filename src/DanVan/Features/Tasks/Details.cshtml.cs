using System.ComponentModel.DataAnnotations;
using DanVan.Data;
using DanVan.Domain.Access;
using DanVan.Domain.WorkItems;
using DanVan.Features.Shared;
using DanVan.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using static DanVan.Domain.Access.WorkItemAccessRules;

namespace DanVan.Features.Tasks;

public class DetailsModel(AppDbContext db, CurrentUser currentUser, WorkItemCommands commands, TimeProvider clock, WorkItemEditing editing) : PageModel
{
    public sealed class ReportInput
    {
        [Display(Name = "Tiến độ (%)")]
        public int? Progress { get; set; }

        [Display(Name = "Kết quả thực hiện")]
        public string? Note { get; set; }

        [Display(Name = "Đã hoàn thành")]
        public bool Completes { get; set; }

        [Display(Name = "Ngày hoàn thành")]
        public string? CompletedOn { get; set; }
    }

    [BindProperty]
    public ReportInput Input { get; set; } = new();

    [BindProperty]
    [Display(Name = "Minh chứng (PDF, Word, ảnh)")]
    public IFormFile? Evidence { get; set; }

    public Dictionary<int, (int Id, string FileName)> EvidenceByUpdate { get; private set; } = [];

    public WorkItem Item { get; private set; } = null!;

    public WorkItemDeadline Deadline { get; private set; } = null!;

    public string LeadName { get; private set; } = "";

    public string AssignedByName { get; private set; } = "";

    public List<string> CoUnitNames { get; private set; } = [];

    public List<WorkItemDeadline> Siblings { get; private set; } = [];

    public List<WorkItemUpdate> Updates { get; private set; } = [];

    public (int Id, string Code, string Title)? Source { get; private set; }

    /// <summary>The registration that fulfilled a model obligation (see ModelObligations).</summary>
    public (int Id, string Name)? FulfilledBy { get; private set; }

    public bool CanReport { get; private set; }

    public bool CanDecide { get; private set; }

    public List<ExtensionRequest> Extensions { get; private set; } = [];

    [BindProperty]
    public string? RequestedDueOn { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    [BindProperty]
    public string? DecisionNote { get; set; }

    [BindProperty]
    public string? ConfirmNote { get; set; }

    [BindProperty]
    public string? ReturnReason { get; set; }

    /// <summary>The assigning unit's manager may confirm or return the completion reported (not their own report).</summary>
    public bool CanConfirm { get; private set; }

    /// <summary>The completion report waiting for confirmation, when there is one.</summary>
    public WorkItemUpdate? PendingReport { get; private set; }

    /// <summary>The assigning unit's return of the last completion report, when the unit has not reported again since.</summary>
    public WorkItemUpdate? LastReturn { get; private set; }

    public WorkItemState State => WorkItemStates.Of(Deadline.DueOn, Deadline.CompletedOn, Today, Deadline.ReportedCompletedOn);

    public DateOnly Today { get; private set; }

    public Editing.ActionsView? Actions { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } failed)
        {
            return failed;
        }

        if (await editing.InfoAsync((await currentUser.GetScopeAsync(ct))!, id, ct) is var (_, info))
        {
            Actions = new Editing.ActionsView(Domain.Editing.RecordKind.WorkItem, Item.Id, $"/Tasks/Edit/{id}", $"/Tasks/Remove/{id}", info,
                Item.Version - 1);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } failed)
        {
            return failed;
        }

        var completedOn = PageResults.ParseDate(ModelState, "Input.CompletedOn", Input.CompletedOn, "ngày hoàn thành");
        if (!ModelState.IsValid)
        {
            return Page();
        }

        Documents.UploadedFile? evidence = null;
        if (Evidence is { Length: > 0 })
        {
            if (Evidence.Length > commands.MaxEvidenceBytes)
            {
                ModelState.AddModelError("Evidence", $"Tệp minh chứng quá lớn: tối đa {commands.MaxEvidenceBytes / (1024 * 1024)} MB.");
                return Page();
            }

            evidence = await Documents.UploadedFile.ReadAsync(Evidence, ct);
        }

        var scope = (await currentUser.GetScopeAsync(ct))!;
        var result = await commands.ReportAsync(scope, new ReportProgressCommand(id, Input.Progress, Input.Note, Input.Completes, completedOn, evidence), ct);
        if (result.Errors.TryGetValue("Evidence", out var evidenceErrors))
        {
            ModelState.AddModelError("Evidence", string.Join(" ", evidenceErrors));
        }

        if (this.Failure(result) is { } failure)
        {
            return failure;
        }

        TempData["Message"] = Input.Completes ? "Đã báo cáo hoàn thành nhiệm vụ." : "Đã cập nhật tiến độ.";
        return Redirect($"/Tasks/Details/{id}");
    }

    [BindProperty]
    [Display(Name = "Trao đổi về nhiệm vụ")]
    public string? Comment { get; set; }

    public bool CanComment { get; private set; }

    /// <summary>Trao đổi: a comment in the task's history, from the lead, assigning or a coordinating unit.</summary>
    public async Task<IActionResult> OnPostCommentAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } failed)
        {
            return failed;
        }

        var result = await commands.CommentAsync((await currentUser.GetScopeAsync(ct))!, id, Comment, ct);
        if (this.Failure(result, prefix: "") is { } failure)
        {
            return failure;
        }

        TempData["Message"] = "Đã gửi trao đổi.";
        return Redirect($"/Tasks/Details/{id}#trao-doi");
    }

    public async Task<IActionResult> OnPostExtensionAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } failed)
        {
            return failed;
        }

        var until = PageResults.ParseDate(ModelState, "RequestedDueOn", RequestedDueOn, "hạn mới", required: true);
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var scope = (await currentUser.GetScopeAsync(ct))!;
        var result = await commands.RequestExtensionAsync(scope, id, until, Reason, ct);
        if (this.Failure(result, prefix: "") is { } failure)
        {
            return failure;
        }

        TempData["Message"] = "Đã gửi đề nghị gia hạn tới đơn vị giao nhiệm vụ.";
        return Redirect($"/Tasks/Details/{id}");
    }

    public async Task<IActionResult> OnPostDecideAsync(int id, int requestId, bool approve, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } failed)
        {
            return failed;
        }

        var scope = (await currentUser.GetScopeAsync(ct))!;
        var result = await commands.DecideExtensionAsync(scope, requestId, approve, DecisionNote, ct);
        if (this.Failure(result, prefix: "") is { } failure)
        {
            return failure;
        }

        TempData["Message"] = approve ? "Đã đồng ý gia hạn." : "Đã không đồng ý gia hạn.";
        return Redirect($"/Tasks/Details/{id}");
    }

    public async Task<IActionResult> OnPostConfirmAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } failed)
        {
            return failed;
        }

        var scope = (await currentUser.GetScopeAsync(ct))!;
        var result = await commands.ConfirmCompletionAsync(scope, id, ConfirmNote, ct);
        if (this.Failure(result, prefix: "") is { } failure)
        {
            return failure;
        }

        TempData["Message"] = CompletionRules.OnTime(result.Value!.DueOn, result.Value.CompletedOn!.Value)
            ? "Đã xác nhận hoàn thành: hoàn thành đúng hạn."
            : "Đã xác nhận hoàn thành: hoàn thành quá hạn.";
        return Redirect($"/Tasks/Details/{id}");
    }

    public async Task<IActionResult> OnPostReturnAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } failed)
        {
            return failed;
        }

        var scope = (await currentUser.GetScopeAsync(ct))!;
        var result = await commands.ReturnCompletionAsync(scope, id, ReturnReason, ct);
        if (this.Failure(result, prefix: "") is { } failure)
        {
            return failure;
        }

        TempData["Message"] = "Đã trả lại báo cáo hoàn thành cho đơn vị chủ trì.";
        return Redirect($"/Tasks/Details/{id}");
    }

    public async Task<IActionResult> OnGetEvidenceAsync(int id, int evidenceId, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } failed)
        {
            return failed;
        }

        var file = await db.WorkItemEvidence.AsNoTracking()
            .Where(e => e.Id == evidenceId && db.WorkItemUpdates.Any(u => u.Id == e.UpdateId && u.DeadlineId == id)).FirstOrDefaultAsync(ct);
        return file is null ? NotFound() : File(file.Content, file.ContentType, file.FileName);
    }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        // A withdrawn task is left out of every list but stays readable here, marked (ADR-019).
        var deadline = await db.WorkItemDeadlines.AsNoTracking().IgnoreQueryFilters().FirstOrDefaultAsync(d => d.Id == id, ct);
        if (deadline is null)
        {
            return NotFound();
        }

        var item = await db.WorkItems.AsNoTracking().FirstAsync(w => w.Id == deadline.WorkItemId, ct);
        var coIds = await db.WorkItemCoUnits.AsNoTracking().Where(c => c.WorkItemId == item.Id).Select(c => c.UnitId).ToListAsync(ct);
        var unitIds = coIds.Append(item.LeadUnitId).Append(item.AssignedByUnitId).Distinct().ToList();
        var units = await db.OrgUnits.AsNoTracking().Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, ct);
        UnitRef Ref(int unitId) => new(unitId, units[unitId].AncestorPath);
        var scope = (await currentUser.GetScopeAsync(ct))!;
        if (!CanRead(scope, Ref(item.LeadUnitId), Ref(item.AssignedByUnitId), coIds.Select(Ref)))
        {
            return Forbid();
        }

        Item = item;
        Deadline = deadline;
        Today = VietnamClock.Today(clock);
        LeadName = units[item.LeadUnitId].Name;
        AssignedByName = units[item.AssignedByUnitId].Name;
        CoUnitNames = coIds.Select(c => units[c].Name).ToList();
        CanReport = item.WithdrawnAtUtc is null && WorkItemAccessRules.CanReport(scope, Ref(item.LeadUnitId))
            && CompletionRules.StageOf(deadline.CompletedOn, deadline.ReportedCompletedOn) == CompletionStage.InProgress;
        CanDecide = item.WithdrawnAtUtc is null && WorkItemAccessRules.CanDecide(scope, Ref(item.AssignedByUnitId));
        Extensions = await db.ExtensionRequests.AsNoTracking().Where(r => r.DeadlineId == id).OrderByDescending(r => r.Id).ToListAsync(ct);
        Siblings = await db.WorkItemDeadlines.AsNoTracking().IgnoreQueryFilters().Where(d => d.WorkItemId == item.Id).OrderBy(d => d.DueOn).Take(60).ToListAsync(ct);
        Updates = await db.WorkItemUpdates.AsNoTracking().Where(u => u.DeadlineId == id).OrderByDescending(u => u.Id).Take(200).ToListAsync(ct);
        var lastCompletionEvent = Updates.FirstOrDefault(u => u.Kind is not (WorkItemUpdateKind.Progress or WorkItemUpdateKind.Comment));
        CanComment = item.WithdrawnAtUtc is null && WorkItemAccessRules.CanComment(scope, Ref(item.LeadUnitId), Ref(item.AssignedByUnitId), coIds.Select(Ref));
        PendingReport = deadline.ReportedCompletedOn is not null && lastCompletionEvent?.Kind == WorkItemUpdateKind.CompletionReported ? lastCompletionEvent : null;
        LastReturn = lastCompletionEvent?.Kind == WorkItemUpdateKind.CompletionReturned ? lastCompletionEvent : null;
        CanConfirm = item.WithdrawnAtUtc is null && PendingReport is not null && WorkItemAccessRules.CanConfirmCompletion(scope, Ref(item.AssignedByUnitId), PendingReport.UserName);
        var updateIds = Updates.Select(u => u.Id).ToList();
        EvidenceByUpdate = (await db.WorkItemEvidence.AsNoTracking().Where(e => updateIds.Contains(e.UpdateId))
                .Select(e => new { e.Id, e.UpdateId, e.FileName }).ToListAsync(ct))
            .ToDictionary(e => e.UpdateId, e => (e.Id, e.FileName));
        if (deadline.FulfilledByModelId is { } modelId)
        {
            var model = await db.MobilizationModels.AsNoTracking().Where(m => m.Id == modelId).Select(m => new { m.Id, m.Name }).FirstOrDefaultAsync(ct);
            FulfilledBy = model is null ? null : (model.Id, model.Name);
        }

        if (item.SourceDocumentId is { } docId)
        {
            var doc = await db.Documents.AsNoTracking().Where(d => d.Id == docId).Select(d => new { d.Id, d.Code, d.Title }).FirstOrDefaultAsync(ct);
            Source = doc is null ? null : (doc.Id, doc.Code, doc.Title);
        }

        return null;
    }
}
