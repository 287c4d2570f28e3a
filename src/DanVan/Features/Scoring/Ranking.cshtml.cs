using DanVan.Data;
using DanVan.Domain.Access;
using DanVan.Domain.Scoring;
using DanVan.Domain.Units;
using DanVan.Features.Shared;
using DanVan.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DanVan.Features.Scoring;

/// <summary>
/// Xếp hạng: the province's ranking by group with grades and the grade distribution; once published every signed-in
/// user of the province reads it; the coordinator and reviewer see the provisional one before. The draft Quyết định
/// (DOCX) and its annex (XLSX) come out of it.
/// </summary>
public class RankingModel(AppDbContext db, CurrentUser currentUser, ScoringQueries queries, TimeProvider clock) : PageModel
{
    public ScoringRound Round { get; private set; } = null!;

    public OrgUnit Province { get; private set; } = null!;

    public ScoringFramework Framework { get; private set; } = null!;

    public List<RankRow> Rows { get; private set; } = [];

    public List<(string Grade, int Count)> Distribution { get; private set; } = [];

    public bool CanFollow { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ?? Page();

    /// <summary>Dự thảo Quyết định công nhận kết quả đánh giá, xếp loại, with its annex (Nghị định 30 layout).</summary>
    public async Task<IActionResult> OnGetDecisionAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } failure)
        {
            return failure;
        }

        var (_, place) = await DocumentPlace.OfUnitAsync(db, Province.Id, ct);
        var stream = new MemoryStream();
        ScoringDocx.WriteDecision(stream, Round, Framework, Province.Name, place, Rows, VietnamClock.Today(clock));
        stream.Position = 0;
        return File(stream, "application/vnd.openxmlformats-officedocument.wordprocessingml.document", $"du-thao-quyet-dinh-xep-loai-dan-van-{Round.Year}.docx");
    }

    /// <summary>Phụ lục kết quả: the ranking as a spreadsheet, one row per unit.</summary>
    public async Task<IActionResult> OnGetAnnexAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } failure)
        {
            return failure;
        }

        var stt = 0;
        var rows = Rows.Select(r => (IReadOnlyList<object?>)[++stt, r.UnitName, ScoringRules.Label(r.Group), r.Total, r.Grade, r.Rank > 0 ? r.Rank : null]).ToList();
        var stream = new MemoryStream();
        XlsxExport.Write(stream, $"Kết quả xếp loại {Round.Year}", ["STT", "Cơ quan, đơn vị, địa phương", "Nhóm", "Tổng điểm", "Xếp loại", "Thứ hạng"], rows,
            $"KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI CÔNG TÁC DÂN VẬN NĂM {Round.Year}", XlsxExport.ExportedOn(VietnamClock.Today(clock)));
        stream.Position = 0;
        return File(stream, XlsxExport.ContentType, $"phu-luc-ket-qua-xep-loai-dan-van-{Round.Year}.xlsx");
    }

    public int Percent(int count) => Rows.Count == 0 ? 0 : (int)Math.Round(100.0 * count / Rows.Count);

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        var scope = (await currentUser.GetScopeAsync(ct))!;
        var found = await queries.RoundAsync(scope, id, ct);
        if (found is null)
        {
            return NotFound();
        }

        (Round, Province, Framework) = found.Value;
        CanFollow = ScoringAccessRules.CanFollowRound(scope, Province.AncestorPath, Province.Id);
        if (!ScoringAccessRules.CanReadRanking(scope, Province.AncestorPath, Province.Id, Round.State == RoundState.Published))
        {
            return this.ForbidRole(scope, "xem xếp hạng trước khi công bố", "Sở Nội vụ, Ban Tuyên giáo và Dân vận");
        }

        Rows = await queries.RankingAsync(id, ct);
        var bands = ScoringRules.ParseBands(Framework.Bands) ?? [];
        Distribution = bands.Select(b => (b.Name, Rows.Count(r => r.Rank > 0 && r.Grade == b.Name)))
            .Append((ScoringRules.NotRanked, Rows.Count(r => r.Rank == 0))).ToList();
        return null;
    }
}
