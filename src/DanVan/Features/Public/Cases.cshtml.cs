using System.Security.Cryptography;
using System.Text;
using DanVan.Data;
using DanVan.Domain.Cases;
using DanVan.Features.Cases;
using DanVan.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Features.Public;

/// <summary>
/// Tra cứu đơn: a citizen enters the code and the security key printed on the receipt and sees where the case stands
/// and its next deadline — nothing personal, not even the summary. A wrong code and a wrong key get the same answer
/// in the same time, and a code tried too often is refused for everyone for a while (the receipt key has 32⁸ values).
/// </summary>
[IgnoreAntiforgeryToken] // an anonymous read: a forged request could only look up what its sender already knows
public class CasesModel(AppDbContext db, LoginThrottle throttle) : PageModel
{
    private static readonly string Dummy = CaseCommands.HashAccessKey("không-có-mã");

    [BindProperty]
    public string? Code { get; set; }

    [BindProperty]
    public string? Key { get; set; }

    public PublicCaseView? Found { get; private set; }

    public string? Error { get; private set; }

    public sealed record PublicCaseView(string Code, string Kind, string Unit, DateOnly ReceivedOn, string State, DateOnly? DueOn, string? DueBasis,
        DateOnly? ClosedOn, IReadOnlyList<(DateOnly On, string What)> Steps);

    public void OnGet()
    {
        // The empty form is the same for everyone: shared caches may keep it.
        Response.Headers.CacheControl = "public, max-age=300";
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Response.Headers.CacheControl = "no-store";
        var code = (Code ?? "").Trim().ToUpperInvariant();
        var key = (Key ?? "").Trim();
        if (code.Length is 0 or > 60 || key.Length is 0 or > 20)
        {
            Error = "Vui lòng nhập mã đơn và mã bảo mật in trên phiếu biên nhận.";
            return Page();
        }

        var throttleKey = "case-lookup:" + code;
        if (throttle.IsBlocked(throttleKey))
        {
            Error = NotFoundMessage;
            return Page();
        }

        var row = await db.Cases.AsNoTracking().Where(c => c.Code == code)
            .Select(c => new { c.Id, c.Code, c.AccessKeyHash, c.Kind, c.UnitId, c.ReceivedOn, c.State, c.DueOn, c.DueExplanation, c.ClosedOn })
            .FirstOrDefaultAsync(ct);
        var expected = Encoding.ASCII.GetBytes(row?.AccessKeyHash ?? Dummy);
        var given = Encoding.ASCII.GetBytes(CaseCommands.HashAccessKey(key));
        if (row is null || !CryptographicOperations.FixedTimeEquals(expected, given))
        {
            throttle.RecordFailure(throttleKey);
            Error = NotFoundMessage;
            return Page();
        }

        var unit = await db.OrgUnits.Where(u => u.Id == row.UnitId).Select(u => u.Name).SingleAsync(ct);
        var steps = await db.CaseSteps.AsNoTracking().Where(s => s.CaseId == row.Id).OrderBy(s => s.On).ThenBy(s => s.Id)
            .Select(s => new { s.On, s.Action, s.StateAfter }).ToListAsync(ct);
        Found = new PublicCaseView(row.Code, CaseRules.Label(row.Kind), unit, row.ReceivedOn, CaseRules.Label(row.State),
            CaseRules.IsFinal(row.State) ? null : row.DueOn, CaseRules.IsFinal(row.State) ? null : row.DueExplanation, row.ClosedOn,
            steps.Select(s => (s.On, s.Action is { } a ? CaseRules.Label(a) : "Tiếp nhận đơn")).ToList());
        return Page();
    }

    public const string NotFoundMessage = "Không tìm thấy đơn với mã đơn và mã bảo mật này. Kiểm tra lại phiếu biên nhận; nếu nhập sai nhiều lần, vui lòng thử lại sau 15 phút.";
}
