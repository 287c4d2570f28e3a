using System.Text.RegularExpressions;
using DanVan.Tests.Support;

namespace DanVan.Tests.Infrastructure;

/// <summary>House rules that no analyzer here enforces, checked over the source tree.</summary>
public partial class SourceRulesTests
{
    private static string SourceRoot() => RepoPaths.Source;

    [Fact]
    public void Code_UsesTheInjectedClock_NotDateTimeNow()
    {
        var offenders = Directory.EnumerateFiles(SourceRoot(), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(f => ClockPattern().IsMatch(File.ReadAllText(f)))
            .ToList();
        Assert.Empty(offenders);
    }

    [Fact]
    public void Views_DoNotUseHtmlRaw()
    {
        var offenders = Directory.EnumerateFiles(SourceRoot(), "*.cshtml", SearchOption.AllDirectories)
            .Where(f => File.ReadAllText(f).Contains("Html.Raw", StringComparison.Ordinal))
            .ToList();
        Assert.Empty(offenders);
    }

    [GeneratedRegex(@"DateTime(Offset)?\.(Now|UtcNow|Today)\b")]
    private static partial Regex ClockPattern();
}
