using DanVan.Data;
using DanVan.Domain.Access;
using DanVan.Domain.Training;
using DanVan.Features.Shared;
using DanVan.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Features.Training.News;

/// <summary>Tin, bài, phát thanh: the news items of the units in the user's scope, searched, filtered, paged, exported.</summary>
public class IndexModel(AppDbContext db, CurrentUser currentUser, TimeProvider clock, NewsCommands commands) : PageModel
{
    public sealed record Row(int Id, int UnitId, DateOnly PublishedOn, NewsKind Kind, string Title, string Channel, string? Link, string UnitName, Guid Stamp);

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    [BindProperty(SupportsGet = true, Name = "kind")]
    public NewsKind? Kind { get; set; }

    [BindProperty(SupportsGet = true, Name = "year")]
    public int? Year { get; set; }

    [BindProperty(SupportsGet = true, Name = "page")]
    public int? PageNumber { get; set; }

    [BindProperty]
    public Guid Stamp { get; set; }

    public PagedList<Row> Items { get; private set; } = null!;

    public bool CanRecord { get; private set; }

    public int OwnUnitId { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var scope = (await currentUser.GetScopeAsync(ct))!;
        CanRecord = DisclosureAccessRules.CanRecord(scope, scope.UnitId);
        OwnUnitId = scope.UnitId;
        Items = await (await NewsQueries.ItemsAsync(db, scope, Query, Kind, Year, ct)).ToPagedListAsync(Project, PageNumber, 50, ct);
    }

    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct)
    {
        var scope = (await currentUser.GetScopeAsync(ct))!;
        var rows = await Project(await NewsQueries.ItemsAsync(db, scope, Query, Kind, Year, ct)).Take(100_000).ToListAsync(ct);
        var stream = new MemoryStream();
        XlsxExport.Write(stream, "Tin, bài, phát thanh", ["Ngày đăng, phát", "Loại", "Tiêu đề", "Báo, đài, chuyên mục", "Đường dẫn", "Đơn vị"],
            rows.Select(r => (IReadOnlyList<object?>)[r.PublishedOn, NewsRules.Label(r.Kind), r.Title, r.Channel, r.Link, r.UnitName]),
            "DANH SÁCH TIN, BÀI, PHÁT THANH", XlsxExport.ExportedOn(VietnamClock.Today(clock)));
        stream.Position = 0;
        return File(stream, XlsxExport.ContentType, $"tin-bai-phat-thanh-{VietnamClock.Today(clock):yyyyMMdd}.xlsx");
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id, CancellationToken ct)
    {
        var result = await commands.DeleteAsync((await currentUser.GetScopeAsync(ct))!, id, Stamp, ct);
        if (result.IsOk)
        {
            TempData["Message"] = $"Đã xóa «{result.Value!.Title}».";
            return Redirect("/Training/News");
        }

        await OnGetAsync(ct); // a stale stamp: the list again, with the message
        return this.Failure(result, "") ?? Page();
    }

    private IQueryable<Row> Project(IQueryable<NewsItem> q) => q.Select(s => new Row(s.Id, s.UnitId, s.PublishedOn, s.Kind, s.Title, s.Channel, s.Link,
        db.OrgUnits.Where(o => o.Id == s.UnitId).Select(o => o.Name).First(), s.ConcurrencyStamp));

    private string Filters => $"q={Uri.EscapeDataString(Query ?? "")}&kind={Kind}&year={Year}";

    public string PageUrl(int page) => $"/Training/News?{Filters}&page={page}";

    public string ExportUrl => $"/Training/News?handler=Export&{Filters}";
}
