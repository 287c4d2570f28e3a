using DanVan.Data;
using DanVan.Domain.Access;
using DanVan.Domain.Models;
using DanVan.Domain.Text;
using DanVan.Features.Shared;
using DanVan.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Features.Models;

/// <summary>Hoàn thiện đăng ký: the unit corrects a returned registration and sends it again.</summary>
public class EditModel(AppDbContext db, CurrentUser currentUser, ModelCommands commands, TimeProvider clock) : PageModel
{
    [BindProperty]
    public ModelForm Input { get; set; } = new();

    [BindProperty]
    public Guid Stamp { get; set; }

    public MobilizationModel Row { get; private set; } = null!;

    public string? ReturnReason { get; private set; }

    public IReadOnlyList<ModelField> Fields { get; private set; } = [];

    public IReadOnlyList<(int Id, string Name)> Bodies { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } failed)
        {
            return failed;
        }

        var r = Row;
        Input = new ModelForm
        {
            Kind = r.Kind, Subject = r.Subject, FieldCode = r.FieldCode, RegisteredWithUnitId = r.RegisteredWithUnitId, Name = r.Name, Situation = r.Situation,
            Objectives = r.Objectives, Content = r.Content, AreaAndTargets = r.AreaAndTargets, Forces = r.Forces, Resources = r.Resources,
            StartOn = VietnameseText.FormatDate(r.StartOn), EvaluationOn = VietnameseText.FormatDate(r.EvaluationOn), Outputs = r.Outputs, Sustainability = r.Sustainability,
            Milestones = r.Milestones.OrderBy(m => m.Order).Select(m => new MilestoneInput { Title = m.Title, DueOn = VietnameseText.FormatDate(m.DueOn) }).ToList(),
        };
        Stamp = r.ConcurrencyStamp;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } failed)
        {
            return failed;
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var scope = (await currentUser.GetScopeAsync(ct))!;
        var result = await commands.ResubmitAsync(scope, id, Input, Stamp, ct);
        if (this.Failure(result) is { } failure)
        {
            return failure;
        }

        TempData["Message"] = "Đã hoàn thiện và gửi lại đăng ký để duyệt.";
        return Redirect($"/Models/Details/{id}");
    }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        var scope = (await currentUser.GetScopeAsync(ct))!;
        var row = await db.MobilizationModels.AsNoTracking().Include(m => m.Milestones).Include(m => m.Steps).AsSplitQuery().FirstOrDefaultAsync(m => m.Id == id, ct);
        if (row is null || await commands.RefOfAsync(row, ct) is not { } reference || !ModelAccessRules.CanRead(scope, reference))
        {
            return NotFound();
        }

        if (!ModelAccessRules.CanRun(scope, reference))
        {
            return Forbid();
        }

        Row = row;
        ReturnReason = row.Steps.Where(s => s.Action == ModelAction.Return).OrderByDescending(s => s.Id).Select(s => s.Note).FirstOrDefault();
        Fields = await commands.FieldsInForceAsync(VietnamClock.Today(clock), ct);
        Bodies = await commands.BodiesForAsync(scope, ct);
        return null;
    }
}
