using System.ComponentModel.DataAnnotations;
using DanVan.Data;
using DanVan.Domain.Reports;
using DanVan.Domain.Units;
using DanVan.Features.Shared;
using DanVan.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Features.Reports;

/// <summary>A reporting regime as data: basis, who reports, due days, outline and indicators; administrators change it here.</summary>
public class RegimeModel(AppDbContext db, CurrentUser currentUser, ReportRegimeCommands commands) : PageModel
{
    public sealed class IndicatorForm
    {
        [Display(Name = "Mã chỉ tiêu")]
        public string? Code { get; set; }

        [Display(Name = "Tên chỉ tiêu")]
        public string? Name { get; set; }

        [Display(Name = "Đơn vị tính")]
        public string? Unit { get; set; }

        [Display(Name = "Nhóm")]
        public string? Group { get; set; }

        [Display(Name = "Cách tổng hợp")]
        public IndicatorAggregation? Aggregation { get; set; }

        // Labelled in the view (three selects drawn from one list).
        public string? NumeratorCode { get; set; }

        public string? DenominatorCode { get; set; }

        public string? NotAboveCode { get; set; }
    }

    public sealed class DueForm
    {
        public int RuleId { get; set; }

        [Display(Name = "Ngày hạn nộp")]
        public int? DueDay { get; set; }

        [Display(Name = "Tháng hạn nộp")]
        public int? DueMonth { get; set; }

        [Display(Name = "Ngày chốt số liệu")]
        public int? CutoffDay { get; set; }

        [Display(Name = "Tháng chốt số liệu")]
        public int? CutoffMonth { get; set; }
    }

    public static readonly (IndicatorAggregation Value, string Label)[] Aggregations =
    [
        (IndicatorAggregation.Sum, "Cộng"), (IndicatorAggregation.Average, "Bình quân"), (IndicatorAggregation.Ratio, "Tỷ lệ (tử số / mẫu số)"),
        (IndicatorAggregation.Max, "Lớn nhất"), (IndicatorAggregation.Latest, "Số mới nhất"),
    ];

    public static readonly Dictionary<ReportPeriodKind, string> KindLabels = IndexModel.KindChoices.ToDictionary(k => k.Kind, k => k.Label);

    [BindProperty(SupportsGet = true)]
    public int Id { get; set; }

    [BindProperty]
    public IndicatorForm Input { get; set; } = new();

    [BindProperty]
    public DueForm Due { get; set; } = new();

    /// <summary>Codes of the required indicators and sections (checkboxes), and the approval switch ("true" when ticked).</summary>
    [BindProperty(Name = "RequiredIndicators")]
    public List<string> RequiredIndicators { get; set; } = [];

    [BindProperty(Name = "RequiredSections")]
    public List<string> RequiredSections { get; set; } = [];

    [BindProperty(Name = "RequiresHeadApproval")]
    public string? RequiresHeadApproval { get; set; }

    public ReportRegime Regime { get; private set; } = null!;

    public List<ReportDueRule> DueRules { get; private set; } = [];

    public List<ReportSection> Sections { get; private set; } = [];

    public List<ReportIndicator> Indicators { get; private set; } = [];

    public bool CanEdit { get; private set; }

    public static string AggregationLabel(IndicatorAggregation a) => Aggregations.FirstOrDefault(x => x.Value == a).Label ?? a.ToString();

    public static string ObligedKinds(string kinds) => string.Join(", ", kinds.Split(',', StringSplitOptions.RemoveEmptyEntries)
        .Select(k => Enum.TryParse<OrgUnitKind>(k, out var kind) ? OrgUnitKinds.Label(kind) : k));

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostIndicatorAsync(CancellationToken ct)
    {
        var scope = (await currentUser.GetScopeAsync(ct))!;
        var result = await commands.AddIndicatorAsync(scope, Id, new IndicatorInput(
            Input.Code, Input.Name, Input.Unit, Input.Group, Input.Aggregation, Input.NumeratorCode, Input.DenominatorCode, Input.NotAboveCode), ct);
        if (this.Failure(result) is { } failure)
        {
            await LoadAsync(ct);
            return failure;
        }

        TempData["Message"] = $"Đã thêm chỉ tiêu {result.Value!.Code} — {result.Value.Name}. Các kỳ đang mở có thêm ô này (để trống).";
        return Redirect($"/Reports/Regime/{Id}#chi-tieu");
    }

    public async Task<IActionResult> OnPostDueAsync(CancellationToken ct)
    {
        var scope = (await currentUser.GetScopeAsync(ct))!;
        var result = await commands.SetDueRuleAsync(scope, Due.RuleId, new DueRuleInput(Due.DueDay, Due.DueMonth, Due.CutoffDay, Due.CutoffMonth), ct);
        if (this.Failure(result, prefix: "Due") is { } failure)
        {
            await LoadAsync(ct);
            return failure;
        }

        TempData["Message"] = $"Đã đổi hạn nộp kỳ {KindLabels.GetValueOrDefault(result.Value!.Kind)} thành ngày {result.Value.DueDay}/{result.Value.DueMonth} (áp dụng cho các kỳ mở sau).";
        return Redirect($"/Reports/Regime/{Id}");
    }

    public async Task<IActionResult> OnPostRequirementsAsync(CancellationToken ct)
    {
        ModelState.Clear();
        var scope = (await currentUser.GetScopeAsync(ct))!;
        var approval = RequiresHeadApproval is { } v && (v.Equals("true", StringComparison.OrdinalIgnoreCase) || v.Equals("on", StringComparison.OrdinalIgnoreCase));
        var result = await commands.SetRequirementsAsync(scope, Id, approval, RequiredIndicators.Where(c => !string.IsNullOrWhiteSpace(c)).ToList(),
            RequiredSections.Where(c => !string.IsNullOrWhiteSpace(c)).ToList(), ct);
        if (this.Failure(result, prefix: "") is { } failure)
        {
            await LoadAsync(ct);
            return failure;
        }

        TempData["Message"] = "Đã lưu các mục bắt buộc và bước duyệt của lãnh đạo đơn vị (áp dụng cho các báo cáo nộp từ nay).";
        return Redirect($"/Reports/Regime/{Id}#bat-buoc");
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var scope = (await currentUser.GetScopeAsync(ct))!;
        CanEdit = scope.IsAdmin;
        var regime = await db.ReportRegimes.AsNoTracking().FirstOrDefaultAsync(r => r.Id == Id, ct);
        if (regime is null)
        {
            return false;
        }

        Regime = regime;
        DueRules = await db.ReportDueRules.AsNoTracking().Where(r => r.RegimeId == Id).OrderBy(r => r.Kind).ToListAsync(ct);
        Sections = await db.ReportSections.AsNoTracking().Where(s => s.RegimeId == Id).OrderBy(s => s.Order).ToListAsync(ct);
        Indicators = await db.ReportIndicators.AsNoTracking().Where(i => i.RegimeId == Id).OrderBy(i => i.Order).ToListAsync(ct);
        return true;
    }
}
