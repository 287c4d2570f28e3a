using DanVan.Data;
using DanVan.Domain.Access;
using DanVan.Domain.Reports;
using DanVan.Domain.Units;
using DanVan.Features.Shared;
using DanVan.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Features.Reports;

/// <summary>A unit's report for a period: figures (pre-filled where DanVan knows them), narrative by the outline, files; submit; accept or return.</summary>
[RequestFormLimits(MultipartBodyLengthLimit = 30L * 1024 * 1024)]
[RequestSizeLimit(30L * 1024 * 1024)]
public class SubmissionModel(AppDbContext db, CurrentUser currentUser, ReportCommands commands, TimeProvider clock, IConfiguration configuration) : PageModel
{
    public const long MaxFileBytes = 20L * 1024 * 1024;

    public const string AcceptedKinds = "Chỉ nhận tệp PDF, Word (.docx), Excel (.xlsx) hoặc ảnh JPEG, PNG (kể cả khi đổi đuôi tệp).";

    [BindProperty(SupportsGet = true)]
    public int Id { get; set; }

    [BindProperty(Name = nameof(Values))] // named: without fields of its own it stays empty, never reads the other fields as keys
    public Dictionary<int, string?> Values { get; set; } = [];

    [BindProperty(Name = nameof(Reasons))] // named: without fields of its own it stays empty, never reads the other fields as keys
    public Dictionary<int, string?> Reasons { get; set; } = [];

    [BindProperty(Name = nameof(Narrative))] // named: without fields of its own it stays empty, never reads the other fields as keys
    public Dictionary<int, string?> Narrative { get; set; } = [];

    [BindProperty]
    public Guid Stamp { get; set; }

    [BindProperty]
    public string? Comment { get; set; }

    /// <summary>A new due date for this unit alone (dd/MM/yyyy) and its reason.</summary>
    [BindProperty]
    public string? ExtendDueOn { get; set; }

    [BindProperty]
    public string? ExtendReason { get; set; }

    public bool CanApprove { get; private set; }

    public bool CanExtend { get; private set; }

    public bool RequiresHeadApproval { get; private set; }

    public DateOnly DueOn { get; private set; }

    /// <summary>The same unit's report of the regime's previous period (read-only beside this one's figures).</summary>
    public string? PreviousLabel { get; private set; }

    public bool PreviousCounted { get; private set; }

    public Dictionary<int, decimal?> Previous { get; private set; } = [];

    public List<ReportDueChange> DueChanges { get; private set; } = [];

    public ReportSubmission Submission { get; private set; } = null!;

    public ReportPeriod Period { get; private set; } = null!;

    public OrgUnit Unit { get; private set; } = null!;

    public List<ReportIndicator> Indicators { get; private set; } = [];

    public List<ReportSection> Sections { get; private set; } = [];

    public Dictionary<int, ReportValue> Stored { get; private set; } = [];

    public Dictionary<int, decimal?> Computed { get; private set; } = [];

    public List<ReportVersion> Versions { get; private set; } = [];

    public List<(int Id, string Name, long Size)> Attachments { get; private set; } = [];

    public bool CanEdit { get; private set; }

    public bool CanDecide { get; private set; }

