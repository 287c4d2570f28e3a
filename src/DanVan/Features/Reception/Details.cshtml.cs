using DanVan.Data;
using DanVan.Domain.Access;
using DanVan.Domain.Cases;
using DanVan.Domain.Reception;
using DanVan.Domain.Text;
using DanVan.Features.Shared;
using DanVan.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Features.Reception;

/// <summary>One reception session: its schedule, its log (sổ tiếp công dân), the cases raised there; record it or mark it not held.</summary>
public class DetailsModel(AppDbContext db, CurrentUser currentUser, ReceptionCommands commands, TimeProvider clock) : PageModel
{
    [BindProperty]
    public ReceptionLogInput Log { get; set; } = new();

    [BindProperty]
    public string? NotHeldReason { get; set; }

    [BindProperty]
    public Guid Stamp { get; set; }

    public ReceptionSession Session { get; private set; } = null!;

    public string UnitName { get; private set; } = "";

    public bool CanManage { get; private set; }

    public bool CanSeePersonalData { get; private set; }

    public DateOnly Today { get; private set; }

    public List<(int Id, string Code, CaseKind Kind, CaseState State, string Summary)> Cases { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } failed)
        {
            return failed;
        }

        Stamp = Session.ConcurrencyStamp;
        Log = new ReceptionLogInput
        {
            CitizensReceived = Session.CitizensReceived, Groups = Session.Groups, Matters = Session.Matters, Conclusion = Session.Conclusion,
            GroupRepresentatives = CanSeePersonalData ? Session.GroupRepresentatives : null,
        };
        if (CanSeePersonalData && Session.GroupRepresentatives is not null)
        {
            await commands.LogReadAsync((await currentUser.GetScopeAsync(ct))!, Session, ct);
        }

        return Page();
    }

    /// <summary>Thông báo kết luận (DOCX): once the session was held and its conclusion written; readers of the session may print it.</summary>
    public async Task<IActionResult> OnGetNoticeAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } failed)
        {
            return failed;
        }

        if (!ReceptionNoticeDocx.Available(Session))
        {
            ModelState.AddModelError("", "Chưa có thông báo kết luận: buổi tiếp chưa được ghi sổ hoặc chưa có kết luận của người chủ trì.");
            return Page();
        }

        var (unit, place) = await Shared.DocumentPlace.OfUnitAsync(db, Session.UnitId, ct);
        var stream = new MemoryStream();
        ReceptionNoticeDocx.Write(stream, new ReceptionNoticeDocx.Facts(Session, unit.Name, unit.Kind, place, Today));
        stream.Position = 0;
        Response.Headers.CacheControl = "no-store";
        return File(stream, "application/vnd.openxmlformats-officedocument.wordprocessingml.document", ReceptionNoticeDocx.FileName(Session));
    }

    public async Task<IActionResult> OnPostLogAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } failed)
        {
            return failed;
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await commands.LogAsync((await currentUser.GetScopeAsync(ct))!, id, Log, Stamp, ct);
        if (this.Failure(result, prefix: "Log") is { } failure)
        {
            return failure;
        }

        TempData["Message"] = $"Đã ghi sổ buổi tiếp ngày {VietnameseText.FormatDate(Session.On)}: {result.Value!.CitizensReceived} lượt công dân.";
        return Redirect($"/Reception/Details/{id}");
    }

    public async Task<IActionResult> OnPostNotHeldAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } failed)
        {
            return failed;
        }

        ModelState.Clear(); // only the reason and the stamp belong to this form
        var result = await commands.NotHeldAsync((await currentUser.GetScopeAsync(ct))!, id, NotHeldReason, Stamp, ct);
        if (this.Failure(result, prefix: "") is { } failure)
        {
            return failure;
        }

        TempData["Message"] = "Đã ghi buổi tiếp là không tiếp, kèm lý do.";
        return Redirect($"/Reception/Details/{id}");
    }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        var row = await (from s in db.ReceptionSessions.AsNoTracking()
                         join u in db.OrgUnits on s.UnitId equals u.Id
                         where s.Id == id
                         select new { s, u.Name, u.AncestorPath }).FirstOrDefaultAsync(ct);
        var scope = (await currentUser.GetScopeAsync(ct))!;
        if (row is null || !ReceptionAccessRules.CanRead(scope, row.AncestorPath, row.s.UnitId))
        {
            return NotFound(); // another unit's log is not confirmed to exist
        }

        (Session, UnitName) = (row.s, row.Name);
        CanManage = ReceptionAccessRules.CanManage(scope, row.s.UnitId);
        CanSeePersonalData = ReceptionAccessRules.CanSeePersonalData(scope, row.s.UnitId);
        Today = VietnamClock.Today(clock);
        Cases = (await db.Cases.AsNoTracking().Where(c => c.ReceptionSessionId == id).OrderBy(c => c.Id)
                .Select(c => new { c.Id, c.Code, c.Kind, c.State, c.Summary }).Take(200).ToListAsync(ct))
            .Select(c => (c.Id, c.Code, c.Kind, c.State, c.Summary)).ToList();
        if (HttpMethods.IsPost(Request.Method) && !CanManage)
        {
            return Forbid();
        }

        return null;
    }
}
