using DanVan.Data;
using DanVan.Domain.Access;
using DanVan.Domain.Scoring;
using DanVan.Features.Shared;
using DanVan.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Features.Scoring;

/// <summary>
/// A unit's sheet (phiếu tự đánh giá, chấm điểm): measured lines with the records behind them, the unit's points,
/// evidence and explanation, submission; the appraisers' points with reasons; the unit's one objection and the
/// coordinator's decision; the sheet as DOCX.
/// </summary>
[RequestFormLimits(MultipartBodyLengthLimit = 12L * 1024 * 1024)]
[RequestSizeLimit(12L * 1024 * 1024)]
public class SheetModel(AppDbContext db, CurrentUser currentUser, ScoringCommands commands, ScoringQueries queries, TimeProvider clock) : PageModel
{
    [BindProperty]
    public SheetInput Input { get; set; } = new();

    [BindProperty]
    public IFormFile? Evidence { get; set; }

    [BindProperty]
    public int EvidenceLineId { get; set; }

    public SheetView View { get; private set; } = null!;

    public UserScope User0 { get; private set; } = null!;

    public WhatIf? WhatIfResult { get; private set; }

    public string ProvinceName { get; private set; } = "";

    public bool CanFill => ScoringAccessRules.CanFill(User0, View.Sheet.UnitId) && View.Sheet.State == SheetState.Draft && View.Round.State == RoundState.Open;

    public bool CanAppraise => ScoringAccessRules.CanAppraise(User0, View.Unit.AncestorPath, View.Unit.Id) && View.Sheet.State == SheetState.Submitted;

    public bool CanObject => ScoringAccessRules.CanFill(User0, View.Sheet.UnitId) && View.Sheet.State == SheetState.Appraised && View.Sheet.ObjectedAtUtc is null
        && View.ObjectionDue is { } due && VietnamClock.Today(clock) <= due;

    public bool CanDecide => ScoringAccessRules.CanDecide(User0, View.Unit.AncestorPath, View.Unit.Id) && View.Sheet.State == SheetState.Objected;

    public bool CanFollowRound { get; private set; }

    public DateOnly Today => VietnamClock.Today(clock);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        if (CanFill && View.Lines.Any(l => l.Criterion.Method == ScoringMethod.Measured))
        {
            WhatIfResult = await queries.WhatIfAsync(View, ct);
        }

