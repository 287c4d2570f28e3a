using DanVan.Data;
using DanVan.Domain.Access;
using DanVan.Domain.Dialogues;
using DanVan.Domain.Text;
using DanVan.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Features.Dialogues;

/// <summary>Đối thoại với Nhân dân: the dialogues of the user's unit (or province), searched, filtered, sorted, paged, exported.</summary>
public class IndexModel(AppDbContext db, CurrentUser currentUser, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    [BindProperty(SupportsGet = true, Name = "state")]
    public DialogueState? State { get; set; }

    /// <summary>"date" (newest first, default), "date-asc", "topic", "unit".</summary>
    [BindProperty(SupportsGet = true, Name = "sort")]
    public string? Sort { get; set; }

    [BindProperty(SupportsGet = true, Name = "page")]
    public int? PageNumber { get; set; }

    public PagedList<DialogueRow> Dialogues { get; private set; } = null!;

    public bool CanPlan { get; private set; }

    public DateOnly Today { get; private set; }

    /// <summary>For a commune or ward: whether it has held a dialogue this year (Art. 43: at least once a year).</summary>
    public bool? HeldThisYear { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var scope = (await currentUser.GetScopeAsync(ct))!;
        CanPlan = DialogueAccessRules.CanManage(scope, scope.UnitId);
        Today = VietnamClock.Today(clock);
        Dialogues = await Filtered(scope).ToPagedListAsync(q => q.ToRows(db), PageNumber, 50, ct);
        var kind = await db.OrgUnits.Where(u => u.Id == scope.UnitId).Select(u => u.Kind).FirstOrDefaultAsync(ct);
        if (kind is Domain.Units.OrgUnitKind.Commune or Domain.Units.OrgUnitKind.Ward or Domain.Units.OrgUnitKind.SpecialZone)
        {
            var start = new DateOnly(Today.Year, 1, 1);
            HeldThisYear = await db.Dialogues.AnyAsync(d => d.UnitId == scope.UnitId && d.State >= DialogueState.Held && d.HeldOn >= start && d.HeldOn <= Today, ct);
        }
    }

    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct)
    {
        var scope = (await currentUser.GetScopeAsync(ct))!;
        var rows = await Filtered(scope).ToRows(db).Take(100_000).ToListAsync(ct);
        var stream = new MemoryStream();
        XlsxExport.Write(stream, "Đối thoại", ["Ngày đối thoại", "Chủ đề", "Đối tượng", "Địa điểm", "Đơn vị tổ chức", "Tình trạng", "Ngày thông báo", "Ngày công bố kết quả", "Số ý kiến", "Cam kết đang thực hiện"],
            rows.Select(r => (IReadOnlyList<object?>)[r.HeldOn, r.Topic, DialogueRules.Label(r.Audience), (r.Online ? "Trực tuyến: " : "") + r.Place, r.UnitName,
                DialogueRules.Label(r.State), r.NoticeOn, r.ResultsPublishedOn, r.Opinions, r.OpenCommitments]),
            "DANH SÁCH CUỘC ĐỐI THOẠI VỚI NHÂN DÂN", XlsxExport.ExportedOn(VietnamClock.Today(clock)));
        stream.Position = 0;
        return File(stream, XlsxExport.ContentType, $"doi-thoai-{VietnamClock.Today(clock):yyyyMMdd}.xlsx");
    }

    private IQueryable<Dialogue> Filtered(UserScope scope)
    {
        var query = db.Dialogues.AsNoTracking().VisibleTo(db, scope);
        if (State is { } s && Enum.IsDefined(s))
        {
            query = query.Where(d => d.State == s);
        }

        var folded = VietnameseText.Fold(Query);
        if (folded.Length > 0)
        {
            query = query.Where(d => d.SearchText.Contains(folded));
        }

        return Sort switch
        {
            "date-asc" => query.OrderBy(d => d.HeldOn).ThenBy(d => d.Id),
            "topic" => query.OrderBy(d => d.Topic).ThenByDescending(d => d.HeldOn),
            "unit" => query.OrderBy(d => db.OrgUnits.Where(o => o.Id == d.UnitId).Select(o => o.Name).First()).ThenByDescending(d => d.HeldOn),
            _ => query.OrderByDescending(d => d.HeldOn).ThenByDescending(d => d.Id),
        };
    }

    public string PageUrl(int page) =>
        $"/Dialogues?q={Uri.EscapeDataString(Query ?? "")}&state={State}&sort={Uri.EscapeDataString(Sort ?? "")}&page={page}";

    public string ExportUrl =>
        $"/Dialogues?handler=Export&q={Uri.EscapeDataString(Query ?? "")}&state={State}&sort={Uri.EscapeDataString(Sort ?? "")}";
}
