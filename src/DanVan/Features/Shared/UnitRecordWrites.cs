using DanVan.Data;
using DanVan.Domain.Access;
using DanVan.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Features.Shared;

/// <summary>
/// The one write check of the registers a unit keeps of its own (disclosures, people's votes and consultations,
/// oversight boards and activities, staff conferences, training sessions and the staff roster), all under the access of
/// the disclosure register (<see cref="DisclosureAccessRules"/>): a record the user may not see is not found (404), one
/// seen but not the user's unit's to keep is forbidden (403), one changed since the form was read is refused with the
/// register's own message.
/// </summary>
public static class UnitRecordWrites
{
    /// <summary>Why a record of a unit may not be changed at all: unseen (404) or not its recorder (403); null when it may.</summary>
    public static async Task<Result<T>?> AccessRefusalAsync<T>(this AppDbContext db, UserScope user, int? unitId, CancellationToken ct)
    {
        var path = unitId is null ? null : await db.OrgUnits.AsNoTracking().Where(u => u.Id == unitId).Select(u => u.AncestorPath).FirstOrDefaultAsync(ct);
        if (path is null || !DisclosureAccessRules.CanRead(user, path, unitId!.Value))
        {
            return Result<T>.NotFound();
        }

        return DisclosureAccessRules.CanRecord(user, unitId.Value) ? null : Result<T>.Forbidden();
    }

    /// <summary>
    /// Why a record of a unit may not be changed: unseen (404), not its recorder (403), or changed since the form was read
    /// (its stamp <paramref name="current"/> is not the <paramref name="stamp"/> the form carried); null when it may.
    /// </summary>
    public static async Task<Result<T>?> RefusalAsync<T>(this AppDbContext db, UserScope user, int? unitId, Guid? current, Guid? stamp, string stale, CancellationToken ct) =>
        await db.AccessRefusalAsync<T>(user, unitId, ct) ?? (current != stamp ? Result<T>.Invalid("", stale) : null);

    /// <summary>Saves the change; a concurrent change of the same record (its stamp moved meanwhile) is refused with <paramref name="stale"/>.</summary>
    public static async Task<Result<T>> SaveOrStaleAsync<T>(this AppDbContext db, T row, string stale, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Result<T>.Invalid("", stale);
        }

        return Result<T>.Ok(row);
    }
}
