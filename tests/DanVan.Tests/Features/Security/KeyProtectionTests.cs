using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using DanVan.Data;
using DanVan.Testing;
using DanVan.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DanVan.Tests.Features.Security;

/// <summary>Issue 11: with a certificate configured, the data-protection keys in the database are encrypted.</summary>
public sealed class KeyProtectionTests
{
    [Fact]
    public async Task WithACertificate_TheKeyRingIsStoredEncrypted_AndSignInStillWorks()
    {
        using var folder = new TempFolder();
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=DanVan khóa thử", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        var path = Path.Combine(folder.Path, "keys.pfx");
        await File.WriteAllBytesAsync(path, certificate.Export(X509ContentType.Pfx, "MatKhau@Chung"));

        await using var database = await TestDatabase.CreateSeededAsync();
        await using var factory = new DanVanAppFactory(database, settings: new Dictionary<string, string>
        {
            ["DataProtection:CertificatePath"] = path,
            ["DataProtection:CertificatePassword"] = "MatKhau@Chung",
        });
        var client = await factory.LoginAsync("xem");
        Assert.Equal(System.Net.HttpStatusCode.OK, (await client.GetAsync("/api/units")).StatusCode);

        using var scope = factory.Services.CreateScope();
        var keys = await scope.ServiceProvider.GetRequiredService<AppDbContext>().DataProtectionKeys.AsNoTracking().Select(k => k.Xml).ToListAsync();
        Assert.NotEmpty(keys);
        Assert.All(keys, xml =>
        {
            Assert.Contains("EncryptedData", xml, StringComparison.Ordinal);
            Assert.DoesNotContain("<masterKey", xml, StringComparison.Ordinal);
        });
    }
}
