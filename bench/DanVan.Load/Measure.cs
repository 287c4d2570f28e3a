using System.Diagnostics;

namespace DanVan.Load;

/// <summary>What one operation did: how many bytes it read (0 for SQL) and, if it failed, why.</summary>
public readonly record struct Outcome(long Bytes, string? Error)
{
    public static Outcome Ok(long bytes) => new(bytes, null);

    public static Outcome Failed(string error) => new(0, error);
}

/// <summary>Latencies of one scenario or reference: every request timed, none sampled.</summary>
public sealed record Measurement(
    int Count, int Errors, double Seconds, double RequestsPerSecond, double MeanMs, double MedianMs, double P95Ms, double P99Ms, double MaxMs,
    long MedianBytes, IReadOnlyList<string> ErrorSamples);

/// <summary>Runs an operation from N concurrent clients: a warm-up (not recorded), then a fixed measured window.</summary>
public static class Measure
{
    public static async Task<Measurement> RunAsync(int clients, TimeSpan warmup, TimeSpan duration, Func<int, CancellationToken, Task<Outcome>> operation)
    {
        var warmupEnd = Stopwatch.GetTimestamp() + (long)(warmup.TotalSeconds * Stopwatch.Frequency);
        var measureStart = 0L;
        var measureEnd = 0L;
        var started = 0;
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var perClient = new List<(double Ms, long Bytes, string? Error)>[clients];

        async Task ClientAsync(int client)
        {
            var samples = perClient[client] = new List<(double, long, string?)>(4096);
            while (Stopwatch.GetTimestamp() < warmupEnd)
            {
                await Guarded(operation, client);
            }

            // Every client starts the measured window at the same instant, once all have finished warming up.
            if (Interlocked.Increment(ref started) == clients)
            {
                measureStart = Stopwatch.GetTimestamp();
                measureEnd = measureStart + (long)(duration.TotalSeconds * Stopwatch.Frequency);
                gate.SetResult();
            }

            await gate.Task;
            while (Stopwatch.GetTimestamp() < measureEnd)
            {
                var t0 = Stopwatch.GetTimestamp();
                var outcome = await Guarded(operation, client);
                samples.Add((Stopwatch.GetElapsedTime(t0).TotalMilliseconds, outcome.Bytes, outcome.Error));
            }
        }

        await Task.WhenAll(Enumerable.Range(0, clients).Select(c => Task.Run(() => ClientAsync(c))));
        var elapsed = Stopwatch.GetElapsedTime(measureStart).TotalSeconds; // the window plus the requests still in flight at its end
        var all = perClient.SelectMany(s => s).ToList();
        return Summarise(all, elapsed);
    }

    private static async Task<Outcome> Guarded(Func<int, CancellationToken, Task<Outcome>> operation, int client)
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            return await operation(client, timeout.Token);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException or Npgsql.NpgsqlException or InvalidOperationException)
        {
            return Outcome.Failed(ex.GetType().Name + ": " + ex.Message);
        }
    }

    public static Measurement Summarise(IReadOnlyList<(double Ms, long Bytes, string? Error)> samples, double seconds)
    {
        var ok = samples.Where(s => s.Error is null).ToList();
        var times = ok.Select(s => s.Ms).Order().ToArray();
        var sizes = ok.Select(s => s.Bytes).Order().ToArray();
        var errors = samples.Where(s => s.Error is not null).Select(s => s.Error!).ToList();
        return new Measurement(
            samples.Count, errors.Count, Math.Round(seconds, 2), seconds > 0 ? Math.Round(ok.Count / seconds, 1) : 0,
            times.Length == 0 ? 0 : Math.Round(times.Average(), 2), Percentile(times, 0.50), Percentile(times, 0.95), Percentile(times, 0.99),
            times.Length == 0 ? 0 : Math.Round(times[^1], 2), sizes.Length == 0 ? 0 : sizes[sizes.Length / 2],
            errors.GroupBy(e => e).OrderByDescending(g => g.Count()).Take(5).Select(g => $"{g.Count()}× {g.Key}").ToList());
    }

    /// <summary>Nearest-rank percentile of sorted values (p95 of 20 values is the 19th).</summary>
    public static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? 0 : Math.Round(sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)], 2);
}
