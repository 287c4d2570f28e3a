namespace DanVan.Tests.Support;

/// <summary>A seed document by its number ("002"): the five real documents of tests/fixtures/seeds.</summary>
public static class Seeds
{
    public static string PathOf(string prefix) => RepoPaths.SeedFiles.Single(f => Path.GetFileName(f).StartsWith(prefix + "_", StringComparison.Ordinal));

    public static string Text(string prefix) => File.ReadAllText(PathOf(prefix));
}
