using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Npgsql;

namespace DanVan.Load;

/// <summary>One write: which instance, when (Unix ms), what it got (status 0: no HTTP answer), and how often its marker is in the database.</summary>
public sealed record FaultWrite(long Seq, string Marker, int Instance, long StartMs, long EndMs, int Status, string? Error, int Found)
{
    public bool Acknowledged => Status is >= 200 and < 300;
}

/// <summary>A line of the events file bench/faults.sh writes: a fault starts a phase, a mark is a milestone within it.</summary>
public sealed record FaultEvent(long AtMs, string Kind, string Text);

public sealed record FaultMark(string Text, double AtSeconds, IReadOnlyList<double?> FirstAckAfterMs);

public sealed record FaultPhase(
    string Name, double FromSeconds, int Writes, int Acknowledged, IReadOnlyList<KeyValuePair<string, int>> Errors, int AckFoundOnce, int AckMissing,
    int AckDuplicated, int NotAckFound, double? LongestAckGapMs, double? AllGoodAfterMs, IReadOnlyList<FaultMark> Marks);

public sealed record FaultSecond(int Second, IReadOnlyList<int> Sent, IReadOnlyList<int> Acknowledged, IReadOnlyList<KeyValuePair<string, int>> Failures);

public sealed record FaultResult(
    DateTime StartedAtUtc, IReadOnlyList<string> Instances, double Rate, int Clients, double TimeoutSeconds, double SkipSeconds, string Data, string Run,
    int Deadlines, int Requests, int Acknowledged, int AckFoundOnce, int AckMissing, int AckDuplicated, int NotAckFound,
    IReadOnlyList<KeyValuePair<string, int>> Errors, IReadOnlyList<FaultPhase> Phases, IReadOnlyList<FaultSecond> Seconds, IReadOnlyList<string> Notes)
{
    public bool Passed => AckMissing == 0 && AckDuplicated == 0;
}

