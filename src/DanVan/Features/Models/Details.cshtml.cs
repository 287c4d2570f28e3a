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

/// <summary>One model: its registration, milestones, timeline, where it was copied, and the next steps open to the user.</summary>
[RequestFormLimits(MultipartBodyLengthLimit = 12L * 1024 * 1024)]
[RequestSizeLimit(12L * 1024 * 1024)]
public class DetailsModel(AppDbContext db, CurrentUser currentUser, ModelCommands commands, TimeProvider clock) : PageModel
{
    public sealed class StepInput
    {
        public ModelAction? Action { get; set; }

        public string? On { get; set; }

        public string? Note { get; set; }

        public int? Score { get; set; }

        /// <summary>A review's points per criterion code (inputs named Input.Points[code]).</summary>
        public Dictionary<string, int?> Points { get; set; } = [];

        public string? LevelCode { get; set; }

        public int? MilestoneId { get; set; }

        public Guid Stamp { get; set; }
    }

    public sealed record Copy(int Id, string UnitName, ModelStatus State, string? LevelCode, DateOnly RegisteredOn);

    [BindProperty]
    public StepInput Input { get; set; } = new();

    [BindProperty]
    public IFormFile? Evidence { get; set; }

    public MobilizationModel Row { get; private set; } = null!;

    public string UnitName { get; private set; } = "";

    public string BodyName { get; private set; } = "";

    public string FieldName { get; private set; } = "";

    public Dictionary<string, string> LevelNames { get; private set; } = [];

    public List<RecognitionLevel> Levels { get; private set; } = [];

    /// <summary>The review criteria in force today for this model (the review form asks points for each).</summary>
    public List<ModelReviewCriterion> Criteria { get; private set; } = [];

    public ILookup<long, ModelReviewScore> ScoresByStep { get; private set; } = Array.Empty<ModelReviewScore>().ToLookup(s => s.StepId);

    public Dictionary<int, string> UnitNames { get; private set; } = [];

    public Dictionary<long, (int Id, string FileName)> EvidenceByStep { get; private set; } = [];

    public (int Id, string Name, string UnitName)? Source { get; private set; }

    public List<Copy> Copies { get; private set; } = [];

    public IReadOnlyList<ModelAction> Allowed { get; private set; } = [];

    public bool CanEdit { get; private set; }

    /// <summary>The app's clock, for the dates the page writes into its forms.</summary>
    public TimeProvider Clock => clock;

