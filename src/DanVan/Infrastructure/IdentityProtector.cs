using System.Security.Cryptography;
using System.Text;

namespace DanVan.Infrastructure;

/// <summary>
/// Field-level encryption of need-to-know identities (a denouncer's name, address, phone, ID number): AES-256-GCM with
/// keys kept as files outside the database (<c>Cases:IdentityKeyFolder</c>, default <c>data/keys/identity</c> beside
/// the SQLite file; in production a mounted secret). Each sealed value names its key, so a new key can be added and
/// old values re-sealed (<see cref="Reseal"/>) without a moment when anything is unreadable. The case's code is the
/// associated data: a sealed identity copied onto another case does not open.
/// </summary>
public sealed class IdentityProtector
{
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private readonly string folder;
    private readonly Lock gate = new();
    private Dictionary<string, byte[]>? keys;

    public IdentityProtector(IConfiguration configuration, IHostEnvironment environment)
    {
        var configured = configuration["Cases:IdentityKeyFolder"];
        folder = string.IsNullOrWhiteSpace(configured)
            ? Path.Combine(environment.ContentRootPath, "data", "keys", "identity")
            : Path.GetFullPath(configured, environment.ContentRootPath);
    }

    public string CurrentKeyId
    {
        get
        {
            var all = Keys();
            return all.Keys.Order(StringComparer.Ordinal).Last();
        }
    }

    public (string KeyId, string Sealed) Seal(string plaintext, string associated)
    {
        var keyId = CurrentKeyId;
        var key = Keys()[keyId];
        var data = Encoding.UTF8.GetBytes(plaintext);
        var output = new byte[NonceSize + data.Length + TagSize];
        var nonce = output.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(key, TagSize);
        aes.Encrypt(nonce, data, output.AsSpan(NonceSize, data.Length), output.AsSpan(NonceSize + data.Length), Encoding.UTF8.GetBytes(associated));
        return (keyId, Convert.ToBase64String(output));
    }

    /// <summary>The plaintext, or null when the key is gone or the value was tampered with or moved.</summary>
    public string? Open(string keyId, string sealedValue, string associated)
    {
        if (!Keys().TryGetValue(keyId, out var key))
        {
            return null;
        }

        byte[] input;
        try
        {
            input = Convert.FromBase64String(sealedValue);
        }
        catch (FormatException)
        {
            return null;
        }

        if (input.Length < NonceSize + TagSize)
        {
            return null;
        }

        var length = input.Length - NonceSize - TagSize;
        var plain = new byte[length];
        try
        {
            using var aes = new AesGcm(key, TagSize);
            aes.Decrypt(input.AsSpan(0, NonceSize), input.AsSpan(NonceSize, length), input.AsSpan(NonceSize + length), plain, Encoding.UTF8.GetBytes(associated));
        }
        catch (AuthenticationTagMismatchException)
        {
            return null;
        }

        return Encoding.UTF8.GetString(plain);
    }

    /// <summary>A value sealed with an older key, sealed again with the current one (null when it does not open).</summary>
    public (string KeyId, string Sealed)? Reseal(string keyId, string sealedValue, string associated) =>
        Open(keyId, sealedValue, associated) is { } plain ? Seal(plain, associated) : null;

    /// <summary>Adds a new key, which seals from now on; returns its id.</summary>
    public string AddKey(TimeProvider clock)
    {
        lock (gate)
        {
            Directory.CreateDirectory(folder);
            var id = clock.GetUtcNow().UtcDateTime.ToString("yyyyMMddHHmmssfff", System.Globalization.CultureInfo.InvariantCulture);
            var path = Path.Combine(folder, id + ".key");
            File.WriteAllText(path, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
            TryRestrict(path);
            keys = null;
            return id;
        }
    }

    private Dictionary<string, byte[]> Keys()
    {
        lock (gate)
        {
            if (keys is not null)
            {
                return keys;
            }

            Directory.CreateDirectory(folder);
            var found = Directory.GetFiles(folder, "*.key")
                .ToDictionary(f => Path.GetFileNameWithoutExtension(f), f => Convert.FromBase64String(File.ReadAllText(f).Trim()), StringComparer.Ordinal);
            if (found.Count == 0)
            {
                // First use: one key, readable only by the account that runs DanVan.
                var id = "00000000000000001";
                var path = Path.Combine(folder, id + ".key");
                var bytes = RandomNumberGenerator.GetBytes(32);
                try
                {
                    using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
                    stream.Write(Encoding.ASCII.GetBytes(Convert.ToBase64String(bytes)));
                    TryRestrict(path);
                }
                catch (IOException) when (File.Exists(path))
                {
                    // Another instance wrote it first: read theirs.
                    bytes = Convert.FromBase64String(File.ReadAllText(path).Trim());
                }

                found[id] = bytes;
            }

            keys = found;
            return keys;
        }
    }

    private static void TryRestrict(string path)
    {
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }
}
