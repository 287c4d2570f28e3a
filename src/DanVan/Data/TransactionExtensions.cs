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

    public sealed class JoinedTransaction(IDbContextTransaction? own) : IAsyncDisposable
    {
        public Task CommitAsync(CancellationToken ct = default) => own?.CommitAsync(ct) ?? Task.CompletedTask;

        public ValueTask DisposeAsync() => own?.DisposeAsync() ?? ValueTask.CompletedTask;
    }
}
