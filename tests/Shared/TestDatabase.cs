using System.Globalization;
using DanVan.Data;
using DanVan.Features.Demo;
using DanVan.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace DanVan.Testing;

/// <summary>
/// A throwaway database on the engine the run is for (DANVAN_TEST_PROVIDER = Sqlite | Postgres; PostgreSQL from
/// DANVAN_TEST_PG). Its schema comes from the real migration scripts. Seeded copies are cloned from a template made
/// once per test process (a file copy on SQLite, CREATE DATABASE … TEMPLATE on PostgreSQL).
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private static readonly SemaphoreSlim TemplateLock = new(1, 1);
    private static string? seededTemplate;

    private TestDatabase(string provider, string connectionString, string name)
    {
        Provider = provider;
        ConnectionString = connectionString;
        Name = name;
    }

    public static string ProviderName =>
        string.Equals(Environment.GetEnvironmentVariable("DANVAN_TEST_PROVIDER"), "Postgres", StringComparison.OrdinalIgnoreCase)
            ? "Postgres" : "Sqlite";

    public static bool IsPostgres => ProviderName == "Postgres";

    public string Provider { get; }

    public string ConnectionString { get; }

    public string Name { get; }

    /// <summary>Configuration keys that point the app at this database.</summary>
    public Dictionary<string, string?> Settings => new()
    {
        ["Database:Provider"] = Provider,
        [Provider == "Postgres" ? "ConnectionStrings:Postgres" : "ConnectionStrings:Sqlite"] = ConnectionString,
        ["Demo:Seed"] = "false",
        ["Database:AutoMigrate"] = "false",
    };

    /// <summary>An empty database with the migrated schema.</summary>
    public static async Task<TestDatabase> CreateMigratedAsync()
    {
        var db = await CreateEmptyAsync();
        await using var context = db.CreateContext();
        await SchemaMigrator.MigrateAsync(context);
        return db;
    }

    /// <summary>A database with no tables at all.</summary>
    public static async Task<TestDatabase> CreateEmptyAsync(string? template = null)
    {
        var name = "danvan_t_" + Guid.NewGuid().ToString("N")[..12];
        if (IsPostgres)
        {
            await using var admin = new NpgsqlConnection(AdminConnectionString);
            await admin.OpenAsync();
            await using var cmd = admin.CreateCommand();
            cmd.CommandText = template is null
                ? $"CREATE DATABASE \"{name}\""
                : $"CREATE DATABASE \"{name}\" TEMPLATE \"{template}\"";
            await cmd.ExecuteNonQueryAsync();
            var builder = new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = name, Pooling = true, MaxPoolSize = 20 };
            return new TestDatabase("Postgres", builder.ConnectionString, name);
        }

        var folder = Path.Combine(Path.GetTempPath(), "danvan-tests");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, name + ".db");
        if (template is not null)
        {
            File.Copy(template, path);
        }

        return new TestDatabase("Sqlite", $"Data Source={path};Foreign Keys=True;Pooling=False", path);
    }

    /// <summary>A migrated database holding the demo data (national units, Tây Ninh, one account per role).</summary>
    public static async Task<TestDatabase> CreateSeededAsync()
    {
        await TemplateLock.WaitAsync();
        try
        {
            if (seededTemplate is null)
            {
                var template = await CreateMigratedAsync();
                await template.SeedDemoAsync();
                if (IsPostgres)
                {
                    NpgsqlConnection.ClearAllPools();
                }

                seededTemplate = template.Name;
            }
        }
        finally
        {
            TemplateLock.Release();
        }

        return await CreateEmptyAsync(seededTemplate);
    }

    public AppDbContext CreateContext(IAuditActor? actor = null, TimeProvider? clock = null)
    {
        var options = new DbContextOptionsBuilder<AppDbContext>();
        if (Provider == "Postgres")
        {
            options.UseNpgsql(ConnectionString);
        }
        else
        {
            options.UseSqlite(ConnectionString);
        }

        return new AppDbContext(options.Options, actor, clock);
    }

    /// <summary>Runs the app's real demo seeder against this database.</summary>
    public async Task SeedDemoAsync()
    {
        var builder = WebApplication.CreateBuilder();
        builder.Configuration.AddInMemoryCollection(Settings);
        DanVanApp.AddServices(builder);
        await using var app = builder.Build();
        using var scope = app.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (Provider == "Postgres")
        {
            NpgsqlConnection.ClearAllPools();
            await using var admin = new NpgsqlConnection(AdminConnectionString);
            await admin.OpenAsync();
            await using var cmd = admin.CreateCommand();
            cmd.CommandText = $"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)";
            await cmd.ExecuteNonQueryAsync();
        }
        else
        {
            SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm" })
            {
                File.Delete(Name + suffix);
            }
        }
    }

    private static string AdminConnectionString =>
        Environment.GetEnvironmentVariable("DANVAN_TEST_PG")
        ?? throw new InvalidOperationException(
            "DANVAN_TEST_PROVIDER=Postgres needs DANVAN_TEST_PG (a connection string to a server where the tests may create databases). Run ./test.sh.");

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Provider}:{Name}");
}
