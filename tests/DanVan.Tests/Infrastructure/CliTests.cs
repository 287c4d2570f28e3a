using DanVan.Features.Demo;
using DanVan.Infrastructure;
using DanVan.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;

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

    [Fact]
    public async Task RotateIdentityKey_ResealsEveryDenouncer_WithANewKey_AndCountsWhatDoesNotOpen()
    {
        await using var db = await TestDatabase.CreateSeededAsync();
        var folder = Path.Combine(Path.GetTempPath(), $"danvan-keys-{Guid.NewGuid():N}");
        var settings = new Microsoft.Extensions.Configuration.ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Cases:IdentityKeyFolder"] = folder }).Build();
        var environment = new Microsoft.Extensions.Hosting.Internal.HostingEnvironment { ContentRootPath = Path.GetTempPath() };
        try
        {
            var before = new IdentityProtector(settings, environment);
            int denunciationId, tamperedId;
            string code, oldKey;
            const string Identity = "{\"Name\":\"Người tố cáo xoay khóa\"}";
            await using (var context = db.CreateContext())
            {
                var denunciation = await context.Cases.FirstAsync(c => c.Kind == DanVan.Domain.Cases.CaseKind.Denunciation);
                (denunciationId, code) = (denunciation.Id, denunciation.Code);
                var (keyId, sealedValue) = before.Seal(Identity, code);
                oldKey = keyId;
                await context.CaseIdentities.Where(i => i.CaseId == denunciationId).ExecuteDeleteAsync();
                context.CaseIdentities.Add(new DanVan.Domain.Cases.CaseIdentity { CaseId = denunciationId, KeyId = keyId, Sealed = sealedValue });
                tamperedId = await context.Cases.Where(c => c.Kind != DanVan.Domain.Cases.CaseKind.Denunciation).Select(c => c.Id).FirstAsync();
                context.CaseIdentities.Add(new DanVan.Domain.Cases.CaseIdentity { CaseId = tamperedId, KeyId = keyId, Sealed = sealedValue }); // sealed for another case: does not open
                await context.SaveChangesAsync();
            }

            var output = new StringWriter();
            var original = Console.Out;
            Console.SetOut(output);
            try
            {
                Assert.Equal(1, await Cli.RunAsync(Args(db, "rotate-identity-key", $"--Cases:IdentityKeyFolder={folder}")));
                Assert.Equal(1, await Cli.RunAsync(Args(db, "rotate-identity-key", "--reseal-only", $"--Cases:IdentityKeyFolder={folder}")));
            }
            finally
            {
                Console.SetOut(original);
            }

            var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Contains("Đã mã hóa lại 1 danh tính người tố cáo; 1 không mở được", lines[0], StringComparison.Ordinal);
            Assert.Contains("Đã mã hóa lại 0 danh tính người tố cáo; 1 không mở được", lines[1], StringComparison.Ordinal);
            await using var check = db.CreateContext();
            var rotated = await check.CaseIdentities.SingleAsync(i => i.CaseId == denunciationId);
            Assert.NotEqual(oldKey, rotated.KeyId);
            var after = new IdentityProtector(settings, environment);
            Assert.Equal(rotated.KeyId, after.CurrentKeyId);
            Assert.Equal(Identity, after.Open(rotated.KeyId, rotated.Sealed, code));
            Assert.Equal(oldKey, (await check.CaseIdentities.SingleAsync(i => i.CaseId == tamperedId)).KeyId); // left as it was
            Assert.True(await check.AuditEntries.AnyAsync(a => a.Changes != null && a.Changes.Contains("Mã hóa lại danh tính người tố cáo")));
        }
        finally
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }
}
