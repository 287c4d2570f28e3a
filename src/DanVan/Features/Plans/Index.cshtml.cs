using DanVan.Data;
using DanVan.Domain.Access;
using DanVan.Features.Documents;
using DanVan.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Features.Plans;

/// <summary>
/// Kế hoạch: the plans the user may read (those of the scope's units and of the units above), searched, paged and
/// exported, each with how many lower units adopted theirs; the plans to adopt on top.
/// </summary>
public class IndexModel(AppDbContext db, CurrentUser currentUser, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    /// <summary>"mine" (the user's own unit), "obliging" (plans that oblige lower units) or empty (all).</summary>
    [BindProperty(SupportsGet = true, Name = "show")]
    public string? Show { get; set; }

    [BindProperty(SupportsGet = true, Name = "page")]
    public int? PageNumber { get; set; }

    public sealed record PlanRow(int Id, string Code, string Title, string IssuerName, DateOnly? IssuedOn, string OwnerName, bool RequiresAdoption,
        DateOnly? AdoptionDueOn, int Adopted, string? ParentCode, int? ParentId, bool Withdrawn = false);

    public PagedList<PlanRow> Plans { get; private set; } = null!;

    public List<ToAdoptRow> ToAdopt { get; private set; } = [];

    public DateOnly Today { get; private set; }

    public bool CanCreate { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var scope = (await currentUser.GetScopeAsync(ct))!;
        Today = VietnamClock.Today(clock);
        CanCreate = DocumentAccessRules.CanWrite(scope, scope.UnitAncestorPath, scope.UnitId);
        ToAdopt = (await ToAdoptModel.ToAdoptAsync(db, scope, ct)).Where(r => r.AdoptedPlanId is null).ToList();
        Plans = await Filtered(scope).ToPagedListAsync(PageNumber, 50, ct);
    }

    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct)
    {
        var scope = (await currentUser.GetScopeAsync(ct))!;
        var rows = await Filtered(scope).Take(100_000).ToListAsync(ct);
        var stream = new MemoryStream();
        XlsxExport.Write(stream, "Kế hoạch", ["Số, ký hiệu", "Trích yếu", "Cơ quan ban hành", "Ngày ban hành", "Đơn vị", "Yêu cầu cấp dưới xây dựng", "Hạn xây dựng", "Đơn vị đã xây dựng", "Thực hiện kế hoạch"],
            rows.Select(r => (IReadOnlyList<object?>)[r.Code, r.Title, r.IssuerName, r.IssuedOn, r.OwnerName, r.RequiresAdoption ? "Có" : "Không", r.AdoptionDueOn, r.Adopted, r.ParentCode]),
            "DANH SÁCH KẾ HOẠCH", XlsxExport.ExportedOn(VietnamClock.Today(clock)));
        stream.Position = 0;
        return File(stream, XlsxExport.ContentType, $"ke-hoach-{VietnamClock.Today(clock):yyyyMMdd}.xlsx");
    }

    private IQueryable<PlanRow> Filtered(UserScope scope)
    {
        var documents = db.Documents.AsNoTracking().VisibleTo(db, scope).Matching(Query);
        var plans = db.Plans.AsNoTracking().AsQueryable();
        plans = Show switch
        {
            "mine" => plans.Where(p => p.OwnerUnitId == scope.UnitId),
            "obliging" => plans.Where(p => p.RequiresAdoption),
            _ => plans,
        };
        return from p in plans
               join d in documents on p.DocumentId equals d.Id
               orderby d.IssuedOn descending, p.Id descending
               select new PlanRow(p.Id, d.Code, d.Title, d.IssuerName, d.IssuedOn,
                   db.OrgUnits.Where(o => o.Id == p.OwnerUnitId).Select(o => o.Name).First(),
                   p.RequiresAdoption, p.AdoptionDueOn, db.Plans.Count(c => c.ParentPlanId == p.Id && c.WithdrawnAtUtc == null),
                   db.Plans.Where(x => x.Id == p.ParentPlanId).Join(db.Documents, x => x.DocumentId, x => x.Id, (x, y) => y.Code).FirstOrDefault(), p.ParentPlanId,
                   p.WithdrawnAtUtc != null);
    }

    public string PageUrl(int page) => $"/Plans?q={Uri.EscapeDataString(Query ?? "")}&show={Uri.EscapeDataString(Show ?? "")}&page={page}";
}
