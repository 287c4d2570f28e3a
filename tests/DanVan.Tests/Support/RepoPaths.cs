namespace DanVan.Tests.Support;

/// <summary>
/// The repository root (the folder holding DanVan.slnx, found upward from the test binaries) and <c>../shared</c>
/// beside it: the project's shared facts and seed documents, which every clone (CI's too) has next to the repo.
/// </summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Source => Path.Combine(Root, "src", "DanVan");

    /// <summary>The real documents of ../shared/seeds (*.txt), sorted by name.</summary>
    public static IReadOnlyList<string> SeedFiles => Directory.EnumerateFiles(Path.Combine(Shared, "seeds"), "*.txt")
        .Order(StringComparer.Ordinal).ToList();

    public static string Shared
    {
        get
        {
            var shared = Path.GetFullPath(Path.Combine(Root, "..", "shared"));
            return Directory.Exists(Path.Combine(shared, "seeds"))
                ? shared
                : throw new DirectoryNotFoundException($"{shared}/seeds not found: the seed documents live in ../shared beside the repository.");
        }
    }

    /// <summary>The file name of a seed ("001_7bcf9529d88abdac.txt") → its full path.</summary>
    public static string Seed(string fileName) => Path.Combine(Shared, "seeds", fileName);

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
