using DanVan.Data;
using DanVan.Domain.Access;
using DanVan.Domain.Units;
using DanVan.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Features.Units;

public class IndexModel(AppDbContext db, CurrentUser currentUser, IAuthorizationService authorization, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    [BindProperty(SupportsGet = true, Name = "history")]
    public bool IncludeHistory { get; set; }

    [BindProperty(SupportsGet = true, Name = "page")]
    public int? PageNumber { get; set; }

    public UserScope Scope { get; private set; } = null!;

    public OrgUnit? Root { get; private set; }

    public List<UnitRow> RootChildren { get; private set; } = [];

    public PagedList<UnitRow>? Results { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Scope = (await currentUser.GetScopeAsync(ct))!;
        var today = VietnamClock.Today(clock);
        if (!string.IsNullOrWhiteSpace(Query))
        {
            Results = await db.OrgUnits.AsNoTracking()
                .InScope(Scope).Current(IncludeHistory, today).Matching(Query).Ordered()
                .ToRows(db, IncludeHistory, today)
                .ToPagedListAsync(PageNumber, 50, ct);
            return;
        }

        Root = await UnitQueries.ScopeRootAsync(db, Scope, ct);
        if (Root is not null)
        {
            RootChildren = await UnitQueries.ChildrenAsync(db, Root.Id, IncludeHistory, today, ct);
        }
    }

    /// <summary>The units in scope (matching the search, if any) as an Excel workbook.</summary>
    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct)
    {
        Scope = (await currentUser.GetScopeAsync(ct))!;
        var today = VietnamClock.Today(clock);
        var rows = await db.OrgUnits.AsNoTracking()
            .InScope(Scope).Current(IncludeHistory, today).Matching(Query).Ordered()
            .Select(u => new { u.Code, u.Name, u.Kind, Parent = u.Parent != null ? u.Parent.Name : null, u.ValidFrom, u.ValidTo, u.LegalBasis })
            .ToListAsync(ct);
        var stream = new MemoryStream();
        XlsxExport.Write(stream, "Danh mục đơn vị",
            ["Mã", "Tên đơn vị", "Loại", "Trực thuộc", "Hoạt động từ", "Ngừng hoạt động từ", "Căn cứ"],
            rows.Select(r => (IReadOnlyList<object?>)[r.Code, r.Name, OrgUnitKinds.Label(r.Kind), r.Parent, r.ValidFrom, r.ValidTo?.AddDays(1), r.LegalBasis]),
            "DANH MỤC ĐƠN VỊ", XlsxExport.ExportedOn(today));
        stream.Position = 0;
        return File(stream, XlsxExport.ContentType, $"danh-muc-don-vi-{today:yyyyMMdd}.xlsx");
    }

    /// <summary>htmx: the children of one node of the tree.</summary>
    public async Task<IActionResult> OnGetChildrenAsync(int id, CancellationToken ct)
    {
        var unit = await db.OrgUnits.AsNoTracking().FirstOrDefaultAsync(u => u.Id == id, ct);
        if (unit is null)
        {
            return NotFound();
        }

        if (!(await authorization.AuthorizeAsync(User, new UnitResource(unit.Id, unit.AncestorPath), UnitOperations.Read)).Succeeded)
        {
            return Forbid();
        }

        var rows = await UnitQueries.ChildrenAsync(db, id, IncludeHistory, VietnamClock.Today(clock), ct);
        return Partial("_TreeItems", new TreeItemsModel(rows, IncludeHistory));
    }
}

public sealed record TreeItemsModel(IReadOnlyList<UnitRow> Rows, bool IncludeHistory);
