using DanVan.Data;
using DanVan.Domain.Access;
using DanVan.Domain.Reports;
using DanVan.Domain.Units;
using DanVan.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Features.Reports;

public sealed record RegimeDto(int Id, string Code, string Name, string? LegalBasis, string Frequency, IReadOnlyList<string> ObligatedKinds,
    IReadOnlyList<object> DueRules, IReadOnlyList<object> Sections, IReadOnlyList<object> Indicators, bool RequiresHeadApproval);

/// <summary><c>dueOn</c> (yyyy-MM-dd) omitted: the regime's due date, refused when it has passed.</summary>
public sealed record OpenPeriodRequest(int RegimeId, ReportPeriodKind Kind, int Year, int? OwnerUnitId, DateOnly? DueOn = null);

public sealed record ApproveRequest(bool Approve, string? Comment, Guid ConcurrencyStamp);

/// <summary><c>submissionId</c> omitted: every unit of the period.</summary>
public sealed record ExtendRequest(int? SubmissionId, DateOnly? DueOn, string? Reason);

public sealed record RequirementsRequest(bool RequiresHeadApproval, List<string>? RequiredIndicators, List<string>? RequiredSections);

public sealed record SubmissionDto(int Id, int PeriodId, int UnitId, string UnitName, string Status, int Version, DateTime? SubmittedAtUtc,
    Guid ConcurrencyStamp, IReadOnlyDictionary<string, double?> Values, IReadOnlyDictionary<string, string> Narrative, string? ReturnComment);

/// <summary>Figures by indicator code, narrative by outline code; <c>submit</c> sends it to the receiving unit.</summary>
public sealed record SaveSubmissionRequest(Guid ConcurrencyStamp, Dictionary<string, string?>? Values, Dictionary<string, string?>? OverrideReasons,
    Dictionary<string, string?>? Narrative, bool Submit);

public sealed record DecideRequest(bool Accept, string? Comment, Guid ConcurrencyStamp);

