using DanVan.Domain.Import;

namespace DanVan.Features.Import;

/// <summary>
/// The <c>parse-document</c> verb: one file → its JSON on standard output; a folder → one JSON file per document.
/// Needs no database and no web host; standard output carries the JSON and nothing else.
/// </summary>
public static class ParseDocumentCommand
{
    public const string Usage = "Cách dùng: parse-document <tệp .docx|.pdf|.txt>  hoặc  parse-document <thư mục> [--out <thư mục kết quả>]";

    private static readonly string[] Extensions = [".txt", ".docx", ".pdf"];

    /// <returns>0 read, 1 unreadable (or some files of a folder), 2 wrong arguments or a missing path.</returns>
    public static async Task<int> RunAsync(
        string[] args, TextWriter stdout, TextWriter stderr, bool stderrIsTerminal, DocumentTextReader? reader = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        string? path = null;
        string? outDir = null;
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--out" && i + 1 < args.Length)
            {
                outDir = args[++i];
            }
            else if (args[i].StartsWith("--out=", StringComparison.Ordinal))
            {
                outDir = args[i]["--out=".Length..];
            }
            else if (path is null && !args[i].StartsWith("--", StringComparison.Ordinal))
            {
                path = args[i];
            }
            else
            {
                await stderr.WriteLineAsync($"Lỗi: tham số không hiểu được \"{args[i]}\". {Usage}");
                return 2;
            }
        }

        if (path is null)
        {
            await stderr.WriteLineAsync("Lỗi: cần đường dẫn tệp hoặc thư mục. " + Usage);
            return 2;
        }

        reader ??= new DocumentTextReader();
        if (Directory.Exists(path))
        {
            return await ParseFolderAsync(path, outDir ?? Path.Combine(path, "parsed"), stderr, stderrIsTerminal, reader, ct);
        }

        if (!File.Exists(path))
        {
            await stderr.WriteLineAsync($"Lỗi: không tìm thấy tệp hoặc thư mục \"{path}\".");
            return 2;
        }

        if (outDir is not null)
        {
            await stderr.WriteLineAsync("Lỗi: --out chỉ dùng khi đọc cả thư mục. " + Usage);
            return 2;
        }

        var (json, error) = await ParseFileAsync(path, reader, ct);
        if (json is null)
        {
            await stderr.WriteLineAsync("Lỗi: " + error);
            return 1;
        }

        await stdout.WriteLineAsync(json);
        await stdout.FlushAsync(ct);
        return 0;
    }

    /// <summary>The JSON of one file, or the one-line reason it could not be read.</summary>
    private static async Task<(string? Json, string? Error)> ParseFileAsync(string path, DocumentTextReader reader, CancellationToken ct)
    {
        try
        {
            var text = await reader.ReadFileAsync(path, ct);
            return (ParsedDocumentJson.Serialize(DocumentParser.Parse(text)), null);
        }
        catch (UnreadableDocumentException ex)
        {
            return (null, ex.Message);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return (null, $"không mở được tệp \"{path}\": {ex.Message}");
        }
    }

    private static async Task<int> ParseFolderAsync(
        string folder, string outDir, TextWriter stderr, bool bar, DocumentTextReader reader, CancellationToken ct)
    {
        var files = Directory.EnumerateFiles(folder)
            .Where(f => Extensions.Contains(Path.GetExtension(f), StringComparer.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal)
            .ToList();
        if (files.Count == 0)
        {
            await stderr.WriteLineAsync($"Lỗi: thư mục \"{folder}\" không có tệp .txt, .docx hay .pdf nào.");
            return 1;
        }

        Directory.CreateDirectory(outDir);
        var names = OutputNames(files);
        var failures = new List<string>();
        for (var i = 0; i < files.Count; i++)
        {
            var name = Path.GetFileName(files[i]);
            if (bar)
            {
                await stderr.WriteAsync("\r" + ProgressBar(i, files.Count, name));
            }

            var (json, error) = await ParseFileAsync(files[i], reader, ct);
            var target = Path.Combine(outDir, names[i]);
            if (json is not null)
            {
                await File.WriteAllTextAsync(target, json + "\n", ct);
            }
            else
            {
                File.Delete(target); // no stale result of an earlier run beside a file that now fails
                failures.Add($"{name}: {error}");
            }

            if (!bar)
            {
                await stderr.WriteLineAsync($"[{i + 1}/{files.Count}] {name}: {(json is null ? "lỗi — " + error : "xong")}");
            }
        }

        if (bar)
        {
            await stderr.WriteLineAsync("\r" + ProgressBar(files.Count, files.Count, ""));
        }

        var read = files.Count - failures.Count;
        await stderr.WriteLineAsync(failures.Count == 0
            ? $"Đã đọc {read}/{files.Count} tệp, không tệp nào lỗi; kết quả JSON ở \"{outDir}\"."
            : $"Đã đọc {read}/{files.Count} tệp, {failures.Count} tệp lỗi ({string.Join("; ", failures)}); kết quả JSON ở \"{outDir}\".");
        return failures.Count == 0 ? 0 : 1;
    }

    /// <summary>"a.json" per input; "a.pdf.json" when two inputs share a name ("a.pdf" and "a.docx").</summary>
    private static List<string> OutputNames(List<string> files)
    {
        var stems = files.GroupBy(f => Path.GetFileNameWithoutExtension(f), StringComparer.OrdinalIgnoreCase)
            .Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return files.Select(f => stems.Contains(Path.GetFileNameWithoutExtension(f))
            ? Path.GetFileName(f) + ".json"
            : Path.GetFileNameWithoutExtension(f) + ".json").ToList();
    }

    private static string ProgressBar(int done, int total, string current)
    {
        const int width = 30;
        var filled = done * width / total;
        var label = current.Length > 40 ? current[..39] + "…" : current;
        return $"[{new string('#', filled)}{new string('.', width - filled)}] {done}/{total} {label,-40}";
    }
}
