using Npgsql;

namespace DanVan.Load;

/// <summary>What PostgreSQL executed for one request: statements (calls), rows returned or written, execution time.</summary>
/// <remarks><see cref="Queries"/>: each statement's text (normalised by pg_stat_statements) with its calls and rows, to find what differs.</remarks>
public sealed record StatementProfile(long Statements, long Rows, double ExecMs, [property: System.Text.Json.Serialization.JsonIgnore] IReadOnlyList<string>? Queries = null);

/// <summary>The same request through the app and through the raw-SQL reference, as pg_stat_statements saw them.</summary>
public sealed record StatementCheckResult(StatementProfile Page, StatementProfile Sql)
{
    /// <summary>Same number of statements and rows: the reference still sends what the page sends.</summary>
    public bool Matches => Page.Statements == Sql.Statements && Page.Rows == Sql.Rows;
}

/// <summary>
/// Checks that the hand-written SQL reference still matches the page: pg_stat_statements (preloaded by bench/run.sh,
/// tracking off while measuring) counts the statements and rows of one request through the app, then of one run of
/// the reference. Only this check turns tracking on; nothing else runs meanwhile.
/// </summary>
public sealed class StatementCheck(NpgsqlDataSource db)
{
    public async Task<bool> AvailableAsync()
    {
        await using var c = await db.OpenConnectionAsync();
        await using var cmd = new NpgsqlCommand("SELECT count(*) FROM pg_extension WHERE extname = 'pg_stat_statements'", c);
        return (long)(await cmd.ExecuteScalarAsync())! > 0;
    }

    public async Task TrackAsync(bool on)
    {
        await using var c = await db.OpenConnectionAsync();
        await using (var set = new NpgsqlCommand($"ALTER SYSTEM SET pg_stat_statements.track = '{(on ? "top" : "none")}'", c))
        {
            await set.ExecuteNonQueryAsync();
        }

        await using (var reload = new NpgsqlCommand("SELECT pg_reload_conf()", c))
        {
            await reload.ExecuteNonQueryAsync();
        }

        await Task.Delay(500); // every backend reads the new setting before its next command
    }

    public async Task<StatementProfile> ProfileAsync(Func<Task> action)
    {
        await using (var c = await db.OpenConnectionAsync())
        await using (var reset = new NpgsqlCommand("SELECT pg_stat_statements_reset()", c))
        {
            await reset.ExecuteNonQueryAsync();
        }

        await action();
        await Task.Delay(100);
        await using var conn = await db.OpenConnectionAsync();
        await using var read = new NpgsqlCommand("""
            SELECT calls, rows, total_exec_time, query
            FROM pg_stat_statements
            WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database()) AND query NOT ILIKE '%pg_stat_statements%'
            ORDER BY query
            """, conn);
        await using var reader = await read.ExecuteReaderAsync();
        long calls = 0, rows = 0;
        var ms = 0.0;
        var queries = new List<string>();
        while (await reader.ReadAsync())
        {
            calls += reader.GetInt64(0);
            rows += reader.GetInt64(1);
            ms += reader.GetDouble(2);
            var text = System.Text.RegularExpressions.Regex.Replace(reader.GetString(3), @"\s+", " ");
            queries.Add($"{reader.GetInt64(0)}× {reader.GetInt64(1)} rows: {(text.Length > 3000 ? text[..3000] + "…" : text)}");
        }

        return new StatementProfile(calls, rows, Math.Round(ms, 2), queries);
    }
}