/// <summary>The JSON API of reports: regimes, periods, submissions and roll-ups, under the same rules as the pages.</summary>
public static class ReportsApi
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/reports").WithTags("Báo cáo định kỳ").RequireAuthorization();
        group.MapGet("/regimes", RegimesAsync).WithName("ListReportRegimes").WithSummary("Các chế độ báo cáo: kỳ, hạn nộp, đề cương, chỉ tiêu.");
        group.MapGet("/periods", PeriodsAsync).WithName("ListReportPeriods").WithSummary("Các kỳ báo cáo người dùng tổng hợp hoặc phải báo cáo.");
        group.MapPost("/periods", OpenAsync).WithName("OpenReportPeriod").WithSummary("Mở kỳ báo cáo: mỗi đơn vị phải báo cáo có một báo cáo để lập.");
        group.MapGet("/periods/{id:int}/submissions", SubmissionsAsync).WithName("ListReportSubmissions").WithSummary("Tình hình nộp báo cáo của các đơn vị (phân trang).");
        group.MapGet("/periods/{id:int}/rollup", RollupAsync).WithName("GetReportRollup").WithSummary("Số liệu tổng hợp của một đơn vị và cấp dưới, chi tiết theo đơn vị.");
        group.MapGet("/submissions/{id:int}", SubmissionAsync).WithName("GetReportSubmission").WithSummary("Số liệu và nội dung báo cáo của một đơn vị.");
        group.MapPut("/submissions/{id:int}", SaveAsync).WithName("SaveReportSubmission").WithSummary("Lưu nháp hoặc nộp báo cáo (số liệu được kiểm tra).");
        group.MapPost("/submissions/{id:int}/decision", DecideAsync).WithName("DecideReportSubmission").WithSummary("Tiếp nhận hoặc trả lại báo cáo.");
        group.MapPost("/submissions/{id:int}/approval", ApproveAsync).WithName("ApproveReportSubmission")
            .WithSummary("Lãnh đạo đơn vị duyệt (gửi đơn vị nhận) hoặc trả lại báo cáo do cán bộ lập.");
        group.MapPost("/periods/{id:int}/extensions", ExtendAsync).WithName("ExtendReportPeriod")
            .WithSummary("Gia hạn nộp báo cáo cho tất cả đơn vị hoặc một đơn vị, có lý do; lịch sử được lưu.");
        group.MapGet("/periods/{id:int}/extensions", ExtensionsAsync).WithName("ListReportPeriodExtensions").WithSummary("Lịch sử gia hạn của kỳ báo cáo.");
        group.MapPost("/periods/{id:int}/reminders", RemindAsync).WithName("RemindReportPeriod")
            .WithSummary("Đôn đốc: gửi thông báo đến mọi đơn vị của kỳ chưa nộp báo cáo.");
        group.MapPut("/regimes/{id:int}/requirements", RequirementsAsync).WithName("SetReportRegimeRequirements")
            .WithSummary("Chỉ tiêu, phần đề cương bắt buộc và bước duyệt của lãnh đạo đơn vị (quản trị hệ thống).");
    }

    private static async Task<IResult> RegimesAsync(AppDbContext db, CancellationToken ct)
    {
        var regimes = await db.ReportRegimes.AsNoTracking().OrderBy(r => r.Name).ToListAsync(ct);
        var ids = regimes.Select(r => r.Id).ToList();
        var rules = await db.ReportDueRules.AsNoTracking().Where(r => ids.Contains(r.RegimeId)).ToListAsync(ct);
        var sections = await db.ReportSections.AsNoTracking().Where(r => ids.Contains(r.RegimeId)).OrderBy(s => s.Order).ToListAsync(ct);
        var indicators = await db.ReportIndicators.AsNoTracking().Where(r => ids.Contains(r.RegimeId)).OrderBy(i => i.Order).ToListAsync(ct);
        return TypedResults.Ok(regimes.Select(r => new RegimeDto(r.Id, r.Code, r.Name, r.LegalBasis, r.Frequency.ToString(),
            r.ObligatedKinds.Split(',', StringSplitOptions.RemoveEmptyEntries),
            rules.Where(x => x.RegimeId == r.Id).Select(x => (object)new { kind = x.Kind.ToString(), x.DueDay, x.DueMonth, x.CutoffDay, x.CutoffMonth }).ToList(),
            sections.Where(x => x.RegimeId == r.Id).Select(x => (object)new { x.Code, x.Title, x.Guidance, x.IsRequired }).ToList(),
            indicators.Where(x => x.RegimeId == r.Id).Select(x => (object)new
            {
                x.Code, x.Name, x.Unit, x.Group, aggregation = x.Aggregation.ToString(), x.NumeratorCode, x.DenominatorCode, x.NotAboveCode, measure = x.MeasureCode, x.IsRequired,
            }).ToList(), r.RequiresHeadApproval)).ToList());
    }

    private static async Task<IResult> PeriodsAsync(CurrentUser currentUser, ReportQueries queries, CancellationToken ct) =>
        await currentUser.GetScopeAsync(ct) is { } user ? TypedResults.Ok(await queries.PeriodsAsync(user, ct)) : TypedResults.Unauthorized();

    private static async Task<IResult> OpenAsync(OpenPeriodRequest body, CurrentUser currentUser, ReportCommands commands, CancellationToken ct)
    {
        if (await currentUser.GetScopeAsync(ct) is not { } user)
        {
            return TypedResults.Unauthorized();
        }

        var result = await commands.OpenAsync(user, new OpenPeriodCommand(body.RegimeId, body.Kind, body.Year, body.OwnerUnitId, body.DueOn), ct);
        return ToResult(result, p => TypedResults.Created($"/api/reports/periods/{p.Id}/submissions", new { id = p.Id, p.Label, p.DueOn }));
    }

    private static async Task<IResult> SubmissionsAsync(int id, CurrentUser currentUser, AppDbContext db, ReportQueries queries, SubmissionStatus? status, string? q,
        int? page, CancellationToken ct)
    {
        if (await currentUser.GetScopeAsync(ct) is not { } user)
        {
            return TypedResults.Unauthorized();
        }

        var period = await db.ReportPeriods.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct);
        if (period is null)
        {
            return TypedResults.NotFound();
        }

        var (rows, total) = await queries.SlotsAsync(user, period, status, q, Math.Max(1, page ?? 1), 100, ct);
        return TypedResults.Ok(new { items = rows, totalCount = total, period.Label, period.DueOn });
    }

    private static async Task<IResult> RollupAsync(int id, int? unitId, CurrentUser currentUser, AppDbContext db, ReportQueries queries, CancellationToken ct)
    {
        if (await currentUser.GetScopeAsync(ct) is not { } user)
        {
            return TypedResults.Unauthorized();
        }

        var period = await db.ReportPeriods.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct);
        if (period is null)
        {
            return TypedResults.NotFound();
        }

        var owner = await db.OrgUnits.AsNoTracking().FirstAsync(u => u.Id == period.OwnerUnitId, ct);
        var rootId = unitId ?? (ReportAccessRules.CanRead(user, owner.AncestorPath, owner.Id) ? owner.Id : ReportQueries.ScopeRootId(user));
        var root = await db.OrgUnits.AsNoTracking().FirstOrDefaultAsync(u => u.Id == rootId, ct);
        if (root is null)
        {
            return TypedResults.NotFound();
        }

        if (!ReportAccessRules.CanRead(user, root.AncestorPath, root.Id)
            || !(root.Id == owner.Id || root.AncestorPath.StartsWith(UnitPaths.SubtreePrefix(owner.AncestorPath, owner.Id), StringComparison.Ordinal)))
        {
            return TypedResults.Forbid();
        }

        var r = await queries.RollupAsync(period, root, ct);
        var codes = r.Indicators.ToDictionary(i => i.Id, i => i.Code);
        return TypedResults.Ok(new
        {
            period = period.Label, unit = new { root.Id, root.Name }, reports = r.Reports,
            totals = r.Totals.ToDictionary(kv => codes[kv.Key], kv => kv.Value),
            children = r.Children.Select(c => new { c.UnitId, c.Name, c.Reports, values = c.Values.ToDictionary(kv => codes[kv.Key], kv => kv.Value) }),
            flags = r.Flags, missing = r.Missing.Select(m => new { m.UnitId, m.UnitName, status = m.Status.ToString() }),
            late = r.Late.Select(m => new { m.UnitId, m.UnitName, m.SubmittedAtUtc }),
        });
    }

    private static async Task<IResult> SubmissionAsync(int id, CurrentUser currentUser, AppDbContext db, ReportCommands commands, CancellationToken ct)
    {
        if (await currentUser.GetScopeAsync(ct) is not { } user)
        {
            return TypedResults.Unauthorized();
        }

        var row = await (from s in db.ReportSubmissions
                         join u in db.OrgUnits on s.UnitId equals u.Id
                         where s.Id == id
                         select new { s, u.Name, u.AncestorPath }).AsNoTracking().FirstOrDefaultAsync(ct);
        if (row is null)
        {
            return TypedResults.NotFound();
        }

        if (!ReportAccessRules.CanRead(user, row.AncestorPath, row.s.UnitId))
        {
            return TypedResults.Forbid();
        }

        if (ReportAccessRules.CanEdit(user, row.AncestorPath, row.s.UnitId))
        {
            await commands.RefreshPrefillAsync(id, ct); // as the page does: the figures of what the unit did since the period opened
        }

        var values = await (from v in db.ReportValues join i in db.ReportIndicators on v.IndicatorId equals i.Id where v.SubmissionId == id select new { i.Code, v.Value })
            .ToDictionaryAsync(x => x.Code, x => x.Value, ct);
        var narrative = await (from n in db.ReportNarratives join x in db.ReportSections on n.SectionId equals x.Id where n.SubmissionId == id select new { x.Code, n.Text })
            .ToDictionaryAsync(x => x.Code, x => x.Text, ct);
        return TypedResults.Ok(new SubmissionDto(row.s.Id, row.s.PeriodId, row.s.UnitId, row.Name, row.s.Status.ToString(), row.s.Version, row.s.SubmittedAtUtc,
            row.s.ConcurrencyStamp, values, narrative, row.s.ReturnComment));
    }

    private static async Task<IResult> SaveAsync(int id, SaveSubmissionRequest body, CurrentUser currentUser, AppDbContext db, ReportCommands commands, CancellationToken ct)
    {
        if (await currentUser.GetScopeAsync(ct) is not { } user)
        {
            return TypedResults.Unauthorized();
        }

        var regimeId = await (from s in db.ReportSubmissions join p in db.ReportPeriods on s.PeriodId equals p.Id where s.Id == id select (int?)p.RegimeId).FirstOrDefaultAsync(ct);
        if (regimeId is null)
        {
            return TypedResults.NotFound();
        }

        var indicators = await db.ReportIndicators.AsNoTracking().Where(i => i.RegimeId == regimeId).ToDictionaryAsync(i => i.Code, i => i.Id, ct);
        var sections = await db.ReportSections.AsNoTracking().Where(i => i.RegimeId == regimeId).ToDictionaryAsync(i => i.Code, i => i.Id, ct);
        var unknown = Keys(body.Values).Concat(Keys(body.OverrideReasons)).Where(k => !indicators.ContainsKey(k))
            .Concat(Keys(body.Narrative).Where(k => !sections.ContainsKey(k))).ToList();
        if (unknown.Count > 0)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["codes"] = [$"Mã không có trong chế độ báo cáo: {string.Join(", ", unknown)}."] }, title: "Dữ liệu không hợp lệ.");
        }

        var result = await commands.SaveAsync(user, new SaveReportCommand(id, body.ConcurrencyStamp,
            (body.Values ?? []).ToDictionary(kv => indicators[kv.Key], kv => kv.Value),
            (body.OverrideReasons ?? []).ToDictionary(kv => indicators[kv.Key], kv => kv.Value),
            (body.Narrative ?? []).ToDictionary(kv => sections[kv.Key], kv => kv.Value), body.Submit), ct);
        return ToResult(result, s => TypedResults.Ok(new { s.Id, status = s.Status.ToString(), s.Version, s.ConcurrencyStamp }));
    }

    private static async Task<IResult> DecideAsync(int id, DecideRequest body, CurrentUser currentUser, ReportCommands commands, CancellationToken ct)
    {
        if (await currentUser.GetScopeAsync(ct) is not { } user)
        {
            return TypedResults.Unauthorized();
        }

        var result = await commands.DecideAsync(user, id, body.Accept, body.Comment, body.ConcurrencyStamp, ct);
        return ToResult(result, s => TypedResults.Ok(new { s.Id, status = s.Status.ToString(), s.ConcurrencyStamp }));
    }

    private static async Task<IResult> ApproveAsync(int id, ApproveRequest body, CurrentUser currentUser, ReportCommands commands, CancellationToken ct)
    {
        if (await currentUser.GetScopeAsync(ct) is not { } user)
        {
            return TypedResults.Unauthorized();
        }

        var result = await commands.ApproveAsync(user, id, body.Approve, body.Comment, body.ConcurrencyStamp, ct);
        return ToResult(result, s => TypedResults.Ok(new { s.Id, status = s.Status.ToString(), statusLabel = ReportStatusLabels.Label(s.Status), s.ConcurrencyStamp }));
    }

    private static async Task<IResult> ExtendAsync(int id, ExtendRequest body, CurrentUser currentUser, ReportCommands commands, CancellationToken ct)
    {
        if (await currentUser.GetScopeAsync(ct) is not { } user)
        {
            return TypedResults.Unauthorized();
        }

        var result = await commands.ExtendAsync(user, new ExtendDueCommand(id, body.SubmissionId, body.DueOn, body.Reason), ct);
        return ToResult(result, c => TypedResults.Ok(new { c.Id, c.SubmissionId, c.PreviousDueOn, c.NewDueOn, c.Reason }));
    }

    private static async Task<IResult> ExtensionsAsync(int id, CurrentUser currentUser, AppDbContext db, CancellationToken ct)
    {
        if (await currentUser.GetScopeAsync(ct) is not { } user)
        {
            return TypedResults.Unauthorized();
        }

        var owner = await (from p in db.ReportPeriods join o in db.OrgUnits on p.OwnerUnitId equals o.Id where p.Id == id select new { o.Id, o.AncestorPath }).FirstOrDefaultAsync(ct);
        if (owner is null)
        {
            return TypedResults.NotFound();
        }

        if (!ReportAccessRules.CanRead(user, owner.AncestorPath, owner.Id))
        {
            return TypedResults.Forbid();
        }

        var rows = await db.ReportDueChanges.AsNoTracking().Where(c => c.PeriodId == id).OrderByDescending(c => c.ChangedAtUtc)
            .Select(c => new { c.Id, c.SubmissionId, c.PreviousDueOn, c.NewDueOn, c.Reason, c.ChangedBy, c.ChangedAtUtc }).Take(500).ToListAsync(ct);
        return TypedResults.Ok(rows);
    }

    private static async Task<IResult> RemindAsync(int id, CurrentUser currentUser, ReportCommands commands, CancellationToken ct)
    {
        if (await currentUser.GetScopeAsync(ct) is not { } user)
        {
            return TypedResults.Unauthorized();
        }

        var result = await commands.RemindAsync(user, id, ct);
        return ToResult(result, r => TypedResults.Ok(new { r.Id, units = r.Units, recipients = r.Recipients, r.SentAtUtc }));
    }

    private static async Task<IResult> RequirementsAsync(int id, RequirementsRequest body, CurrentUser currentUser, ReportRegimeCommands commands, CancellationToken ct)
    {
        if (await currentUser.GetScopeAsync(ct) is not { } user)
        {
            return TypedResults.Unauthorized();
        }

        var result = await commands.SetRequirementsAsync(user, id, body.RequiresHeadApproval, body.RequiredIndicators ?? [], body.RequiredSections ?? [], ct);
        return ToResult(result, r => TypedResults.Ok(new { r.Id, r.RequiresHeadApproval }));
    }

    private static IEnumerable<string> Keys(Dictionary<string, string?>? map) => map?.Keys ?? Enumerable.Empty<string>();

    private static IResult ToResult<T>(Result<T> result, Func<T, IResult> ok) => result.ToHttp(ok);
}
