using DanVan.Data;
using DanVan.Domain.Access;
using DanVan.Domain.Cases;
using DanVan.Domain.Text;
using DanVan.Features.Shared;
using DanVan.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Features.Cases;

/// <summary>One case: its facts, its deadline with the article behind it, its timeline and the next step.</summary>
public class DetailsModel(AppDbContext db, CurrentUser currentUser, CaseCommands commands, TimeProvider clock) : CaseFieldNamesPageModel
{
    public sealed class StepInput
    {
        public CaseAction? Action { get; set; }

        public string? On { get; set; }

        public string? Reason { get; set; }

        public string? ToBody { get; set; }

        public int? Days { get; set; }

        public bool Signed { get; set; }

        public Guid Stamp { get; set; }
    }

    [BindProperty]
    public StepInput Input { get; set; } = new();

    [BindProperty]
    public string? HandlerUserId { get; set; }

    public CitizenCase Case { get; private set; } = null!;


    public string UnitName { get; private set; } = "";

    public string? HandlerName { get; private set; }

    public bool CanHandle { get; private set; }

    public bool CanAssign { get; private set; }

    public bool CanSeePersonalData { get; private set; }

    public bool CanReveal { get; private set; }

    public bool HasSealedIdentity { get; private set; }

    public DenouncerIdentity? Revealed { get; private set; }

    public IReadOnlyList<CaseAction> Allowed { get; private set; } = [];

    public List<(string Id, string Name)> Staff { get; private set; } = [];

