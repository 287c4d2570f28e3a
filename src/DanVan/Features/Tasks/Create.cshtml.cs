using System.ComponentModel.DataAnnotations;
using DanVan.Data;
using DanVan.Domain.Documents;
using DanVan.Domain.WorkItems;
using DanVan.Features.Documents;
using DanVan.Features.Shared;
using DanVan.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Features.Tasks;

public class CreateModel(AppDbContext db, CurrentUser currentUser, WorkItemCommands commands) : PageModel
{
    public sealed class InputModel
    {
        [Display(Name = "Nội dung nhiệm vụ")]
        public string? Title { get; set; }

        [Display(Name = "Mô tả, yêu cầu")]
        public string? Description { get; set; }

        [Display(Name = "Đơn vị chủ trì")]
        public int? LeadUnitId { get; set; }

        [Display(Name = "Đơn vị phối hợp")]
        public List<int> CoUnitIds { get; set; } = [];

        [Display(Name = "Thời hạn")]
        public RecurrenceKind Kind { get; set; } = RecurrenceKind.Once;

        [Display(Name = "Hạn hoàn thành")]
        public string? DueDate { get; set; }

        [Display(Name = "Ngày")]
        public int? Day { get; set; }

        [Display(Name = "Tháng")]
        public int? Month { get; set; }

        [Display(Name = "Tính từ ngày")]
        public string? Anchor { get; set; }

        [Display(Name = "Đến hết ngày")]
        public string? PeriodEnd { get; set; }

        [Display(Name = "Văn bản giao nhiệm vụ (số, ký hiệu)")]
        public string? SourceCode { get; set; }
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(string? source, CancellationToken ct)
    {
        Input.SourceCode = source;
        var scope = (await currentUser.GetScopeAsync(ct))!;
        return scope.Role is Domain.Access.Roles.Admin or Domain.Access.Roles.Coordinator or Domain.Access.Roles.UnitHead ? Page() : Forbid();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var scope = (await currentUser.GetScopeAsync(ct))!;
        var schedule = ReadSchedule();
        var periodEnd = PageResults.ParseDate(ModelState, "Input.PeriodEnd", Input.PeriodEnd, "ngày kết thúc");
        int? sourceId = null;
        if (!string.IsNullOrWhiteSpace(Input.SourceCode))
        {
            var code = DocumentNumber.Clean(Input.SourceCode);
            var matches = await db.Documents.AsNoTracking().VisibleTo(db, scope).Where(d => d.Code == code).Select(d => d.Id).Take(2).ToListAsync(ct);
            if (matches.Count == 1)
            {
                sourceId = matches[0];
            }
            else
            {
                ModelState.AddModelError("Input.SourceCode", matches.Count == 0
                    ? $"Chưa có văn bản số {code} trong các văn bản bạn được xem; đăng ký văn bản trước hoặc để trống."
                    : $"Có nhiều văn bản cùng số {code}; hãy giao từ trang của văn bản.");
            }
        }

        if (!ModelState.IsValid)
        {
            return Page(); // nothing is saved while a field is unreadable
        }

        var result = await commands.CreateAsync(scope, new CreateWorkItemCommand(
            Input.Title, Input.Description, null, Input.LeadUnitId, Input.CoUnitIds, sourceId, schedule, null, periodEnd), ct);
        if (!result.IsOk)
        {
            if (result.Status is ResultStatus.Forbidden or ResultStatus.NotFound)
            {
                return this.Failure(result)!;
            }

            foreach (var (field, messages) in result.Errors)
            {
                var key = field switch { "" => "", "Schedule" or "PeriodEnd" => "Input.DueDate", _ => "Input." + field };
                foreach (var m in messages)
                {
                    ModelState.AddModelError(key, m);
                }
            }

            return Page();
        }

        TempData["Message"] = $"Đã giao nhiệm vụ “{result.Value!.Title}”.";
        var first = await db.WorkItemDeadlines.Where(d => d.WorkItemId == result.Value.Id).OrderBy(d => d.DueOn).Select(d => d.Id).FirstAsync(ct);
        return Redirect($"/Tasks/Details/{first}");
    }

    private Schedule? ReadSchedule()
    {
        switch (Input.Kind)
        {
            case RecurrenceKind.Once:
                var due = PageResults.ParseDate(ModelState, "Input.DueDate", Input.DueDate, "hạn hoàn thành", required: true);
                return due is null ? null : Schedule.Once(due.Value);
            case RecurrenceKind.WorkingDaysAfter:
                var anchor = PageResults.ParseDate(ModelState, "Input.Anchor", Input.Anchor, "ngày bắt đầu tính", required: true);
                return anchor is null ? null : Schedule.WorkingDaysAfter(anchor.Value, Input.Day ?? 0);
            case RecurrenceKind.Monthly:
                return Schedule.Monthly(Input.Day ?? 0);
            default:
                if (!Enum.IsDefined(Input.Kind))
                {
                    ModelState.AddModelError("Input.Kind", "Vui lòng chọn thời hạn.");
                    return null;
                }

                return new Schedule(Input.Kind, Input.Day ?? 0, Input.Month ?? 0);
        }
    }

    public static string KindLabel(RecurrenceKind kind) => kind switch
    {
        RecurrenceKind.Once => "Một lần, trước một ngày",
        RecurrenceKind.Yearly => "Hằng năm",
        RecurrenceKind.HalfYearly => "Sáu tháng một lần",
        RecurrenceKind.Quarterly => "Hằng quý",
        RecurrenceKind.Monthly => "Hằng tháng",
        RecurrenceKind.WorkingDaysAfter => "Số ngày làm việc kể từ một ngày",
        _ => kind.ToString(),
    };
}
