namespace DanVan.Tests.Support;

/// <summary>The five real documents of ../shared/seeds, copied into tests/fixtures/seeds and next to the test assembly.</summary>
public static class Seeds
{
    public static string PathOf(string prefix) =>
        Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "seeds"), prefix + "_*.txt").Single();

    public static string Text(string prefix) => File.ReadAllText(PathOf(prefix));
}
