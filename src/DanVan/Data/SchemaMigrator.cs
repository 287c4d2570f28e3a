using System.Data.Common;
using System.Globalization;
using System.Reflection;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Data;

/// <summary>
/// Applies the versioned SQL scripts embedded under Data/Migrations/{Sqlite|Postgres}, each in its own transaction,
/// recording them in <c>__schema_migrations</c>. See docs/decisions/ADR-002-migrations-as-sql-scripts.md.
/// </summary>
public static class SchemaMigrator
{
    public const string HistoryTable = "__schema_migrations";

    /// <summary>Arbitrary constant: the PostgreSQL advisory lock that serialises instances migrating at once.</summary>
    private const long PostgresLockKey = 4_826_001;

    public sealed record Script(string Version, string Name, string Sql);

    public static IReadOnlyList<Script> ScriptsFor(bool postgres)
    {
        var folder = postgres ? ".Data.Migrations.Postgres." : ".Data.Migrations.Sqlite.";
        var assembly = typeof(SchemaMigrator).Assembly;
        return assembly.GetManifestResourceNames()
            .Where(n => n.Contains(folder, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Select(n =>
            {
                var file = n[(n.IndexOf(folder, StringComparison.Ordinal) + folder.Length)..];
                var version = file.Split('_', 2)[0];
                return new Script(version, file, Read(assembly, n));
            })
            .OrderBy(s => s.Version, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Applies the scripts not yet applied (up to <paramref name="upTo"/> when given); returns the versions it applied.</summary>
    public static async Task<IReadOnlyList<string>> MigrateAsync(AppDbContext db, CancellationToken ct = default, string? upTo = null)
    {
        var postgres = db.IsPostgres;
        var applied = new List<string>();
        var connection = db.Database.GetDbConnection();
        var opened = connection.State != System.Data.ConnectionState.Open;
        if (opened)
        {
            await connection.OpenAsync(ct);
        }

        try
        {
            await ExecuteAsync(connection, null,
                $"CREATE TABLE IF NOT EXISTS {HistoryTable} (version varchar(50) NOT NULL PRIMARY KEY, name varchar(200) NOT NULL, applied_at varchar(40) NOT NULL)", ct);
            foreach (var script in ScriptsFor(postgres).Where(s => upTo is null || string.CompareOrdinal(s.Version, upTo) <= 0))
            {
                await using var tx = await connection.BeginTransactionAsync(ct);
                if (postgres)
                {
                    await ExecuteAsync(connection, tx, $"SELECT pg_advisory_xact_lock({PostgresLockKey})", ct);
                }

                if (await IsAppliedAsync(connection, tx, script.Version, ct))
                {
                    await tx.RollbackAsync(ct);
                    continue;
                }

                await ExecuteAsync(connection, tx, script.Sql, ct);
                await using (var record = connection.CreateCommand())
                {
                    record.Transaction = tx;
                    record.CommandText = $"INSERT INTO {HistoryTable} (version, name, applied_at) VALUES (@v, @n, @a)";
                    AddParameter(record, "@v", script.Version);
                    AddParameter(record, "@n", script.Name);
                    AddParameter(record, "@a", TimeProvider.System.GetUtcNow().ToString("O", CultureInfo.InvariantCulture));
                    await record.ExecuteNonQueryAsync(ct);
                }

                await tx.CommitAsync(ct);
                applied.Add(script.Version);
            }
        }
        finally
        {
            if (opened)
            {
                await connection.CloseAsync();
            }
        }

        return applied;
    }

    private static async Task<bool> IsAppliedAsync(DbConnection connection, DbTransaction tx, string version, CancellationToken ct)
    {
        await using var cmd = connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = $"SELECT COUNT(*) FROM {HistoryTable} WHERE version = @v";
        AddParameter(cmd, "@v", version);
        var count = Convert.ToInt64(await cmd.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
        return count > 0;
    }

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction? tx, string sql, CancellationToken ct)
    {
        await using var cmd = connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        cmd.CommandTimeout = 600;
        await cmd.ExecuteNonQueryAsync(ct);
    }

    private static void AddParameter(DbCommand cmd, string name, object value)
    {
        var p = cmd.CreateParameter();
        p.ParameterName = name;
        p.Value = value;
        cmd.Parameters.Add(p);
    }

    private static string Read(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
