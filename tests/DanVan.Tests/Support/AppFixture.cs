using DanVan.Data;
using DanVan.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DanVan.Tests.Support;

/// <summary>The running app on a seeded database, shared by the HTTP tests of one collection.</summary>
public sealed class AppFixture : IAsyncLifetime
{
    private readonly Dictionary<string, HttpClient> clients = [];

    public TestDatabase Database { get; private set; } = null!;

    public DanVanAppFactory Factory { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Database = await TestDatabase.CreateSeededAsync();
        Factory = new DanVanAppFactory(Database);
        _ = Factory.Server; // start the host
    }

    public async Task DisposeAsync()
    {
        foreach (var client in clients.Values)
        {
            client.Dispose();
        }

        await Factory.DisposeAsync();
        await Database.DisposeAsync();
    }

    /// <summary>A signed-in client per demo account, reused across tests (sign-in hashes a password: not free).</summary>
    public async Task<HttpClient> As(string userName)
    {
        if (!clients.TryGetValue(userName, out var client))
        {
            client = await Factory.LoginAsync(userName);
            clients[userName] = client;
        }

        return client;
    }

    public async Task<int> UnitIdAsync(string code)
    {
        using var scope = Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await db.OrgUnits.Where(u => u.Code == code).Select(u => u.Id).SingleAsync();
    }

    /// <summary>A multipart form with the antiforgery token, fields and files, as a browser posts an upload.</summary>
    public static async Task<HttpResponseMessage> PostFilesAsync(
        HttpClient client, string url, IReadOnlyDictionary<string, string> fields, params (string Field, string FileName, byte[] Content)[] files)
    {
        using var form = new MultipartFormDataContent { { new StringContent(await TokenAsync(client)), "__RequestVerificationToken" } };
        foreach (var (name, value) in fields)
        {
            form.Add(new StringContent(value), name);
        }

        foreach (var (field, fileName, content) in files)
        {
            form.Add(new ByteArrayContent(content), field, fileName);
        }

        return await client.PostAsync(url, form);
    }

    /// <summary>An antiforgery token for the signed-in user (tokens are per user, not per form).</summary>
    public static async Task<string> TokenAsync(HttpClient client)
    {
        var html = await client.GetStringAsync("/");
        return DanVanAppFactory.AntiforgeryToken(html) ?? throw new InvalidOperationException("no token on /");
    }
}

[CollectionDefinition("App")]
public sealed class AppCollection : ICollectionFixture<AppFixture>;