    public bool CanReplicate { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } failed)
        {
            return failed;
        }

        Input.On = VietnameseText.FormatDate(VietnamClock.Today(clock));
        Input.Stamp = Row.ConcurrencyStamp;
        return Page();
    }

    public async Task<IActionResult> OnPostStepAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } failed)
        {
            return failed;
        }

        var on = PageResults.ParseDate(ModelState, "Input.On", Input.On, "ngày thực hiện", required: true);
        if (Input.Action is null || !Enum.IsDefined(Input.Action.Value))
        {
            ModelState.AddModelError("Input.Action", "Vui lòng chọn việc cần làm.");
        }

        Documents.UploadedFile? evidence = null;
        if (Evidence is { Length: > 0 })
        {
            if (Evidence.Length > commands.MaxEvidenceBytes)
            {
                ModelState.AddModelError("Evidence", $"Tệp minh chứng quá lớn: tối đa {commands.MaxEvidenceBytes / (1024 * 1024)} MB.");
            }
            else
            {
                evidence = await Documents.UploadedFile.ReadAsync(Evidence, ct);
            }
        }

        if (!ModelState.IsValid || on is null)
        {
            return Page();
        }

        var scope = (await currentUser.GetScopeAsync(ct))!;
        var result = await commands.StepAsync(scope, id,
            new ModelStepRequest(Input.Action!.Value, on.Value, Input.Note, Input.Score, Input.LevelCode, Input.MilestoneId, evidence, Input.Points), Input.Stamp, ct);
        if (result.IsOk)
        {
            TempData["Message"] = $"Đã ghi: {ModelRules.Label(Input.Action.Value)} ngày {VietnameseText.FormatDate(on)}.";
            return Redirect($"/Models/Details/{id}");
        }

        if (result.Errors.TryGetValue("Evidence", out var evidenceErrors))
        {
            ModelState.AddModelError("Evidence", string.Join(" ", evidenceErrors));
        }

        return this.Failure(result) ?? Page();
    }

    /// <summary>Nhân rộng: the user's unit adopts this recognised model as its own registration.</summary>
    public async Task<IActionResult> OnPostReplicateAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } failed)
        {
            return failed;
        }

        var scope = (await currentUser.GetScopeAsync(ct))!;
        var result = await commands.ReplicateAsync(scope, id, null, ct);
        if (result.IsOk)
        {
            TempData["Message"] = "Đã đăng ký nhân rộng mô hình cho đơn vị. Điều chỉnh nội dung cho phù hợp địa bàn trước khi cơ quan nhận đăng ký duyệt.";
            return Redirect($"/Models/Details/{result.Value!.Id}");
        }

        return this.Failure(result, prefix: "") ?? Page();
    }

    /// <summary>Phiếu đăng ký mô hình (.docx, Nghị định 30/2020).</summary>
    public async Task<IActionResult> OnGetDocxAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } failed)
        {
            return failed;
        }

        var (unit, place) = await Shared.DocumentPlace.OfUnitAsync(db, Row.UnitId, ct);
        var stream = new MemoryStream();
        ModelRegistrationDocx.Write(stream, new ModelRegistrationDocx.Facts(Row, unit.Name, unit.Kind, BodyName, FieldName, place, VietnamClock.Today(clock)));
        stream.Position = 0;
        return File(stream, "application/vnd.openxmlformats-officedocument.wordprocessingml.document", ModelRegistrationDocx.FileName(Row));
    }

    public async Task<IActionResult> OnGetEvidenceAsync(int id, int evidenceId, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } failed)
        {
            return failed;
        }

        var file = await db.ModelEvidence.AsNoTracking()
            .Where(e => e.Id == evidenceId && db.ModelSteps.Any(s => s.Id == e.StepId && s.ModelId == id)).FirstOrDefaultAsync(ct);
        return file is null ? NotFound() : File(file.Content, file.ContentType, file.FileName);
    }

    public string LevelName(string? code) => code is null ? "" : LevelNames.GetValueOrDefault(code, code);

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        var scope = (await currentUser.GetScopeAsync(ct))!;
        var row = await db.MobilizationModels.AsNoTracking().Include(m => m.Milestones).Include(m => m.Steps).AsSplitQuery().FirstOrDefaultAsync(m => m.Id == id, ct);
        if (row is null || await commands.RefOfAsync(row, ct) is not { } reference || !ModelAccessRules.CanRead(scope, reference))
        {
            return NotFound();
        }

        Row = row;
        var today = VietnamClock.Today(clock);
        var stepUnits = row.Steps.Select(s => s.ByUnitId).Append(row.UnitId).Append(row.RegisteredWithUnitId).Distinct().ToList();
        UnitNames = await db.OrgUnits.AsNoTracking().Where(u => stepUnits.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        UnitName = UnitNames.GetValueOrDefault(row.UnitId, "");
        BodyName = UnitNames.GetValueOrDefault(row.RegisteredWithUnitId, "");
        FieldName = await db.ModelFields.AsNoTracking().Where(f => f.Code == row.FieldCode).OrderByDescending(f => f.ValidFrom).Select(f => f.Name).FirstOrDefaultAsync(ct) ?? row.FieldCode;
        LevelNames = await db.RecognitionLevels.AsNoTracking().GroupBy(f => f.Code).Select(g => new { g.Key, Name = g.OrderByDescending(f => f.ValidFrom).Select(f => f.Name).First() })
            .ToDictionaryAsync(x => x.Key, x => x.Name, StringComparer.Ordinal, ct);
        Levels = await commands.LevelsInForceAsync(today, ct);
        Criteria = await commands.CriteriaInForceAsync(today, row.Subject, ct);
        var stepIds = row.Steps.Select(s => s.Id).ToList();
        var reviewIds = row.Steps.Where(s => s.Action == ModelAction.Review).Select(s => s.Id).ToList();
        ScoresByStep = (await db.ModelReviewScores.AsNoTracking().Where(s => reviewIds.Contains(s.StepId)).ToListAsync(ct)).OrderBy(s => s.CriterionCode, StringComparer.Ordinal)
            .ToLookup(s => s.StepId);
        EvidenceByStep = (await db.ModelEvidence.AsNoTracking().Where(e => stepIds.Contains(e.StepId)).Select(e => new { e.StepId, e.Id, e.FileName }).ToListAsync(ct))
            .ToDictionary(e => e.StepId, e => (e.Id, e.FileName));
        if (row.ReplicatedFromId is { } sourceId)
        {
            var source = await (await db.MobilizationModels.AsNoTracking().Where(m => m.Id == sourceId).VisibleToAsync(db, scope, ct))
                .Select(m => new { m.Id, m.Name, Unit = db.OrgUnits.Where(o => o.Id == m.UnitId).Select(o => o.Name).First() }).FirstOrDefaultAsync(ct);
            Source = source is null ? null : (source.Id, source.Name, source.Unit);
        }

        Copies = await (await db.MobilizationModels.AsNoTracking().Where(m => m.ReplicatedFromId == id).VisibleToAsync(db, scope, ct)).OrderBy(m => m.RegisteredOn)
            .Select(m => new Copy(m.Id, db.OrgUnits.Where(o => o.Id == m.UnitId).Select(o => o.Name).First(), m.State, m.LevelCode, m.RegisteredOn)).Take(200).ToListAsync(ct);
        Allowed = ModelRules.Allowed(row.State).Where(a => a switch
        {
            ModelAction.Approve or ModelAction.Return or ModelAction.Remove => ModelAccessRules.CanApprove(scope, reference),
            ModelAction.Launch or ModelAction.Progress => ModelAccessRules.CanRun(scope, reference),
            ModelAction.Review => ModelAccessRules.CanReview(scope, reference) && scope.UnitId != row.UnitId,
            ModelAction.Recognise or ModelAction.Commend => ModelAccessRules.CanRecognise(scope, reference),
            _ => false,
        }).ToList();
        CanEdit = row.State == ModelStatus.Returned && ModelAccessRules.CanRun(scope, reference);
        CanReplicate = ModelAccessRules.CanReplicate(scope, reference) && ModelRules.CheckReplication(row.State, row.UnitId, scope.UnitId) is null;
        return null;
    }
}
