using DanVan.Data;
using DanVan.Domain.Access;
using DanVan.Domain.Scoring;
using DanVan.Features.Shared;
using DanVan.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Features.Scoring;

public sealed record FrameworkRow(ScoringFramework Framework, int Criteria, int Rounds, int OpenRounds);

/// <summary>Bộ tiêu chí chấm điểm: the national template and the user's province's frameworks, every version with its legal basis.</summary>
public class FrameworksModel(AppDbContext db, CurrentUser currentUser) : PageModel
{
    public List<FrameworkRow> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var scope = (await currentUser.GetScopeAsync(ct))!;
        var code = await ProvinceCodeAsync(db, scope, ct);
        var frameworks = await db.ScoringFrameworks.AsNoTracking()
            .Where(f => scope.IsAdmin || f.ProvinceCode == null || f.ProvinceCode == code)
            .OrderBy(f => f.ProvinceCode == null).ThenBy(f => f.Code).ThenByDescending(f => f.Version).Take(200).ToListAsync(ct);
        var ids = frameworks.Select(f => f.Id).ToList();
        var criteria = await db.ScoringCriteria.AsNoTracking().Where(c => ids.Contains(c.FrameworkId) && c.Kind != CriterionKind.Group)
            .GroupBy(c => c.FrameworkId).Select(g => new { g.Key, N = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.N, ct);
        var rounds = await db.ScoringRounds.AsNoTracking().Where(r => ids.Contains(r.FrameworkId))
            .GroupBy(r => r.FrameworkId).Select(g => new { g.Key, N = g.Count(), Open = g.Count(r => r.State == RoundState.Open) }).ToListAsync(ct);
        Rows = frameworks.Select(f => new FrameworkRow(f, criteria.GetValueOrDefault(f.Id), rounds.FirstOrDefault(r => r.Key == f.Id)?.N ?? 0,
            rounds.FirstOrDefault(r => r.Key == f.Id)?.Open ?? 0)).ToList();
    }

    /// <summary>The code of the user's province ("80"), none for the administrator.</summary>
    public static async Task<string?> ProvinceCodeAsync(AppDbContext db, UserScope scope, CancellationToken ct)
    {
        var ids = Domain.Units.UnitPaths.Ancestors(UserScope.ProvincePrefix(scope.UnitAncestorPath, scope.UnitId));
        if (scope.IsAdmin || ids.Length < 2)
        {
            return null;
        }

        var id = ids[1];
        return await db.OrgUnits.AsNoTracking().Where(u => u.Id == id).Select(u => u.Code).FirstOrDefaultAsync(ct);
    }
}
