using System.Text.Json;
using DanVan.Domain.Import;
using DanVan.Features.Import;
using DanVan.Tests.Support;

namespace DanVan.Tests.Features.Import;

/// <summary>
/// <c>parse-document</c> as a user runs it: the built DanVan.dll in a child process, with a database configuration
/// that cannot connect (the verb must not need one).
/// </summary>
public class ParseDocumentCliTests
{
    /// <summary>Every field of the JSON contract (ParsedDocument, camelCase), null or empty ones included.</summary>
    public static readonly string[] ContractFields =
    [
        "kind", "number", "symbol", "code", "issuer", "parentBody", "place", "date", "title", "citations", "sections",
        "assignments", "deadlines", "targets", "recipients", "signer",
    ];

    public static TheoryData<string> Seeds
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (var seed in RepoPaths.SeedFiles)
            {
                data.Add(Name(seed));
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public async Task Seed_PrintsExactlyOneJsonObjectWithEveryContractField(string seed)
    {
        var (exit, stdout, stderr) = await RunAsync("parse-document", RepoPaths.Seed(seed));

        Assert.True(exit == 0, stderr);
        Assert.Equal("", stderr);
        AssertContractObject(stdout);
    }

    [Fact]
    public async Task EmptyFile_FailsWithOneVietnameseLineOnStderr()
    {
        using var folder = new TempFolder();
        var empty = folder.File("rong.txt");
        await File.WriteAllBytesAsync(empty, []);
        var (exit, stdout, stderr) = await RunAsync("parse-document", empty);

        Assert.Equal(1, exit);
        Assert.Equal("", stdout);
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("Lỗi: Tệp rỗng", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MissingFile_ExitsWithTwo()
    {
        var (exit, stdout, stderr) = await RunAsync("parse-document", "/khong/co/ke-hoach.docx");
        Assert.Equal(2, exit);
        Assert.Equal("", stdout);
        Assert.Contains("không tìm thấy tệp", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Folder_WritesOneJsonPerDocument_AndSumsUpTheFailures()
    {
        using var folder = new TempFolder();
        foreach (var seed in RepoPaths.SeedFiles.Take(2))
        {
            File.Copy(seed, folder.File(Path.GetFileName(seed)));
        }

        await File.WriteAllBytesAsync(folder.File("ke-hoach.docx"), TestFiles.OfficialPlanDocx());
        await File.WriteAllBytesAsync(folder.File("ke-hoach.pdf"), TestPdf.WithText(
            new(60, 790, "ỦY BAN NHÂN DÂN TỈNH TÂY NINH"), new(60, 760, "Kế hoạch thực hiện công tác dân vận chính quyền năm 2026")));
        await File.WriteAllBytesAsync(folder.File("rong.txt"), []);
        await File.WriteAllBytesAsync(folder.File("anh.png"), TestFiles.Png()); // not a document kind: skipped
        var output = folder.File("ket-qua");

        var (exit, stdout, stderr) = await RunAsync("parse-document", folder.Path, "--out", output);

        Assert.Equal(1, exit);
        Assert.Equal("", stdout);
        var expected = RepoPaths.SeedFiles.Take(2).Select(s => Path.GetFileNameWithoutExtension(s) + ".json")
            .Concat(["ke-hoach.docx.json", "ke-hoach.pdf.json"]).Order(StringComparer.Ordinal);
        Assert.Equal(expected, Directory.EnumerateFiles(output).Select(Name).Order(StringComparer.Ordinal));
        foreach (var json in Directory.EnumerateFiles(output))
        {
            AssertContractObject(await File.ReadAllTextAsync(json));
        }

        var lines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(6, lines.Length); // stderr is not a terminal: a line per file, then the summary
        Assert.Contains("[5/5] rong.txt: lỗi — Tệp rỗng", stderr, StringComparison.Ordinal);
        Assert.StartsWith("Đã đọc 4/5 tệp, 1 tệp lỗi (rong.txt: Tệp rỗng", lines[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Folder_AllRead_ExitsWithZero_IntoParsedByDefault()
    {
        using var folder = new TempFolder();
        File.Copy(RepoPaths.SeedFiles[0], folder.File("a.txt"));
        var (exit, _, stderr) = await RunAsync("parse-document", folder.Path);
        Assert.True(exit == 0, stderr);
        Assert.True(File.Exists(folder.File("parsed", "a.json")));
        Assert.Contains("không tệp nào lỗi", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Folder_OnATerminal_DrawsAProgressBar()
    {
        using var folder = new TempFolder();
        File.Copy(RepoPaths.SeedFiles[0], folder.File("a.txt"));
        File.Copy(RepoPaths.SeedFiles[1], folder.File("b.txt"));
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        Assert.Equal(0, await ParseDocumentCommand.RunAsync([folder.Path], stdout, stderr, stderrIsTerminal: true));
        Assert.Equal("", stdout.ToString());
        Assert.Contains("\r[" + new string('.', 30) + "] 0/2 a.txt", stderr.ToString(), StringComparison.Ordinal);
        Assert.Contains("\r[" + new string('#', 30) + "] 2/2", stderr.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_ListsTheVerb()
    {
        var (exit, stdout, _) = await RunAsync("help");
        Assert.Equal(0, exit);
        Assert.Contains("parse-document <tệp>", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_IsCamelCase_Unescaped_WithNullsAndWithoutTheIgnoredText()
    {
        var json = ParsedDocumentJson.Serialize(new ParsedDocument
        {
            Kind = "Kế hoạch",
            Title = "Thực hiện công tác \"dân vận\" <chính quyền>",
            Text = "văn bản gốc",
            Signer = new ParsedSigner { Authority = "KT. GIÁM ĐỐC" },
        });

        Assert.Contains("\"kind\": \"Kế hoạch\"", json, StringComparison.Ordinal);
        Assert.Contains("\"title\": \"Thực hiện công tác \\\"dân vận\\\" <chính quyền>\"", json, StringComparison.Ordinal);
        Assert.Contains("\"number\": null", json, StringComparison.Ordinal);
        Assert.Contains("\"name\": null", json, StringComparison.Ordinal);
        Assert.DoesNotContain("văn bản gốc", json, StringComparison.Ordinal);
        Assert.DoesNotContain("source", json, StringComparison.OrdinalIgnoreCase);
        AssertContractObject(json);
    }

    internal static void AssertContractObject(string json)
    {
        using var doc = JsonDocument.Parse(json); // one value only: trailing output would throw
        Assert.Equal(JsonValueKind.Object, doc.RootElement.ValueKind);
        foreach (var field in ContractFields)
        {
            Assert.True(doc.RootElement.TryGetProperty(field, out _), $"missing \"{field}\" in {json}");
        }
    }

    private static string Name(string path) => Path.GetFileName(path);

    /// <summary>A database that cannot be reached: the verb must neither need nor try one.</summary>
    private static Task<(int Exit, string Stdout, string Stderr)> RunAsync(params string[] args) =>
        DanVanProcess.RunAsync(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Postgres",
            ["ConnectionStrings:Postgres"] = "Host=127.0.0.1;Port=1;Database=none;Username=none;Timeout=1",
        }, args);
}
