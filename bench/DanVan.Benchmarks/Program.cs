using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Exporters;
using BenchmarkDotNet.Running;
using DanVan.Benchmarks;

// The job comes from the command line (bench/parse.sh passes --inProcess: BenchmarkDotNet then measures this Release
// build as it is instead of generating and building a project of its own, slow here and at odds with the
// repository's analyzers and pinned packages).
var config = ManualConfig.CreateMinimumViable()
    .AddDiagnoser(MemoryDiagnoser.Default)
    .AddExporter(MarkdownExporter.GitHub)
    .WithArtifactsPath(Path.Combine(Paths.RepoRoot, "artifacts", "bench"));
BenchmarkSwitcher.FromAssembly(typeof(ParseBenchmarks).Assembly).Run(args, config);
