using System.ComponentModel.DataAnnotations;
using DanVan.Domain.Editing;
using DanVan.Domain.Text;
using DanVan.Domain.WorkItems;
using DanVan.Features.Shared;
using DanVan.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DanVan.Features.Tasks;

/// <summary>Sửa nhiệm vụ (reached by one of its deadlines): the lead unit is told, the previous version kept (ADR-019).</summary>
public class EditModel(CurrentUser currentUser, WorkItemEditing editing) : PageModel
{
    public sealed class InputModel
    {
        public int Version { get; set; }

        [Display(Name = "Nội dung nhiệm vụ")]
        public string? Title { get; set; }

        [Display(Name = "Mô tả")]
        public string? Description { get; set; }

        [Display(Name = "Hạn hoàn thành")]
        public string? DueOn { get; set; }

        [Display(Name = "Lý do sửa (báo cho đơn vị chủ trì)")]
        public string? Reason { get; set; }
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public WorkItem Item { get; private set; } = null!;

    public int DeadlineId { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } failed)
        {
            return failed;
        }

        Input = new InputModel
        {
            Version = Item.Version, Title = Item.Title, Description = Item.Description,
            DueOn = Item.Recurrence == RecurrenceKind.Once ? VietnameseText.FormatDate(Item.PeriodEnd) : null,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } failed)
        {
            return failed;
        }

        var due = Item.Recurrence == RecurrenceKind.Once ? PageResults.ParseDate(ModelState, "Input.DueOn", Input.DueOn, "hạn hoàn thành", required: true) : null;
        if (!ModelState.IsValid)
        {
            // The date could not be read: the other fields are still checked, so that every error shows at once.
            var errors = new FieldErrors();
            errors.RequiredText("Title", Input.Title, 500, "nội dung nhiệm vụ");
            errors.Text("Description", Input.Description, 4000, "Mô tả");
            errors.Text("Reason", Input.Reason, 2000, "Lý do");
            return this.Failure(Result<WorkItem>.Invalid(errors.ToDictionary()))!;
        }

        var result = await editing.EditAsync((await currentUser.GetScopeAsync(ct))!, id, new EditWorkItemCommand(Input.Version, Input.Title, Input.Description, due, Input.Reason), ct);
        if (this.Failure(result) is { } failure)
        {
            return failure;
        }

        TempData["Message"] = result.Value!.Version == Item.Version ? "Không có thay đổi nào để lưu." : "Đã lưu nhiệm vụ; đơn vị chủ trì được thông báo.";
        return Redirect($"/Tasks/Details/{id}");
    }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        var scope = (await currentUser.GetScopeAsync(ct))!;
        if (await editing.InfoAsync(scope, id, ct) is not var (item, info))
        {
            return NotFound();
        }

        Item = item;
        DeadlineId = id;
        if (item.WithdrawnAtUtc is not null)
        {
            TempData["Message"] = EditRules.EditRefusal(RecordKind.WorkItem, true);
            return Redirect($"/Tasks/Details/{id}");
        }

        return info.CanEdit ? null : Forbid();
    }
}
