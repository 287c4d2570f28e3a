using DanVan.Data;
using DanVan.Domain.Access;
using DanVan.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Features.Documents;

public class IndexModel(AppDbContext db, CurrentUser currentUser, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    [BindProperty(SupportsGet = true, Name = "type")]
    public string? Type { get; set; }

    [BindProperty(SupportsGet = true, Name = "page")]
    public int? PageNumber { get; set; }

    public PagedList<DocumentRow> Documents { get; private set; } = null!;

    public List<(string Code, string Name)> Types { get; private set; } = [];

    public bool CanRegister { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var scope = (await currentUser.GetScopeAsync(ct))!;
        CanRegister = DocumentAccessRules.CanWrite(scope, scope.UnitAncestorPath, scope.UnitId);
        Documents = await Filtered(scope).ToRows(db).ToPagedListAsync(PageNumber, 50, ct);
        Types = (await db.DocumentTypes.AsNoTracking().OrderByVietnamese(db, t => t.Name).Select(t => new { t.Code, t.Name }).ToListAsync(ct))
            .Select(t => (t.Code, t.Name)).ToList();
    }

    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct)
    {
        var scope = (await currentUser.GetScopeAsync(ct))!;
        var rows = await Filtered(scope).ToRows(db).Take(100_000).ToListAsync(ct);
        var stream = new MemoryStream();
        XlsxExport.Write(stream, "Văn bản", ["Số, ký hiệu", "Loại", "Ngày ban hành", "Cơ quan ban hành", "Trích yếu", "Đơn vị quản lý"],
            rows.Select(r => (IReadOnlyList<object?>)[r.Code, r.TypeName, r.IssuedOn, r.IssuerName, r.Title, r.OwnerName]),
            "DANH SÁCH VĂN BẢN", XlsxExport.ExportedOn(VietnamClock.Today(clock)));
        stream.Position = 0;
        return File(stream, XlsxExport.ContentType, $"van-ban-{VietnamClock.Today(clock):yyyyMMdd}.xlsx");
    }

    private IQueryable<Domain.Documents.Document> Filtered(UserScope scope)
    {
        var query = db.Documents.AsNoTracking().VisibleTo(db, scope).Matching(Query);
        if (!string.IsNullOrWhiteSpace(Type))
        {
            query = Type == "CV" ? query.Where(d => d.TypeCode == null || d.TypeCode == "CV") : query.Where(d => d.TypeCode == Type);
        }

        return query.OrderByDescending(d => d.IssuedOn).ThenByDescending(d => d.Id);
    }

    public string PageUrl(int page) =>
        $"/Documents?q={Uri.EscapeDataString(Query ?? "")}&type={Uri.EscapeDataString(Type ?? "")}&page={page}";
}
