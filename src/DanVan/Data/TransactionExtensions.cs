using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace DanVan.Data;

public static class TransactionExtensions
{
    /// <summary>
    /// Begins a transaction, or joins the one already open (a use case called from a larger one): the outer
    /// caller then commits or rolls back for both.
    /// </summary>
    public static async Task<JoinedTransaction> BeginOrJoinTransactionAsync(this AppDbContext db, CancellationToken ct = default) =>
        new(db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null);

    /// <summary>
    /// Serialises check-then-insert for one key until the transaction ends, where no unique index can say it (a document
    /// is a duplicate by number, date and issuer as written): two concurrent requests get the answers two serial ones
    /// would. PostgreSQL: a transaction-scoped advisory lock on the key's hash. SQLite: the database's write lock, taken
    /// by a write that changes nothing (call it first in the transaction, before any read).
    /// </summary>
    public static async Task LockForCreateAsync(this AppDbContext db, string key, CancellationToken ct = default)
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("LockForCreateAsync needs a transaction.");
        }

        if (db.IsPostgres)
        {
            var hash = BitConverter.ToInt64(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(key)), 0);
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({hash})", ct);
        }
        else
        {
            await db.Database.ExecuteSqlRawAsync("DELETE FROM \"JobLeases\" WHERE 0", ct);
        }
    }

    public sealed class JoinedTransaction(IDbContextTransaction? own) : IAsyncDisposable
    {
        public Task CommitAsync(CancellationToken ct = default) => own?.CommitAsync(ct) ?? Task.CompletedTask;

        public ValueTask DisposeAsync() => own?.DisposeAsync() ?? ValueTask.CompletedTask;
    }
}