    public bool Late { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } denied)
        {
            return denied;
        }

        if (CanEdit)
        {
            await commands.RefreshPrefillAsync(Id, ct); // what the unit did since the period opened
            Stored = await db.ReportValues.AsNoTracking().Where(v => v.SubmissionId == Id).ToDictionaryAsync(v => v.IndicatorId, ct);
        }

        Stamp = Submission.ConcurrencyStamp;
        foreach (var i in Indicators.Where(i => !i.IsComputed))
        {
            Values[i.Id] = Stored.TryGetValue(i.Id, out var v) && v.Value is { } x ? ReportMath.Format((decimal)x).Replace(".", "", StringComparison.Ordinal) : null;
            Reasons[i.Id] = Stored.TryGetValue(i.Id, out var r) ? r.OverrideReason : null;
        }

        foreach (var n in await db.ReportNarratives.AsNoTracking().Where(n => n.SubmissionId == Id).ToListAsync(ct))
        {
            Narrative[n.SectionId] = n.Text;
        }

        return Page();
    }

    public Task<IActionResult> OnPostSaveAsync(List<IFormFile>? files, CancellationToken ct) => SaveAsync(false, files, ct);

    public Task<IActionResult> OnPostSubmitAsync(List<IFormFile>? files, CancellationToken ct) => SaveAsync(true, files, ct);

    public async Task<IActionResult> OnPostApproveAsync(bool approve, CancellationToken ct)
    {
        var scope = (await currentUser.GetScopeAsync(ct))!;
        return await DecisionAsync(() => commands.ApproveAsync(scope, Id, approve, Comment, Stamp, ct),
            approve ? "Đã duyệt báo cáo và gửi đơn vị nhận." : "Đã trả lại báo cáo cho cán bộ chỉnh sửa.", ct);
    }

    public async Task<IActionResult> OnPostExtendAsync(CancellationToken ct)
    {
        ModelState.Clear();
        var scope = (await currentUser.GetScopeAsync(ct))!;
        var periodId = await db.ReportSubmissions.Where(s => s.Id == Id).Select(s => (int?)s.PeriodId).FirstOrDefaultAsync(ct);
        if (periodId is null)
        {
            return NotFound();
        }

        var due = PageResults.ParseDate(ModelState, nameof(ExtendDueOn), ExtendDueOn, "hạn nộp mới", required: true);
        Result<ReportDueChange>? result = ModelState.IsValid ? await commands.ExtendAsync(scope, new ExtendDueCommand(periodId.Value, Id, due, ExtendReason), ct) : null;
        if (result?.Status is Infrastructure.ResultStatus.NotFound or Infrastructure.ResultStatus.Forbidden)
        {
            return this.Failure(result)!;
        }

        if (result is null || !result.IsOk)
        {
            if (await LoadAsync(ct) is { } denied)
            {
                return denied;
            }

            await RefillAsync(ct);
            foreach (var (field, messages) in result?.Errors ?? new Dictionary<string, string[]>())
            {
                foreach (var m in messages)
                {
                    ModelState.AddModelError(field.Length == 0 ? "" : "Extend" + field, m);
                }
            }

            return Page();
        }

        TempData["Message"] = $"Đã gia hạn nộp báo cáo của đơn vị đến {Domain.Text.VietnameseText.FormatDate(result.Value!.NewDueOn)}.";
        return Redirect($"/Reports/Submission/{Id}");
    }

    public async Task<IActionResult> OnPostDecideAsync(bool accept, CancellationToken ct)
    {
        var scope = (await currentUser.GetScopeAsync(ct))!;
        return await DecisionAsync(() => commands.DecideAsync(scope, Id, accept, Comment, Stamp, ct),
            accept ? "Đã tiếp nhận báo cáo." : "Đã trả lại báo cáo để đơn vị chỉnh sửa.", ct);
    }

    /// <summary>A head's approval or the receiving unit's decision: only the comment and the stamp are posted.</summary>
    private async Task<IActionResult> DecisionAsync<T>(Func<Task<Infrastructure.Result<T>>> decide, string done, CancellationToken ct)
    {
        ModelState.Clear(); // the report's fields are not part of this form
        var result = await decide();
        if (result.Status == Infrastructure.ResultStatus.Invalid)
        {
            if (await LoadAsync(ct) is { } denied)
            {
                return denied;
            }

            await RefillAsync(ct);
        }

        if (this.Failure(result, prefix: "") is { } failure)
        {
            return failure;
        }

        TempData["Message"] = done;
        return Redirect($"/Reports/Submission/{Id}");
    }

    public async Task<IActionResult> OnGetFileAsync(int fileId, CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } denied)
        {
            return denied;
        }

        var file = await db.ReportAttachments.AsNoTracking().FirstOrDefaultAsync(a => a.Id == fileId && a.SubmissionId == Id, ct);
        return file is null ? NotFound() : File(file.Content, file.ContentType, file.FileName);
    }

    private async Task<IActionResult> SaveAsync(bool submit, List<IFormFile>? files, CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } denied)
        {
            return denied;
        }

        var scope = (await currentUser.GetScopeAsync(ct))!;
        var uploads = new List<(string Name, string Type, byte[] Content)>();
        var validator = new UploadValidator(UploadLimits.From(configuration));
        foreach (var f in files ?? [])
        {
            if (f.Length == 0)
            {
                continue;
            }

            if (f.Length > MaxFileBytes)
            {
                ModelState.AddModelError("", $"Tệp “{f.FileName}” lớn hơn 20 MB.");
                continue;
            }

            using var buffer = new MemoryStream();
            await f.CopyToAsync(buffer, ct);
            var content = buffer.ToArray();
            var check = validator.Check(content);
            if (check.Refusal(AcceptedKinds, UploadKind.Pdf, UploadKind.Docx, UploadKind.Xlsx, UploadKind.Jpeg, UploadKind.Png) is { } refusal)
            {
                ModelState.AddModelError("", $"Không nhận tệp “{Path.GetFileName(f.FileName)}”. {refusal}");
                continue;
            }

            uploads.Add((Path.GetFileName(f.FileName), check.ContentType!, content));
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        await using var tx = await db.BeginOrJoinTransactionAsync(ct);
        var result = await commands.SaveAsync(scope, new SaveReportCommand(Id, Stamp, Values, Reasons, Narrative, submit), ct);
        if (result.IsOk && uploads.Count > 0)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            db.ReportAttachments.AddRange(uploads.Select(u => new ReportAttachment
            {
                SubmissionId = Id, FileName = u.Name, ContentType = u.Type, Content = u.Content, Size = u.Content.Length, UploadedAtUtc = now, UploadedBy = scope.UserName,
            }));
            await db.SaveChangesAsync(ct);
        }

        if (this.Failure(result, prefix: "") is { } failure)
        {
            return failure; // nothing of this post is kept: the transaction is not committed
        }

        await tx.CommitAsync(ct);
        TempData["Message"] = !submit ? "Đã lưu bản nháp."
            : result.Value!.Status == SubmissionStatus.AwaitingApproval ? "Đã nộp báo cáo: chờ lãnh đạo đơn vị duyệt trước khi gửi đơn vị nhận." : "Đã nộp báo cáo.";
        return Redirect($"/Reports/Submission/{Id}");
    }

    private async Task RefillAsync(CancellationToken ct)
    {
        Stamp = Submission.ConcurrencyStamp;
        foreach (var n in await db.ReportNarratives.AsNoTracking().Where(n => n.SubmissionId == Id).ToListAsync(ct))
        {
            Narrative[n.SectionId] = n.Text;
        }

        foreach (var i in Indicators.Where(i => !i.IsComputed))
        {
            Values[i.Id] = Stored.TryGetValue(i.Id, out var v) && v.Value is { } x ? ReportMath.Format((decimal)x).Replace(".", "", StringComparison.Ordinal) : null;
        }
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        var row = await (from s in db.ReportSubmissions
                         join u in db.OrgUnits on s.UnitId equals u.Id
                         join p in db.ReportPeriods on s.PeriodId equals p.Id
                         join r in db.OrgUnits on s.ReceiverUnitId equals r.Id
                         where s.Id == Id
                         select new { s, u, p, ReceiverPath = r.AncestorPath }).AsNoTracking().FirstOrDefaultAsync(ct);
        if (row is null)
        {
            return NotFound();
        }

        var scope = (await currentUser.GetScopeAsync(ct))!;
        if (!ReportAccessRules.CanRead(scope, row.u.AncestorPath, row.u.Id))
        {
            return Forbid();
        }

        (Submission, Unit, Period) = (row.s, row.u, row.p);
        CanEdit = ReportAccessRules.CanEdit(scope, row.u.AncestorPath, row.u.Id) && row.p.ClosedAtUtc is null
            && row.s.Status is SubmissionStatus.Pending or SubmissionStatus.Returned;
        CanDecide = ReportAccessRules.CanDecide(scope, row.ReceiverPath, row.s.ReceiverUnitId) && row.s.Status == SubmissionStatus.Submitted;
        CanApprove = ReportAccessRules.CanApprove(scope, row.u.Id) && row.s.Status == SubmissionStatus.AwaitingApproval && row.p.ClosedAtUtc is null;
        var owner = await db.OrgUnits.AsNoTracking().Where(o => o.Id == row.p.OwnerUnitId).Select(o => new { o.Id, o.AncestorPath }).FirstAsync(ct);
        CanExtend = ReportAccessRules.CanOpen(scope, owner.AncestorPath, owner.Id) && row.p.ClosedAtUtc is null;
        RequiresHeadApproval = await db.ReportRegimes.AsNoTracking().Where(r => r.Id == row.p.RegimeId).Select(r => r.RequiresHeadApproval).FirstAsync(ct);
        DueOn = ReportDueDates.Effective(row.p.DueOn, row.s.OwnDueOn);
        Late = ReportQueries.IsLate(row.p, row.s.OwnDueOn, row.s.Status, row.s.SubmittedAtUtc, VietnamClock.Today(clock));
        DueChanges = await db.ReportDueChanges.AsNoTracking().Where(c => c.PeriodId == row.p.Id && (c.SubmissionId == null || c.SubmissionId == Id))
            .OrderByDescending(c => c.ChangedAtUtc).Take(20).ToListAsync(ct);
        var previous = await (from s in db.ReportSubmissions.AsNoTracking()
                              join p in db.ReportPeriods on s.PeriodId equals p.Id
                              where s.UnitId == row.u.Id && p.RegimeId == row.p.RegimeId && p.Id != row.p.Id && p.CutoffOn < row.p.CutoffOn
                              orderby p.CutoffOn descending
                              select new { s.Id, s.Status, p.Label }).FirstOrDefaultAsync(ct);
        if (previous is not null)
        {
            PreviousLabel = previous.Label;
            PreviousCounted = previous.Status is SubmissionStatus.Submitted or SubmissionStatus.Accepted;
            if (PreviousCounted)
            {
                Previous = await db.ReportValues.AsNoTracking().Where(v => v.SubmissionId == previous.Id)
                    .ToDictionaryAsync(v => v.IndicatorId, v => v.Value is { } d ? (decimal?)(decimal)d : null, ct);
            }
        }

        Indicators = await db.ReportIndicators.AsNoTracking().Where(i => i.RegimeId == row.p.RegimeId).OrderBy(i => i.Order).ToListAsync(ct);
        Sections = await db.ReportSections.AsNoTracking().Where(x => x.RegimeId == row.p.RegimeId).OrderBy(x => x.Order).ToListAsync(ct);
        Stored = await db.ReportValues.AsNoTracking().Where(v => v.SubmissionId == Id).ToDictionaryAsync(v => v.IndicatorId, ct);
        Computed = ReportMath.Complete(Indicators.Select(IndicatorDef.From).ToList(), Stored.ToDictionary(kv => kv.Key, kv => kv.Value.Value is { } d ? (decimal?)(decimal)d : null));
        if (PreviousCounted)
        {
            Previous = ReportMath.Complete(Indicators.Select(IndicatorDef.From).ToList(), Previous);
        }

        Versions = await db.ReportVersions.AsNoTracking().Where(v => v.SubmissionId == Id).OrderByDescending(v => v.Version).ToListAsync(ct);
        Attachments = (await db.ReportAttachments.AsNoTracking().Where(a => a.SubmissionId == Id).OrderBy(a => a.Id)
            .Select(a => new { a.Id, a.FileName, a.Size }).ToListAsync(ct)).Select(a => (a.Id, a.FileName, a.Size)).ToList();
        return null;
    }
}
