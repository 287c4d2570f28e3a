using System.Globalization;
using System.Text;
using System.Text.Json;

namespace DanVan.Load;

public sealed record BenchReport(
    string Scale, LoadResult Load, IReadOnlyList<KeyValuePair<string, string>> Machine, IReadOnlyList<string> Commands, long? AppPeakKb,
    string? Micro, string? ComparedWith);

/// <summary>`report`: the load results, the machine, the commands, peak memory and micro-benchmarks as one Markdown page.</summary>
internal static class Report
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static async Task<int> WriteAsync(Options o)
    {
        var load = JsonSerializer.Deserialize<LoadResult>(await File.ReadAllTextAsync(o.Require("load")), Json.Options)
            ?? throw new InvalidOperationException("empty load results");
        var machine = await MachineAsync(o.Get("machine"));
        var commands = await CommandsAsync(o.Get("commands"));
        var micro = o.Get("micro") is { } uf && File.Exists(uf) ? (await File.ReadAllTextAsync(uf)).Trim() : null;
        long? peak = o.Get("peak-kb") is { } pk && long.TryParse(pk, NumberStyles.Integer, Inv, out var kb) ? kb : null;
        var scale = o.Require("scale");
        var outJson = Path.GetFullPath(o.Require("out-json"));

        var previous = o.Get("history") is { } dir ? await FindPreviousAsync(dir, scale, load.Data, outJson) : null;
        var report = new BenchReport(scale, load, machine, commands, peak, micro, previous is null ? null : Path.GetFileName(previous.Value.File));
        await File.WriteAllTextAsync(outJson, JsonSerializer.Serialize(report, Json.Options));
        await File.WriteAllTextAsync(o.Require("out-md"), Markdown(report, previous?.Report));
        return 0;
    }

    /// <summary>The "Key: value" lines bench/run.sh writes about the machine (machine_info).</summary>
    public static async Task<List<KeyValuePair<string, string>>> MachineAsync(string? file) =>
        file is not null && File.Exists(file)
            ? (await File.ReadAllLinesAsync(file)).Where(l => l.Contains(':', StringComparison.Ordinal))
                .Select(l => new KeyValuePair<string, string>(l[..l.IndexOf(':', StringComparison.Ordinal)].Trim(), l[(l.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim())).ToList()
            : [];

    /// <summary>The exact commands of a run, one a line.</summary>
    public static async Task<List<string>> CommandsAsync(string? file) =>
        file is not null && File.Exists(file) ? (await File.ReadAllLinesAsync(file)).Where(l => l.Length > 0).ToList() : [];

    /// <summary>A warning line when other processes kept the CPU 25 % busy or more just before the run (machine_info's last line).</summary>
    public static string? BusyWarning(IEnumerable<KeyValuePair<string, string>> machine) =>
        machine.FirstOrDefault(m => m.Key == "CPU busy before the run").Value is { } busy
            && int.TryParse(busy.Split('%')[0], NumberStyles.Integer, Inv, out var percent) && percent >= 25
            ? string.Create(Inv, $"> **The machine was busy**: other processes used {percent}% of the CPU just before this run, so these numbers are lower than the machine can do and compare badly with other runs.")
            : null;

    /// <summary>The busy warning if any, then the line that says which data the run used.</summary>
    public static void BusyAndData(StringBuilder sb, IEnumerable<KeyValuePair<string, string>> machine, string data)
    {
        if (BusyWarning(machine) is { } warning)
        {
            sb.Append(warning).Append("\n\n");
        }

        sb.Append("**Data:** ").Append(data).Append("\n\n");
    }

    /// <summary>The Machine and Commands sections every report ends with.</summary>
    public static void MachineAndCommands(StringBuilder sb, IEnumerable<KeyValuePair<string, string>> machine, IEnumerable<string> commands)
    {
        sb.Append("\n## Machine\n\n");
        foreach (var (key, value) in machine)
        {
            sb.Append("- ").Append(key).Append(": ").Append(value).Append('\n');
        }

        sb.Append("\n## Commands\n\n```bash\n");
        foreach (var c in commands)
        {
            sb.Append(c).Append('\n');
        }

        sb.Append("```\n");
    }

    /// <summary>The newest earlier report of the same scale and the same data (a fallback run never compares with generated data).</summary>
    private static async Task<(string File, BenchReport Report)?> FindPreviousAsync(string dir, string scale, string data, string exclude)
    {
        if (!Directory.Exists(dir))
        {
            return null;
        }

        (string, BenchReport)? best = null;
        foreach (var file in Directory.GetFiles(dir, "*.json").Where(f => Path.GetFullPath(f) != exclude && Path.GetFileName(f) != "latest.json"))
        {
            BenchReport? r;
            try
            {
                r = JsonSerializer.Deserialize<BenchReport>(await File.ReadAllTextAsync(file), Json.Options);
            }
            catch (JsonException)
            {
                continue;
            }

            if (r?.Load is null || r.Scale != scale || r.Load.Data != data)
            {
                continue;
            }

            if (best is null || r.Load.StartedAtUtc > best.Value.Item2.Load.StartedAtUtc)
            {
                best = (file, r);
            }
        }

        return best;
    }

    public static string Markdown(BenchReport r, BenchReport? previous)
    {
        var l = r.Load;
        var sb = new StringBuilder();
        void Line(string s = "") => sb.Append(s).Append('\n');

        Line(string.Create(Inv, $"# DanVan benchmark: {r.Scale} scale, {l.StartedAtUtc:yyyy-MM-dd HH:mm} UTC"));
        Line();
        Line($"**Data:** {l.Data}");
        Line();
        Line(string.Create(Inv, $"**Load:** {l.Clients} concurrent clients per scenario, {l.WarmupSeconds:0.#} s warm-up (not recorded), then {l.DurationSeconds:0.#} s measured; every request timed. The driver (`bench/DanVan.Load`) is a second process on the same machine, over loopback, signed in through the login form."));
        Line();
        if (BusyWarning(r.Machine) is { } warning)
        {
            Line(warning);
            Line();
        }

        foreach (var note in l.Notes)
        {
            Line($"- {note}");
        }

        if (l.Notes.Count > 0)
        {
            Line();
        }

        Line("## Scenarios");
        Line();
        Line("Latency in ms. *× page* and *× SQL*: the scenario's median over the median of its two references (below): the same app " +
            "answering a fixed page of the scenario's median size, and the scenario's SQL run directly on PostgreSQL. " +
            (previous is null ? "" : $"*vs previous*: median and requests/s of this run over those of `{r.ComparedWith}` (same scale and data; < 1 for the median is faster)."));
        Line();
        Line("| scenario | request | req/s | median | p95 | p99 | errors | size | × page | × SQL |" + (previous is null ? "" : " vs previous: median, req/s |"));
        Line("|---|---|--:|--:|--:|--:|--:|--:|--:|--:|" + (previous is null ? "" : "--:|"));
        foreach (var s in l.Scenarios)
        {
            if (s.Web is not { } w)
            {
                Line($"| {s.Title} | | skipped: {s.Skipped} | | | | | | | |" + (previous is null ? "" : " |"));
                continue;
            }

            var prev = previous?.Load.Scenarios.FirstOrDefault(p => p.Name == s.Name)?.Web;
            var vs = previous is null ? "" : prev is null || prev.MedianMs <= 0 || prev.RequestsPerSecond <= 0 ? " new |"
                : string.Create(Inv, $" {w.MedianMs / prev.MedianMs:0.00}, {w.RequestsPerSecond / prev.RequestsPerSecond:0.00} |");
            Line($"| {s.Title} (`{s.User}`) | `{s.Request}` | {Rate(w.RequestsPerSecond)} | {Ms(w.MedianMs)} | {Ms(w.P95Ms)} | {Ms(w.P99Ms)} | {Errors(w)} | {Size(w.MedianBytes)} | " +
                $"{Ratio(w.MedianMs, s.Fixed?.MedianMs)} | {Ratio(w.MedianMs, s.Sql?.MedianMs)} |{vs}");
        }

        Line();
        Line("## References");
        Line();
        Line("*Fixed page*: `GET /bench/fixed?bytes=N` (mapped only with `Bench:Enabled=true`), N = the scenario's median response size, " +
            "same user and cookie, same pipeline, no database. *Raw SQL*: the statements the page sends (scope, data, badge; written from the EF Core " +
            "queries and checked against the SQL EF Core logs), one after another on a pooled Npgsql connection, same clients and duration. *Statements · rows*: what pg_stat_statements counted for one request through the app and " +
            "one run of the reference, just before measuring (✓: the reference still sends what the page sends).");
        Line();
        Line("| scenario | fixed page: req/s | median | p95 | raw SQL: req/s | median | p95 | SQL errors | statements · rows: page / SQL |");
        Line("|---|--:|--:|--:|--:|--:|--:|--:|--:|");
        foreach (var s in l.Scenarios.Where(s => s.Web is not null))
        {
            var f = s.Fixed;
            var q = s.Sql;
            Line($"| {s.Title} | {(f is null ? "–" : Rate(f.RequestsPerSecond))} | {(f is null ? "–" : Ms(f.MedianMs))} | {(f is null ? "–" : Ms(f.P95Ms))} | " +
                $"{(q is null ? "–" : Rate(q.RequestsPerSecond))} | {(q is null ? "–" : Ms(q.MedianMs))} | {(q is null ? "–" : Ms(q.P95Ms))} | {(q is null ? "–" : Errors(q))} | {Check(s.Check)} |");
        }

        var failures = l.Scenarios.SelectMany(s => new[] { ("", s.Web), (" (fixed page)", s.Fixed), (" (SQL)", s.Sql) }
            .Where(x => x.Item2 is { Errors: > 0 }).SelectMany(x => x.Item2!.ErrorSamples.Select(e => $"{s.Name}{x.Item1}: {e}"))).ToList();
        if (failures.Count > 0)
        {
            Line();
            Line("Errors seen:");
            foreach (var f in failures)
            {
                Line($"- {f}");
            }
        }

        Line();
        Line("## App process");
        Line();
        Line(r.AppPeakKb is { } kb
            ? string.Create(Inv, $"Peak resident memory of the app (VmHWM of `/proc/<pid>/status` after the run): **{kb / 1024.0:N0} MB**.")
                + (previous?.AppPeakKb is { } pkb && pkb > 0 ? string.Create(Inv, $" Previous: {pkb / 1024.0:N0} MB ({(double)kb / pkb:0.00}×).") : "")
            : "Peak memory not measured.");
        if (r.Micro is { Length: > 0 })
        {
            Line();
            Line("## Micro-benchmarks");
            Line();
            Line(r.Micro);
        }

        MachineAndCommands(sb, r.Machine, r.Commands);
        return sb.ToString();
    }

    private static string Check(StatementCheckResult? c) => c is null ? "not checked"
        : string.Create(Inv, $"{c.Page.Statements} · {c.Page.Rows:N0} / {c.Sql.Statements} · {c.Sql.Rows:N0} {(c.Matches ? "✓" : "**differ**")}");

    internal static string Ms(double ms) => ms < 10 ? ms.ToString("0.0", Inv) : ms.ToString("N0", Inv);

    internal static string Rate(double perSecond) => perSecond < 10 ? perSecond.ToString("0.0", Inv) : perSecond.ToString("N0", Inv);

    internal static string Size(long bytes) => bytes < 1024 ? bytes.ToString(Inv) + " B" : (bytes / 1024.0).ToString("N1", Inv) + " KB";

    private static string Errors(Measurement m) => m.Errors == 0 ? "0" : string.Create(Inv, $"**{m.Errors}** of {m.Count}");

    private static string Ratio(double value, double? reference) =>
        reference is > 0 ? (value / reference.Value) switch { < 10 and var x => x.ToString("0.0", Inv) + "×", var x => x.ToString("N0", Inv) + "×" } : "–";
}
