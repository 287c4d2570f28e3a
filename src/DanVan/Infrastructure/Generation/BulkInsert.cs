using System.Data.Common;
using System.Globalization;
using System.Text;
using DanVan.Data;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Infrastructure.Generation;

/// <summary>
/// Many rows into one table with multi-row INSERT statements (a few hundred rows each) in one transaction, on
/// either engine. For generated benchmark data only: values are written as literals, so the caller passes numbers,
/// dates and its own strings, never user input.
/// </summary>
public sealed class BulkInsert(AppDbContext db)
{
    private readonly bool postgres = db.IsPostgres;

    public async Task<long> InsertAsync(string table, IReadOnlyList<string> columns, IEnumerable<object?[]> rows, Action<long>? progress = null, CancellationToken ct = default)
    {
        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open)
        {
            await connection.OpenAsync(ct);
        }

        var head = $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => "\"" + c + "\""))}) VALUES ";
        var batch = Math.Max(1, 20_000 / Math.Max(1, columns.Count * 8));
        var sb = new StringBuilder();
        var inBatch = 0;
        long total = 0;
        await using var tx = await connection.BeginTransactionAsync(ct);
        foreach (var row in rows)
        {
            sb.Append(inBatch == 0 ? head : ", ").Append('(');
            for (var i = 0; i < row.Length; i++)
            {
                if (i > 0)
                {
                    sb.Append(", ");
                }

                sb.Append(Literal(row[i]));
            }

            sb.Append(')');
            if (++inBatch >= batch)
            {
                await ExecuteAsync(connection, tx, sb, ct);
                total += inBatch;
                inBatch = 0;
                progress?.Invoke(total);
            }
        }

        if (inBatch > 0)
        {
            await ExecuteAsync(connection, tx, sb, ct);
            total += inBatch;
            progress?.Invoke(total);
        }

        await tx.CommitAsync(ct);
        return total;
    }

    /// <summary>Runs a query returning rows of two columns (an id and a key), e.g. to map generated codes to ids.</summary>
    public async Task<Dictionary<string, int>> MapAsync(string sql, CancellationToken ct = default)
    {
        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open)
        {
            await connection.OpenAsync(ct);
        }

        await using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        cmd.CommandTimeout = 600;
        var map = new Dictionary<string, int>(StringComparer.Ordinal);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            map[reader.GetValue(1).ToString()!] = reader.GetInt32(0);
        }

        return map;
    }

    public async Task ExecuteAsync(string sql, CancellationToken ct = default)
    {
        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open)
        {
            await connection.OpenAsync(ct);
        }

        await using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        cmd.CommandTimeout = 1800;
        await cmd.ExecuteNonQueryAsync(ct);
    }

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction tx, StringBuilder sql, CancellationToken ct)
    {
        await using var cmd = connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql.ToString();
        cmd.CommandTimeout = 600;
        await cmd.ExecuteNonQueryAsync(ct);
        sql.Clear();
    }

    private string Literal(object? value) => value switch
    {
        null => "NULL",
        bool b => b ? "TRUE" : "FALSE",
        int or long or short => Convert.ToString(value, CultureInfo.InvariantCulture)!,
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        decimal m => m.ToString(CultureInfo.InvariantCulture),
        Enum e => Convert.ToInt32(e, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture),
        DateOnly d => "'" + d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "'",
        DateTime t => postgres
            ? "'" + t.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + "+00'"
            : "'" + t.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + "'",
        Guid g => "'" + (postgres ? g.ToString() : g.ToString().ToUpperInvariant()) + "'",
        string s => "'" + s.Replace("'", "''", StringComparison.Ordinal) + "'",
        _ => throw new ArgumentException("Unsupported literal type " + value.GetType().Name),
    };
}
