using DanVan.Data;
using DanVan.Domain.Democracy;
using DanVan.Domain.Text;
using DanVan.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Features.Public;

/// <summary>
/// Công khai của xã, phường và cơ quan: the units that publish, then one unit's disclosures with their files (only
/// those the unit chose to publish; nothing of who recorded them); cached, under the public rate limit.
/// </summary>
public class DisclosuresModel(AppDbContext db) : PageModel
{
    public sealed record PublicUnit(int Id, string Name, int Count, DateOnly Latest);

    public sealed record PublicDisclosure(int Id, int Year, string ItemCode, string Title, DateOnly DisclosedOn, DateOnly? EndsOn, DisclosureForms Forms, string? FileName);

    [BindProperty(SupportsGet = true, Name = "unit")]
    public int? Unit { get; set; }

    [BindProperty(SupportsGet = true, Name = "year")]
    public int? Year { get; set; }

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    [BindProperty(SupportsGet = true, Name = "page")]
    public int? PageNumber { get; set; }

    public string? UnitName { get; private set; }

    public PagedList<PublicUnit>? Units { get; private set; }

    public PagedList<PublicDisclosure>? Disclosures { get; private set; }

    public Dictionary<string, string> ItemNames { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Response.Headers.CacheControl = "public, max-age=300";
        var published = db.Disclosures.AsNoTracking().Where(d => d.IsPublic);
        if (Unit is { } unitId)
        {
            UnitName = await db.OrgUnits.AsNoTracking().Where(u => u.Id == unitId).Select(u => u.Name).FirstOrDefaultAsync(ct);
            if (UnitName is null)
            {
                return NotFound();
            }

            var query = published.Where(d => d.UnitId == unitId);
            if (DisclosureRules.IsYear(Year))
            {
                query = query.Where(d => d.Year == Year);
            }

            Disclosures = await query.OrderByDescending(d => d.DisclosedOn).ThenByDescending(d => d.Id)
                .ToPagedListAsync(q => q.Select(d => new PublicDisclosure(d.Id, d.Year, d.ItemCode, d.Title, d.DisclosedOn, d.EndsOn, d.Forms, d.FileName)), PageNumber, 50, ct);
            ItemNames = await db.DisclosureItems.AsNoTracking().GroupBy(i => i.Code).Select(g => new { g.Key, Name = g.OrderByDescending(i => i.ValidFrom).Select(i => i.Name).First() })
                .ToDictionaryAsync(x => x.Key, x => x.Name, StringComparer.Ordinal, ct);
            return Page();
        }

        var units = db.OrgUnits.AsNoTracking().Where(u => published.Any(d => d.UnitId == u.Id));
        var folded = VietnameseText.Fold(Query);
        if (folded.Length is > 0 and <= 200)
        {
            units = units.Where(u => u.SearchText.Contains(folded));
        }

        Units = await units.OrderByVietnamese(db, u => u.Name).ThenBy(u => u.Id).ToPagedListAsync(q => q.Select(u => new PublicUnit(u.Id, u.Name,
            published.Count(d => d.UnitId == u.Id), published.Where(d => d.UnitId == u.Id).Max(d => d.DisclosedOn))), PageNumber, 50, ct);
        return Page();
    }

    public async Task<IActionResult> OnGetFileAsync(int id, CancellationToken ct)
    {
        var row = await db.Disclosures.AsNoTracking().Where(d => d.Id == id && d.IsPublic && d.FileName != null)
            .Select(d => new { d.FileName, d.FileContentType, Content = db.DisclosureFiles.Where(f => f.DisclosureId == d.Id).Select(f => f.Content).FirstOrDefault() })
            .FirstOrDefaultAsync(ct);
        if (row?.Content is null)
        {
            return NotFound();
        }

        Response.Headers.CacheControl = "public, max-age=3600";
        return File(row.Content, row.FileContentType ?? "application/octet-stream", row.FileName);
    }

    public string PageUrl(int page) => Unit is null
        ? $"/Public/Disclosures?q={Uri.EscapeDataString(Query ?? "")}&page={page}"
        : $"/Public/Disclosures?unit={Unit}&year={Year}&page={page}";
}
