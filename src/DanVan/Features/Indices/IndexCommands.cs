using System.Globalization;
using DanVan.Data;
using DanVan.Domain.Access;
using DanVan.Domain.Indices;
using DanVan.Domain.Text;
using DanVan.Domain.Units;
using DanVan.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Features.Indices;

/// <summary>A value of an index for a unit and year as a form, the API or a workbook row sends it (numbers as typed: "85,2").</summary>
public sealed class IndexValueInput
{
    public int? UnitId { get; set; }

    public int? Year { get; set; }

    public string? Value { get; set; }

    /// <summary>By component code; an empty one is not given.</summary>
    public Dictionary<string, string?> Components { get; set; } = new(StringComparer.Ordinal);

    public IndexValueSource? Source { get; set; }

    public string? SourceNote { get; set; }
}

/// <summary>One row of an import: its Excel row number, the unit's code as typed, the value, and what the workbook already found wrong.</summary>
public sealed record IndexImportRow(int Line, string? UnitCode, IndexValueInput Input, IReadOnlyList<string> Errors);

/// <summary>
/// The writes of indices: a value (with its components) entered for a unit and year, replacing the one there was
/// (ADR-027: one per index, component, unit and year; the audit trail keeps the value before); a value removed; a
/// workbook of values imported all or nothing. Access per <see cref="IndexAccessRules"/>. One SaveChanges each (audited).
/// </summary>
public sealed class IndexCommands(AppDbContext db, TimeProvider clock)
{
    public const string Stale = "Kết quả này vừa được người khác ghi hoặc thay đổi; tải lại trang rồi làm lại.";

    private sealed record Target(int Id, string Name, string Code, string AncestorPath, OrgUnitKind Kind);

    public async Task<Result<IndexValue>> EnterAsync(UserScope user, string code, IndexValueInput input, Guid stamp, CancellationToken ct = default)
    {
        var index = await db.IndexDefinitions.AsNoTracking().FirstOrDefaultAsync(i => i.Code == code, ct);
        if (index is null || !IndexAccessRules.CanEnter(user))
        {
            return index is null ? Result<IndexValue>.NotFound() : Result<IndexValue>.Forbidden();
        }

        if (input.UnitId is not { } unitId)
        {
            return Result<IndexValue>.Invalid(nameof(input.UnitId), "Vui lòng chọn cơ quan, đơn vị.");
        }

        var unit = await UnitAsync(unitId, ct);
        if (unit is null || !IndexAccessRules.CanRead(user, unit.AncestorPath, unit.Id))
        {
            return Result<IndexValue>.NotFound();
        }

        if (!IndexAccessRules.CanWrite(user, unit.AncestorPath, unit.Id, IndexValueSource.SelfAssessed, null))
        {
            return Result<IndexValue>.Forbidden();
        }

        var components = await ComponentsAsync(code, ct);
        var existing = input.Year is { } y ? await ExistingAsync(code, unit.Id, y, ct) : [];
        var total = existing.FirstOrDefault(v => v.ComponentCode.Length == 0);
        var (errors, rows) = Prepare(user, index, components, unit, input, total?.Source);
        if (errors is not null)
        {
            return Result<IndexValue>.Invalid(errors);
        }

        if ((total?.ConcurrencyStamp ?? Guid.Empty) != stamp)
        {
            return Result<IndexValue>.Invalid("", Stale);
        }

        var saved = Apply(existing, rows!);
        return await db.TrySaveUniqueAsync(ct) ? Result<IndexValue>.Ok(saved) : Result<IndexValue>.Invalid("", Stale);
    }

    /// <summary>Removes a value entered in error (the index and its components for the unit and year).</summary>
    public async Task<Result<IndexValue>> DeleteAsync(UserScope user, string code, int unitId, int year, Guid stamp, CancellationToken ct = default)
    {
        var unit = await UnitAsync(unitId, ct);
        if (unit is null || !IndexAccessRules.CanRead(user, unit.AncestorPath, unit.Id))
        {
            return Result<IndexValue>.NotFound();
        }

        var existing = await ExistingAsync(code, unitId, year, ct);
        var total = existing.FirstOrDefault(v => v.ComponentCode.Length == 0);
        if (total is null)
        {
            return Result<IndexValue>.NotFound();
        }

        if (!IndexAccessRules.CanWrite(user, unit.AncestorPath, unit.Id, total.Source, total.Source))
        {
            return Result<IndexValue>.Forbidden();
        }

        if (total.ConcurrencyStamp != stamp)
        {
            return Result<IndexValue>.Invalid("", Stale);
        }

        db.IndexValues.RemoveRange(existing);
        await db.SaveChangesAsync(ct);
        return Result<IndexValue>.Ok(total);
    }

