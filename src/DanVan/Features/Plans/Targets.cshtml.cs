using DanVan.Domain.Plans;
using DanVan.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DanVan.Features.Plans;

/// <summary>Chỉ tiêu kế hoạch: every target of the plans in the user's scope for a year, with its value, gap and standing (ADR-028).</summary>
public class TargetsModel(CurrentUser currentUser, TargetMeasuring measuring) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    [BindProperty(SupportsGet = true, Name = "year")]
    public int? Year { get; set; }

    [BindProperty(SupportsGet = true, Name = "standing")]
    public TargetStanding? Standing { get; set; }

    /// <summary>"chenh" (largest gap first, the default), "donvi" (by unit), "ke-hoach" (by plan).</summary>
    [BindProperty(SupportsGet = true, Name = "sort")]
    public string? Sort { get; set; }

    [BindProperty(SupportsGet = true, Name = "page")]
    public int? PageNumber { get; set; }

    public PagedList<TargetStatus> Targets { get; private set; } = null!;

    /// <summary>How many targets stand where, before the standing filter.</summary>
    public IReadOnlyDictionary<TargetStanding, int> Counts { get; private set; } = new Dictionary<TargetStanding, int>();

    public int TheYear { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var all = await ReadAsync(ct);
        Counts = all.GroupBy(s => s.Reading.Standing).ToDictionary(g => g.Key, g => g.Count());
        var shown = Sorted(Standing is { } only ? all.Where(s => s.Reading.Standing == only) : all).ToList();
        var size = PagedList<TargetStatus>.ClampSize(50);
        var pages = shown.Count == 0 ? 1 : (shown.Count + size - 1) / size;
        var page = Math.Min(PagedList<TargetStatus>.ClampPage(PageNumber), pages);
        Targets = new PagedList<TargetStatus>(shown.Skip((page - 1) * size).Take(size).ToList(), page, size, shown.Count);
    }

    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct)
    {
        var all = await ReadAsync(ct);
        var shown = Sorted(Standing is { } only ? all.Where(s => s.Reading.Standing == only) : all);
        var stream = new MemoryStream();
        XlsxExport.Write(stream, $"Chỉ tiêu năm {TheYear}", ["Chỉ tiêu", "Kế hoạch", "Đơn vị thực hiện", "Mức chỉ tiêu", "Hiện đạt", "Khoảng cách", "Tình trạng", "Nguồn số liệu"],
            shown.Select(s => (IReadOnlyList<object?>)[s.Target.Description, s.Target.PlanCode, s.Target.UnitName, TargetText.Describe(s.Target.Comparison, s.Target.Level, s.Target.Unit),
                s.Reading.Value, s.Gap, s.Standing, s.Provenance]),
            $"TÌNH HÌNH THỰC HIỆN CHỈ TIÊU NĂM {TheYear}", XlsxExport.ExportedOn(measuring.Today));
        stream.Position = 0;
        return File(stream, XlsxExport.ContentType, $"chi-tieu-{TheYear}.xlsx");
    }

    private async Task<IReadOnlyList<TargetStatus>> ReadAsync(CancellationToken ct)
    {
        var scope = (await currentUser.GetScopeAsync(ct))!;
        TheYear = Year is >= 2000 and <= 9000 ? Year.Value : measuring.Today.Year;
        return await measuring.InScopeAsync(scope, TheYear, Query, null, ct);
    }

    /// <summary>Off track first, then the rest by standing; within each, the chosen order.</summary>
    private IEnumerable<TargetStatus> Sorted(IEnumerable<TargetStatus> rows)
    {
        var byStanding = rows.OrderBy(s => StandingOrder(s.Reading.Standing));
        return Sort switch
        {
            "donvi" => byStanding.ThenBy(s => s.Target.UnitName, StringComparer.Create(Domain.Text.VietnameseText.Culture, false)).ThenBy(s => s.Target.Id),
            "ke-hoach" => byStanding.ThenBy(s => s.Target.PlanCode, StringComparer.Ordinal).ThenBy(s => s.Target.Id),
            _ => byStanding.ThenByDescending(s => s.Reading.Gap ?? decimal.MinValue).ThenBy(s => s.Target.Id),
        };
    }

    public static int StandingOrder(TargetStanding s) => s switch
    {
        TargetStanding.OffTrack => 0,
        TargetStanding.OnTrack => 1,
        TargetStanding.NoData => 2,
        TargetStanding.Met => 3,
        TargetStanding.NotStarted => 4,
        _ => 5,
    };

    private string Filters => $"q={Uri.EscapeDataString(Query ?? "")}&year={Year}&standing={Standing}&sort={Uri.EscapeDataString(Sort ?? "")}";

    public string PageUrl(int page) => $"/Plans/Targets?{Filters}&page={page}";

    public string ExportUrl => $"/Plans/Targets?handler=Export&{Filters}";
}
