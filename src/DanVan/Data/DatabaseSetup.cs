using Microsoft.EntityFrameworkCore;

namespace DanVan.Data;

/// <summary>Chooses the engine: SQLite (the embedded default) or PostgreSQL (Database:Provider=Postgres).</summary>
public static class DatabaseSetup
{
    public const string DefaultSqlitePath = "data/danvan.db";

    public static bool UsesPostgres(IConfiguration configuration) =>
        string.Equals(configuration["Database:Provider"], "Postgres", StringComparison.OrdinalIgnoreCase)
        || string.Equals(configuration["Database:Provider"], "PostgreSQL", StringComparison.OrdinalIgnoreCase);

    public static void Configure(DbContextOptionsBuilder options, IConfiguration configuration, string contentRoot)
    {
        if (UsesPostgres(configuration))
        {
            var cs = configuration.GetConnectionString("Postgres");
            if (string.IsNullOrWhiteSpace(cs))
            {
                throw new InvalidOperationException(
                    "Database:Provider=Postgres cần chuỗi kết nối ConnectionStrings:Postgres (PostgreSQL connection string missing).");
            }

            options.UseNpgsql(cs);
        }
        else
        {
            options.UseSqlite(SqliteConnectionString(configuration, contentRoot));
        }
    }

    public static string SqliteConnectionString(IConfiguration configuration, string contentRoot)
    {
        var cs = configuration.GetConnectionString("Sqlite");
        if (!string.IsNullOrWhiteSpace(cs))
        {
            return cs;
        }

        var path = Path.Combine(BaseDirectory(contentRoot), DefaultSqlitePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        return $"Data Source={path};Foreign Keys=True";
    }

    /// <summary>
    /// Where data/ lives: the repository root when running from a checkout (dotnet run sets the working directory
    /// to src/DanVan), else the application's content root.
    /// </summary>
    public static string BaseDirectory(string contentRoot)
    {
        for (var dir = new DirectoryInfo(contentRoot); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "DanVan.slnx")))
            {
                return dir.FullName;
            }
        }

        return contentRoot;
    }
}
