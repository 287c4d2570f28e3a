using DanVan.Data;
using DanVan.Domain.Access;
using DanVan.Domain.Scoring;
using DanVan.Domain.Units;
using DanVan.Features.Shared;
using DanVan.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Features.Scoring;

/// <summary>
/// Hồ sơ đề nghị khen thưởng: from the published ranking the coordinator proposes collectives and individuals for a
/// title within its quotas, each with achievements pulled from the records; the dossier (Tờ trình, danh sách, tóm tắt
/// thành tích) comes out as DOCX and XLSX. The reviewer follows it read-only.
/// </summary>
public class CommendationsModel(AppDbContext db, CurrentUser currentUser, ScoringCommands commands, ScoringQueries queries, TimeProvider clock) : PageModel
{
    [BindProperty]
    public ProposalInput Input { get; set; } = new();

    public ScoringRound Round { get; private set; } = null!;

    public OrgUnit Province { get; private set; } = null!;

    public List<ProposalRow> Proposals { get; private set; } = [];

    public List<(CommendationTitle Title, int Collectives, int Individuals)> Titles { get; private set; } = [];

    public List<RankRow> Ranked { get; private set; } = [];

    public bool CanPropose { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, int? unitId, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } failure)
        {
            return failure;
        }

        Input.UnitId = unitId ?? Ranked.FirstOrDefault(r => r.Group == RankGroup.Communes)?.UnitId ?? Ranked.FirstOrDefault()?.UnitId;
        Input.TitleId = Titles.FirstOrDefault().Title?.Id;
        if (Input.UnitId is { } u)
        {
            Input.Achievements = await queries.AchievementsAsync(id, u, ct);
        }

        return Page();
    }

    /// <summary>The achievements of the unit chosen in the form, pulled from its records (htmx swaps the text area).</summary>
    public async Task<IActionResult> OnGetAchievementsAsync(int id, [FromQuery(Name = "Input.UnitId")] int? unitId, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } failure)
        {
            return failure;
        }

        Input.Achievements = unitId is { } u && Ranked.Any(r => r.UnitId == u) ? await queries.AchievementsAsync(id, u, ct) : "";
        return Partial("_Achievements", this);
    }

    public async Task<IActionResult> OnPostProposeAsync(int id, CancellationToken ct)
    {
        var scope = (await currentUser.GetScopeAsync(ct))!;
        ModelState.Clear();
        if (string.IsNullOrWhiteSpace(Input.Achievements) && Input.UnitId is { } u)
        {
            Input.Achievements = await queries.AchievementsAsync(id, u, ct); // never a proposal without its record
        }

        var result = await commands.ProposeAsync(scope, id, Input, ct);
        if (result.IsOk)
        {
            TempData["Message"] = "Đã thêm đề nghị khen thưởng vào hồ sơ.";
            return Redirect($"/Scoring/Commendations/{id}");
        }

        if (result.Status == ResultStatus.Forbidden)
        {
            return this.ForbidRole(scope, "đề nghị khen thưởng", "Sở Nội vụ (cơ quan điều phối)");
        }

        if (await LoadAsync(id, ct) is { } failure)
        {
            return failure;
        }

        return this.Failure(result) ?? Page();
    }

    public async Task<IActionResult> OnPostWithdrawAsync(int id, int proposalId, CancellationToken ct)
    {
        var scope = (await currentUser.GetScopeAsync(ct))!;
        var mine = await db.CommendationProposals.AnyAsync(p => p.Id == proposalId && p.RoundId == id, ct);
        var result = mine ? await commands.WithdrawProposalAsync(scope, proposalId, ct) : Result<CommendationProposal>.NotFound();
        if (result.IsOk)
        {
            TempData["Message"] = "Đã rút đề nghị khỏi hồ sơ.";
            return Redirect($"/Scoring/Commendations/{id}");
        }

        return result.Status == ResultStatus.Forbidden ? this.ForbidRole(scope, "rút đề nghị khen thưởng", "Sở Nội vụ (cơ quan điều phối)") : NotFound();
    }

    public async Task<IActionResult> OnGetDossierAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } failure)
        {
            return failure;
        }

        var (_, place) = await DocumentPlace.OfUnitAsync(db, Province.Id, ct);
        var stream = new MemoryStream();
        ScoringDocx.WriteDossier(stream, Round, Province.Name, place, Proposals.Select(Record).ToList(), VietnamClock.Today(clock));
        stream.Position = 0;
        return File(stream, "application/vnd.openxmlformats-officedocument.wordprocessingml.document", $"ho-so-de-nghi-khen-thuong-dan-van-{Round.Year}.docx");
    }

    public async Task<IActionResult> OnGetListAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } failure)
        {
            return failure;
        }

        var stt = 0;
        var rows = Proposals.Select(p => (IReadOnlyList<object?>)[++stt, p.TitleName, p.PersonName is null ? "Tập thể" : "Cá nhân", p.PersonName, p.PersonPosition, p.UnitName,
            p.Total, p.Grade, p.Achievements]).ToList();
        var stream = new MemoryStream();
        XlsxExport.Write(stream, $"Đề nghị khen thưởng {Round.Year}", ["STT", "Hình thức", "Tập thể/cá nhân", "Họ tên", "Chức vụ", "Đơn vị", "Tổng điểm", "Xếp loại", "Tóm tắt thành tích"], rows,
            $"DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG CÔNG TÁC DÂN VẬN NĂM {Round.Year}", XlsxExport.ExportedOn(VietnamClock.Today(clock)));
        stream.Position = 0;
        return File(stream, XlsxExport.ContentType, $"danh-sach-de-nghi-khen-thuong-dan-van-{Round.Year}.xlsx");
    }

    public static ScoringDocx.Proposal Record(ProposalRow p) => new(p.TitleName, p.Form, p.UnitName, p.PersonName, p.PersonPosition, p.Grade ?? "", p.Total, p.Achievements);

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        var scope = (await currentUser.GetScopeAsync(ct))!;
        var found = await queries.RoundAsync(scope, id, ct);
        if (found is null)
        {
            return NotFound();
        }

        (Round, Province, _) = found.Value;
        if (!ScoringAccessRules.CanFollowRound(scope, Province.AncestorPath, Province.Id))
        {
            return this.ForbidRole(scope, "xem hồ sơ đề nghị khen thưởng", "Sở Nội vụ, Ban Tuyên giáo và Dân vận");
        }

        CanPropose = ScoringAccessRules.CanDecide(scope, Province.AncestorPath, Province.Id) && Round.State == RoundState.Published;
        Proposals = await queries.ProposalsAsync(id, ct);
        Titles = await queries.TitlesAsync(id, VietnamClock.Today(clock), ct);
        Ranked = (await queries.RankingAsync(id, ct)).Where(r => r.Rank > 0).OrderBy(r => r.Group).ThenBy(r => r.Rank).ToList();
        return null;
    }
}