    /// <summary>
    /// Nhập từ Excel: every row checked like the form (the unit by its code, within the user's reach); a row equal to
    /// the value held is skipped, another replaces it; all saved in one transaction, or nothing, with every error by row and column.
    /// </summary>
    public async Task<Result<ImportSummary>> ImportAsync(UserScope user, string code, IReadOnlyList<IndexImportRow> rows, CancellationToken ct = default)
    {
        var index = await db.IndexDefinitions.AsNoTracking().FirstOrDefaultAsync(i => i.Code == code, ct);
        if (index is null)
        {
            return Result<ImportSummary>.NotFound();
        }

        if (!IndexAccessRules.CanEnter(user))
        {
            return Result<ImportSummary>.Forbidden();
        }

        var components = await ComponentsAsync(code, ct);
        var codes = rows.Select(r => r.UnitCode?.Trim()).Where(c => !string.IsNullOrEmpty(c)).Distinct(StringComparer.Ordinal).Take(5000).ToList();
        var units = (await db.OrgUnits.AsNoTracking().Where(u => EF.Parameter(codes).Contains(u.Code))
                .Select(u => new Target(u.Id, u.Name, u.Code, u.AncestorPath, u.Kind)).ToListAsync(ct))
            .GroupBy(u => u.Code, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        return await XlsxImport.SaveAllAsync(db, rows, r => r.Line, r => r.Errors, async row =>
        {
            var prefix = $"Dòng {row.Line}";
            var found = units.GetValueOrDefault(row.UnitCode?.Trim() ?? "")?.Where(u => IndexAccessRules.CanRead(user, u.AncestorPath, u.Id)).ToList() ?? [];
            if (found.Count != 1)
            {
                return (XlsxImport.Outcome.Saved, (IReadOnlyList<string>)[found.Count == 0
                    ? $"{prefix}, cột «{IndexWorkbook.UnitColumn}»: không có đơn vị mã «{row.UnitCode}» trong phạm vi của bạn (xem trang «{XlsxTable.GuideSheet}»)."
                    : $"{prefix}, cột «{IndexWorkbook.UnitColumn}»: có nhiều đơn vị mã «{row.UnitCode}»; hãy nhập kết quả này trên trang DanVan."]);
            }

            var unit = found[0];
            var input = row.Input;
            input.UnitId = unit.Id;
            var existing = input.Year is { } y ? await ExistingAsync(code, unit.Id, y, ct) : [];
            var total = existing.FirstOrDefault(v => v.ComponentCode.Length == 0);
            if (input.Source is { } s && !IndexAccessRules.CanWrite(user, unit.AncestorPath, unit.Id, s, total?.Source))
            {
                return (XlsxImport.Outcome.Saved, (IReadOnlyList<string>)[$"{prefix}: {Refusal(user, unit, total?.Source)}"]);
            }

            var (errors, prepared) = Prepare(user, index, components, unit, input, total?.Source);
            if (errors is not null)
            {
                return (XlsxImport.Outcome.Saved, (IReadOnlyList<string>)errors.SelectMany(e => e.Value.Select(m => $"{prefix}, cột «{IndexWorkbook.ColumnOf(e.Key, components)}»: {m}")).ToList());
            }

            if (Same(existing, prepared!))
            {
                return (XlsxImport.Outcome.Skipped, (IReadOnlyList<string>)[]);
            }

            Apply(existing, prepared!);
            await db.SaveChangesAsync(ct);
            return (XlsxImport.Outcome.Saved, (IReadOnlyList<string>)[]);
        }, ct);
    }

    private static string Refusal(UserScope user, Target unit, IndexValueSource? existing) =>
        existing is not null and not IndexValueSource.SelfAssessed && user.UnitId == unit.Id
            ? $"{unit.Name} đã có {IndexRules.Label(existing.Value).ToLower(VietnameseText.Culture)} của năm này; chỉ cơ quan điều phối (Sở Nội vụ) thay được."
            : user.UnitId == unit.Id
                ? "Đơn vị chỉ ghi kết quả tự đánh giá của mình; kết quả công bố và kết quả khảo sát do cơ quan điều phối (Sở Nội vụ) ghi."
                : $"Bạn không được ghi kết quả của {unit.Name}.";

    /// <summary>The rows to store for an input (the index first, then each component given), or every error by field.</summary>
    private (IReadOnlyDictionary<string, string[]>? Errors, List<IndexValue>? Rows) Prepare(UserScope user, IndexDefinition index, IReadOnlyList<IndexComponent> components,
        Target unit, IndexValueInput input, IndexValueSource? existing)
    {
        var errors = new FieldErrors();
        var note = errors.Text(nameof(input.SourceNote), VietnameseText.Optional(input.SourceNote), 300, "Ghi chú nguồn");
        double? value = null;
        if (!string.IsNullOrWhiteSpace(input.Value))
        {
            if (IndexRules.TryParse(input.Value, out var v))
            {
                value = v;
            }
            else
            {
                errors.Add(nameof(input.Value), $"«{input.Value.Trim()}» không phải số (ví dụ 85,2).");
            }
        }

        var parts = new Dictionary<string, double?>(StringComparer.Ordinal);
        foreach (var (key, text) in input.Components)
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            if (IndexRules.TryParse(text, out var v))
            {
                parts[key] = v;
            }
            else
            {
                var name = components.FirstOrDefault(c => c.Code == key)?.Name ?? key;
                errors.Add($"Components[{key}]", $"Thành phần «{name}»: «{text.Trim()}» không phải số (ví dụ 85,2).");
            }
        }

        if (input.Source is { } source && Enum.IsDefined(source) && !IndexAccessRules.CanWrite(user, unit.AncestorPath, unit.Id, source, existing))
        {
            errors.Add(nameof(input.Source), Refusal(user, unit, existing));
        }

        var (ruleErrors, total) = IndexRules.Check(index, components, new IndexEntry(input.Year, value, parts, input.Source, unit.Kind == OrgUnitKind.Province),
            VietnamClock.Today(clock).Year);
        foreach (var (k, m) in ruleErrors)
        {
            if (!errors.ToDictionary().ContainsKey(k))
            {
                errors.Add(k, m);
            }
        }

        if (errors.Any)
        {
            return (errors.ToDictionary(), null);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        IndexValue Row(string component, double v) => new()
        {
            IndexCode = index.Code, ComponentCode = component, UnitId = unit.Id, Year = input.Year!.Value, Value = v, Source = input.Source!.Value,
            SourceNote = VietnameseText.Nfc(note), EnteredByUserName = user.UserName, EnteredAtUtc = now,
        };
        var rows = new List<IndexValue> { Row("", total!.Value) };
        rows.AddRange(components.Where(c => parts.ContainsKey(c.Code)).Select(c => Row(c.Code, parts[c.Code]!.Value)));
        return (null, rows);
    }

    /// <summary>Replaces the held rows by the new ones: a row of the same component is updated (audited before/after), others added or removed.</summary>
    private IndexValue Apply(List<IndexValue> existing, List<IndexValue> rows)
    {
        foreach (var gone in existing.Where(e => rows.All(r => r.ComponentCode != e.ComponentCode)))
        {
            db.IndexValues.Remove(gone);
        }

        IndexValue? total = null;
        foreach (var row in rows)
        {
            var held = existing.FirstOrDefault(e => e.ComponentCode == row.ComponentCode);
            if (held is null)
            {
                db.IndexValues.Add(row);
                held = row;
            }
            else
            {
                held.Value = row.Value;
                held.Source = row.Source;
                held.SourceNote = row.SourceNote;
                held.EnteredByUserName = row.EnteredByUserName;
                held.EnteredAtUtc = row.EnteredAtUtc;
                held.ConcurrencyStamp = Guid.NewGuid();
            }

            total ??= held;
        }

        return total!;
    }

    private static bool Same(List<IndexValue> existing, List<IndexValue> rows) =>
        existing.Count == rows.Count && rows.All(r => existing.Any(e => e.ComponentCode == r.ComponentCode && Math.Abs(e.Value - r.Value) < 1e-9 && e.Source == r.Source && e.SourceNote == r.SourceNote));

    private Task<List<IndexValue>> ExistingAsync(string code, int unitId, int year, CancellationToken ct) =>
        db.IndexValues.Where(v => v.IndexCode == code && v.UnitId == unitId && v.Year == year).ToListAsync(ct);

    private Task<List<IndexComponent>> ComponentsAsync(string code, CancellationToken ct) =>
        db.IndexComponents.AsNoTracking().Where(c => c.IndexCode == code).OrderBy(c => c.SortOrder).ThenBy(c => c.Code).ToListAsync(ct);

    private Task<Target?> UnitAsync(int unitId, CancellationToken ct) =>
        db.OrgUnits.AsNoTracking().Where(u => u.Id == unitId).Select(u => new Target(u.Id, u.Name, u.Code, u.AncestorPath, u.Kind)).FirstOrDefaultAsync(ct);

    internal static string Year(int year) => year.ToString(CultureInfo.InvariantCulture);
}
