using DanVan.Data;
using DanVan.Features.Shared;
using DanVan.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace DanVan.Features.Consultations;

/// <summary>Tiếp thu, giải trình: the drafting unit answers each comment of the answers in force.</summary>
public class HandleModel(AppDbContext db, CurrentUser currentUser, ConsultationCommands commands, TimeProvider clock) : ConsultationPage(db, currentUser, commands, clock)
{
    [BindProperty]
    public HandlingInput Input { get; set; } = new();

    public List<CommentRow> Comments { get; private set; } = [];

    /// <summary>The comment whose form failed, to show its errors beside it.</summary>
    public int? FailedCommentId { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadForHandlingAsync(id, ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(int id, int commentId, CancellationToken ct)
    {
        if (await LoadForHandlingAsync(id, ct) is { } failed)
        {
            return failed;
        }

        var result = await Commands.HandleAsync(Scope, id, commentId, Input, ct);
        if (result.IsOk)
        {
            TempData["Message"] = "Đã ghi nội dung tiếp thu, giải trình.";
            return Redirect($"/Consultations/Handle/{id}#y-kien-{commentId}");
        }

        FailedCommentId = commentId;
        return this.Failure(result) ?? Page();
    }

    private async Task<IActionResult?> LoadForHandlingAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } failed)
        {
            return failed;
        }

        if (!CanManage)
        {
            return Forbid();
        }

        Comments = await ConsultationQueries.CurrentCommentsAsync(Db, id, null, ct);
        return null;
    }
}
