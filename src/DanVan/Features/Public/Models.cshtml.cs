using DanVan.Data;
using DanVan.Domain.Models;
using DanVan.Domain.Text;
using DanVan.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Features.Public;

/// <summary>
/// Mô hình “Dân vận khéo” được công nhận: what recognition publishes (the model's name, unit, field, level and date,
/// where it was replicated), nothing else of the registration; cached, under the public rate limit.
/// </summary>
public class ModelsModel(AppDbContext db) : PageModel
{
    public sealed record PublicModel(int Id, string Name, string Unit, string FieldCode, string? LevelCode, DateOnly? RecognisedOn, string Outputs, int Copies);

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    [BindProperty(SupportsGet = true, Name = "page")]
    public int? PageNumber { get; set; }

    public PagedList<PublicModel> Models { get; private set; } = null!;

    public Dictionary<string, string> FieldNames { get; private set; } = [];

    public Dictionary<string, string> LevelNames { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Response.Headers.CacheControl = "public, max-age=300";
        var query = db.MobilizationModels.AsNoTracking().Where(m => m.State == ModelStatus.Recognised || m.State == ModelStatus.Commended);
        var folded = VietnameseText.Fold(Query);
        if (folded.Length is > 0 and <= 200)
        {
            query = query.Where(m => m.SearchText.Contains(folded));
        }

        Models = await query.OrderByDescending(m => m.RecognisedOn).ThenByDescending(m => m.Id).ToPagedListAsync(q => q.Select(m => new PublicModel(m.Id, m.Name,
            db.OrgUnits.Where(o => o.Id == m.UnitId).Select(o => o.Name).First(), m.FieldCode, m.LevelCode, m.RecognisedOn, m.Outputs,
            db.MobilizationModels.Count(c => c.ReplicatedFromId == m.Id && c.State != ModelStatus.Returned))), PageNumber, 30, ct);
        FieldNames = await db.ModelFields.AsNoTracking().GroupBy(f => f.Code).Select(g => new { g.Key, Name = g.OrderByDescending(f => f.ValidFrom).Select(f => f.Name).First() })
            .ToDictionaryAsync(x => x.Key, x => x.Name, StringComparer.Ordinal, ct);
        LevelNames = await db.RecognitionLevels.AsNoTracking().GroupBy(f => f.Code).Select(g => new { g.Key, Name = g.OrderByDescending(f => f.ValidFrom).Select(f => f.Name).First() })
            .ToDictionaryAsync(x => x.Key, x => x.Name, StringComparer.Ordinal, ct);
    }

    public string PageUrl(int page) => $"/Public/Models?q={Uri.EscapeDataString(Query ?? "")}&page={page}";
}
