namespace DanVan.Tests.Support;

/// <summary>
/// The repository root (the folder holding DanVan.slnx, found upward from the test binaries) and the seed documents.
/// </summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Source => Path.Combine(Root, "src", "DanVan");

    /// <summary>
    /// The real documents of ../shared/seeds (*.txt), sorted by name: copied into tests/fixtures/seeds so a clone
    /// needs nothing beside it, and from there next to the test binaries.
    /// </summary>
    public static IReadOnlyList<string> SeedFiles => Directory.EnumerateFiles(SeedFolder, "*.txt").Order(StringComparer.Ordinal).ToList();

    public static string SeedFolder => Path.Combine(AppContext.BaseDirectory, "seeds");

    /// <summary>The file name of a seed ("001_7bcf9529d88abdac.txt") → its full path.</summary>
    public static string Seed(string fileName) => Path.Combine(SeedFolder, fileName);

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "DanVan.slnx")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new DirectoryNotFoundException("DanVan.slnx not found above " + AppContext.BaseDirectory);
    }
}
