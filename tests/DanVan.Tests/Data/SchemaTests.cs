using System.Data.Common;
using DanVan.Data;
using DanVan.Testing;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Tests.Data;

/// <summary>The migration scripts and the EF model must describe the same schema, on the engine under test.</summary>
public class SchemaTests
{
    [Fact]
    public async Task MigratedSchema_MatchesTheModel()
    {
        await using var migrated = await TestDatabase.CreateMigratedAsync();
        await using var fromModel = await TestDatabase.CreateEmptyAsync();
        await using (var db = fromModel.CreateContext())
        {
            await db.Database.EnsureCreatedAsync();
        }

        var expected = await SchemaDump.ReadAsync(fromModel);
        var actual = await SchemaDump.ReadAsync(migrated);
        Assert.NotEmpty(expected.Columns);
        Assert.Contains(expected.Columns, c => c.StartsWith("OrgUnits.AncestorPath ", StringComparison.Ordinal));
        Assert.Equal(expected.Columns, actual.Columns);
        Assert.Equal(expected.Indexes, actual.Indexes);
    }

    [Fact]
    public async Task Migrate_IsIdempotentAndKeepsData()
    {
        await using var database = await TestDatabase.CreateMigratedAsync();
        await using (var db = database.CreateContext())
        {
            var unit = new DanVan.Domain.Units.OrgUnit { Code = "VN", Kind = DanVan.Domain.Units.OrgUnitKind.Country };
            unit.SetName("Việt Nam");
            db.OrgUnits.Add(unit);
            await db.SaveChangesAsync();
        }

        await using (var db = database.CreateContext())
        {
            var applied = await SchemaMigrator.MigrateAsync(db);
            Assert.Empty(applied);
            Assert.Equal("Việt Nam", (await db.OrgUnits.SingleAsync()).Name);
        }
    }

    [Fact]
    public async Task Migrate_RecordsEveryScriptOnce()
    {
        await using var database = await TestDatabase.CreateEmptyAsync();
        await using var db = database.CreateContext();
        var applied = await SchemaMigrator.MigrateAsync(db);
        var scripts = SchemaMigrator.ScriptsFor(TestDatabase.IsPostgres);
        Assert.Equal(scripts.Select(s => s.Version), applied);
        Assert.Contains("0001", applied);
    }

    [Fact]
    public async Task AuditTrail_CannotBeEditedOrDeleted()
    {
        await using var database = await TestDatabase.CreateMigratedAsync();
        await using var db = database.CreateContext();
        var unit = new DanVan.Domain.Units.OrgUnit { Code = "VN", Kind = DanVan.Domain.Units.OrgUnitKind.Country };
        unit.SetName("Việt Nam");
        db.OrgUnits.Add(unit);
        await db.SaveChangesAsync();
        Assert.Equal(1, await db.AuditEntries.CountAsync());

        await Assert.ThrowsAnyAsync<DbException>(() => db.Database.ExecuteSqlRawAsync("UPDATE \"AuditEntries\" SET \"UserName\" = 'x'"));
        await Assert.ThrowsAnyAsync<DbException>(() => db.Database.ExecuteSqlRawAsync("DELETE FROM \"AuditEntries\""));
        Assert.Equal("hệ thống", (await db.AuditEntries.AsNoTracking().SingleAsync()).UserName);
    }

    /// <summary>Tables, columns (type, nullability) and indexes (columns, uniqueness) read from the database catalog.</summary>
    private sealed record SchemaDump(List<string> Columns, List<string> Indexes)
    {
        public static async Task<SchemaDump> ReadAsync(TestDatabase database)
        {
            await using var db = database.CreateContext();
            var connection = db.Database.GetDbConnection();
            await connection.OpenAsync();
            var columns = new List<string>();
            var indexes = new List<string>();
            if (database.Provider == "Postgres")
            {
                await ReadAsync(connection, """
                    SELECT table_name || '.' || column_name || ' ' || data_type || coalesce('(' || character_maximum_length || ')', '') || ' ' || is_nullable
                    FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> '__schema_migrations'
                    """, columns);
                await ReadAsync(connection, """
                    SELECT tablename || ' ' || regexp_replace(indexdef, '^.* USING ', '') || ' ' || indexname
                    FROM pg_indexes WHERE schemaname = 'public' AND tablename <> '__schema_migrations'
                    """, indexes);
            }
            else
            {
                await ReadAsync(connection, """
                    SELECT m.name || '.' || p.name || ' ' || upper(p.type) || ' ' || CASE WHEN p."notnull" = 1 OR p.pk > 0 THEN 'NO' ELSE 'YES' END
                    FROM sqlite_master m JOIN pragma_table_info(m.name) p
                    WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' AND m.name <> '__schema_migrations'
                    """, columns);
                await ReadAsync(connection, """
                    SELECT m.name || ' ' || il.name || ' unique=' || il."unique" || ' (' ||
                           (SELECT group_concat(ii.name, ',') FROM pragma_index_info(il.name) ii) || ')'
                    FROM sqlite_master m JOIN pragma_index_list(m.name) il
                    WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' AND m.name <> '__schema_migrations'
                    """, indexes);
            }

            columns.Sort(StringComparer.Ordinal);
            indexes.Sort(StringComparer.Ordinal);
            return new SchemaDump(columns, indexes);
        }

        private static async Task ReadAsync(DbConnection connection, string sql, List<string> into)
        {
            await using var cmd = connection.CreateCommand();
            cmd.CommandText = sql;
            await using var reader = await cmd.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                into.Add(reader.GetString(0));
            }
        }
    }
}

public class MigrationUpgradeTests
{
    [Fact]
    public async Task A0001Database_WithData_UpgradesToTheLatestSchemaAndKeepsItsData()
    {
        await using var database = await TestDatabase.CreateEmptyAsync();
        await using (var db = database.CreateContext())
        {
            Assert.Equal(["0001"], await SchemaMigrator.MigrateAsync(db, upTo: "0001"));
            var country = new DanVan.Domain.Units.OrgUnit { Code = "VN", Kind = DanVan.Domain.Units.OrgUnitKind.Country };
            country.SetName("Việt Nam");
            db.OrgUnits.Add(country);
            await db.SaveChangesAsync();
        }

        await using (var db = database.CreateContext())
        {
            var applied = await SchemaMigrator.MigrateAsync(db);
            Assert.Contains("0002", applied);
            Assert.DoesNotContain("0001", applied);
            Assert.Equal("Việt Nam", (await db.OrgUnits.SingleAsync()).Name);
            Assert.Equal(1, await db.AuditEntries.CountAsync());
            db.CalendarDays.Add(new DanVan.Domain.Calendar.CalendarDay { Date = new DateOnly(2026, 9, 2), Kind = DanVan.Domain.Calendar.CalendarDayKind.Holiday, Name = "Quốc khánh" });
            await db.SaveChangesAsync();
        }
    }
}
