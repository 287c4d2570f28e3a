using DanVan.Data;
using DanVan.Domain.Access;
using DanVan.Infrastructure;
using DanVan.Testing;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Tests.Support;

/// <summary>One seeded database per test class. Tests that write use fresh codes so they do not collide.</summary>
public sealed class SeededDatabaseFixture : IAsyncLifetime
{
    public TestDatabase Database { get; private set; } = null!;

    public async Task InitializeAsync() => Database = await TestDatabase.CreateSeededAsync();

    public async Task DisposeAsync() => await Database.DisposeAsync();

    public AppDbContext Context(string? actorUserName = null) =>
        Database.CreateContext(actorUserName is null ? null : new FixedActor(new AuditActorInfo(actorUserName, actorUserName, null)));

    public async Task<UserScope> ScopeOfAsync(string userName)
    {
        await using var db = Context();
        var id = await db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync();
        return (await CurrentUser.LoadScopeAsync(db, id))!;
    }

    public async Task<int> UnitIdAsync(string code)
    {
        await using var db = Context();
        return await db.OrgUnits.Where(u => u.Code == code).Select(u => u.Id).SingleAsync();
    }

    public static string NewCode(string prefix = "T") => prefix + Guid.NewGuid().ToString("N")[..10];

    private sealed class FixedActor(AuditActorInfo info) : IAuditActor
    {
        public AuditActorInfo Current => info;
    }
}