        return Page();
    }

    public Task<IActionResult> OnPostSaveAsync(int id, CancellationToken ct) =>
        RunAsync(id, s => commands.SaveSelfAsync(s, id, Input, ct), "Đã lưu phần tự chấm.", ct);

    public Task<IActionResult> OnPostSubmitAsync(int id, CancellationToken ct) =>
        RunAsync(id, async s =>
        {
            var saved = await commands.SaveSelfAsync(s, id, Input, ct);
            return saved.IsOk ? await commands.SubmitAsync(s, id, saved.Value!.ConcurrencyStamp, ct) : saved;
        }, "Đã nộp hồ sơ tự đánh giá, chấm điểm.", ct);

    public Task<IActionResult> OnPostRemeasureAsync(int id, CancellationToken ct) =>
        RunAsync(id, s => commands.RemeasureAsync(s, id, Input.Stamp, ct), "Đã cập nhật số liệu tự động từ DanVan.", ct);

    public Task<IActionResult> OnPostAppraiseAsync(int id, CancellationToken ct) =>
        RunAsync(id, s => commands.AppraiseAsync(s, id, Input, ct), "Đã lưu kết quả thẩm định; đơn vị được xem và có ý kiến trong thời hạn.", ct);

    public Task<IActionResult> OnPostObjectAsync(int id, CancellationToken ct) =>
        RunAsync(id, s => commands.ObjectAsync(s, id, Input, ct), "Đã gửi ý kiến của đơn vị về kết quả thẩm định.", ct);

    public Task<IActionResult> OnPostDecideAsync(int id, CancellationToken ct) =>
        RunAsync(id, s => commands.DecideAsync(s, id, Input, ct), "Đã kết luận ý kiến của đơn vị; kết quả của phiếu đã chốt.", ct);

    public async Task<IActionResult> OnPostEvidenceAsync(int id, CancellationToken ct)
    {
        var scope = await currentUser.GetScopeAsync(ct);
        if (scope is null)
        {
            return Challenge();
        }

        Documents.UploadedFile? file = null;
        if (Evidence is { Length: > 0 } && Evidence.Length <= commands.MaxEvidenceBytes)
        {
            file = await Documents.UploadedFile.ReadAsync(Evidence, ct);
        }
        else if (Evidence is { Length: > 0 })
        {
            file = new Documents.UploadedFile(Evidence.FileName, new byte[commands.MaxEvidenceBytes + 1]);
        }

        var result = await commands.AddEvidenceAsync(scope, id, EvidenceLineId, file, ct);
        if (result.Status != ResultStatus.Invalid)
        {
            if (this.Failure(result) is { } failure)
            {
                return failure;
            }

            TempData["Message"] = $"Đã đính kèm minh chứng “{Path.GetFileName(Evidence!.FileName)}”.";
            return Redirect($"/Scoring/Sheet/{id}#line-{EvidenceLineId}");
        }

        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        foreach (var m in result.Errors.SelectMany(e => e.Value))
        {
            ModelState.AddModelError("Evidence", m);
        }

        return Page();
    }

    public async Task<IActionResult> OnGetEvidenceFileAsync(int id, int evidenceId, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        var file = await db.ScoreEvidence.AsNoTracking().FirstOrDefaultAsync(e => e.Id == evidenceId && e.SheetId == id, ct);
        return file is null ? NotFound() : File(file.Content, file.ContentType, file.FileName);
    }

    /// <summary>The records behind a measured line, as an htmx fragment (or a page of its own without htmx).</summary>
    public async Task<IActionResult> OnGetRecordsAsync(int id, int lineId, CancellationToken ct)
    {
        var scope = await currentUser.GetScopeAsync(ct);
        var records = scope is null ? null : await queries.RecordsAsync(scope, id, lineId, ct);
        if (records is null)
        {
            return NotFound();
        }

        return Partial("_Records", records.Value);
    }

    public async Task<IActionResult> OnGetDocxAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        var stream = new MemoryStream();
        var (_, place) = await DocumentPlace.OfUnitAsync(db, View.Unit.Id, ct);
        ScoringDocx.WriteSheet(stream, View, place, Today);
        stream.Position = 0;
        return File(stream, "application/vnd.openxmlformats-officedocument.wordprocessingml.document", ScoringDocx.SheetFileName(View));
    }

    /// <summary>The error of one line's field, if any ("Input.Line12.Points").</summary>
    public string? Error(ScoreLine line, string what) =>
        ModelState.TryGetValue($"Input.{ScoringCommands.Key(line, what)}", out var e) && e.Errors.Count > 0 ? string.Join(" ", e.Errors.Select(x => x.ErrorMessage)) : null;

    private async Task<IActionResult> RunAsync(int id, Func<UserScope, Task<Result<ScoreSheet>>> action, string message, CancellationToken ct)
    {
        var scope = await currentUser.GetScopeAsync(ct);
        if (scope is null)
        {
            return Challenge();
        }

        ModelState.Clear(); // the use case validates every field itself, in Vietnamese
        var result = await action(scope);
        if (result.IsOk)
        {
            TempData["Message"] = message;
            return Redirect($"/Scoring/Sheet/{id}");
        }

        if (result.Status == ResultStatus.Forbidden)
        {
            return this.ForbidRole(scope, "thực hiện thao tác này trên phiếu chấm điểm", "đơn vị có phiếu (tự chấm), Sở Nội vụ và Ban Tuyên giáo và Dân vận (thẩm định)");
        }

        if (result.Status == ResultStatus.NotFound || !await LoadAsync(id, ct))
        {
            return NotFound();
        }

        this.Failure(result);
        return Page();
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var scope = await currentUser.GetScopeAsync(ct);
        if (scope is null)
        {
            return false;
        }

        User0 = scope;
        var view = await queries.SheetAsync(scope, id, ct);
        if (view is null)
        {
            return false;
        }

        View = view;
        var province = await db.OrgUnits.AsNoTracking().SingleAsync(u => u.Id == view.Round.ProvinceUnitId, ct);
        ProvinceName = province.Name;
        CanFollowRound = ScoringAccessRules.CanFollowRound(scope, province.AncestorPath, province.Id);
        if (Input.Lines.Count == 0)
        {
            Input.Explanation = view.Sheet.Explanation;
        }

        Input.Stamp = view.Sheet.ConcurrencyStamp;
        return true;
    }

    /// <summary>The value typed last (after a failed post) or stored.</summary>
    public string? Typed(ScoreLine line, Func<LineInput, string?> pick, string? stored) =>
        Input.Lines.FirstOrDefault(l => l.LineId == line.Id) is { } typed ? pick(typed) : stored;
}
