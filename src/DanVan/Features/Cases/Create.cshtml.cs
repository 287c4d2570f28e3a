using DanVan.Domain.Access;
using DanVan.Domain.Text;
using DanVan.Features.Shared;
using DanVan.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Features.Cases;

/// <summary>Tiếp nhận đơn: the officer enters a đơn; DanVan gives its code, receipt key and first deadline.</summary>
public class CreateModel(Data.AppDbContext db, CurrentUser currentUser, CaseCommands commands, TimeProvider clock) : PageModel
{
    [BindProperty]
    public CaseIntake Input { get; set; } = new();

    /// <summary>The fields one may file a case under today (table CaseFields), read before any handler runs.</summary>
    public IReadOnlyList<Domain.Cases.CaseField> FieldOptions { get; private set; } = [];

    [NonHandler]
    public override async Task OnPageHandlerExecutionAsync(Microsoft.AspNetCore.Mvc.Filters.PageHandlerExecutingContext context,
        Microsoft.AspNetCore.Mvc.Filters.PageHandlerExecutionDelegate next)
    {
        FieldOptions = await CaseFieldQueries.InForceAsync(db, VietnamClock.Today(clock), HttpContext.RequestAborted);
        await next();
    }

    /// <summary>The reception session the case comes from, as the form names it.</summary>
    public string? FromSession { get; private set; }

    public async Task<IActionResult> OnGetAsync(int? reception, CancellationToken ct)
    {
        var scope = (await currentUser.GetScopeAsync(ct))!;
        if (!CaseAccessRules.CanHandle(scope, scope.UnitId))
        {
            return this.ForbidRole(scope, "tiếp nhận đơn", "cán bộ và lãnh đạo của đơn vị nhận đơn");
        }

        Input.ReceivedOn = VietnameseText.FormatDate(VietnamClock.Today(clock));
        if (reception is { } sessionId)
        {
            // "Tạo đơn" from a reception session: the matter raised there, dated the day of the session.
            var session = await db.ReceptionSessions.AsNoTracking().FirstOrDefaultAsync(s => s.Id == sessionId && s.UnitId == scope.UnitId, ct);
            if (session is null)
            {
                return NotFound();
            }

            Input.ReceptionSessionId = session.Id;
            Input.Source = Domain.Cases.CaseSource.Reception;
            Input.ReceivedOn = VietnameseText.FormatDate(session.On);
            FromSession = $"{Domain.Reception.ReceptionRules.Label(session.Kind)} ngày {VietnameseText.FormatDate(session.On)} do {session.HostPost} {session.HostName} chủ trì";
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var scope = (await currentUser.GetScopeAsync(ct))!;
        if (!ModelState.IsValid)
        {
            return CaseAccessRules.CanHandle(scope, scope.UnitId) ? Page() : Forbid();
        }

        var result = await commands.RegisterAsync(scope, Input, ct);
        if (this.Failure(result) is { } failure)
        {
            return failure;
        }

        TempData["Message"] = $"Đã vào sổ đơn {result.Value!.Case.Code}. Mã bảo mật in trên phiếu biên nhận cho người gửi: {result.Value.AccessKey} (chỉ hiện một lần).";
        return Redirect($"/Cases/Details/{result.Value.Case.Id}");
    }
}
