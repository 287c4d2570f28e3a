using DanVan.Data;
using DanVan.Domain.Access;
using DanVan.Domain.Scoring;
using DanVan.Domain.Units;
using DanVan.Features.Shared;
using DanVan.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DanVan.Features.Scoring;

/// <summary>A round as the coordinator and reviewer follow it: who submitted, appraisal progress, every sheet (search, filter, sort, page, Excel), publication.</summary>
public class RoundModel(CurrentUser currentUser, ScoringCommands commands, ScoringQueries queries) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    [BindProperty(SupportsGet = true)]
    public RankGroup? Group { get; set; }

    [BindProperty(SupportsGet = true)]
    public SheetState? State { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Sort { get; set; }

    [BindProperty(SupportsGet = true, Name = "page")]
    public int? PageNumber { get; set; }

    public ScoringRound Round { get; private set; } = null!;

    public OrgUnit Province { get; private set; } = null!;

    public ScoringFramework Framework { get; private set; } = null!;

    public PagedList<SheetRow> Sheets { get; private set; } = null!;

    public RoundRow? Progress { get; private set; }

    public bool CanPublish { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var scope = (await currentUser.GetScopeAsync(ct))!;
        if (await LoadAsync(scope, id, ct) is { } failure)
        {
            return failure;
        }

        Sheets = await queries.SheetsAsync(id, Query, Group, State, Sort, PageNumber, 50, ct);
        return Page();
    }

    public async Task<IActionResult> OnGetExportAsync(int id, CancellationToken ct)
    {
        var scope = (await currentUser.GetScopeAsync(ct))!;
        if (await LoadAsync(scope, id, ct) is { } failure)
        {
            return failure;
        }

        // Pages are at most 200 rows (PagedList.ClampSize): the export reads them in turn.
        var rows = new List<IReadOnlyList<object?>>();
        var stt = 0;
        for (int page = 1, pages = 1; page <= pages; page++)
        {
            var chunk = await queries.SheetsAsync(id, Query, Group, State, Sort, page, 200, ct);
            pages = chunk.PageCount;
            rows.AddRange(chunk.Items.Select(s => (IReadOnlyList<object?>)[++stt, s.UnitName, ScoringRules.Label(s.Group), ScoringRules.Label(s.State),
                s.SubmittedAtUtc is { } at ? DateOnly.FromDateTime(VietnamClock.ToLocal(at)) : null, s.SelfTotal, s.AppraisedTotal, s.FinalTotal, s.Grade]));
        }

        var stream = new MemoryStream();
        XlsxExport.Write(stream, $"Phiếu chấm điểm {Round.Year}", ["STT", "Đơn vị", "Nhóm", "Tình trạng", "Ngày nộp", "Tự chấm", "Thẩm định", "Kết quả", "Xếp loại"], rows,
            $"TỔNG HỢP PHIẾU CHẤM ĐIỂM CÔNG TÁC DÂN VẬN NĂM {Round.Year}");
        stream.Position = 0;
        return File(stream, XlsxExport.ContentType, $"phieu-cham-diem-{Round.Year}.xlsx");
    }

    public async Task<IActionResult> OnPostRemeasureAsync(int id, CancellationToken ct)
    {
        var scope = (await currentUser.GetScopeAsync(ct))!;
        var result = await commands.RemeasureRoundAsync(scope, id, ct);
        return await AnswerAsync(scope, id, result, $"/Scoring/Round/{id}", x => $"Đã cập nhật số liệu tự động của {x.Sheets} phiếu đang tự chấm.",
            "cập nhật số liệu tự động cho cả tỉnh", ct);
    }

    public async Task<IActionResult> OnPostPublishAsync(int id, CancellationToken ct)
    {
        var scope = (await currentUser.GetScopeAsync(ct))!;
        var result = await commands.PublishAsync(scope, id, ct);
        return await AnswerAsync(scope, id, result, $"/Scoring/Ranking/{id}", x => $"Đã công bố kết quả đánh giá năm {x.Year}.", "công bố kết quả đánh giá", ct);
    }

    /// <summary>A coordinator's action on the round: its message and the next page, the role's 403, or the round again with the refusal.</summary>
    private async Task<IActionResult> AnswerAsync<T>(UserScope scope, int id, Result<T> result, string next, Func<T, string> message, string action, CancellationToken ct)
    {
        if (result.IsOk)
        {
            TempData["Message"] = message(result.Value!);
            return Redirect(next);
        }

        if (result.Status == ResultStatus.Forbidden)
        {
            return this.ForbidRole(scope, action, "Sở Nội vụ (cơ quan điều phối)");
        }

        if (await LoadAsync(scope, id, ct) is { } failure)
        {
            return failure;
        }

        Sheets = await queries.SheetsAsync(id, Query, Group, State, Sort, PageNumber, 50, ct);
        return this.Failure(result) ?? Page();
    }

    public string PageUrl(int page) => ListUrl(page, Sort);

    public string ExportUrl => ListUrl(1, Sort) is var url && url.Contains('?') ? url.Replace("?", "?handler=Export&", StringComparison.Ordinal) : url + "?handler=Export";

    public string ListUrl(int page, string? sort)
    {
        var parts = new List<string>();
        if (!string.IsNullOrWhiteSpace(Query)) { parts.Add("q=" + Uri.EscapeDataString(Query)); }
        if (Group is { } g) { parts.Add("group=" + g); }
        if (State is { } s) { parts.Add("state=" + s); }
        if (!string.IsNullOrEmpty(sort)) { parts.Add("sort=" + Uri.EscapeDataString(sort)); }
        if (page > 1) { parts.Add("page=" + page); }
        return $"/Scoring/Round/{Round.Id}" + (parts.Count == 0 ? "" : "?" + string.Join('&', parts));
    }

    private async Task<IActionResult?> LoadAsync(UserScope scope, int id, CancellationToken ct)
    {
        var found = await queries.RoundAsync(scope, id, ct);
        if (found is null)
        {
            return NotFound();
        }

        (Round, Province, Framework) = found.Value;
        if (!ScoringAccessRules.CanFollowRound(scope, Province.AncestorPath, Province.Id))
        {
            return Round.State == RoundState.Published ? Redirect($"/Scoring/Ranking/{id}") : this.ForbidRole(scope, "theo dõi tiến độ chấm điểm của tỉnh", "Sở Nội vụ, Ban Tuyên giáo và Dân vận");
        }

        Progress = (await queries.RoundsAsync(scope, ct)).FirstOrDefault(r => r.Round.Id == id);
        CanPublish = ScoringAccessRules.CanDecide(scope, Province.AncestorPath, Province.Id) && Round.State == RoundState.Open;
        return null;
    }
}
