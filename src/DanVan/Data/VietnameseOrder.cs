using System.Data.Common;
using System.Globalization;
using System.Linq.Expressions;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace DanVan.Data;

/// <summary>
/// Vietnamese alphabetical order in the database, on both engines: "Phường Tân An" before "Phường Trảng Bàng", "Đ"
/// after "D". PostgreSQL uses its ICU collation <c>vi-x-icu</c> (whatever locale the cluster was created with: the
/// tests' runs in C.UTF-8, which sorts by code point); SQLite gets a collation of the same name order, registered on
/// every connection from .NET's own vi-VN comparer.
/// </summary>
public static class VietnameseOrder
{
    public const string PostgresCollation = "vi-x-icu";

    public const string SqliteCollation = "VIETNAMESE";

    private static readonly CompareInfo Compare = Domain.Text.VietnameseText.Culture.CompareInfo;

    private static readonly System.Reflection.MethodInfo Collate = typeof(RelationalDbFunctionsExtensions)
        .GetMethod(nameof(RelationalDbFunctionsExtensions.Collate))!.MakeGenericMethod(typeof(string));

    /// <summary>Orders by a text column in Vietnamese order (then by whatever the caller adds).</summary>
    public static IOrderedQueryable<T> OrderByVietnamese<T>(this IQueryable<T> query, AppDbContext db, Expression<Func<T, string>> key) =>
        query.OrderBy(Collated(db, key));

    public static IOrderedQueryable<T> ThenByVietnamese<T>(this IOrderedQueryable<T> query, AppDbContext db, Expression<Func<T, string>> key) =>
        query.ThenBy(Collated(db, key));

    /// <summary>x => EF.Functions.Collate(key(x), "vi-x-icu"): the collation must be a constant in the expression tree.</summary>
    private static Expression<Func<T, string>> Collated<T>(AppDbContext db, Expression<Func<T, string>> key)
    {
        var collation = db.IsPostgres ? PostgresCollation : SqliteCollation;
        var body = Expression.Call(Collate, Expression.Constant(EF.Functions), key.Body, Expression.Constant(collation));
        return Expression.Lambda<Func<T, string>>(body, key.Parameters);
    }

    /// <summary>Registers the SQLite collation on each connection EF opens.</summary>
    public sealed class SqliteInterceptor : DbConnectionInterceptor
    {
        public static readonly SqliteInterceptor Instance = new();

        public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Register(connection);

        public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            Register(connection);
            return Task.CompletedTask;
        }

        private static void Register(DbConnection connection)
        {
            if (connection is SqliteConnection sqlite)
            {
                sqlite.CreateCollation(SqliteCollation, (a, b) => Compare.Compare(a, b, CompareOptions.None));
            }
        }
    }
}
