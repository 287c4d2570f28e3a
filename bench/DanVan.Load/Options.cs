using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;

namespace DanVan.Load;

/// <summary>--name value pairs after the verb.</summary>
internal sealed class Options
{
    private readonly Dictionary<string, string> values = new(StringComparer.Ordinal);

    public Options(IEnumerable<string> args)
    {
        string? key = null;
        foreach (var arg in args)
        {
            if (arg.StartsWith("--", StringComparison.Ordinal))
            {
                if (key is not null)
                {
                    values[key] = "true";
                }

                key = arg[2..];
                var eq = key.IndexOf('=', StringComparison.Ordinal);
                if (eq > 0)
                {
                    values[key[..eq]] = key[(eq + 1)..];
                    key = null;
                }
            }
            else if (key is not null)
            {
                values[key] = arg;
                key = null;
            }
            else
            {
                throw new ArgumentException($"unexpected argument: {arg}");
            }
        }

        if (key is not null)
        {
            values[key] = "true";
        }
    }

    public string? Get(string name) => values.TryGetValue(name, out var v) && v.Length > 0 ? v : null;

    public string Require(string name) => Get(name) ?? throw new ArgumentException($"--{name} is required");

    public int Int(string name, int fallback) => Get(name) is { } v ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;

    public double Double(string name, double fallback) => Get(name) is { } v ? double.Parse(v, CultureInfo.InvariantCulture) : fallback;
}

internal static class Json
{
    public static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };
}
