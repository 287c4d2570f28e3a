using System.Globalization;
using DanVan.Data;
using DanVan.Domain.Access;
using DanVan.Domain.Indices;
using DanVan.Domain.Units;
using DanVan.Features.Shared;
using DanVan.Features.Units;
using DanVan.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Features.Indices;

/// <summary>
/// Nhập kết quả chỉ số: a value of an index (with its components) for a unit and year. The coordinator enters any
/// source for the province and any unit of its scope; a unit its own self-assessed value. A value already there is
/// shown and replaced on saving (the audit trail keeps the one before); one entered in error can be removed.
/// </summary>
public class EnterModel(AppDbContext db, CurrentUser currentUser, IndexCommands commands, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "code")]
    public string? Code { get; set; }

    [BindProperty(SupportsGet = true, Name = "unit")]
    public int? UnitQuery { get; set; }

    [BindProperty(SupportsGet = true, Name = "year")]
    public int? YearQuery { get; set; }

    [BindProperty]
    public IndexValueInput Input { get; set; } = new();

    [BindProperty]
    public Guid Stamp { get; set; }

    public IndexDefinition Index { get; private set; } = null!;

    public List<IndexComponent> Components { get; private set; } = [];

    public List<(int Id, string Name)> Units { get; private set; } = [];

    public bool ForOthers { get; private set; }

    /// <summary>The value held for the unit and year asked, if any.</summary>
    public IndexValue? Held { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } failed)
        {
            return failed;
        }

        Input.UnitId = UnitQuery is > 0 ? UnitQuery : Units.FirstOrDefault().Id is > 0 and var first ? first : null;
        Input.Year = YearQuery is > 0 ? YearQuery : VietnamClock.Today(clock).Year - (ForOthers ? 1 : 0);
        Input.Source = ForOthers ? IndexValueSource.Published : IndexValueSource.SelfAssessed;
        if (UnitQuery is > 0 && YearQuery is > 0)
        {
            var held = await db.IndexValues.AsNoTracking().Where(v => v.IndexCode == Index.Code && v.UnitId == UnitQuery && v.Year == YearQuery).ToListAsync(ct);
            Held = held.FirstOrDefault(v => v.ComponentCode.Length == 0);
            if (Held is not null)
            {
                var scope = (await currentUser.GetScopeAsync(ct))!;
                var path = await db.OrgUnits.AsNoTracking().Where(u => u.Id == Held.UnitId).Select(u => u.AncestorPath).FirstAsync(ct);
                if (!IndexAccessRules.CanRead(scope, path, Held.UnitId))
                {
                    return NotFound();
                }

                Input.Value = IndexRules.Format(Held.Value);
                Input.Source = Held.Source;
                Input.SourceNote = Held.SourceNote;
                Input.Components = held.Where(v => v.ComponentCode.Length > 0).ToDictionary(v => v.ComponentCode, v => (string?)IndexRules.Format(v.Value), StringComparer.Ordinal);
                Stamp = Held.ConcurrencyStamp;
            }
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } failed)
        {
            return failed;
        }

        var scope = (await currentUser.GetScopeAsync(ct))!;
        if (!ForOthers)
        {
            Input.UnitId = scope.UnitId;
        }

        var result = await commands.EnterAsync(scope, Index.Code, Input, Stamp, ct);
        if (this.Failure(result) is { } failure)
        {
            return failure;
        }

        var v = result.Value!;
        TempData["Message"] = $"Đã ghi {Index.Code.Replace('_', ' ')} năm {v.Year.ToString(CultureInfo.InvariantCulture)}: {IndexRules.Format(v.Value, Index.Unit)}.";
        return Redirect($"/Indices?code={Uri.EscapeDataString(Index.Code)}&unit={v.UnitId.ToString(CultureInfo.InvariantCulture)}");
    }

    public async Task<IActionResult> OnPostDeleteAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } failed)
        {
            return failed;
        }

        var result = await commands.DeleteAsync((await currentUser.GetScopeAsync(ct))!, Index.Code, UnitQuery ?? 0, YearQuery ?? 0, Stamp, ct);
        if (this.Failure(result, "") is { } failure)
        {
            return failure;
        }

        TempData["Message"] = $"Đã xóa kết quả {Index.Code.Replace('_', ' ')} năm {result.Value!.Year.ToString(CultureInfo.InvariantCulture)}.";
        return Redirect($"/Indices?code={Uri.EscapeDataString(Index.Code)}");
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        var scope = (await currentUser.GetScopeAsync(ct))!;
        var index = await db.IndexDefinitions.AsNoTracking().FirstOrDefaultAsync(i => i.Code == Code, ct);
        if (index is null)
        {
            return NotFound();
        }

        if (!IndexAccessRules.CanEnter(scope))
        {
            return Forbid();
        }

        Index = index;
        Components = await IndexQueries.ComponentsAsync(db, index.Code, ct);
        ForOthers = IndexAccessRules.EntersForOthers(scope);
        var units = ForOthers ? db.OrgUnits.AsNoTracking().InScope(scope).Where(u => u.ValidTo == null) : db.OrgUnits.AsNoTracking().Where(u => u.Id == scope.UnitId);
        if (index.Level == IndexLevel.Province)
        {
            units = units.Where(u => u.Kind == OrgUnitKind.Province);
        }

        Units = (await units.OrderBy(u => u.Depth).ThenByVietnamese(db, u => u.Name).Take(5000).Select(u => new { u.Id, u.Name }).ToListAsync(ct)).Select(u => (u.Id, u.Name)).ToList();
        return null;
    }

    public string? ComponentValue(string code) => Input.Components.GetValueOrDefault(code);
}