/// <summary>
/// `faults`: the writer of bench/faults.sh. Acknowledged writes (<c>POST /api/tasks/{id}/progress</c> as canbo, a unique
/// marker in each note, never retried) at a steady rate, alternately on the instances, while the script kills and
/// restarts things; each write's answer is kept. When the script writes its stop event, the markers are counted in the
/// database: every acknowledged write must be there exactly once.
/// </summary>
internal static class Faults
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static async Task<int> RunAsync(Options o)
    {
        var instances = o.Require("instances").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(u => new Uri(u)).ToArray();
        var rate = o.Double("rate", 40);
        var clients = o.Int("clients", 8);
        var timeout = TimeSpan.FromSeconds(o.Double("timeout", 10));
        var skip = TimeSpan.FromSeconds(o.Double("skip", 2));
        var maxSeconds = o.Double("max-seconds", 600);
        var eventsFile = o.Require("events");
        var notes = new List<string>();
        var started = DateTime.UtcNow;
        var run = Guid.NewGuid().ToString("N")[..8];

        LoadRun.Log($"signing in as canbo on {string.Join(", ", instances.Select(i => i.ToString()))}");
        var sessions = new List<WebSession>();
        foreach (var uri in instances)
        {
            sessions.Add(await WebSession.SignInAsync(uri, "canbo", LoadRun.Password, clients));
        }

        try
        {
            var deadlines = await LoadRun.OpenDeadlinesAsync(sessions[0]);
            if (deadlines.Count == 0)
            {
                throw new InvalidOperationException("canbo's unit has no open deadline to report progress on");
            }

            LoadRun.Log(string.Create(Inv, $"writing {rate:0.#}/s from {clients} clients on {deadlines.Count} open deadlines, marker run {run}; stop event in {eventsFile}"));
            var writes = new ConcurrentQueue<FaultWrite>();
            var downUntil = new long[instances.Length];
            var begin = Environment.TickCount64;
            using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(maxSeconds));
            var watcher = Task.Run(async () =>
            {
                while (!stop.IsCancellationRequested)
                {
                    if ((await ReadEventsAsync(eventsFile)).Any(e => e.Kind == "stop"))
                    {
                        await stop.CancelAsync();
                        break;
                    }

                    await Task.Delay(200);
                }
            });

            async Task ClientAsync(int client)
            {
                var buffer = new byte[16384];
                for (long seq = client; !stop.IsCancellationRequested; seq += clients)
                {
                    var due = begin + (long)(seq * 1000 / rate);
                    var wait = due - Environment.TickCount64;
                    if (wait > 0)
                    {
                        try
                        {
                            await Task.Delay(TimeSpan.FromMilliseconds(wait), stop.Token);
                        }
                        catch (OperationCanceledException)
                        {
                            break;
                        }
                    }

                    writes.Enqueue(await WriteAsync(seq));
                }

                async Task<FaultWrite> WriteAsync(long seq)
                {
                    // A load balancer with a passive check: an instance that refused a connection is left alone for a while.
                    var target = (int)(seq % instances.Length);
                    var now = Environment.TickCount64;
                    for (var k = 0; k < instances.Length && Volatile.Read(ref downUntil[target]) > now; k++)
                    {
                        target = (target + 1) % instances.Length;
                    }

                    var marker = string.Create(Inv, $"{run}-{seq:D6}");
                    var path = $"/api/tasks/{deadlines[(int)(seq % deadlines.Count)]}/progress";
                    var json = LoadRun.ProgressJson((int)(1 + (seq % 98)), $"Kiểm thử sự cố: báo cáo tiến độ {marker}");
                    var startMs = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
                    int status;
                    string? error;
                    try
                    {
                        using var cts = new CancellationTokenSource(timeout);
                        var answer = await sessions[target].ExchangeAsync(HttpMethod.Post, path, WebSession.JsonContent(json), buffer, cts.Token);
                        status = answer.Status;
                        error = answer.IsSuccess ? null : $"HTTP {answer.Status}";
                    }
                    catch (HttpRequestException ex)
                    {
                        (status, error) = (0, WebSession.Describe(ex));
                        Volatile.Write(ref downUntil[target], Environment.TickCount64 + (long)skip.TotalMilliseconds);
                    }
                    catch (OperationCanceledException)
                    {
                        (status, error) = (0, string.Create(Inv, $"timeout ({timeout.TotalSeconds:0} s)"));
                    }

                    return new FaultWrite(seq, marker, target, startMs, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), status, error, 0);
                }
            }

            await Task.WhenAll(Enumerable.Range(0, clients).Select(c => Task.Run(() => ClientAsync(c))));
            await watcher;
            var events = await ReadEventsAsync(eventsFile);
            if (!events.Any(e => e.Kind == "stop"))
            {
                notes.Add(string.Create(Inv, $"**No stop event within {maxSeconds:0} s: the writer stopped on its own.**"));
            }

            LoadRun.Log($"{writes.Count} writes; counting their markers in the database");
            var found = await CountMarkersAsync(o.Require("pg"), run);
            var all = writes.OrderBy(w => w.StartMs).Select(w => w with { Found = found.GetValueOrDefault(w.Marker) }).ToList();
            var result = Summarise(started, instances, rate, clients, timeout, skip, o.Get("data") ?? "", run, deadlines.Count, all, events, notes);
            var machine = await Report.MachineAsync(o.Get("machine"));
            var commands = await Report.CommandsAsync(o.Get("commands"));
            await File.WriteAllTextAsync(o.Require("out-json"), JsonSerializer.Serialize(result, Json.Options));
            await File.WriteAllTextAsync(o.Require("out-md"), Markdown(result, machine, commands));
            LoadRun.Log(string.Create(Inv,
                $"{(result.Passed ? "PASS" : "FAIL")}: {result.Requests} writes, {result.Acknowledged} acknowledged, {result.AckFoundOnce} found once, {result.AckMissing} missing, {result.AckDuplicated} duplicated"));
            return result.Passed ? 0 : 4;
        }
        finally
        {
            sessions.ForEach(s => s.Dispose());
        }
    }

    /// <summary>Lines "unix-ms TAB kind TAB text"; a file still being written may end with half a line, which is skipped.</summary>
    private static async Task<List<FaultEvent>> ReadEventsAsync(string file)
    {
        if (!File.Exists(file))
        {
            return [];
        }

        await using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        var text = await reader.ReadToEndAsync();
        return text.Split('\n').Select(l => l.Split('\t')).Where(p => p.Length == 3 && long.TryParse(p[0], NumberStyles.Integer, Inv, out _))
            .Select(p => new FaultEvent(long.Parse(p[0], Inv), p[1], p[2].TrimEnd('\r'))).ToList();
    }

    /// <summary>How many progress rows hold each marker of this run; PostgreSQL may still be coming back, so it is tried for a minute.</summary>
    private static async Task<Dictionary<string, int>> CountMarkersAsync(string connectionString, string run)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var db = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(connectionString) { ApplicationName = "danvan-bench-faults" }.ConnectionString);
                await using var cmd = db.CreateCommand("""
                    SELECT substring("Note" from $2), count(*)::int FROM "WorkItemUpdates" WHERE "Note" LIKE $1 GROUP BY 1
                    """);
                cmd.Parameters.Add(new NpgsqlParameter { Value = $"%{run}-%" });
                cmd.Parameters.Add(new NpgsqlParameter { Value = $"{run}-[0-9]+" });
                var found = new Dictionary<string, int>(StringComparer.Ordinal);
                await using var reader = await cmd.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                {
                    found[reader.GetString(0)] = reader.GetInt32(1);
                }

                return found;
            }
            catch (NpgsqlException) when (attempt < 60)
            {
                await Task.Delay(1000);
            }
        }
    }

    private static FaultResult Summarise(DateTime started, Uri[] instances, double rate, int clients, TimeSpan timeout, TimeSpan skip, string data, string run,
        int deadlines, List<FaultWrite> all, List<FaultEvent> events, List<string> notes)
    {
        var origin = all.Count > 0 ? Math.Min(all[0].StartMs, events.Count > 0 ? events.Min(e => e.AtMs) : long.MaxValue) : 0;
        double At(long ms) => Math.Round((ms - origin) / 1000.0, 2);
        var faults = events.Where(e => e.Kind == "fault").OrderBy(e => e.AtMs).ToList();
        var bounds = new List<(string Name, long From, long To)>();
        var phaseStart = all.Count > 0 ? all[0].StartMs : origin;
        bounds.Add(("before any fault", phaseStart, faults.Count > 0 ? faults[0].AtMs : long.MaxValue));
        for (var i = 0; i < faults.Count; i++)
        {
            bounds.Add((faults[i].Text, faults[i].AtMs, i + 1 < faults.Count ? faults[i + 1].AtMs : long.MaxValue));
        }

        var phases = bounds.Select(b =>
        {
            // By the time of its answer (or failure): a write in flight when the fault struck belongs to the fault.
            var mine = all.Where(w => w.EndMs >= b.From && w.EndMs < b.To).ToList();
            var acked = mine.Where(w => w.Acknowledged).ToList();
            var failed = mine.Where(w => !w.Acknowledged).ToList();
            // The longest stretch without an answered write, counted from the last one before the phase.
            var ackEnds = all.Where(w => w.Acknowledged && w.EndMs < b.To).Select(w => w.EndMs).Where(t => t >= b.From).Order().ToList();
            var lastBefore = all.Where(w => w.Acknowledged && w.EndMs < b.From).Select(w => (long?)w.EndMs).Max();
            var points = (lastBefore is { } lb ? new[] { lb } : []).Concat(ackEnds).ToList();
            double? gap = points.Count < 2 ? null : points.Zip(points.Skip(1), (x, y) => (double)(y - x)).Max();
            double? allGood = failed.Count == 0 ? 0
                : mine.Where(w => w.Acknowledged && w.StartMs > failed.Max(f => f.StartMs)).Select(w => (double?)(w.EndMs - b.From)).Min();
            allGood = faults.Count > 0 && b.From < faults[0].AtMs && failed.Count == 0 ? null : allGood; // nothing to recover from before the first fault
            var marks = events.Where(e => e.Kind == "mark" && e.AtMs >= b.From && e.AtMs < b.To).OrderBy(e => e.AtMs).Select(e => new FaultMark(e.Text, At(e.AtMs),
                Enumerable.Range(0, instances.Length).Select(i => all.Where(w => w.Instance == i && w.Acknowledged && w.StartMs >= e.AtMs)
                    .Select(w => (double?)(w.EndMs - e.AtMs)).Min()).ToList())).ToList();
            return new FaultPhase(b.Name, At(b.From), mine.Count, acked.Count, ErrorsOf(failed), acked.Count(w => w.Found == 1), acked.Count(w => w.Found == 0),
                acked.Count(w => w.Found > 1), failed.Count(w => w.Found > 0), gap, allGood, marks);
        }).ToList();

        var seconds = all.GroupBy(w => (int)((w.StartMs - origin) / 1000)).OrderBy(g => g.Key).Select(g => new FaultSecond(g.Key,
            Enumerable.Range(0, instances.Length).Select(i => g.Count(w => w.Instance == i)).ToList(),
            Enumerable.Range(0, instances.Length).Select(i => g.Count(w => w.Instance == i && w.Acknowledged)).ToList(),
            ErrorsOf(g.Where(w => !w.Acknowledged)))).ToList();
        var ackAll = all.Where(w => w.Acknowledged).ToList();
        return new FaultResult(started, instances.Select(i => i.ToString()).ToList(), rate, clients, timeout.TotalSeconds, skip.TotalSeconds, data, run, deadlines,
            all.Count, ackAll.Count, ackAll.Count(w => w.Found == 1), ackAll.Count(w => w.Found == 0), ackAll.Count(w => w.Found > 1),
            all.Count(w => !w.Acknowledged && w.Found > 0), ErrorsOf(all.Where(w => !w.Acknowledged)), phases, seconds, notes);
    }

    /// <summary>The seconds to show, runs of four or more "serving" seconds (≥ 90 % acknowledged, consecutive) summed into one row.</summary>
    private static IEnumerable<(string Label, FaultSecond Second)> Condensed(List<FaultSecond> shown, int n)
    {
        static bool Serving(FaultSecond s) => s.Acknowledged.Sum() >= 0.9 * s.Sent.Sum();
        var run = new List<FaultSecond>();
        IEnumerable<(string, FaultSecond)> Flush()
        {
            var rows = run.Count >= 4
                ? [(string.Create(Inv, $"{run[0].Second}–{run[^1].Second}"), new FaultSecond(run[0].Second,
                    Enumerable.Range(0, n).Select(i => run.Sum(r => r.Sent[i])).ToList(), Enumerable.Range(0, n).Select(i => run.Sum(r => r.Acknowledged[i])).ToList(),
                    run.SelectMany(r => r.Failures).GroupBy(f => f.Key).Select(g => new KeyValuePair<string, int>(g.Key, g.Sum(f => f.Value))).OrderByDescending(f => f.Value).ToList()))]
                : run.Select(r => (r.Second.ToString(Inv), r)).ToList();
            run = [];
            return rows;
        }

        foreach (var s in shown)
        {
            if (run.Count > 0 && (!Serving(s) || s.Second != run[^1].Second + 1))
            {
                foreach (var row in Flush())
                {
                    yield return row;
                }
            }

            if (Serving(s))
            {
                run.Add(s);
            }
            else
            {
                yield return (s.Second.ToString(Inv), s);
            }
        }

        foreach (var row in Flush())
        {
            yield return row;
        }
    }

    private static List<KeyValuePair<string, int>> ErrorsOf(IEnumerable<FaultWrite> failed) =>
        failed.GroupBy(w => w.Error ?? "?").OrderByDescending(g => g.Count()).Select(g => new KeyValuePair<string, int>(g.Key, g.Count())).ToList();

    private static string Join(IReadOnlyList<KeyValuePair<string, int>> errors) =>
        errors.Count == 0 ? "none" : string.Join(", ", errors.Select(e => string.Create(Inv, $"{e.Value:N0}× {e.Key}")));

    private static string Seconds(double? ms) => ms is { } v ? (v / 1000).ToString("0.00", Inv) + " s" : "–";

    private static string Letter(int instance) => ((char)('A' + instance)).ToString();

    public static string Markdown(FaultResult r, IReadOnlyList<KeyValuePair<string, string>> machine, IReadOnlyList<string> commands)
    {
        var sb = new StringBuilder();
        void Line(string s = "") => sb.Append(s).Append('\n');
        var n = r.Instances.Count;

        Line(string.Create(Inv, $"# DanVan faults: {n} instances, one killed, PostgreSQL restarted, {r.StartedAtUtc:yyyy-MM-dd HH:mm} UTC"));
        Line();
        Line(string.Create(Inv, $"**{(r.Passed ? "PASS" : "FAIL")}**: {r.Acknowledged:N0} acknowledged writes of {r.Requests:N0}; afterwards **{r.AckFoundOnce:N0} found once, {r.AckMissing:N0} missing, {r.AckDuplicated:N0} found more than once** ") +
            "(pass condition: every acknowledged write in the database exactly once)." +
            (r.NotAckFound > 0 ? string.Create(Inv, $" {r.NotAckFound:N0} writes that got no 2xx answer are in the database too (committed, answer lost).") : ""));
        Line();
        Report.BusyAndData(sb, machine, r.Data);
        Line(string.Create(Inv, $"**Set-up:** {n} instances of `DanVan.dll` (Release) on the same PostgreSQL database: ") +
            string.Join(", ", r.Instances.Select((u, i) => $"{Letter(i)} = `{u}`")) + ". " +
            string.Create(Inv, $"The writer (`bench/DanVan.Load faults`) sends {r.Rate:0.#} writes/s from {r.Clients} clients, alternately to each instance, as a load balancer with a passive check would: ") +
            string.Create(Inv, $"an instance that refused a connection gets nothing for {r.SkipSeconds:0.#} s. Each write is `POST /api/tasks/{{id}}/progress` as `canbo` on one of {r.Deadlines} open deadlines (never completing them) with a unique marker (`{r.Run}-NNNNNN`) in its note, sent once (no retries), timeout {r.TimeoutSeconds:0} s. ") +
            "*Acknowledged* = answered 2xx. After the run the markers are counted in `WorkItemUpdates`.");
        Line();
        foreach (var note in r.Notes)
        {
            Line($"- {note}");
            Line();
        }

        Line("## Phases");
        Line();
        Line("A phase runs from its fault to the next one; a write belongs to the phase in which its answer (or its failure) came, so a write in flight when the fault struck counts for the fault. " +
            "*Longest without an acknowledgement*: the longest time between two answered writes (from the last one before the phase). " +
            "*All succeed again after*: from the fault to the answer of the first acknowledged write sent after the phase's last failed one (the recovery time). " +
            "After a kill the writer goes back to the killed instance only when its skip time has run out, so the instance's own recovery is in *Events*.");
        Line();
        Line("| phase | at | writes | acknowledged | failed: answers | ack. found once | ack. missing | ack. duplicated | not ack. but written | longest without an ack. | all succeed again after |");
        Line("|---|--:|--:|--:|---|--:|--:|--:|--:|--:|--:|");
        foreach (var p in r.Phases)
        {
            Line(string.Create(Inv, $"| {p.Name} | {p.FromSeconds:0.0} s | {p.Writes:N0} | {p.Acknowledged:N0} | {Join(p.Errors)} | {p.AckFoundOnce:N0} | {(p.AckMissing == 0 ? "0" : $"**{p.AckMissing:N0}**")} | ") +
                string.Create(Inv, $"{(p.AckDuplicated == 0 ? "0" : $"**{p.AckDuplicated:N0}**")} | {p.NotAckFound:N0} | {Seconds(p.LongestAckGapMs)} | {(p.AllGoodAfterMs is not null ? Seconds(p.AllGoodAfterMs) : p.Errors.Count == 0 ? "–" : "**not within the phase**")} |"));
        }

        Line();
        Line("## Events");
        Line();
        Line("Times from the first write. For each milestone: how long until each instance acknowledged a write sent after it.");
        Line();
        Line("| at | event | " + string.Join(" | ", Enumerable.Range(0, n).Select(i => $"first ack. on {Letter(i)} after it")) + " |");
        Line("|--:|---|" + string.Concat(Enumerable.Repeat("--:|", n)));
        foreach (var p in r.Phases.Skip(1))
        {
            Line(string.Create(Inv, $"| {p.FromSeconds:0.00} s | **{p.Name}** |") + string.Concat(Enumerable.Repeat(" |", n)));
            foreach (var m in p.Marks)
            {
                Line(string.Create(Inv, $"| {m.AtSeconds:0.00} s | {m.Text} | ") + string.Join(" | ", m.FirstAckAfterMs.Select(Seconds)) + " |");
            }
        }

        Line();
        Line("## Seconds with failures");
        Line();
        var bad = r.Seconds.Where(s => s.Failures.Count > 0).Select(s => s.Second).ToHashSet();
        var shown = r.Seconds.Where(s => bad.Contains(s.Second) || bad.Contains(s.Second - 1) || bad.Contains(s.Second + 1)).ToList();
        if (shown.Count == 0)
        {
            Line("None.");
        }
        else
        {
            Line("Writes sent in each second (and the one either side): sent / acknowledged per instance, then the failed ones' answers. " +
                "Four or more seconds in a row in which at least 90 % of the writes were acknowledged (the service ran, a few writes failed) are summed into one row.");
            Line();
            Line("| second | " + string.Join(" | ", Enumerable.Range(0, n).Select(i => $"{Letter(i)}: sent / ack.")) + " | failed |");
            Line("|--:|" + string.Concat(Enumerable.Repeat("--:|", n)) + "---|");
            foreach (var (label, s) in Condensed(shown, n))
            {
                Line($"| {label} | " + string.Join(" | ", Enumerable.Range(0, n).Select(i => string.Create(Inv, $"{s.Sent[i]:N0} / {s.Acknowledged[i]:N0}"))) +
                    $" | {(s.Failures.Count == 0 ? "" : Join(s.Failures))} |");
            }
        }

        Report.MachineAndCommands(sb, machine, commands);
        return sb.ToString();
    }
}
