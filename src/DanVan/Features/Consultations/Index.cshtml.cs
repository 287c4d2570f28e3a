using DanVan.Data;
using DanVan.Domain.Access;
using DanVan.Domain.Text;
using DanVan.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Features.Consultations;

/// <summary>Lấy ý kiến dự thảo: consultations drafted in the user's scope or sent to the user's unit; searched, filtered, paged, exported.</summary>
public class IndexModel(AppDbContext db, CurrentUser currentUser, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    /// <summary>"open" (still taking answers), "closed" (past the deadline), or all.</summary>
    [BindProperty(SupportsGet = true, Name = "status")]
    public string? Status { get; set; }

    /// <summary>"mine" (drafted by my unit), "answer" (sent to my unit), or all.</summary>
    [BindProperty(SupportsGet = true, Name = "view")]
    public string? View { get; set; }

    [BindProperty(SupportsGet = true, Name = "page")]
    public int? PageNumber { get; set; }

    public PagedList<ConsultationRow> Consultations { get; private set; } = null!;

    public bool CanCreate { get; private set; }

    public DateOnly Today { get; private set; }

    /// <summary>Consultation ids the user's unit must still answer (a "Gửi ý kiến" button).</summary>
    public HashSet<int> ToAnswer { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var scope = (await currentUser.GetScopeAsync(ct))!;
        CanCreate = ConsultationAccessRules.CanManage(scope, scope.UnitId);
        Today = VietnamClock.Today(clock);
        Consultations = await Filtered(scope).ToPagedListAsync(q => q.ToRows(db), PageNumber, 50, ct);
        var ids = Consultations.Items.Select(i => i.Id).ToList();
        ToAnswer = (await db.ConsultationRespondents.Where(r => ids.Contains(r.ConsultationId) && r.UnitId == scope.UnitId && r.State != Domain.Consultations.RespondentState.Silent)
            .Select(r => r.ConsultationId).ToListAsync(ct)).ToHashSet();
    }

    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct)
    {
        var scope = (await currentUser.GetScopeAsync(ct))!;
        var rows = await Filtered(scope).ToRows(db).Take(100_000).ToListAsync(ct);
        var stream = new MemoryStream();
        XlsxExport.Write(stream, "Lấy ý kiến dự thảo", ["Dự thảo", "Trích yếu", "Vòng", "Đơn vị chủ trì", "Ngày gửi", "Hạn góp ý", "Số đơn vị được lấy ý kiến", "Thống nhất", "Góp ý", "Không có ý kiến", "Số ý kiến"],
            rows.Select(r => (IReadOnlyList<object?>)[r.Title, r.Subject, r.Round, r.UnitName, r.SentOn, r.DueOn, r.Respondents, r.Agreed, r.Commented, r.Silent, r.Comments]),
            "DANH SÁCH LẤY Ý KIẾN DỰ THẢO", XlsxExport.ExportedOn(VietnamClock.Today(clock)));
        stream.Position = 0;
        return File(stream, XlsxExport.ContentType, $"lay-y-kien-du-thao-{VietnamClock.Today(clock):yyyyMMdd}.xlsx");
    }

    private IQueryable<Domain.Consultations.Consultation> Filtered(UserScope scope)
    {
        var today = VietnamClock.Today(clock);
        var query = db.Consultations.AsNoTracking().VisibleTo(db, scope);
        query = Status switch
        {
            "open" => query.Where(c => c.DueOn >= today),
            "closed" => query.Where(c => c.DueOn < today),
            _ => query,
        };
        var own = scope.UnitId;
        query = View switch
        {
            "mine" => query.Where(c => c.UnitId == own),
            "answer" => query.Where(c => db.ConsultationRespondents.Any(r => r.ConsultationId == c.Id && r.UnitId == own)),
            _ => query,
        };
        var folded = VietnameseText.Fold(Query);
        if (folded.Length > 0)
        {
            query = query.Where(c => c.SearchText.Contains(folded));
        }

        return query.OrderByDescending(c => c.SentOn).ThenByDescending(c => c.Id);
    }

    private string Args => $"q={Uri.EscapeDataString(Query ?? "")}&status={Uri.EscapeDataString(Status ?? "")}&view={Uri.EscapeDataString(View ?? "")}";

    public string PageUrl(int page) => $"/Consultations?{Args}&page={page}";

    public string ExportUrl => $"/Consultations?handler=Export&{Args}";
}
