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

        /// <summary>Giao cho: one unit (the picker), several units (picked or by code), or all units of a kind.</summary>
        [Display(Name = "Giao cho")]
        public AssignTarget AssignTo { get; set; } = AssignTarget.One;

        [Display(Name = "Các đơn vị chủ trì")]
        public List<int> LeadUnitIds { get; set; } = [];

        [Display(Name = "Mã các đơn vị chủ trì")]
        public string? LeadUnitCodes { get; set; }

        [Display(Name = "Loại đơn vị")]
        public List<LeadUnitGroup> LeadUnitGroups { get; set; } = [];

        /// <summary>Set by the confirmation button once the count of units has been shown.</summary>
        public bool Confirmed { get; set; }

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

        /// <summary>The task obliges each lead unit to register models; their registrations fulfil it.</summary>
        [Display(Name = "Nhiệm vụ đăng ký mô hình “Dân vận khéo”")]
        public bool ModelObligation { get; set; }

        [Display(Name = "Số mô hình tối thiểu mỗi đơn vị")]
        public int? ModelQuota { get; set; } = 1;

        [Display(Name = "Mô hình của năm")]
        public int? ModelYear { get; set; }
    }

    private ModelObligation? Obligation => Input.ModelObligation ? new ModelObligation(Input.ModelQuota, Input.ModelYear) : null;

    public enum AssignTarget
    {
        One = 1,
        Many = 2,
        Kind = 3,
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    /// <summary>How many units an assignment to many will reach, once checked ("Sẽ giao cho N đơn vị").</summary>
    public int? PreviewCount { get; set; }

    /// <summary>The units picked in "several units", shown again after a failed submit.</summary>
    public IReadOnlyList<LeadUnitChoice> Picked { get; private set; } = [];

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
            await LoadPickedAsync(ct);
            return Page(); // nothing is saved while a field is unreadable
        }

        if (Input.AssignTo is AssignTarget.Many or AssignTarget.Kind)
        {
            return await CreateManyAsync(scope, schedule, periodEnd, sourceId, ct);
        }

        var result = await commands.CreateAsync(scope, new CreateWorkItemCommand(
            Input.Title, Input.Description, null, Input.LeadUnitId, Input.CoUnitIds, sourceId, schedule, null, periodEnd, Obligation), ct);
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

    private async Task<IActionResult> CreateManyAsync(Domain.Access.UserScope scope, Schedule? schedule, DateOnly? periodEnd, int? sourceId, CancellationToken ct)
    {
        var ids = Input.AssignTo == AssignTarget.Many ? Input.LeadUnitIds.ToList() : [];
        if (Input.CoUnitIds.Count > 0)
        {
            ModelState.AddModelError("Input.CoUnitIds", "Khi giao cho nhiều đơn vị, chưa ghi được đơn vị phối hợp; hãy bỏ chọn đơn vị phối hợp hoặc giao cho từng đơn vị.");
        }

        if (Input.AssignTo == AssignTarget.Many && !string.IsNullOrWhiteSpace(Input.LeadUnitCodes))
        {
            var codes = Input.LeadUnitCodes.Split([',', ';', '\n', '\r', ' ', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Distinct(StringComparer.OrdinalIgnoreCase).Take(WorkItemCommands.MaxLeadUnits + 1).ToList();
            var found = await db.OrgUnits.AsNoTracking().Where(u => codes.Contains(u.Code)).Select(u => new { u.Id, u.Code }).ToListAsync(ct);
            var unknown = codes.Except(found.Select(f => f.Code), StringComparer.OrdinalIgnoreCase).ToList();
            if (unknown.Count > 0)
            {
                ModelState.AddModelError("Input.LeadUnitCodes", $"Không có đơn vị mang mã: {string.Join(", ", unknown.Take(50))}{(unknown.Count > 50 ? "…" : "")}.");
            }

            ids.AddRange(found.Select(f => f.Id));
        }

        var cmd = new CreateWorkItemsCommand(
            Input.Title, Input.Description, null, ids, Input.AssignTo == AssignTarget.Kind ? Input.LeadUnitGroups : [], sourceId, schedule, null, periodEnd, Obligation);
        var result = Input.Confirmed && ModelState.IsValid
            ? await commands.CreateManyAsync(scope, cmd, ct)
            : await commands.PreviewManyAsync(scope, cmd, ct); // all errors at once, or the count to confirm
        if (result.Status is ResultStatus.Forbidden or ResultStatus.NotFound)
        {
            return this.Failure(result)!;
        }

        foreach (var (field, messages) in result.Errors)
        {
            var key = field switch { "" => "", "Schedule" or "PeriodEnd" => "Input.DueDate", "LeadUnitIds" => "Input.LeadUnitIds", _ => "Input." + field };
            foreach (var m in messages)
            {
                ModelState.AddModelError(key, m);
            }
        }

        if (!ModelState.IsValid || !result.IsOk)
        {
            Input.Confirmed = false;
            await LoadPickedAsync(ct);
            return Page();
        }

        var done = result.Value!;
        if (!Input.Confirmed)
        {
            PreviewCount = done.Count; // checked, nothing saved: show the count and ask to confirm
            Input.Confirmed = false;
            await LoadPickedAsync(ct);
            return Page();
        }

        TempData["Message"] = $"Đã giao nhiệm vụ “{done.Title}” cho {done.Count} đơn vị.";
        return done.BatchId is { } batch ? Redirect($"/Tasks/Batch?id={batch}") : Redirect($"/Tasks?view=all&state=All&q={Uri.EscapeDataString(done.Title)}");
    }

    private async Task LoadPickedAsync(CancellationToken ct)
    {
        var ids = Input.LeadUnitIds.Distinct().Take(WorkItemCommands.MaxLeadUnits).ToList();
        if (ids.Count > 0)
        {
            Picked = await db.OrgUnits.AsNoTracking().Where(u => ids.Contains(u.Id)).OrderBy(u => u.Code)
                .Select(u => new LeadUnitChoice(u.Id, u.Code, u.Name)).ToListAsync(ct);
        }
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

    public static string TargetLabel(AssignTarget target) => target switch
    {
        AssignTarget.One => "Một đơn vị",
        AssignTarget.Many => "Nhiều đơn vị (chọn hoặc nhập mã)",
        AssignTarget.Kind => "Tất cả đơn vị một loại, dưới đơn vị giao",
        _ => target.ToString(),
    };

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
