using DanVan.Features.Demo;
using DanVan.Infrastructure;
using DanVan.Testing;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Tests.Infrastructure;

/// <summary>The command-line verbs of the same binary, run in-process against a throwaway database.</summary>
public class CliTests
{
    private static string[] Args(TestDatabase db, params string[] verb) =>
        [.. verb, .. db.Settings.Select(kv => $"--{kv.Key}={kv.Value}")];

    [Fact]
    public async Task Migrate_ThenImportUnits_ThenCreateAdmin()
    {
        await using var db = await TestDatabase.CreateEmptyAsync();
        Assert.Equal(0, await Cli.RunAsync(Args(db, "migrate")));
        Assert.Equal(0, await Cli.RunAsync(Args(db, "migrate")));

        var file = Path.Combine(Path.GetTempPath(), $"units-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, """[{"Code":"46","Name":"Huế","FullName":"Thành phố Huế","Wards":[{"Code":"19753","Name":"Thuận Hóa","FullName":"Phường Thuận Hóa","ProvinceCode":"46"}]}]""");
        try
        {
            Assert.Equal(0, await Cli.RunAsync(Args(db, "import-units", file)));
        }
        finally
        {
            File.Delete(file);
        }

        Assert.Equal(0, await Cli.RunAsync(Args(db, "create-admin", "--username", "quantri", "--password", "QuanTri@2026", "--name", "Người quản trị")));
        Assert.Equal(1, await Cli.RunAsync(Args(db, "create-admin", "--username", "yeu", "--password", "123")));

        await using var context = db.CreateContext();
        Assert.Equal("Phường Thuận Hóa", (await context.OrgUnits.SingleAsync(u => u.Code == "19753")).Name);
        var admin = await context.Users.SingleAsync(u => u.UserName == "quantri");
        Assert.Equal("Người quản trị", admin.FullName);
        Assert.False(await context.Users.AnyAsync(u => u.UserName == "yeu"));
    }

    [Fact]
    public async Task ImportUnits_OfAMissingFile_FailsWithAMessage()
    {
        await using var db = await TestDatabase.CreateEmptyAsync();
        var error = new StringWriter();
        var original = Console.Error;
        Console.SetError(error);
        try
        {
            Assert.NotEqual(0, await Cli.RunAsync(Args(db, "import-units", "/khong/co/tep.json")));
        }
        finally
        {
            Console.SetError(original);
        }

        Assert.Contains("Không tìm thấy tệp", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SeedDemo_IsIdempotent()
    {
        await using var db = await TestDatabase.CreateEmptyAsync();
        Assert.Equal(0, await Cli.RunAsync(Args(db, "seed-demo")));
        Assert.Equal(0, await Cli.RunAsync(Args(db, "seed-demo")));
        await using var context = db.CreateContext();
        Assert.Equal(DemoSeeder.Accounts.Length, await context.Users.CountAsync());
        Assert.Equal(1, await context.OrgUnits.CountAsync(u => u.Code == "80.SNV"));
    }
}