    public DateOnly Today { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } failed)
        {
            return failed;
        }

        Input.On = VietnameseText.FormatDate(Today);
        Input.Stamp = Case.ConcurrencyStamp;
        await LogPersonalDataReadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostStepAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } failed)
        {
            return failed;
        }

        if (!CanHandle)
        {
            return Forbid();
        }

        var on = PageResults.ParseDate(ModelState, "Input.On", Input.On, "ngày thực hiện", required: true);
        if (Input.Action is null || !Enum.IsDefined(Input.Action.Value))
        {
            ModelState.AddModelError("Input.Action", "Vui lòng chọn việc cần làm.");
        }

        if (!ModelState.IsValid || on is null)
        {
            return Page();
        }

        var scope = (await currentUser.GetScopeAsync(ct))!;
        var result = await commands.StepAsync(scope, id, new CaseCommand
        {
            Action = Input.Action!.Value, On = on.Value, Reason = Input.Reason, ToBody = Input.ToBody, Days = Input.Days, Signed = Input.Signed,
        }, Input.Stamp, ct);
        if (result.IsOk)
        {
            TempData["Message"] = $"Đã ghi: {CaseRules.Label(Input.Action.Value)} ngày {VietnameseText.FormatDate(on)}."
                + (result.Value!.DueOn is { } due ? $" Hạn tiếp theo: {VietnameseText.FormatDate(due)}." : "");
            return Redirect($"/Cases/Details/{id}");
        }

        return this.Failure(result) ?? Page();
    }

    public async Task<IActionResult> OnPostAssignAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } failed)
        {
            return failed;
        }

        var scope = (await currentUser.GetScopeAsync(ct))!;
        var result = await commands.AssignAsync(scope, id, HandlerUserId, ct);
        if (result.IsOk)
        {
            TempData["Message"] = "Đã giao cán bộ thụ lý.";
            return Redirect($"/Cases/Details/{id}");
        }

        return this.Failure(result, prefix: "") ?? Page();
    }

    public async Task<IActionResult> OnPostRevealAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } failed)
        {
            return failed;
        }

        var scope = (await currentUser.GetScopeAsync(ct))!;
        var result = await commands.RevealAsync(scope, id, HttpContext.Connection.RemoteIpAddress?.ToString() ?? "", ct);
        if (result.Status == ResultStatus.Forbidden)
        {
            return Forbid();
        }

        if (result.IsOk)
        {
            Revealed = result.Value;
            Response.Headers.CacheControl = "no-store";
            return Page();
        }

        return this.Failure(result) ?? Page();
    }

    /// <summary>Giấy biên nhận, printed again with a new security key (the old one stops working).</summary>
    public async Task<IActionResult> OnPostReceiptAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } failed)
        {
            return failed;
        }

        var scope = (await currentUser.GetScopeAsync(ct))!;
        var key = await commands.ReissueKeyAsync(scope, id, ct);
        if (this.Failure(key) is { } failure)
        {
            return failure;
        }

        return await NoticeAsync(CaseNoticeDocx.Kind.Receipt, key.Value, ct);
    }

    /// <summary>Thông báo thụ lý once the case is accepted; with a step, the notice that step gives rise to (phiếu chuyển đơn…).</summary>
    public async Task<IActionResult> OnGetNoticeAsync(int id, long? step, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } failed)
        {
            return failed;
        }

        var row = step is null ? null : Case.Steps.FirstOrDefault(s => s.Id == step);
        if (step is not null && (row?.Action is not { } action || CaseNoticeDocx.For(action) is null))
        {
            return NotFound();
        }

        var kind = row is null ? CaseNoticeDocx.Kind.Acceptance : CaseNoticeDocx.For(row.Action!.Value)!.Value;
        if (!CanSeePersonalData || (Case.Kind == CaseKind.Denunciation && !CaseNoticeDocx.AllowedForDenunciation(kind)))
        {
            return Forbid();
        }

        if (kind == CaseNoticeDocx.Kind.Acceptance && Case.AcceptedOn is null)
        {
            ModelState.AddModelError("", "Đơn chưa được thụ lý: chưa có thông báo thụ lý để in.");
            return Page();
        }

        return await NoticeAsync(kind, null, ct, row);
    }

    private async Task<IActionResult> NoticeAsync(CaseNoticeDocx.Kind kind, string? key, CancellationToken ct, CaseStep? step = null)
    {
        var (unit, place) = await Shared.DocumentPlace.OfUnitAsync(db, Case.UnitId, ct);
        var stream = new MemoryStream();
        CaseNoticeDocx.Write(stream, kind, new CaseNoticeDocx.Facts(Case, unit.Name, unit.Kind, null, place, Today, key, step));
        stream.Position = 0;
        await LogPersonalDataReadAsync(ct);
        Response.Headers.CacheControl = "no-store";
        return File(stream, "application/vnd.openxmlformats-officedocument.wordprocessingml.document", CaseNoticeDocx.FileName(kind, Case.Code));
    }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        var scope = (await currentUser.GetScopeAsync(ct))!;
        var row = await db.Cases.AsNoTracking().Include(c => c.Steps).FirstOrDefaultAsync(c => c.Id == id, ct);
        if (row is null || !await commands.CanReadAsync(scope, row, ct))
        {
            return NotFound();
        }

        Case = row;
        Today = VietnamClock.Today(clock);
        UnitName = await db.OrgUnits.Where(u => u.Id == row.UnitId).Select(u => u.Name).SingleAsync(ct);
        HandlerName = row.HandlerUserId is null ? null : await db.Users.Where(u => u.Id == row.HandlerUserId).Select(u => u.FullName).FirstOrDefaultAsync(ct);
        var reference = new CaseAccessRules.CaseRef(row.UnitId, "", row.HandlerUserId);
        CanHandle = CaseAccessRules.CanHandle(scope, row.UnitId);
        CanAssign = CaseAccessRules.CanAssign(scope, row.UnitId) && !CaseRules.IsFinal(row.State);
        CanSeePersonalData = CaseAccessRules.CanSeePersonalData(scope, reference);
        CanReveal = row.Kind == CaseKind.Denunciation && CaseAccessRules.CanRevealDenouncer(scope, reference);
        HasSealedIdentity = row.Kind == CaseKind.Denunciation && await db.CaseIdentities.AnyAsync(i => i.CaseId == id, ct);
        Allowed = CanHandle ? CaseRules.Allowed(await commands.FactsAsync(row, ct)) : [];
        if (CanAssign)
        {
            Staff = (await db.Users.AsNoTracking().Where(u => u.OrgUnitId == row.UnitId).OrderByVietnamese(db, u => u.FullName!).Select(u => new { u.Id, u.FullName }).Take(500).ToListAsync(ct))
                .Select(u => (u.Id, u.FullName)).ToList();
        }

        return null;
    }

    /// <summary>A complainant's or petitioner's personal data shown to the unit's staff: the read is in the audit trail.</summary>
    private async Task LogPersonalDataReadAsync(CancellationToken ct)
    {
        if (!CanSeePersonalData || Case.SenderName is null)
        {
            return;
        }

        var scope = (await currentUser.GetScopeAsync(ct))!;
        await commands.LogReadAsync(scope, Case, "read", nameof(CitizenCase), new Dictionary<string, string> { ["case"] = Case.Code, ["fields"] = "người gửi" }, ct);
    }
}
