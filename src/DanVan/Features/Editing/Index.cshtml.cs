using DanVan.Infrastructure;
using DanVan.Data;
using DanVan.Domain.Access;
using DanVan.Domain.Editing;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Features.Editing;

/// <summary>Lịch sử phiên bản: the current version of a record and every previous one, each viewable whole.</summary>
public class IndexModel(AppDbContext db, CurrentUser currentUser) : PageModel
{
    public sealed record VersionRow(int Number, DateTime? ReplacedAtUtc, string? ReplacedBy, string? Reason, IReadOnlyDictionary<string, string?> Fields, IReadOnlySet<string> Changed);

    [BindProperty(SupportsGet = true)]
    public RecordKind Kind { get; set; }

    [BindProperty(SupportsGet = true)]
    public int Id { get; set; }

    public string Heading { get; private set; } = "";

    public string BackUrl { get; private set; } = "/";

    public List<VersionRow> Rows { get; private set; } = [];

    public IReadOnlyList<(string Name, string Label)> Labels => VersionFields.Of(Kind);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var scope = (await currentUser.GetScopeAsync(ct))!;
        Dictionary<string, string?>? current;
        int version;
        switch (Kind)
        {
            case RecordKind.Document:
            {
                var d = await db.Documents.AsNoTracking().Where(x => x.Id == Id)
                    .Join(db.OrgUnits, x => x.OwnerUnitId, o => o.Id, (x, o) => new { x, o.AncestorPath }).FirstOrDefaultAsync(ct);
                if (d is null || !DocumentAccessRules.CanRead(scope, d.AncestorPath, d.x.OwnerUnitId))
                {
                    return NotFound();
                }

                (current, version, Heading, BackUrl) = (Versions.Of(d.x), d.x.Version, $"{d.x.TypeName} số {d.x.Code}", $"/Documents/Details/{Id}");
                break;
            }

            case RecordKind.Plan:
            case RecordKind.Target:
            {
                var planId = Kind == RecordKind.Plan ? Id : await db.PlanTargets.Where(t => t.Id == Id).Select(t => (int?)t.PlanId).FirstOrDefaultAsync(ct) ?? 0;
                var p = await (from x in db.Plans.AsNoTracking()
                               where x.Id == planId
                               join d in db.Documents on x.DocumentId equals d.Id
                               join o in db.OrgUnits on x.OwnerUnitId equals o.Id
                               select new { x, d.Code, o.AncestorPath }).FirstOrDefaultAsync(ct);
                if (p is null || !DocumentAccessRules.CanRead(scope, p.AncestorPath, p.x.OwnerUnitId))
                {
                    return NotFound();
                }

                BackUrl = $"/Plans/Details/{planId}";
                if (Kind == RecordKind.Plan)
                {
                    (current, version, Heading) = (Versions.Of(p.x), p.x.Version, $"Kế hoạch số {p.Code}");
                }
                else
                {
                    var t = await db.PlanTargets.AsNoTracking().FirstAsync(t => t.Id == Id, ct);
                    (current, version, Heading) = (Versions.Of(t), t.Version, $"Chỉ tiêu của Kế hoạch số {p.Code}");
                }

                break;
            }

            case RecordKind.WorkItem:
            {
                var w = await db.WorkItems.AsNoTracking().FirstOrDefaultAsync(x => x.Id == Id, ct);
                if (w is null)
                {
                    return NotFound();
                }

                var coIds = await db.WorkItemCoUnits.AsNoTracking().Where(c => c.WorkItemId == w.Id).Select(c => c.UnitId).ToListAsync(ct);
                var ids = coIds.Append(w.LeadUnitId).Append(w.AssignedByUnitId).Distinct().ToList();
                var units = await db.OrgUnits.AsNoTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.AncestorPath, ct);
                WorkItemAccessRules.UnitRef Ref(int unitId) => new(unitId, units[unitId]);
                if (!WorkItemAccessRules.CanRead(scope, Ref(w.LeadUnitId), Ref(w.AssignedByUnitId), coIds.Select(Ref)))
                {
                    return NotFound();
                }

                var deadline = await db.WorkItemDeadlines.IgnoreQueryFilters().Where(d => d.WorkItemId == w.Id).OrderBy(d => d.DueOn).Select(d => d.Id).FirstAsync(ct);
                (current, version, Heading, BackUrl) = (Versions.Of(w), w.Version, $"Nhiệm vụ: {w.Title}", $"/Tasks/Details/{deadline}");
                break;
            }

            default:
                return NotFound();
        }

        var previous = await Versions.HistoryAsync(db, Kind, Id, ct);
        var rows = new List<VersionRow>();
        IReadOnlyDictionary<string, string?> newer = current;
        rows.Add(new VersionRow(version, null, null, null, current, new HashSet<string>()));
        foreach (var v in previous)
        {
            var fields = Versions.Read(v);
            var changed = fields.Where(kv => !string.Equals(kv.Value, newer.GetValueOrDefault(kv.Key), StringComparison.Ordinal)).Select(kv => kv.Key).ToHashSet();
            rows.Add(new VersionRow(v.Version, v.ReplacedAtUtc, v.ReplacedBy, v.Reason, fields, changed));
            newer = fields;
        }

        Rows = rows;
        return Page();
    }
}
