using DanVan.Data;
using DanVan.Domain.Access;
using DanVan.Domain.Cases;
using DanVan.Domain.Text;
using DanVan.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Features.Cases;

/// <summary>Sổ theo dõi đơn: the cases of the user's unit (or province), filtered, searched, paged; overdue first.</summary>
public class IndexModel(AppDbContext db, CurrentUser currentUser, TimeProvider clock) : CaseFieldNamesPageModel
{
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    [BindProperty(SupportsGet = true, Name = "kind")]
    public CaseKind? Kind { get; set; }

    /// <summary>"open", "overdue", "closed", "mine" (open and assigned to the user) or empty (all).</summary>
    [BindProperty(SupportsGet = true, Name = "status")]
    public string? Status { get; set; }

    [BindProperty(SupportsGet = true, Name = "page")]
    public int? PageNumber { get; set; }

    public PagedList<CaseRow> Cases { get; private set; } = null!;


    public bool CanRegister { get; private set; }

    public DateOnly Today { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var scope = (await currentUser.GetScopeAsync(ct))!;
        CanRegister = CaseAccessRules.CanHandle(scope, scope.UnitId);
        Today = VietnamClock.Today(clock);
        Cases = await (await FilteredAsync(scope, ct)).ToPagedListAsync(q => q.ToRows(db), PageNumber, 50, ct);
    }

    /// <summary>
    /// The register as the unit keeps it in Excel (sổ theo dõi đơn), filtered as shown. The sender's name is in it only
    /// for the unit's own staff, and that export is in the audit trail; a denouncer's identity is never in it.
    /// </summary>
    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct)
    {
        var scope = (await currentUser.GetScopeAsync(ct))!;
        Today = VietnamClock.Today(clock);
        var names = CaseAccessRules.CanHandle(scope, scope.UnitId);
        var rows = await (await FilteredAsync(scope, ct)).Take(100_000).Select(c => new
        {
            c.Code, c.ReceivedOn, c.Source, c.Kind, c.Field, c.Summary, c.Signatories, c.Respondent, c.WithinCompetence, c.State, c.AcceptedOn, c.DueOn, c.DueExplanation,
            c.ClosedOn, c.ClosedOnTime, Sender = names && c.Kind != CaseKind.Denunciation && c.UnitId == scope.UnitId ? c.SenderName : null,
            Unit = db.OrgUnits.Where(o => o.Id == c.UnitId).Select(o => o.Name).First(),
        }).ToListAsync(ct);
        if (names && rows.Any(r => r.Sender is not null))
        {
            db.AuditEntries.Add(Data.AuditRecorder.Read(scope, scope.UnitId, "read", nameof(CitizenCase), 0,
                new Dictionary<string, string> { ["export"] = "sổ theo dõi đơn (Excel)", ["rows"] = rows.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), ["fields"] = "người gửi" },
                clock.GetUtcNow().UtcDateTime));
            await db.SaveChangesAsync(ct);
        }

        var stream = new MemoryStream();
        XlsxExport.Write(stream, "Sổ theo dõi đơn",
            ["Mã đơn", "Ngày nhận", "Nguồn đơn", "Loại đơn", "Lĩnh vực", "Nội dung tóm tắt", "Người gửi", "Số người đứng đơn", "Người, cơ quan bị khiếu nại, tố cáo",
                "Thẩm quyền", "Tình trạng", "Ngày thụ lý", "Hạn", "Căn cứ thời hạn", "Ngày kết thúc", "Đúng hạn", "Đơn vị"],
            rows.Select(r => (IReadOnlyList<object?>)[r.Code, r.ReceivedOn, CaseRules.Label(r.Source), CaseRules.Label(r.Kind), FieldName(r.Field), r.Summary,
                r.Kind == CaseKind.Denunciation ? "(giữ bí mật)" : r.Sender ?? "(ẩn)", r.Signatories, r.Respondent, r.WithinCompetence ? "Thuộc thẩm quyền" : "Không thuộc thẩm quyền",
                CaseRules.Label(r.State), r.AcceptedOn, r.DueOn, r.DueExplanation, r.ClosedOn, r.ClosedOnTime switch { true => "Đúng hạn", false => "Quá hạn", _ => "" }, r.Unit]),
            "SỔ THEO DÕI ĐƠN KHIẾU NẠI, TỐ CÁO, KIẾN NGHỊ, PHẢN ÁNH", XlsxExport.ExportedOn(VietnamClock.Today(clock)));
        stream.Position = 0;
        return File(stream, XlsxExport.ContentType, $"so-theo-doi-don-{Today:yyyyMMdd}.xlsx");
    }

    private Task<IQueryable<CitizenCase>> FilteredAsync(UserScope scope, CancellationToken ct) =>
        CaseQueries.RegisterAsync(db, scope, Query, Kind, Status, VietnamClock.Today(clock), ct);

    public string PageUrl(int page) =>
        $"/Cases?q={Uri.EscapeDataString(Query ?? "")}&kind={Kind}&status={Uri.EscapeDataString(Status ?? "")}&page={page}";

    public static string DueText(CaseRow r, DateOnly today) => r.State switch
    {
        CaseState.Suspended => "Tạm đình chỉ",
        _ when CaseRules.IsFinal(r.State) => r.ClosedOnTime switch { true => "Đúng hạn", false => "Quá hạn", _ => "—" },
        _ when r.DueOn is { } d && d < today => $"Quá hạn {today.DayNumber - d.DayNumber} ngày",
        _ when r.DueOn is { } d => $"Còn {d.DayNumber - today.DayNumber} ngày",
        _ => "Không có thời hạn luật định",
    };
}
