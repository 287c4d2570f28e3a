using BenchmarkDotNet.Attributes;
using DanVan.Domain.Import;

namespace DanVan.Benchmarks;

/// <summary>DocumentParser.Parse on each seed document of tests/fixtures/seeds; the text is read once, outside the timing.</summary>
public class ParseBenchmarks
{
    private string text = "";

    /// <summary>The seed's number: "001" is 001_7bcf9529d88abdac.txt (see tests/fixtures/seeds/README.md).</summary>
    [Params("000", "001", "002", "003", "004")]
    public string Seed { get; set; } = "";

    [GlobalSetup]
    public void ReadSeed() => text = File.ReadAllText(Directory.GetFiles(Paths.Seeds, Seed + "_*.txt").Single());

    [Benchmark]
    public ParsedDocument Parse() => DocumentParser.Parse(text);
}

/// <summary>The repository (found upward from the binaries by DanVan.slnx) and the seeds beside it.</summary>
public static class Paths
{
    public static string RepoRoot { get; } = FindRoot();

    /// <summary>DANVAN_SEEDS, or tests/fixtures/seeds (the copy of ../shared/seeds kept in the repository).</summary>
    public static string Seeds => Environment.GetEnvironmentVariable("DANVAN_SEEDS") is { Length: > 0 } seeds
        ? seeds
        : Path.Combine(RepoRoot, "tests", "fixtures", "seeds");

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
