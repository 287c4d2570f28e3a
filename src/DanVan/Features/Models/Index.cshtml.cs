using DanVan.Data;
using DanVan.Domain.Access;
using DanVan.Domain.Models;
using DanVan.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Features.Models;

/// <summary>Danh mục mô hình “Dân vận khéo”: search, filters, sorting, paging, Excel export and the yearly summary.</summary>
public class IndexModel(AppDbContext db, CurrentUser currentUser, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    [BindProperty(SupportsGet = true, Name = "field")]
    public string? Field { get; set; }

    [BindProperty(SupportsGet = true, Name = "level")]
    public string? Level { get; set; }

    [BindProperty(SupportsGet = true, Name = "unit")]
    public int? Unit { get; set; }

    [BindProperty(SupportsGet = true, Name = "year")]
    public int? Year { get; set; }

    [BindProperty(SupportsGet = true, Name = "state")]
    public ModelStatus? State { get; set; }

    [BindProperty(SupportsGet = true, Name = "subject")]
    public ModelSubject? Subject { get; set; }

    /// <summary>Only models still in the catalogue (approved, not removed).</summary>
    [BindProperty(SupportsGet = true, Name = "active")]
    public bool Active { get; set; }

    /// <summary>"name", "state" or empty (newest first).</summary>
    [BindProperty(SupportsGet = true, Name = "sort")]
    public string? Sort { get; set; }

    [BindProperty(SupportsGet = true, Name = "page")]
    public int? PageNumber { get; set; }

    public PagedList<ModelRow> Models { get; private set; } = null!;

    public bool CanRegister { get; private set; }

    public bool CanSeeCompliance { get; private set; }

    public Dictionary<string, string> FieldNames { get; private set; } = [];

    public Dictionary<string, string> LevelNames { get; private set; } = [];

    public List<(int Id, string Name)> Units { get; private set; } = [];

    public int ThisYear { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var scope = (await currentUser.GetScopeAsync(ct))!;
        await LoadListsAsync(scope, ct);
        CanRegister = ModelAccessRules.CanRegister(scope, scope.UnitId);
        CanSeeCompliance = ModelAccessRules.CanSeeCompliance(scope);
        var query = Sorted(await FilteredAsync(scope, ct));
        Models = await query.ToPagedListAsync(q => q.ToRows(db), PageNumber, 50, ct);
    }

    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct)
    {
        var scope = (await currentUser.GetScopeAsync(ct))!;
        await LoadListsAsync(scope, ct);
        var rows = await Sorted(await FilteredAsync(scope, ct)).ToRows(db).Take(100_000).ToListAsync(ct);
        var stream = new MemoryStream();
        XlsxExport.Write(stream, "Mô hình Dân vận khéo", ["Tên mô hình", "Loại", "Tập thể/cá nhân", "Lĩnh vực", "Năm", "Đơn vị", "Ngày đăng ký", "Tình trạng", "Cấp công nhận", "Ngày công nhận", "Nhân rộng từ mô hình khác"],
            rows.Select(r => (IReadOnlyList<object?>)[r.Name, ModelRules.Label(r.Kind), ModelRules.Label(r.Subject), FieldName(r.FieldCode), r.Year, r.UnitName, r.RegisteredOn,
                ModelRules.Label(r.State), r.LevelCode is null ? null : LevelName(r.LevelCode), r.RecognisedOn, r.ReplicatedFromId is null ? "" : "Có"]),
            "DANH SÁCH MÔ HÌNH “DÂN VẬN KHÉO”", XlsxExport.ExportedOn(VietnamClock.Today(clock)));
        stream.Position = 0;
        return File(stream, XlsxExport.ContentType, $"mo-hinh-dan-van-kheo-{VietnamClock.Today(clock):yyyyMMdd}.xlsx");
    }

    /// <summary>Bảng tổng hợp năm: per unit and field, how many models stand in each state (the filters apply).</summary>
    public async Task<IActionResult> OnGetSummaryAsync(CancellationToken ct)
    {
        var scope = (await currentUser.GetScopeAsync(ct))!;
        await LoadListsAsync(scope, ct);
        Year ??= ThisYear;
        var states = Enum.GetValues<ModelStatus>();
        var rows = (await (await FilteredAsync(scope, ct)).SummaryAsync(db, ct))
            .Select(r => (IReadOnlyList<object?>)new object?[] { r.UnitName, FieldName(r.FieldCode) }
                .Concat(states.Select(s => (object?)r.ByState.GetValueOrDefault(s))).Append(r.Total).ToList());
        var stream = new MemoryStream();
        XlsxExport.Write(stream, $"Tổng hợp năm {Year}", new[] { "Đơn vị", "Lĩnh vực" }.Concat(states.Select(ModelRules.Label)).Append("Tổng số").ToList(), rows,
            $"TỔNG HỢP MÔ HÌNH “DÂN VẬN KHÉO” NĂM {Year}", XlsxExport.ExportedOn(VietnamClock.Today(clock)));
        stream.Position = 0;
        return File(stream, XlsxExport.ContentType, $"tong-hop-mo-hinh-{Year}.xlsx");
    }

    /// <summary>
    /// Danh sách mô hình được công nhận (DOCX, Nghị định 30): the visible models recognised in the year (the year asked,
    /// else this one; by recognition date, not registration year) and not removed since, with the other filters applied.
    /// </summary>
    public async Task<IActionResult> OnGetRecognisedAsync(CancellationToken ct)
    {
        var scope = (await currentUser.GetScopeAsync(ct))!;
        await LoadListsAsync(scope, ct);
        var year = Year is >= 2000 and <= 9000 ? Year.Value : ThisYear; // a year a date can be built from; anything else means this one
        var (from, to) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        var query = (Filter with { Year = null, State = null }).Apply(await VisibleAsync(scope, ct))
            .Where(m => (m.State == ModelStatus.Recognised || m.State == ModelStatus.Commended) && m.RecognisedOn >= from && m.RecognisedOn <= to);
        var models = await query.OrderBy(m => m.RecognisedOn).ThenBy(m => m.Id).Take(10_000)
            .Select(m => new { m.Name, m.Kind, m.Subject, m.FieldCode, m.LevelCode, m.RecognisedOn, m.ReplicatedFromId, m.State, Unit = db.OrgUnits.Where(o => o.Id == m.UnitId).Select(o => o.Name).First() })
            .ToListAsync(ct);
        var ranks = await db.RecognitionLevels.AsNoTracking().GroupBy(l => l.Code).Select(g => new { g.Key, Rank = g.Max(l => l.Rank) }).ToDictionaryAsync(x => x.Key, x => x.Rank, StringComparer.Ordinal, ct);
        var (unit, place) = await Shared.DocumentPlace.OfUnitAsync(db, scope.UnitId, ct);
        var rows = models.Select(m => new RecognisedModelsDocx.Row(m.Name, m.Kind, m.Subject, m.Unit, FieldName(m.FieldCode), m.LevelCode is null ? "" : LevelName(m.LevelCode),
            m.LevelCode is null ? 0 : ranks.GetValueOrDefault(m.LevelCode), m.RecognisedOn, m.ReplicatedFromId is not null, m.State)).ToList();
        var stream = new MemoryStream();
        RecognisedModelsDocx.Write(stream, new RecognisedModelsDocx.Facts(unit.Name, unit.Kind, place, year, VietnamClock.Today(clock), rows));
        stream.Position = 0;
        return File(stream, "application/vnd.openxmlformats-officedocument.wordprocessingml.document", RecognisedModelsDocx.FileName(year));
    }

    public string FieldName(string code) => FieldNames.GetValueOrDefault(code, code);

    public string LevelName(string code) => LevelNames.GetValueOrDefault(code, code);

    public string PageUrl(int page) => ListUrl(page, Sort);

    public string ListUrl(int page, string? sort) =>
        $"/Models?q={Uri.EscapeDataString(Query ?? "")}&field={Uri.EscapeDataString(Field ?? "")}&level={Uri.EscapeDataString(Level ?? "")}&unit={Unit}&year={Year}&state={State}&subject={Subject}&active={(Active ? "true" : "")}&sort={Uri.EscapeDataString(sort ?? "")}&page={page}";

    public string ExportUrl(string handler) => ListUrl(1, Sort).Replace("/Models?", $"/Models?handler={handler}&", StringComparison.Ordinal);

    private async Task LoadListsAsync(UserScope scope, CancellationToken ct)
    {
        ThisYear = VietnamClock.Today(clock).Year;
        FieldNames = await db.ModelFields.AsNoTracking().GroupBy(f => f.Code).Select(g => new { g.Key, Name = g.OrderByDescending(f => f.ValidFrom).Select(f => f.Name).First() })
            .ToDictionaryAsync(x => x.Key, x => x.Name, StringComparer.Ordinal, ct);
        LevelNames = await db.RecognitionLevels.AsNoTracking().GroupBy(f => f.Code).Select(g => new { g.Key, Name = g.OrderByDescending(f => f.ValidFrom).Select(f => f.Name).First() })
            .ToDictionaryAsync(x => x.Key, x => x.Name, StringComparer.Ordinal, ct);
        // The units' ids first, then their names by id: as one IN-subquery PostgreSQL scanned and sorted every unit of the country.
        var visibleUnits = await (await VisibleAsync(scope, ct)).Select(m => m.UnitId).Distinct().ToListAsync(ct);
        Units = (await db.OrgUnits.AsNoTracking().Where(u => EF.Parameter(visibleUnits).Contains(u.Id)).OrderByVietnamese(db, u => u.Name).Select(u => new { u.Id, u.Name }).Take(1000).ToListAsync(ct))
            .Select(u => (u.Id, u.Name)).ToList();
    }

    private ModelFilter Filter => new(Query, Field, Level, Unit, Year, State, Subject, Active, Sort);

    private IQueryable<MobilizationModel>? visible;

    /// <summary>The visible models, their unit ids read once per request (the unit list and the page share them).</summary>
    private async Task<IQueryable<MobilizationModel>> VisibleAsync(UserScope scope, CancellationToken ct) =>
        visible ??= await db.MobilizationModels.AsNoTracking().VisibleToAsync(db, scope, ct);

    private async Task<IQueryable<MobilizationModel>> FilteredAsync(UserScope scope, CancellationToken ct) => Filter.Apply(await VisibleAsync(scope, ct));

    private IQueryable<MobilizationModel> Sorted(IQueryable<MobilizationModel> query) => Filter.Order(query);
}
