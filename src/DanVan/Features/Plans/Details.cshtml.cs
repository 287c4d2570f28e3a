using DanVan.Data;
using DanVan.Domain.Access;
using DanVan.Domain.Documents;
using DanVan.Domain.Plans;
using DanVan.Domain.WorkItems;
using DanVan.Features.Tasks;
using DanVan.Infrastructure;
using DanVan.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Features.Plans;

public class DetailsModel(AppDbContext db, CurrentUser currentUser, TimeProvider clock, PlanCommands commands, PlanEditing editing, TargetEditing targetEditing,
    TargetMeasuring measuring) : PageModel
{
    /// <summary>Each live target's value, gap and standing (ADR-028), by target id.</summary>
    public IReadOnlyDictionary<int, TargetStatus> Statuses { get; private set; } = new Dictionary<int, TargetStatus>();

    public Plan Plan { get; private set; } = null!;

    public Document Document { get; private set; } = null!;

    public List<PlanTarget> Targets { get; private set; } = [];

    public List<DeadlineRow> Tasks { get; private set; } = [];

    public DateOnly Today { get; private set; }

    public List<AdoptionRow> Adoption { get; private set; } = [];

    public (int Id, string Code)? Parent { get; private set; }

    public Editing.ActionsView? Actions { get; private set; }

    /// <summary>Tasks given under the plan and withdrawn: out of every list, still shown here, marked, with the reason.</summary>
    public List<(int DeadlineId, string Title, string? Reason)> WithdrawnTasks { get; private set; } = [];

    /// <summary>Per target: what the user may do to it, and how many earlier versions it has.</summary>
    public Dictionary<int, Editing.ActionsView> TargetActions { get; private set; } = [];

    public async Task<IActionResult> OnGetAdoptionExportAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } failed)
        {
            return failed;
        }

        var stream = new MemoryStream();
        XlsxExport.Write(stream, "Xây dựng kế hoạch", ["Đơn vị", "Trạng thái", "Số, ký hiệu", "Ngày ban hành", "Chỉ tiêu bỏ", "Chỉ tiêu thêm"],
            Adoption.Select(a => (IReadOnlyList<object?>)[a.UnitName, AdoptionLabel(a), a.Code, a.AdoptedOn, a.Dropped, a.Added]),
            $"TÌNH HÌNH XÂY DỰNG KẾ HOẠCH THỰC HIỆN {Document.Code}", XlsxExport.ExportedOn(VietnamClock.Today(clock)));
        stream.Position = 0;
        return File(stream, XlsxExport.ContentType, $"tinh-hinh-xay-dung-ke-hoach-{Document.Code.Replace('/', '-')}.xlsx");
    }

    public string AdoptionLabel(AdoptionRow a) => a.PlanId is null
        ? (Plan.AdoptionDueOn < Today ? "Chưa xây dựng (quá hạn)" : "Chưa xây dựng")
        : a.Late ? "Đã xây dựng (trễ hạn)" : "Đã xây dựng đúng hạn";

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } failed)
        {
            return failed;
        }

        var scope = (await currentUser.GetScopeAsync(ct))!;
        var owner = await db.OrgUnits.AsNoTracking().FirstAsync(u => u.Id == Plan.OwnerUnitId, ct);
        Actions = new Editing.ActionsView(Domain.Editing.RecordKind.Plan, id, $"/Plans/Edit/{id}", $"/Plans/Remove/{id}",
            await editing.InfoAsync(scope, Plan, owner.AncestorPath, ct), Plan.Version - 1);
        WithdrawnTasks = (await db.WorkItems.AsNoTracking().Where(w => w.SourceDocumentId == Document.Id && w.WithdrawnAtUtc != null)
                .OrderBy(w => w.Id).Take(200)
                .Select(w => new { w.Title, w.WithdrawnReason, Deadline = db.WorkItemDeadlines.IgnoreQueryFilters().Where(d => d.WorkItemId == w.Id).Min(d => d.Id) })
                .ToListAsync(ct))
            .Where(w => WorkItemAccessRules.CanDecide(scope, new WorkItemAccessRules.UnitRef(owner.Id, owner.AncestorPath)) || DocumentAccessRules.CanWrite(scope, owner.AncestorPath, owner.Id))
            .Select(w => (w.Deadline, w.Title, w.WithdrawnReason)).ToList();
        foreach (var t in Targets.Where(t => t.DroppedReason is null))
        {
            TargetActions[t.Id] = new Editing.ActionsView(Domain.Editing.RecordKind.Target, t.Id, $"/Plans/EditTarget/{t.Id}", $"/Plans/RemoveTarget/{t.Id}",
                await targetEditing.InfoAsync(scope, t, owner, Plan.WithdrawnAtUtc is not null, ct), t.Version - 1, Small: true);
        }

        return Page();
    }

    public async Task<IActionResult> OnGetDocxAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } failed)
        {
            return failed;
        }

        var items = await db.WorkItems.AsNoTracking().Where(w => w.SourceDocumentId == Document.Id)
            .Join(db.OrgUnits, w => w.LeadUnitId, u => u.Id, (w, u) => new { w, u.Name }).OrderByVietnamese(db, x => x.Name).ThenBy(x => x.w.Id).ToListAsync(ct);
        var stream = new MemoryStream();
        PlanDocx.Write(stream, Document, Plan, Targets.Where(t => t.WithdrawnAtUtc == null).ToList(), // a withdrawn target is no longer part of the plan
            items.Select(x => new PlanDocx.TaskLine(x.Name, x.w.Title, x.w.Schedule.Describe())).ToList(),
            await IssuingAsync(ct), await BasisAsync(ct));
        stream.Position = 0;
        return File(stream, "application/vnd.openxmlformats-officedocument.wordprocessingml.document", Nd30Docx.FileName(Document.Code, Document.TypeName + " " + Document.Title));
    }

    /// <summary>
    /// The header of the plan's paper: the issuing unit's committee or agency with its parent body when the document
    /// names a unit of the directory (or its issuer is the owning unit's own name); otherwise the issuer as recorded.
    /// </summary>
    private async Task<PlanDocx.Issuing> IssuingAsync(CancellationToken ct)
    {
        var unitId = Document.IssuingUnitId;
        if (unitId is null)
        {
            var ownerName = await db.OrgUnits.AsNoTracking().Where(u => u.Id == Document.OwnerUnitId).Select(u => u.Name).FirstAsync(ct);
            unitId = Domain.Text.VietnameseText.Fold(ownerName) == Domain.Text.VietnameseText.Fold(Document.IssuerName) ? Document.OwnerUnitId : null;
        }

        if (unitId is { } id)
        {
            var issuing = await DocumentPlace.IssuingAsync(db, id, ct);
            return new PlanDocx.Issuing(issuing.ParentBody, issuing.Issuer, issuing.Place);
        }

        var (_, place) = await DocumentPlace.OfUnitAsync(db, Document.OwnerUnitId, ct);
        return new PlanDocx.Issuing(null, Document.IssuerName, place);
    }

    private async Task<PlanDocx.Basis?> BasisAsync(CancellationToken ct) =>
        Plan.ParentPlanId is not { } parentId ? null
            : await db.Plans.AsNoTracking().Where(p => p.Id == parentId).Join(db.Documents, p => p.DocumentId, d => d.Id, (p, d) => d)
                .Select(d => new PlanDocx.Basis(d.TypeName, d.Code, d.IssuedOn, d.IssuerName, d.Title)).FirstOrDefaultAsync(ct);

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        var plan = await db.Plans.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct);
        if (plan is null)
        {
            return NotFound();
        }

        var found = await db.Documents.AsNoTracking().Where(d => d.Id == plan.DocumentId)
            .Join(db.OrgUnits, d => d.OwnerUnitId, o => o.Id, (d, o) => new { d, o.AncestorPath }).FirstAsync(ct);
        var scope = (await currentUser.GetScopeAsync(ct))!;
        if (!DocumentAccessRules.CanRead(scope, found.AncestorPath, found.d.OwnerUnitId))
        {
            return this.ForbidScope();
        }

        Plan = plan;
        Document = found.d;
        Today = VietnamClock.Today(clock);
        Targets = await db.PlanTargets.AsNoTracking().Where(t => t.PlanId == id).OrderBy(t => t.Id).ToListAsync(ct);
        var rows = (await measuring.Query().Where(t => t.PlanId == id).ToListAsync(ct)).Select(t => t.ToRow()).ToList();
        Statuses = (await measuring.ReadAsync(rows, ct)).ToDictionary(s => s.Target.Id);
        // A plan's tasks: those assigned from it, and for an adopted plan those of the parent led by this unit.
        var parentDocumentId = plan.ParentPlanId is { } pp ? await db.Plans.Where(p => p.Id == pp).Select(p => (int?)p.DocumentId).FirstOrDefaultAsync(ct) : null;
        if (plan.ParentPlanId is { } parentPlanId && parentDocumentId is not null)
        {
            Parent = (parentPlanId, await db.Documents.Where(d => d.Id == parentDocumentId).Select(d => d.Code).FirstAsync(ct));
        }

        if (plan.RequiresAdoption)
        {
            Adoption = await commands.AdoptionAsync(plan, ct);
        }

        Tasks = await (await db.WorkItemDeadlines.AsNoTracking().VisibleToAsync(db, scope, ct))
            .Where(d => db.WorkItems.Any(w => w.Id == d.WorkItemId
                && (w.SourceDocumentId == found.d.Id || (parentDocumentId != null && w.SourceDocumentId == parentDocumentId && w.LeadUnitId == plan.OwnerUnitId))))
            .OrderBy(d => d.DueOn).ThenBy(d => d.Id).ToRows(db).Take(500).ToListAsync(ct);
        return null;
    }
}
